//! The law library (法规) for the 依据 panels and the 法规 page: fetched once, when first asked
//! for, from the build's `laws.json` (the service worker serves it offline), so the texts are
//! not part of the first download. A failed read can be retried.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser;
use crate::domain::law::LawLibrary;

/// The bundle `scripts/postbuild.py` writes beside `index.html`.
const BUNDLE: &str = "./laws.json";

/// Where the library is.
#[derive(Debug, Clone, PartialEq)]
pub enum LawsState {
    NotLoaded,
    Loading,
    Ready(Arc<LawLibrary>),
    Failed(String),
}

/// The law-library context.
#[derive(Clone, Copy)]
pub struct Laws {
    pub state: RwSignal<LawsState>,
}

impl Laws {
    /// Starts reading the library unless it is read or being read; retries after a failure.
    pub fn load(self) {
        if matches!(
            self.state.get_untracked(),
            LawsState::Loading | LawsState::Ready(_)
        ) {
            return;
        }
        self.state.set(LawsState::Loading);
        spawn_local(async move {
            let read = browser::fetch_text(BUNDLE).await.and_then(|text| {
                LawLibrary::from_bundle(&text)
                    .map_err(|problems| format!("法规库内容有误：{}", problems.join("；")))
            });
            self.state.set(match read {
                Ok(library) => LawsState::Ready(Arc::new(library)),
                Err(e) => LawsState::Failed(e),
            });
        });
    }
}

pub fn provide_laws() -> Laws {
    let laws = Laws {
        state: RwSignal::new(LawsState::NotLoaded),
    };
    provide_context(laws);
    laws
}

pub fn use_laws() -> Laws {
    expect_context::<Laws>()
}

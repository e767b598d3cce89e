//! The device's issuing agency (落款单位) as a context: the name as typed (kept in
//! localStorage), the print waiting for the user's answer when it is not set, whether the user
//! already chose to print without one in this session, and the name put on the root element as
//! `--agency` for the print styles' page header.

use leptos::prelude::*;

use crate::browser;
use crate::domain::agency::Agency;
use crate::storage::preferences;

/// The issuing agency setting.
#[derive(Clone, Copy)]
pub struct AgencySetting {
    typed: RwSignal<String>,
    /// The print to run once the user answered the question for the agency.
    pub waiting: RwSignal<Option<Callback<()>>>,
    /// Set once the user chose to print without an agency in this session (asked only once).
    declined: RwSignal<bool>,
}

impl AgencySetting {
    /// The name as typed (for the input).
    pub fn typed(&self) -> String {
        self.typed.get()
    }

    /// The agency as printed, if one is set.
    pub fn agency(&self) -> Option<Agency> {
        self.typed.with(|t| Agency::from_typed(t))
    }

    /// Keeps `typed` on the device for every document.
    pub fn set(&self, typed: String) {
        preferences::set_issuing_body(&typed);
        self.typed.set(typed);
    }

    /// Runs `print` now, or after asking for the agency when none is set and the user has not
    /// declined in this session.
    pub fn print(&self, print: Callback<()>) {
        if self
            .typed
            .with_untracked(|t| Agency::from_typed(t).is_none())
            && !self.declined.get_untracked()
        {
            self.waiting.set(Some(print));
        } else {
            print.run(());
        }
    }

    /// The user's answer: the agency typed (kept), or none to print the blanks; then prints.
    pub fn answer(&self, typed: Option<String>) {
        match typed {
            Some(typed) => self.set(typed),
            None => self.declined.set(true),
        }
        if let Some(print) = self.waiting.get_untracked() {
            self.waiting.set(None);
            print.run(());
        }
    }
}

/// Provides the setting and keeps the page header's `--agency` in step with it.
pub fn provide_agency() -> AgencySetting {
    let setting = AgencySetting {
        typed: RwSignal::new(preferences::issuing_body().unwrap_or_default()),
        waiting: RwSignal::new(None),
        declined: RwSignal::new(false),
    };
    Effect::new(move |_| {
        let css = setting.agency().map(|a| a.css_string());
        browser::set_root_property("--agency", css.as_deref());
    });
    provide_context(setting);
    setting
}

pub fn use_agency() -> AgencySetting {
    expect_context()
}

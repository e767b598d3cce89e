//! `<App/>`: provides the contexts, opens the database, registers the service worker and
//! shows the page the URL hash names.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::components::{
    nav::Nav, print_button::AgencyQuestion, safekeeping_notices::SafekeepingNotices,
    save_indicator::SaveIndicator, storage_alert::StorageAlert, update_banner::UpdateBanner,
};
use super::pages;
use crate::browser::{self, service_worker};
use crate::route::Route;
use crate::state::{
    agency::provide_agency,
    autosave::provide_autosave,
    connection::{keep_connected, provide_connection, step_aside_for_upgrades},
    laws::provide_laws,
    roster::provide_roster,
    safekeeping::provide_safekeeping,
    storage_status::{provide_storage_status, DatabaseState},
    tabs::{connect_tabs, provide_tab_notices},
    work::provide_work,
};
use crate::storage::{schema, Database};

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let autosave = provide_autosave();
    let roster = provide_roster(autosave);
    let work = provide_work(autosave);
    let storage = provide_storage_status();
    provide_safekeeping(roster, work, storage);
    let tab_notices = provide_tab_notices();
    let connection = provide_connection();
    let route = provide_route();
    provide_laws();
    provide_agency();
    let update_ready = RwSignal::new(false);

    service_worker::register(move || update_ready.set(true));

    spawn_local(async move {
        let opened = Database::open(schema::DATABASE_NAME, move || {
            storage.database.set(DatabaseState::Blocked)
        })
        .await;
        match opened {
            Ok(database) => {
                storage.database.set(DatabaseState::Ready {
                    version: database.version(),
                });
                step_aside_for_upgrades(&database, storage);
                let loaded = match roster.load(&database).await {
                    Ok(()) => work.load(&database).await,
                    Err(e) => Err(e),
                };
                match loaded {
                    Ok(()) => {
                        autosave.attach(database);
                        connect_tabs(roster, work, autosave, tab_notices);
                        keep_connected(roster, work, autosave, storage, connection);
                    }
                    Err(e) => {
                        storage.database.set(DatabaseState::Failed(e.message()));
                        autosave.detach(e);
                    }
                }
                roster.mark_loaded();
            }
            Err(e) => {
                storage.database.set(DatabaseState::Failed(e.message()));
                autosave.detach(e);
                roster.mark_loaded();
            }
        }
        storage
            .report
            .set(Some(browser::request_persistent_storage().await));
    });

    view! {
        <header class="app-header">
            <a class="app-title" href="#/">"卫生监督检查"</a>
            <SaveIndicator />
        </header>
        <Nav route=route />
        <UpdateBanner ready=update_ready />
        <StorageAlert />
        <SafekeepingNotices />
        // Pages appear once the data is read, so nothing typed can be overwritten by the load.
        <main class="page" data-testid="page" data-ready=move || roster.loaded.get().to_string()>
            <Show when=move || roster.loaded.get() fallback=|| view! { <p class="muted">"正在读取本机数据…"</p> }>
                {move || pages::page_for(route.get())}
            </Show>
        </main>
        <AgencyQuestion />
    }
}

/// The current route as a signal over `location.hash`; links are plain `href="#/…"`, so the
/// back button and bookmarks work without any router code.
fn provide_route() -> ReadSignal<Route> {
    let hash = || {
        web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default()
    };
    let (route, set_route) = signal(Route::parse(&hash()));
    let handle = window_event_listener_untyped("hashchange", move |_| {
        set_route.set(Route::parse(&hash()));
        if let Some(window) = web_sys::window() {
            window.scroll_to_with_x_and_y(0.0, 0.0);
        }
    });
    std::mem::forget(handle);
    route
}

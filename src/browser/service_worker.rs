//! Registers the service worker (`sw.js`, which caches the app shell per build version) and
//! tells the app when a new version is installed and waiting. The switch to it happens only
//! when the user asks, after unsaved edits are flushed.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{
    ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState,
};

thread_local! {
    static REGISTRATION: RefCell<Option<ServiceWorkerRegistration>> = const { RefCell::new(None) };
    static RELOAD_ON_CONTROLLER_CHANGE: Cell<bool> = const { Cell::new(false) };
}

fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    let present = js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false);
    present.then(|| navigator.service_worker())
}

/// Registers `./sw.js` (relative, so the app works from any sub-folder). `on_update_ready`
/// runs when a newer version has been fully cached and waits to take over.
pub fn register(on_update_ready: impl Fn() + 'static) {
    let Some(container) = container() else { return };
    let on_update_ready: Rc<dyn Fn()> = Rc::new(on_update_ready);
    let had_controller = container.controller().is_some();
    let on_other_tab_update = on_update_ready.clone();
    let on_controller_change = Closure::<dyn FnMut()>::new(move || {
        if RELOAD_ON_CONTROLLER_CHANGE.with(Cell::get) {
            reload();
        } else if had_controller {
            // Another tab switched to a new version and the old files are gone: offer the
            // same save-then-reload hand-over here.
            on_other_tab_update();
        }
    });
    container.set_oncontrollerchange(Some(on_controller_change.as_ref().unchecked_ref()));
    on_controller_change.forget();

    spawn_local(async move {
        let Ok(registration) = JsFuture::from(container.register("./sw.js")).await else {
            web_sys::console::warn_1(
                &"service worker registration failed; offline use is unavailable".into(),
            );
            return;
        };
        let registration: ServiceWorkerRegistration = registration.unchecked_into();
        // A worker already waiting at start means an update finished during an earlier visit.
        if registration.waiting().is_some() && container.controller().is_some() {
            on_update_ready();
        }
        let watched = registration.clone();
        let on_update_found = Closure::<dyn FnMut()>::new(move || {
            let Some(installing) = watched.installing() else {
                return;
            };
            let worker = installing.clone();
            let ready = on_update_ready.clone();
            let container = container.clone();
            let on_state = Closure::<dyn FnMut()>::new(move || {
                // "installed" with an existing controller means an update, not the first visit.
                if worker.state() == ServiceWorkerState::Installed
                    && container.controller().is_some()
                {
                    ready();
                }
            });
            installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        });
        registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
        on_update_found.forget();
        REGISTRATION.with(|r| *r.borrow_mut() = Some(registration));
    });
}

fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// Switches to the new version: asks a waiting worker to take over (the page reloads when it
/// has), or reloads at once if another tab already switched. Call only after the unsaved
/// edits have been written; returns false if the request could not be sent.
pub fn activate_new_version() -> bool {
    let waiting: Option<ServiceWorker> =
        REGISTRATION.with(|r| r.borrow().as_ref().and_then(|r| r.waiting()));
    let Some(waiting) = waiting else {
        reload();
        return true;
    };
    RELOAD_ON_CONTROLLER_CHANGE.with(|c| c.set(true));
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &"SKIP_WAITING".into());
    waiting.post_message(&message).is_ok()
}

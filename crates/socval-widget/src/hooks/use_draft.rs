//! Drafts: the form is saved to localStorage on every change and restored
//! on the next visit. Only this device's browser ever sees it.

use serde::{Deserialize, Serialize};
use yew::prelude::*;

use crate::browser_json;
use crate::form::Form;

/// The page's localStorage; none where it is disabled (some private modes).
fn storage() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

/// The version of the saved draft format; older drafts are discarded with a notice.
pub const DRAFT_VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct Draft {
    version: u32,
    framework: String,
    form: Form,
}

/// What restoring a draft found.
#[derive(Debug, PartialEq)]
pub enum Restored {
    /// Nothing saved.
    Nothing,
    /// A draft.
    Draft(Box<Form>),
    /// Something saved that cannot be used (damaged, or another version).
    Unreadable,
}

/// Reads the draft saved under `key` for `framework` (`id@version`).
pub fn restore(key: &str, framework: &str) -> Restored {
    let Some(text) = storage().and_then(|s| s.get_item(key).ok().flatten()) else {
        return Restored::Nothing;
    };
    match browser_json::parse::<Draft>(&text) {
        Ok(d) if d.version == DRAFT_VERSION && d.framework == framework => {
            Restored::Draft(Box::new(d.form))
        }
        _ => {
            clear(key);
            Restored::Unreadable
        }
    }
}

/// Forgets the draft.
pub fn clear(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// Saves `form` under `key` whenever it changes; an empty form clears it.
///
/// # Arguments
/// * `key`: the localStorage key (per council, framework and element).
/// * `framework`: `id@version`, so a draft is never applied to another framework.
/// * `form`: the form as typed.
/// * `blank`: the form a fresh start has; saving that would be noise.
///
/// # Example
/// ```ignore
/// use_draft(&ctx.draft_key, &stamp, &state.form, &blank);
/// ```
#[hook]
pub fn use_draft(key: &str, framework: &str, form: &Form, blank: &Form) {
    let (key, framework, blank) = (key.to_string(), framework.to_string(), blank.clone());
    use_effect_with(form.clone(), move |form| {
        if *form == blank {
            clear(&key);
        } else {
            // Storage can be full or disabled (private browsing): drafts are a
            // convenience, so a failed save is not an error for the user.
            let draft = Draft {
                version: DRAFT_VERSION,
                framework,
                form: form.clone(),
            };
            if let (Some(s), Some(text)) = (storage(), browser_json::stringify(&draft, false)) {
                let _ = s.set_item(&key, &text);
            }
        }
    });
}

//! A value that follows another once it has stopped changing.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

/// `value`, but only after it has stayed the same for `ms` milliseconds.
///
/// Screen readers read a polite live region whenever it changes; results now
/// update on every keystroke, so the announcement waits for a pause instead.
///
/// # Arguments
/// * `value`: the value to follow.
/// * `ms`: how long it must be stable.
///
/// # Example
/// ```ignore
/// let spoken = use_debounced(announcement, 1000);
/// ```
#[hook]
pub fn use_debounced<T: Clone + PartialEq + 'static>(value: T, ms: u32) -> T {
    let settled = use_state_eq(|| value.clone());
    let pending: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    {
        let settled = settled.clone();
        use_effect_with(value, move |v| {
            let v = v.clone();
            *pending.borrow_mut() = Some(Timeout::new(ms, move || settled.set(v)));
        });
    }
    (*settled).clone()
}

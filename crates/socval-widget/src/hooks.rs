//! Custom hooks.

pub mod use_debounced;
pub mod use_draft;
pub mod use_link;
pub mod use_outcome;

//! Fuzzes the form's readers, which take outside data too: a proposal file
//! opened into the form (`from_proposal`), and a form as kept in the browser's
//! storage (a draft another tab, an extension or an older version may have
//! written), read back into a proposal (`to_proposal`) and evaluated. Any
//! panic is a bug; so is a file the form accepts but holds only in part.
#![no_main]

use libfuzzer_sys::fuzz_target;
use socval_core::{Env, Setup, json};
use socval_form::{Form, from_proposal, to_proposal};

#[path = "councils.rs"]
mod councils;

fn evaluate(setup: &Setup, form: &Form, env: &Env<'_>) {
    if let Ok((proposal, mapping)) = to_proposal(form, setup) {
        if let Err(e) = socval_core::evaluate(setup, &proposal, env) {
            for issue in &e.issues {
                let _ = socval_form::field_for_path(&issue.path, &mapping, setup);
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let setups = &councils::councils().0;
    let env = councils::env();
    if let Ok(proposal) = json::parse_proposal(text) {
        for setup in setups {
            if let Ok(form) = from_proposal(&proposal, setup) {
                assert_eq!(form.commitments.len() + form.more.len(), proposal.commitments.len(), "every commitment opens");
                evaluate(setup, &form, &env);
            }
        }
    }
    if let Ok(form) = serde_json::from_str::<Form>(text) {
        for setup in setups {
            evaluate(setup, &form, &env);
        }
    }
});

//! A council's texts in the widget's language, as catalogue lines: the
//! loader writes the configuration's `translations` for the language out as
//! `council.name = …`, `measures.jobs-local.title = …` (the path of each
//! text in the JSON), and the Welsh catalogue gives the built-in
//! framework's titles the same way. Reading lines here, rather than the JSON
//! with serde, keeps a reader for every translated field out of the first
//! module; the core puts each text in place
//! ([`socval_core::Setup::translate_text`]).

use socval_core::Setup;

use crate::messages::entries;

/// Puts the texts of `lines` in place of the setup's own.
pub fn apply(setup: &mut Setup, lines: &str) {
    for (path, text) in entries(lines) {
        setup.translate_text(path, text);
    }
}

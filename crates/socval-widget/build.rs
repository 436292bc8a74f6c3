//! Writes the English catalogue into the build without its comments, and
//! minifies `style.css` into it: the stylesheet is compiled into the
//! first module, so its comments and indentation would otherwise be paid by
//! every first render. Only what CSS ignores is removed: comments, and
//! whitespace that is not inside a string and not between two words (a
//! descendant combinator, or values such as `solid #000`, keep one space),
//! the last `;` of a block and the `0` of `0.5`.

use std::{env, fs, path::Path};

fn main() {
    println!("cargo::rerun-if-changed=style.css");
    println!("cargo::rerun-if-changed=i18n/en.txt");
    // The English catalogue's texts, a line each in the order of its keys,
    // without the keys or comments: the widget reads English by position.
    let en = fs::read_to_string("i18n/en.txt").unwrap_or_default();
    let _ = fs::write(
        Path::new(&env::var("OUT_DIR").unwrap_or_default()).join("en.txt"),
        catalogue_lines(&en),
    );
    let css = fs::read_to_string("style.css").unwrap_or_default();
    let out = env::var("OUT_DIR").unwrap_or_default();
    // A failed write fails the build at include_str!, which names the file.
    let _ = fs::write(Path::new(&out).join("style.min.css"), minify(&css));
}

/// A catalogue's texts, a line each, without keys, comments or blank lines.
fn catalogue_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines().map(str::trim) {
        if let Some((k, v)) = line.split_once('=').filter(|_| !line.starts_with('#')) {
            // The loader's own texts (`loader_…`) keep their place, empty:
            // the loader has them in English and reads the Welsh file itself.
            if !k.trim().starts_with("loader_") {
                out.push_str(v.trim());
            }
            out.push('\n');
        }
    }
    out
}

fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut space = false;
    while let Some(c) = chars.next() {
        match c {
            '"' | '\'' => {
                flush(&mut out, &mut space, c);
                out.push(c);
                for s in chars.by_ref() {
                    out.push(s);
                    if s == c {
                        break;
                    }
                }
            }
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for s in chars.by_ref() {
                    if last == '*' && s == '/' {
                        break;
                    }
                    last = s;
                }
                space = true;
            }
            c if c.is_whitespace() => space = true,
            // `;}` is `}`; `0.5em` is `.5em`.
            '}' if out.ends_with(';') => {
                space = false;
                out.pop();
                out.push('}');
            }
            '0' if chars.peek() == Some(&'.')
                && (space || !out.ends_with(|p: char| p.is_ascii_digit() || p == '.')) =>
            {
                flush(&mut out, &mut space, c);
            }
            c => {
                flush(&mut out, &mut space, c);
                out.push(c);
            }
        }
    }
    out
}

/// Writes one pending space unless a neighbour makes it meaningless.
fn flush(out: &mut String, space: &mut bool, next: char) {
    let tight = |c: char| matches!(c, '{' | '}' | ';' | ',' | ':' | '>' | '!');
    if std::mem::take(space) {
        let prev = out.chars().last().unwrap_or('{');
        // `a :hover` is not `a:hover`: keep a space before a colon. After
        // `!` (as in `!important`) nothing may be dropped, but a space
        // before it may.
        if !tight(prev) && (!tight(next) || next == ':') || prev == '!' {
            out.push(' ');
        }
    }
}

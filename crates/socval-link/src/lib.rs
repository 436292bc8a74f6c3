//! # A proposal in a link
//!
//! "Copy a link to this proposal" puts the proposal's JSON, compressed, in
//! the URL's fragment (`#socval=…`), which browsers never send to a server:
//! an adviser can send a plan to a supplier, or a supplier to a colleague,
//! without either uploading it anywhere.
//!
//! The code is `p1.` (the format's version) followed by the JSON text
//! deflated (RFC 1951, raw) and written in base64url without padding (RFC
//! 4648 §5), so it survives being pasted into mail and chat. Reading a code
//! is reading outside data: every limit is checked before any work is done,
//! and inflation stops at [`MAX_JSON_BYTES`] so a short link cannot become
//! a huge document. This crate does not read JSON; its callers do, with the
//! same readers as for a file (and so the same messages).

/// The prefix of the fragment that carries a proposal.
pub const FRAGMENT_KEY: &str = "socval=";

/// The version mark at the start of a code.
pub const VERSION: &str = "p1.";

/// The longest code read: 16,000 characters. A proposal with 40
/// commitments and 20 spend lines takes about 3,000; some mail programs and
/// older browsers cut links longer than about 32,000.
pub const MAX_CODE_CHARS: usize = 16_000;

/// The largest JSON text a code may hold once inflated: 1 MiB, far more
/// than the form can hold, far less than would strain a phone.
pub const MAX_JSON_BYTES: usize = 1 << 20;

/// Why a code could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// Longer than [`MAX_CODE_CHARS`].
    TooLong {
        /// Its length, in characters.
        chars: usize,
    },
    /// It does not start with a version mark.
    NotALink,
    /// A version mark this reader does not know (another Socval's link).
    UnknownVersion(String),
    /// A character outside base64url, or a length base64 cannot have.
    Damaged,
    /// The compressed data does not inflate (cut short or altered).
    Corrupt,
    /// It inflates to more than [`MAX_JSON_BYTES`].
    TooLarge,
    /// The inflated bytes are not UTF-8 text.
    NotText,
}

impl std::fmt::Display for LinkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LinkError::TooLong { chars } => write!(
                f,
                "the link holds {chars} characters of proposal, more than the {MAX_CODE_CHARS} a link may carry: send the proposal file instead"
            ),
            LinkError::NotALink => f.write_str("this is not a link to a Socval proposal"),
            LinkError::UnknownVersion(v) => write!(
                f,
                "the link was made by another version of the calculator (format \"{v}\"): ask for the proposal file instead"
            ),
            LinkError::Damaged => f.write_str(
                "the link is damaged (a character is missing or wrong): copy the whole link again",
            ),
            LinkError::Corrupt => {
                f.write_str("the link is cut short or altered: copy the whole link again")
            }
            LinkError::TooLarge => write!(
                f,
                "the link would open more than {MAX_JSON_BYTES} bytes, more than any proposal"
            ),
            LinkError::NotText => f.write_str("the link does not hold text"),
        }
    }
}

impl std::error::Error for LinkError {}

/// The code for a proposal's JSON text.
pub fn encode(json: &str) -> String {
    let packed = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 9);
    let mut out = String::with_capacity(VERSION.len() + packed.len() * 4 / 3 + 4);
    out.push_str(VERSION);
    base64url(&packed, &mut out);
    out
}

/// The code in a link, a fragment or the code alone: what follows
/// `#socval=` if the text has it, else the whole text (trimmed).
pub fn code_of(text: &str) -> &str {
    let text = text.trim();
    text.rfind(FRAGMENT_KEY)
        .map_or(text, |i| text.get(i + FRAGMENT_KEY.len()..).unwrap_or(""))
}

/// The proposal's JSON text from a code (or a link holding one).
///
/// # Errors
/// [`LinkError`] says what is wrong, in words fit for the user.
pub fn decode(text: &str) -> Result<String, LinkError> {
    let code = code_of(text);
    let chars = code.chars().count();
    if chars > MAX_CODE_CHARS {
        return Err(LinkError::TooLong { chars });
    }
    let Some(body) = code.strip_prefix(VERSION) else {
        return Err(match code.split_once('.') {
            Some((v, _)) if v.len() <= 8 && v.starts_with('p') => {
                LinkError::UnknownVersion(v.to_string())
            }
            _ => LinkError::NotALink,
        });
    };
    let packed = from_base64url(body).ok_or(LinkError::Damaged)?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_JSON_BYTES)
        .map_err(|e| match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => LinkError::TooLarge,
            _ => LinkError::Corrupt,
        })?;
    String::from_utf8(json).map_err(|_| LinkError::NotText)
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Appends `bytes` in base64url, without padding.
fn base64url(bytes: &[u8], out: &mut String) {
    for chunk in bytes.chunks(3) {
        let b = [
            chunk.first().copied().unwrap_or(0),
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for i in 0..=chunk.len() {
            let sextet = (n >> (18 - 6 * i)) & 63;
            out.push(char::from(
                ALPHABET.get(sextet as usize).copied().unwrap_or(b'A'),
            ));
        }
    }
}

/// Reads base64url without padding; none if a character or the length is
/// impossible.
fn from_base64url(text: &str) -> Option<Vec<u8>> {
    let value = |c: u8| ALPHABET.iter().position(|&a| a == c).map(|v| v as u32);
    let bytes = text.as_bytes();
    if bytes.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len() * 3 / 4);
    for chunk in bytes.chunks(4) {
        let mut n = 0_u32;
        for (i, &c) in chunk.iter().enumerate() {
            n |= value(c)? << (18 - 6 * i);
        }
        let got = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend(got.iter().take(chunk.len() - 1));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn base64url_matches_rfc_4648_test_vectors() {
        // RFC 4648 §10, without padding; `-` and `_` for `+` and `/`.
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ] {
            let mut s = String::new();
            base64url(plain.as_bytes(), &mut s);
            assert_eq!(s, coded);
            assert_eq!(from_base64url(coded).unwrap(), plain.as_bytes());
        }
        let mut s = String::new();
        base64url(&[0xfb, 0xff], &mut s);
        assert_eq!(s, "-_8");
        assert_eq!(from_base64url("-_8").unwrap(), [0xfb, 0xff]);
        assert_eq!(from_base64url("Zm9vY"), None, "a length base64 cannot have");
        assert_eq!(
            from_base64url("Zm9+"),
            None,
            "a character outside base64url"
        );
    }

    #[test]
    fn a_proposal_comes_back_whole() {
        let json = include_str!("../../../www/examples/exampleshire-proposal.json");
        let code = encode(json);
        assert!(code.starts_with("p1."));
        assert!(code.len() < json.len(), "{} ≥ {}", code.len(), json.len());
        assert_eq!(decode(&code).unwrap(), json);
        let link = format!("https://portal.example/tender#{FRAGMENT_KEY}{code}");
        assert_eq!(decode(&link).unwrap(), json);
    }

    #[test]
    fn every_bad_link_says_why() {
        let code = encode("{\"schema_version\": 1}");
        assert_eq!(decode("hello"), Err(LinkError::NotALink));
        assert_eq!(
            decode("p2.AAAA"),
            Err(LinkError::UnknownVersion("p2".into()))
        );
        assert_eq!(decode(&code.replace('.', ".*")), Err(LinkError::Damaged));
        assert_eq!(decode(&code[..code.len() - 3]), Err(LinkError::Corrupt));
        let long = format!("p1.{}", "A".repeat(MAX_CODE_CHARS));
        assert_eq!(
            decode(&long),
            Err(LinkError::TooLong {
                chars: MAX_CODE_CHARS + 3
            })
        );
        // 10 MB of spaces deflate to a few kilobytes: refused once inflated past the limit.
        let bomb = encode(&" ".repeat(10 << 20));
        assert!(bomb.len() <= MAX_CODE_CHARS, "{}", bomb.len());
        assert_eq!(decode(&bomb), Err(LinkError::TooLarge));
        let mut s = String::from(VERSION);
        base64url(
            &miniz_oxide::deflate::compress_to_vec(&[0xff, 0xfe], 9),
            &mut s,
        );
        assert_eq!(decode(&s), Err(LinkError::NotText));
        for e in [LinkError::NotALink, LinkError::Damaged, LinkError::TooLarge] {
            assert!(!e.to_string().is_empty());
        }
    }
}

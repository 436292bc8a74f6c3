//! Offering a file the user asked for (the proposal, the results CSV) as a
//! download, made here rather than in the widget's first module, which then
//! needs no code for blobs or file names. Nothing is sent anywhere: the file
//! is made in the browser from an object URL.

use wasm_bindgen::{JsCast, JsValue};

/// Offers `text` as a download named `name`.
pub fn offer(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from("no document"))?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    web_sys::Url::revoke_object_url(&url)
}

/// A file name made from the bidder's name, safe on every system:
/// `social-value-{bidder}.{ext}`, or `social-value-proposal.{ext}`.
pub fn file_name(bidder: &str, ext: &str) -> String {
    let slug: String = bidder
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let slug = slug
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if slug.is_empty() {
        format!("social-value-proposal.{ext}")
    } else {
        format!("social-value-{slug}.{ext}")
    }
}

#[cfg(test)]
mod tests {
    use super::file_name;

    #[test]
    fn file_names_are_safe_everywhere() {
        assert_eq!(file_name("Acme Ltd.", "csv"), "social-value-acme-ltd.csv");
        assert_eq!(
            file_name("../../etc/passwd", "json"),
            "social-value-etc-passwd.json"
        );
        assert_eq!(file_name("  ", "json"), "social-value-proposal.json");
        assert_eq!(file_name("Caffi Ŵyn", "csv"), "social-value-caffi-yn.csv");
    }
}

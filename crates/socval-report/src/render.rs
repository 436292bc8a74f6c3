//! The core's working blocks as DOM nodes, for the widget to place under
//! each figure. Every piece of text is set as text (`textContent`), never
//! parsed as markup, so a name typed into the form or read from a file
//! cannot become an element; nothing here needs `innerHTML`, so a page with
//! Trusted Types enforced works too.

use socval_core::explain::Block;
use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

/// One panel's blocks as a `<div class="working">`, its headings at
/// `level` (so that they fit the host page's outline: see the widget's
/// `heading-level`), marked with the language it is worded in (`lang`), so
/// that a screen reader reads it so whatever the page around it.
pub fn blocks(doc: &Document, blocks: &[Block], level: u8, lang: &str) -> Result<Element, JsValue> {
    let root = element(doc, "div", "working", None)?;
    root.set_attribute("lang", lang)?;
    let heading = format!("h{}", level.clamp(1, 6));
    for b in blocks {
        let node = match b {
            Block::Heading(t) => element(doc, &heading, "heading-s", Some(t))?,
            Block::Para(t) => element(doc, "p", "body", Some(t))?,
            Block::List(items) => {
                let ul = element(doc, "ul", "list list--bullet", None)?;
                for i in items {
                    let li = element(doc, "li", "", Some(i))?;
                    ul.append_child(&li)?;
                }
                ul
            }
            Block::Table(t) => table_element(doc, t)?,
        };
        root.append_child(&node)?;
    }
    Ok(root)
}

/// A GOV.UK table: caption, column headings, rows headed by their first
/// cell; a marked cell's text in `<mark>` (a comparison's differences).
pub fn table_element(doc: &Document, t: &socval_core::explain::Table) -> Result<Element, JsValue> {
    let table = element(doc, "table", "table", None)?;
    let caption = element(doc, "caption", "table__caption", Some(&t.caption))?;
    table.append_child(&caption)?;
    let class = |i: usize| if t.numeric.contains(&i) { "num" } else { "" };
    let head = element(doc, "tr", "", None)?;
    for (i, h) in t.head.iter().enumerate() {
        let th = element(doc, "th", class(i), Some(h))?;
        th.set_attribute("scope", "col")?;
        head.append_child(&th)?;
    }
    let thead = element(doc, "thead", "", None)?;
    thead.append_child(&head)?;
    table.append_child(&thead)?;
    let body = element(doc, "tbody", "", None)?;
    for (r, row) in t.rows.iter().enumerate() {
        let tr = element(doc, "tr", "", None)?;
        for (i, cell) in row.iter().enumerate() {
            let c = if i == 0 {
                let th = element(doc, "th", class(i), Some(cell))?;
                th.set_attribute("scope", "row")?;
                th
            } else if t.marked.contains(&(r, i)) {
                let td = element(doc, "td", class(i), None)?;
                append(&td, &element(doc, "mark", "", Some(cell))?)?;
                td
            } else {
                element(doc, "td", class(i), Some(cell))?
            };
            tr.append_child(&c)?;
        }
        body.append_child(&tr)?;
    }
    table.append_child(&body)?;
    Ok(table)
}

/// Appends `child` to `parent`.
pub fn append(parent: &Element, child: &Element) -> Result<(), JsValue> {
    parent.append_child(child).map(drop)
}

/// An element with a class and, optionally, its text.
pub fn element(
    doc: &Document,
    tag: &str,
    class: &str,
    text: Option<&str>,
) -> Result<Element, JsValue> {
    let el = doc.create_element(tag)?;
    if !class.is_empty() {
        el.set_class_name(class);
    }
    if let Some(t) = text {
        el.set_text_content(Some(t));
    }
    Ok(el)
}

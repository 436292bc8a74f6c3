//! Component tests in a real browser (wasm-bindgen-test + chromedriver):
//! mounting into a shadow root, rendering the council's measures, live
//! results after typing, and a broken configuration.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)] // Tests may panic: that is how they fail.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{HtmlElement, HtmlInputElement, ShadowRootInit, ShadowRootMode};

wasm_bindgen_test_configure!(run_in_browser);

const EXAMPLESHIRE: &str = include_str!("../../../www/examples/exampleshire.json");

/// A host element with an open shadow root holding a mount point.
fn host() -> (HtmlElement, web_sys::ShadowRoot, web_sys::Element) {
    let doc = gloo::utils::document();
    let host: HtmlElement = doc.create_element("div").unwrap().dyn_into().unwrap();
    doc.body().unwrap().append_child(&host).unwrap();
    let root = host
        .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
        .unwrap();
    let point = doc.create_element("div").unwrap();
    root.append_child(&point).unwrap();
    (host, root, point)
}

/// A widget for `config` in English, mounted in a new host (`draft` keeps
/// its draft apart from other tests'; `whole` as `mount` takes it).
fn english(config: &str, draft: &str, whole: bool) -> (socval_widget::Widget, web_sys::ShadowRoot) {
    let (host, root, point) = host();
    let w = socval_widget::mount(
        point,
        host,
        socval_widget::prepare(config),
        None,
        "en",
        None,
        None,
        draft,
        2,
        true,
        None,
        whole,
    );
    (w, root)
}

/// Forgets the drafts a test left.
fn clear_storage() {
    gloo::utils::window()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
}

async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        gloo::utils::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    JsFuture::from(p).await.unwrap();
}

/// Opens the `index`-th theme, as a click on its summary would.
fn open_theme(root: &web_sys::ShadowRoot, index: u32) {
    root.query_selector_all("details.theme-group")
        .unwrap()
        .get(index)
        .unwrap()
        .dyn_into::<web_sys::HtmlDetailsElement>()
        .unwrap()
        .set_open(true);
}

fn type_into(root: &web_sys::ShadowRoot, id: &str, text: &str) {
    let input: HtmlInputElement = root.get_element_by_id(id).unwrap().dyn_into().unwrap();
    input.set_value(text);
    let ev = web_sys::InputEvent::new_with_event_init_dict("input", &{
        let i = web_sys::InputEventInit::new();
        i.set_bubbles(true);
        i
    })
    .unwrap();
    input.dispatch_event(&ev).unwrap();
}

/// A widget mounted whole (in one column, where a second stage would move
/// the results) draws the commitments with its first render, and completing
/// it later changes nothing.
#[wasm_bindgen_test]
async fn a_widget_mounted_whole_draws_everything_at_once() {
    let (mut w, root) = english(EXAMPLESHIRE, "t0", true);
    yew::scheduler::flush().await;
    let themes = |root: &web_sys::ShadowRoot| {
        root.query_selector_all("details.theme-group")
            .unwrap()
            .length()
    };
    assert_eq!(themes(&root), 4);
    assert!(root.query_selector("#results").unwrap().is_some());
    w.complete();
    yew::scheduler::flush().await;
    assert_eq!(themes(&root), 4);
    w.destroy();
}

#[wasm_bindgen_test]
async fn renders_every_offered_measure_in_the_shadow_root() {
    let (mut w, root) = english(EXAMPLESHIRE, "t1", false);
    yew::scheduler::flush().await;
    // The first stage: the contract and the results, no commitments yet.
    assert!(root.query_selector("#contract-value").unwrap().is_some());
    assert!(root.query_selector("#results").unwrap().is_some());
    assert_eq!(
        root.query_selector_all("details.theme-group")
            .unwrap()
            .length(),
        0
    );
    // The rest once the loader says the first is painted.
    w.complete();
    yew::scheduler::flush().await;
    let heading = root
        .query_selector("h2")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert_eq!(
        heading,
        "Exampleshire County Council: Estimate your social value"
    );
    // Socval Open's four themes start closed; closed themes render no inputs.
    assert_eq!(
        root.query_selector_all("details.theme-group")
            .unwrap()
            .length(),
        4
    );
    assert_eq!(
        root.query_selector_all("input[id$='-quantity']")
            .unwrap()
            .length(),
        0
    );
    // Opening every theme shows all 14 measures, each with a quantity input.
    let themes = root
        .query_selector_all("details.theme-group")
        .unwrap()
        .length();
    for i in 0..themes {
        open_theme(&root, i);
    }
    sleep(50).await;
    yew::scheduler::flush().await;
    assert_eq!(
        root.query_selector_all("input[id$='-quantity']")
            .unwrap()
            .length(),
        14
    );
    assert!(root.get_element_by_id("contract-value").is_some());
    w.destroy();
}

/// A contract of £1,000,000 for a year from 2027 with 100 tCO2e saved,
/// typed in, and its results drawn after the pause.
async fn carbon_results(root: &web_sys::ShadowRoot) {
    type_into(root, "contract-value", "1000000");
    type_into(root, "contract-duration", "1");
    // Carbon's value depends on the year it is saved.
    type_into(root, "contract-start", "2027");
    // Open the Environment theme (the last of four), as a click on its summary would.
    open_theme(root, 3);
    sleep(50).await;
    yew::scheduler::flush().await;
    type_into(root, "m-environment-carbon-quantity", "100");
    sleep(400).await;
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn typing_updates_results_after_a_pause() {
    let (mut w, root) = english(EXAMPLESHIRE, "t2", false);
    w.complete();
    yew::scheduler::flush().await;
    carbon_results(&root).await;
    let gross = root
        .query_selector("[data-figure='gross']")
        .unwrap()
        .expect("results shown")
        .text_content()
        .unwrap();
    // 100 tCO2e × £324.630112 (DESNZ's 2027 value, £281.44 in 2022 prices × 107.4922 ÷ 93.1910)
    assert_eq!(gross, "£32,463.01");
    let ratio = root
        .query_selector("[data-figure='ratio']")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert_eq!(ratio, "3.25%");
    w.destroy();
    clear_storage();
}

/// The text of the error box a configuration gives in place of the form.
async fn config_problems(config: &str) -> String {
    let (mut w, root) = english(config, "t3", false);
    w.complete();
    yew::scheduler::flush().await;
    let text = root
        .query_selector(".error-summary")
        .unwrap()
        .expect("error summary")
        .text_content()
        .unwrap();
    w.destroy();
    text
}

#[wasm_bindgen_test]
async fn a_broken_config_lists_its_problems() {
    let text = config_problems(r#"{"schema_version": 1, "council": {"name": ""}}"#).await;
    assert!(
        text.contains("could not load this council's settings"),
        "{text}"
    );
    assert!(text.contains("missing field `framework`"), "{text}");
}

/// A part of the configuration that must be an object is read only from
/// one: given as a list (which serde's derived readers would take as the
/// fields in order), or as text, it is refused with what was found.
#[wasm_bindgen_test]
async fn a_struct_is_read_only_from_an_object() {
    for (council, found) in [
        (
            r#"["Exampleshire"]"#,
            "invalid type: a list, expected struct Council",
        ),
        (
            r#""Exampleshire""#,
            "invalid type: the text \"Exampleshire\", expected struct Council",
        ),
        ("7", "invalid type: the number 7, expected struct Council"),
    ] {
        let config = EXAMPLESHIRE.replacen(
            r#""council": {"#,
            &format!(r#""council": {council}, "unused": {{"#),
            1,
        );
        let text = config_problems(&config).await;
        assert!(text.contains(found), "{text}");
    }
}

#[wasm_bindgen_test]
fn needs_outcodes_follows_the_local_area_rules() {
    assert!(
        socval_widget::prepare(EXAMPLESHIRE).needs_outcodes(),
        "districts need the table"
    );
    let by_area = EXAMPLESHIRE.replace(
        r#""districts": ["E07000040", "E07000041", "E07000042", "E07000045"]"#,
        r#""postcode_areas": ["EX"]"#,
    );
    assert!(
        !socval_widget::prepare(&by_area.replace(
            r#""outward_codes": ["PL1", "PL2", "PL4"]"#,
            r#""postcode_areas": ["PL"]"#
        ))
        .needs_outcodes()
    );
    assert!(!socval_widget::prepare("not json").needs_outcodes());
}

/// No false errors: a field's error waits until the user leaves it; a
/// restored draft or opened file shows what is wrong with its values, not
/// what it lacks; export and print show everything.
#[wasm_bindgen_test]
fn errors_show_once_their_field_is_left() {
    use socval_widget::form::FieldError;
    use socval_widget::state::{Action, Reveal, State};
    use yew::Reducible;
    let error = |field: &str, missing: bool| FieldError {
        field: field.into(),
        message: format!("{field} error"),
        missing,
        across: false,
    };
    let errors = [
        error("contract-value", false),
        error("contract-duration", true),
        error("", false),
        // All the spend against the contract value, shown at the first amount.
        FieldError {
            across: true,
            ..error("staff-0-amount", false)
        },
    ];
    let fields =
        |s: &State| -> Vec<String> { s.visible(&errors).into_iter().map(|e| e.field).collect() };
    let s = std::rc::Rc::new(State::default());
    assert!(fields(&s).is_empty(), "nothing before any field is left");
    let s = s.reduce(Action::Leave("contract-value".into()));
    assert_eq!(
        fields(&s),
        ["contract-value", "", "staff-0-amount"],
        "the left field, and problems tied to no field or to several"
    );
    let same = s.clone().reduce(Action::Leave("contract-value".into()));
    assert!(
        std::rc::Rc::ptr_eq(&s, &same),
        "leaving again changes nothing, so nothing re-renders"
    );
    let s = s.reduce(Action::Leave("contract-duration".into()));
    assert_eq!(
        fields(&s).len(),
        4,
        "an empty required field left shows its error"
    );

    let opened = socval_widget::state::Notice {
        text: "opened".into(),
        problem: false,
    };
    let loaded =
        std::rc::Rc::new(State::default()).reduce(Action::Open(Box::default(), opened, false));
    assert_eq!(loaded.reveal, Reveal::Filled);
    assert_eq!(
        fields(&loaded),
        ["contract-value", "", "staff-0-amount"],
        "an opened file shows its broken values, not what it lacks"
    );
    let all = loaded.reduce(Action::RevealAll);
    assert_eq!(fields(&all).len(), 4);
    let cleared = socval_widget::state::Notice {
        text: "cleared".into(),
        problem: false,
    };
    let reset = all.clone().reduce(Action::Reset(Box::default(), cleared));
    assert!(
        fields(&reset).is_empty(),
        "start again forgets what was shown"
    );
    assert_eq!(
        reset.undo.as_ref().map(|u| &*u.before),
        Some(&all.form),
        "and keeps the form for an undo"
    );
    let back = reset.reduce(Action::Undo(socval_widget::state::Notice {
        text: "back".into(),
        problem: false,
    }));
    assert_eq!(back.form, all.form);
    assert!(back.undo.is_none());
}

/// The widget's own reader of JavaScript values reads every configuration
/// the tests hold exactly as serde-wasm-bindgen does (the reader it
/// replaced), and refuses what that refuses, and an unknown key besides.
#[wasm_bindgen_test]
fn the_config_reader_agrees_with_serde_wasm_bindgen() {
    use socval_core::CouncilConfig;
    let configs = [
        EXAMPLESHIRE,
        include_str!("../../../www/examples/northmoor.json"),
        include_str!("../../../tests/golden/gap-to-target/config.json"),
        include_str!("../../../tests/golden/sroi-chain/config.json"),
        include_str!("../../../tests/golden/self-assessment/config.json"),
        include_str!("../../../tests/golden/council-rules/config.json"),
        include_str!("../../../tests/golden/wellbeing-price-year/config.json"),
        include_str!("../../../tests/golden/lasting-output-refused/config.json"),
        r#"{"schema_version": 1, "council": {"name": ""}}"#,
        r#"{"schema_version": 1.5, "council": {"name": "A"}, "framework": {"builtin": "socval-open"}}"#,
        r#"{"schema_version": 1, "council": {"name": "A"}, "framework": {"builtin": "socval-open"}, "surprise": true}"#,
        r#"{"schema_version": 1, "council": {"name": "A"}, "framework": {"nothing": 1}}"#,
        r#"{"schema_version": 1, "council": {"name": 7}, "framework": {"builtin": "socval-open"}}"#,
    ];
    for text in configs {
        let value = js_sys::JSON::parse(text).unwrap();
        let ours = socval_widget::js_de::from_value::<CouncilConfig>(value.clone());
        let theirs = serde_wasm_bindgen::from_value::<CouncilConfig>(value);
        match (&ours, &theirs) {
            (Ok(a), Ok(b)) => assert_eq!(a, b),
            // Both refuse (the first complaint may differ: this reader
            // meets an unknown field in the file's order, serde-wasm-bindgen
            // looks only for the fields it knows).
            (Err(a), Err(_)) => assert!(!a.to_string().is_empty()),
            _ => panic!("ours {ours:?}, serde-wasm-bindgen {:?}", theirs.map(|_| ())),
        }
    }
    let err =
        socval_widget::js_de::from_value::<CouncilConfig>(js_sys::JSON::parse(configs[9]).unwrap())
            .unwrap_err()
            .to_string();
    assert!(err.contains("a number with a fraction"), "{err}");
    // Where the two differ, on purpose: an unknown key is refused, as the
    // CLI and the JS API refuse it (serde-wasm-bindgen reads only the
    // fields it knows, so it let a mistyped key pass unseen in the widget).
    let extra =
        js_sys::JSON::parse(&EXAMPLESHIRE.replacen('{', "{\"surprise\": true, ", 1)).unwrap();
    let err = socval_widget::js_de::from_value::<CouncilConfig>(extra.clone())
        .unwrap_err()
        .to_string();
    assert!(err.contains("unknown field `surprise`"), "{err}");
    assert!(serde_wasm_bindgen::from_value::<CouncilConfig>(extra).is_ok());
}

const WELSH: &str = include_str!("../i18n/cy.txt");

fn text_of(root: &web_sys::ShadowRoot, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector} shown"))
        .text_content()
        .unwrap()
}

#[wasm_bindgen_test]
async fn welsh_from_its_catalogue_and_the_councils_texts_then_english_keeping_the_form() {
    let (host, root, point) = host();
    let texts = "council.name = Cyngor Prawf\nmeasures.environment-carbon.title = Carbon y cyngor";
    let mut w = socval_widget::mount(
        point,
        host,
        socval_widget::prepare(EXAMPLESHIRE),
        None,
        "cy-GB",
        Some(WELSH.to_string()),
        Some(texts.to_string()),
        "t4",
        2,
        true,
        None,
        false,
    );
    w.complete();
    yew::scheduler::flush().await;
    assert_eq!(
        text_of(&root, "h2"),
        "Cyngor Prawf: Amcangyfrif eich gwerth cymdeithasol"
    );
    let top = root.query_selector(".socval").unwrap().unwrap();
    assert_eq!(top.get_attribute("lang").as_deref(), Some("cy"));
    // The catalogue's title for a built-in theme; the council's for a measure.
    let summaries = root
        .query_selector_all("details.theme-group summary")
        .unwrap();
    let first = summaries.get(0).unwrap().text_content().unwrap();
    assert!(first.contains("Swyddi a sgiliau"), "{first}");
    open_theme(&root, 3);
    sleep(50).await;
    yew::scheduler::flush().await;
    let measures = root.text_content().unwrap();
    assert!(measures.contains("Carbon y cyngor"), "the council's title");
    type_into(&root, "contract-value", "250000x");
    // Leaving the field shows its error.
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let leave = web_sys::Event::new_with_event_init_dict("focusout", &init).unwrap();
    root.get_element_by_id("contract-value")
        .unwrap()
        .dispatch_event(&leave)
        .unwrap();
    sleep(50).await;
    yew::scheduler::flush().await;
    // An error in Welsh, with the Welsh label; the typed value is kept.
    let summary = text_of(&root, ".error-summary");
    assert!(summary.contains("Mae problem wedi codi"), "{summary}");
    assert!(summary.contains("Gwerth y contract"), "{summary}");
    w.set_lang(socval_widget::prepare(EXAMPLESHIRE), "en", None, None);
    yew::scheduler::flush().await;
    sleep(50).await;
    yew::scheduler::flush().await;
    assert_eq!(
        text_of(&root, "h2"),
        "Exampleshire County Council: Estimate your social value"
    );
    let summary = text_of(&root, ".error-summary");
    assert!(summary.contains("There is a problem"), "{summary}");
    assert!(summary.contains("Contract value"), "{summary}");
    let input: HtmlInputElement = root
        .get_element_by_id("contract-value")
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(input.value(), "250000x", "what was typed stays");
    let top = root.query_selector(".socval").unwrap().unwrap();
    assert_eq!(top.get_attribute("lang").as_deref(), Some("en-GB"));
    w.destroy();
    clear_storage();
}

#[wasm_bindgen_test]
async fn in_welsh_a_band_without_a_label_and_a_broken_configuration_are_welsh() {
    // Exampleshire's bands with no labels: each is named by where it starts.
    let unlabelled = EXAMPLESHIRE
        .replace(", \"label\": \"Unacceptable\"", "")
        .replace(", \"label\": \"Poor\"", "")
        .replace(", \"label\": \"Satisfactory\"", "")
        .replace(", \"label\": \"Good\"", "")
        .replace(", \"label\": \"Excellent\"", "");
    assert!(!unlabelled.contains("\"label\""));
    let (el, root, point) = host();
    let mut w = socval_widget::mount(
        point,
        el,
        socval_widget::prepare(&unlabelled),
        None,
        "cy",
        Some(WELSH.to_string()),
        None,
        "t5",
        2,
        true,
        None,
        false,
    );
    w.complete();
    yew::scheduler::flush().await;
    carbon_results(&root).await;
    // A ratio of 3.25% reaches the band from 2%.
    let results = text_of(&root, "#results");
    assert!(results.contains("2% ac uwch"), "{results}");
    assert!(!results.contains("and above"), "{results}");
    w.destroy();
    clear_storage();

    // A configuration the widget cannot use: its problems in Welsh, each
    // after its field path, for the council's web team.
    let broken = EXAMPLESHIRE.replace("\"weighting_percent\": 10", "\"weighting_percent\": 0");
    assert_ne!(broken, EXAMPLESHIRE);
    let (el, root, point) = host();
    let mut w = socval_widget::mount(
        point,
        el,
        socval_widget::prepare(&broken),
        None,
        "cy",
        Some(WELSH.to_string()),
        None,
        "t6",
        2,
        true,
        None,
        false,
    );
    w.complete();
    yew::scheduler::flush().await;
    let problems = text_of(&root, "[data-config-error] li");
    assert!(
        problems.starts_with("scoring.weighting_percent: "),
        "{problems}"
    );
    assert!(!problems.contains("must be"), "{problems}");
    let welsh = WELSH
        .lines()
        .find_map(|l| l.strip_prefix("issue.weighting = "))
        .unwrap();
    assert!(problems.ends_with(welsh), "{problems}");
    w.destroy();

    // A configuration over the size limit (32 MiB, checked before it is
    // read): the core's message, in Welsh.
    let huge = "x".repeat((32 << 20) + 1);
    let (el, root, point) = host();
    let mut w = socval_widget::mount(
        point,
        el,
        socval_widget::prepare(&huge),
        None,
        "cy",
        Some(WELSH.to_string()),
        None,
        "t7",
        2,
        true,
        None,
        false,
    );
    w.complete();
    yew::scheduler::flush().await;
    let problem = text_of(&root, "[data-config-error] li");
    assert!(problem.starts_with("mae'r ffeil yn "), "{problem}");
    w.destroy();
}

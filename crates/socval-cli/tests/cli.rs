//! The `socval` binary on the shipped example files: exit codes and output.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    missing_docs
)] // Tests may panic: that is how they fail.

use std::process::Command;

fn socval(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_socval"))
        .args(args)
        .args(["--today", "2026-11-22"])
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[test]
fn calc_handles_both_examples_as_json_and_table() {
    for council in ["exampleshire", "northmoor"] {
        let config = format!("www/examples/{council}.json");
        let proposal = format!("www/examples/{council}-proposal.json");
        let (code, out, err) = socval(&[
            "calc",
            "--config",
            &config,
            "--proposal",
            &proposal,
            "--format",
            "json",
        ]);
        assert_eq!(code, 0, "{err}");
        let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
        assert!(v["totals"]["gross"].as_f64().is_some_and(|g| g > 0.0));
        let (code, out, _) = socval(&["calc", "--config", &config, "--proposal", &proposal]);
        assert_eq!(code, 0);
        assert!(
            out.contains("LM3") && out.contains("Indicative score"),
            "{out}"
        );
    }
}

#[test]
fn validate_lists_every_error_with_exit_1() {
    let (code, _, err) = socval(&[
        "validate",
        "tests/golden/validation-errors/proposal.json",
        "--config",
        "www/examples/exampleshire.json",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("11 problems"), "{err}");
    // The duration is wrong, so the profile is not also said to be too long.
    assert!(!err.contains("commitments[2].profile"), "{err}");
    assert!(
        err.contains("commitments[0].quantity: must be zero or more"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn validate_accepts_good_files() {
    for f in [
        "www/examples/exampleshire.json",
        "www/examples/northmoor.json",
        "www/examples/northmoor-proposal.json",
    ] {
        let (code, out, err) = socval(&["validate", f]);
        assert_eq!(code, 0, "{f}: {err}");
        assert!(
            out.contains("valid") || out.contains("well-formed"),
            "{out}"
        );
    }
}

#[test]
fn broken_json_is_exit_1_with_position() {
    let (code, _, err) = socval(&["validate", "Cargo.toml"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("is not valid JSON") && err.contains("line 1"),
        "{err}"
    );
}

#[test]
fn missing_file_is_exit_2() {
    let (code, _, err) = socval(&["validate", "no/such/file.json"]);
    assert_eq!(code, 2);
    assert!(err.starts_with("socval: no/such/file.json"), "{err}");
}

#[test]
fn schema_prints_json_schema_for_each_format() {
    for which in ["config", "proposal", "result", "commissioners-report"] {
        let (code, out, _) = socval(&["schema", which]);
        assert_eq!(code, 0);
        let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
        assert_eq!(
            v["$schema"], "https://json-schema.org/draft/2020-12/schema",
            "{which}"
        );
        assert_eq!(v["type"], "object");
        assert!(v["properties"].as_object().is_some_and(|p| !p.is_empty()));
    }
}

#[test]
fn batch_ranks_a_folder() {
    let (code, out, err) = socval(&[
        "batch",
        "--config",
        "www/examples/exampleshire.json",
        "tests/golden/exampleshire",
        "--format",
        "csv",
    ]);
    // config.json, expected.json and expected-gap.json are not proposals:
    // exit 1, with a summary.
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("1 proposals scored, 3 of 4 could not be"),
        "{err}"
    );
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "\u{feff}rank,file,social_value,ratio_percent,lm3,score_percent,points,error"
    );
    // proposal.json scores; config.json and expected.json are not proposals and are listed as invalid.
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("1,\"proposal.json\",49835.50,")),
        "{out}"
    );
    assert_eq!(lines.len(), 5, "{out}");
}

#[test]
fn gap_prints_what_it_would_take_and_its_json() {
    let args = [
        "--config",
        "tests/golden/gap-to-target/config.json",
        "--proposal",
        "tests/golden/gap-to-target/proposal.json",
    ];
    let (code, out, err) = socval(&[&["gap"], &args[..]].concat());
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("£500.00 more is needed"), "{out}");
    assert!(
        out.contains("    - 688 more hours of \u{201c}Volunteering hours\u{201d}"),
        "{out}"
    );
    let (code, json, _) = socval(&[&["gap"], &args[..], &["--format", "json"]].concat());
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["goals"][1]["short_by"], 5_500.0);
    // `calc`'s table ends with the same section, word for word.
    let (_, table, _) = socval(&[&["calc"], &args[..]].concat());
    assert!(table.ends_with(&out), "{table}");
    let (code, _, err) = socval(&["schema", "gap"]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn a_link_carries_the_proposal_and_a_bad_link_says_why() {
    let (code, link, err) = socval(&[
        "link",
        "www/examples/exampleshire-proposal.json",
        "--base",
        "https://portal.example/tender#old",
    ]);
    assert_eq!(code, 0, "{err}");
    let link = link.trim();
    assert!(
        link.starts_with("https://portal.example/tender#socval=p1."),
        "{link}"
    );
    let (code, out, err) = socval(&["unlink", link]);
    assert_eq!(code, 0, "{err}");
    // The proposal that comes back gives the file's figures exactly.
    let path = std::env::temp_dir().join(format!("socval-unlinked-{}.json", std::process::id()));
    std::fs::write(&path, &out).unwrap();
    let calc = |proposal: &str| {
        socval(&[
            "calc",
            "--config",
            "www/examples/exampleshire.json",
            "--proposal",
            proposal,
            "--format",
            "json",
        ])
        .1
    };
    let (from_link, from_file) = (
        calc(path.to_str().unwrap()),
        calc("www/examples/exampleshire-proposal.json"),
    );
    std::fs::remove_file(&path).ok();
    assert!(from_file.contains("\"present_value\""));
    assert_eq!(from_link, from_file);
    let cut = &link[..link.len() - 10];
    let (code, _, err) = socval(&["unlink", cut]);
    assert_eq!(code, 1);
    assert!(
        err.contains("link: the link is cut short or altered"),
        "{err}"
    );
}

#[test]
fn an_unknown_district_code_is_an_error_naming_it() {
    let config = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../www/examples/exampleshire.json"
    ))
    .unwrap()
    .replace("\"E07000041\"", "\"E99999999\"");
    let path = std::env::temp_dir().join(format!("socval-district-{}.json", std::process::id()));
    std::fs::write(&path, config).unwrap();
    let (code, _, err) = socval(&["validate", path.to_str().unwrap()]);
    std::fs::remove_file(&path).ok();
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("local_area.districts[1]: \"E99999999\" is not the main district"),
        "{err}"
    );
}

#[test]
fn trailing_text_and_arrays_are_refused() {
    let good = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../www/examples/exampleshire-proposal.json"
    ))
    .unwrap();
    for (name, text) in [
        ("trailing", format!("{good}\n{{}}")),
        ("array", "[1, 2, 3]".to_string()),
    ] {
        let path = std::env::temp_dir().join(format!("socval-{name}-{}.json", std::process::id()));
        std::fs::write(&path, text).unwrap();
        let (code, _, err) = socval(&[
            "calc",
            "--config",
            "www/examples/exampleshire.json",
            "--proposal",
            path.to_str().unwrap(),
        ]);
        std::fs::remove_file(&path).ok();
        assert_eq!(code, 1, "{name}: {err}");
        assert!(
            err.contains("trailing characters") || err.contains("must be a JSON object"),
            "{name}: {err}"
        );
    }
}

#[test]
fn the_batch_csv_is_safe_to_open_in_a_spreadsheet() {
    let dir = std::env::temp_dir().join(format!("socval-csv-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../www/examples/exampleshire-proposal.json"
    ))
    .unwrap();
    // File names are the bidders' own: one that a spreadsheet would run.
    std::fs::write(dir.join("=HYPERLINK(1).json"), &good).unwrap();
    std::fs::write(dir.join("@bad.json"), "not json").unwrap();
    let (code, out, err) = socval(&[
        "batch",
        "--config",
        "www/examples/exampleshire.json",
        dir.to_str().unwrap(),
        "--format",
        "csv",
    ]);
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(code, 1, "{err}");
    let body = out.strip_prefix('\u{feff}').expect("a byte order mark");
    assert!(!body.replace("\r\n", "").contains('\n'), "rows end in CRLF");
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(&rows[0][1], "'=HYPERLINK(1).json");
    assert_eq!(&rows[1][1], "'@bad.json");
    assert!(rows[0][2].parse::<f64>().is_ok(), "{:?}", rows[0]);
}

#[test]
fn compare_puts_scenarios_side_by_side_with_their_differences() {
    let config = "www/examples/exampleshire.json";
    let a = "www/examples/exampleshire-proposal.json";
    let mut p: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{}/../../{a}", env!("CARGO_MANIFEST_DIR"))).unwrap(),
    )
    .unwrap();
    let volunteering = p["commitments"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|c| c["measure"] == "community-volunteering")
        .unwrap();
    volunteering["quantity"] = 1000.into();
    let dir = std::env::temp_dir().join(format!("socval-compare-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let b = dir.join("more-volunteering.json");
    std::fs::write(&b, p.to_string()).unwrap();
    let b = b.to_str().unwrap();

    let (code, out, err) = socval(&[
        "compare",
        "--config",
        config,
        "--proposal",
        a,
        "--proposal",
        b,
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let t: serde_json::Value = serde_json::from_str(&out).unwrap();
    // Named by their files unless named.
    assert_eq!(
        t["head"],
        serde_json::json!(["Figure", "exampleshire-proposal", "more-volunteering"])
    );
    let gross = &t["rows"][0];
    assert_eq!(gross[1], "£49,835.50");
    // 600 more hours at £12.71 an hour: £7,626.00.
    assert_eq!(gross[2], "£57,461.50 (+£7,626.00 on exampleshire-proposal)");
    assert!(
        t["marked"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m == &serde_json::json!([0, 2]))
    );
    // A figure that does not change is not marked.
    let lm3 = t["rows"]
        .as_array()
        .unwrap()
        .iter()
        .position(|r| r[0] == "LM3")
        .unwrap();
    assert!(!t["marked"].as_array().unwrap().iter().any(|m| m[0] == lm3));

    let (code, out, _) = socval(&[
        "compare",
        "--config",
        config,
        "--proposal",
        a,
        "--proposal",
        b,
        "--name",
        "Plan A",
        "--name",
        "Plan B",
    ]);
    assert_eq!(code, 0);
    assert!(out.contains("Figure | Plan A | Plan B"), "{out}");
    assert!(
        out.contains("Theme: Communities (value after adjustments) | £10,084.00 | £17,710.00 (+£7,626.00 on Plan A)"),
        "{out}"
    );

    // A name heads a column: 60 characters at most, as in the widget.
    let long = "x".repeat(61);
    let (code, _, err) = socval(&[
        "compare",
        "--config",
        config,
        "--proposal",
        a,
        "--name",
        &long,
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("use at most 60 characters"), "{err}");
    // Names must match the proposals; five are too many.
    let (code, _, err) = socval(&[
        "compare",
        "--config",
        config,
        "--proposal",
        a,
        "--proposal",
        b,
        "--name",
        "Only one",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("give a --name for every --proposal"), "{err}");
    let five: Vec<&str> = std::iter::repeat_n(["--proposal", a], 5)
        .flatten()
        .collect();
    let (code, _, err) = socval(&[&["compare", "--config", config][..], &five].concat());
    assert_eq!(code, 2);
    assert!(err.contains("at most 4 proposals"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn bids_written_as_csv_score_as_their_proposal_files_do() {
    let dir = std::env::temp_dir().join(format!("socval-bids-csv-{}", std::process::id()));
    let (json_dir, csv_dir) = (dir.join("json"), dir.join("csv"));
    std::fs::create_dir_all(&json_dir).unwrap();
    std::fs::create_dir_all(&csv_dir).unwrap();
    let demo = "www/examples/exampleshire-proposal.json";
    let mut other: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{}/../../{demo}", env!("CARGO_MANIFEST_DIR"))).unwrap(),
    )
    .unwrap();
    other["bidder"] = "Second bidder".into();
    other["commitments"][2]["quantity"] = 1000.into();
    std::fs::copy(
        format!("{}/../../{demo}", env!("CARGO_MANIFEST_DIR")),
        json_dir.join("a.json"),
    )
    .unwrap();
    std::fs::write(json_dir.join("b.json"), other.to_string()).unwrap();
    let (code, sheet, err) = socval(&[
        "bids-csv",
        json_dir.join("a.json").to_str().unwrap(),
        json_dir.join("b.json").to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(sheet.starts_with("\u{feff}bid,field,value\r\n"), "{sheet}");
    std::fs::write(csv_dir.join("bids.csv"), &sheet).unwrap();
    let ranked = |d: &std::path::Path| {
        let (code, out, err) = socval(&[
            "batch",
            "--config",
            "www/examples/exampleshire.json",
            d.to_str().unwrap(),
            "--format",
            "json",
        ]);
        assert_eq!(code, 0, "{err}");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        v.as_array()
            .unwrap()
            .iter()
            .map(|b| {
                (
                    b["rank"].clone(),
                    b["social_value"].clone(),
                    b["lm3"].clone(),
                    b["points"].clone(),
                )
            })
            .collect::<Vec<_>>()
    };
    let (from_json, from_csv) = (ranked(&json_dir), ranked(&csv_dir));
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(from_json.len(), 2);
    assert_eq!(from_json, from_csv);
}

/// The bids CSV reader types a value by its field's name: every field of
/// the proposal's JSON Schema is read as the type the schema gives it.
#[test]
fn the_bids_csv_reader_types_every_field_as_the_schema_does() {
    use socval_core::bid_csv::{Kind, kind};
    let (code, out, err) = socval(&["schema", "proposal"]);
    assert_eq!(code, 0, "{err}");
    let schema: serde_json::Value = serde_json::from_str(&out).unwrap();
    let defs = &schema["$defs"];
    // A property's type: through `$ref`, `anyOf` (with null) and array items.
    fn leaf<'a>(s: &'a serde_json::Value, defs: &'a serde_json::Value) -> &'a serde_json::Value {
        if let Some(r) = s["$ref"].as_str() {
            return leaf(&defs[r.trim_start_matches("#/$defs/")], defs);
        }
        if let Some(any) = s["anyOf"].as_array() {
            return leaf(any.iter().find(|a| a["type"] != "null").unwrap(), defs);
        }
        let types: Vec<_> = match &s["type"] {
            serde_json::Value::Array(t) => t.iter().filter(|t| *t != "null").collect(),
            t => vec![t],
        };
        if types.first().is_some_and(|t| *t == "array") {
            return leaf(&s["items"], defs);
        }
        s
    }
    let mut seen = 0;
    let mut walk = vec![&schema];
    walk.extend(defs.as_object().unwrap().values());
    for object in walk {
        let Some(props) = object["properties"].as_object() else {
            continue;
        };
        for (name, prop) in props {
            let t = leaf(prop, defs);
            let ty = match &t["type"] {
                serde_json::Value::Array(a) => a.iter().find(|x| *x != "null").cloned().unwrap(),
                x => x.clone(),
            };
            let want = match ty.as_str() {
                Some("number") => Kind::Number,
                Some("integer") => Kind::Whole,
                Some("boolean") => Kind::Flag,
                Some("string") => Kind::Text,
                _ => continue, // an object: its fields are checked in its own entry
            };
            assert_eq!(kind(name), want, "{name}");
            seen += 1;
        }
    }
    assert!(seen >= 30, "{seen} fields checked");
}

#[test]
fn batch_reads_a_bids_csv_whatever_the_case_of_its_name() {
    let dir = std::env::temp_dir().join(format!("socval-upper-csv-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../www/examples/exampleshire-bids.csv"
        ),
        dir.join("BIDS.CSV"),
    )
    .unwrap();
    let (code, out, err) = socval(&[
        "batch",
        "--config",
        "www/examples/exampleshire.json",
        dir.to_str().unwrap(),
        "--format",
        "json",
    ]);
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 3, "the three bids of BIDS.CSV");
}

#[test]
fn commissioners_shares_the_example_framework_and_names_a_bad_share() {
    let args = [
        "commissioners",
        "--config",
        "www/examples/northmoor-partnership.json",
        "--proposal",
        "www/examples/northmoor-partnership-proposal.json",
    ];
    let (code, out, err) = socval(&args);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Northmoor Borough Council"), "{out}");
    assert!(out.contains("West Calder Police"), "{out}");
    assert!(out.contains("Shared total"), "{out}");
    let (code, json, _) = socval(&[&args[..], &["--format", "json"]].concat());
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let pence = |x: &serde_json::Value| (x.as_f64().unwrap() * 100.0).round() as i64;
    let parts: i64 = v["commissioners"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| pence(&k["totals"]["present_value"]))
        .sum();
    assert_eq!(parts, pence(&v["shared"]["totals"]["present_value"]));
    let (code, csv, _) = socval(&[&args[..], &["--format", "csv"]].concat());
    assert_eq!(code, 0);
    assert!(csv.starts_with("\u{feff}row,commissioner,"), "{csv}");

    // A share for a commissioner the framework does not have: exit 1, named.
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../www/examples/northmoor-partnership-proposal.json"
    ))
    .unwrap()
    .replace("\"police\"", "\"fire\"");
    let dir = std::env::temp_dir().join(format!("socval-commissioners-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.json");
    std::fs::write(&bad, text).unwrap();
    let (code, _, err) = socval(&[
        "commissioners",
        "--config",
        "www/examples/northmoor-partnership.json",
        "--proposal",
        bad.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("commitments[1].commissioners[1].commissioner"),
        "{err}"
    );
    assert!(err.contains("\"fire\" is not a commissioner"), "{err}");
}

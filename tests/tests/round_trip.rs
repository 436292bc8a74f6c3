//! What opens is what counts: a proposal file opened into the widget's form
//! gives the figures the file gives the CLI, and so does the proposal the
//! form exports, opened again, and the form kept as a draft. Generated
//! proposals repeat measures, use every unit the council offers, enter
//! quantities year by year, share commitments, place local-only ones, give
//! spend lines and self-scores, and carry markup and formulas in their text.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    missing_docs
)] // Tests may panic: that is how they fail.

use proptest::prelude::*;
use socval_core::figures::Figures;
use socval_core::proposal::{
    Commitment, Contract, FrameworkStamp, SelfScore, Spend, SpendTotal, StaffLine, SupplierLine,
};
use socval_core::{Decimal, Env, Money, Proposal, Setup, bid_csv, json};
use socval_form::{Refusal, from_proposal, to_proposal};
use socval_tests::TODAY;

const POSTCODES: &[&str] = &[
    "EX1", "EX4 4QJ", "PL1", "PL4", "M1", "BS1", "TQ12", "EX10", "",
];
const TEXT: &[&str] = &[
    "",
    "Site team",
    "=HYPERLINK(\"x\")",
    "<img src=x onerror=alert(1)>",
    "Cwmni Gŵyr, Llŷn",
];

/// Exampleshire, scored by self-assessment so that scores travel too.
fn setup() -> (Setup, socval_core::outcodes::OutcodeTable) {
    let mut config =
        json::parse_config(include_str!("../../www/examples/exampleshire.json")).unwrap();
    config.scoring.method = socval_core::config::ScoringMethod::SelfAssessment {
        criteria: serde_json::from_str(
            r#"[{ "id": "jobs", "title": "Jobs", "weight": 60 },
                { "id": "community", "title": "Community", "weight": 40 }]"#,
        )
        .unwrap(),
    };
    let table = socval_core::outcodes::OutcodeTable::builtin().unwrap();
    (socval_core::setup::prepare(config).unwrap(), table)
}

fn commitment(measures: usize, years: usize) -> impl Strategy<Value = (usize, Commitment)> {
    (
        0..measures,
        // Up to 2×10⁹: beyond about 2³¹ a JSON number, a double, is spaced
        // wider than half a millionth, so a file's figure can move by one
        // millionth as it is read. The form itself reads typed figures
        // exactly (`Decimal::parse`) up to the core's 10¹².
        prop_oneof![
            Just(0_i64),
            1_i64..1_000_000,
            1_000_000_i64..5_000_000_000,
            5_000_000_000_i64..=2_000_000_000_000_000
        ],
        any::<bool>(),
        proptest::option::of(proptest::collection::vec(
            0_i64..2_000_000_000,
            years..=years,
        )),
        proptest::option::of(0_i64..=100_000_000),
        proptest::option::of(1_u16..=5),
        (0..POSTCODES.len(), 0..TEXT.len()),
    )
        .prop_map(
            |(m, q, per_year, profile, attribution, shared_by, (postcode, note))| {
                let c = Commitment {
                    measure: String::new(),
                    quantity: profile.is_none().then(|| Decimal::from_micros(q)),
                    per_year: per_year && profile.is_none(),
                    profile: profile.map(|p| p.into_iter().map(Decimal::from_micros).collect()),
                    // A supplier gives one kind of sharing or the other.
                    attribution_percent: attribution
                        .filter(|_| shared_by.is_none())
                        .map(Decimal::from_micros),
                    shared_by,
                    postcode: POSTCODES[postcode].into(),
                    note: TEXT[note].into(),
                    commissioners: Vec::new(),
                };
                (m, c)
            },
        )
}

/// A total in pence and a local share in millionths of a percent (edge
/// values included: 0%, 100%, odd pence).
fn total((pence, micros): (i64, i64)) -> SpendTotal {
    SpendTotal {
        amount: Money::from_pence(pence),
        local_percent: Decimal::from_micros(micros),
    }
}

fn proposal(setup: &Setup) -> impl Strategy<Value = Proposal> {
    let measures: Vec<_> = setup
        .framework
        .measures
        .iter()
        .map(|m| (m.id.clone(), m.local_only, m.first_year_only))
        .collect();
    let id = setup.framework.id.clone();
    let version = setup.framework.version.clone();
    (1_i64..=4).prop_flat_map(move |years| {
        let (measures, id, version) = (measures.clone(), id.clone(), version.clone());
        (
            1_000_000_i64..1_000_000_000,
            proptest::collection::vec(commitment(measures.len(), years as usize), 0..16),
            proptest::collection::vec(
                (
                    0..POSTCODES.len(),
                    0_i64..10_000,
                    proptest::option::of(0_i64..=100),
                    0..TEXT.len(),
                ),
                0..4,
            ),
            proptest::collection::vec(
                (
                    0..POSTCODES.len(),
                    0_i64..10_000,
                    any::<bool>(),
                    any::<bool>(),
                    0..TEXT.len(),
                ),
                0..4,
            ),
            (
                proptest::option::of(0_i64..=100),
                proptest::option::of(0_i64..=100),
                0..TEXT.len(),
            ),
            // The quicker way (a total and a local share), which replaces a
            // list's lines: the core refuses both.
            [
                proptest::option::of((0_i64..100_000_000, 0_i64..=100_000_000)),
                proptest::option::of((0_i64..100_000_000, 0_i64..=100_000_000)),
            ],
        )
            .prop_map(
                move |(
                    value,
                    commitments,
                    staff,
                    suppliers,
                    (jobs, community, bidder),
                    [st, su],
                )| Proposal {
                    schema_version: 1,
                    framework: FrameworkStamp {
                        id: id.clone(),
                        version: version.clone(),
                    },
                    bidder: TEXT[bidder].into(),
                    contract: Contract {
                        value: Money::from_pounds(value),
                        duration_years: Decimal::from_int(years),
                        start_year: 2027,
                        supplier_postcode: POSTCODES[bidder % POSTCODES.len()].into(),
                    },
                    commitments: commitments
                        .into_iter()
                        .map(|(m, mut c)| {
                            let (measure, local_only, first_year_only) = &measures[m];
                            c.measure.clone_from(measure);
                            // A postcode travels on any measure (the core
                            // checks it); most measures have none.
                            if !local_only && c.postcode.len() % 2 == 1 {
                                c.postcode.clear();
                            }
                            if *first_year_only {
                                // Counted once: never "each year", nothing after year 1.
                                c.per_year = false;
                                if let Some(p) = &mut c.profile {
                                    p.iter_mut().skip(1).for_each(|y| *y = Decimal::ZERO);
                                }
                            }
                            c
                        })
                        .collect(),
                    spend: Spend {
                        staff: staff
                            .into_iter()
                            .filter(|_| st.is_none())
                            .map(|(p, a, r, t)| StaffLine {
                                label: TEXT[t].into(),
                                postcode: POSTCODES[p].into(),
                                amount: Money::from_pounds(a),
                                respend_percent: r.map(Decimal::from_int),
                            })
                            .collect(),
                        staff_total: st.map(total),
                        suppliers_total: su.map(total),
                        suppliers: suppliers
                            .into_iter()
                            .filter(|_| su.is_none())
                            .map(|(p, a, sme, vcse, t)| SupplierLine {
                                name: TEXT[t].into(),
                                postcode: POSTCODES[p].into(),
                                amount: Money::from_pounds(a),
                                sme,
                                vcse,
                                respend_percent: None,
                            })
                            .collect(),
                    },
                    self_assessment: [("community", community), ("jobs", jobs)]
                        .into_iter()
                        .filter_map(|(k, s)| {
                            s.map(|s| SelfScore {
                                criterion: k.into(),
                                score_percent: Decimal::from_int(s),
                            })
                        })
                        .collect(),
                },
            )
    })
}

/// The figures a reader of the result sees: everything but the order of
/// per-commitment lists (the form lists commitments in framework order), and
/// so the indexes that warnings and recorded lines cite.
fn seen(f: &Figures) -> impl PartialEq + std::fmt::Debug + '_ {
    use socval_core::recorded::Reason;
    let mut recorded: Vec<_> = f
        .recorded
        .iter()
        .map(|r| {
            let why = match r.reason {
                Reason::DoubleCounted { .. } => "double counted",
                Reason::NoOpenValue => "no open value",
                Reason::OutsideLocalArea => "outside",
                Reason::NoDeliveryPlace => "no place",
            };
            (r.measure.clone(), r.quantity, why)
        })
        .collect();
    recorded.sort();
    let mut warnings: Vec<_> = f.warnings.iter().map(|w| format!("{:?}", w.code)).collect();
    warnings.sort();
    (
        &f.totals, &f.ratio, &f.themes, &f.lm3, &f.score, recorded, warnings,
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn a_file_opened_exported_and_reopened_keeps_every_figure(p in proposal(&setup().0)) {
        let (setup, table) = setup();
        let env = Env { today: TODAY, outcodes: Some(&table) };
        // The file, as the CLI and the JS API read it.
        let file = serde_json::to_string(&p).unwrap();
        let read = json::parse_proposal(&file).unwrap();
        prop_assert_eq!(&read, &p);
        let direct = socval_core::evaluate(&setup, &read, &env);

        // Opened in the widget: the form holds every commitment.
        let form = from_proposal(&read, &setup).unwrap();
        let lines = form.commitments.len() + form.more.len();
        prop_assert_eq!(lines, p.commitments.len());
        // Kept as a draft and restored.
        let draft: socval_form::Form = serde_json::from_str(&serde_json::to_string(&form).unwrap()).unwrap();
        prop_assert_eq!(&draft, &form);
        // Read back into a proposal and calculated: the same figures, or the
        // same refusal (a field error where the file's value breaks a rule).
        let (opened, _) = to_proposal(&draft, &setup).unwrap();
        prop_assert_eq!(opened.commitments.len(), p.commitments.len());
        let via_form = socval_core::evaluate(&setup, &opened, &env);
        match (&direct, &via_form) {
            (Ok(a), Ok(b)) => prop_assert_eq!(seen(a), seen(b)),
            (Err(a), Err(b)) => prop_assert_eq!(a.issues.len(), b.issues.len()),
            _ => prop_assert!(false, "one way errs and not the other: {direct:?} / {via_form:?}"),
        }

        // Exported from the widget and opened again: the very same proposal.
        let exported = serde_json::to_string(&opened).unwrap();
        let again = from_proposal(&json::parse_proposal(&exported).unwrap(), &setup).unwrap();
        let (reopened, _) = to_proposal(&again, &setup).unwrap();
        prop_assert_eq!(&reopened, &opened);

        // Sent as a link and opened from it: the very same proposal, and a
        // link short enough to send (the limit is socval_link::MAX_CODE_CHARS).
        let link = format!("https://portal.example/tender#socval={}", socval_link::encode(&exported));
        let linked = json::parse_proposal(&socval_link::decode(&link).unwrap()).unwrap();
        prop_assert_eq!(&linked, &opened);
        let (from_link, _) = to_proposal(&from_proposal(&linked, &setup).unwrap(), &setup).unwrap();
        prop_assert_eq!(&from_link, &opened);

        // Two bids in one CSV file in the evaluator's layout, read again:
        // the very same proposals, so the same figures.
        let sheet = bid_csv::write([("First bid", &p), ("=Second bid", &opened)]);
        let bids = bid_csv::read(&sheet, &p.framework).unwrap();
        prop_assert_eq!(bids.iter().map(|b| b.name.as_str()).collect::<Vec<_>>(), ["First bid", "=Second bid"]);
        for (bid, want) in bids.iter().zip([&p, &opened]) {
            let json = bid.json.as_ref().unwrap();
            prop_assert_eq!(&json::parse_proposal(json).unwrap(), want);
        }
    }
}

#[test]
fn a_file_the_form_cannot_hold_is_refused_whole() {
    let (setup, _) = setup();
    let base = json::parse_proposal(include_str!(
        "../../www/examples/exampleshire-proposal.json"
    ))
    .unwrap();
    let with = |f: &dyn Fn(&mut Proposal)| {
        let mut p = base.clone();
        f(&mut p);
        from_proposal(&p, &setup)
    };
    let many = with(&|p| p.commitments = vec![p.commitments[0].clone(); 240_000]);
    assert_eq!(many, Err(Refusal::TooManyCommitments(240_000)));
    assert!(many.unwrap_err().to_string().contains("at most 1000"));
    assert!(matches!(
        with(&|p| p.spend.staff = vec![p.spend.staff[0].clone(); 1001]),
        Err(Refusal::TooManySpendLines(1001))
    ));
    assert_eq!(
        with(&|p| p.commitments[2].measure = "made-up".into()),
        Err(Refusal::UnknownMeasure(2, "made-up".into()))
    );
    assert_eq!(
        with(&|p| p.commitments[1].profile = Some(vec![Decimal::ONE])),
        Err(Refusal::QuantityAndYears(1))
    );
    // Lines and a total for the same list: the core refuses it, and the
    // form would count only one of them.
    let both = with(&|p| {
        p.spend.suppliers_total = Some(SpendTotal {
            amount: Money::from_pounds(10),
            local_percent: Decimal::ONE,
        });
    });
    assert_eq!(both, Err(Refusal::LinesAndTotal("suppliers")));
    assert!(both.unwrap_err().to_string().contains("not both"));
    assert_eq!(
        with(&|p| p.self_assessment = vec![
            SelfScore {
                criterion: "jobs".into(),
                score_percent: Decimal::ONE
            };
            2
        ]),
        Err(Refusal::ScoredTwice(1, "jobs".into()))
    );
    assert_eq!(
        with(&|p| p.self_assessment = vec![SelfScore {
            criterion: "nope".into(),
            score_percent: Decimal::ONE
        }]),
        Err(Refusal::UnknownCriterion(0, "nope".into()))
    );
    assert_eq!(
        with(&|p| p.schema_version = 2),
        Err(Refusal::SchemaVersion(2))
    );
    assert!(matches!(
        with(&|p| p.framework.version = "2025.1".into()),
        Err(Refusal::WrongFramework(..))
    ));
    // A repeated measure opens as two lines, in the file's order.
    let repeated = with(&|p| {
        let mut again = p.commitments[2].clone();
        again.note = "second site".into();
        p.commitments.push(again);
    })
    .unwrap();
    assert_eq!(repeated.more.len(), 1);
    assert_eq!(repeated.more[0].measure, base.commitments[2].measure);
    assert_eq!(repeated.more[0].note, "second site");
}

//! `socval`: social value and LM3 from the command line.
//!
//! Exit codes: 0 success; 1 the input breaks a rule (every problem listed,
//! each naming its field); 2 a file could not be read or the command line
//! is wrong.

mod batch;
mod programme;
mod table;
mod today;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use socval_core::json::{self, Document};
use socval_core::outcodes::OutcodeTable;
use socval_core::{CivilDate, Env, Issue, Setup};

#[derive(Parser)]
#[command(
    name = "socval",
    version,
    about = "Social value and LM3 local multiplier calculator for UK public procurement"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Treat today as this date (YYYY-MM-DD) instead of the system clock.
    #[arg(long, global = true)]
    today: Option<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Calculate social value, LM3 and the indicative score for one proposal.
    Calc(Pair),
    /// What it would take: the gap to the council's target and next scoring
    /// band, how much more of each measure alone would close it, and the
    /// local spend that would lift LM3 by 0.1.
    Gap(Pair),
    /// Compare up to four proposals (scenarios) side by side: totals, ratio,
    /// LM3, score and each theme, each with its difference from the first.
    Compare {
        /// The council configuration.
        #[arg(long)]
        config: String,
        /// The proposals, in order; each is named by its file name (without
        /// `.json`) unless `--name` names them.
        #[arg(long = "proposal", required = true, num_args = 1)]
        proposals: Vec<String>,
        /// The scenarios' names, in the proposals' order.
        #[arg(long = "name")]
        names: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Make a link that carries a proposal in its fragment (never sent to a
    /// server), as the widget's "Copy a link to this proposal" does.
    Link {
        /// The proposal (JSON file, or - for standard input).
        proposal: String,
        /// The page the link opens (the portal's calculator page).
        #[arg(long)]
        base: Option<String>,
    },
    /// Read the proposal a link carries, and print it as JSON.
    Unlink {
        /// The link, its fragment, or the code alone.
        link: String,
    },
    /// Check a configuration or a proposal and list every problem.
    Validate {
        /// The file to check (configuration or proposal; - for standard input).
        file: String,
        /// For a proposal: the council configuration to check it against.
        #[arg(long)]
        config: Option<String>,
    },
    /// Print the JSON Schema of a format.
    Schema {
        /// Which format.
        #[arg(value_enum)]
        which: SchemaKind,
    },
    /// Score every proposal in a folder and rank them: each *.json a
    /// proposal, each *.csv bids in the evaluator's layout (bid, field,
    /// value; see the README).
    Batch {
        /// The council configuration.
        #[arg(long)]
        config: String,
        /// The folder of proposals.
        dir: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = BatchFormat::Table)]
        format: BatchFormat,
        /// Score relative to the best bid (bid ÷ highest × 100) instead of
        /// by the council's method on its own.
        #[arg(long)]
        relative: bool,
        /// The qualitative part's share of the social value section,
        /// percent: each bid's mark from the council's evaluators on its
        /// written answer (`--marks`), kept apart from the part worked out.
        #[arg(long, default_value = "0")]
        qualitative_percent: String,
        /// The evaluators' marks, a CSV file with `bid` (the name a bid is
        /// listed by) and `mark` (out of 100) columns.
        #[arg(long)]
        marks: Option<PathBuf>,
    },
    /// Write proposal files as one CSV file of bids in the evaluator's
    /// layout (bid, field, value), each bid named by its bidder, else its
    /// file's name: what `batch` and the evaluator page read.
    BidsCsv {
        /// The proposals (JSON files).
        #[arg(required = true)]
        proposals: Vec<String>,
    },
    /// Delivery against commitments: a delivery record (the awarded
    /// proposal and what was delivered each year) against the council's
    /// thresholds.
    Delivery {
        /// The council configuration.
        #[arg(long)]
        config: String,
        /// The delivery record (JSON file, or - for standard input).
        #[arg(long)]
        record: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = BatchFormat::Table)]
        format: BatchFormat,
    },
    /// Add up the call-offs of a framework year by year: every proposal in a
    /// folder (*.json, and *.csv bids) worked out by the council's rules,
    /// then each calendar year's contract value and social value.
    Programme {
        /// The council configuration.
        #[arg(long)]
        config: String,
        /// The folder of call-offs.
        dir: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = BatchFormat::Table)]
        format: BatchFormat,
    },
    /// A framework shared by several commissioners: each one's social value
    /// (the commitments attributed to it), ratio, score and LM3 in its own
    /// local area, and the shared total with nothing counted twice.
    Commissioners {
        /// The configuration, with its `commissioners`.
        #[arg(long)]
        config: String,
        /// The proposal (JSON file, or - for standard input).
        #[arg(long)]
        proposal: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = BatchFormat::Table)]
        format: BatchFormat,
    },
    /// Print a built-in framework as JSON (all ids when none is given).
    Frameworks {
        /// Framework id.
        id: Option<String>,
    },
}

/// A council configuration and one proposal for it.
#[derive(Args)]
struct Pair {
    /// The council configuration (JSON file, or - for standard input).
    #[arg(long)]
    config: String,
    /// The proposal (JSON file, or - for standard input).
    #[arg(long)]
    proposal: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Table,
}

#[derive(Clone, Copy, ValueEnum)]
enum BatchFormat {
    Table,
    Csv,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum SchemaKind {
    Config,
    Proposal,
    Result,
    Gap,
    /// A delivery record.
    Delivery,
    /// `socval delivery --format json`'s output.
    DeliveryReport,
    /// `socval commissioners --format json`'s output.
    CommissionersReport,
}

/// A failure the user must see, with its exit code.
pub(crate) enum Failure {
    /// Rule breaks: exit 1.
    Invalid(String),
    /// I/O or usage: exit 2.
    Io(String),
    /// Some of a batch broke the rules: the output for the rest, then the
    /// message; exit 1.
    Partial {
        /// What was worked out, printed as on success.
        out: String,
        /// What failed.
        msg: String,
    },
}

/// mimalloc rather than the system's allocator: evaluating allocates many
/// small, short-lived values (field paths, messages, lists), and `socval
/// batch` evaluates thousands of proposals (see the README's performance
/// table for what it bought).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(out) => {
            print!("{out}");
            ExitCode::SUCCESS
        }
        Err(Failure::Invalid(msg)) => {
            eprintln!("{msg}");
            ExitCode::from(1)
        }
        Err(Failure::Io(msg)) => {
            eprintln!("socval: {msg}");
            ExitCode::from(2)
        }
        Err(Failure::Partial { out, msg }) => {
            print!("{out}");
            eprintln!("{msg}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> Result<String, Failure> {
    let today = today::today(cli.today.as_deref()).map_err(Failure::Io)?;
    match cli.command {
        Command::Calc(Pair {
            config,
            proposal,
            format,
        }) => {
            let (setup, p, table) = load_pair(&config, &proposal)?;
            let env = Env {
                today,
                outcodes: table.as_ref(),
            };
            let report = socval_core::calculate(&setup, &p, &env)
                .map_err(|e| invalid(&proposal, &e.issues))?;
            Ok(match format {
                Format::Json => pretty(&report)?,
                Format::Table => {
                    let gap = socval_core::gap::gap(&setup, &p, &env)
                        .map_err(|e| invalid(&proposal, &e.issues))?;
                    table::report(&report) + &table::gap(&gap, p.contract.value)
                }
            })
        }
        Command::Gap(Pair {
            config,
            proposal,
            format,
        }) => {
            let (setup, p, table) = load_pair(&config, &proposal)?;
            let env = Env {
                today,
                outcodes: table.as_ref(),
            };
            let gap = socval_core::gap::gap(&setup, &p, &env)
                .map_err(|e| invalid(&proposal, &e.issues))?;
            match format {
                Format::Json => pretty(&gap),
                Format::Table => Ok(table::gap(&gap, p.contract.value)),
            }
        }
        Command::Compare {
            config,
            proposals,
            names,
            format,
        } => compare(&config, &proposals, &names, format, today),
        Command::Validate { file, config } => validate(&file, config.as_deref(), today),
        Command::Link { proposal, base } => {
            let text = read(&proposal)?;
            let p = json::parse_proposal(&text).map_err(|e| invalid(&proposal, &e.issues))?;
            let compact = serde_json::to_string(&p).map_err(|e| Failure::Io(e.to_string()))?;
            let code = socval_link::encode(&compact);
            Ok(match base {
                Some(base) => format!(
                    "{}#{}{code}\n",
                    base.split('#').next().unwrap_or(""),
                    socval_link::FRAGMENT_KEY
                ),
                None => format!("{code}\n"),
            })
        }
        Command::Unlink { link } => {
            let text =
                socval_link::decode(&link).map_err(|e| Failure::Invalid(format!("link: {e}")))?;
            let p = json::parse_proposal(&text).map_err(|e| invalid("link", &e.issues))?;
            pretty(&p)
        }
        Command::Schema { which } => {
            let schema = match which {
                SchemaKind::Config => socval_core::schema::config(),
                SchemaKind::Proposal => socval_core::schema::proposal(),
                SchemaKind::Result => socval_core::schema::result(),
                SchemaKind::Gap => socval_core::schema::gap(),
                SchemaKind::Delivery => socval_core::schema::delivery(),
                SchemaKind::DeliveryReport => socval_core::schema::delivery_report(),
                SchemaKind::CommissionersReport => socval_core::schema::partnership_report(),
            };
            pretty(&schema)
        }
        Command::Batch {
            config,
            dir,
            format,
            relative,
            qualitative_percent,
            marks,
        } => {
            let (setup, table) = council(&config)?;
            let env = Env {
                today,
                outcodes: table.as_ref(),
            };
            let scoring = if relative {
                socval_core::evaluation::Scoring::RelativeToBest
            } else {
                socval_core::evaluation::Scoring::Method
            };
            let share = socval_core::Decimal::parse(&qualitative_percent)
                .map_err(|e| Failure::Invalid(format!("--qualitative-percent: {}", e.message())))?;
            batch::run(
                &setup,
                &env,
                &dir,
                format,
                scoring,
                (share, marks.as_deref()),
            )
        }
        Command::BidsCsv { proposals } => {
            let mut read_all = Vec::new();
            for file in &proposals {
                let p = json::parse_proposal(&read(file)?).map_err(|e| invalid(file, &e.issues))?;
                let name = if p.bidder.is_empty() {
                    file_name(file)
                } else {
                    p.bidder.clone()
                };
                read_all.push((name, p));
            }
            Ok(socval_core::bid_csv::write(
                read_all.iter().map(|(n, p)| (n.as_str(), p)),
            ))
        }
        Command::Delivery {
            config,
            record,
            format,
        } => {
            let (setup, table) = council(&config)?;
            let env = Env {
                today,
                outcodes: table.as_ref(),
            };
            let text = read(&record)?;
            let r = json::parse_delivery(&text).map_err(|e| invalid(&record, &e.issues))?;
            let report = socval_core::delivery::report(&setup, &r, &env)
                .map_err(|e| invalid(&record, &e.issues))?;
            match format {
                BatchFormat::Json => pretty(&report),
                BatchFormat::Csv => Ok(socval_core::delivery::csv(&report)),
                BatchFormat::Table => Ok(table::delivery(&report)),
            }
        }
        Command::Programme {
            config,
            dir,
            format,
        } => {
            let (setup, table) = council(&config)?;
            let env = Env {
                today,
                outcodes: table.as_ref(),
            };
            programme::run(&setup, &env, &dir, format)
        }
        Command::Commissioners {
            config,
            proposal,
            format,
        } => {
            let (setup, p, table) = load_pair(&config, &proposal)?;
            let env = Env {
                today,
                outcodes: table.as_ref(),
            };
            let report = socval_core::partnership::report(&setup, &p, &env)
                .map_err(|e| invalid(&proposal, &e.issues))?;
            match format {
                BatchFormat::Json => pretty(&report),
                BatchFormat::Csv => Ok(socval_core::partnership::csv(&report)),
                BatchFormat::Table => Ok(table::partnership(&report)),
            }
        }
        Command::Frameworks { id } => match id {
            None => Ok(socval_core::builtin::ids().join("\n") + "\n"),
            Some(id) => socval_core::builtin::framework(&id)
                .ok_or_else(|| {
                    Failure::Invalid(format!(
                        "\"{id}\" is not a built-in framework (built-in: {})",
                        socval_core::builtin::ids().join(", ")
                    ))
                })
                .and_then(|f| pretty(&f)),
        },
    }
}

/// The council's setup and the outward-code table its areas may need.
fn council(config: &str) -> Result<(Setup, Option<OutcodeTable>), Failure> {
    let setup = load_setup(config)?;
    let table = outcodes(&setup)?;
    Ok((setup, table))
}

/// The last part of a path, as a bid's name.
fn file_name(path: &str) -> String {
    std::path::Path::new(path)
        .file_name()
        .map_or_else(|| path.to_string(), |n| n.to_string_lossy().into_owned())
}

fn validate(file: &str, config: Option<&str>, today: CivilDate) -> Result<String, Failure> {
    let text = read(file)?;
    match json::parse_document(&text).map_err(|e| invalid(file, &e.issues))? {
        Document::Config(c) => {
            let setup = socval_core::prepare(*c).map_err(|e| invalid(file, &e.issues))?;
            let setup = with_table(file, setup)?;
            Ok(format!(
                "{file}: a valid council configuration for {} ({} measures offered from {} {})\n",
                setup.config.council.name,
                setup.framework.measures.len(),
                setup.framework.name,
                setup.framework.version
            ))
        }
        Document::Proposal(p) => {
            let Some(config) = config else {
                return Ok(format!(
                    "{file}: a well-formed proposal; give --config to check it against a council's rules\n"
                ));
            };
            let setup = load_setup(config)?;
            let table = outcodes(&setup)?;
            let env = Env {
                today,
                outcodes: table.as_ref(),
            };
            let warnings = socval_core::check_proposal(&setup, &p, &env)
                .map_err(|e| invalid(file, &e.issues))?;
            let mut out = format!(
                "{file}: a valid proposal for {}\n",
                setup.config.council.name
            );
            for w in warnings {
                out.push_str(&format!("  warning: {w}\n"));
            }
            Ok(out)
        }
    }
}

/// `socval compare`: each proposal worked out (a proposal with problems is
/// refused, naming its file), then the core's comparison table.
fn compare(
    config: &str,
    proposals: &[String],
    names: &[String],
    format: Format,
    today: socval_core::CivilDate,
) -> Result<String, Failure> {
    use socval_core::compare::{MAX_NAME, MAX_SCENARIOS, Scenario, table};
    if proposals.len() > MAX_SCENARIOS {
        return Err(Failure::Io(format!(
            "compare takes at most {MAX_SCENARIOS} proposals, not {}",
            proposals.len()
        )));
    }
    if let Some(long) = names.iter().find(|n| n.chars().count() > MAX_NAME) {
        return Err(Failure::Io(format!(
            "--name \"{long}\": use at most {MAX_NAME} characters (it heads a column)"
        )));
    }
    if !names.is_empty() && names.len() != proposals.len() {
        return Err(Failure::Io(format!(
            "give a --name for every --proposal ({} names for {} proposals)",
            names.len(),
            proposals.len()
        )));
    }
    let setup = load_setup(config)?;
    let outcodes = outcodes(&setup)?;
    let env = Env {
        today,
        outcodes: outcodes.as_ref(),
    };
    let mut figures = Vec::with_capacity(proposals.len());
    for path in proposals {
        let p = json::parse_proposal(&read(path)?).map_err(|e| invalid(path, &e.issues))?;
        figures
            .push(socval_core::evaluate(&setup, &p, &env).map_err(|e| invalid(path, &e.issues))?);
    }
    let stem = |p: &String| {
        std::path::Path::new(p)
            .file_stem()
            .map_or_else(|| p.clone(), |s| s.to_string_lossy().into_owned())
    };
    let names: Vec<String> = if names.is_empty() {
        proposals.iter().map(stem).collect()
    } else {
        names.to_vec()
    };
    let scenarios: Vec<Scenario<'_>> = names
        .iter()
        .zip(&figures)
        .map(|(name, f)| Scenario {
            name,
            figures: Some(f),
        })
        .collect();
    let t = table(&socval_core::working::Words::english(), &setup, &scenarios);
    match format {
        Format::Json => pretty(&t),
        Format::Table => Ok(table::comparison(&t)),
    }
}

/// A council's setup, a proposal for it and the outward-code table.
fn load_pair(
    config: &str,
    proposal: &str,
) -> Result<(Setup, socval_core::Proposal, Option<OutcodeTable>), Failure> {
    let setup = load_setup(config)?;
    let text = read(proposal)?;
    let p = json::parse_proposal(&text).map_err(|e| invalid(proposal, &e.issues))?;
    let table = outcodes(&setup)?;
    Ok((setup, p, table))
}

pub(crate) fn load_setup(path: &str) -> Result<Setup, Failure> {
    let text = read(path)?;
    let config = json::parse_config(&text).map_err(|e| invalid(path, &e.issues))?;
    let setup = socval_core::prepare(config).map_err(|e| invalid(path, &e.issues))?;
    with_table(path, setup)
}

/// Checks the council's district codes against the outward-code table.
fn with_table(path: &str, setup: Setup) -> Result<Setup, Failure> {
    if let Some(table) = outcodes(&setup)? {
        setup
            .check_table(&table)
            .map_err(|e| invalid(path, &e.issues))?;
    }
    Ok(setup)
}

/// The outward-code table: always loaded natively (it costs about a
/// millisecond) so that unknown postcodes are caught whatever the rules.
fn outcodes(_setup: &Setup) -> Result<Option<OutcodeTable>, Failure> {
    OutcodeTable::builtin()
        .map(Some)
        .map_err(|e| Failure::Io(e.to_string()))
}

pub(crate) fn read(path: &str) -> Result<String, Failure> {
    if path == "-" {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .map_err(|e| Failure::Io(format!("standard input: {e}")))?;
        return Ok(s);
    }
    std::fs::read_to_string(Path::new(path)).map_err(|e| Failure::Io(format!("{path}: {e}")))
}

pub(crate) fn invalid(file: &str, issues: &[Issue]) -> Failure {
    let n = issues.len();
    let mut msg = format!("{file}: {n} problem{}:", if n == 1 { "" } else { "s" });
    for i in issues {
        msg.push_str(&format!("\n  {i}"));
    }
    Failure::Invalid(msg)
}

pub(crate) fn pretty<T: serde::Serialize>(v: &T) -> Result<String, Failure> {
    serde_json::to_string_pretty(v)
        .map(|s| s + "\n")
        .map_err(|e| Failure::Io(e.to_string()))
}

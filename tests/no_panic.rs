//! "No panic on any input": property tests over the intake parser, the whole rendering
//! pipeline and the line wrapper.
//!
//! Each property runs a modest number of cases so that `cargo test` stays fast; set
//! `PROPTEST_CASES` to run more (see docs/robustness.md).

use std::path::Path;
use std::sync::LazyLock;

use chrono::{NaiveDate, NaiveDateTime};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::FileFailurePersistence;
use toml::value::{Date, Datetime};
use toml::{Table, Value};

use visitprep::document::{Span, Text};
use visitprep::fonts::FontSet;
use visitprep::guide::Guide;
use visitprep::intake::{self, IntakeError, LoadedIntake};
use visitprep::layout::{self, Item, PageOptions, Paper, PrintSize, Style};
use visitprep::RenderOptions;

/// Parsing the four embedded faces is the slow part of setting up; it is done once.
static FONTS: LazyLock<FontSet> = LazyLock::new(FontSet::embedded);

static LEG_CRAMPS: LazyLock<Guide> =
    LazyLock::new(|| Guide::built_in("nocturnal-leg-cramps").expect("built-in guide"));

/// How close to the paper's edge any text may come, in points.
const EDGE: f32 = 18.0;

/// `default` cases, unless `PROPTEST_CASES` asks for another number.
/// Failing cases are saved in `proptest-regressions/no_panic.txt` (relative to the package
/// root, where cargo runs tests) and replayed first on every run.
fn config(default: u32) -> ProptestConfig {
    let mut config = ProptestConfig::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = default;
    }
    config.failure_persistence = Some(Box::new(FileFailurePersistence::Direct(
        "proptest-regressions/no_panic.txt",
    )));
    config
}

fn made() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 30)
        .and_then(|d| d.and_hms_opt(8, 0, 0))
        .expect("a real time")
}

fn parse(text: &str) -> Result<(intake::Intake, Guide), IntakeError> {
    let dir = tempfile::tempdir().expect("a temporary folder");
    intake::parse(
        Path::new("intake.toml"),
        text,
        dir.path(),
        chrono::Local::now().date_naive(),
    )
}

/// An error must explain itself: its report renders to text that says "error".
fn assert_report_renders(err: &IntakeError) -> Result<(), TestCaseError> {
    let text = err.report().render(false);
    prop_assert!(!text.trim().is_empty(), "empty report for {err:?}");
    prop_assert!(text.contains("error"), "report without \"error\":\n{text}");
    // The coloured form is what a terminal gets: it must not panic either.
    let _ = err.report().render(true);
    Ok(())
}

// --- Strategies ---------------------------------------------------------------------------

/// Characters that break naive text handling: controls, line breaks, combining marks,
/// right-to-left text and its controls, emoji, CJK, invisible and very wide characters.
fn nasty_char() -> impl Strategy<Value = char> {
    prop_oneof![
        6 => proptest::char::range('a', 'z'),
        1 => proptest::char::range('A', 'Z'),
        3 => Just(' '),
        1 => select(vec!['\t', '\r', '\n', '\0', '\u{7}', '\u{1b}', '\u{7f}', '\u{85}', '\u{9f}']),
        1 => proptest::char::range('\u{300}', '\u{36f}'),
        1 => select(vec!['\u{5d0}', '\u{5e9}', '\u{627}', '\u{628}', '\u{200f}', '\u{202e}', '\u{2066}', '\u{2069}']),
        1 => proptest::char::range('\u{1f600}', '\u{1f64f}'),
        1 => select(vec![
            '\u{200b}', '\u{200d}', '\u{fe0f}', '\u{a0}', '\u{ad}', '\u{feff}', '\u{2028}',
            '\u{2029}', '\u{3000}', '\u{fffd}', '\u{fdfd}', '\u{12219}', '…', '•', '▲', 'W',
            '"', '\\', '\'', '(', ')', '<', '%', '#', '[', ']', '{', '}', '=',
        ]),
        1 => proptest::char::range('\u{4e00}', '\u{9fff}'),
        1 => any::<char>(),
    ]
}

/// Text a patient might paste into any field, and text no patient would.
fn nasty_string() -> BoxedStrategy<String> {
    prop_oneof![
        8 => vec(nasty_char(), 0..40).prop_map(String::from_iter),
        1 => Just(String::new()),
        1 => (1usize..30).prop_map(|n| " ".repeat(n)),
        1 => (nasty_char(), 40usize..200).prop_map(|(c, n)| c.to_string().repeat(n)),
        1 => "[A-Za-z]{80,200}",
        // Long prose: a few of these fill a page.
        1 => vec("[a-zA-Z]{1,12}[,.]?", 30..200).prop_map(|w| w.join(" ")),
    ]
    // Boxed, as are the strategies built from it: their value trees would otherwise be
    // nested inline and overflow a test thread's stack in debug builds.
    .boxed()
}

fn paper_mode() -> impl Strategy<Value = RenderOptions> {
    (
        select(vec![
            (Paper::A4, PrintSize::Normal),
            (Paper::Letter, PrintSize::Normal),
            (Paper::A4, PrintSize::Large),
            (Paper::Letter, PrintSize::Large),
            (Paper::A4, PrintSize::ExtraLarge),
            (Paper::Letter, PrintSize::ExtraLarge),
        ]),
        any::<bool>(),
        proptest::option::of(proptest::sample::select(visitprep::Language::ALL.to_vec())),
    )
        .prop_map(
            |((paper, print), diary_page, doctor_language)| RenderOptions {
                page: PageOptions { paper, print },
                diary_page,
                doctor_language,
            },
        )
}

/// Every free-text field of an intake of the leg-cramp guide.
#[derive(Debug, Clone)]
struct Texts {
    patient: [String; 5],
    visit: [String; 5],
    /// One per doctor question of the guide, in its order; `None` leaves it unanswered.
    answers: Vec<Option<String>>,
    conditions: Vec<String>,
    allergies: Vec<String>,
    notes: String,
    medications: Vec<[String; 5]>,
    /// Days after 1 Jan 2026, where and note.
    diary: Vec<(u16, String, String)>,
    own: Vec<String>,
    pregnant: bool,
}

fn five() -> BoxedStrategy<[String; 5]> {
    proptest::array::uniform5(nasty_string()).boxed()
}

fn texts() -> impl Strategy<Value = Texts> {
    let answers = LEG_CRAMPS.doctor_questions.len();
    (
        (five(), five()).boxed(),
        vec(
            proptest::option::weighted(0.75, nasty_string()),
            answers..=answers,
        )
        .boxed(),
        (
            vec(nasty_string(), 0..4),
            vec(nasty_string(), 0..4),
            nasty_string(),
        )
            .boxed(),
        vec(five(), 0..4).boxed(),
        vec((0u16..800, nasty_string(), nasty_string()), 0..5).boxed(),
        vec(nasty_string(), 0..4).boxed(),
        any::<bool>(),
    )
        .prop_map(
            |(
                (patient, visit),
                answers,
                (conditions, allergies, notes),
                medications,
                diary,
                own,
                pregnant,
            )| Texts {
                patient,
                visit,
                answers,
                conditions,
                allergies,
                notes,
                medications,
                diary,
                own,
                pregnant,
            },
        )
}

fn text_value(s: &str) -> Value {
    Value::String(s.to_string())
}

fn date_value(date: NaiveDate) -> Value {
    use chrono::Datelike;
    Value::Datetime(Datetime {
        date: Some(Date {
            year: date.year() as u16,
            month: date.month() as u8,
            day: date.day() as u8,
        }),
        time: None,
        offset: None,
    })
}

fn table(pairs: impl IntoIterator<Item = (&'static str, Value)>) -> Value {
    Value::Table(pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
}

/// The intake as TOML, every string escaped by the `toml` serializer.
fn intake_toml(t: &Texts) -> String {
    let keys = ["sex", "phone", "language", "emergency_contact"];
    let mut patient = Table::new();
    patient.insert("name".into(), text_value(&t.patient[0]));
    for (k, v) in keys.iter().zip(&t.patient[1..]) {
        patient.insert(k.to_string(), text_value(v));
    }
    patient.insert(
        "born".into(),
        date_value(NaiveDate::from_ymd_opt(1956, 3, 14).unwrap()),
    );
    patient.insert("pregnant".into(), Value::Boolean(t.pregnant));

    let mut visit = Table::new();
    visit.insert(
        "when".into(),
        date_value(NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()),
    );
    for (k, v) in ["clinic", "department", "doctor", "companion", "reason"]
        .iter()
        .zip(&t.visit)
    {
        visit.insert(k.to_string(), text_value(v));
    }

    let answers: Table = LEG_CRAMPS
        .doctor_questions
        .iter()
        .zip(&t.answers)
        .filter_map(|(q, a)| a.as_ref().map(|a| (q.id.clone(), text_value(a))))
        .collect();

    let list = |items: &[String]| Value::Array(items.iter().map(|s| text_value(s)).collect());
    let medications = t
        .medications
        .iter()
        .map(|m| {
            table([
                ("name", text_value(&m[0])),
                ("dose", text_value(&m[1])),
                ("how_often", text_value(&m[2])),
                ("reason", text_value(&m[3])),
                ("note", text_value(&m[4])),
                (
                    "since",
                    date_value(NaiveDate::from_ymd_opt(2024, 5, 1).unwrap()),
                ),
            ])
        })
        .collect();
    let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let diary = t
        .diary
        .iter()
        .map(|(day, place, note)| {
            table([
                (
                    "night",
                    date_value(start + chrono::Duration::days((*day).into())),
                ),
                ("where", text_value(place)),
                ("note", text_value(note)),
                ("severity", Value::Integer(i64::from(*day % 11))),
                ("minutes", Value::Float(f64::from(*day % 7) + 0.5)),
            ])
        })
        .collect();

    let mut root = Table::new();
    root.insert("guide".into(), text_value("nocturnal-leg-cramps"));
    root.insert("patient".into(), Value::Table(patient));
    root.insert("visit".into(), Value::Table(visit));
    root.insert("answers".into(), Value::Table(answers));
    root.insert(
        "health".into(),
        table([
            ("conditions", list(&t.conditions)),
            ("allergies", list(&t.allergies)),
            ("notes", text_value(&t.notes)),
        ]),
    );
    root.insert("questions".into(), table([("own", list(&t.own))]));
    root.insert("medications".into(), Value::Array(medications));
    root.insert("diary".into(), Value::Array(diary));
    toml::to_string(&root).expect("a table serializes")
}

/// Blank as printed: nothing visible left once control characters are removed.
fn blank(s: &str) -> bool {
    intake::prints_blank(&intake::clean(s))
}

/// Fragments of intake files, valid and broken, to build TOML-like text from.
const FRAGMENTS: &[&str] = &[
    "guide = \"nocturnal-leg-cramps\"\n",
    "guide = \"general\"\n",
    "guide = \"leg-cramps\"\n",
    "guide = \"../missing.toml\"\n",
    "guide = 3\n",
    "[patient]\n",
    "name = \"",
    "name = \"Ann\"\n",
    "name = \"\"\n",
    "name = '''\n",
    "Ann",
    "\"\n",
    "\"",
    "\"\"\"",
    "'''",
    "[visit]\n",
    "when = 2026-12-02\n",
    "when = 2026-12-02T09:30:00\n",
    "when = 2026-12-02T09:30:00Z\n",
    "when = 09:30:00\n",
    "when = 1900-01-01\n",
    "when = 9999-12-31T23:59:60\n",
    "born = 1956-02-30\n",
    "born = 1956-03-14\n",
    "born = 0000-01-01\n",
    "born = 2026-12-02T10:00:00+02:00\n",
    "pregnant = true\n",
    "pregnancy_week = 99999999999999999999\n",
    "pregnancy_week = -9223372036854775808\n",
    "pregnancy_week = 12\n",
    "pregnancy_week = 1e3\n",
    "[answers]\n",
    "discomfort = \"",
    "since = \"x\"\n",
    "sinse = \"x\"\n",
    "answers.pattern = \"y\"\n",
    "[health]\n",
    "conditions = [",
    "conditions = [\"asthma\", ]\n",
    "allergies = [\"a\", 1]\n",
    "notes = \"n\"\n",
    "[[medications]]\n",
    "[[medicaton]]\n",
    "name = \"hydrochlorothiazide\"\n",
    "since = 2024-13-01\n",
    "as_needed = \"yes\"\n",
    "[[diary]]\n",
    "night = 2026-11-01\n",
    "night = 0000-01-01\n",
    "night = 9999-12-31\n",
    "at = 24:00:00\n",
    "at = 03:10:00\n",
    "at = 2026-11-01\n",
    "severity = 99999999999999999999\n",
    "severity = -1\n",
    "severity = 7\n",
    "severity = 2.5\n",
    "minutes = nan\n",
    "minutes = inf\n",
    "minutes = -0.0\n",
    "minutes = 1e308\n",
    "minutes = 0x7fffffffffffffff\n",
    "where = \"calf\"\n",
    "[questions]\n",
    "own = [\"x\"]\n",
    "skip = [\"risks\", \"nope\"]\n",
    "[checklist]\n",
    "done = [\"appointment\", \"bring_sheet\"]\n",
    "done = [\"apointment\"]\n",
    "[patient.extra]\n",
    "a.b.c = 1\n",
    "x = { y = [ { z = 1 } ] }\n",
    "# comment\n",
    "\u{0}",
    "\u{feff}",
    "\r\n",
    "\r",
    "\n",
    "\t",
    "  ",
    "=",
    "[",
    "]",
    "[[",
    "]]",
    "{",
    "}",
    ",",
    ".",
    "\\",
    "\\u{110000}",
    "\\uD800",
    "\\U0010FFFF",
    "é",
    "中",
    "🦵",
    "\u{202e}",
];

const MINIMAL: &str = "guide = \"nocturnal-leg-cramps\"\n[patient]\nname = \"Ann\"\n";

fn toml_ish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        8 => select(FRAGMENTS).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
        1 => "[a-z_]{1,10}",
    ];
    (any::<bool>(), vec(piece, 0..40)).prop_map(|(prefix, pieces)| {
        let mut s = if prefix {
            MINIMAL.to_string()
        } else {
            String::new()
        };
        s.extend(pieces);
        s
    })
}

/// A TOML literal for a date, a date and time, or a time: mostly ordinary, some odd.
fn date_literal(extremes: bool) -> BoxedStrategy<String> {
    let near = (0i64..1500).prop_map(|d| {
        (NaiveDate::from_ymd_opt(2025, 1, 1).unwrap() + chrono::Duration::days(d)).to_string()
    });
    let any_day =
        (1900u32..2100, 1u32..=12, 1u32..=31).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"));
    let mut odd = vec![
        "1956-02-29",
        "2024-02-29",
        "2026-12-02T09:30:00",
        "2026-12-02 23:59:59.999999",
        "09:30:00",
        "2026-12-02T09:30:00Z",
        "1979-05-27T07:32:00-08:00",
    ];
    if extremes {
        odd.extend(["0000-01-01", "9999-12-31", "0001-01-01T00:00:00"]);
    }
    prop_oneof![
        60 => near,
        6 => any_day,
        1 => select(odd).prop_map(String::from),
    ]
    .boxed()
}

fn time_literal() -> BoxedStrategy<String> {
    prop_oneof![
        200 => (0u32..24, 0u32..60, 0u32..60).prop_map(|(h, m, s)| format!("{h:02}:{m:02}:{s:02}")),
        1 => (0u32..100, 0u32..100, 0u32..100).prop_map(|(h, m, s)| format!("{h:02}:{m:02}:{s:02}")),
        1 => date_literal(false),
    ]
    .boxed()
}

/// A number literal: usually in `range`, sometimes any integer or float at all.
fn number_literal(range: std::ops::RangeInclusive<i64>) -> BoxedStrategy<String> {
    prop_oneof![
        100 => range.prop_map(|i| i.to_string()),
        1 => any::<i64>().prop_map(|i| Value::Integer(i).to_string()),
        1 => any::<f64>().prop_map(|f| Value::Float(f).to_string()),
    ]
    .boxed()
}

fn short_text() -> BoxedStrategy<String> {
    prop_oneof![
        4 => "[a-z]{1,10}( [a-z]{1,10}){0,4}",
        1 => vec(nasty_char(), 0..20).prop_map(String::from_iter),
    ]
    .prop_map(|s| Value::String(s).to_string())
    .boxed()
}

fn lines(pairs: Vec<(&'static str, Option<String>)>) -> String {
    pairs
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| format!("{k} = {v}\n")))
        .collect()
}

fn maybe<S: Strategy<Value = String> + 'static>(s: S) -> BoxedStrategy<Option<String>> {
    proptest::option::weighted(0.6, s).boxed()
}

fn id_list(ids: Vec<String>) -> BoxedStrategy<Option<String>> {
    let id = prop_oneof![
        30 => select(ids),
        1 => select(vec!["nope".to_string(), "risk".to_string()]),
    ];
    maybe(
        vec(id, 0..6)
            .prop_map(|ids| Value::Array(ids.into_iter().map(Value::String).collect()).to_string()),
    )
}

/// Intakes that are well-formed TOML in the intake's shape, with odd dates, numbers, ids and
/// medicine names: most of them are accepted, so the pipeline after parsing gets exercised.
fn intake_like() -> impl Strategy<Value = String> {
    select(vec!["nocturnal-leg-cramps", "general"]).prop_flat_map(|id| {
        let guide = Guide::built_in(id).expect("built-in guide");
        let mut medicine_names: Vec<String> = guide
            .medication_flags
            .iter()
            .flat_map(|f| f.names.iter().cloned())
            .collect();
        medicine_names.extend(["Paracetamol 500 mg".to_string(), "x".to_string()]);
        let answer_ids: Vec<String> = guide
            .doctor_questions
            .iter()
            .map(|q| q.id.clone())
            .collect();
        let patient = (
            maybe(date_literal(true)),
            any::<bool>(),
            maybe(number_literal(1..=45)),
            maybe(short_text()),
        )
            .prop_map(|(born, pregnant, week, phone)| {
                // A week without `pregnant = true` is refused; keep that rare.
                let week = week.filter(|w| pregnant || w.len() > 3);
                let pregnant = Some(pregnant.to_string());
                "[patient]\nname = \"Ann\"\n".to_string()
                    + &lines(vec![
                        ("born", born),
                        ("pregnant", pregnant),
                        ("pregnancy_week", week),
                        ("phone", phone),
                    ])
            });
        let visit = (
            maybe(date_literal(true)),
            maybe(short_text()),
            maybe(short_text()),
        )
            .prop_map(|(when, department, companion)| {
                "[visit]\n".to_string()
                    + &lines(vec![
                        ("when", when),
                        ("department", department),
                        ("companion", companion),
                    ])
            });
        let answers = vec((select(answer_ids), short_text()), 0..5).prop_map(|a| {
            let unique: std::collections::BTreeMap<String, String> = a.into_iter().collect();
            "[answers]\n".to_string()
                + &unique
                    .iter()
                    .map(|(k, v)| format!("{k} = {v}\n"))
                    .collect::<String>()
        });
        let health = (
            maybe(vec("[a-z]{1,12}( [0-9]{1,3})?", 0..4).prop_map(|c| {
                Value::Array(c.into_iter().map(Value::String).collect()).to_string()
            })),
            maybe(short_text()),
        )
            .prop_map(|(conditions, notes)| {
                "[health]\n".to_string()
                    + &lines(vec![("conditions", conditions), ("notes", notes)])
            });
        let skip = id_list(
            guide
                .patient_questions
                .iter()
                .map(|q| q.id.clone())
                .collect(),
        );
        let done = id_list(guide.checklist.iter().map(|c| c.id.clone()).collect());
        let medication = (
            select(medicine_names).prop_map(|n| Value::String(n).to_string()),
            maybe(date_literal(true)),
            maybe(select(vec!["true", "false"]).prop_map(String::from)),
            maybe(short_text()),
        )
            .prop_map(|(name, since, as_needed, dose)| {
                "[[medications]]\n".to_string()
                    + &lines(vec![
                        ("name", Some(name)),
                        ("since", since),
                        ("as_needed", as_needed),
                        ("dose", dose),
                    ])
            });
        let entry = (
            date_literal(false),
            maybe(time_literal()),
            maybe(number_literal(1..=30)),
            maybe(number_literal(0..=10)),
            maybe(short_text()),
        )
            .prop_map(|(night, at, minutes, severity, place)| {
                "[[diary]]\n".to_string()
                    + &lines(vec![
                        ("night", Some(night)),
                        ("at", at),
                        ("minutes", minutes),
                        ("severity", severity),
                        ("where", place),
                    ])
            });
        (
            patient,
            visit,
            answers,
            health,
            (skip, done),
            vec(medication, 0..5),
            vec(entry, 0..15),
        )
            .prop_map(
                move |(patient, visit, answers, health, (skip, done), meds, diary)| {
                    format!("guide = \"{id}\"\n{patient}{visit}{answers}{health}")
                        + "[questions]\n"
                        + &lines(vec![("skip", skip)])
                        + "[checklist]\n"
                        + &lines(vec![("done", done)])
                        + &meds.concat()
                        + &diary.concat()
                },
            )
    })
}

// --- Checking a rendered sheet --------------------------------------------------------

/// The whole pipeline on a parsed intake, with every text item checked against the page.
fn render_and_check(
    intake: intake::Intake,
    guide: Guide,
    options: RenderOptions,
) -> Result<(), TestCaseError> {
    let fonts = &*FONTS;
    let loaded = LoadedIntake {
        path: "intake.toml".into(),
        intake,
        guide,
    };
    let rendered = visitprep::render(&loaded, fonts, made(), options);
    // The embedded fonts always embed; only a user's font file can fail to.
    prop_assert!(rendered.is_ok(), "{:?}", rendered.err());
    let rendered = rendered.unwrap();
    prop_assert!(rendered.pdf.starts_with(b"%PDF-"));
    prop_assert!(rendered.pages >= 1);

    let (_, pages) = visitprep::lay_out_sheet(&loaded, fonts, made(), options);
    prop_assert_eq!(pages.len(), rendered.pages);
    let margin = Style::for_options(options.page).margin;
    for (n, page) in pages.iter().enumerate() {
        for item in page.drawn().chain(&page.furniture) {
            let Item::Text(run) = item else {
                continue;
            };
            let (x, baseline, text) = (&run.x, &run.baseline, &run.text);
            // The run's own shaped advances: the writer draws exactly these.
            let right = x + run.width(fonts.face(run.face).units_per_em());
            let at = format!(
                "page {} of {}: {text:?} at x {x}, baseline {baseline}",
                n + 1,
                pages.len()
            );
            prop_assert!(!text.trim().is_empty(), "blank text item, {at}");
            prop_assert!(
                !text.chars().any(char::is_control),
                "control character drawn, {at}"
            );
            // A chart's first bar label is centred under a bar that may be very narrow: it
            // may reach a few points into the margin, never further.
            prop_assert!(*x >= margin - 8.0, "left of the margin {margin}, {at}");
            prop_assert!(
                right <= page.width - EDGE,
                "runs to {right}, past the right edge {}, {at}",
                page.width - EDGE
            );
            prop_assert!(
                *baseline >= EDGE && *baseline <= page.height - EDGE,
                "off the page vertically, {at}"
            );
        }
    }
    Ok(())
}

// --- Properties -----------------------------------------------------------------------

proptest! {
    #![proptest_config(config(128))]

    /// Any string at all: the parser answers Ok or an error that explains itself.
    #[test]
    fn parse_never_panics_on_any_string(text in prop_oneof![
        any::<String>(),
        vec(any::<char>(), 0..200).prop_map(String::from_iter),
        vec(any::<u8>(), 0..200).prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
    ]) {
        if let Err(e) = parse(&text) {
            assert_report_renders(&e)?;
        }
    }

    /// TOML-like text built from pieces of real and broken intakes.
    #[test]
    fn parse_never_panics_on_toml_like_text(text in toml_ish()) {
        if let Err(e) = parse(&text) {
            assert_report_renders(&e)?;
        }
    }

    /// Bytes on disk, including invalid UTF-8 and NULs, through `load`.
    #[test]
    fn load_never_panics_on_any_bytes(
        bytes in prop_oneof![
            vec(any::<u8>(), 0..300),
            (toml_ish(), vec((any::<prop::sample::Index>(), any::<u8>()), 0..4)).prop_map(
                |(text, inserts)| {
                    let mut bytes = text.into_bytes();
                    for (at, byte) in inserts {
                        let i = at.index(bytes.len() + 1);
                        bytes.insert(i, byte);
                    }
                    bytes
                }
            ),
        ]
    ) {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("intake.toml");
        std::fs::write(&path, &bytes).expect("the file is written");
        match intake::load(&path, chrono::Local::now().date_naive()) {
            Ok(loaded) => prop_assert!(std::str::from_utf8(&bytes).is_ok(), "{loaded:?}"),
            Err(e) => assert_report_renders(&e)?,
        }
    }
}

proptest! {
    #![proptest_config(config(64))]

    /// Hostile text in every text field of a valid intake, through the whole pipeline.
    #[test]
    fn any_text_in_any_field_renders_inside_the_page(t in texts(), options in paper_mode()) {
        let text = intake_toml(&t);
        let reparsed: Table = toml::from_str(&text)
            .map_err(|e| TestCaseError::fail(format!("the test's own TOML is invalid: {e}\n{text}")))?;
        prop_assert!(reparsed.contains_key("patient"));

        let mut must_fail: Vec<String> = Vec::new();
        if blank(&t.patient[0]) {
            must_fail.push("patient.name".into());
        }
        for (i, m) in t.medications.iter().enumerate() {
            if blank(&m[0]) {
                must_fail.push(format!("medications[{i}].name"));
            }
        }
        match parse(&text) {
            Ok((intake, guide)) => {
                prop_assert!(
                    must_fail.is_empty(),
                    "accepted although {must_fail:?} print blank: {:?}",
                    intake.patient.name
                );
                prop_assert!(!intake.patient.name.trim().is_empty());
                render_and_check(intake, guide, options)?;
            }
            Err(e) => {
                assert_report_renders(&e)?;
                // Refused for a blank name, or for a control character in a text (ESC, BEL,
                // the C1 controls): nothing else in this valid intake may be refused.
                let refused: Vec<(String, bool)> = e
                    .report()
                    .diagnostics
                    .iter()
                    .filter(|d| !d.warning)
                    .map(|d| {
                        (
                            d.field.clone().unwrap_or_default(),
                            d.message.starts_with("the text holds a control character"),
                        )
                    })
                    .collect();
                prop_assert!(
                    !must_fail.is_empty() || refused.iter().any(|(_, control)| *control),
                    "refused: {}",
                    e.report().render(false)
                );
                for field in &must_fail {
                    prop_assert!(refused.iter().any(|(f, _)| f == field), "{field} not refused");
                }
                for (field, control) in &refused {
                    prop_assert!(*control || must_fail.contains(field), "{field} refused");
                }
            }
        }
    }

    /// Odd but accepted intakes (dates, numbers, ids, medicine names) render in every mode;
    /// the ones refused explain themselves.
    #[test]
    fn any_accepted_intake_renders(text in intake_like(), options in paper_mode()) {
        match parse(&text) {
            Ok((intake, guide)) => render_and_check(intake, guide, options)?,
            Err(e) => assert_report_renders(&e)?,
        }
    }
}

/// Arbitrary spans of text, each plain or bold.
fn spans() -> impl Strategy<Value = Text> {
    vec(
        (nasty_string(), any::<bool>()).prop_map(|(text, strong)| Span {
            text,
            strong,
            link: None,
        }),
        0..5,
    )
}

/// The lines' text in reading order: each line's pieces (set in visual order, right to
/// left text reversed) sorted back by where they start, without what `kept` leaves out.
fn reading_order(lines: &[layout::Line]) -> String {
    lines
        .iter()
        .flat_map(|line| {
            let mut pieces: Vec<_> = line.iter().collect();
            pieces.sort_by_key(|p| p.at);
            pieces.into_iter().map(|p| kept(&p.text))
        })
        .collect()
}

/// What wrapping must keep: every character except the spaces and line breaks it breaks at.
fn kept(s: &str) -> String {
    s.chars().filter(|&c| c != ' ' && c != '\n').collect()
}

proptest! {
    #![proptest_config(config(128))]

    /// Wrapping never loses or reorders a character, and never overfills a line that could
    /// hold the widest single glyph.
    #[test]
    fn wrap_keeps_every_character_and_the_width(
        text in spans(),
        size in select(vec![9.0f32, 11.5, 16.0, 24.0]),
        extra in prop_oneof![0.0f32..5.0, 0.0f32..600.0],
    ) {
        let fonts = &*FONTS;
        // The widest cluster as set (a character's face, and so its width, may depend on
        // the characters around it).
        let widest = layout::wrap(&text, fonts, size, f32::INFINITY)
            .iter()
            .flatten()
            .flat_map(|p| {
                let scale = size / fonts.face(p.face).units_per_em();
                let mut clusters: Vec<(u32, f32)> = Vec::new();
                for g in &p.glyphs {
                    match clusters.iter_mut().find(|c| c.0 == g.text.start) {
                        Some(c) => c.1 += g.advance as f32 * scale,
                        None => clusters.push((g.text.start, g.advance as f32 * scale)),
                    }
                }
                clusters.into_iter().map(|c| c.1)
            })
            .fold(0.0f32, f32::max);
        let width = widest + extra;
        let lines = layout::wrap(&text, fonts, size, width);
        prop_assert!(!lines.is_empty());

        let written: String = text.iter().map(|s| kept(&s.text)).collect();
        prop_assert_eq!(reading_order(&lines), written);

        for (n, line) in lines.iter().enumerate() {
            let mut end = 0.0f32;
            for piece in line {
                prop_assert!(piece.x >= end - 0.01, "line {n}: pieces overlap: {line:?}");
                prop_assert!(!piece.text.contains('\n'));
                end = piece.x + piece.width;
            }
            prop_assert!(end <= width + 0.05, "line {n} is {end} wide, more than {width}: {line:?}");
        }
    }

    /// Narrow, zero, negative and non-finite widths: no panic, no lost character.
    #[test]
    fn wrap_survives_any_width(
        text in spans(),
        width in prop_oneof![any::<f32>(), -10.0f32..10.0],
    ) {
        let lines = layout::wrap(&text, &FONTS, 11.5, width);
        let written: String = text.iter().map(|s| kept(&s.text)).collect();
        prop_assert_eq!(reading_order(&lines), written);
    }
}

// --- Numbers --------------------------------------------------------------------------

#[derive(Debug, Clone, Copy)]
enum Num {
    Int(i64),
    Float(f64),
}

impl Num {
    fn value(self) -> Value {
        match self {
            Num::Int(i) => Value::Integer(i),
            Num::Float(f) => Value::Float(f),
        }
    }
}

fn num() -> impl Strategy<Value = Num> {
    prop_oneof![
        3 => (-3i64..50).prop_map(Num::Int),
        2 => any::<i64>().prop_map(Num::Int),
        2 => any::<f64>().prop_map(Num::Float),
        1 => (-2.0f64..60.0).prop_map(Num::Float),
        1 => select(vec![f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -0.0, 0.0, f64::MIN_POSITIVE, 5e-324])
            .prop_map(Num::Float),
    ]
}

proptest! {
    #![proptest_config(config(128))]

    /// Any integer or float for severity, minutes and pregnancy_week: Ok with exactly that
    /// value, or a diagnostic naming each field that is out of range.
    #[test]
    fn numbers_are_accepted_or_named(
        severity in num(),
        minutes in num(),
        week in num(),
        pregnant in any::<bool>(),
    ) {
        let text = toml::to_string(&Table::from_iter([
            ("guide".to_string(), text_value("nocturnal-leg-cramps")),
            (
                "patient".to_string(),
                table([
                    ("name", text_value("Ann")),
                    ("pregnant", Value::Boolean(pregnant)),
                    ("pregnancy_week", week.value()),
                ]),
            ),
            (
                "diary".to_string(),
                Value::Array(vec![table([
                    ("night", date_value(NaiveDate::from_ymd_opt(2026, 11, 1).unwrap())),
                    ("severity", severity.value()),
                    ("minutes", minutes.value()),
                ])]),
            ),
        ]))
        .expect("a table serializes");

        // A float where a whole number belongs is a type error: reading stops there.
        let type_errors: Vec<&str> = [("severity", severity), ("pregnancy_week", week)]
            .iter()
            .filter(|(_, n)| matches!(n, Num::Float(_)))
            .map(|(f, _)| *f)
            .collect();
        let mut out_of_range: Vec<&str> = Vec::new();
        if let Num::Int(v) = severity {
            if !(0..=10).contains(&v) {
                out_of_range.push("diary[0].severity");
            }
        }
        // More than a day for one episode is refused as a typo.
        let minutes_ok = match minutes {
            Num::Int(v) => v > 0 && v <= 24 * 60,
            Num::Float(v) => v > 0.0 && v <= 24.0 * 60.0,
        };
        if !minutes_ok {
            out_of_range.push("diary[0].minutes");
        }
        if let Num::Int(v) = week {
            if !(1..=45).contains(&v) || !pregnant {
                out_of_range.push("patient.pregnancy_week");
            }
        }

        match parse(&text) {
            Ok((intake, _)) => {
                prop_assert!(type_errors.is_empty() && out_of_range.is_empty(),
                    "accepted: {type_errors:?} {out_of_range:?}\n{text}");
                let entry = &intake.diary[0];
                if let Num::Int(v) = severity {
                    prop_assert_eq!(entry.severity.map(i64::from), Some(v));
                }
                let m = match minutes { Num::Int(v) => v as f64, Num::Float(v) => v };
                prop_assert_eq!(entry.minutes, Some(m));
                if let Num::Int(v) = week {
                    prop_assert_eq!(intake.patient.pregnancy_week.map(i64::from), Some(v));
                }
            }
            Err(e) => {
                assert_report_renders(&e)?;
                let report = e.report();
                let named = |field: &str| {
                    report.diagnostics.iter().any(|d| {
                        d.field.as_deref().is_some_and(|f| f.contains(field))
                    })
                };
                if type_errors.is_empty() {
                    prop_assert!(!out_of_range.is_empty(), "refused:\n{}", report.render(false));
                    for field in &out_of_range {
                        prop_assert!(named(field), "{field} not named:\n{}", report.render(false));
                    }
                } else {
                    prop_assert!(
                        type_errors.iter().any(|f| named(f)),
                        "none of {type_errors:?} named:\n{}",
                        report.render(false)
                    );
                }
            }
        }
    }
}

// --- Files that are not intakes at all ----------------------------------------------------

#[test]
fn a_file_over_the_size_limit_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.toml");
    let size = usize::try_from(intake::MAX_INTAKE_BYTES).unwrap() + 1;
    std::fs::write(&path, vec![b'#'; size]).unwrap();
    let err = intake::load(&path, chrono::Local::now().date_naive()).unwrap_err();
    let text = err.report().render(false);
    assert!(
        text.contains("error") && text.contains("at most 1 MiB"),
        "{text}"
    );
}

#[test]
fn a_folder_or_a_missing_file_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    for path in [dir.path().to_path_buf(), dir.path().join("missing.toml")] {
        let err = intake::load(&path, chrono::Local::now().date_naive()).unwrap_err();
        assert!(err.report().render(false).contains("error"));
    }
}

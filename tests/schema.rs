//! The JSON Schema from `visitprep schema` agrees with the parser: it accepts the examples and
//! rejects what the parser rejects for type, key and range reasons.

use std::path::Path;
use std::process::Command;

use serde_json::Value as Json;

fn validator() -> jsonschema::Validator {
    let schema = serde_json::to_value(visitprep::intake::json_schema()).unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema is a valid JSON Schema")
}

/// TOML as an editor's schema checker sees it: dates and times become their text.
fn to_json(value: toml::Value) -> Json {
    match value {
        toml::Value::String(s) => Json::String(s),
        toml::Value::Integer(i) => Json::from(i),
        toml::Value::Float(f) => Json::from(f),
        toml::Value::Boolean(b) => Json::Bool(b),
        toml::Value::Datetime(d) => Json::String(d.to_string()),
        toml::Value::Array(items) => Json::Array(items.into_iter().map(to_json).collect()),
        toml::Value::Table(table) => {
            Json::Object(table.into_iter().map(|(k, v)| (k, to_json(v))).collect())
        }
    }
}

fn json_of(text: &str) -> Json {
    to_json(toml::from_str::<toml::Value>(text).expect("valid TOML"))
}

fn errors(text: &str) -> Vec<String> {
    let v = validator();
    let json = json_of(text);
    v.iter_errors(&json)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

fn parser_accepts(text: &str) -> bool {
    visitprep::intake::parse(
        Path::new("t.toml"),
        text,
        Path::new("."),
        chrono::Local::now().date_naive(),
    )
    .is_ok()
}

const BASE: &str = "guide = \"nocturnal-leg-cramps\"\n[patient]\nname = \"Ann\"\n";

#[test]
fn accepts_every_example() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            let text = std::fs::read_to_string(&path).unwrap();
            let errs = errors(&text);
            assert!(errs.is_empty(), "{}: {errs:?}", path.display());
            seen += 1;
        }
    }
    assert!(seen >= 3, "expected the example files, saw {seen}");
}

#[test]
fn rejects_a_misspelt_key_like_the_parser() {
    for text in [
        format!("{BASE}[[medicaton]]\nname = \"x\"\n"),
        format!("{BASE}nmae = \"x\"\n"),
        format!("{BASE}[[medications]]\nname = \"x\"\ndoze = \"1 mg\"\n"),
    ] {
        assert!(!errors(&text).is_empty(), "schema accepted:\n{text}");
        assert!(!parser_accepts(&text), "parser accepted:\n{text}");
    }
}

#[test]
fn rejects_severity_12_but_takes_10() {
    let entry =
        |severity: &str| format!("{BASE}[[diary]]\nnight = 2026-11-03\nseverity = {severity}\n");
    let errs = errors(&entry("12"));
    assert!(
        errs.iter().any(|e| e.contains("/diary/0/severity")),
        "{errs:?}"
    );
    assert!(!parser_accepts(&entry("12")));
    assert!(errors(&entry("10")).is_empty());
    assert!(parser_accepts(&entry("10")));
    assert!(!errors(&entry("\"high\"")).is_empty());
}

#[test]
fn ranges_and_date_forms_match_the_parser() {
    let cases = [
        ("[patient]\npregnant = true\npregnancy_week = 29\n", true),
        ("[patient]\npregnant = true\npregnancy_week = 46\n", false),
        ("[patient]\npregnant = true\npregnancy_week = 0\n", false),
        ("[[diary]]\nnight = 2026-11-03\nminutes = 0.5\n", true),
        ("[[diary]]\nnight = 2026-11-03\nminutes = 0\n", false),
        ("[[diary]]\nnight = 2026-11-03\nat = 03:10:00\n", true),
        (
            "[[diary]]\nnight = 2026-11-03\nat = 2026-11-03T03:10:00\n",
            false,
        ),
        ("[visit]\nwhen = 2026-12-02\n", true),
        ("[visit]\nwhen = 2026-12-02T09:30:00\n", true),
        ("[visit]\nwhen = 2026-12-02T09:30:00+01:00\n", false),
        ("[visit]\nwhen = 09:30:00\n", false),
        ("[visit]\nwhen = \"next Tuesday\"\n", false),
        // Dates as people write them, in quotes.
        ("[patient]\nborn = \"4 April 1950\"\n", true),
        ("[patient]\nborn = \"April 4, 1950\"\n", true),
        ("[patient]\nborn = \"1950-4-4\"\n", true),
        ("[patient]\nborn = \"yesterday\"\n", false),
        ("[patient]\nborn = \"4/4/50\"\n", false),
        ("[visit]\nwhen = \"2026-12-10 9:30am\"\n", true),
        ("[visit]\nwhen = \"10 December 2026 at 2:15 pm\"\n", true),
        (
            "[[diary]]\nnight = \"November 3, 2026\"\nat = \"3:10am\"\n",
            true,
        ),
        ("[[diary]]\nnight = 2026-11-03\nat = \"late\"\n", false),
        (
            "[[medications]]\nname = \"x\"\ndose = \"1 mg\"\nsince = \"1 May 2024\"\n",
            true,
        ),
        // "None", said.
        (
            "[health]\nno_known_allergies = true\nno_medicines = true\n",
            true,
        ),
        ("[health]\nno_other_illnesses = \"yes\"\n", false),
    ];
    for (extra, valid) in cases {
        // Keys of [patient] go into the base's own table; the rest follow it.
        let text = match extra.strip_prefix("[patient]\n") {
            Some(rest) => format!("{BASE}{rest}"),
            None => format!("{BASE}{extra}"),
        };
        let errs = errors(&text);
        assert_eq!(errs.is_empty(), valid, "schema on\n{text}\n{errs:?}");
        assert_eq!(parser_accepts(&text), valid, "parser on\n{text}");
    }
}

#[test]
fn a_new_intake_with_its_schema_line_is_valid() {
    let bin = env!("CARGO_BIN_EXE_visitprep");
    let out = Command::new(bin)
        .args(["new", "--schema", "./visitprep.schema.json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("#:schema ./visitprep.schema.json\n"),
        "{text}"
    );
    assert!(errors(&text).is_empty(), "{:?}", errors(&text));
}

#[test]
fn the_command_writes_the_schema_and_spares_other_files() {
    let bin = env!("CARGO_BIN_EXE_visitprep");
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("visitprep.schema.json");
    let out = Command::new(bin)
        .arg("schema")
        .arg("-o")
        .arg(&target)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let written: Json = serde_json::from_slice(&std::fs::read(&target).unwrap()).unwrap();
    assert_eq!(
        written,
        serde_json::to_value(visitprep::intake::json_schema()).unwrap()
    );
    assert_eq!(
        written["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(written["additionalProperties"], false);

    // Writing it again replaces the old schema; an intake is never replaced without --force.
    let again = Command::new(bin)
        .arg("schema")
        .arg("-o")
        .arg(&target)
        .output()
        .unwrap();
    assert!(again.status.success());
    let intake = dir.path().join("intake.toml");
    std::fs::write(&intake, BASE).unwrap();
    let refused = Command::new(bin)
        .arg("schema")
        .arg("-o")
        .arg(&intake)
        .output()
        .unwrap();
    assert!(!refused.status.success());
    assert_eq!(std::fs::read_to_string(&intake).unwrap(), BASE);
}

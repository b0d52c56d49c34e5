//! `visitprep export`: the Bundle is read back with a FHIR model (fhir-model, R4B types),
//! which must accept every resource and keep every field, and its IPS shape is checked
//! against the intake as an independent TOML parser reads it.

mod common;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use fhir_model::r4b::resources::{Bundle, Resource};
use serde_json::Value;

use common::{bin, example, stderr};

const EXAMPLES: &[&str] = &[
    "complete.toml",
    "minimal.toml",
    "pregnant.toml",
    "international.toml",
];

fn export(intake: &Path, dir: &Path) -> (Vec<u8>, Value) {
    let out = dir.join("bundle.json");
    let o = bin()
        .args([
            "export",
            intake.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "export failed: {}", stderr(&o));
    let bytes = std::fs::read(&out).unwrap();
    std::fs::remove_file(&out).unwrap();
    let json = serde_json::from_slice(&bytes).expect("the export is JSON");
    (bytes, json)
}

/// The Bundle through the FHIR model: it must deserialize, and serialize back to the same
/// JSON, so no field is misspelt, misplaced or of the wrong type (the model would drop or
/// refuse it).
fn through_model(json: &Value) -> Bundle {
    let bundle: Bundle = serde_json::from_value(json.clone())
        .unwrap_or_else(|e| panic!("fhir-model refuses the Bundle: {e}"));
    let back = serde_json::to_value(&bundle).unwrap();
    if let Some(path) = first_difference(json, &back, String::new()) {
        panic!("the FHIR model does not keep {path} as written");
    }
    bundle
}

/// Where `b` first differs from `a`; numbers compare by value (29 and 29.0 are one decimal).
fn first_difference(a: &Value, b: &Value, at: String) -> Option<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let keys: HashSet<&String> = x.keys().chain(y.keys()).collect();
            let mut keys: Vec<&String> = keys.into_iter().collect();
            keys.sort();
            keys.into_iter().find_map(|k| match (x.get(k), y.get(k)) {
                (Some(p), Some(q)) => first_difference(p, q, format!("{at}.{k}")),
                _ => Some(format!("{at}.{k}")),
            })
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .find_map(|(i, (p, q))| first_difference(p, q, format!("{at}[{i}]"))),
        (Value::Number(x), Value::Number(y)) => (x.as_f64() != y.as_f64()).then_some(at),
        _ => (a != b).then_some(at),
    }
}

fn resources(json: &Value) -> Vec<&Value> {
    json["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["resource"])
        .collect()
}

fn of_type<'a>(json: &'a Value, kind: &str) -> Vec<&'a Value> {
    resources(json)
        .into_iter()
        .filter(|r| r["resourceType"] == kind)
        .collect()
}

fn toml_of(path: &Path) -> toml::Table {
    toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn list_len(t: &toml::Table, table: &str, key: &str) -> usize {
    t.get(table)
        .and_then(|v| v.get(key))
        .and_then(|v| v.as_array())
        .map_or(0, Vec::len)
}

/// Every `reference` anywhere in `v`.
fn references<'a>(v: &'a Value, out: &mut Vec<&'a str>) {
    match v {
        Value::Object(map) => {
            for (k, inner) in map {
                if k == "reference" {
                    out.push(inner.as_str().unwrap());
                } else {
                    references(inner, out);
                }
            }
        }
        Value::Array(list) => list.iter().for_each(|i| references(i, out)),
        _ => {}
    }
}

fn section<'a>(composition: &'a Value, loinc: &str) -> Option<&'a Value> {
    composition["section"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["code"]["coding"][0]["code"] == loinc)
}

#[test]
fn every_example_exports_an_ips_document_the_fhir_model_accepts() {
    let dir = tempfile::tempdir().unwrap();
    for name in EXAMPLES {
        let path = example(name);
        let intake = toml_of(&path);
        let (_, json) = export(&path, dir.path());
        let bundle = through_model(&json);

        // The model's typed view: a document whose first entry is the Composition.
        assert_eq!(bundle.r#type.to_string(), "document", "{name}");
        let first = bundle.entry[0].as_ref().unwrap().resource.as_ref().unwrap();
        assert!(matches!(first, Resource::Composition(_)), "{name}");
        for entry in bundle.entry.iter().flatten() {
            assert!(
                entry.resource.is_some(),
                "{name}: an entry without resource"
            );
        }

        let composition = resources(&json)[0];
        assert_eq!(composition["type"]["coding"][0]["code"], "60591-5");
        assert_eq!(
            composition["type"]["coding"][0]["system"],
            "http://loinc.org"
        );
        assert!(json["identifier"]["value"].is_string(), "{name}");
        assert!(json["timestamp"].is_string(), "{name}");

        // Counts, against what the intake lists.
        let meds = intake
            .get("medications")
            .and_then(|m| m.as_array())
            .map_or(0, Vec::len);
        let diary = intake
            .get("diary")
            .and_then(|m| m.as_array())
            .map_or(0, Vec::len);
        let allergies = list_len(&intake, "health", "allergies");
        let conditions = list_len(&intake, "health", "conditions");
        assert_eq!(of_type(&json, "MedicationStatement").len(), meds, "{name}");
        assert_eq!(
            of_type(&json, "AllergyIntolerance").len(),
            allergies,
            "{name}"
        );
        assert_eq!(of_type(&json, "Condition").len(), conditions, "{name}");
        let pregnant = intake["patient"]
            .get("pregnant")
            .and_then(|p| p.as_bool())
            .unwrap_or(false);
        assert_eq!(
            of_type(&json, "Observation").len(),
            diary + usize::from(pregnant),
            "{name}: one Observation a diary night, and the pregnancy status"
        );
        assert_eq!(of_type(&json, "Patient").len(), 1);

        // The IPS's required sections, each with its entries or a reason for none.
        for (code, count) in [
            ("11450-4", conditions),
            ("48765-2", allergies),
            ("10160-0", meds),
        ] {
            let s =
                section(composition, code).unwrap_or_else(|| panic!("{name}: no section {code}"));
            let entries = s["entry"].as_array().map_or(0, Vec::len);
            assert_eq!(entries, count, "{name}: section {code}");
            assert_eq!(s["emptyReason"].is_object(), count == 0, "{name}: {code}");
            assert!(
                s["text"]["div"].as_str().unwrap().starts_with("<div xmlns"),
                "{name}: {code} has no narrative"
            );
        }
        assert_eq!(
            section(composition, "10162-6").is_some(),
            pregnant,
            "{name}"
        );

        // Every reference resolves inside the Bundle, and ids are unique.
        let urls: HashSet<&str> = json["entry"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["fullUrl"].as_str().unwrap())
            .collect();
        assert_eq!(
            urls.len(),
            json["entry"].as_array().unwrap().len(),
            "{name}"
        );
        for entry in json["entry"].as_array().unwrap() {
            let url = entry["fullUrl"].as_str().unwrap();
            assert_eq!(
                url.strip_prefix("urn:uuid:"),
                entry["resource"]["id"].as_str(),
                "{name}"
            );
        }
        let mut refs = Vec::new();
        references(&json, &mut refs);
        for r in refs {
            assert!(urls.contains(r), "{name}: {r} does not resolve");
        }

        // The answers, word for word, and the questionnaire they answer is in the Bundle.
        let answers = intake.get("answers").and_then(|a| a.as_table());
        let responses = of_type(&json, "QuestionnaireResponse");
        match answers {
            Some(answers) if !answers.is_empty() => {
                assert_eq!(responses.len(), 1, "{name}");
                let qr = responses[0];
                let items = qr["item"].as_array().unwrap();
                assert_eq!(items.len(), answers.len(), "{name}");
                for item in items {
                    let id = item["linkId"].as_str().unwrap();
                    let given = answers[id].as_str().unwrap();
                    assert_eq!(
                        item["answer"][0]["valueString"].as_str().unwrap(),
                        given.trim_end(),
                        "{name}: answer {id}"
                    );
                }
                let q = of_type(&json, "Questionnaire");
                assert_eq!(q.len(), 1);
                assert_eq!(qr["questionnaire"], q[0]["url"], "{name}");
                let linked: HashSet<&str> = q[0]["item"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|i| i["linkId"].as_str().unwrap())
                    .collect();
                for item in items {
                    assert!(linked.contains(item["linkId"].as_str().unwrap()));
                }
            }
            _ => assert!(responses.is_empty(), "{name}"),
        }

        // Medicines: the patient's words, dosage as their text, from `since`.
        let meds_toml = intake.get("medications").and_then(|m| m.as_array());
        for (statement, med) in of_type(&json, "MedicationStatement")
            .iter()
            .zip(meds_toml.into_iter().flatten())
        {
            assert_eq!(
                statement["medicationCodeableConcept"]["text"],
                med["name"].as_str().unwrap()
            );
            assert!(statement["medicationCodeableConcept"]["coding"].is_null());
            if let Some(dose) = med.get("dose").and_then(|d| d.as_str()) {
                let text = statement["dosage"][0]["text"].as_str().unwrap();
                assert!(text.contains(dose), "{name}: {text}");
            }
            if let Some(since) = med.get("since") {
                assert_eq!(
                    statement["effectivePeriod"]["start"],
                    since.to_string().as_str()
                );
            }
        }
    }
}

#[test]
fn everything_is_reported_by_the_patient_without_filled_in_by() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(example("complete.toml")).unwrap();
    let text: String = text
        .lines()
        .filter(|l| !l.starts_with("filled_in_by"))
        .map(|l| format!("{l}\n"))
        .collect();
    assert!(toml::from_str::<toml::Table>(&text).unwrap()["patient"]
        .get("filled_in_by")
        .is_none());
    let intake = dir.path().join("maria.toml");
    std::fs::write(&intake, text).unwrap();
    let (_, json) = export(&intake, dir.path());
    let patient_url = json["entry"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["resource"]["resourceType"] == "Patient")
        .unwrap()["fullUrl"]
        .clone();
    assert!(of_type(&json, "RelatedPerson").is_empty());
    let composition = resources(&json)[0];
    assert_eq!(composition["author"][0]["reference"], patient_url);
    for r in of_type(&json, "MedicationStatement") {
        assert_eq!(r["informationSource"]["reference"], patient_url);
    }
    for r in of_type(&json, "AllergyIntolerance")
        .into_iter()
        .chain(of_type(&json, "Condition"))
    {
        assert_eq!(r["asserter"]["reference"], patient_url);
    }
    for r in of_type(&json, "Observation") {
        assert_eq!(r["performer"][0]["reference"], patient_url);
    }
}

#[test]
fn a_relative_who_filled_it_in_is_the_author() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["complete.toml", "international.toml"] {
        let intake = example(name);
        let who = toml_of(&intake)["patient"]["filled_in_by"]
            .as_str()
            .expect("the example names who filled it in")
            .to_string();
        let (_, json) = export(&intake, dir.path());
        through_model(&json);
        relative_is_the_author(&json, &who);
    }
}

fn relative_is_the_author(json: &Value, who: &str) {
    let json = json.clone();
    let related = of_type(&json, "RelatedPerson");
    assert_eq!(related.len(), 1);
    assert_eq!(related[0]["name"][0]["text"], who);
    let related_url = format!("urn:uuid:{}", related[0]["id"].as_str().unwrap());
    let patient_url = format!(
        "urn:uuid:{}",
        of_type(&json, "Patient")[0]["id"].as_str().unwrap()
    );
    assert_eq!(related[0]["patient"]["reference"], patient_url.as_str());
    let composition = resources(&json)[0];
    assert_eq!(composition["author"][0]["reference"], related_url.as_str());
    assert_eq!(composition["subject"]["reference"], patient_url.as_str());
    for r in of_type(&json, "MedicationStatement") {
        assert_eq!(r["informationSource"]["reference"], related_url.as_str());
        assert_eq!(r["subject"]["reference"], patient_url.as_str());
    }
    let qr = of_type(&json, "QuestionnaireResponse")[0];
    assert_eq!(qr["author"]["reference"], related_url.as_str());
    for r in of_type(&json, "AllergyIntolerance") {
        assert_eq!(r["asserter"]["reference"], related_url.as_str());
    }
}

#[test]
fn the_same_intake_gives_the_same_bytes_and_ids_follow_the_content() {
    let dir = tempfile::tempdir().unwrap();
    let (a, json_a) = export(&example("complete.toml"), dir.path());
    let (b, _) = export(&example("complete.toml"), dir.path());
    assert_eq!(a, b, "export is not deterministic");

    // Made later: a new document, but the same resources keep their ids.
    let later = dir.path().join("later.json");
    let o = bin()
        .env("SOURCE_DATE_EPOCH", "1795086400")
        .args(["export", example("complete.toml").to_str().unwrap(), "-o"])
        .arg(&later)
        .output()
        .unwrap();
    assert!(o.status.success());
    let json_later: Value = serde_json::from_slice(&std::fs::read(&later).unwrap()).unwrap();
    assert_ne!(json_later["id"], json_a["id"]);
    assert_ne!(json_later["timestamp"], json_a["timestamp"]);
    let stable = |j: &Value| -> Vec<String> {
        resources(j)
            .iter()
            .filter(|r| {
                r["resourceType"] != "Observation" || r["code"]["text"] != "Pregnancy status"
            })
            .map(|r| r["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(stable(&json_a), stable(&json_later));

    // Another patient with the same medicines shares no resource id with the first.
    let text = std::fs::read_to_string(example("complete.toml")).unwrap();
    let other = dir.path().join("other.toml");
    std::fs::write(&other, text.replace("Maria Example", "Mario Example")).unwrap();
    let (_, json_b) = export(&other, dir.path());
    let ids = |j: &Value| -> HashSet<String> {
        resources(j)
            .iter()
            .filter(|r| r["resourceType"] != "Questionnaire")
            .map(|r| r["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(ids(&json_a).is_disjoint(&ids(&json_b)));
    // The guide's Questionnaire is the same resource for both.
    assert_eq!(
        of_type(&json_a, "Questionnaire")[0]["url"],
        of_type(&json_b, "Questionnaire")[0]["url"]
    );
}

#[test]
fn export_writes_safely_and_prints_with_a_dash() {
    let dir = tempfile::tempdir().unwrap();
    let intake = dir.path().join("intake.toml");
    std::fs::copy(example("minimal.toml"), &intake).unwrap();

    // Over the intake: refused, the intake untouched.
    let before = std::fs::read(&intake).unwrap();
    let o = bin()
        .args(["export", intake.to_str().unwrap(), "-o"])
        .arg(&intake)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(std::fs::read(&intake).unwrap(), before);

    // Over a file that is not an earlier export: refused without --force.
    let notes = dir.path().join("notes.json");
    std::fs::write(&notes, "my notes").unwrap();
    let o = bin()
        .args(["export", intake.to_str().unwrap(), "-o"])
        .arg(&notes)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("not a FHIR JSON file"),
        "{}",
        stderr(&o)
    );
    assert_eq!(std::fs::read_to_string(&notes).unwrap(), "my notes");

    // The default name, beside the intake, private, and replaced by the next export.
    for _ in 0..2 {
        let o = bin()
            .args(["export", intake.to_str().unwrap()])
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let written: PathBuf = dir.path().join("intake.fhir.json");
    let json: Value = serde_json::from_slice(&std::fs::read(&written).unwrap()).unwrap();
    through_model(&json);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&written).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    let o = bin()
        .args(["export", intake.to_str().unwrap(), "-o", "-"])
        .output()
        .unwrap();
    assert!(o.status.success());
    assert_eq!(o.stdout, std::fs::read(&written).unwrap());
}

#[test]
fn an_invalid_intake_exports_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let intake = dir.path().join("bad.toml");
    std::fs::write(
        &intake,
        "guide = \"general\"\n[patient]\nname = \"A\"\nborn = 1956-02-30\n",
    )
    .unwrap();
    let o = bin().args(["export"]).arg(&intake).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("bad.toml:4:8"), "{}", stderr(&o));
    assert!(!dir.path().join("bad.fhir.json").exists());
}

#[test]
fn the_model_check_notices_a_misspelt_or_mistyped_field() {
    let dir = tempfile::tempdir().unwrap();
    let (_, json) = export(&example("minimal.toml"), dir.path());
    let mut misspelt = json.clone();
    misspelt["entry"][1]["resource"]["birthdate"] = Value::from("1956-03-14");
    let back = serde_json::to_value(
        serde_json::from_value::<Bundle>(misspelt.clone()).expect("unknown keys are dropped"),
    )
    .unwrap();
    assert!(first_difference(&misspelt, &back, String::new()).is_some());
    let mut mistyped = json;
    mistyped["entry"][0]["resource"]["status"] = Value::from("done");
    assert!(serde_json::from_value::<Bundle>(mistyped).is_err());
}

/// "None" in the intake is exported the IPS way: one entry coded "no known ...", never an
/// active allergy, medicine or illness called "none", and never an empty section.
#[test]
fn none_is_exported_as_the_ips_no_known_codes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("none.toml");
    std::fs::write(
        &path,
        "guide = \"general\"\n[patient]\nname = \"Ann Example\"\n\
         [health]\nallergies = [\"NKDA\"]\nconditions = [\"none\"]\nno_medicines = true\n",
    )
    .unwrap();
    let (_, json) = export(&path, dir.path());
    let bundle = through_model(&json);

    // The FHIR model's typed view of the allergy: SNOMED CT 716186003, and no "none".
    let allergies: Vec<_> = bundle
        .entry
        .iter()
        .flatten()
        .filter_map(|e| match e.resource.as_ref() {
            Some(Resource::AllergyIntolerance(a)) => Some(a),
            _ => None,
        })
        .collect();
    assert_eq!(allergies.len(), 1);
    let code = allergies[0].code.as_ref().expect("a coded allergy");
    let coding = code.coding[0].as_ref().unwrap();
    assert_eq!(coding.system.as_deref(), Some("http://snomed.info/sct"));
    assert_eq!(coding.code.as_deref(), Some("716186003"));
    assert_eq!(coding.display.as_deref(), Some("No known allergy"));
    assert_ne!(
        code.text.as_deref().map(str::to_lowercase).as_deref(),
        Some("nkda")
    );

    let ips = "http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips";
    for (kind, field, wanted) in [
        (
            "MedicationStatement",
            "medicationCodeableConcept",
            "no-known-medications",
        ),
        ("Condition", "code", "no-known-problems"),
    ] {
        let found = of_type(&json, kind);
        assert_eq!(found.len(), 1, "{kind}");
        assert_eq!(found[0][field]["coding"][0]["system"], ips, "{kind}");
        assert_eq!(found[0][field]["coding"][0]["code"], wanted, "{kind}");
    }
    let composition = resources(&json)[0];
    for code in ["11450-4", "48765-2", "10160-0"] {
        let s = section(composition, code).unwrap();
        assert_eq!(s["entry"].as_array().map_or(0, Vec::len), 1, "{code}");
        assert!(
            s["emptyReason"].is_null(),
            "{code}: none known is not unknown"
        );
    }
    let text = String::from_utf8(serde_json::to_vec(&json).unwrap()).unwrap();
    assert!(!text.contains("\"text\":\"none\""), "{text}");
}

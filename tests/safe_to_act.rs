//! What the sheet says is safe to act on: clot and emergency signs complete, care in three
//! tiers that follow the visit's booking, page 1 written for the doctor, causes only where
//! they can apply. Every claim is read back from the PDF page by page with poppler
//! (`pdftotext -f N -l N`), and `check`'s warnings from the real binary.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;
use visitprep::guide::{Guide, Section, Tier, PRACTICAL};

/// The text of one page (from 1), words joined by single spaces so that wrapped phrases
/// can be found.
fn page_text(pdf: &Path, page: usize) -> String {
    let n = page.to_string();
    let o = Command::new("pdftotext")
        .args(["-enc", "UTF-8", "-f", &n, "-l", &n])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs: apt-get install -y poppler-utils");
    assert!(o.status.success(), "pdftotext failed on {}", pdf.display());
    String::from_utf8(o.stdout)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

struct Sheet {
    pages: Vec<String>,
}

impl Sheet {
    fn render(intake: &Path, out: &Path, args: &[&str]) -> Sheet {
        render(intake, out, args);
        let n = Pdf::load(out).pages();
        Sheet {
            pages: (1..=n).map(|p| page_text(out, p)).collect(),
        }
    }

    /// The first page (from 1) that begins with `title`.
    fn starting_with(&self, title: &str) -> usize {
        self.pages
            .iter()
            .position(|p| p.starts_with(title))
            .map(|i| i + 1)
            .unwrap_or_else(|| panic!("no page starts with {title:?}"))
    }

    /// Pages `from..to` (from 1, `to` not included), joined.
    fn pages(&self, from: usize, to: usize) -> String {
        self.pages[from - 1..to - 1].join(" ")
    }

    /// The details: from page 2 to the page before "For me".
    fn details(&self) -> String {
        self.pages(
            self.starting_with("Visit sheet"),
            self.starting_with("For me"),
        )
    }

    /// The patient's part, from "For me" to the end.
    fn for_me(&self) -> String {
        self.pages(self.starting_with("For me"), self.pages.len() + 1)
    }

    /// "When to get care promptly", up to the next part.
    fn get_care(&self) -> String {
        let part = self.for_me();
        let start = part
            .find("When to get care promptly")
            .expect("a When to get care promptly part");
        let end = part[start..]
            .find("My questions for the doctor")
            .map_or(part.len(), |e| start + e);
        part[start..end].to_string()
    }
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(format!("{name}.toml"));
    std::fs::write(&path, text).unwrap();
    path
}

fn sheet(dir: &Path, name: &str, intake: &str) -> Sheet {
    let path = write(dir, name, intake);
    Sheet::render(&path, &dir.join(format!("{name}.pdf")), &[])
}

/// `check`'s report: the summary on standard output, the warnings on standard error.
fn check(path: &Path) -> String {
    let o = run(&["check", path.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    format!("{}\n{}", stdout(&o), stderr(&o))
}

const LEG_CRAMPS: &str = "guide = \"nocturnal-leg-cramps\"\n[patient]\nname = \"Tom Probe\"\n\
                          born = 1950-04-02\nsex = \"male\"\n";

#[test]
fn a_swollen_red_warm_calf_is_framed_on_page_1_and_check_says_get_seen_today() {
    let dir = tempfile::tempdir().unwrap();
    let intake = format!(
        "{LEG_CRAMPS}[visit]\nwhen = 2026-12-03T09:00:00\n[answers]\n\
         discomfort = \"Cramps in both calves. Since Sunday my left calf is swollen, red and warm to the touch.\"\n"
    );
    let path = write(dir.path(), "calf", &intake);
    for paper in ["a4", "letter"] {
        let out = dir.path().join(format!("calf-{paper}.pdf"));
        let sheet = Sheet::render(&path, &out, &["--paper", paper]);
        let flag = "Warning signs in the patient's words: Calf or leg swollen (complaint): \
                    \"Since Sunday my left calf is swollen, red and warm to the touch\"; told to be seen today";
        assert!(sheet.pages[0].contains(flag), "{paper}: {}", sheet.pages[0]);
        // The summary still fits its page: the details start on page 2.
        assert_eq!(sheet.starting_with("Visit sheet"), 2, "{paper}");
        assert!(!sheet.pages[1..].join(" ").contains("Warning signs in"));
        // The patient's part says what to do, under "today".
        let care = sheet.get_care();
        let today = care.find("Today: see a doctor").expect("a today tier");
        let calf = care
            .find("One calf (the back of the lower leg) is swollen and painful: get seen by a doctor today.")
            .expect("the swollen calf line");
        assert!(today < calf, "{care}");
    }
    let report = check(&path);
    assert!(
        report.contains("warning: `answers.discomfort` describes a warning sign (calf or leg swollen): \"Since Sunday my left calf is swollen, red and warm to the touch\": get seen by a doctor today"),
        "{report}"
    );
    assert!(report.contains("calf.toml:9:14"), "{report}");
    assert!(
        report.contains("help: One calf (the back of the lower leg) is swollen and painful"),
        "{report}"
    );
    // render says it too, on standard error.
    let o = render(&path, &dir.path().join("again.pdf"), &[]);
    assert!(
        stderr(&o).contains("describes a warning sign (calf or leg swollen)"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_sign_in_the_reason_is_flagged_with_the_general_guide_too() {
    let dir = tempfile::tempdir().unwrap();
    let intake = "guide = \"general\"\n[patient]\nname = \"Ann Probe\"\n[visit]\n\
                  reason = \"My right leg is swollen and red since Monday.\"\n";
    let sheet = sheet(dir.path(), "reason", intake);
    assert!(
        sheet.pages[0].contains(
            "Calf or leg swollen or red (reason): \"My right leg is swollen and red since Monday\"; told to be seen today"
        ),
        "{}",
        sheet.pages[0]
    );
    let report = check(&dir.path().join("reason.toml"));
    assert!(
        report.contains(
            "warning: `visit.reason` describes a warning sign (calf or leg swollen or red)"
        ),
        "{report}"
    );
    // A guide file's own signs are not known to check before it is read; the general
    // guide's, which hold for any symptom, stand in.
    std::fs::write(
        dir.path().join("foot.toml"),
        "id = \"foot\"\ntitle = \"Foot\"\nsummary = \"Sore feet.\"\n\
         [[doctor_questions]]\nid = \"where\"\ntext = \"Where?\"\nsource = \"practical\"\n",
    )
    .unwrap();
    let path = write(
        dir.path(),
        "foot-intake",
        "guide = \"foot.toml\"\n[patient]\nname = \"A\"\n[answers]\nwhere = \"I cough up blood.\"\n",
    );
    assert!(
        check(&path)
            .contains("describes a warning sign (breathless, chest pain or coughing blood)"),
        "{}",
        check(&path)
    );
}

#[test]
fn a_denied_sign_is_not_flagged_and_check_says_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let intake = format!(
        "{LEG_CRAMPS}[answers]\nnight_legs = \"No swelling or redness in my legs. I keep them warm.\"\n\
         discomfort = \"The calf is not swollen, only sore.\"\n"
    );
    let sheet = sheet(dir.path(), "denied", &intake);
    assert!(
        !sheet.pages[0].contains("Warning signs"),
        "{}",
        sheet.pages[0]
    );
    let report = check(&dir.path().join("denied.toml"));
    assert!(report.contains("valid (guide"), "{report}");
    assert!(!report.contains("warning"), "{report}");
}

#[test]
fn a_sign_written_in_spanish_is_flagged_in_either_language_and_a_denied_one_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let said = "Desde el domingo tengo la pantorrilla izquierda hinchada y me duele";
    let intake = format!(
        "{LEG_CRAMPS}language = \"español\"\n[answers]\ndiscomfort = \"Calambres por la noche. {said}.\"\n\
         night_legs = \"No tengo las piernas frías ni pálidas. Sin hinchazón en la otra.\"\n\
         [[medications]]\nname = \"furosemida\"\ndose = \"40 mg\"\n"
    );
    let path = write(dir.path(), "pantorrilla", &intake);
    // For a doctor who reads English, the flag is in English around the patient's words.
    let bilingual = Sheet::render(
        &path,
        &dir.path().join("bilingual.pdf"),
        &["--lang", "es", "--doctor-lang", "en"],
    );
    let page1 = &bilingual.pages[0];
    assert!(
        page1.contains(&format!(
            "Warning signs in the patient's words: Calf or leg swollen (complaint): \"{said}\"; told to be seen today"
        )),
        "{page1}"
    );
    assert_eq!(page1.matches("; told to ").count(), 1, "{page1}");
    // A water pill named as Spanish writes it is flagged as the English name is.
    assert!(
        page1.contains("Medicines: furosemida, 40 mg — possible cause"),
        "{page1}"
    );
    // The Spanish sheet names the same sign with the guide's Spanish flag.
    let spanish = Sheet::render(&path, &dir.path().join("es.pdf"), &["--lang", "es"]);
    let flag = &visitprep::guide::Translation::built_in(
        "nocturnal-leg-cramps",
        visitprep::Language::Spanish,
    )
    .expect("the leg-cramps guide in Spanish")
    .of("Calf or leg swollen")
    .expect("the flag translated")
    .text;
    assert!(
        spanish.pages[0].contains(&format!("{flag} (")) && spanish.pages[0].contains(said),
        "{}",
        spanish.pages[0]
    );
    // `check` speaks the patient's language, and names the sign with the same Spanish flag.
    let report = check(&path);
    assert_eq!(report.matches("aviso: ").count(), 1, "{report}");
    assert!(
        report.contains(&format!(
            "`answers.discomfort` describe una señal de alarma ({}): \"{said}\"",
            flag.to_lowercase()
        )),
        "{report}"
    );
}

#[test]
fn breathlessness_and_a_cold_pale_leg_are_emergencies_named_first() {
    let dir = tempfile::tempdir().unwrap();
    let intake = format!(
        "{LEG_CRAMPS}[visit]\nwhen = 2026-12-03\nreason = \"Cramps at night.\"\n\
         concerns = [\"Since yesterday I get short of breath on the stairs.\"]\n[answers]\n\
         leg_skin = \"My left leg looks redder than the right.\"\n\
         walking_pain = \"This morning my right foot went cold and pale.\"\n"
    );
    let sheet = sheet(dir.path(), "lungs", &intake);
    let page1 = &sheet.pages[0];
    let order = [
        "Breathless, chest pain or coughing blood (concern 1): \"Since yesterday I get short of breath on the stairs\"; told to call the emergency number now",
        "Leg cold and pale (walking pain): \"This morning my right foot went cold and pale\"; told to call the emergency number now",
        "Leg colour or warmth changed (leg skin): \"My left leg looks redder than the right\"; told to be seen today",
    ];
    let at: Vec<usize> = order
        .iter()
        .map(|s| {
            page1
                .find(s)
                .unwrap_or_else(|| panic!("{s:?} not on page 1: {page1}"))
        })
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{page1}");
    let report = check(&dir.path().join("lungs.toml"));
    assert_eq!(report.matches("warning: ").count(), 3, "{report}");
    assert!(
        report.contains("`visit.concerns[0]` describes a warning sign (breathless, chest pain or coughing blood): \"Since yesterday I get short of breath on the stairs\": call the emergency number now"),
        "{report}"
    );
    assert!(
        report.contains("`answers.walking_pain` describes a warning sign (leg cold and pale)"),
        "{report}"
    );
    // The patient's part tells the emergency first.
    let care = sheet.get_care();
    let now = care.find("Now: call the emergency number").unwrap();
    let lungs = care
        .find("You suddenly find it hard to breathe (breathlessness), have chest pain, or cough up blood: call the emergency number (such as 112, 999 or 911) at once.")
        .unwrap();
    let pale = care
        .find("One leg suddenly turns cold and pale: call the emergency number")
        .unwrap();
    let today = care.find("Today: see a doctor").unwrap();
    assert!(now < lungs && lungs < today && pale < today, "{care}");
}

#[test]
fn more_than_three_signs_are_counted_and_the_summary_still_fits() {
    let dir = tempfile::tempdir().unwrap();
    let intake = format!(
        "{LEG_CRAMPS}[visit]\nreason = \"I am breathless.\"\n[answers]\n\
         discomfort = \"My calf is swollen.\"\npattern = \"My leg is red.\"\n\
         course = \"I coughed up blood.\"\nbefore = \"My foot is cold and pale.\"\n"
    );
    for paper in ["a4", "letter"] {
        let path = write(dir.path(), &format!("many-{paper}"), &intake);
        let out = dir.path().join(format!("many-{paper}.pdf"));
        let sheet = Sheet::render(&path, &out, &["--paper", paper]);
        assert_eq!(sheet.starting_with("Visit sheet"), 2, "{paper}");
        let page1 = &sheet.pages[0];
        assert_eq!(page1.matches("; told to ").count(), 3, "{page1}");
        assert!(
            page1.contains("… and 2 more, in the answers from page 2"),
            "{page1}"
        );
        // The three shown are the emergencies.
        assert_eq!(
            page1
                .matches("told to call the emergency number now")
                .count(),
            3,
            "{page1}"
        );
    }
}

/// The `# font:` line of an example in a script the built-in fonts lack.
fn font_args(text: &str) -> Vec<String> {
    text.lines()
        .find_map(|l| l.strip_prefix("# font: "))
        .map(|f| vec!["--font".to_string(), f.trim().to_string()])
        .unwrap_or_default()
}

#[test]
fn every_example_has_three_tiers_its_checklist_follows_the_booking_and_page_1_is_for_the_doctor() {
    let dir = tempfile::tempdir().unwrap();
    let mut names: Vec<String> = std::fs::read_dir(example(""))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".toml"))
        .collect();
    names.sort();
    assert!(names.len() >= 6, "{names:?}");
    for name in &names {
        let path = example(name);
        let text = std::fs::read_to_string(&path).unwrap();
        let value: toml::Value = toml::from_str(&text).unwrap();
        let visit = value.get("visit");
        let when = visit.and_then(|v| v.get("when")).map(|w| w.to_string());
        let pregnant = value["patient"]
            .get("pregnant")
            .and_then(toml::Value::as_bool)
            .unwrap_or(false);
        let guide = value["guide"].as_str().unwrap();
        let font = font_args(&text);
        let args: Vec<&str> = font.iter().map(String::as_str).collect();
        let sheet = Sheet::render(&path, &dir.path().join(format!("{name}.pdf")), &args);

        // Page 1 is written for the doctor: no advice to the patient.
        let page1 = &sheet.pages[0];
        assert!(page1.starts_with("Visit summary for the doctor"), "{name}");
        for patient_words in ["keep taking it;", "ask your doctor", "Do not wait"] {
            assert!(!page1.contains(patient_words), "{name}: {patient_words:?}");
        }

        // Three tiers, in order, the visit kept when it is booked.
        let care = sheet.get_care();
        let now = care.find("Now: call the emergency number").expect(name);
        let today = care.find("Today: see a doctor").expect(name);
        let appointment_heading = match &when {
            Some(_) => "keep it, and tell the doctor",
            None => "Soon: make an appointment and tell the doctor",
        };
        let later = care
            .find(appointment_heading)
            .unwrap_or_else(|| panic!("{name}: no {appointment_heading:?} in {care}"));
        assert!(now < today && today < later, "{name}: {care}");
        if when.is_some() {
            assert!(
                care[today..later].contains("do not wait for your visit"),
                "{name}"
            );
        }
        // The reasons to book stand under the visit, not under "do not wait".
        let routine = if guide == "general" {
            "The symptom keeps coming back"
        } else {
            "Leg cramps keep coming at night and do not go away by themselves."
        };
        assert!(care.find(routine).expect(name) > later, "{name}: {care}");
        assert!(!care[later..].contains("Do not wait"), "{name}: {care}");

        // The checklist follows the booking and the time of the visit.
        let for_me = sheet.for_me();
        assert_eq!(
            for_me.contains("Make an appointment in advance."),
            when.is_none(),
            "{name}"
        );
        assert!(
            !for_me.contains("Make the appointment in advance"),
            "{name}"
        );
        let afternoon = when
            .as_deref()
            .and_then(|w| w.split_once('T'))
            .is_some_and(|(_, t)| t[..2].parse::<u32>().unwrap() >= 12);
        assert_eq!(
            for_me.contains("your visit is in the afternoon"),
            afternoon,
            "{name}"
        );
        assert_eq!(
            for_me.contains("whether you should come in the morning"),
            !afternoon,
            "{name}"
        );

        if guide != "nocturnal-leg-cramps" {
            continue;
        }
        // Pregnancy as a cause, and the X-ray step, only for a pregnant patient; its
        // mechanism once, softened.
        let about = &for_me[for_me.find("About this condition").expect(name)..];
        let about = &about[..about.find("Good to know").expect(name)];
        assert_eq!(about.contains("• Pregnancy "), pregnant, "{name}: {about}");
        assert_eq!(
            for_me.contains("Tell the staff that you are pregnant before any X-ray or CT scan."),
            pregnant,
            "{name}"
        );
        let whole = sheet.pages.join(" ");
        assert_eq!(
            whole.matches("growing bones").count(),
            usize::from(pregnant),
            "{name}"
        );
        assert!(!whole.contains("all of it comes from"), "{name}");
        if pregnant {
            assert!(
                whole.contains("So pregnant women may run short of calcium, and this can make cramps more likely."),
                "{name}"
            );
        }
        // The answers that point to a cause are on page 1, in their first words.
        for (id, label) in [
            ("numbness", "Numbness"),
            ("walking_pain", "Walking pain"),
            ("back_pain", "Back pain"),
            ("thirst", "Thirst"),
            ("leg_skin", "Leg skin"),
        ] {
            if let Some(answer) = value.get("answers").and_then(|a| a.get(id)) {
                let first: Vec<&str> = answer
                    .as_str()
                    .unwrap()
                    .split_whitespace()
                    .take(3)
                    .collect();
                let shown = format!("{label}: {}", first.join(" "));
                assert!(
                    page1.contains(&shown),
                    "{name}: no {shown:?} on page 1: {page1}"
                );
            }
        }
    }
}

#[test]
fn the_cause_pointing_answers_stand_on_page_1_and_the_open_ones_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let intake = format!(
        "{LEG_CRAMPS}[answers]\nnumbness = \"Both feet tingle at night.\"\n\
         walking_pain = \"My calves hurt after 200 metres and I must stop.\"\n\
         back_pain = \"Low back pain for years.\"\nthirst = \"I drink a lot, always thirsty.\"\n\
         leg_skin = \"The skin on my shins is shiny.\"\n"
    );
    let sheet = sheet(dir.path(), "pointers", &intake);
    for expected in [
        "Numbness: Both feet tingle at night.",
        "Walking pain: My calves hurt after 200 metres and I must stop.",
        "Back pain: Low back pain for years.",
        "Thirst: I drink a lot, always thirsty.",
        "Leg skin: The skin on my shins is shiny.",
    ] {
        assert!(
            sheet.pages[0].contains(expected),
            "{expected:?}: {}",
            sheet.pages[0]
        );
    }
    assert!(
        !sheet.pages[0].contains("Not answered:"),
        "{}",
        sheet.pages[0]
    );
    // With nothing answered, page 1 lists what is still to ask.
    let minimal = Sheet::render(&example("minimal.toml"), &dir.path().join("m.pdf"), &[]);
    assert!(
        minimal.pages[0]
            .contains("Not answered: Numbness; Walking pain; Back pain; Thirst; Leg skin"),
        "{}",
        minimal.pages[0]
    );
}

#[test]
fn the_statin_note_says_what_the_article_says_and_its_exception() {
    let dir = tempfile::tempdir().unwrap();
    let statin = sheet(
        dir.path(),
        "statin",
        &format!("{LEG_CRAMPS}[[medications]]\nname = \"simvastatin\"\ndose = \"40 mg\"\n"),
    );
    let details = statin.details();
    assert!(
        details.contains(
            "Note A: Cholesterol medicines (statins). Statins are among the medicines that can lead to leg cramps. Keep taking your medicine"
        ),
        "{details}"
    );
    let exception = "If you take a statin and get very bad muscle pain or weakness, or dark (brown) urine, get medical help at once.";
    assert!(details.contains(exception), "{details}");
    assert!(!details.contains("Statins may cause"), "{details}");
    let note = &details[details.find("Note A:").unwrap()..];
    assert!(!note.contains("salts"), "{note}");
    // The exception is an emergency on the patient's part.
    let care = statin.get_care();
    let at = care.find(exception).expect("the statin exception");
    assert!(at < care.find("Today: see a doctor").unwrap(), "{care}");
    // Only for someone who takes a statin.
    let water_pill = sheet(
        dir.path(),
        "diuretic",
        &format!("{LEG_CRAMPS}[[medications]]\nname = \"furosemide\"\n"),
    );
    assert!(!water_pill.pages.join(" ").contains("If you take a statin"));
}

#[test]
fn department_hints_match_whole_words() {
    let dir = tempfile::tempdir().unwrap();
    let hint = "Bones, joints and the spine (orthopedics): You wrote about low back pain";
    let discomfort = sheet(
        dir.path(),
        "discomfort",
        &format!("{LEG_CRAMPS}[answers]\ndiscomfort = \"Some discomfort in my calf at night.\"\n"),
    );
    assert!(!discomfort.for_me().contains(hint));
    let disc = sheet(
        dir.path(),
        "disc",
        &format!("{LEG_CRAMPS}[answers]\nback_pain = \"A slipped disc in 2019.\"\n"),
    );
    assert!(disc.for_me().contains(hint), "{}", disc.for_me());
}

#[test]
fn every_new_statement_names_its_source() {
    for id in ["nocturnal-leg-cramps", "general"] {
        let o = run(&["guides", id, "--sources"]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(
            stdout(&o).contains(" 0 without a source."),
            "{id}: {}",
            stdout(&o)
        );
        let guide = Guide::built_in(id).unwrap();
        // Every tier is used, and every sign has its flag and a reviewed source.
        for tier in Tier::ALL {
            assert!(
                guide.seek_care.iter().any(|s| s.tier == tier),
                "{id}: {tier:?}"
            );
        }
        for advice in guide.seek_care.iter().filter(|s| !s.signs.is_empty()) {
            assert!(advice.flag.is_some(), "{id}: {}", advice.text);
        }
        let statements = guide.statements();
        let source_of = |section: Section, start: &str| -> &str {
            statements
                .iter()
                .find(|s| s.section == section && s.text.iter().any(|t| t.starts_with(start)))
                .unwrap_or_else(|| panic!("{id}: no statement {start:?}"))
                .source
                .unwrap_or_else(|| panic!("{id}: {start:?} has no source"))
        };
        // The new safety steps are practical, not claims of the article.
        for start in [
            "You suddenly find it hard to breathe",
            "One leg suddenly turns cold and pale",
            "One calf (the back of the lower leg)",
        ] {
            assert_eq!(
                source_of(Section::SeekCare, start),
                PRACTICAL,
                "{id}: {start}"
            );
        }
        if id == "nocturnal-leg-cramps" {
            assert_eq!(source_of(Section::Tests, "If you are pregnant"), PRACTICAL);
            assert!(source_of(Section::Medicines, "Cholesterol medicines").ends_with(PRACTICAL));
            assert!(source_of(
                Section::Checklist,
                "Blood tests may be done. They are best done"
            )
            .starts_with("Medical preparation"));
            assert_eq!(
                source_of(Section::Causes, "Pregnancy"),
                "Cause of symptoms: Pregnancy"
            );
        }
    }
}

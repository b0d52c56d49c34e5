use std::path::Path;

use visitprep::{open_checklist, open_questions, Catalogue, Language, Words, STDIN_NAME};

use super::{clock, Error, Shell};

/// Checks `file` and says what was found: in `lang`, else in the language of the intake's
/// sheet. The patient's words and the file's keys are quoted as written.
pub fn check(file: &Path, lang: Option<Language>, shell: &Shell) -> Result<(), Error> {
    let (language, loaded) = visitprep::load_intake_with_notes_in(file, clock::now().today(), lang);
    let words = Words::from(Catalogue::Check, language);
    let (loaded, warnings, _, notes) = loaded.map_err(|error| Error::Checked {
        error,
        language,
        outcome: words.get("check-outcome"),
    })?;
    let intake = &loaded.intake;
    let guide = &loaded.guide;
    shell.warnings_in(&warnings, language);
    let shown = if file == Path::new("-") {
        Path::new(STDIN_NAME)
    } else {
        file
    };
    let file_and_guide = |id| {
        words.with(
            id,
            &[
                ("file", Words::text(shown.display().to_string())),
                ("guide", Words::text(guide.id.as_str())),
                ("count", Words::count(warnings.diagnostics.len())),
            ],
        )
    };
    match warnings.diagnostics.len() {
        0 => println!("{}", file_and_guide("check-valid")),
        _ => println!("{}", file_and_guide("check-valid-with-warnings")),
    }
    for note in &notes {
        println!(
            "  {}",
            words.with("check-note", &[("note", Words::text(note.as_str()))])
        );
    }
    if guide.unsourced() > 0 {
        let path = super::folder_of(Some(file)).join(&intake.guide);
        println!(
            "  {}",
            words.with(
                "check-guide-unreviewed",
                &[
                    ("count", Words::count(guide.unsourced())),
                    ("guide", Words::text(path.display().to_string())),
                ]
            )
        );
    }
    // The guide's questions and checklist as the patient's part of the sheet prints them.
    let translated = guide.translated(language);
    if language != Language::English && translated.is_none() {
        println!(
            "  {}",
            words.with(
                "check-guide-untranslated",
                &[("guide", Words::text(guide.id.as_str()))]
            )
        );
    }
    let in_language = translated.as_ref().unwrap_or(guide);
    let concerns = intake
        .visit
        .concerns
        .iter()
        .filter(|c| !c.trim().is_empty())
        .count();
    if concerns > 3 {
        println!(
            "  {}",
            words.with("check-many-concerns", &[("count", Words::count(concerns))])
        );
    }
    let open = open_questions(&loaded);
    if open.is_empty() {
        println!("  {}", words.get("check-all-answered"));
    } else {
        println!(
            "  {}",
            words.with("check-unanswered", &[("count", Words::count(open.len()))])
        );
        for q in open {
            let text = in_language
                .doctor_question(&q.id)
                .map_or(q.text.as_str(), |t| t.text.as_str());
            println!("    {:<14} {}", q.id, text);
        }
    }
    let todo = open_checklist(&loaded);
    if !todo.is_empty() {
        println!(
            "  {}",
            words.with(
                "check-checklist-open",
                &[("count", Words::count(todo.len()))]
            )
        );
        let companion = match intake.visit.companion.as_deref() {
            Some(name) => name.to_string(),
            None => words.get("your-companion"),
        };
        for c in todo {
            let item = in_language
                .checklist
                .iter()
                .find(|t| t.id == c.id)
                .unwrap_or(c);
            println!("    {:<18} {}", c.id, item.text_for(Some(&companion)));
        }
    }
    Ok(())
}

use visitprep::{
    source_parts, wrap, CauseKind, Condition, Guide, GuideSection, GuideStatement,
    GuideTranslation, Language, PRACTICAL,
};

use super::Error;

/// Lists the built-in guides, or shows one (or a guide file) in full or beside its sources.
pub fn guides(id: Option<&str>, sources: bool, lang: Option<Language>) -> Result<(), Error> {
    let Some(id) = id else {
        list_built_in();
        return Ok(());
    };
    let (g, _) = super::guide_for_intake(id, super::folder_of(None))?;
    if sources {
        let translation =
            match lang.filter(|l| *l != Language::English) {
                Some(l) => Some(GuideTranslation::built_in(&g.id, l).ok_or_else(|| {
                    Error::NoTranslation {
                        guide: g.id.clone(),
                        language: l.tag().to_string(),
                    }
                })?),
                None => None,
            };
        print_sources(&g, translation);
    } else {
        print_guide(&g);
        print_background(&g);
    }
    Ok(())
}

fn list_built_in() {
    for id in Guide::built_in_ids() {
        if let Some(g) = Guide::built_in(id) {
            println!("{:<22} {}", g.id, g.title);
        }
    }
    println!(
        "\nShow one with: visitprep guides ID, or check a guide file with: visitprep guides FILE"
    );
    println!("Add --sources to see where each statement comes from.");
}

/// What the guide asks and prepares: the condition, the questions and the checklist.
fn print_guide(g: &Guide) {
    println!("{} ({})\n\n{}\n", g.title, g.id, g.summary);
    if !g.about.is_empty() {
        println!("About this condition:");
        for a in &g.about {
            let joint = if a.title.ends_with(['?', ':']) {
                ""
            } else {
                ":"
            };
            println!("  {}{joint} {}{}", a.title, a.text, only(&a.when));
            // The causes follow their item, as on the sheet, in their own words.
            let causes = match a.causes {
                Some(CauseKind::Everyday) => &g.causes.everyday[..],
                Some(CauseKind::Diseases) => &g.causes.diseases[..],
                None => &[][..],
            };
            for c in causes {
                println!("    - {}", c.text);
            }
        }
        println!();
    }
    if !g.departments.is_empty() {
        println!("Departments: {}\n", g.departments.join("; "));
    }
    println!("Questions the doctor may ask (answer ids):");
    for q in &g.doctor_questions {
        println!("  {:<14} {}{}", q.id, q.text, only(&q.when));
        if !q.hint.is_empty() {
            println!("  {:<14} {}", "", q.hint);
        }
    }
    println!("\nQuestions you may ask:");
    for q in &g.patient_questions {
        println!("  {:<16} {}{}", q.id, q.text, only(&q.when));
    }
    println!("\nBefore you leave home:");
    for c in &g.checklist {
        println!("  {:<18} {}{}", c.id, c.text, only(&c.when));
    }
}

/// What the guide tells besides: when to get care, tests, causes, medicines, and whether
/// it has been reviewed.
fn print_background(g: &Guide) {
    if !g.seek_care.is_empty() {
        println!("\nGet care promptly when:");
        for s in &g.seek_care {
            println!("  - {}{}", s.text, only(&s.when));
        }
    }
    if !g.tests.is_empty() {
        println!("\nExaminations and tests:");
        for t in &g.tests {
            println!("  - {}: {}", t.name, t.why);
        }
    }
    // A list already shown under its item of "About this condition" is not shown twice.
    let shown = |kind: CauseKind| g.about.iter().any(|a| a.causes == Some(kind));
    if !g.causes.everyday.is_empty() && !shown(CauseKind::Everyday) {
        println!("\nCauses in everyday life:");
        for c in &g.causes.everyday {
            println!("  - {}", c.text);
        }
    }
    if !g.causes.diseases.is_empty() && !shown(CauseKind::Diseases) {
        println!("\nIllnesses that can cause it:");
        for c in &g.causes.diseases {
            println!("  - {}", c.text);
        }
    }
    if !g.medication_flags.is_empty() {
        println!("\nMedicines that can play a part (names matched as whole words):");
        for m in &g.medication_flags {
            println!("  - {}: {}", m.class, m.names.join(", "));
        }
    }
    if g.unsourced() > 0 {
        println!(
            "\nNote: {} statements of this guide name no source; it has not been reviewed (see --sources).",
            g.unsourced()
        );
    }
}

/// " [only when: pregnant]" for an item shown only to some patients.
fn only(when: &Condition) -> String {
    let described = when.describe();
    if described.is_empty() {
        String::new()
    } else {
        format!(" [only when: {described}]")
    }
}

/// Statement and source side by side, section by section, for a clinician's review.
const STATEMENT_WIDTH: usize = 48;
const SOURCE_WIDTH: usize = 30;

fn print_sources(g: &Guide, translation: Option<&GuideTranslation>) {
    println!("{} ({}): every statement and its source", g.title, g.id);
    if let Some(article) = &g.source_article {
        println!("Source article: {article}");
    }
    println!(
        "A source names a section of the article (\"Heading: part\"); \"{PRACTICAL}\" marks a plainly\nsafe step the article does not state."
    );
    let statements = g.statements();
    let mut section: Option<GuideSection> = None;
    let (mut article, mut practical, mut none) = (0, 0, 0);
    for s in &statements {
        if section != Some(s.section) {
            section = Some(s.section);
            let title = s.section.name();
            println!(
                "\n{title} {}\n",
                "-".repeat((STATEMENT_WIDTH + SOURCE_WIDTH + 2).saturating_sub(title.len() + 1))
            );
        }
        let left = statement_lines(s, translation);
        let parts: Vec<&str> = s
            .source
            .map(|src| source_parts(src).collect())
            .unwrap_or_default();
        let right = source_lines(&parts);
        if parts.is_empty() {
            none += 1;
        } else if parts.iter().any(|p| *p != PRACTICAL) {
            article += 1;
        } else {
            practical += 1;
        }
        for i in 0..left.len().max(right.len()) {
            let l = left.get(i).map(String::as_str).unwrap_or("");
            let r = right.get(i).map(String::as_str).unwrap_or("");
            let line = format!("{l:<STATEMENT_WIDTH$}  {r}");
            println!("{}", line.trim_end());
        }
        println!();
    }
    println!(
        "{} statements: {article} from the article, {practical} practical only, {none} without a source.",
        statements.len()
    );
}

/// The statement's text wrapped to its column, with the patients it is for.
fn statement_lines(s: &GuideStatement, translation: Option<&GuideTranslation>) -> Vec<String> {
    let mut lines = Vec::new();
    for (i, text) in s.text.iter().enumerate() {
        let indent = if i == 0 { "" } else { "  " };
        lines.extend(
            wrap(text, STATEMENT_WIDTH - indent.len())
                .into_iter()
                .map(|l| format!("{indent}{l}")),
        );
        // The translation under the English it translates, marked with its language.
        if let Some(t) = translation {
            let tag = t.language.tag();
            let said = match t.of(text) {
                Some(entry) => entry.text.clone(),
                None => "(not translated)".to_string(),
            };
            let indent = format!("{indent}{tag}: ");
            for (k, l) in wrap(&said, STATEMENT_WIDTH - indent.chars().count())
                .into_iter()
                .enumerate()
            {
                let lead = if k == 0 {
                    indent.clone()
                } else {
                    " ".repeat(indent.chars().count())
                };
                lines.push(format!("{lead}{l}"));
            }
        }
    }
    if let Some(when) = s.when {
        lines.extend(wrap(
            &format!("[only when: {}]", when.describe()),
            STATEMENT_WIDTH,
        ));
    }
    lines
}

/// Each part of a statement's source as a dash item wrapped to its column.
fn source_lines(parts: &[&str]) -> Vec<String> {
    if parts.is_empty() {
        return vec!["(none: unreviewed)".to_string()];
    }
    let mut lines = Vec::new();
    for part in parts {
        for (i, line) in wrap(part, SOURCE_WIDTH - 2).into_iter().enumerate() {
            lines.push(format!("{}{line}", if i == 0 { "- " } else { "  " }));
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wrapping_keeps_every_word_within_the_width() {
        let text =
            "Leg cramps at night are sudden, strong and painful tightenings of the leg muscles.";
        let lines = wrap(text, 20);
        assert!(lines.iter().all(|l| l.chars().count() <= 20), "{lines:?}");
        assert_eq!(lines.join(" "), text);
        assert_eq!(
            wrap("electroencephalogram x", 5),
            ["electroencephalogram", "x"]
        );
        assert!(wrap("   ", 10).is_empty());
    }
}

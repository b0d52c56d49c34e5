use std::path::Path;

use visitprep::{intake, sheet};

pub fn check(file: &Path, color: bool) -> Result<(), String> {
    let (loaded, warnings) = super::load_reporting(file, color, "run check again once fixed")?;
    let intake = &loaded.intake;
    let guide = &loaded.guide;
    let facts = sheet::facts_of(intake);
    eprint!("{}", super::warnings_text(&warnings, color));
    let shown = if file == Path::new("-") {
        Path::new(intake::STDIN_NAME)
    } else {
        file
    };
    match warnings.diagnostics.len() {
        0 => println!("{}: valid (guide: {})", shown.display(), guide.id),
        n => println!(
            "{}: valid, with {n} {} (guide: {})",
            shown.display(),
            if n == 1 { "warning" } else { "warnings" },
            guide.id
        ),
    }
    if guide.unsourced() > 0 {
        println!(
            "  note: the guide is unreviewed: {} of its statements name no `source` (see `visitprep guides {} --sources`)",
            guide.unsourced(),
            super::folder_of(Some(file)).join(&intake.guide).display()
        );
    }
    let concerns = intake
        .visit
        .concerns
        .iter()
        .filter(|c| !c.trim().is_empty())
        .count();
    if concerns > 3 {
        println!(
            "  warning: `visit.concerns` lists {concerns} concerns; only the first three are on the \
             sheet's first page (all of them are in the details): put the most important first"
        );
    }
    let open: Vec<_> = guide
        .doctor_questions
        .iter()
        .filter(|q| facts.holds(&q.when) && !intake.answers.contains_key(&q.id))
        .collect();
    if open.is_empty() {
        println!("  every question is answered");
    } else {
        println!(
            "  {} unanswered (printed with lines to write on):",
            open.len()
        );
        for q in open {
            println!("    {:<14} {}", q.id, q.text);
        }
    }
    let todo: Vec<_> = guide
        .checklist
        .iter()
        .filter(|c| facts.holds(&c.when) && !intake.checklist_done.contains(&c.id))
        .collect();
    if !todo.is_empty() {
        println!("  {} checklist items not yet done:", todo.len());
        for c in todo {
            let text = c.text_for(intake.visit.companion.as_deref());
            println!("    {:<18} {}", c.id, text);
        }
    }
    Ok(())
}

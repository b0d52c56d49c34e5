use std::path::Path;

use visitprep::{open_checklist, open_questions, STDIN_NAME};

use super::{Error, Shell};

pub fn check(file: &Path, shell: &Shell) -> Result<(), Error> {
    let (loaded, warnings, notes) = super::load_reporting(file, "run check again once fixed")?;
    let intake = &loaded.intake;
    let guide = &loaded.guide;
    shell.warnings(&warnings);
    let shown = if file == Path::new("-") {
        Path::new(STDIN_NAME)
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
    for note in &notes {
        println!("  note: {note}");
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
    let open = open_questions(&loaded);
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
    let todo = open_checklist(&loaded);
    if !todo.is_empty() {
        println!("  {} checklist items not yet done:", todo.len());
        for c in todo {
            let text = c.text_for(intake.visit.companion.as_deref());
            println!("    {:<18} {}", c.id, text);
        }
    }
    Ok(())
}

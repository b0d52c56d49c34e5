use std::io::IsTerminal;
use std::path::Path;

use visitprep::interview::{self, Options};
use visitprep::{input, intake, output, skeleton};

pub fn interview(guide_id: &str, out: &Path, force: bool) -> Result<(), String> {
    if output::is_stdout(out) {
        return Err("error: the interview asks its questions on standard output, so it cannot write the intake there too\n  help: name the intake file, e.g. -o intake.toml".into());
    }
    let dir = super::folder_of(Some(out));
    let (guide, reference) = super::guide_for_intake(guide_id, dir)?;
    // Refuse before asking anything, so nobody types their answers for nothing.
    super::refuse_existing(out, force)?;

    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let piped = !stdin.is_terminal();
    let options = Options {
        styled: !piped
            && stdout.is_terminal()
            && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        piped,
        today: Some(chrono::Local::now().date_naive()),
    };
    // Answers come a line at a time; a line without end (`< /dev/zero`) must not fill memory.
    let answers_in =
        std::io::BufReader::new(input::Bounded::new(stdin.lock(), input::MAX_TEXT_BYTES));
    let mut answers = interview::run(&guide, answers_in, stdout.lock(), options)
        .map_err(|e| format!("error: cannot ask the questions: {e}; nothing was written"))?;
    answers.guide = reference;
    let text = skeleton::intake_filled(&guide, &answers);

    // Written even if this fails, so no answer is lost; `check` then shows what to fix.
    if let Err(e) = intake::parse(out, &text, dir) {
        eprintln!(
            "warning: the written intake has a problem:\n{}",
            e.report().render(false)
        );
    }
    super::refuse_existing(out, force).map_err(|e| format!("{e}\n\nYour answers:\n{text}"))?;
    output::write_atomic(out, text.as_bytes()).map_err(|e| format!("error: {e}"))?;

    let file = interview::shell_word(&out.display().to_string());
    println!(
        "\nWrote {}. Every question you skipped is printed with lines to write on.\n\
         To see what is still open:  visitprep check {file}\n\
         To make the visit sheet:    visitprep render {file}",
        out.display()
    );
    Ok(())
}

use std::io::IsTerminal;
use std::path::Path;

use visitprep::{Bounded, InterviewOptions, InterviewStop as Stop, MAX_TEXT_BYTES};

use super::error::Made;
use super::{Error, Shell};

pub fn interview(guide_id: &str, out: &Path, force: bool, shell: &Shell) -> Result<(), Error> {
    if visitprep::is_stdout(out) {
        return Err(Error::InterviewToStdout);
    }
    let dir = super::folder_of(Some(out));
    let (guide, reference) = super::guide_for_intake(guide_id, dir)?;
    // Refuse before asking anything, so nobody types their answers for nothing.
    let refuse_existing = || {
        visitprep::check_target(out, &[], visitprep::Overwrite::only_forced(force)).map_err(
            |error| Error::Refused {
                error,
                made: Made::Intake,
            },
        )
    };
    refuse_existing()?;

    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let piped = !stdin.is_terminal();
    let options = InterviewOptions {
        styled: !piped && shell.styled_stdout(),
        today: Some(chrono::Local::now().date_naive()),
    };
    let asked = if piped {
        // Answers come a line at a time; a line without end (`< /dev/zero`) must not fill
        // memory.
        let answers_in = std::io::BufReader::new(Bounded::new(stdin.lock(), MAX_TEXT_BYTES));
        visitprep::run_interview(&guide, answers_in, stdout.lock(), options)
    } else {
        visitprep::run_interview_on_terminal(&guide, stdout.lock(), options)
    };
    let mut answers = match asked {
        Ok(answers) => answers,
        Err(Stop::Interrupted) => {
            // As a shell reports a program Ctrl+C ended; the file was never begun.
            eprintln!("\nStopped with Ctrl+C: nothing was written.");
            std::process::exit(130);
        }
        Err(Stop::Io(e)) => return Err(Error::Interview(e)),
        Err(ended @ Stop::InputEnded) => {
            return Err(Error::Interview(std::io::Error::other(ended.to_string())))
        }
    };
    answers.guide = reference;
    let text = visitprep::filled_intake(&guide, &answers);

    // Written even if this fails, so no answer is lost; `check` then shows what to fix.
    if let Err(e) = visitprep::check_intake_text(out, &text, dir, super::clock::now().today()) {
        shell.warning(&format!(
            "the written intake has a problem:\n{}",
            e.report().render(false)
        ));
    }
    refuse_existing().map_err(|error| Error::AnswersKept {
        error: Box::new(error),
        answers: text.clone(),
    })?;
    super::process::write(out, text.as_bytes())?;

    let file = visitprep::shell_word(&out.display().to_string());
    println!(
        "\nWrote {}. Every question you skipped is printed with lines to write on.\n\
         To see what is still open:  visitprep check {file}\n\
         To make the visit sheet:    visitprep render {file}",
        out.display()
    );
    Ok(())
}

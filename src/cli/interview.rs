use std::io::IsTerminal;
use std::path::Path;

use visitprep::{
    Bounded, Catalogue, InterviewOptions, InterviewStop as Stop, Language, Words, MAX_TEXT_BYTES,
};

use super::error::Made;
use super::{Error, Shell};

pub fn interview(
    guide_id: &str,
    out: &Path,
    force: bool,
    lang: Option<Language>,
    shell: &Shell,
) -> Result<(), Error> {
    if visitprep::is_stdout(out) {
        return Err(Error::InterviewToStdout);
    }
    let language = lang.unwrap_or(Language::English);
    let words = Words::from(Catalogue::Interview, language);
    let dir = super::folder_of(Some(out));
    let (guide, reference) = super::guide_for_intake(guide_id, dir)?;
    // The guide's questions in the interview's language where it has a translation.
    let guide = guide.translated(language).unwrap_or(guide);
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
        language,
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
        // As a shell reports a program Ctrl+C ended; the file was never begun.
        Err(Stop::Interrupted) => {
            return Err(Error::InterviewInterrupted(
                words.get("stopped-interrupted"),
            ))
        }
        Err(Stop::Io(e)) => return Err(Error::Interview(e)),
        Err(Stop::InputEnded) if language != Language::English => {
            // Said in the language the person answered in.
            return Err(Error::InterviewEnded(words.get("stopped-input-ended")));
        }
        Err(ended @ Stop::InputEnded) => {
            return Err(Error::Interview(std::io::Error::other(ended.to_string())))
        }
    };
    answers.guide = reference;
    let text = visitprep::filled_intake_in(&guide, &answers, language);

    // Written even if this fails, so no answer is lost; `check` then shows what to fix.
    let today = super::clock::now().today();
    if let Err(e) = visitprep::check_intake_text_in(out, &text, dir, today, language) {
        shell.warning(&format!(
            "{}\n{}",
            words.get("written-has-problem"),
            e.report().render_in(false, language)
        ));
    }
    refuse_existing().map_err(|error| Error::AnswersKept {
        error: Box::new(error),
        answers: text.clone(),
    })?;
    super::process::write(out, text.as_bytes())?;

    let file = visitprep::shell_word(&out.display().to_string());
    let wrote = words.with("wrote", &[("file", Words::text(out.display().to_string()))]);
    let (check, render) = (words.get("next-check"), words.get("next-render"));
    // The two commands in one column, two spaces after the longer line's words.
    let width = check.chars().count().max(render.chars().count()) + 2;
    let pad = |s: &str| format!("{s}{}", " ".repeat(width - s.chars().count()));
    println!(
        "\n{wrote}\n{}visitprep check {file}\n{}visitprep render {file}",
        pad(&check),
        pad(&render)
    );
    Ok(())
}

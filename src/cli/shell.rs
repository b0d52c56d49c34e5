//! The one place that prints errors, warnings, notes and what was written, all on standard
//! error (standard output is the commands' own output). It decides once whether to use
//! colour, so every message follows the same rule: a terminal, and `NO_COLOR` unset or empty.

use std::io::IsTerminal;
use std::sync::Mutex;

use visitprep::Report;

use super::error::Error;

pub struct Shell {
    /// Standard error is a terminal and colour is wanted.
    color: bool,
    /// Standard output is a terminal and colour is wanted.
    styled_stdout: bool,
    /// Messages held back to be printed later, in order (a batch renders intakes in
    /// parallel but reports them in the order given); `None` prints at once.
    held: Option<Mutex<String>>,
}

impl Shell {
    pub fn new() -> Shell {
        let wanted = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        Shell {
            color: wanted && std::io::stderr().is_terminal(),
            styled_stdout: wanted && std::io::stdout().is_terminal(),
            held: None,
        }
    }

    /// Whether what a command prints on standard output may be styled.
    pub fn styled_stdout(&self) -> bool {
        self.styled_stdout
    }

    /// A shell with the same choices that keeps its messages until [`Shell::release`].
    pub fn held(&self) -> Shell {
        Shell {
            held: Some(Mutex::new(String::new())),
            color: self.color,
            styled_stdout: self.styled_stdout,
        }
    }

    /// Prints what `held` kept.
    pub fn release(&self, held: Shell) {
        if let Some(text) = held.held {
            self.emit(&text.into_inner().unwrap_or_else(|e| e.into_inner()));
        }
    }

    pub fn error(&self, error: &Error) {
        match error {
            // clap prints its own errors, with its own usage line and colours.
            Error::Usage(e) if self.held.is_none() => {
                let _ = e.print();
            }
            _ => {
                let message = error.render(self.color);
                if !message.is_empty() {
                    self.emit(&format!("{}\n", message.trim_end()));
                }
            }
        }
    }

    /// "error: ..." for a problem that is reported before the command decides to fail.
    pub fn problem(&self, text: &str) {
        self.emit(&format!("error: {text}\n"));
    }

    pub fn warning(&self, text: &str) {
        self.emit(&format!("warning: {text}\n"));
    }

    pub fn note(&self, text: &str) {
        self.emit(&format!("note: {text}\n"));
    }

    /// The help line under an error, warning or note.
    pub fn help(&self, text: &str) {
        self.emit(&format!("  help: {text}\n"));
    }

    /// The warnings of an intake, with their places; nothing when it has none.
    pub fn warnings(&self, report: &Report) {
        if !report.diagnostics.is_empty() {
            self.emit(&report.render(self.color));
        }
    }

    /// What was done: "wrote sheet.pdf (2 pages)".
    pub fn status(&self, text: &str) {
        self.emit(&format!("{text}\n"));
    }

    fn emit(&self, text: &str) {
        match &self.held {
            Some(held) => held
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push_str(text),
            None => eprint!("{text}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(shell: Shell) -> String {
        shell.held.unwrap().into_inner().unwrap()
    }

    #[test]
    fn a_held_shell_keeps_every_message_in_order() {
        let shell = Shell {
            color: false,
            styled_stdout: false,
            held: None,
        }
        .held();
        shell.warning("`三` is in none of the fonts");
        shell.help("add --font FILE");
        shell.error(&Error::NoIntakes("intakes".into()));
        shell.status("wrote a.pdf (2 pages)");
        let inner = shell.held();
        inner.note("later");
        shell.release(inner);
        assert_eq!(
            kept(shell),
            "warning: `三` is in none of the fonts\n  help: add --font FILE\n\
             error: the folder intakes has no .toml intake files\n\
             wrote a.pdf (2 pages)\nnote: later\n"
        );
    }
}

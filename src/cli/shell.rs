//! The one place that prints errors, warnings, notes and what was written, all on standard
//! error (standard output is the commands' own output). It decides once whether to use
//! colour, so every message follows the same rule: a terminal, and `NO_COLOR` unset or empty.

use std::io::{IsTerminal, Write};
use std::sync::Mutex;

use visitprep::{Language, Report};

use super::error::Error;

pub struct Shell {
    /// Standard error is a terminal and colour is wanted.
    color: bool,
    /// Standard output is a terminal and colour is wanted.
    styled_stdout: bool,
    /// Where the messages go.
    out: Out,
}

enum Out {
    /// Written at once: to standard error, or to a test's buffer.
    Writer {
        to: Mutex<Box<dyn Write + Send>>,
        stderr: bool,
    },
    /// Held back to be printed later, in order (a batch renders intakes in parallel but
    /// reports them in the order given).
    Held(Mutex<String>),
}

impl Shell {
    pub fn new() -> Shell {
        let wanted = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        Shell {
            color: wanted && std::io::stderr().is_terminal(),
            styled_stdout: wanted && std::io::stdout().is_terminal(),
            out: Out::Writer {
                to: Mutex::new(Box::new(std::io::stderr())),
                stderr: true,
            },
        }
    }

    /// A shell that writes its messages, without colour, to `writer`.
    #[cfg(test)]
    fn to_writer(writer: Box<dyn Write + Send>) -> Shell {
        Shell {
            color: false,
            styled_stdout: false,
            out: Out::Writer {
                to: Mutex::new(writer),
                stderr: false,
            },
        }
    }

    /// Whether what a command prints on standard output may be styled.
    pub fn styled_stdout(&self) -> bool {
        self.styled_stdout
    }

    /// A shell with the same choices that keeps its messages until [`Shell::release`].
    pub fn held(&self) -> Shell {
        Shell {
            out: Out::Held(Mutex::new(String::new())),
            color: self.color,
            styled_stdout: self.styled_stdout,
        }
    }

    /// Prints what `held` kept.
    pub fn release(&self, held: Shell) {
        if let Out::Held(text) = held.out {
            self.emit(&text.into_inner().unwrap_or_else(|e| e.into_inner()));
        }
    }

    pub fn error(&self, error: &Error) {
        match error {
            // clap prints its own errors, with its own usage line and colours.
            Error::Usage(e) if matches!(self.out, Out::Writer { stderr: true, .. }) => {
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
        self.warnings_in(report, Language::English);
    }

    /// As [`Shell::warnings`], with the words around each warning in `language`.
    pub fn warnings_in(&self, report: &Report, language: Language) {
        if !report.diagnostics.is_empty() {
            self.emit(&report.render_in(self.color, language));
        }
    }

    /// What was done: "wrote sheet.pdf (2 pages)".
    pub fn status(&self, text: &str) {
        self.emit(&format!("{text}\n"));
    }

    fn emit(&self, text: &str) {
        match &self.out {
            Out::Held(held) => held
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push_str(text),
            // A message that cannot be printed (standard error closed) is not worth a panic.
            Out::Writer { to, .. } => {
                let _ = to
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .write_all(text.as_bytes());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(shell: Shell) -> String {
        match shell.out {
            Out::Held(text) => text.into_inner().unwrap(),
            _ => panic!("not a held shell"),
        }
    }

    /// A writer the test can read back.
    #[derive(Clone, Default)]
    struct Buffer(std::sync::Arc<Mutex<Vec<u8>>>);

    impl Write for Buffer {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_shell_writes_to_its_own_writer() {
        let buffer = Buffer::default();
        let shell = Shell::to_writer(Box::new(buffer.clone()));
        shell.warning("the visit is more than a year ahead");
        let inner = shell.held();
        inner.status("wrote a.pdf (2 pages)");
        shell.error(&Error::NoIntakes("intakes".into()));
        shell.release(inner);
        assert_eq!(
            String::from_utf8(buffer.0.lock().unwrap().clone()).unwrap(),
            "warning: the visit is more than a year ahead\n\
             error: the folder intakes has no .toml intake files\n\
             wrote a.pdf (2 pages)\n"
        );
    }

    #[test]
    fn a_held_shell_keeps_every_message_in_order() {
        let shell = Shell::to_writer(Box::new(std::io::sink())).held();
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

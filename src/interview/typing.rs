//! Where the answers are typed: a line editor on a terminal, one line per answer otherwise.
//!
//! Without an editor a terminal hands over the arrow keys as escape sequences (`ESC [ D`),
//! which then stood in the answer and on the doctor's page. On a terminal rustyline reads
//! them as the editing keys they are; piped answers that still hold control characters are
//! refused, and every answer echoed back shows such characters escaped, so that a sequence
//! like OSC 52 (write the clipboard) or `ESC [ 6n` (report the cursor) never reaches the
//! terminal as a command.

use std::io::{self, BufRead, Write};

use rustyline::config::Config;
use rustyline::error::ReadlineError;
use rustyline::history::DefaultHistory;

/// What came in for one question.
pub(crate) enum Typed {
    Answer(String),
    /// The end of the input: Ctrl+D on a terminal, the end of a pipe or file.
    Ended,
    /// Ctrl+C on a terminal.
    Interrupted,
}

pub(crate) trait Typing {
    /// Shows `prompt` and reads one answer. A terminal puts `initial` on the line to edit.
    fn read(&mut self, out: &mut dyn Write, prompt: &str, initial: &str) -> io::Result<Typed>;
    /// An answer to come back to with the Up key.
    fn remember(&mut self, _answer: &str) {}
    fn is_terminal(&self) -> bool;
}

/// One answer per line from a pipe or file: the way scripts and tests answer.
pub(crate) struct Lines<R> {
    pub(crate) input: R,
    /// What is said of a line that is not UTF-8, in the interview's language.
    pub(crate) not_text: String,
}

impl<R: BufRead> Typing for Lines<R> {
    fn read(&mut self, out: &mut dyn Write, prompt: &str, _initial: &str) -> io::Result<Typed> {
        loop {
            write!(out, "{prompt} ")?;
            out.flush()?;
            let mut bytes = Vec::new();
            let read = self.input.read_until(b'\n', &mut bytes)?;
            // What is piped in is not shown, so the prompt's line is ended here.
            writeln!(out)?;
            if read == 0 {
                return Ok(Typed::Ended);
            }
            if bytes.ends_with(b"\n") {
                bytes.pop();
                if bytes.ends_with(b"\r") {
                    bytes.pop();
                }
            }
            match String::from_utf8(bytes) {
                Ok(text) => return Ok(Typed::Answer(text)),
                Err(_) => writeln!(out, "  {}", self.not_text)?,
            }
        }
    }

    fn is_terminal(&self) -> bool {
        false
    }
}

/// The line editor on a terminal: Left/Right, Home/End, Delete, Backspace, and Up/Down for
/// earlier answers. The history is kept in memory only: health answers are not written to a
/// history file.
pub(crate) struct Editor {
    editor: rustyline::Editor<(), DefaultHistory>,
}

impl Editor {
    pub(crate) fn new() -> io::Result<Editor> {
        let config = Config::builder()
            .auto_add_history(false)
            .history_ignore_dups(true)
            .map_err(io_error)?
            .build();
        let editor = rustyline::Editor::with_config(config).map_err(io_error)?;
        Ok(Editor { editor })
    }
}

fn io_error(error: ReadlineError) -> io::Error {
    match error {
        ReadlineError::Io(e) => e,
        other => io::Error::other(other.to_string()),
    }
}

impl Typing for Editor {
    fn read(&mut self, out: &mut dyn Write, prompt: &str, initial: &str) -> io::Result<Typed> {
        out.flush()?;
        match self
            .editor
            .readline_with_initial(&format!("{prompt} "), (initial, ""))
        {
            Ok(line) => Ok(Typed::Answer(line)),
            Err(ReadlineError::Interrupted) => Ok(Typed::Interrupted),
            Err(ReadlineError::Eof) => Ok(Typed::Ended),
            Err(other) => Err(io_error(other)),
        }
    }

    fn remember(&mut self, answer: &str) {
        // A history that cannot take an entry only loses the Up key for it.
        let _ = self.editor.add_history_entry(answer);
    }

    fn is_terminal(&self) -> bool {
        true
    }
}

/// A character no answer may hold: a control character other than a tab (which is printed
/// as a space), including the C1 range a terminal may read as the start of a command.
pub(crate) fn is_control(c: char) -> bool {
    c.is_control() && c != '\t'
}

/// `text` with its control characters written out as escapes (`\u{1b}[D`), safe to show on
/// a terminal.
pub fn shown(text: &str) -> String {
    text.chars()
        .map(|c| {
            if is_control(c) {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// `text` without escape sequences and control characters: what is left to edit when an
/// answer holding them is refused. A sequence goes as a whole (`ESC [ 1 ; 5 D`, an OSC up to
/// its BEL or `ESC \`), so no `[D` is left behind.
pub fn without_controls(text: &str) -> String {
    let mut kept = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\x1b' | '\u{9b}' | '\u{9d}' => {
                let kind = if c == '\x1b' {
                    chars.next()
                } else {
                    Some(if c == '\u{9b}' { '[' } else { ']' })
                };
                match kind {
                    // CSI: parameters and intermediates, then one final byte.
                    Some('[') => {
                        for c in chars.by_ref() {
                            if ('\u{40}'..='\u{7e}').contains(&c) {
                                break;
                            }
                        }
                    }
                    // OSC, DCS and the like: up to BEL or the string terminator.
                    Some(']' | 'P' | '_' | '^' | 'X') => {
                        while let Some(c) = chars.next() {
                            if c == '\x07' || c == '\u{9c}' {
                                break;
                            }
                            if c == '\x1b' && chars.peek() == Some(&'\\') {
                                chars.next();
                                break;
                            }
                        }
                    }
                    // SS3 (`ESC O A`, arrows in application mode): one more character.
                    Some('O') => {
                        chars.next();
                    }
                    _ => {}
                }
            }
            // A line break pasted into one answer parts two words.
            '\n' | '\r' if !kept.ends_with(' ') => kept.push(' '),
            c if is_control(c) => {}
            c => kept.push(c),
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_go_as_a_whole() {
        assert_eq!(
            without_controls("water pill\x1b[D\x1b[D\x1b[DX"),
            "water pillX"
        );
        assert_eq!(without_controls("a\x1b[1;5Cb"), "ab");
        assert_eq!(without_controls("a\x1bOAb"), "ab");
        assert_eq!(without_controls("x\x1b]52;c;aGVsbG8=\x07y"), "xy");
        assert_eq!(without_controls("x\x1b]0;title\x1b\\y"), "xy");
        assert_eq!(without_controls("x\u{9b}6ny"), "xy");
        assert_eq!(without_controls("bell\x07 and\x08 back"), "bell and back");
        assert_eq!(without_controls("two\r\nlines"), "two lines");
        assert_eq!(without_controls("tab\tkept, Σοφία"), "tab\tkept, Σοφία");
    }

    #[test]
    fn shown_text_holds_no_control_character() {
        for hostile in ["\x1b]52;c;aGVsbG8=\x07", "\x1b[6n", "\u{9b}6n", "\r\x1b[2K"] {
            let s = shown(hostile);
            assert!(!s.chars().any(is_control), "{s:?}");
        }
        assert_eq!(shown("pill\x1b[D"), "pill\\u{1b}[D");
        assert_eq!(shown("plain text"), "plain text");
    }

    #[test]
    fn piped_lines_end_at_the_newline() {
        let mut lines = Lines {
            input: &b"first\r\nsecond\n\xff\nthird"[..],
            not_text: crate::words::Words::from(
                crate::words::Catalogue::Interview,
                crate::document::Language::English,
            )
            .get("not-utf8"),
        };
        let mut out = Vec::new();
        let mut answers = Vec::new();
        while let Typed::Answer(a) = lines.read(&mut out, ">", "").unwrap() {
            answers.push(a);
        }
        assert_eq!(answers, ["first", "second", "third"]);
        assert!(String::from_utf8_lossy(&out).contains("not UTF-8"));
    }
}

//! What the interview puts on the screen: text wrapped to the terminal's width, questions
//! and headings in bold only where escape codes are allowed, and a path written as a shell
//! takes it, for the command to type next.

use std::io::{self, Write};

use super::asking::Asker;

pub(super) const WIDTH: usize = 76;

/// `text` broken into lines of at most `width` characters, at spaces, for a terminal; a word
/// longer than the width stands on its own line.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// A path as it should be typed in a shell: quoted when it has anything but plain characters.
pub fn shell_word(path: &str) -> String {
    let plain = !path.is_empty()
        && path
            .chars()
            .all(|c| c.is_alphanumeric() || "-_./+:@%,=".contains(c));
    if plain {
        path.to_string()
    } else {
        format!("'{}'", path.replace('\'', r"'\''"))
    }
}

impl<W: Write> Asker<'_, W> {
    pub(super) fn say(&mut self, text: &str) -> io::Result<()> {
        writeln!(self.out, "{text}")
    }

    /// A question or heading: wrapped to the screen, in bold where escape codes are allowed.
    pub(super) fn bold_line(&mut self, text: &str) -> io::Result<()> {
        for line in wrap(text, WIDTH) {
            if self.options.styled {
                writeln!(self.out, "\x1b[1m{line}\x1b[0m")?;
            } else {
                writeln!(self.out, "{line}")?;
            }
        }
        Ok(())
    }

    /// Text wrapped to the screen, every line starting with `indent`.
    pub(super) fn wrapped(&mut self, text: &str, indent: &str) -> io::Result<()> {
        for line in wrap(text, WIDTH - indent.chars().count()) {
            writeln!(self.out, "{indent}{line}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interview::scripted::{guide, only_about, options};
    use crate::interview::{run, Options};

    #[test]
    fn escape_codes_only_when_styled() {
        let (_, plain) = only_about(&["A", "", "", "", ""], false);
        assert!(!plain.contains('\x1b'));
        let input = "A\n";
        let mut out = Vec::new();
        let _ = run(
            &guide(),
            input.as_bytes(),
            &mut out,
            Options {
                styled: true,
                ..options()
            },
        );
        assert!(String::from_utf8(out).unwrap().contains("\x1b[1m"));
    }

    #[test]
    fn paths_are_quoted_for_the_shell_when_needed() {
        assert_eq!(shell_word("intake.toml"), "intake.toml");
        assert_eq!(shell_word("my intake.toml"), "'my intake.toml'");
        assert_eq!(shell_word("Ann's.toml"), r"'Ann'\''s.toml'");
    }
}

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use visitprep::{
    looks_like_a_pdf, read_checked_within, read_from_checked, size_in_words, Carried, Embedded,
    Guide, IntakeError, ReadError, SheetReadError, BUNDLE_ATTACHMENT, INTAKE_ATTACHMENT,
    MAX_PDF_BYTES, MAX_TEXT_BYTES,
};

use super::error::{Made, SheetProblem};
use super::{Error, Shell};

/// How long a named pipe may stay without a writer before it is refused.
const PIPE_PATIENCE: Duration = Duration::from_secs(1);
/// Names of attached files are shown at most this long, and at most this many of them.
const SHOWN_NAME_CHARS: usize = 60;
const SHOWN_NAMES: usize = 10;

/// Writes the intake (or with `bundle`, the FHIR Bundle) a sheet carries: to `out`, to
/// standard output for `-`, or beside the sheet as NAME.toml (NAME.fhir.json). What is
/// written is checked first, as `check` would: a sheet carrying anything else is refused.
pub fn extract(
    sheet: &Path,
    out: Option<&Path>,
    bundle: bool,
    force: bool,
    shell: &Shell,
) -> Result<(), Error> {
    let refused = |problem| Error::Sheet {
        sheet: sheet.to_path_buf(),
        problem,
    };
    let from_stream = visitprep::is_stream(sheet);
    let target = match out {
        Some(p) if visitprep::is_stdout(p) => None,
        Some(p) => Some(p.to_path_buf()),
        None if from_stream => return Err(refused(SheetProblem::Unnamed { bundle })),
        None => Some(sheet.with_extension(if bundle { "fhir.json" } else { "toml" })),
    };
    // Read before the target is looked at: a file that is no PDF is told so, whatever
    // its name (`extract mine.toml` would otherwise be refused for writing over itself).
    let pdf = read_sheet(sheet).map_err(refused)?;
    if let Some(target) = &target {
        visitprep::check_target(target, &[sheet], visitprep::Overwrite::only_forced(force))
            .map_err(|error| Error::Refused {
                error,
                made: Made::Extracted {
                    sheet: sheet.to_path_buf(),
                },
            })?;
    }

    let wanted = if bundle {
        BUNDLE_ATTACHMENT
    } else {
        INTAKE_ATTACHMENT
    };
    let found = carried_file(&pdf, wanted).map_err(refused)?;
    let dir = super::folder_of(target.as_deref());
    let note = if bundle {
        serde_json::from_slice::<serde::de::IgnoredAny>(&found.bytes).map_err(|e| {
            refused(SheetProblem::Carried {
                what: "FHIR bundle",
                why: format!("it is not valid JSON ({e})"),
            })
        })?;
        None
    } else {
        checked_intake(sheet, &found.bytes, dir)?
    };

    match &target {
        None => std::io::stdout()
            .write_all(&found.bytes)
            .map_err(|error| Error::Print {
                what: "print the file",
                error,
            })?,
        Some(target) => {
            super::process::write(target, &found.bytes)?;
            shell.status(&format!("wrote {}", target.display()));
        }
    }
    match note {
        Some(GuideNote::Unreachable(reference)) => {
            shell.note(&format!(
                "the intake names the guide file `{reference}`, which is not found from {}",
                dir.display()
            ));
            shell.help("copy the guide file there (the path is relative to the intake), or change the `guide` line");
        }
        Some(GuideNote::Broken(reference)) => {
            shell.note(&format!(
                "the intake names the guide file `{reference}`, which has problems"
            ));
            shell.help("`visitprep check` on the intake shows them");
        }
        None => {}
    }
    Ok(())
}

/// The sheet's bytes, read through the bounded reader: standard input for `-`; a pipe, a
/// device or a file, at most [`MAX_PDF_BYTES`] of it and nothing past a first kilobyte that
/// shows no PDF.
fn read_sheet(sheet: &Path) -> Result<Vec<u8>, SheetProblem> {
    let limit = MAX_PDF_BYTES as u64;
    let read = if sheet == Path::new("-") {
        read_from_checked(std::io::stdin().lock(), limit, 1024, looks_like_a_pdf)
    } else {
        read_checked_within(sheet, limit, 1024, looks_like_a_pdf, PIPE_PATIENCE)
    };
    read.map_err(|e| match e {
        ReadError::Folder => SheetProblem::Folder,
        ReadError::TooLarge { .. } => SheetProblem::TooLarge,
        ReadError::WrongStart => SheetProblem::NotASheet(SheetReadError::NotPdf),
        ReadError::NoWriter => SheetProblem::NoWriter,
        ReadError::Io(e) if e.kind() == std::io::ErrorKind::NotFound => SheetProblem::Unreadable(e),
        ReadError::Io(e) => SheetProblem::Unread(e),
    })
}

/// The one file named `wanted` that the PDF carries, read. Only that file is unpacked.
fn carried_file(pdf: &[u8], wanted: &'static str) -> Result<Embedded, SheetProblem> {
    let carried = Carried::open(pdf).map_err(SheetProblem::NotASheet)?;
    let what = if wanted == BUNDLE_ATTACHMENT {
        "FHIR bundle"
    } else {
        "intake"
    };
    let named: Vec<usize> = carried
        .names()
        .enumerate()
        .filter(|(_, name)| *name == wanted)
        .map(|(i, _)| i)
        .collect();
    match named[..] {
        [] => Err(SheetProblem::Lacks {
            what,
            carried: carried_names(&carried),
        }),
        [one] => carried.read(one).map_err(|problem| SheetProblem::Unpacked {
            what,
            name: wanted,
            problem,
        }),
        _ => Err(SheetProblem::Twice {
            name: wanted,
            count: named.len(),
        }),
    }
}

/// What the PDF does carry, for the error message, each name shown safely.
fn carried_names(carried: &Carried) -> String {
    let total = carried.names().count();
    if total == 0 {
        return "it has no attached files".into();
    }
    let mut names: Vec<String> = carried.names().take(SHOWN_NAMES).map(shown_name).collect();
    if total > SHOWN_NAMES {
        names.push(format!("and {} more", total - SHOWN_NAMES));
    }
    format!("its attached files are: {}", names.join(", "))
}

/// A name from the PDF as it may be printed: control and direction-changing characters
/// escaped (they could move the cursor, ring, or rewrite the terminal's title), and cut
/// short, since the name may be of any length.
pub(super) fn shown_name(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if i == SHOWN_NAME_CHARS {
            out.push('…');
            break;
        }
        let hidden = c.is_control()
            || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFF}');
        if hidden {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// What is said about the guide after the intake is written.
enum GuideNote {
    Unreachable(String),
    Broken(String),
}

/// The intake as `check` reads it: text of at most an intake's size, valid TOML and a valid
/// intake against its guide, found from `dir`. A guide file that is not there (or broken)
/// is not the intake's fault: the intake is still given, with a note.
fn checked_intake(sheet: &Path, bytes: &[u8], dir: &Path) -> Result<Option<GuideNote>, Error> {
    let refused = |why: String| Error::Sheet {
        sheet: sheet.to_path_buf(),
        problem: SheetProblem::Carried {
            what: "intake",
            why,
        },
    };
    if bytes.len() as u64 > MAX_TEXT_BYTES {
        return Err(refused(format!(
            "it is {} bytes; an intake may be at most {}",
            bytes.len(),
            size_in_words(MAX_TEXT_BYTES)
        )));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        refused(format!(
            "it is not UTF-8 text (byte {} is not part of a character)",
            e.valid_up_to() + 1
        ))
    })?;
    let shown = PathBuf::from(format!("{} ({INTAKE_ATTACHMENT})", sheet.display()));
    if let Some(reference) = unreachable_guide(text, dir) {
        // Without its guide only the TOML itself can be checked.
        return match toml::from_str::<toml::Table>(text) {
            Ok(_) => Ok(Some(GuideNote::Unreachable(reference))),
            Err(e) => Err(refused(toml_fault(text, &e))),
        };
    }
    match visitprep::parse_intake(&shown, text, dir, super::clock::now().today()) {
        Ok(_) => Ok(None),
        Err(IntakeError::Guide(_)) => {
            Ok(Some(GuideNote::Broken(guide_of(text).unwrap_or_default())))
        }
        Err(error) => Err(Error::Intake {
            error,
            outcome: "nothing was written".into(),
        }),
    }
}

/// The TOML fault's message and place, without quoting the text.
fn toml_fault(text: &str, e: &toml::de::Error) -> String {
    let mut at = e.span().map_or(0, |s| s.start).min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    format!(
        "it is not valid TOML: {} (line {line}, column {column})",
        e.message().trim_end()
    )
}

fn guide_of(intake: &str) -> Option<String> {
    let table: toml::Table = toml::from_str(intake).ok()?;
    Some(table.get("guide")?.as_str()?.to_string())
}

/// A guide file is named relative to the intake: extracted into another folder, the path
/// may lead nowhere. It is said then, rather than left for `render` to find.
fn unreachable_guide(intake: &str, dir: &Path) -> Option<String> {
    let reference = guide_of(intake)?;
    if Guide::built_in(&reference).is_some() || dir.join(&reference).is_file() {
        return None;
    }
    Some(reference)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_shown_escaped_and_short() {
        assert_eq!(shown_name("a\u{1b}[2Jb\u{7}\0"), "a\\u{1b}[2Jb\\u{7}\\u{0}");
        assert_eq!(shown_name("x\u{202E}txt.exe"), "x\\u{202e}txt.exe");
        let long = "é".repeat(200_000);
        let shown = shown_name(&long);
        assert_eq!(shown.chars().count(), SHOWN_NAME_CHARS + 1);
        assert!(shown.ends_with('…'));
    }
}

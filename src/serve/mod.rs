//! `visitprep serve`'s side of the library: the intake as a web form. What the form posts
//! is turned into an intake file and read with the same reader and checks as `check`; the
//! sheet it makes is the one `render` makes from that file. The HTTP server itself (the
//! address, the secret, the headers) is the command line's.

pub mod form;
mod page;

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;

pub use form::{Form, Message};
pub use page::field_id;

use crate::fonts::FontSet;
use crate::guide::Guide;
use crate::layout::{PageOptions, Paper, PrintSize};
use crate::{Moment, RenderOptions};

/// The page's style sheet, served beside it (the page's policy allows no inline style).
pub const STYLE: &str = include_str!("page.css");

/// A file the person chose to continue from.
pub struct Upload {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// What the server sends back.
pub enum Reply {
    /// The form again, with what was found.
    Page(String),
    /// The visit sheet.
    Sheet(Vec<u8>),
    /// The intake file of the answers.
    Answers(String),
}

/// The empty form: the first page.
pub fn first_page(base: &str) -> String {
    let guide = Guide::built_in(form::DEFAULT_GUIDE).expect("the default guide is built in");
    page::render(&Form::default(), &guide, &BTreeMap::new(), None, base)
}

type Messages = BTreeMap<String, Vec<Message>>;

fn general(text: impl Into<String>) -> Messages {
    let mut m = Messages::new();
    m.entry(String::new()).or_default().push(Message {
        text: text.into(),
        warning: false,
        readings: Vec::new(),
    });
    m
}

/// Answers a post of the form: `fields` as posted (the button pressed is `do`), `upload` a
/// file chosen to continue from. `dir` is where a guide file named in the form is looked
/// up; `fonts` draw the sheet.
pub fn reply(
    fields: &[(String, String)],
    upload: Option<Upload>,
    base: &str,
    dir: &Path,
    fonts: &FontSet,
    now: Moment,
) -> Reply {
    let action = fields
        .iter()
        .rev()
        .find(|(name, _)| name == "do")
        .map_or("check", |(_, v)| v.as_str());
    if action == "upload" {
        return opened(upload, base, dir, now.today());
    }
    let mut form = Form::from_posted(fields);
    let (guide, mut guide_problem) = match crate::resolve_guide(form.guide(), dir) {
        Ok(g) => (g, None),
        Err(e) => {
            let fallback =
                Guide::built_in(form::DEFAULT_GUIDE).expect("the default guide is built in");
            form.values
                .insert("guide".into(), form::DEFAULT_GUIDE.into());
            (
                fallback,
                Some(general(format!("The topic could not be used: {e}"))),
            )
        }
    };
    let page = |form: &Form, messages: &Messages, status: Option<&str>| {
        let status = status.map(|text| page::Status { text: text.into() });
        Reply::Page(page::render(form, &guide, messages, status.as_ref(), base))
    };
    if let Some(problem) = guide_problem.take() {
        return page(&form, &problem, None);
    }
    if let Some(rest) = action.strip_prefix("add:") {
        if known_list(rest) {
            form.add_row(rest);
        }
        return page(&form, &Messages::new(), None);
    }
    for (prefix, change) in [
        ("remove:", Form::remove_row as fn(&mut Form, &str, usize)),
        ("up:", Form::move_up),
    ] {
        if let Some(rest) = action.strip_prefix(prefix) {
            if let Some((list, row)) = rest.rsplit_once(':') {
                if let (true, Ok(row)) = (known_list(list), row.parse::<usize>()) {
                    change(&mut form, list, row);
                }
            }
            return page(&form, &Messages::new(), None);
        }
    }
    let today = now.today();
    match action {
        "sheet" => {
            let read = form::read(&mut form, &guide, today, dir, false);
            match (&read.loaded, &read.toml) {
                (Some(loaded), Some(toml)) => match sheet(loaded, toml, &form, fonts, now) {
                    Ok(pdf) => Reply::Sheet(pdf),
                    Err(e) => page(
                        &form,
                        &general(format!("The sheet could not be made: {e}")),
                        None,
                    ),
                },
                _ => page(&form, &read.messages, None),
            }
        }
        "save" => {
            let read = form::read(&mut form, &guide, today, dir, true);
            match read.toml {
                Some(toml) => Reply::Answers(toml),
                None => page(
                    &form,
                    &read.messages,
                    Some(
                        "Your answers are not saved yet: please look at the answers marked first.",
                    ),
                ),
            }
        }
        "check" => {
            let read = form::read(&mut form, &guide, today, dir, false);
            let status = (read.errors() == 0)
                .then_some("No mistakes found. You can make your visit sheet now.");
            page(&form, &read.messages, status)
        }
        // "guide" and anything else: the form again, for the topic chosen.
        _ => page(&form, &Messages::new(), None),
    }
}

fn known_list(name: &str) -> bool {
    form::LISTS.contains(&name) || name == form::MEDICATIONS || name == form::DIARY
}

/// The sheet for a checked intake, made as `render` makes it from the same file.
fn sheet(
    loaded: &crate::LoadedIntake,
    source: &str,
    form: &Form,
    fonts: &FontSet,
    now: Moment,
) -> Result<Vec<u8>, crate::PdfError> {
    let options = RenderOptions {
        doctor_language: None,
        page: PageOptions {
            paper: match form.get("sheet.paper") {
                "letter" => Paper::Letter,
                _ => Paper::A4,
            },
            print: match form.get("sheet.print") {
                "large" => PrintSize::Large,
                "x-large" => PrintSize::ExtraLarge,
                _ => PrintSize::Normal,
            },
        },
        diary_page: form.ticked("sheet.diary_page"),
    };
    let attach = || crate::sheet_attachments(loaded, source, now.utc);
    crate::render_attaching(loaded, fonts, now.local, options, attach).map(|r| r.pdf)
}

/// The form filled from an uploaded intake file or visit sheet.
fn opened(upload: Option<Upload>, base: &str, dir: &Path, today: NaiveDate) -> Reply {
    let default = || Guide::built_in(form::DEFAULT_GUIDE).expect("the default guide is built in");
    let refused = |text: String| {
        Reply::Page(page::render(
            &Form::default(),
            &default(),
            &general(text),
            None,
            base,
        ))
    };
    let Some(upload) = upload.filter(|u| !u.bytes.is_empty()) else {
        return refused("Please choose a file first, then press “Open this file”.".into());
    };
    let name = Path::new(&upload.file_name)
        .file_name()
        .map_or("the file".to_string(), |n| n.to_string_lossy().into_owned());
    let text = match intake_text(&upload.bytes) {
        Ok(text) => text,
        Err(why) => return refused(format!("{name} could not be opened: {why}")),
    };
    match crate::intake::parse_with_warnings(Path::new(&name), &text, dir, today) {
        Ok((intake, guide, warnings)) => {
            let form = Form::from_intake(&intake);
            let mut messages = Messages::new();
            for d in warnings.diagnostics {
                messages.entry(String::new()).or_default().push(Message {
                    text: d.message.replace('`', ""),
                    warning: true,
                    readings: Vec::new(),
                });
            }
            let status = page::Status {
                text: format!(
                    "Your answers from {name} are filled in below. Check them, then make your visit sheet."
                ),
            };
            Reply::Page(page::render(&form, &guide, &messages, Some(&status), base))
        }
        Err(e) => {
            let report = e.report();
            let mut messages = Messages::new();
            for d in report.diagnostics.iter().filter(|d| !d.warning) {
                let at = d
                    .span
                    .as_ref()
                    .map(|s| {
                        let (line, column) = report.file.line_col(s.start);
                        format!(" (line {line}, column {column})")
                    })
                    .unwrap_or_default();
                messages.entry(String::new()).or_default().push(Message {
                    text: format!("{name}{at}: {}", d.message.replace('`', "")),
                    warning: false,
                    readings: Vec::new(),
                });
            }
            Reply::Page(page::render(
                &Form::default(),
                &default(),
                &messages,
                None,
                base,
            ))
        }
    }
}

/// The intake an uploaded file holds: the file itself, or the one a visit sheet carries.
/// The same limits as `check` and `extract`: at most 1 MiB of UTF-8 text, a PDF read only
/// as far as its size limit allows.
fn intake_text(bytes: &[u8]) -> Result<String, String> {
    let intake = if bytes.starts_with(b"%PDF-") {
        let files = crate::carried_files(bytes).map_err(|e| {
            format!("it is a PDF, but not a visit sheet whose answers can be read ({e})")
        })?;
        files
            .into_iter()
            .find(|f| f.name == crate::INTAKE_ATTACHMENT)
            .ok_or_else(|| {
                "it is a PDF without answers inside: only a sheet made by visitprep carries them"
                    .to_string()
            })?
            .bytes
    } else {
        bytes.to_vec()
    };
    if intake.len() as u64 > crate::intake::MAX_INTAKE_BYTES {
        return Err("it is larger than 1 MiB, too large to be saved answers".into());
    }
    String::from_utf8(intake).map_err(|_| {
        "it is not a text file of saved answers (.toml) or a visit sheet (.pdf)".to_string()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The page the form answers `posted` with.
    fn page_for(posted: &[(String, String)]) -> String {
        let reply = reply(
            posted,
            None,
            "/s/",
            Path::new("."),
            &FontSet::embedded(),
            now(),
        );
        match reply {
            Reply::Page(html) => html,
            _ => panic!("a page was expected"),
        }
    }

    fn now() -> Moment {
        let local = chrono::Local::now();
        Moment {
            local: local.naive_local(),
            utc: local.to_utc(),
        }
    }

    fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn the_first_page_labels_every_field() {
        let html = first_page("/secret/");
        assert!(html.starts_with("<!DOCTYPE html>"), "{}", &html[..80]);
        assert!(html.contains("<html lang=\"en\">"));
        // Every input, textarea and select has a label for it.
        for (at, _) in html.match_indices(" id=\"f-") {
            let id: String = html[at + 5..].chars().take_while(|c| *c != '"').collect();
            let is_control = html[..at].rsplit('<').next().is_some_and(|tag| {
                tag.starts_with("input") || tag.starts_with("textarea") || tag.starts_with("select")
            });
            if is_control && !html[..at].ends_with("type=\"hidden\"") {
                assert!(
                    html.contains(&format!("<label for=\"{id}\"")),
                    "no label for {id}"
                );
            }
        }
    }

    #[test]
    fn another_topic_shows_its_questions_and_keeps_the_answers_given() {
        let general = Guide::built_in("general").unwrap();
        let leg_cramps = Guide::built_in(form::DEFAULT_GUIDE).unwrap();
        let posted = fields(&[
            ("do", "guide"),
            ("guide", "general"),
            ("patient.name", "Ann"),
        ]);
        let html = page_for(&posted);
        for q in &general.doctor_questions {
            assert!(
                html.contains(&format!("name=\"answers.{}\"", q.id)),
                "{}",
                q.id
            );
        }
        let only_leg_cramps = leg_cramps
            .doctor_questions
            .iter()
            .find(|q| general.doctor_question(&q.id).is_none())
            .expect("the leg cramps guide asks something of its own");
        assert!(!html.contains(&format!("name=\"answers.{}\"", only_leg_cramps.id)));
        assert!(html.contains("value=\"Ann\""));
        assert!(html.contains("<option value=\"general\" selected>"));
    }

    #[test]
    fn what_a_person_types_is_escaped() {
        let posted = fields(&[
            ("do", "check"),
            ("patient.name", "<script>alert(1)</script>"),
        ]);
        let html = page_for(&posted);
        assert!(!html.contains("<script>alert"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;"), "{html}");
    }

    #[test]
    fn a_file_that_is_neither_answers_nor_a_sheet_is_refused_in_words() {
        let upload = Upload {
            file_name: "photo.jpg".into(),
            bytes: vec![0xff, 0xd8, 0xff, 0xe0, 0x00],
        };
        let posted = fields(&[("do", "upload")]);
        let Reply::Page(html) = reply(
            &posted,
            Some(upload),
            "/s/",
            Path::new("."),
            &FontSet::embedded(),
            now(),
        ) else {
            panic!("a page was expected");
        };
        assert!(html.contains("photo.jpg could not be opened"), "{html}");
        let broken = Upload {
            file_name: "sheet.pdf".into(),
            bytes: b"%PDF-1.7\n garbage".to_vec(),
        };
        let Reply::Page(html) = reply(
            &posted,
            Some(broken),
            "/s/",
            Path::new("."),
            &FontSet::embedded(),
            now(),
        ) else {
            panic!("a page was expected");
        };
        assert!(html.contains("sheet.pdf could not be opened"), "{html}");
    }
}

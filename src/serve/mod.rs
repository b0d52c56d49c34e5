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
pub use page::{field_id, words};

use crate::document::Language;
use crate::fonts::FontSet;
use crate::guide::Guide;
use crate::layout::{PageOptions, Paper, PrintSize};
use crate::words::Words;
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

/// The name of the hidden field that carries the page's language from page to page.
pub const PAGE_LANGUAGE: &str = "page.language";

/// The empty form: the first page, in `language` (English without one).
pub fn first_page(base: &str, language: Option<Language>) -> String {
    let guide = Guide::built_in(form::DEFAULT_GUIDE).expect("the default guide is built in");
    let language = language.unwrap_or(Language::English);
    page::render(
        &new_form(language),
        &guide,
        &BTreeMap::new(),
        None,
        base,
        language,
    )
}

/// A form with nothing filled in, for a page in `language`: a language other than English
/// asked for also becomes the sheet's, as with `interview --lang`.
fn new_form(language: Language) -> Form {
    let mut form = Form::default();
    if language != Language::English {
        form.values
            .insert(form::SHEET_LANGUAGE.into(), language.tag().into());
    }
    form
}

/// The language of the page a post is answered with: `lang` (`serve --lang`), else the one
/// the page posted was in (that of the intake it was opened from), else English.
fn page_language(fields: &[(String, String)], lang: Option<Language>) -> Language {
    lang.or_else(|| {
        fields
            .iter()
            .find(|(name, _)| name == PAGE_LANGUAGE)
            .and_then(|(_, tag)| Language::from_words(tag.trim()))
    })
    .unwrap_or(Language::English)
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
/// up; `fonts` draw the sheet. `lang` is the language the form was asked for in (`serve
/// --lang`); without it, the page speaks the language of the intake it was opened from.
pub fn reply(
    fields: &[(String, String)],
    upload: Option<Upload>,
    base: &str,
    dir: &Path,
    fonts: &FontSet,
    now: Moment,
    lang: Option<Language>,
) -> Reply {
    let action = fields
        .iter()
        .rev()
        .find(|(name, _)| name == "do")
        .map_or("check", |(_, v)| v.as_str());
    if action == "upload" {
        let current = page_language(fields, lang);
        return opened(upload, base, dir, now.today(), lang, current);
    }
    let language = page_language(fields, lang);
    let w = words(language);
    let mut form = Form::from_posted(fields);
    if let Some(lang) = lang.filter(|l| *l != Language::English) {
        form.values
            .entry(form::SHEET_LANGUAGE.into())
            .or_insert_with(|| lang.tag().into());
    }
    let (guide, mut guide_problem) = match crate::resolve_guide(form.guide(), dir) {
        Ok(g) => (g, None),
        Err(e) => {
            let fallback =
                Guide::built_in(form::DEFAULT_GUIDE).expect("the default guide is built in");
            form.values
                .insert("guide".into(), form::DEFAULT_GUIDE.into());
            (
                fallback,
                Some(general(w.with(
                    "form-topic-unusable",
                    &[("error", Words::text(e.to_string()))],
                ))),
            )
        }
    };
    let page = |form: &Form, messages: &Messages, status: Option<&str>| {
        let status = status.map(|text| page::Status { text: text.into() });
        Reply::Page(page::render(
            form,
            &guide,
            messages,
            status.as_ref(),
            base,
            language,
        ))
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
            let read = form::read(&mut form, &guide, today, dir, false, language);
            match (&read.loaded, &read.toml) {
                (Some(loaded), Some(toml)) => match sheet(loaded, toml, &form, fonts, now) {
                    Ok(pdf) => Reply::Sheet(pdf),
                    Err(e) => page(
                        &form,
                        &general(w.with(
                            "form-sheet-failed",
                            &[("error", Words::text(e.to_string()))],
                        )),
                        None,
                    ),
                },
                _ => page(&form, &read.messages, None),
            }
        }
        "save" => {
            let read = form::read(&mut form, &guide, today, dir, true, language);
            match read.toml {
                Some(toml) => Reply::Answers(toml),
                None => page(&form, &read.messages, Some(&w.get("form-not-saved"))),
            }
        }
        "check" => {
            let read = form::read(&mut form, &guide, today, dir, false, language);
            let status = (read.errors() == 0).then(|| w.get("form-no-mistakes"));
            page(&form, &read.messages, status.as_deref())
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

/// The form filled from an uploaded intake file or visit sheet, in `lang`, else in the
/// intake's own language; a file refused is said so in `current`, the page's language.
fn opened(
    upload: Option<Upload>,
    base: &str,
    dir: &Path,
    today: NaiveDate,
    lang: Option<Language>,
    current: Language,
) -> Reply {
    let default = || Guide::built_in(form::DEFAULT_GUIDE).expect("the default guide is built in");
    let asked = current;
    let refused = |text: String| {
        Reply::Page(page::render(
            &new_form(asked),
            &default(),
            &general(text),
            None,
            base,
            asked,
        ))
    };
    let w = words(asked);
    let Some(upload) = upload.filter(|u| !u.bytes.is_empty()) else {
        return refused(w.get("form-choose-file"));
    };
    let name = Path::new(&upload.file_name)
        .file_name()
        .map_or(w.get("form-the-file"), |n| n.to_string_lossy().into_owned());
    let text = match intake_text(&upload.bytes, w) {
        Ok(text) => text,
        Err(why) => {
            return refused(w.with(
                "form-not-opened",
                &[("file", Words::text(name)), ("why", Words::text(why))],
            ))
        }
    };
    let (language, parsed) =
        crate::intake::parse_with_warnings_in(Path::new(&name), &text, dir, today, lang);
    let w = words(language);
    match parsed {
        Ok((intake, guide, warnings)) => {
            let mut form = Form::from_intake(&intake, language);
            if let Some(lang) = lang.filter(|l| *l != Language::English) {
                form.values
                    .entry(form::SHEET_LANGUAGE.into())
                    .or_insert_with(|| lang.tag().into());
            }
            let mut messages = Messages::new();
            for d in warnings.diagnostics {
                messages.entry(String::new()).or_default().push(Message {
                    text: d.message.replace('`', ""),
                    warning: true,
                    readings: Vec::new(),
                });
            }
            let status = page::Status {
                text: w.with("form-filled-in", &[("file", Words::text(name))]),
            };
            Reply::Page(page::render(
                &form,
                &guide,
                &messages,
                Some(&status),
                base,
                language,
            ))
        }
        Err(e) => {
            let report = e.report();
            let mut messages = Messages::new();
            for d in report.diagnostics.iter().filter(|d| !d.warning) {
                let mut args = vec![
                    ("file", Words::text(name.as_str())),
                    ("message", Words::text(d.message.replace('`', ""))),
                ];
                let text = match &d.span {
                    Some(s) => {
                        let (line, column) = report.file.line_col(s.start);
                        args.push(("line", Words::text(line.to_string())));
                        args.push(("column", Words::text(column.to_string())));
                        w.with("form-file-problem-at", &args)
                    }
                    None => w.with("form-file-problem", &args),
                };
                messages.entry(String::new()).or_default().push(Message {
                    text,
                    warning: false,
                    readings: Vec::new(),
                });
            }
            Reply::Page(page::render(
                &new_form(language),
                &default(),
                &messages,
                None,
                base,
                language,
            ))
        }
    }
}

/// The intake an uploaded file holds: the file itself, or the one a visit sheet carries.
/// The same limits as `check` and `extract`: at most 1 MiB of UTF-8 text, a PDF read only
/// as far as its size limit allows.
fn intake_text(bytes: &[u8], w: &Words) -> Result<String, String> {
    let intake = if bytes.starts_with(b"%PDF-") {
        let files = crate::carried_files(bytes).map_err(|e| {
            w.with(
                "form-pdf-not-sheet",
                &[("error", Words::text(e.to_string()))],
            )
        })?;
        files
            .into_iter()
            .find(|f| f.name == crate::INTAKE_ATTACHMENT)
            .ok_or_else(|| w.get("form-pdf-no-answers"))?
            .bytes
    } else {
        bytes.to_vec()
    };
    if intake.len() as u64 > crate::intake::MAX_INTAKE_BYTES {
        return Err(w.get("form-file-too-large"));
    }
    String::from_utf8(intake).map_err(|_| w.get("form-not-text"))
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
            None,
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
        let html = first_page("/secret/", None);
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
            None,
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
            None,
        ) else {
            panic!("a page was expected");
        };
        assert!(html.contains("sheet.pdf could not be opened"), "{html}");
    }
}

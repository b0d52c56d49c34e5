//! Problems found in a user's file, told the way rustc and cargo tell them: what is wrong,
//! where (file, line, column, the line itself with a caret), and what to do about it.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::document::Language;
use crate::words::{Catalogue, Words};

/// One problem in a file.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub message: String,
    /// Byte range in the file that the caret points at.
    pub span: Option<Range<usize>>,
    /// Dotted path of the field it concerns (`diary[2].severity`), when there is one.
    pub field: Option<String>,
    /// Short text under the caret.
    pub label: Option<String>,
    pub help: Option<String>,
    /// Line and column (1-based) to name when the file's text is not to be quoted.
    pub position: Option<(usize, usize)>,
    /// Unlikely but possible: said, and nothing refused for it.
    pub warning: bool,
}

impl Diagnostic {
    pub fn new(message: impl Into<String>) -> Self {
        Diagnostic {
            message: message.into(),
            span: None,
            field: None,
            label: None,
            help: None,
            position: None,
            warning: false,
        }
    }

    /// A warning rather than an error.
    pub fn warning(mut self) -> Self {
        self.warning = true;
        self
    }

    pub fn at(mut self, span: Option<Range<usize>>) -> Self {
        self.span = span;
        self
    }

    pub fn field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }

    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

/// A file as the user wrote it, kept so problems can quote it.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: PathBuf,
    pub text: String,
}

impl SourceFile {
    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let before = &self.text[..floor_char_boundary(&self.text, offset)];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = before[line_start..].chars().count() + 1;
        (line, col)
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Every problem found in one file; the error type of the input stages.
#[derive(Debug, Clone)]
pub struct Report {
    pub file: SourceFile,
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    pub fn single(file: SourceFile, diagnostic: Diagnostic) -> Self {
        Report {
            file,
            diagnostics: vec![diagnostic],
        }
    }

    /// A problem with the file as a whole (it could not be read, it is too large): no text to quote.
    pub fn about_file(path: &Path, diagnostic: Diagnostic) -> Self {
        Report::single(
            SourceFile {
                path: path.to_path_buf(),
                text: String::new(),
            },
            diagnostic,
        )
    }

    /// The report with `help` added to its only (or last) problem.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        if let Some(d) = self.diagnostics.last_mut() {
            d.help = Some(help.into());
        }
        self
    }

    /// The problems that refuse the file, as opposed to warnings.
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| !d.warning).count()
    }

    /// The same report naming each problem's line and column without quoting the file: for
    /// a file that may not be the user's to read out (a guide path may name any file).
    pub fn without_quotes(mut self) -> Self {
        for d in &mut self.diagnostics {
            if let Some(span) = d.span.take() {
                d.position = Some(self.file.line_col(span.start));
            }
            d.label = None;
        }
        self.file.text.clear();
        self
    }

    /// The report as text; `color` adds terminal colours. Every message is cut to a length
    /// a person reads, and a quoted line to the width of a terminal.
    pub fn render(&self, color: bool) -> String {
        self.render_in(color, Language::English)
    }

    /// As [`Report::render`], with the words around the messages ("error", "warning",
    /// "help", "field") in `language`; the messages are in the language they were made in.
    pub fn render_in(&self, color: bool, language: Language) -> String {
        let words = Words::from(Catalogue::Check, language);
        let error = words.get("level-error");
        let warning = words.get("level-warning");
        let help_name = words.get("level-help");
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        }
        .term_width(QUOTE_WIDTH);
        let path = self.file.path.display().to_string();
        let mut out = String::new();
        for d in &self.diagnostics {
            let mut title = shorten(&d.message, MESSAGE_CHARS);
            if let Some(field) = &d.field {
                if !title.contains(&format!("`{field}`")) {
                    title = words.with(
                        "report-field",
                        &[
                            ("message", Words::text(title)),
                            ("field", Words::text(shorten(field, FIELD_CHARS))),
                        ],
                    );
                }
            }
            let level = if d.warning {
                Level::WARNING.with_name(warning.as_str())
            } else {
                Level::ERROR.with_name(error.as_str())
            };
            let title = level.primary_title(title);
            let label = d.label.as_deref().map(|l| shorten(l, MESSAGE_CHARS));
            let help = d.help.as_deref().map(|h| shorten(h, MESSAGE_CHARS));
            let group: Group = match d.span.clone() {
                Some(span) if !self.file.text.is_empty() => {
                    let span = clamp_span(&self.file.text, span);
                    let mut annotation = AnnotationKind::Primary.span(span);
                    if let Some(label) = &label {
                        annotation = annotation.label(label.as_str());
                    }
                    title.element(
                        Snippet::source(self.file.text.as_str())
                            .path(path.as_str())
                            .annotation(annotation),
                    )
                }
                _ => {
                    let mut origin = annotate_snippets::Origin::path(path.as_str());
                    if let Some((line, col)) = d.position {
                        origin = origin.line(line).char_column(col);
                    }
                    title.element(origin)
                }
            };
            let mut report: Vec<Group> = vec![group];
            if let Some(help) = &help {
                report.push(Group::with_title(
                    Level::HELP
                        .with_name(help_name.as_str())
                        .secondary_title(help.as_str()),
                ));
            }
            out.push_str(&renderer.render(&report));
            out.push('\n');
        }
        out
    }
}

/// The longest message, label or help shown: a key or value of any length in the file must
/// not make a message of that length.
const MESSAGE_CHARS: usize = 300;
/// The longest field path shown (a path of 10,000 dotted keys is a mistake, not a name).
const FIELD_CHARS: usize = 120;
/// Quoted lines are cut to this width around the caret.
const QUOTE_WIDTH: usize = 140;

/// `text` cut to at most `max` characters, with an ellipsis where it was cut.
pub fn shorten(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        None => text.to_string(),
        Some((at, _)) => format!("{}…", &text[..at]),
    }
}

fn clamp_span(text: &str, span: Range<usize>) -> Range<usize> {
    let start = floor_char_boundary(text, span.start.min(text.len()));
    let end = floor_char_boundary(text, span.end.min(text.len())).max(start);
    start..end
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.render(false).trim_end())
    }
}

impl std::error::Error for Report {}

/// The closest of `candidates` to a misspelt `word`, when one is close enough to be a typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let word = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&word, &c.to_lowercase()), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// For an error the parser cannot place (nesting beyond its limit): how deep the text nests
/// at its deepest, counting each part of a dotted key and each array or inline table, and
/// where the line that first nests that deep starts (its key or table header). Read from the
/// events, so that a `.` or `[` inside a string counts for nothing.
pub fn deepest(events: &[toml_parser::parser::Event]) -> Option<(usize, usize)> {
    use toml_parser::parser::EventKind as K;
    // The key parts in force when each array or inline table now open was opened.
    let mut opened: Vec<usize> = Vec::new();
    let mut parts = 0usize;
    // Where the key-value pair or the header being read starts.
    let mut began: Option<usize> = None;
    let mut deepest: Option<(usize, usize)> = None;
    for event in events {
        let start = event.span().start();
        match event.kind() {
            K::StdTableOpen | K::ArrayTableOpen => {
                parts = 0;
                began = Some(start);
            }
            K::SimpleKey => {
                began.get_or_insert(start);
                parts += 1;
            }
            K::ArrayOpen | K::InlineTableOpen => opened.push(parts),
            K::ArrayClose | K::InlineTableClose => parts = opened.pop().unwrap_or(0),
            K::ValueSep => parts = opened.last().copied().unwrap_or(0),
            K::Newline if opened.is_empty() => {
                parts = 0;
                began = None;
            }
            _ => continue,
        }
        let depth = opened.len() + parts;
        if depth > 0 && deepest.is_none_or(|(d, _)| depth > d) {
            deepest = Some((depth, began.unwrap_or(start)));
        }
    }
    deepest
}

/// Where a byte offset lies in a TOML file's structure: the table it is in, which entry of
/// an array of tables, and the key of the line. Read with a TOML parser's events rather than
/// by scanning lines, so a `[` inside a string is text and not a table header, even in a
/// file the parser could not read to the end (the events up to the error are sound).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TomlPlace {
    /// The dotted name of the `[table]` or `[[table]]` above; empty at the top of the file. A
    /// header on the offset's own line counts: a span may point at the header itself.
    pub table: String,
    /// Which `[[table]]` entry, counted from 0, when the table is an array of tables.
    pub entry: Option<usize>,
    /// The dotted key of the key-value pair whose value the offset is in (`severity` in
    /// `severity = "high"`), when there is one.
    pub key: Option<String>,
}

pub fn toml_place(text: &str, offset: usize) -> TomlPlace {
    place_in(&toml_events(text), text, offset)
}

/// [`toml_place`] in a text already read into `events`.
pub fn place_in(events: &[toml_parser::parser::Event], text: &str, offset: usize) -> TomlPlace {
    use toml_parser::parser::EventKind as K;
    let offset = offset.min(text.len());
    let line_end = text
        .get(offset..)
        .and_then(|rest| rest.find('\n'))
        .map_or(text.len(), |i| offset + i);
    let key_text = |event: &toml_parser::parser::Event| {
        let span = event.span();
        let raw = text.get(span.start()..span.end()).unwrap_or("");
        let mut key = String::new();
        toml_parser::Raw::new_unchecked(raw, event.encoding(), span).decode_key(&mut key, &mut ());
        key
    };
    let mut place = TomlPlace::default();
    let mut entries: std::collections::HashMap<String, usize> = Default::default();
    // The header being read: whether it is an array of tables, and its keys so far.
    let mut header: Option<(bool, Vec<String>)> = None;
    let mut key: Vec<String> = Vec::new();
    let mut depth = 0usize;
    for event in events {
        let start = event.span().start();
        let in_header = header.is_some();
        // Past the offset only a header on the same line (or one begun before it) is read.
        let header_here = matches!(event.kind(), K::StdTableOpen | K::ArrayTableOpen)
            && depth == 0
            && start < line_end;
        if start > offset && !in_header && !header_here {
            break;
        }
        match event.kind() {
            K::StdTableOpen | K::ArrayTableOpen if depth == 0 => {
                header = Some((event.kind() == K::ArrayTableOpen, Vec::new()));
                key.clear();
            }
            K::StdTableClose | K::ArrayTableClose if in_header => {
                if let Some((array, keys)) = header.take() {
                    place.table = keys.join(".");
                    place.entry = array.then(|| {
                        let n = entries.entry(place.table.clone()).or_default();
                        *n += 1;
                        *n - 1
                    });
                }
            }
            K::SimpleKey => match &mut header {
                Some((_, keys)) => keys.push(key_text(event)),
                None if depth == 0 && event.span().end() <= offset => key.push(key_text(event)),
                None => {}
            },
            K::InlineTableOpen | K::ArrayOpen => depth += 1,
            K::InlineTableClose | K::ArrayClose => depth = depth.saturating_sub(1),
            K::Newline if depth == 0 && start < offset => key.clear(),
            _ => {}
        }
    }
    place.key = (!key.is_empty()).then(|| key.join("."));
    place
}

/// Where a TOML error stands in `text`: its span (where it nests deepest when the parser
/// gives none, as for keys nested beyond its limit), the text's events, read once for every
/// question asked of them, and the table and key at that place.
pub struct ErrorPlace {
    pub span: Option<Range<usize>>,
    pub events: Vec<toml_parser::parser::Event>,
    pub place: TomlPlace,
}

impl ErrorPlace {
    pub fn of(e: &toml::de::Error, text: &str) -> ErrorPlace {
        let events = toml_events(text);
        let span = e
            .span()
            .or_else(|| deepest(&events).map(|(_, at)| at..at + 1));
        let place = span
            .as_ref()
            .map(|s| place_in(&events, text, s.start))
            .unwrap_or_default();
        ErrorPlace {
            span,
            events,
            place,
        }
    }
}

/// The events of a TOML text as far as it can be read.
pub fn toml_events(text: &str) -> Vec<toml_parser::parser::Event> {
    let tokens = toml_parser::Source::new(text).lex().into_vec();
    let mut events = Vec::new();
    toml_parser::parser::parse_document(&tokens, &mut events, &mut ());
    events
}

/// Whether a string (or a text the parser took for one) starts before `offset` and reaches it.
pub fn in_string(events: &[toml_parser::parser::Event], text: &str, offset: usize) -> bool {
    events.iter().any(|e| {
        let span = e.span();
        e.kind() == toml_parser::parser::EventKind::Scalar
            && span.start() < offset
            && offset <= span.end()
            && text
                .get(span.start()..)
                .is_some_and(|v| v.starts_with(['"', '\'']))
    })
}

/// Whether the key that starts at `offset` was given before in the same table: the parser's
/// events, with the tables they are in, rather than the parser's message.
pub fn key_given_before(events: &[toml_parser::parser::Event], text: &str, offset: usize) -> bool {
    use toml_parser::parser::EventKind as K;
    let mut seen = std::collections::HashSet::new();
    let mut table = String::new();
    let mut header: Option<Vec<String>> = None;
    let mut key: Vec<String> = Vec::new();
    let mut key_start = None;
    let mut depth = 0usize;
    for event in events {
        let span = event.span();
        let raw = text.get(span.start()..span.end()).unwrap_or("");
        let decoded = || {
            let mut key = String::new();
            toml_parser::Raw::new_unchecked(raw, event.encoding(), span)
                .decode_key(&mut key, &mut ());
            key
        };
        match event.kind() {
            K::StdTableOpen | K::ArrayTableOpen if depth == 0 => header = Some(Vec::new()),
            K::StdTableClose | K::ArrayTableClose if header.is_some() => {
                table = header.take().unwrap_or_default().join(".");
                // Each [[entry]] is a table of its own.
                if event.kind() == K::ArrayTableClose {
                    seen.retain(|(t, _): &(String, String)| t != &table);
                }
            }
            K::SimpleKey => match &mut header {
                Some(keys) => keys.push(decoded()),
                None if depth == 0 => {
                    key_start.get_or_insert(span.start());
                    key.push(decoded());
                }
                None => {}
            },
            K::KeyValSep if depth == 0 && header.is_none() => {
                let full = (table.clone(), key.join("."));
                if key_start == Some(offset) {
                    return seen.contains(&full);
                }
                seen.insert(full);
                key.clear();
                key_start = None;
            }
            K::InlineTableOpen | K::ArrayOpen => depth += 1,
            K::InlineTableClose | K::ArrayClose => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

/// How deep the TOML parser lets keys and values nest.
pub const MAX_TOML_NESTING: usize = 80;

/// What a TOML syntax error is about, read from the file at the error's place: the intake's
/// and the guide's readers word each kind themselves, and quote the parser's message only
/// where the file tells nothing more.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trouble {
    /// Keys or values nested past the parser's limit.
    TooDeep,
    /// A key given twice in one table.
    Duplicate,
    /// A text (a string) the parser could not read to its end.
    Text,
    /// A value written as a date or a time that is not one.
    DateOrTime,
    Other,
}

/// What the error at `placed` (where the parser put it) is about, from the file itself and
/// its `events`, never from the parser's message.
pub fn trouble(
    events: &[toml_parser::parser::Event],
    text: &str,
    placed: Option<Range<usize>>,
) -> Trouble {
    let Some(placed) = placed else {
        // Only a nesting past the parser's limit cannot be placed.
        let nested = deepest(events).map_or(0, |(depth, _)| depth);
        return if nested > MAX_TOML_NESTING {
            Trouble::TooDeep
        } else {
            Trouble::Other
        };
    };
    let at = text.get(placed.start..).unwrap_or("");
    if key_given_before(events, text, placed.start) {
        Trouble::Duplicate
    } else if at.starts_with(['"', '\'']) || in_string(events, text, placed.start) {
        Trouble::Text
    } else if looks_like_a_date_or_time(at) {
        Trouble::DateOrTime
    } else {
        Trouble::Other
    }
}

/// A value written as a date or a time: digits, then `-` or `:` within the first five places.
fn looks_like_a_date_or_time(at: &str) -> bool {
    let value: String = at
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | ':' | '.' | '+'))
        .collect();
    value.starts_with(|c: char| c.is_ascii_digit())
        && value.chars().take(5).any(|c| matches!(c, '-' | ':'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_deepest_nesting_is_read_from_the_toml_not_from_its_lines() {
        let deep = |text: &str| deepest(&toml_events(text));
        // Dotted keys, a header, arrays and inline tables each count; where the line starts.
        assert_eq!(deep("a = 1\nb.c.d = 2\n"), Some((3, 6)));
        assert_eq!(deep("[x.y]\nz = [[1], {q.r = 2}]\n"), Some((5, 6)));
        // What is inside a string nests nothing, even on lines of its own.
        assert_eq!(deep("a = \"\"\"\n[b.c.d]\n{{{\n\"\"\"\n"), Some((1, 0)));
        assert_eq!(deep("s = 'a.b.c[d]'\nt.u = 1\n"), Some((2, 15)));
        assert_eq!(deep(""), None);
    }

    #[test]
    fn a_place_is_read_from_the_toml_not_from_its_lines() {
        let text = "guide = \"x\"\n[patient]\nname = \"Ann\"\nnotes = \"\"\"\n[visit]\n[[diary]]\n\"\"\"\n\
                    [[diary]]\nnight = 1\n[[diary]]\nseverity = 3\n";
        let at = |needle: &str| toml_place(text, text.rfind(needle).unwrap());
        // `[visit]` and `[[diary]]` inside the notes' multi-line string are text.
        let in_notes = at("[visit]");
        assert_eq!(in_notes.table, "patient");
        assert_eq!(in_notes.key.as_deref(), Some("notes"));
        assert_eq!(in_notes.entry, None);
        let severity = at("3");
        assert_eq!(
            (
                severity.table.as_str(),
                severity.entry,
                severity.key.as_deref()
            ),
            ("diary", Some(1), Some("severity"))
        );
        let night = at("1\n");
        assert_eq!(
            (night.entry, night.key.as_deref()),
            (Some(0), Some("night"))
        );
        // An offset on a header's line is in that header's table.
        let header = toml_place(text, text.find("[patient]").unwrap());
        assert_eq!((header.table.as_str(), header.key), ("patient", None));
        let guide = toml_place(text, text.find("\"x\"").unwrap());
        assert_eq!(
            (guide.table.as_str(), guide.key.as_deref()),
            ("", Some("guide"))
        );
        // A span that starts at a key (a key given twice) names no key of its own.
        assert_eq!(toml_place(text, 0).key, None);
        // Dotted and quoted keys are named as one.
        let dotted = "a.\"b c\" = 1\n";
        assert_eq!(toml_place(dotted, 10).key.as_deref(), Some("a.b c"));
    }

    #[test]
    fn line_and_column_count_characters() {
        let file = SourceFile {
            path: "x.toml".into(),
            text: "a = 1\nnäme = 2\n".into(),
        };
        assert_eq!(file.line_col(0), (1, 1));
        assert_eq!(file.line_col(6), (2, 1));
        // 'ä' is two bytes: the '=' after "näme " is at byte 12, column 6.
        assert_eq!(file.line_col(12), (2, 6));
    }

    #[test]
    fn suggestions_catch_typos_only() {
        let known = ["medications", "patient", "visit"];
        assert_eq!(did_you_mean("medicaton", known), Some("medications"));
        assert_eq!(did_you_mean("zzz", known), None);
    }

    #[test]
    fn rendering_quotes_the_line_with_a_caret() {
        let file = SourceFile {
            path: "intake.toml".into(),
            text: "[patient]\nname = \"\"\n".into(),
        };
        let report = Report::single(
            file,
            Diagnostic::new("the patient's name is blank")
                .at(Some(17..19))
                .field("patient.name")
                .help("write the name"),
        );
        let text = report.render(false);
        assert!(text.contains("intake.toml:2:8"), "{text}");
        assert!(text.contains("name = \"\""), "{text}");
        assert!(text.contains("^^"), "{text}");
        assert!(text.contains("help: write the name"), "{text}");
        assert!(text.contains("patient.name"), "{text}");
    }
}

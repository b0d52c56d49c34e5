//! The document model: what the sheet says, in the order it says it, with no notion of pages,
//! fonts or TOML. The merge step produces it; the layout step places it.

use chrono::NaiveDateTime;

#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub meta: Metadata,
    /// Printed at the foot of every page.
    pub footer: Footer,
    pub blocks: Vec<Block>,
}

/// The running footer: a line of text, and the page label beside it.
#[derive(Debug, Clone, PartialEq)]
pub struct Footer {
    pub text: String,
    pub page: PageLabel,
}

/// "Page N of M" in the sheet's language, as the words around the two numbers, which only
/// layout knows: `before` N `between` M `after`.
#[derive(Debug, Clone, PartialEq)]
pub struct PageLabel {
    pub before: String,
    pub between: String,
    pub after: String,
}

impl PageLabel {
    pub fn of(&self, n: usize, total: usize) -> String {
        format!("{}{n}{}{total}{}", self.before, self.between, self.after)
    }
}

/// A language the sheet can print its own words in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Language {
    English,
    Spanish,
    French,
}

impl Language {
    pub const ALL: [Language; 3] = [Language::English, Language::Spanish, Language::French];

    /// Its BCP 47 tag: `/Lang` in the PDF, `dc:language` in its XMP, the FHIR `language`.
    pub fn tag(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Spanish => "es",
            Language::French => "fr",
        }
    }

    /// Ways people name it: its tag, its name in English and in itself.
    fn names(self) -> &'static [&'static str] {
        match self {
            Language::English => &["en", "english", "inglés", "ingles", "anglais"],
            Language::Spanish => &[
                "es",
                "spanish",
                "español",
                "espanol",
                "castellano",
                "espagnol",
            ],
            Language::French => &["fr", "french", "français", "francais", "francés", "frances"],
        }
    }

    /// The language `words` name: a tag ("es", "es-MX"), or its name in English or in itself
    /// ("Spanish", "español"), in any case. None when it is none the sheet can print.
    pub fn from_words(words: &str) -> Option<Language> {
        let w = words.trim().to_lowercase();
        let primary = w.split(['-', '_']).next().unwrap_or("");
        Language::ALL
            .into_iter()
            .find(|l| l.names().contains(&w.as_str()) || (primary == l.tag() && w.is_ascii()))
    }

    /// The language a patient's answer to "the language you speak best" names, when its
    /// first words name one the sheet can print: "Spanish (some English)" is Spanish.
    pub fn from_answer(answer: &str) -> Option<Language> {
        Language::from_words(answer).or_else(|| {
            let first = answer
                .split(|c: char| !c.is_alphabetic() && c != '-')
                .find(|w| !w.is_empty())?;
            Language::from_words(first)
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Metadata {
    pub title: String,
    pub author: String,
    pub subject: String,
    pub keywords: Vec<String>,
    pub created: NaiveDateTime,
    /// The language the document is first read in (page 1's): the PDF's `/Lang` and XMP
    /// `dc:language`.
    pub language: Language,
}

/// A run of text in one weight.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub text: String,
    pub strong: bool,
    /// The place in the sheet this text names ("continued on page 4"), which a reader can
    /// go to by following the text.
    pub link: Option<Link>,
}

/// A reference to the place an anchor marks (see [`Block::Anchor`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Link {
    /// The anchor's id.
    pub to: String,
    /// Where it goes, in words, for a reader that cannot see the page ("Go to page 4").
    pub description: String,
}

/// Text made of runs; a `\n` inside starts a new paragraph.
pub type Text = Vec<Span>;

pub fn plain(text: impl Into<String>) -> Text {
    vec![Span {
        text: text.into(),
        strong: false,
        link: None,
    }]
}

/// Lines to write `label`'s answer on.
pub fn writing_lines(lines: u8, label: impl Into<String>) -> Block {
    Block::WritingLines {
        lines,
        label: label.into(),
    }
}

pub fn strong(text: impl Into<String>) -> Text {
    vec![Span {
        text: text.into(),
        strong: true,
        link: None,
    }]
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// The sheet's title, once at the top.
    Title {
        text: String,
        subtitle: String,
    },
    /// A section heading; never left alone at the bottom of a page.
    Heading(String),
    /// A bold line introducing what follows (a question); kept with it.
    Subheading(String),
    Paragraph(Text),
    /// Label and value pairs, the labels in a narrow column.
    Fields(Vec<(String, Text)>),
    /// Ruled lines to write on by hand, which are also a field to type into on a screen.
    WritingLines {
        lines: u8,
        /// What is to be written there, as a screen reader announces the field: the
        /// question the lines answer.
        label: String,
    },
    Table(Table),
    Checklist(Vec<CheckItem>),
    Bullets(Vec<Text>),
    Chart(BarChart),
    /// A thin full-width line.
    Rule,
    /// What follows starts on a new page.
    PageBreak,
    /// The blocks after this one are in this language (until the next such block): a
    /// bilingual sheet gives the patient's part in the patient's language.
    Language(Language),
    /// Text in a heavy frame, so that it cannot be missed, even in black-and-white print.
    Framed(Text),
    /// A line in small type, such as a hint above lines to write on.
    Note(Text),
    /// Marks a place that other text refers to by page number. Layout reports the page on
    /// which the next block's text stands after `skip` characters that are not white space
    /// (0: where the next block starts), so a reference can name the page where a cut text
    /// goes on.
    Anchor {
        id: String,
        skip: usize,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Text>>,
    /// Empty rows, tall enough to write in by hand, after the filled ones.
    pub blank_rows: usize,
    /// After the blank rows, more of them until the page is full.
    pub fill_page: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub title: String,
    /// Share of the table's width, relative to the other columns.
    pub weight: f32,
    /// Never narrower than this many characters' worth of width.
    pub min_chars: u8,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CheckItem {
    pub done: bool,
    /// The words its box reads as, ticked or not ("Done: ", "Not done: ").
    pub box_words: String,
    pub text: Text,
}

/// Bars over labelled categories, drawn in grey: cramps per week.
#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    pub caption: String,
    pub y_label: String,
    pub bars: Vec<(String, f32)>,
    /// Drawn low and small, to sit in a summary.
    pub small: bool,
}

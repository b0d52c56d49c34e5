//! The document model: what the sheet says, in the order it says it, with no notion of pages,
//! fonts or TOML. The merge step produces it; the layout step places it.

use chrono::NaiveDateTime;

#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub meta: Metadata,
    /// Printed at the foot of every page beside "Page N of M".
    pub footer: String,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Metadata {
    pub title: String,
    pub author: String,
    pub subject: String,
    pub keywords: Vec<String>,
    pub created: NaiveDateTime,
}

/// A run of text in one weight.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub text: String,
    pub strong: bool,
}

/// Text made of runs; a `\n` inside starts a new paragraph.
pub type Text = Vec<Span>;

pub fn plain(text: impl Into<String>) -> Text {
    vec![Span {
        text: text.into(),
        strong: false,
    }]
}

pub fn strong(text: impl Into<String>) -> Text {
    vec![Span {
        text: text.into(),
        strong: true,
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
    /// Ruled lines to write on by hand.
    WritingLines(u8),
    Table(Table),
    Checklist(Vec<CheckItem>),
    Bullets(Vec<Text>),
    Chart(BarChart),
    /// A thin full-width line.
    Rule,
    /// What follows starts on a new page.
    PageBreak,
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

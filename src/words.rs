//! The program's own words, from Project Fluent catalogues, one per language and use:
//! `locales/*.ftl` for the sheet (headings, labels, the footer, the checkboxes' spoken words,
//! the diary's sentences, the names and order of the parts of a date) and the notes of the
//! file `new` writes; `locales/interview/*.ftl` for the questions the interview asks;
//! `locales/check/*.ftl` for what `check` says about a file; `locales/form/*.ftl` for the
//! web form of `serve`. A message is asked for by its
//! id; a language is added by adding its files, and one that lacks a message falls back to
//! the English one (a test keeps every catalogue complete).

use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate, NaiveTime};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::document::{Footer, Language, PageLabel};

/// What a catalogue's words are for. Each is parsed only when its words are first asked
/// for, so a render never reads the interview's questions, nor `check` the sheet's labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Catalogue {
    Sheet,
    Interview,
    Check,
    Form,
    /// What `render` says it wrote: a few lines, so that saying them costs next to nothing.
    Render,
}

impl Catalogue {
    pub const ALL: [Catalogue; 5] = [
        Catalogue::Sheet,
        Catalogue::Interview,
        Catalogue::Check,
        Catalogue::Form,
        Catalogue::Render,
    ];

    /// Each language's source of this catalogue, English first, compiled into the binary.
    pub fn sources(self) -> &'static [(Language, &'static str); 3] {
        match self {
            Catalogue::Sheet => &CATALOGUES,
            Catalogue::Interview => &INTERVIEW,
            Catalogue::Check => &CHECK,
            Catalogue::Form => &FORM,
            Catalogue::Render => &RENDER,
        }
    }

    /// Where a language's catalogue lives in the source tree, for messages about it.
    pub fn path(self, language: Language) -> String {
        match self {
            Catalogue::Sheet => format!("locales/{}.ftl", language.tag()),
            Catalogue::Interview => format!("locales/interview/{}.ftl", language.tag()),
            Catalogue::Check => format!("locales/check/{}.ftl", language.tag()),
            Catalogue::Form => format!("locales/form/{}.ftl", language.tag()),
            Catalogue::Render => format!("locales/render/{}.ftl", language.tag()),
        }
    }
}

/// The sheet's catalogue in each language, English first.
pub const CATALOGUES: [(Language, &str); 3] = [
    (Language::English, include_str!("../locales/en.ftl")),
    (Language::Spanish, include_str!("../locales/es.ftl")),
    (Language::French, include_str!("../locales/fr.ftl")),
];

/// The interview's questions in each language, English first.
const INTERVIEW: [(Language, &str); 3] = [
    (
        Language::English,
        include_str!("../locales/interview/en.ftl"),
    ),
    (
        Language::Spanish,
        include_str!("../locales/interview/es.ftl"),
    ),
    (
        Language::French,
        include_str!("../locales/interview/fr.ftl"),
    ),
];

/// What `check` says, in each language, English first.
const CHECK: [(Language, &str); 3] = [
    (Language::English, include_str!("../locales/check/en.ftl")),
    (Language::Spanish, include_str!("../locales/check/es.ftl")),
    (Language::French, include_str!("../locales/check/fr.ftl")),
];

/// The web form's words, in each language, English first.
const FORM: [(Language, &str); 3] = [
    (Language::English, include_str!("../locales/form/en.ftl")),
    (Language::Spanish, include_str!("../locales/form/es.ftl")),
    (Language::French, include_str!("../locales/form/fr.ftl")),
];

/// `render`'s account of what it wrote, in each language, English first.
const RENDER: [(Language, &str); 3] = [
    (Language::English, include_str!("../locales/render/en.ftl")),
    (Language::Spanish, include_str!("../locales/render/es.ftl")),
    (Language::French, include_str!("../locales/render/fr.ftl")),
];

/// The words of one language, and English for any message its catalogue lacks. The
/// catalogue is parsed when its first message is asked for: `check`'s words travel with
/// every intake read, and an intake without a problem never needs them.
pub struct Words {
    pub language: Language,
    catalogue: Catalogue,
    source: &'static str,
    bundle: OnceLock<FluentBundle<FluentResource>>,
}

impl std::fmt::Debug for Words {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Words({})", self.language.tag())
    }
}

/// A value for a message's `{ $name }`: a number chooses plural forms, text is put in as it
/// is.
pub type Arg<'a> = FluentValue<'a>;

impl Words {
    /// The sheet's words in `language`, read once for the whole run: every sheet of a batch
    /// shares them.
    pub fn of(language: Language) -> &'static Words {
        Words::from(Catalogue::Sheet, language)
    }

    /// The words of `catalogue` in `language`, read once for the whole run.
    pub fn from(catalogue: Catalogue, language: Language) -> &'static Words {
        type Languages = [OnceLock<Words>; 3];
        static ALL: [Languages; Catalogue::ALL.len()] =
            [const { [const { OnceLock::new() }; 3] }; Catalogue::ALL.len()];
        let sources = catalogue.sources();
        let at = sources
            .iter()
            .position(|(l, _)| *l == language)
            .unwrap_or(0);
        ALL[catalogue as usize][at].get_or_init(|| {
            let (language, source) = sources[at];
            Words {
                language,
                catalogue,
                source,
                bundle: OnceLock::new(),
            }
        })
    }

    fn bundle(&self) -> &FluentBundle<FluentResource> {
        self.bundle
            .get_or_init(|| parse(self.catalogue, self.language, self.source))
    }

    /// The message `id` without values.
    pub fn get(&self, id: &str) -> String {
        self.with(id, &[])
    }

    /// The message `id` with its values, each `(name, value)`.
    pub fn with(&self, id: &str, args: &[(&str, Arg)]) -> String {
        let bundle = self.bundle();
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            // English is read only for a message this catalogue lacks: with every catalogue
            // complete, a sheet in Spanish never parses the English one.
            if self.language == Language::English {
                debug_assert!(false, "no message {id} in the English catalogue");
                return id.to_string();
            }
            return Words::from(self.catalogue, Language::English).with(id, args);
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
        debug_assert!(errors.is_empty(), "{id}: {errors:?}");
        text.into_owned()
    }

    /// A count, to choose a message's plural form.
    pub fn count(n: usize) -> Arg<'static> {
        FluentValue::from(n)
    }

    /// Text put in a message as it is.
    pub fn text(s: impl Into<String>) -> Arg<'static> {
        FluentValue::from(s.into())
    }

    /// A number with one decimal, with this language's decimal mark ("2.5", "2,5").
    pub fn one_decimal(&self, v: f64) -> String {
        self.decimal_mark(format!("{v:.1}"))
    }

    /// A number as short as it can be written ("3", "2.5"), with this language's decimal mark.
    pub fn number(&self, v: f64) -> String {
        if v.fract() == 0.0 {
            format!("{v:.0}")
        } else {
            self.decimal_mark(format!("{v}"))
        }
    }

    fn decimal_mark(&self, s: String) -> String {
        let mark = self.get("decimal-mark");
        if mark == "." {
            s
        } else {
            s.replace('.', &mark)
        }
    }

    fn month(&self, d: NaiveDate) -> String {
        self.get(&format!("month-{}", d.month()))
    }

    fn month_short(&self, d: NaiveDate) -> String {
        self.get(&format!("month-short-{}", d.month()))
    }

    fn date_args(&self, d: NaiveDate, month: String) -> Vec<(&'static str, Arg<'static>)> {
        vec![
            ("day", Words::text(d.day().to_string())),
            ("month", Words::text(month)),
            ("year", Words::text(d.year().to_string())),
        ]
    }

    /// "14 March 1956".
    pub fn long_date(&self, d: NaiveDate) -> String {
        self.with("date-long", &self.date_args(d, self.month(d)))
    }

    /// "14 Mar 1956".
    pub fn short_date(&self, d: NaiveDate) -> String {
        self.with("date-short", &self.date_args(d, self.month_short(d)))
    }

    /// "14 March".
    pub fn day_month(&self, d: NaiveDate) -> String {
        self.with("date-day-month", &self.date_args(d, self.month(d)))
    }

    /// "14 Mar".
    pub fn short_day_month(&self, d: NaiveDate) -> String {
        self.with(
            "date-short-day-month",
            &self.date_args(d, self.month_short(d)),
        )
    }

    /// "Mar 2024".
    pub fn month_year(&self, d: NaiveDate) -> String {
        self.with("date-month-year", &self.date_args(d, self.month_short(d)))
    }

    /// "Mar 24".
    pub fn month_short_year(&self, d: NaiveDate) -> String {
        let mut args = self.date_args(d, self.month_short(d));
        args.push(("yy", Words::text(format!("{:02}", d.year() % 100))));
        self.with("date-month-short-year", &args)
    }

    /// "Wednesday".
    pub fn weekday(&self, d: NaiveDate) -> String {
        self.get(&format!("weekday-{}", d.weekday().number_from_monday()))
    }

    /// "Wed".
    pub fn weekday_short(&self, d: NaiveDate) -> String {
        self.get(&format!(
            "weekday-short-{}",
            d.weekday().number_from_monday()
        ))
    }

    /// "03:10".
    pub fn time(&self, t: NaiveTime) -> String {
        t.format("%H:%M").to_string()
    }

    /// A running footer of `text`, with this language's page label.
    pub fn footer(&self, text: impl Into<String>) -> Footer {
        Footer {
            text: text.into(),
            page: self.page_label(),
        }
    }

    /// The footer's page label, in the pieces around its two numbers.
    pub fn page_label(&self) -> PageLabel {
        // The numbers are known only to layout, which holds no words: the message is split at
        // two markers that no catalogue holds, and layout puts the numbers between the pieces.
        const N: &str = "\u{E000}";
        const TOTAL: &str = "\u{E001}";
        let whole = self.with(
            "page-of",
            &[("n", Words::text(N)), ("total", Words::text(TOTAL))],
        );
        let (before, rest) = whole.split_once(N).unwrap_or((&whole, ""));
        let (between, after) = rest.split_once(TOTAL).unwrap_or((rest, ""));
        PageLabel {
            before: before.to_string(),
            between: between.to_string(),
            after: after.to_string(),
        }
    }
}

/// A catalogue's source parsed into a bundle of its language.
fn parse(catalogue: Catalogue, language: Language, source: &str) -> FluentBundle<FluentResource> {
    let path = catalogue.path(language);
    // A catalogue is part of the program: a syntax error in one is a bug the tests catch.
    let resource = FluentResource::try_new(source.to_string())
        .unwrap_or_else(|(_, errors)| panic!("{path}: {errors:?}"));
    let tag = language
        .tag()
        .parse()
        .expect("a language tag the program names is valid");
    let mut bundle = FluentBundle::new_concurrent(vec![tag]);
    // No Unicode isolation marks around the values put in: the sheet sets them in its own
    // paragraphs, and the marks would reach its text layer and change English output.
    bundle.set_use_isolating(false);
    bundle
        .add_resource(resource)
        .unwrap_or_else(|e| panic!("{path}: {e:?}"));
    bundle
}

/// True when `text` is the message `id`, a one-line message without values, in any
/// catalogue. Read from the catalogues' lines rather than through [`Words::of`]: checking an
/// intake must not parse the catalogues of languages its sheet is not in.
pub fn is_plain_message(id: &str, text: &str) -> bool {
    let start = format!("{id} = ");
    CATALOGUES.iter().any(|(_, source)| {
        source
            .lines()
            .any(|l| l.strip_prefix(&start).is_some_and(|m| m.trim() == text))
    })
}

/// The message ids a catalogue defines, in its order.
pub fn message_ids(source: &str) -> Vec<String> {
    let resource = match FluentResource::try_new(source.to_string()) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    resource
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

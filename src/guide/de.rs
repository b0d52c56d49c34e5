//! Reading a guide's TOML, already parsed into tables with the place of every key and value,
//! into a [`Guide`](super::Guide)'s types.
//!
//! serde's derives do the reading; this is the deserializer they read from. Its error type is
//! ours, so every refusal arrives as what it is (a value of the wrong kind, a key the guide does
//! not have, a key left out) with the place and the path of what it is about, instead of as a
//! sentence of another crate to pick apart. What a key takes is known from what the derive
//! asked for (a text, a list, a table, one of some words). The words of a refusal are ours, and
//! none of them is a value of the file: a guide path may name any file, and its contents are
//! not ours to print.

use std::fmt;
use std::ops::Range;

use serde::de::value::StrDeserializer;
use serde::de::{self, DeserializeSeed, Unexpected, Visitor};
use toml::de::{DeTable, DeValue};
use toml::Spanned;

/// Reads `value` (a guide's whole table, at `span` in its file) into a `T`.
pub(super) fn read<T: de::DeserializeOwned>(
    value: &DeValue<'_>,
    span: Range<usize>,
) -> Result<T, Refusal> {
    T::deserialize(Node { value, span })
}

/// Why the guide's TOML does not make a guide.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Refusal {
    pub what: What,
    /// Where in the file: the value refused, the key not known, or the table a key is
    /// missing from.
    pub span: Option<Range<usize>>,
    /// The keys and entries from the top of the guide to the value or table it is about.
    pub path: Vec<Step>,
}

/// One step of a [`Refusal`]'s path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Step {
    Key(String),
    /// An entry of a list or of an array of tables, counted from 0.
    Entry(usize),
}

#[derive(Debug, Clone, PartialEq)]
pub(super) enum What {
    /// A value of another kind than its key takes.
    WrongKind { found: Kind, expected: Expected },
    /// A text that is none of the words its key takes.
    NotOneOf(&'static [&'static str]),
    /// A key its table does not have; `known` are the keys it does have.
    UnknownKey {
        key: String,
        known: &'static [&'static str],
    },
    /// A key its table must have.
    Missing(&'static str),
    /// A key given twice in one table.
    Twice(&'static str),
    /// A value of a kind the key takes that it cannot use (a number out of range, a list of
    /// the wrong length).
    Unusable { expected: Expected },
    /// A sentence of one of the guide's own types (`model.rs`), shown whole.
    Said(String),
}

/// What kind of value the file holds, named without the value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Text,
    Whole,
    Decimal,
    Flag,
    DateOrTime,
    List,
    Table,
    Other,
}

/// What a key takes.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Expected {
    Text,
    Flag,
    Whole,
    Number,
    List,
    Table,
    OneOf(&'static [&'static str]),
    /// What a type that takes several kinds says it takes (its `expecting`), shown whole.
    Said(String),
}

impl Refusal {
    fn new(what: What) -> Refusal {
        Refusal {
            what,
            span: None,
            path: Vec::new(),
        }
    }

    /// The refusal, one step further from the top of the guide.
    fn within(mut self, step: Step) -> Refusal {
        self.path.insert(0, step);
        self
    }

    /// The dotted path of the field it is about (`doctor_questions[2].when.pregnant`), with
    /// the key itself for a key missing, given twice or not known. None at the top of the
    /// guide, or when a key is not a plain name (a quoted key may be any text of the file).
    pub(super) fn field(&self) -> Option<String> {
        let key = match &self.what {
            What::UnknownKey { key, .. } => Some(key.as_str()),
            What::Missing(key) | What::Twice(key) => Some(*key),
            _ => None,
        };
        let steps = self.path.iter().map(|step| match step {
            Step::Key(k) => Ok(k.as_str()),
            Step::Entry(i) => Err(*i),
        });
        let mut out = String::new();
        for step in steps.chain(key.map(Ok)) {
            match step {
                Err(i) => out.push_str(&format!("[{i}]")),
                Ok(k) if !plain_key(k) => return None,
                Ok(k) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(k);
                }
            }
        }
        (!out.is_empty()).then_some(out)
    }
}

/// A key as a person names it: letters, digits, `_` and `-`, and not too long to be a name.
pub(super) fn plain_key(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= 60
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-'))
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.what {
            What::WrongKind { found, expected } => {
                write!(f, "wrong kind of value: {found}, expected {expected}")
            }
            What::NotOneOf(words) => {
                write!(f, "unknown value, expected {}", Expected::OneOf(words))
            }
            What::UnknownKey { key, known } => {
                if plain_key(key) {
                    write!(f, "unknown field `{key}`")?;
                } else {
                    f.write_str("unknown field")?;
                }
                if known.is_empty() {
                    Ok(())
                } else {
                    write!(f, ", expected {}", Expected::OneOf(known))
                }
            }
            What::Missing(key) => {
                let field = self.field().unwrap_or_else(|| key.to_string());
                write!(f, "`{field}` is missing")
            }
            What::Twice(key) => {
                let field = self.field().unwrap_or_else(|| key.to_string());
                write!(f, "`{field}` is given twice")
            }
            What::Unusable { expected } => {
                write!(f, "this value cannot be used here, expected {expected}")
            }
            What::Said(said) => f.write_str(said),
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Kind::Text => "text",
            Kind::Whole => "a whole number",
            Kind::Decimal => "a decimal number",
            Kind::Flag => "a true or false value",
            Kind::DateOrTime => "a date or time",
            Kind::List => "a list",
            Kind::Table => "a table",
            Kind::Other => "a value",
        })
    }
}

impl fmt::Display for Expected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expected::Text => f.write_str("text in quotes"),
            Expected::Flag => f.write_str("true or false"),
            Expected::Whole => f.write_str("a whole number"),
            Expected::Number => f.write_str("a number"),
            Expected::List => f.write_str("a list in square brackets"),
            Expected::Table => f.write_str("a table"),
            Expected::OneOf([only]) => write!(f, "`{only}`"),
            Expected::OneOf([one, other]) => write!(f, "`{one}` or `{other}`"),
            Expected::OneOf(words) => {
                let words: Vec<String> = words.iter().map(|w| format!("`{w}`")).collect();
                write!(f, "one of {}", words.join(", "))
            }
            Expected::Said(said) => f.write_str(said),
        }
    }
}

impl std::error::Error for Refusal {}

/// How serde's derives and visitors tell a refusal: each call is kept as what it is.
impl de::Error for Refusal {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Refusal::new(What::Said(msg.to_string()))
    }

    fn invalid_type(unexpected: Unexpected<'_>, expected: &dyn de::Expected) -> Self {
        Refusal::new(What::WrongKind {
            found: Kind::of(&unexpected),
            expected: Expected::Said(expected.to_string()),
        })
    }

    fn invalid_value(_: Unexpected<'_>, expected: &dyn de::Expected) -> Self {
        Refusal::new(What::Unusable {
            expected: Expected::Said(expected.to_string()),
        })
    }

    fn invalid_length(_: usize, expected: &dyn de::Expected) -> Self {
        Refusal::new(What::Unusable {
            expected: Expected::Said(expected.to_string()),
        })
    }

    fn unknown_variant(_: &str, expected: &'static [&'static str]) -> Self {
        Refusal::new(What::NotOneOf(expected))
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        Refusal::new(What::UnknownKey {
            key: field.to_string(),
            known: expected,
        })
    }

    fn missing_field(field: &'static str) -> Self {
        Refusal::new(What::Missing(field))
    }

    fn duplicate_field(field: &'static str) -> Self {
        Refusal::new(What::Twice(field))
    }
}

impl Kind {
    fn of(unexpected: &Unexpected<'_>) -> Kind {
        match unexpected {
            Unexpected::Bool(_) => Kind::Flag,
            Unexpected::Unsigned(_) | Unexpected::Signed(_) => Kind::Whole,
            Unexpected::Float(_) => Kind::Decimal,
            Unexpected::Char(_) | Unexpected::Str(_) => Kind::Text,
            Unexpected::Seq => Kind::List,
            Unexpected::Map => Kind::Table,
            _ => Kind::Other,
        }
    }

    fn of_value(value: &DeValue<'_>) -> Kind {
        match value {
            DeValue::String(_) => Kind::Text,
            DeValue::Integer(_) => Kind::Whole,
            DeValue::Float(_) => Kind::Decimal,
            DeValue::Boolean(_) => Kind::Flag,
            DeValue::Datetime(_) => Kind::DateOrTime,
            DeValue::Array(_) => Kind::List,
            DeValue::Table(_) => Kind::Table,
        }
    }
}

/// One value of the file, at its place.
struct Node<'a, 'i> {
    value: &'a DeValue<'i>,
    span: Range<usize>,
}

impl<'a, 'i> Node<'a, 'i> {
    fn of(value: &'a Spanned<DeValue<'i>>) -> Self {
        Node {
            value: value.get_ref(),
            span: value.span(),
        }
    }

    /// Hands the value to `visitor`, as what the key takes (`wanted`, when the derive asked
    /// for one kind). A refusal not placed deeper is this value's: it gets its place, the
    /// kind of value the file holds, and what the key takes.
    fn read<'de, V: Visitor<'de>>(
        self,
        wanted: Option<Expected>,
        visitor: V,
    ) -> Result<V::Value, Refusal> {
        let read = match self.value {
            DeValue::String(s) => visitor.visit_str(s),
            DeValue::Integer(i) => match i64::from_str_radix(i.as_str(), i.radix()) {
                Ok(n) => visitor.visit_i64(n),
                Err(_) => Err(de::Error::invalid_value(
                    Unexpected::Other("a whole number too large"),
                    &visitor,
                )),
            },
            DeValue::Float(x) => match x.as_str().parse::<f64>() {
                Ok(x) => visitor.visit_f64(x),
                Err(_) => Err(de::Error::invalid_value(
                    Unexpected::Other("a decimal number"),
                    &visitor,
                )),
            },
            DeValue::Boolean(b) => visitor.visit_bool(*b),
            DeValue::Datetime(_) => Err(de::Error::invalid_type(
                Unexpected::Other("a date or time"),
                &visitor,
            )),
            DeValue::Array(items) => visitor.visit_seq(Items {
                items: items.iter().enumerate(),
            }),
            DeValue::Table(table) => visitor.visit_map(Entries::of(table)),
        };
        read.map_err(|refusal| self.place(refusal, wanted))
    }

    fn place(&self, mut refusal: Refusal, wanted: Option<Expected>) -> Refusal {
        if refusal.span.is_none() {
            refusal.span = Some(self.span.clone());
            if let What::WrongKind { found, expected } = &mut refusal.what {
                *found = Kind::of_value(self.value);
                if let Some(wanted) = wanted {
                    *expected = wanted;
                }
            }
        }
        refusal
    }

    fn wrong_kind(&self, expected: Expected) -> Refusal {
        let refusal = Refusal::new(What::WrongKind {
            found: Kind::of_value(self.value),
            expected: expected.clone(),
        });
        self.place(refusal, Some(expected))
    }
}

/// The `deserialize_*` methods that name one kind of value, each read as that kind.
macro_rules! wanting {
    ($($method:ident => $wanted:expr,)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refusal> {
                self.read($wanted, visitor)
            }
        )*
    };
}

impl<'de> de::Deserializer<'de> for Node<'_, '_> {
    type Error = Refusal;

    wanting! {
        deserialize_any => None,
        deserialize_bool => Some(Expected::Flag),
        deserialize_i8 => Some(Expected::Whole),
        deserialize_i16 => Some(Expected::Whole),
        deserialize_i32 => Some(Expected::Whole),
        deserialize_i64 => Some(Expected::Whole),
        deserialize_i128 => Some(Expected::Whole),
        deserialize_u8 => Some(Expected::Whole),
        deserialize_u16 => Some(Expected::Whole),
        deserialize_u32 => Some(Expected::Whole),
        deserialize_u64 => Some(Expected::Whole),
        deserialize_u128 => Some(Expected::Whole),
        deserialize_f32 => Some(Expected::Number),
        deserialize_f64 => Some(Expected::Number),
        deserialize_char => Some(Expected::Text),
        deserialize_str => Some(Expected::Text),
        deserialize_string => Some(Expected::Text),
        deserialize_bytes => None,
        deserialize_byte_buf => None,
        deserialize_unit => None,
        deserialize_seq => Some(Expected::List),
        deserialize_map => Some(Expected::Table),
        deserialize_identifier => Some(Expected::Text),
        deserialize_ignored_any => None,
    }

    /// A key that is there holds a value: an absent key is the derive's `None`.
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refusal> {
        let (value, span) = (self.value, self.span.clone());
        visitor
            .visit_some(Node { value, span })
            .map_err(|refusal| self.place(refusal, None))
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Refusal> {
        self.read(None, visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Refusal> {
        let (value, span) = (self.value, self.span.clone());
        visitor
            .visit_newtype_struct(Node { value, span })
            .map_err(|refusal| self.place(refusal, None))
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value, Refusal> {
        self.read(Some(Expected::List), visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        visitor: V,
    ) -> Result<V::Value, Refusal> {
        self.read(Some(Expected::List), visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Refusal> {
        self.read(Some(Expected::Table), visitor)
    }

    /// An enum of the guide is one of some words, written as a text.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Refusal> {
        match self.value {
            DeValue::String(word) => visitor
                .visit_enum(StrDeserializer::<Refusal>::new(word.as_ref()))
                .map_err(|refusal| self.place(refusal, Some(Expected::OneOf(variants)))),
            _ => Err(self.wrong_kind(Expected::OneOf(variants))),
        }
    }

    fn is_human_readable(&self) -> bool {
        true
    }
}

/// The entries of a list, or of an array of tables.
struct Items<'a, 'i> {
    items: std::iter::Enumerate<std::slice::Iter<'a, Spanned<DeValue<'i>>>>,
}

impl<'de> de::SeqAccess<'de> for Items<'_, '_> {
    type Error = Refusal;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Refusal> {
        let Some((i, item)) = self.items.next() else {
            return Ok(None);
        };
        seed.deserialize(Node::of(item))
            .map(Some)
            .map_err(|refusal| refusal.within(Step::Entry(i)))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// The keys and values of a table, in the file's order.
struct Entries<'a, 'i> {
    entries: std::vec::IntoIter<(
        &'a Spanned<toml::de::DeString<'i>>,
        &'a Spanned<DeValue<'i>>,
    )>,
    /// The entry whose key was read last, for its value.
    value: Option<(&'a str, &'a Spanned<DeValue<'i>>)>,
}

impl<'a, 'i> Entries<'a, 'i> {
    fn of(table: &'a DeTable<'i>) -> Self {
        Entries {
            entries: table.iter().collect::<Vec<_>>().into_iter(),
            value: None,
        }
    }
}

impl<'de> de::MapAccess<'de> for Entries<'_, '_> {
    type Error = Refusal;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Refusal> {
        let Some((key, value)) = self.entries.next() else {
            return Ok(None);
        };
        self.value = Some((key.get_ref(), value));
        seed.deserialize(Key {
            name: key.get_ref(),
            span: key.span(),
        })
        .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Refusal> {
        let Some((key, value)) = self.value.take() else {
            return Err(de::Error::custom("a value was read before its key"));
        };
        seed.deserialize(Node::of(value))
            .map_err(|refusal| refusal.within(Step::Key(key.to_string())))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

/// A key of a table, at its place: a key the table does not have is told there.
struct Key<'a> {
    name: &'a str,
    span: Range<usize>,
}

impl<'de> de::Deserializer<'de> for Key<'_> {
    type Error = Refusal;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refusal> {
        visitor
            .visit_str(self.name)
            .map_err(|mut refusal: Refusal| {
                refusal.span.get_or_insert(self.span);
                refusal
            })
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum
        identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Sample {
        name: String,
        #[serde(default)]
        flag: Option<bool>,
        #[serde(default)]
        items: Vec<Item>,
        #[serde(default)]
        level: Option<Level>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Item {
        id: String,
        #[serde(default)]
        count: Option<u8>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(rename_all = "lowercase")]
    enum Level {
        Low,
        High,
    }

    fn refusal(text: &str) -> Refusal {
        let table = DeTable::parse(text).unwrap();
        let span = table.span();
        read::<Sample>(&DeValue::Table(table.into_inner()), span).unwrap_err()
    }

    #[test]
    fn each_refusal_is_what_it_is_with_its_place_and_path() {
        let text = "name = \"n\"\n[[items]]\nid = \"a\"\n[[items]]\nid = \"b\"\ncount = \"many\"\n";
        let r = refusal(text);
        assert_eq!(
            r.what,
            What::WrongKind {
                found: Kind::Text,
                expected: Expected::Whole
            }
        );
        assert_eq!(r.span, Some(text.find("\"many\"").unwrap()..text.len() - 1));
        assert_eq!(r.field().as_deref(), Some("items[1].count"));

        let text = "name = \"n\"\n[[items]]\nid = \"a\"\nidd = 1\n";
        let r = refusal(text);
        assert!(
            matches!(&r.what, What::UnknownKey { key, known } if key == "idd" && known == &["id", "count"]),
            "{r:?}"
        );
        let at = text.find("idd").unwrap();
        assert_eq!(r.span, Some(at..at + 3));
        assert_eq!(r.field().as_deref(), Some("items[0].idd"));

        let r = refusal("name = \"n\"\n[[items]]\ncount = 1\n");
        assert_eq!(r.what, What::Missing("id"));
        assert_eq!(r.to_string(), "`items[0].id` is missing");

        let r = refusal("flag = true\n");
        assert_eq!(r.to_string(), "`name` is missing");

        let r = refusal("name = \"n\"\nlevel = \"medium\"\n");
        assert_eq!(r.what, What::NotOneOf(&["low", "high"]));
        assert_eq!(r.to_string(), "unknown value, expected `low` or `high`");

        let r = refusal("name = \"n\"\nitems = [{ id = \"a\", count = 300 }]\n");
        assert!(matches!(r.what, What::Unusable { .. }), "{r:?}");
        assert_eq!(r.field().as_deref(), Some("items[0].count"));
    }

    #[test]
    fn the_kind_found_is_the_files_and_the_kind_expected_the_keys() {
        for (line, found, expected) in [
            ("name = 5", Kind::Whole, Expected::Text),
            ("name = 1979-05-27", Kind::DateOrTime, Expected::Text),
            ("name = [\"n\"]", Kind::List, Expected::Text),
            ("name = \"n\"\nflag = \"yes\"", Kind::Text, Expected::Flag),
            (
                "name = \"n\"\nitems = { id = \"a\" }",
                Kind::Table,
                Expected::List,
            ),
            ("name = \"n\"\nitems = [\"a\"]", Kind::Text, Expected::Table),
            (
                "name = \"n\"\nlevel = 2.5",
                Kind::Decimal,
                Expected::OneOf(&["low", "high"]),
            ),
        ] {
            let r = refusal(&format!("{line}\n"));
            assert_eq!(r.what, What::WrongKind { found, expected }, "{line}");
        }
    }

    #[test]
    fn no_refusal_repeats_a_value_of_the_file() {
        for text in [
            "name = \"secret one\"\nflag = \"secret two\"\n",
            "name = \"n\"\nlevel = \"secret\"\n",
            "name = \"n\"\nitems = [\"secret\"]\n",
            "name = \"n\"\n\"secret key\" = 1\n",
        ] {
            let r = refusal(text);
            let shown = format!("{r} {:?}", r.field());
            assert!(!shown.contains("secret"), "{text:?}: {shown}");
        }
    }
}

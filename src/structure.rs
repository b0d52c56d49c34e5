//! The logical structure of a laid-out sheet: what each thing on a page is (a heading, a table
//! cell, a list item's label) and in what order a person reads it, so that a screen reader can
//! read the sheet in that order and jump between its headings. Layout builds it from the
//! document's blocks and marks every drawn item with the node it belongs to, or as an artifact
//! (a rule, a writing line, a running footer) that is not read at all. It knows nothing of PDF;
//! the PDF writer turns it into a structure tree of standard structure types.

use unicode_script::{Script, UnicodeScript};

/// What a node is, in the standard structure types of ISO 32000-1, 14.8.4.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Document,
    /// The sheet's title.
    H1,
    /// A section heading.
    H2,
    /// A question, or a heading within a section.
    H3,
    P,
    Table,
    /// The table's header rows.
    THead,
    TBody,
    /// A table row.
    TR,
    /// A column title.
    TH,
    /// A table cell.
    TD,
    /// A list.
    L,
    LI,
    /// A list item's bullet, box or label.
    Lbl,
    /// A list item's text.
    LBody,
    /// A picture: its `alt` says what it shows.
    Figure,
    /// Text that takes the reader to another place in the sheet when followed.
    Link,
    /// Space to write in, by hand on paper or typed on a screen: its content is the form
    /// field a reader announces by what is to be written there.
    Form,
}

impl Role {
    /// 1 to 3 for a heading.
    pub fn heading_level(self) -> Option<u8> {
        match self {
            Role::H1 => Some(1),
            Role::H2 => Some(2),
            Role::H3 => Some(3),
            _ => None,
        }
    }

    /// The heading of `level` (1 to 3; deeper levels are level 3).
    pub fn heading(level: u8) -> Role {
        match level {
            0 | 1 => Role::H1,
            2 => Role::H2,
            _ => Role::H3,
        }
    }

    /// The structure type's name in a PDF.
    pub fn name(self) -> &'static str {
        match self {
            Role::Document => "Document",
            Role::H1 => "H1",
            Role::H2 => "H2",
            Role::H3 => "H3",
            Role::P => "P",
            Role::Table => "Table",
            Role::THead => "THead",
            Role::TBody => "TBody",
            Role::TR => "TR",
            Role::TH => "TH",
            Role::TD => "TD",
            Role::L => "L",
            Role::LI => "LI",
            Role::Lbl => "Lbl",
            Role::LBody => "LBody",
            Role::Figure => "Figure",
            Role::Link => "Link",
            Role::Form => "Form",
        }
    }
}

/// A node's index in its [`Structure`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId(pub u32);

/// What kind of page furniture an artifact is (ISO 32000-1, 14.8.2.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Artifact {
    /// Rules, writing lines, boxes and shading: drawing that carries no words.
    Layout,
    /// Running footers and page numbers.
    Footer,
    /// A table's header row repeated on a later page.
    Header,
}

/// What a drawn item belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Content of this node, read in the order it is drawn.
    Content(NodeId),
    /// Not read.
    Artifact(Artifact),
}

impl Mark {
    /// Content of the document as a whole, under no more specific node.
    pub const DOCUMENT: Mark = Mark::Content(Structure::ROOT);
}

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub role: Role,
    pub parent: Option<NodeId>,
    /// In reading order.
    pub children: Vec<NodeId>,
    /// What a picture shows, in words.
    pub alt: Option<String>,
    /// The words a mark that is not a word stands for (a ticked box reads "Done").
    pub actual_text: Option<String>,
    /// A heading's text, for the document's outline (bookmarks).
    pub title: Option<String>,
    /// Its language, as a BCP 47 tag, where it is not the document's: the patient's part of
    /// a bilingual sheet.
    pub lang: Option<String>,
}

/// The tree of nodes, its root (index 0) the whole document.
#[derive(Debug, Clone, PartialEq)]
pub struct Structure {
    /// The language the sheet is written in, as a BCP 47 tag.
    pub lang: String,
    /// The languages the patient says they speak, as BCP 47 tags, in the order given: text
    /// in a script of one of them is taken to be in that language.
    pub spoken: Vec<String>,
    pub nodes: Vec<Node>,
}

impl Default for Structure {
    fn default() -> Structure {
        Structure::new("en")
    }
}

impl Structure {
    pub const ROOT: NodeId = NodeId(0);

    pub fn new(lang: &str) -> Structure {
        Structure {
            lang: lang.to_string(),
            spoken: Vec::new(),
            nodes: vec![Node {
                role: Role::Document,
                parent: None,
                children: Vec::new(),
                alt: None,
                actual_text: None,
                title: None,
                lang: None,
            }],
        }
    }

    /// Adds a node as the last child of `parent`.
    pub fn add(&mut self, parent: NodeId, role: Role) -> NodeId {
        let id = NodeId(self.nodes.len() as u32);
        self.nodes.push(Node {
            role,
            parent: Some(parent),
            children: Vec::new(),
            alt: None,
            actual_text: None,
            title: None,
            lang: None,
        });
        self.nodes[parent.0 as usize].children.push(id);
        id
    }

    /// Appends `other`'s nodes, the children of its root becoming the last children of this
    /// root. Returns what a mark of `other` becomes.
    pub fn append(&mut self, other: Structure) -> impl Fn(Mark) -> Mark {
        // Every node of `other` but its root moves up by this much; its root is this root.
        let offset = self.nodes.len() as u32 - 1;
        let moved = move |id: NodeId| match id {
            Structure::ROOT => Structure::ROOT,
            NodeId(n) => NodeId(n + offset),
        };
        let other_lang = (other.lang != self.lang).then_some(other.lang);
        let mut nodes = other.nodes.into_iter();
        let root = nodes.next().expect("a structure has a root");
        for mut node in nodes {
            // A part in another language than the document keeps its language on its nodes.
            if node.parent == Some(Structure::ROOT) && node.lang.is_none() {
                node.lang.clone_from(&other_lang);
            }
            node.parent = node.parent.map(moved);
            node.children.iter_mut().for_each(|c| *c = moved(*c));
            self.nodes.push(node);
        }
        let kids = root.children.into_iter().map(moved);
        self.nodes[0].children.extend(kids);
        move |mark| match mark {
            Mark::Content(id) => Mark::Content(moved(id)),
            artifact => artifact,
        }
    }

    /// Makes every heading at most one level below the heading before it, in reading order,
    /// so that none skips a level (a part that opens with a section heading opens at level 1).
    pub fn level_headings(&mut self) {
        let mut last = 0;
        let mut stack = vec![Structure::ROOT];
        while let Some(id) = stack.pop() {
            let node = &mut self.nodes[id.0 as usize];
            if let Some(level) = node.role.heading_level() {
                let level = level.min(last + 1);
                node.role = Role::heading(level);
                last = level;
            }
            stack.extend(node.children.iter().rev());
        }
    }

    /// The language of `text` where it differs from the sheet's: text whose letters are all
    /// of one script other than Latin is in the first spoken language written in that
    /// script, or else in the language that script is most often written in. `None` for
    /// text in Latin letters, in no letters, or in letters of several scripts.
    pub fn language_of(&self, text: &str) -> Option<&str> {
        // Nearly every run of a sheet is ASCII: no script to look up.
        if text.is_ascii() {
            return None;
        }
        let mut script = None;
        for c in text.chars() {
            // Below U+0250 every letter is Latin and the rest common to all scripts.
            let of = match c {
                // A Latin letter makes the answer `None` whatever follows: Latin alone, or
                // mixed scripts. Most text with accents ("está") ends here at once.
                '\0'..='\u{024F}' if c.is_alphabetic() => return None,
                '\0'..='\u{024F}' => continue,
                _ => c.script(),
            };
            match of {
                Script::Common | Script::Inherited | Script::Unknown => {}
                s if script.is_none_or(|t| t == s) => script = Some(s),
                _ => return None,
            }
        }
        let script = script.filter(|&s| s != Script::Latin)?;
        self.spoken
            .iter()
            .map(String::as_str)
            .find(|tag| script_of(tag) == Some(script))
            .or_else(|| LANGUAGES.iter().find(|l| l.2 == script).map(|l| l.0))
    }

    /// Takes the patient's own words for the languages they speak ("Polski / Ελληνικά",
    /// "हिन्दी (Hindi)", "Arabic") as the languages of text in their scripts.
    pub fn speaks(&mut self, stated: &str) {
        for tag in language_tags(stated) {
            if !self.spoken.iter().any(|t| *t == tag) {
                self.spoken.push(tag.to_string());
            }
        }
    }

    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id.0 as usize]
    }

    pub fn node_mut(&mut self, id: NodeId) -> &mut Node {
        &mut self.nodes[id.0 as usize]
    }
}

/// Languages by BCP 47 tag: the names people write them with (in English and in the
/// language itself, in lower case) and their script. For each script the first language
/// listed is the one text in that script is taken to be in when the patient names none.
const LANGUAGES: &[(&str, &[&str], Script)] = &[
    ("ar", &["arabic", "العربية", "عربي", "عربى"], Script::Arabic),
    ("fa", &["persian", "farsi", "فارسی"], Script::Arabic),
    ("ur", &["urdu", "اردو"], Script::Arabic),
    ("ps", &["pashto", "پښتو"], Script::Arabic),
    ("he", &["hebrew", "עברית"], Script::Hebrew),
    ("yi", &["yiddish", "ייִדיש", "יידיש"], Script::Hebrew),
    ("el", &["greek", "ελληνικά", "ελληνικα"], Script::Greek),
    ("ru", &["russian", "русский"], Script::Cyrillic),
    ("uk", &["ukrainian", "українська"], Script::Cyrillic),
    ("bg", &["bulgarian", "български"], Script::Cyrillic),
    ("sr", &["serbian", "српски"], Script::Cyrillic),
    ("hi", &["hindi", "हिन्दी", "हिंदी"], Script::Devanagari),
    ("mr", &["marathi", "मराठी"], Script::Devanagari),
    ("ne", &["nepali", "नेपाली"], Script::Devanagari),
    ("bn", &["bengali", "bangla", "বাংলা"], Script::Bengali),
    ("pa", &["punjabi", "panjabi", "ਪੰਜਾਬੀ"], Script::Gurmukhi),
    ("gu", &["gujarati", "ગુજરાતી"], Script::Gujarati),
    ("ta", &["tamil", "தமிழ்"], Script::Tamil),
    ("te", &["telugu", "తెలుగు"], Script::Telugu),
    ("th", &["thai", "ไทย", "ภาษาไทย"], Script::Thai),
    (
        "zh",
        &["chinese", "mandarin", "中文", "汉语", "漢語", "普通话"],
        Script::Han,
    ),
    ("yue", &["cantonese", "粵語", "粤语", "廣東話"], Script::Han),
    ("ja", &["japanese", "日本語"], Script::Hiragana),
    ("ko", &["korean", "한국어"], Script::Hangul),
    ("ka", &["georgian", "ქართული"], Script::Georgian),
    ("hy", &["armenian", "հայերեն"], Script::Armenian),
    ("am", &["amharic", "አማርኛ"], Script::Ethiopic),
    ("ti", &["tigrinya", "ትግርኛ"], Script::Ethiopic),
    ("en", &["english"], Script::Latin),
    (
        "es",
        &["spanish", "español", "espanol", "castellano"],
        Script::Latin,
    ),
    ("fr", &["french", "français", "francais"], Script::Latin),
    ("de", &["german", "deutsch"], Script::Latin),
    ("it", &["italian", "italiano"], Script::Latin),
    (
        "pt",
        &["portuguese", "português", "portugues"],
        Script::Latin,
    ),
    ("pl", &["polish", "polski"], Script::Latin),
    ("nl", &["dutch", "nederlands"], Script::Latin),
    ("ro", &["romanian", "română", "romana"], Script::Latin),
    ("tr", &["turkish", "türkçe", "turkce"], Script::Latin),
    ("vi", &["vietnamese", "tiếng việt"], Script::Latin),
    ("so", &["somali", "soomaali"], Script::Latin),
    ("sw", &["swahili", "kiswahili"], Script::Latin),
    ("tl", &["tagalog", "filipino"], Script::Latin),
    ("ku", &["kurdish", "kurdî", "kurmancî"], Script::Latin),
];

/// The script a language of [`LANGUAGES`] is written in.
fn script_of(tag: &str) -> Option<Script> {
    LANGUAGES.iter().find(|l| l.0 == tag).map(|l| l.2)
}

/// The BCP 47 tags of the languages named in `stated`, in order: names are parted by
/// slashes, commas, semicolons, brackets and "and", and matched without regard to case.
fn language_tags(stated: &str) -> Vec<&'static str> {
    let lower = stated.to_lowercase();
    let mut tags = Vec::new();
    for name in lower
        .split(['/', ',', ';', '(', ')', '&', '+', '|', '،'])
        .flat_map(|part| part.split(" and "))
        .map(str::trim)
    {
        let found = LANGUAGES.iter().find(|l| l.1.contains(&name)).map(|l| l.0);
        if let Some(tag) = found.filter(|t| !tags.contains(t)) {
            tags.push(tag);
        }
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stated_languages_are_read_in_english_and_in_their_own_words() {
        assert_eq!(
            language_tags("Polski / Ελληνικά / Русский"),
            ["pl", "el", "ru"]
        );
        assert_eq!(language_tags("हिन्दी (Hindi)"), ["hi"]);
        assert_eq!(language_tags("Arabic and French"), ["ar", "fr"]);
        assert_eq!(language_tags("العربية"), ["ar"]);
        assert!(language_tags("my own words").is_empty());
    }

    #[test]
    fn text_in_another_script_is_in_the_spoken_language_of_that_script() {
        let mut s = Structure::new("en");
        assert_eq!(s.language_of("leg cramps at night"), None);
        assert_eq!(s.language_of("12:30 – 14:00"), None);
        assert_eq!(s.language_of("ألم في الساق"), Some("ar"));
        assert_eq!(s.language_of("כבר שלושה חודשים"), Some("he"));
        assert_eq!(s.language_of("Τρεις νύχτες"), Some("el"));
        assert_eq!(s.language_of("судороги"), Some("ru"));
        // Two scripts in one piece of text: no one language.
        assert_eq!(s.language_of("Ελληνικά / Русский"), None);
        s.speaks("Persian / Українська");
        assert_eq!(s.language_of("درد پا"), Some("fa"));
        assert_eq!(s.language_of("судоми"), Some("uk"));
    }

    #[test]
    fn children_keep_the_order_they_are_added_in() {
        let mut s = Structure::new("en");
        let list = s.add(Structure::ROOT, Role::L);
        let a = s.add(list, Role::LI);
        let b = s.add(list, Role::LI);
        assert_eq!(s.node(list).children, [a, b]);
        assert_eq!(s.node(b).parent, Some(list));
        assert_eq!(s.node(Structure::ROOT).children, [list]);
    }

    #[test]
    fn headings_never_skip_a_level() {
        let mut s = Structure::new("en");
        let a = s.add(Structure::ROOT, Role::H2);
        let b = s.add(Structure::ROOT, Role::H3);
        let c = s.add(Structure::ROOT, Role::H1);
        let list = s.add(Structure::ROOT, Role::L);
        let d = s.add(list, Role::H3);
        let e = s.add(Structure::ROOT, Role::H2);
        s.level_headings();
        let roles: Vec<Role> = [a, b, c, d, e].iter().map(|n| s.node(*n).role).collect();
        assert_eq!(roles, [Role::H1, Role::H2, Role::H1, Role::H2, Role::H2]);
    }

    #[test]
    fn an_appended_structure_follows_with_its_marks_moved() {
        let mut first = Structure::new("en");
        let h = first.add(Structure::ROOT, Role::H1);
        let mut second = Structure::new("en");
        let list = second.add(Structure::ROOT, Role::L);
        let item = second.add(list, Role::LI);
        let moved = first.append(second);
        let (list2, item2) = (NodeId(2), NodeId(3));
        assert_eq!(first.node(Structure::ROOT).children, [h, list2]);
        assert_eq!(first.node(list2).children, [item2]);
        assert_eq!(first.node(item2).parent, Some(list2));
        assert_eq!(first.node(list2).parent, Some(Structure::ROOT));
        assert_eq!(moved(Mark::Content(item)), Mark::Content(item2));
        assert_eq!(
            moved(Mark::Content(Structure::ROOT)),
            Mark::Content(Structure::ROOT)
        );
        let layout = Mark::Artifact(Artifact::Layout);
        assert_eq!(moved(layout), layout);
    }
}

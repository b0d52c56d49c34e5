//! The logical structure of a laid-out sheet: what each thing on a page is (a heading, a table
//! cell, a list item's label) and in what order a person reads it, so that a screen reader can
//! read the sheet in that order and jump between its headings. Layout builds it from the
//! document's blocks and marks every drawn item with the node it belongs to, or as an artifact
//! (a rule, a writing line, a running footer) that is not read at all. It knows nothing of PDF;
//! the PDF writer turns it into a structure tree of standard structure types.

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

    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id.0 as usize]
    }

    pub fn node_mut(&mut self, id: NodeId) -> &mut Node {
        &mut self.nodes[id.0 as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

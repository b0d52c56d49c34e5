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
        });
        self.nodes[parent.0 as usize].children.push(id);
        id
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
}

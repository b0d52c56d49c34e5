//! Tagged PDF (ISO 32000-1, 14.7–14.8; PDF/UA-1): each run of items that belong to one
//! structure node becomes a marked-content sequence with its own id (MCID); artifacts are
//! marked as such; the structure tree, its parent tree and the outline are written from
//! the [`Structure`] the pages' marks refer to.

use crate::frame::{Item, Page};
use crate::structure::{Artifact, Mark, NodeId, Role, Structure};

use super::{form, int, text_string, Dict, File, Pen};

/// An annotation of a page, in the structure element it belongs to.
pub(super) struct Annotation {
    pub(super) page: usize,
    pub(super) what: Annotated,
    /// Its object, reserved.
    pub(super) id: u32,
}

pub(super) enum Annotated {
    /// One for each area of a page's link (one a line its text stands on), all of a link's
    /// in the structure element of its text.
    Link {
        /// Its link, among its page's.
        link: usize,
        /// Its area, among its link's.
        area: usize,
    },
    /// A form field's widget; the field, among its page's.
    Field(usize),
}

/// Opens the marked-content sequence of a page's running footer.
pub(super) const FOOTER: &[u8] = b"/Artifact<</Type/Pagination/Subtype/Footer>>BDC\n";

/// The marked content drawn so far, and what it belongs to.
pub(super) struct Marked<'s> {
    structure: &'s Structure,
    /// By page: the node each MCID (the index) is content of.
    parents: Vec<Vec<NodeId>>,
    /// By node: its marked-content sequences as (page, MCID), in drawing order.
    content: Vec<Vec<(usize, u32)>>,
    /// By node: where its content starts, as (page, y from the page's top).
    starts: Vec<Option<(usize, f32)>>,
}

impl<'s> Marked<'s> {
    pub(super) fn new(structure: &'s Structure) -> Marked<'s> {
        let n = structure.nodes.len();
        Marked {
            structure,
            parents: Vec::new(),
            content: vec![Vec::new(); n],
            starts: vec![None; n],
        }
    }

    /// Draws page `n`'s items, each run of items with the same mark in its own sequence.
    /// Sequences never cross a text object's bounds: the pen ends the text before each.
    pub(super) fn draw_page(&mut self, pen: &mut Pen, page: &Page, n: usize) {
        if self.parents.len() <= n {
            self.parents.resize_with(n + 1, Vec::new);
        }
        let structure = self.structure;
        // A mark naming a node this structure does not have (pages laid out with a structure
        // and written without it) reads as the document's content rather than failing.
        let mark_at = |i: usize| match page.items[i].0 {
            Mark::Content(node) if (node.0 as usize) >= structure.nodes.len() => Mark::DOCUMENT,
            mark => mark,
        };
        let mut i = 0;
        while i < page.items.len() {
            let mark = mark_at(i);
            let mut j = i + 1;
            while j < page.items.len() && mark_at(j) == mark {
                j += 1;
            }
            pen.end_text();
            match mark {
                Mark::Content(node) => {
                    let role = self.structure.node(node).role;
                    let mcid = self.parents[n].len() as u32;
                    self.parents[n].push(node);
                    let at = node.0 as usize;
                    self.content[at].push((n, mcid));
                    if self.starts[at].is_none() {
                        self.starts[at] = Some((n, top(&page.items[i].1)));
                    }
                    pen.out.push(b'/');
                    pen.out.extend_from_slice(role.name().as_bytes());
                    pen.out.extend_from_slice(b"<</MCID ");
                    int(&mut pen.out, i64::from(mcid));
                    pen.out.extend_from_slice(b">>BDC\n");
                }
                Mark::Artifact(Artifact::Layout) => pen.out.extend_from_slice(b"/Artifact BMC\n"),
                Mark::Artifact(Artifact::Footer) => pen.out.extend_from_slice(FOOTER),
                Mark::Artifact(Artifact::Header) => pen
                    .out
                    .extend_from_slice(b"/Artifact<</Type/Pagination/Subtype/Header>>BDC\n"),
            }
            for (_, item) in &page.items[i..j] {
                let lang = match item {
                    Item::Text(run) | Item::Hidden { run, .. } => structure.language_of(&run.text),
                    _ => None,
                };
                match lang {
                    // Text in another language than the sheet's, so that a screen reader
                    // reads it with that language's voice (PDF/UA-1 7.2). Its span holds
                    // a text object of its own: marked content nests within text objects.
                    Some(lang) => {
                        pen.end_text();
                        pen.out.extend_from_slice(b"/Span<</Lang");
                        text_string(&mut pen.out, lang);
                        pen.out.extend_from_slice(b">>BDC\n");
                        pen.draw(item);
                        pen.end_text();
                        pen.out.extend_from_slice(b"EMC\n");
                    }
                    None => pen.draw(item),
                }
            }
            pen.end_text();
            pen.out.extend_from_slice(b"EMC\n");
            i = j;
        }
    }

    /// Writes the structure tree, its parent tree, the outline, the annotations and the form
    /// their fields make, and the catalogue's entries for them. `page_ids`: each page's
    /// object id.
    pub(super) fn write(
        mut self,
        file: &mut File,
        page_ids: &[u32],
        pages: &[Page],
        annotations: &[Annotation],
        catalog: &mut Dict,
    ) {
        self.parents.resize_with(page_ids.len(), Vec::new);
        let s = self.structure;
        let root = file.reserve();
        let ids: Vec<u32> = s.nodes.iter().map(|_| file.reserve()).collect();
        // Each annotation's structure element: the node of its link's text, where the
        // structure has it. Its key in the parent tree follows the pages'.
        let owners: Vec<Option<NodeId>> = annotations
            .iter()
            .map(|a| {
                let node = match a.what {
                    Annotated::Link { link, .. } => pages[a.page].links[link].node,
                    Annotated::Field(f) => pages[a.page].fields[f].node,
                };
                ((node.0 as usize) < s.nodes.len()).then_some(node)
            })
            .collect();
        let mut objrs: Vec<Vec<(usize, u32)>> = vec![Vec::new(); s.nodes.len()];
        let mut fields = Vec::new();
        let mut appearance = None;
        // The size of typed text the form sets, as the first field's; a field of another
        // size says its own.
        let typed_size = pages
            .iter()
            .flat_map(|p| &p.fields)
            .map(|f| f.size)
            .next()
            .unwrap_or(0.0);
        for (k, (a, owner)) in annotations.iter().zip(&owners).enumerate() {
            let key = owner.map(|node| {
                objrs[node.0 as usize].push((a.page, a.id));
                page_ids.len() + k
            });
            let d = match a.what {
                Annotated::Link { link, area } => {
                    annotation(a.page, link, area, key, page_ids, pages)
                }
                Annotated::Field(f) => {
                    let shared = *appearance.get_or_insert_with(|| form::empty_appearance(file));
                    let (page, field) = (&pages[a.page], &pages[a.page].fields[f]);
                    // Field names only need to differ: a reader is told the tooltip.
                    let name = format!("field{}", fields.len() + 1);
                    fields.push(a.id);
                    form::widget(field, &name, page, key, typed_size, shared)
                }
            };
            file.set(a.id, d);
        }
        for i in 0..s.nodes.len() {
            let d = self.element(i, &ids, root, page_ids, &objrs[i]);
            file.set(ids[i], d);
        }
        let parent_tree = file.add(self.parent_tree(&ids, &owners));

        let mut d = Dict::new();
        d.name("Type", "StructTreeRoot")
            .reference("K", ids[Structure::ROOT.0 as usize])
            .reference("ParentTree", parent_tree)
            .int("ParentTreeNextKey", (page_ids.len() + annotations.len()) as i64);
        file.set(root, d.finish());

        catalog
            .dict("MarkInfo", |m| {
                m.bool("Marked", true);
            })
            .reference("StructTreeRoot", root)
            .text("Lang", &s.lang);
        if let Some(outline) = self.outline(file, page_ids, pages) {
            catalog.reference("Outlines", outline);
        }
        form::acro_form(file, &fields, typed_size, catalog);
    }

    /// Structure element `i`: its role, its parent, its children and marked content (the
    /// content on other pages than its first by reference), the annotations it holds
    /// (`objrs`: each one's page and object), and what it says in words. A link among its
    /// children stands where its text is read, among the element's own content.
    /// `ids`: each element's object id; `root`: the structure tree root's.
    fn element(
        &self,
        i: usize,
        ids: &[u32],
        root: u32,
        page_ids: &[u32],
        objrs: &[(usize, u32)],
    ) -> Vec<u8> {
        let node = &self.structure.nodes[i];
        // /Type is optional for a structure element, and left out: hundreds of them a sheet.
        let mut d = Dict::new();
        d.name("S", node.role.name())
            .reference("P", node.parent.map_or(root, |p| ids[p.0 as usize]));
        let content = &self.content[i];
        let page = content.first().map(|c| c.0);
        if let Some(page) = page {
            d.reference("Pg", page_ids[page]);
        }
        if node.children.len() + content.len() + objrs.len() > 0 {
            d.one_or_array("K", |k| {
                let is_link = |c: &NodeId| self.structure.node(*c).role == Role::Link;
                for child in node.children.iter().filter(|c| !is_link(c)) {
                    k.reference(ids[child.0 as usize]);
                }
                let mut links = node.children.iter().filter(|c| is_link(c)).peekable();
                for &(on, mcid) in content {
                    while let Some(link) =
                        links.next_if(|l| self.content[l.0 as usize].first() < Some(&(on, mcid)))
                    {
                        k.reference(ids[link.0 as usize]);
                    }
                    if Some(on) == page {
                        k.int(i64::from(mcid));
                    } else {
                        k.dict(|r| {
                            r.name("Type", "MCR")
                                .reference("Pg", page_ids[on])
                                .int("MCID", i64::from(mcid));
                        });
                    }
                }
                for link in links {
                    k.reference(ids[link.0 as usize]);
                }
                for &(on, obj) in objrs {
                    k.dict(|r| {
                        r.name("Type", "OBJR")
                            .reference("Obj", obj)
                            .reference("Pg", page_ids[on]);
                    });
                }
            });
        }
        if node.role == Role::TH {
            d.dict("A", |a| {
                a.name("O", "Table").name("Scope", "Column");
            });
        }
        if let Some(lang) = &node.lang {
            d.text("Lang", lang);
        }
        if let Some(alt) = &node.alt {
            d.text("Alt", alt);
        }
        if let Some(text) = &node.actual_text {
            d.text("ActualText", text);
        }
        d.finish()
    }

    /// The parent tree: for each page (its StructParents key), the element of each MCID;
    /// then for each annotation in a structure element (`owners`), that element.
    fn parent_tree(&self, ids: &[u32], owners: &[Option<NodeId>]) -> Vec<u8> {
        let mut d = Dict::new();
        d.array("Nums", |nums| {
            for (n, parents) in self.parents.iter().enumerate() {
                nums.int(n as i64).array(|a| {
                    for node in parents {
                        a.reference(ids[node.0 as usize]);
                    }
                });
            }
            let first_key = self.parents.len();
            for (k, owner) in owners.iter().enumerate() {
                if let Some(node) = owner {
                    nums.int((first_key + k) as i64)
                        .reference(ids[node.0 as usize]);
                }
            }
        });
        d.finish()
    }

    /// The outline: every heading, each opening its page where the heading stands, nested
    /// as the headings are (a section's headings under it, a part's sections under its
    /// title), all open.
    fn outline(&self, file: &mut File, page_ids: &[u32], pages: &[Page]) -> Option<u32> {
        // Headings in reading order, with their level.
        let mut entries: Vec<(u8, &str, usize, f32)> = Vec::new();
        let mut stack = vec![Structure::ROOT];
        while let Some(id) = stack.pop() {
            let node = self.structure.node(id);
            stack.extend(node.children.iter().rev());
            let (Some(level), Some(title), Some((page, y))) = (
                node.role.heading_level(),
                node.title.as_deref(),
                self.starts[id.0 as usize],
            ) else {
                continue;
            };
            entries.push((level, title, page, y));
        }
        if entries.is_empty() {
            return None;
        }
        // Each entry's parent (an earlier entry of a lower level, or none: the outline).
        let mut parents: Vec<Option<usize>> = Vec::with_capacity(entries.len());
        let mut open: Vec<usize> = Vec::new();
        for (k, entry) in entries.iter().enumerate() {
            while open.last().is_some_and(|&p| entries[p].0 >= entry.0) {
                open.pop();
            }
            parents.push(open.last().copied());
            open.push(k);
        }
        let kids = |parent: Option<usize>| -> Vec<usize> {
            (0..entries.len())
                .filter(|&k| parents[k] == parent)
                .collect()
        };
        // Every entry below one, at any depth: all are open.
        let below = |k: usize| {
            let mut n = 0;
            let mut at = k + 1;
            while at < entries.len() && entries[at].0 > entries[k].0 {
                n += 1;
                at += 1;
            }
            n
        };
        let root = file.reserve();
        let ids: Vec<u32> = entries.iter().map(|_| file.reserve()).collect();
        let links = |d: &mut Dict, siblings: &[usize], at: usize| {
            if at > 0 {
                d.reference("Prev", ids[siblings[at - 1]]);
            }
            if let Some(&next) = siblings.get(at + 1) {
                d.reference("Next", ids[next]);
            }
        };
        let mut family: Vec<(Option<usize>, Vec<usize>)> = vec![(None, kids(None))];
        family.extend((0..entries.len()).map(|k| (Some(k), kids(Some(k)))));
        for (parent, siblings) in &family {
            for (at, &k) in siblings.iter().enumerate() {
                let (_, title, page, y) = entries[k];
                let mut d = Dict::new();
                d.text("Title", title)
                    .reference("Parent", parent.map_or(root, |p| ids[p]));
                links(&mut d, siblings, at);
                let own = &family[k + 1].1;
                if let (Some(first), Some(last)) = (own.first(), own.last()) {
                    d.reference("First", ids[*first])
                        .reference("Last", ids[*last])
                        .int("Count", below(k) as i64);
                }
                // A little above the heading.
                let height = pages[page].height;
                destination(&mut d, page_ids[page], (height - y + 12.0).min(height));
                file.set(ids[k], d.finish());
            }
        }
        let top = &family[0].1;
        let mut d = Dict::new();
        d.name("Type", "Outlines")
            .reference("First", ids[top[0]])
            .reference("Last", ids[top[top.len() - 1]])
            .int("Count", ids.len() as i64);
        file.set(root, d.finish());
        Some(root)
    }
}

/// `/Dest`: the page `page` at `top` points from its foot, at the zoom the reader already has.
fn destination(d: &mut Dict, page: u32, top: f32) {
    d.array("Dest", |a| {
        a.reference(page).name("XYZ").null().num(top).null();
    });
}

/// The dictionary of `link`'s annotation `area` on `page`: the area it is followed from, with no border drawn, shown
/// in print as on screen (PDF/A), where it goes in words (PDF/UA) and in the file, and `key`,
/// its structure element's key in the parent tree.
fn annotation(
    page: usize,
    link: usize,
    area: usize,
    key: Option<usize>,
    page_ids: &[u32],
    pages: &[Page],
) -> Vec<u8> {
    let (page, link) = (&pages[page], &pages[page].links[link]);
    let area = link.areas[area];
    let mut d = Dict::new();
    d.name("Type", "Annot")
        .name("Subtype", "Link")
        .rect("Rect", &area, page.height, false)
        .array("Border", |a| {
            a.int(0).int(0).int(0);
        })
        .int("F", 4)
        .text("Contents", &link.description);
    if let Some(key) = key {
        d.int("StructParent", key as i64);
    }
    // A page number the text names that the document does not have goes to its last page.
    let to = link.page.min(pages.len() - 1);
    // A little above the place, as the outline's.
    let height = pages[to].height;
    destination(&mut d, page_ids[to], (height - link.y + 12.0).min(height));
    d.finish()
}

/// The top of an item, in points from the page's top.
fn top(item: &Item) -> f32 {
    match item {
        Item::Text(run) => run.baseline - run.size,
        Item::Line { from, to, .. } => from.1.min(to.1),
        Item::Rect { y, .. } => *y,
        Item::Path { points, .. } => points.iter().map(|p| p.1).fold(f32::MAX, f32::min),
        Item::Hidden { run, .. } => run.baseline - run.size,
    }
}

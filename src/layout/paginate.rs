//! Pagination: slabs (the unbreakable units) placed on pages, parts joined with their
//! footers, and the spaces that keep a page's runs apart in its text layer.

use super::*;
use crate::document::Link;
use crate::frame::{Area, Glyph};

#[derive(Debug, Clone, Default)]
pub(super) struct Slab {
    pub(super) height: f32,
    /// Space above, dropped at the top of a page.
    pub(super) gap: f32,
    /// Items with y measured from the slab's top.
    pub(super) items: Vec<Item>,
    /// What each item belongs to; see [`Slab::mark`].
    pub(super) marks: Vec<Mark>,
    pub(super) keep_with_next: bool,
    pub(super) break_before: bool,
    /// A table header to repeat when this slab opens a page.
    pub(super) header: Option<usize>,
    /// Placed again and again below itself until the page is full (rows to write in).
    pub(super) fill_page: bool,
    /// Its text that links somewhere.
    pub(super) links: Vec<LinkArea>,
    /// Its space to write in that can be typed into on a screen.
    pub(super) fields: Vec<FieldArea>,
}

/// Space to write in, as a form field: where it is (y from its slab's or page's top) and
/// what it is for.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct FieldArea {
    pub(super) area: Area,
    pub(super) label: String,
    pub(super) size: f32,
    pub(super) node: NodeId,
}

/// Text that links somewhere: where it stands (y from its slab's or page's top) and where it
/// goes, not yet a page.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct LinkArea {
    /// The item that draws it, in its slab.
    pub(super) item: usize,
    pub(super) area: Area,
    pub(super) link: Link,
    /// The structure node its text is content of, once its slab is pushed.
    pub(super) node: NodeId,
}

impl Slab {
    /// Marks the items added since the last call as `mark`.
    pub(super) fn mark(&mut self, mark: Mark) {
        let n = self.items.len() - self.marks.len();
        self.marks.extend(std::iter::repeat_n(mark, n));
    }

    pub(super) fn marked(mut self, mark: Mark) -> Slab {
        self.mark(mark);
        self
    }

    /// Draws a set line at `x`, `top` below the slab's top, noting where its text links.
    pub(super) fn draw_line(&mut self, line: Line, x: f32, top: f32, size: f32, line_h: f32) {
        let baseline = top + baseline_in(line_h, size);
        for mut piece in line {
            if piece.text.trim().is_empty() {
                continue;
            }
            if let Some(link) = piece.link.take() {
                self.links.push(LinkArea {
                    item: self.items.len(),
                    area: Area {
                        x: x + piece.x,
                        y: top,
                        w: piece.width,
                        h: line_h,
                    },
                    link,
                    node: Structure::ROOT,
                });
            }
            self.items
                .push(Item::Text(piece.into_run(x, baseline, size)));
        }
    }

    /// Appends `other`'s items and marks, `dy` lower.
    pub(super) fn append(&mut self, other: Slab, dy: f32) {
        self.mark(Mark::Content(Structure::ROOT));
        let first = self.items.len();
        self.links.extend(other.links.into_iter().map(|mut l| {
            l.item += first;
            l.area.y += dy;
            l
        }));
        self.fields.extend(other.fields.into_iter().map(|mut f| {
            f.area.y += dy;
            f
        }));
        self.items
            .extend(other.items.into_iter().map(|i| shift(i, dy)));
        self.marks.extend(other.marks);
    }
}

pub(super) const LAYOUT: Mark = Mark::Artifact(Artifact::Layout);

/// Parts, one after the other, as one document with "Page N of M" and `footer_text` on every
/// page; the anchors' pages counted from the first page of the first part, and the parts'
/// structures one after the other under one root.
pub fn join(parts: Vec<Part>, footer_text: &Footer, fonts: &FontSet, options: PageOptions) -> Laid {
    let style = Style::for_options(options);
    let (width, height) = options.paper.size();
    let total: usize = parts.iter().map(|p| p.pages.len()).sum();
    let mut anchors = BTreeMap::new();
    let mut pages = Vec::with_capacity(total);
    let lang = parts.first().map_or("en", |p| p.structure.lang.as_str());
    let mut structure = Structure::new(lang);
    // Where each anchor is in the whole document, for the links of any part to go to.
    let mut places = BTreeMap::new();
    let mut before = 0;
    for part in &parts {
        places.extend(part.places.iter().map(|(id, &(p, y))| (id.clone(), (p + before, y))));
        before += part.pages.len();
    }
    for part in parts {
        let before = pages.len();
        anchors.extend(part.anchors.into_iter().map(|(id, p)| (id, p + before)));
        let moved = structure.append(part.structure);
        let pages_of_part = part.pages.into_iter().zip(part.links).zip(part.fields);
        for (((mut items, marks), areas), fields) in pages_of_part {
            let mut marks: Vec<Mark> = marks.into_iter().map(&moved).collect();
            let links = page_links(areas, &places, &mut marks, &structure, &moved);
            let fields = page_fields(fields, &moved);
            if links.is_empty() {
                end_runs_with_spaces(&mut items, &marks, fonts);
            } else {
                // A link's text runs on from the text around it, as part of its sentence.
                let flowing: Vec<Mark> = marks
                    .iter()
                    .map(|&m| link_parent(&structure, m).unwrap_or(m))
                    .collect();
                end_runs_with_spaces(&mut items, &flowing, fonts);
            }
            let mut furniture = Vec::new();
            footer(
                &mut furniture,
                fonts,
                &style,
                footer_text,
                pages.len() + 1,
                total,
                width,
                height,
            );
            // Items a slab added after its last mark are content of the structure's root.
            let marks = marks.into_iter().chain(std::iter::repeat(Mark::DOCUMENT));
            pages.push(Page {
                width,
                height,
                items: marks.zip(items).collect(),
                furniture,
                links,
                fields,
            });
        }
    }
    structure.level_headings();
    Laid {
        pages,
        anchors,
        structure,
    }
}

/// Ends with a space each text run that another of the same structure element follows on a
/// later line, or further along its own line after a gap (a change of weight): the space the
/// break or the gap stands for. It is drawn (it shows nothing) so that a reader of the text
/// layer, one joining a paragraph's lines by its tags above all, keeps the last word of one
/// run and the first of the next apart. A run ending in a hyphen at its line's end is left
/// as it is: the writer keeps that hyphen in the text in its own way. Right-to-left runs are
/// left too: their end in reading order is at their left, where a space would move them.
pub(super) fn end_runs_with_spaces(items: &mut [Item], marks: &[Mark], fonts: &FontSet) {
    // Where the next text of the same element starts, if any does.
    let mut next: Option<(f32, f32, Option<Mark>)> = None;
    for (i, item) in items.iter_mut().enumerate().rev() {
        let mark = marks.get(i).copied();
        if next.is_some_and(|n| n.2 != mark) {
            next = None;
        }
        let Item::Text(run) = item else { continue };
        let follows = next.replace((run.x, run.baseline, mark));
        let Some((next_x, next_baseline, _)) = follows else {
            continue;
        };
        if run.text.ends_with(char::is_whitespace)
            || (run.ends_line && run.text.ends_with('-'))
            || run
                .glyphs
                .windows(2)
                .any(|g| g[1].text.start < g[0].text.start)
        {
            continue;
        }
        let face = fonts.face(run.face);
        let runs_on = next_baseline > run.baseline + 0.01
            || ((next_baseline - run.baseline).abs() <= 0.01
                && next_x - (run.x + run.width(face.units_per_em())) > 0.15 * run.size);
        let (space, advance) = face.glyph(' ');
        if runs_on && space != 0 {
            let at = run.text.len() as u32;
            run.text.push(' ');
            run.glyphs.push(Glyph {
                id: space,
                advance: i32::from(advance),
                x_offset: 0,
                y_offset: 0,
                text: at..at + 1,
            });
        }
    }
}

/// What the text around a link's text is content of, for a mark of a link's text.
fn link_parent(structure: &Structure, mark: Mark) -> Option<Mark> {
    let Mark::Content(node) = mark else {
        return None;
    };
    let n = structure.nodes.get(node.0 as usize)?;
    (n.role == Role::Link).then_some(Mark::Content(n.parent?))
}

/// A page's link areas as the frame's links: each link's areas together, going to the page
/// and place its anchor marks. `moved` is what a mark of the part becomes in `structure`,
/// as `marks` already are. The text of a link to an anchor the document does not have reads
/// as the text around it.
fn page_links(
    areas: Vec<LinkArea>,
    places: &BTreeMap<String, (usize, f32)>,
    marks: &mut [Mark],
    structure: &Structure,
    moved: impl Fn(Mark) -> Mark,
) -> Vec<crate::frame::Link> {
    let mut links: Vec<crate::frame::Link> = Vec::new();
    for area in areas {
        let mark = moved(Mark::Content(area.node));
        let Mark::Content(node) = mark else { continue };
        let Some(&(page, y)) = places.get(&area.link.to) else {
            let around = link_parent(structure, mark).unwrap_or(Mark::DOCUMENT);
            marks
                .iter_mut()
                .filter(|m| **m == mark)
                .for_each(|m| *m = around);
            continue;
        };
        match links.last_mut() {
            Some(last) if last.node == node => last.areas.push(area.area),
            _ => links.push(crate::frame::Link {
                areas: vec![area.area],
                page,
                y,
                description: area.link.description,
                node,
            }),
        }
    }
    links
}

/// A page's field areas as the frame's fields, `moved` giving each node its place in the
/// document's structure.
fn page_fields(areas: Vec<FieldArea>, moved: impl Fn(Mark) -> Mark) -> Vec<crate::frame::Field> {
    areas
        .into_iter()
        .filter_map(|f| match moved(Mark::Content(f.node)) {
            Mark::Content(node) => Some(crate::frame::Field {
                area: f.area,
                label: f.label,
                size: f.size,
                node,
            }),
            Mark::Artifact(_) => None,
        })
        .collect()
}

/// Characters of text drawn in a slab, white space not counted.
pub(super) fn slab_chars(slab: &Slab) -> usize {
    slab.items
        .iter()
        .map(|item| match item {
            Item::Text(run) => run.text.chars().filter(|c| !c.is_whitespace()).count(),
            _ => 0,
        })
        .sum()
}

#[allow(clippy::too_many_arguments)]
pub(super) fn footer(
    items: &mut Vec<Item>,
    fonts: &FontSet,
    style: &Style,
    text: &Footer,
    n: usize,
    total: usize,
    width: f32,
    height: f32,
) {
    let size = style.footer;
    let baseline = height - style.margin;
    let rule_y = baseline - style.line(size);
    items.push(Item::Line {
        from: (style.margin, rule_y),
        to: (width - style.margin, rule_y),
        width: 0.5,
        grey: 0.5,
    });
    let label = text.page.of(n, total);
    let label_w = text_width(fonts, &label, Weight::Bold, size);
    let right = width - style.margin;
    push_text(
        items,
        fonts,
        right - label_w,
        baseline,
        size,
        Weight::Bold,
        &label,
    );
    // The footer repeats what the header says in full; here it is shortened to fit one line.
    let room = right - label_w - 2.0 * size - style.margin;
    let shown = fit_with_ellipsis(fonts, &text.text, Weight::Regular, size, room);
    push_text(
        items,
        fonts,
        style.margin,
        baseline,
        size,
        Weight::Regular,
        &shown,
    );
}

pub(super) fn shift(item: Item, dy: f32) -> Item {
    match item {
        Item::Text(mut run) => {
            run.baseline += dy;
            Item::Text(run)
        }
        Item::Line {
            from,
            to,
            width,
            grey,
        } => Item::Line {
            from: (from.0, from.1 + dy),
            to: (to.0, to.1 + dy),
            width,
            grey,
        },
        Item::Rect {
            x,
            y,
            w,
            h,
            fill,
            stroke,
        } => Item::Rect {
            x,
            y: y + dy,
            w,
            h,
            fill,
            stroke,
        },
        Item::Path { points, width } => Item::Path {
            points: points.into_iter().map(|(x, y)| (x, y + dy)).collect(),
            width,
        },
        Item::Hidden { mut run, width } => {
            run.baseline += dy;
            Item::Hidden { run, width }
        }
    }
}

/// Slabs placed on pages: each page's items and their marks, and its text that links
/// somewhere; for each slab the index of the page it was placed on and how far down it.
pub(super) struct Placed {
    pub(super) pages: Vec<MarkedItems>,
    pub(super) links: Vec<Vec<LinkArea>>,
    pub(super) fields: Vec<Vec<FieldArea>>,
    pub(super) slabs: Vec<(usize, f32)>,
}

/// Places slabs on pages from `top` down to `bottom`.
pub(super) fn paginate(mut slabs: Vec<Slab>, headers: &[Slab], top: f32, bottom: f32) -> Placed {
    let body = bottom - top;
    let mut pages: Vec<MarkedItems> = vec![Default::default()];
    let mut links: Vec<Vec<LinkArea>> = vec![Vec::new()];
    let mut fields: Vec<Vec<FieldArea>> = vec![Vec::new()];
    let mut slab_pages = Vec::with_capacity(slabs.len());
    let mut y = top;
    let mut at_top = true;
    let place =
        |page: &mut MarkedItems, items: Vec<Item>, marks: &[Mark], y: f32, mark: Option<Mark>| {
            let n = items.len();
            page.0.extend(items.into_iter().map(|it| shift(it, y)));
            match mark {
                Some(mark) => page.1.extend(std::iter::repeat_n(mark, n)),
                None => page.1.extend_from_slice(marks),
            }
        };
    for i in 0..slabs.len() {
        let slab = &slabs[i];
        let repeat = slab.header.map(|h| &headers[h]);
        // What must fit together: this slab and everything it is kept with.
        let mut need = slab.height;
        let mut j = i;
        while slabs[j].keep_with_next && j + 1 < slabs.len() {
            j += 1;
            need += slabs[j].gap + slabs[j].height;
        }
        if need > body {
            need = slab.height;
        }
        let gap = if at_top { 0.0 } else { slab.gap };
        let fits = y + gap + need <= bottom + 0.01;
        if (!fits || slab.break_before) && !at_top {
            pages.push(Default::default());
            links.push(Vec::new());
            fields.push(Vec::new());
            y = top;
            at_top = true;
            // A table continuing on a new page shows its header again, read only once.
            if let Some(h) = repeat {
                let page = pages.last_mut().expect("a page");
                let header = Some(Mark::Artifact(Artifact::Header));
                place(page, h.items.clone(), &h.marks, y, header);
                y += h.height;
                at_top = false;
            }
        }
        let gap = if at_top { 0.0 } else { slab.gap };
        y += gap;
        slab_pages.push((pages.len() - 1, y));
        let page = pages.last_mut().expect("a page");
        let (height, fill_page) = (slab.height, slab.fill_page);
        // A slab placed once gives up its items; one repeated to fill its page is copied.
        let slab = &mut slabs[i];
        let page_links = links.last_mut().expect("a page's links");
        page_links.extend(slab.links.drain(..).map(|mut l| {
            l.area.y += y;
            l
        }));
        // Rows repeated to fill the page are for the pen alone.
        let page_fields = fields.last_mut().expect("a page's fields");
        page_fields.extend(slab.fields.drain(..).map(|mut f| {
            f.area.y += y;
            f
        }));
        let items = match fill_page {
            true => slab.items.clone(),
            false => std::mem::take(&mut slab.items),
        };
        place(page, items, &slab.marks, y, None);
        y += height;
        at_top = false;
        while fill_page && height > 0.0 && y + height <= bottom + 0.01 {
            place(page, slab.items.clone(), &slab.marks, y, Some(LAYOUT));
            y += height;
        }
    }
    Placed {
        pages,
        links,
        fields,
        slabs: slab_pages,
    }
}

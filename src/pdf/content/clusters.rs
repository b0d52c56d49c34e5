//! How a run's glyphs are shown so that its text reads back as it was written: in reading
//! order, cluster by cluster, right-to-left clusters and their marks, and the characters of a
//! cluster shared out among its glyphs.

use super::shown::{Code, Showing};
use super::*;
use crate::frame::Glyph;
use unicode_bidi::{BidiClass, bidi_class};

impl Pen<'_, '_> {
    /// Shows a run's glyphs from its `k`th on, cluster by cluster, and ends the run. A run
    /// shown in part already is plain: unmarked, and its glyphs in order.
    pub(in crate::pdf) fn show_clusters(
        &mut self,
        run: &TextRun,
        scale: f64,
        mut k: usize,
        mut showing: Showing,
    ) {
        if k == run.glyphs.len() {
            showing.shown.close(&mut self.out, &mut showing.at);
            return;
        }
        let placed = Placed::new(run, scale);
        if placed.marked {
            self.begin_actual(&placed.marked_text());
        }
        while k < placed.order.len() {
            let range = &run.glyphs[placed.order[k]].text;
            let mut end = k + 1;
            while end < placed.order.len() && run.glyphs[placed.order[end]].text == *range {
                end += 1;
            }
            self.show_cluster(&placed, &placed.order[k..end], &mut showing);
            k = end;
        }
        showing.shown.close(&mut self.out, &mut showing.at);
        if placed.marked {
            self.out.extend_from_slice(b"EMC\n");
        }
        if !showing.outlines.is_empty() {
            self.end_text();
            self.draw_outlines(run, &showing.outlines);
        }
    }

    /// Shows the glyphs of a plain run (left to right, one glyph to a cluster, none moved
    /// off its pen position, no line-end hyphen), as [`Pen::show_cluster`] would show them
    /// but without working out an order first: nearly every run of a sheet is plain. Stops
    /// at the first glyph that does not read as its cluster; returns how many were shown
    /// (none when the run is not plain).
    pub(in crate::pdf) fn show_plain(&mut self, run: &TextRun, scale: f64, showing: &mut Showing) -> usize {
        let glyphs = &run.glyphs;
        let plain = !(run.ends_line && run.text.ends_with('-'))
            && glyphs.windows(2).all(|w| w[0].text.start < w[1].text.start)
            && glyphs
                .iter()
                .all(|g| g.advance != 0 && g.x_offset == 0 && g.y_offset == 0);
        if !plain {
            return 0;
        }
        let mut pen = 0.0f64;
        for (i, g) in glyphs.iter().enumerate() {
            let cluster = &run.text[g.text.start as usize..g.text.end as usize];
            let (cid, reads, width) = self.drawn.face(run.face).cid(g.id, cluster, None);
            if !reads {
                return i;
            }
            self.glyph(&mut showing.shown, &mut showing.at, cid, pen, width, 0.0);
            pen += f64::from(g.advance) * scale;
        }
        glyphs.len()
    }

    /// Shows one cluster's glyphs (`glyphs`, indexes in the order shown), so that it reads
    /// back as its characters.
    pub(super) fn show_cluster(&mut self, placed: &Placed, glyphs: &[usize], showing: &mut Showing) {
        let run = placed.run;
        let range = run.glyphs[glyphs[0]].text.clone();
        let cluster = &run.text[range.start as usize..range.end as usize];
        let hyphen = placed.hyphen_ends && range.end as usize == run.text.len() && cluster == "-";
        if glyphs.len() == 1 && !hyphen && !(placed.rtl && cluster.chars().nth(1).is_some()) {
            // The common case: one glyph that reads as its cluster.
            let i = glyphs[0];
            let g = &run.glyphs[i];
            let used = self.drawn.face(run.face);
            let (cid, reads, width) = used.cid(g.id, cluster, None);
            if reads {
                let (target, rise) = (placed.place(i), placed.rise(g));
                self.glyph(
                    &mut showing.shown,
                    &mut showing.at,
                    cid,
                    target,
                    width,
                    rise,
                );
                return;
            }
        }
        let chars = cluster.chars().count();
        let mut codes = Vec::new();
        let mut exact = true;
        if placed.rtl && (glyphs.len() > 1 || chars > 1) {
            codes = self.rtl_cluster(placed, glyphs, cluster, &mut showing.outlines);
        }
        if codes.is_empty() {
            (codes, exact) = self.share_cluster(placed, glyphs, cluster, &mut showing.outlines);
        }
        // A glyph of a CFF face drawn for another text than its code reads as.
        let actual = match () {
            _ if placed.marked => None,
            _ if hyphen => Some("- "),
            _ if !exact => Some(cluster),
            _ => None,
        };
        self.show_codes(codes, actual, showing);
    }

    /// Shows a cluster's codes, marked with the text they read as when it is `actual`.
    pub(super) fn show_codes(&mut self, codes: Vec<Code>, actual: Option<&str>, showing: &mut Showing) {
        if let Some(actual) = actual {
            showing.shown.close(&mut self.out, &mut showing.at);
            self.begin_actual(actual);
        }
        for code in codes {
            if code.invisible {
                showing.shown.close(&mut self.out, &mut showing.at);
                self.out.extend_from_slice(b"3 Tr\n");
            }
            let shown = &mut showing.shown;
            self.glyph(
                shown,
                &mut showing.at,
                code.cid,
                code.target,
                code.width,
                code.rise,
            );
            if code.invisible {
                showing.shown.close(&mut self.out, &mut showing.at);
                self.out.extend_from_slice(b"0 Tr\n");
            }
        }
        if actual.is_some() {
            showing.shown.close(&mut self.out, &mut showing.at);
            self.out.extend_from_slice(b"EMC\n");
        }
    }

    /// Joined letters with marks or a ligature in right-to-left text, drawn as the font's
    /// own glyphs, each standing for one of the cluster's characters. Poppler orders
    /// right-to-left characters by where each starts, MuPDF and pdfminer by the order
    /// shown; a glyph's text starts where its ink does. So the glyphs, from the rightmost,
    /// stand for the cluster's last letters, and are shown in that order; the characters
    /// before them are shown first, invisibly, at the cluster's right edge, and the marks
    /// after them last, invisibly, at its left edge. Visible glyphs keep the font's widths
    /// (PDF/A-3 6.2.11.5); a CID stands for one glyph with one text, so the same glyph may
    /// stand for another character elsewhere. A mark glyph is drawn in one composite glyph
    /// with its letter (see [`letters_and_marks`]), its character shown invisibly.
    pub(super) fn rtl_cluster(
        &mut self,
        placed: &Placed,
        glyphs: &[usize],
        cluster: &str,
        outlines: &mut Vec<(u16, f64, i32)>,
    ) -> Vec<Code> {
        let run = placed.run;
        let mut seen = glyphs.to_vec();
        seen.sort_unstable_by(|&a, &b| placed.place(b).total_cmp(&placed.place(a)).then(b.cmp(&a)));
        let joins = self.drawn.face(run.face).truetype;
        let (mut shown, mut with) = letters_and_marks(placed, &seen, joins);
        let chars: Vec<&str> = share(cluster, cluster.chars().count());
        // More glyphs than characters: the leftmost stand for none, and are drawn with the
        // glyph to their right.
        while shown.len() > chars.len() {
            let i = shown.pop().expect("more glyphs than characters");
            let mut parts = with.pop().expect("one list for each glyph shown");
            parts.push(i);
            if let Some(last) = with.last_mut() {
                last.extend(parts);
            }
        }
        let right = glyphs
            .iter()
            .map(|&j| placed.right_edge(j))
            .fold(f64::MIN, f64::max);
        let left = shown
            .iter()
            .map(|&i| placed.place(i))
            .fold(f64::MAX, f64::min);
        // The visible glyphs stand for letters where they can, the marks after the last of
        // them shown invisibly after it: MuPDF sets a mark at its letter's place without
        // moving on, so a visible glyph standing for a mark would leave a gap after it that
        // MuPDF reads as a space.
        let marks = chars
            .iter()
            .rev()
            .take_while(|c| c.chars().all(|c| bidi_class(c) == BidiClass::NSM))
            .count();
        let after = if chars.len() - marks >= shown.len() { marks } else { 0 };
        let before = chars.len() - shown.len() - after;
        // Invisible characters have no width, as a box inside the visible glyph's would read
        // as a word drawn over another where a reader splits words at overlaps. They stand a
        // hair inside the cluster's edges, where the letters beside it end: poppler sets its
        // space threshold from the narrowest gap of the line, so more than a hair reads as a
        // space. (pdfminer puts the second of two such characters on a line of its own.)
        const HAIR: f64 = 0.02;
        let mut codes = Vec::with_capacity(chars.len());
        let used = self.drawn.face(run.face);
        let hair = |n: usize| (n + 1) as f64 * HAIR;
        let invisible = |used: &mut UsedFace, text: &str, target: f64| {
            let (cid, _, width) = used.cid(run.glyphs[shown[0]].id, text, Some(0));
            Code {
                cid,
                target,
                width,
                rise: 0.0,
                invisible: true,
            }
        };
        for (n, text) in chars[..before].iter().enumerate() {
            codes.push(invisible(&mut *used, text, right - hair(n)));
        }
        let visible = &chars[before..before + shown.len()];
        for ((&i, text), parts) in shown.iter().zip(visible).zip(&with) {
            let g = &run.glyphs[i];
            let composite = (!parts.is_empty())
                .then(|| self.composite_over(placed, i, parts, text))
                .flatten();
            codes.push(composite.unwrap_or_else(|| {
                for &j in parts {
                    let part = &run.glyphs[j];
                    outlines.push((part.id, placed.place(j), part.y_offset));
                }
                let (cid, _, width) = self.drawn.face(run.face).cid(g.id, text, None);
                Code {
                    cid,
                    target: placed.place(i),
                    width,
                    rise: placed.rise(g),
                    invisible: false,
                }
            }));
        }
        let used = self.drawn.face(run.face);
        for (n, text) in chars[before + shown.len()..].iter().enumerate() {
            codes.push(invisible(&mut *used, text, left - hair(n)));
        }
        codes
    }

    /// Glyph `base` of a right-to-left cluster drawn with the glyphs `parts` as one
    /// composite glyph reading as `text`, where `base` is drawn and with its advance;
    /// `None` where the face cannot hold it.
    pub(super) fn composite_over(
        &mut self,
        placed: &Placed,
        base: usize,
        parts: &[usize],
        text: &str,
    ) -> Option<Code> {
        let run = placed.run;
        let g = &run.glyphs[base];
        let mut all = vec![(g.id, 0, i16::try_from(g.y_offset).ok()?)];
        for &j in parts {
            let part = &run.glyphs[j];
            // Both places are whole font units apart: pens and offsets are.
            let dx = ((placed.place(j) - placed.place(base)) / placed.scale).round();
            all.push((part.id, dx as i16, i16::try_from(part.y_offset).ok()?));
        }
        let used = self.drawn.face(run.face);
        let advance = used.face.glyph_advance(g.id);
        let (cid, width) = used.composite_cid(all, text, advance)?;
        Some(Code {
            cid,
            target: placed.place(base),
            width,
            rise: 0.0,
            invisible: false,
        })
    }

    /// The glyphs `glyphs` of a cluster drawn as one composite glyph that reads as `text`,
    /// placed where the leftmost of them starts and advancing as they all do; `None` where
    /// the face cannot hold it.
    pub(super) fn composite(&mut self, placed: &Placed, glyphs: &[usize], text: &str) -> Option<Code> {
        let run = placed.run;
        let first = *glyphs.iter().min()?;
        let last = *glyphs.iter().max()?;
        let pen = |i: usize| -> i32 { run.glyphs[first..i].iter().map(|g| g.advance).sum() };
        let parts = glyphs
            .iter()
            .map(|&i| {
                let g = &run.glyphs[i];
                let dx = i16::try_from(pen(i) + g.x_offset).ok()?;
                Some((g.id, dx, i16::try_from(g.y_offset).ok()?))
            })
            .collect::<Option<Vec<_>>>()?;
        let advance = u16::try_from(pen(last) + run.glyphs[last].advance).ok()?;
        let (cid, width) = self.drawn.face(run.face).composite_cid(parts, text, advance)?;
        Some(Code {
            cid,
            target: placed.pen[first],
            width,
            rise: 0.0,
            invisible: false,
        })
    }

    /// The cluster's characters shared out in order among its glyphs, each glyph shown as
    /// its share; also whether every glyph's code reads as its share.
    pub(super) fn share_cluster(
        &mut self,
        placed: &Placed,
        glyphs: &[usize],
        cluster: &str,
        outlines: &mut Vec<(u16, f64, i32)>,
    ) -> (Vec<Code>, bool) {
        let run = placed.run;
        let shares = share(cluster, glyphs.len());
        if shares.iter().any(|t| t.is_empty()) {
            // More glyphs than characters (a Thai sara am, a Bengali two-part vowel sign):
            // the cluster is drawn as one glyph made of them all, reading as the whole
            // cluster, so that no glyph stands for nothing.
            if let Some(code) = self.composite(placed, glyphs, cluster) {
                return (vec![code], true);
            }
        }
        // The last glyph with text in a cluster whose later glyphs have none spans them
        // too, so that no reader sees a gap where they stand.
        let last_with_text = shares.iter().rposition(|t| !t.is_empty());
        let spans_rest = last_with_text.filter(|&n| n + 1 < shares.len()).map(|n| {
            let i = glyphs[n];
            let cluster_end = glyphs
                .iter()
                .map(|&j| placed.right_edge(j))
                .fold(0.0, f64::max);
            let advance = ((cluster_end - placed.place(i)) / placed.scale)
                .round()
                .clamp(0.0, 65535.0) as u16;
            (n, advance)
        });
        let mut exact = true;
        let mut codes = Vec::with_capacity(glyphs.len());
        for (n, (&i, text)) in glyphs.iter().zip(&shares).enumerate() {
            let g = &run.glyphs[i];
            if text.is_empty() {
                // A glyph that stands for no character of its own (the second part of
                // a two-part vowel sign): drawn as a shape, so it adds nothing to the
                // text.
                outlines.push((g.id, placed.place(i), g.y_offset));
                continue;
            }
            let used = self.drawn.face(run.face);
            let advance = spans_rest.filter(|s| s.0 == n).map(|s| s.1);
            let (cid, reads, width) = used.cid(g.id, text, advance);
            exact &= reads;
            codes.push(Code {
                cid,
                target: placed.place(i),
                width,
                rise: placed.rise(g),
                invisible: false,
            });
        }
        (codes, exact)
    }
}

/// A run's glyphs as they are shown: where each stands, the order they are shown in, and
/// how the run's text is to be read back.
pub(super) struct Placed<'r> {
    run: &'r TextRun,
    /// Font units to thousandths of an em.
    scale: f64,
    /// Where each glyph's pen position is, in thousandths of an em from the run's start.
    pen: Vec<f64>,
    rtl: bool,
    /// The glyphs' indexes: clusters in reading order; the glyphs of a cluster in the
    /// direction the text runs, each where it is drawn, so readers that rebuild words from
    /// positions find no gap or step back inside a word.
    order: Vec<usize>,
    /// pdftotext takes a hyphen at the end of a line for a word broken across lines and
    /// drops it, joining the lines; but every hyphen on a sheet is one somebody wrote
    /// (lines never break with an added hyphen). Read as "- ", the hyphen stays.
    hyphen_ends: bool,
    /// Poppler rebuilds words from where glyphs stand, and a mark set over its letter (or
    /// a vowel sign drawn before it) reads to it as the start of a new word. In text that
    /// runs left to right, such a run is marked with its text as well, which poppler reads
    /// instead; MuPDF reads the glyphs' own text, in the order shown.
    marked: bool,
}

impl<'r> Placed<'r> {
    fn new(run: &'r TextRun, scale: f64) -> Placed<'r> {
        let mut pen = Vec::with_capacity(run.glyphs.len());
        let mut x = 0.0f64;
        for g in &run.glyphs {
            pen.push(x);
            x += f64::from(g.advance) * scale;
        }
        let rtl = run
            .glyphs
            .windows(2)
            .any(|w| w[0].text.start > w[1].text.start);
        let mut placed = Placed {
            run,
            scale,
            pen,
            rtl,
            order: (0..run.glyphs.len()).collect(),
            hyphen_ends: run.ends_line && run.text.ends_with('-'),
            marked: !rtl
                && (run.glyphs.windows(2).any(|w| w[0].text == w[1].text)
                    || run
                        .glyphs
                        .iter()
                        .any(|g| g.advance == 0 || g.x_offset != 0 || g.y_offset != 0)),
        };
        let mut order = std::mem::take(&mut placed.order);
        order.sort_by(|&a, &b| {
            let (ga, gb) = (&run.glyphs[a], &run.glyphs[b]);
            ga.text.start.cmp(&gb.text.start).then_with(|| {
                let by_x = placed.place(a).total_cmp(&placed.place(b));
                if rtl {
                    by_x.reverse()
                } else {
                    by_x
                }
            })
        });
        placed.order = order;
        placed
    }

    /// Where glyph `i` is drawn, in thousandths of an em from the run's start.
    fn place(&self, i: usize) -> f64 {
        self.pen[i] + f64::from(self.run.glyphs[i].x_offset) * self.scale
    }

    /// Where glyph `i`'s advance ends.
    fn right_edge(&self, i: usize) -> f64 {
        self.pen[i] + f64::from(self.run.glyphs[i].advance) * self.scale
    }

    /// How far a glyph is raised, in points.
    fn rise(&self, g: &Glyph) -> f32 {
        (f64::from(g.y_offset) * self.scale / 1000.0 * f64::from(self.run.size)) as f32
    }

    /// The text a marked run reads as.
    fn marked_text(&self) -> String {
        let mut actual = self.run.text.clone();
        if self.hyphen_ends {
            actual.push(' ');
        }
        actual
    }
}

/// The glyphs of a right-to-left cluster (`seen`, from the rightmost) that stand for text,
/// each with the glyphs to draw with it as one composite glyph. Where the face can join
/// glyphs (`joins`, TrueType), every mark glyph (one that does not advance) joins the letter
/// it stands over, or else the nearest: poppler drops a character that starts where another
/// does, and pdfminer puts a mark apart from its letter on a line of its own. Where it cannot
/// (CFF), a glyph starting within a tenth of an em of the one before joins that one, to be
/// drawn as a shape.
fn letters_and_marks(placed: &Placed, seen: &[usize], joins: bool) -> (Vec<usize>, Vec<Vec<usize>>) {
    let glyphs = &placed.run.glyphs;
    let letters: Vec<usize> = seen
        .iter()
        .copied()
        .filter(|&i| glyphs[i].advance != 0)
        .collect();
    if joins && !letters.is_empty() && letters.len() < seen.len() {
        let mut with = vec![Vec::new(); letters.len()];
        for &i in seen.iter().filter(|&&i| glyphs[i].advance == 0) {
            let at = placed.place(i);
            let over = letters
                .iter()
                .position(|&j| placed.pen[j] <= at && at < placed.right_edge(j));
            let nearest = || {
                (0..letters.len())
                    .min_by(|&a, &b| {
                        let off = |k: usize| (placed.place(letters[k]) - at).abs();
                        off(a).total_cmp(&off(b))
                    })
                    .unwrap_or(0)
            };
            with[over.unwrap_or_else(nearest)].push(i);
        }
        return (letters, with);
    }
    // A tenth of an em at least between the starts of two glyphs that stand for text.
    let apart = 100.0;
    let mut shown: Vec<usize> = Vec::with_capacity(seen.len());
    let mut with: Vec<Vec<usize>> = Vec::with_capacity(seen.len());
    for &i in seen {
        let starts_apart = shown
            .last()
            .is_none_or(|&j| placed.place(i) <= placed.place(j) - apart);
        if starts_apart {
            shown.push(i);
            with.push(Vec::new());
        } else if let Some(last) = with.last_mut() {
            last.push(i);
        }
    }
    (shown, with)
}

/// A cluster's characters shared out in order among its `n` glyphs: one each, the last
/// glyph taking the rest; when there are more glyphs than characters, the extra glyphs
/// stand for nothing.
pub(super) fn share(cluster: &str, n: usize) -> Vec<&str> {
    let mut out = Vec::with_capacity(n);
    let mut rest = cluster;
    for k in 0..n {
        if k + 1 == n {
            out.push(rest);
        } else {
            let len = rest.chars().next().map_or(0, char::len_utf8);
            out.push(&rest[..len]);
            rest = &rest[len..];
        }
    }
    out
}

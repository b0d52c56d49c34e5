//! Before shaping: each character's face, embedding level and script, and the runs they make.

use super::*;

/// The script of `c`, looked up only beyond ASCII.
pub(super) fn script(c: char) -> Script {
    if c.is_ascii_alphabetic() {
        Script::Latin
    } else if c.is_ascii() {
        Script::Common
    } else {
        c.script()
    }
}

/// Whether `c` belongs to no script of its own (spaces, digits, punctuation, marks).
pub(super) fn is_common(c: char) -> bool {
    matches!(script(c), Script::Common | Script::Inherited) || is_ignorable(c)
}

/// A run of one face, weight, embedding level and script, shaped.
#[derive(Debug, Clone)]
pub(super) struct Run {
    pub(super) range: Range<usize>,
    pub(super) face: FaceId,
    pub(super) weight: Weight,
    pub(super) level: u8,
    /// The link its text is part of, as an index into the paragraph's links.
    pub(super) link: Option<u16>,
    /// Clusters are byte offsets into the paragraph.
    pub(super) glyphs: Vec<ShapedGlyph>,
}


/// A character of a paragraph: its byte offset, the character drawn for it, its weight, its
/// face (`None` while a character without a script of its own waits to join the face beside
/// it), and the link it is part of.
pub(super) type Char = (usize, char, Weight, Option<FaceId>, Option<u16>);

/// The parts' text (a line feed as a space), and each character's face, weight, drawn
/// character and link.
pub(super) fn read_chars<'t>(
    fonts: &FontSet,
    parts: impl Iterator<Item = Part<'t>> + Clone,
) -> (String, Vec<Char>) {
    let bytes = parts.clone().map(|p| p.1.len()).sum();
    let mut text = String::with_capacity(bytes);
    let mut chars: Vec<Char> = Vec::with_capacity(bytes);
    for (weight, part, link) in parts {
        for c in part.chars() {
            let c = if c == '\n' { ' ' } else { c };
            let at = text.len();
            text.push(c);
            let (face, drawn) = if is_common(c) {
                let drawable = is_ignorable(c) || fonts.faces().any(|(_, f)| f.has(c));
                (None, if drawable { c } else { PLACEHOLDER })
            } else {
                let (face, drawn) = fonts.pick(c, weight);
                (Some(face), drawn)
            };
            chars.push((at, drawn, weight, face, link));
        }
    }
    (text, chars)
}

/// A shared character takes the face before it, else the one after it, when that face has
/// it; else the first that has it.
pub(super) fn give_shared_faces(fonts: &FontSet, chars: &mut [Char]) {
    let mut next: Vec<Option<(FaceId, Weight)>> = vec![None; chars.len()];
    let mut after = None;
    for i in (0..chars.len()).rev() {
        next[i] = after;
        if let Some(face) = chars[i].3 {
            after = Some((face, chars[i].2));
        }
    }
    let mut before: Option<(FaceId, Weight)> = None;
    for i in 0..chars.len() {
        let (_, c, weight, face, _) = chars[i];
        let face = face.unwrap_or_else(|| {
            let fits =
                |(f, w): (FaceId, Weight)| w == weight && (is_ignorable(c) || fonts.face(f).has(c));
            match (before, next[i]) {
                (Some(b), _) if fits(b) => b.0,
                (_, Some(n)) if fits(n) => n.0,
                _ => fonts.pick(c, weight).0,
            }
        });
        chars[i].3 = Some(face);
        before = Some((face, weight));
    }
}

/// The text cut into runs of one face, weight, bidi level and script, not yet shaped.
pub(super) fn split_runs(text: &str, chars: &[Char], levels: Option<&[u8]>) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    let mut script = Script::Common;
    for (i, &(at, c, weight, face, link)) in chars.iter().enumerate() {
        let face = face.expect("every character has a face");
        let len = chars.get(i + 1).map_or(text.len(), |n| n.0) - at;
        let level = levels.map_or(0, |l| l[at]);
        let own = self::script(c);
        let common = matches!(own, Script::Common | Script::Inherited) || is_ignorable(c);
        let new_script = !common && own != script && script != Script::Common;
        match runs.last_mut() {
            Some(run)
                if run.face == face
                    && run.weight == weight
                    && run.level == level
                    && run.link == link
                    && !new_script =>
            {
                run.range.end = at + len;
            }
            _ => {
                runs.push(Run {
                    range: at..at + len,
                    face,
                    weight,
                    level,
                    link,
                    glyphs: Vec::new(),
                });
                script = Script::Common;
            }
        }
        if !common {
            script = own;
        }
    }
    runs
}


/// Each byte's embedding level, when the text holds anything right to left (else `None`,
/// all left to right), and whether the paragraph's base direction is right to left.
pub(super) fn levels(text: &str) -> (Option<Vec<u8>>, bool) {
    use BidiClass::*;
    let bidi = text.chars().any(|c| {
        c >= '\u{590}'
            && matches!(
                unicode_bidi::bidi_class(c),
                R | AL | AN | RLE | RLO | RLI | FSI | LRE | LRO | LRI | PDF | PDI
            )
    });
    if !bidi {
        return (None, false);
    }
    let info = BidiInfo::new(text, None);
    let rtl = info.paragraphs.first().is_some_and(|p| p.level.is_rtl());
    (Some(info.levels.iter().map(|l| l.number()).collect()), rtl)
}

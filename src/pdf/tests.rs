use super::*;
use content::Showing;
use fonts::Cid;

fn written(f: impl Fn(&mut Vec<u8>)) -> String {
    let mut out = Vec::new();
    f(&mut out);
    String::from_utf8(out).unwrap()
}

#[test]
fn lengths_are_written_to_the_hundredth_without_trailing_zeros() {
    for (v, s) in [
        (0.0, "0"),
        (10.0, "10"),
        (1.5, "1.5"),
        (595.276, "595.28"),
        (0.05, "0.05"),
        (-0.05, "-0.05"),
        (-2.25, "-2.25"),
        (-0.004, "0"),
        (841.89, "841.89"),
    ] {
        assert_eq!(written(|o| num(o, v)), s, "{v}");
    }
    assert_eq!(written(|o| int(o, -1234567)), "-1234567");
    assert_eq!(written(|o| int(o, i64::MIN)), i64::MIN.to_string());
}

#[test]
fn text_strings_escape_or_switch_to_utf16() {
    assert_eq!(
        written(|o| text_string(o, r"O'Brien (Test) \ 100%")),
        r"(O'Brien \(Test\) \\ 100%)"
    );
    assert_eq!(written(|o| text_string(o, "Zoë")), "<FEFF005A006F00EB>");
    // Control characters are not left bare in a literal string.
    assert_eq!(written(|o| text_string(o, "a\nb")), "<FEFF0061000A0062>");
    assert_eq!(written(|o| text_string(o, "😀")), "<FEFFD83DDE00>");
}

#[test]
fn dictionaries_space_a_value_only_where_it_would_run_into_its_key() {
    let mut d = Dict::new();
    d.name("Type", "Page")
        .int("Count", -5)
        .num("W", 1.5)
        .bool("B", true)
        .reference("Parent", 3)
        .text("Title", "(a)")
        .refs("Kids", &[4, 5])
        .dict("A", |a| {
            a.name("O", "Table");
        })
        .array("Dest", |a| {
            a.reference(4).name("XYZ").null().num(2.25f32).null();
        })
        .array("Nums", |a| {
            a.int(0).array(|_| {}).text("b").dict(|_| {});
        })
        .raw("ID", b"[<00><00>]")
        .raw("N", b"1");
    assert_eq!(
        String::from_utf8(d.finish()).unwrap(),
        "<</Type/Page/Count -5/W 1.5/B true/Parent 3 0 R/Title(\\(a\\))/Kids[4 0 R 5 0 R]\
/A<</O/Table>>/Dest[4 0 R/XYZ null 2.25 null]/Nums[0[] (b) <<>>]/ID[<00><00>]/N 1>>"
    );
}

#[test]
fn one_kid_is_written_alone_and_several_as_an_array() {
    let kids = |n: u32| {
        let mut d = Dict::new();
        d.one_or_array("K", |k| {
            for id in 0..n {
                k.dict(|r| {
                    r.reference("Obj", id);
                });
            }
        });
        String::from_utf8(d.finish()).unwrap()
    };
    assert_eq!(kids(1), "<</K <</Obj 0 0 R>>>>");
    assert_eq!(kids(2), "<</K[<</Obj 0 0 R>> <</Obj 1 0 R>>]>>");
}

#[test]
fn a_face_out_of_codes_reuses_the_code_of_the_same_glyph() {
    let fonts = FontSet::embedded();
    let face = fonts.face(FaceId(0));
    let mut used = UsedFace::new(FaceId(0), face);
    let [a, b, c] = ['a', 'b', 'c'].map(|ch| face.glyph(ch).0);
    let code = |used: &mut UsedFace, g, t| {
        let (cid, reads, _) = used.cid(g, t, None);
        (cid, reads)
    };
    assert_eq!(
        (
            code(&mut used, a, "a"),
            code(&mut used, b, "b"),
            code(&mut used, a, "a")
        ),
        ((1, true), (2, true), (1, true))
    );
    // One glyph drawn for two texts (a ligature's text, say) gets a code for each, and
    // one drawn wider than itself too.
    assert_eq!(code(&mut used, a, "ä"), (3, true));
    assert_eq!(code(&mut used, a, "a"), (1, true));
    let (wide, _, width) = used.cid(a, "a", Some(2000));
    assert_eq!((wide, width), (4, 2000.0));
    // Fill every remaining code with stand-ins.
    while used.cids.len() < usize::from(u16::MAX) {
        used.cids.push(Cid {
            text: "z".into(),
            glyph: a.wrapping_add(1),
            advance: 0,
            composite: None,
        });
    }
    // 'c' is new, but its glyph is not: none left, so a known glyph's code is reused,
    // and it does not read as the text.
    used.cids[10].glyph = c;
    assert_eq!(code(&mut used, c, "c"), (11, false));
    assert_eq!(used.cids.len(), usize::from(u16::MAX));
}

/// A run of `text` as layout sets it: shaped in `face`, each glyph with its cluster's text.
fn shaped_run(fonts: &FontSet, face: FaceId, text: &str, ends_line: bool) -> TextRun {
    let mut shaped = Vec::new();
    fonts.face(face).shape(text, None, 0, &mut shaped);
    let mut starts: Vec<u32> = shaped.iter().map(|g| g.cluster).collect();
    starts.sort_unstable();
    starts.dedup();
    let glyphs = shaped
        .iter()
        .map(|g| {
            let next = starts.partition_point(|&s| s <= g.cluster);
            let end = starts.get(next).copied().unwrap_or(text.len() as u32);
            crate::frame::Glyph {
                id: g.id,
                advance: g.advance,
                x_offset: g.x_offset,
                y_offset: g.y_offset,
                text: g.cluster..end,
            }
        })
        .collect();
    TextRun {
        x: 72.0,
        baseline: 100.0,
        size: 11.0,
        face,
        text: text.to_string(),
        glyphs,
        ends_line,
    }
}

#[test]
fn plain_runs_are_shown_as_they_are_cluster_by_cluster() {
    let fonts = FontSet::embedded();
    let samples = [
        ("Hello World", false, true),
        // Kerned: glyphs stand off the widths in the W array.
        ("AVATAR To Yo, LT", false, true),
        ("office 1–10 Zoë", false, true),
        // A combining mark has no advance of its own: not plain.
        ("q\u{301}q au lait", false, false),
        // A hyphen at a line's end is read as "- ": not plain.
        ("cross-", true, false),
        ("", false, true),
    ];
    for (text, ends_line, plain) in samples {
        let run = shaped_run(&fonts, FaceId(0), text, ends_line);
        let scale = 1000.0 / f64::from(fonts.face(FaceId(0)).units_per_em());
        let (mut fast, mut slow) = (Drawn::new(&fonts), Drawn::new(&fonts));
        let mut pen = Pen::new(842.0, &mut fast);
        pen.move_to_run(&run);
        let mut showing = Showing::default();
        let shown = pen.show_plain(&run, scale, &mut showing);
        assert_eq!(shown == run.glyphs.len(), plain, "{text:?}: {shown} shown");
        pen.show_clusters(&run, scale, shown, showing);
        let fast_out = std::mem::take(&mut pen.out);
        let mut pen = Pen::new(842.0, &mut slow);
        pen.move_to_run(&run);
        pen.show_clusters(&run, scale, 0, Showing::default());
        assert_eq!(
            String::from_utf8_lossy(&fast_out),
            String::from_utf8_lossy(&pen.out),
            "{text:?}"
        );
    }
}

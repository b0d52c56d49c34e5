//! Bad input never hurts: each mistake gets a message naming the line and the field with a
//! fix, exit code 1, and an existing output file is left exactly as it was.

mod common;

use common::*;

const HEAD: &str = "guide = \"nocturnal-leg-cramps\"\n[patient]\nname = \"Ann\"\n";

/// Renders `intake` over an existing "sheet.pdf" and checks that it failed cleanly.
fn fails(intake: &[u8], expected: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("intake.toml");
    std::fs::write(&path, intake).unwrap();
    let out = dir.path().join("sheet.pdf");
    let before = b"%PDF-1.3 an older sheet the user wants to keep".to_vec();
    std::fs::write(&out, &before).unwrap();

    let o = run(&[
        "render",
        path.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        stdout(&o).is_empty(),
        "stdout must stay clean: {}",
        stdout(&o)
    );
    assert_eq!(
        std::fs::read(&out).unwrap(),
        before,
        "the existing PDF was changed"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        leftovers.len(),
        2,
        "no temporary file may remain: {leftovers:?}"
    );
    assert!(err.contains("error:"), "{err}");
    assert!(err.contains("nothing was written"), "{err}");
    for e in expected {
        assert!(err.contains(e), "expected {e:?} in:\n{err}");
    }
    err
}

#[test]
fn misspelt_table_name() {
    fails(
        format!("{HEAD}[[medicaton]]\nname = \"x\"\n").as_bytes(),
        &[
            "intake.toml:4:3",
            "unknown field `medicaton`",
            "did you mean `medications`?",
            "help:",
        ],
    );
}

#[test]
fn text_where_a_number_belongs() {
    fails(
        format!("{HEAD}[[diary]]\nnight = 2026-11-01\nseverity = \"high\"\n").as_bytes(),
        &[
            "intake.toml:6:12",
            "diary[0].severity",
            "expected a whole number",
            "help: `severity` is a whole number",
        ],
    );
}

#[test]
fn severity_twelve() {
    fails(
        format!("{HEAD}[[diary]]\nnight = 2026-11-01\nseverity = 12\n").as_bytes(),
        &[
            "intake.toml:6:12",
            "diary[0].severity",
            "severity 12 is outside the scale of 0 to 10",
            "help:",
        ],
    );
}

#[test]
fn february_thirtieth() {
    fails(
        b"guide = \"general\"\n[patient]\nname = \"Ann\"\nborn = 1956-02-30\n",
        &[
            "intake.toml:4:8",
            "patient.born",
            "1956-02-30 is not a real day: February 1956 has 29 days",
            "help:",
        ],
    );
}

#[test]
fn visit_before_birth() {
    fails(
        b"guide = \"general\"\n[patient]\nname = \"Ann\"\nborn = 1990-01-01\n[visit]\nwhen = 1980-05-05T10:00:00\n",
        &["intake.toml:6:8", "visit.when", "before the birth date", "help:"],
    );
}

#[test]
fn unknown_guide() {
    fails(
        b"guide = \"leg-cramps\"\n[patient]\nname = \"Ann\"\n",
        &[
            "intake.toml:1:9",
            "unknown guide `leg-cramps`",
            "nocturnal-leg-cramps, general",
        ],
    );
}

#[test]
fn unknown_answer_id() {
    fails(
        format!("{HEAD}[answers]\nsinse = \"two weeks\"\n").as_bytes(),
        &[
            "intake.toml:5:1",
            "answers.sinse",
            "did you mean `since`?",
            "help: rename it to `since`",
        ],
    );
}

#[test]
fn blank_name() {
    fails(
        b"guide = \"general\"\n[patient]\nname = \"   \"\n",
        &["intake.toml:3:8", "patient.name", "blank", "help:"],
    );
}

#[test]
fn missing_patient() {
    fails(
        b"guide = \"general\"\n",
        &["`patient` is missing", "add a [patient] table"],
    );
}

#[test]
fn unterminated_string() {
    fails(
        b"guide = \"general\"\n[patient]\nname = \"Ann\n",
        &[
            "intake.toml:3:12",
            "patient.name",
            "help: text goes between double quotes",
        ],
    );
}

#[test]
fn duplicate_key() {
    fails(
        b"guide = \"general\"\n[patient]\nname = \"Ann\"\nname = \"Bob\"\n",
        &[
            "intake.toml:4:1",
            "`name` appears twice in [patient]",
            "help:",
        ],
    );
}

#[test]
fn negative_minutes() {
    fails(
        format!("{HEAD}[[diary]]\nnight = 2026-11-01\nminutes = -3\n").as_bytes(),
        &[
            "intake.toml:6:11",
            "diary[0].minutes",
            "-3 minutes",
            "help:",
        ],
    );
}

#[test]
fn bare_key_after_medications() {
    fails(
        format!("{HEAD}[[medications]]\nname = \"x\"\nconditions = [\"asthma\"]\n").as_bytes(),
        &[
            "intake.toml:6:1",
            "medications[0].conditions",
            "landed in the last [[medications]] entry",
            "into [health]",
        ],
    );
}

#[test]
fn invalid_utf8() {
    fails(
        b"guide = \"general\"\n[patient]\nname = \"An\xff\xfen\"\n",
        &[
            "intake.toml:3:11",
            "not UTF-8",
            "help: save the file as UTF-8",
        ],
    );
}

#[test]
fn thirty_megabytes() {
    let big = vec![b'#'; 30 * 1024 * 1024];
    let started = std::time::Instant::now();
    fails(&big, &["at most 1 MiB", "intake.toml"]);
    // Refused before parsing: generous bound, this only guards against reading it all as TOML.
    assert!(started.elapsed().as_secs() < 10);
}

#[test]
fn all_semantic_problems_come_at_once() {
    let err = fails(
        b"guide = \"nocturnal-leg-cramps\"\n[patient]\nname = \"\"\npregnancy_week = 50\n\
          [answers]\nsinse = \"x\"\n[[diary]]\nnight = 2026-11-01\nseverity = 12\nminutes = 0\n",
        &[
            "blank",
            "pregnancy week 50",
            "did you mean `since`",
            "severity 12",
            "0 minutes",
        ],
    );
    assert!(err.contains("5 problems"), "{err}");
}

#[test]
fn the_intake_itself_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("intake.toml");
    std::fs::write(&path, HEAD).unwrap();
    let o = run(&[
        "render",
        path.to_str().unwrap(),
        "-o",
        path.to_str().unwrap(),
        "--force",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("over the intake file"),
        "{}",
        stderr(&o)
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), HEAD);
}

#[test]
fn a_file_that_is_not_a_pdf_needs_force() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("intake.toml");
    std::fs::write(&path, HEAD).unwrap();
    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "my own notes").unwrap();
    let o = run(&[
        "render",
        path.to_str().unwrap(),
        "-o",
        notes.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("not a PDF"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&notes).unwrap(), "my own notes");
    let o = run(&[
        "render",
        path.to_str().unwrap(),
        "-o",
        notes.to_str().unwrap(),
        "--force",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read(&notes).unwrap().starts_with(b"%PDF-"));
}

#[cfg(unix)]
#[test]
fn sheets_are_readable_by_their_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("s.pdf");
    render(&example("minimal.toml"), &out, &[]);
    let mode = std::fs::metadata(&out).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
}

#[test]
fn usage_errors_exit_with_two() {
    let o = run(&["render"]);
    assert_eq!(o.status.code(), Some(2));
    let o = run(&["render", "x.toml", "--paper", "a3"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn missing_characters_warn_with_code_point_and_field_and_strict_refuses() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("intake.toml");
    std::fs::write(&path, format!("{HEAD}[answers]\nsince = \"三个月\"\n")).unwrap();
    let out = dir.path().join("s.pdf");
    let o = render(&path, &out, &[]);
    let err = stderr(&o);
    assert!(
        err.contains("warning: `三` (U+4E09) in `answers.since`"),
        "{err}"
    );
    assert!(err.contains("--font"), "{err}");
    // The placeholder is drawn, but the text layer keeps what was written.
    assert!(
        pdf_text(&out).contains("三个月"),
        "the characters stay in the text"
    );

    let strict = dir.path().join("strict.pdf");
    let o = run(&[
        "render",
        path.to_str().unwrap(),
        "-o",
        strict.to_str().unwrap(),
        "--strict",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("error: `三` (U+4E09)"),
        "{}",
        stderr(&o)
    );
    assert!(!strict.exists());
}

#[test]
fn a_cjk_font_given_with_font_prints_chinese() {
    let candidates = [
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    ];
    let font = candidates
        .iter()
        .find(|p| std::path::Path::new(p).exists())
        .expect("a CJK font: apt-get install -y fonts-wqy-microhei");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("intake.toml");
    let text = format!("{HEAD}[answers]\nsince = \"三个月以前开始\"\n");
    std::fs::write(&path, &text).unwrap();
    let out = dir.path().join("s.pdf");
    let o = render(&path, &out, &["--font", font]);
    assert!(!stderr(&o).contains("warning"), "{}", stderr(&o));
    assert_nothing_lost(&text, &out);
    assert!(Pdf::load(&out).fonts().len() >= 3);
}

#[test]
fn a_font_that_cannot_be_embedded_is_refused_before_any_work() {
    let dir = tempfile::tempdir().unwrap();
    // Noto Sans with its outlines table cut to nothing: readable, but nothing to embed.
    let mut font = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts/NotoSans-Regular.ttf"),
    )
    .unwrap();
    let tables = usize::from(u16::from_be_bytes([font[4], font[5]]));
    let glyf = (0..tables)
        .map(|i| 12 + 16 * i)
        .find(|&r| &font[r..r + 4] == b"glyf")
        .unwrap();
    font[glyf + 12..glyf + 16].fill(0);
    let font_path = dir.path().join("broken.ttf");
    std::fs::write(&font_path, font).unwrap();

    let out = dir.path().join("s.pdf");
    std::fs::write(&out, b"%PDF-1.7 the old sheet").unwrap();
    let o = run(&[
        "render",
        example("minimal.toml").to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--font",
        font_path.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("broken.ttf cannot be embedded in the PDF: malformed font"),
        "{err}"
    );
    assert!(err.contains("help:"), "{err}");
    assert_eq!(std::fs::read(&out).unwrap(), b"%PDF-1.7 the old sheet");
}

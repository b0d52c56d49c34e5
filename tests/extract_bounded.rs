//! `extract` against PDFs made to do harm, and against sheets other tools saved again. A
//! hostile file is refused with its own reason, exit 1, within 2 seconds and 100 MB of
//! memory (measured by GNU time, as tests/hostile.rs does), and nothing is written; a sheet
//! re-saved by qpdf or MuPDF still gives its intake back byte for byte.

#![cfg(unix)]

mod common;

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{bin, example, proptest_config, render};
use proptest::prelude::*;

/// The bounds every refusal is held to.
const TIME: Duration = Duration::from_secs(2);
const MEMORY_KIB: i64 = 100 * 1000;
/// Past this a case has hung: it is killed and the test fails.
const HANG: Duration = Duration::from_secs(20);

struct Ran {
    code: Option<i32>,
    stderr: String,
    stdout: Vec<u8>,
    took: Duration,
    max_rss_kib: i64,
}

/// Runs `visitprep ARGS` in `dir` under GNU time, for its peak resident memory; kills it
/// (and fails) past [`HANG`].
fn run(args: &[&str], dir: &Path, stdin: Stdio) -> Ran {
    let measured = tempfile::NamedTempFile::new().unwrap();
    let cmd = bin();
    let mut timed = Command::new("/usr/bin/time");
    timed
        .args(["-f", "%M", "-o"])
        .arg(measured.path())
        .arg(cmd.get_program())
        .args(args)
        .current_dir(dir)
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in cmd.get_envs() {
        if let Some(v) = v {
            timed.env(k, v);
        }
    }
    std::os::unix::process::CommandExt::process_group(&mut timed, 0);
    let start = Instant::now();
    let mut child = timed
        .spawn()
        .expect("GNU time runs (apt-get install time; scripts/test.sh does)");
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = out.read_to_end(&mut v);
        v
    });
    let err = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = err.read_to_end(&mut v);
        v
    });
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > HANG {
            // SAFETY: killing the process group of our own child.
            unsafe { libc::kill(-(child.id() as libc::pid_t), libc::SIGKILL) };
            let _ = child.wait();
            panic!("extract {args:?} did not end within {HANG:?}");
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    let took = start.elapsed();
    let report = std::fs::read_to_string(measured.path()).unwrap();
    Ran {
        code: status.code(),
        stderr: String::from_utf8_lossy(&err.join().unwrap()).into_owned(),
        stdout: out.join().unwrap(),
        took,
        max_rss_kib: report
            .lines()
            .last()
            .and_then(|l| l.trim().parse().ok())
            .unwrap_or_else(|| panic!("no memory figure from GNU time: {report:?}")),
    }
}

/// Writes `pdf` into a fresh folder, extracts from it, and checks the bounds and that
/// nothing was written. Returns what it said.
fn refused(pdf: &[u8], expected: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("in.pdf"), pdf).unwrap();
    let ran = run(
        &["extract", "in.pdf", "-o", "out.toml"],
        dir.path(),
        Stdio::null(),
    );
    assert_bounded(&ran);
    assert_eq!(ran.code, Some(1), "{}", ran.stderr);
    assert!(ran.stderr.starts_with("error: in.pdf: "), "{}", ran.stderr);
    for e in expected {
        assert!(ran.stderr.contains(e), "expected {e:?} in:\n{}", ran.stderr);
    }
    assert!(
        !dir.path().join("out.toml").exists(),
        "nothing may be written"
    );
    ran.stderr
}

fn assert_bounded(ran: &Ran) {
    assert!(!ran.stderr.contains("panicked"), "{}", ran.stderr);
    assert!(ran.took < TIME, "took {:?}: {}", ran.took, ran.stderr);
    assert!(
        ran.max_rss_kib < MEMORY_KIB,
        "took {} KiB of memory: {}",
        ran.max_rss_kib,
        ran.stderr
    );
}

// --- Making PDFs by hand ----------------------------------------------------------------

/// An object's body: a dictionary, or a stream whose `/Length` is filled in.
fn stream(dict: &str, data: &[u8]) -> Vec<u8> {
    let mut v = format!("<<{dict}/Length {}>>\nstream\n", data.len()).into_bytes();
    v.extend_from_slice(data);
    v.extend_from_slice(b"\nendstream");
    v
}

fn zlib(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

/// About `mib` MiB of zeros as a zlib stream, written bit by bit: one literal zero, then
/// "copy 258 bytes from 1 back" over and over in fixed Huffman codes (RFC 1951, 3.2.6), 13
/// bits for every 258 bytes. Quick to make however large, unlike compressing the zeros.
fn bomb(mib: usize) -> Vec<u8> {
    struct Bits {
        out: Vec<u8>,
        acc: u64,
        n: u32,
    }
    impl Bits {
        fn put(&mut self, value: u64, count: u32) {
            self.acc |= value << self.n;
            self.n += count;
            while self.n >= 8 {
                self.out.push(self.acc as u8);
                self.acc >>= 8;
                self.n -= 8;
            }
        }
        /// A Huffman code goes most significant bit first.
        fn code(&mut self, code: u64, len: u32) {
            let reversed = (0..len).fold(0, |r, i| r << 1 | (code >> i & 1));
            self.put(reversed, len);
        }
    }
    let copies = (mib << 20) / 258;
    let mut bits = Bits {
        out: vec![0x78, 0x01],
        acc: 0,
        n: 0,
    };
    bits.put(1, 1); // the final block
    bits.put(1, 2); // fixed Huffman codes
    bits.code(0x30, 8); // the literal 0
    for _ in 0..copies {
        bits.code(0b1100_0101, 8); // length 258
        bits.code(0, 5); // distance 1
    }
    bits.code(0, 7); // end of block
    if bits.n > 0 {
        bits.put(0, 8 - bits.n);
    }
    let total = 1 + 258 * copies as u64;
    // Adler-32 of zeros: the sum stays 1, the sum of sums grows by 1 a byte.
    let adler = (total % 65521) << 16 | 1;
    bits.out.extend_from_slice(&(adler as u32).to_be_bytes());
    bits.out
}

/// A PDF of `objects` (numbered from 1) with a classic cross-reference table; `trailer`
/// adds to the trailer's `/Size` and `/Root 1 0 R`.
fn pdf(objects: &[Vec<u8>], trailer: &str) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<</Size {}/Root 1 0 R{trailer}>>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// An incremental update of `base`: `objects` (number, body; an empty body frees it) in a
/// section of their own whose `/Prev` is the base's.
fn updated(base: &[u8], objects: &[(u32, Vec<u8>)], size: u32) -> Vec<u8> {
    let text = String::from_utf8_lossy(&base[base.len().saturating_sub(64)..]).into_owned();
    let prev: usize = text
        .rsplit("startxref")
        .next()
        .and_then(|t| t.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .expect("the base ends with startxref");
    let root = {
        let all = String::from_utf8_lossy(base);
        let at = all.rfind("/Root ").expect("a /Root");
        all[at..].split_whitespace().nth(1).unwrap().to_string()
    };
    let mut out = base.to_vec();
    let mut table = String::from("xref\n");
    for (n, body) in objects {
        if body.is_empty() {
            table.push_str(&format!("{n} 1\n0000000000 00001 f \n"));
        } else {
            table.push_str(&format!("{n} 1\n{:010} 00000 n \n", out.len()));
            out.extend_from_slice(format!("{n} 0 obj\n").as_bytes());
            out.extend_from_slice(body);
            out.extend_from_slice(b"\nendobj\n");
        }
    }
    let xref = out.len();
    out.extend_from_slice(table.as_bytes());
    out.extend_from_slice(
        format!(
            "trailer\n<</Size {size}/Root {root} 0 R/Prev {prev}>>\nstartxref\n{xref}\n%%EOF\n"
        )
        .as_bytes(),
    );
    out
}

const INTAKE: &str = "guide = \"general\"\n[patient]\nname = \"Ann Example\"\n";

/// A file specification (object `n`'s body) for the stream in object `stream`.
fn spec(name: &str, stream: u32) -> Vec<u8> {
    format!("<</Type/Filespec/F({name})/UF({name})/EF<</F {stream} 0 R/UF {stream} 0 R>>>>")
        .into_bytes()
}

/// A PDF whose name tree (object 3) lists `names`, each for the file specification given.
/// Objects: 1 catalogue, 2 names, 3 tree, 4 the intake's stream, 5 its specification,
/// then `extra`.
fn with_tree(tree: &str, stream4: Vec<u8>, extra: &[Vec<u8>]) -> Vec<u8> {
    let mut objects = vec![
        b"<</Type/Catalog/Names 2 0 R>>".to_vec(),
        b"<</EmbeddedFiles 3 0 R>>".to_vec(),
        tree.as_bytes().to_vec(),
        stream4,
        spec("intake.toml", 4),
    ];
    objects.extend_from_slice(extra);
    pdf(&objects, "")
}

fn intake_stream(data: &[u8]) -> Vec<u8> {
    stream(
        "/Type/EmbeddedFile/Subtype/application#2Ftoml/Filter/FlateDecode",
        &zlib(data),
    )
}

fn good_pdf() -> Vec<u8> {
    with_tree(
        "<</Names[(intake.toml) 5 0 R]>>",
        intake_stream(INTAKE.as_bytes()),
        &[],
    )
}

/// The PDF with its objects 2 on packed into one object stream and a cross-reference
/// stream; object 2's dictionary is replaced by `names`.
fn packed(objects: &[Vec<u8>], objstm_data: Option<Vec<u8>>) -> Vec<u8> {
    // Object 1 the catalogue, 2..=k packed in object k+1, then the xref stream k+2.
    let k = objects.len() as u32;
    let mut header = String::new();
    let mut body = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        header.push_str(&format!("{} {} ", i + 2, body.len()));
        body.extend_from_slice(o);
        body.push(b'\n');
    }
    let mut data = header.into_bytes();
    let first = data.len();
    data.extend_from_slice(&body);
    let packed_data = objstm_data.unwrap_or_else(|| zlib(&data));
    let mut out = b"%PDF-1.7\n".to_vec();
    let catalog_at = out.len();
    out.extend_from_slice(b"1 0 obj\n<</Type/Catalog/Names 2 0 R>>\nendobj\n");
    let stm_at = out.len();
    out.extend_from_slice(format!("{} 0 obj\n", k + 2).as_bytes());
    out.extend_from_slice(&stream(
        &format!("/Type/ObjStm/N {k}/First {first}/Filter/FlateDecode"),
        &packed_data,
    ));
    out.extend_from_slice(b"\nendobj\n");
    let xref_at = out.len();
    let mut rows = vec![0u8, 0, 0, 0, 0, 0xFF, 0xFF];
    let mut row = |kind: u8, a: u32, b: u16| {
        rows.push(kind);
        rows.extend_from_slice(&a.to_be_bytes());
        rows.extend_from_slice(&b.to_be_bytes());
    };
    row(1, catalog_at as u32, 0);
    for i in 0..k {
        row(2, k + 2, i as u16);
    }
    row(1, stm_at as u32, 0);
    row(1, xref_at as u32, 0);
    out.extend_from_slice(format!("{} 0 obj\n", k + 3).as_bytes());
    out.extend_from_slice(&stream(
        &format!("/Type/XRef/Size {}/W[1 4 2]/Root 1 0 R", k + 4),
        &rows,
    ));
    out.extend_from_slice(format!("\nendobj\nstartxref\n{xref_at}\n%%EOF\n").as_bytes());
    out
}

#[test]
fn the_hand_made_pdfs_are_read_when_sound() {
    // The refusals below must be for what was changed, not for a fault of the builder.
    let files = visitprep::pdf::read::embedded_files(&good_pdf()).unwrap();
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].bytes, INTAKE.as_bytes());
    // The bomb maker's zeros are what zlib gives back.
    let mut zeros = Vec::new();
    flate2::read::ZlibDecoder::new(&bomb(1)[..])
        .read_to_end(&mut zeros)
        .unwrap();
    assert_eq!(zeros.len(), 1 + 258 * ((1 << 20) / 258));
    assert!(zeros.iter().all(|&b| b == 0));
    let objects = [
        b"<</EmbeddedFiles 3 0 R>>".to_vec(),
        b"<</Names[(intake.toml) 4 0 R]>>".to_vec(),
        b"<</Type/Filespec/EF<</F 5 0 R>>>>".to_vec(),
        b"<<>>".to_vec(),
    ];
    let pdf = packed(&objects, None);
    // qpdf, an independent reader, finds the packed objects where the builder put them.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("p.pdf"), &pdf).unwrap();
    let o = Command::new("qpdf")
        .args(["--show-object=4", "p.pdf"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&o.stdout);
    assert!(said.contains("/Type /Filespec"), "{said}");
    let ran = run(&["extract", "p.pdf", "-o", "-"], dir.path(), Stdio::null());
    assert!(
        ran.stderr
            .contains("cannot be taken out: its embedded file is not a stream"),
        "{}",
        ran.stderr
    );

    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("g.pdf"), good_pdf()).unwrap();
    let ran = run(&["extract", "g.pdf", "-o", "-"], dir.path(), Stdio::null());
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    assert_eq!(ran.stdout, INTAKE.as_bytes());
}

// --- Each hostile file, refused for its own reason --------------------------------------

#[test]
fn a_name_tree_node_that_is_its_own_kid_is_refused() {
    let pdf = with_tree("<</Kids[3 0 R]>>", intake_stream(b""), &[]);
    assert!(pdf.len() < 1024);
    refused(&pdf, &["refers back to a part of itself"]);
}

#[test]
fn a_name_tree_that_doubles_at_every_level_is_refused_at_once() {
    // Each node lists the next twice: 2^30 paths through 30 objects.
    let mut extra = Vec::new();
    for level in 0..30 {
        let next = 6 + level + 1;
        extra.push(format!("<</Kids[{next} 0 R {next} 0 R]>>").into_bytes());
    }
    extra.push(b"<</Names[(intake.toml) 5 0 R]>>".to_vec());
    let pdf = with_tree("<</Kids[6 0 R]>>", intake_stream(INTAKE.as_bytes()), &extra);
    refused(&pdf, &["refers back to a part of itself"]);
}

#[test]
fn a_deep_chain_of_kids_is_refused() {
    let mut extra = Vec::new();
    for level in 0..200 {
        extra.push(format!("<</Kids[{} 0 R]>>", 6 + level + 1).into_bytes());
    }
    extra.push(b"<</Names[(intake.toml) 5 0 R]>>".to_vec());
    let pdf = with_tree("<</Kids[6 0 R]>>", intake_stream(INTAKE.as_bytes()), &extra);
    refused(&pdf, &["nested more than 32 levels deep"]);
}

#[test]
fn a_deflate_bomb_in_an_object_stream_is_refused() {
    let objects = [b"<<>>".to_vec()];
    let pdf = packed(&objects, Some(bomb(1100)));
    // 7 MB that would unpack to 1.1 GB.
    assert!(pdf.len() < 8 << 20, "{} bytes", pdf.len());
    refused(&pdf, &["would unpack to more than 16 MiB"]);
}

#[test]
fn many_names_for_one_packed_stream_spend_one_budget() {
    // 2,000 names for one stream of 15 MiB: 30 GB if each were unpacked.
    let mut names = String::from("<</Names[");
    for i in 0..2000 {
        names.push_str(&format!("(file{i:04}) 5 0 R "));
    }
    names.push_str("]>>");
    let pdf = with_tree(
        &names,
        stream("/Type/EmbeddedFile/Filter/FlateDecode", &bomb(15)),
        &[],
    );
    let said = refused(&pdf, &["carries no intake", "file0000", "and 1990 more"]);
    assert!(said.len() < 2000, "{said}");
    // The library, asked for all of them, stops at the budget: two files of 15 MiB.
    let files = visitprep::pdf::read::attached_files(&pdf, |_| true).unwrap();
    let read: Vec<_> = files
        .iter()
        .filter(|f| matches!(f.file, Some(Ok(_))))
        .collect();
    assert_eq!(read.len(), 2);
    assert!(matches!(
        files[2].file,
        Some(Err(visitprep::FileProblem::OverBudget(_)))
    ));
}

#[test]
fn an_attached_file_over_the_limit_is_refused_for_its_size() {
    let pdf = with_tree(
        "<</Names[(intake.toml) 5 0 R]>>",
        stream("/Type/EmbeddedFile/Filter/FlateDecode", &bomb(40)),
        &[],
    );
    refused(
        &pdf,
        &["cannot be taken out: it unpacks to more than 16 MiB"],
    );
}

#[test]
fn a_length_that_names_no_object_is_refused() {
    let mut s = b"<</Type/EmbeddedFile/Length 99 0 R>>\nstream\n".to_vec();
    s.extend_from_slice(INTAKE.as_bytes());
    s.extend_from_slice(b"\nendstream");
    let pdf = with_tree("<</Names[(intake.toml) 5 0 R]>>", s, &[]);
    refused(&pdf, &["/Length is missing or names no object"]);
}

#[test]
fn an_unsupported_filter_is_named() {
    let pdf = with_tree(
        "<</Names[(intake.toml) 5 0 R]>>",
        stream("/Type/EmbeddedFile/Filter/LZWDecode", b"\x80\x0b\x60\x50"),
        &[],
    );
    refused(&pdf, &["packed with /LZWDecode, which is not read"]);
}

#[test]
fn an_encrypted_pdf_is_said_to_be_encrypted() {
    let mut objects = vec![
        b"<</Type/Catalog/Names 2 0 R>>".to_vec(),
        b"<</EmbeddedFiles 3 0 R>>".to_vec(),
        b"<</Names[(intake.toml) 5 0 R]>>".to_vec(),
        intake_stream(INTAKE.as_bytes()),
        spec("intake.toml", 4),
    ];
    objects.push(b"<</Filter/Standard/V 2/R 3/Length 128/O<00>/U<00>/P -4>>".to_vec());
    let pdf = pdf(&objects, "/Encrypt 6 0 R/ID[<01><01>]");
    let said = refused(
        &pdf,
        &["encrypted (protected by a password)", "qpdf --decrypt"],
    );
    assert!(!said.contains("no attached files"), "{said}");
}

#[test]
fn an_attachment_removed_by_a_later_update_is_not_taken_from_the_old_one() {
    let base = good_pdf();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("b.pdf"), &base).unwrap();
    let ran = run(&["extract", "b.pdf", "-o", "-"], dir.path(), Stdio::null());
    assert_eq!(ran.stdout, INTAKE.as_bytes(), "{}", ran.stderr);

    // The update frees the stream: the entry points to no file any more.
    refused(
        &updated(&base, &[(4, Vec::new())], 6),
        &["entry points to no file"],
    );
    // The update gives the name tree without the intake: it carries none.
    let tree = b"<</Names[(notes.txt) 5 0 R]>>".to_vec();
    refused(
        &updated(&base, &[(3, tree)], 6),
        &["carries no intake", "notes.txt"],
    );
    // A newer intake replaces the old one: the newer is given.
    let newer = "guide = \"general\"\n[patient]\nname = \"Ann Newer\"\n";
    let pdf = updated(&base, &[(4, intake_stream(newer.as_bytes()))], 6);
    std::fs::write(dir.path().join("n.pdf"), &pdf).unwrap();
    let ran = run(&["extract", "n.pdf", "-o", "-"], dir.path(), Stdio::null());
    assert_eq!(
        String::from_utf8_lossy(&ran.stdout),
        newer,
        "{}",
        ran.stderr
    );
}

#[test]
fn two_intakes_are_refused_rather_than_one_taken() {
    let pdf = with_tree(
        "<</Names[(intake.toml) 5 0 R (intake.toml) 6 0 R]>>",
        intake_stream(INTAKE.as_bytes()),
        &[spec("intake.toml", 4)],
    );
    refused(&pdf, &["carries 2 files named intake.toml"]);
}

#[test]
fn an_intake_that_check_would_refuse_is_not_written() {
    let cases: [(Vec<u8>, &[&str]); 5] = [
        (b"\xFF\xFE\x00binary".to_vec(), &["not UTF-8 text"]),
        (
            b"[patient\nname = 1".to_vec(),
            &["problem", "nothing was written"],
        ),
        (
            b"guide = \"general\"\n[patient]\nname = 5\n".to_vec(),
            &["patient.name", ":3:8", "nothing was written"],
        ),
        (
            {
                let mut big = INTAKE.as_bytes().to_vec();
                big.extend(std::iter::repeat_n(b'#', 2 << 20));
                big
            },
            &["an intake may be at most 1 MiB"],
        ),
        (Vec::new(), &["nothing was written"]),
    ];
    for (intake, expected) in cases {
        let pdf = with_tree(
            "<</Names[(intake.toml) 5 0 R]>>",
            intake_stream(&intake),
            &[],
        );
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("in.pdf"), &pdf).unwrap();
        let ran = run(
            &["extract", "in.pdf", "-o", "out.toml"],
            dir.path(),
            Stdio::null(),
        );
        assert_bounded(&ran);
        assert_eq!(ran.code, Some(1), "{}", ran.stderr);
        for e in expected {
            assert!(ran.stderr.contains(e), "expected {e:?} in:\n{}", ran.stderr);
        }
        assert!(!dir.path().join("out.toml").exists());
        // `check` refuses the same bytes, or they are not even text.
        std::fs::write(dir.path().join("same.toml"), &intake).unwrap();
        let o = bin()
            .args(["check", "same.toml"])
            .current_dir(dir.path())
            .output()
            .unwrap();
        assert_eq!(
            o.status.code(),
            Some(1),
            "check accepts what extract refused"
        );
    }
}

#[test]
fn hostile_names_are_printed_escaped_and_short() {
    let long = "n".repeat(200_000);
    let tree =
        format!("<</Names[(\x1b]0;owned\x07\x1b[6n) 6 0 R (a\\000b) 6 0 R ({long}) 6 0 R]>>");
    let pdf = with_tree(&tree, intake_stream(b""), &[spec("x", 4)]);
    let said = refused(
        &pdf,
        &[
            "carries no intake",
            "\\u{1b}]0;owned\\u{7}",
            "a\\u{0}b",
            "nnn…",
        ],
    );
    assert!(!said.contains(['\x1b', '\x07', '\0']), "{said:?}");
    assert!(said.len() < 1000, "{} bytes said", said.len());
}

// --- Inputs that are no file ------------------------------------------------------------

#[test]
fn streams_devices_and_pipes_are_read_through_the_bounded_reader() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let sheet = d.join("s.pdf");
    render(&example("minimal.toml"), &sheet, &[]);
    std::fs::copy(example("minimal.toml"), d.join("mine.toml")).unwrap();
    assert!(Command::new("mkfifo")
        .arg(d.join("pipe.pdf"))
        .status()
        .unwrap()
        .success());
    let before = names_in(d);
    for (args, expected) in [
        (
            &["extract", "/dev/zero", "-o", "z.toml"][..],
            "/dev/zero: it is not a PDF file",
        ),
        (
            &["extract", "mine.toml"][..],
            "mine.toml: it is not a PDF file",
        ),
        (
            &["extract", "pipe.pdf", "-o", "p.toml"][..],
            "named pipe (FIFO) that nothing writes to",
        ),
        (&["extract", "/dev/stdin"][..], "has no name to give"),
        (&["extract", "-"][..], "has no name to give"),
    ] {
        let stdin = Stdio::from(std::fs::File::open(&sheet).unwrap());
        let ran = run(args, d, stdin);
        assert_bounded(&ran);
        assert_eq!(ran.code, Some(1), "{args:?}: {}", ran.stderr);
        assert!(ran.stderr.contains(expected), "{args:?}: {}", ran.stderr);
    }
    assert_eq!(names_in(d), before, "nothing may be written");
    // Endless zeros on standard input: refused from the first kilobyte.
    let ran = run(
        &["extract", "-", "-o", "z.toml"],
        d,
        Stdio::from(std::fs::File::open("/dev/zero").unwrap()),
    );
    assert_bounded(&ran);
    assert!(
        ran.stderr.contains("it is not a PDF file"),
        "{}",
        ran.stderr
    );
    // A PDF header, then endless zeros: refused at the size limit.
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg("{ printf '%%PDF-1.7\\n'; head -c 40000000 /dev/zero; }");
    let mut feeder = cmd.stdout(Stdio::piped()).spawn().unwrap();
    let fed = Stdio::from(feeder.stdout.take().unwrap());
    let ran = run(&["extract", "-", "-o", "z.toml"], d, fed);
    let _ = feeder.kill();
    let _ = feeder.wait();
    assert_bounded(&ran);
    assert!(ran.stderr.contains("larger than 32 MiB"), "{}", ran.stderr);
    // From standard input with -o, and through a pipe that has a writer, the intake is given.
    for args in [
        &["extract", "-", "-o", "-"][..],
        &["extract", "/dev/stdin", "-o", "-"][..],
    ] {
        let ran = run(args, d, Stdio::from(std::fs::File::open(&sheet).unwrap()));
        assert_eq!(ran.code, Some(0), "{}", ran.stderr);
        assert_eq!(ran.stdout, std::fs::read(example("minimal.toml")).unwrap());
    }
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

// --- Sheets saved again by other tools ----------------------------------------------------

fn tool(program: &str, args: &[&str], dir: &Path) {
    let o = Command::new(program)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| panic!("{program} runs (scripts/test.sh installs it): {e}"));
    // qpdf exits 3 for warnings; anything else is a failure.
    assert!(
        o.status.success() || o.status.code() == Some(3),
        "{program} {args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn sheets_saved_again_by_qpdf_and_mupdf_still_give_their_intake_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for name in ["complete.toml", "international.toml"] {
        let intake = std::fs::read(example(name)).unwrap();
        render(&example(name), &d.join("s.pdf"), &[]);
        tool(
            "qpdf",
            &["--object-streams=generate", "s.pdf", "objstm.pdf"],
            d,
        );
        tool("qpdf", &["--qdf", "s.pdf", "qdf.pdf"], d);
        tool(
            "qpdf",
            &["--object-streams=disable", "s.pdf", "classic.pdf"],
            d,
        );
        tool(
            "qpdf",
            &[
                "--linearize",
                "--object-streams=generate",
                "s.pdf",
                "linear.pdf",
            ],
            d,
        );
        tool("mutool", &["clean", "-gggg", "s.pdf", "mu.pdf"], d);
        tool(
            "mutool",
            &["clean", "-gggg", "-z", "objstm.pdf", "muz.pdf"],
            d,
        );
        // An incremental update appended to each: the sheet as saved last.
        let mut saved: Vec<(String, Vec<u8>)> = Vec::new();
        for f in [
            "s.pdf",
            "objstm.pdf",
            "qdf.pdf",
            "classic.pdf",
            "linear.pdf",
            "mu.pdf",
            "muz.pdf",
        ] {
            saved.push((f.into(), std::fs::read(d.join(f)).unwrap()));
        }
        let classic = std::fs::read(d.join("classic.pdf")).unwrap();
        let size: u32 = 9000;
        let appended = updated(
            &classic,
            &[(size - 1, b"<</Note(appended by a later save)>>".to_vec())],
            size,
        );
        saved.push(("appended.pdf".into(), appended));
        for (file, bytes) in saved {
            let path = d.join(format!("again-{file}"));
            std::fs::write(&path, bytes).unwrap();
            let out = d.join(format!("{name}-{file}.toml"));
            let ran = run(
                &[
                    "extract",
                    path.to_str().unwrap(),
                    "-o",
                    out.to_str().unwrap(),
                ],
                d,
                Stdio::null(),
            );
            assert_eq!(ran.code, Some(0), "{name} {file}: {}", ran.stderr);
            assert!(
                std::fs::read(&out).unwrap() == intake,
                "{name} {file}: the intake differs"
            );
            // What extract writes, check accepts.
            let o = bin().arg("check").arg(&out).output().unwrap();
            assert!(
                o.status.success(),
                "{name} {file}: {}",
                String::from_utf8_lossy(&o.stderr)
            );
        }
    }
}

// --- Generated hostile PDFs ----------------------------------------------------------------

/// A hostile PDF of one of the kinds above, its size and shape drawn by proptest.
#[derive(Debug, Clone)]
enum Hostile {
    /// Node `at` of a chain of `len` lists node `back` as a kid too.
    Loop { len: usize, at: usize, back: usize },
    /// Each of `levels` nodes lists the next `fan` times.
    Fan { levels: usize, fan: usize },
    /// A chain of kids `len` deep.
    Deep { len: usize },
    /// `names` entries for one packed stream of `mib` MiB.
    Many { names: usize, mib: usize },
    /// An object stream of `mib` MiB of zeros.
    Bomb { mib: usize },
    /// The intake's `/Length` as given.
    Length { length: String },
    /// Encrypted, with `/Encrypt` as given.
    Encrypted { dict: String },
}

fn hostile() -> impl Strategy<Value = Hostile> {
    prop_oneof![
        (2..30usize, 0..30usize, 0..30usize).prop_map(|(len, at, back)| Hostile::Loop {
            len,
            at: at % len,
            back: back % len
        }),
        (20..31usize, 2..5usize).prop_map(|(levels, fan)| Hostile::Fan { levels, fan }),
        (33..400usize).prop_map(|len| Hostile::Deep { len }),
        (100..5000usize, 1..20usize).prop_map(|(names, mib)| Hostile::Many { names, mib }),
        prop::sample::select(vec![17usize, 64, 1100]).prop_map(|mib| Hostile::Bomb { mib }),
        prop::sample::select(vec![
            "99 0 R",
            "-5",
            "999999999",
            "(x)",
            "5 0 R",
            "0",
            "1 0 R"
        ])
        .prop_map(|l| Hostile::Length {
            length: l.to_string()
        }),
        prop::sample::select(vec!["<<>>", "6 0 R", "99 0 R"]).prop_map(|d| Hostile::Encrypted {
            dict: d.to_string()
        }),
    ]
}

fn make(h: &Hostile) -> Vec<u8> {
    let chain = |len: usize, extra_kid: Option<(usize, usize)>| {
        let mut nodes = Vec::new();
        for i in 0..len {
            let mut kids = if i + 1 < len {
                format!("{} 0 R", 6 + i + 1)
            } else {
                String::new()
            };
            if let Some((at, back)) = extra_kid {
                if at == i {
                    kids.push_str(&format!(" {} 0 R", 6 + back));
                }
            }
            nodes.push(if i + 1 == len && extra_kid.is_none_or(|(at, _)| at != i) {
                b"<</Names[(intake.toml) 5 0 R]>>".to_vec()
            } else {
                format!("<</Kids[{kids}]>>").into_bytes()
            });
        }
        with_tree("<</Kids[6 0 R]>>", intake_stream(INTAKE.as_bytes()), &nodes)
    };
    match h {
        Hostile::Loop { len, at, back } => chain(*len, Some((*at, *back))),
        Hostile::Fan { levels, fan } => {
            let mut nodes = Vec::new();
            for i in 0..*levels {
                let kid = format!("{} 0 R ", 6 + i + 1);
                nodes.push(format!("<</Kids[{}]>>", kid.repeat(*fan)).into_bytes());
            }
            nodes.push(b"<</Names[(intake.toml) 5 0 R]>>".to_vec());
            with_tree("<</Kids[6 0 R]>>", intake_stream(INTAKE.as_bytes()), &nodes)
        }
        Hostile::Deep { len } => chain(*len, None),
        Hostile::Many { names, mib } => {
            let mut tree = String::from("<</Names[");
            for i in 0..*names {
                tree.push_str(&format!("(f{i}) 5 0 R (intake.toml) 5 0 R "));
            }
            tree.push_str("]>>");
            with_tree(
                &tree,
                stream("/Type/EmbeddedFile/Filter/FlateDecode", &bomb(*mib)),
                &[],
            )
        }
        Hostile::Bomb { mib } => packed(&[b"<<>>".to_vec()], Some(bomb(*mib))),
        Hostile::Length { length } => {
            let data = zlib(INTAKE.as_bytes());
            let mut s =
                format!("<</Type/EmbeddedFile/Filter/FlateDecode/Length {length}>>\nstream\n")
                    .into_bytes();
            s.extend_from_slice(&data);
            s.extend_from_slice(b"\nendstream");
            with_tree("<</Names[(intake.toml) 5 0 R]>>", s, &[])
        }
        Hostile::Encrypted { dict } => {
            let objects = [
                b"<</Type/Catalog/Names 2 0 R>>".to_vec(),
                b"<</EmbeddedFiles 3 0 R>>".to_vec(),
                b"<</Names[(intake.toml) 5 0 R]>>".to_vec(),
                intake_stream(INTAKE.as_bytes()),
                spec("intake.toml", 4),
                b"<</Filter/Standard/V 1/R 2/O<00>/U<00>/P -4>>".to_vec(),
            ];
            pdf(&objects, &format!("/Encrypt {dict}"))
        }
    }
}

proptest! {
    #![proptest_config(proptest_config(24, "proptest-regressions/extract_bounded.txt"))]

    /// Whatever the shape, extract ends in time and memory: refused with a reason of
    /// its own, or (a loop placed where it is never followed) the intake given as is.
    #[test]
    fn generated_hostile_pdfs_are_refused_within_the_bounds(h in hostile()) {
        let pdf = make(&h);
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("in.pdf"), &pdf).unwrap();
        let ran = run(&["extract", "in.pdf", "-o", "out.toml"], dir.path(), Stdio::null());
        assert_bounded(&ran);
        let out = dir.path().join("out.toml");
        match ran.code {
            Some(0) => prop_assert_eq!(std::fs::read(&out).unwrap(), INTAKE.as_bytes()),
            Some(1) => {
                prop_assert!(!out.exists());
                prop_assert!(ran.stderr.starts_with("error: in.pdf: "), "{}", ran.stderr);
                prop_assert!(!ran.stderr.contains("no attached files"), "{}", ran.stderr);
                let reason = match &h {
                    Hostile::Loop { .. } | Hostile::Fan { .. } => "refers back to a part of itself",
                    Hostile::Deep { .. } => "nested more than 32 levels deep",
                    Hostile::Many { .. } => "files named intake.toml",
                    Hostile::Bomb { .. } => "would unpack to more than 16 MiB",
                    Hostile::Length { .. } => "/Length",
                    Hostile::Encrypted { .. } => "encrypted",
                };
                prop_assert!(ran.stderr.contains(reason), "{:?}: {}", h, ran.stderr);
            }
            other => prop_assert!(false, "exit {:?}: {}", other, ran.stderr),
        }
    }
}

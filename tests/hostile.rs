//! Input as a hostile or careless user gives it: endless devices and pipes, device nodes and
//! FIFOs as the output, intakes written over by their own batch, guide paths that name any
//! file, impossible facts, signals in the middle of a batch. Each case asserts the message,
//! the exit code, and that nothing was written or changed.

#![cfg(unix)]

mod common;

use std::io::{Read, Write};
use std::os::unix::fs::FileTypeExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{bin, example};

/// Past this a case has hung: the child is killed and the test fails, so CI never hangs.
const HANG: Duration = Duration::from_secs(10);
/// The most memory (resident, in KiB) a refusal may take.
const REFUSAL_KIB: i64 = 50 * 1024;

struct Ran {
    code: Option<i32>,
    stdout: Vec<u8>,
    stderr: String,
    /// Peak resident memory of the child, from the kernel's own accounting (`wait4`).
    max_rss_kib: i64,
}

/// Runs `cmd` to its end (killing it and failing after [`HANG`]), with its peak memory as
/// GNU time measures it. (The kernel's figure for a child of this test would start at the
/// test's own size, which other tests running beside it make large.)
fn run_bounded(cmd: Command, stdin: Stdio) -> Ran {
    let time = Path::new("/usr/bin/time");
    assert!(
        time.exists(),
        "GNU time measures the memory: install it (apt-get install time; scripts/test.sh does)"
    );
    let measured = tempfile::NamedTempFile::new().unwrap();
    let mut timed = Command::new(time);
    timed
        .args(["-f", "%M", "-o"])
        .arg(measured.path())
        .arg(cmd.get_program())
        .args(cmd.get_args());
    for (k, v) in cmd.get_envs() {
        match v {
            Some(v) => timed.env(k, v),
            None => timed.env_remove(k),
        };
    }
    if let Some(dir) = cmd.get_current_dir() {
        timed.current_dir(dir);
    }
    // A group of its own, so that a hung run is killed whole.
    std::os::unix::process::CommandExt::process_group(&mut timed, 0);
    let mut child = timed
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("GNU time runs");
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let out_reader = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = out.read_to_end(&mut v);
        v
    });
    let err_reader = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = err.read_to_end(&mut v);
        v
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > HANG {
            // SAFETY: killing the process group of our own child.
            unsafe {
                libc::kill(-(child.id() as libc::pid_t), libc::SIGKILL);
            }
            let _ = child.wait();
            panic!("{cmd:?} did not end within {HANG:?}");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let report = std::fs::read_to_string(measured.path()).unwrap();
    let max_rss_kib = report
        .lines()
        .last()
        .and_then(|l| l.trim().parse().ok())
        .unwrap_or_else(|| panic!("no memory figure from GNU time: {report:?}"));
    Ran {
        code: status.code(),
        stdout: out_reader.join().unwrap(),
        stderr: String::from_utf8_lossy(&err_reader.join().unwrap()).into_owned(),
        max_rss_kib,
    }
}

fn visitprep(args: &[&str], dir: &Path) -> Command {
    let mut cmd = bin();
    cmd.args(args).current_dir(dir);
    cmd
}

/// Every file in `dir`, by name, with its bytes (folders and special files by their kind).
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut all: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let name = e.file_name().to_string_lossy().into_owned();
            let meta = std::fs::symlink_metadata(e.path()).unwrap();
            let t = meta.file_type();
            let content = if t.is_symlink() {
                format!(
                    "link to {}",
                    std::fs::read_link(e.path()).unwrap().display()
                )
                .into_bytes()
            } else if t.is_file() {
                std::fs::read(e.path()).unwrap()
            } else {
                format!("{t:?}").into_bytes()
            };
            (name, content)
        })
        .collect();
    all.sort();
    all
}

/// An intake (the complete example) in a fresh folder, as `x.toml`.
fn folder_with_intake() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let intake = dir.path().join("x.toml");
    std::fs::copy(example("complete.toml"), &intake).unwrap();
    (dir, intake)
}

fn devnull() -> Stdio {
    Stdio::null()
}

fn from_file(path: &str) -> Stdio {
    Stdio::from(std::fs::File::open(path).unwrap())
}

fn assert_refused_quickly(ran: &Ran, expected: &[&str]) {
    assert_eq!(ran.code, Some(1), "{}", ran.stderr);
    for e in expected {
        assert!(ran.stderr.contains(e), "expected {e:?} in:\n{}", ran.stderr);
    }
    assert!(
        ran.max_rss_kib < REFUSAL_KIB,
        "took {} KiB of memory to refuse",
        ran.max_rss_kib
    );
}

// --- 1. Endless and huge input ------------------------------------------------------------

#[test]
fn dev_zero_as_the_intake_is_refused_at_once() {
    let (dir, _) = folder_with_intake();
    let before = snapshot(dir.path());
    for args in [
        &["render", "/dev/zero", "-o", "z.pdf"][..],
        &["check", "/dev/zero"][..],
    ] {
        let ran = run_bounded(visitprep(args, dir.path()), devnull());
        assert_refused_quickly(&ran, &["/dev/zero", "larger than 1 MiB"]);
    }
    assert_eq!(snapshot(dir.path()), before, "nothing may be written");
}

#[test]
fn dev_zero_on_standard_input_is_refused_at_once() {
    let (dir, _) = folder_with_intake();
    let before = snapshot(dir.path());
    let ran = run_bounded(
        visitprep(&["render", "-", "-o", "z.pdf"], dir.path()),
        from_file("/dev/zero"),
    );
    assert_refused_quickly(&ran, &["<stdin>", "larger than 1 MiB"]);
    let ran = run_bounded(
        visitprep(&["render", "/dev/stdin", "-o", "z.pdf"], dir.path()),
        from_file("/dev/zero"),
    );
    assert_refused_quickly(&ran, &["larger than 1 MiB"]);
    let ran = run_bounded(
        visitprep(&["interview", "-o", "i.toml"], dir.path()),
        from_file("/dev/zero"),
    );
    assert_refused_quickly(&ran, &["longer than 1 MiB", "nothing was written"]);
    assert_eq!(snapshot(dir.path()), before, "nothing may be written");
}

#[test]
fn a_big_intake_piped_in_is_refused_like_the_file() {
    let (dir, intake) = folder_with_intake();
    // 30 MB: a valid intake with an endless comment.
    let mut big = std::fs::read(&intake).unwrap();
    big.extend(std::iter::repeat_n(b'#', 30 * 1024 * 1024));
    let big_file = dir.path().join("big.toml");
    std::fs::write(&big_file, &big).unwrap();
    let before = snapshot(dir.path());
    let ran = run_bounded(
        visitprep(&["render", "big.toml", "-o", "p.pdf"], dir.path()),
        devnull(),
    );
    assert_refused_quickly(&ran, &["big.toml", "at most 1 MiB"]);
    let mut cmd = visitprep(&["render", "/dev/stdin", "-o", "p.pdf"], dir.path());
    cmd.stdin(Stdio::piped());
    let ran = run_bounded(cmd, from_file(big_file.to_str().unwrap()));
    assert_refused_quickly(&ran, &["at most 1 MiB"]);
    assert_eq!(snapshot(dir.path()), before, "nothing may be written");
}

#[test]
fn a_fifo_fed_by_yes_is_refused_at_once() {
    let (dir, _) = folder_with_intake();
    let fifo = dir.path().join("endless.toml");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let mut yes = Command::new("sh")
        .arg("-c")
        .arg("exec yes > endless.toml")
        .current_dir(dir.path())
        .spawn()
        .unwrap();
    let before = snapshot(dir.path());
    let ran = run_bounded(
        visitprep(&["render", "endless.toml", "-o", "y.pdf"], dir.path()),
        devnull(),
    );
    let _ = yes.kill();
    let _ = yes.wait();
    assert_refused_quickly(&ran, &["endless.toml", "larger than 1 MiB"]);
    assert_eq!(snapshot(dir.path()), before, "nothing may be written");
}

#[test]
fn dev_zero_as_the_guide_is_refused_at_once() {
    let (dir, _) = folder_with_intake();
    std::fs::write(
        dir.path().join("g.toml"),
        "guide = \"/dev/zero\"\n[patient]\nname = \"Ann\"\n",
    )
    .unwrap();
    let before = snapshot(dir.path());
    for args in [&["render", "g.toml"][..], &["check", "g.toml"][..]] {
        let ran = run_bounded(visitprep(args, dir.path()), devnull());
        assert_refused_quickly(&ran, &["g.toml:1:9", "is a device, not a guide file"]);
    }
    let ran = run_bounded(
        visitprep(&["new", "--guide", "/dev/zero"], dir.path()),
        devnull(),
    );
    assert_refused_quickly(&ran, &["is a device, not a guide file"]);
    assert_eq!(snapshot(dir.path()), before, "nothing may be written");
}

#[test]
fn dev_zero_as_the_font_is_refused_at_once() {
    let (dir, _) = folder_with_intake();
    let before = snapshot(dir.path());
    let ran = run_bounded(
        visitprep(
            &["render", "x.toml", "-o", "f.pdf", "--font", "/dev/zero"],
            dir.path(),
        ),
        devnull(),
    );
    assert_refused_quickly(
        &ran,
        &[
            "/dev/zero",
            "not a TrueType or OpenType font",
            "nothing was written",
        ],
    );
    assert_eq!(snapshot(dir.path()), before, "nothing may be written");
}

#[test]
fn a_font_over_64_mib_is_refused_and_a_30_mb_font_is_used() {
    let (dir, intake) = folder_with_intake();
    let cjk = Path::new("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");
    // A real font padded to 30 MB (a CJK font's size) loads: its tables are read by offset.
    let mut font = std::fs::read(cjk).expect("fonts-wqy-microhei is installed");
    font.resize(30 * 1024 * 1024, 0);
    std::fs::write(dir.path().join("big.ttc"), &font).unwrap();
    std::fs::write(
        &intake,
        "guide = \"general\"\n[patient]\nname = \"王小明\"\n[health]\nnotes = \"腿抽筋\"\n",
    )
    .unwrap();
    let ran = run_bounded(
        visitprep(
            &["render", "x.toml", "-o", "cjk.pdf", "--font", "big.ttc"],
            dir.path(),
        ),
        devnull(),
    );
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    let pdf_text = common::pdf_text(&dir.path().join("cjk.pdf"));
    assert!(pdf_text.contains("腿抽筋"), "{pdf_text}");

    font.resize(64 * 1024 * 1024 + 1, 0);
    std::fs::write(dir.path().join("huge.ttc"), &font).unwrap();
    let ran = run_bounded(
        visitprep(
            &["render", "x.toml", "-o", "huge.pdf", "--font", "huge.ttc"],
            dir.path(),
        ),
        devnull(),
    );
    assert_refused_quickly(&ran, &["huge.ttc", "larger than 64 MiB"]);
    assert!(!dir.path().join("huge.pdf").exists());
}

// --- 2. and 3. Device nodes and FIFOs as the output -----------------------------------------

#[test]
fn a_device_node_survives_force() {
    let (dir, _) = folder_with_intake();
    // Through a link in the test's own folder: were it replaced, the link would be.
    std::os::unix::fs::symlink("/dev/null", dir.path().join("null.pdf")).unwrap();
    let before = snapshot(dir.path());
    for out in ["null.pdf", "/dev/null"] {
        for force in [false, true] {
            let mut args = vec!["render", "x.toml", "-o", out];
            if force {
                args.push("--force");
            }
            let ran = run_bounded(visitprep(&args, dir.path()), devnull());
            assert_eq!(ran.code, Some(1), "{}", ran.stderr);
            assert!(
                ran.stderr
                    .contains("is a device, not a file; refusing to write to it"),
                "{}",
                ran.stderr
            );
            assert!(!ran.stderr.contains("--force"), "{}", ran.stderr);
        }
    }
    assert_eq!(snapshot(dir.path()), before, "the link must stay a link");
    let meta = std::fs::metadata("/dev/null").unwrap();
    assert!(meta.file_type().is_char_device());
}

#[test]
fn a_fifo_as_the_output_is_refused_without_waiting() {
    let (dir, _) = folder_with_intake();
    assert!(Command::new("mkfifo")
        .arg(dir.path().join("f.pdf"))
        .status()
        .unwrap()
        .success());
    let before = snapshot(dir.path());
    for force in [false, true] {
        let mut args = vec!["render", "x.toml", "-o", "f.pdf"];
        if force {
            args.push("--force");
        }
        let ran = run_bounded(visitprep(&args, dir.path()), devnull());
        assert_eq!(ran.code, Some(1), "{}", ran.stderr);
        assert!(
            ran.stderr
                .contains("f.pdf is a named pipe (FIFO), not a file"),
            "{}",
            ran.stderr
        );
        assert!(ran.stderr.contains("-o -"), "{}", ran.stderr);
        assert!(!ran.stderr.contains("--force"), "{}", ran.stderr);
    }
    assert_eq!(snapshot(dir.path()), before);
    let t = std::fs::metadata(dir.path().join("f.pdf"))
        .unwrap()
        .file_type();
    assert!(t.is_fifo());
}

fn pdfinfo_pages(pdf: &[u8]) -> usize {
    let mut child = Command::new("pdfinfo")
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("pdfinfo runs (poppler-utils)");
    child.stdin.take().unwrap().write_all(pdf).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let info = String::from_utf8_lossy(&out.stdout);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no page count in {info}"))
}

// --- 9. Pipes -------------------------------------------------------------------------------

#[test]
fn dash_o_dash_and_dev_stdout_write_the_pdf_to_a_pipe() {
    let (dir, _) = folder_with_intake();
    let before = snapshot(dir.path());
    let file = common::run(&[
        "render",
        dir.path().join("x.toml").to_str().unwrap(),
        "-o",
        dir.path().join("file.pdf").to_str().unwrap(),
    ]);
    assert!(file.status.success());
    let as_file = std::fs::read(dir.path().join("file.pdf")).unwrap();
    std::fs::remove_file(dir.path().join("file.pdf")).unwrap();
    for out in ["-", "/dev/stdout"] {
        let ran = run_bounded(
            visitprep(&["render", "x.toml", "-o", out], dir.path()),
            devnull(),
        );
        assert_eq!(ran.code, Some(0), "{}", ran.stderr);
        let pages = pdfinfo_pages(&ran.stdout);
        assert!(pages > 1, "{pages} pages");
        assert!(
            ran.stderr
                .contains(&format!("wrote the PDF to standard output ({pages} pages)")),
            "{}",
            ran.stderr
        );
        assert_eq!(
            ran.stdout, as_file,
            "the stream is the same PDF as the file"
        );
    }
    assert_eq!(snapshot(dir.path()), before, "no file named - or other");
}

#[test]
fn dash_o_dash_refuses_a_terminal() {
    let (dir, _) = folder_with_intake();
    let before = snapshot(dir.path());
    let command = format!("{} render x.toml -o -", env!("CARGO_BIN_EXE_visitprep"));
    // `script` gives the program a terminal as its standard output.
    let mut cmd = Command::new("script");
    cmd.args(["-qec", &command, "/dev/null"])
        .current_dir(dir.path())
        .env("SOURCE_DATE_EPOCH", "1795000000");
    let ran = run_bounded(cmd, devnull());
    let all = format!("{}{}", String::from_utf8_lossy(&ran.stdout), ran.stderr);
    assert!(
        all.contains("refusing to write a PDF to the terminal"),
        "{all}"
    );
    assert!(!all.contains("%PDF"), "{all}");
    assert_eq!(ran.code, Some(1), "{all}");
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn an_intake_from_standard_input_renders_the_same_bytes() {
    let (dir, intake) = folder_with_intake();
    let o = common::run(&[
        "render",
        intake.to_str().unwrap(),
        "-o",
        dir.path().join("by-path.pdf").to_str().unwrap(),
    ]);
    assert!(o.status.success());
    let mut cmd = visitprep(&["render", "-", "-o", "piped.pdf"], dir.path());
    cmd.stdin(Stdio::piped());
    let ran = run_bounded(cmd, from_file(intake.to_str().unwrap()));
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    assert_eq!(
        std::fs::read(dir.path().join("piped.pdf")).unwrap(),
        std::fs::read(dir.path().join("by-path.pdf")).unwrap()
    );

    let ran = run_bounded(
        visitprep(&["check", "-"], dir.path()),
        from_file(intake.to_str().unwrap()),
    );
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    assert!(String::from_utf8_lossy(&ran.stdout).starts_with("<stdin>: valid"));

    // Without -o there is no name for the sheet: nothing is written, not even `-.pdf`.
    let before = snapshot(dir.path());
    let ran = run_bounded(
        visitprep(&["render", "-"], dir.path()),
        from_file(intake.to_str().unwrap()),
    );
    assert_eq!(ran.code, Some(1));
    assert!(
        ran.stderr.contains("name the sheet with -o"),
        "{}",
        ran.stderr
    );
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn a_guide_path_in_an_intake_from_standard_input_is_taken_from_the_current_folder() {
    let dir = tempfile::tempdir().unwrap();
    let guide = Guide::built_in_text("general");
    std::fs::create_dir(dir.path().join("guides")).unwrap();
    std::fs::write(dir.path().join("guides/mine.toml"), guide).unwrap();
    std::fs::write(
        dir.path().join("in.toml"),
        "guide = \"guides/mine.toml\"\n[patient]\nname = \"Ann\"\n",
    )
    .unwrap();
    for stdin_name in ["-", "/dev/stdin"] {
        let ran = run_bounded(
            visitprep(&["check", stdin_name], dir.path()),
            from_file(dir.path().join("in.toml").to_str().unwrap()),
        );
        assert_eq!(ran.code, Some(0), "{}", ran.stderr);
        assert!(String::from_utf8_lossy(&ran.stdout).contains("valid (guide: general)"));
    }
    // No sheet is ever named after a stream (`/dev/stdin.pdf`).
    let ran = run_bounded(
        visitprep(&["render", "/dev/stdin"], dir.path()),
        from_file(dir.path().join("in.toml").to_str().unwrap()),
    );
    assert_eq!(ran.code, Some(1));
    assert!(
        ran.stderr
            .contains("an intake read from /dev/stdin has no name to give its sheet"),
        "{}",
        ran.stderr
    );
    assert!(!Path::new("/dev/stdin.pdf").exists());
}

struct Guide;

impl Guide {
    fn built_in_text(id: &str) -> &'static str {
        visitprep::guide::BUILT_IN
            .iter()
            .find(|(known, _)| *known == id)
            .map(|(_, text)| *text)
            .unwrap()
    }
}

// --- 5. A batch never writes over one of its own intakes --------------------------------------

#[test]
fn a_batch_never_writes_over_one_of_its_intakes() {
    let (dir, _) = folder_with_intake();
    std::fs::copy(example("minimal.toml"), dir.path().join("b.toml")).unwrap();
    std::fs::copy(example("minimal.toml"), dir.path().join("x.pdf")).unwrap();
    let before = snapshot(dir.path());
    let ran = run_bounded(
        visitprep(
            &["render", "b.toml", "x.toml", "x.pdf", "--force"],
            dir.path(),
        ),
        devnull(),
    );
    assert_eq!(ran.code, Some(1), "{}", ran.stderr);
    assert!(
        ran.stderr.contains(
            "the sheet of x.toml would be written over x.pdf, which is one of the intakes given"
        ),
        "{}",
        ran.stderr
    );
    assert!(ran.stderr.contains("nothing was written"), "{}", ran.stderr);
    assert_eq!(
        snapshot(dir.path()),
        before,
        "not even b.pdf may be written"
    );
}

// --- 6. A guide path may name any file: it is never quoted -----------------------------------

#[test]
fn a_guide_file_is_never_quoted() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("private.toml"),
        "the-secret-words: open sesame\nmore = \"secret value\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("typed.toml"),
        "id = \"x\"\ntitle = \"hidden-title-value\"\nsummary = [\"hidden-summary-value\"]\n",
    )
    .unwrap();
    let mut cases = vec![
        ("private.toml", "private.toml:1:"),
        ("typed.toml", "typed.toml:3:11"),
    ];
    if Path::new("/etc/passwd").exists() {
        cases.push(("/etc/passwd", "/etc/passwd:1:"));
    }
    for (guide, place) in cases {
        std::fs::write(
            dir.path().join("in.toml"),
            format!("guide = \"{guide}\"\n[patient]\nname = \"Ann\"\n"),
        )
        .unwrap();
        let ran = run_bounded(visitprep(&["check", "in.toml"], dir.path()), devnull());
        assert_eq!(ran.code, Some(1), "{}", ran.stderr);
        assert!(ran.stderr.contains(place), "{place} in:\n{}", ran.stderr);
        assert!(
            ran.stderr.contains("problem in the guide"),
            "{}",
            ran.stderr
        );
        let first_line = std::fs::read_to_string(dir.path().join(guide))
            .unwrap()
            .lines()
            .next()
            .unwrap()
            .to_string();
        for leak in [
            first_line.as_str(),
            "secret",
            "sesame",
            "hidden-summary-value",
            "root:",
        ] {
            assert!(
                !ran.stderr.contains(leak),
                "{leak:?} leaked:\n{}",
                ran.stderr
            );
        }
    }
}

// --- 7. Impossible facts refused, unlikely ones said --------------------------------------

fn intake_with(patient: &str, visit: &str, rest: &str) -> String {
    format!(
        "guide = \"nocturnal-leg-cramps\"\n[patient]\nname = \"Ann Example\"\n{patient}\n[visit]\n{visit}\n{rest}"
    )
}

/// `check` and `render` both refuse the intake, naming `expected`; nothing is written.
fn refused(text: &str, expected: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("in.toml"), text).unwrap();
    let before = snapshot(dir.path());
    for args in [&["check", "in.toml"][..], &["render", "in.toml"][..]] {
        let ran = run_bounded(visitprep(args, dir.path()), devnull());
        assert_eq!(ran.code, Some(1), "{text}\n{}", ran.stderr);
        for e in expected {
            assert!(
                ran.stderr.contains(e),
                "expected {e:?} for\n{text}\n{}",
                ran.stderr
            );
        }
        assert!(
            ran.stderr.len() < 4000,
            "a message of {} bytes",
            ran.stderr.len()
        );
    }
    assert_eq!(snapshot(dir.path()), before, "nothing may be written");
}

/// `check` and `render` both accept the intake and warn, naming `expected`; render writes.
fn warned(text: &str, expected: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("in.toml"), text).unwrap();
    let ran = run_bounded(visitprep(&["check", "in.toml"], dir.path()), devnull());
    assert_eq!(ran.code, Some(0), "{text}\n{}", ran.stderr);
    assert!(String::from_utf8_lossy(&ran.stdout).contains("valid, with 1 warning"));
    let ran_render = run_bounded(visitprep(&["render", "in.toml"], dir.path()), devnull());
    assert_eq!(ran_render.code, Some(0), "{text}\n{}", ran_render.stderr);
    for out in [&ran.stderr, &ran_render.stderr] {
        assert!(out.contains("warning: "), "{out}");
        for e in expected {
            assert!(out.contains(e), "expected {e:?} for\n{text}\n{out}");
        }
    }
    assert!(dir.path().join("in.pdf").exists());
}

#[test]
fn impossible_ages_are_refused() {
    // "8049 years old at the visit"
    refused(
        &intake_with("born = 1900-01-01", "when = 2200-01-02", ""),
        &[
            "the patient would be 300 years old at the visit",
            "in.toml:4:8",
            "patient.born",
        ],
    );
    // "-7973 years old": born after the visit, or after today without one.
    refused(
        &intake_with("born = 2190-01-01", "when = 2026-12-02", ""),
        &["is before the birth date"],
    );
    refused(
        &intake_with("born = 2199-01-01", "", ""),
        &["the date of birth 2199-01-01 is after today"],
    );
}

#[test]
fn dates_before_1900_or_after_2200_are_refused() {
    for (patient, visit, rest, field) in [
        ("born = 1850-05-05", "", "", "patient.born"),
        ("", "when = 2201-01-01", "", "visit.when"),
        (
            "",
            "",
            "[[medications]]\nname = \"x\"\nsince = 0001-01-01\n",
            "medications[0].since",
        ),
        ("", "", "[[diary]]\nnight = 9999-12-31\n", "diary[0].night"),
    ] {
        refused(
            &intake_with(patient, visit, rest),
            &["dates must be between 1900 and 2200", field],
        );
    }
}

#[test]
fn an_episode_longer_than_a_day_is_refused_and_never_printed_in_full() {
    let text = intake_with("", "", "[[diary]]\nnight = 2026-11-01\nminutes = 1e300\n");
    refused(
        &text,
        &["1e300 minutes is more than a day", "diary[0].minutes"],
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("in.toml"), &text).unwrap();
    let ran = run_bounded(visitprep(&["check", "in.toml"], dir.path()), devnull());
    assert!(!ran.stderr.contains("0000000000"), "{}", ran.stderr);
    refused(
        &intake_with("", "", "[[diary]]\nnight = 2026-11-01\nminutes = 1441\n"),
        &["1441 minutes is more than a day"],
    );
    refused(
        &intake_with("", "", "[[diary]]\nnight = 2026-11-01\nminutes = -1e300\n"),
        &["a cramp cannot last -1e300 minutes"],
    );
}

#[test]
fn a_diary_night_before_birth_is_refused() {
    refused(
        &intake_with(
            "born = 1990-05-01",
            "when = 2026-12-02",
            "[[diary]]\nnight = 1989-11-01\n",
        ),
        &[
            "diary night 1 is before the birth date (1990-05-01)",
            "diary[0].night",
        ],
    );
}

#[test]
fn unlikely_facts_are_said_but_accepted() {
    warned(
        &intake_with(
            "born = 1940-01-01\npregnant = true",
            "when = 2026-12-02",
            "",
        ),
        &["a pregnancy at 86 years of age is unlikely"],
    );
    warned(
        &intake_with(
            "born = 2024-01-01\npregnant = true",
            "when = 2026-12-02",
            "",
        ),
        &["a pregnancy at 2 years of age is unlikely"],
    );
    warned(
        &intake_with("", "when = 2026-12-02", "[[diary]]\nnight = 2027-01-05\n"),
        &["diary night 1 (2027-01-05) is after the visit (2026-12-02)"],
    );
    warned(
        &intake_with(
            "",
            "when = 2026-12-02",
            "[[medications]]\nname = \"x\"\ndose = \"1 mg\"\nsince = 2027-03-01\n",
        ),
        &["medication 1 is taken since 2027-03-01, after the visit"],
    );
}

#[test]
fn an_untouched_template_is_said() {
    let dir = tempfile::tempdir().unwrap();
    let o = run_bounded(visitprep(&["new", "-o", "new.toml"], dir.path()), devnull());
    assert_eq!(o.code, Some(0), "{}", o.stderr);
    for args in [&["check", "new.toml"][..], &["render", "new.toml"][..]] {
        let ran = run_bounded(visitprep(args, dir.path()), devnull());
        assert_eq!(ran.code, Some(0), "{}", ran.stderr);
        assert!(
            ran.stderr
                .contains("warning: `patient.name` is still \"Your name\" from the template"),
            "{}",
            ran.stderr
        );
    }
}

#[test]
fn an_unknown_placeholder_in_a_guide_is_an_error_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let guide = format!(
        "{}\n[[checklist]]\nid = \"extra\"\ntext = \"Ask {{nonexistent}} to come.\"\n",
        Guide::built_in_text("general")
    );
    let line = guide
        .lines()
        .position(|l| l.contains("{nonexistent}"))
        .unwrap()
        + 1;
    std::fs::write(dir.path().join("g.toml"), &guide).unwrap();
    std::fs::write(
        dir.path().join("in.toml"),
        "guide = \"g.toml\"\n[patient]\nname = \"Ann\"\n",
    )
    .unwrap();
    let before = snapshot(dir.path());
    let ran = run_bounded(visitprep(&["render", "in.toml"], dir.path()), devnull());
    assert_eq!(ran.code, Some(1), "{}", ran.stderr);
    assert!(
        ran.stderr
            .contains("`{nonexistent}` is not a placeholder visitprep fills in"),
        "{}",
        ran.stderr
    );
    assert!(
        ran.stderr.contains(&format!("g.toml:{line}:")),
        "line {line} in:\n{}",
        ran.stderr
    );
    assert_eq!(snapshot(dir.path()), before);
}

// --- 8. Signals ----------------------------------------------------------------------------

fn batch_stopped_by(signal: libc::c_int, code: i32) {
    let dir = tempfile::tempdir().unwrap();
    let intakes = dir.path().join("intakes");
    let sheets = dir.path().join("sheets");
    std::fs::create_dir(&intakes).unwrap();
    let text = std::fs::read(example("complete.toml")).unwrap();
    for i in 0..400 {
        std::fs::write(intakes.join(format!("p{i:03}.toml")), &text).unwrap();
    }
    let mut child = bin()
        .args(["render", "intakes", "--out-dir", "sheets"])
        .current_dir(dir.path())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    // Stopped once the first sheets are written, while others are being written.
    while std::fs::read_dir(&sheets).map_or(0, |d| d.count()) < 3 {
        assert!(start.elapsed() < HANG, "no sheet was written");
        assert!(child.try_wait().unwrap().is_none(), "the batch ended early");
        std::thread::sleep(Duration::from_millis(2));
    }
    // SAFETY: signalling our own child.
    unsafe {
        libc::kill(child.id() as libc::pid_t, signal);
    }
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(code), "{stderr}");
    let names: Vec<String> = std::fs::read_dir(&sheets)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names
            .iter()
            .all(|n| n.ends_with(".pdf") && !n.starts_with('.')),
        "a temporary file was left: {names:?}"
    );
    assert!(names.len() < 400, "the batch was not stopped");
    for n in &names {
        let doc = lopdf::Document::load(sheets.join(n))
            .unwrap_or_else(|e| panic!("{n} is not a complete PDF: {e}"));
        assert!(!doc.get_pages().is_empty());
    }
    // The folder counted temporary files too, so as few as one sheet may be complete.
    let sheets = if names.len() == 1 { "sheet" } else { "sheets" };
    let said = format!(
        "interrupted: {} {sheets} written before stopping; no partial file was left",
        names.len()
    );
    assert!(stderr.contains(&said), "{said:?} not in:\n{stderr}");
}

#[test]
fn sigterm_stops_a_batch_cleanly() {
    batch_stopped_by(libc::SIGTERM, 143);
}

#[test]
fn sigint_stops_a_batch_cleanly() {
    batch_stopped_by(libc::SIGINT, 130);
}

#[test]
fn sighup_stops_a_batch_cleanly() {
    batch_stopped_by(libc::SIGHUP, 129);
}

// --- 10. Every problem at once, in messages of a readable size -----------------------------

#[test]
fn unknown_keys_in_every_table_are_reported_with_the_other_problems() {
    let text = "guide = \"nocturnal-leg-cramps\"\n[patient]\nname = \"Ann\"\nnmae = \"x\"\n\
                [[medications]]\nname = \"a\"\ndoes = \"1 mg\"\n\
                [[diary]]\nnight = 2026-11-01\nsevrity = 3\n\
                [[diary]]\nnight = 2026-11-02\nseverity = 12\n";
    refused(
        text,
        &[
            "unknown field `nmae` (field `patient.nmae`)",
            "did you mean `name`?",
            "in.toml:4:1",
            "unknown field `does` (field `medications[0].does`)",
            "did you mean `dose`?",
            "in.toml:7:1",
            "unknown field `sevrity` (field `diary[0].sevrity`)",
            "in.toml:10:1",
            "severity 12 is outside the scale",
            "4 problems in the intake",
        ],
    );
}

#[test]
fn a_huge_key_gives_a_short_message_with_its_line() {
    let key = "k".repeat(200_000);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("in.toml"),
        format!("guide = \"general\"\n[patient]\nname = \"Ann\"\n{key} = 1\n"),
    )
    .unwrap();
    let ran = run_bounded(visitprep(&["check", "in.toml"], dir.path()), devnull());
    assert_eq!(ran.code, Some(1));
    assert!(ran.stderr.contains("in.toml:4:1"), "{}", ran.stderr);
    assert!(ran.stderr.contains("unknown field `kkkk"), "{}", ran.stderr);
    assert!(ran.stderr.len() < 2000, "{} bytes", ran.stderr.len());
}

#[test]
fn ten_thousand_dotted_keys_name_their_line() {
    let dotted = vec!["a"; 10_000].join(".");
    refused(
        &format!("guide = \"general\"\n[patient]\nname = \"Ann\"\n{dotted} = 1\n"),
        &["in.toml:4:1", "keys are nested too deeply"],
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("in.toml"),
        format!("guide = \"general\"\n[patient]\nname = \"Ann\"\n{dotted} = 1\n"),
    )
    .unwrap();
    let ran = run_bounded(visitprep(&["check", "in.toml"], dir.path()), devnull());
    assert!(!ran.stderr.contains("recursion"), "{}", ran.stderr);
}

#[test]
fn no_rust_type_names_and_impossible_days_named() {
    let big = intake_with(
        "",
        "",
        "[[diary]]\nnight = 2026-11-01\nseverity = 99999999999999999999\n",
    );
    refused(&big, &["the number is far too large", "diary[0].severity"]);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("in.toml"), &big).unwrap();
    let ran = run_bounded(visitprep(&["check", "in.toml"], dir.path()), devnull());
    for jargon in ["i128", "i64", "u8", "f64"] {
        assert!(!ran.stderr.contains(jargon), "{jargon}:\n{}", ran.stderr);
    }
    refused(
        &intake_with("born = 1950-02-30", "", ""),
        &[
            "1950-02-30 is not a real day: February 1950 has 28 days",
            "in.toml:4:8",
        ],
    );
}

#[test]
fn a_folder_or_fifo_as_the_guide_is_called_what_it_is() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("folder.toml")).unwrap();
    assert!(Command::new("mkfifo")
        .arg(dir.path().join("pipe.toml"))
        .status()
        .unwrap()
        .success());
    for (guide, what) in [
        ("folder.toml", "is a folder, not a guide file"),
        ("pipe.toml", "is a named pipe (FIFO), not a guide file"),
    ] {
        refused(
            &format!(
                "guide = \"{}\"\n[patient]\nname = \"Ann\"\n",
                dir.path().join(guide).display()
            ),
            &[what],
        );
    }
}

#[test]
fn new_interview_and_schema_never_replace_a_fifo_or_a_device() {
    let dir = tempfile::tempdir().unwrap();
    assert!(Command::new("mkfifo")
        .arg(dir.path().join("f.toml"))
        .status()
        .unwrap()
        .success());
    std::os::unix::fs::symlink("/dev/null", dir.path().join("null.toml")).unwrap();
    let before = snapshot(dir.path());
    for target in ["f.toml", "null.toml"] {
        for args in [
            vec!["new", "-o", target, "--force"],
            vec!["interview", "-o", target, "--force"],
            vec!["schema", "-o", target, "--force"],
            vec!["schema", "-o", target],
        ] {
            let ran = run_bounded(visitprep(&args, dir.path()), devnull());
            assert_eq!(ran.code, Some(1), "{args:?}: {}", ran.stderr);
            assert!(
                ran.stderr.contains("not a file; nothing was written"),
                "{args:?}: {}",
                ran.stderr
            );
            assert!(!ran.stderr.contains("--force"), "{}", ran.stderr);
        }
    }
    assert_eq!(snapshot(dir.path()), before);
    // `-o -` prints, as leaving -o out does; it never makes a file named `-`.
    let printed = run_bounded(visitprep(&["new", "-o", "-"], dir.path()), devnull());
    assert_eq!(printed.code, Some(0));
    assert!(String::from_utf8_lossy(&printed.stdout).contains("[patient]"));
    let schema = run_bounded(visitprep(&["schema", "-o", "-"], dir.path()), devnull());
    assert_eq!(schema.code, Some(0));
    assert!(schema.stdout.starts_with(b"{"));
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn a_fifo_in_a_folder_of_intakes_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(example("minimal.toml"), dir.path().join("a.toml")).unwrap();
    std::fs::copy(example("minimal.toml"), dir.path().join("b.toml")).unwrap();
    assert!(Command::new("mkfifo")
        .arg(dir.path().join("waiting.toml"))
        .status()
        .unwrap()
        .success());
    let ran = run_bounded(
        visitprep(&["render", ".", "--out-dir", "sheets"], dir.path()),
        devnull(),
    );
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    assert!(ran.stderr.contains("rendered 2 sheets"), "{}", ran.stderr);
}

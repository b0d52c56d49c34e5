//! `visitprep serve`, the real binary: in headless Chromium as a person uses it (driven by
//! tests/web/drive.mjs through Playwright), and with raw HTTP requests for what a browser
//! never sends (a foreign Host, a cross-site post, no secret, a huge body).

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use common::{bin, example, pdf_text, stderr};
use serde_json::Value;

/// A running `visitprep serve`, stopped when dropped.
struct Server {
    child: Child,
    url: String,
    /// `127.0.0.1:PORT`.
    addr: String,
    /// `/SECRET/`.
    base: String,
}

impl Server {
    fn start() -> Server {
        Server::start_with(&[])
    }

    /// `visitprep serve ARGS`.
    fn start_with(args: &[&str]) -> Server {
        let mut child = bin()
            .arg("serve")
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary runs");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let url = line.trim().to_string();
        let rest = url
            .strip_prefix("http://")
            .unwrap_or_else(|| panic!("an address was printed, not {url:?}"));
        let (addr, path) = rest.split_at(rest.find('/').unwrap());
        Server {
            addr: addr.to_string(),
            base: path.to_string(),
            url,
            child,
        }
    }

    fn port(&self) -> u16 {
        self.addr.rsplit(':').next().unwrap().parse().unwrap()
    }

    /// Stops it with `signal` and gives its exit code and what it said.
    fn stop_with(mut self, signal: &str) -> (Option<i32>, String) {
        let pid = self.child.id().to_string();
        let sent = Command::new("kill").args([signal, &pid]).status().unwrap();
        assert!(sent.success());
        let status = self.child.wait().unwrap();
        let mut said = String::new();
        if let Some(mut err) = self.child.stderr.take() {
            err.read_to_string(&mut said).unwrap();
        }
        (status.code(), said)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn web_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/web")
}

/// Runs drive.mjs and gives the JSON it printed; the browser's own failure fails the test.
fn drive(args: &[&str]) -> Value {
    assert!(
        web_dir().join("node_modules/playwright-core").is_dir(),
        "tests/web/node_modules is missing: run `npm ci` in tests/web (scripts/test.sh does)"
    );
    let out = Command::new("node")
        .arg(web_dir().join("drive.mjs"))
        .args(args)
        .output()
        .expect("node runs: install nodejs");
    let text = String::from_utf8_lossy(&out.stdout);
    let json: Value = serde_json::from_str(text.trim()).unwrap_or_else(|_| {
        panic!(
            "drive.mjs printed no JSON: {text}\n{}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    assert_eq!(json["ok"], true, "in the browser: {}", json["error"]);
    json
}

/// A TOML date as a person writes it: 14 March 1956.
fn written_date(value: &toml::Value) -> String {
    let date = value.as_datetime().unwrap().date.unwrap();
    let months = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    format!(
        "{} {} {}",
        date.day,
        months[date.month as usize - 1],
        date.year
    )
}

fn text_of(value: &toml::Value) -> String {
    match value {
        toml::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// What to type into the form for an intake: every value of `intake`, in the words and
/// date forms a person uses, with as many rows as each list needs.
fn plan_for(intake: &toml::Table) -> Value {
    let mut fields: Vec<(String, String)> = Vec::new();
    let mut ticks: Vec<String> = Vec::new();
    let mut unticks: Vec<String> = Vec::new();
    let mut rows = serde_json::Map::new();
    let mut list = |name: &str, items: &toml::Value, fields: &mut Vec<(String, String)>| {
        let items = items.as_array().unwrap();
        rows.insert(name.to_string(), items.len().into());
        for (i, item) in items.iter().enumerate() {
            fields.push((format!("{name}[{i}]"), text_of(item)));
        }
    };
    for (table, key_values) in intake {
        let Some(key_values) = key_values.as_table() else {
            continue;
        };
        for (key, value) in key_values {
            let name = format!("{table}.{key}");
            match (table.as_str(), key.as_str()) {
                ("patient", "born") => fields.push((name, written_date(value))),
                ("patient", "pregnant") => {
                    if value.as_bool().unwrap() {
                        ticks.push(name);
                    }
                }
                ("visit", "when") => {
                    let when = value.as_datetime().unwrap();
                    let time = when.time.unwrap();
                    let (hour, half) = match time.hour {
                        0 => (12, "am"),
                        h @ 1..=11 => (h, "am"),
                        12 => (12, "pm"),
                        h => (h - 12, "pm"),
                    };
                    fields.push((
                        name,
                        format!("{} at {hour}:{:02}{half}", written_date(value), time.minute),
                    ));
                }
                // The page asks which suggested questions to keep.
                ("questions", "skip") => {
                    for id in value.as_array().unwrap() {
                        unticks.push(format!("questions.keep.{}", id.as_str().unwrap()));
                    }
                }
                ("checklist", "done") => {
                    for id in value.as_array().unwrap() {
                        ticks.push(format!("{name}.{}", id.as_str().unwrap()));
                    }
                }
                _ if value.is_array() => list(&name, value, &mut fields),
                _ => fields.push((name, text_of(value))),
            }
        }
    }
    for (blocks, keys) in [("medications", "since"), ("diary", "night")] {
        let entries = intake[blocks].as_array().unwrap();
        rows.insert(blocks.to_string(), entries.len().into());
        for (i, entry) in entries.iter().enumerate() {
            for (key, value) in entry.as_table().unwrap() {
                let name = format!("{blocks}[{i}].{key}");
                match key.as_str() {
                    k if k == keys => fields.push((name, written_date(value))),
                    "at" => {
                        let t = value.as_datetime().unwrap().time.unwrap();
                        fields.push((name, format!("{}:{:02}", t.hour, t.minute)));
                    }
                    "as_needed" => {
                        if value.as_bool().unwrap() {
                            ticks.push(name);
                        }
                    }
                    _ => fields.push((name, text_of(value))),
                }
            }
        }
    }
    serde_json::json!({ "fields": fields, "ticks": ticks, "unticks": unticks, "rows": rows })
}

fn complete() -> toml::Table {
    let text = std::fs::read_to_string(example("complete.toml")).unwrap();
    text.parse::<toml::Table>().unwrap()
}

/// The intake as data, without what only restates a default (`pregnant = false`).
fn meaning(mut intake: toml::Table) -> toml::Table {
    let patient = intake["patient"].as_table_mut().unwrap();
    if patient.get("pregnant").and_then(|p| p.as_bool()) == Some(false) {
        patient.remove("pregnant");
    }
    intake
}

/// `visitprep render` of `intake`, as bytes, with the same SOURCE_DATE_EPOCH as the server.
fn rendered(intake: &Path, dir: &Path) -> Vec<u8> {
    let out = dir.join("rendered.pdf");
    common::render(intake, &out, &[]);
    std::fs::read(out).unwrap()
}

/// Fills the form with complete.toml's values, and checks what comes back.
fn fill_complete(js: bool) -> (String, Vec<u8>) {
    let server = Server::start();
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.json");
    std::fs::write(&plan, plan_for(&complete()).to_string()).unwrap();
    let out = dir.path().to_str().unwrap();
    let mut args = vec!["fill", &server.url, out, plan.to_str().unwrap()];
    if !js {
        args.push("--no-js");
    }
    let seen = drive(&args);
    assert_eq!(seen["javaScriptEnabled"], js);
    assert_eq!(seen["saved"]["suggested"], "my-visit-answers.toml");
    assert_eq!(seen["sheet"]["suggested"], "visit-sheet.pdf");

    // The answers saved pass `check`, and hold every value of the intake typed in.
    let saved = dir.path().join("saved.toml");
    let check = bin().arg("check").arg(&saved).output().unwrap();
    assert!(check.status.success(), "check refused: {}", stderr(&check));
    let saved_text = std::fs::read_to_string(&saved).unwrap();
    let saved_intake: toml::Table = saved_text.parse().unwrap();
    assert_eq!(meaning(saved_intake), meaning(complete()));

    // The sheet is the one `render` makes from those answers, byte for byte.
    let sheet = std::fs::read(dir.path().join("sheet.pdf")).unwrap();
    assert!(sheet.starts_with(b"%PDF-"));
    assert!(
        sheet == rendered(&saved, dir.path()),
        "the served sheet differs from render's"
    );
    let text = common::squash(&pdf_text(&dir.path().join("sheet.pdf")));
    for expected in ["Maria Example", "hydrochlorothiazide", "St. Mary Hospital"] {
        assert!(
            text.contains(&common::squash(expected)),
            "{expected} not on the sheet"
        );
    }
    (saved_text, sheet)
}

#[test]
fn a_complete_intake_typed_in_gives_render_s_sheet_with_and_without_javascript() {
    let (toml_js, pdf_js) = fill_complete(true);
    let (toml_plain, pdf_plain) = fill_complete(false);
    assert_eq!(toml_js, toml_plain);
    assert!(pdf_js == pdf_plain, "the sheet differs without JavaScript");
}

fn field<'a>(seen: &'a Value, round: &str, name: &str) -> &'a Value {
    seen[round]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == name)
        .unwrap_or_else(|| panic!("{name} not in {}", seen[round]))
}

fn problems_stand_beside_their_fields(js: bool) {
    let server = Server::start();
    let dir = tempfile::tempdir().unwrap();
    let mut args = vec!["errors", &server.url, dir.path().to_str().unwrap()];
    if !js {
        args.push("--no-js");
    }
    let seen = drive(&args);
    assert!(seen["title"].as_str().unwrap().starts_with("Please check"));
    for (name, says) in [
        ("patient.name", "name is blank"),
        ("patient.born", "32"),
        ("visit.when", "two dates"),
        ("medications[0].name", "name"),
    ] {
        let f = field(&seen, "first", name);
        assert_eq!(f["invalid"], "true", "{f}");
        let errors = f["errors"].as_array().unwrap();
        assert!(!errors.is_empty(), "no problem shown at {name}: {f}");
        for e in errors {
            assert_eq!(e["referenced"], true, "{name}: aria-describedby misses {e}");
        }
        assert!(
            errors
                .iter()
                .any(|e| e["text"].as_str().unwrap().contains(says)),
            "{name}: {f}"
        );
        assert!(
            !f["links"].as_array().unwrap().is_empty(),
            "the summary has no link to {name}"
        );
    }
    // Both readings of 04/05/2026 are offered beside the field, in words.
    let readings = field(&seen, "first", "visit.when")["readings"].clone();
    assert_eq!(
        readings,
        serde_json::json!([
            { "value": "2026-05-04", "label": "Monday 4 May 2026" },
            { "value": "2026-04-05", "label": "Sunday 5 April 2026" },
        ])
    );
    // Once answered, every problem is gone, and the reading chosen is written out.
    for name in [
        "patient.name",
        "patient.born",
        "visit.when",
        "medications[0].name",
    ] {
        let f = field(&seen, "second", name);
        assert!(f["errors"].as_array().unwrap().is_empty(), "{f}");
        assert_eq!(f["invalid"], Value::Null, "{f}");
    }
    assert_eq!(
        field(&seen, "second", "visit.when")["value"],
        "Sunday 5 April 2026"
    );
    assert_eq!(seen["alerts"], 0);
    assert!(seen["status"]
        .as_str()
        .unwrap()
        .contains("No mistakes found"));
}

#[test]
fn problems_stand_beside_their_fields_with_javascript() {
    problems_stand_beside_their_fields(true);
}

#[test]
fn problems_stand_beside_their_fields_without_javascript() {
    problems_stand_beside_their_fields(false);
}

#[test]
fn a_sheet_or_saved_answers_opened_fill_the_form() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = dir.path().join("maria.pdf");
    common::render(&example("complete.toml"), &sheet, &[]);
    for (file, js) in [(sheet, true), (example("complete.toml"), false)] {
        let server = Server::start();
        let out = tempfile::tempdir().unwrap();
        let mut args = vec![
            "upload",
            &server.url,
            out.path().to_str().unwrap(),
            file.to_str().unwrap(),
        ];
        if !js {
            args.push("--no-js");
        }
        let seen = drive(&args);
        assert_eq!(seen["alerts"], serde_json::json!([]), "{seen}");
        assert!(seen["status"].as_str().unwrap().contains("are filled in"));
        let values: std::collections::BTreeMap<String, String> = seen["values"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| (p[0].as_str().unwrap().into(), p[1].as_str().unwrap().into()))
            .collect();
        assert_eq!(values["patient.name"], "Maria Example");
        assert_eq!(values["patient.born"], "Wednesday 14 March 1956");
        assert_eq!(values["visit.when"], "Wednesday 2 December 2026 at 09:30");
        assert_eq!(values["medications[3].name"], "paracetamol");
        assert_eq!(values["diary[6].where"], "right calf");
        assert!(values["answers.discomfort"].contains("like a stone"));
        let ticked = seen["ticked"].to_string();
        for name in [
            "questions.keep.treatment",
            "checklist.done.records",
            "medications[3].as_needed",
        ] {
            assert!(ticked.contains(name), "{name} not ticked: {ticked}");
        }
        assert!(!ticked.contains("questions.keep.risks"), "{ticked}");
        // Saved again at once, the answers are the intake the file held.
        let saved: toml::Table = std::fs::read_to_string(out.path().join("saved.toml"))
            .unwrap()
            .parse()
            .unwrap();
        assert_eq!(meaning(saved), meaning(complete()));
    }
}

#[test]
fn the_page_passes_axe_at_wcag_2_2_aa_and_is_large() {
    let server = Server::start();
    let dir = tempfile::tempdir().unwrap();
    let shot = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/serve-form.png");
    let seen = drive(&[
        "axe",
        &server.url,
        dir.path().to_str().unwrap(),
        shot.to_str().unwrap(),
    ]);
    for state in ["empty", "withProblems"] {
        assert_eq!(
            seen[state]["violations"],
            serde_json::json!([]),
            "axe found violations on the {state} form"
        );
        assert!(seen[state]["passes"].as_u64().unwrap() > 10, "{seen}");
    }
    let px: f64 = seen["fontSize"]
        .as_str()
        .unwrap()
        .trim_end_matches("px")
        .parse()
        .unwrap();
    assert!(px >= 18.0, "base text is {px} px");
    assert!(std::fs::read(shot).unwrap().starts_with(b"\x89PNG"));
}

/// A raw request to the server: its status code, headers and body.
fn raw(addr: &str, request: &[u8]) -> (u16, String) {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    // The server may answer (and close) before a large body is all sent.
    let _ = stream.write_all(request);
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let answer = String::from_utf8_lossy(&answer).into_owned();
    let status = answer
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status in {answer:?}"));
    (status, answer)
}

fn get(server: &Server, path: &str, host: &str) -> (u16, String) {
    raw(
        &server.addr,
        format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").as_bytes(),
    )
}

fn post(server: &Server, origin: Option<&str>, body: &str) -> (u16, String) {
    let origin = origin.map_or(String::new(), |o| format!("Origin: {o}\r\n"));
    let request = format!(
        "POST {} HTTP/1.1\r\nHost: {}\r\n{origin}Content-Type: multipart/form-data; boundary=XyZ\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        server.base,
        server.addr,
        body.len()
    );
    raw(&server.addr, request.as_bytes())
}

const CHECK_BODY: &str = "--XyZ\r\nContent-Disposition: form-data; name=\"patient.name\"\r\n\r\nAnn\r\n--XyZ\r\nContent-Disposition: form-data; name=\"do\"\r\n\r\ncheck\r\n--XyZ--\r\n";

#[test]
fn foreign_hosts_cross_site_posts_missing_secrets_and_huge_bodies_are_refused() {
    let server = Server::start();
    let own = server.addr.clone();
    let localhost = format!("localhost:{}", server.port());
    let (ok, page) = get(&server, &server.base, &own);
    assert_eq!(ok, 200);
    assert!(
        page.contains("Content-Security-Policy: default-src 'self'"),
        "{page}"
    );
    assert_eq!(get(&server, &server.base, &localhost).0, 200);
    // DNS rebinding: a page of another name that resolves to 127.0.0.1.
    for host in [
        "evil.example",
        "evil.example:80",
        &format!("evil.example:{}", server.port()),
    ] {
        assert_eq!(get(&server, &server.base, host).0, 403, "Host: {host}");
    }
    // Without the secret, or with a wrong one, there is nothing.
    assert_eq!(get(&server, "/", &own).0, 404);
    assert_eq!(get(&server, "/page.css", &own).0, 404);
    let wrong = format!("/{}/", "0".repeat(32));
    assert_eq!(get(&server, &wrong, &own).0, 404);
    assert_eq!(
        get(&server, &format!("{}page.css", server.base), &own).0,
        200
    );
    // A post from the page itself is answered; from another site, or from nowhere, not.
    let (status, page) = post(&server, Some(&format!("http://{own}")), CHECK_BODY);
    assert_eq!(status, 200);
    assert!(page.contains("value=\"Ann\""));
    for origin in [Some("http://evil.example"), Some("null"), None] {
        assert_eq!(
            post(&server, origin, CHECK_BODY).0,
            403,
            "Origin: {origin:?}"
        );
    }
    // 2 MB, said in advance or sent in chunks without a length.
    let big = "a".repeat(2_000_000);
    assert_eq!(post(&server, Some(&format!("http://{own}")), &big).0, 413);
    let mut chunked = format!(
        "POST {} HTTP/1.1\r\nHost: {own}\r\nOrigin: http://{own}\r\nContent-Type: multipart/form-data; boundary=XyZ\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
        server.base
    )
    .into_bytes();
    for _ in 0..20 {
        chunked.extend_from_slice(format!("{:x}\r\n", 100_000).as_bytes());
        chunked.extend_from_slice(&[b'a'; 100_000]);
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    assert_eq!(raw(&own, &chunked).0, 413);
    // Still serving after all of that.
    assert_eq!(get(&server, &server.base, &own).0, 200);
}

#[test]
fn it_listens_on_loopback_only_and_refuses_other_addresses() {
    let server = Server::start();
    assert!(server.addr.starts_with("127.0.0.1:"), "{}", server.addr);
    // The kernel's own list of listening sockets: the port is bound to 127.0.0.1 alone.
    let port = format!("{:04X}", server.port());
    let mut bound = Vec::new();
    for table in ["/proc/net/tcp", "/proc/net/tcp6"] {
        let Ok(text) = std::fs::read_to_string(table) else {
            continue;
        };
        for line in text.lines().skip(1) {
            let cols: Vec<&str> = line.split_whitespace().collect();
            // State 0A is LISTEN.
            if cols.get(3) == Some(&"0A") && cols[1].ends_with(&format!(":{port}")) {
                bound.push(cols[1].to_string());
            }
        }
    }
    assert_eq!(bound, vec![format!("0100007F:{port}")]);
    drop(server);
    for host in ["0.0.0.0", "::", "192.168.1.20"] {
        let out = bin().args(["serve", "--host", host]).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "--host {host}");
        let said = stderr(&out);
        assert!(said.contains("not this computer's own address"), "{said}");
        assert!(
            out.stdout.is_empty(),
            "an address was printed for --host {host}"
        );
    }
}

#[test]
fn ctrl_c_and_sigterm_stop_it_with_the_usual_codes() {
    for (signal, code) in [("-INT", 130), ("-TERM", 143)] {
        let server = Server::start();
        // Answering first, so the signal reaches a server that is up.
        assert_eq!(get(&server, &server.base, &server.addr.clone()).0, 200);
        let (exit, said) = server.stop_with(signal);
        assert_eq!(exit, Some(code), "{signal}: {said}");
        assert!(said.contains("nothing of it was kept"), "{said}");
    }
    // In the form's language, as its other lines on the terminal are.
    let server = Server::start_with(&["--lang", "es"]);
    assert_eq!(get(&server, &server.base, &server.addr.clone()).0, 200);
    let (exit, said) = server.stop_with("-INT");
    assert_eq!(exit, Some(130), "{said}");
    for line in [
        "el formulario está abierto en la dirección de arriba, solo para este ordenador",
        "terminado: el formulario está cerrado y no se ha guardado nada de él",
    ] {
        assert!(said.contains(line), "{line:?} not in {said}");
    }
}

#[cfg(unix)]
#[test]
fn open_hands_the_address_to_the_desktop_s_opener() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let opened = dir.path().join("opened.txt");
    // A stand-in for xdg-open that writes down what it was asked to open.
    let opener = dir.path().join("xdg-open");
    std::fs::write(
        &opener,
        format!("#!/bin/sh\nprintf '%s' \"$1\" > '{}'\n", opened.display()),
    )
    .unwrap();
    std::fs::set_permissions(&opener, std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = format!(
        "{}:{}",
        dir.path().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut child = bin()
        .args(["serve", "--open"])
        .env("PATH", path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let mut seen = String::new();
    for _ in 0..100 {
        seen = std::fs::read_to_string(&opened).unwrap_or_default();
        if !seen.is_empty() {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(seen, line.trim());
}

/// The words (of four letters or more) of a text.
fn words_of(text: &str) -> std::collections::BTreeSet<String> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 4)
        .map(str::to_lowercase)
        .collect()
}

/// The words of a catalogue's messages, without their ids, values and comments.
fn catalogue_words(source: &str) -> std::collections::BTreeSet<String> {
    let mut text = String::new();
    for line in source.lines().filter(|l| !l.trim_start().starts_with('#')) {
        let line = match line.starts_with(' ') {
            true => line,
            false => line.split_once(" =").map_or(line, |(_, t)| t),
        };
        let mut depth = 0;
        for c in line.chars() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                c if depth == 0 => text.push(c),
                _ => {}
            }
        }
        text.push('\n');
    }
    words_of(&text)
}

/// Every word of the English form that the Spanish one does not use too.
fn english_only_on_the_form() -> std::collections::BTreeSet<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales/form");
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap();
    let spanish = catalogue_words(&read("es.ftl"));
    catalogue_words(&read("en.ftl"))
        .into_iter()
        .filter(|w| !spanish.contains(w))
        .collect()
}

/// What a page shows a person: its text without tags, its entities read.
fn visible_text(html: &str) -> String {
    let body = html.split_once("\r\n\r\n").map_or(html, |(_, b)| b);
    let mut text = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&#x27;", "'")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#x2f;", "/")
}

fn assert_no_english(html: &str) {
    let english = english_only_on_the_form();
    assert!(english.len() > 150, "{} English words", english.len());
    for word in ["another", "medicine", "remove", "problem", "answers"] {
        assert!(english.contains(word), "{word}");
    }
    let found: Vec<String> = words_of(&visible_text(html))
        .into_iter()
        .filter(|w| english.contains(w))
        .collect();
    assert!(
        found.is_empty(),
        "English words {found:?} in\n{}",
        visible_text(html)
    );
}

/// A multipart body of `fields`, as the page's form posts it.
fn multipart(fields: &[(&str, &str)]) -> String {
    let mut body = String::new();
    for (name, value) in fields {
        body.push_str(&format!(
            "--XyZ\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
        ));
    }
    body.push_str("--XyZ--\r\n");
    body
}

#[test]
fn serve_lang_es_speaks_spanish_reads_spanish_dates_and_saves_a_spanish_intake() {
    let server = Server::start_with(&["--lang", "es"]);
    let own = server.addr.clone();
    let (status, page) = get(&server, &server.base, &own);
    assert_eq!(status, 200);
    assert!(page.contains("<html lang=\"es\">"), "{page}");
    for spanish in [
        "Prepare su consulta",
        "Añadir otro medicamento",
        "Añadir otra alergia",
        "Quitar el medicamento 1",
        "por ejemplo 14 de marzo de 1956",
        "Hacer mi hoja de consulta",
    ] {
        assert!(page.contains(spanish), "{spanish} not on the page");
    }
    assert_no_english(&page);
    // The check itself fails on the English page.
    let english = Server::start();
    let (_, english_page) = get(&english, &english.base, &english.addr.clone());
    let words = words_of(&visible_text(&english_page));
    assert!(english_only_on_the_form().iter().any(|w| words.contains(w)));
    drop(english);

    let origin = format!("http://{own}");
    let typed = [
        ("patient.name", "Ana Ejemplo"),
        ("patient.born", "14 de marzo de 1956"),
        ("visit.when", "2 de diciembre de 2026 a las 9:30"),
        ("health.allergies[0]", "ninguna"),
        ("diary[0].night", "3 de noviembre de 2026"),
        ("diary[0].at", "2:40"),
    ];
    // A bad value of the form's own (minutes), and one `check` refuses (a pain of 12).
    let mut bad = typed.to_vec();
    bad.extend([
        ("diary[0].minutes", "mucho"),
        ("diary[0].severity", "12"),
        ("do", "check"),
    ]);
    let (status, page) = post(&server, Some(&origin), &multipart(&bad));
    assert_eq!(status, 200);
    assert!(page.contains("<html lang=\"es\">"));
    assert!(
        page.contains("Revise 2 respuestas"),
        "{}",
        visible_text(&page)
    );
    assert!(
        page.contains("«mucho» no es un número de minutos. Escriba un número, por ejemplo 4."),
        "{}",
        visible_text(&page)
    );
    let severity = page
        .split("id=\"f-diary-0-severity-error-1\">")
        .nth(1)
        .expect("a problem beside the pain's box");
    let severity = &severity[..severity.find("</p>").unwrap()];
    assert!(severity.contains("Problema: "), "{severity}");
    assert!(severity.contains("12"), "{severity}");
    assert_no_english(&page);
    // The Spanish dates were read: none of them is marked.
    for name in ["patient-born", "visit-when", "diary-0-night", "diary-0-at"] {
        assert!(
            !page.contains(&format!("id=\"f-{name}-error-1\"")),
            "{name}"
        );
    }

    let mut good = typed.to_vec();
    good.push(("do", "save"));
    let (status, answer) = post(&server, Some(&origin), &multipart(&good));
    assert_eq!(status, 200);
    assert!(answer.contains("my-visit-answers.toml"), "{answer}");
    let toml_text = answer.split_once("\r\n\r\n").unwrap().1;
    let saved: toml::Table = toml_text.parse().unwrap();
    assert_eq!(saved["visit"]["sheet_language"].as_str(), Some("es"));
    assert_eq!(saved["patient"]["born"].to_string(), "1956-03-14");
    assert_eq!(saved["visit"]["when"].to_string(), "2026-12-02T09:30:00");
    let diary = &saved["diary"].as_array().unwrap()[0];
    assert_eq!(diary["night"].to_string(), "2026-11-03");
    assert_eq!(diary["at"].to_string(), "02:40:00");
    assert_eq!(saved["health"]["allergies"].to_string(), "[\"none\"]");
    // `check` takes the saved answers, and speaks Spanish about them unasked.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("datos.toml");
    std::fs::write(&file, toml_text).unwrap();
    let check = bin().arg("check").arg(&file).output().unwrap();
    assert!(check.status.success(), "{}", stderr(&check));
    assert!(
        String::from_utf8_lossy(&check.stdout).contains("correcto"),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
}

#[test]
fn without_lang_the_form_speaks_the_language_of_the_intake_opened() {
    let server = Server::start();
    let origin = format!("http://{}", server.addr);
    let intake = std::fs::read_to_string(example("complete.toml"))
        .unwrap()
        .replace("[visit]\n", "[visit]\nsheet_language = \"fr\"\n");
    assert!(intake.contains("sheet_language = \"fr\""));
    let body = format!(
        "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"marie.toml\"\r\nContent-Type: application/toml\r\n\r\n{intake}\r\n--XyZ\r\nContent-Disposition: form-data; name=\"do\"\r\n\r\nupload\r\n--XyZ--\r\n"
    );
    let (status, page) = post(&server, Some(&origin), &body);
    assert_eq!(status, 200);
    assert!(
        page.contains("<html lang=\"fr\">"),
        "{}",
        visible_text(&page)
    );
    assert!(page.contains("Vos réponses de marie.toml sont remplies ci-dessous"));
    assert!(
        page.contains("value=\"mercredi 14 mars 1956\""),
        "{}",
        visible_text(&page)
    );
    // The page posts its language on, so the next answer is in French too.
    assert!(page.contains("name=\"page.language\" value=\"fr\""));
    let (_, next) = post(
        &server,
        Some(&origin),
        &multipart(&[
            ("page.language", "fr"),
            ("patient.name", ""),
            ("do", "check"),
        ]),
    );
    assert!(next.contains("<html lang=\"fr\">"));
    assert!(
        next.contains("Vérifiez 1 réponse"),
        "{}",
        visible_text(&next)
    );
}

#[test]
fn the_spanish_page_passes_axe_in_the_browser() {
    let server = Server::start_with(&["--lang", "es"]);
    let dir = tempfile::tempdir().unwrap();
    let shot = dir.path().join("form-es.png");
    let seen = drive(&[
        "axe",
        &server.url,
        dir.path().to_str().unwrap(),
        shot.to_str().unwrap(),
    ]);
    for state in ["empty", "withProblems"] {
        assert_eq!(
            seen[state]["violations"],
            serde_json::json!([]),
            "axe found violations on the Spanish {state} form"
        );
    }
    assert_eq!(seen["lang"], "es", "{seen}");
    assert!(
        seen["title"]
            .as_str()
            .unwrap()
            .starts_with("Revise sus respuestas"),
        "{seen}"
    );
    assert!(std::fs::read(shot).unwrap().starts_with(b"\x89PNG"));
}

//! `visitprep serve`: the intake as a web form, served to this computer alone.
//!
//! Health details must not leave the machine, nor be readable by another web page open in
//! the same browser. So the server listens on a loopback address only; every request must
//! carry the secret of this run in its path; the `Host` header must name this server (a
//! foreign name is a DNS-rebinding page reaching in); and a post must come from the form
//! itself (`Origin`, else `Referer`), never from another site. Nothing is written to disk,
//! and nothing outlives the run.

use std::io::{Read, Write};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::Path;

use tiny_http::{Header, Method, Request, Response, Server};
use visitprep::{form_words, FontSet, FormReply, FormUpload, Language, Words};

use super::{Error, Shell};

/// The largest request body taken: the whole form with a visit sheet attached is far
/// smaller. A larger one is refused before it is read.
pub const MAX_BODY_BYTES: usize = 1536 * 1024;

/// What every answer says about itself: no script, style, frame or form target from
/// anywhere but this server; nothing cached; the address (with its secret) never sent on.
const POLICY: &str =
    "default-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// Serves the form, in `lang` (`--lang`); without it, in the language of the intake the
/// person opens, else English.
pub fn serve(
    host: &str,
    port: Option<u16>,
    open: bool,
    lang: Option<Language>,
    shell: &Shell,
) -> Result<(), Error> {
    let ip = loopback(host)?;
    // The terminal's lines in the language asked for; the page follows the intake opened.
    let said = form_words(lang.unwrap_or(Language::English));
    // Before the server's threads start, so that they leave the signals to one thread.
    super::process::stop_cleanly_on_signals(move |_| said.get("serve-stopped"));
    let wanted = SocketAddr::new(ip, port.unwrap_or(0));
    let server = Server::http(wanted).map_err(|e| Error::Listen {
        addr: wanted.to_string(),
        error: e.to_string(),
    })?;
    let addr = server.server_addr().to_ip().ok_or_else(|| Error::Listen {
        addr: wanted.to_string(),
        error: "the address the server was given is not an IP address".into(),
    })?;
    let secret = secret()?;
    let site = Site::new(addr, &secret, lang);
    let url = format!("http://{}{}", site.own_hosts[0], site.base);
    // The address alone on standard output, for a script (or a test) to read.
    let mut out = std::io::stdout();
    writeln!(out, "{url}")
        .and_then(|_| out.flush())
        .map_err(|error| Error::Print {
            what: "print the address",
            error,
        })?;
    shell.status(&said.get("serve-open"));
    shell.note(&said.get("serve-how"));
    if open {
        if let Err(e) = open_browser(&url) {
            shell.warning(&said.with("serve-no-browser", &[("error", Words::text(e.to_string()))]));
        }
    }
    let fonts = FontSet::embedded();
    let dir = Path::new(".");
    for request in server.incoming_requests() {
        let answer = site.answer(request, &fonts, dir);
        if let Err(e) = answer {
            // The browser went away mid-answer: nothing to do but serve the next one.
            shell.note(&said.with(
                "serve-reply-failed",
                &[("error", Words::text(e.to_string()))],
            ));
        }
    }
    Ok(())
}

/// The address to listen on, which must be this computer's own.
fn loopback(host: &str) -> Result<IpAddr, Error> {
    let ip = match host.trim() {
        "localhost" => IpAddr::V4(Ipv4Addr::LOCALHOST),
        other => other
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<IpAddr>()
            .map_err(|_| Error::NotLoopback { host: host.into() })?,
    };
    if ip.is_loopback() {
        Ok(ip)
    } else {
        Err(Error::NotLoopback { host: host.into() })
    }
}

/// 128 bits from the operating system's generator, as hex.
fn secret() -> Result<String, Error> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| Error::Listen {
        addr: "the secret of the address".into(),
        error: e.to_string(),
    })?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

fn open_browser(url: &str) -> std::io::Result<()> {
    use std::process::{Command, Stdio};
    let mut command = if cfg!(target_os = "macos") {
        let mut c = Command::new("open");
        c.arg(url);
        c
    } else if cfg!(windows) {
        let mut c = Command::new("cmd");
        c.args(["/C", "start", "", url]);
        c
    } else {
        let mut c = Command::new("xdg-open");
        c.arg(url);
        c
    };
    command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map(drop)
}

/// The server's own names and the secret path every request must start with.
struct Site {
    /// `127.0.0.1:PORT` (or `[::1]:PORT`) and `localhost:PORT`, as a `Host` header has them.
    own_hosts: Vec<String>,
    /// `/SECRET/`.
    base: String,
    secret: String,
    /// The form's language, when `--lang` chose it.
    lang: Option<Language>,
    /// The words of the server's own short pages: in `lang`, else English.
    words: &'static Words,
}

/// Two strings compared in time that does not depend on where they first differ.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

fn header<'r>(request: &'r Request, name: &'static str) -> Option<&'r str> {
    request
        .headers()
        .iter()
        .find(|h| h.field.equiv(name))
        .map(|h| h.value.as_str())
}

impl Site {
    fn new(addr: SocketAddr, secret: &str, lang: Option<Language>) -> Site {
        let port = addr.port();
        let ip = match addr.ip() {
            IpAddr::V6(ip) => format!("[{ip}]:{port}"),
            IpAddr::V4(ip) => format!("{ip}:{port}"),
        };
        Site {
            own_hosts: vec![ip, format!("localhost:{port}")],
            base: format!("/{secret}/"),
            secret: secret.into(),
            lang,
            words: form_words(lang.unwrap_or(Language::English)),
        }
    }

    fn is_own_host(&self, host: &str) -> bool {
        self.own_hosts.iter().any(|h| h.eq_ignore_ascii_case(host))
    }

    /// A post comes from this server's own page: its `Origin`, or without one its `Referer`.
    fn posted_by_own_page(&self, request: &Request) -> bool {
        let own = |url: &str| {
            url.strip_prefix("http://")
                .map(|rest| rest.split('/').next().unwrap_or(""))
                .is_some_and(|host| self.is_own_host(host))
        };
        match (header(request, "Origin"), header(request, "Referer")) {
            (Some(origin), _) => own(origin),
            (None, Some(referer)) => own(referer),
            (None, None) => false,
        }
    }

    fn answer(&self, mut request: Request, fonts: &FontSet, dir: &Path) -> std::io::Result<()> {
        if !header(&request, "Host").is_some_and(|h| self.is_own_host(h)) {
            return request.respond(self.refusal(403, &self.words.get("form-refused-host")));
        }
        let path = request
            .url()
            .split(['?', '#'])
            .next()
            .unwrap_or("")
            .to_string();
        let rest = path
            .strip_prefix('/')
            .and_then(|p| p.split_once('/'))
            .filter(|(secret, _)| same(secret, &self.secret))
            .map(|(_, rest)| rest.to_string());
        let Some(rest) = rest else {
            return request.respond(self.refusal(404, &self.words.get("form-refused-secret")));
        };
        match (request.method(), rest.as_str()) {
            (Method::Get, "") => {
                request.respond(html(200, visitprep::form_page(&self.base, self.lang)))
            }
            (Method::Get, "page.css") => request.respond(with_policy(
                Response::from_string(visitprep::FORM_STYLE)
                    .with_header(content_type("text/css; charset=utf-8")),
            )),
            (Method::Post, "") => {
                if !self.posted_by_own_page(&request) {
                    return request
                        .respond(self.refusal(403, &self.words.get("form-refused-origin")));
                }
                let reply = match read_post(&mut request, self.words) {
                    Ok((fields, upload)) => visitprep::form_reply(
                        &fields,
                        upload,
                        &self.base,
                        dir,
                        fonts,
                        super::clock::now(),
                        self.lang,
                    ),
                    Err(Refusal { status, text }) => {
                        return request.respond(self.refusal_with_way_back(status, &text));
                    }
                };
                request.respond(match reply {
                    FormReply::Page(page) => html(200, page),
                    FormReply::Sheet(pdf) => download(pdf, "application/pdf", "visit-sheet.pdf"),
                    FormReply::Answers(toml) => download(
                        toml.into_bytes(),
                        "application/toml; charset=utf-8",
                        "my-visit-answers.toml",
                    ),
                })
            }
            _ => request.respond(self.refusal(404, &self.words.get("form-refused-no-page"))),
        }
    }
}

/// A post's fields as (name, value), and the file it carries, if any.
type Posted = (Vec<(String, String)>, Option<FormUpload>);

struct Refusal {
    status: u16,
    text: String,
}

/// The posted form: its fields, and the file chosen to continue from. The body is read
/// only up to [`MAX_BODY_BYTES`].
fn read_post(request: &mut Request, words: &Words) -> Result<Posted, Refusal> {
    let too_large = || Refusal {
        status: 413,
        text: words.with(
            "form-refused-too-large",
            &[("kb", Words::text((MAX_BODY_BYTES / 1024).to_string()))],
        ),
    };
    let unreadable_because =
        |error: String| words.with("form-refused-unreadable", &[("error", Words::text(error))]);
    if request.body_length().is_some_and(|n| n > MAX_BODY_BYTES) {
        return Err(too_large());
    }
    let content_type = header(request, "Content-Type").unwrap_or("").to_string();
    let mut body = Vec::new();
    request
        .as_reader()
        .take(MAX_BODY_BYTES as u64 + 1)
        .read_to_end(&mut body)
        .map_err(|e| Refusal {
            status: 400,
            text: unreadable_because(e.to_string()),
        })?;
    if body.len() > MAX_BODY_BYTES {
        return Err(too_large());
    }
    let boundary = multer::parse_boundary(&content_type).map_err(|_| Refusal {
        status: 415,
        text: words.get("form-refused-not-multipart"),
    })?;
    let stream = futures_util::stream::once(std::future::ready(Ok::<_, std::io::Error>(body)));
    let mut parts = multer::Multipart::new(stream, boundary);
    let unreadable = |e: multer::Error| Refusal {
        status: 400,
        text: unreadable_because(e.to_string()),
    };
    pollster::block_on(async {
        let mut fields = Vec::new();
        let mut upload = None;
        while let Some(part) = parts.next_field().await.map_err(unreadable)? {
            let name = part.name().unwrap_or("").to_string();
            match part.file_name().map(str::to_string) {
                Some(file_name) => {
                    let bytes = part.bytes().await.map_err(unreadable)?;
                    if name == "file" {
                        upload = Some(FormUpload {
                            file_name,
                            bytes: bytes.to_vec(),
                        });
                    }
                }
                None => fields.push((name, part.text().await.map_err(unreadable)?)),
            }
        }
        Ok((fields, upload))
    })
}

fn content_type(value: &str) -> Header {
    Header::from_bytes("Content-Type", value).expect("a fixed header is valid")
}

fn with_policy<R: Read>(response: Response<R>) -> Response<R> {
    let headers = [
        ("Content-Security-Policy", POLICY),
        ("X-Content-Type-Options", "nosniff"),
        ("X-Frame-Options", "DENY"),
        ("Referrer-Policy", "same-origin"),
        ("Cache-Control", "no-store"),
    ];
    headers.into_iter().fold(response, |r, (name, value)| {
        r.with_header(Header::from_bytes(name, value).expect("a fixed header is valid"))
    })
}

fn html(status: u16, page: String) -> Response<std::io::Cursor<Vec<u8>>> {
    with_policy(
        Response::from_data(page.into_bytes())
            .with_status_code(status)
            .with_header(content_type("text/html; charset=utf-8")),
    )
}

fn download(bytes: Vec<u8>, mime: &str, name: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    let disposition = format!("attachment; filename=\"{name}\"");
    with_policy(
        Response::from_data(bytes)
            .with_header(content_type(mime))
            .with_header(
                Header::from_bytes("Content-Disposition", disposition)
                    .expect("a fixed header is valid"),
            ),
    )
}

use visitprep::escape_markup as escaped;

impl Site {
    /// A refusal as a short page of its own.
    fn refusal(&self, status: u16, text: &str) -> Response<std::io::Cursor<Vec<u8>>> {
        self.refusal_page(status, text, "")
    }

    /// A refusal of a post that had the secret: with a link back to the form.
    fn refusal_with_way_back(&self, status: u16, text: &str) -> Response<std::io::Cursor<Vec<u8>>> {
        let back = format!(
            "<p><a href=\"{}\">{}</a> {}</p>",
            escaped(&self.base),
            escaped(&self.words.get("form-back")),
            escaped(&self.words.get("form-back-more")),
        );
        self.refusal_page(status, text, &back)
    }

    fn refusal_page(
        &self,
        status: u16,
        text: &str,
        more: &str,
    ) -> Response<std::io::Cursor<Vec<u8>>> {
        html(
            status,
            format!(
                "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>visitprep</title></head><body><main><h1>{}</h1><p>{}</p>{more}</main></body></html>\n",
                self.words.language.tag(),
                escaped(&self.words.get("form-refused-title")),
                escaped(text)
            ),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_this_computers_addresses_are_taken() {
        for host in ["127.0.0.1", "localhost", "::1", "[::1]", "127.0.0.2"] {
            assert!(loopback(host).is_ok(), "{host}");
        }
        for host in ["0.0.0.0", "::", "192.168.1.10", "example.org", ""] {
            assert!(
                matches!(loopback(host), Err(Error::NotLoopback { .. })),
                "{host}"
            );
        }
    }

    #[test]
    fn the_secret_is_long_and_new_each_time() {
        let (a, b) = (secret().unwrap(), secret().unwrap());
        assert_eq!(a.len(), 32);
        assert_ne!(a, b);
        assert!(same(&a, &a.clone()) && !same(&a, &b) && !same(&a, &a[1..]));
    }
}

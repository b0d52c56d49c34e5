//! Reading what the user gives us, whatever it turns out to be. A path may name a regular
//! file, but also a pipe, `/dev/stdin` or `/dev/zero`: their size is unknown until read, so
//! the size check of a file's metadata proves nothing. Every input is read through here, at
//! most one byte past its limit, so nothing endless or huge is ever taken into memory.

use std::io::{self, Read};
use std::path::Path;

/// An intake (and the answers of an interview) is a short text: no honest one comes near this.
pub const MAX_TEXT_BYTES: u64 = 1024 * 1024;
/// A guide is a short text as well.
pub const MAX_GUIDE_BYTES: u64 = 1024 * 1024;
/// Large enough for complete CJK fonts (Noto Sans CJK is about 20 MB, a `.ttc` of several
/// weights up to 30 MB), far below what would strain the memory of an old computer.
pub const MAX_FONT_BYTES: u64 = 64 * 1024 * 1024;

/// True when `path` is a stream rather than a file in a folder of the user's: `-`, or a name
/// the system gives a pipe or standard input (`/dev/stdin`, `/dev/fd/63` from `<(...)`,
/// `/proc/self/fd/0`). Such an input has no folder to find its guide in, nor a name to
/// give its sheet.
pub fn is_stream(path: &Path) -> bool {
    path == Path::new("-") || path.starts_with("/dev") || path.starts_with("/proc")
}

/// What kind of thing a path names, in the user's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    File,
    Folder,
    Pipe,
    Device,
    Socket,
    Other,
}

impl Kind {
    pub fn of(meta: &std::fs::Metadata) -> Kind {
        let t = meta.file_type();
        if t.is_file() {
            return Kind::File;
        }
        if t.is_dir() {
            return Kind::Folder;
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if t.is_fifo() {
                return Kind::Pipe;
            }
            if t.is_char_device() || t.is_block_device() {
                return Kind::Device;
            }
            if t.is_socket() {
                return Kind::Socket;
            }
        }
        Kind::Other
    }

    /// "a folder", "a named pipe (FIFO)", ...
    pub fn described(self) -> &'static str {
        match self {
            Kind::File => "a file",
            Kind::Folder => "a folder",
            Kind::Pipe => "a named pipe (FIFO)",
            Kind::Device => "a device",
            Kind::Socket => "a socket",
            Kind::Other => "not a regular file",
        }
    }
}

/// Why an input could not be read.
#[derive(Debug)]
pub enum ReadError {
    /// More than `limit` bytes: the input was not read further.
    TooLarge {
        limit: u64,
    },
    /// A folder cannot be read as a file.
    Folder,
    /// The first bytes show it is not what was expected.
    WrongStart,
    /// A named pipe that nothing opened for writing in the time given.
    NoWriter,
    Io(io::Error),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::TooLarge { limit } => {
                write!(f, "it is larger than {}", size_in_words(*limit))
            }
            ReadError::Folder => f.write_str("it is a folder"),
            ReadError::WrongStart => f.write_str("its first bytes are not what was expected"),
            ReadError::NoWriter => f.write_str("it is a named pipe (FIFO) that nothing writes to"),
            ReadError::Io(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for ReadError {}

/// `1 MiB`, `64 MiB`, or a byte count.
pub fn size_in_words(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if bytes >= MIB && bytes.is_multiple_of(MIB) {
        format!("{} MiB", bytes / MIB)
    } else {
        format!("{bytes} bytes")
    }
}

/// Reads all of `path`, refusing it once it holds more than `limit` bytes.
pub fn read(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    read_checked(path, limit, 0, |_| true)
}

/// As [`read`], and refuses the input as soon as its first `head` bytes fail `accept`
/// (an input shorter than `head` is judged by what it has), before reading the rest.
pub fn read_checked(
    path: &Path,
    limit: u64,
    head: usize,
    accept: impl Fn(&[u8]) -> bool,
) -> Result<Vec<u8>, ReadError> {
    // A regular file's size is known: refuse a big one without reading a byte of it.
    let meta = std::fs::metadata(path).map_err(ReadError::Io)?;
    match Kind::of(&meta) {
        Kind::Folder => return Err(ReadError::Folder),
        Kind::File if meta.len() > limit => return Err(ReadError::TooLarge { limit }),
        _ => {}
    }
    let file = std::fs::File::open(path).map_err(ReadError::Io)?;
    read_from_checked(file, limit, head, accept)
}

/// As [`read_checked`], and a named pipe that no program opens for writing within
/// `patience` is refused: opening one waits for a writer, which may never come.
pub fn read_checked_within(
    path: &Path,
    limit: u64,
    head: usize,
    accept: impl Fn(&[u8]) -> bool,
    patience: std::time::Duration,
) -> Result<Vec<u8>, ReadError> {
    let meta = std::fs::metadata(path).map_err(ReadError::Io)?;
    if Kind::of(&meta) != Kind::Pipe {
        return read_checked(path, limit, head, accept);
    }
    // The open waits in a thread of its own; given up on, it ends with the program.
    let (sender, receiver) = std::sync::mpsc::channel();
    let owned = path.to_path_buf();
    std::thread::spawn(move || {
        let _ = sender.send(std::fs::File::open(owned));
    });
    let file = receiver
        .recv_timeout(patience)
        .map_err(|_| ReadError::NoWriter)?
        .map_err(ReadError::Io)?;
    read_from_checked(file, limit, head, accept)
}

/// Reads all of `reader` (standard input, say), refusing it beyond `limit` bytes.
pub fn read_from(reader: impl Read, limit: u64) -> Result<Vec<u8>, ReadError> {
    read_from_checked(reader, limit, 0, |_| true)
}

/// As [`read_from`], refusing the input as soon as its first `head` bytes fail `accept`.
pub fn read_from_checked(
    reader: impl Read,
    limit: u64,
    head: usize,
    accept: impl Fn(&[u8]) -> bool,
) -> Result<Vec<u8>, ReadError> {
    let mut bounded = reader.take(limit.saturating_add(1));
    let mut bytes = Vec::new();
    if head > 0 {
        (&mut bounded)
            .take(head as u64)
            .read_to_end(&mut bytes)
            .map_err(ReadError::Io)?;
        if !accept(&bytes) {
            return Err(ReadError::WrongStart);
        }
    }
    bounded.read_to_end(&mut bytes).map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { limit });
    }
    Ok(bytes)
}

/// A reader that fails, rather than giving more, once `limit` bytes have been read from it:
/// for input read a line at a time, where a line without end must not fill the memory.
pub struct Bounded<R> {
    inner: R,
    left: u64,
    limit: u64,
}

impl<R: Read> Bounded<R> {
    pub fn new(inner: R, limit: u64) -> Bounded<R> {
        Bounded {
            inner,
            left: limit,
            limit,
        }
    }
}

impl<R: Read> Read for Bounded<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        if self.left == 0 {
            // One byte more tells an input that ends exactly at the limit from a longer one.
            let mut probe = [0u8; 1];
            return match self.inner.read(&mut probe)? {
                0 => Ok(0),
                _ => Err(io::Error::other(format!(
                    "the input is longer than {}",
                    size_in_words(self.limit)
                ))),
            };
        }
        let want = buf.len().min(self.left.min(usize::MAX as u64) as usize);
        let n = self.inner.read(&mut buf[..want])?;
        self.left -= n as u64;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_endless_input_stops_one_byte_past_the_limit() {
        let endless = io::repeat(0);
        match read_from(endless, 1000) {
            Err(ReadError::TooLarge { limit: 1000 }) => {}
            other => panic!("unexpected {other:?}"),
        }
        assert_eq!(read_from(&b"12345"[..], 5).unwrap(), b"12345");
        assert!(matches!(
            read_from(&b"123456"[..], 5),
            Err(ReadError::TooLarge { .. })
        ));
    }

    #[test]
    fn a_wrong_start_is_refused_before_the_rest_is_read() {
        let mut endless = io::repeat(0);
        let r = read_from_checked(&mut endless, u64::MAX, 4, |h| h == b"OTTO");
        assert!(matches!(r, Err(ReadError::WrongStart)));
    }

    #[test]
    fn bounded_lines_fail_past_the_limit() {
        use std::io::BufRead;
        let mut lines = io::BufReader::new(Bounded::new(&b"ab\ncd\n"[..], 6));
        let mut s = String::new();
        lines.read_line(&mut s).unwrap();
        lines.read_line(&mut s).unwrap();
        assert_eq!(s, "ab\ncd\n");
        assert_eq!(lines.read_line(&mut s).unwrap(), 0);
        let mut endless = io::BufReader::new(Bounded::new(io::repeat(b'y'), 100));
        let err = endless.read_line(&mut String::new()).unwrap_err();
        assert!(err.to_string().contains("longer than 100 bytes"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_without_a_writer_is_refused_in_the_time_given() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("waiting");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.unwrap().success());
        let start = std::time::Instant::now();
        let patience = std::time::Duration::from_millis(200);
        let r = read_checked_within(&fifo, 100, 0, |_| true, patience);
        assert!(matches!(r, Err(ReadError::NoWriter)), "{r:?}");
        assert!(start.elapsed() < std::time::Duration::from_secs(2));
    }

    #[test]
    fn dev_zero_is_refused_quickly() {
        let p = Path::new("/dev/zero");
        if p.exists() {
            assert!(matches!(read(p, 4096), Err(ReadError::TooLarge { .. })));
        }
    }
}

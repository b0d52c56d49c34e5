//! Writing the finished sheet without ever damaging what the user already has: a temporary
//! file beside the target, renamed over it only when complete, readable by its owner only.
//! Only a regular file is ever replaced: a pipe, a device or a socket is never opened for
//! reading (that would wait forever) nor replaced. Standard output is written as a stream.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use crate::input::Kind;

/// Why a file was not written. Says what happened, not what to type: the caller knows how
/// the user named the file and words the way out.
#[derive(Debug)]
pub enum WriteError {
    /// The target is one of the files the call reads (the intake, say).
    WouldOverwriteIntake(PathBuf),
    /// The target exists and is not an earlier file of the kind being written; only
    /// [`Overwrite::force`] replaces it.
    Exists(PathBuf),
    /// The target is a folder, a pipe, a device or a socket: never replaced, forced or not.
    NotAFile { path: PathBuf, kind: Kind },
    /// Standard output is a terminal, where a PDF would be unreadable noise.
    Terminal,
    /// A signal stopped the program before the file was complete; nothing was left behind.
    Interrupted(PathBuf),
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::WouldOverwriteIntake(p) => write!(
                f,
                "refusing to write over {}, a file being read",
                p.display()
            ),
            WriteError::Exists(p) => write!(
                f,
                "{} exists and is not a file of the kind being written; refusing to replace it",
                p.display()
            ),
            WriteError::NotAFile { path, kind } => write!(
                f,
                "{} is {}, not a file; refusing to write to it",
                path.display(),
                kind.described()
            ),
            WriteError::Terminal => f.write_str("refusing to write a PDF to the terminal"),
            WriteError::Interrupted(p) => {
                write!(f, "stopped before {} was written", p.display())
            }
            WriteError::Io { path, error } => write!(f, "cannot write {}: {error}", path.display()),
        }
    }
}

impl std::error::Error for WriteError {}

/// Rules for replacing an existing regular file (anything else is never replaced).
#[derive(Debug, Clone, Copy)]
pub struct Overwrite {
    /// Replace any regular file.
    pub force: bool,
    /// Tells from a file's first bytes (at most [`HEAD_BYTES`]) that it is an earlier file
    /// of the kind being written, which may be replaced without `force`; `None`: no file may.
    pub earlier: Option<fn(&[u8]) -> bool>,
}

/// How much of an existing file [`Overwrite::earlier`] is shown.
pub const HEAD_BYTES: usize = 4096;

impl Overwrite {
    /// A PDF may be replaced by a PDF; anything else only with `force`.
    pub fn pdf(force: bool) -> Overwrite {
        Overwrite {
            force,
            earlier: Some(is_pdf),
        }
    }

    /// Nothing is replaced without `force`.
    pub fn only_forced(force: bool) -> Overwrite {
        Overwrite {
            force,
            earlier: None,
        }
    }
}

impl Default for Overwrite {
    fn default() -> Overwrite {
        Overwrite::pdf(false)
    }
}

/// The start of a PDF file.
pub fn is_pdf(head: &[u8]) -> bool {
    head.starts_with(b"%PDF-")
}

/// True when a path given for output means standard output, written as a stream: `-`, and the names the
/// system gives standard output (renaming a file over those would replace the link itself).
pub fn is_stdout(path: &Path) -> bool {
    ["-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"]
        .iter()
        .any(|s| path == Path::new(s))
}

/// Checks, before any work is done, that `target` may be written.
pub fn check_target(
    target: &Path,
    protected: &[&Path],
    rules: Overwrite,
) -> Result<(), WriteError> {
    if is_stdout(target) {
        return if std::io::stdout().is_terminal() {
            Err(WriteError::Terminal)
        } else {
            Ok(())
        };
    }
    for p in protected {
        if same_file(target, p) {
            return Err(WriteError::WouldOverwriteIntake(target.to_path_buf()));
        }
    }
    let meta = match std::fs::metadata(target) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(error) => {
            return Err(WriteError::Io {
                path: target.to_path_buf(),
                error,
            })
        }
    };
    match Kind::of(&meta) {
        Kind::File
            if rules.force || rules.earlier.is_some_and(|earlier| earlier(&head(target))) =>
        {
            Ok(())
        }
        Kind::File => Err(WriteError::Exists(target.to_path_buf())),
        kind => Err(WriteError::NotAFile {
            path: target.to_path_buf(),
            kind,
        }),
    }
}

/// The first [`HEAD_BYTES`] of a file, or fewer; nothing when it cannot be read. Only ever
/// called on a regular file: opening a pipe to read would wait for a writer.
fn head(path: &Path) -> Vec<u8> {
    let mut head = Vec::new();
    if let Ok(file) = std::fs::File::open(path) {
        let _ = std::io::Read::read_to_end(
            &mut std::io::Read::take(file, HEAD_BYTES as u64),
            &mut head,
        );
    }
    head
}

/// True when both paths name one existing file.
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (FileId::of(a), FileId::of(b)) {
        (Some(a), Some(b)) => a == b,
        _ => false,
    }
}

/// What makes a file itself whatever path names it (links followed): two paths with the
/// same id are one file. Cheaper than canonical paths, which cost a system call for every
/// component of every path.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FileId(
    #[cfg(unix)] (u64, u64),
    #[cfg(not(unix))] std::path::PathBuf,
);

impl FileId {
    /// The id of an existing file; `None` when there is nothing at `path`.
    pub fn of(path: &Path) -> Option<FileId> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            std::fs::metadata(path)
                .ok()
                .map(|m| FileId((m.dev(), m.ino())))
        }
        #[cfg(not(unix))]
        {
            path.canonicalize().ok().map(FileId)
        }
    }
}

/// Writes files atomically for one run of the program, and knows which temporary files are
/// being written at any moment, so that whoever handles a signal can [`Writer::stop`] it: the
/// temporary files are removed and nothing more is written. The program holds one; the
/// library keeps no state of its own.
pub struct Writer {
    live: Mutex<Live>,
    /// Files completed in this run.
    written: AtomicUsize,
}

struct Live {
    temps: Vec<PathBuf>,
    stopping: bool,
}

impl Default for Writer {
    fn default() -> Writer {
        Writer::new()
    }
}

impl Writer {
    pub const fn new() -> Writer {
        Writer {
            live: Mutex::new(Live {
                temps: Vec::new(),
                stopping: false,
            }),
            written: AtomicUsize::new(0),
        }
    }

    fn live(&self) -> std::sync::MutexGuard<'_, Live> {
        self.live.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// How many files [`Writer::write_atomic`] has completed.
    pub fn written(&self) -> usize {
        self.written.load(Ordering::SeqCst)
    }

    /// Removes the files being written and refuses every write from now on; gives how many
    /// were completed. A file is either complete at its place or removed, never half of each.
    pub fn stop(&self) -> usize {
        let mut live = self.live();
        live.stopping = true;
        for tmp in live.temps.drain(..) {
            let _ = std::fs::remove_file(tmp);
        }
        self.written()
    }

    /// Writes `bytes` to `target` atomically, with mode 0600 on Unix. `target` is standard
    /// output when [`is_stdout`] says so.
    pub fn write_atomic(&self, target: &Path, bytes: &[u8]) -> Result<(), WriteError> {
        let io = |error: std::io::Error| WriteError::Io {
            path: target.to_path_buf(),
            error,
        };
        if is_stdout(target) {
            let mut out = std::io::stdout().lock();
            out.write_all(bytes)
                .and_then(|()| out.flush())
                .map_err(io)?;
            self.written.fetch_add(1, Ordering::SeqCst);
            return Ok(());
        }
        let dir = match target.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        let mut tmp = {
            let mut live = self.live();
            if live.stopping {
                return Err(WriteError::Interrupted(target.to_path_buf()));
            }
            let tmp = tempfile::Builder::new()
                .prefix(".visitprep-")
                .suffix(".tmp")
                .tempfile_in(dir)
                .map_err(io)?;
            live.temps.push(tmp.path().to_path_buf());
            tmp
        };
        let tmp_path = tmp.path().to_path_buf();
        let forget = |live: &mut Live| live.temps.retain(|p| *p != tmp_path);
        let written = (|| {
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                tmp.as_file()
                    .set_permissions(std::fs::Permissions::from_mode(0o600))?;
            }
            tmp.write_all(bytes)?;
            tmp.as_file().sync_all()
        })();
        // Renamed while holding the list: a stop then finds the file either complete at its
        // place, or still temporary and removes it; never half of each.
        let mut live = self.live();
        forget(&mut live);
        if let Err(e) = written {
            return Err(io(e));
        }
        if live.stopping {
            return Err(WriteError::Interrupted(target.to_path_buf()));
        }
        tmp.persist(target).map_err(|e| io(e.error))?;
        self.written.fetch_add(1, Ordering::SeqCst);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_atomically_and_privately() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("sheet.pdf");
        std::fs::write(&target, b"%PDF-old").unwrap();
        Writer::new().write_atomic(&target, b"%PDF-new").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"%PDF-new");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&target).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 1, "no temporary file may remain");
    }

    #[test]
    fn refuses_the_intake_and_foreign_files() {
        let dir = tempfile::tempdir().unwrap();
        let intake = dir.path().join("intake.toml");
        std::fs::write(&intake, "x").unwrap();
        assert!(matches!(
            check_target(&intake, &[&intake], Overwrite::pdf(true)),
            Err(WriteError::WouldOverwriteIntake(_))
        ));
        let notes = dir.path().join("notes.pdf");
        std::fs::write(&notes, "my notes").unwrap();
        assert!(matches!(
            check_target(&notes, &[&intake], Overwrite::default()),
            Err(WriteError::Exists(_))
        ));
        assert!(check_target(&notes, &[&intake], Overwrite::pdf(true)).is_ok());
        #[cfg(unix)]
        {
            let null = Path::new("/dev/null");
            for force in [false, true] {
                let err = check_target(null, &[&intake], Overwrite::pdf(force)).unwrap_err();
                assert!(matches!(
                    err,
                    WriteError::NotAFile {
                        kind: Kind::Device,
                        ..
                    }
                ));
                assert!(!err.to_string().contains("--force"), "{err}");
            }
        }
        assert!(check_target(
            &dir.path().join("new.pdf"),
            &[&intake],
            Overwrite::default()
        )
        .is_ok());
    }

    #[test]
    fn only_an_earlier_file_of_the_same_kind_is_replaced_unforced() {
        let dir = tempfile::tempdir().unwrap();
        let sheet = dir.path().join("sheet.pdf");
        std::fs::write(&sheet, b"%PDF-1.7 an older sheet").unwrap();
        assert!(check_target(&sheet, &[], Overwrite::pdf(false)).is_ok());
        assert!(matches!(
            check_target(&sheet, &[], Overwrite::only_forced(false)),
            Err(WriteError::Exists(_))
        ));
        assert!(check_target(&sheet, &[], Overwrite::only_forced(true)).is_ok());
        let json = Overwrite {
            force: false,
            earlier: Some(|head: &[u8]| head.first() == Some(&b'{')),
        };
        assert!(matches!(
            check_target(&sheet, &[], json),
            Err(WriteError::Exists(_))
        ));
        let schema = dir.path().join("schema.json");
        std::fs::write(&schema, b"{}").unwrap();
        assert!(check_target(&schema, &[], json).is_ok());
    }

    /// The library knows nothing of the command line: its messages name no option.
    #[test]
    fn no_message_names_a_command_line_option() {
        let path = PathBuf::from("sheet.pdf");
        let errors = [
            WriteError::WouldOverwriteIntake(path.clone()),
            WriteError::Exists(path.clone()),
            WriteError::NotAFile {
                path: path.clone(),
                kind: Kind::Folder,
            },
            WriteError::NotAFile {
                path: path.clone(),
                kind: Kind::Pipe,
            },
            WriteError::Terminal,
            WriteError::Interrupted(path.clone()),
            WriteError::Io {
                path,
                error: std::io::Error::other("disk full"),
            },
        ];
        for e in errors {
            let text = e.to_string();
            assert!(!text.contains("--") && !text.contains("-o"), "{text}");
            assert!(!text.contains("help:"), "{text}");
        }
    }
}

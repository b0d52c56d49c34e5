//! Writing the finished sheet without ever damaging what the user already has: a temporary
//! file beside the target, renamed over it only when complete, readable by its owner only.

use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug)]
pub enum WriteError {
    /// The target is the intake itself.
    WouldOverwriteIntake(PathBuf),
    /// The target exists and is not a PDF; `--force` allows replacing it.
    NotAPdf(PathBuf),
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
                "refusing to write the sheet over the intake file {}\n  help: choose another name with -o, e.g. -o visit-sheet.pdf",
                p.display()
            ),
            WriteError::NotAPdf(p) => write!(
                f,
                "{} exists and is not a PDF; refusing to replace it\n  help: choose another name with -o, or add --force to replace it",
                p.display()
            ),
            WriteError::Io { path, error } => write!(f, "cannot write {}: {error}", path.display()),
        }
    }
}

impl std::error::Error for WriteError {}

/// Rules for replacing an existing file.
#[derive(Debug, Clone, Copy, Default)]
pub struct Overwrite {
    /// Replace a file that is not a PDF.
    pub force: bool,
}

/// Checks, before any work is done, that `target` may be written.
pub fn check_target(
    target: &Path,
    protected: &[&Path],
    rules: Overwrite,
) -> Result<(), WriteError> {
    for p in protected {
        if same_file(target, p) {
            return Err(WriteError::WouldOverwriteIntake(target.to_path_buf()));
        }
    }
    if target.is_dir() {
        return Err(WriteError::Io {
            path: target.to_path_buf(),
            error: std::io::Error::other("it is a folder"),
        });
    }
    if target.exists() && !rules.force && !looks_like_pdf(target) {
        return Err(WriteError::NotAPdf(target.to_path_buf()));
    }
    Ok(())
}

fn looks_like_pdf(path: &Path) -> bool {
    let mut head = [0u8; 5];
    std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head))
        .map(|_| &head == b"%PDF-")
        .unwrap_or(false)
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Writes `bytes` to `target` atomically, with mode 0600 on Unix.
pub fn write_atomic(target: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let io = |error: std::io::Error| WriteError::Io {
        path: target.to_path_buf(),
        error,
    };
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".visitprep-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(io)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o600))
            .map_err(io)?;
    }
    tmp.write_all(bytes).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    tmp.persist(target).map_err(|e| io(e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_atomically_and_privately() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("sheet.pdf");
        std::fs::write(&target, b"%PDF-old").unwrap();
        write_atomic(&target, b"%PDF-new").unwrap();
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
            check_target(&intake, &[&intake], Overwrite { force: true }),
            Err(WriteError::WouldOverwriteIntake(_))
        ));
        let notes = dir.path().join("notes.pdf");
        std::fs::write(&notes, "my notes").unwrap();
        assert!(matches!(
            check_target(&notes, &[&intake], Overwrite::default()),
            Err(WriteError::NotAPdf(_))
        ));
        assert!(check_target(&notes, &[&intake], Overwrite { force: true }).is_ok());
        assert!(check_target(
            &dir.path().join("new.pdf"),
            &[&intake],
            Overwrite::default()
        )
        .is_ok());
    }
}

//! What belongs to the running program rather than to the library: the files it is writing,
//! and how a signal ends it.

use std::io::Write;
use std::path::Path;

use visitprep::{WriteError, Writer};

/// The program's files being written: one list, so that a signal finds every one of them.
static FILES: Writer = Writer::new();

/// Writes `bytes` to `target` atomically (see [`Writer::write_atomic`]).
pub fn write(target: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    FILES.write_atomic(target, bytes)
}

/// From now on SIGINT, SIGTERM and SIGHUP (the terminal closed) stop the program cleanly:
/// files being written are removed, those complete are kept, `report(written)` is printed on
/// standard error, and the program ends with 130 (SIGINT), 143 (SIGTERM) or 129 (SIGHUP), as
/// a shell reports a program a signal ended.
///
/// Call it before any other thread starts: the signals are blocked in this thread, and so in
/// every thread started after it, and one thread of their own waits for them. A signal
/// ignored when the program started (`nohup`) stays ignored: an ignored signal is discarded
/// even while blocked, so it never reaches the waiting thread.
#[cfg(unix)]
pub fn stop_cleanly_on_signals(report: impl Fn(usize) -> String + Send + 'static) {
    // SAFETY: plain calls on a local, initialised signal set.
    let set = unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, libc::SIGINT);
        libc::sigaddset(&mut set, libc::SIGTERM);
        libc::sigaddset(&mut set, libc::SIGHUP);
        if libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut()) != 0 {
            return;
        }
        set
    };
    let spawned = std::thread::Builder::new()
        .name("visitprep-signals".into())
        .spawn(move || loop {
            let mut signal: libc::c_int = 0;
            // SAFETY: `set` lives in this thread; `signal` is a valid place to write to.
            if unsafe { libc::sigwait(&set, &mut signal) } != 0 {
                continue;
            }
            let written = FILES.stop();
            // Standard error may be gone (the terminal closed): the exit must not depend on it.
            let _ = writeln!(std::io::stderr(), "{}", report(written));
            std::process::exit(128 + signal);
        });
    if spawned.is_err() {
        // Without the thread, the signals keep their usual effect.
        // SAFETY: unblocking the set blocked above.
        unsafe {
            libc::pthread_sigmask(libc::SIG_UNBLOCK, &set, std::ptr::null_mut());
        }
    }
}

/// Elsewhere the signals keep their usual effect.
#[cfg(not(unix))]
pub fn stop_cleanly_on_signals(_report: impl Fn(usize) -> String + Send + 'static) {}

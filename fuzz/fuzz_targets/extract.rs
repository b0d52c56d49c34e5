//! Bytes → the reader `extract` uses. Whatever the file, it is refused or read, never a
//! panic, and what is read stays within the limits: no attached file past its own, all of
//! them together not past the budget of the whole file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use visitprep::pdf::read::{Carried, MAX_FILE_BYTES, UNPACK_BUDGET};

fuzz_target!(|data: &[u8]| {
    let Ok(carried) = Carried::open(data) else {
        return;
    };
    let mut total = 0u64;
    for i in 0..carried.names().count() {
        if let Ok(file) = carried.read(i) {
            let n = file.bytes.len() as u64;
            assert!(n <= MAX_FILE_BYTES, "{n} bytes in one file");
            total += n;
        }
    }
    assert!(total <= UNPACK_BUDGET, "{total} bytes unpacked in all");
});

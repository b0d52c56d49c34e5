//! The one place the program reads the clock.

use visitprep::Moment;

/// Now: `SOURCE_DATE_EPOCH` when set (for output that comes out the same on every run), else
/// the machine's clock, to the second.
pub fn now() -> Moment {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(Moment::from_unix)
        .unwrap_or_else(|| {
            let local = chrono::Local::now();
            let utc = local.to_utc();
            Moment {
                local: local.naive_local(),
                utc: chrono::DateTime::from_timestamp(utc.timestamp(), 0).unwrap_or(utc),
            }
        })
}

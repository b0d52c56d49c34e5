//! When something happens: the day an intake is read on, the moment a sheet is made. The
//! command line reads the clock (and `SOURCE_DATE_EPOCH`) and hands the library the result,
//! so the library never reaches into the process and a test can name any day it likes.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moment {
    /// The date and time printed on the sheet, on the patient's clock.
    pub local: NaiveDateTime,
    /// The same moment in UTC, to the second, for the record the sheet carries.
    pub utc: DateTime<Utc>,
}

impl Moment {
    /// The moment `secs` seconds after 1970-01-01 UTC, printed in UTC: a fixed moment for
    /// output that must come out the same on every machine. `None` past the calendar.
    pub fn from_unix(secs: i64) -> Option<Moment> {
        DateTime::from_timestamp(secs, 0).map(|utc| Moment {
            local: utc.naive_utc(),
            utc,
        })
    }

    /// The day it is: what "today" means when a file is read and checked.
    pub fn today(&self) -> NaiveDate {
        self.local.date()
    }
}

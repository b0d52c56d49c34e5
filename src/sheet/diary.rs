//! The patient's night-by-night log: its figures, its chart, and the blank grid to keep one.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Timelike};

use crate::words::Words;
use crate::document::{plain, BarChart, Block, Column, Span, Table, Text};
use crate::intake::DiaryEntry;

/// Charts with more weeks than this count months instead, so the bars stay readable.
const MAX_WEEKLY_BARS: usize = 26;
/// Past this many months the chart counts years.
const MAX_MONTHLY_BARS: usize = 36;

/// The figures a doctor wants from a cramp log.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub count: usize,
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub per_week: f64,
    pub mean_severity: Option<f64>,
    pub worst_severity: Option<u8>,
    /// The middle severity: half the nights were no worse.
    pub typical_severity: Option<u8>,
    pub shortest_minutes: Option<f64>,
    pub mean_minutes: Option<f64>,
    pub longest_minutes: Option<f64>,
    /// The place named most often, and how many times.
    pub usual_place: Option<(String, usize)>,
    /// Earliest, typical (median) and latest time in the night.
    pub times: Option<(NaiveTime, NaiveTime, NaiveTime)>,
}

pub fn summarize(entries: &[DiaryEntry]) -> Option<Summary> {
    let first = entries.iter().map(|e| e.night).min()?;
    let last = entries.iter().map(|e| e.night).max()?;
    let days = (last - first).num_days() + 1;
    // A log shorter than a week still counts as one week: no rate above the real count.
    let weeks = days.max(7) as f64 / 7.0;

    let mut severities: Vec<u8> = entries.iter().filter_map(|e| e.severity).collect();
    severities.sort_unstable();
    let minutes: Vec<f64> = entries.iter().filter_map(|e| e.minutes).collect();

    let usual_place = usual_place(entries);
    let times = night_times(entries);

    Some(Summary {
        count: entries.len(),
        first,
        last,
        per_week: entries.len() as f64 / weeks,
        mean_severity: mean(severities.iter().map(|&s| s as f64)),
        worst_severity: severities.iter().copied().max(),
        typical_severity: (!severities.is_empty()).then(|| severities[(severities.len() - 1) / 2]),
        shortest_minutes: minutes.iter().copied().reduce(f64::min),
        mean_minutes: mean(minutes.iter().copied()),
        longest_minutes: minutes.iter().copied().reduce(f64::max),
        usual_place,
        times,
    })
}

/// The place named most often, as first written, with how often.
fn usual_place(entries: &[DiaryEntry]) -> Option<(String, usize)> {
    let mut places: Vec<(String, String, usize)> = Vec::new();
    for place in entries.iter().filter_map(|e| e.place.as_deref()) {
        let key = place.trim().to_lowercase();
        if key.is_empty() {
            continue;
        }
        match places.iter_mut().find(|(k, _, _)| *k == key) {
            Some(p) => p.2 += 1,
            None => places.push((key, place.trim().to_string(), 1)),
        }
    }
    // The first place to reach the highest count wins a tie.
    places
        .iter()
        .fold(None::<&(String, String, usize)>, |best, p| match best {
            Some(b) if b.2 >= p.2 => Some(b),
            _ => Some(p),
        })
        .map(|(_, shown, n)| (shown.clone(), *n))
}

/// Earliest, typical (median) and latest time in the night.
fn night_times(entries: &[DiaryEntry]) -> Option<(NaiveTime, NaiveTime, NaiveTime)> {
    // Night times run from evening into morning: count hours before noon as after midnight.
    let mut night_minutes: Vec<u32> = entries
        .iter()
        .filter_map(|e| e.at)
        .map(|t| {
            let m = t.hour() * 60 + t.minute();
            if t.hour() < 12 {
                m + 24 * 60
            } else {
                m
            }
        })
        .collect();
    night_minutes.sort_unstable();
    let as_time = |m: u32| NaiveTime::from_hms_opt((m / 60) % 24, m % 60, 0).unwrap_or_default();
    (!night_minutes.is_empty()).then(|| {
        let median = night_minutes[(night_minutes.len() - 1) / 2];
        (
            as_time(night_minutes[0]),
            as_time(median),
            as_time(*night_minutes.last().unwrap_or(&median)),
        )
    })
}

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / n as f64)
}

/// Bars of cramps per week (Monday to Sunday), or per month for a long log.
pub fn chart(entries: &[DiaryEntry], w: &Words) -> Option<BarChart> {
    let first = entries.iter().map(|e| e.night).min()?;
    let last = entries.iter().map(|e| e.night).max()?;
    let monday = |d: NaiveDate| d - Duration::days(d.weekday().num_days_from_monday().into());
    let weeks = ((monday(last) - monday(first)).num_days() / 7 + 1) as usize;
    if weeks <= MAX_WEEKLY_BARS {
        let mut bars: Vec<(String, f32)> = (0..weeks)
            .map(|i| {
                let start = monday(first) + Duration::days(7 * i as i64);
                (w.short_day_month(start), 0.0)
            })
            .collect();
        for e in entries {
            let i = ((monday(e.night) - monday(first)).num_days() / 7) as usize;
            bars[i].1 += 1.0;
        }
        return Some(BarChart {
            caption: w.get("chart-per-week"),
            y_label: w.get("chart-unit"),
            bars,
            small: false,
        });
    }
    let span_months =
        (last.year() - first.year()) as i64 * 12 + last.month() as i64 - first.month() as i64 + 1;
    if span_months as usize > MAX_MONTHLY_BARS {
        let mut years: BTreeMap<i32, f32> =
            (first.year()..=last.year()).map(|y| (y, 0.0)).collect();
        for e in entries {
            *years.entry(e.night.year()).or_default() += 1.0;
        }
        return Some(BarChart {
            caption: w.get("chart-per-year"),
            y_label: w.get("chart-unit"),
            bars: years.into_iter().map(|(y, n)| (y.to_string(), n)).collect(),
            small: false,
        });
    }
    let mut months: BTreeMap<(i32, u32), f32> = BTreeMap::new();
    let (mut y, mut m) = (first.year(), first.month());
    while (y, m) <= (last.year(), last.month()) {
        months.insert((y, m), 0.0);
        (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    }
    for e in entries {
        *months.entry((e.night.year(), e.night.month())).or_default() += 1.0;
    }
    Some(BarChart {
        caption: w.get("chart-per-month"),
        y_label: w.get("chart-unit"),
        bars: months
            .into_iter()
            .map(|((y, m), n)| {
                let label = NaiveDate::from_ymd_opt(y, m, 1)
                    .map(|d| w.month_short_year(d))
                    .unwrap_or_default();
                (label, n)
            })
            .collect(),
        small: false,
    })
}

fn summary_lines(s: &Summary, w: &Words) -> Vec<Text> {
    let label = |l: &str, v: String| -> Text {
        vec![
            Span {
                text: format!("{}: ", w.get(l)),
                strong: true,
                link: None,
            },
            Span {
                text: v,
                strong: false,
                link: None,
            },
        ]
    };
    let count = || ("count", Words::count(s.count));
    let mut lines = vec![
        label(
            "label-cramps-logged",
            w.with(
                "diary-logged",
                &[
                    count(),
                    ("first", Words::text(w.long_date(s.first))),
                    ("last", Words::text(w.long_date(s.last))),
                ],
            ),
        ),
        label("label-how-often", how_often(s.per_week, w)),
    ];
    if let (Some(mean), Some(worst)) = (s.mean_severity, s.worst_severity) {
        lines.push(label(
            "label-severity",
            w.with(
                "severity-average",
                &[
                    ("mean", Words::text(w.one_decimal(mean))),
                    ("worst", Words::count(worst.into())),
                ],
            ),
        ));
    }
    if let (Some(mean), Some(longest)) = (s.mean_minutes, s.longest_minutes) {
        lines.push(label(
            "label-how-long",
            w.with(
                "minutes-average",
                &[
                    ("mean", Words::text(w.one_decimal(mean))),
                    ("longest", Words::text(w.number(longest))),
                ],
            ),
        ));
    }
    if let Some((place, n)) = &s.usual_place {
        lines.push(label(
            "label-most-often-in",
            w.with(
                "place-of",
                &[
                    ("place", Words::text(place)),
                    ("n", Words::count(*n)),
                    count(),
                ],
            ),
        ));
    }
    if let Some((early, typical, late)) = s.times {
        lines.push(label(
            "label-when-in-night",
            w.with(
                "night-times",
                &[
                    ("early", Words::text(w.time(early))),
                    ("late", Words::text(w.time(late))),
                    ("typical", Words::text(w.time(typical))),
                ],
            ),
        ));
    }
    lines
}

/// How often, in the round words a person uses: "about 2 a week", "about 3 a month".
fn how_often(per_week: f64, w: &Words) -> String {
    if per_week >= 0.95 {
        w.with(
            "about-a-week",
            &[("n", Words::text(w.number(per_week.round())))],
        )
    } else {
        let per_month = per_week * 30.4 / 7.0;
        if per_month >= 0.95 {
            w.with(
                "about-a-month",
                &[("n", Words::text(w.number(per_month.round())))],
            )
        } else {
            w.get("less-than-monthly")
        }
    }
}

/// The log's figures in one line of plain words, for the first page.
pub fn in_words(s: &Summary, w: &Words) -> String {
    let span = if s.first == s.last {
        w.short_date(s.first)
    } else {
        let first = if s.first.year() == s.last.year() {
            w.short_day_month(s.first)
        } else {
            w.short_date(s.first)
        };
        w.with(
            "span-to",
            &[
                ("first", Words::text(first)),
                ("last", Words::text(w.short_date(s.last))),
            ],
        )
    };
    let count = || ("count", Words::count(s.count));
    let mut parts = vec![w.with(
        "diary-nights-logged",
        &[
            count(),
            ("span", Words::text(span)),
            ("often", Words::text(how_often(s.per_week, w))),
        ],
    )];
    if let (Some(typical), Some(worst)) = (s.typical_severity, s.worst_severity) {
        parts.push(w.with(
            "severity-usually",
            &[
                ("typical", Words::count(typical.into())),
                ("worst", Words::count(worst.into())),
            ],
        ));
    }
    if let (Some(short), Some(long)) = (s.shortest_minutes, s.longest_minutes) {
        if short == long {
            parts.push(w.with("minutes-each", &[("minutes", Words::text(w.number(long)))]));
        } else {
            parts.push(w.with(
                "minutes-range",
                &[
                    ("short", Words::text(w.number(short))),
                    ("long", Words::text(w.number(long))),
                ],
            ));
        }
    }
    if let Some((place, n)) = &s.usual_place {
        parts.push(w.with(
            "mostly-in",
            &[
                ("place", Words::text(place)),
                ("n", Words::count(*n)),
                count(),
            ],
        ));
    }
    if let Some((_, typical, _)) = s.times {
        parts.push(w.with("usually-around", &[("time", Words::text(w.time(typical)))]));
    }
    parts.join("; ")
}

/// The diary section of the sheet: summary, chart and the entries themselves.
pub fn blocks(entries: &[DiaryEntry], title: &str, w: &Words) -> Vec<Block> {
    let mut blocks = vec![Block::Heading(title.to_string())];
    if let Some(summary) = summarize(entries) {
        blocks.push(Block::Bullets(summary_lines(&summary, w)));
    }
    if let Some(chart) = chart(entries, w) {
        blocks.push(Block::Chart(chart));
    }
    let mut sorted: Vec<&DiaryEntry> = entries.iter().collect();
    sorted.sort_by_key(|e| (e.night, e.at));
    let rows = sorted
        .into_iter()
        .map(|e| {
            vec![
                plain(w.with(
                    "weekday-date",
                    &[
                        ("weekday", Words::text(w.weekday_short(e.night))),
                        ("date", Words::text(w.short_date(e.night))),
                    ],
                )),
                plain(e.at.map(|t| w.time(t)).unwrap_or_default()),
                plain(e.minutes.map(|m| w.number(m)).unwrap_or_default()),
                plain(e.place.clone().unwrap_or_default()),
                plain(e.severity.map(|s| s.to_string()).unwrap_or_default()),
                plain(e.note.clone().unwrap_or_default()),
            ]
        })
        .collect();
    blocks.push(Block::Table(Table {
        columns: vec![
            Column {
                title: w.get("column-night"),
                weight: 0.5,
                min_chars: 14,
            },
            Column {
                title: w.get("column-time"),
                weight: 0.3,
                min_chars: 5,
            },
            Column {
                title: w.get("column-minutes"),
                weight: 0.3,
                min_chars: 4,
            },
            Column {
                title: w.get("column-where"),
                weight: 2.2,
                min_chars: 8,
            },
            Column {
                title: w.get("column-severity"),
                weight: 0.3,
                min_chars: 4,
            },
            Column {
                title: w.get("column-note"),
                weight: 3.0,
                min_chars: 8,
            },
        ],
        rows,
        blank_rows: 0,
        fill_page: false,
    }));
    blocks
}

/// A page with an empty log to fill in by hand in the weeks before the visit.
pub fn blank_grid(title: &str, w: &Words) -> Vec<Block> {
    vec![
        Block::PageBreak,
        Block::Heading(w.with("grid-heading", &[("title", Words::text(title))])),
        Block::Paragraph(plain(w.get("grid-instructions"))),
        Block::Table(Table {
            columns: vec![
                Column {
                    title: w.get("column-night"),
                    weight: 1.6,
                    min_chars: 6,
                },
                Column {
                    title: w.get("column-time"),
                    weight: 1.1,
                    min_chars: 5,
                },
                Column {
                    title: w.get("column-woke-me"),
                    weight: 1.2,
                    min_chars: 5,
                },
                Column {
                    title: w.get("column-leg-muscle"),
                    weight: 2.2,
                    min_chars: 8,
                },
                Column {
                    title: w.get("column-minutes"),
                    weight: 1.2,
                    min_chars: 5,
                },
                Column {
                    title: w.get("column-severity-scale"),
                    weight: 1.3,
                    min_chars: 6,
                },
                Column {
                    title: w.get("column-what-helped"),
                    weight: 2.8,
                    min_chars: 8,
                },
            ],
            rows: Vec::new(),
            blank_rows: 12,
            fill_page: true,
        }),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en() -> &'static Words {
        Words::of(crate::document::Language::English)
    }

    fn entry(day: u32, at: (u32, u32), minutes: f64, place: &str, severity: u8) -> DiaryEntry {
        DiaryEntry {
            night: NaiveDate::from_ymd_opt(2026, 11, day).unwrap(),
            at: NaiveTime::from_hms_opt(at.0, at.1, 0),
            minutes: Some(minutes),
            place: Some(place.into()),
            severity: Some(severity),
            note: None,
        }
    }

    #[test]
    fn figures_of_a_small_log() {
        let log = vec![
            entry(3, (2, 40), 3.0, "right calf", 6),
            entry(6, (23, 50), 5.0, "Right calf", 7),
            entry(10, (1, 50), 2.0, "left calf", 5),
            entry(16, (4, 20), 6.0, "right calf", 8),
        ];
        let s = summarize(&log).unwrap();
        assert_eq!(s.count, 4);
        assert_eq!((s.first.day(), s.last.day()), (3, 16));
        // 14 days = 2 weeks
        assert!((s.per_week - 2.0).abs() < 1e-9);
        assert_eq!(en().one_decimal(s.mean_severity.unwrap()), "6.5");
        assert_eq!(s.worst_severity, Some(8));
        assert_eq!(en().one_decimal(s.mean_minutes.unwrap()), "4.0");
        assert_eq!(s.longest_minutes, Some(6.0));
        assert_eq!(s.usual_place, Some(("right calf".into(), 3)));
        let (early, typical, late) = s.times.unwrap();
        assert_eq!(early.format("%H:%M").to_string(), "23:50");
        assert_eq!(typical.format("%H:%M").to_string(), "01:50");
        assert_eq!(late.format("%H:%M").to_string(), "04:20");
    }

    #[test]
    fn short_logs_count_as_a_week() {
        let s = summarize(&[entry(3, (2, 0), 1.0, "calf", 1)]).unwrap();
        assert!((s.per_week - 1.0).abs() < 1e-9);
    }

    #[test]
    fn weekly_bars_start_on_monday_and_include_empty_weeks() {
        // 2 Nov 2026 is a Monday.
        let log = vec![
            entry(2, (2, 0), 1.0, "a", 1),
            entry(8, (2, 0), 1.0, "a", 1),
            entry(20, (2, 0), 1.0, "a", 1),
        ];
        let c = chart(&log, en()).unwrap();
        let counts: Vec<f32> = c.bars.iter().map(|b| b.1).collect();
        assert_eq!(counts, [2.0, 0.0, 1.0]);
        assert_eq!(c.bars[0].0, "2 Nov");
    }

    #[test]
    fn very_long_logs_chart_years() {
        let mut a = entry(1, (2, 0), 1.0, "a", 1);
        a.night = NaiveDate::from_ymd_opt(2019, 6, 1).unwrap();
        let b = entry(1, (2, 0), 1.0, "a", 1);
        let c = chart(&[a, b], en()).unwrap();
        assert_eq!(c.caption, "Cramps per year");
        assert_eq!(c.bars.len(), 8);
        assert_eq!(c.bars[0], ("2019".to_string(), 1.0));
    }

    #[test]
    fn long_logs_chart_months() {
        let mut log = Vec::new();
        for i in 0..200 {
            let mut e = entry(1, (2, 0), 1.0, "a", 1);
            e.night = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + Duration::days(i * 4);
            log.push(e);
        }
        let c = chart(&log, en()).unwrap();
        assert!(c.caption.contains("month"));
        assert_eq!(c.bars.iter().map(|b| b.1).sum::<f32>(), 200.0);
    }
}

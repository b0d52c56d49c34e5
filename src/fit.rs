//! Fitting page 1: the summary for the doctor is built at the fullest detail that fits on the
//! pages it is allowed, and every page number it names is made true. This is the one place
//! where the sheet and layout meet: the sheet builds the summary at a level of detail,
//! layout says how many pages a list of blocks takes and where each anchor lands.

use chrono::NaiveDateTime;

use crate::document::Document;
use crate::fonts::FontSet;
use crate::intake::LoadedIntake;
use crate::layout::{self, Laid, Page, PageOptions, PrintSize};
use crate::sheet::{PageNumbers, SheetOptions, Summary, SummaryDetail, DETAIL_LEVELS};
use crate::RenderOptions;

/// How many pages the summary for the doctor may take: one, or two in large print.
pub fn summary_pages_allowed(options: PageOptions) -> usize {
    match options.print {
        PrintSize::Normal => 1,
        PrintSize::Large | PrintSize::ExtraLarge => 2,
    }
}

/// Merges and lays out the sheet so that its summary fits on the pages it is allowed and every
/// page number it names is true. The summary is built at the fullest detail that fits, found
/// by laying out the summary alone; then the rest is laid out once, and the summary again with
/// the page numbers the rest was found to have. This works because the summary is followed by
/// a page break and only the summary names pages: the numbers printed on it cannot move what
/// follows. Layout itself knows nothing of this: it only reports where each anchor landed.
pub fn lay_out_sheet(
    loaded: &LoadedIntake,
    fonts: &FontSet,
    made: NaiveDateTime,
    options: RenderOptions,
) -> (Document, Vec<Page>) {
    let (doc, laid) = lay_out_sheet_with_structure(loaded, fonts, made, options);
    (doc, laid.pages)
}

/// [`lay_out_sheet`], with the structure the pages' items are marked with.
pub fn lay_out_sheet_with_structure(
    loaded: &LoadedIntake,
    fonts: &FontSet,
    made: NaiveDateTime,
    options: RenderOptions,
) -> (Document, Laid) {
    let sheet_options = SheetOptions {
        diary_page: options.diary_page,
        doctor_language: options.doctor_language,
    };
    let summary_of = Summary::new(&loaded.intake, &loaded.guide, made, &sheet_options);
    let summary = |detail: SummaryDetail, numbers: &PageNumbers| {
        summary_of.blocks(detail, numbers)
    };
    // Page numbers not yet known are printed as wide guesses, so a summary that fits with
    // them fits with the true ones.
    let guessed = PageNumbers::new();
    let mut detail = fitted_detail(&summary_of, fonts, options.page, &guessed);
    let allowed = summary_pages_allowed(options.page);
    loop {
        let mut doc = summary_of.sheet(&sheet_options, detail, &guessed);
        let guessed_summary = summary(detail, &guessed);
        debug_assert!(doc.blocks.starts_with(&guessed_summary));
        let head = layout::layout_part(&guessed_summary, fonts, options.page);
        let rest = layout::layout_part(&doc.blocks[guessed_summary.len()..], fonts, options.page);
        let numbers: PageNumbers = rest
            .anchors
            .iter()
            .map(|(id, p)| (id.clone(), p + head.pages()))
            .collect();
        let true_summary = summary(detail, &numbers);
        let head_now = layout::layout_part(&true_summary, fonts, options.page);
        let last = detail.level + 1 >= DETAIL_LEVELS;
        // With the true numbers the summary keeps its length (they are never wider than the
        // guesses), so the rest's pages are where they were found; the check keeps it honest.
        if head_now.pages() == head.pages() && head.pages() <= allowed || last {
            doc.blocks.splice(..guessed_summary.len(), true_summary);
            let mut laid = layout::join(vec![head_now, rest], &doc.footer, fonts, options.page);
            if let Some(stated) = &loaded.intake.patient.language {
                laid.structure.speaks(stated);
            }
            return (doc, laid);
        }
        detail.level += 1;
    }
}

/// The fullest detail at which the summary fits the pages it is allowed, laid out alone with
/// `guessed` page numbers.
fn fitted_detail(
    summary_of: &Summary,
    fonts: &FontSet,
    page: PageOptions,
    guessed: &PageNumbers,
) -> SummaryDetail {
    let allowed = summary_pages_allowed(page);
    let fits = |level: usize, chart: bool| {
        let blocks = summary_of.blocks(SummaryDetail { level, chart }, guessed);
        layout::layout_part(&blocks, fonts, page).pages() <= allowed
    };
    // The fullest level that fits without the chart: most sheets fit at once; else a binary
    // search, as less detail never makes the summary longer.
    let mut level = DETAIL_LEVELS - 1;
    if fits(0, false) {
        level = 0;
    } else {
        let (mut lo, mut hi) = (1, DETAIL_LEVELS - 1);
        while lo <= hi {
            let mid = (lo + hi) / 2;
            if fits(mid, false) {
                level = mid;
                hi = mid - 1;
            } else {
                lo = mid + 1;
            }
        }
    }
    // The diary's chart is worth a little of the answers' text, not much: at that level or
    // the next one.
    if summary_of.has_diary() {
        if let Some(l) = [level, level + 1]
            .into_iter()
            .find(|&l| l < DETAIL_LEVELS && fits(l, true))
        {
            return SummaryDetail {
                level: l,
                chart: true,
            };
        }
    }
    SummaryDetail {
        level,
        chart: false,
    }
}


//! visitprep turns a patient's TOML intake into a printable PDF visit sheet.
//!
//! The pipeline, one module a stage:
//! [`intake`] reads and checks the file → [`sheet`] merges it with its [`guide`] into a
//! [`document`] → [`layout`] places it on pages (page 1 fitted by [`fit`]) → [`pdf`] writes
//! the file, and [`output`] puts it on disk safely. [`render`] runs the stages after reading.
//!
//! A front end (the `visitprep` command line) uses only the names below the module list.
//! Building with the `facade-check` feature makes the stages' modules private to the crate,
//! so the compiler proves that the command line needs nothing else.

macro_rules! stages {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {
        $(
            $(#[$doc])*
            #[cfg(not(feature = "facade-check"))]
            pub mod $name;
            $(#[$doc])*
            #[cfg(feature = "facade-check")]
            #[allow(dead_code, unused_imports)]
            pub(crate) mod $name;
        )*
    };
}

stages!(
    diagnostic, document, fhir, fit, fonts, frame, guide, input, intake, interview, layout, markup,
    moment, output, pdf, render, serve, sheet, skeleton, structure, words,
);

// Reading and checking an intake.
pub use crate::diagnostic::Report;
pub use crate::document::Language;
pub use crate::intake::{
    check_text as check_intake_text, check_text_in as check_intake_text_in,
    json_schema as intake_schema, load_with_notes as load_intake_with_notes,
    load_with_notes_in as load_intake_with_notes_in, load_with_source as load_intake_with_source,
    load_with_warnings as load_intake, parse as parse_intake, IntakeError, LoadedIntake,
    STDIN_NAME,
};
pub use crate::markup::escape as escape_markup;
pub use crate::moment::Moment;
pub use crate::words::{Catalogue, Words};
// The condition: guides and what they say.
pub use crate::guide::{
    resolve as resolve_guide, source_parts, CauseKind, ChecklistItem, Condition, DoctorQuestion,
    Guide, GuideError, Section as GuideSection, Statement as GuideStatement,
    Translation as GuideTranslation, PRACTICAL,
};
pub use crate::sheet::{open_checklist, open_questions};
// Asking for an intake, or writing one to fill in.
pub use crate::interview::{
    run as run_interview, run_on_terminal as run_interview_on_terminal, shell_word, wrap,
    Options as InterviewOptions, Stop as InterviewStop,
};
pub use crate::skeleton::{
    intake_filled as filled_intake, intake_filled_in as filled_intake_in, intake_for as new_intake,
    intake_for_in as new_intake_in,
};
// Making the sheet: the page, the fonts, the PDF and what it carries.
pub use crate::fhir::bundle_of as fhir_bundle;
pub use crate::fit::{lay_out_sheet, lay_out_sheet_with_structure, summary_pages_allowed};
pub use crate::fonts::{FontError, FontSet, PLACEHOLDER};
pub use crate::layout::{PageOptions, Paper, PrintSize};
pub use crate::pdf::read::{
    embedded_files as carried_files, looks_like_a_pdf, Attached, Carried, Embedded, FileProblem,
    ReadError as SheetReadError, MAX_PDF_BYTES,
};
pub use crate::pdf::PdfError;
pub use crate::render::{
    add_font_file, missing_chars, pdf_info, render, render_attaching, render_carrying,
    sheet_attachments, FontFileError, MissingChar, RenderOptions, Rendered, BUNDLE_ATTACHMENT,
    INTAKE_ATTACHMENT,
};
// Reading whatever a path names, and writing without damage.
pub use crate::input::{
    is_stream, read_checked_within, read_from_checked, size_in_words, Bounded, Kind as FileKind,
    ReadError, MAX_TEXT_BYTES,
};
pub use crate::output::{check_target, is_stdout, FileId, Overwrite, WriteError, Writer};
// The intake as a web form on the person's own computer (`visitprep serve`).
pub use crate::serve::{
    first_page as form_page, reply as form_reply, words as form_words, Reply as FormReply,
    Upload as FormUpload, STYLE as FORM_STYLE,
};

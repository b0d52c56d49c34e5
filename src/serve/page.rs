//! The page: the intake's fields in the interview's order, each with its label, its hint
//! and whatever was found wrong with it, rendered by a template that escapes every value.

use std::collections::BTreeMap;

use serde::Serialize;

use super::form::{reading_name, Form, Message, DIARY, MEDICATIONS};
use crate::document::Language;
use crate::guide::Guide;
use crate::words::{Catalogue, Words};

const TEMPLATE: &str = include_str!("page.html");

/// One answer on the page.
#[derive(Serialize, Default)]
struct Field {
    name: String,
    id: String,
    label: String,
    hint: String,
    /// text, area, check, or number.
    input: &'static str,
    value: String,
    checked: bool,
    /// The browser's autofill purpose (WCAG's "identify input purpose").
    autocomplete: &'static str,
    errors: Vec<String>,
    warnings: Vec<String>,
    /// The hint, problems and notes a screen reader reads with the field.
    describedby: String,
    /// For an ambiguous date: the readings to choose from.
    readings: Vec<Choice>,
    reading_name: String,
    /// A row's own buttons: remove it, move it up.
    remove: Option<String>,
    up: Option<String>,
}

#[derive(Serialize)]
struct Choice {
    value: String,
    label: String,
    id: String,
    selected: bool,
}

/// A group of fields under one legend: a list of rows, a block, or boxes to tick.
#[derive(Serialize, Default)]
struct Group {
    /// list (rows of one box), blocks (rows of several), checks, or radios.
    kind: &'static str,
    name: String,
    id: String,
    legend: String,
    hint: String,
    fields: Vec<Field>,
    blocks: Vec<Block>,
    rows: usize,
    add: String,
    add_label: String,
    choices: Vec<Choice>,
}

#[derive(Serialize)]
struct Block {
    legend: String,
    fields: Vec<Field>,
    remove: String,
    remove_label: String,
}

#[derive(Serialize)]
struct Item {
    field: Option<Field>,
    group: Option<Group>,
}

#[derive(Serialize)]
struct Section {
    id: String,
    title: String,
    intro: String,
    items: Vec<Item>,
}

#[derive(Serialize)]
struct Link {
    href: String,
    text: String,
}

/// What the page says at the top, besides the problems.
pub struct Status {
    pub text: String,
}

/// The words the template itself shows, by message id; the template names each by its id
/// without `form-`, with `_` for `-` (`form-check-bar` is `t.check_bar`).
const TEMPLATE_WORDS: [&str; 21] = [
    "form-title",
    "form-intro",
    "form-continue-title",
    "form-file-label",
    "form-file-hint",
    "form-open-file",
    "form-check-bar",
    "form-check",
    "form-guide-title",
    "form-guide-label",
    "form-guide-hint",
    "form-guide-show",
    "form-make-sheet",
    "form-make-sheet-hint",
    "form-save",
    "form-save-hint",
    "form-problem",
    "form-note",
    "form-which-date",
    "form-move-up",
    "form-remove",
];

/// The web form's words in `language`.
pub fn words(language: Language) -> &'static Words {
    Words::from(Catalogue::Form, language)
}

/// The page for `form` following `guide`, with `messages` beside their fields, every word
/// of it in `language` (the guide's questions where the guide is translated into it).
/// `base` is the address every request goes to (it holds the secret).
pub fn render(
    form: &Form,
    guide: &Guide,
    messages: &BTreeMap<String, Vec<Message>>,
    status: Option<&Status>,
    base: &str,
    language: Language,
) -> String {
    let w = words(language);
    let translated = guide.translated(language);
    let untranslated = language != Language::English && translated.is_none();
    let guide = translated.as_ref().unwrap_or(guide);
    let mut b = Builder {
        form,
        messages,
        used: Vec::new(),
        w,
    };
    let sections = b.sections(guide);
    // The summary lists the problems in the order of the page, each linked to its field.
    let mut summary = Vec::new();
    for (name, id, label) in &b.used {
        for m in messages
            .get(name)
            .into_iter()
            .flatten()
            .filter(|m| !m.warning)
        {
            summary.push(Link {
                href: format!("#{id}"),
                text: w.with(
                    "form-summary-item",
                    &[
                        ("label", Words::text(label.as_str())),
                        ("message", Words::text(m.text.as_str())),
                    ],
                ),
            });
        }
    }
    let labels: std::collections::BTreeSet<&String> = b.used.iter().map(|(n, _, _)| n).collect();
    let elsewhere: Vec<String> = messages
        .iter()
        .filter(|(name, _)| !labels.contains(name))
        .flat_map(|(_, said)| said.iter().filter(|m| !m.warning).map(|m| m.text.clone()))
        .collect();
    let mut notes: Vec<String> = messages
        .iter()
        .filter(|(name, _)| !labels.contains(name))
        .flat_map(|(_, said)| said.iter().filter(|m| m.warning).map(|m| m.text.clone()))
        .collect();
    if untranslated {
        notes.insert(
            0,
            w.with(
                "form-guide-untranslated",
                &[("guide", Words::text(guide.title.as_str()))],
            ),
        );
    }
    let mut guides: Vec<Choice> = Guide::built_in_ids()
        .map(|id| Choice {
            value: id.into(),
            label: Guide::built_in(id).map_or(id.to_string(), |g| {
                g.text_in(language, &g.title).to_string()
            }),
            id: format!("guide-{id}"),
            selected: id == form.guide(),
        })
        .collect();
    if !guides.iter().any(|g| g.selected) {
        guides.push(Choice {
            value: form.guide().into(),
            label: guide.title.clone(),
            id: "guide-file".into(),
            selected: true,
        });
    }
    let problems = summary.len() + elsewhere.len();
    let page_title = w.with(
        if problems > 0 {
            "form-page-title-problems"
        } else {
            "form-page-title"
        },
        &[("guide", Words::text(guide.title.as_str()))],
    );
    let summary_title = w.with("form-summary-title", &[("count", Words::count(problems))]);
    let t: BTreeMap<String, String> = TEMPLATE_WORDS
        .iter()
        .map(|id| {
            let key = id.trim_start_matches("form-").replace('-', "_");
            (key, w.get(id))
        })
        .collect();
    let mut env = minijinja::Environment::new();
    env.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
    let context = minijinja::context! {
        base => base,
        lang => language.tag(),
        sheet_language => form.get(super::form::SHEET_LANGUAGE).trim(),
        t => t,
        page_title => page_title,
        summary_title => summary_title,
        title => guide.title,
        guides => guides,
        sections => sections,
        summary => summary,
        elsewhere => elsewhere,
        notes => notes,
        status => status.map(|s| s.text.clone()),
        rows => b.rows(),
        questions_shown => (!guide.patient_questions.is_empty()).then(|| form.guide()),
    };
    match env
        .template_from_str(TEMPLATE)
        .and_then(|t| t.render(context))
    {
        Ok(html) => html,
        // The template is part of the program: a test renders every part of it.
        Err(e) => format!(
            "<!DOCTYPE html><html lang=\"{}\"><title>visitprep</title><p>{}</p></html>",
            language.tag(),
            escape(&w.with("form-page-failed", &[("error", Words::text(e.to_string()))]))
        ),
    }
}

use crate::markup::escape;

/// An element id for a field name: `medications[2].dose` → `f-medications-2-dose`.
pub fn field_id(name: &str) -> String {
    let mut id = String::from("f-");
    for c in name.chars() {
        match c {
            'a'..='z' | 'A'..='Z' | '0'..='9' | '_' => id.push(c),
            ']' => {}
            _ => id.push('-'),
        }
    }
    id
}

struct Builder<'a> {
    form: &'a Form,
    messages: &'a BTreeMap<String, Vec<Message>>,
    /// Every field shown, as (name, id, label), for the summary's links.
    used: Vec<(String, String, String)>,
    /// The form's words.
    w: &'static Words,
}

impl Builder<'_> {
    fn field(&mut self, name: &str, label: &str, hint: &str, input: &'static str) -> Field {
        let id = field_id(name);
        self.used.push((name.into(), id.clone(), label.into()));
        let said = self.messages.get(name).map_or(&[][..], |m| &m[..]);
        let readings = said
            .iter()
            .flat_map(|m| &m.readings)
            .enumerate()
            .map(|(i, (value, label))| Choice {
                value: value.clone(),
                label: label.clone(),
                id: format!("{id}-reading-{i}"),
                selected: false,
            })
            .collect();
        let errors: Vec<String> = said
            .iter()
            .filter(|m| !m.warning)
            .map(|m| m.text.clone())
            .collect();
        let warnings: Vec<String> = said
            .iter()
            .filter(|m| m.warning)
            .map(|m| m.text.clone())
            .collect();
        let mut described: Vec<String> = Vec::new();
        if !hint.is_empty() {
            described.push(format!("{id}-hint"));
        }
        described.extend((1..=errors.len()).map(|n| format!("{id}-error-{n}")));
        described.extend((1..=warnings.len()).map(|n| format!("{id}-note-{n}")));
        Field {
            name: name.into(),
            label: label.into(),
            hint: hint.into(),
            describedby: described.join(" "),
            input,
            value: self.form.get(name).to_string(),
            checked: self.form.ticked(name),
            errors,
            warnings,
            readings,
            reading_name: reading_name(name),
            id,
            ..Field::default()
        }
    }

    fn text(&mut self, name: &str, label: &str, hint: &str) -> Item {
        Item::of(self.field(name, label, hint, "text"))
    }

    fn area(&mut self, name: &str, label: &str, hint: &str) -> Item {
        Item::of(self.field(name, label, hint, "area"))
    }

    fn with_autocomplete(mut item: Item, purpose: &'static str) -> Item {
        if let Some(f) = &mut item.field {
            f.autocomplete = purpose;
        }
        item
    }

    /// The message `id`.
    fn t(&self, id: &str) -> String {
        self.w.get(id)
    }

    /// The message `id`, whose `{ $example }` is the catalogue's example `example`.
    fn ex(&self, id: &str, example: &str) -> String {
        self.w
            .with(id, &[("example", Words::text(self.w.get(example)))])
    }

    /// The message `id` for row `row` (counted from 0) of a list.
    fn nth(&self, id: &str, row: usize) -> String {
        self.w.with(id, &[("n", Words::count(row + 1))])
    }

    /// A list of single answers, one box a row, with buttons to add and remove rows. `one`
    /// names a row ("Question 2"), `add` the button for another.
    fn list(
        &mut self,
        name: &str,
        legend: &str,
        hint: &str,
        (one, add): (&str, &str),
        ranked: bool,
    ) -> Item {
        let rows = self.form.row_count(name);
        let fields = (0..rows)
            .map(|row| {
                let label = self.nth(one, row);
                let mut f = self.field(&format!("{name}[{row}]"), &label, "", "text");
                f.remove = Some(format!("remove:{name}:{row}"));
                if ranked && row > 0 {
                    f.up = Some(format!("up:{name}:{row}"));
                }
                f
            })
            .collect();
        Item::group(Group {
            kind: "list",
            name: name.into(),
            id: field_id(name),
            legend: legend.into(),
            hint: hint.into(),
            fields,
            rows,
            add: format!("add:{name}"),
            add_label: self.t(add),
            ..Group::default()
        })
    }

    /// Rows of several boxes. `one`, `remove` and `add` name a row ("Medicine 2"), its
    /// button to remove it, and the button for another.
    fn blocks(
        &mut self,
        name: &str,
        legend: &str,
        hint: &str,
        (one, remove, add): (&str, &str, &str),
        keys: &[(&str, String, String, &'static str)],
    ) -> Item {
        let rows = self.form.row_count(name);
        let blocks = (0..rows)
            .map(|row| Block {
                legend: self.nth(one, row),
                fields: keys
                    .iter()
                    .map(|(key, label, hint, input)| {
                        self.field(&format!("{name}[{row}].{key}"), label, hint, input)
                    })
                    .collect(),
                remove: format!("remove:{name}:{row}"),
                remove_label: self.nth(remove, row),
            })
            .collect();
        Item::group(Group {
            kind: "blocks",
            name: name.into(),
            id: field_id(name),
            legend: legend.into(),
            hint: hint.into(),
            blocks,
            rows,
            add: format!("add:{name}"),
            add_label: self.t(add),
            ..Group::default()
        })
    }

    /// Boxes to tick, under a group whose element id is `id` in every language.
    fn checks(&mut self, id: &str, legend: &str, hint: &str, boxes: Vec<(String, String)>) -> Item {
        let fields = boxes
            .iter()
            .map(|(name, label)| self.field(name, label, "", "check"))
            .collect();
        Item::group(Group {
            kind: "checks",
            id: id.into(),
            legend: legend.into(),
            hint: hint.into(),
            fields,
            ..Group::default()
        })
    }

    fn radios(&mut self, name: &str, legend: &str, choices: &[(&str, String)]) -> Item {
        let value = match self.form.get(name) {
            "" => choices[0].0,
            v => v,
        };
        Item::group(Group {
            kind: "radios",
            name: name.into(),
            id: field_id(name),
            legend: legend.into(),
            choices: choices
                .iter()
                .map(|(v, label)| Choice {
                    value: v.to_string(),
                    label: label.clone(),
                    id: field_id(&format!("{name}.{v}")),
                    selected: *v == value,
                })
                .collect(),
            ..Group::default()
        })
    }

    /// How many rows each list shows, posted back so a blank row added stays.
    fn rows(&self) -> Vec<(String, usize)> {
        let mut lists: Vec<&str> = super::form::LISTS.to_vec();
        lists.extend([MEDICATIONS, DIARY]);
        lists
            .into_iter()
            .map(|l| (l.to_string(), self.form.row_count(l)))
            .collect()
    }

    /// A field labelled by message `label`, with the hint `hint` ("" for none).
    fn text_of(&mut self, name: &str, label: &str, hint: &str) -> Item {
        let (label, hint) = (self.t(label), self.hint(hint));
        self.text(name, &label, &hint)
    }

    fn area_of(&mut self, name: &str, label: &str, hint: &str) -> Item {
        let (label, hint) = (self.t(label), self.hint(hint));
        self.area(name, &label, &hint)
    }

    fn hint(&self, id: &str) -> String {
        if id.is_empty() {
            String::new()
        } else {
            self.t(id)
        }
    }

    /// A block's key: its label and hint by message id ("" for no hint).
    fn key(
        &self,
        key: &'static str,
        label: &str,
        hint: &str,
        input: &'static str,
    ) -> (&'static str, String, String, &'static str) {
        (key, self.t(label), self.hint(hint), input)
    }

    // Long because it is the form itself, one call a field, in the interview's order.
    fn sections(&mut self, guide: &Guide) -> Vec<Section> {
        let mut sections = Vec::new();
        let born_hint = self.ex("form-born-hint", "form-example-born");
        let (born, pregnant, pregnant_hint, week, week_hint) = (
            self.t("form-born-label"),
            self.t("form-pregnant-label"),
            self.t("form-pregnant-hint"),
            self.t("form-week-label"),
            self.t("form-week-hint"),
        );
        let about = vec![
            Self::with_autocomplete(
                self.text_of("patient.name", "form-name-label", "form-name-hint"),
                "name",
            ),
            self.text("patient.born", &born, &born_hint),
            self.text_of("patient.sex", "form-sex-label", "form-sex-hint"),
            Item::of(self.field("patient.pregnant", &pregnant, &pregnant_hint, "check")),
            Item::of(self.field("patient.pregnancy_week", &week, &week_hint, "number")),
            Self::with_autocomplete(
                self.text_of("patient.phone", "form-phone-label", "form-phone-hint"),
                "tel",
            ),
        ];
        sections.push(Section::new("about", &self.t("form-about"), "", about));

        let only_if_pregnant = self.t("form-only-if-pregnant");
        let answers = guide
            .doctor_questions
            .iter()
            .map(|q| {
                let mut hint = q.hint.clone();
                if q.when.pregnant == Some(true) {
                    hint = format!("{hint} {only_if_pregnant}").trim().to_string();
                }
                self.area(&format!("answers.{}", q.id), &q.text, &hint)
            })
            .collect();
        sections.push(Section::new(
            "answers",
            &self.t("form-answers-title"),
            &self.t("form-answers-intro"),
            answers,
        ));

        let keys = [
            self.key("name", "form-med-name-label", "form-med-name-hint", "text"),
            self.key("dose", "form-med-dose-label", "form-med-dose-hint", "text"),
            self.key(
                "how_often",
                "form-med-often-label",
                "form-med-often-hint",
                "text",
            ),
            (
                "since",
                self.t("form-med-since-label"),
                self.ex("form-med-since-hint", "form-example-since"),
                "text",
            ),
            self.key("reason", "form-med-reason-label", "", "text"),
            self.key("note", "form-med-note-label", "", "text"),
            self.key("as_needed", "form-med-as-needed", "", "check"),
        ];
        let (title, hint) = (self.t("form-medicines"), self.t("form-medicines-hint"));
        let medicines = vec![self.blocks(
            MEDICATIONS,
            &title,
            &hint,
            (
                "form-medicine-n",
                "form-remove-medicine",
                "form-add-medicine",
            ),
            &keys,
        )];
        sections.push(Section::new("medicines", &title, "", medicines));

        let diary_title = guide
            .diary_title
            .clone()
            .unwrap_or_else(|| self.t("form-diary-title"));
        let keys = [
            (
                "night",
                self.t("form-night-label"),
                self.ex("form-night-hint", "form-example-night"),
                "text",
            ),
            (
                "at",
                self.t("form-at-label"),
                self.ex("form-at-hint", "form-example-time"),
                "text",
            ),
            self.key("minutes", "form-minutes-label", "", "number"),
            self.key("where", "form-where-label", "form-where-hint", "text"),
            self.key(
                "severity",
                "form-severity-label",
                "form-severity-hint",
                "number",
            ),
            self.key("note", "form-night-note-label", "", "text"),
        ];
        let hint = self.t("form-diary-hint");
        let diary = vec![self.blocks(
            DIARY,
            &diary_title,
            &hint,
            ("form-night-n", "form-remove-night", "form-add-night"),
            &keys,
        )];
        sections.push(Section::new("diary", &diary_title, "", diary));

        let (legend, hint) = (self.t("form-own-legend"), self.t("form-own-hint"));
        let mut own = vec![self.list(
            "questions.own",
            &legend,
            &hint,
            ("form-question-n", "form-add-question"),
            false,
        )];
        if !guide.patient_questions.is_empty() {
            let boxes = guide
                .patient_questions
                .iter()
                .map(|q| (format!("questions.keep.{}", q.id), q.text.clone()))
                .collect();
            let (legend, hint) = (
                self.t("form-suggested-legend"),
                self.t("form-suggested-hint"),
            );
            let mut item = self.checks("f-Questions-the-sheet-suggests", &legend, &hint, boxes);
            if let Some(group) = &mut item.group {
                for (f, q) in group.fields.iter_mut().zip(&guide.patient_questions) {
                    f.checked = !self.form.skips(&q.id);
                }
            }
            own.push(item);
        }
        sections.push(Section::new(
            "questions",
            &self.t("form-own-title"),
            "",
            own,
        ));

        let (when, when_hint) = (
            self.t("form-when-label"),
            self.ex("form-when-hint", "form-example-visit"),
        );
        let visit = vec![
            self.text("visit.when", &when, &when_hint),
            self.text_of("visit.clinic", "form-clinic-label", "form-clinic-hint"),
            self.text_of(
                "visit.department",
                "form-department-label",
                "form-department-hint",
            ),
            self.text_of("visit.doctor", "form-doctor-label", "form-doctor-hint"),
            self.area_of("visit.reason", "form-reason-label", "form-reason-hint"),
        ];
        sections.push(Section::new(
            "visit",
            &self.t("form-visit-title"),
            "",
            visit,
        ));

        let lists = [
            ("form-allergies-legend", "form-allergies-hint"),
            ("form-conditions-legend", "form-conditions-hint"),
            ("form-needs-legend", "form-needs-hint"),
        ]
        .map(|(legend, hint)| (self.t(legend), self.t(hint)));
        let people = vec![
            self.list(
                "health.allergies",
                &lists[0].0,
                &lists[0].1,
                ("form-allergy-n", "form-add-allergy"),
                false,
            ),
            self.list(
                "health.conditions",
                &lists[1].0,
                &lists[1].1,
                ("form-illness-n", "form-add-illness"),
                false,
            ),
            self.area_of(
                "health.notes",
                "form-health-notes-label",
                "form-health-notes-hint",
            ),
            self.text_of(
                "visit.companion",
                "form-companion-label",
                "form-companion-hint",
            ),
            self.text_of(
                "patient.emergency_contact",
                "form-emergency-label",
                "form-emergency-hint",
            ),
            self.text_of(
                "patient.language",
                "form-language-label",
                "form-language-hint",
            ),
            self.list(
                "patient.needs",
                &lists[2].0,
                &lists[2].1,
                ("form-need-n", "form-add-need"),
                false,
            ),
            self.text_of(
                "patient.filled_in_by",
                "form-filled-by-label",
                "form-filled-by-hint",
            ),
        ];
        sections.push(Section::new(
            "health",
            &self.t("form-health-title"),
            "",
            people,
        ));

        let (legend, hint) = (self.t("form-concerns-legend"), self.t("form-concerns-hint"));
        let matters = vec![
            self.list(
                "visit.concerns",
                &legend,
                &hint,
                ("form-worry-n", "form-add-worry"),
                true,
            ),
            self.area_of("visit.goal", "form-goal-label", "form-goal-hint"),
        ];
        sections.push(Section::new(
            "matters",
            &self.t("form-matters-title"),
            "",
            matters,
        ));

        if !guide.checklist.is_empty() {
            let companion = self.form.get("visit.companion").trim().to_string();
            let companion = match companion.is_empty() {
                true => self.t("form-your-companion"),
                false => companion,
            };
            let boxes = guide
                .checklist
                .iter()
                .map(|c| {
                    (
                        format!("checklist.done.{}", c.id),
                        c.text_for(Some(&companion)),
                    )
                })
                .collect();
            let (legend, hint) = (
                self.t("form-checklist-legend"),
                self.t("form-checklist-hint"),
            );
            let items = vec![self.checks("f-What-you-have-already-done", &legend, &hint, boxes)];
            sections.push(Section::new(
                "checklist",
                &self.t("form-checklist-title"),
                "",
                items,
            ));
        }

        let (paper, print, diary_page) = (
            self.t("form-paper-legend"),
            self.t("form-print-legend"),
            self.t("form-diary-page"),
        );
        let papers = [
            ("a4", self.t("form-paper-a4")),
            ("letter", self.t("form-paper-letter")),
        ];
        let prints = [
            ("normal", self.t("form-print-normal")),
            ("large", self.t("form-print-large")),
            ("x-large", self.t("form-print-x-large")),
        ];
        let sheet = vec![
            self.radios("sheet.paper", &paper, &papers),
            self.radios("sheet.print", &print, &prints),
            Item::of(self.field("sheet.diary_page", &diary_page, "", "check")),
        ];
        sections.push(Section::new(
            "sheet",
            &self.t("form-sheet-title"),
            "",
            sheet,
        ));
        sections
    }
}

impl Item {
    fn of(field: Field) -> Item {
        Item {
            field: Some(field),
            group: None,
        }
    }

    fn group(group: Group) -> Item {
        Item {
            field: None,
            group: Some(group),
        }
    }
}

impl Section {
    fn new(id: &str, title: &str, intro: &str, items: Vec<Item>) -> Section {
        Section {
            id: id.into(),
            title: title.into(),
            intro: intro.into(),
            items,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::intake::{read_date_in, read_visit_in, DateReading, VisitReading};
    use crate::serve::form::{written_date, written_visit};
    use chrono::NaiveDate;

    const LANGUAGES: [Language; 3] = [Language::English, Language::Spanish, Language::French];

    #[test]
    fn every_example_in_a_hint_is_read_in_its_own_language() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        for language in LANGUAGES {
            let w = words(language);
            let said = Words::from(Catalogue::Check, language);
            for (id, date) in [
                ("form-example-born", day(1956, 3, 14)),
                ("form-example-since", day(2024, 5, 1)),
                ("form-example-night", day(2026, 11, 3)),
            ] {
                let example = w.get(id);
                assert_eq!(
                    read_date_in(&example, None, said),
                    Ok(DateReading::Date(date)),
                    "{}: {id} {example:?}",
                    language.tag()
                );
            }
            let example = w.get("form-example-visit");
            let Ok(VisitReading::One {
                when: crate::intake::VisitTime::DayAndTime(when),
                relative: false,
            }) = read_visit_in(&example, None, said)
            else {
                panic!("{}: {example:?} is not read as a visit", language.tag());
            };
            assert_eq!(when.to_string(), "2026-12-02 09:30:00", "{example}");
            // The diary's time of day, as the form reads it.
            let example = w.get("form-example-time");
            let mut posted = Form::from_posted(&[
                ("diary[0].night".to_string(), w.get("form-example-night")),
                ("diary[0].at".to_string(), example.clone()),
                ("patient.name".to_string(), "Ann".to_string()),
            ]);
            let guide = Guide::built_in(super::super::form::DEFAULT_GUIDE).unwrap();
            let read = super::super::form::read(
                &mut posted,
                &guide,
                day(2026, 12, 1),
                std::path::Path::new("."),
                false,
                language,
            );
            let at = read.loaded.and_then(|l| l.intake.diary[0].at);
            assert_eq!(
                at.map(|t| t.to_string()).as_deref(),
                Some("02:40:00"),
                "{}: {example:?} {:?}",
                language.tag(),
                read.messages
            );
        }
    }

    #[test]
    fn a_date_written_back_into_a_box_is_read_again_as_the_same_date() {
        let day = NaiveDate::from_ymd_opt(1956, 3, 14).unwrap();
        let at = day.and_hms_opt(9, 30, 0).unwrap();
        for language in LANGUAGES {
            let said = Words::from(Catalogue::Check, language);
            let written = written_date(day, language);
            assert_eq!(
                read_date_in(&written, None, said),
                Ok(DateReading::Date(day)),
                "{written:?}"
            );
            let visit = written_visit(crate::intake::VisitTime::DayAndTime(at), language);
            assert_eq!(
                read_visit_in(&visit, None, said),
                Ok(VisitReading::One {
                    when: crate::intake::VisitTime::DayAndTime(at),
                    relative: false
                }),
                "{visit:?}"
            );
        }
        assert_eq!(
            written_date(day, Language::Spanish),
            "miércoles 14 de marzo de 1956"
        );
        assert_eq!(written_date(day, Language::French), "mercredi 14 mars 1956");
    }

    fn page(language: Language) -> String {
        let guide = Guide::built_in(super::super::form::DEFAULT_GUIDE).unwrap();
        render(
            &Form::default(),
            &guide,
            &BTreeMap::new(),
            None,
            "/s/",
            language,
        )
    }

    #[test]
    fn the_page_is_in_the_language_asked_for_with_the_guide_s_translation() {
        let es = page(Language::Spanish);
        assert!(es.contains("<html lang=\"es\">"));
        assert!(es.contains("Añadir otro medicamento"), "{es}");
        assert!(es.contains("Añadir otra alergia"));
        assert!(es.contains("Quitar el medicamento 1"));
        assert!(!es.contains("Add another"));
        let fr = page(Language::French);
        assert!(fr.contains("<html lang=\"fr\">"));
        assert!(fr.contains("Ajouter une autre allergie"));
        let guide = Guide::built_in(super::super::form::DEFAULT_GUIDE).unwrap();
        let translated = guide
            .translated(Language::Spanish)
            .expect("the default guide is translated into Spanish");
        for q in &translated.doctor_questions {
            assert!(es.contains(&escape(&q.text)), "{}", q.text);
        }
        assert!(!es.contains("no están traducidas"));
        // No French translation of the guide yet: its questions in English, and a note.
        if !guide.is_in(Language::French) {
            assert!(
                fr.contains("ne sont pas encore traduites en français"),
                "{fr}"
            );
            assert!(fr.contains(&escape(&guide.doctor_questions[0].text)));
        }
        let en = page(Language::English);
        assert!(en.contains("<html lang=\"en\">"));
        assert!(en.contains("Add another medicine"));
    }

    #[test]
    fn a_guide_without_a_translation_is_shown_in_english_and_said_so() {
        let mut guide = Guide::built_in(super::super::form::DEFAULT_GUIDE).unwrap();
        guide.id = "foot-clinic".into();
        guide.title = "Foot clinic".into();
        let html = render(
            &Form::default(),
            &guide,
            &BTreeMap::new(),
            None,
            "/s/",
            Language::Spanish,
        );
        assert!(
            html.contains("todavía no están traducidas al español"),
            "{html}"
        );
        assert!(html.contains(&escape(&guide.doctor_questions[0].text)));
    }
}

//! The page: the intake's fields in the interview's order, each with its label, its hint
//! and whatever was found wrong with it, rendered by a template that escapes every value.

use std::collections::BTreeMap;

use serde::Serialize;

use super::form::{reading_name, Form, Message, DIARY, MEDICATIONS};
use crate::guide::Guide;

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

/// The page for `form` following `guide`, with `messages` beside their fields. `base` is the
/// address every request goes to (it holds the secret).
pub fn render(
    form: &Form,
    guide: &Guide,
    messages: &BTreeMap<String, Vec<Message>>,
    status: Option<&Status>,
    base: &str,
) -> String {
    let mut b = Builder {
        form,
        messages,
        used: Vec::new(),
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
                text: format!("{label}: {}", m.text),
            });
        }
    }
    let labels: std::collections::BTreeSet<&String> = b.used.iter().map(|(n, _, _)| n).collect();
    let elsewhere: Vec<String> = messages
        .iter()
        .filter(|(name, _)| !labels.contains(name))
        .flat_map(|(_, said)| said.iter().filter(|m| !m.warning).map(|m| m.text.clone()))
        .collect();
    let notes: Vec<String> = messages
        .iter()
        .filter(|(name, _)| !labels.contains(name))
        .flat_map(|(_, said)| said.iter().filter(|m| m.warning).map(|m| m.text.clone()))
        .collect();
    let mut guides: Vec<Choice> = Guide::built_in_ids()
        .map(|id| Choice {
            value: id.into(),
            label: Guide::built_in(id).map_or(id.to_string(), |g| g.title),
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
    let mut env = minijinja::Environment::new();
    env.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
    let context = minijinja::context! {
        base => base,
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
        Err(e) => format!("<!DOCTYPE html><html lang=\"en\"><title>visitprep</title><p>The page could not be made: {}</p></html>", escape(&e.to_string())),
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

    /// A list of single answers, one box a row, with buttons to add and remove rows.
    fn list(&mut self, name: &str, legend: &str, hint: &str, one: &str, ranked: bool) -> Item {
        let rows = self.form.row_count(name);
        let fields = (0..rows)
            .map(|row| {
                let label = format!("{one} {}", row + 1);
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
            add_label: format!("Add another {}", one.to_lowercase()),
            ..Group::default()
        })
    }

    fn blocks(
        &mut self,
        name: &str,
        legend: &str,
        hint: &str,
        one: &str,
        keys: &[(&str, &str, &str, &'static str)],
    ) -> Item {
        let rows = self.form.row_count(name);
        let blocks = (0..rows)
            .map(|row| Block {
                legend: format!("{one} {}", row + 1),
                fields: keys
                    .iter()
                    .map(|(key, label, hint, input)| {
                        self.field(&format!("{name}[{row}].{key}"), label, hint, input)
                    })
                    .collect(),
                remove: format!("remove:{name}:{row}"),
                remove_label: format!("Remove {} {}", one.to_lowercase(), row + 1),
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
            add_label: format!("Add another {}", one.to_lowercase()),
            ..Group::default()
        })
    }

    fn checks(&mut self, legend: &str, hint: &str, boxes: Vec<(String, String)>) -> Item {
        let fields = boxes
            .iter()
            .map(|(name, label)| self.field(name, label, "", "check"))
            .collect();
        Item::group(Group {
            kind: "checks",
            id: field_id(legend),
            legend: legend.into(),
            hint: hint.into(),
            fields,
            ..Group::default()
        })
    }

    fn radios(&mut self, name: &str, legend: &str, choices: &[(&str, &str)]) -> Item {
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
                    label: label.to_string(),
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

    // Long because it is the form itself, one call a field, in the interview's order.
    fn sections(&mut self, guide: &Guide) -> Vec<Section> {
        let mut sections = Vec::new();
        let about = vec![
            Self::with_autocomplete(
                self.text(
                    "patient.name",
                    "Your full name",
                    "As on your health insurance card.",
                ),
                "name",
            ),
            self.text(
                "patient.born",
                "Date of birth",
                "As you usually write it, for example 14 March 1956.",
            ),
            self.text(
                "patient.sex",
                "Sex",
                "As you would tell the doctor, for example female.",
            ),
            Item::of(self.field(
                "patient.pregnant",
                "I am pregnant",
                "Tick this if you are pregnant now: the sheet then has the questions and advice for pregnancy.",
                "check",
            )),
            Item::of(self.field(
                "patient.pregnancy_week",
                "If you are pregnant: which week of pregnancy are you in?",
                "A whole number from 1 to 45.",
                "number",
            )),
            Self::with_autocomplete(
                self.text(
                    "patient.phone",
                    "Your phone number",
                    "For example +44 20 7946 0123.",
                ),
                "tel",
            ),
        ];
        sections.push(Section::new("about", "About you", "", about));

        let answers = guide
            .doctor_questions
            .iter()
            .map(|q| {
                let mut hint = q.hint.clone();
                if q.when.pregnant == Some(true) {
                    hint = format!("{hint} Only if you are pregnant.")
                        .trim()
                        .to_string();
                }
                self.area(&format!("answers.{}", q.id), &q.text, &hint)
            })
            .collect();
        sections.push(Section::new(
            "answers",
            "Questions the doctor is likely to ask",
            "Answer in your own words. A question you leave empty is printed with lines to write on by hand.",
            answers,
        ));

        let medicines = vec![self.blocks(
            MEDICATIONS,
            "Your medicines",
            "One medicine at a time, as written on the box. Leave a row empty if you do not need it.",
            "Medicine",
            &[
                ("name", "Name of the medicine", "As written on the box.", "text"),
                ("dose", "How much each time", "For example 12.5 mg.", "text"),
                ("how_often", "How often", "For example every morning.", "text"),
                ("since", "Taken since", "The date you started, for example 1 May 2024.", "text"),
                ("reason", "What it is for", "", "text"),
                ("note", "Anything else about it", "", "text"),
                ("as_needed", "I only take it when I need it", "", "check"),
            ],
        )];
        sections.push(Section::new("medicines", "Your medicines", "", medicines));

        let diary = vec![self.blocks(
            DIARY,
            guide.diary_title(),
            "One row for each night with symptoms.",
            "Night",
            &[
                ("night", "The night", "For example 3 November 2026.", "text"),
                ("at", "The time it started", "For example 2:40am.", "text"),
                ("minutes", "How long it lasted, in minutes", "", "number"),
                (
                    "where",
                    "Where in the body",
                    "For example right calf.",
                    "text",
                ),
                (
                    "severity",
                    "How bad, from 0 to 10",
                    "0 is no pain, 10 is the worst pain you can imagine.",
                    "number",
                ),
                ("note", "Anything else about that night", "", "text"),
            ],
        )];
        sections.push(Section::new("diary", guide.diary_title(), "", diary));

        let mut own = vec![self.list(
            "questions.own",
            "Your own questions for the doctor",
            "One question in each box. Each is printed with room for the answer.",
            "Question",
            false,
        )];
        if !guide.patient_questions.is_empty() {
            let boxes = guide
                .patient_questions
                .iter()
                .map(|q| (format!("questions.keep.{}", q.id), q.text.clone()))
                .collect();
            let mut item = self.checks(
                "Questions the sheet suggests",
                "The sheet also prints these questions for you to ask. Untick any you do not want on it.",
                boxes,
            );
            if let Some(group) = &mut item.group {
                for (f, q) in group.fields.iter_mut().zip(&guide.patient_questions) {
                    f.checked = !self.form.skips(&q.id);
                }
            }
            own.push(item);
        }
        sections.push(Section::new("questions", "Your own questions", "", own));

        let visit = vec![
            self.text(
                "visit.when",
                "Date of the visit",
                "With the time if you know it, for example 2 December 2026 at 9:30am.",
            ),
            self.text(
                "visit.clinic",
                "Clinic or hospital",
                "For example St. Mary Hospital.",
            ),
            self.text(
                "visit.department",
                "Department",
                "Or the kind of doctor, for example Neurology.",
            ),
            self.text("visit.doctor", "The doctor's name", "If you know it."),
            self.area(
                "visit.reason",
                "Why are you going?",
                "In one or two sentences, for example: Painful cramps in my calves at night.",
            ),
        ];
        sections.push(Section::new("visit", "The visit", "", visit));

        let people = vec![
            self.list(
                "health.allergies",
                "Allergies",
                "To medicines, foods or anything else, with what happens, for example penicillin (rash). Write none if you have none.",
                "Allergy",
                false,
            ),
            self.list(
                "health.conditions",
                "Other illnesses",
                "Illnesses you are treated for, for example high blood pressure.",
                "Illness",
                false,
            ),
            self.area(
                "health.notes",
                "Anything else the doctor should know",
                "For example an operation you had.",
            ),
            self.text(
                "visit.companion",
                "Who is coming with you?",
                "For example my daughter Anna. Leave it empty if no one is.",
            ),
            self.text(
                "patient.emergency_contact",
                "Someone to call in an emergency",
                "Their name and phone number.",
            ),
            self.text(
                "patient.language",
                "The language you speak best",
                "If the doctor may not speak it.",
            ),
            self.list(
                "patient.needs",
                "What helps you take part in the visit",
                "For example reading glasses, a hearing aid, an interpreter, a wheelchair, more time.",
                "Need",
                false,
            ),
            self.text(
                "patient.filled_in_by",
                "If you fill this in for someone else: your name, and who you are to them",
                "For example Anna Example (daughter). Leave it empty if it is for you.",
            ),
        ];
        sections.push(Section::new(
            "health",
            "Allergies, other illnesses, and the people with you",
            "",
            people,
        ));

        let matters = vec![
            self.list(
                "visit.concerns",
                "What worries you most?",
                "One worry in each box, the most important first: the first three go on the sheet's first page. Use Move up to change the order.",
                "Worry",
                true,
            ),
            self.area(
                "visit.goal",
                "What do you hope to get from the visit?",
                "For example: To sleep through the night again.",
            ),
        ];
        sections.push(Section::new(
            "matters",
            "What matters most to you",
            "",
            matters,
        ));

        if !guide.checklist.is_empty() {
            let companion = self.form.get("visit.companion");
            let companion = (!companion.trim().is_empty()).then_some(companion.trim());
            let boxes = guide
                .checklist
                .iter()
                .map(|c| (format!("checklist.done.{}", c.id), c.text_for(companion)))
                .collect();
            let items = vec![self.checks(
                "What you have already done",
                "Ticked items are printed ticked on the sheet.",
                boxes,
            )];
            sections.push(Section::new("checklist", "Getting ready", "", items));
        }

        let sheet = vec![
            self.radios(
                "sheet.paper",
                "Paper size",
                &[("a4", "A4"), ("letter", "Letter")],
            ),
            self.radios(
                "sheet.print",
                "Size of the print",
                &[
                    ("normal", "Normal"),
                    ("large", "Large print"),
                    ("x-large", "Extra large print"),
                ],
            ),
            Item::of(self.field(
                "sheet.diary_page",
                "Add an empty diary page to fill in by hand",
                "",
                "check",
            )),
        ];
        sections.push(Section::new("sheet", "Your sheet", "", sheet));
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

//! The medicines, asked one line each as they are written on the box ("Lasix 40mg once a
//! day"). The line is split by `medicine` and the split read back for a yes or no; a part it
//! got wrong or did not find is then asked on its own.

use std::io::Write;

use super::asking::Asker;
use super::heard::says_none;
use super::{medicine, Stop};
use crate::intake::Medication;

impl<W: Write> Asker<'_, W> {
    /// The medicines, one line each; `old` are the earlier ones when correcting.
    pub(super) fn medicines(&mut self, old: &[Medication]) -> Result<(), Stop> {
        let was_none = std::mem::take(&mut self.intake.health.no_medicines);
        let mut kept: Vec<Medication> = Vec::new();
        let mut old = old.iter();
        loop {
            let earlier = old.next();
            let n = kept.len() + 1;
            let initial = match earlier {
                Some(m) => one_line(m),
                None if kept.is_empty() && was_none => self.t("none-item-medicine"),
                None => String::new(),
            };
            let question = self.item_question("item-medicine", n, earlier.is_some());
            let line = self.ask_text(&question, &initial)?;
            if line.is_empty() {
                if earlier.is_some() {
                    continue;
                }
                break;
            }
            if says_none(self.w, &line) {
                // "None" first: no medicines. After one, "no" means no more.
                self.intake.health.no_medicines = kept.is_empty();
                break;
            }
            // What is not asked (since when, a note) stays as it was.
            let mut medication = earlier.cloned().unwrap_or_default();
            self.medicine_parts(&line, &mut medication)?;
            let reason = earlier.and_then(|m| m.reason.clone());
            let question = format!("  {}", self.t("ask-medicine-reason"));
            medication.reason = self.optional(&question, reason.as_deref())?;
            kept.push(medication);
        }
        self.intake.medications = kept;
        Ok(())
    }

    /// Name, dose and how often from one typed line: split, read back, and asked one by one
    /// where the split is wrong or a part is missing.
    fn medicine_parts(&mut self, line: &str, m: &mut Medication) -> Result<(), Stop> {
        let ask_dose = format!("  {}", self.t("ask-dose"));
        let ask_how_often = format!("  {}", self.t("ask-how-often"));
        let Some(parts) = medicine::split(line) else {
            m.name = line.to_string();
            m.dose = self.optional(&ask_dose, m.dose.clone().as_deref())?;
            m.how_often = self.optional(&ask_how_often, m.how_often.clone().as_deref())?;
            m.as_needed = m
                .how_often
                .as_deref()
                .is_some_and(medicine::taken_as_needed);
            return Ok(());
        };
        let not_given = self.t("medicine-not-given");
        let labels = [
            self.t("medicine-name"),
            self.t("medicine-dose"),
            self.t("medicine-how-often"),
        ];
        // The parts in a column two spaces after the longest label.
        let width = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0) + 2;
        let values = [
            parts.name.as_str(),
            parts.dose.as_deref().unwrap_or(&not_given),
            parts.how_often.as_deref().unwrap_or(&not_given),
        ];
        for (label, value) in labels.iter().zip(values) {
            let pad = " ".repeat(width - label.chars().count());
            self.say(&format!("  {label}{pad}{value}"))?;
        }
        let right = self.confirm(&format!("  {}", self.t("medicine-right")))?;
        if !right {
            // Each part on its own, the split's reading on the line to edit.
            let name = self.ask_text(&format!("  {}", labels[0]), &parts.name)?;
            m.name = if name.is_empty() {
                line.to_string()
            } else {
                name
            };
        } else {
            m.name = parts.name;
        }
        // A part the line did not hold is asked for; on "no" every part is.
        m.dose = match parts.dose {
            Some(dose) if right => Some(dose),
            dose => self.optional(&ask_dose, dose.or(m.dose.clone()).as_deref())?,
        };
        m.how_often = match parts.how_often {
            Some(how_often) if right => Some(how_often),
            how_often => {
                self.optional(&ask_how_often, how_often.or(m.how_often.clone()).as_deref())?
            }
        };
        m.as_needed = m
            .how_often
            .as_deref()
            .is_some_and(medicine::taken_as_needed);
        Ok(())
    }
}

/// A medicine as one line: "Lasix 40mg once a day".
pub(super) fn one_line(m: &Medication) -> String {
    [
        Some(m.name.as_str()),
        m.dose.as_deref(),
        m.how_often.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ")
}

#[cfg(test)]
mod tests {
    use crate::interview::scripted::medicines;

    #[test]
    fn a_medicine_on_one_line_is_split_and_read_back() {
        let (intake, out) = medicines(&[
            "Lasix 40mg once a day",
            "yes",
            "water",
            "metformin 500 mg twice daily",
            "no",
            "Metformin XR",
            "500 mg",
            "twice a day with food",
            "diabetes",
            "Magne B6",
            "",
            "every evening",
            "",
            "",
        ]);
        assert!(
            out.contains("  Name:       Lasix\n  Dose:       40mg\n  How often:  once a day\n"),
            "{out}"
        );
        let m = &intake.medications;
        assert_eq!(m.len(), 3, "{out}");
        assert_eq!(
            (
                m[0].name.as_str(),
                m[0].dose.as_deref(),
                m[0].how_often.as_deref(),
                m[0].reason.as_deref()
            ),
            ("Lasix", Some("40mg"), Some("once a day"), Some("water"))
        );
        assert_eq!(
            (
                m[1].name.as_str(),
                m[1].dose.as_deref(),
                m[1].how_often.as_deref(),
                m[1].reason.as_deref()
            ),
            (
                "Metformin XR",
                Some("500 mg"),
                Some("twice a day with food"),
                Some("diabetes")
            )
        );
        assert_eq!(
            (
                m[2].name.as_str(),
                m[2].dose.as_deref(),
                m[2].how_often.as_deref(),
                m[2].reason.as_deref()
            ),
            ("Magne B6", None, Some("every evening"), None)
        );
        assert!(!intake.health.no_medicines);
        // A dose without how often: only the missing part is asked.
        let (intake, out) = medicines(&["Ramipril 5 mg", "yes", "at night", "", ""]);
        assert!(out.contains("How often:  (not given)"), "{out}");
        assert_eq!(intake.medications[0].how_often.as_deref(), Some("at night"));
        assert_eq!(intake.medications[0].dose.as_deref(), Some("5 mg"));
    }

    #[test]
    fn a_medicine_taken_when_needed_is_marked_so() {
        let (intake, out) = medicines(&[
            "Ibuprofen 200 mg as needed",
            "yes",
            "pain",
            "Aspirin 75 mg daily",
            "yes",
            "",
            "",
        ]);
        let m = &intake.medications;
        assert_eq!(m.len(), 2, "{out}");
        assert!(m[0].as_needed, "{out}");
        assert!(!m[1].as_needed, "{out}");
    }
}

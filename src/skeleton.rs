//! A commented intake to fill in, written from a guide: every field and every guide
//! question explained where it is to be filled in.

use std::fmt::Write;

use crate::guide::Guide;

/// The name written into a new intake; `check` reminds the user to replace it.
pub const NAME_TO_REPLACE: &str = "Your name";

fn comment_wrapped(out: &mut String, text: &str, indent: &str) {
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.len() + word.len() + 1 > 84 {
            let _ = writeln!(out, "#{indent}{line}");
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        let _ = writeln!(out, "#{indent}{line}");
    }
}

/// A complete intake skeleton for `guide`, valid as written.
pub fn intake_for(guide: &Guide) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "# Visit intake: {}", guide.title);
    o.push_str(
        "#\n\
         # Fill in what you know and leave the rest. Lines starting with # are notes and are\n\
         # ignored: to fill in a line, remove the # in front of it and change the example.\n\
         # Text goes between double quotes. Dates are written year-month-day, without quotes.\n\
         #\n\
         # Check the file:   visitprep check THIS-FILE\n\
         # Make the sheet:   visitprep render THIS-FILE\n\n",
    );
    let _ = writeln!(o, "guide = \"{}\"\n", guide.id);

    o.push_str(
        "[patient]\n\
         # Your full name, as on your health insurance card.\n",
    );
    let _ = writeln!(o, "name = \"{NAME_TO_REPLACE}\"");
    o.push_str(
        "# Date of birth (your age is worked out from it).\n\
         # born = 1956-03-14\n\
         # sex = \"female\"\n\
         # Are you pregnant? true or false. If so, which week (1 to 45)?\n\
         # pregnant = true\n\
         # pregnancy_week = 29\n\
         # phone = \"+44 20 7946 0123\"\n\
         # Language you prefer to speak with the doctor.\n\
         # language = \"English\"\n\
         # Who to call in an emergency, with their phone number.\n\
         # emergency_contact = \"Anna Example (daughter), +44 7700 900123\"\n\n\
         [visit]\n\
         # Date and time of the appointment.\n\
         # when = 2026-12-02T09:30:00\n\
         # clinic = \"St. Mary Hospital\"\n\
         # department = \"Neurology\"\n\
         # doctor = \"Dr. Elena Mueller\"\n\
         # Who comes with you (named on your checklist).\n\
         # companion = \"Anna (daughter)\"\n\
         # In one or two sentences: why you are going.\n\
         # reason = \"Painful cramps in my calves at night.\"\n\n\
         [answers]\n\
         # Your answers to the questions the doctor is likely to ask. A question you leave\n\
         # out is printed with lines to write on. For several lines, use three quotes:\n\
         #   since = \"\"\"\n\
         #   first line\n\
         #   second line\"\"\"\n",
    );
    for q in &guide.doctor_questions {
        o.push('\n');
        let _ = writeln!(o, "# {}", q.text);
        if !q.hint.is_empty() {
            comment_wrapped(&mut o, &q.hint, "   ");
        }
        if q.when.pregnant == Some(true) {
            o.push_str("#   (Only asked during pregnancy.)\n");
        }
        let _ = writeln!(o, "# {} = \"\"", q.id);
    }

    o.push_str(
        "\n[health]\n\
         # Other illnesses, allergies (and what happens), and anything else the doctor should know.\n\
         # conditions = [\"type 2 diabetes\", \"high blood pressure\"]\n\
         # allergies = [\"penicillin (rash)\"]\n\
         # notes = \"Cataract operation in 2022.\"\n\n\
         [questions]\n\
         # Your own questions for the doctor, each in quotes, separated by commas.\n\
         # own = [\"Can I keep swimming?\"]\n",
    );
    if !guide.patient_questions.is_empty() {
        o.push_str(
            "# The sheet also prints these questions. To leave one out, list its id under skip:\n",
        );
        for q in &guide.patient_questions {
            let _ = writeln!(o, "#   {:<16} {}", q.id, q.text);
        }
        let _ = writeln!(o, "# skip = [\"{}\"]", guide.patient_questions[0].id);
    }
    o.push_str("\n[checklist]\n# What you have already done; these are printed ticked. The ids:\n");
    for item in &guide.checklist {
        let _ = writeln!(
            o,
            "#   {:<18} {}",
            item.id,
            item.text.replace("{companion}", "your companion")
        );
    }
    if let Some(first) = guide.checklist.first() {
        let _ = writeln!(o, "# done = [\"{}\"]", first.id);
    }

    o.push_str(
        "\n# Everything from here on is a list of blocks. Keep them at the end of the file: in\n\
         # TOML a line after [[medications]] belongs to that medicine.\n\
         #\n\
         # Your medicines: copy these lines once for each medicine and remove the #.\n\
         # [[medications]]\n\
         # name = \"hydrochlorothiazide\"\n\
         # dose = \"12.5 mg\"\n\
         # how_often = \"every morning\"\n\
         # since = 2024-05-01\n\
         # reason = \"blood pressure\"\n\
         # note = \"\"\n\
         # Only taken when needed? Then add:\n\
         # as_needed = true\n\
         #\n\
         # A diary: one block for each night with symptoms.\n\
         # [[diary]]\n\
         # night = 2026-11-20\n\
         # at = 03:10:00\n\
         # minutes = 4\n\
         # where = \"right calf\"\n\
         # Severity from 0 (no pain) to 10 (worst pain you can imagine).\n\
         # severity = 7\n\
         # note = \"long walk that day\"\n",
    );
    o
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn every_skeleton_is_a_valid_intake_naming_every_question() {
        for id in Guide::built_in_ids() {
            let guide = Guide::built_in(id).unwrap();
            let text = intake_for(&guide);
            let (intake, _) = crate::intake::parse(Path::new("new.toml"), &text, Path::new("."))
                .unwrap_or_else(|e| panic!("{id}: {e}"));
            assert_eq!(intake.patient.name, NAME_TO_REPLACE);
            for q in &guide.doctor_questions {
                assert!(
                    text.contains(&format!("# {} = \"\"", q.id)),
                    "{id}: {}",
                    q.id
                );
                assert!(text.contains(&q.text), "{id}: {}", q.text);
            }
        }
    }

    #[test]
    fn uncommenting_an_answer_gives_a_valid_intake() {
        let guide = Guide::built_in("nocturnal-leg-cramps").unwrap();
        let text = intake_for(&guide).replace("# since = \"\"", "since = \"two months\"");
        let (intake, _) =
            crate::intake::parse(Path::new("new.toml"), &text, Path::new(".")).unwrap();
        assert_eq!(intake.answers["since"], "two months");
    }
}

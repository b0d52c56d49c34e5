//! "About this condition" on the patient's pages: what it is, who gets it, its everyday
//! causes, whether it is dangerous and what to watch for, from the guide's `[[about]]` items.

use crate::words::Words;
use crate::document::{plain, Block, Span, Text};
use crate::guide::{CauseKind, Facts, Guide};

/// The part's blocks; none when the guide has no `[[about]]` item for this patient.
pub fn blocks(guide: &Guide, facts: &Facts, w: &Words) -> Vec<Block> {
    let items: Vec<_> = guide
        .about
        .iter()
        .filter(|item| facts.holds(&item.when))
        .collect();
    if items.is_empty() {
        return Vec::new();
    }
    let mut blocks = vec![Block::Heading(w.get("about-heading"))];
    for item in items {
        // A title that is a question is answered by the text; any other introduces it.
        let joint = if item.title.trim_end().ends_with(['?', ':']) {
            " "
        } else {
            ": "
        };
        let mut text: Text = vec![Span {
            text: format!("{}{joint}", item.title.trim_end()),
            strong: true,
            link: None,
        }];
        text.extend(plain(&item.text));
        blocks.push(Block::Paragraph(text));
        let causes = match item.causes {
            Some(CauseKind::Everyday) => &guide.causes.everyday[..],
            Some(CauseKind::Diseases) => &guide.causes.diseases[..],
            None => &[],
        };
        // A cause that cannot apply to this patient (pregnancy, on a man's sheet) is left out.
        let causes: Vec<Text> = causes
            .iter()
            .filter(|c| facts.holds(&c.when))
            .map(|c| plain(&c.text))
            .collect();
        if !causes.is_empty() {
            blocks.push(Block::Bullets(causes));
        }
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn guide(about: &str) -> Guide {
        let text = format!(
            "id = \"x\"\ntitle = \"X\"\nsummary = \"S.\"\n[[doctor_questions]]\nid = \"a\"\ntext = \"A?\"\n\
             [causes]\neveryday = [\"Cold legs\", {{ text = \"Tired muscles\", source = \"practical\" }}]\n{about}"
        );
        Guide::parse(Path::new("x.toml"), &text).unwrap()
    }

    fn english() -> &'static Words {
        Words::of(crate::document::Language::English)
    }

    fn text_of(blocks: &[Block]) -> String {
        format!("{blocks:?}")
    }

    #[test]
    fn items_in_order_with_the_causes_they_ask_for() {
        let g = guide(
            "[[about]]\ntitle = \"What it is\"\ntext = \"A cramp.\"\n\
             [[about]]\ntitle = \"Causes\"\ntext = \"Some are:\"\ncauses = \"everyday\"\n\
             [[about]]\ntitle = \"Is it dangerous?\"\ntext = \"Usually not.\"\n",
        );
        let blocks = blocks(&g, &Facts::default(), english());
        assert_eq!(blocks[0], Block::Heading("About this condition".into()));
        let text = text_of(&blocks);
        let order = [
            "What it is: ",
            "A cramp.",
            "Causes: ",
            "Cold legs",
            "Tired muscles",
            "Is it dangerous? ",
            "Usually not.",
        ];
        let at: Vec<usize> = order
            .iter()
            .map(|s| {
                text.find(s)
                    .unwrap_or_else(|| panic!("{s} missing: {text}"))
            })
            .collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{text}");
        assert_eq!(
            blocks
                .iter()
                .filter(|b| matches!(b, Block::Bullets(_)))
                .count(),
            1
        );
    }

    #[test]
    fn conditions_hold_and_an_empty_part_is_left_out() {
        let g = guide(
            "[[about]]\ntitle = \"In pregnancy\"\ntext = \"T.\"\nwhen = { pregnant = true }\n",
        );
        assert!(blocks(&g, &Facts::default(), english()).is_empty());
        let pregnant = Facts {
            pregnant: true,
            ..Facts::default()
        };
        assert!(text_of(&blocks(&g, &pregnant, english())).contains("In pregnancy"));
        assert!(blocks(&guide(""), &Facts::default(), english()).is_empty());
    }
}

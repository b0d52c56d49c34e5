use std::path::PathBuf;

use visitprep::fonts::FontSet;
use visitprep::layout::{PageOptions, Paper};
use visitprep::output::{self, Overwrite};
use visitprep::RenderOptions;

pub struct RenderArgs {
    pub file: PathBuf,
    pub output: Option<PathBuf>,
    pub paper: Paper,
    pub large_print: bool,
    pub diary_page: bool,
    pub font: Option<PathBuf>,
    pub strict: bool,
    pub force: bool,
    pub color: bool,
}

pub fn render(args: RenderArgs) -> Result<(), String> {
    let loaded = super::load(&args.file, args.color)?;
    let out = args
        .output
        .clone()
        .unwrap_or_else(|| args.file.with_extension("pdf"));
    output::check_target(&out, &[&args.file], Overwrite { force: args.force })
        .map_err(|e| format!("error: {e}"))?;

    let mut fonts = FontSet::embedded();
    if let Some(path) = &args.font {
        let bytes = std::fs::read(path)
            .map_err(|e| format!("error: cannot read the font {}: {e}", path.display()))?;
        fonts
            .add_fallback(&path.display().to_string(), &bytes)
            .map_err(|e| format!("error: {e}"))?;
    }
    let made = visitprep::generation_time();
    let options = RenderOptions {
        page: PageOptions {
            paper: args.paper,
            large_print: args.large_print,
        },
        diary_page: args.diary_page,
    };
    let missing = visitprep::missing_chars(&loaded, &fonts);
    if !missing.is_empty() {
        let level = if args.strict { "error" } else { "warning" };
        for m in &missing {
            eprintln!(
                "{level}: `{}` (U+{:04X}) in `{}` is in none of the fonts; it prints as {}",
                m.ch,
                m.ch as u32,
                m.field,
                visitprep::fonts::PLACEHOLDER
            );
        }
        eprintln!("  help: add --font FILE with a font that has these characters (for Chinese, e.g. fonts-wqy-microhei)");
        if args.strict {
            return Err("error: --strict: characters would not print; nothing was written".into());
        }
    }
    let rendered = visitprep::render(&loaded, &fonts, made, options);
    output::write_atomic(&out, &rendered.pdf).map_err(|e| format!("error: {e}"))?;
    let pages = if rendered.pages == 1 { "page" } else { "pages" };
    eprintln!("wrote {} ({} {pages})", out.display(), rendered.pages);
    Ok(())
}

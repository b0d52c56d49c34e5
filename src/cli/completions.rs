//! Shell completions and manual pages, both generated from the command-line definition in
//! `args.rs`, so they always list the commands and options the program really has.

use std::io::Write;

use clap_complete::Shell;

use super::Error;

/// Prints the completion script for `shell`.
pub fn completions(shell: Shell, mut cmd: clap::Command) -> Result<(), Error> {
    let name = cmd.get_name().to_string();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut cmd, name, &mut script);
    print_bytes(&script)
}

/// Prints the manual page of visitprep, or of one of its commands, as roff.
pub fn man(cmd: clap::Command, command: Option<&str>) -> Result<(), Error> {
    let mut cmd = cmd.disable_help_subcommand(true);
    cmd.build();
    let page = match command {
        None => cmd,
        Some(name) => cmd
            .find_subcommand(name)
            .cloned()
            .ok_or_else(|| Error::NoSuchCommand {
                name: name.into(),
                known: cmd.get_subcommands().map(|s| s.get_name().into()).collect(),
            })?,
    };
    let mut roff = Vec::new();
    clap_mangen::Man::new(page)
        .source(format!("visitprep {}", env!("CARGO_PKG_VERSION")))
        .render(&mut roff)
        .map_err(Error::ManPage)?;
    let roff = examples_as_written(&String::from_utf8_lossy(&roff));
    print_bytes(pages_of_commands(&roff).as_bytes())
}

/// The main page lists each command as a page of its own, `visitprep-render(1)`: it says
/// how that page is written, since nothing installs it.
fn pages_of_commands(roff: &str) -> String {
    roff.replacen(
        ".SH SUBCOMMANDS\n",
        ".SH SUBCOMMANDS\n\
         Each command has a page of its own, written by \\fBvisitprep man\\fR \\fICOMMAND\\fR; \
         for example \\fBvisitprep man render > visitprep\\-render.1\\fR writes \
         visitprep\\-render(1).\n",
        1,
    )
}

/// clap_mangen puts the text after the options (our examples) in a section called EXTRA,
/// filled and justified like prose, which runs the examples together. They are set here
/// as written, line for line as `--help` shows them, in a section called EXAMPLES.
fn examples_as_written(roff: &str) -> String {
    let Some(start) = roff.find(".SH EXTRA\n") else {
        return roff.to_string();
    };
    let body = start + ".SH EXTRA\n".len();
    // The section ends where the next one, or the next block of definitions, begins.
    let end = ["\n.SH ", "\n.ie "]
        .iter()
        .filter_map(|next| roff[body..].find(next))
        .min()
        .map_or(roff.len(), |at| body + at + 1);
    format!(
        "{}.SH EXAMPLES\n.nf\n{}.fi\n{}",
        &roff[..start],
        &roff[body..end],
        &roff[end..]
    )
}

/// Writes to stdout; a reader that stops early (`| head`) is not an error.
fn print_bytes(bytes: &[u8]) -> Result<(), Error> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::Print {
            what: "write",
            error,
        }),
        _ => Ok(()),
    }
}

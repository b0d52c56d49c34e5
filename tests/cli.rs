//! Shell completions and the manual page cover every command.

use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_visitprep"))
        .args(args)
        .output()
        .unwrap()
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// The commands as `visitprep --help` lists them, so a new command cannot be forgotten here.
fn commands() -> Vec<String> {
    let help = stdout(&run(&["--help"]));
    let list: Vec<String> = help
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .map(String::from)
        .filter(|c| c != "help")
        .collect();
    for expected in [
        "render",
        "check",
        "new",
        "interview",
        "schema",
        "completions",
        "man",
        "guides",
    ] {
        assert!(list.iter().any(|c| c == expected), "{expected} in {list:?}");
    }
    list
}

#[test]
fn bash_and_zsh_completions_name_every_command() {
    let bash = stdout(&run(&["completions", "bash"]));
    let zsh = stdout(&run(&["completions", "zsh"]));
    for c in commands() {
        // bash dispatches on `visitprep,COMMAND)`; zsh describes `'COMMAND:what it does'`.
        assert!(bash.contains(&format!("visitprep,{c})")), "bash: no `{c}`");
        assert!(zsh.contains(&format!("'{c}:")), "zsh: no `{c}`");
    }
    assert!(bash.contains("complete -F _visitprep"), "{bash}");
    // Options of a command are completed too.
    assert!(bash.contains("--large-print"));
    assert!(zsh.starts_with("#compdef visitprep"), "{zsh}");
}

#[test]
fn every_shell_gets_a_script() {
    for shell in ["fish", "powershell", "elvish"] {
        let script = stdout(&run(&["completions", shell]));
        assert!(script.contains("interview"), "{shell}");
    }
    assert!(!run(&["completions", "cmd.exe"]).status.success());
}

#[test]
fn man_page_lists_every_command() {
    let page = stdout(&run(&["man"]));
    assert!(page.contains(".TH visitprep 1"), "{page}");
    for c in commands() {
        assert!(
            page.contains(&format!("visitprep\\-{c}(1)")),
            "no `{c}` in\n{page}"
        );
    }
}

#[test]
fn man_page_of_one_command_shows_its_options() {
    let page = stdout(&run(&["man", "render"]));
    assert!(page.contains(".TH visitprep-render 1"), "{page}");
    assert!(page.contains("\\-\\-large\\-print"), "{page}");
    let out = run(&["man", "nosuch"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("interview"));
}

#[cfg(unix)]
#[test]
fn output_piped_into_a_closed_pipe_ends_quietly() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_visitprep"))
        .args(["guides", "nocturnal-leg-cramps"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Close the reading end before anything is written, as `head` does once it has enough.
    drop(child.stdout.take());
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    child.wait().unwrap();
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn man_page_examples_keep_their_lines() {
    for command in ["", "render", "interview"] {
        let args: Vec<&str> = ["man", command]
            .into_iter()
            .filter(|a| !a.is_empty())
            .collect();
        let page = stdout(&run(&args));
        assert!(!page.contains(".SH EXTRA"), "{page}");
        let examples = page
            .split(".SH EXAMPLES\n.nf\n")
            .nth(1)
            .and_then(|rest| rest.split("\n.fi\n").next())
            .unwrap_or_else(|| panic!("no EXAMPLES section set as written:\n{page}"));
        let written: Vec<String> = examples
            .lines()
            .map(|l| l.replace("\\-", "-").replace("\\&", ""))
            .collect();
        // The same lines, in the same order, as `--help` ends with.
        let help_args: Vec<&str> = [command, "--help"]
            .into_iter()
            .filter(|a| !a.is_empty())
            .collect();
        let help = stdout(&run(&help_args));
        let from_help: Vec<&str> = help
            .lines()
            .skip_while(|l| !l.starts_with("Example"))
            .collect();
        assert!(from_help.len() > 1, "{help}");
        assert_eq!(written, from_help, "{command}");
    }
}

/// Every page the main manual page names (`visitprep-render(1)`) is one `visitprep man`
/// writes, and the page says how.
#[test]
fn every_page_the_manual_names_is_one_it_writes() {
    let page = stdout(&run(&["man"]));
    assert!(
        page.contains("written by \\fBvisitprep man\\fR \\fICOMMAND\\fR"),
        "{page}"
    );
    let named: Vec<&str> = page
        .lines()
        .filter_map(|l| l.strip_prefix("visitprep\\-"))
        .filter_map(|l| l.strip_suffix("(1)"))
        .collect();
    assert_eq!(named.len(), commands().len(), "{page}");
    for command in named {
        let own = stdout(&run(&["man", command]));
        assert!(
            own.contains(&format!(".TH visitprep-{command} 1")),
            "{command}: {own}"
        );
    }
}

/// A guide in full shows its causes where the sheet does, never a placeholder for them.
#[test]
fn a_guide_in_full_shows_its_causes_and_no_placeholder() {
    let text = stdout(&run(&["guides", "nocturnal-leg-cramps"]));
    assert!(!text.contains("[then"), "{text}");
    let bring_on = text
        .find("What can bring them on:")
        .expect("the item that leads to the causes");
    let cause = text
        .find("    - Cold legs: legs left uncovered at night")
        .expect("an everyday cause, under its item");
    assert!(cause > bring_on, "{text}");
    assert_eq!(
        text.matches("Cold legs: legs left uncovered at night")
            .count(),
        1,
        "each cause once: {text}"
    );
}

/// The README installs as CI builds: with the versions in Cargo.lock.
#[test]
fn the_readme_installs_with_the_locked_versions() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    assert!(
        readme.contains("\ncargo install --locked --path .\n"),
        "the install line"
    );
    assert!(
        !readme.contains("\ncargo install --path .\n"),
        "an install line without --locked"
    );
}

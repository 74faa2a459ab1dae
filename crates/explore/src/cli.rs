//! The explorer's subcommands of `refpy`: `trace`, `graph` and `explore`. The `refpy` binary hands its
//! arguments here first ([`dispatch`]); anything else is a normal run.

use clap::{Parser, Subcommand, ValueEnum};

use crate::recorder::{record, Capture, Limits};
use crate::trace::Filter;
use crate::walk::Caps;

#[derive(Parser)]
#[command(name = "refpy", about = "The refpy memory explorer")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Copy, Clone, Debug, ValueEnum)]
enum Format {
    Ascii,
    Dot,
    Svg,
}

#[derive(Subcommand)]
enum Command {
    /// Run FILE and print, line by line, the memory events it causes
    Trace {
        file: String,
        /// Only objects bound to these names (comma separated)
        #[arg(long, value_delimiter = ',')]
        names: Vec<String>,
        /// Only objects of these types, e.g. list,A (comma separated)
        #[arg(long, value_delimiter = ',')]
        types: Vec<String>,
        /// Only collections and what they freed
        #[arg(long)]
        gc_only: bool,
        /// Lines recorded before the trace is cut short
        #[arg(long, default_value_t = 2000)]
        max_steps: usize,
        /// Lines of one function call shown one by one; the rest of the call is folded
        #[arg(long, default_value_t = 100)]
        per_call: usize,
        /// Runs of one line shown one by one; later runs (a long loop) are folded
        #[arg(long, default_value_t = 30)]
        per_line: usize,
    },
    /// Draw the heap graph at one point of FILE's run
    Graph {
        file: String,
        /// Right after line N first ran
        #[arg(long, conflicts_with = "at_exit")]
        line: Option<usize>,
        /// When the module finishes, before shutdown (the default)
        #[arg(long)]
        at_exit: bool,
        #[arg(long, value_enum, default_value_t = Format::Ascii)]
        format: Format,
        /// Write to this file instead of stdout
        #[arg(short = 'o')]
        output: Option<String>,
    },
    /// Write a self-contained HTML page that steps through FILE line by line
    Explore {
        file: String,
        /// The page to write (default: FILE with .html)
        #[arg(short = 'o')]
        output: Option<String>,
        /// Lines recorded (the page stays small)
        #[arg(long, default_value_t = 1000)]
        max_steps: usize,
        /// Lines of one function call shown one by one; the rest of the call is folded into one step
        #[arg(long, default_value_t = 25)]
        per_call: usize,
        /// Runs of one line shown one by one; later runs (a long loop) are folded into one step
        #[arg(long, default_value_t = 10)]
        per_line: usize,
    },
}

const SUBCOMMANDS: [&str; 3] = ["trace", "graph", "explore"];

/// Run an explorer subcommand if `argv[1]` names one; `None` means "not ours, run the program".
pub fn dispatch(argv: &[String]) -> Option<i32> {
    let first = argv.get(1)?;
    if !SUBCOMMANDS.contains(&first.as_str()) {
        return None;
    }
    let cli = Cli::parse_from(argv);
    Some(refpy_vm::on_interpreter_thread(move || run(cli.command)))
}

fn read_source(path: &str) -> Result<String, i32> {
    std::fs::read(path)
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .map_err(|e| {
            eprintln!("refpy: can't open file '{path}': {e}");
            2
        })
}

fn write_output(path: Option<&str>, text: &str) -> i32 {
    match path {
        None => {
            // A closed pipe (`refpy trace … | head`) is not an error.
            use std::io::Write;
            let _ = std::io::stdout().lock().write_all(text.as_bytes());
            0
        }
        Some(p) => match std::fs::write(p, text) {
            Ok(()) => 0,
            Err(e) => {
                eprintln!("refpy: can't write '{p}': {e}");
                1
            }
        },
    }
}

/// `dir/prog.py` → `prog.html` in the current directory.
fn default_page_path(file: &str) -> String {
    let stem = std::path::Path::new(file)
        .file_stem()
        .map_or("refpy".into(), |s| s.to_string_lossy().into_owned());
    format!("{stem}.html")
}

fn run(command: Command) -> i32 {
    match command {
        Command::Trace {
            file,
            names,
            types,
            gc_only,
            max_steps,
            per_call,
            per_line,
        } => {
            let src = match read_source(&file) {
                Ok(s) => s,
                Err(c) => return c,
            };
            let limits = Limits {
                steps: max_steps,
                lines_per_call: per_call,
                runs_per_line: per_line,
                ..Limits::default()
            };
            let rec = record(&src, &file, limits);
            let filter = Filter {
                names,
                types,
                gc_only,
            };
            match write_output(None, &crate::trace::render(&rec, &filter)) {
                // The program's own exit status, as `refpy FILE` would end.
                0 => rec.exit_code,
                failed => failed,
            }
        }
        Command::Graph {
            file,
            line,
            at_exit: _,
            format,
            output,
        } => {
            let src = match read_source(&file) {
                Ok(s) => s,
                Err(c) => return c,
            };
            // Only the asked-for picture is kept, so a long run costs no memory.
            let limits = Limits {
                steps: 0,
                capture: line.map_or(Capture::AtExit, Capture::AfterLine),
                ..Limits::default()
            };
            let rec = record(&src, &file, limits);
            let Some(snap) = rec.captured.as_ref() else {
                eprintln!("refpy: line {} of {file} never ran", line.unwrap_or(0));
                return 1;
            };
            let text = match format {
                Format::Ascii => crate::ascii::render(snap),
                Format::Dot => crate::dot::render(snap),
                Format::Svg => crate::svg::render(snap, &crate::svg::Decor::default()),
            };
            write_output(output.as_deref(), &text)
        }
        Command::Explore {
            file,
            output,
            max_steps,
            per_call,
            per_line,
        } => {
            let src = match read_source(&file) {
                Ok(s) => s,
                Err(c) => return c,
            };
            // A page of readable pictures: fewer objects per picture than the terminal views.
            let limits = Limits {
                steps: max_steps,
                caps: Caps {
                    objects: 60,
                    edges: 12,
                },
                lines_per_call: per_call,
                runs_per_line: per_line,
                ..Limits::default()
            };
            let rec = record(&src, &file, limits);
            let path = output.unwrap_or_else(|| default_page_path(&file));
            let code = write_output(Some(&path), &crate::page::render(&rec));
            if code == 0 {
                eprintln!(
                    "refpy: wrote {path} ({} steps); open it in a browser",
                    rec.steps.len()
                );
            }
            code
        }
    }
}

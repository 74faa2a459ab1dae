//! `refpy`: run a Python 3.11-subset program (file, `-c`, stdin) or an interactive REPL.

mod repl;

use std::io::Read;
use std::path::Path;

use clap::Parser;

#[derive(Parser)]
#[command(name = "refpy", disable_version_flag = true)]
struct Args {
    /// Program passed in as string
    #[arg(short = 'c')]
    command: Option<String>,
    /// Print the version and exit
    #[arg(short = 'V', long = "version")]
    version: bool,
    /// Script file (`-` for stdin) followed by its arguments
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    rest: Vec<String>,
}

fn main() {
    // `refpy trace|graph|explore FILE …`: the memory explorer (crate refpy-explore).
    if let Some(code) = refpy_explore::cli::dispatch(&std::env::args().collect::<Vec<_>>()) {
        std::process::exit(code);
    }
    let args = Args::parse();
    if args.version {
        println!("Python 3.11.7 (refpy {})", env!("CARGO_PKG_VERSION"));
        return;
    }
    let code = refpy_vm::on_interpreter_thread(move || {
        // Last resort: a Rust panic must never surface as a Rust panic message.
        std::panic::set_hook(Box::new(|info| {
            refpy_vm::rt::flush_out();
            eprintln!("refpy: internal error: {}", info);
        }));
        let result = std::panic::catch_unwind(move || run(args));
        match result {
            Ok(code) => code,
            Err(_) => 70,
        }
    });
    std::process::exit(code);
}

fn run_stdin(argv: Vec<String>) -> i32 {
    let mut src = String::new();
    if std::io::stdin().read_to_string(&mut src).is_err() {
        eprintln!("refpy: cannot read stdin");
        return 2;
    }
    refpy_vm::run_main(&src, "<stdin>", argv)
}

/// The script's name as CPython 3.11 records it (`__file__`, tracebacks, warnings): relative paths are
/// joined to the working directory as they are, without resolving `.`, `..` or links (`_Py_abspath`).
fn script_path(path: &str) -> String {
    if Path::new(path).is_absolute() {
        return path.to_string();
    }
    match std::env::current_dir() {
        Ok(cwd) => format!("{}/{}", cwd.display(), path),
        Err(_) => path.to_string(),
    }
}

fn run(args: Args) -> i32 {
    if let Some(cmd) = args.command {
        let mut argv = vec!["-c".to_string()];
        argv.extend(args.rest);
        return refpy_vm::run_main(&cmd, "<string>", argv);
    }
    use std::io::IsTerminal;
    match args.rest.first().map(String::as_str) {
        // Like CPython: without a terminal, stdin is read as a script instead of an interactive session.
        None if std::io::stdin().is_terminal() => repl::run(),
        None => run_stdin(vec![String::new()]),
        Some("-") => run_stdin(args.rest.clone()),
        Some(path) => match std::fs::read(path) {
            Ok(bytes) => {
                let src = String::from_utf8_lossy(&bytes).into_owned();
                refpy_vm::run_main(&src, &script_path(path), args.rest.clone())
            }
            Err(e) => {
                eprintln!(
                    "refpy: can't open file '{}': [Errno {}] {}",
                    path,
                    e.raw_os_error().unwrap_or(2),
                    match e.kind() {
                        std::io::ErrorKind::NotFound => "No such file or directory".to_string(),
                        _ => e.to_string(),
                    }
                );
                2
            }
        },
    }
}

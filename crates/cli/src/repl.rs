//! The interactive prompt: `>>> ` / `... `, echoing expression values and setting `_`, like CPython's.

use rustyline::error::ReadlineError;
use rustyline::DefaultEditor;

pub fn run() -> i32 {
    refpy_vm::init();
    refpy_vm::rt::rt().out_is_tty.set(true);
    let globals = refpy_vm::main_globals();
    // CPython prints its banner on stderr.
    eprintln!(
        "Python 3.11.7 (refpy {}) on linux",
        env!("CARGO_PKG_VERSION")
    );
    eprintln!("Type \"help\", \"copyright\", \"credits\" or \"license\" for more information.");
    let mut editor = match DefaultEditor::new() {
        Ok(e) => e,
        Err(e) => {
            eprintln!("refpy: cannot start the line editor: {}", e);
            return 1;
        }
    };
    let mut buffer = String::new();
    loop {
        let prompt = if buffer.is_empty() { ">>> " } else { "... " };
        match editor.readline(prompt) {
            Ok(line) => {
                let _ = editor.add_history_entry(line.as_str());
                buffer.push_str(&line);
                buffer.push('\n');
                if line.trim().is_empty() && buffer.trim().is_empty() {
                    buffer.clear();
                    continue;
                }
                let entry = buffer.strip_suffix('\n').unwrap_or(&buffer);
                if refpy_vm::syntax::repl_needs_more(entry) {
                    continue;
                }
                let src = std::mem::take(&mut buffer);
                if let Some(code) = refpy_vm::exec_interactive(&src, &globals) {
                    refpy_vm::rt::flush_out();
                    return code;
                }
                refpy_vm::rt::flush_out();
            }
            Err(ReadlineError::Interrupted) => {
                buffer.clear();
                eprintln!("KeyboardInterrupt");
            }
            Err(ReadlineError::Eof) => break,
            Err(e) => {
                eprintln!("refpy: {}", e);
                break;
            }
        }
    }
    let _ = refpy_vm::shutdown(globals);
    refpy_vm::rt::flush_out();
    0
}

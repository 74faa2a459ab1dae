//! Source → code object, with syntax errors reported in CPython's format.

use std::rc::Rc;

use crate::bytecode::Source;
use crate::compile::{self, Compiled};

/// A CPython-style SyntaxError report for `src` at byte `offset`.
pub fn syntax_report(src: &Source, offset: usize, kind: &str, msg: &str, caret: bool) -> String {
    let line = src.line_of(offset.min(src.text.len()));
    let text = src.line_text(line);
    let mut out = format!("  File \"{}\", line {}\n", src.filename, line);
    let stripped = text.trim_start();
    if !stripped.trim_end().is_empty() {
        out.push_str(&format!("    {}\n", stripped.trim_end()));
        if caret {
            let line_start = src.line_starts.get(line - 1).copied().unwrap_or(0);
            let col = text[..offset.saturating_sub(line_start).min(text.len())]
                .chars()
                .count();
            let lead = text.chars().count() - stripped.chars().count();
            out.push_str(&format!("    {}^\n", " ".repeat(col.saturating_sub(lead))));
        }
    }
    out.push_str(&format!("{}: {}\n", kind, msg));
    out
}

/// Translate ruff's parse errors into CPython's wording: (kind, message, offset, caret).
fn cpython_message(src: &str, msg: &str, offset: usize) -> (&'static str, String, usize, bool) {
    let msg = &msg.replace('`', "'");
    let lower = msg.to_ascii_lowercase();
    if lower.contains("unexpected indentation") {
        return (
            "IndentationError",
            "unexpected indent".into(),
            offset,
            false,
        );
    }
    if lower.contains("expected an indented block") {
        return (
            "IndentationError",
            "expected an indented block".into(),
            offset,
            false,
        );
    }
    if lower.contains("unindent") || lower.contains("dedent") {
        return (
            "IndentationError",
            "unindent does not match any outer indentation level".into(),
            offset,
            false,
        );
    }
    if let Some(rest) = msg.strip_prefix("Expected ") {
        if let Some((what, _)) = rest.split_once(", found") {
            if what == "':'" {
                return ("SyntaxError", "expected ':'".into(), offset, true);
            }
            if what == "')'" || what == "']'" || what == "'}'" {
                // An unclosed bracket: CPython reports where it was opened.
                let open = match what {
                    "')'" => '(',
                    "']'" => '[',
                    _ => '{',
                };
                if let Some(p) = find_unclosed(src, open) {
                    return (
                        "SyntaxError",
                        format!("'{}' was never closed", open),
                        p,
                        true,
                    );
                }
            }
        }
    }
    if lower.contains("unterminated string") {
        return (
            "SyntaxError",
            "unterminated string literal (detected at line 1)".into(),
            offset,
            true,
        );
    }
    ("SyntaxError", "invalid syntax".into(), offset, true)
}

fn find_unclosed(src: &str, open: char) -> Option<usize> {
    let close = match open {
        '(' => ')',
        '[' => ']',
        _ => '}',
    };
    let mut stack = Vec::new();
    for (i, c) in src.char_indices() {
        if c == open {
            stack.push(i);
        } else if c == close {
            stack.pop();
        }
    }
    stack.first().copied()
}

/// Parse and compile; `Err` carries the full SyntaxError report text.
pub fn compile_source(src: &str, filename: &str, interactive: bool) -> Result<Compiled, String> {
    let source = Rc::new(Source::new(filename, src));
    let parsed = match ruff_python_parser::parse_module(src) {
        Ok(p) => p,
        Err(e) => {
            let off = e.location.start().to_usize();
            let (kind, msg, off, caret) = cpython_message(src, &e.error.to_string(), off);
            return Err(syntax_report(&source, off, kind, &msg, caret));
        }
    };
    compile::compile_module(&parsed.syntax().body, source.clone(), interactive)
        .map_err(|e| syntax_report(&source, e.offset as usize, e.kind, &e.msg, true))
}

/// Whether `src` fails to parse only because more lines are needed (REPL continuation).
pub fn is_incomplete(src: &str) -> bool {
    match ruff_python_parser::parse_module(src) {
        Ok(_) => {
            // A compound statement header waits for its body / a blank line.
            let last = src.trim_end_matches('\n').lines().last().unwrap_or("");
            src.lines().count() > 1 && !src.ends_with("\n\n") && last.starts_with([' ', '\t'])
        }
        Err(e) => {
            let at_end = e.location.start().to_usize() >= src.trim_end().len();
            let msg = e.error.to_string().to_ascii_lowercase();
            at_end
                && (msg.contains("expected an indented block")
                    || msg.contains("unexpected eof")
                    || msg.contains("end of file")
                    || msg.contains("expected ")
                    || msg.contains("unterminated triple"))
        }
    }
}

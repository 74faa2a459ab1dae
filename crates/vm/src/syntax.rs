//! Source → code object, with syntax errors reported in CPython's format and, for the common mistakes,
//! CPython's wording (ruff's parser words them differently).

use std::rc::Rc;

use ruff_python_parser::{LexicalErrorType, ParseErrorType};

use crate::bytecode::Source;
use crate::compile::{self, Compiled};

/// Where a syntax error points: byte offsets of the underlined range (`end == start`: one caret).
#[derive(Copy, Clone)]
struct Span {
    start: usize,
    end: usize,
    caret: bool,
}

/// A CPython-style SyntaxError report.
fn report(src: &Source, span: Span, kind: &str, msg: &str) -> String {
    let offset = span.start.min(src.text.len());
    let line = src.line_of(offset);
    let text = src.line_text(line);
    let mut out = format!("  File \"{}\", line {}\n", src.filename, line);
    let stripped = text.trim_start();
    if !stripped.trim_end().is_empty() {
        out.push_str(&format!("    {}\n", stripped.trim_end()));
        if span.caret {
            let line_start = src.line_starts.get(line - 1).copied().unwrap_or(0);
            let col_of = |b: usize| {
                text[..b.saturating_sub(line_start).min(text.len())]
                    .chars()
                    .count()
            };
            let col = col_of(offset);
            let line_end = line_start + text.len();
            let end_col = col_of(span.end.min(line_end)).max(col + 1);
            let lead = text.chars().count() - stripped.chars().count();
            out.push_str(&format!(
                "    {}{}\n",
                " ".repeat(col.saturating_sub(lead)),
                "^".repeat(end_col - col)
            ));
        }
    }
    out.push_str(&format!("{}: {}\n", kind, msg));
    out
}

/// Kept for callers that only have an offset.
pub fn syntax_report(src: &Source, offset: usize, kind: &str, msg: &str, caret: bool) -> String {
    report(
        src,
        Span {
            start: offset,
            end: offset,
            caret,
        },
        kind,
        msg,
    )
}

/// The outermost bracket still open at the end of `src` (strings and comments skipped).
fn find_unclosed(src: &str) -> Option<(usize, char)> {
    open_brackets(src).first().copied()
}

/// The innermost bracket still open at the end of `src` (strings and comments skipped).
fn innermost_open(src: &str) -> Option<(usize, char)> {
    open_brackets(src).last().copied()
}

/// The brackets still open at the end of `src`, outermost first, with their byte offsets.
fn open_brackets(src: &str) -> Vec<(usize, char)> {
    let mut stack: Vec<(usize, char)> = Vec::new();
    let mut in_str: Option<char> = None;
    let mut chars = src.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match in_str {
            Some(q) => {
                if c == '\\' {
                    chars.next();
                } else if c == q || c == '\n' {
                    in_str = None;
                }
            }
            None => match c {
                '#' => {
                    for (_, d) in chars.by_ref() {
                        if d == '\n' {
                            break;
                        }
                    }
                }
                '\'' | '"' => in_str = Some(c),
                '(' | '[' | '{' => stack.push((i, c)),
                ')' | ']' | '}' => {
                    stack.pop();
                }
                _ => {}
            },
        }
    }
    stack
}

/// The 1-based line of the last block header (a line ending in `:`) before `offset`.
fn header_line(src: &Source, offset: usize) -> usize {
    let mut line = src.line_of(offset);
    while line > 1 {
        line -= 1;
        if src.line_text(line).trim_end().ends_with(':') {
            return line;
        }
    }
    1
}

/// Translate a ruff parse error into CPython's kind, message and span.
fn cpython_error(
    src: &Source,
    error: &ParseErrorType,
    start: usize,
    end: usize,
) -> (&'static str, String, Span) {
    let one = |at: usize| Span {
        start: at,
        end: at,
        caret: true,
    };
    let range = Span {
        start,
        end,
        caret: true,
    };
    let text = &src.text;
    let msg = error.to_string().replace('`', "'");
    let lower = msg.to_ascii_lowercase();
    match error {
        ParseErrorType::Lexical(LexicalErrorType::UnclosedStringError) => {
            let triple = text[start..].starts_with("'''") || text[start..].starts_with("\"\"\"");
            let what = if triple {
                "unterminated triple-quoted string literal"
            } else {
                "unterminated string literal"
            };
            let detected = if triple {
                src.line_of(text.len().saturating_sub(1))
            } else {
                src.line_of(start)
            };
            return (
                "SyntaxError",
                format!("{} (detected at line {})", what, detected),
                one(start),
            );
        }
        ParseErrorType::Lexical(LexicalErrorType::Eof) => {
            if let Some((at, open)) = find_unclosed(text) {
                return (
                    "SyntaxError",
                    format!("'{}' was never closed", open),
                    one(at),
                );
            }
        }
        ParseErrorType::UnparenthesizedGeneratorExpression => {
            return (
                "SyntaxError",
                "Generator expression must be parenthesized".into(),
                range,
            );
        }
        ParseErrorType::InvalidDeleteTarget => {
            return ("SyntaxError", "cannot delete literal".into(), range);
        }
        ParseErrorType::InvalidAssignmentTarget => {
            let target = text[start..end.max(start)].trim();
            let what = if target.ends_with(')') && target.contains('(') {
                "function call"
            } else if target.starts_with(|c: char| c.is_ascii_digit() || c == '"' || c == '\'') {
                "literal"
            } else {
                "expression"
            };
            return (
                "SyntaxError",
                format!(
                    "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                    what
                ),
                range,
            );
        }
        ParseErrorType::Lexical(LexicalErrorType::IndentationError) => {
            let line = src.line_of(start);
            let line_start = src.line_starts[line - 1];
            let at = line_start + src.line_text(line).trim_end().len();
            return (
                "IndentationError",
                "unindent does not match any outer indentation level".into(),
                one(at),
            );
        }
        ParseErrorType::SimpleStatementsOnSameLine => {
            let line = src.line_of(start);
            let line_start = src.line_starts[line - 1];
            let t = src.line_text(line);
            let lead = t.len() - t.trim_start().len();
            if t.trim_start().starts_with("print ") {
                let s = Span {
                    start: line_start + lead,
                    end: line_start + t.trim_end().len(),
                    caret: true,
                };
                return (
                    "SyntaxError",
                    "Missing parentheses in call to 'print'. Did you mean print(...)?".into(),
                    s,
                );
            }
        }
        _ => {}
    }
    if lower.contains("unexpected indentation") {
        return (
            "IndentationError",
            "unexpected indent".into(),
            Span {
                caret: false,
                ..one(start)
            },
        );
    }
    if let Some(after) = lower.strip_prefix("expected an indented block after ") {
        let what = match after {
            "function definition" | "class definition" => after.to_string(),
            other => {
                let kw = other
                    .trim_end_matches(" statement")
                    .trim_end_matches(" clause");
                format!("'{}' statement", kw)
            }
        };
        let line = header_line(src, start);
        return (
            "IndentationError",
            format!("expected an indented block after {} on line {}", what, line),
            one(start),
        );
    }
    if lower.contains("expected an indented block") {
        return (
            "IndentationError",
            "expected an indented block".into(),
            one(start),
        );
    }
    if lower.contains("unindent") || lower.contains("dedent") {
        return (
            "IndentationError",
            "unindent does not match any outer indentation level".into(),
            Span {
                caret: false,
                ..one(start)
            },
        );
    }
    if lower == "expected a statement" {
        if let Some(c @ (')' | ']' | '}')) = text[start..].chars().next() {
            return ("SyntaxError", format!("unmatched '{}'", c), one(start));
        }
        return ("SyntaxError", "invalid syntax".into(), range);
    }
    if let Some(rest) = msg.strip_prefix("Expected ") {
        if let Some((what, _)) = rest.split_once(", found") {
            let found_tok = rest.split_once(", found ").map(|(_, f)| f).unwrap_or("");
            // A closing bracket that does not match the innermost open one.
            if matches!(found_tok, "')'" | "']'" | "'}'") {
                if let Some((open_at, open)) = innermost_open(&text[..start]) {
                    let close = found_tok.chars().nth(1).unwrap_or(')');
                    let expected = match open {
                        '(' => ')',
                        '[' => ']',
                        _ => '}',
                    };
                    if close != expected {
                        let suffix = if src.line_of(open_at) != src.line_of(start) {
                            format!(" on line {}", src.line_of(open_at))
                        } else {
                            String::new()
                        };
                        return (
                            "SyntaxError",
                            format!(
                                "closing parenthesis '{}' does not match opening parenthesis '{}'{}",
                                close, open, suffix
                            ),
                            one(start),
                        );
                    }
                }
            }
            // An unclosed bracket swallowed the next line: CPython reports the bracket.
            if let Some((at, open)) = find_unclosed(text) {
                if src.line_of(at) < src.line_of(start) && what != "':'" {
                    return (
                        "SyntaxError",
                        format!("'{}' was never closed", open),
                        one(at),
                    );
                }
            }
            match what {
                "':'" if found_tok == "'='" => {
                    let line = src.line_of(start);
                    let line_start = src.line_starts[line - 1];
                    let t = src.line_text(line);
                    let lead = t.len() - t.trim_start().len();
                    let kw_end = t[lead..].find(' ').map_or(lead, |p| lead + p + 1);
                    let colon = t.rfind(':').unwrap_or(t.trim_end().len());
                    let span = Span {
                        start: line_start + kw_end,
                        end: line_start + t[..colon].trim_end().len(),
                        caret: true,
                    };
                    return (
                        "SyntaxError",
                        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?".into(),
                        span,
                    );
                }
                "':'" => return ("SyntaxError", "expected ':'".into(), one(start)),
                "'else'" => {
                    return (
                        "SyntaxError",
                        "expected 'else' after 'if' expression".into(),
                        one(start),
                    )
                }
                "')'" | "']'" | "'}'" => {
                    if let Some((at, open)) = find_unclosed(text) {
                        return (
                            "SyntaxError",
                            format!("'{}' was never closed", open),
                            one(at),
                        );
                    }
                }
                _ => {}
            }
        }
    }
    ("SyntaxError", "invalid syntax".into(), one(start))
}

/// Parse and compile; `Err` carries the full SyntaxError report text.
pub fn compile_source(src: &str, filename: &str, interactive: bool) -> Result<Compiled, String> {
    let source = Rc::new(Source::new(filename, src));
    let parsed = match ruff_python_parser::parse_module(src) {
        Ok(p) => p,
        Err(e) => {
            let (start, end) = (e.location.start().to_usize(), e.location.end().to_usize());
            let (kind, msg, span) =
                cpython_error(&source, &e.error, start.min(src.len()), end.min(src.len()));
            return Err(report(&source, span, kind, &msg));
        }
    };
    let compiled = compile::compile_module(&parsed.syntax().body, source.clone(), interactive);
    if let Ok(c) = &compiled {
        for w in &c.warnings {
            crate::rt::write_err(w);
        }
    }
    compiled.map_err(|e| {
        let span = Span {
            start: e.offset as usize,
            end: e.end as usize,
            caret: true,
        };
        report(&source, span, e.kind, &e.msg)
    })
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

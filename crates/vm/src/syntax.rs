//! Source → code object, with syntax errors reported in CPython's format and, for the common mistakes,
//! CPython's wording (ruff's parser words them differently).

use std::rc::Rc;

use ruff_python_ast::token::TokenKind;
use ruff_python_ast::visitor::{walk_expr, walk_stmt, Visitor};
use ruff_python_ast::{Expr, Mod, Stmt, UnaryOp};
use ruff_python_parser::{LexicalErrorType, Mode, ParseErrorType, ParseOptions};
use ruff_text_size::{Ranged, TextRange};

use crate::bytecode::Source;
use crate::compile::{self, Compiled};

/// Where a syntax error points: byte offsets of the underlined range (`end == start`: one caret).
#[derive(Copy, Clone)]
struct Span {
    start: usize,
    end: usize,
    caret: bool,
}

/// A syntax error as CPython's `SyntaxError` carries it (`msg`, `filename`, `lineno`, `text`, `offset`,
/// `end_offset`): raised as an exception (import) or printed as the program's only output.
#[derive(Clone, Debug)]
pub struct SyntaxErrorInfo {
    /// `SyntaxError`, `IndentationError` or `TabError`.
    pub kind: &'static str,
    pub msg: String,
    pub filename: String,
    pub lineno: usize,
    /// The source line as read (with its newline).
    pub text: String,
    /// 1-based columns (characters) of the first caret and one past the last; 0: no caret line.
    pub offset: usize,
    pub end_offset: usize,
}

impl SyntaxErrorInfo {
    /// What CPython prints for it after the traceback: the file and line, the source line, the carets and
    /// `kind: msg`.
    pub fn render(&self) -> String {
        render_syntax_error(
            &self.filename,
            self.lineno,
            Some(&self.text),
            self.offset,
            self.end_offset,
            self.kind,
            &self.msg,
        )
    }
}

/// CPython's `print_exception` for a SyntaxError: `offset`/`end_offset` are 1-based character columns of
/// `text` (0: no carets); leading blanks of the line are not printed and the carets shift with it.
pub fn render_syntax_error(
    filename: &str,
    lineno: usize,
    text: Option<&str>,
    offset: usize,
    end_offset: usize,
    kind: &str,
    msg: &str,
) -> String {
    let mut out = format!("  File \"{}\", line {}\n", filename, lineno);
    if let Some(text) = text {
        let stripped = text.trim_start();
        if !stripped.trim_end().is_empty() {
            // Trailing blanks stay: CPython prints the line as read, without its newline only.
            out.push_str(&format!(
                "    {}\n",
                stripped.trim_end_matches(['\n', '\r'])
            ));
            if offset > 0 {
                let col = offset - 1;
                let end_col = end_offset.saturating_sub(1).max(col + 1);
                let lead = text.chars().count() - stripped.chars().count();
                out.push_str(&format!(
                    "    {}{}\n",
                    " ".repeat(col.saturating_sub(lead)),
                    "^".repeat(end_col - col)
                ));
            }
        }
    }
    out.push_str(&format!("{}: {}\n", kind, msg));
    out
}

/// The error at `span` of `src`.
fn error_info(src: &Source, span: Span, kind: &'static str, msg: &str) -> SyntaxErrorInfo {
    let offset = span.start.min(src.text.len());
    let line = src.line_of(offset);
    let text = src.line_text(line);
    let line_start = src.line_starts.get(line - 1).copied().unwrap_or(0);
    let col_of = |b: usize| {
        text[..b.saturating_sub(line_start).min(text.len())]
            .chars()
            .count()
    };
    let col = col_of(offset);
    let line_end = line_start + text.len();
    let end_col = col_of(span.end.min(line_end)).max(col + 1);
    SyntaxErrorInfo {
        kind,
        msg: msg.to_string(),
        filename: src.filename.clone(),
        lineno: line,
        // `text` keeps the line's newline, as CPython's does.
        text: match src.line_starts.get(line) {
            Some(_) => format!("{}\n", text),
            None => text.to_string(),
        },
        offset: if span.caret { col + 1 } else { 0 },
        end_offset: if span.caret { end_col + 1 } else { 0 },
    }
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
    // At the end of the file the error sits on the header's own line.
    let header_ends_before = |line: usize| {
        let start = src.line_starts.get(line - 1).copied().unwrap_or(0);
        let text = src.line_text(line).trim_end();
        text.ends_with(':') && start + text.len() <= offset
    };
    if header_ends_before(line) {
        return line;
    }
    while line > 1 {
        line -= 1;
        if header_ends_before(line) {
            return line;
        }
    }
    1
}

/// CPython's name for an expression in error messages (`_PyPegen_get_expr_name`).
fn expr_name(e: &Expr) -> &'static str {
    match e {
        Expr::Attribute(_) => "attribute",
        Expr::Subscript(_) => "subscript",
        Expr::Starred(_) => "starred",
        Expr::Name(_) => "name",
        Expr::List(_) => "list",
        Expr::Tuple(_) => "tuple",
        Expr::Lambda(_) => "lambda",
        Expr::Call(_) => "function call",
        Expr::BoolOp(_) | Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::Generator(_) => "generator expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::Await(_) => "await expression",
        Expr::ListComp(_) => "list comprehension",
        Expr::SetComp(_) => "set comprehension",
        Expr::DictComp(_) => "dict comprehension",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::FString(_) | Expr::TString(_) => "f-string expression",
        Expr::NoneLiteral(_) => "None",
        Expr::BooleanLiteral(b) if b.value => "True",
        Expr::BooleanLiteral(_) => "False",
        Expr::EllipsisLiteral(_) => "ellipsis",
        Expr::Compare(_) => "comparison",
        Expr::If(_) => "conditional expression",
        Expr::Named(_) => "named expression",
        _ => "literal",
    }
}

/// Every expression of ruff's error-recovered tree, outer ones before the ones inside them, and the
/// targets of chained assignments (`a = b = c`).
struct Exprs<'a>(Vec<&'a Expr>, Vec<TextRange>);

impl<'a> Visitor<'a> for Exprs<'a> {
    fn visit_expr(&mut self, e: &'a Expr) {
        self.0.push(e);
        walk_expr(self, e);
    }

    fn visit_stmt(&mut self, s: &'a Stmt) {
        if let Stmt::Assign(a) = s {
            if a.targets.len() > 1 {
                self.1.extend(a.targets.iter().map(|t| t.range()));
            }
        }
        walk_stmt(self, s);
    }
}

impl<'a> Exprs<'a> {
    fn of(tree: &'a Mod) -> Exprs<'a> {
        let mut all = Exprs(Vec::new(), Vec::new());
        if let Mod::Module(m) = tree {
            all.visit_body(&m.body);
        }
        all
    }

    /// The outermost expression with exactly this range.
    fn exact(&self, start: usize, end: usize) -> Option<&'a Expr> {
        self.0
            .iter()
            .copied()
            .find(|e| e.range().start().to_usize() == start && e.range().end().to_usize() == end)
    }

    /// The outermost expression starting at `at` that `keep` accepts.
    fn starting_at(&self, at: usize, keep: impl Fn(&Expr) -> bool) -> Option<&'a Expr> {
        self.0
            .iter()
            .copied()
            .find(|e| e.range().start().to_usize() == at && keep(e))
    }

    /// The outermost expression accepted by `keep` among those ending last before `at`.
    fn ending_before(&self, at: usize, keep: impl Fn(&Expr) -> bool) -> Option<&'a Expr> {
        let end = self
            .0
            .iter()
            .map(|e| e.range().end().to_usize())
            .filter(|&e| e <= at)
            .max()?;
        self.0
            .iter()
            .copied()
            .find(|e| e.range().end().to_usize() == end && keep(e))
    }

    /// The innermost expression accepted by `keep` whose range holds `at`.
    fn innermost_around(&self, at: usize, keep: impl Fn(&Expr) -> bool) -> Option<&'a Expr> {
        self.0.iter().rev().copied().find(|e| {
            e.range().start().to_usize() <= at && at < e.range().end().to_usize() && keep(e)
        })
    }
}

/// The part of an assignment (or `del`) target that cannot be one (`_PyPegen_get_invalid_target`).
fn invalid_target(e: &Expr, deleting: bool) -> Option<&Expr> {
    match e {
        Expr::List(l) => l.elts.iter().find_map(|x| invalid_target(x, deleting)),
        Expr::Tuple(t) => t.elts.iter().find_map(|x| invalid_target(x, deleting)),
        Expr::Starred(s) if !deleting => invalid_target(&s.value, deleting),
        Expr::Name(_) | Expr::Subscript(_) | Expr::Attribute(_) => None,
        other => Some(other),
    }
}

fn expr_span(e: &Expr) -> Span {
    Span {
        start: e.range().start().to_usize(),
        end: e.range().end().to_usize(),
        caret: true,
    }
}

/// Whether `e` parses as CPython's `bitwise_or` without starting with a display or keyword constant
/// that `invalid_named_expression` excludes (`!(list|tuple|genexp|'True'|'None'|'False')`).
fn is_bitwise_operand(e: &Expr) -> bool {
    let mut leftmost = e;
    loop {
        leftmost = match leftmost {
            Expr::BinOp(b) => &b.left,
            Expr::Subscript(s) => &s.value,
            Expr::Attribute(a) => &a.value,
            Expr::Call(c) => &c.func,
            _ => break,
        };
    }
    let excluded_start = matches!(
        leftmost,
        Expr::List(_)
            | Expr::Tuple(_)
            | Expr::Generator(_)
            | Expr::NoneLiteral(_)
            | Expr::BooleanLiteral(_)
    );
    let operand = !matches!(
        e,
        Expr::Compare(_)
            | Expr::BoolOp(_)
            | Expr::If(_)
            | Expr::Lambda(_)
            | Expr::Named(_)
            | Expr::Starred(_)
            | Expr::Yield(_)
            | Expr::YieldFrom(_)
            | Expr::Slice(_)
    ) && !matches!(e, Expr::UnaryOp(u) if u.op == UnaryOp::Not);
    operand && !excluded_start
}

/// Python's keywords (a '(' after one opens a group, not a call).
const KEYWORDS: [&str; 35] = [
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

/// Whether a bracket opened earlier on `at`'s line is still open at `at`.
fn bracket_on_line(src: &Source, at: usize) -> bool {
    let line_start = src.line_starts[src.line_of(at) - 1];
    !open_brackets(&src.text[line_start..at]).is_empty()
}

/// CPython's `invalid_named_expression` for an '=' at `eq` after an operand: a name gets "Maybe you
/// meant '==' or ':='", another operand "cannot assign to ... here"; not when a second '=' follows.
fn assignment_in_expression(
    text: &str,
    exprs: &Exprs,
    eq: usize,
) -> Option<(&'static str, String, Span)> {
    let left = exprs.ending_before(eq, |_| true)?;
    let left_start = left.range().start().to_usize();
    let adjacent = text[left.range().end().to_usize()..eq].trim().is_empty();
    if !adjacent || !open_brackets(&text[left_start..eq]).is_empty() || !is_bitwise_operand(left) {
        return None;
    }
    let (value_at, _) = next_token(text, eq + 1);
    let value = exprs.starting_at(value_at, is_bitwise_operand)?;
    let after = text[value.range().end().to_usize()..].trim_start();
    if after.starts_with('=') && !after.starts_with("==") || after.starts_with(":=") {
        return None;
    }
    if matches!(left, Expr::Name(_)) {
        let span = Span {
            start: left_start,
            end: value.range().end().to_usize(),
            caret: true,
        };
        let msg = "invalid syntax. Maybe you meant '==' or ':=' instead of '='?";
        return Some(("SyntaxError", msg.into(), span));
    }
    let msg = format!(
        "cannot assign to {} here. Maybe you meant '==' instead of '='?",
        expr_name(left)
    );
    Some(("SyntaxError", msg, expr_span(left)))
}

/// Whether `e` can be the left operand of CPython's "Perhaps you forgot a comma?" rule (a
/// `disjunction`: no conditional, lambda, walrus, starred or tuple at its top).
fn is_disjunction(e: &Expr) -> bool {
    !matches!(
        e,
        Expr::If(_)
            | Expr::Lambda(_)
            | Expr::Named(_)
            | Expr::Starred(_)
            | Expr::Slice(_)
            | Expr::Yield(_)
            | Expr::YieldFrom(_)
    ) && !matches!(e, Expr::Tuple(t) if !t.parenthesized)
}

/// `src` with the insides of strings and comments blanked (same byte offsets, newlines kept), and for
/// each line whether it starts inside a string.
fn code_only(src: &str) -> (Vec<u8>, Vec<bool>) {
    let bytes = src.as_bytes();
    let mut out = bytes.to_vec();
    let mut line_in_string = vec![false];
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => line_in_string.push(false),
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    out[i] = b' ';
                    i += 1;
                }
                continue;
            }
            q @ (b'\'' | b'"') => {
                let triple = bytes[i..].starts_with(&[q, q, q]);
                let open = if triple { 3 } else { 1 };
                let mut j = i + open;
                while j < bytes.len() {
                    let c = bytes[j];
                    if c == b'\\' {
                        if bytes.get(j + 1) == Some(&b'\n') {
                            line_in_string.push(true);
                        }
                        out[j] = b' ';
                        if j + 1 < bytes.len() && bytes[j + 1] != b'\n' {
                            out[j + 1] = b' ';
                        }
                        j += 2;
                        continue;
                    }
                    if c == q && (!triple || bytes[j..].starts_with(&[q, q, q])) {
                        break;
                    }
                    if c == b'\n' {
                        if !triple {
                            break;
                        }
                        line_in_string.push(true);
                    } else {
                        out[j] = b' ';
                    }
                    j += 1;
                }
                i = if j < bytes.len() && bytes[j] == q {
                    j + open
                } else {
                    j
                };
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    (out, line_in_string)
}

/// The 1-based line where CPython's tokenizer finds indentation that is consistent only for one tab
/// size (it compares every logical line's indentation with tabs to multiples of 8 and of 1).
fn tab_error_line(src: &str) -> Option<usize> {
    match indentation_error(src)? {
        (line, true) => Some(line),
        (_, false) => None,
    }
}

/// The first line whose indentation CPython's tokenizer rejects, and whether it is a TabError (else
/// an unindent that matches no outer level).
fn indentation_error(src: &str) -> Option<(usize, bool)> {
    let (code, in_string) = code_only(src);
    let mut stack: Vec<(usize, usize)> = vec![(0, 0)];
    let mut level = 0usize;
    let mut continued = false;
    for (idx, line) in code.split(|&b| b == b'\n').enumerate() {
        let logical_start =
            level == 0 && !continued && !in_string.get(idx).copied().unwrap_or(false);
        if logical_start {
            let (mut col, mut alt) = (0, 0);
            let mut body = line;
            while let Some((&c, rest)) = body.split_first() {
                match c {
                    b' ' => {
                        col += 1;
                        alt += 1;
                    }
                    b'\t' => {
                        col = (col / 8 + 1) * 8;
                        alt += 1;
                    }
                    0x0c => {
                        col = 0;
                        alt = 0;
                    }
                    _ => break,
                }
                body = rest;
            }
            let blank = body.iter().all(|c| c.is_ascii_whitespace());
            if !blank {
                let &(top, top_alt) = stack.last()?;
                if col == top {
                    if alt != top_alt {
                        return Some((idx + 1, true));
                    }
                } else if col > top {
                    if alt <= top_alt {
                        return Some((idx + 1, true));
                    }
                    stack.push((col, alt));
                } else {
                    while stack.len() > 1 && col < stack.last()?.0 {
                        stack.pop();
                    }
                    let &(top, top_alt) = stack.last()?;
                    if col != top {
                        return Some((idx + 1, false));
                    }
                    if alt != top_alt {
                        return Some((idx + 1, true));
                    }
                }
            }
        }
        for &c in line {
            match c {
                b'(' | b'[' | b'{' => level += 1,
                b')' | b']' | b'}' => level = level.saturating_sub(1),
                _ => {}
            }
        }
        let trimmed = line.strip_suffix(b"\r").unwrap_or(line);
        continued = trimmed.last() == Some(&b'\\');
    }
    None
}

fn is_ident_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80
}

/// CPython's tokenizer check of the number literal starting at `start` (`tok_get`'s number branch):
/// the error message and the span it reports.
/// `warning` receives CPython's SyntaxWarning for a literal followed by a keyword (`1if x else 2`).
fn number_error(
    code: &[u8],
    start: usize,
    warning: &std::cell::Cell<Option<&'static str>>,
) -> Option<(String, Span)> {
    // The byte at `i`, or 0 past the end (the tokenizer's EOF).
    let at = |i: usize| code.get(i).copied().unwrap_or(0);
    // `syntaxerror()` points at the last character consumed: the one before `cur`.
    let err = |msg: String, cur: usize| {
        let p = cur.saturating_sub(1);
        Some((
            msg,
            Span {
                start: p,
                end: p,
                caret: true,
            },
        ))
    };
    // Digits and single underscores between digits; `Err(cur)` is an invalid decimal literal.
    let decimal_tail = |mut i: usize| -> Result<usize, usize> {
        loop {
            while at(i).is_ascii_digit() {
                i += 1;
            }
            if at(i) != b'_' {
                return Ok(i);
            }
            if !at(i + 1).is_ascii_digit() {
                return Err(i + 1);
            }
            i += 1;
        }
    };
    // `verify_end_of_number`: a letter right after a literal is an error, except a keyword that may
    // follow a number (CPython only warns then): "and", "else", "for", "or", "not" as whole words,
    // and "if", "in", "is" by their first two letters.
    let end_ok = |i: usize, kind: &'static str| -> Option<(String, Span)> {
        let c = at(i);
        let rest = &code[i.min(code.len())..];
        let whole_word = [&b"and"[..], b"else", b"for", b"or", b"not"]
            .iter()
            .any(|k| rest.starts_with(k) && !is_ident_byte(at(i + k.len())));
        let two_letters = [&b"if"[..], b"in", b"is"]
            .iter()
            .any(|k| rest.starts_with(k));
        if whole_word || two_letters {
            warning.set(Some(kind));
        // Non-ASCII after a number is reported as an invalid character instead.
        } else if c.is_ascii_alphanumeric() || c == b'_' {
            return err(format!("invalid {} literal", kind), i);
        }
        None
    };
    let mut i = start;
    let fraction_and_rest = |mut i: usize| -> Option<(String, Span)> {
        // At the character after the integer part.
        if at(i) == b'.' {
            i += 1;
            if at(i).is_ascii_digit() {
                i = match decimal_tail(i) {
                    Ok(j) => j,
                    Err(cur) => return err("invalid decimal literal".into(), cur),
                };
            }
        }
        if matches!(at(i), b'e' | b'E') {
            let e = i;
            i += 1;
            if matches!(at(i), b'+' | b'-') {
                i += 1;
                if !at(i).is_ascii_digit() {
                    return err("invalid decimal literal".into(), i);
                }
            } else if !at(i).is_ascii_digit() {
                return end_ok(e, "decimal");
            }
            i = match decimal_tail(i) {
                Ok(j) => j,
                Err(cur) => return err("invalid decimal literal".into(), cur),
            };
        }
        if matches!(at(i), b'j' | b'J') {
            return end_ok(i + 1, "imaginary");
        }
        end_ok(i, "decimal")
    };
    if at(i) == b'.' {
        return fraction_and_rest(i);
    }
    if at(i) != b'0' {
        return match decimal_tail(i) {
            Ok(j) => fraction_and_rest(j),
            Err(cur) => err("invalid decimal literal".into(), cur),
        };
    }
    i += 1;
    let radix = match at(i) {
        b'x' | b'X' => Some((16, "hexadecimal")),
        b'o' | b'O' => Some((8, "octal")),
        b'b' | b'B' => Some((2, "binary")),
        _ => None,
    };
    if let Some((radix, kind)) = radix {
        i += 1;
        let is_digit = |c: u8| (c as char).is_digit(radix);
        loop {
            if at(i) == b'_' {
                i += 1;
            }
            if !is_digit(at(i)) {
                if radix != 16 && at(i).is_ascii_digit() {
                    return err(
                        format!("invalid digit '{}' in {} literal", at(i) as char, kind),
                        i + 1,
                    );
                }
                return err(format!("invalid {} literal", kind), i);
            }
            while is_digit(at(i)) {
                i += 1;
            }
            if at(i) != b'_' {
                break;
            }
        }
        if radix != 16 && at(i).is_ascii_digit() {
            return err(
                format!("invalid digit '{}' in {} literal", at(i) as char, kind),
                i + 1,
            );
        }
        return end_ok(i, kind);
    }
    // A leading zero: more zeros, then maybe an old-style octal (an error) or a float.
    loop {
        if at(i) == b'_' {
            if !at(i + 1).is_ascii_digit() {
                return err("invalid decimal literal".into(), i + 1);
            }
            i += 1;
        }
        if at(i) != b'0' {
            break;
        }
        i += 1;
    }
    // CPython's `zeros_end` is one past the first non-zero digit; its range ends one before it.
    let zeros_end = i;
    let mut nonzero = false;
    if at(i).is_ascii_digit() {
        nonzero = true;
        i = match decimal_tail(i) {
            Ok(j) => j,
            Err(cur) => return err("invalid decimal literal".into(), cur),
        };
    }
    if matches!(at(i), b'.' | b'e' | b'E' | b'j' | b'J') {
        return fraction_and_rest(i);
    }
    if nonzero {
        return Some((
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"
                .into(),
            Span {
                start,
                end: zeros_end,
                caret: true,
            },
        ));
    }
    end_ok(i, "decimal")
}

/// The first error CPython's tokenizer raises as a SyntaxError (unterminated strings, unmatched or
/// mismatched brackets, bad number literals, invalid characters), scanning the whole file as CPython
/// does after a parser error. The scan ends where the tokenizer stops without raising one (a bad
/// indentation, a stray backslash). `invalid_chars`: where ruff's lexer met characters that are not
/// Python (it knows Unicode identifiers).
/// `warnings` receives the SyntaxWarnings the tokenizer emits on the way (offset, message).
fn first_tokenizer_error(
    src: &Source,
    invalid_chars: &[(usize, char)],
    warnings: &mut Vec<(usize, String)>,
) -> Option<(Span, String)> {
    let text = &src.text;
    let bytes = text.as_bytes();
    let stop = match indentation_error(text) {
        Some((line, _)) => src
            .line_starts
            .get(line - 1)
            .copied()
            .unwrap_or(bytes.len()),
        None => bytes.len(),
    };
    let one = |at: usize| Span {
        start: at,
        end: at,
        caret: true,
    };
    let mut found: Option<(Span, String)> = None;
    let mut stack: Vec<(usize, u8)> = Vec::new();
    let mut i = 0;
    while i < stop && found.is_none() {
        let c = bytes[i];
        match c {
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'\\' => {
                let next = bytes[i + 1..].iter().position(|&b| b != b'\r');
                if next.map(|n| bytes[i + 1 + n]) != Some(b'\n') {
                    break;
                }
            }
            b'\'' | b'"' => {
                let (end, error) = string_end(src, i);
                found = error.map(|m| (one(i), m));
                i = end;
                continue;
            }
            b'(' | b'[' | b'{' => stack.push((i, c)),
            b')' | b']' | b'}' => match stack.pop() {
                None => found = Some((one(i), format!("unmatched '{}'", c as char))),
                Some((open_at, open)) => {
                    let expected = match open {
                        b'(' => b')',
                        b'[' => b']',
                        _ => b'}',
                    };
                    if c != expected {
                        let suffix = if src.line_of(open_at) != src.line_of(i) {
                            format!(" on line {}", src.line_of(open_at))
                        } else {
                            String::new()
                        };
                        found = Some((
                            one(i),
                            format!(
                                "closing parenthesis '{}' does not match opening parenthesis '{}'{}",
                                c as char, open as char, suffix
                            ),
                        ));
                    }
                }
            },
            _ if is_ident_byte(c) && !c.is_ascii_digit() => {
                let start = i;
                while i < bytes.len() && is_ident_byte(bytes[i]) {
                    i += 1;
                }
                let prefix = text[start..i].to_ascii_lowercase();
                let is_prefix =
                    ["r", "u", "b", "f", "br", "rb", "fr", "rf"].contains(&prefix.as_str());
                if is_prefix && matches!(bytes.get(i), Some(b'\'' | b'"')) {
                    let (end, error) = string_end(src, i);
                    found = error.map(|m| (one(start), m));
                    i = end;
                }
                continue;
            }
            _ if c.is_ascii_digit()
                || (c == b'.' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)) =>
            {
                let warning = std::cell::Cell::new(None);
                found = number_error(bytes, i, &warning).map(|(msg, span)| (span, msg));
                if let Some(kind) = warning.get() {
                    warnings.push((i, format!("invalid {} literal", kind)));
                }
                // Skip the literal, with a decimal exponent's sign (`1e-06`: the `06` is no literal of its
                // own); in `0x1e-05` the `e` is a digit and `05` is the next token.
                let radix_prefix = c == b'0'
                    && matches!(
                        bytes.get(i + 1),
                        Some(b'x' | b'X' | b'o' | b'O' | b'b' | b'B')
                    );
                i += 1;
                while i < bytes.len() {
                    let exponent_sign = !radix_prefix
                        && matches!(bytes[i], b'+' | b'-')
                        && matches!(bytes[i - 1], b'e' | b'E');
                    if !(is_ident_byte(bytes[i]) || bytes[i] == b'.' || exponent_sign) {
                        break;
                    }
                    i += 1;
                }
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    let char_error = invalid_chars
        .iter()
        .find(|&&(at, _)| at < stop)
        .map(|&(at, c)| {
            let msg = if is_printable(c) {
                format!("invalid character '{}' (U+{:04X})", c, c as u32)
            } else {
                format!("invalid non-printable character U+{:04X}", c as u32)
            };
            (one(at), msg)
        });
    match (found, char_error) {
        (Some(a), Some(b)) => Some(if b.0.start < a.0.start { b } else { a }),
        (a, b) => a.or(b),
    }
}

/// Where the string literal whose opening quote is at `quote` ends, and CPython's error if it is
/// unterminated.
fn string_end(src: &Source, quote: usize) -> (usize, Option<String>) {
    let bytes = src.text.as_bytes();
    let q = bytes[quote];
    let triple = bytes[quote..].starts_with(&[q, q, q]);
    let mut j = quote + if triple { 3 } else { 1 };
    while j < bytes.len() {
        match bytes[j] {
            b'\\' => j += 1,
            b'\n' if !triple => {
                let line = src.line_of(j);
                let msg = format!("unterminated string literal (detected at line {})", line);
                return (j, Some(msg));
            }
            c if c == q && (!triple || bytes[j..].starts_with(&[q, q, q])) => {
                return (j + if triple { 3 } else { 1 }, None);
            }
            _ => {}
        }
        j += 1;
    }
    let line = src.line_of(bytes.len().saturating_sub(1));
    let what = if triple {
        "unterminated triple-quoted string literal"
    } else {
        "unterminated string literal"
    };
    (
        bytes.len(),
        Some(format!("{} (detected at line {})", what, line)),
    )
}

/// Where the token after `at` starts and ends (whitespace, and newlines inside brackets, skipped): the
/// token CPython's parser had fetched last when an error is reported at "the current token".
fn next_token(text: &str, at: usize) -> (usize, usize) {
    let inside = !open_brackets(&text[..at]).is_empty();
    let bytes = text.as_bytes();
    let mut i = at;
    while i < bytes.len()
        && (bytes[i] == b' ' || bytes[i] == b'\t' || (inside && matches!(bytes[i], b'\n' | b'\r')))
    {
        i += 1;
    }
    let mut j = i;
    while j < bytes.len() && is_ident_byte(bytes[j]) {
        j += 1;
    }
    if j == i {
        let ops = [
            "**=", "//=", ">>=", "<<=", "...", "->", ":=", "**", "//", "==", "!=", "<=", ">=",
            "<<", ">>", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=",
        ];
        j = i + ops
            .iter()
            .find(|op| text[i..].starts_with(*op))
            .map_or(1, |op| op.len());
    }
    (i, j.min(bytes.len()))
}

/// Print the tokenizer's SyntaxWarnings as CPython's warnings module does.
fn emit_token_warnings(src: &Source, warnings: &[(usize, String)]) {
    for (at, msg) in warnings {
        let line = src.line_of(*at);
        crate::rt::write_err(&format!(
            "{}:{}: SyntaxWarning: {}\n  {}\n",
            src.filename,
            line,
            msg,
            src.line_text(line).trim()
        ));
    }
}

/// CPython's TabError for the indentation of `line` (no caret).
fn tab_error(src: &Source, line: usize) -> (&'static str, String, Span) {
    let at = src.line_starts.get(line - 1).copied().unwrap_or(0);
    let span = Span {
        start: at,
        end: at,
        caret: false,
    };
    let msg = "inconsistent use of tabs and spaces in indentation";
    ("TabError", msg.into(), span)
}

/// Translate a ruff parse error into CPython's kind, message and span.
fn cpython_error(
    src: &Source,
    error: &ParseErrorType,
    start: usize,
    end: usize,
) -> (&'static str, String, Span) {
    let tree = ruff_python_parser::parse_unchecked(&src.text, ParseOptions::from(Mode::Module));
    let exprs = Exprs::of(tree.syntax());
    let text = &src.text;
    let invalid_chars: Vec<(usize, char)> = tree
        .errors()
        .iter()
        .filter_map(|e| match e.error {
            ParseErrorType::Lexical(LexicalErrorType::UnrecognizedToken { tok })
                if !tok.is_ascii() =>
            {
                Some((e.location.start().to_usize(), tok))
            }
            _ => None,
        })
        .collect();
    let mut warnings = Vec::new();
    let token_error = first_tokenizer_error(src, &invalid_chars, &mut warnings);
    emit_token_warnings(src, &warnings);
    if let Some(line) = tab_error_line(text) {
        let at = src.line_starts.get(line - 1).copied().unwrap_or(0);
        let before_others = token_error
            .as_ref()
            .is_none_or(|(span, _)| at <= span.start);
        if line <= src.line_of(start) && before_others {
            return tab_error(src, line);
        }
    }
    // CPython's tokenizer meets its errors first when they come before the parser's; after a parser
    // error it tokenizes the rest of the file and reports the tokenizer's error instead.
    // ("unexpected indent" is reported without that scan.)
    let lexical = matches!(
        error,
        ParseErrorType::Lexical(_) | ParseErrorType::UnexpectedIndentation
    );
    if let Some((span, msg)) = token_error {
        // (A lexical error of ruff's spans its bad token; CPython may point inside or just after it.
        // An unexpected indent comes before the line's first token.)
        let indent = matches!(error, ParseErrorType::UnexpectedIndentation);
        if !lexical || span.start < end || (span.start == end && !indent) {
            return ("SyntaxError", msg, span);
        }
    }

    let (kind, msg, span) = translate(src, &exprs, error, start, end);
    let from_parser = !matches!(error, ParseErrorType::Lexical(_)) && msg != "unexpected indent";
    if from_parser {
        if let Some(unclosed) = never_closed(src, start.max(span.start)) {
            return unclosed;
        }
    }
    (kind, msg, span)
}

/// After a parser error CPython tokenizes the rest of the file: a bracket still open at its end,
/// opened on a line before the last token the parser fetched (at `furthest`), is reported instead.
fn never_closed(src: &Source, furthest: usize) -> Option<(&'static str, String, Span)> {
    let &(at, open) = open_brackets(&src.text).last()?;
    if src.line_of(furthest) <= src.line_of(at) {
        return None;
    }
    let span = Span {
        start: at,
        end: at,
        caret: true,
    };
    Some(("SyntaxError", format!("'{}' was never closed", open), span))
}

/// The errors of ruff's `case` pattern parser, in the words and at the places of CPython's grammar.
fn pattern_error(
    text: &str,
    error: &ParseErrorType,
    start: usize,
    end: usize,
) -> Option<(&'static str, String, Span)> {
    let span = |start, end| Span {
        start,
        end,
        caret: true,
    };
    let invalid = |at: usize| ("SyntaxError", "invalid syntax".to_string(), span(at, at));
    let after = next_token(text, end);
    let is_number = text[start..end].starts_with(|c: char| c.is_ascii_digit() || c == '.');
    Some(match error {
        // `1 + 2` and `1j + 2j`: CPython's complex-literal rules apply only to numbers.
        ParseErrorType::ExpectedRealNumber if is_number => {
            let msg = "real number required in complex literal";
            ("SyntaxError", msg.into(), span(start, end))
        }
        ParseErrorType::ExpectedImaginaryNumber if is_number => {
            let msg = "imaginary number required in complex literal";
            ("SyntaxError", msg.into(), span(start, end))
        }
        ParseErrorType::ExpectedRealNumber => invalid(after.0),
        ParseErrorType::ExpectedImaginaryNumber => invalid(start),
        // `case *a:` fails at the token after the star pattern.
        ParseErrorType::InvalidStarPatternUsage => invalid(after.0),
        // `{**_}`: the grammar's double star takes a name only.
        ParseErrorType::InvalidMatchPatternTarget if text[..start].trim_end().ends_with("**") => {
            invalid(start)
        }
        ParseErrorType::InvalidMatchPatternTarget => {
            let msg = "cannot use '_' as a target";
            ("SyntaxError", msg.into(), span(start, start))
        }
        ParseErrorType::OtherError(msg) => match msg.as_str() {
            "Positional patterns cannot follow keyword patterns" => {
                // CPython underlines every positional pattern up to the closing parenthesis.
                let close = text[start..].find(')').map_or(end, |i| start + i);
                let last = start + text[start..close].trim_end_matches([' ', ',', '\n']).len();
                let msg = "positional patterns follow keyword patterns";
                ("SyntaxError", msg.into(), span(start, last.max(start + 1)))
            }
            "Expected an identifier" if text[..start].trim_end().ends_with(" as") => {
                let msg = "invalid pattern target";
                ("SyntaxError", msg.into(), span(start, start))
            }
            // `{**rest, "k": v}`: at the first token after the double star pattern.
            "Pattern cannot follow a double star pattern" => {
                let token_end = match text[start..].chars().next() {
                    Some(q @ ('"' | '\'')) => {
                        text[start + 1..].find(q).map_or(end, |i| start + i + 2)
                    }
                    _ => next_token(text, start).1,
                };
                (
                    "SyntaxError",
                    "invalid syntax".into(),
                    span(start, token_end),
                )
            }
            "Invalid mapping pattern key" => invalid(after.0),
            "Expected `case` block" => ("SyntaxError", "invalid syntax".into(), span(start, end)),
            // `case -x:` fails at the `x`, `case [**x]:` at the `**`.
            "Expected a pattern" if &text[start..end] == "-" => invalid(after.0),
            "Expected a pattern" => ("SyntaxError", "invalid syntax".into(), span(start, end)),
            _ => return None,
        },
        _ => return None,
    })
}

/// Translate a parser-level error (tokenizer-level ones are handled by `cpython_error`).
fn translate(
    src: &Source,
    exprs: &Exprs,
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
        ParseErrorType::InvalidAugmentedAssignmentTarget => {
            if let Some(target) = exprs.exact(start, end) {
                let msg = format!(
                    "'{}' is an illegal expression for augmented assignment",
                    expr_name(target)
                );
                return ("SyntaxError", msg, range);
            }
        }
        ParseErrorType::NonDefaultParamAfterDefaultParam => {
            // Only a complete parameter: ruff also reports `c` of `c int = 3`, CPython the `int`.
            let (next, next_end) = next_token(text, end);
            if matches!(&text[next..next_end], "," | ")" | ":") {
                let msg = "non-default argument follows default argument";
                return ("SyntaxError", msg.into(), range);
            }
            let span = Span {
                start: next,
                end: next_end,
                caret: true,
            };
            return ("SyntaxError", "invalid syntax".into(), span);
        }
        ParseErrorType::PositionalAfterKeywordArgument
        | ParseErrorType::PositionalAfterKeywordUnpacking => {
            let msg = if matches!(error, ParseErrorType::PositionalAfterKeywordUnpacking) {
                "positional argument follows keyword argument unpacking"
            } else {
                "positional argument follows keyword argument"
            };
            // CPython reports it at the token after the arguments: the call's closing parenthesis.
            let call = exprs.innermost_around(start, |e| matches!(e, Expr::Call(_)));
            if let Some(call) = call {
                let close = call.range().end().to_usize().saturating_sub(1);
                return ("SyntaxError", msg.into(), one(close));
            }
        }
        ParseErrorType::ExpectedRealNumber
        | ParseErrorType::ExpectedImaginaryNumber
        | ParseErrorType::InvalidStarPatternUsage
        | ParseErrorType::InvalidMatchPatternTarget
        | ParseErrorType::OtherError(_) => {
            if let Some(found) = pattern_error(text, error, start, end) {
                return found;
            }
        }
        ParseErrorType::Lexical(LexicalErrorType::UnrecognizedToken { tok }) if !tok.is_ascii() => {
            let msg = if is_printable(*tok) {
                format!("invalid character '{}' (U+{:04X})", tok, *tok as u32)
            } else {
                format!("invalid non-printable character U+{:04X}", *tok as u32)
            };
            return ("SyntaxError", msg, one(start));
        }
        ParseErrorType::Lexical(LexicalErrorType::LineContinuationError) => {
            let after = (start + 1).min(text.len());
            let msg = "unexpected character after line continuation character";
            return ("SyntaxError", msg.into(), one(after));
        }
        ParseErrorType::ExpectedExpression => {
            // An empty replacement field of an f-string: CPython 3.11 checks f-strings after reading
            // the whole string, and reports the token after it.
            let before = text[..start].trim_end();
            let field_start = before.ends_with('{') && !before.ends_with("{{");
            let fstring = exprs.innermost_around(start, |e| matches!(e, Expr::FString(_)));
            if let (true, Some(fstring)) = (field_start, fstring) {
                let outer = exprs
                    .0
                    .iter()
                    .find(|e| {
                        matches!(e, Expr::FString(_)) && e.range().contains_range(fstring.range())
                    })
                    .copied()
                    .unwrap_or(fstring);
                let (tok_start, tok_end) = next_token(text, outer.range().end().to_usize());
                let span = Span {
                    start: tok_start,
                    end: tok_end,
                    caret: true,
                };
                // CPython 3.11 names the character that ended the empty field, if it is one that
                // needs an expression before it.
                let msg = match text[start..].chars().next() {
                    Some(c @ ('!' | ':' | '=')) => {
                        format!("f-string: expression required before '{}'", c)
                    }
                    _ => "f-string: empty expression not allowed".to_string(),
                };
                return ("SyntaxError", msg, span);
            }
        }
        ParseErrorType::ExpectedToken { expected, found } => {
            let innermost = innermost_open(&text[..start]).map(|(_, c)| c);
            // `(a, 1 = 2)`: an '=' after an operand inside a display (CPython's
            // `invalid_named_expression`; in calls `invalid_kwarg` words it differently).
            let in_call = innermost_open(&text[..start]).is_some_and(|(at, c)| {
                let before = text[..at].trim_end();
                let word_at = before
                    .rfind(|ch: char| !(ch.is_alphanumeric() || ch == '_'))
                    .map_or(0, |p| p + 1);
                let word = &before[word_at..];
                c == '('
                    && !KEYWORDS.contains(&word)
                    && (!word.is_empty() || before.ends_with([')', ']']))
            });
            if *found == TokenKind::Equal && *expected != TokenKind::Colon && !in_call {
                if let Some(found) = assignment_in_expression(text, exprs, start) {
                    return found;
                }
            }
            // A dict display item without its ':'; CPython points at the key's last character.
            if *expected == TokenKind::Colon && innermost == Some('{') {
                if let Some(key) = exprs.ending_before(start, |_| true) {
                    let last = key.range().end().to_usize().saturating_sub(1);
                    let msg = "':' expected after dictionary key";
                    return ("SyntaxError", msg.into(), one(last));
                }
            }
            // `a if b` without `else`: CPython underlines from `a` to the end of `b`.
            if *expected == TokenKind::Else {
                let cond = exprs
                    .0
                    .iter()
                    .rev()
                    .filter_map(|e| match e {
                        Expr::If(i) if i.test.range().end().to_usize() <= start => Some(i),
                        _ => None,
                    })
                    .max_by_key(|i| i.test.range().end());
                if let Some(cond) = cond {
                    let span = Span {
                        start: cond.body.range().start().to_usize(),
                        end: cond.test.range().end().to_usize(),
                        caret: true,
                    };
                    let msg = "expected 'else' after 'if' expression";
                    return ("SyntaxError", msg.into(), span);
                }
            }
            // Two expressions side by side inside brackets (CPython's `invalid_expression`).
            if innermost.is_some() {
                let left = exprs.ending_before(start, is_disjunction);
                // (`expression`: no tuple, generator, walrus, starred or slice at its top.)
                let right = exprs.starting_at(start, |e| {
                    !matches!(
                        e,
                        Expr::Tuple(_)
                            | Expr::Generator(_)
                            | Expr::Named(_)
                            | Expr::Starred(_)
                            | Expr::Slice(_)
                    )
                });
                if let (Some(left), Some(right)) = (left, right) {
                    let name_then_string = matches!(left, Expr::Name(_))
                        && matches!(
                            right,
                            Expr::StringLiteral(_) | Expr::FString(_) | Expr::BytesLiteral(_)
                        );
                    let legacy = matches!(left, Expr::Name(n) if n.id.as_str() == "print" || n.id.as_str() == "exec");
                    // (Nor when `left` starts with a soft keyword: `_ x`, `match x`.)
                    let left_text = &text[left.range().start().to_usize()..];
                    let soft = ["_", "match", "case"].iter().any(|k| {
                        left_text.starts_with(k)
                            && !left_text[k.len()..]
                                .starts_with(|c: char| c.is_alphanumeric() || c == '_')
                    });
                    let adjacent = text[left.range().end().to_usize()..start].trim().is_empty();
                    // The rule looks one token past `right`: at the end of the file the tokenizer's
                    // unclosed-bracket error comes first, and a token on a later line makes the
                    // rest-of-file check report an unclosed bracket.
                    let (code, _) = code_only(text);
                    let right_end = right.range().end().to_usize();
                    let more = code[right_end..].iter().any(|c| !c.is_ascii_whitespace());
                    let (lookahead, _) = next_token(text, right_end);
                    if adjacent && more {
                        if let Some(unclosed) = never_closed(src, lookahead) {
                            return unclosed;
                        }
                    }
                    if adjacent && more && !name_then_string && !legacy && !soft {
                        let span = Span {
                            start: left.range().start().to_usize(),
                            end: right.range().end().to_usize(),
                            caret: true,
                        };
                        let msg = "invalid syntax. Perhaps you forgot a comma?";
                        return ("SyntaxError", msg.into(), span);
                    }
                }
            }
        }
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
            if let Some(bad) = exprs
                .exact(start, end)
                .and_then(|t| invalid_target(t, true))
            {
                let msg = format!("cannot delete {}", expr_name(bad));
                return ("SyntaxError", msg, expr_span(bad));
            }
        }
        ParseErrorType::InvalidAssignmentTarget => {
            if let Some(target) = exprs.exact(start, end) {
                // CPython's `invalid_named_expression` (an operand, then one '=') words it as a
                // likely comparison; the assignment rules say "cannot assign to" the invalid part.
                let after = text[end..].trim_start();
                let one_eq = after.starts_with('=') && !after.starts_with("==");
                let chained = exprs.1.iter().any(|r| r.contains_range(target.range()));
                if one_eq && !chained && is_bitwise_operand(target) {
                    let msg = format!(
                        "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                        expr_name(target)
                    );
                    return ("SyntaxError", msg, range);
                }
                if let Some(bad) = invalid_target(target, false) {
                    let msg = format!("cannot assign to {}", expr_name(bad));
                    return ("SyntaxError", msg, expr_span(bad));
                }
            }
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
    let single_eq = text[start..].starts_with('=') && !text[start..].starts_with("==");
    if single_eq && lower.starts_with("expected an expression or a ") {
        if let Some(found) = assignment_in_expression(text, exprs, start) {
            return found;
        }
    }
    // `f(a, x.y = 1)`: CPython's `invalid_kwarg`.
    // (ruff drops the argument from its tree; its error covers it.)
    if lower == "expected a parameter name" {
        let (eq, eq_end) = next_token(text, end);
        if &text[eq..eq_end] == "=" {
            let span = Span {
                start,
                end: eq_end,
                caret: true,
            };
            let msg = match &text[start..end] {
                constant @ ("True" | "False" | "None") => format!("cannot assign to {}", constant),
                _ => "expression cannot contain assignment, perhaps you meant \"==\"?".into(),
            };
            return ("SyntaxError", msg, span);
        }
    }
    if lower.starts_with("expected 'except' or 'finally' after 'try' block") {
        let msg = "expected 'except' or 'finally' block";
        if end > start {
            return ("SyntaxError", msg.into(), range);
        }
        // At the end of the file CPython reports the block's last line, without a caret.
        let last = text[..start].trim_end();
        let span = Span {
            start: last.len().saturating_sub(1),
            end: last.len().saturating_sub(1),
            caret: false,
        };
        return ("SyntaxError", msg.into(), span);
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
        let after = after.replace('\'', "");
        let what = match after.as_str() {
            "function definition" | "class definition" => after.to_string(),
            other => {
                let kw = other
                    .trim_end_matches(" statement")
                    .trim_end_matches(" clause")
                    .trim_end_matches(" block");
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
                "':'" if found_tok == "'='" && bracket_on_line(src, start) => {
                    return ("SyntaxError", "invalid syntax".into(), one(start));
                }
                "':'" if found_tok == "'='" => {
                    // `if f() = 1:`: an operand other than a name before the '='.
                    let left = exprs.ending_before(start, |_| true);
                    let complete = left.is_some_and(|l| {
                        open_brackets(&text[l.range().start().to_usize()..start]).is_empty()
                    });
                    if let Some(left) = left.filter(|l| complete && !matches!(l, Expr::Name(_))) {
                        if is_bitwise_operand(left) {
                            let msg = format!(
                                "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                                expr_name(left)
                            );
                            return ("SyntaxError", msg, expr_span(left));
                        }
                    }
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

/// Whether CPython prints `c` itself in an "invalid character" message (`Py_UNICODE_ISPRINTABLE`).
/// NOTE: std has no Unicode categories; controls, separators other than ' ' and the common format
/// characters (zero-width, bidi marks, BOM) cover what appears in practice.
fn is_printable(c: char) -> bool {
    !(c.is_control()
        || (c.is_whitespace() && c != ' ')
        || matches!(c, '\u{00ad}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{feff}'))
}

/// Parse and compile; `Err` describes the SyntaxError (`render()` gives CPython's report).
pub fn compile_source(
    src: &str,
    filename: &str,
    interactive: bool,
) -> Result<Compiled, SyntaxErrorInfo> {
    let mode = if interactive {
        compile::Mode::Single
    } else {
        compile::Mode::Exec
    };
    compile_source_as(src, filename, mode)
}

/// `compile_source` for any `mode`; `Mode::Eval` accepts one expression (leading blanks ignored, as
/// CPython's `eval()` does).
pub fn compile_source_as(
    src: &str,
    filename: &str,
    mode: compile::Mode,
) -> Result<Compiled, SyntaxErrorInfo> {
    let src = if mode == compile::Mode::Eval {
        src.trim_start_matches([' ', '\t'])
    } else {
        src
    };
    let source = Rc::new(Source::new(filename, src));
    let parsed = match ruff_python_parser::parse_module(src) {
        Ok(p) => p,
        Err(e) => {
            let (start, end) = (e.location.start().to_usize(), e.location.end().to_usize());
            let (kind, msg, span) =
                cpython_error(&source, &e.error, start.min(src.len()), end.min(src.len()));
            return Err(error_info(&source, span, kind, &msg));
        }
    };
    let mut warnings = Vec::new();
    if let Some((span, msg)) = first_tokenizer_error(&source, &[], &mut warnings) {
        // A rule of CPython's tokenizer ruff does not apply (e.g. `1_`), in a file ruff accepts.
        emit_token_warnings(&source, &warnings);
        return Err(error_info(&source, span, "SyntaxError", &msg));
    }
    emit_token_warnings(&source, &warnings);
    // ruff accepts some indentation that CPython's tokenizer rejects.
    if let Some(line) = tab_error_line(src) {
        let (kind, msg, span) = tab_error(&source, line);
        return Err(error_info(&source, span, kind, &msg));
    }
    let body = &parsed.syntax().body;
    if mode == compile::Mode::Eval && !matches!(body.as_slice(), [ruff_python_ast::Stmt::Expr(_)]) {
        // A statement, several expressions or nothing: not an expression.
        let at = body.first().map_or(0, |s| s.range().start().to_usize());
        let span = Span {
            start: at,
            end: at,
            caret: true,
        };
        return Err(error_info(&source, span, "SyntaxError", "invalid syntax"));
    }
    let compiled = compile::compile_unit(body, source.clone(), mode);
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
        error_info(&source, span, e.kind, &e.msg)
    })
}

/// The interactive console's rule (CPython's `codeop` with its don't-imply-dedent flag): whether the entry
/// typed so far (its lines joined by newlines; a trailing newline means the last line entered was blank)
/// needs more lines before it runs.
pub fn repl_needs_more(entry: &str) -> bool {
    let src = format!("{}\n", entry);
    let blank_line = entry.is_empty() || entry.ends_with('\n');
    is_open(&src) || (!blank_line && is_incomplete(&src))
}

/// Whether `src` (complete lines) fails to parse only because more lines are needed, or is a compound
/// statement that a blank line has not ended yet.
fn is_incomplete(src: &str) -> bool {
    let last = src.trim_end_matches('\n').lines().last().unwrap_or("");
    match ruff_python_parser::parse_module(src) {
        // `class A: pass` waits for a blank line too, as in CPython's console.
        Ok(parsed) => parsed.syntax().body.iter().any(is_compound),
        Err(e) => {
            // `x = 1 +` is an error at once; a block header waits for its body.
            let at_end = e.location.start().to_usize() >= src.trim_end().len();
            let msg = e.error.to_string().to_ascii_lowercase();
            at_end && (is_block_header(last) || msg.contains("expected an indented block"))
        }
    }
}

fn is_compound(stmt: &ruff_python_ast::Stmt) -> bool {
    use ruff_python_ast::Stmt;
    matches!(
        stmt,
        Stmt::FunctionDef(_)
            | Stmt::ClassDef(_)
            | Stmt::If(_)
            | Stmt::For(_)
            | Stmt::While(_)
            | Stmt::Try(_)
            | Stmt::With(_)
            | Stmt::Match(_)
    )
}

/// A line that opens a block (`if …:`, `else:`, `def …:`) or decorates one (`@…`).
fn is_block_header(line: &str) -> bool {
    const KEYWORDS: &[&str] = &[
        "if", "elif", "else", "for", "while", "try", "except", "finally", "with", "def", "class",
        "async", "match", "case",
    ];
    let line = line.trim();
    let first_word = line
        .split(|c: char| !c.is_alphanumeric() && c != '_')
        .next()
        .unwrap_or("");
    line.starts_with('@') || (line.ends_with(':') && KEYWORDS.contains(&first_word))
}

/// Whether `src` stops inside a bracket, a triple-quoted string or a backslash continuation: then even a
/// blank line does not end the REPL entry.
fn is_open(src: &str) -> bool {
    let last = src.trim_end_matches('\n').lines().last().unwrap_or("");
    in_triple_quoted_string(src) || last.ends_with('\\') || !open_brackets(src).is_empty()
}

/// Whether `src` ends inside a `'''` or `"""` string (comments and one-line strings skipped).
fn in_triple_quoted_string(src: &str) -> bool {
    let bytes = src.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            q @ (b'\'' | b'"') => {
                let triple = bytes[i..].starts_with(&[q, q, q]);
                i += if triple { 3 } else { 1 };
                loop {
                    match bytes.get(i) {
                        None => return triple,
                        Some(b'\\') => i += 2,
                        Some(b'\n') if !triple => break,
                        Some(&c) if c == q && (!triple || bytes[i..].starts_with(&[q, q, q])) => {
                            i += if triple { 3 } else { 1 };
                            break;
                        }
                        Some(_) => i += 1,
                    }
                }
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    false
}

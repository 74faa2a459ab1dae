//! Expressions back to source text, as CPython's `ast_unparse.c` writes them: the strings that
//! `from __future__ import annotations` stores instead of evaluated annotations (`'list[int] | None'`).
//! Parentheses appear only where precedence needs them; constants are written as their repr.

use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::Ranged;

use super::parse_int_literal;
use crate::format::{bytes_repr, complex_repr, float_repr, str_repr};

/// Binding strength, weakest first (CPython's `PR_*` levels).
#[derive(Clone, Copy, PartialEq, PartialOrd)]
enum Prec {
    Tuple,
    Test,
    Or,
    And,
    Not,
    Cmp,
    BitOr,
    BitXor,
    BitAnd,
    Shift,
    Arith,
    Term,
    Factor,
    Power,
    Await,
    Atom,
}

/// The annotation `e` (parsed from `source`) as CPython's unparser writes it at the level of a whole
/// expression.
pub fn unparse(e: &Expr, source: &str) -> String {
    let mut out = String::new();
    Unparser { source }.write(&mut out, e, Prec::Test);
    out
}

struct Unparser<'a> {
    source: &'a str,
}

fn binop_parts(op: ast::Operator) -> (&'static str, Prec) {
    use ast::Operator::*;
    match op {
        Add => ("+", Prec::Arith),
        Sub => ("-", Prec::Arith),
        Mult => ("*", Prec::Term),
        MatMult => ("@", Prec::Term),
        Div => ("/", Prec::Term),
        Mod => ("%", Prec::Term),
        FloorDiv => ("//", Prec::Term),
        Pow => ("**", Prec::Power),
        LShift => ("<<", Prec::Shift),
        RShift => (">>", Prec::Shift),
        BitOr => ("|", Prec::BitOr),
        BitXor => ("^", Prec::BitXor),
        BitAnd => ("&", Prec::BitAnd),
    }
}

fn cmp_text(op: ast::CmpOp) -> &'static str {
    use ast::CmpOp::*;
    match op {
        Eq => "==",
        NotEq => "!=",
        Lt => "<",
        LtE => "<=",
        Gt => ">",
        GtE => ">=",
        Is => "is",
        IsNot => "is not",
        In => "in",
        NotIn => "not in",
    }
}

fn paren_if(out: &mut String, cond: bool, body: impl FnOnce(&mut String)) {
    if cond {
        out.push('(');
    }
    body(out);
    if cond {
        out.push(')');
    }
}

fn number(out: &mut String, n: &ast::Number) {
    match n {
        ast::Number::Int(i) => {
            let text = i.to_string();
            match parse_int_literal(&text) {
                Some(v) => out.push_str(&v.to_string()),
                None => out.push_str(&text),
            }
        }
        // An infinite float is written as an overflowing literal, as CPython does.
        ast::Number::Float(f) if f.is_infinite() => out.push_str("1e309"),
        ast::Number::Float(f) => out.push_str(&float_repr(*f)),
        ast::Number::Complex { real, imag } => out.push_str(&complex_repr(*real, *imag)),
    }
}

impl Unparser<'_> {
    fn write_list(&self, out: &mut String, items: &[Expr]) {
        for (i, x) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            self.write(out, x, Prec::Test);
        }
    }

    fn write(&self, out: &mut String, e: &Expr, level: Prec) {
        match e {
            Expr::Name(n) => out.push_str(&n.id),
            Expr::NoneLiteral(_) => out.push_str("None"),
            Expr::BooleanLiteral(b) => out.push_str(if b.value { "True" } else { "False" }),
            Expr::EllipsisLiteral(_) => out.push_str("..."),
            Expr::StringLiteral(s) => out.push_str(&str_repr(s.value.to_str())),
            Expr::BytesLiteral(b) => {
                out.push_str(&bytes_repr(&b.value.bytes().collect::<Vec<u8>>()))
            }
            Expr::NumberLiteral(n) => number(out, &n.value),
            Expr::Attribute(a) => {
                self.write(out, &a.value, Prec::Atom);
                // `1 .real`: a period right after an int literal would read as a float.
                let int_value = matches!(
                    &*a.value,
                    Expr::NumberLiteral(ast::ExprNumberLiteral {
                        value: ast::Number::Int(_),
                        ..
                    })
                );
                out.push_str(if int_value { " ." } else { "." });
                out.push_str(&a.attr);
            }
            Expr::Subscript(s) => {
                self.write(out, &s.value, Prec::Atom);
                out.push('[');
                match &*s.slice {
                    Expr::Tuple(t) if !t.elts.is_empty() => {
                        self.write_list(out, &t.elts);
                        if t.elts.len() == 1 {
                            out.push(',');
                        }
                    }
                    other => self.write(out, other, Prec::Tuple),
                }
                out.push(']');
            }
            Expr::Slice(s) => {
                if let Some(l) = &s.lower {
                    self.write(out, l, Prec::Test);
                }
                out.push(':');
                if let Some(u) = &s.upper {
                    self.write(out, u, Prec::Test);
                }
                if let Some(st) = &s.step {
                    out.push(':');
                    self.write(out, st, Prec::Test);
                }
            }
            Expr::Tuple(t) => {
                let parens = level > Prec::Tuple || t.elts.is_empty();
                paren_if(out, parens, |out| {
                    self.write_list(out, &t.elts);
                    if t.elts.len() == 1 {
                        out.push(',');
                    }
                });
            }
            Expr::List(l) => {
                out.push('[');
                self.write_list(out, &l.elts);
                out.push(']');
            }
            Expr::Set(s) => {
                out.push('{');
                self.write_list(out, &s.elts);
                out.push('}');
            }
            Expr::Dict(d) => {
                out.push('{');
                for (i, item) in d.items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    match &item.key {
                        Some(k) => {
                            self.write(out, k, Prec::Test);
                            out.push_str(": ");
                            self.write(out, &item.value, Prec::Test);
                        }
                        None => {
                            out.push_str("**");
                            self.write(out, &item.value, Prec::BitOr);
                        }
                    }
                }
                out.push('}');
            }
            Expr::Starred(s) => {
                out.push('*');
                self.write(out, &s.value, Prec::BitOr);
            }
            Expr::BinOp(b) => {
                let (text, prec) = binop_parts(b.op);
                // `**` groups to the right, everything else to the left.
                let right_assoc = b.op == ast::Operator::Pow;
                paren_if(out, level > prec, |out| {
                    let next = |p: Prec| match p {
                        Prec::Power => Prec::Await,
                        Prec::Term => Prec::Factor,
                        Prec::Arith => Prec::Term,
                        Prec::Shift => Prec::Arith,
                        Prec::BitAnd => Prec::Shift,
                        Prec::BitXor => Prec::BitAnd,
                        _ => Prec::BitXor,
                    };
                    let (left_level, right_level) = if right_assoc {
                        (next(prec), prec)
                    } else {
                        (prec, next(prec))
                    };
                    self.write(out, &b.left, left_level);
                    out.push(' ');
                    out.push_str(text);
                    out.push(' ');
                    self.write(out, &b.right, right_level);
                });
            }
            Expr::UnaryOp(u) => {
                let (text, prec) = match u.op {
                    ast::UnaryOp::Not => ("not ", Prec::Not),
                    ast::UnaryOp::Invert => ("~", Prec::Factor),
                    ast::UnaryOp::UAdd => ("+", Prec::Factor),
                    ast::UnaryOp::USub => ("-", Prec::Factor),
                };
                paren_if(out, level > prec, |out| {
                    out.push_str(text);
                    self.write(out, &u.operand, prec);
                });
            }
            Expr::BoolOp(b) => {
                let (text, prec) = match b.op {
                    ast::BoolOp::And => (" and ", Prec::And),
                    ast::BoolOp::Or => (" or ", Prec::Or),
                };
                paren_if(out, level > prec, |out| {
                    let inner = if prec == Prec::And {
                        Prec::Not
                    } else {
                        Prec::And
                    };
                    for (i, v) in b.values.iter().enumerate() {
                        if i > 0 {
                            out.push_str(text);
                        }
                        self.write(out, v, inner);
                    }
                });
            }
            Expr::Compare(c) => {
                paren_if(out, level > Prec::Cmp, |out| {
                    self.write(out, &c.left, Prec::BitOr);
                    for (op, right) in c.ops.iter().zip(c.comparators.iter()) {
                        out.push(' ');
                        out.push_str(cmp_text(*op));
                        out.push(' ');
                        self.write(out, right, Prec::BitOr);
                    }
                });
            }
            Expr::If(i) => {
                paren_if(out, level > Prec::Test, |out| {
                    self.write(out, &i.body, Prec::Or);
                    out.push_str(" if ");
                    self.write(out, &i.test, Prec::Or);
                    out.push_str(" else ");
                    self.write(out, &i.orelse, Prec::Test);
                });
            }
            Expr::Call(c) => {
                self.write(out, &c.func, Prec::Atom);
                out.push('(');
                let mut first = true;
                for a in c.arguments.args.iter() {
                    if !first {
                        out.push_str(", ");
                    }
                    first = false;
                    self.write(out, a, Prec::Test);
                }
                for k in c.arguments.keywords.iter() {
                    if !first {
                        out.push_str(", ");
                    }
                    first = false;
                    match &k.arg {
                        Some(name) => {
                            out.push_str(name);
                            out.push('=');
                        }
                        None => out.push_str("**"),
                    }
                    self.write(out, &k.value, Prec::Test);
                }
                out.push(')');
            }
            Expr::Await(a) => {
                paren_if(out, level > Prec::Await, |out| {
                    out.push_str("await ");
                    self.write(out, &a.value, Prec::Atom);
                });
            }
            // Lambdas, comprehensions, f-strings, walrus and yield are rare in annotations: their source text
            // stands (CPython would respace it canonically).
            other => out.push_str(&self.source[other.range()]),
        }
    }
}

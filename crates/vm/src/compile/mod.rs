//! AST → bytecode. One `CodeBuilder` per scope; constants are shared across the compilation unit through
//! a cache that, like the parser arena of CPython, holds one extra reference to each literal constant
//! while the unit runs.

mod patterns;
mod stackdepth;
pub mod symtable;
mod unparse;

use std::collections::HashMap;
use std::rc::Rc;

use num_bigint::BigInt;
use refpy_heap::ObjRef;
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use crate::bytecode::*;
use crate::object::alloc;
use crate::objects::{CodeObj, CODE_VT};
use crate::rt;
use stackdepth::StackNote;
use symtable::{key, Access, ScopeKind, SymTable};

/// A compile-time error (SyntaxError) with its byte offset.
#[derive(Debug)]
pub struct CompileError {
    pub msg: String,
    pub offset: u32,
    /// End of the offending range (CPython underlines the whole range).
    pub end: u32,
    pub kind: &'static str,
}

#[derive(Hash, PartialEq, Eq, Clone)]
enum ConstKey {
    None,
    Bool(bool),
    Ellipsis,
    Int(BigInt),
    Float(u64),
    Complex(u64, u64),
    Str(String),
    Bytes(Vec<u8>),
}

/// The result of compiling a module: its code object and the constants cache to keep alive while it runs.
pub struct Compiled {
    pub code: ObjRef,
    pub const_refs: Vec<ObjRef>,
    /// Compile-time SyntaxWarnings, already formatted as CPython prints them.
    pub warnings: Vec<String>,
}

struct Unit {
    source: Rc<Source>,
    symtable: SymTable,
    consts: HashMap<ConstKey, ObjRef>,
    /// Constant tuples folded from literals: the parse tree holds each of them too, like the literals in
    /// `consts` (CPython's `sys.getrefcount(t)` shows that reference).
    folded: Vec<ObjRef>,
    warnings: Vec<String>,
    /// Range of the comprehension being compiled: its FOR_ITERs report it (as CPython's do).
    comp_range: Option<TextRange>,
    /// `from __future__ import annotations`: annotations are stored as their source text.
    future_annotations: bool,
}

#[derive(Clone)]
enum FBlock<'a> {
    Loop {
        cont: usize,
        brk: usize,
        is_for: bool,
    },
    TryExcept,
    Finally {
        body: &'a [Stmt],
    },
    HandlerBody {
        name: Option<String>,
    },
    FinallyExc,
    /// A with statement's body; `stmt` is the whole statement, where CPython places the `__exit__` calls.
    With {
        stmt: TextRange,
    },
    /// The return value held on the stack while a `finally` body runs on the way out of a `return`: a
    /// `break`/`continue`/`return` inside that body must drop it (CPython's POP_VALUE fblock).
    PopValue,
}

struct Builder<'a> {
    scope: usize,
    instrs: Vec<Instr>,
    positions: Vec<Pos>,
    consts: Vec<ObjRef>,
    const_index: HashMap<usize, u32>,
    names: Vec<String>,
    varnames: Vec<String>,
    cellvars: Vec<String>,
    freevars: Vec<String>,
    labels: Vec<usize>,
    pos: Pos,
    fblocks: Vec<FBlock<'a>>,
    name: String,
    qualname: String,
    flags: u32,
    argcount: usize,
    posonly: usize,
    kwonly: usize,
    first_line: usize,
    max_blocks: usize,
    /// Where CPython 3.11's stack holds more than refpy's (for `co_stacksize`).
    stack_notes: Vec<(usize, StackNote)>,
    /// The class whose `__private` names this code mangles (`symtable::mangle`).
    private: Option<String>,
}

type CResult<T> = Result<T, CompileError>;

fn cerr(msg: impl Into<String>, r: TextRange) -> CompileError {
    CompileError {
        msg: msg.into(),
        offset: r.start().to_u32(),
        end: r.end().to_u32(),
        kind: "SyntaxError",
    }
}

/// What a module-level code object is compiled for (the `mode` of CPython's `compile()`).
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Mode {
    /// A file or `exec()`: runs the statements, returns None.
    Exec,
    /// A REPL entry: expression statements print their value (and set `_`).
    Single,
    /// `eval()`: one expression, whose value the code returns.
    Eval,
}

/// Compile a parsed module.
pub fn compile_module(
    body: &[Stmt],
    source: Rc<Source>,
    interactive: bool,
) -> Result<Compiled, CompileError> {
    compile_unit(
        body,
        source,
        if interactive {
            Mode::Single
        } else {
            Mode::Exec
        },
    )
}

/// Compile a parsed module for `mode`; in `Mode::Eval`, `body` is one expression statement.
pub fn compile_unit(
    body: &[Stmt],
    source: Rc<Source>,
    mode: Mode,
) -> Result<Compiled, CompileError> {
    let interactive = mode == Mode::Single;
    let future_annotations = future_features(body)?;
    let symtable = SymTable::build(body, interactive);
    if let Some((msg, range)) = &symtable.error {
        return Err(cerr(msg.clone(), *range));
    }
    let mut unit = Unit {
        source,
        symtable,
        consts: HashMap::new(),
        folded: Vec::new(),
        warnings: Vec::new(),
        comp_range: None,
        future_annotations,
    };
    let mut b = Builder::new(0, "<module>".into(), "<module>".into(), 1);
    b.flags |= CO_NAMESPACE;
    if mode != Mode::Eval && has_annotations(body) {
        b.emit(Instr::SetupAnnotations);
    }
    let n = body.len();
    for (i, s) in body.iter().enumerate() {
        if let (Mode::Eval, Stmt::Expr(e)) = (mode, s) {
            b.set_pos(e.range());
            unit.expr(&mut b, &e.value)?;
            b.emit(Instr::Return);
            let code = b.finish(&unit);
            let mut const_refs: Vec<ObjRef> = unit.consts.into_values().collect();
            const_refs.extend(unit.folded);
            return Ok(Compiled {
                code,
                const_refs,
                warnings: unit.warnings,
            });
        }
        if interactive {
            if let Stmt::Expr(e) = s {
                b.set_pos(e.range());
                unit.expr(&mut b, &e.value)?;
                b.emit(Instr::PrintExpr);
                continue;
            }
        }
        unit.stmt(&mut b, s)?;
        let _ = (i, n);
    }
    let none = unit.const_none();
    b.pos = Pos::default();
    if let Some(last) = body.last() {
        b.set_pos(TextRange::new(last.range().end(), last.range().end()));
    }
    let ci = b.add_const(none);
    b.emit(Instr::LoadConst(ci));
    b.emit(Instr::Return);
    let code = b.finish(&unit);
    let mut const_refs: Vec<ObjRef> = unit.consts.into_values().collect();
    const_refs.extend(unit.folded);
    Ok(Compiled {
        code,
        const_refs,
        warnings: unit.warnings,
    })
}

impl<'a> Builder<'a> {
    fn new(scope: usize, name: String, qualname: String, first_line: usize) -> Builder<'a> {
        Builder {
            scope,
            instrs: Vec::new(),
            positions: Vec::new(),
            consts: Vec::new(),
            const_index: HashMap::new(),
            names: Vec::new(),
            varnames: Vec::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            labels: Vec::new(),
            pos: Pos::default(),
            fblocks: Vec::new(),
            name,
            qualname,
            flags: 0,
            argcount: 0,
            posonly: 0,
            kwonly: 0,
            first_line,
            max_blocks: 0,
            stack_notes: Vec::new(),
            private: None,
        }
    }

    fn emit(&mut self, i: Instr) {
        self.instrs.push(i);
        self.positions.push(self.pos);
    }

    /// Note what CPython's stack holds beyond refpy's from the next instruction on.
    fn stack_note(&mut self, note: StackNote) {
        self.stack_notes.push((self.instrs.len(), note));
    }

    fn set_pos(&mut self, r: TextRange) {
        self.pos = Pos {
            start: r.start().to_u32(),
            end: r.end().to_u32(),
            anchor: None,
        };
    }

    fn new_label(&mut self) -> usize {
        self.labels.push(usize::MAX);
        self.labels.len() - 1
    }

    fn bind(&mut self, l: usize) {
        self.labels[l] = self.instrs.len();
    }

    fn add_const(&mut self, o: ObjRef) -> u32 {
        if let Some(&i) = self.const_index.get(&o.addr()) {
            return i;
        }
        let i = self.consts.len() as u32;
        self.const_index.insert(o.addr(), i);
        self.consts.push(o);
        i
    }

    /// `n` as this code refers to it: mangled inside a class, as every name CPython's compiler emits is.
    fn mangled<'n>(&self, n: &'n str) -> std::borrow::Cow<'n, str> {
        symtable::mangle(self.private.as_deref(), n)
    }

    fn name_idx(&mut self, n: &str) -> u32 {
        let n = &*self.mangled(n);
        if let Some(i) = self.names.iter().position(|x| x == n) {
            return i as u32;
        }
        self.names.push(n.to_string());
        (self.names.len() - 1) as u32
    }

    fn var_idx(&mut self, n: &str) -> u32 {
        let n = &*self.mangled(n);
        if let Some(i) = self.varnames.iter().position(|x| x == n) {
            return i as u32;
        }
        self.varnames.push(n.to_string());
        (self.varnames.len() - 1) as u32
    }

    fn cell_idx(&self, n: &str) -> u32 {
        let n = &*self.mangled(n);
        if let Some(i) = self.cellvars.iter().position(|x| x == n) {
            return i as u32;
        }
        let j = self.freevars.iter().position(|x| x == n).unwrap_or(0);
        (self.cellvars.len() + j) as u32
    }

    fn finish(mut self, unit: &Unit) -> ObjRef {
        let labels = std::mem::take(&mut self.labels);
        let fix = |t: u32| labels[t as usize] as u32;
        for i in self.instrs.iter_mut() {
            *i = match *i {
                Instr::Jump(t) => Instr::Jump(fix(t)),
                Instr::PopJumpIfFalse(t) => Instr::PopJumpIfFalse(fix(t)),
                Instr::PopJumpIfTrue(t) => Instr::PopJumpIfTrue(fix(t)),
                Instr::JumpIfFalseOrPop(t) => Instr::JumpIfFalseOrPop(fix(t)),
                Instr::JumpIfTrueOrPop(t) => Instr::JumpIfTrueOrPop(fix(t)),
                Instr::ForIter(t) => Instr::ForIter(fix(t)),
                Instr::SetupExcept(t) => Instr::SetupExcept(fix(t)),
                Instr::SetupFinally(t) => Instr::SetupFinally(fix(t)),
                Instr::SetupWith(t) => Instr::SetupWith(fix(t)),
                Instr::JumpIfNotExcMatch(t) => Instr::JumpIfNotExcMatch(fix(t)),
                other => other,
            };
        }
        let cell_args = self
            .cellvars
            .iter()
            .map(|c| {
                self.varnames[..self.argcount
                    + self.kwonly
                    + (self.flags & CO_VARARGS != 0) as usize
                    + (self.flags & CO_VARKEYWORDS != 0) as usize]
                    .iter()
                    .position(|v| v == c)
            })
            .collect();
        let stacksize = stackdepth::cpython_stacksize(&self.instrs, &self.stack_notes);
        let names: Vec<ObjRef> = self.names.iter().map(|n| rt::intern(n)).collect();
        let global_cache = names.iter().map(|_| Default::default()).collect();
        let load_attr_cache = names.iter().map(|_| Default::default()).collect();
        let store_attr_cache = names.iter().map(|_| Default::default()).collect();
        let code = Code {
            name: self.name,
            qualname: self.qualname,
            instrs: self.instrs,
            positions: self.positions,
            consts: self.consts,
            names,
            global_cache,
            load_attr_cache,
            store_attr_cache,
            varnames: self.varnames,
            cellvars: self.cellvars,
            freevars: self.freevars,
            cell_args,
            argcount: self.argcount,
            posonlyargcount: self.posonly,
            kwonlyargcount: self.kwonly,
            flags: self.flags,
            first_line: self.first_line,
            source: unit.source.clone(),
            max_blocks: self.max_blocks,
            stacksize,
        };
        alloc(&CODE_VT, CodeObj(code))
    }
}

fn is_identifier_like(s: &str) -> bool {
    s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

impl Unit {
    fn cached(&mut self, k: ConstKey, make: impl FnOnce() -> ObjRef) -> ObjRef {
        if let Some(o) = self.consts.get(&k) {
            return o.clone();
        }
        let o = make();
        self.consts.insert(k, o.clone());
        o
    }

    fn const_none(&mut self) -> ObjRef {
        self.cached(ConstKey::None, rt::none)
    }

    fn const_str(&mut self, s: &str) -> ObjRef {
        let s2 = s.to_string();
        self.cached(ConstKey::Str(s.to_string()), move || {
            if is_identifier_like(&s2) {
                rt::intern(&s2)
            } else {
                rt::str_obj(&s2)
            }
        })
    }

    /// The constant value of a literal expression, if it is one (with CPython's folding of `-literal`
    /// and tuples of constants).
    fn const_value(&mut self, e: &Expr) -> Option<ObjRef> {
        Some(match e {
            Expr::NoneLiteral(_) => self.const_none(),
            Expr::BooleanLiteral(b) => {
                self.cached(ConstKey::Bool(b.value), || rt::bool_obj(b.value))
            }
            Expr::EllipsisLiteral(_) => {
                self.cached(ConstKey::Ellipsis, || rt::rt().ellipsis.clone())
            }
            Expr::StringLiteral(s) => self.const_str(s.value.to_str()),
            Expr::BytesLiteral(b) => {
                let v: Vec<u8> = b.value.bytes().collect();
                self.cached(ConstKey::Bytes(v.clone()), || rt::bytes(v))
            }
            Expr::NumberLiteral(n) => match &n.value {
                ast::Number::Int(i) => {
                    let s = i.to_string();
                    let v = parse_int_literal(&s)?;
                    self.cached(ConstKey::Int(v.clone()), || rt::bigint(v))
                }
                ast::Number::Float(f) => {
                    let f = *f;
                    self.cached(ConstKey::Float(f.to_bits()), || rt::float(f))
                }
                ast::Number::Complex { real, imag } => {
                    let (re, im) = (*real, *imag);
                    let o = rt::complex(re, im);
                    return Some(self.cached(ConstKey::Complex(re.to_bits(), im.to_bits()), || o));
                }
            },
            Expr::UnaryOp(u) if u.op == ast::UnaryOp::USub => match &*u.operand {
                Expr::NumberLiteral(n) => match &n.value {
                    ast::Number::Int(i) => {
                        let v = -parse_int_literal(&i.to_string())?;
                        self.cached(ConstKey::Int(v.clone()), || rt::bigint(v))
                    }
                    ast::Number::Float(f) => {
                        let f = -*f;
                        self.cached(ConstKey::Float(f.to_bits()), || rt::float(f))
                    }
                    _ => return None,
                },
                _ => return None,
            },
            Expr::BinOp(bo) => {
                let l = self.const_value(&bo.left)?;
                let r = self.const_value(&bo.right)?;
                let folded = fold_binop(&l, &r, binop(bo.op))?;
                let key = if let Some(s) = crate::ops::str_of(&folded) {
                    ConstKey::Str(s.to_string())
                } else if let Some(i) = crate::ops::as_bigint(&folded) {
                    if folded.downcast::<crate::objects::BoolObj>().is_some() {
                        return None;
                    }
                    ConstKey::Int(i)
                } else if let Some(f) = folded.downcast::<crate::objects::FloatObj>() {
                    ConstKey::Float(f.0.to_bits())
                } else {
                    return None;
                };
                if let ConstKey::Str(s) = &key {
                    let s = s.clone();
                    return Some(self.const_str(&s));
                }
                self.cached(key, || folded)
            }
            Expr::Tuple(t) if !t.elts.is_empty() => {
                let mut items = Vec::new();
                for el in &t.elts {
                    if matches!(el, Expr::Tuple(_)) {
                        return None;
                    }
                    items.push(self.const_value(el)?);
                }
                // Tracked, as CPython's are, until a collection finds they hold only atoms.
                let t = rt::tuple(items);
                self.folded.push(t.clone());
                t
            }
            _ => return None,
        })
    }

    fn scope_of<T>(&self, node: &T) -> usize {
        self.symtable.by_node[&key(node)]
    }

    // ---- names ----------------------------------------------------------------------------------

    fn load_name(&mut self, b: &mut Builder, n: &str) {
        let mangled = b.mangled(n).into_owned();
        let n = mangled.as_str();
        match self.symtable.access(b.scope, n) {
            Access::Fast => {
                let i = b.var_idx(n);
                b.emit(Instr::LoadFast(i))
            }
            Access::Deref => {
                let i = b.cell_idx(n);
                b.emit(Instr::LoadDeref(i))
            }
            Access::ClassDeref => {
                let i = b.cell_idx(n);
                b.emit(Instr::LoadClassDeref(i))
            }
            Access::GlobalExplicit | Access::GlobalImplicit => {
                let i = b.name_idx(n);
                b.emit(Instr::LoadGlobal(i))
            }
            Access::Name => {
                let i = b.name_idx(n);
                b.emit(Instr::LoadName(i))
            }
        }
    }

    fn store_name(&mut self, b: &mut Builder, n: &str) {
        let mangled = b.mangled(n).into_owned();
        let n = mangled.as_str();
        match self.symtable.access(b.scope, n) {
            Access::Fast => {
                let i = b.var_idx(n);
                b.emit(Instr::StoreFast(i))
            }
            Access::Deref | Access::ClassDeref => {
                let i = b.cell_idx(n);
                b.emit(Instr::StoreDeref(i))
            }
            Access::GlobalExplicit | Access::GlobalImplicit => {
                let i = b.name_idx(n);
                b.emit(Instr::StoreGlobal(i))
            }
            Access::Name => {
                let i = b.name_idx(n);
                b.emit(Instr::StoreName(i))
            }
        }
    }

    fn delete_name(&mut self, b: &mut Builder, n: &str) {
        let mangled = b.mangled(n).into_owned();
        let n = mangled.as_str();
        match self.symtable.access(b.scope, n) {
            Access::Fast => {
                let i = b.var_idx(n);
                b.emit(Instr::DeleteFast(i))
            }
            Access::Deref | Access::ClassDeref => {
                let i = b.cell_idx(n);
                b.emit(Instr::DeleteDeref(i))
            }
            Access::GlobalExplicit | Access::GlobalImplicit => {
                let i = b.name_idx(n);
                b.emit(Instr::DeleteGlobal(i))
            }
            Access::Name => {
                let i = b.name_idx(n);
                b.emit(Instr::DeleteName(i))
            }
        }
    }

    // ---- statements -----------------------------------------------------------------------------

    fn stmts<'a>(&mut self, b: &mut Builder<'a>, body: &'a [Stmt]) -> CResult<()> {
        for s in body {
            self.stmt(b, s)?;
        }
        Ok(())
    }

    fn stmt<'a>(&mut self, b: &mut Builder<'a>, s: &'a Stmt) -> CResult<()> {
        b.set_pos(s.range());
        match s {
            Stmt::Expr(e) => {
                if self.const_value(&e.value).is_some() && !matches!(&*e.value, Expr::Tuple(_)) {
                    // Constant expression statements (docstrings) compile to nothing.
                    return Ok(());
                }
                self.expr(b, &e.value)?;
                b.emit(Instr::Pop);
            }
            Stmt::Assign(a) => {
                self.expr(b, &a.value)?;
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < a.targets.len() {
                        b.emit(Instr::Dup);
                    }
                    self.assign(b, t)?;
                }
            }
            Stmt::AugAssign(a) => self.aug_assign(b, a)?,
            Stmt::AnnAssign(a) => self.ann_assign(b, a)?,
            Stmt::Pass(_) => {}
            Stmt::If(i) => {
                let end = b.new_label();
                let mut next = b.new_label();
                self.cond_jump(b, &i.test, false, next)?;
                self.stmts(b, &i.body)?;
                for c in &i.elif_else_clauses {
                    b.emit(Instr::Jump(end as u32));
                    b.bind(next);
                    next = b.new_label();
                    if let Some(t) = &c.test {
                        b.set_pos(t.range());
                        self.cond_jump(b, t, false, next)?;
                    }
                    self.stmts(b, &c.body)?;
                }
                b.bind(next);
                b.bind(end);
            }
            Stmt::While(w) => {
                let top = b.new_label();
                let orelse = b.new_label();
                let end = b.new_label();
                b.bind(top);
                self.cond_jump(b, &w.test, false, orelse)?;
                b.fblocks.push(FBlock::Loop {
                    cont: top,
                    brk: end,
                    is_for: false,
                });
                self.stmts(b, &w.body)?;
                b.fblocks.pop();
                b.emit(Instr::Jump(top as u32));
                b.bind(orelse);
                self.stmts(b, &w.orelse)?;
                b.bind(end);
            }
            Stmt::For(f) => {
                self.expr(b, &f.iter)?;
                b.set_pos(f.iter.range());
                b.emit(Instr::GetIter);
                let top = b.new_label();
                let orelse = b.new_label();
                let end = b.new_label();
                b.bind(top);
                b.set_pos(f.iter.range());
                b.emit(Instr::ForIter(orelse as u32));
                self.assign(b, &f.target)?;
                b.fblocks.push(FBlock::Loop {
                    cont: top,
                    brk: end,
                    is_for: true,
                });
                self.stmts(b, &f.body)?;
                b.fblocks.pop();
                b.emit(Instr::Jump(top as u32));
                b.bind(orelse);
                self.stmts(b, &f.orelse)?;
                b.bind(end);
            }
            Stmt::Break(_) => {
                let (brk, is_for, depth) = self.find_loop(b, s.range(), "'break' outside loop")?;
                self.unwind(b, depth, false)?;
                if is_for {
                    b.emit(Instr::Pop);
                }
                b.emit(Instr::Jump(brk as u32));
            }
            Stmt::Continue(_) => {
                let (_, _, depth) =
                    self.find_loop(b, s.range(), "'continue' not properly in loop")?;
                let cont = match &b.fblocks[depth] {
                    FBlock::Loop { cont, .. } => *cont,
                    _ => unreachable!(),
                };
                self.unwind(b, depth + 1, false)?;
                b.emit(Instr::Jump(cont as u32));
            }
            Stmt::Return(r) => {
                if self.symtable.scopes[b.scope].kind != ScopeKind::Function {
                    return Err(cerr("'return' outside function", s.range()));
                }
                match &r.value {
                    Some(v) => self.expr(b, v)?,
                    None => {
                        let n = self.const_none();
                        let i = b.add_const(n);
                        b.emit(Instr::LoadConst(i));
                    }
                }
                self.unwind(b, 0, true)?;
                b.set_pos(s.range());
                b.emit(Instr::Return);
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.delete(b, t)?;
                }
            }
            Stmt::FunctionDef(f) => self.function_def(b, f)?,
            Stmt::ClassDef(c) => self.class_def(b, c)?,
            Stmt::Import(i) => {
                // CPython locates every instruction of an import at the whole statement (no carets).
                b.set_pos(i.range());
                for a in &i.names {
                    let idx = b.name_idx(&a.name.id);
                    b.emit(Instr::ImportName(idx));
                    match &a.asname {
                        Some(n) => {
                            // `import a.b as c` binds the submodule.
                            for part in a.name.id.split('.').skip(1) {
                                let pi = b.name_idx(part);
                                b.emit(Instr::LoadAttr(pi));
                            }
                            self.store_name(b, &n.id)
                        }
                        None => {
                            let first = a.name.id.split('.').next().unwrap_or("").to_string();
                            self.store_name(b, &first)
                        }
                    }
                }
            }
            Stmt::ImportFrom(i) => {
                let module = i.module.as_ref().map_or("", |m| m.id.as_str());
                // The level travels as the relative name's leading dots.
                let m = format!("{}{}", ".".repeat(i.level as usize), module);
                b.set_pos(i.range());
                let idx = b.name_idx(&m);
                b.emit(Instr::ImportModule(idx));
                for a in &i.names {
                    if a.name.id.as_str() == "*" {
                        b.emit(Instr::ImportStar);
                        return Ok(());
                    }
                    let ni = b.name_idx(&a.name.id);
                    b.emit(Instr::ImportFrom(ni));
                    let target = a.asname.as_ref().unwrap_or(&a.name).id.to_string();
                    self.store_name(b, &target);
                }
                b.emit(Instr::Pop);
            }
            Stmt::Global(_) | Stmt::Nonlocal(_) => {}
            Stmt::Raise(r) => {
                let mut n = 0;
                if let Some(e) = &r.exc {
                    self.expr(b, e)?;
                    n = 1;
                    if let Some(c) = &r.cause {
                        self.expr(b, c)?;
                        n = 2;
                    }
                }
                b.set_pos(s.range());
                b.emit(Instr::Raise(n));
            }
            Stmt::Assert(a) => {
                let end = b.new_label();
                self.cond_jump(b, &a.test, true, end)?;
                b.set_pos(a.test.range());
                b.emit(Instr::LoadAssertionError);
                if let Some(m) = &a.msg {
                    self.expr(b, m)?;
                    b.set_pos(a.test.range());
                    b.emit(Instr::Call(1));
                }
                // CPython 3.11 reports a comparison test's position (its jump code leaks the location),
                // any other test the whole statement.
                b.set_pos(if matches!(&*a.test, Expr::Compare(_)) {
                    a.test.range()
                } else {
                    s.range()
                });
                b.emit(Instr::Raise(1));
                b.bind(end);
            }
            Stmt::Try(t) => self.try_stmt(b, t)?,
            Stmt::With(w) => self.with_stmt(b, &w.items, &w.body, s.range())?,
            Stmt::Match(m) => self.match_stmt(b, m)?,
            Stmt::TypeAlias(_) | Stmt::IpyEscapeCommand(_) => {
                return Err(cerr("invalid syntax", s.range()))
            }
        }
        Ok(())
    }

    /// The innermost loop around a `break`/`continue` (`outside`: CPython's error when there is none).
    fn find_loop(&self, b: &Builder, r: TextRange, outside: &str) -> CResult<(usize, bool, usize)> {
        for (i, f) in b.fblocks.iter().enumerate().rev() {
            if let FBlock::Loop { brk, is_for, .. } = f {
                return Ok((*brk, *is_for, i));
            }
        }
        Err(cerr(outside, r))
    }

    /// Emit the cleanup for leaving every fblock above `depth` (return: `value_on_stack`).
    fn unwind<'a>(&mut self, b: &mut Builder<'a>, depth: usize, returning: bool) -> CResult<()> {
        let blocks: Vec<FBlock<'a>> = b.fblocks[depth..].to_vec();
        for (i, fb) in blocks.iter().enumerate().rev() {
            match fb {
                FBlock::Loop { is_for, .. } => {
                    if returning && *is_for {
                        b.emit(Instr::Swap(1));
                        b.emit(Instr::Pop);
                    }
                }
                FBlock::TryExcept => b.emit(Instr::PopBlock),
                FBlock::Finally { body } => {
                    b.emit(Instr::PopBlock);
                    // The finally body runs with the fblocks outside it.
                    let saved = b.fblocks.split_off(depth + i);
                    if returning {
                        b.fblocks.push(FBlock::PopValue);
                    }
                    self.stmts(b, body)?;
                    if returning {
                        b.fblocks.pop();
                    }
                    b.fblocks.extend(saved);
                }
                FBlock::HandlerBody { name } => {
                    if name.is_some() {
                        // The block that unbinds the name if an exception leaves the body.
                        b.emit(Instr::PopBlock);
                    }
                    b.emit(Instr::PopExcept);
                    if let Some(n) = name {
                        let n = n.clone();
                        let none = self.const_none();
                        let ci = b.add_const(none);
                        b.emit(Instr::LoadConst(ci));
                        self.store_name(b, &n);
                        self.delete_name(b, &n);
                    }
                }
                FBlock::FinallyExc => {
                    if returning {
                        b.emit(Instr::Swap(1));
                    }
                    b.emit(Instr::Pop);
                    b.emit(Instr::PopExcept);
                }
                FBlock::With { stmt } => {
                    let unwinding_at = b.pos;
                    b.set_pos(*stmt);
                    b.emit(Instr::PopBlock);
                    if returning {
                        b.emit(Instr::Swap(1));
                    }
                    b.emit(Instr::WithExitNone);
                    b.pos = unwinding_at;
                }
                FBlock::PopValue => {
                    if returning {
                        b.emit(Instr::Swap(1));
                    }
                    b.emit(Instr::Pop);
                }
            }
        }
        Ok(())
    }

    fn try_stmt<'a>(&mut self, b: &mut Builder<'a>, t: &'a ast::StmtTry) -> CResult<()> {
        let has_finally = !t.finalbody.is_empty();
        let fin_label = b.new_label();
        if has_finally {
            b.emit(Instr::SetupFinally(fin_label as u32));
            b.fblocks.push(FBlock::Finally { body: &t.finalbody });
        }
        if t.handlers.is_empty() {
            self.stmts(b, &t.body)?;
        } else {
            let handler = b.new_label();
            let end = b.new_label();
            b.emit(Instr::SetupExcept(handler as u32));
            b.fblocks.push(FBlock::TryExcept);
            self.stmts(b, &t.body)?;
            b.fblocks.pop();
            b.emit(Instr::PopBlock);
            self.stmts(b, &t.orelse)?;
            b.emit(Instr::Jump(end as u32));
            b.bind(handler);
            // 3.11's cleanup handler around the except clauses: lasti and the exception over the
            // previous one, then COPY 3.
            b.stack_note(StackNote::Peak(2));
            for h in &t.handlers {
                let ast::ExceptHandler::ExceptHandler(h) = h;
                let next = b.new_label();
                b.set_pos(h.range());
                if let Some(ty) = &h.type_ {
                    self.expr(b, ty)?;
                    b.emit(Instr::JumpIfNotExcMatch(next as u32));
                }
                let name = h.name.as_ref().map(|n| n.id.to_string());
                match &name {
                    Some(n) => self.store_name(b, n),
                    None => b.emit(Instr::Pop),
                }
                // `except E as name:` unbinds the name however the body ends (CPython's cleanup_end).
                let cleanup = name.as_ref().map(|_| b.new_label());
                if let Some(c) = cleanup {
                    b.emit(Instr::SetupFinally(c as u32));
                }
                b.fblocks.push(FBlock::HandlerBody { name: name.clone() });
                self.stmts(b, &h.body)?;
                b.fblocks.pop();
                if cleanup.is_some() {
                    b.emit(Instr::PopBlock);
                }
                b.emit(Instr::PopExcept);
                if let Some(n) = &name {
                    let none = self.const_none();
                    let ci = b.add_const(none);
                    b.emit(Instr::LoadConst(ci));
                    self.store_name(b, n);
                    self.delete_name(b, n);
                }
                b.emit(Instr::Jump(end as u32));
                if let (Some(c), Some(n)) = (cleanup, &name) {
                    b.bind(c);
                    let none = self.const_none();
                    let ci = b.add_const(none);
                    b.emit(Instr::LoadConst(ci));
                    self.store_name(b, n);
                    self.delete_name(b, n);
                    b.emit(Instr::Reraise);
                }
                b.bind(next);
            }
            b.emit(Instr::Reraise);
            b.bind(end);
        }
        if has_finally {
            b.fblocks.pop();
            b.emit(Instr::PopBlock);
            self.stmts(b, &t.finalbody)?;
            let after = b.new_label();
            b.emit(Instr::Jump(after as u32));
            b.bind(fin_label);
            // As for except clauses: the cleanup handler around the finally body.
            b.stack_note(StackNote::Peak(2));
            b.fblocks.push(FBlock::FinallyExc);
            self.stmts(b, &t.finalbody)?;
            b.fblocks.pop();
            b.emit(Instr::Reraise);
            b.bind(after);
        }
        Ok(())
    }

    fn with_stmt<'a>(
        &mut self,
        b: &mut Builder<'a>,
        items: &'a [ast::WithItem],
        body: &'a [Stmt],
        r: TextRange,
    ) -> CResult<()> {
        let Some((first, rest)) = items.split_first() else {
            return self.stmts(b, body);
        };
        self.expr(b, &first.context_expr)?;
        let exit = b.new_label();
        b.set_pos(first.context_expr.range());
        b.emit(Instr::SetupWith(exit as u32));
        b.fblocks.push(FBlock::With { stmt: r });
        match &first.optional_vars {
            Some(v) => self.assign(b, v)?,
            None => b.emit(Instr::Pop),
        }
        if rest.is_empty() {
            self.stmts(b, body)?;
        } else {
            self.with_stmt(b, rest, body, r)?;
        }
        b.fblocks.pop();
        // Both `__exit__` calls are located at the whole with statement (from `with` to the end of its
        // body), so a traceback shows carets there only when the statement is shorter than its line.
        b.set_pos(r);
        b.emit(Instr::PopBlock);
        b.emit(Instr::WithExitNone);
        let after = b.new_label();
        b.emit(Instr::Jump(after as u32));
        b.bind(exit);
        // Stack: exit, exc. WithExcept calls exit(type, exc, tb) and pushes its result. (CPython 3.11: exit,
        // lasti, previous exception, exception, result; its cleanup handler reaches two above that.)
        b.stack_note(StackNote::Peak(2));
        b.emit(Instr::WithExcept);
        let reraise = b.new_label();
        b.emit(Instr::PopJumpIfFalse(reraise as u32));
        b.emit(Instr::Pop);
        b.emit(Instr::Pop);
        // CPython pops lasti too.
        b.stack_note(StackNote::Extra(-1));
        b.emit(Instr::PopExcept);
        b.emit(Instr::Jump(after as u32));
        b.bind(reraise);
        b.emit(Instr::Swap(1));
        b.emit(Instr::Pop);
        b.emit(Instr::Reraise);
        b.bind(after);
        Ok(())
    }

    fn aug_assign<'a>(&mut self, b: &mut Builder<'a>, a: &'a ast::StmtAugAssign) -> CResult<()> {
        let op = binop(a.op);
        match &*a.target {
            Expr::Name(n) => {
                b.set_pos(n.range());
                self.load_name(b, &n.id);
                self.expr(b, &a.value)?;
                b.set_pos(a.range());
                b.emit(Instr::Inplace(op));
                self.store_name(b, &n.id);
            }
            Expr::Attribute(at) => {
                self.expr(b, &at.value)?;
                b.emit(Instr::Dup);
                b.set_pos(at.range());
                let i = b.name_idx(&at.attr.id);
                b.emit(Instr::LoadAttr(i));
                self.expr(b, &a.value)?;
                b.set_pos(a.range());
                b.emit(Instr::Inplace(op));
                b.emit(Instr::Swap(1));
                b.emit(Instr::StoreAttr(i));
            }
            Expr::Subscript(sub) => {
                self.expr(b, &sub.value)?;
                self.expr(b, &sub.slice)?;
                b.emit(Instr::Copy(2));
                b.emit(Instr::Copy(2));
                b.set_pos(sub.range());
                b.emit(Instr::Subscr);
                self.expr(b, &a.value)?;
                b.set_pos(a.range());
                b.emit(Instr::Inplace(op));
                b.emit(Instr::Swap(2));
                b.emit(Instr::Swap(1));
                b.emit(Instr::StoreSubscr);
            }
            _ => {
                return Err(cerr(
                    "illegal expression for augmented assignment",
                    a.range(),
                ))
            }
        }
        Ok(())
    }

    /// Store TOS into a target.
    /// An annotation's value: the expression, or under `from __future__ import annotations` its text.
    fn annotation<'a>(&mut self, b: &mut Builder<'a>, e: &'a Expr) -> CResult<()> {
        if self.future_annotations {
            let text = unparse::unparse(e, &self.source.text);
            let k = self.const_str(&text);
            let ki = b.add_const(k);
            b.emit(Instr::LoadConst(ki));
            Ok(())
        } else {
            self.expr(b, e)
        }
    }

    /// `target: annotation [= value]` as CPython 3.11's `compiler_annassign`: the value is assigned first;
    /// a simple name's annotation is then stored in `__annotations__` of a module or class body. Other
    /// targets have their object (and subscript) evaluated when there is no value, and their annotation
    /// evaluated and dropped, in module and class bodies only. Functions evaluate no annotations.
    fn ann_assign<'a>(&mut self, b: &mut Builder<'a>, a: &'a ast::StmtAnnAssign) -> CResult<()> {
        if let Some(v) = &a.value {
            self.expr(b, v)?;
            self.assign(b, &a.target)?;
        }
        let in_body = self.symtable.scopes[b.scope].kind != ScopeKind::Function;
        match &*a.target {
            Expr::Name(n) => {
                if a.simple && in_body {
                    self.annotation(b, &a.annotation)?;
                    let ann = b.name_idx("__annotations__");
                    b.emit(Instr::LoadName(ann));
                    let key = self.const_str(&b.mangled(&n.id));
                    let ki = b.add_const(key);
                    b.emit(Instr::LoadConst(ki));
                    b.set_pos(a.range());
                    b.emit(Instr::StoreSubscr);
                }
                return Ok(());
            }
            Expr::Attribute(t) if a.value.is_none() => {
                self.expr(b, &t.value)?;
                b.emit(Instr::Pop);
            }
            Expr::Subscript(t) if a.value.is_none() => {
                self.expr(b, &t.value)?;
                b.emit(Instr::Pop);
                self.expr(b, &t.slice)?;
                b.emit(Instr::Pop);
            }
            _ => {}
        }
        if in_body && !self.future_annotations {
            self.expr(b, &a.annotation)?;
            b.emit(Instr::Pop);
        }
        Ok(())
    }

    fn assign<'a>(&mut self, b: &mut Builder<'a>, t: &'a Expr) -> CResult<()> {
        match t {
            Expr::Name(n) => self.store_name(b, &n.id),
            Expr::Attribute(a) => {
                self.expr(b, &a.value)?;
                b.set_pos(a.range());
                let i = b.name_idx(&a.attr.id);
                b.emit(Instr::StoreAttr(i));
            }
            Expr::Subscript(s) => {
                self.expr(b, &s.value)?;
                self.expr(b, &s.slice)?;
                b.set_pos(s.range());
                b.pos.anchor = Some((s.value.range().end().to_u32(), s.range().end().to_u32()));
                b.emit(Instr::StoreSubscr);
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                b.set_pos(t.range());
                let star = elts.iter().position(|e| matches!(e, Expr::Starred(_)));
                if elts
                    .iter()
                    .filter(|e| matches!(e, Expr::Starred(_)))
                    .count()
                    > 1
                {
                    return Err(cerr(
                        "multiple starred expressions in assignment",
                        t.range(),
                    ));
                }
                match star {
                    Some(p) => b.emit(Instr::UnpackEx(p as u32, (elts.len() - p - 1) as u32)),
                    None => b.emit(Instr::UnpackSequence(elts.len() as u32)),
                }
                for e in elts {
                    match e {
                        Expr::Starred(s) => self.assign(b, &s.value)?,
                        e => self.assign(b, e)?,
                    }
                }
            }
            Expr::Starred(s) => {
                return Err(cerr(
                    "starred assignment target must be in a list or tuple",
                    s.range(),
                ))
            }
            _ => return Err(cerr("cannot assign to expression", t.range())),
        }
        Ok(())
    }

    fn delete<'a>(&mut self, b: &mut Builder<'a>, t: &'a Expr) -> CResult<()> {
        match t {
            Expr::Name(n) => {
                b.set_pos(n.range());
                self.delete_name(b, &n.id)
            }
            Expr::Attribute(a) => {
                self.expr(b, &a.value)?;
                b.set_pos(a.range());
                let i = b.name_idx(&a.attr.id);
                b.emit(Instr::DeleteAttr(i));
            }
            Expr::Subscript(s) => {
                self.expr(b, &s.value)?;
                self.expr(b, &s.slice)?;
                b.set_pos(s.range());
                b.emit(Instr::DeleteSubscr);
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                for e in elts {
                    self.delete(b, e)?;
                }
            }
            _ => return Err(cerr("cannot delete expression", t.range())),
        }
        Ok(())
    }

    // ---- functions and classes ------------------------------------------------------------------

    fn qualname(&self, b: &Builder, name: &str) -> String {
        let sc = &self.symtable.scopes[b.scope];
        match sc.kind {
            ScopeKind::Module => name.to_string(),
            ScopeKind::Class => format!("{}.{}", b.qualname, name),
            ScopeKind::Function => format!("{}.<locals>.{}", b.qualname, name),
        }
    }

    /// Push defaults/kwdefaults/annotations, build the code and emit MakeFunction.
    fn make_function<'a>(
        &mut self,
        b: &mut Builder<'a>,
        scope: usize,
        name: &str,
        params: Option<&'a ast::Parameters>,
        returns: Option<&'a Expr>,
        body: FnBody<'a>,
        first_line: usize,
    ) -> CResult<()> {
        let mut flags = 0u8;
        if let Some(p) = params {
            let defaults: Vec<&Expr> = p
                .posonlyargs
                .iter()
                .chain(p.args.iter())
                .filter_map(|a| a.default.as_deref())
                .collect();
            if !defaults.is_empty() {
                for d in &defaults {
                    self.expr(b, d)?;
                }
                b.emit(Instr::BuildTuple(defaults.len() as u32));
                flags |= 1;
            }
            let kwd: Vec<(&str, &Expr)> = p
                .kwonlyargs
                .iter()
                .filter_map(|a| {
                    a.default
                        .as_deref()
                        .map(|d| (a.parameter.name.id.as_str(), d))
                })
                .collect();
            if !kwd.is_empty() {
                for (n, d) in &kwd {
                    let k = self.const_str(&b.mangled(n));
                    let ki = b.add_const(k);
                    b.emit(Instr::LoadConst(ki));
                    self.expr(b, d)?;
                }
                b.emit(Instr::BuildMap(kwd.len() as u32));
                flags |= 2;
            }
            // CPython's order: positional parameters, *args, keyword-only parameters, **kwargs, return.
            let mut anns: Vec<(&str, &Expr)> = Vec::new();
            let annotated = |a: &'a ast::ParameterWithDefault| {
                a.parameter
                    .annotation
                    .as_deref()
                    .map(|an| (a.parameter.name.id.as_str(), an))
            };
            let star = |v: &'a Option<Box<ast::Parameter>>| {
                v.as_deref()
                    .and_then(|v| v.annotation.as_deref().map(|an| (v.name.id.as_str(), an)))
            };
            anns.extend(
                p.posonlyargs
                    .iter()
                    .chain(p.args.iter())
                    .filter_map(annotated),
            );
            anns.extend(star(&p.vararg));
            anns.extend(p.kwonlyargs.iter().filter_map(annotated));
            anns.extend(star(&p.kwarg));
            if let Some(r) = returns {
                anns.push(("return", r));
            }
            if !anns.is_empty() {
                for (n, a) in &anns {
                    let k = self.const_str(&b.mangled(n));
                    let ki = b.add_const(k);
                    b.emit(Instr::LoadConst(ki));
                    self.annotation(b, a)?;
                }
                b.emit(Instr::BuildMap(anns.len() as u32));
                flags |= 4;
            }
        }
        let qual = self.qualname(b, name);
        if let Some(p) = params {
            let mut seen: Vec<&str> = Vec::new();
            for n in symtable::parameter_names(p) {
                if seen.contains(&n.id.as_str()) {
                    return Err(cerr(
                        format!("duplicate argument '{}' in function definition", n.id),
                        n.range,
                    ));
                }
                seen.push(n.id.as_str());
            }
        }
        let mut fb = Builder::new(scope, name.to_string(), qual, first_line);
        fb.private = self.symtable.scopes[scope].private.clone();
        let sc = &self.symtable.scopes[scope];
        if sc.is_generator {
            fb.flags |= CO_GENERATOR;
        }
        if let Some(p) = params {
            for a in p.posonlyargs.iter().chain(p.args.iter()) {
                fb.var_idx(&a.parameter.name.id);
            }
            fb.posonly = p.posonlyargs.len();
            fb.argcount = p.posonlyargs.len() + p.args.len();
            for a in p.kwonlyargs.iter() {
                fb.var_idx(&a.parameter.name.id);
            }
            fb.kwonly = p.kwonlyargs.len();
            if let Some(v) = &p.vararg {
                fb.var_idx(&v.name.id);
                fb.flags |= CO_VARARGS;
            }
            if let Some(v) = &p.kwarg {
                fb.var_idx(&v.name.id);
                fb.flags |= CO_VARKEYWORDS;
            }
        }
        if let FnBody::Comprehension(..) = body {
            fb.var_idx(".0");
            fb.argcount = 1;
        }
        fb.cellvars = sc.cells.clone();
        fb.freevars = sc.frees.clone();
        match body {
            FnBody::Stmts(stmts) => {
                // A docstring is the function's first constant.
                if let Some(Stmt::Expr(e)) = stmts.first() {
                    if let Expr::StringLiteral(s) = &*e.value {
                        let d = self.const_str(s.value.to_str());
                        fb.add_const(d);
                    }
                }
                self.stmts(&mut fb, stmts)?;
                let none = self.const_none();
                let ci = fb.add_const(none);
                fb.emit(Instr::LoadConst(ci));
                fb.emit(Instr::Return);
            }
            FnBody::Expr(e) => {
                self.expr(&mut fb, e)?;
                fb.emit(Instr::Return);
            }
            FnBody::Comprehension(kind, elt, val, gens) => {
                self.comprehension_body(&mut fb, kind, elt, val, gens)?;
            }
        }
        let frees = fb.freevars.clone();
        let code = fb.finish(self);
        if !frees.is_empty() {
            for f in &frees {
                let i = b.cell_idx(f);
                b.emit(Instr::LoadClosure(i));
            }
            b.emit(Instr::BuildTuple(frees.len() as u32));
            flags |= 8;
        }
        let ci = b.add_const(code);
        b.emit(Instr::LoadConst(ci));
        b.emit(Instr::MakeFunction(flags));
        Ok(())
    }

    fn function_def<'a>(
        &mut self,
        b: &mut Builder<'a>,
        f: &'a ast::StmtFunctionDef,
    ) -> CResult<()> {
        for d in &f.decorator_list {
            self.expr(b, &d.expression)?;
        }
        let scope = self.scope_of(f);
        let line = self.source.line_of(f.range().start().to_usize());
        b.set_pos(f.range());
        self.make_function(
            b,
            scope,
            &f.name.id,
            Some(&f.parameters),
            f.returns.as_deref(),
            FnBody::Stmts(&f.body),
            line,
        )?;
        for d in f.decorator_list.iter().rev() {
            b.set_pos(d.range());
            b.emit(Instr::Call(1));
        }
        self.store_name(b, &f.name.id);
        Ok(())
    }

    fn class_def<'a>(&mut self, b: &mut Builder<'a>, c: &'a ast::StmtClassDef) -> CResult<()> {
        for d in &c.decorator_list {
            self.expr(b, &d.expression)?;
        }
        b.set_pos(c.range());
        // PUSH_NULL, LOAD_BUILD_CLASS: the NULL is popped by the call.
        b.stack_note(StackNote::Extra(1));
        b.emit(Instr::LoadBuildClass);
        let scope = self.scope_of(c);
        let qual = self.qualname(b, &c.name.id);
        let line = self.source.line_of(c.range().start().to_usize());
        let mut cb = Builder::new(scope, c.name.id.to_string(), qual.clone(), line);
        cb.private = self.symtable.scopes[scope].private.clone();
        cb.flags |= CO_NAMESPACE;
        cb.cellvars = self.symtable.scopes[scope].cells.clone();
        cb.freevars = self.symtable.scopes[scope].frees.clone();
        cb.set_pos(c.range());
        let mi = cb.name_idx("__name__");
        cb.emit(Instr::LoadName(mi));
        let mo = cb.name_idx("__module__");
        cb.emit(Instr::StoreName(mo));
        let q = self.const_str(&qual);
        let qi = cb.add_const(q);
        cb.emit(Instr::LoadConst(qi));
        let qn = cb.name_idx("__qualname__");
        cb.emit(Instr::StoreName(qn));
        if let Some(Stmt::Expr(e)) = c.body.first() {
            if let Expr::StringLiteral(s) = &*e.value {
                let d = self.const_str(s.value.to_str());
                let di = cb.add_const(d);
                cb.emit(Instr::LoadConst(di));
                let dn = cb.name_idx("__doc__");
                cb.emit(Instr::StoreName(dn));
            }
        }
        if has_annotations(&c.body) {
            cb.emit(Instr::SetupAnnotations);
        }
        self.stmts(&mut cb, &c.body)?;
        if cb.cellvars.iter().any(|c| c == "__class__") {
            // The cell goes into the namespace too, for type.__new__ to fill (CPython's __classcell__).
            let i = cb.cell_idx("__class__");
            cb.emit(Instr::LoadClosure(i));
            cb.emit(Instr::Dup);
            let cc = cb.name_idx("__classcell__");
            cb.emit(Instr::StoreName(cc));
        } else {
            let none = self.const_none();
            let ci = cb.add_const(none);
            cb.emit(Instr::LoadConst(ci));
        }
        cb.emit(Instr::Return);
        let frees = cb.freevars.clone();
        let code = cb.finish(self);
        let mut flags = 0;
        if !frees.is_empty() {
            for f in &frees {
                let i = b.cell_idx(f);
                b.emit(Instr::LoadClosure(i));
            }
            b.emit(Instr::BuildTuple(frees.len() as u32));
            flags |= 8;
        }
        let ci = b.add_const(code);
        b.emit(Instr::LoadConst(ci));
        b.emit(Instr::MakeFunction(flags));
        let n = self.const_str(&c.name.id);
        let ni = b.add_const(n);
        b.emit(Instr::LoadConst(ni));
        let (args, kws): (Vec<&Expr>, Vec<&ast::Keyword>) = match &c.arguments {
            Some(a) => (a.args.iter().collect(), a.keywords.iter().collect()),
            None => (vec![], vec![]),
        };
        for a in &args {
            self.expr(b, a)?;
        }
        b.set_pos(c.range());
        if kws.is_empty() {
            b.stack_note(StackNote::Extra(-1));
            b.emit(Instr::Call(args.len() as u32 + 2));
        } else {
            let mut names = Vec::new();
            for k in &kws {
                self.expr(b, &k.value)?;
                names.push(rt::intern(
                    k.arg.as_ref().map(|a| a.id.as_str()).unwrap_or(""),
                ));
            }
            let t = b.add_const(rt::tuple(names));
            b.stack_note(StackNote::Extra(-1));
            b.emit(Instr::CallKw(args.len() as u32 + 2 + kws.len() as u32, t));
        }
        for d in c.decorator_list.iter().rev() {
            b.set_pos(d.range());
            b.emit(Instr::Call(1));
        }
        self.store_name(b, &c.name.id);
        Ok(())
    }

    fn comprehension_body<'a>(
        &mut self,
        b: &mut Builder<'a>,
        kind: CompKind,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        gens: &'a [ast::Comprehension],
    ) -> CResult<()> {
        match kind {
            CompKind::List => b.emit(Instr::BuildList(0)),
            CompKind::Set => b.emit(Instr::BuildSet(0)),
            CompKind::Dict => b.emit(Instr::BuildMap(0)),
            CompKind::Gen => {}
        }
        self.comp_loop(b, kind, elt, val, gens, 0)?;
        if kind == CompKind::Gen {
            let none = self.const_none();
            let ci = b.add_const(none);
            b.emit(Instr::LoadConst(ci));
        }
        b.emit(Instr::Return);
        Ok(())
    }

    fn comp_loop<'a>(
        &mut self,
        b: &mut Builder<'a>,
        kind: CompKind,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        gens: &'a [ast::Comprehension],
        depth: usize,
    ) -> CResult<()> {
        let g = &gens[depth];
        if depth == 0 {
            b.emit(Instr::LoadFast(0));
        } else {
            self.expr(b, &g.iter)?;
            b.emit(Instr::GetIter);
        }
        let top = b.new_label();
        let end = b.new_label();
        b.bind(top);
        b.set_pos(self.comp_range.unwrap_or(g.iter.range()));
        b.emit(Instr::ForIter(end as u32));
        self.assign(b, &g.target)?;
        for cond in &g.ifs {
            self.cond_jump(b, cond, false, top)?;
        }
        if depth + 1 < gens.len() {
            self.comp_loop(b, kind, elt, val, gens, depth + 1)?;
        } else {
            let d = (depth + 1) as u32 + 1;
            match kind {
                CompKind::List => {
                    self.expr(b, elt)?;
                    b.emit(Instr::ListAppend(d));
                }
                CompKind::Set => {
                    self.expr(b, elt)?;
                    b.emit(Instr::SetAdd(d));
                }
                CompKind::Dict => {
                    self.expr(b, elt)?;
                    self.expr(b, val.unwrap())?;
                    b.emit(Instr::MapAdd(d));
                }
                CompKind::Gen => {
                    self.expr(b, elt)?;
                    b.emit(Instr::Yield);
                    b.emit(Instr::Pop);
                }
            }
        }
        b.emit(Instr::Jump(top as u32));
        b.bind(end);
        Ok(())
    }

    fn comprehension<'a, T>(
        &mut self,
        b: &mut Builder<'a>,
        node: &'a T,
        kind: CompKind,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        gens: &'a [ast::Comprehension],
        r: TextRange,
    ) -> CResult<()> {
        let scope = self.scope_of(node);
        let name = match kind {
            CompKind::List => "<listcomp>",
            CompKind::Set => "<setcomp>",
            CompKind::Dict => "<dictcomp>",
            CompKind::Gen => "<genexpr>",
        };
        let line = self.source.line_of(r.start().to_usize());
        b.set_pos(r);
        let saved = self.comp_range.replace(r);
        let made = self.make_function(
            b,
            scope,
            name,
            None,
            None,
            FnBody::Comprehension(kind, elt, val, gens),
            line,
        );
        self.comp_range = saved;
        made?;
        self.expr(b, &gens[0].iter)?;
        b.set_pos(gens[0].iter.range());
        b.emit(Instr::GetIter);
        b.set_pos(r);
        b.emit(Instr::Call(1));
        Ok(())
    }

    // ---- expressions ----------------------------------------------------------------------------

    /// Jump to `target` when the truth of `e` equals `when`.
    fn cond_jump<'a>(
        &mut self,
        b: &mut Builder<'a>,
        e: &'a Expr,
        when: bool,
        target: usize,
    ) -> CResult<()> {
        match e {
            Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not => {
                return self.cond_jump(b, &u.operand, !when, target)
            }
            Expr::BoolOp(bo) => {
                let is_and = bo.op == ast::BoolOp::And;
                if is_and != when {
                    // and→jump-if-false / or→jump-if-true: every operand may jump directly.
                    for v in &bo.values {
                        self.cond_jump(b, v, when, target)?;
                    }
                } else {
                    let skip = b.new_label();
                    let n = bo.values.len();
                    for (i, v) in bo.values.iter().enumerate() {
                        if i + 1 < n {
                            self.cond_jump(b, v, !when, skip)?;
                        } else {
                            self.cond_jump(b, v, when, target)?;
                        }
                    }
                    b.bind(skip);
                }
                return Ok(());
            }
            _ => {}
        }
        self.expr(b, e)?;
        b.emit(if when {
            Instr::PopJumpIfTrue(target as u32)
        } else {
            Instr::PopJumpIfFalse(target as u32)
        });
        Ok(())
    }

    fn expr<'a>(&mut self, b: &mut Builder<'a>, e: &'a Expr) -> CResult<()> {
        if let Some(c) = self.const_value(e) {
            let i = b.add_const(c);
            b.emit(Instr::LoadConst(i));
            return Ok(());
        }
        let saved = b.pos;
        b.set_pos(e.range());
        let r = self.expr_inner(b, e);
        b.pos = saved;
        r
    }

    fn expr_inner<'a>(&mut self, b: &mut Builder<'a>, e: &'a Expr) -> CResult<()> {
        match e {
            Expr::Name(n) => self.load_name(b, &n.id),
            Expr::NumberLiteral(n) => {
                return Err(cerr(
                    match n.value {
                        ast::Number::Complex { .. } => "complex numbers are not supported",
                        _ => "invalid number literal",
                    },
                    n.range(),
                ))
            }
            Expr::BinOp(bo) => {
                self.expr(b, &bo.left)?;
                self.expr(b, &bo.right)?;
                b.set_pos(bo.range());
                b.pos.anchor =
                    Some(self.operator_anchor(bo.left.range().end(), bo.right.range().start()));
                b.emit(Instr::Binary(binop(bo.op)));
            }
            Expr::UnaryOp(u) => {
                self.expr(b, &u.operand)?;
                b.set_pos(u.range());
                b.emit(Instr::Unary(match u.op {
                    ast::UnaryOp::Not => UnOp::Not,
                    ast::UnaryOp::USub => UnOp::Neg,
                    ast::UnaryOp::UAdd => UnOp::Pos,
                    ast::UnaryOp::Invert => UnOp::Invert,
                }));
            }
            Expr::BoolOp(bo) => {
                let end = b.new_label();
                let n = bo.values.len();
                for (i, v) in bo.values.iter().enumerate() {
                    self.expr(b, v)?;
                    if i + 1 < n {
                        b.emit(if bo.op == ast::BoolOp::And {
                            Instr::JumpIfFalseOrPop(end as u32)
                        } else {
                            Instr::JumpIfTrueOrPop(end as u32)
                        });
                    }
                }
                b.bind(end);
            }
            Expr::Compare(c) => {
                let mut left: &Expr = &c.left;
                for (op, right) in c.ops.iter().zip(c.comparators.iter()) {
                    if matches!(op, ast::CmpOp::Is | ast::CmpOp::IsNot)
                        && (is_warn_literal(left) || is_warn_literal(right))
                    {
                        let msg = if *op == ast::CmpOp::Is {
                            "\"is\" with a literal. Did you mean \"==\"?"
                        } else {
                            "\"is not\" with a literal. Did you mean \"!=\"?"
                        };
                        self.warn(c.range(), msg);
                    }
                    left = right;
                }
                self.expr(b, &c.left)?;
                let n = c.ops.len();
                if n == 1 {
                    self.expr(b, &c.comparators[0])?;
                    b.set_pos(c.range());
                    b.emit(cmp_instr(c.ops[0]));
                } else {
                    let cleanup = b.new_label();
                    let end = b.new_label();
                    for (i, (op, right)) in c.ops.iter().zip(c.comparators.iter()).enumerate() {
                        self.expr(b, right)?;
                        b.set_pos(c.range());
                        if i + 1 < n {
                            b.emit(Instr::Swap(1));
                            b.emit(Instr::Copy(2));
                            b.emit(cmp_instr(*op));
                            b.emit(Instr::JumpIfFalseOrPop(cleanup as u32));
                        } else {
                            b.emit(cmp_instr(*op));
                        }
                    }
                    b.emit(Instr::Jump(end as u32));
                    b.bind(cleanup);
                    b.emit(Instr::Swap(1));
                    b.emit(Instr::Pop);
                    b.bind(end);
                }
            }
            Expr::Call(c) => self.call(b, c)?,
            Expr::Attribute(a) => {
                self.expr(b, &a.value)?;
                b.set_pos(a.range());
                let i = b.name_idx(&a.attr.id);
                b.emit(Instr::LoadAttr(i));
            }
            Expr::Subscript(s) => {
                self.check_subscript(s);
                self.expr(b, &s.value)?;
                self.expr(b, &s.slice)?;
                b.set_pos(s.range());
                b.pos.anchor = Some((s.value.range().end().to_u32(), s.range().end().to_u32()));
                b.emit(Instr::Subscr);
            }
            Expr::Slice(s) => {
                let n = if s.step.is_some() { 3 } else { 2 };
                for p in [&s.lower, &s.upper] {
                    match p {
                        Some(x) => self.expr(b, x)?,
                        None => {
                            let none = self.const_none();
                            let ci = b.add_const(none);
                            b.emit(Instr::LoadConst(ci));
                        }
                    }
                }
                if let Some(st) = &s.step {
                    self.expr(b, st)?;
                }
                b.emit(Instr::BuildSlice(n));
            }
            Expr::List(l) => self.sequence(b, &l.elts, SeqKind::List)?,
            Expr::Tuple(t) => self.sequence(b, &t.elts, SeqKind::Tuple)?,
            Expr::Set(s) => self.sequence(b, &s.elts, SeqKind::Set)?,
            Expr::Dict(d) => {
                let mut n = 0u32;
                let mut built = false;
                for it in &d.items {
                    match &it.key {
                        Some(k) => {
                            self.expr(b, k)?;
                            self.expr(b, &it.value)?;
                            n += 1;
                        }
                        None => {
                            if !built {
                                b.emit(Instr::BuildMap(n));
                                built = true;
                            } else if n > 0 {
                                b.emit(Instr::BuildMap(n));
                                b.emit(Instr::DictUpdate(1));
                            }
                            n = 0;
                            self.expr(b, &it.value)?;
                            b.emit(Instr::DictUpdate(1));
                        }
                    }
                }
                if !built {
                    b.emit(Instr::BuildMap(n));
                } else if n > 0 {
                    b.emit(Instr::BuildMap(n));
                    b.emit(Instr::DictUpdate(1));
                }
            }
            Expr::If(i) => {
                let orelse = b.new_label();
                let end = b.new_label();
                self.cond_jump(b, &i.test, false, orelse)?;
                self.expr(b, &i.body)?;
                b.emit(Instr::Jump(end as u32));
                b.bind(orelse);
                self.expr(b, &i.orelse)?;
                b.bind(end);
            }
            Expr::Lambda(l) => {
                let scope = self.scope_of(l);
                let line = self.source.line_of(l.range().start().to_usize());
                self.make_function(
                    b,
                    scope,
                    "<lambda>",
                    l.parameters.as_deref(),
                    None,
                    FnBody::Expr(&l.body),
                    line,
                )?;
            }
            Expr::ListComp(c) => {
                self.comprehension(b, c, CompKind::List, &c.elt, None, &c.generators, c.range())?
            }
            Expr::SetComp(c) => {
                self.comprehension(b, c, CompKind::Set, &c.elt, None, &c.generators, c.range())?
            }
            Expr::Generator(c) => {
                self.comprehension(b, c, CompKind::Gen, &c.elt, None, &c.generators, c.range())?
            }
            Expr::DictComp(c) => {
                let k = c
                    .key
                    .as_deref()
                    .ok_or_else(|| cerr("invalid dict comprehension", c.range()))?;
                self.comprehension(
                    b,
                    c,
                    CompKind::Dict,
                    k,
                    Some(&c.value),
                    &c.generators,
                    c.range(),
                )?
            }
            Expr::Yield(_) | Expr::YieldFrom(_)
                if self.symtable.scopes[b.scope].kind != ScopeKind::Function =>
            {
                return Err(cerr("'yield' outside function", e.range()));
            }
            Expr::Yield(y) => {
                match &y.value {
                    Some(v) => self.expr(b, v)?,
                    None => {
                        let none = self.const_none();
                        let ci = b.add_const(none);
                        b.emit(Instr::LoadConst(ci));
                    }
                }
                b.emit(Instr::Yield);
            }
            Expr::YieldFrom(y) => {
                self.expr(b, &y.value)?;
                b.emit(Instr::GetIter);
                b.emit(Instr::YieldFrom);
            }
            Expr::FString(f) => {
                let mut n = 0;
                for part in f.value.iter() {
                    match part {
                        ast::FStringPart::Literal(l) => {
                            let c = self.const_str(l.as_str());
                            let ci = b.add_const(c);
                            b.emit(Instr::LoadConst(ci));
                            n += 1;
                        }
                        ast::FStringPart::FString(fs) => {
                            n += self.fstring_elements(b, &fs.elements)?;
                        }
                    }
                }
                if n != 1 {
                    b.emit(Instr::BuildString(n));
                }
            }
            Expr::Named(nm) => {
                self.expr(b, &nm.value)?;
                b.emit(Instr::Dup);
                self.assign(b, &nm.target)?;
            }
            Expr::Starred(s) => return Err(cerr("can't use starred expression here", s.range())),
            Expr::Await(a) => {
                let msg = if self.symtable.scopes[b.scope].kind == ScopeKind::Function {
                    "'await' outside async function"
                } else {
                    "'await' outside function"
                };
                return Err(cerr(msg, a.range()));
            }
            _ => return Err(cerr("invalid syntax", e.range())),
        }
        Ok(())
    }

    fn fstring_elements<'a>(
        &mut self,
        b: &mut Builder<'a>,
        els: &'a ast::InterpolatedStringElements,
    ) -> CResult<u32> {
        let mut n = 0;
        for el in els.iter() {
            match el {
                ast::InterpolatedStringElement::Literal(l) => {
                    let c = self.const_str(&l.value);
                    let ci = b.add_const(c);
                    b.emit(Instr::LoadConst(ci));
                    n += 1;
                }
                ast::InterpolatedStringElement::Interpolation(i) => {
                    let mut conv = match i.conversion {
                        ast::ConversionFlag::None => 0,
                        ast::ConversionFlag::Str => 1,
                        ast::ConversionFlag::Repr => 2,
                        ast::ConversionFlag::Ascii => 3,
                    };
                    if let Some(d) = &i.debug_text {
                        let text = format!("{}{}{}", d.leading(), d.expression(), d.trailing());
                        let c = self.const_str(&text);
                        let ci = b.add_const(c);
                        b.emit(Instr::LoadConst(ci));
                        n += 1;
                        if conv == 0 && i.format_spec.is_none() {
                            conv = 2;
                        }
                    }
                    self.expr(b, &i.expression)?;
                    let has_spec = match &i.format_spec {
                        Some(spec) => {
                            let k = self.fstring_elements(b, &spec.elements)?;
                            if k != 1 {
                                b.emit(Instr::BuildString(k));
                            }
                            true
                        }
                        None => false,
                    };
                    b.set_pos(i.expression.range());
                    b.emit(Instr::FormatValue(conv, has_spec));
                    n += 1;
                }
            }
        }
        Ok(n)
    }

    fn operator_anchor(
        &self,
        left_end: ruff_text_size::TextSize,
        right_start: ruff_text_size::TextSize,
    ) -> (u32, u32) {
        let text = &self.source.text;
        let (a, z) = (left_end.to_usize(), right_start.to_usize());
        let seg = &text[a..z];
        let mut start = a;
        for (i, ch) in seg.char_indices() {
            if !ch.is_whitespace() && ch != ')' && ch != '\\' {
                start = a + i;
                break;
            }
        }
        let mut end = start;
        for ch in text[start..z].chars() {
            if ch.is_whitespace() || ch == '(' {
                break;
            }
            end += ch.len_utf8();
        }
        (start as u32, end as u32)
    }

    fn sequence<'a>(
        &mut self,
        b: &mut Builder<'a>,
        elts: &'a [Expr],
        kind: SeqKind,
    ) -> CResult<()> {
        let has_star = elts.iter().any(|e| matches!(e, Expr::Starred(_)));
        if kind != SeqKind::Tuple && !has_star && elts.len() >= 3 {
            // Like CPython: a list (set) display of 3+ constants is BUILD_LIST 0 + LIST_EXTEND of a constant
            // tuple (BUILD_SET 0 + SET_UPDATE of a constant frozenset, which sizes the set's table at once).
            let consts: Option<Vec<ObjRef>> = elts
                .iter()
                .map(|e| match e {
                    Expr::Tuple(_) => None,
                    e => self.const_value(e),
                })
                .collect();
            if let Some(frozen) = consts.as_ref().filter(|_| kind == SeqKind::Set) {
                if let Some(frozen) = constant_frozenset(frozen) {
                    b.emit(Instr::BuildSet(0));
                    let ci = b.add_const(frozen);
                    b.emit(Instr::LoadConst(ci));
                    b.emit(Instr::SetUpdate(1));
                    return Ok(());
                }
            } else if let Some(items) = consts {
                let t = rt::tuple(items);
                b.emit(Instr::BuildList(0));
                let ci = b.add_const(t);
                b.emit(Instr::LoadConst(ci));
                b.emit(Instr::ListExtend(1));
                return Ok(());
            }
        }
        if !has_star {
            for e in elts {
                self.expr(b, e)?;
            }
            let n = elts.len() as u32;
            b.emit(match kind {
                SeqKind::List => Instr::BuildList(n),
                SeqKind::Tuple => Instr::BuildTuple(n),
                SeqKind::Set => Instr::BuildSet(n),
            });
            return Ok(());
        }
        if kind == SeqKind::Set {
            b.emit(Instr::BuildSet(0));
        } else {
            b.emit(Instr::BuildList(0));
        }
        for e in elts {
            match e {
                Expr::Starred(s) => {
                    self.expr(b, &s.value)?;
                    b.emit(if kind == SeqKind::Set {
                        Instr::SetUpdate(1)
                    } else {
                        Instr::ListExtend(1)
                    });
                }
                e => {
                    self.expr(b, e)?;
                    b.emit(if kind == SeqKind::Set {
                        Instr::SetAdd(1)
                    } else {
                        Instr::ListAppend(1)
                    });
                }
            }
        }
        if kind == SeqKind::Tuple {
            b.emit(Instr::ListToTuple);
        }
        Ok(())
    }

    /// Record a compile-time SyntaxWarning the way CPython's warnings module prints it.
    fn warn(&mut self, r: TextRange, msg: &str) {
        let line = self.source.line_of(r.start().to_usize());
        let text = self.source.line_text(line).trim().to_string();
        self.warnings.push(format!(
            "{}:{}: SyntaxWarning: {}\n  {}\n",
            self.source.filename, line, msg, text
        ));
    }

    /// CPython's `check_subscripter` and `check_index`: warn about subscripting a value whose type
    /// cannot be subscripted, or indexing a sequence display with a non-integer constant.
    fn check_subscript(&mut self, s: &ast::ExprSubscript) {
        let value = infer_type(&s.value);
        let subscriptable = matches!(
            &*s.value,
            Expr::StringLiteral(_)
                | Expr::BytesLiteral(_)
                | Expr::FString(_)
                | Expr::Tuple(_)
                | Expr::List(_)
                | Expr::ListComp(_)
                | Expr::Dict(_)
                | Expr::DictComp(_)
        );
        if let (false, Some(kind)) = (subscriptable, value) {
            let msg = format!("'{kind}' object is not subscriptable; perhaps you missed a comma?");
            self.warn(s.range(), &msg);
            return;
        }
        let sequence = matches!(value, Some("str" | "bytes" | "tuple" | "list"));
        let index = infer_type(&s.slice).filter(|&t| t != "int" && t != "bool");
        if let (true, Some(kind), Some(index)) = (sequence, value, index) {
            let msg = format!(
                "{kind} indices must be integers or slices, not {index}; perhaps you missed a comma?"
            );
            self.warn(s.range(), &msg);
        }
    }

    fn call<'a>(&mut self, b: &mut Builder<'a>, c: &'a ast::ExprCall) -> CResult<()> {
        // CPython's `check_caller`: every inferable type but a function's is not callable.
        let literal_kind = infer_type(&c.func).filter(|&t| t != "function");
        if let Some(kind) = literal_kind {
            self.warn(
                c.range(),
                &format!(
                    "'{}' object is not callable; perhaps you missed a comma?",
                    kind
                ),
            );
        }
        let args = &c.arguments.args;
        let kws = &c.arguments.keywords;
        let has_star = args.iter().any(|a| matches!(a, Expr::Starred(_)))
            || kws.iter().any(|k| k.arg.is_none());
        let range = c.range();
        if let Expr::Name(n) = &*c.func {
            let sc = &self.symtable.scopes[b.scope];
            if n.id.as_str() == "super"
                && args.is_empty()
                && kws.is_empty()
                && sc.kind == ScopeKind::Function
                && sc.frees.iter().any(|f| f == "__class__")
                && !b.varnames.is_empty()
                && b.argcount + b.kwonly > 0
            {
                // CPython calls super with no arguments (it reads them from the frame).
                b.stack_note(StackNote::Extra(1));
                self.load_name(b, "super");
                let ci = b.cell_idx("__class__");
                b.stack_note(StackNote::Effect(-1));
                b.emit(Instr::LoadDeref(ci));
                let first = b.varnames[0].clone();
                b.stack_note(StackNote::Effect(-1));
                self.load_name(b, &first);
                b.set_pos(range);
                b.stack_note(StackNote::Extra(-1));
                b.stack_note(StackNote::Effect(2));
                b.emit(Instr::Call(2));
                return Ok(());
            }
        }
        if !has_star && kws.is_empty() {
            if let Expr::Attribute(a) = &*c.func {
                self.expr(b, &a.value)?;
                b.set_pos(a.range());
                let i = b.name_idx(&a.attr.id);
                b.emit(Instr::LoadMethod(i));
                for x in args.iter() {
                    self.expr(b, x)?;
                }
                b.set_pos(range);
                b.emit(Instr::CallMethod(args.len() as u32, i));
                return Ok(());
            }
        }
        // CPython pushes a NULL under a callable that is not a method, popped by the call.
        b.stack_note(StackNote::Extra(1));
        self.expr(b, &c.func)?;
        if !has_star {
            for x in args.iter() {
                self.expr(b, x)?;
            }
            if kws.is_empty() {
                b.set_pos(range);
                b.stack_note(StackNote::Extra(-1));
                b.emit(Instr::Call(args.len() as u32));
            } else {
                let mut names = Vec::new();
                for k in kws.iter() {
                    self.expr(b, &k.value)?;
                    names.push(rt::intern(k.arg.as_ref().unwrap().id.as_str()));
                }
                let t = b.add_const(rt::tuple(names));
                b.set_pos(range);
                b.stack_note(StackNote::Extra(-1));
                b.emit(Instr::CallKw((args.len() + kws.len()) as u32, t));
            }
            return Ok(());
        }
        // Star call: build a tuple of positionals and a dict of keywords.
        b.emit(Instr::BuildList(0));
        for x in args.iter() {
            match x {
                Expr::Starred(s) => {
                    self.expr(b, &s.value)?;
                    b.emit(Instr::ListExtend(1));
                }
                x => {
                    self.expr(b, x)?;
                    b.emit(Instr::ListAppend(1));
                }
            }
        }
        b.emit(Instr::ListToTuple);
        let has_kw = !kws.is_empty();
        if has_kw {
            b.emit(Instr::BuildMap(0));
            for k in kws.iter() {
                match &k.arg {
                    Some(a) => {
                        let ks = self.const_str(&a.id);
                        let ki = b.add_const(ks);
                        b.emit(Instr::LoadConst(ki));
                        self.expr(b, &k.value)?;
                        b.emit(Instr::BuildMap(1));
                        b.emit(Instr::DictMerge(1));
                    }
                    None => {
                        self.expr(b, &k.value)?;
                        b.emit(Instr::DictMerge(1));
                    }
                }
            }
        }
        b.set_pos(range);
        b.stack_note(StackNote::Extra(-1));
        b.emit(Instr::CallEx(has_kw));
        Ok(())
    }
}

impl std::ops::Deref for Unit {
    type Target = Rc<Source>;
    fn deref(&self) -> &Rc<Source> {
        &self.source
    }
}

#[derive(Copy, Clone, PartialEq, Eq)]
enum CompKind {
    List,
    Set,
    Dict,
    Gen,
}

#[derive(Copy, Clone, PartialEq, Eq)]
enum SeqKind {
    List,
    Tuple,
    Set,
}

enum FnBody<'a> {
    Stmts(&'a [Stmt]),
    Expr(&'a Expr),
    Comprehension(
        CompKind,
        &'a Expr,
        Option<&'a Expr>,
        &'a [ast::Comprehension],
    ),
}

fn binop(op: ast::Operator) -> BinOp {
    match op {
        ast::Operator::Add => BinOp::Add,
        ast::Operator::Sub => BinOp::Sub,
        ast::Operator::Mult => BinOp::Mul,
        ast::Operator::MatMult => BinOp::MatMul,
        ast::Operator::Div => BinOp::TrueDiv,
        ast::Operator::Mod => BinOp::Mod,
        ast::Operator::Pow => BinOp::Pow,
        ast::Operator::LShift => BinOp::LShift,
        ast::Operator::RShift => BinOp::RShift,
        ast::Operator::BitOr => BinOp::Or,
        ast::Operator::BitXor => BinOp::Xor,
        ast::Operator::BitAnd => BinOp::And,
        ast::Operator::FloorDiv => BinOp::FloorDiv,
    }
}

fn cmp_instr(op: ast::CmpOp) -> Instr {
    match op {
        ast::CmpOp::Eq => Instr::Compare(CmpOp::Eq),
        ast::CmpOp::NotEq => Instr::Compare(CmpOp::Ne),
        ast::CmpOp::Lt => Instr::Compare(CmpOp::Lt),
        ast::CmpOp::LtE => Instr::Compare(CmpOp::Le),
        ast::CmpOp::Gt => Instr::Compare(CmpOp::Gt),
        ast::CmpOp::GtE => Instr::Compare(CmpOp::Ge),
        ast::CmpOp::Is => Instr::Is(false),
        ast::CmpOp::IsNot => Instr::Is(true),
        ast::CmpOp::In => Instr::Contains(false),
        ast::CmpOp::NotIn => Instr::Contains(true),
    }
}

/// Literals that make `is` comparisons warn (None, True, False and ... are singletons, so they do not).
/// The type of a display or literal known without running it (CPython's `infer_type`).
fn infer_type(e: &Expr) -> Option<&'static str> {
    Some(match e {
        Expr::NumberLiteral(n) => match n.value {
            ast::Number::Int(_) => "int",
            ast::Number::Float(_) => "float",
            ast::Number::Complex { .. } => "complex",
        },
        Expr::StringLiteral(_) | Expr::FString(_) => "str",
        Expr::BytesLiteral(_) => "bytes",
        Expr::Tuple(_) => "tuple",
        Expr::List(_) | Expr::ListComp(_) => "list",
        Expr::Dict(_) | Expr::DictComp(_) => "dict",
        Expr::Set(_) | Expr::SetComp(_) => "set",
        Expr::Generator(_) => "generator",
        Expr::Lambda(_) => "function",
        Expr::NoneLiteral(_) => "NoneType",
        Expr::BooleanLiteral(_) => "bool",
        Expr::EllipsisLiteral(_) => "ellipsis",
        _ => return None,
    })
}

fn is_warn_literal(e: &Expr) -> bool {
    matches!(
        e,
        Expr::NumberLiteral(_) | Expr::StringLiteral(_) | Expr::BytesLiteral(_) | Expr::FString(_)
    ) || matches!(e, Expr::Tuple(t) if !t.elts.is_empty())
}

/// Fold `l op r` for constants, within CPython's limits (no huge results, no errors at compile time).
fn fold_binop(l: &ObjRef, r: &ObjRef, op: BinOp) -> Option<ObjRef> {
    use crate::objects::{FloatObj, IntObj, StrObj};
    let numeric =
        |o: &ObjRef| o.downcast::<IntObj>().is_some() || o.downcast::<FloatObj>().is_some();
    let is_str = |o: &ObjRef| o.downcast::<StrObj>().is_some();
    let ok = (numeric(l) && numeric(r))
        || (is_str(l) && is_str(r) && op == BinOp::Add)
        || (is_str(l) && r.downcast::<IntObj>().is_some() && op == BinOp::Mul);
    if !ok {
        return None;
    }
    if op == BinOp::Pow || op == BinOp::LShift {
        let e = crate::ops::as_i64(r)?;
        if !(0..=128).contains(&e) {
            return None;
        }
    }
    let v = crate::ops::binary(l, r, op).ok()?;
    if let Some(s) = crate::ops::str_of(&v) {
        if s.chars().count() > 4096 {
            return None;
        }
    }
    if let Some(i) = crate::ops::as_bigint(&v) {
        if i.bits() > 128 {
            return None;
        }
    }
    Some(v)
}

/// Parse an int literal's source text (with `_`, `0x`, `0o`, `0b`).
pub fn parse_int_literal(s: &str) -> Option<BigInt> {
    let s: String = s.chars().filter(|&c| c != '_').collect();
    let lower = s.to_ascii_lowercase();
    let (digits, radix) = if let Some(r) = lower.strip_prefix("0x") {
        (r.to_string(), 16)
    } else if let Some(r) = lower.strip_prefix("0o") {
        (r.to_string(), 8)
    } else if let Some(r) = lower.strip_prefix("0b") {
        (r.to_string(), 2)
    } else {
        (lower, 10)
    };
    BigInt::parse_bytes(digits.as_bytes(), radix)
}

/// A frozenset of constants, built as `PyFrozenSet_New` adds them (`None` if one is unhashable).
fn constant_frozenset(items: &[ObjRef]) -> Option<ObjRef> {
    let s = rt::set(true);
    let table = &s.downcast::<crate::objects::SetObj>()?.table;
    for it in items {
        if !crate::objects::dict::contains(table, it).ok()? {
            crate::objects::dict::insert(table, it.clone(), None).ok()?;
        }
    }
    Some(s)
}

/// Whether a module or class body annotates a name anywhere outside nested functions and classes
/// (CPython's `find_ann`): the body then starts by creating `__annotations__`.
fn has_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|s| match s {
        Stmt::AnnAssign(_) => true,
        Stmt::For(f) => has_annotations(&f.body) || has_annotations(&f.orelse),
        Stmt::While(w) => has_annotations(&w.body) || has_annotations(&w.orelse),
        Stmt::If(i) => {
            has_annotations(&i.body) || i.elif_else_clauses.iter().any(|c| has_annotations(&c.body))
        }
        Stmt::With(w) => has_annotations(&w.body),
        Stmt::Try(t) => {
            has_annotations(&t.body)
                || has_annotations(&t.orelse)
                || has_annotations(&t.finalbody)
                || t.handlers.iter().any(|h| match h {
                    ast::ExceptHandler::ExceptHandler(h) => has_annotations(&h.body),
                })
        }
        Stmt::Match(m) => m.cases.iter().any(|c| has_annotations(&c.body)),
        _ => false,
    })
}

/// The `from __future__ import …` statements that open a module (after its docstring), as CPython's
/// `future.c` reads them: returns whether `annotations` is on. Unknown features are SyntaxErrors;
/// a future import anywhere later is one too.
fn future_features(body: &[Stmt]) -> CResult<bool> {
    const KNOWN: [&str; 10] = [
        "nested_scopes",
        "generators",
        "division",
        "absolute_import",
        "with_statement",
        "print_function",
        "unicode_literals",
        "barry_as_FLUFL",
        "generator_stop",
        "annotations",
    ];
    let is_future = |s: &Stmt| {
        matches!(s, Stmt::ImportFrom(i)
            if i.level == 0 && i.module.as_ref().is_some_and(|m| m.id.as_str() == "__future__"))
    };
    let mut annotations = false;
    let mut at_start = true;
    for (i, s) in body.iter().enumerate() {
        let docstring =
            i == 0 && matches!(s, Stmt::Expr(e) if matches!(&*e.value, Expr::StringLiteral(_)));
        if docstring {
            continue;
        }
        if !is_future(s) {
            at_start = false;
            continue;
        }
        if !at_start {
            return Err(cerr(
                "from __future__ imports must occur at the beginning of the file",
                s.range(),
            ));
        }
        let Stmt::ImportFrom(imp) = s else { continue };
        let at_statement = TextRange::at(s.range().start(), 1.into());
        for alias in &imp.names {
            match alias.name.id.as_str() {
                "annotations" => annotations = true,
                "braces" => return Err(cerr("not a chance", at_statement)),
                name if KNOWN.contains(&name) => {}
                name => {
                    return Err(cerr(
                        format!("future feature {} is not defined", name),
                        at_statement,
                    ))
                }
            }
        }
    }
    Ok(annotations)
}

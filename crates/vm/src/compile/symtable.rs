//! Scope analysis: which names are fast locals, cells, free variables, globals or namespace names.
//!
//! Scopes are keyed by the address of their AST node (the AST is borrowed and does not move during
//! compilation).

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
}

#[derive(Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    pub parent: Option<usize>,
    /// Names bound in this scope (assignment, def, import, params…).
    pub bound: Vec<String>,
    pub used: HashSet<String>,
    pub globals: HashSet<String>,
    pub nonlocals: HashSet<String>,
    pub params: Vec<String>,
    /// Resolved: names that live in cells created by this scope.
    pub cells: Vec<String>,
    /// Resolved: names this scope receives from enclosing scopes.
    pub frees: Vec<String>,
    pub uses_super: bool,
    pub children: Vec<usize>,
    pub is_generator: bool,
    /// For a comprehension's scope, its kind as CPython names it in errors ("list comprehension"…).
    pub comprehension: Option<&'static str>,
    /// How each name has been used so far, in first-seen order (CPython's `DEF_*`/`USE` flags): the
    /// `global`/`nonlocal` checks depend on what came before the declaration.
    symbols: Vec<(String, u8)>,
    symbol_index: HashMap<String, usize>,
    /// The range of the first `global`/`nonlocal` statement naming each name (errors point at it).
    directives: HashMap<String, TextRange>,
    /// The innermost enclosing class's name, which `__private` names are mangled with (CPython's
    /// `st_private`): the class's own body and every function nested in it.
    pub private: Option<String>,
}

/// CPython's `_Py_Mangle`: inside class `C`, a name `__x` (two leading underscores, not a dunder, no dot)
/// stands for `_C__x`; the class name loses its leading underscores, and an all-underscore one mangles
/// nothing. Every name the compiler binds, loads or looks up as an attribute goes through this.
pub fn mangle<'n>(private: Option<&str>, name: &'n str) -> Cow<'n, str> {
    let Some(class) = private else {
        return Cow::Borrowed(name);
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return Cow::Borrowed(name);
    }
    let class = class.trim_start_matches('_');
    if class.is_empty() {
        return Cow::Borrowed(name);
    }
    Cow::Owned(format!("_{}{}", class, name))
}

/// Symbol flags, as in CPython's symtable.
const DEF_LOCAL: u8 = 1;
const DEF_PARAM: u8 = 2;
const USE: u8 = 4;
const DEF_ANNOT: u8 = 8;
const DEF_GLOBAL: u8 = 16;
const DEF_NONLOCAL: u8 = 32;
const DEF_IMPORT: u8 = 64;

impl Scope {
    fn new(kind: ScopeKind, parent: Option<usize>) -> Scope {
        Scope {
            kind,
            parent,
            bound: Vec::new(),
            used: HashSet::new(),
            globals: HashSet::new(),
            nonlocals: HashSet::new(),
            params: Vec::new(),
            cells: Vec::new(),
            frees: Vec::new(),
            uses_super: false,
            children: Vec::new(),
            is_generator: false,
            comprehension: None,
            symbols: Vec::new(),
            symbol_index: HashMap::new(),
            directives: HashMap::new(),
            private: None,
        }
    }

    fn flags(&self, n: &str) -> u8 {
        self.symbol_index.get(n).map_or(0, |&i| self.symbols[i].1)
    }

    fn add_flags(&mut self, n: &str, f: u8) {
        match self.symbol_index.get(n) {
            Some(&i) => self.symbols[i].1 |= f,
            None => {
                self.symbol_index.insert(n.to_string(), self.symbols.len());
                self.symbols.push((n.to_string(), f));
            }
        }
    }

    pub fn is_bound(&self, n: &str) -> bool {
        self.bound.iter().any(|b| b == n)
            && !self.globals.contains(n)
            && !self.nonlocals.contains(n)
    }

    fn bind(&mut self, n: &str) {
        self.bind_as(n, DEF_LOCAL);
    }

    /// Bind `n`, recording how (an import is not an assignment for the `global` check).
    fn bind_as(&mut self, n: &str, how: u8) {
        self.add_flags(n, how);
        if !self.bound.iter().any(|b| b == n) {
            self.bound.push(n.to_string());
        }
    }
}

/// How a name is accessed in a given scope.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Access {
    Fast,
    Deref,
    GlobalExplicit,
    GlobalImplicit,
    Name,
    ClassDeref,
}

pub struct SymTable {
    pub scopes: Vec<Scope>,
    pub by_node: HashMap<usize, usize>,
    /// The first SyntaxError found, with the range CPython underlines.
    pub error: Option<(String, TextRange)>,
}

/// A function's parameter names in the order of its code object's variables: positional (and
/// positional-only), keyword-only, `*args`, `**kwargs`.
pub fn parameter_names(p: &ast::Parameters) -> impl Iterator<Item = &ast::Identifier> {
    p.posonlyargs
        .iter()
        .chain(p.args.iter())
        .chain(p.kwonlyargs.iter())
        .map(|a| &a.parameter.name)
        .chain(p.vararg.iter().map(|v| &v.name))
        .chain(p.kwarg.iter().map(|v| &v.name))
}

pub fn key<T>(node: &T) -> usize {
    node as *const T as usize
}

impl SymTable {
    pub fn build(body: &[Stmt], interactive: bool) -> SymTable {
        let mut st = SymTable {
            scopes: vec![Scope::new(ScopeKind::Module, None)],
            by_node: HashMap::new(),
            error: None,
        };
        let _ = interactive;
        for s in body {
            st.stmt(0, s);
        }
        st.check_declarations();
        st.resolve();
        st
    }

    /// Record a SyntaxError unless an earlier one was found (CPython stops at the first).
    fn fail(&mut self, msg: String, r: TextRange) {
        if self.error.is_none() {
            self.error = Some((msg, r));
        }
    }

    /// A `global`/`nonlocal` statement: the name must not have been used, bound, annotated or be a
    /// parameter earlier in the scope (CPython's `symtable_visit_stmt`).
    fn declare(&mut self, sc: usize, s: &Stmt, names: &[ast::Identifier], global: bool) {
        let (kind, flag) = if global {
            ("global", DEF_GLOBAL)
        } else {
            ("nonlocal", DEF_NONLOCAL)
        };
        for n in names {
            let m = self.mangled(sc, &n.id);
            let cur = self.scopes[sc].flags(&m);
            let msg = if cur & DEF_PARAM != 0 {
                Some(format!("name '{}' is parameter and {}", n.id, kind))
            } else if cur & USE != 0 {
                Some(format!(
                    "name '{}' is used prior to {} declaration",
                    n.id, kind
                ))
            } else if cur & DEF_ANNOT != 0 {
                Some(format!("annotated name '{}' can't be {}", n.id, kind))
            } else if cur & DEF_LOCAL != 0 {
                Some(format!(
                    "name '{}' is assigned to before {} declaration",
                    n.id, kind
                ))
            } else {
                None
            };
            if let Some(msg) = msg {
                self.fail(msg, s.range());
                return;
            }
            let scope = &mut self.scopes[sc];
            scope.add_flags(&m, flag);
            scope.directives.entry(m.clone()).or_insert(s.range());
            if global {
                scope.globals.insert(m);
            } else {
                scope.nonlocals.insert(m);
            }
        }
    }

    /// The checks CPython's `analyze_name` makes once every scope is known, in its order (scopes top
    /// down, names in first-seen order).
    fn check_declarations(&mut self) {
        for sc in 0..self.scopes.len() {
            let scope = &self.scopes[sc];
            for (name, flags) in &scope.symbols {
                let at = scope.directives.get(name).copied().unwrap_or_default();
                let msg = if flags & DEF_GLOBAL != 0 && flags & DEF_NONLOCAL != 0 {
                    format!("name '{}' is nonlocal and global", name)
                } else if flags & DEF_NONLOCAL == 0 {
                    continue;
                } else if scope.kind == ScopeKind::Module {
                    "nonlocal declaration not allowed at module level".to_string()
                } else if self.find_binding(sc, name).is_none() {
                    format!("no binding for nonlocal '{}' found", name)
                } else {
                    continue;
                };
                self.fail(msg, at);
                return;
            }
        }
    }

    /// `name` as scope `sc` binds or reads it (mangled inside a class).
    fn mangled(&self, sc: usize, name: &str) -> String {
        mangle(self.scopes[sc].private.as_deref(), name).into_owned()
    }

    fn bind(&mut self, sc: usize, name: &str) {
        let m = self.mangled(sc, name);
        self.scopes[sc].bind(&m);
    }

    fn new_scope(&mut self, kind: ScopeKind, parent: usize, node: usize) -> usize {
        let id = self.scopes.len();
        let mut scope = Scope::new(kind, Some(parent));
        scope.private = self.scopes[parent].private.clone();
        self.scopes.push(scope);
        self.scopes[parent].children.push(id);
        self.by_node.insert(node, id);
        id
    }

    fn params(&mut self, sc: usize, p: &ast::Parameters) {
        let names: Vec<String> = parameter_names(p)
            .map(|n| self.mangled(sc, &n.id))
            .collect();
        self.scopes[sc].params.extend(names);
        let names = self.scopes[sc].params.clone();
        for n in names {
            self.scopes[sc].add_flags(&n, DEF_PARAM);
            self.scopes[sc].bind(&n);
        }
    }

    /// Defaults and annotations are evaluated in the enclosing scope.
    fn param_exprs(&mut self, sc: usize, p: &ast::Parameters) {
        for a in p
            .posonlyargs
            .iter()
            .chain(p.args.iter())
            .chain(p.kwonlyargs.iter())
        {
            if let Some(d) = &a.default {
                self.expr(sc, d);
            }
            if let Some(an) = &a.parameter.annotation {
                self.expr(sc, an);
            }
        }
        for v in [&p.vararg, &p.kwarg].into_iter().flatten() {
            if let Some(an) = &v.annotation {
                self.expr(sc, an);
            }
        }
    }

    fn stmts(&mut self, sc: usize, body: &[Stmt]) {
        for s in body {
            self.stmt(sc, s);
        }
    }

    fn stmt(&mut self, sc: usize, s: &Stmt) {
        match s {
            Stmt::FunctionDef(f) => {
                for d in &f.decorator_list {
                    self.expr(sc, &d.expression);
                }
                self.param_exprs(sc, &f.parameters);
                if let Some(r) = &f.returns {
                    self.expr(sc, r);
                }
                self.bind(sc, &f.name.id);
                let fs = self.new_scope(ScopeKind::Function, sc, key(f));
                self.params(fs, &f.parameters);
                self.stmts(fs, &f.body);
            }
            Stmt::ClassDef(c) => {
                for d in &c.decorator_list {
                    self.expr(sc, &d.expression);
                }
                if let Some(a) = &c.arguments {
                    for e in a.args.iter() {
                        self.expr(sc, e);
                    }
                    for k in a.keywords.iter() {
                        self.expr(sc, &k.value);
                    }
                }
                self.bind(sc, &c.name.id);
                let cs = self.new_scope(ScopeKind::Class, sc, key(c));
                self.scopes[cs].private = Some(c.name.id.to_string());
                self.stmts(cs, &c.body);
            }
            Stmt::Return(r) => {
                if let Some(v) = &r.value {
                    self.expr(sc, v);
                }
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.target(sc, t);
                }
            }
            Stmt::Assign(a) => {
                self.expr(sc, &a.value);
                for t in &a.targets {
                    self.target(sc, t);
                }
            }
            Stmt::AugAssign(a) => {
                self.expr(sc, &a.value);
                if let Expr::Name(n) = &*a.target {
                    let m = self.mangled(sc, &n.id);
                    self.scopes[sc].used.insert(m);
                }
                self.target(sc, &a.target);
            }
            Stmt::AnnAssign(a) => {
                if let Expr::Name(n) = &*a.target {
                    let m = self.mangled(sc, &n.id);
                    let cur = self.scopes[sc].flags(&m);
                    if cur & (DEF_GLOBAL | DEF_NONLOCAL) != 0
                        && self.scopes[sc].kind != ScopeKind::Module
                        && a.simple
                    {
                        let kind = if cur & DEF_GLOBAL != 0 {
                            "global"
                        } else {
                            "nonlocal"
                        };
                        self.fail(
                            format!("annotated name '{}' can't be {}", n.id, kind),
                            s.range(),
                        );
                    }
                    self.scopes[sc].add_flags(&m, DEF_ANNOT);
                }
                if let Some(v) = &a.value {
                    self.expr(sc, v);
                }
                if self.scopes[sc].kind != ScopeKind::Function {
                    self.expr(sc, &a.annotation);
                }
                if a.value.is_some() || matches!(&*a.target, Expr::Name(_)) {
                    self.target(sc, &a.target);
                }
            }
            Stmt::For(f) => {
                self.expr(sc, &f.iter);
                self.target(sc, &f.target);
                self.stmts(sc, &f.body);
                self.stmts(sc, &f.orelse);
            }
            Stmt::While(w) => {
                self.expr(sc, &w.test);
                self.stmts(sc, &w.body);
                self.stmts(sc, &w.orelse);
            }
            Stmt::If(i) => {
                self.expr(sc, &i.test);
                self.stmts(sc, &i.body);
                for c in &i.elif_else_clauses {
                    if let Some(t) = &c.test {
                        self.expr(sc, t);
                    }
                    self.stmts(sc, &c.body);
                }
            }
            Stmt::With(w) => {
                for it in &w.items {
                    self.expr(sc, &it.context_expr);
                    if let Some(v) = &it.optional_vars {
                        self.target(sc, v);
                    }
                }
                self.stmts(sc, &w.body);
            }
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.expr(sc, e);
                }
                if let Some(e) = &r.cause {
                    self.expr(sc, e);
                }
            }
            Stmt::Try(t) => {
                self.stmts(sc, &t.body);
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(e) = &h.type_ {
                        self.expr(sc, e);
                    }
                    if let Some(n) = &h.name {
                        self.bind(sc, &n.id);
                    }
                    self.stmts(sc, &h.body);
                }
                self.stmts(sc, &t.orelse);
                self.stmts(sc, &t.finalbody);
            }
            Stmt::Assert(a) => {
                self.expr(sc, &a.test);
                if let Some(m) = &a.msg {
                    self.expr(sc, m);
                }
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    let n = match &a.asname {
                        Some(n) => n.id.as_str(),
                        None => a.name.id.split('.').next().unwrap_or(""),
                    };
                    let m = self.mangled(sc, n);
                    self.scopes[sc].bind_as(&m, DEF_IMPORT);
                }
            }
            Stmt::ImportFrom(i) => {
                for a in &i.names {
                    let n = a.asname.as_ref().unwrap_or(&a.name);
                    if n.id.as_str() != "*" {
                        let m = self.mangled(sc, &n.id);
                        self.scopes[sc].bind_as(&m, DEF_IMPORT);
                    } else if self.scopes[sc].kind != ScopeKind::Module {
                        self.fail("import * only allowed at module level".into(), a.range());
                    }
                }
            }
            Stmt::Global(g) => self.declare(sc, s, &g.names, true),
            Stmt::Nonlocal(g) => self.declare(sc, s, &g.names, false),
            Stmt::Expr(e) => self.expr(sc, &e.value),
            Stmt::Match(m) => {
                self.expr(sc, &m.subject);
                for case in &m.cases {
                    self.pattern(sc, &case.pattern);
                    if let Some(g) = &case.guard {
                        self.expr(sc, g);
                    }
                    self.stmts(sc, &case.body);
                }
            }
            _ => {}
        }
    }

    /// A `case` pattern: its captures bind names, its values and classes are expressions.
    fn pattern(&mut self, sc: usize, p: &ast::Pattern) {
        use ast::Pattern;
        match p {
            Pattern::MatchValue(v) => self.expr(sc, &v.value),
            Pattern::MatchSingleton(_) => {}
            Pattern::MatchSequence(s) => s.patterns.iter().for_each(|p| self.pattern(sc, p)),
            Pattern::MatchMapping(m) => {
                m.keys.iter().for_each(|k| self.expr(sc, k));
                m.patterns.iter().for_each(|p| self.pattern(sc, p));
                if let Some(rest) = &m.rest {
                    self.bind(sc, &rest.id);
                }
            }
            Pattern::MatchClass(c) => {
                self.expr(sc, &c.cls);
                c.arguments
                    .patterns
                    .iter()
                    .for_each(|p| self.pattern(sc, p));
                for k in &c.arguments.keywords {
                    self.pattern(sc, &k.pattern);
                }
            }
            Pattern::MatchStar(s) => {
                if let Some(n) = &s.name {
                    self.bind(sc, &n.id);
                }
            }
            Pattern::MatchAs(a) => {
                if let Some(p) = &a.pattern {
                    self.pattern(sc, p);
                }
                if let Some(n) = &a.name {
                    self.bind(sc, &n.id);
                }
            }
            Pattern::MatchOr(o) => o.patterns.iter().for_each(|p| self.pattern(sc, p)),
        }
    }

    fn target(&mut self, sc: usize, t: &Expr) {
        match t {
            Expr::Name(n) => self.bind(sc, &n.id),
            Expr::Tuple(t) => t.elts.iter().for_each(|e| self.target(sc, e)),
            Expr::List(t) => t.elts.iter().for_each(|e| self.target(sc, e)),
            Expr::Starred(s) => self.target(sc, &s.value),
            other => self.expr(sc, other),
        }
    }

    fn comprehension(
        &mut self,
        sc: usize,
        node: usize,
        kind: &'static str,
        gens: &[ast::Comprehension],
        elts: &[&Expr],
    ) {
        // The first iterable is evaluated in the enclosing scope.
        if let Some(g) = gens.first() {
            self.expr(sc, &g.iter);
        }
        let cs = self.new_scope(ScopeKind::Function, sc, node);
        self.scopes[cs].comprehension = Some(kind);
        self.scopes[cs].params.push(".0".into());
        self.scopes[cs].bind(".0");
        for (i, g) in gens.iter().enumerate() {
            if i > 0 {
                self.expr(cs, &g.iter);
            }
            self.target(cs, &g.target);
            for c in &g.ifs {
                self.expr(cs, c);
            }
        }
        for e in elts {
            self.expr(cs, e);
        }
    }

    fn expr(&mut self, sc: usize, e: &Expr) {
        match e {
            Expr::Name(n) => {
                if n.id.as_str() == "super" {
                    self.scopes[sc].uses_super = true;
                }
                match n.ctx {
                    ast::ExprContext::Load => {
                        let m = self.mangled(sc, &n.id);
                        self.scopes[sc].add_flags(&m, USE);
                        self.scopes[sc].used.insert(m);
                    }
                    _ => self.bind(sc, &n.id),
                }
            }
            Expr::BoolOp(b) => b.values.iter().for_each(|v| self.expr(sc, v)),
            Expr::Named(n) => {
                self.expr(sc, &n.value);
                self.target(sc, &n.target);
            }
            Expr::BinOp(b) => {
                self.expr(sc, &b.left);
                self.expr(sc, &b.right);
            }
            Expr::UnaryOp(u) => self.expr(sc, &u.operand),
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.param_exprs(sc, p);
                }
                let ls = self.new_scope(ScopeKind::Function, sc, key(l));
                if let Some(p) = &l.parameters {
                    self.params(ls, p);
                }
                self.expr(ls, &l.body);
            }
            Expr::If(i) => {
                self.expr(sc, &i.test);
                self.expr(sc, &i.body);
                self.expr(sc, &i.orelse);
            }
            Expr::Dict(d) => {
                for it in &d.items {
                    if let Some(k) = &it.key {
                        self.expr(sc, k);
                    }
                    self.expr(sc, &it.value);
                }
            }
            Expr::Set(s) => s.elts.iter().for_each(|v| self.expr(sc, v)),
            Expr::ListComp(c) => {
                self.comprehension(sc, key(c), "list comprehension", &c.generators, &[&c.elt])
            }
            Expr::SetComp(c) => {
                self.comprehension(sc, key(c), "set comprehension", &c.generators, &[&c.elt])
            }
            Expr::Generator(c) => {
                self.comprehension(sc, key(c), "generator expression", &c.generators, &[&c.elt]);
                let id = self.by_node[&key(c)];
                self.scopes[id].is_generator = true;
            }
            Expr::DictComp(c) => {
                let mut elts: Vec<&Expr> = vec![&c.value];
                if let Some(k) = &c.key {
                    elts.insert(0, k);
                }
                self.comprehension(sc, key(c), "dict comprehension", &c.generators, &elts)
            }
            Expr::Yield(y) => {
                self.yield_in(sc, e);
                if let Some(v) = &y.value {
                    self.expr(sc, v);
                }
            }
            Expr::YieldFrom(y) => {
                self.yield_in(sc, e);
                self.expr(sc, &y.value);
            }
            Expr::Await(a) => self.expr(sc, &a.value),
            Expr::Compare(c) => {
                self.expr(sc, &c.left);
                c.comparators.iter().for_each(|v| self.expr(sc, v));
            }
            Expr::Call(c) => {
                self.expr(sc, &c.func);
                c.arguments.args.iter().for_each(|v| self.expr(sc, v));
                c.arguments
                    .keywords
                    .iter()
                    .for_each(|k| self.expr(sc, &k.value));
            }
            Expr::FString(f) => {
                for part in f.value.iter() {
                    if let ast::FStringPart::FString(fs) = part {
                        self.fstring_elements(sc, &fs.elements);
                    }
                }
            }
            Expr::Attribute(a) => self.expr(sc, &a.value),
            Expr::Subscript(s) => {
                self.expr(sc, &s.value);
                self.expr(sc, &s.slice);
            }
            Expr::Starred(s) => self.expr(sc, &s.value),
            Expr::List(l) => l.elts.iter().for_each(|v| self.expr(sc, v)),
            Expr::Tuple(l) => l.elts.iter().for_each(|v| self.expr(sc, v)),
            Expr::Slice(s) => {
                for p in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.expr(sc, p);
                }
            }
            _ => {}
        }
    }

    /// A `yield` makes its function a generator; inside a comprehension it is an error.
    fn yield_in(&mut self, sc: usize, e: &Expr) {
        self.scopes[sc].is_generator = true;
        if let Some(kind) = self.scopes[sc].comprehension {
            self.fail(format!("'yield' inside {}", kind), e.range());
        }
    }

    fn fstring_elements(&mut self, sc: usize, els: &ast::InterpolatedStringElements) {
        for el in els.iter() {
            if let ast::InterpolatedStringElement::Interpolation(i) = el {
                self.expr(sc, &i.expression);
                if let Some(spec) = &i.format_spec {
                    self.fstring_elements(sc, &spec.elements);
                }
            }
        }
    }

    /// Find the function scope (skipping classes) above `sc` that binds `name`.
    fn find_binding(&self, sc: usize, name: &str) -> Option<usize> {
        let mut cur = self.scopes[sc].parent;
        while let Some(p) = cur {
            let s = &self.scopes[p];
            match s.kind {
                ScopeKind::Module => return None,
                ScopeKind::Class => {}
                ScopeKind::Function => {
                    if s.globals.contains(name) {
                        return None;
                    }
                    if s.is_bound(name) {
                        return Some(p);
                    }
                }
            }
            cur = s.parent;
        }
        None
    }

    fn add_free_path(&mut self, from: usize, to: usize, name: &str) {
        if !self.scopes[to].cells.iter().any(|c| c == name) {
            self.scopes[to].cells.push(name.to_string());
        }
        let mut cur = Some(from);
        while let Some(c) = cur {
            if c == to {
                break;
            }
            if !self.scopes[c].frees.iter().any(|f| f == name) {
                self.scopes[c].frees.push(name.to_string());
            }
            cur = self.scopes[c].parent;
        }
    }

    fn resolve(&mut self) {
        for sc in 0..self.scopes.len() {
            let kind = self.scopes[sc].kind;
            if kind == ScopeKind::Module {
                continue;
            }
            let mut names: Vec<String> = self.scopes[sc].used.iter().cloned().collect();
            names.sort();
            let mut nonlocals: Vec<String> = self.scopes[sc].nonlocals.iter().cloned().collect();
            nonlocals.sort();
            for n in &nonlocals {
                if let Some(owner) = self.find_binding(sc, n) {
                    self.add_free_path(sc, owner, n);
                }
            }
            for n in names {
                let s = &self.scopes[sc];
                if s.globals.contains(&n) || s.nonlocals.contains(&n) {
                    continue;
                }
                if kind == ScopeKind::Function && s.is_bound(&n) {
                    continue;
                }
                if kind == ScopeKind::Class && s.is_bound(&n) {
                    continue;
                }
                if let Some(owner) = self.find_binding(sc, &n) {
                    self.add_free_path(sc, owner, &n);
                }
            }
            // Zero-argument super() / __class__ in a method: the class body makes a `__class__` cell.
            if kind == ScopeKind::Function
                && (self.scopes[sc].uses_super || self.scopes[sc].used.contains("__class__"))
            {
                let mut cur = self.scopes[sc].parent;
                while let Some(p) = cur {
                    if self.scopes[p].kind == ScopeKind::Class {
                        self.add_free_path(sc, p, "__class__");
                        break;
                    }
                    cur = self.scopes[p].parent;
                }
            }
        }
    }

    pub fn access(&self, sc: usize, name: &str) -> Access {
        let s = &self.scopes[sc];
        if s.globals.contains(name) {
            return Access::GlobalExplicit;
        }
        match s.kind {
            ScopeKind::Module => Access::Name,
            ScopeKind::Class => {
                if s.is_bound(name) || name == "__class__" && !s.frees.iter().any(|f| f == name) {
                    Access::Name
                } else if s.frees.iter().any(|f| f == name) {
                    Access::ClassDeref
                } else {
                    Access::Name
                }
            }
            ScopeKind::Function => {
                if s.cells.iter().any(|c| c == name) || s.frees.iter().any(|c| c == name) {
                    Access::Deref
                } else if s.is_bound(name) {
                    Access::Fast
                } else {
                    Access::GlobalImplicit
                }
            }
        }
    }
}

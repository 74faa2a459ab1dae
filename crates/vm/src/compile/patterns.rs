//! The `match` statement (PEP 634), compiled as CPython 3.11's `compiler_match` and `compiler_pattern_*`
//! do: the same instruction sequence (before the peephole pass), so that `__eq__`, `__len__`,
//! `__getitem__`, `get` and attribute lookups run in CPython's order, captures wait on the stack until the
//! whole pattern matched, and the compile-time SyntaxErrors have CPython's words and locations.

use refpy_heap::ObjRef;
use ruff_python_ast::{self as ast, Expr, Pattern};
use ruff_text_size::{Ranged, TextRange};

use super::{cerr, Builder, CResult, ConstKey, Unit};
use crate::bytecode::{BinOp, CmpOp, Instr};
use crate::rt;

/// CPython's `pattern_context`: what a pattern being compiled has left on the stack.
struct PatternContext {
    /// Names captured so far, in the order their values sit on the stack (the first on top).
    stores: Vec<String>,
    /// Whether an irrefutable pattern may appear here (the last case, a guarded one, a sub-pattern).
    allow_irrefutable: bool,
    /// `fail_pop[n]`: the label that pops `n` items and then fails the pattern.
    fail_pop: Vec<usize>,
    /// Items above the captures that must stay on the stack while the current sub-pattern runs.
    on_top: usize,
}

impl PatternContext {
    fn new(allow_irrefutable: bool) -> PatternContext {
        PatternContext {
            stores: Vec::new(),
            allow_irrefutable,
            fail_pop: Vec::new(),
            on_top: 0,
        }
    }
}

/// `case _:` (CPython's WILDCARD_CHECK).
fn is_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchAs(a) if a.pattern.is_none() && a.name.is_none())
}

/// `*_` in a sequence pattern (CPython's WILDCARD_STAR_CHECK).
fn is_wildcard_star(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchStar(s) if s.name.is_none())
}

impl Unit {
    pub(super) fn match_stmt<'a>(
        &mut self,
        b: &mut Builder<'a>,
        m: &'a ast::StmtMatch,
    ) -> CResult<()> {
        self.expr(b, &m.subject)?;
        let end = b.new_label();
        let cases = m.cases.len();
        // A trailing `case _:` needs no copy of the subject and no pattern code.
        let has_default = cases > 1 && is_wildcard(&m.cases[cases - 1].pattern);
        let checked = cases - has_default as usize;
        for (i, case) in m.cases[..checked].iter().enumerate() {
            b.set_pos(case.pattern.range());
            // Only copy the subject if we're not on the last case.
            let last = i == checked - 1;
            if !last {
                b.emit(Instr::Copy(1));
            }
            // Irrefutable cases must be either guarded, last, or both.
            let mut pc = PatternContext::new(case.guard.is_some() || i == cases - 1);
            self.pattern(b, &case.pattern, &mut pc)?;
            // It's a match: store the captured names (their values are on the stack).
            for name in &pc.stores {
                self.store_name(b, name);
            }
            if let Some(guard) = &case.guard {
                ensure_fail_pop(b, &mut pc, 0);
                let fail = pc.fail_pop[0];
                self.cond_jump(b, guard, false, fail)?;
            }
            if !last {
                b.emit(Instr::Pop);
            }
            self.stmts(b, &case.body)?;
            b.emit(Instr::Jump(end as u32));
            // A failed pattern's cleanup belongs to the pattern's line, not to the body's last one.
            b.set_pos(case.pattern.range());
            emit_and_reset_fail_pop(b, &mut pc);
        }
        if has_default {
            let case = &m.cases[cases - 1];
            b.set_pos(case.pattern.range());
            b.emit(Instr::Nop);
            if let Some(guard) = &case.guard {
                self.cond_jump(b, guard, false, end)?;
            }
            self.stmts(b, &case.body)?;
        }
        b.bind(end);
        Ok(())
    }

    /// Match the subject on top of the stack (consumed) against `p`; on failure jump to a `fail_pop`.
    fn pattern<'a>(
        &mut self,
        b: &mut Builder<'a>,
        p: &'a Pattern,
        pc: &mut PatternContext,
    ) -> CResult<()> {
        b.set_pos(p.range());
        match p {
            Pattern::MatchValue(v) => {
                if !is_literal_or_attribute(&v.value) {
                    return Err(cerr(
                        "patterns may only match literals and attribute lookups",
                        p.range(),
                    ));
                }
                self.expr(b, &v.value)?;
                b.emit(Instr::Compare(CmpOp::Eq));
                jump_to_fail_pop(b, pc, false);
            }
            Pattern::MatchSingleton(s) => {
                let value = match s.value {
                    ast::Singleton::None => self.const_none(),
                    ast::Singleton::True => {
                        self.cached(ConstKey::Bool(true), || rt::bool_obj(true))
                    }
                    ast::Singleton::False => {
                        self.cached(ConstKey::Bool(false), || rt::bool_obj(false))
                    }
                };
                let i = b.add_const(value);
                b.emit(Instr::LoadConst(i));
                b.emit(Instr::Is(false));
                jump_to_fail_pop(b, pc, false);
            }
            Pattern::MatchSequence(s) => self.pattern_sequence(b, s, pc)?,
            Pattern::MatchMapping(m) => self.pattern_mapping(b, m, pc)?,
            Pattern::MatchClass(c) => self.pattern_class(b, c, pc)?,
            Pattern::MatchStar(s) => store_capture(b, s.name.as_ref(), pc)?,
            Pattern::MatchAs(a) => match &a.pattern {
                None => {
                    if !pc.allow_irrefutable {
                        let msg = match &a.name {
                            Some(n) => {
                                format!(
                                    "name capture '{}' makes remaining patterns unreachable",
                                    n.id
                                )
                            }
                            None => "wildcard makes remaining patterns unreachable".into(),
                        };
                        return Err(cerr(msg, p.range()));
                    }
                    store_capture(b, a.name.as_ref(), pc)?;
                }
                Some(inner) => {
                    // Keep a copy of the subject for the name, bound only if the inner pattern matches.
                    pc.on_top += 1;
                    b.emit(Instr::Copy(1));
                    self.subpattern(b, inner, pc)?;
                    pc.on_top -= 1;
                    store_capture(b, a.name.as_ref(), pc)?;
                }
            },
            Pattern::MatchOr(o) => self.pattern_or(b, o, pc)?,
        }
        Ok(())
    }

    /// A pattern inside another: irrefutable patterns are allowed there.
    fn subpattern<'a>(
        &mut self,
        b: &mut Builder<'a>,
        p: &'a Pattern,
        pc: &mut PatternContext,
    ) -> CResult<()> {
        let allow_irrefutable = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        self.pattern(b, p, pc)?;
        pc.allow_irrefutable = allow_irrefutable;
        Ok(())
    }

    fn const_size(&mut self, b: &mut Builder, n: usize) {
        let v = num_bigint::BigInt::from(n);
        let o = self.cached(ConstKey::Int(v.clone()), || rt::bigint(v));
        let i = b.add_const(o);
        b.emit(Instr::LoadConst(i));
    }

    /// Push `len(subject) <op> n` for the subject on top (kept).
    fn length_check(&mut self, b: &mut Builder, n: usize, op: CmpOp, pc: &mut PatternContext) {
        b.emit(Instr::GetLen);
        self.const_size(b, n);
        b.emit(Instr::Compare(op));
        jump_to_fail_pop(b, pc, false);
    }

    fn pattern_sequence<'a>(
        &mut self,
        b: &mut Builder<'a>,
        s: &'a ast::PatternMatchSequence,
        pc: &mut PatternContext,
    ) -> CResult<()> {
        let patterns = &s.patterns;
        let size = patterns.len();
        let mut star = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, p) in patterns.iter().enumerate() {
            if let Pattern::MatchStar(_) = p {
                if star.is_some() {
                    return Err(cerr(
                        "multiple starred names in sequence pattern",
                        s.range(),
                    ));
                }
                star_wildcard = is_wildcard_star(p);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(p);
        }
        // Keep the subject on top during the sequence and length checks.
        pc.on_top += 1;
        b.emit(Instr::MatchSequence);
        jump_to_fail_pop(b, pc, false);
        match star {
            None => self.length_check(b, size, CmpOp::Eq, pc),
            Some(_) if size > 1 => self.length_check(b, size - 1, CmpOp::Ge, pc),
            Some(_) => {}
        }
        // Whatever comes next consumes the subject.
        pc.on_top -= 1;
        if only_wildcard {
            // `[]`, `[_]`, `[_, *_]`, …: nothing to bind.
            b.emit(Instr::Pop);
        } else if star_wildcard {
            self.sequence_subscr(b, patterns, star.unwrap_or(0), pc)?;
        } else {
            match star {
                Some(i) => b.emit(Instr::UnpackEx(i as u32, (size - i - 1) as u32)),
                None => b.emit(Instr::UnpackSequence(size as u32)),
            }
            // The items are new subjects on the stack, each matched in turn.
            pc.on_top += size;
            for p in patterns {
                pc.on_top -= 1;
                self.subpattern(b, p, pc)?;
            }
        }
        Ok(())
    }

    /// `[a, *_, b]`: index the subject instead of unpacking it (CPython's pattern_helper_sequence_subscr).
    fn sequence_subscr<'a>(
        &mut self,
        b: &mut Builder<'a>,
        patterns: &'a [Pattern],
        star: usize,
        pc: &mut PatternContext,
    ) -> CResult<()> {
        // Keep the subject around to extract the items.
        pc.on_top += 1;
        let size = patterns.len();
        for (i, p) in patterns.iter().enumerate() {
            if is_wildcard(p) || i == star {
                continue;
            }
            b.emit(Instr::Copy(1));
            if i < star {
                self.const_size(b, i);
            } else {
                // The subject may not support negative indexing: compute a nonnegative index.
                b.emit(Instr::GetLen);
                self.const_size(b, size - i);
                b.emit(Instr::Binary(BinOp::Sub));
            }
            b.emit(Instr::Subscr);
            self.subpattern(b, p, pc)?;
        }
        pc.on_top -= 1;
        b.emit(Instr::Pop);
        Ok(())
    }

    fn pattern_mapping<'a>(
        &mut self,
        b: &mut Builder<'a>,
        m: &'a ast::PatternMatchMapping,
        pc: &mut PatternContext,
    ) -> CResult<()> {
        let size = m.keys.len();
        // Keep the subject on top during the mapping and length checks.
        pc.on_top += 1;
        b.emit(Instr::MatchMapping);
        jump_to_fail_pop(b, pc, false);
        if size == 0 && m.rest.is_none() {
            // `{}` matches any mapping: pop the subject.
            pc.on_top -= 1;
            b.emit(Instr::Pop);
            return Ok(());
        }
        if size > 0 {
            self.length_check(b, size, CmpOp::Ge, pc);
        }
        // Literal keys must differ (compared as a set compares them); attribute lookups are checked at run time.
        let mut seen: Vec<ObjRef> = Vec::new();
        let mut literal_keys = Vec::new();
        for key in &m.keys {
            if let Some(k) = self.const_value(key) {
                literal_keys.push(k.clone());
                if contains_key(&seen, &k) {
                    let shown = crate::ops::repr(&k).unwrap_or_default();
                    return Err(cerr(
                        format!("mapping pattern checks duplicate key ({})", shown),
                        m.range(),
                    ));
                }
                seen.push(k);
            } else if !is_literal_or_attribute(key) {
                return Err(cerr(
                    "mapping pattern keys may only match literals and attribute lookups",
                    m.range(),
                ));
            }
        }
        if literal_keys.len() == size {
            // CPython's optimizer folds a tuple of constants into one constant.
            let i = b.add_const(rt::tuple(literal_keys));
            b.emit(Instr::LoadConst(i));
        } else {
            for key in &m.keys {
                self.expr(b, key)?;
            }
            b.emit(Instr::BuildTuple(size as u32));
        }
        b.emit(Instr::MatchKeys);
        // A tuple of keys and a tuple of values (or None) are now on top of the subject.
        pc.on_top += 2;
        self.fail_if_none(b, pc);
        b.emit(Instr::UnpackSequence(size as u32));
        pc.on_top += size;
        pc.on_top -= 1;
        for p in &m.patterns {
            pc.on_top -= 1;
            self.subpattern(b, p, pc)?;
        }
        // A match: what follows consumes the keys and the subject.
        pc.on_top -= 2;
        match &m.rest {
            Some(rest) => {
                // rest = dict(subject); for key in keys: del rest[key]
                b.emit(Instr::BuildMap(0)); // [subject, keys, empty]
                b.emit(Instr::Swap(2)); // [empty, keys, subject]
                b.emit(Instr::DictUpdate(2)); // [copy, keys]
                b.emit(Instr::UnpackSequence(size as u32)); // [copy, keys...]
                for remaining in (1..=size).rev() {
                    b.emit(Instr::Copy(1 + remaining as u32)); // [copy, keys..., copy]
                    b.emit(Instr::Swap(1)); // [copy, keys..., copy, key]
                    b.emit(Instr::DeleteSubscr); // [copy, keys...]
                }
                store_capture(b, Some(rest), pc)?;
            }
            None => {
                b.emit(Instr::Pop); // the keys
                b.emit(Instr::Pop); // the subject
            }
        }
        Ok(())
    }

    fn pattern_class<'a>(
        &mut self,
        b: &mut Builder<'a>,
        c: &'a ast::PatternMatchClass,
        pc: &mut PatternContext,
    ) -> CResult<()> {
        let positional = &c.arguments.patterns;
        let keywords = &c.arguments.keywords;
        for (i, kw) in keywords.iter().enumerate() {
            if let Some(again) = keywords[i + 1..].iter().find(|k| k.attr.id == kw.attr.id) {
                return Err(cerr(
                    format!("attribute name repeated in class pattern: {}", kw.attr.id),
                    again.pattern.range(),
                ));
            }
        }
        self.expr(b, &c.cls)?;
        let names = keywords.iter().map(|k| rt::intern(&k.attr.id)).collect();
        let i = b.add_const(rt::tuple(names));
        b.emit(Instr::LoadConst(i));
        b.emit(Instr::MatchClass(positional.len() as u32));
        // On top: a tuple of the positional then keyword attributes, or None.
        pc.on_top += 1;
        self.fail_if_none(b, pc);
        let n = positional.len() + keywords.len();
        b.emit(Instr::UnpackSequence(n as u32));
        pc.on_top += n;
        pc.on_top -= 1;
        for p in positional.iter().chain(keywords.iter().map(|k| &k.pattern)) {
            pc.on_top -= 1;
            if is_wildcard(p) {
                b.emit(Instr::Pop);
                continue;
            }
            self.subpattern(b, p, pc)?;
        }
        Ok(())
    }

    /// Fail when TOS is None (kept otherwise): `COPY 1; LOAD_CONST None; IS_OP 1; POP_JUMP_IF_FALSE`.
    fn fail_if_none(&mut self, b: &mut Builder, pc: &mut PatternContext) {
        b.emit(Instr::Copy(1));
        let none = self.const_none();
        let i = b.add_const(none);
        b.emit(Instr::LoadConst(i));
        b.emit(Instr::Is(true));
        jump_to_fail_pop(b, pc, false);
    }

    fn pattern_or<'a>(
        &mut self,
        b: &mut Builder<'a>,
        o: &'a ast::PatternMatchOr,
        pc: &mut PatternContext,
    ) -> CResult<()> {
        let end = b.new_label();
        let size = o.patterns.len();
        // The names bound by the first alternative: the others must bind the same ones, and their values
        // are reordered on the stack to this order.
        let mut control: Option<Vec<String>> = None;
        let outer_allow_irrefutable = pc.allow_irrefutable;
        for (i, alt) in o.patterns.iter().enumerate() {
            b.set_pos(alt.range());
            // An irrefutable alternative must be last, if it is allowed at all.
            let mut alt_pc = PatternContext::new(i == size - 1 && outer_allow_irrefutable);
            b.emit(Instr::Copy(1));
            self.pattern(b, alt, &mut alt_pc)?;
            // Located where the alternative's last sub-pattern set the position, as in CPython.
            let at = TextRange::new(b.pos.start.into(), b.pos.end.into());
            let diff = || cerr("alternative patterns bind different names", at);
            match &control {
                None => control = Some(alt_pc.stores.clone()),
                Some(control) if control.len() != alt_pc.stores.len() => return Err(diff()),
                Some(control) => {
                    for icontrol in (0..control.len()).rev() {
                        let name = &control[icontrol];
                        let Some(istores) = alt_pc.stores.iter().position(|s| s == name) else {
                            return Err(diff());
                        };
                        if icontrol != istores {
                            // Move the first `istores + 1` names (and values) down to `icontrol`.
                            let rotations = istores + 1;
                            let rotated: Vec<String> = alt_pc.stores.drain(..rotations).collect();
                            let at = icontrol - istores;
                            alt_pc.stores.splice(at..at, rotated);
                            for _ in 0..rotations {
                                rotate(b, icontrol + 1);
                            }
                        }
                    }
                }
            }
            b.emit(Instr::Jump(end as u32));
            emit_and_reset_fail_pop(b, &mut alt_pc);
        }
        // No alternative matched: pop the remaining copy of the subject and fail.
        b.emit(Instr::Pop);
        jump_to_fail_pop(b, pc, true);
        b.bind(end);
        let control = control.unwrap_or_default();
        // Between the new captures and where they belong: the other new captures, the subject's copy,
        // whatever is on top, and the captures already stashed.
        let rotations = control.len() + 1 + pc.on_top + pc.stores.len();
        for name in control {
            rotate(b, rotations);
            if pc.stores.contains(&name) {
                return Err(duplicate_store(&name, b));
            }
            pc.stores.push(name);
        }
        // Pop the copy of the subject.
        b.emit(Instr::Pop);
        Ok(())
    }
}

/// What a value pattern or a mapping key may be: a literal (the parser allows f-strings too, CPython's
/// compiler does not) or a dotted name.
fn is_literal_or_attribute(e: &Expr) -> bool {
    !matches!(e, Expr::FString(_) | Expr::TString(_))
}

/// Whether `k` equals (as a set compares keys) one of `seen`.
fn contains_key(seen: &[ObjRef], k: &ObjRef) -> bool {
    let Ok(h) = crate::ops::hash(k) else {
        return false;
    };
    seen.iter().any(|s| {
        crate::ops::hash(s).is_ok_and(|hs| hs == h)
            && (s.is(k) || crate::ops::eq_bool(s, k).unwrap_or(false))
    })
}

fn duplicate_store(name: &str, b: &Builder) -> super::CompileError {
    let at = TextRange::new(b.pos.start.into(), b.pos.end.into());
    cerr(
        format!("multiple assignments to name '{}' in pattern", name),
        at,
    )
}

/// Capture TOS as `name` (None: drop it): the value is rotated under whatever must stay on top and the
/// captures already made, and stored once the whole pattern matched.
fn store_capture(
    b: &mut Builder,
    name: Option<&ast::Identifier>,
    pc: &mut PatternContext,
) -> CResult<()> {
    let Some(name) = name else {
        b.emit(Instr::Pop);
        return Ok(());
    };
    if name.id.as_str() == "__debug__" {
        return Err(cerr("cannot assign to __debug__", name.range()));
    }
    if pc.stores.iter().any(|s| s == name.id.as_str()) {
        return Err(duplicate_store(&name.id, b));
    }
    rotate(b, pc.on_top + pc.stores.len() + 1);
    pc.stores.push(name.id.to_string());
    Ok(())
}

/// Move TOS `count - 1` places down (CPython's pattern_helper_rotate: SWAP count, SWAP count-1, …).
fn rotate(b: &mut Builder, mut count: usize) {
    while count > 1 {
        b.emit(Instr::Swap(count as u32 - 1));
        count -= 1;
    }
}

fn ensure_fail_pop(b: &mut Builder, pc: &mut PatternContext, n: usize) {
    while pc.fail_pop.len() <= n {
        let l = b.new_label();
        pc.fail_pop.push(l);
    }
}

/// Jump (conditionally: pop and jump if false) to the label that pops everything this pattern pushed.
fn jump_to_fail_pop(b: &mut Builder, pc: &mut PatternContext, always: bool) {
    let pops = pc.on_top + pc.stores.len();
    ensure_fail_pop(b, pc, pops);
    let target = pc.fail_pop[pops] as u32;
    b.emit(if always {
        Instr::Jump(target)
    } else {
        Instr::PopJumpIfFalse(target)
    });
}

/// The failure labels: `fail_pop[n]` pops n items and falls through to `fail_pop[n - 1]`.
fn emit_and_reset_fail_pop(b: &mut Builder, pc: &mut PatternContext) {
    let labels = std::mem::take(&mut pc.fail_pop);
    let Some((&first, rest)) = labels.split_first() else {
        return;
    };
    for &l in rest.iter().rev() {
        b.bind(l);
        b.emit(Instr::Pop);
    }
    b.bind(first);
}

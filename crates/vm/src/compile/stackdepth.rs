//! `co_stacksize` as CPython 3.11's compiler would compute it for the same function (`stackdepth()` in
//! Python/compile.c: the deepest value stack over every path), found from refpy's own instructions.
//!
//! refpy's instructions keep the same values on the stack as CPython 3.11's for almost every construct, so
//! their stack effects are CPython's. Where 3.11 keeps more, the compiler leaves a [`StackNote`]: the NULL
//! pushed before every callable that is not a method (`PUSH_NULL`, `LOAD_GLOBAL` with the null bit), and the
//! values exception handling adds. The handler rules here are 3.11's exception table: an `except`/`finally`
//! handler starts with the exception and, after `PUSH_EXC_INFO`, the previous one under it (refpy keeps the
//! previous exception off the stack), a `with` handler also with `lasti`; each handler body is protected by
//! a cleanup handler (`COPY 3; POP_EXCEPT; RERAISE 1`) that reaches two values above the handler's start.
//!
//! NOTE: where refpy's instruction sequence itself differs from CPython's, so may the depth. Measured over
//! the 3 963 code objects of tests/conformance (python3 vs refpy `co_stacksize`), 248 functions and 17
//! module bodies differ, for these reasons: a call whose only positional argument is `*x` (CPython passes the
//! iterable itself, refpy builds a list: one more; 222 of them, mostly `lambda: f(*args)`); constant folding
//! (`(1, 2)[True]` is one constant in CPython); a str constant `%` a tuple, which CPython's AST optimizer
//! turns into an f-string; module bodies with large dict displays (CPython builds them in chunks).
use crate::bytecode::Instr;

/// What CPython 3.11 keeps on the stack beyond refpy's instructions, from one instruction on.
#[derive(Copy, Clone, Debug)]
pub enum StackNote {
    /// This many more values from this instruction on (negative: CPython pops them here).
    Extra(i32),
    /// This instruction pushes this many more (negative: fewer) values in CPython.
    Effect(i32),
    /// CPython reaches this many values above the depth reached before this instruction (its own `Extra`
    /// not counted), then drops them again.
    Peak(i32),
}

/// How many values above the setup's depth a handler starts with: refpy's exception plus what 3.11 adds
/// (the previous exception; for `with`, also `lasti`).
fn handler_entry(instr: Instr) -> Option<(u32, i32)> {
    match instr {
        Instr::SetupExcept(t) | Instr::SetupFinally(t) => Some((t, 2)),
        // The block's depth is after `__exit__` replaced the manager: the same as before the instruction.
        Instr::SetupWith(t) => Some((t, 3)),
        _ => None,
    }
}

/// The stack effect of `instr` when it falls through, and the most it pushes on the way.
fn effect(instr: Instr) -> (i32, i32) {
    use Instr::*;
    let e = match instr {
        Nop | Swap(_) | LoadAttr(_) | Unary(_) | ListToTuple | GetIter | Yield | PopBlock
        | SetupExcept(_) | SetupFinally(_) | SetupAnnotations | DeleteFast(_) | DeleteDeref(_)
        | DeleteGlobal(_) | DeleteName(_) | Jump(_) => 0,
        Dup | Copy(_) | LoadConst(_) | LoadFast(_) | LoadDeref(_) | LoadClosure(_) | LoadGlobal(_)
        | LoadName(_) | LoadClassDeref(_) | LoadMethod(_) | ImportFrom(_) | LoadBuildClass
        | LoadAssertionError | WithExcept | GetLen | MatchSequence | MatchMapping | MatchKeys
        | SetupWith(_) => 1,
        // CPython pushes the level and the fromlist first.
        ImportName(_) | ImportModule(_) => return (1, 2),
        // SEND has the value sent (None at first) above the iterator.
        YieldFrom => return (0, 1),
        Pop | StoreFast(_) | StoreDeref(_) | StoreGlobal(_) | StoreName(_) | DeleteAttr(_) | Subscr
        | Binary(_) | Inplace(_) | Compare(_) | Is(_) | Contains(_) | ListAppend(_) | SetAdd(_)
        | ListExtend(_) | SetUpdate(_) | DictUpdate(_) | DictMerge(_) | Return | Reraise
        | ImportStar | PrintExpr | PopJumpIfFalse(_) | PopJumpIfTrue(_) | JumpIfNotExcMatch(_)
        // CPython's POP_EXCEPT pops the previous exception refpy keeps elsewhere.
        | PopExcept => -1,
        // `__exit__(None, None, None)`: CPython pushes three Nones over `__exit__` for the call.
        WithExitNone => return (-1, 3),
        StoreAttr(_) | DeleteSubscr | MapAdd(_) | MatchClass(_) => -2,
        StoreSubscr => -3,
        CallMethod(n, _) => -(n as i32) - 1,
        Call(n) | CallKw(n, _) => -(n as i32),
        CallEx(kw) => -1 - kw as i32,
        BuildSlice(n) | BuildList(n) | BuildTuple(n) | BuildSet(n) | BuildString(n) => 1 - n as i32,
        BuildMap(n) => 1 - 2 * n as i32,
        FormatValue(_, spec) => -(spec as i32),
        MakeFunction(flags) => -(flags.count_ones() as i32),
        Raise(n) => -(n as i32),
        UnpackSequence(n) => n as i32 - 1,
        UnpackEx(before, after) => (before + after) as i32,
        JumpIfFalseOrPop(_) | JumpIfTrueOrPop(_) => -1,
        ForIter(_) => 1,
    };
    (e, e.max(0))
}

/// The depth after `instr` at its jump target, when it jumps (relative to the depth before it).
fn jump_effect(instr: Instr) -> Option<(u32, i32)> {
    match instr {
        Instr::Jump(t) => Some((t, 0)),
        Instr::PopJumpIfFalse(t) | Instr::PopJumpIfTrue(t) | Instr::JumpIfNotExcMatch(t) => {
            Some((t, -1))
        }
        Instr::JumpIfFalseOrPop(t) | Instr::JumpIfTrueOrPop(t) => Some((t, 0)),
        // The exhausted iterator is popped.
        Instr::ForIter(t) => Some((t, -1)),
        _ => None,
    }
}

fn falls_through(instr: Instr) -> bool {
    !matches!(
        instr,
        Instr::Jump(_) | Instr::Return | Instr::Reraise | Instr::Raise(_)
    )
}

/// The deepest stack CPython 3.11 would need for these instructions: the maximum over every path, the
/// depth at an instruction reached two ways taken as the larger. At least 1, as every code object
/// CPython makes loads at least one value.
pub fn cpython_stacksize(instrs: &[Instr], notes: &[(usize, StackNote)]) -> u32 {
    let n = instrs.len();
    let mut extra = vec![0i32; n];
    let mut peak = vec![0i32; n];
    let mut effect_change = vec![0i32; n];
    for &(ip, note) in notes {
        if ip >= n {
            continue;
        }
        match note {
            StackNote::Extra(d) => extra[ip] += d,
            StackNote::Peak(p) => peak[ip] = peak[ip].max(p),
            StackNote::Effect(d) => effect_change[ip] += d,
        }
    }
    let mut seen: Vec<Option<i32>> = vec![None; n];
    let mut work = vec![(0usize, 0i32)];
    let mut max = 1;
    while let Some((ip, depth)) = work.pop() {
        if ip >= n || seen[ip].is_some_and(|d| d >= depth) {
            continue;
        }
        seen[ip] = Some(depth);
        let instr = instrs[ip];
        // A peak is relative to the depth reached before this instruction, without what it starts to hold.
        max = max.max(depth + peak[ip]);
        let before = depth + extra[ip];
        let (change, pushed) = effect(instr);
        let (change, pushed) = match effect_change[ip] {
            0 => (change, pushed),
            d => (change + d, (change + d).max(0)),
        };
        max = max.max(before + pushed);
        if let Some((target, entry)) = handler_entry(instr) {
            work.push((target as usize, before + entry));
        }
        if let Some((target, change)) = jump_effect(instr) {
            work.push((target as usize, before + change));
        }
        if falls_through(instr) {
            work.push((ip + 1, before + change));
        }
    }
    max.max(0) as u32
}

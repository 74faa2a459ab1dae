//! The compact bytecode the compiler emits and the evaluator runs.

use std::cell::Cell;
use std::rc::Rc;

use refpy_heap::ObjRef;

/// Binary operators (also used in-place).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    MatMul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum UnOp {
    Neg,
    Pos,
    Not,
    Invert,
}

/// One instruction. Operands index the code's `consts`/`names`/locals, or are jump targets.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Instr {
    Nop,
    Pop,
    Dup,
    /// Swap TOS with the item `n` below it (n ≥ 1).
    Swap(u32),
    /// Push a copy of the n-th item from the top (1 = TOS).
    Copy(u32),
    LoadConst(u32),
    LoadFast(u32),
    StoreFast(u32),
    DeleteFast(u32),
    LoadDeref(u32),
    StoreDeref(u32),
    DeleteDeref(u32),
    LoadClosure(u32),
    LoadGlobal(u32),
    StoreGlobal(u32),
    DeleteGlobal(u32),
    LoadName(u32),
    StoreName(u32),
    DeleteName(u32),
    /// Class bodies: a free variable read that first looks in the class namespace.
    LoadClassDeref(u32),
    LoadAttr(u32),
    StoreAttr(u32),
    DeleteAttr(u32),
    /// Push `[callable, self-or-NULL]` like CPython 3.11's LOAD_METHOD (no bound method object); for a
    /// method of a built-in container or string, `[NULL, self]`, the method left to `CallMethod`.
    LoadMethod(u32),
    /// Call what `LoadMethod` pushed with this many arguments; the name index of that `LoadMethod`.
    CallMethod(u32, u32),
    Subscr,
    StoreSubscr,
    DeleteSubscr,
    BuildSlice(u32),
    Binary(BinOp),
    Inplace(BinOp),
    Unary(UnOp),
    Compare(CmpOp),
    Is(bool),
    Contains(bool),
    BuildList(u32),
    BuildTuple(u32),
    BuildSet(u32),
    BuildMap(u32),
    BuildString(u32),
    ListAppend(u32),
    SetAdd(u32),
    MapAdd(u32),
    ListExtend(u32),
    SetUpdate(u32),
    DictUpdate(u32),
    DictMerge(u32),
    ListToTuple,
    /// Conversion (0 none, 1 str, 2 repr, 3 ascii), with a format spec on the stack above the value.
    FormatValue(u8, bool),
    Jump(u32),
    PopJumpIfFalse(u32),
    PopJumpIfTrue(u32),
    JumpIfFalseOrPop(u32),
    JumpIfTrueOrPop(u32),
    GetIter,
    ForIter(u32),
    Call(u32),
    /// Call with `argc` values, the last `n` of which are keywords named by the tuple const.
    CallKw(u32, u32),
    /// Call with a tuple of positional args and (flag) a dict of keyword args.
    CallEx(bool),
    /// Flags: 1 defaults tuple, 2 kw-defaults dict, 4 annotations dict, 8 closure tuple.
    MakeFunction(u8),
    Return,
    Yield,
    YieldFrom,
    SetupExcept(u32),
    SetupFinally(u32),
    SetupWith(u32),
    PopBlock,
    PopExcept,
    /// 0: bare raise, 1: exc, 2: exc from cause.
    Raise(u8),
    Reraise,
    /// TOS is an exception type (or tuple); TOS1 the exception. Pops the type; jump if no match.
    JumpIfNotExcMatch(u32),
    /// The with-block's exit path: stack [.., exit, exc] → calls exit(type, exc, tb), pushes result.
    WithExcept,
    /// Normal exit of a with-block: pops exit and calls it with three Nones.
    WithExitNone,
    UnpackSequence(u32),
    UnpackEx(u32, u32),
    /// `import a.b.c`: imports each prefix, pushes the top-level module.
    ImportName(u32),
    /// `from M import …`: pushes module M itself (leading dots in its name: relative to the package).
    ImportModule(u32),
    ImportFrom(u32),
    ImportStar,
    LoadBuildClass,
    /// REPL: print the repr of TOS (unless None) and store it in `builtins._`.
    PrintExpr,
    LoadAssertionError,
    /// Set up annotations dict in a module/class namespace.
    SetupAnnotations,
    /// Push `len(TOS)` (TOS kept): a sequence or mapping pattern's length check.
    GetLen,
    /// Push whether TOS is a sequence for `match` (list, tuple, range and subclasses; TOS kept).
    MatchSequence,
    /// Push whether TOS is a mapping for `match` (dict and subclasses; TOS kept).
    MatchMapping,
    /// TOS a tuple of keys, TOS1 the subject (both kept): push a tuple of their values, or None.
    MatchKeys,
    /// Stack [subject, class, keyword names] → [attributes tuple or None]; with this many positional
    /// sub-patterns.
    MatchClass(u32),
}

/// A source position: byte offsets into the source text.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct Pos {
    pub start: u32,
    pub end: u32,
    /// Anchors for 3.11's `~~~^^^` markers (byte offsets), if any.
    pub anchor: Option<(u32, u32)>,
}

/// The source a code object came from (shared by all code objects of one compilation).
pub struct Source {
    pub filename: String,
    pub text: String,
    /// Byte offset of the start of each line.
    pub line_starts: Vec<usize>,
}

impl Source {
    pub fn new(filename: &str, text: &str) -> Source {
        let mut line_starts = vec![0];
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i + 1);
            }
        }
        Source {
            filename: filename.to_string(),
            text: text.to_string(),
            line_starts,
        }
    }

    /// 1-based line number of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }

    /// The text of a 1-based line without its newline.
    pub fn line_text(&self, line: usize) -> &str {
        let Some(&start) = self.line_starts.get(line.wrapping_sub(1)) else {
            return "";
        };
        let end = self
            .line_starts
            .get(line)
            .copied()
            .unwrap_or(self.text.len());
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }
}

pub const CO_VARARGS: u32 = 1;
pub const CO_VARKEYWORDS: u32 = 2;
pub const CO_GENERATOR: u32 = 4;
/// Module or class body: names go through LoadName/StoreName.
pub const CO_NAMESPACE: u32 = 8;

/// Where a `LoadGlobal` found its name last time, valid while the globals' keys version is the one recorded
/// (and, for a built-in, the builtins' too) — CPython 3.11's specialised LOAD_GLOBAL.
#[derive(Copy, Clone, Default)]
pub struct GlobalCache {
    pub globals_version: u64,
    /// 0 when the name was found in the globals.
    pub builtins_version: u64,
    pub pos: u32,
}

pub struct Code {
    pub name: String,
    pub qualname: String,
    pub instrs: Vec<Instr>,
    pub positions: Vec<Pos>,
    pub consts: Vec<ObjRef>,
    pub names: Vec<ObjRef>,
    /// One `LoadGlobal` cache per name.
    pub global_cache: Box<[Cell<GlobalCache>]>,
    /// One instance attribute cache per name, for `LoadAttr` and one for `StoreAttr`.
    pub load_attr_cache: Box<[Cell<crate::typecache::InstanceAttrCache>]>,
    pub store_attr_cache: Box<[Cell<crate::typecache::InstanceAttrCache>]>,
    pub varnames: Vec<String>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    /// For each cellvar that is also an argument: its index in `varnames`.
    pub cell_args: Vec<Option<usize>>,
    pub argcount: usize,
    pub posonlyargcount: usize,
    pub kwonlyargcount: usize,
    pub flags: u32,
    pub first_line: usize,
    pub source: Rc<Source>,
    /// Maximum block nesting the compiler saw (sizing hint).
    pub max_blocks: usize,
    /// `co_stacksize`: the stack CPython 3.11 would need for this function (`compile::stackdepth`).
    pub stacksize: u32,
}

impl Code {
    pub fn line_of(&self, ip: usize) -> usize {
        let p = self.positions.get(ip).copied().unwrap_or_default();
        self.source.line_of(p.start as usize)
    }
}

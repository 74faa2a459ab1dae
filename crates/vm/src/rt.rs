//! The interpreter's per-thread state: singletons, built-in type objects, the small-int cache, interned
//! strings, module registry, recursion depth and the buffered stdout.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use num_bigint::BigInt;
use refpy_heap::ObjRef;

use crate::object::alloc;
use crate::objects::*;
use crate::ops::type_obj;

macro_rules! types_struct {
    ($($field:ident),* $(,)?) => {
        pub struct Types { $(pub $field: ObjRef,)* }
    };
}

types_struct!(
    object,
    type_,
    int,
    bool_,
    float,
    complex,
    str_,
    bytes,
    bytearray,
    list,
    tuple,
    dict,
    set,
    frozenset,
    range,
    none_type,
    function,
    method,
    builtin,
    generator,
    cell,
    code,
    module,
    slice,
    property,
    staticmethod,
    classmethod,
    super_,
    iterator,
    dict_keys,
    dict_values,
    dict_items,
    weakref,
    weakproxy,
    c_long,
    file,
    not_impl_type,
    ellipsis_type,
    base_exception,
    system_exit,
    keyboard_interrupt,
    generator_exit,
    exception,
    stop_iteration,
    arithmetic_error,
    zero_division_error,
    overflow_error,
    assertion_error,
    attribute_error,
    lookup_error,
    index_error,
    key_error,
    name_error,
    unbound_local_error,
    type_error,
    value_error,
    runtime_error,
    recursion_error,
    not_implemented_error,
    import_error,
    module_not_found_error,
    memory_error,
    os_error,
    file_not_found_error,
    reference_error,
    syntax_error,
    indentation_error,
    eof_error,
    unicode_error,
    unicode_decode_error,
    unicode_encode_error,
    warning,
    deprecation_warning,
    user_warning,
    runtime_warning,
    buffer_error,
);

pub struct Runtime {
    pub none: ObjRef,
    pub true_: ObjRef,
    pub false_: ObjRef,
    pub not_implemented: ObjRef,
    pub ellipsis: ObjRef,
    pub empty_tuple: ObjRef,
    pub small_ints: Vec<ObjRef>,
    pub interned: RefCell<HashMap<String, ObjRef>>,
    pub types: Types,
    pub builtins: ObjRef,
    pub modules: RefCell<Vec<(String, ObjRef)>>,
    pub recursion_limit: Cell<usize>,
    pub depth: Cell<usize>,
    /// Address of a local near the top of the interpreter thread's stack, to bound Rust stack use.
    pub stack_base: Cell<usize>,
    pub out: RefCell<String>,
    pub out_is_tty: Cell<bool>,
    /// The `str` objects stdout holds until its next flush (CPython's TextIOWrapper keeps short ASCII
    /// strings themselves in its pending list, which shows in their reference counts), and the byte
    /// count of everything pending.
    pub out_pending: RefCell<Vec<ObjRef>>,
    pub out_pending_bytes: Cell<usize>,
    pub gc_callbacks: ObjRef,
    pub gc_garbage: ObjRef,
    pub argv: RefCell<Vec<String>>,
    /// `sys.modules['__main__'].__dict__` of the running program.
    pub main_globals: RefCell<Option<ObjRef>>,
    /// `weakref.finalize` objects still alive, to run at exit (atexit).
    pub atexit: RefCell<Vec<ObjRef>>,
    pub repr_stack: RefCell<Vec<usize>>,
    /// Testing aid: drop everything the program writes.
    pub discard_output: Cell<bool>,
    /// Testing aid: collect stdout and stderr here instead of writing them.
    pub capture: RefCell<Option<(String, String)>>,
    /// Testing aid: instructions left before every step fails (0 = unlimited).
    pub step_budget: Cell<u64>,
    /// The evaluator's running frames and handled exceptions.
    pub eval: crate::eval::EvalState,
    /// Buffers of finished frames for new ones.
    pub frame_pool: crate::frame::FramePool,
}

thread_local! {
    static RT: Cell<Option<&'static Runtime>> = const { Cell::new(None) };
}

/// This thread's runtime, created on first use. Inlined: after the first call it is one thread-local load.
#[inline]
pub fn rt() -> &'static Runtime {
    match RT.with(Cell::get) {
        Some(r) => r,
        None => init_rt(),
    }
}

#[cold]
#[inline(never)]
fn init_rt() -> &'static Runtime {
    // The runtime lives as long as the thread: it is interpreter state, not a Python object.
    let r: &'static Runtime = Box::leak(Box::new(Runtime::new()));
    RT.with(|c| c.set(Some(r)));
    crate::modules::install_hooks();
    r
}

fn raw_type(name: &str, bases: Vec<ObjRef>, builtin: Builtin) -> ObjRef {
    // Built while the runtime itself is being made: tuples are allocated directly, not through `tuple()`.
    let new_tuple = |items: Vec<ObjRef>| alloc(&TUPLE_VT, TupleObj(RefCell::new(items)));
    let dict = alloc(&dict::DICT_VT, DictObj(RefCell::new(Table::default())));
    let base = bases.first().cloned();
    let t = alloc(
        &STATIC_TYPE_VT,
        TypeObj::new(
            name,
            name.to_string(),
            new_tuple(bases),
            dict,
            Some(builtin),
            new_tuple(Vec::new()),
        ),
    );
    let mut mro = vec![t.clone()];
    if let Some(b) = &base {
        mro.extend(type_obj(b).mro_vec());
    }
    let empty = std::mem::replace(&mut *type_obj(&t).mro.borrow_mut(), new_tuple(mro));
    drop(empty);
    t
}

impl Runtime {
    fn new() -> Runtime {
        let none = alloc(&NONE_VT, NoneObj);
        let true_ = alloc(&BOOL_VT, BoolObj(true));
        let false_ = alloc(&BOOL_VT, BoolObj(false));
        let not_implemented = alloc(&NOTIMPL_VT, NotImplementedObj);
        let ellipsis = alloc(&ELLIPSIS_VT, EllipsisObj);
        let empty_tuple = alloc(&TUPLE_VT, TupleObj(RefCell::new(Vec::new())));
        // CPython's empty tuple is a shared singleton that is never tracked.
        empty_tuple.untrack();
        // CPython 3.11 allocates these statically, with a count of about a billion.
        empty_tuple.make_static();
        let small_ints = (-5i64..=256)
            .map(|i| {
                let int = alloc(&INT_VT, IntObj::Small(i));
                int.make_static();
                int
            })
            .collect();
        let object = raw_type("object", vec![], Builtin::Object);
        let o = || vec![object.clone()];
        let type_ = raw_type("type", o(), Builtin::Type);
        let int = raw_type("int", o(), Builtin::Int);
        let bool_ = raw_type("bool", vec![int.clone()], Builtin::Bool);
        let base_exception = raw_type("BaseException", o(), Builtin::Exception);
        let ex = |name: &str, base: &ObjRef| raw_type(name, vec![base.clone()], Builtin::Exception);
        let exception = ex("Exception", &base_exception);
        let arithmetic_error = ex("ArithmeticError", &exception);
        let lookup_error = ex("LookupError", &exception);
        let name_error = ex("NameError", &exception);
        let runtime_error = ex("RuntimeError", &exception);
        let import_error = ex("ImportError", &exception);
        let os_error = ex("OSError", &exception);
        let value_error = ex("ValueError", &exception);
        let syntax_error = ex("SyntaxError", &exception);
        let unicode_error = ex("UnicodeError", &value_error);
        let warning = ex("Warning", &exception);
        let types = Types {
            type_,
            float: raw_type("float", o(), Builtin::Float),
            complex: raw_type("complex", o(), Builtin::Complex),
            str_: raw_type("str", o(), Builtin::Str),
            bytes: raw_type("bytes", o(), Builtin::Bytes),
            bytearray: raw_type("bytearray", o(), Builtin::ByteArray),
            list: raw_type("list", o(), Builtin::List),
            tuple: raw_type("tuple", o(), Builtin::Tuple),
            dict: raw_type("dict", o(), Builtin::Dict),
            set: raw_type("set", o(), Builtin::Set),
            frozenset: raw_type("frozenset", o(), Builtin::FrozenSet),
            range: raw_type("range", o(), Builtin::Range),
            none_type: raw_type("NoneType", o(), Builtin::NoneType),
            function: raw_type("function", o(), Builtin::Function),
            method: raw_type("method", o(), Builtin::Other),
            builtin: raw_type("builtin_function_or_method", o(), Builtin::Other),
            generator: raw_type("generator", o(), Builtin::Other),
            cell: raw_type("cell", o(), Builtin::Other),
            code: raw_type("code", o(), Builtin::Other),
            module: raw_type("module", o(), Builtin::Other),
            slice: raw_type("slice", o(), Builtin::Other),
            property: raw_type("property", o(), Builtin::Other),
            staticmethod: raw_type("staticmethod", o(), Builtin::Other),
            classmethod: raw_type("classmethod", o(), Builtin::Other),
            super_: raw_type("super", o(), Builtin::Other),
            iterator: raw_type("iterator", o(), Builtin::Other),
            dict_keys: raw_type("dict_keys", o(), Builtin::Other),
            dict_values: raw_type("dict_values", o(), Builtin::Other),
            dict_items: raw_type("dict_items", o(), Builtin::Other),
            weakref: raw_type("ReferenceType", o(), Builtin::Other),
            weakproxy: raw_type("ProxyType", o(), Builtin::Other),
            c_long: raw_type("c_long", o(), Builtin::Other),
            file: raw_type("_io.TextIOWrapper", o(), Builtin::Other),
            not_impl_type: raw_type("NotImplementedType", o(), Builtin::Other),
            ellipsis_type: raw_type("ellipsis", o(), Builtin::Other),
            system_exit: ex("SystemExit", &base_exception),
            keyboard_interrupt: ex("KeyboardInterrupt", &base_exception),
            generator_exit: ex("GeneratorExit", &base_exception),
            stop_iteration: ex("StopIteration", &exception),
            zero_division_error: ex("ZeroDivisionError", &arithmetic_error),
            overflow_error: ex("OverflowError", &arithmetic_error),
            assertion_error: ex("AssertionError", &exception),
            attribute_error: ex("AttributeError", &exception),
            index_error: ex("IndexError", &lookup_error),
            key_error: ex("KeyError", &lookup_error),
            unbound_local_error: ex("UnboundLocalError", &name_error),
            type_error: ex("TypeError", &exception),
            recursion_error: ex("RecursionError", &runtime_error),
            not_implemented_error: ex("NotImplementedError", &runtime_error),
            module_not_found_error: ex("ModuleNotFoundError", &import_error),
            memory_error: ex("MemoryError", &exception),
            file_not_found_error: ex("FileNotFoundError", &os_error),
            reference_error: ex("ReferenceError", &exception),
            indentation_error: ex("IndentationError", &syntax_error),
            eof_error: ex("EOFError", &exception),
            unicode_decode_error: ex("UnicodeDecodeError", &unicode_error),
            unicode_encode_error: ex("UnicodeEncodeError", &unicode_error),
            unicode_error,
            deprecation_warning: ex("DeprecationWarning", &warning),
            user_warning: ex("UserWarning", &warning),
            runtime_warning: ex("RuntimeWarning", &warning),
            buffer_error: ex("BufferError", &exception),
            object,
            int,
            bool_,
            base_exception,
            exception,
            arithmetic_error,
            lookup_error,
            name_error,
            runtime_error,
            import_error,
            os_error,
            value_error,
            syntax_error,
            warning,
        };
        *types
            .weakref
            .downcast::<TypeObj>()
            .unwrap()
            .qualname
            .borrow_mut() = "weakref.ReferenceType".into();
        *types
            .weakproxy
            .downcast::<TypeObj>()
            .unwrap()
            .qualname
            .borrow_mut() = "weakref.ProxyType".into();
        for t in [
            &types.object,
            &types.function,
            &types.type_,
            &types.set,
            &types.frozenset,
        ] {
            t.downcast::<TypeObj>().unwrap().weakrefable.set(true);
        }
        let builtins = alloc(&dict::DICT_VT, DictObj(RefCell::new(Table::default())));
        let gc_callbacks = alloc(&LIST_VT, ListObj::new(Vec::new()));
        let gc_garbage = alloc(&LIST_VT, ListObj::new(Vec::new()));
        Runtime {
            none,
            true_,
            false_,
            not_implemented,
            ellipsis,
            empty_tuple,
            small_ints,
            interned: RefCell::new(HashMap::new()),
            types,
            builtins,
            modules: RefCell::new(Vec::new()),
            recursion_limit: Cell::new(1000),
            depth: Cell::new(0),
            stack_base: Cell::new(0),
            out: RefCell::new(String::new()),
            out_is_tty: Cell::new(false),
            out_pending: RefCell::new(Vec::new()),
            out_pending_bytes: Cell::new(0),
            gc_callbacks,
            gc_garbage,
            argv: RefCell::new(Vec::new()),
            main_globals: RefCell::new(None),
            atexit: RefCell::new(Vec::new()),
            repr_stack: RefCell::new(Vec::new()),
            discard_output: Cell::new(false),
            capture: RefCell::new(None),
            step_budget: Cell::new(0),
            eval: Default::default(),
            frame_pool: Default::default(),
        }
    }

    /// Every built-in type with the name it is exposed under in `builtins`.
    pub fn builtin_type_names(&self) -> Vec<(&'static str, &ObjRef)> {
        let t = &self.types;
        vec![
            ("object", &t.object),
            ("type", &t.type_),
            ("int", &t.int),
            ("bool", &t.bool_),
            ("float", &t.float),
            ("complex", &t.complex),
            ("str", &t.str_),
            ("bytes", &t.bytes),
            ("bytearray", &t.bytearray),
            ("list", &t.list),
            ("tuple", &t.tuple),
            ("dict", &t.dict),
            ("set", &t.set),
            ("frozenset", &t.frozenset),
            ("range", &t.range),
            ("slice", &t.slice),
            ("property", &t.property),
            ("staticmethod", &t.staticmethod),
            ("classmethod", &t.classmethod),
            ("super", &t.super_),
            ("BaseException", &t.base_exception),
            ("SystemExit", &t.system_exit),
            ("KeyboardInterrupt", &t.keyboard_interrupt),
            ("GeneratorExit", &t.generator_exit),
            ("Exception", &t.exception),
            ("StopIteration", &t.stop_iteration),
            ("ArithmeticError", &t.arithmetic_error),
            ("ZeroDivisionError", &t.zero_division_error),
            ("OverflowError", &t.overflow_error),
            ("AssertionError", &t.assertion_error),
            ("AttributeError", &t.attribute_error),
            ("LookupError", &t.lookup_error),
            ("IndexError", &t.index_error),
            ("KeyError", &t.key_error),
            ("NameError", &t.name_error),
            ("UnboundLocalError", &t.unbound_local_error),
            ("TypeError", &t.type_error),
            ("ValueError", &t.value_error),
            ("RuntimeError", &t.runtime_error),
            ("RecursionError", &t.recursion_error),
            ("NotImplementedError", &t.not_implemented_error),
            ("ImportError", &t.import_error),
            ("ModuleNotFoundError", &t.module_not_found_error),
            ("MemoryError", &t.memory_error),
            ("OSError", &t.os_error),
            ("FileNotFoundError", &t.file_not_found_error),
            ("ReferenceError", &t.reference_error),
            ("SyntaxError", &t.syntax_error),
            ("IndentationError", &t.indentation_error),
            ("EOFError", &t.eof_error),
            ("UnicodeError", &t.unicode_error),
            ("UnicodeDecodeError", &t.unicode_decode_error),
            ("UnicodeEncodeError", &t.unicode_encode_error),
            ("Warning", &t.warning),
            ("DeprecationWarning", &t.deprecation_warning),
            ("UserWarning", &t.user_warning),
            ("RuntimeWarning", &t.runtime_warning),
            ("BufferError", &t.buffer_error),
        ]
    }
}

// ---- constructors -------------------------------------------------------------------------------

thread_local! {
    static NAMED_TYPES: RefCell<HashMap<String, ObjRef>> = RefCell::new(HashMap::new());
}

/// The type object of a built-in helper type known only by name (map, zip, list_iterator, …).
pub fn named_type(name: &str) -> ObjRef {
    if let Some(t) = NAMED_TYPES.with(|m| m.borrow().get(name).cloned()) {
        return t;
    }
    let t = raw_type(name, vec![rt().types.object.clone()], Builtin::Other);
    NAMED_TYPES.with(|m| m.borrow_mut().insert(name.to_string(), t.clone()));
    t
}

pub fn none() -> ObjRef {
    rt().none.clone()
}

pub fn bool_obj(b: bool) -> ObjRef {
    if b {
        rt().true_.clone()
    } else {
        rt().false_.clone()
    }
}

pub fn int(i: i64) -> ObjRef {
    if (-5..=256).contains(&i) {
        return rt().small_ints[(i + 5) as usize].clone();
    }
    alloc(&INT_VT, IntObj::Small(i))
}

pub fn bigint(b: BigInt) -> ObjRef {
    match IntObj::from_bigint(b) {
        IntObj::Small(i) => int(i),
        big => alloc(&INT_VT, big),
    }
}

pub fn float(f: f64) -> ObjRef {
    alloc(&FLOAT_VT, FloatObj(f))
}

pub fn complex(re: f64, im: f64) -> ObjRef {
    alloc(&COMPLEX_VT, ComplexObj(re, im))
}

thread_local! {
    static LATIN1: RefCell<Vec<Option<ObjRef>>> = RefCell::new(vec![None; 256]);
    static EMPTY_STR: RefCell<Option<ObjRef>> = const { RefCell::new(None) };
}

/// The shared one-character string for code points below 256, else a new string (CPython's latin-1 cache).
pub fn char_str(c: char) -> ObjRef {
    let n = c as u32;
    if n >= 256 {
        return string(c.to_string());
    }
    if let Some(o) = LATIN1.with(|l| l.borrow()[n as usize].clone()) {
        return o;
    }
    let o = alloc(
        &STR_VT,
        StrObj {
            s: c.to_string(),
            hash: std::cell::Cell::new(None),
        },
    );
    o.make_static();
    LATIN1.with(|l| l.borrow_mut()[n as usize] = Some(o.clone()));
    o
}

fn empty_str() -> ObjRef {
    if let Some(o) = EMPTY_STR.with(|e| e.borrow().clone()) {
        return o;
    }
    let o = alloc(
        &STR_VT,
        StrObj {
            s: String::new(),
            hash: std::cell::Cell::new(None),
        },
    );
    o.make_static();
    EMPTY_STR.with(|e| *e.borrow_mut() = Some(o.clone()));
    o
}

pub fn str_obj(s: &str) -> ObjRef {
    if s.is_empty() {
        return empty_str();
    }
    alloc(
        &STR_VT,
        StrObj {
            s: s.to_string(),
            hash: std::cell::Cell::new(None),
        },
    )
}

pub fn string(s: String) -> ObjRef {
    if s.is_empty() {
        return empty_str();
    }
    alloc(
        &STR_VT,
        StrObj {
            s,
            hash: std::cell::Cell::new(None),
        },
    )
}

/// The interned string object for `s` (CPython interns identifiers and identifier-like constants).
pub fn intern(s: &str) -> ObjRef {
    if s.is_empty() {
        return empty_str();
    }
    if let Some(o) = rt().interned.borrow().get(s) {
        return o.clone();
    }
    let o = str_obj(s);
    rt().interned.borrow_mut().insert(s.to_string(), o.clone());
    o
}

pub fn bytes(b: Vec<u8>) -> ObjRef {
    alloc(&BYTES_VT, BytesObj(b))
}

pub fn bytearray(b: Vec<u8>) -> ObjRef {
    alloc(&BYTEARRAY_VT, ByteArrayObj::exact(b))
}

pub fn list(v: Vec<ObjRef>) -> ObjRef {
    alloc(&LIST_VT, ListObj::new(v))
}

pub fn tuple(v: Vec<ObjRef>) -> ObjRef {
    if v.is_empty() {
        return rt().empty_tuple.clone();
    }
    alloc(&TUPLE_VT, TupleObj(RefCell::new(v)))
}

pub fn dict() -> ObjRef {
    alloc(&dict::DICT_VT, DictObj(RefCell::new(Table::default())))
}

pub fn set(frozen: bool) -> ObjRef {
    let mut table = Table::default();
    table.capacity = crate::sizes::Capacity::new_set();
    alloc(
        if frozen { &FROZENSET_VT } else { &SET_VT },
        SetObj {
            table: RefCell::new(table),
            frozen,
        },
    )
}

pub fn builtin_fn(name: &'static str, f: NativeFn) -> ObjRef {
    alloc(
        &BUILTIN_VT,
        BuiltinObj {
            name,
            f,
            self_obj: None,
            method: None,
        },
    )
}

pub fn bound_builtin(name: &'static str, f: NativeFn, self_obj: ObjRef) -> ObjRef {
    alloc(
        &BUILTIN_VT,
        BuiltinObj {
            name,
            f,
            self_obj: Some(self_obj),
            method: None,
        },
    )
}

/// A built-in method with its declared signature, bound to `self_obj` or taken from its type.
pub fn method_obj(m: crate::callsig::Method, self_obj: Option<ObjRef>) -> ObjRef {
    alloc(
        &BUILTIN_VT,
        BuiltinObj {
            name: m.name(),
            f: m.def.f,
            self_obj,
            method: Some(m),
        },
    )
}

pub fn iter_obj(state: IterState) -> ObjRef {
    let vtable = match state {
        IterState::SmallRange { .. } | IterState::Range { .. } => &RANGE_ITER_VT,
        _ => &ITER_VT,
    };
    alloc(vtable, IterObj(RefCell::new(state)))
}

// ---- output -------------------------------------------------------------------------------------

/// Append to the program's stdout. Block-buffered like CPython's when stdout is not a terminal.
pub fn write_out(s: &str) {
    let r = rt();
    if r.discard_output.get() {
        return;
    }
    if let Some(c) = r.capture.borrow_mut().as_mut() {
        c.0.push_str(s);
        return;
    }
    let flush = {
        let mut o = r.out.borrow_mut();
        o.push_str(s);
        o.len() > 8192 || (r.out_is_tty.get() && s.contains('\n'))
    };
    if flush {
        write_buffered_out();
    }
}

/// `sys.stdout.write(text)` for a str object, after CPython's `_io.TextIOWrapper.write`: the text counts
/// towards the 8192-byte chunk, and an ASCII text of at most one chunk is kept as the object itself
/// (not an encoded copy) until the pending text is passed on: when the next text would overflow the
/// chunk, when the chunk is full, at a line end on a terminal (line buffering), or at a flush.
pub fn write_out_str(text: &ObjRef) {
    const CHUNK: usize = 8192;
    let Some(s) = crate::ops::str_of(text) else {
        return;
    };
    let r = rt();
    if r.out_pending_bytes.get() + s.len() > CHUNK {
        release_pending_out();
    }
    if s.is_ascii() && s.len() <= CHUNK {
        r.out_pending.borrow_mut().push(text.clone());
    }
    r.out_pending_bytes.set(r.out_pending_bytes.get() + s.len());
    let line_end = r.out_is_tty.get() && s.contains(['\n', '\r']);
    if r.out_pending_bytes.get() >= CHUNK || line_end {
        release_pending_out();
    }
    write_out(s);
}

/// The pending text has been encoded and passed on: stdout no longer holds the str objects.
fn release_pending_out() {
    let r = rt();
    r.out_pending_bytes.set(0);
    let held = std::mem::take(&mut *r.out_pending.borrow_mut());
    drop(held);
}

/// `sys.stdout.flush()`: pass on the pending text and write everything buffered.
pub fn flush_out() {
    release_pending_out();
    write_buffered_out();
}

/// Write the bytes buffered so far to the process's stdout.
fn write_buffered_out() {
    use std::io::Write;
    let s = std::mem::take(&mut *rt().out.borrow_mut());
    if !s.is_empty() {
        let mut so = std::io::stdout().lock();
        let _ = so.write_all(s.as_bytes());
        let _ = so.flush();
    }
}

pub fn write_err(s: &str) {
    if rt().discard_output.get() {
        return;
    }
    if let Some(c) = rt().capture.borrow_mut().as_mut() {
        c.1.push_str(s);
        return;
    }
    use std::io::Write;
    let mut se = std::io::stderr().lock();
    let _ = se.write_all(s.as_bytes());
    let _ = se.flush();
}

/// Testing aid: consume one unit of the instruction budget (iterator advances, so `sum(range(10**18))`
/// ends too, and frame entries). A no-op unless a budget is set.
#[inline]
pub fn charge_step() -> crate::PyResult<()> {
    charge_steps(1)
}

/// Consume `n` units of the instruction budget: the frame loop charges a backward jump with the
/// instructions it jumps back over (the loop body just run).
///
/// NOTE: like CPython's eval breaker, which is checked at backward jumps and calls rather than at every
/// instruction: code without a backward jump or a call runs each instruction at most once, so charging
/// there still bounds every run, and the instruction loop itself pays nothing.
#[inline]
pub fn charge_steps(n: u64) -> crate::PyResult<()> {
    let r = rt();
    let budget = r.step_budget.get();
    if budget != 0 {
        if budget <= n {
            r.step_budget.set(1);
            return Err(crate::exc::runtime_error("instruction budget exhausted"));
        }
        r.step_budget.set(budget - n);
    }
    Ok(())
}

/// On a terminal, show stdout's text before writing to stderr (the str objects stay pending).
pub fn flush_out_if_tty() {
    if rt().out_is_tty.get() {
        write_buffered_out();
    }
}

//! refpy-vm: a Python 3.11-subset interpreter whose memory behaviour mirrors CPython's, on refpy-heap.
//!
//! Pipeline: ruff's parser → [`compile`] (scopes + bytecode) → [`eval`] (a stack VM). Every Python object
//! is a refpy-heap object ([`objects`]); the VM never frees memory itself.

pub mod arith;
pub mod attrs;
pub mod builtins;
pub mod bytecode;
pub mod callsig;
pub mod compile;
pub mod complex;
pub mod eval;
pub mod exc;
pub mod format;
pub mod frame;
pub mod genericalias;
pub mod iters;
pub mod linehook;
pub mod matching;
pub mod metaclass;
pub mod methods;
pub mod modules;
pub mod object;
pub mod objectmethods;
pub mod objects;
pub mod ops;
pub mod rt;
pub mod seq;
pub mod setorder;
pub mod sizes;
pub mod suggestions;
pub mod syntax;
pub mod traceback;
pub mod typecache;
pub mod typedir;
pub mod typedoc;
pub mod valuemethods;

use std::rc::Rc;

use refpy_heap::ObjRef;

pub use exc::{PyErr, PyResult};

/// Stack size of the interpreter thread: Python recursion runs on it, bounded by checks in `eval`.
pub const STACK_SIZE: usize = 1 << 30;

/// Run `f` on a new thread with a large stack (the interpreter's thread; the heap is per thread).
pub fn on_interpreter_thread<R: Send + 'static>(f: impl FnOnce() -> R + Send + 'static) -> R {
    let handle = std::thread::Builder::new()
        .name("refpy".into())
        .stack_size(STACK_SIZE)
        .spawn(move || {
            let base = 0u8;
            let r = rt::rt();
            r.stack_base.set(&base as *const u8 as usize);
            f()
        })
        .expect("spawn interpreter thread");
    match handle.join() {
        Ok(r) => r,
        Err(_) => {
            rt::write_err("refpy: internal error\n");
            std::process::exit(70)
        }
    }
}

/// Make sure builtins are installed (idempotent).
pub fn init() {
    let r = rt::rt();
    if ops::dict_get_str(&r.builtins, "print").is_none() {
        builtins::install();
    }
}

/// The filename of library code written in Python that stands for CPython's C code (`deque`, `itertools`,
/// …): its frames add no traceback entries, as a C function adds none.
pub const BUILT_IN_CODE: &str = "<built-in>";

/// Compile and run library code written in Python into `globals`.
pub fn run_prelude(src: &str, filename: &str, globals: &ObjRef) -> PyResult<()> {
    let parsed = ruff_python_parser::parse_module(src)
        .map_err(|e| exc::runtime_error(format!("prelude: {}", e)))?;
    let source = Rc::new(bytecode::Source::new(filename, src));
    let compiled = compile::compile_module(&parsed.syntax().body, source, false)
        .map_err(|e| exc::runtime_error(format!("prelude: {}", e.msg)))?;
    run_code(&compiled.code, globals)?;
    drop(compiled);
    Ok(())
}

/// Run a module-level code object with `globals` as its namespace.
pub fn run_code(code: &ObjRef, globals: &ObjRef) -> PyResult<ObjRef> {
    run_code_in(code, globals, globals)
}

/// Run a module-level code object with separate `globals` and `locals` (`exec(code, g, l)`).
pub fn run_code_in(code: &ObjRef, globals: &ObjRef, locals: &ObjRef) -> PyResult<ObjRef> {
    if ops::dict_get_str(globals, "__builtins__").is_none() {
        ops::dict_set_str(globals, "__builtins__", modules::import("builtins")?);
    }
    let mut frame = frame::Frame {
        code: code.clone(),
        globals: globals.clone(),
        locals: Some(locals.clone()),
        fast: Vec::new(),
        cells: Vec::new(),
        stack: Vec::new(),
        blocks: Vec::new(),
        ip: 0,
        in_yield_from: false,
        pending: None,
        frame_obj: std::cell::RefCell::new(None),
    };
    match eval::run_frame_guarded(&mut frame)? {
        eval::Exit::Return(v) | eval::Exit::Yield(v) => Ok(v),
    }
}

/// A fresh `__main__` namespace.
pub fn main_globals() -> ObjRef {
    let g = rt::dict();
    ops::dict_set_str(&g, "__name__", rt::str_obj("__main__"));
    ops::dict_set_str(&g, "__doc__", rt::none());
    ops::dict_set_str(&g, "__package__", rt::none());
    ops::dict_set_str(&g, "__loader__", rt::none());
    ops::dict_set_str(&g, "__spec__", rt::none());
    ops::dict_set_str(&g, "__annotations__", rt::dict());
    if let Ok(b) = modules::import("builtins") {
        ops::dict_set_str(&g, "__builtins__", b);
    }
    *rt::rt().main_globals.borrow_mut() = Some(g.clone());
    g
}

/// How a run ended.
pub enum Outcome {
    Ok,
    /// An uncaught exception (already reported on stderr) or SystemExit: the process exit code.
    Exit(i32),
}

/// Exit code for an uncaught exception, reporting it like CPython (SystemExit is not a traceback).
pub fn report_uncaught(e: &PyErr) -> i32 {
    let r = rt::rt();
    if exc::matches(&e.0, &r.types.system_exit) {
        let args = exc::exc_args(&e.0);
        let code = match args.len() {
            0 => rt::none(),
            1 => args[0].clone(),
            _ => rt::tuple(args),
        };
        if ops::is_none(&code) {
            return 0;
        }
        if let Some(i) = ops::as_i64(&code) {
            return i as i32;
        }
        rt::flush_out();
        rt::write_err(&format!("{}\n", ops::str_(&code).unwrap_or_default()));
        return 1;
    }
    rt::flush_out();
    traceback::print_exception(&e.0);
    1
}

/// Parse, compile and run `src` as `__main__`; report errors like CPython; run the shutdown sequence.
/// Returns the process exit code.
pub fn run_main(src: &str, filename: &str, argv: Vec<String>) -> i32 {
    init();
    *rt::rt().argv.borrow_mut() = argv;
    let code = match syntax::compile_source(src, filename, false) {
        Ok(c) => c,
        Err(report) => {
            rt::flush_out();
            rt::write_err(&report.render());
            return 1;
        }
    };
    let globals = main_globals();
    if let Some((dir, _)) = filename
        .rsplit_once('/')
        .filter(|_| !filename.starts_with('<'))
    {
        modules::set_script_dir(if dir.is_empty() { "/" } else { dir });
    }
    if filename != "<string>" {
        // A script (or stdin) has a `__file__`; `-c` code does not.
        ops::dict_set_str(&globals, "__file__", rt::str_obj(filename));
        ops::dict_set_str(&globals, "__cached__", rt::none());
    }
    let result = run_code(&code.code, &globals);
    let mut exit = match &result {
        Ok(_) => 0,
        Err(e) => report_uncaught(e),
    };
    drop(result);
    drop(code);
    if let Err(e) = shutdown(globals) {
        exit = report_uncaught(&e);
    }
    rt::flush_out();
    exit
}

/// CPython's interpreter shutdown, as far as it is observable: atexit callbacks (weakref.finalize) run,
/// then every module but `sys` and `builtins` is dropped and a full collection runs. `__main__`'s namespace
/// is then unreachable, so its objects are finalized in the collector's order (not in name order) —
/// which is what CPython 3.11 prints. Takes the last handle to `__main__`'s globals.
pub fn shutdown(globals: ObjRef) -> PyResult<()> {
    let r = rt::rt();
    let funcs: Vec<ObjRef> = std::mem::take(&mut *r.atexit.borrow_mut());
    for f in funcs.iter().rev() {
        if let Err(e) = ops::call(f, vec![], vec![]) {
            traceback::print_unraisable("Exception ignored in atexit callback", &e);
        }
    }
    drop(funcs);
    rt::flush_out();
    let main = r.main_globals.borrow_mut().take();
    drop(main);
    drop(globals);
    let dropped: Vec<(String, ObjRef)> = {
        let mut mods = r.modules.borrow_mut();
        let (keep, drop_these): (Vec<_>, Vec<_>) = std::mem::take(&mut *mods)
            .into_iter()
            .partition(|(n, _)| n == "sys" || n == "builtins");
        *mods = keep;
        drop_these
    };
    drop(dropped);
    refpy_heap::gc::collect(2);
    Ok(())
}

/// Run untrusted source in this thread with output discarded and at most `steps` instructions
/// (the fuzz tests' entry point). Returns the exit code `run_main` would.
pub fn run_sandboxed(src: &str, steps: u64) -> i32 {
    let r = rt::rt();
    r.discard_output.set(true);
    r.step_budget.set(steps.max(2));
    r.recursion_limit.set(1000);
    refpy_heap::gc::enable();
    refpy_heap::gc::set_threshold(700, Some(10), Some(10));
    let code = run_main(src, "<fuzz>", vec!["<fuzz>".into()]);
    r.step_budget.set(0);
    code
}

/// Run `src` as `__main__` (file name `test.py`) in this thread and return (stdout, stderr, exit code).
pub fn run_captured(src: &str) -> (String, String, i32) {
    let r = rt::rt();
    *r.capture.borrow_mut() = Some((String::new(), String::new()));
    let code = run_main(src, "test.py", vec!["test.py".into()]);
    let (out, err) = r.capture.borrow_mut().take().unwrap_or_default();
    (out, err, code)
}

/// Run one REPL entry; `Some(code)` when the program asked to exit.
pub fn exec_interactive(src: &str, globals: &ObjRef) -> Option<i32> {
    let code = match syntax::compile_source(src, "<stdin>", true) {
        Ok(c) => c,
        Err(report) => {
            rt::flush_out();
            rt::write_err(&report.render());
            return None;
        }
    };
    let result = run_code(&code.code, globals);
    drop(code);
    match result {
        Ok(_) => None,
        Err(e) => {
            if exc::matches(&e.0, &rt::rt().types.system_exit) {
                return Some(report_uncaught(&e));
            }
            report_uncaught(&e);
            None
        }
    }
}

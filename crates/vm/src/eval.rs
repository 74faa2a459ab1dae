//! The evaluator: runs a frame's bytecode on its value stack, and the calling convention.
//!
//! Python calls recurse on the Rust stack; the interpreter thread has a large stack, and both the
//! recursion limit and the remaining stack are checked on every call, so deep recursion becomes a
//! `RecursionError`, never a crash.

use std::cell::RefCell;

use refpy_heap::ObjRef;

use crate::bytecode::*;
use crate::exc::*;
use crate::frame::{Block, BlockKind, Frame};
use crate::object::alloc;
use crate::objects::*;
use crate::ops::{self, type_name};
use crate::rt::{self, rt};
use crate::traceback::FrameObj;

/// The evaluator's per-thread state. It lives in the runtime, so one thread-local load reaches it: a
/// `thread_local!` whose value needs dropping costs a call and a state check per access, and a Python call
/// makes several.
#[derive(Default)]
pub struct EvalState {
    /// Exceptions being handled (innermost last): `sys.exc_info()`, bare `raise`, implicit chaining.
    handled: RefCell<Vec<ObjRef>>,
    /// The running frames, innermost last.
    running: RefCell<Vec<RunningFrame>>,
}

#[inline(always)]
fn with_handled<R>(f: impl FnOnce(&RefCell<Vec<ObjRef>>) -> R) -> R {
    f(&rt().eval.handled)
}

#[inline(always)]
fn with_running<R>(f: impl FnOnce(&RefCell<Vec<RunningFrame>>) -> R) -> R {
    f(&rt().eval.running)
}

pub fn handled_top() -> Option<ObjRef> {
    with_handled(|h| h.borrow().last().cloned())
}

fn handled_push(e: ObjRef) {
    with_handled(|h| h.borrow_mut().push(e));
}

fn handled_pop() {
    let e = with_handled(|h| h.borrow_mut().pop());
    drop(e);
}

pub enum Exit {
    Return(ObjRef),
    Yield(ObjRef),
}

// ---- calls --------------------------------------------------------------------------------------

pub fn call(f: &ObjRef, args: Vec<ObjRef>, kwargs: Vec<(String, ObjRef)>) -> PyResult<ObjRef> {
    if f.downcast::<FunctionObj>().is_some() {
        return call_function(f, args, kwargs, None);
    }
    if let Some(m) = f.downcast::<MethodObj>() {
        let mut full = Vec::with_capacity(args.len() + 1);
        full.push(m.self_obj.clone());
        full.extend(args);
        let func = m.func.clone();
        return call(&func, full, kwargs);
    }
    if let Some(b) = f.downcast::<BuiltinObj>() {
        return counted_builtin_call(|| call_builtin(b, args, kwargs));
    }
    if let Some(t) = f.downcast::<TypeObj>() {
        if let Some(meta) = &t.metatype {
            return call_class_of_metaclass(f, meta, args, kwargs);
        }
        return crate::builtins::construct(f, args, kwargs);
    }
    if f.downcast::<Instance>().is_some() {
        if let Some(c) = ops::lookup_type(&ops::type_of(f), "__call__") {
            let mut full = vec![f.clone()];
            full.extend(args);
            return call(&c, full, kwargs);
        }
    }
    if let Some(t) = ops::proxy_target(f) {
        return call(&t?, args, kwargs);
    }
    if let Some(w) = refpy_heap::weakref::as_weakref(f) {
        if w.kind() == refpy_heap::weakref::WeakKind::Ref {
            if !args.is_empty() {
                return Err(type_error(format!(
                    "weakref() takes no arguments ({} given)",
                    args.len()
                )));
            }
            return Ok(refpy_heap::weakref::upgrade(f).unwrap_or_else(rt::none));
        }
    }
    if let Some(DescrObj::Static(inner)) = f.downcast::<DescrObj>() {
        return call(inner, args, kwargs);
    }
    if let Some(g) = f.downcast::<crate::genericalias::GenericAliasObj>() {
        return crate::genericalias::call(g, args, kwargs);
    }
    Err(type_error(format!(
        "'{}' object is not callable",
        type_name(f)
    )))
}

/// Calls class `cls` whose metaclass `meta` is written in Python: the metaclass's own `__call__` (a
/// singleton's, say) decides what the call makes. Kept out of `call`, whose plain-class path is hot.
#[inline(never)]
fn call_class_of_metaclass(
    cls: &ObjRef,
    meta: &ObjRef,
    args: Vec<ObjRef>,
    kwargs: Vec<(String, ObjRef)>,
) -> PyResult<ObjRef> {
    match ops::lookup_type(meta, "__call__") {
        Some(c) => {
            let mut full = Vec::with_capacity(args.len() + 1);
            full.push(cls.clone());
            full.extend(args);
            call(&c, full, kwargs)
        }
        None => crate::builtins::construct(cls, args, kwargs),
    }
}

/// Runs a call of a built-in. Each counts against the recursion limit, as CPython's generic calls of C
/// functions do (" while calling a Python object"). NOTE: CPython's specialised call instructions skip
/// the check for some built-ins (fast-call ones such as `next`); refpy keeps the generic rule. Python
/// frames check the native stack; a depth check bounds the nesting of built-ins.
fn counted_builtin_call(run: impl FnOnce() -> PyResult<ObjRef>) -> PyResult<ObjRef> {
    let r = rt();
    let depth = r.depth.get();
    if depth >= r.recursion_limit.get() {
        return Err(recursion_error(
            "maximum recursion depth exceeded while calling a Python object",
        ));
    }
    r.depth.set(depth + 1);
    let result = run();
    r.depth.set(depth);
    result
}

/// Call built-in method `m` with `args` (self, then the positional arguments) where they lie on the
/// value stack, as CPython's CALL of a method descriptor does: the same checks and errors as calling the
/// bound method, without the bound object or an argument vector.
fn call_method_in_place(m: crate::callsig::Method, args: &mut [ObjRef]) -> PyResult<ObjRef> {
    counted_builtin_call(|| {
        m.check(args, &[], true)?;
        (m.def.f)(args, &[])
    })
}

/// Whether built-in `b` takes the call's arguments as they are: it is bound to nothing or to its module.
/// The built-ins that read the calling frame: locals() and vars() (a snapshot of its variables; module and
/// class bodies: the namespace), eval(src) and exec(src) (its globals and locals).
fn reads_caller_frame(b: &BuiltinObj) -> bool {
    b.self_obj.is_none() && matches!(b.name, "locals" | "vars" | "dir" | "eval" | "exec")
}

fn is_unbound_builtin(b: &BuiltinObj) -> bool {
    b.self_obj
        .as_ref()
        .is_none_or(|s| s.downcast::<ModuleObj>().is_some())
}

/// Call built-in `b` (unbound: `is_unbound_builtin`) with positional `args` where they lie on the value
/// stack, as CPython's CALL of a C function does: the same checks and errors as `call`, without an
/// argument vector.
fn call_builtin_in_place(b: &BuiltinObj, args: &mut [ObjRef]) -> PyResult<ObjRef> {
    counted_builtin_call(|| {
        if let Some(m) = &b.method {
            m.check(args, &[], false)?;
        }
        (b.f)(args, &[])
    })
}

/// Call a built-in function or method with its bound object (if any) in front of the arguments.
fn call_builtin(
    b: &BuiltinObj,
    args: Vec<ObjRef>,
    kwargs: Vec<(String, ObjRef)>,
) -> PyResult<ObjRef> {
    let (mut full, bound) = match &b.self_obj {
        Some(s) if !is_unbound_builtin(b) => {
            let mut full = Vec::with_capacity(args.len() + 1);
            full.push(s.clone());
            full.extend(args);
            (full, true)
        }
        _ => (args, false),
    };
    if let Some(m) = &b.method {
        m.check(&mut full, &kwargs, bound)?;
    }
    (b.f)(&full, &kwargs)
}

fn fn_name(f: &FunctionObj) -> String {
    f.qualname.borrow().clone()
}

/// Bind arguments to a new frame for `func` (CPython's argument-passing rules and error messages).
fn bind_args(
    func: &FunctionObj,
    code: &Code,
    mut args: Vec<ObjRef>,
    kwargs: Vec<(String, ObjRef)>,
) -> PyResult<Vec<Option<ObjRef>>> {
    // Only error messages need the name: no String per call.
    let name = || fn_name(func);
    let nfast = code.varnames.len();
    let argc = code.argcount;
    let has_varargs = code.flags & CO_VARARGS != 0;
    let has_varkw = code.flags & CO_VARKEYWORDS != 0;
    let kwonly = code.kwonlyargcount;
    let nargs = args.len();
    // The locals reuse the positional arguments' buffer (collected in place: `Option<ObjRef>` is as big as
    // `ObjRef`), as CPython's vectorcall copies the arguments straight into the new frame.
    if nargs == argc && kwargs.is_empty() && !has_varargs && !has_varkw && kwonly == 0 {
        // Every parameter given by position, nothing else to bind.
        let mut fast: Vec<Option<ObjRef>> = args.into_iter().map(Some).collect();
        fast.resize(nfast, None);
        return Ok(fast);
    }
    let extra: Vec<ObjRef> = if nargs > argc {
        args.split_off(argc)
    } else {
        Vec::new()
    };
    if !extra.is_empty() && !has_varargs {
        let defaults = func
            .defaults
            .borrow()
            .as_ref()
            .and_then(ops::tuple_items)
            .map_or(0, |d| d.len());
        let given_kw = kwargs
            .iter()
            .filter(|(k, _)| code.varnames[argc..argc + kwonly].iter().any(|v| v == k))
            .count();
        let takes = if defaults > 0 {
            format!("from {} to {}", argc - defaults, argc)
        } else {
            format!("{}", argc)
        };
        let kw_part = if given_kw > 0 {
            format!(
                " positional argument{} (and {} keyword-only argument{})",
                if nargs == 1 { "" } else { "s" },
                given_kw,
                if given_kw == 1 { "" } else { "s" }
            )
        } else {
            String::new()
        };
        return Err(type_error(format!(
            "{}() takes {} positional argument{} but {}{} {} given",
            name(),
            takes,
            if argc == 1 && defaults == 0 { "" } else { "s" },
            nargs,
            kw_part,
            if nargs == 1 && given_kw == 0 {
                "was"
            } else {
                "were"
            }
        )));
    }
    let mut fast: Vec<Option<ObjRef>> = args.into_iter().map(Some).collect();
    fast.resize(nfast, None);
    let mut idx = argc + kwonly;
    if has_varargs {
        fast[idx] = Some(rt::tuple(extra));
        idx += 1;
    }
    let kwdict = if has_varkw { Some(rt::dict()) } else { None };
    if !has_varkw {
        let posonly: Vec<&String> = kwargs
            .iter()
            .map(|(k, _)| k)
            .filter(|k| code.varnames[..code.posonlyargcount].contains(k))
            .collect();
        if !posonly.is_empty() {
            let names: Vec<&str> = posonly.iter().map(|s| s.as_str()).collect();
            return Err(type_error(format!(
                "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                name(),
                names.join(", ")
            )));
        }
    }
    for (k, v) in kwargs {
        let pos = code.varnames[code.posonlyargcount..argc + kwonly]
            .iter()
            .position(|n| *n == k)
            .map(|p| p + code.posonlyargcount);
        match pos {
            Some(p) => {
                if fast[p].is_some() {
                    return Err(type_error(format!(
                        "{}() got multiple values for argument '{}'",
                        name(),
                        k
                    )));
                }
                fast[p] = Some(v);
            }
            None => match &kwdict {
                Some(d) => ops::dict_set(d, rt::str_obj(&k), v)?,
                None => {
                    return Err(type_error(format!(
                        "{}() got an unexpected keyword argument '{}'",
                        name(),
                        k
                    )))
                }
            },
        }
    }
    if let Some(d) = kwdict {
        fast[idx] = Some(d);
    }
    // Defaults for missing positionals.
    let defaults = func
        .defaults
        .borrow()
        .as_ref()
        .and_then(ops::tuple_items)
        .unwrap_or_default();
    let first_default = argc - defaults.len().min(argc);
    let mut missing = Vec::new();
    for i in 0..argc {
        if fast[i].is_none() {
            if i >= first_default {
                fast[i] = Some(defaults[i - first_default].clone());
            } else {
                missing.push(code.varnames[i].clone());
            }
        }
    }
    if !missing.is_empty() {
        return Err(type_error(format!(
            "{}() missing {} required positional argument{}: {}",
            name(),
            missing.len(),
            if missing.len() == 1 { "" } else { "s" },
            join_names(&missing)
        )));
    }
    let kwdefaults = func.kwdefaults.borrow().clone();
    let mut missing = Vec::new();
    for i in argc..argc + kwonly {
        if fast[i].is_none() {
            let d = kwdefaults
                .as_ref()
                .and_then(|d| ops::dict_get_str(d, &code.varnames[i]));
            match d {
                Some(d) => fast[i] = Some(d),
                None => missing.push(code.varnames[i].clone()),
            }
        }
    }
    if !missing.is_empty() {
        return Err(type_error(format!(
            "{}() missing {} required keyword-only argument{}: {}",
            name(),
            missing.len(),
            if missing.len() == 1 { "" } else { "s" },
            join_names(&missing)
        )));
    }
    Ok(fast)
}

fn join_names(names: &[String]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{}'", n)).collect();
    match q.len() {
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        n => format!("{}, and {}", q[..n - 1].join(", "), q[n - 1]),
    }
}

/// Build the frame for a call of `f` (also used for class bodies, with `namespace`).
pub fn make_frame(
    f: &ObjRef,
    args: Vec<ObjRef>,
    kwargs: Vec<(String, ObjRef)>,
    namespace: Option<ObjRef>,
) -> PyResult<Frame> {
    let func = f.downcast::<FunctionObj>().expect("function");
    let code = &func.code.downcast::<CodeObj>().unwrap().0;
    let fast = if namespace.is_some() {
        Vec::new()
    } else {
        bind_args(func, code, args, kwargs)?
    };
    Ok(frame_with_locals(
        func,
        code,
        fast,
        Vec::with_capacity(8),
        namespace,
    ))
}

/// The frame of `func` whose fast locals hold the bound arguments, with its cells made (an argument that
/// is also a cell variable moves into its cell).
fn frame_with_locals(
    func: &FunctionObj,
    code: &Code,
    mut fast: Vec<Option<ObjRef>>,
    stack: Vec<ObjRef>,
    namespace: Option<ObjRef>,
) -> Frame {
    let mut cells = Vec::new();
    if !code.cellvars.is_empty() || !code.freevars.is_empty() {
        cells.reserve_exact(code.cellvars.len() + code.freevars.len());
        for (i, _) in code.cellvars.iter().enumerate() {
            let init = code
                .cell_args
                .get(i)
                .copied()
                .flatten()
                .and_then(|a| fast[a].take());
            cells.push(alloc(&CELL_VT, CellObj(RefCell::new(init))));
        }
        if let Some(cl) = func.closure.borrow().as_ref() {
            if let Some(t) = cl.downcast::<TupleObj>() {
                cells.extend(t.0.borrow().iter().cloned());
            }
        }
    }
    Frame {
        code: func.code.clone(),
        globals: func.globals.clone(),
        locals: namespace,
        fast,
        cells,
        stack,
        blocks: Vec::new(),
        ip: 0,
        in_yield_from: false,
        pending: None,
        frame_obj: RefCell::new(None),
    }
}

pub fn call_function(
    f: &ObjRef,
    args: Vec<ObjRef>,
    kwargs: Vec<(String, ObjRef)>,
    namespace: Option<ObjRef>,
) -> PyResult<ObjRef> {
    let frame = make_frame(f, args, kwargs, namespace)?;
    if frame.code().flags & CO_GENERATOR != 0 {
        let func = f.downcast::<FunctionObj>().unwrap();
        let name = func.name.borrow().clone();
        let qualname = func.qualname.borrow().clone();
        let frame_slots = crate::sizes::frame_slots(frame.code());
        return Ok(alloc(
            &GENERATOR_VT,
            GeneratorObj {
                frame_slots,
                frame: RefCell::new(Some(frame)),
                running: std::cell::Cell::new(false),
                name,
                qualname,
            },
        ));
    }
    let mut frame = frame;
    let result = run_frame_guarded(&mut frame);
    crate::frame::recycle(frame);
    match result? {
        Exit::Return(v) => Ok(v),
        Exit::Yield(v) => Ok(v),
    }
}

/// The number of locals of `f` when it is a Python function that a call with `nargs` positional arguments
/// and no keywords binds to its first parameters one to one and that runs a plain frame (no `*args`,
/// `**kwargs`, keyword-only parameters or generator): such a call takes its arguments straight into the
/// new frame.
#[inline]
fn positional_frame_size(f: &ObjRef, nargs: usize) -> Option<usize> {
    let code = &f
        .downcast::<FunctionObj>()
        .and_then(|func| func.code.downcast::<CodeObj>())?
        .0;
    let plain = code.flags & (CO_VARARGS | CO_VARKEYWORDS | CO_GENERATOR) == 0;
    (plain && code.argcount == nargs && code.kwonlyargcount == 0).then_some(code.varnames.len())
}

/// Buffers for a frame of `nlocals` locals whose locals `first..first + nargs` are the top `nargs` values
/// of `stack`, moved (in order) from there.
#[inline]
fn frame_buffers_with_args(
    stack: &mut Vec<ObjRef>,
    first: usize,
    nargs: usize,
    nlocals: usize,
) -> crate::frame::FrameBuffers {
    let mut buffers = crate::frame::take_buffers();
    buffers.fast.resize(nlocals, None);
    for slot in buffers.fast[first..first + nargs].iter_mut().rev() {
        *slot = stack.pop();
    }
    buffers
}

/// Call Python function `f` (`positional_frame_size` for this call) whose arguments are bound in
/// `buffers.fast`, buffers of a finished frame, as CPython's vectorcall copies them into a frame of its data
/// stack: the same frame, checks and release order as `call_function`, without an argument vector.
fn call_with_buffers(f: &ObjRef, buffers: crate::frame::FrameBuffers) -> PyResult<ObjRef> {
    let func = f.downcast::<FunctionObj>().expect("function");
    let code = &func.code.downcast::<CodeObj>().expect("code object").0;
    let crate::frame::FrameBuffers { fast, stack } = buffers;
    let mut frame = frame_with_locals(func, code, fast, stack, None);
    let result = run_frame_guarded(&mut frame);
    crate::frame::recycle(frame);
    match result? {
        Exit::Return(v) => Ok(v),
        Exit::Yield(v) => Ok(v),
    }
}

/// `Call` of the class at `stack[cls_at]` whose call makes a plain instance (of `vtable`) and runs Python
/// function `init` (`crate::builtins::plain_init`; `positional_frame_size` with `self`: `nlocals`): as
/// `construct_instance` does, without an argument vector (the instance and the arguments move into `init`'s
/// frame); same checks, errors and release order. Leaves the instance in place of the class and its
/// arguments.
fn construct_plain(
    stack: &mut Vec<ObjRef>,
    cls_at: usize,
    (init, vtable): (ObjRef, &'static refpy_heap::VTable),
    nlocals: usize,
) -> PyResult<()> {
    let inst = crate::attrs::new_instance_of_layout(&stack[cls_at], None, vtable);
    let nargs = stack.len() - cls_at - 1;
    let mut buffers = frame_buffers_with_args(stack, 1, nargs, nlocals);
    buffers.fast[0] = Some(inst.clone());
    let cls = pop(stack);
    let result = call_with_buffers(&init, buffers);
    let outcome = result.and_then(|r| crate::builtins::check_init_result(&r));
    drop(init);
    let inst = match outcome {
        Ok(()) => Some(inst),
        Err(_) => {
            drop(inst);
            None
        }
    };
    drop(cls);
    if let Some(inst) = inst {
        stack.push(inst);
    }
    outcome
}

/// Run a frame with the recursion checks around it.
pub fn run_frame_guarded(frame: &mut Frame) -> PyResult<Exit> {
    let r = rt();
    let depth = r.depth.get();
    if depth >= r.recursion_limit.get() {
        return Err(recursion_error("maximum recursion depth exceeded"));
    }
    ops::check_stack("")?;
    r.depth.set(depth + 1);
    let res = run_frame(frame);
    r.depth.set(depth);
    res
}

/// What resuming a generator produced.
pub enum GenStep {
    Yield(ObjRef),
    /// The generator finished with this return value (StopIteration.value).
    Return(ObjRef),
}

/// Resume a generator with `value`: `Ok(None)` when it finishes.
pub fn gen_send(g: &ObjRef, value: ObjRef) -> PyResult<Option<ObjRef>> {
    Ok(match gen_resume(g, Some(value), None)? {
        GenStep::Yield(v) => Some(v),
        GenStep::Return(_) => None,
    })
}

/// StopIteration carrying a generator's return value.
pub fn stop_with(v: ObjRef) -> PyErr {
    if ops::is_none(&v) {
        stop_iteration()
    } else {
        PyErr(new_exception(&rt().types.stop_iteration, vec![v]))
    }
}

pub fn gen_resume(g: &ObjRef, value: Option<ObjRef>, throw: Option<ObjRef>) -> PyResult<GenStep> {
    let gen = g.downcast::<GeneratorObj>().expect("generator");
    if gen.running.get() {
        return Err(err(&rt().types.value_error, "generator already executing"));
    }
    let frame = gen.frame.borrow_mut().take();
    let Some(mut frame) = frame else {
        if let Some(t) = throw {
            return Err(PyErr(t));
        }
        return Ok(GenStep::Return(rt::none()));
    };
    if let Some(t) = throw {
        if frame.ip == 0 {
            drop(frame);
            return Err(PyErr(t));
        }
        frame.pending = Some(t);
    } else if frame.ip > 0 {
        // Inside `yield from` the value is for the sub-iterator; YieldFrom pops it.
        frame.stack.push(value.unwrap_or_else(rt::none));
    } else if frame.ip == 0 {
        if let Some(v) = &value {
            if !ops::is_none(v) {
                *gen.frame.borrow_mut() = Some(frame);
                return Err(type_error(
                    "can't send non-None value to a just-started generator",
                ));
            }
        }
    }
    gen.running.set(true);
    let res = run_frame_guarded(&mut frame);
    gen.running.set(false);
    match res {
        Ok(Exit::Yield(v)) => {
            *gen.frame.borrow_mut() = Some(frame);
            Ok(GenStep::Yield(v))
        }
        Ok(Exit::Return(v)) => {
            drop(frame);
            Ok(GenStep::Return(v))
        }
        Err(e) => {
            drop(frame);
            if ops::isinstance(&e.0, &rt().types.stop_iteration) {
                let re = runtime_error("generator raised StopIteration");
                if let Some(s) = exc_state(&re.0) {
                    *s.cause.borrow_mut() = Some(e.0.clone());
                    *s.context.borrow_mut() = Some(e.0);
                    s.suppress_context.set(true);
                }
                return Err(re);
            }
            Err(e)
        }
    }
}

/// `generator.close()`.
pub fn gen_close(g: &ObjRef) -> PyResult<()> {
    let gen = g.downcast::<GeneratorObj>().expect("generator");
    let started = gen.frame.borrow().as_ref().is_some_and(|f| f.ip > 0);
    if !started {
        let f = gen.frame.borrow_mut().take();
        drop(f);
        return Ok(());
    }
    let exc = new_exception(&rt().types.generator_exit, vec![]);
    match gen_resume(g, None, Some(exc)) {
        Ok(GenStep::Yield(_)) => Err(runtime_error("generator ignored GeneratorExit")),
        Ok(GenStep::Return(_)) => Ok(()),
        Err(e) if ops::isinstance(&e.0, &rt().types.generator_exit) => Ok(()),
        Err(e) => Err(e),
    }
}

/// PEP 442 finalizer of generators: a suspended generator is closed (its `finally` blocks run).
///
/// # Safety
/// Called by the heap with a live generator object.
pub unsafe fn gen_finalize(obj: refpy_heap::RawObj) {
    // SAFETY: the heap keeps the object alive while its finalizer runs; we take our own reference.
    let g = unsafe { ObjRef::from_borrowed(obj) };
    let suspended = g.downcast::<GeneratorObj>().is_some_and(|gen| {
        gen.frame
            .try_borrow()
            .is_ok_and(|f| f.as_ref().is_some_and(|f| f.ip > 0))
    });
    if suspended {
        if let Err(e) = gen_close(&g) {
            crate::traceback::unraisable(&g, &e);
        }
    }
}

// ---- the loop -----------------------------------------------------------------------------------

fn unbound_local(name: &str) -> PyErr {
    err(
        &rt().types.unbound_local_error,
        format!(
            "cannot access local variable '{}' where it is not associated with a value",
            name
        ),
    )
}

fn free_var_error(name: &str) -> PyErr {
    let e = err(
        &rt().types.name_error,
        format!(
            "cannot access free variable '{}' where it is not associated with a value in enclosing scope",
            name
        ),
    );
    ops::set_attr_raw(&e.0, "name", rt::str_obj(name));
    e
}

/// `LoadGlobal` of `code.names[i]`: from the position cached for it while the keys of the globals (and of the
/// builtins, for a built-in) are unchanged, else by lookup, caching where it was found. Kept out of the
/// frame loop (its borrows and lookups would crowd the loop's registers).
#[inline(never)]
fn load_global_cached(frame: &Frame, code: &Code, i: usize) -> PyResult<ObjRef> {
    let name_obj = &code.names[i];
    let cache = &code.global_cache[i];
    let c = cache.get();
    {
        let globals = ops::dict_table(&frame.globals).borrow();
        if c.globals_version == globals.keys_version() {
            let hit = if c.builtins_version == 0 {
                globals.value_at_str(c.pos as usize, name_obj)
            } else {
                let builtins = ops::dict_table(&rt().builtins).borrow();
                if c.builtins_version == builtins.keys_version() {
                    builtins.value_at_str(c.pos as usize, name_obj)
                } else {
                    None
                }
            };
            if let Some(v) = hit {
                return Ok(v);
            }
        }
    }
    let name = ops::str_of(name_obj).expect("names are strs");
    let globals = ops::dict_table(&frame.globals).borrow();
    let builtins = ops::dict_table(&rt().builtins).borrow();
    let hash = ops::hash(name_obj)?;
    let (pos, builtins_version, table) = match globals.position_of_str(hash, name) {
        Some(pos) => (pos, 0, &globals),
        None => match builtins.position_of_str(hash, name) {
            Some(pos) => (pos, builtins.keys_version(), &builtins),
            None => return Err(name_error(name)),
        },
    };
    let found = table.value_at_str(pos, name_obj);
    // A key that was never set has no value (sets share the table type); such an entry is not cached.
    if found.is_some() {
        if let Ok(pos) = u32::try_from(pos) {
            cache.set(GlobalCache {
                globals_version: globals.keys_version(),
                builtins_version,
                pos,
            });
        }
    }
    drop((globals, builtins));
    found.map_or_else(|| load_global(frame, name), Ok)
}

fn load_global(frame: &Frame, name: &str) -> PyResult<ObjRef> {
    if let Some(v) = ops::dict_get_str(&frame.globals, name) {
        return Ok(v);
    }
    if let Some(v) = ops::dict_get_str(&rt().builtins, name) {
        return Ok(v);
    }
    Err(name_error(name))
}

#[inline(always)]
fn pop(stack: &mut Vec<ObjRef>) -> ObjRef {
    stack.pop().expect("value stack underflow")
}

fn pop_n(stack: &mut Vec<ObjRef>, n: usize) -> Vec<ObjRef> {
    let at = stack.len() - n;
    stack.split_off(at)
}

/// The top `n` values as a call's arguments, with room for one more: a class call passes them to
/// `__init__` after the new instance without another vector.
fn pop_call_args(stack: &mut Vec<ObjRef>, n: usize) -> Vec<ObjRef> {
    let mut args = Vec::with_capacity(n + 1);
    // Popped and turned round: cheaper than a `drain` for a few values.
    for _ in 0..n {
        args.push(pop(stack));
    }
    args.reverse();
    args
}

/// A frame is finished (returned or unwound): drop the handled exceptions it still holds (those above
/// `handled_base`), then finish its frame object.
fn leave_frame(frame: &mut Frame, handled_base: usize) {
    with_handled(|h| {
        // Split off first, drop after the borrow ends: dropping an exception can run arbitrary code.
        let extra: Vec<ObjRef> = {
            let mut h = h.borrow_mut();
            if h.len() > handled_base {
                h.split_off(handled_base)
            } else {
                Vec::new()
            }
        };
        drop(extra)
    });
    finish_frame_object(frame);
}

/// CPython's `_PyFrame_Clear` for a finished frame: a frame object that something else still holds
/// takes over the frame's variables and links its caller's frame object (made now if need be) as
/// `f_back`; otherwise it is simply released, before the variables.
fn finish_frame_object(frame: &mut Frame) {
    let fo = with_running(|r| r.borrow_mut().last_mut().and_then(|s| s.frame_obj.take()));
    let Some(fo) = fo else { return };
    if fo.refcnt() > 1 {
        if let Some(f) = fo.downcast::<FrameObj>() {
            f.lasti.set(frame.ip.saturating_sub(1));
            let fast = std::mem::take(&mut frame.fast);
            let cells = std::mem::take(&mut frame.cells);
            let old = (
                std::mem::replace(&mut *f.fast.borrow_mut(), fast),
                std::mem::replace(&mut *f.cells.borrow_mut(), cells),
            );
            drop(old);
            // A generator's frame forgets its caller when it finishes (gen_send_ex2 clears `previous`).
            if frame.code().flags & CO_GENERATOR == 0 {
                let back = frame_object_at(1);
                let old = std::mem::replace(&mut *f.back.borrow_mut(), back);
                drop(old);
            }
        }
    }
    drop(fo);
}

/// The frame object of the running frame `depth` levels out from the innermost (0), made if it has none.
pub fn frame_object_at(depth: usize) -> Option<ObjRef> {
    let found = with_running(|r| {
        let r = r.borrow();
        let slot = r.len().checked_sub(depth + 1).and_then(|i| r.get(i))?;
        Some(match &slot.frame_obj {
            Some(fo) => Ok(fo.clone()),
            None => Err((slot.code, slot.globals, slot.namespace)),
        })
    })?;
    match found {
        Ok(fo) => Some(fo),
        Err((code, globals, namespace)) => {
            // SAFETY: the slot belongs to a frame that is still running (slots are popped when run_frame
            // returns), and that frame owns references to its code, globals and namespace, so all are live.
            let (code, globals, namespace) = unsafe {
                (
                    ObjRef::from_borrowed(code),
                    ObjRef::from_borrowed(globals),
                    namespace.map(|n| ObjRef::from_borrowed(n)),
                )
            };
            let fo = FrameObj::new_object(code, globals, namespace);
            with_running(|r| {
                let mut r = r.borrow_mut();
                let i = r.len() - depth - 1;
                r[i].frame_obj = Some(fo.clone());
            });
            Some(fo)
        }
    }
}

/// `f_back` of a frame object whose frame is still running: its caller's frame object, made if need be
/// (CPython's PyFrame_GetBack); None if the frame is not running.
pub fn running_frame_back(fo: &ObjRef) -> Option<ObjRef> {
    let depth = with_running(|r| {
        r.borrow()
            .iter()
            .rev()
            .position(|s| s.frame_obj.as_ref().is_some_and(|f| f.is(fo)))
    })?;
    frame_object_at(depth + 1)
}

/// Attach a traceback level for the running frame's instruction `ip` in front of the exception's traceback.
fn add_traceback(e: &ObjRef, ip: usize) {
    let Some(s) = exc_state(e) else { return };
    let Some(fo) = frame_object_at(0) else { return };
    if let Some(f) = fo.downcast::<FrameObj>() {
        f.lasti.set(ip);
    }
    let next = s.traceback.borrow_mut().take();
    let tb = crate::traceback::new_traceback(next, fo, ip);
    *s.traceback.borrow_mut() = Some(tb);
}

/// Implicit exception chaining: the exception being handled becomes `__context__`.
fn set_context(e: &ObjRef) {
    let Some(top) = handled_top() else { return };
    if top.is(e) {
        return;
    }
    let Some(s) = exc_state(e) else { return };
    if s.context.borrow().is_some() {
        return;
    }
    // Avoid creating a cycle in the context chain.
    let mut cur = Some(top.clone());
    while let Some(c) = cur {
        if c.is(e) {
            let next_ctx = exc_state(&c).and_then(|cs| cs.context.borrow_mut().take());
            drop(next_ctx);
            break;
        }
        cur = exc_state(&c).and_then(|cs| cs.context.borrow().clone());
    }
    *s.context.borrow_mut() = Some(top);
}

fn exception_from(v: ObjRef) -> PyResult<ObjRef> {
    if v.downcast::<TypeObj>().is_some() {
        if ops::is_subtype(&v, &rt().types.base_exception) {
            return call(&v, vec![], vec![]);
        }
    } else if ops::isinstance(&v, &rt().types.base_exception) {
        return Ok(v);
    }
    Err(type_error("exceptions must derive from BaseException"))
}

/// Run a frame to its exit; with a trace hook installed ([`crate::linehook`]) report its lines and its exit.
pub fn run_frame(frame: &mut Frame) -> PyResult<Exit> {
    with_running(|r| {
        r.borrow_mut().push(RunningFrame {
            code: frame.code.raw(),
            globals: frame.globals.raw(),
            namespace: frame.locals.as_ref().map(ObjRef::raw),
            frame_obj: frame.frame_obj.borrow_mut().take(),
        })
    });
    let result = if !crate::linehook::is_installed() {
        run_frame_loop(frame, false)
    } else {
        let result = run_frame_loop(frame, true);
        crate::linehook::leave(frame, matches!(result, Ok(Exit::Yield(_))));
        result
    };
    // A suspended generator keeps its frame object; a finished frame has given it up.
    let slot = with_running(|r| r.borrow_mut().pop());
    *frame.frame_obj.borrow_mut() = slot.and_then(|s| s.frame_obj);
    result
}

/// A running frame as frame objects see it: borrowed code and globals (the frame owns references to
/// both) and its frame object, once one was needed.
struct RunningFrame {
    code: refpy_heap::RawObj,
    globals: refpy_heap::RawObj,
    /// The namespace dict of a module or class body.
    namespace: Option<refpy_heap::RawObj>,
    frame_obj: Option<ObjRef>,
}

/// `globals()`: the namespace of the innermost running Python frame.
pub fn current_globals() -> Option<ObjRef> {
    let raw = with_running(|r| r.borrow().last().map(|s| s.globals))?;
    // SAFETY: the frame that pushed `raw` is still running (entries are popped when it returns) and owns a
    // reference to its globals, so the object is live; we take a new reference for the caller.
    Some(unsafe { ObjRef::from_borrowed(raw) })
}

fn run_frame_loop(frame: &mut Frame, traced: bool) -> PyResult<Exit> {
    let mut lines = crate::linehook::LineTracker::default();
    let code_obj = frame.code.clone();
    let code = &code_obj.downcast::<CodeObj>().unwrap().0;
    let handled_base = with_handled(|h| h.borrow().len());
    let mut pending_err: Option<(PyErr, bool)> = frame.pending.take().map(|e| (PyErr(e), false));
    if pending_err.is_none() {
        // Each entry (call, generator resumption) is charged: with the backward jumps this bounds a run.
        if let Err(e) = rt::charge_step() {
            pending_err = Some((e, false));
        }
    }
    loop {
        let result: PyResult<Exit> = match pending_err.take() {
            Some((e, _)) => Err(e),
            // Instructions run back to back until one leaves the frame or raises.
            None => loop {
                if traced {
                    lines.before_step(frame, code);
                }
                match step(frame, code) {
                    Ok(None) => {}
                    Ok(Some(exit)) => break Ok(exit),
                    Err(e) => break Err(e),
                }
            },
        };
        match result {
            Ok(exit) => {
                if let Exit::Return(_) = exit {
                    // Leaving the frame: drop any handled exceptions it still holds.
                    leave_frame(frame, handled_base);
                }
                return Ok(exit);
            }
            Err(e) => {
                // RERAISE and a bare `raise` keep the traceback as it is (CPython skips PyTraceBack_Here).
                let reraise = match code.instrs.get(frame.ip.wrapping_sub(1)) {
                    Some(Instr::Reraise) => true,
                    Some(Instr::Raise(0)) => handled_top().is_some_and(|h| h.is(&e.0)),
                    _ => false,
                };
                if !reraise {
                    set_context(&e.0);
                    if code.source.filename != crate::BUILT_IN_CODE {
                        add_traceback(&e.0, frame.ip.saturating_sub(1));
                    }
                }
                // Unwind to the innermost handler.
                let mut target = None;
                while let Some(b) = frame.blocks.pop() {
                    match b.kind {
                        BlockKind::Handler => {
                            let excess = frame.stack.len().saturating_sub(b.level);
                            let dropped = frame.stack.split_off(frame.stack.len() - excess);
                            drop(dropped);
                            handled_pop();
                        }
                        _ => {
                            target = Some(b);
                            break;
                        }
                    }
                }
                let Some(b) = target else {
                    let dropped = std::mem::take(&mut frame.stack);
                    drop(dropped);
                    leave_frame(frame, handled_base);
                    return Err(e);
                };
                let dropped = frame.stack.split_off(b.level.min(frame.stack.len()));
                drop(dropped);
                frame.blocks.push(Block {
                    kind: BlockKind::Handler,
                    handler: 0,
                    level: frame.stack.len(),
                });
                handled_push(e.0.clone());
                frame.stack.push(e.0);
                frame.ip = b.handler;
            }
        }
    }
}

/// Continue at instruction `target`; a backward jump charges the instruction budget with the instructions
/// it goes back over (see [`rt::charge_steps`]).
#[inline(always)]
fn jump(frame: &mut Frame, target: u32) -> PyResult<()> {
    let target = target as usize;
    if target < frame.ip {
        rt::charge_steps((frame.ip - target) as u64)?;
    }
    frame.ip = target;
    Ok(())
}

/// Execute one instruction. `Ok(Some(exit))` leaves the frame. Inlined into the frame loop's one call site, so
/// an instruction costs no call, prologue or result passing.
#[inline(always)]
fn step(frame: &mut Frame, code: &Code) -> PyResult<Option<Exit>> {
    let instr = code.instrs[frame.ip];
    frame.ip += 1;
    let st = &mut frame.stack;
    match instr {
        Instr::Nop => {}
        Instr::Pop => drop(pop(st)),
        Instr::Dup => {
            let v = st.last().unwrap().clone();
            st.push(v)
        }
        Instr::Copy(n) => {
            let v = st[st.len() - n as usize].clone();
            st.push(v)
        }
        Instr::Swap(n) => {
            let l = st.len();
            st.swap(l - 1, l - 1 - n as usize)
        }
        Instr::LoadConst(i) => st.push(code.consts[i as usize].clone()),
        Instr::LoadFast(i) => match &frame.fast[i as usize] {
            Some(v) => frame.stack.push(v.clone()),
            None => return Err(unbound_local(&code.varnames[i as usize])),
        },
        Instr::StoreFast(i) => {
            let v = pop(st);
            let old = frame.fast[i as usize].replace(v);
            drop(old);
        }
        Instr::DeleteFast(i) => {
            let old = frame.fast[i as usize].take();
            if old.is_none() {
                return Err(unbound_local(&code.varnames[i as usize]));
            }
            drop(old);
        }
        Instr::LoadDeref(i) | Instr::LoadClassDeref(i) => {
            let name_in_ns = if let (Instr::LoadClassDeref(_), Some(ns)) = (instr, &frame.locals) {
                namespace_get(ns, cell_name(code, i))?
            } else {
                None
            };
            match name_in_ns {
                Some(v) => frame.stack.push(v),
                None => {
                    let cell = frame.cells[i as usize].downcast::<CellObj>().unwrap();
                    let v = cell.0.borrow().clone();
                    match v {
                        Some(v) => frame.stack.push(v),
                        None => {
                            let name = cell_name(code, i);
                            return Err(if (i as usize) < code.cellvars.len() {
                                unbound_local(name)
                            } else {
                                free_var_error(name)
                            });
                        }
                    }
                }
            }
        }
        Instr::StoreDeref(i) => {
            let v = pop(st);
            let cell = frame.cells[i as usize].downcast::<CellObj>().unwrap();
            let old = cell.0.borrow_mut().replace(v);
            drop(old);
        }
        Instr::DeleteDeref(i) => {
            let cell = frame.cells[i as usize].downcast::<CellObj>().unwrap();
            let old = cell.0.borrow_mut().take();
            if old.is_none() {
                return Err(unbound_local(cell_name(code, i)));
            }
            drop(old);
        }
        Instr::LoadClosure(i) => {
            let c = frame.cells[i as usize].clone();
            frame.stack.push(c)
        }
        Instr::LoadGlobal(i) => {
            let v = load_global_cached(frame, code, i as usize)?;
            frame.stack.push(v);
        }
        Instr::StoreGlobal(i) => {
            let v = pop(st);
            ops::dict_set(&frame.globals, code.names[i as usize].clone(), v)?;
        }
        Instr::DeleteGlobal(i) => {
            let name = ops::str_of(&code.names[i as usize]).unwrap();
            if ops::dict_del_str(&frame.globals, name).is_none() {
                return Err(name_error(name));
            }
        }
        Instr::LoadName(i) => {
            let name = ops::str_of(&code.names[i as usize]).unwrap();
            let local = match &frame.locals {
                Some(l) => namespace_get(l, name)?,
                None => None,
            };
            let v = match local {
                Some(v) => v,
                None => load_global(frame, name)?,
            };
            frame.stack.push(v);
        }
        Instr::StoreName(i) => {
            let v = pop(st);
            let ns = frame.locals.as_ref().unwrap_or(&frame.globals);
            namespace_set(ns, &code.names[i as usize], v)?;
        }
        Instr::DeleteName(i) => {
            let name = ops::str_of(&code.names[i as usize]).unwrap();
            let ns = frame.locals.as_ref().unwrap_or(&frame.globals);
            if !namespace_del(ns, &code.names[i as usize])? {
                return Err(name_error(name));
            }
        }
        Instr::LoadAttr(i) => {
            let o = pop(st);
            let name = attr_name_at(code, i);
            let v = crate::attrs::getattr_cached(&o, name, &code.load_attr_cache[i as usize])?;
            drop(o);
            frame.stack.push(v);
        }
        Instr::StoreAttr(i) => {
            let o = pop(st);
            let v = pop(&mut frame.stack);
            let name = attr_name_at(code, i);
            crate::attrs::setattr_cached(&o, name, v, &code.store_attr_cache[i as usize])?;
        }
        Instr::DeleteAttr(i) => {
            let o = pop(st);
            let name = ops::str_of(&code.names[i as usize]).unwrap();
            ops::delattr(&o, name)?;
        }
        Instr::LoadMethod(i) => {
            let o = pop(st);
            let name = ops::str_of(&code.names[i as usize]).unwrap();
            // Like LOAD_METHOD: a plain function found on the class is called with `self` from the stack,
            // without creating a bound method object.
            if crate::methods::lookup_direct(&o, name).is_some() {
                frame.stack.push(null_marker());
                frame.stack.push(o);
                return Ok(None);
            }
            let mut unbound = None;
            if let Some(inst) = o.downcast::<Instance>() {
                let cls = inst.cls.borrow().clone();
                if let Some(f) = ops::lookup_type(&cls, name) {
                    if f.downcast::<FunctionObj>().is_some() && !instance_has(inst, name) {
                        unbound = Some(f);
                    }
                }
            }
            match unbound {
                Some(f) => {
                    frame.stack.push(f);
                    frame.stack.push(o);
                }
                None => {
                    let v = ops::getattr(&o, name)?;
                    drop(o);
                    frame.stack.push(v);
                    frame.stack.push(null_marker());
                }
            }
        }
        Instr::CallMethod(n, i) => {
            let self_at = st.len() - n as usize - 1;
            if is_null_marker(&st[self_at - 1]) {
                let name = ops::str_of(&code.names[i as usize]).unwrap();
                let m = crate::methods::lookup_direct(&st[self_at], name)
                    .expect("LoadMethod found this method of this built-in value");
                let res = call_method_in_place(m, &mut st[self_at..]);
                // The marker, self and the arguments are released after the call, as CPython does.
                st.truncate(self_at - 1);
                st.push(res?);
                return Ok(None);
            }
            // A Python function (LoadMethod found it on the class: `self` follows it), or any callable
            // followed by the null marker.
            let bound = !is_null_marker(&st[self_at]);
            let nargs = n as usize + usize::from(bound);
            if let Some(nlocals) = positional_frame_size(&st[self_at - 1], nargs) {
                // As in `Call`: the arguments move into the new frame, the function leaves the stack.
                let buffers = frame_buffers_with_args(st, 0, nargs, nlocals);
                if !bound {
                    drop(pop(st));
                }
                let f = pop(st);
                let res = call_with_buffers(&f, buffers);
                drop(f);
                frame.stack.push(res?);
                return Ok(None);
            }
            // `self` (when not the null marker) and the arguments leave the stack as one vector.
            let mut args = pop_n(st, n as usize + 1);
            let f = pop(&mut frame.stack);
            let res = if is_null_marker(&args[0]) {
                drop(args.remove(0));
                call(&f, args, vec![])
            } else {
                call(&f, args, vec![])
            };
            drop(f);
            frame.stack.push(res?);
        }
        Instr::Subscr => {
            let k = pop(st);
            let o = pop(&mut frame.stack);
            let v = ops::getitem(&o, &k)?;
            drop((k, o));
            frame.stack.push(v);
        }
        Instr::StoreSubscr => {
            let k = pop(st);
            let o = pop(&mut frame.stack);
            let v = pop(&mut frame.stack);
            ops::setitem(&o, &k, v)?;
        }
        Instr::DeleteSubscr => {
            let k = pop(st);
            let o = pop(&mut frame.stack);
            ops::delitem(&o, &k)?;
        }
        Instr::BuildSlice(n) => {
            let step = if n == 3 { pop(st) } else { rt::none() };
            let stop = pop(&mut frame.stack);
            let start = pop(&mut frame.stack);
            frame
                .stack
                .push(alloc(&SLICE_VT, SliceObj(start, stop, step)));
        }
        Instr::Binary(op) => {
            let b = pop(st);
            let a = pop(&mut frame.stack);
            let v = ops::binary(&a, &b, op)?;
            drop((a, b));
            frame.stack.push(v);
        }
        Instr::Inplace(op) => {
            let b = pop(st);
            let a = pop(&mut frame.stack);
            let v = ops::inplace(&a, &b, op)?;
            drop((a, b));
            frame.stack.push(v);
        }
        Instr::Unary(op) => {
            let a = pop(st);
            let v = ops::unary(&a, op)?;
            drop(a);
            frame.stack.push(v);
        }
        Instr::Compare(op) => {
            let b = pop(st);
            let a = pop(&mut frame.stack);
            let v = ops::compare(&a, &b, op)?;
            drop((a, b));
            frame.stack.push(v);
        }
        Instr::Is(neg) => {
            let b = pop(st);
            let a = pop(&mut frame.stack);
            let r = a.is(&b) != neg;
            drop((a, b));
            frame.stack.push(rt::bool_obj(r));
        }
        Instr::Contains(neg) => {
            let b = pop(st);
            let a = pop(&mut frame.stack);
            let r = ops::contains(&b, &a)? != neg;
            drop((a, b));
            frame.stack.push(rt::bool_obj(r));
        }
        Instr::BuildList(n) => {
            let items = pop_n(st, n as usize);
            frame.stack.push(rt::list(items));
        }
        Instr::BuildTuple(n) => {
            let items = pop_n(st, n as usize);
            frame.stack.push(rt::tuple(items));
        }
        Instr::BuildSet(n) => {
            let items = pop_n(st, n as usize);
            let s = rt::set(false);
            for it in items {
                dict::insert(&s.downcast::<SetObj>().unwrap().table, it, None)?;
            }
            frame.stack.push(s);
        }
        Instr::BuildMap(n) => {
            let items = pop_n(st, 2 * n as usize);
            let d = rt::dict();
            let keys: Vec<bool> = items
                .iter()
                .step_by(2)
                .map(|k| k.downcast::<StrObj>().is_some())
                .collect();
            let table = ops::dict_table(&d);
            let mut it = items.into_iter();
            let mut i = 0;
            while let (Some(k), Some(v)) = (it.next(), it.next()) {
                crate::sizes::dict_display_item(&mut table.borrow_mut(), &keys, i);
                ops::dict_set(&d, k, v)?;
                i += 1;
            }
            frame.stack.push(d);
        }
        Instr::BuildString(n) => {
            let items = pop_n(st, n as usize);
            let mut s = String::new();
            for it in &items {
                s.push_str(ops::str_of(it).unwrap_or(""));
            }
            drop(items);
            frame.stack.push(rt::string(s));
        }
        Instr::ListAppend(d) => {
            let v = pop(st);
            let l = frame.stack[frame.stack.len() - d as usize]
                .downcast::<ListObj>()
                .unwrap();
            let n = l.0.borrow().len();
            l.0.borrow_mut().push(v);
            l.resized(n, n + 1);
        }
        Instr::SetAdd(d) => {
            let v = pop(st);
            let s = frame.stack[frame.stack.len() - d as usize].clone();
            dict::insert(&s.downcast::<SetObj>().unwrap().table, v, None)?;
        }
        Instr::MapAdd(d) => {
            let v = pop(st);
            let k = pop(&mut frame.stack);
            let m = frame.stack[frame.stack.len() - d as usize].clone();
            ops::dict_set(&m, k, v)?;
        }
        Instr::ListExtend(d) => {
            let v = pop(st);
            let plan = crate::sizes::extend_plan(&v);
            let items = ops::iterate(&v).map_err(|_| {
                type_error(format!(
                    "Value after * must be an iterable, not {}",
                    type_name(&v)
                ))
            })?;
            let l = frame.stack[frame.stack.len() - d as usize]
                .downcast::<ListObj>()
                .unwrap();
            let (n, k) = (l.0.borrow().len(), items.len());
            l.0.borrow_mut().extend(items);
            l.extended(plan, n, k);
        }
        Instr::SetUpdate(d) => {
            let v = pop(st);
            let items = ops::iterate(&v)?;
            let s = frame.stack[frame.stack.len() - d as usize].clone();
            crate::sizes::set_merging_from(&s.downcast::<SetObj>().unwrap().table, &v);
            for it in items {
                dict::insert(&s.downcast::<SetObj>().unwrap().table, it, None)?;
            }
        }
        Instr::DictUpdate(d) if ops::updates_through_keys(st.last().unwrap()) => {
            let v = pop(st);
            let m = frame.stack[frame.stack.len() - d as usize].clone();
            ops::update_through_keys(&m, &v)?;
        }
        Instr::DictUpdate(d) | Instr::DictMerge(d) => {
            let popped = pop(st);
            // A dict subclass's entries are read directly, as PyDict_Update does.
            let v = crate::attrs::unwrap_base(&popped).clone();
            let m = frame.stack[frame.stack.len() - d as usize].clone();
            if v.downcast::<DictObj>().is_none() {
                return Err(type_error(format!(
                    "'{}' object is not a mapping",
                    type_name(&v)
                )));
            }
            if !v.is(&m) {
                crate::sizes::dict_merging(
                    &mut ops::dict_table(&m).borrow_mut(),
                    &ops::dict_table(&v).borrow(),
                );
            }
            for (k, val) in ops::dict_items(&v) {
                if matches!(instr, Instr::DictMerge(_)) && dict::contains(ops::dict_table(&m), &k)?
                {
                    // The callable sits below the positional tuple and this dict.
                    let func = frame
                        .stack
                        .len()
                        .checked_sub(d as usize + 2)
                        .map(|i| frame.stack[i].clone());
                    let prefix = func.map(|f| function_str(&f)).unwrap_or_default();
                    return Err(type_error(format!(
                        "{}got multiple values for keyword argument '{}'",
                        prefix,
                        ops::str_(&k)?
                    )));
                }
                ops::dict_set(&m, k, val)?;
            }
        }
        Instr::ListToTuple => {
            let l = pop(st);
            let items = std::mem::take(&mut *l.downcast::<ListObj>().unwrap().0.borrow_mut());
            drop(l);
            frame.stack.push(rt::tuple(items));
        }
        Instr::FormatValue(conv, has_spec) => {
            let spec = if has_spec { Some(pop(st)) } else { None };
            let v = pop(&mut frame.stack);
            let v = match conv {
                1 => rt::string(ops::str_(&v)?),
                2 => rt::string(ops::repr(&v)?),
                3 => rt::string(crate::builtins::ascii_of(&ops::repr(&v)?)),
                _ => v,
            };
            let spec_s = spec
                .as_ref()
                .and_then(|s| ops::str_of(s).map(str::to_string))
                .unwrap_or_default();
            let out = if spec_s.is_empty() && ops::str_of(&v).is_some() {
                v
            } else {
                rt::string(crate::format::format_value(&v, &spec_s)?)
            };
            frame.stack.push(out);
        }
        Instr::Jump(t) => jump(frame, t)?,
        Instr::PopJumpIfFalse(t) => {
            let v = pop(st);
            if !ops::truthy(&v)? {
                jump(frame, t)?;
            }
        }
        Instr::PopJumpIfTrue(t) => {
            let v = pop(st);
            if ops::truthy(&v)? {
                jump(frame, t)?;
            }
        }
        Instr::JumpIfFalseOrPop(t) => {
            let v = st.last().unwrap().clone();
            if !ops::truthy(&v)? {
                jump(frame, t)?;
            } else {
                drop(pop(&mut frame.stack));
            }
        }
        Instr::JumpIfTrueOrPop(t) => {
            let v = st.last().unwrap().clone();
            if ops::truthy(&v)? {
                jump(frame, t)?;
            } else {
                drop(pop(&mut frame.stack));
            }
        }
        Instr::GetIter => {
            let o = pop(st);
            let it = ops::get_iter(&o)?;
            drop(o);
            frame.stack.push(it);
        }
        Instr::ForIter(t) => {
            let it = st.last().unwrap().clone();
            let next = match it.downcast::<IterObj>() {
                // As `ops::next` does for a built-in iterator, with lists and ranges inlined.
                Some(i) => {
                    rt::charge_step()?;
                    match crate::iters::next_in_place(i) {
                        Some(v) => Some(v),
                        None => crate::iters::next_builtin(&it, i)?,
                    }
                }
                None => ops::next(&it)?,
            };
            match next {
                Some(v) => {
                    drop(it);
                    frame.stack.push(v)
                }
                None => {
                    drop(it);
                    drop(pop(&mut frame.stack));
                    frame.ip = t as usize;
                }
            }
        }
        Instr::Call(n) => {
            let f_at = st.len() - n as usize - 1;
            let (callee, args) = st.split_at_mut(f_at + 1);
            if let Some(b) = callee[f_at]
                .downcast::<BuiltinObj>()
                .filter(|b| is_unbound_builtin(b) && !reads_caller_frame(b))
            {
                let res = call_builtin_in_place(b, args);
                // The function and the arguments are released after the call, as CPython does.
                st.truncate(f_at);
                st.push(res?);
                return Ok(None);
            }
            if let Some(nlocals) = positional_frame_size(&callee[f_at], n as usize) {
                // The arguments move into the new frame and the function leaves the stack during the call,
                // as CPython's CALL hands both to the frame it pushes.
                let buffers = frame_buffers_with_args(st, 0, n as usize, nlocals);
                let f = pop(st);
                let res = call_with_buffers(&f, buffers);
                drop(f);
                frame.stack.push(res?);
                return Ok(None);
            }
            if let Some((init, vtable)) = crate::builtins::plain_init(&st[f_at]) {
                if let Some(nlocals) = positional_frame_size(&init, n as usize + 1) {
                    return construct_plain(st, f_at, (init, vtable), nlocals).map(|()| None);
                }
            }
            let mut args = pop_call_args(st, n as usize);
            let f = pop(&mut frame.stack);
            if n <= 1 {
                let frame_reader = f
                    .downcast::<BuiltinObj>()
                    .filter(|b| reads_caller_frame(b))
                    .map(|b| b.name);
                match (n, frame_reader) {
                    (0, Some("locals" | "vars")) => {
                        let d = frame_locals(frame, code);
                        frame.stack.push(d);
                        return Ok(None);
                    }
                    (0, Some("dir")) => {
                        let names = crate::builtins::sorted_names(&frame_locals(frame, code))?;
                        frame.stack.push(names);
                        return Ok(None);
                    }
                    (1, Some("eval" | "exec")) => {
                        args.push(frame.globals.clone());
                        args.push(frame_locals(frame, code));
                    }
                    _ => {}
                }
            }
            let v = call(&f, args, vec![]);
            drop(f);
            frame.stack.push(v?);
        }
        Instr::CallKw(n, names) => {
            let names = ops::tuple_items(&code.consts[names as usize]).unwrap();
            let mut args = pop_n(st, n as usize);
            let kwvals = args.split_off(args.len() - names.len());
            let f = pop(&mut frame.stack);
            let kwargs = names
                .iter()
                .map(|k| ops::str_of(k).unwrap().to_string())
                .zip(kwvals)
                .collect();
            let v = call(&f, args, kwargs);
            drop(f);
            frame.stack.push(v?);
        }
        Instr::CallEx(has_kw) => {
            let kw = if has_kw { Some(pop(st)) } else { None };
            let args = pop(&mut frame.stack);
            let f = pop(&mut frame.stack);
            let args = ops::tuple_items(&args).unwrap_or_default();
            let mut kwargs = Vec::new();
            if let Some(kw) = &kw {
                for (k, v) in ops::dict_items(kw) {
                    kwargs.push((ops::str_(&k)?, v));
                }
            }
            // Like CALL_FUNCTION_EX: the merged dict stays on the stack during the call and the
            // vectorcall unpacking holds its own copy of the values (visible to sys.getrefcount).
            let unpacked: Vec<ObjRef> = kwargs.iter().map(|(_, v)| v.clone()).collect();
            let v = call(&f, args, kwargs);
            drop((f, unpacked, kw));
            frame.stack.push(v?);
        }
        Instr::MakeFunction(flags) => {
            let code_o = pop(st);
            let closure = if flags & 8 != 0 {
                Some(pop(&mut frame.stack))
            } else {
                None
            };
            let annotations = if flags & 4 != 0 {
                Some(pop(&mut frame.stack))
            } else {
                None
            };
            let kwdefaults = if flags & 2 != 0 {
                Some(pop(&mut frame.stack))
            } else {
                None
            };
            let defaults = if flags & 1 != 0 {
                Some(pop(&mut frame.stack))
            } else {
                None
            };
            let c = &code_o.downcast::<CodeObj>().unwrap().0;
            let f = alloc(
                &FUNCTION_VT,
                FunctionObj {
                    name: RefCell::new(c.name.clone()),
                    qualname: RefCell::new(c.qualname.clone()),
                    code: code_o.clone(),
                    globals: frame.globals.clone(),
                    defaults: RefCell::new(defaults),
                    kwdefaults: RefCell::new(kwdefaults),
                    closure: RefCell::new(closure),
                    dict: RefCell::new(None),
                    annotations: RefCell::new(annotations),
                },
            );
            frame.stack.push(f);
        }
        Instr::Return => {
            let v = pop(st);
            return Ok(Some(Exit::Return(v)));
        }
        Instr::Yield => {
            let v = pop(st);
            frame.in_yield_from = false;
            return Ok(Some(Exit::Yield(v)));
        }
        Instr::YieldFrom => {
            let sent = if frame.in_yield_from {
                frame.in_yield_from = false;
                pop(st)
            } else {
                rt::none()
            };
            let sub = frame.stack.last().unwrap().clone();
            let step = if sub.downcast::<GeneratorObj>().is_some() {
                gen_resume(&sub, Some(sent), None)?
            } else if ops::is_none(&sent) {
                match ops::next(&sub)? {
                    Some(v) => GenStep::Yield(v),
                    None => GenStep::Return(rt::none()),
                }
            } else {
                let send = ops::getattr(&sub, "send")?;
                match call(&send, vec![sent], vec![]) {
                    Ok(v) => GenStep::Yield(v),
                    Err(e) if ops::isinstance(&e.0, &rt().types.stop_iteration) => {
                        GenStep::Return(exc_args(&e.0).first().cloned().unwrap_or_else(rt::none))
                    }
                    Err(e) => return Err(e),
                }
            };
            match step {
                GenStep::Yield(v) => {
                    frame.ip -= 1;
                    frame.in_yield_from = true;
                    return Ok(Some(Exit::Yield(v)));
                }
                GenStep::Return(v) => {
                    drop(pop(&mut frame.stack));
                    frame.stack.push(v);
                }
            }
        }
        Instr::SetupExcept(t) | Instr::SetupFinally(t) => {
            frame.blocks.push(Block {
                kind: if matches!(instr, Instr::SetupExcept(_)) {
                    BlockKind::Except
                } else {
                    BlockKind::Finally
                },
                handler: t as usize,
                level: st.len(),
            });
        }
        Instr::SetupWith(t) => {
            let mgr = pop(st);
            let exit = ops::getattr(&mgr, "__exit__").map_err(|_| {
                type_error(format!(
                    "'{}' object does not support the context manager protocol",
                    type_name(&mgr)
                ))
            })?;
            let enter = ops::getattr(&mgr, "__enter__")?;
            drop(mgr);
            frame.stack.push(exit);
            let v = call(&enter, vec![], vec![])?;
            frame.blocks.push(Block {
                kind: BlockKind::With,
                handler: t as usize,
                level: frame.stack.len(),
            });
            frame.stack.push(v);
        }
        Instr::PopBlock => {
            frame.blocks.pop();
        }
        Instr::PopExcept => {
            let b = frame.blocks.pop();
            debug_assert!(matches!(
                b,
                Some(Block {
                    kind: BlockKind::Handler,
                    ..
                })
            ));
            handled_pop();
        }
        Instr::Raise(n) => {
            match n {
                0 => {
                    return match handled_top() {
                        Some(e) => {
                            // Re-raise keeps the traceback; mark so no duplicate entry is added.
                            Err(PyErr(e))
                        }
                        None => Err(runtime_error("No active exception to reraise")),
                    };
                }
                1 => {
                    let v = pop(st);
                    let e = exception_from(v)?;
                    return Err(PyErr(e));
                }
                _ => {
                    let cause = pop(st);
                    let v = pop(&mut frame.stack);
                    let e = exception_from(v)?;
                    let cause = if ops::is_none(&cause) {
                        None
                    } else {
                        Some(exception_from(cause).map_err(|_| {
                            type_error("exception causes must derive from BaseException")
                        })?)
                    };
                    if let Some(s) = exc_state(&e) {
                        let old = std::mem::replace(&mut *s.cause.borrow_mut(), cause);
                        drop(old);
                        s.suppress_context.set(true);
                    }
                    return Err(PyErr(e));
                }
            }
        }
        Instr::Reraise => {
            let e = pop(st);
            return Err(PyErr(e));
        }
        Instr::JumpIfNotExcMatch(t) => {
            let ty = pop(st);
            let e = frame.stack.last().unwrap().clone();
            let types = match ops::tuple_items(&ty) {
                Some(t) => t,
                None => vec![ty.clone()],
            };
            let mut matched = false;
            for t in &types {
                if t.downcast::<TypeObj>().is_none()
                    || !ops::is_subtype(t, &rt().types.base_exception)
                {
                    return Err(type_error(
                        "catching classes that do not inherit from BaseException is not allowed",
                    ));
                }
                if ops::isinstance(&e, t) {
                    matched = true;
                }
            }
            if !matched {
                frame.ip = t as usize;
            }
        }
        Instr::WithExcept => {
            let e = st.last().unwrap().clone();
            let exit = st[st.len() - 2].clone();
            let tb = exc_state(&e)
                .and_then(|s| s.traceback.borrow().clone())
                .unwrap_or_else(rt::none);
            let r = call(&exit, vec![ops::type_of(&e), e, tb], vec![])?;
            frame.stack.push(r);
        }
        Instr::WithExitNone => {
            let exit = pop(st);
            call(&exit, vec![rt::none(), rt::none(), rt::none()], vec![])?;
        }
        Instr::UnpackSequence(n) => {
            let v = pop(st);
            let items = unpack_items(&v)?;
            if items.len() != n as usize {
                return Err(if items.len() < n as usize {
                    value_error(format!(
                        "not enough values to unpack (expected {}, got {})",
                        n,
                        items.len()
                    ))
                } else {
                    value_error(format!("too many values to unpack (expected {})", n))
                });
            }
            drop(v);
            frame.stack.extend(items.into_iter().rev());
        }
        Instr::UnpackEx(before, after) => {
            let v = pop(st);
            let items = unpack_items(&v)?;
            let (b, a) = (before as usize, after as usize);
            if items.len() < b + a {
                return Err(value_error(format!(
                    "not enough values to unpack (expected at least {}, got {})",
                    b + a,
                    items.len()
                )));
            }
            let mut items = items;
            let tail = items.split_off(items.len() - a);
            let middle = items.split_off(b);
            let mut out = items;
            out.push(rt::list(middle));
            out.extend(tail);
            drop(v);
            frame.stack.extend(out.into_iter().rev());
        }
        Instr::ImportName(i) => {
            let name = ops::str_of(&code.names[i as usize]).unwrap();
            let m = crate::modules::import(name)?;
            frame.stack.push(m);
        }
        Instr::ImportModule(i) => {
            let name = ops::str_of(&code.names[i as usize]).unwrap();
            let m = crate::modules::import_from(name)?;
            frame.stack.push(m);
        }
        Instr::ImportFrom(i) => {
            let m = st.last().unwrap().clone();
            let name = ops::str_of(&code.names[i as usize]).unwrap();
            let attr = match ops::getattr(&m, name) {
                Ok(v) => Ok(v),
                Err(e) => crate::modules::import_submodule(&m, name)?.ok_or(e),
            };
            let v = attr.map_err(|_| {
                let module = m.downcast::<ModuleObj>();
                let mname = module.map(|m| m.name.clone()).unwrap_or_default();
                let location = module
                    .and_then(|m| ops::dict_get_str(&m.dict, "__file__"))
                    .and_then(|f| ops::str_of(&f).map(str::to_string))
                    .unwrap_or_else(|| "unknown location".into());
                let e = err(
                    &rt().types.import_error,
                    format!(
                        "cannot import name '{}' from '{}' ({})",
                        name, mname, location
                    ),
                );
                // CPython's ImportError carries the module's name and file.
                if module.is_some() {
                    ops::set_attr_raw(&e.0, "name", rt::str_obj(&mname));
                    ops::set_attr_raw(&e.0, "path", rt::str_obj(&location));
                }
                e
            })?;
            frame.stack.push(v);
        }
        Instr::ImportStar => {
            let m = pop(st);
            if let Some(md) = m.downcast::<ModuleObj>() {
                let ns = frame
                    .locals
                    .clone()
                    .unwrap_or_else(|| frame.globals.clone());
                for (k, v) in ops::dict_items(&md.dict) {
                    if !ops::str_of(&k).is_some_and(|s| s.starts_with('_')) {
                        ops::dict_set(&ns, k, v)?;
                    }
                }
            }
        }
        Instr::LoadBuildClass => {
            st.push(rt::builtin_fn(
                "__build_class__",
                crate::metaclass::build_class,
            ));
        }
        Instr::PrintExpr => {
            let v = pop(st);
            if !ops::is_none(&v) {
                let r = ops::repr(&v)?;
                rt::write_out(&format!("{}\n", r));
                ops::dict_set_str(&rt().builtins, "_", v);
            }
        }
        Instr::LoadAssertionError => st.push(rt().types.assertion_error.clone()),
        Instr::GetLen => {
            let n = ops::len(st.last().unwrap())?;
            frame.stack.push(rt::int(n as i64));
        }
        Instr::MatchSequence => {
            let r = crate::matching::is_sequence(st.last().unwrap());
            st.push(rt::bool_obj(r));
        }
        Instr::MatchMapping => {
            let r = crate::matching::is_mapping(st.last().unwrap());
            st.push(rt::bool_obj(r));
        }
        Instr::MatchKeys => {
            let l = st.len();
            let values = crate::matching::match_keys(&st[l - 2], &st[l - 1])?;
            frame.stack.push(values);
        }
        Instr::MatchClass(nargs) => {
            let names = pop(st);
            let cls = pop(&mut frame.stack);
            let subject = pop(&mut frame.stack);
            let attrs = crate::matching::match_class(&subject, &cls, nargs as usize, &names)?;
            drop((subject, cls, names));
            frame.stack.push(attrs);
        }
        Instr::SetupAnnotations => {
            let ns = frame
                .locals
                .clone()
                .unwrap_or_else(|| frame.globals.clone());
            if namespace_get(&ns, "__annotations__")?.is_none() {
                namespace_set(&ns, &rt::intern("__annotations__"), rt::dict())?;
            }
        }
    }
    Ok(None)
}

/// A name in a class body's namespace, which `__prepare__` may have made any mapping (CPython's
/// LOAD_NAME: a dict directly, else a subscription whose KeyError means "not here").
#[inline(never)]
fn namespace_get(ns: &ObjRef, name: &str) -> PyResult<Option<ObjRef>> {
    if ns.downcast::<DictObj>().is_some() {
        return Ok(ops::dict_get_str(ns, name));
    }
    match ops::getitem(ns, &rt::str_obj(name)) {
        Ok(v) => Ok(Some(v)),
        Err(e) if ops::isinstance(&e.0, &rt().types.key_error) => Ok(None),
        Err(e) => Err(e),
    }
}

/// STORE_NAME into a namespace (any mapping from `__prepare__`).
#[inline(never)]
fn namespace_set(ns: &ObjRef, name: &ObjRef, v: ObjRef) -> PyResult<()> {
    if ns.downcast::<DictObj>().is_some() {
        return ops::dict_set(ns, name.clone(), v);
    }
    ops::setitem(ns, name, v)
}

/// DELETE_NAME from a namespace: false when the name was not there.
#[inline(never)]
fn namespace_del(ns: &ObjRef, name: &ObjRef) -> PyResult<bool> {
    if ns.downcast::<DictObj>().is_some() {
        let old = ops::dict_del_str(ns, ops::str_of(name).unwrap_or_default());
        let found = old.is_some();
        drop(old);
        return Ok(found);
    }
    match ops::delitem(ns, name) {
        Ok(()) => Ok(true),
        Err(e) if ops::isinstance(&e.0, &rt().types.key_error) => Ok(false),
        Err(e) => Err(e),
    }
}

/// `locals()` of a frame: the namespace of module and class bodies, else a dict of the bound variables.
fn frame_locals(frame: &Frame, code: &Code) -> ObjRef {
    if let Some(ns) = &frame.locals {
        return ns.clone();
    }
    let d = rt::dict();
    for (name, v) in code.varnames.iter().zip(frame.fast.iter()) {
        if let Some(v) = v {
            ops::dict_set_str(&d, name, v.clone());
        }
    }
    let cell_names = code.cellvars.iter().chain(code.freevars.iter());
    for (name, cell) in cell_names.zip(frame.cells.iter()) {
        if let Some(v) = cell
            .downcast::<CellObj>()
            .and_then(|c| c.0.borrow().clone())
        {
            ops::dict_set_str(&d, name, v);
        }
    }
    d
}

/// CPython's `_PyObject_FunctionStr` plus a space: `__main__.f() ` / `len() `.
fn function_str(f: &ObjRef) -> String {
    if let Some(func) = f.downcast::<FunctionObj>() {
        let module = ops::dict_get_str(&func.globals, "__name__")
            .and_then(|m| ops::str_of(&m).map(str::to_string))
            .unwrap_or_default();
        let q = func.qualname.borrow().clone();
        return if module.is_empty() || module == "builtins" {
            format!("{}() ", q)
        } else {
            format!("{}.{}() ", module, q)
        };
    }
    if let Some(b) = f.downcast::<BuiltinObj>() {
        return format!("{}() ", b.name);
    }
    String::new()
}

fn instance_has(inst: &Instance, name: &str) -> bool {
    if let Some(d) = inst.dict.borrow().as_ref() {
        return ops::dict_get_str(d, name).is_some();
    }
    inst.attrs.borrow().iter().any(|(k, _)| **k == *name)
}

/// Name `i` of `code`: an exact str (the compiler interns every name), read without `str_of`'s check for
/// a str subclass instance.
#[inline]
fn attr_name_at(code: &Code, i: u32) -> &str {
    let name = code.names[i as usize].downcast::<StrObj>();
    name.map(|s| s.s.as_str()).expect("names are str objects")
}

fn cell_name(code: &Code, i: u32) -> &str {
    let i = i as usize;
    if i < code.cellvars.len() {
        &code.cellvars[i]
    } else {
        &code.freevars[i - code.cellvars.len()]
    }
}

fn unpack_items(v: &ObjRef) -> PyResult<Vec<ObjRef>> {
    ops::iterate(v).map_err(|e| {
        if ops::isinstance(&e.0, &rt().types.type_error) && ops::get_iter(v).is_err() {
            type_error(format!(
                "cannot unpack non-iterable {} object",
                type_name(v)
            ))
        } else {
            e
        }
    })
}

thread_local! {
    static NULL_MARKER: ObjRef = alloc(&NOTIMPL_VT, NotImplementedObj);
}

/// A private sentinel standing for CPython's NULL in the `self` slot of LOAD_METHOD; in the callable slot
/// it means the built-in method of the `self` above it (`methods::lookup_direct`), called in place.
fn null_marker() -> ObjRef {
    NULL_MARKER.with(|m| m.clone())
}

fn is_null_marker(o: &ObjRef) -> bool {
    NULL_MARKER.with(|m| m.is(o))
}

//! Built-in modules (`sys`, `gc`, `ctypes`, `weakref`, `time`, `math`, `copy`, `copyreg`, `random`,
//! `collections`, `heapq`, `bisect`, `__future__`, `itertools`, `functools`, `operator`, `types`,
//! `string`) and `import`.

mod collections;
mod copy;
mod copyreg;
mod functools;
mod future;
mod gc;
mod heapq;
mod importer;
mod itertools;
mod math;
mod operator;
mod random;
mod sys;
mod weakref;

use std::cell::RefCell;

use refpy_heap::ObjRef;

use crate::exc::*;
use crate::object::alloc;
use crate::objects::*;
use crate::ops;
use crate::rt::{self, rt};

pub use importer::{import_from, import_submodule};
pub use random::MT_VT;
pub use weakref::weakref_new;

pub fn new_module(name: &str, fns: &[(&'static str, NativeFn)]) -> ObjRef {
    let d = rt::dict();
    ops::dict_set_str(&d, "__name__", rt::str_obj(name));
    for (n, f) in fns {
        ops::dict_set_str(&d, n, rt::builtin_fn(n, *f));
    }
    alloc(
        &MODULE_VT,
        ModuleObj {
            name: name.to_string(),
            dict: d,
        },
    )
}

/// A module written in Python, as CPython's standard library has many: `natives` are its built-in helpers,
/// then each `(source, filename)` part runs in order in the module's namespace (`BUILT_IN_CODE` as the
/// filename for code that stands for CPython's C, which adds no traceback entries).
fn python_module(
    name: &str,
    natives: &[(&'static str, NativeFn)],
    parts: &[(&str, &str)],
) -> PyResult<ObjRef> {
    let m = new_module(name, natives);
    let d = module_dict(&m);
    for (source, filename) in parts {
        crate::run_prelude(source, filename, &d)?;
    }
    Ok(m)
}

pub fn module_dict(m: &ObjRef) -> ObjRef {
    m.downcast::<ModuleObj>().unwrap().dict.clone()
}

/// `import name` (dotted: each package on the way, as `import a.b.c` does): the top-level module.
pub fn import(name: &str) -> PyResult<ObjRef> {
    importer::import_name(name)
}

/// A new built-in module called `name`, if refpy has one (the importer caches it).
fn builtin_module(name: &str) -> PyResult<Option<ObjRef>> {
    let m = match name {
        "sys" => sys::make(),
        "gc" => gc::make(),
        "ctypes" => make_ctypes(),
        "weakref" | "_weakref" => weakref::make()?,
        "time" => math::make_time(),
        "math" => math::make_math(),
        "copy" => copy::make()?,
        "random" => random::make()?,
        "__future__" => future::make()?,
        "collections" => collections::make()?,
        "heapq" => heapq::make_heapq(),
        "bisect" => heapq::make_bisect(),
        "copyreg" => copyreg::make()?,
        "types" => python_module("types", &[], &[(include_str!("types.py"), "<types>")])?,
        "string" => python_module("string", &[], &[(include_str!("string.py"), "<string>")])?,
        "itertools" => itertools::make()?,
        "functools" => functools::make()?,
        "operator" => operator::make()?,
        "builtins" => {
            let m = alloc(
                &MODULE_VT,
                ModuleObj {
                    name: "builtins".into(),
                    dict: rt().builtins.clone(),
                },
            );
            m
        }
        _ => return Ok(None),
    };
    Ok(Some(m))
}

thread_local! {
    /// `sys.path[0]`: the running script's folder ('' — the working directory — for `-c` and stdin).
    static SCRIPT_DIR: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Record the folder of the script being run (before `sys` is first imported).
pub fn set_script_dir(dir: &str) {
    SCRIPT_DIR.with(|d| *d.borrow_mut() = dir.to_string());
}

pub fn script_dir() -> String {
    SCRIPT_DIR.with(|d| d.borrow().clone())
}

fn make_ctypes() -> ObjRef {
    fn sizeof(a: &[ObjRef], _: &[(String, ObjRef)]) -> PyResult<ObjRef> {
        let o = a
            .first()
            .ok_or_else(|| type_error("sizeof() takes exactly one argument (0 given)"))?;
        if o.is(&rt().types.c_long) || o.downcast::<CLongObj>().is_some() {
            return Ok(rt::int(8));
        }
        Err(type_error("this type has no size"))
    }
    fn from_address(a: &[ObjRef], _: &[(String, ObjRef)]) -> PyResult<ObjRef> {
        let addr = a
            .last()
            .ok_or_else(|| type_error("from_address() takes exactly one argument"))?;
        let addr = ops::as_bigint(addr)
            .and_then(|b| num_traits::ToPrimitive::to_usize(&b))
            .ok_or_else(|| type_error("integer expected"))?;
        // Reading arbitrary memory is what CPython does; we only read words the heap owns.
        if let Err(e) = refpy_heap::read_word(addr) {
            return Err(value_error(format!(
                "c_long.from_address({:#x}): {}",
                addr, e
            )));
        }
        Ok(alloc(
            &CLONG_VT,
            CLongObj {
                address: Some(addr),
                value: std::cell::Cell::new(0),
            },
        ))
    }
    let m = new_module("ctypes", &[("sizeof", sizeof)]);
    let d = module_dict(&m);
    let t = rt().types.c_long.clone();
    ops::dict_set_str(
        &t.downcast::<TypeObj>().unwrap().dict,
        "from_address",
        alloc(
            &STATICMETHOD_VT,
            DescrObj::Static(rt::builtin_fn("from_address", from_address)),
        ),
    );
    ops::dict_set_str(&d, "c_long", t.clone());
    ops::dict_set_str(&d, "c_ssize_t", t);
    m
}

/// Install the heap hooks through which the collector reaches Python code.
pub fn install_hooks() {
    refpy_heap::set_hooks(refpy_heap::Hooks {
        gc_callback: Some(gc::run_callbacks),
        weakref_callback: Some(weakref::run_callback),
        save_garbage: Some(gc::save_garbage),
        debug_report: Some(gc::debug_report),
    });
}

//! Finding and loading modules written in Python, and packages, as CPython's importlib does: `import a.b.c`
//! imports `a`, `a.b`, `a.b.c` in turn and binds each submodule as an attribute of its package; a package is
//! a folder with an `__init__.py` (found before `NAME.py` in the same folder), searched for submodules
//! along its `__path__`; relative names resolve against the importing module's `__package__`. Every module
//! is cached by its full name before its code runs (so circular imports see it) and dropped again if the
//! code raises. Namespace packages (folders without `__init__.py`) are not supported.

use refpy_heap::ObjRef;

use super::{builtin_module, module_dict, script_dir};
use crate::exc::*;
use crate::object::alloc;
use crate::objects::*;
use crate::ops;
use crate::rt::{self, rt};

/// `import a.b.c`: imports every prefix, returns the top-level module `a`.
pub fn import_name(name: &str) -> PyResult<ObjRef> {
    let mut top = None;
    let mut end = 0;
    for part in name.split('.') {
        end += part.len();
        let module = import_absolute(&name[..end])?;
        top.get_or_insert(module);
        end += 1;
    }
    top.ok_or_else(|| value_error("Empty module name"))
}

/// `from SPEC import …`: the module SPEC names itself; leading dots make SPEC relative to the importing
/// module's package (one dot: the package itself).
pub fn import_from(spec: &str) -> PyResult<ObjRef> {
    let level = spec.len() - spec.trim_start_matches('.').len();
    let absolute = if level == 0 {
        spec.to_string()
    } else {
        resolve_relative(&spec[level..], level)?
    };
    import_name(&absolute)?;
    import_absolute(&absolute)
}

/// `from package import name` when the package has no attribute `name`: the submodule `package.name`, if
/// there is one (CPython's `_handle_fromlist`). `None` if `module` is not a package or has no such
/// submodule.
pub fn import_submodule(module: &ObjRef, name: &str) -> PyResult<Option<ObjRef>> {
    let Some(m) = module.downcast::<ModuleObj>() else {
        return Ok(None);
    };
    if ops::dict_get_str(&m.dict, "__path__").is_none() {
        return Ok(None);
    }
    let full = format!("{}.{}", m.name, name);
    match import_absolute(&full) {
        Ok(sub) => Ok(Some(sub)),
        Err(e) if is_not_found(&e, &full) => Ok(None),
        Err(e) => Err(e),
    }
}

fn is_not_found(e: &PyErr, full: &str) -> bool {
    ops::isinstance(&e.0, &rt().types.module_not_found_error)
        && ops::getattr(&e.0, "name")
            .ok()
            .is_some_and(|n| ops::str_of(&n) == Some(full))
}

fn cached(full: &str) -> Option<ObjRef> {
    rt().modules
        .borrow()
        .iter()
        .find(|(n, _)| n == full)
        .map(|(_, m)| m.clone())
}

fn not_found(message: String, full: &str) -> PyErr {
    let e = err(&rt().types.module_not_found_error, message);
    ops::set_attr_raw(&e.0, "name", rt::str_obj(full));
    e
}

/// The module called `full` (its parent packages already imported by the caller, or imported here).
fn import_absolute(full: &str) -> PyResult<ObjRef> {
    if let Some(m) = cached(full) {
        return Ok(m);
    }
    let Some((parent_name, tail)) = full.rsplit_once('.') else {
        if let Some(m) = builtin_module(full)? {
            rt().modules
                .borrow_mut()
                .push((full.to_string(), m.clone()));
            return Ok(m);
        }
        return match find_in(&search_path(), full) {
            Some(found) => load_source(full, &found),
            None => Err(not_found(format!("No module named '{}'", full), full)),
        };
    };
    let parent = import_absolute(parent_name)?;
    // Importing the parent may have imported this module too.
    if let Some(m) = cached(full) {
        return Ok(m);
    }
    let Some(path) = ops::dict_get_str(&module_dict(&parent), "__path__") else {
        return Err(not_found(
            format!(
                "No module named '{}'; '{}' is not a package",
                full, parent_name
            ),
            full,
        ));
    };
    let folders: Vec<String> = ops::iterate(&path)?
        .iter()
        .filter_map(|f| ops::str_of(f).map(str::to_string))
        .collect();
    let Some(found) = find_in(&folders, tail) else {
        return Err(not_found(format!("No module named '{}'", full), full));
    };
    let module = load_source(full, &found)?;
    ops::setattr(&parent, tail, module.clone())?;
    Ok(module)
}

/// The folders of `sys.path` ('' is the working directory).
fn search_path() -> Vec<String> {
    let path = super::import("sys")
        .ok()
        .and_then(|sys| ops::dict_get_str(&module_dict(&sys), "path"));
    let Some(folders) = path.and_then(|p| ops::iterate(&p).ok()) else {
        return vec![script_dir()];
    };
    folders
        .iter()
        .filter_map(|f| ops::str_of(f).map(str::to_string))
        .collect()
}

/// Where a module's source was found: the file, and for a package its folder (its `__path__`).
struct Found {
    file: String,
    package_dir: Option<String>,
}

/// `NAME/__init__.py` (a package) or `NAME.py` in the first folder that has either.
fn find_in(folders: &[String], name: &str) -> Option<Found> {
    folders.iter().find_map(|folder| {
        let join = |leaf: &str| {
            if folder.is_empty() {
                leaf.to_string()
            } else {
                format!("{}/{}", folder.trim_end_matches('/'), leaf)
            }
        };
        let dir = join(name);
        let init = format!("{}/__init__.py", dir);
        if std::path::Path::new(&init).is_file() {
            return Some(Found {
                file: init,
                package_dir: Some(dir),
            });
        }
        let file = join(&format!("{}.py", name));
        std::path::Path::new(&file).is_file().then_some(Found {
            file,
            package_dir: None,
        })
    })
}

/// Compile the module's file and run it in a fresh module namespace, cached under `full` meanwhile.
fn load_source(full: &str, found: &Found) -> PyResult<ObjRef> {
    let src = std::fs::read(&found.file).map_err(|e| {
        err(
            &rt().types.import_error,
            format!("cannot read '{}': {}", found.file, e),
        )
    })?;
    let src = String::from_utf8_lossy(&src).into_owned();
    let code =
        crate::syntax::compile_source(&src, &found.file, false).map_err(|e| syntax_error(&e))?;
    let package = match (&found.package_dir, full.rsplit_once('.')) {
        (Some(_), _) => full,
        (None, Some((parent, _))) => parent,
        (None, None) => "",
    };
    // The namespace in CPython's order: module_new's entries, then _init_module_attrs'.
    let d = rt::dict();
    ops::dict_set_str(&d, "__name__", rt::str_obj(full));
    ops::dict_set_str(&d, "__doc__", rt::none());
    ops::dict_set_str(&d, "__package__", rt::str_obj(package));
    ops::dict_set_str(&d, "__loader__", rt::none());
    ops::dict_set_str(&d, "__spec__", rt::none());
    if let Some(dir) = &found.package_dir {
        ops::dict_set_str(&d, "__path__", rt::list(vec![rt::str_obj(dir)]));
    }
    ops::dict_set_str(&d, "__file__", rt::str_obj(&found.file));
    ops::dict_set_str(&d, "__cached__", rt::none());
    // A module other than __main__ sees the builtins as a dict.
    ops::dict_set_str(&d, "__builtins__", rt().builtins.clone());
    let m = alloc(
        &MODULE_VT,
        ModuleObj {
            name: full.to_string(),
            dict: d.clone(),
        },
    );
    rt().modules
        .borrow_mut()
        .push((full.to_string(), m.clone()));
    if let Err(e) = crate::run_code(&code.code, &d) {
        rt().modules.borrow_mut().retain(|(n, _)| n != full);
        return Err(e);
    }
    Ok(m)
}

/// CPython's `_calc___package__`: the importing module's `__package__`, else its `__name__` (a package)
/// or the part of it before the last dot.
fn importer_package() -> String {
    let Some(globals) = crate::eval::current_globals() else {
        return String::new();
    };
    if let Some(p) = ops::dict_get_str(&globals, "__package__").filter(|p| !ops::is_none(p)) {
        return ops::str_of(&p).unwrap_or_default().to_string();
    }
    let name = ops::dict_get_str(&globals, "__name__")
        .and_then(|n| ops::str_of(&n).map(str::to_string))
        .unwrap_or_default();
    if ops::dict_get_str(&globals, "__path__").is_some() {
        return name;
    }
    name.rsplit_once('.')
        .map(|(parent, _)| parent.to_string())
        .unwrap_or_default()
}

/// CPython's `_resolve_name`: `name` relative to the importer's package, `level` dots up.
fn resolve_relative(name: &str, level: usize) -> PyResult<String> {
    let package = importer_package();
    if package.is_empty() {
        return Err(err(
            &rt().types.import_error,
            "attempted relative import with no known parent package",
        ));
    }
    let bits: Vec<&str> = package.rsplitn(level, '.').collect();
    if bits.len() < level {
        return Err(err(
            &rt().types.import_error,
            "attempted relative import beyond top-level package",
        ));
    }
    let base = bits.last().copied().unwrap_or_default();
    Ok(if name.is_empty() {
        base.to_string()
    } else {
        format!("{}.{}", base, name)
    })
}

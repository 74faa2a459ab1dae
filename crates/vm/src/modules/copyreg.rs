//! `copyreg`: the constructors that `object.__reduce_ex__` names in its results (`__newobj__`,
//! `__newobj_ex__`, `_reconstructor`), written in Python on top of the VM as CPython's `copyreg` is.

use refpy_heap::ObjRef;

use crate::exc::PyResult;

const PRELUDE: &str = r#"
def __newobj__(cls, *args):
    return cls.__new__(cls, *args)


def __newobj_ex__(cls, args, kwargs):
    return cls.__new__(cls, *args, **kwargs)


def _reconstructor(cls, base, state):
    if base is object:
        obj = object.__new__(cls)
    else:
        obj = base.__new__(cls, state)
        if base.__init__ != object.__init__:
            base.__init__(obj, state)
    return obj
"#;

pub fn make() -> PyResult<ObjRef> {
    super::python_module("copyreg", &[], &[(PRELUDE, "<copyreg>")])
}

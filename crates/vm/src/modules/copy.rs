//! `copy`: shallow and deep copies, written in Python on top of the VM (as CPython's own `copy` is), so the
//! objects they build and free are the ones CPython's version builds: containers copied through their own
//! `copy()`, instances rebuilt with `cls.__new__` and their (materialised) `__dict__`, a memo dict and a
//! keep-alive list for `deepcopy`.

use refpy_heap::ObjRef;

use crate::exc::PyResult;

const PRELUDE: &str = r#"
class Error(Exception):
    pass

error = Error

# Objects a copy returns unchanged: immutable values, functions and classes.
_ATOMIC = (type(None), type(Ellipsis), type(NotImplemented), int, float, bool, complex, str, bytes,
           range, type(len), type(lambda: 0), type, property)

_BUILTIN_VALUES = (int, float, complex, str, bytes, tuple, frozenset)


def copy(x):
    cls = type(x)
    if cls in _ATOMIC or issubclass(cls, type):
        return x
    if cls is tuple or cls is frozenset:
        return x
    if cls is list or cls is dict or cls is set:
        return x.copy()
    if cls is bytearray:
        return bytearray(x)
    hook = getattr(cls, "__copy__", None)
    if hook is not None:
        return hook(x)
    return _reconstruct(x, None)


def deepcopy(x, memo=None, _nil=[]):
    if memo is None:
        memo = {}
    key = id(x)
    y = memo.get(key, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _ATOMIC or issubclass(cls, type):
        y = x
    elif cls is list:
        y = []
        memo[key] = y
        for item in x:
            y.append(deepcopy(item, memo))
    elif cls is tuple:
        items = [deepcopy(item, memo) for item in x]
        # A tuple that contains itself through a mutable object was copied while building `items`.
        if key in memo:
            return memo[key]
        y = x
        for mine, theirs in zip(x, items):
            if mine is not theirs:
                y = tuple(items)
                break
    elif cls is dict:
        y = {}
        memo[key] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
    elif cls is set or cls is frozenset:
        y = cls(deepcopy(item, memo) for item in x)
    elif cls is bytearray:
        y = bytearray(x)
    else:
        hook = getattr(x, "__deepcopy__", None)
        if hook is not None:
            y = hook(memo)
        else:
            y = _reconstruct(x, memo)
    if y is not x:
        memo[key] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    # The memo holds the originals so that their ids are not reused while the copy is being made.
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _reconstruct(x, memo):
    deep = memo is not None
    cls = type(x)
    value = None
    for base in _BUILTIN_VALUES:
        if isinstance(x, base):
            value = base(x)
            break
    if value is None:
        y = cls.__new__(cls)
    else:
        y = cls.__new__(cls, deepcopy(value, memo) if deep else value)
    if deep:
        memo[id(x)] = y
    state = getattr(x, "__dict__", None) if hasattr(cls, "__dict__") else None
    if state:
        if deep:
            state = deepcopy(state, memo)
        setstate = getattr(y, "__setstate__", None)
        if setstate is not None:
            setstate(state)
        else:
            y.__dict__.update(state)
    for klass in cls.__mro__:
        for name in klass.__dict__.get("__slots__", ()):
            if name in ("__dict__", "__weakref__") or not hasattr(x, name):
                continue
            v = getattr(x, name)
            setattr(y, name, deepcopy(v, memo) if deep else v)
    if isinstance(x, list):
        for item in x:
            y.append(deepcopy(item, memo) if deep else item)
    elif isinstance(x, dict):
        for k, v in x.items():
            if deep:
                k, v = deepcopy(k, memo), deepcopy(v, memo)
            y[k] = v
    elif isinstance(x, set):
        for item in x:
            y.add(deepcopy(item, memo) if deep else item)
    return y
"#;

pub fn make() -> PyResult<ObjRef> {
    super::python_module("copy", &[], &[(PRELUDE, "<copy>")])
}

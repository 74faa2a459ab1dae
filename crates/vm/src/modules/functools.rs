//! `functools`, written in Python on top of the VM. `reduce`, `partial`, `cmp_to_key` and the
//! `lru_cache` wrapper are C in CPython (`_functools`) and run as `BUILT_IN_CODE`; `update_wrapper`,
//! `wraps`, `lru_cache`'s decorator, `cache`, `total_ordering` and `cached_property` are Python there too.
//! The cache keeps what CPython's keeps: the argument tuple as the key (a lone exact int or str argument
//! itself), one reference to each result, least recently used entries evicted first.

use refpy_heap::ObjRef;

use crate::exc::PyResult;

const NATIVE_PART: &str = r#"
_initial_missing = object()


def reduce(function, sequence, initial=_initial_missing):
    it = iter(sequence)
    if initial is _initial_missing:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError("reduce() of empty iterable with no initial value") from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value


class partial:
    __slots__ = ('_func', '_args', '_keywords', '__dict__', '__weakref__')

    def __new__(cls, *args, **keywords):
        if not args:
            raise TypeError("type 'partial' takes at least one argument")
        func, args = args[0], args[1:]
        if not callable(func):
            raise TypeError("the first argument must be callable")
        if type(func) is partial and not func.__dict__:
            args = func._args + args
            keywords = {**func._keywords, **keywords}
            func = func._func
        self = super().__new__(cls)
        self._func = func
        self._args = args
        self._keywords = keywords
        return self

    @property
    def func(self):
        return self._func

    @property
    def args(self):
        return self._args

    @property
    def keywords(self):
        return self._keywords

    def __call__(self, /, *args, **keywords):
        keywords = {**self._keywords, **keywords}
        return self._func(*self._args, *args, **keywords)

    def __repr__(self):
        args = [repr(self._func)]
        args.extend(repr(x) for x in self._args)
        args.extend('%s=%r' % (k, v) for k, v in self._keywords.items())
        cls = type(self)
        return '%s.%s(%s)' % (cls.__module__, cls.__qualname__, ', '.join(args))

    def __reduce__(self):
        return (type(self), (self._func,),
                (self._func, self._args, self._keywords or None, self.__dict__ or None))


def cmp_to_key(mycmp):
    class K(object):
        __slots__ = ['obj']

        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

        __hash__ = None
    return K


# Separates positional from keyword arguments in a cache key (CPython's kwd_mark).
_KWD_MARK = object()


class _lru_cache_wrapper:
    def __init__(self, user_function, maxsize, typed, cache_info_type):
        if not callable(user_function):
            raise TypeError('the first argument must be callable')
        self._function = user_function
        self._maxsize = maxsize
        self._typed = typed
        self._cache_info_type = cache_info_type
        self._cache = {}
        self._hits = 0
        self._misses = 0

    def _make_key(self, args, kwds):
        if not self._typed and not kwds:
            if len(args) == 1 and type(args[0]) in (int, str):
                return args[0]
            return args
        key = args
        if kwds:
            key += (_KWD_MARK,)
            for item in kwds.items():
                key += item
        if self._typed:
            key += tuple(type(v) for v in args)
            if kwds:
                key += tuple(type(v) for v in kwds.values())
        return key

    def __call__(self, /, *args, **kwds):
        if self._maxsize == 0:
            self._misses += 1
            return self._function(*args, **kwds)
        key = self._make_key(args, kwds)
        cache = self._cache
        result = cache.get(key, _KWD_MARK)
        if result is not _KWD_MARK:
            self._hits += 1
            if self._maxsize is not None:
                # Most recently used last.
                del cache[key]
                cache[key] = result
            return result
        self._misses += 1
        result = self._function(*args, **kwds)
        if key in cache:
            # A recursive call cached it meanwhile.
            return result
        if self._maxsize is not None and len(cache) >= self._maxsize:
            oldkey = next(iter(cache))
            oldresult = cache.pop(oldkey)
            cache[key] = result
            del oldkey, oldresult
        else:
            cache[key] = result
        return result

    def cache_info(self):
        return self._cache_info_type(self._hits, self._misses, self._maxsize, len(self._cache))

    def cache_clear(self):
        self._hits = self._misses = 0
        self._cache.clear()

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return _method(self, obj)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self
"#;

const PYTHON_PART: &str = r#"
from collections import namedtuple

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__', '__annotations__')
WRAPPER_UPDATES = ('__dict__',)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            setattr(wrapper, attr, value)
    for attr in updated:
        getattr(wrapper, attr).update(getattr(wrapped, attr, {}))
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)


_CacheInfo = namedtuple("CacheInfo", ["hits", "misses", "maxsize", "currsize"])


def lru_cache(maxsize=128, typed=False):
    if isinstance(maxsize, int):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        user_function, maxsize = maxsize, 128
        wrapper = _lru_cache_wrapper(user_function, maxsize, typed, _CacheInfo)
        wrapper.cache_parameters = lambda: {'maxsize': maxsize, 'typed': typed}
        return update_wrapper(wrapper, user_function)
    elif maxsize is not None:
        raise TypeError('Expected first argument to be an integer, a callable, or None')

    def decorating_function(user_function):
        wrapper = _lru_cache_wrapper(user_function, maxsize, typed, _CacheInfo)
        wrapper.cache_parameters = lambda: {'maxsize': maxsize, 'typed': typed}
        return update_wrapper(wrapper, user_function)

    return decorating_function


def cache(user_function, /):
    return lru_cache(maxsize=None)(user_function)


# For each root comparison, the three it provides and how: from the root's result r and ==.
_DERIVED = {
    '__lt__': (('__gt__', 'not r and unequal'), ('__le__', 'r or equal'), ('__ge__', 'not r')),
    '__le__': (('__ge__', 'not r or equal'), ('__lt__', 'r and unequal'), ('__gt__', 'not r')),
    '__gt__': (('__lt__', 'not r and unequal'), ('__ge__', 'r or equal'), ('__le__', 'not r')),
    '__ge__': (('__le__', 'not r or equal'), ('__gt__', 'r and unequal'), ('__lt__', 'not r')),
}


def _derived_comparison(root, rule, name):
    def compare(self, other):
        r = getattr(type(self), root)(self, other)
        if r is NotImplemented:
            return r
        if rule == 'not r':
            return not r
        if rule == 'r or equal':
            return r or self == other
        if rule == 'not r or equal':
            return not r or self == other
        if rule == 'r and unequal':
            return r and self != other
        return not r and self != other
    compare.__name__ = name
    return compare


def total_ordering(cls):
    # The comparisons some class other than object defines.
    roots = {op for op in _DERIVED if any(op in vars(k) for k in cls.__mro__ if k is not object)}
    if not roots:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    root = max(roots)
    for name, rule in _DERIVED[root]:
        if name not in roots:
            setattr(cls, name, _derived_comparison(root, rule, name))
    return cls


_NOT_FOUND = object()


class cached_property:
    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError("Cannot assign the same cached_property to two different names (%r and %r)."
                            % (self.attrname, name))

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        name = self.attrname
        if name is None:
            raise TypeError("Cannot use cached_property instance without calling __set_name__ on it.")
        cls_name = type(instance).__name__
        try:
            namespace = instance.__dict__
        except AttributeError:
            raise TypeError("No '__dict__' attribute on %r instance to cache %r property."
                            % (cls_name, name)) from None
        value = namespace.get(name, _NOT_FOUND)
        if value is not _NOT_FOUND:
            return value
        value = self.func(instance)
        try:
            namespace[name] = value
        except TypeError:
            raise TypeError("The '__dict__' attribute on %r instance does not support item assignment "
                            "for caching %r property." % (cls_name, name)) from None
        return value
"#;

pub fn make() -> PyResult<ObjRef> {
    super::python_module(
        "functools",
        &[("_method", super::weakref::bind)],
        &[
            (NATIVE_PART, crate::BUILT_IN_CODE),
            (PYTHON_PART, "<functools>"),
        ],
    )
}

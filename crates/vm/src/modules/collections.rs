//! `collections`: `deque`, `defaultdict`, `OrderedDict`, `Counter` and `namedtuple`, written in Python on top
//! of the VM. `Counter` and `namedtuple` are Python in CPython too, so the objects they make are CPython's;
//! the C types' code runs as `BUILT_IN_CODE` (no traceback entries).
//! `deque` keeps its items in a list but tracks CPython's block layout (64-item blocks, the left index a new
//! deque starts from, re-centring when it empties) so that `sys.getsizeof` counts the blocks CPython's
//! `deque.__sizeof__` counts, and `clear` releases items left to right as CPython's `deque_clear` does.

use refpy_heap::ObjRef;

use super::module_dict;
use crate::exc::PyResult;

/// `deque`, `defaultdict`, `OrderedDict` and namedtuple's field descriptor: C types in CPython.
const PRELUDE: &str = r#"
import sys as _sys

_BLOCKLEN = 64
# A new or emptied deque starts in the middle of its block (CPython's CENTER + 1).
_CENTER_START = (_BLOCKLEN - 1) // 2 + 1
# sizeof(dequeobject) and sizeof(block) on a 64-bit build.
_DEQUE_BASIC = 216
_BLOCK_SIZE = 8 * _BLOCKLEN + 16


def _index(n):
    if not isinstance(n, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(n).__name__)
    return int(n)


class deque:
    __slots__ = ('_items', '_maxlen', '_left', '_state', '__weakref__')

    def __init__(self, iterable=None, maxlen=None):
        if maxlen is not None:
            if not isinstance(maxlen, int):
                raise TypeError("an integer is required")
            if maxlen < 0:
                raise ValueError("maxlen must be non-negative")
        self._maxlen = maxlen
        self._items = []
        self._left = _CENTER_START
        self._state = 0
        if iterable is not None:
            self.extend(iterable)

    @property
    def maxlen(self):
        return self._maxlen

    # The block layout: CPython's leftindex moves with appendleft/popleft/rotate; the rest follows from it.
    def _grow_left(self):
        if self._left == 0:
            self._left = _BLOCKLEN
        self._left -= 1

    def _shrink_left(self):
        self._left += 1
        if self._left == _BLOCKLEN:
            self._left = 0 if self._items else _CENTER_START

    def _shrink_right(self):
        if not self._items and self._left == 0:
            self._left = _CENTER_START

    def __sizeof__(self):
        blocks = (self._left + len(self._items) + _BLOCKLEN - 1) // _BLOCKLEN
        return _DEQUE_BASIC + blocks * _BLOCK_SIZE

    def append(self, x):
        self._state += 1
        self._items.append(x)
        if self._maxlen is not None and len(self._items) > self._maxlen:
            self.popleft()

    def appendleft(self, x):
        self._state += 1
        self._grow_left()
        self._items.insert(0, x)
        if self._maxlen is not None and len(self._items) > self._maxlen:
            self.pop()

    def pop(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        self._state += 1
        x = self._items.pop()
        self._shrink_right()
        return x

    def popleft(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        self._state += 1
        x = self._items.pop(0)
        self._shrink_left()
        return x

    def extend(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        iterator = iter(iterable)
        if self._maxlen == 0:
            for x in iterator:
                pass
            return
        # CPython's space-saving heuristic: an empty deque fills its block from the left end.
        if not self._items:
            self._left = 1
        for x in iterator:
            self.append(x)

    def extendleft(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        iterator = iter(iterable)
        if self._maxlen == 0:
            for x in iterator:
                pass
            return
        # ... and from the right end when extended on the left.
        if not self._items:
            self._left = _BLOCKLEN - 1
        for x in iterator:
            self.appendleft(x)

    def clear(self):
        if not self._items:
            return
        items = self._items
        self._items = []
        self._left = _CENTER_START
        self._state += 1
        # CPython's deque_clear releases the items from the left.
        while items:
            del items[0]

    def rotate(self, n=1):
        n = _index(n)
        size = len(self._items)
        half = size >> 1
        if size <= 1:
            return
        if n > half or n < -half:
            # C's remainder keeps the sign of n.
            n = abs(n) % size * (1 if n >= 0 else -1)
            if n > half:
                n -= size
            elif n < -half:
                n += size
        if n == 0:
            return
        self._state += 1
        self._left = (self._left - n) % _BLOCKLEN
        items = self._items
        items[:] = items[-n:] + items[:-n]

    def _position(self, i):
        i = _index(i)
        size = len(self._items)
        if i < 0:
            i += size
        if not 0 <= i < size:
            raise IndexError("deque index out of range")
        return i

    def __getitem__(self, i):
        if not isinstance(i, int):
            raise TypeError("sequence index must be integer, not '%s'" % type(i).__name__)
        return self._items[self._position(i)]

    def __setitem__(self, i, x):
        if not isinstance(i, int):
            raise TypeError("sequence index must be integer, not '%s'" % type(i).__name__)
        self._items[self._position(i)] = x

    def __delitem__(self, i):
        if not isinstance(i, int):
            raise TypeError("sequence index must be integer, not '%s'" % type(i).__name__)
        self._delete_at(self._position(i))

    def _delete_at(self, i):
        # CPython's deque_del_item: rotate the item to the left end, pop it, rotate back.
        self.rotate(-i)
        x = self.popleft()
        self.rotate(i)
        del x

    def insert(self, i, x):
        i = _index(i)
        size = len(self._items)
        if self._maxlen is not None and size >= self._maxlen:
            raise IndexError("deque already at its maximum size")
        if i >= size:
            return self.append(x)
        if i <= -size or i == 0:
            return self.appendleft(x)
        self.rotate(-i)
        if i < 0:
            self.append(x)
        else:
            self.appendleft(x)
        self.rotate(i)

    def remove(self, value):
        state = self._state
        for i, item in enumerate(self._items):
            equal = item == value
            if state != self._state:
                raise IndexError("deque mutated during iteration")
            if equal:
                self._delete_at(i)
                return
        raise ValueError("%r is not in deque" % (value,))

    def index(self, value, start=0, stop=_sys.maxsize):
        size = len(self._items)
        start, stop = _index(start), _index(stop)
        if start < 0:
            start = max(start + size, 0)
        if stop < 0:
            stop = max(stop + size, 0)
        stop = min(stop, size)
        state = self._state
        for i in range(start, stop):
            equal = self._items[i] == value
            if state != self._state:
                raise RuntimeError("deque mutated during iteration")
            if equal:
                return i
        raise ValueError("%r is not in deque" % (value,))

    def count(self, value):
        state = self._state
        n = 0
        for item in list(self._items):
            n += item == value
            if state != self._state:
                raise RuntimeError("deque mutated during iteration")
        return n

    def reverse(self):
        self._items.reverse()

    def copy(self):
        return type(self)(self, self._maxlen)

    __copy__ = copy

    def __len__(self):
        return len(self._items)

    def __bool__(self):
        return bool(self._items)

    def __contains__(self, value):
        state = self._state
        for item in list(self._items):
            equal = item == value
            if state != self._state:
                raise RuntimeError("deque mutated during iteration")
            if equal:
                return True
        return False

    def __iter__(self):
        return _deque_items(self, self._state, range(len(self._items)))

    def __reversed__(self):
        return _deque_items(self, self._state, range(len(self._items) - 1, -1, -1))

    def __repr__(self):
        if self in _repr_running:
            return '[...]'
        _repr_running.append(self)
        try:
            items = repr(list(self._items))
        finally:
            _repr_running.pop()
        name = type(self).__name__
        if self._maxlen is None:
            return '%s(%s)' % (name, items)
        return '%s(%s, maxlen=%d)' % (name, items, self._maxlen)

    def _compare(self, other, op):
        if not isinstance(other, deque):
            return NotImplemented
        return op(list(self._items), list(other._items))

    def __eq__(self, other):
        return self._compare(other, lambda a, b: a == b)

    def __ne__(self, other):
        return self._compare(other, lambda a, b: a != b)

    def __lt__(self, other):
        return self._compare(other, lambda a, b: a < b)

    def __le__(self, other):
        return self._compare(other, lambda a, b: a <= b)

    def __gt__(self, other):
        return self._compare(other, lambda a, b: a > b)

    def __ge__(self, other):
        return self._compare(other, lambda a, b: a >= b)

    __hash__ = None

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError('can only concatenate deque (not "%s") to deque' % type(other).__name__)
        new = self.copy()
        new.extend(other)
        return new

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        new = self.copy()
        new *= n
        return new

    __rmul__ = __mul__

    def __imul__(self, n):
        n = _index(n)
        if n <= 0:
            self.clear()
            return self
        items = list(self._items)
        for _ in range(n - 1):
            self.extend(items)
        return self

    def __reduce__(self):
        return type(self), (list(self._items), self._maxlen)


def _deque_items(d, state, positions):
    # The state is the deque's when the iterator was made: any change since is an error at the next item.
    for i in positions:
        if state != d._state:
            raise RuntimeError("deque mutated during iteration")
        yield d._items[i]


# The containers whose repr is being built (a list: identity, not equality, decides).
class _ReprGuard(list):
    def __contains__(self, obj):
        for x in self:
            if x is obj:
                return True
        return False


_repr_running = _ReprGuard()


class defaultdict(dict):
    __slots__ = ('default_factory',)

    def __init__(self, *args, **kwargs):
        factory = None
        if args:
            factory = args[0]
            if factory is not None and not callable(factory):
                raise TypeError("first argument must be callable or None")
            args = args[1:]
        self.default_factory = factory
        dict.__init__(self, *args, **kwargs)

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self[key] = value
        return value

    def __repr__(self):
        factory = self.default_factory
        if factory is None:
            factory_repr = 'None'
        elif self in _repr_running:
            factory_repr = '...'
        else:
            _repr_running.append(self)
            try:
                factory_repr = repr(factory)
            finally:
                _repr_running.pop()
        return '%s(%s, %s)' % (type(self).__name__, factory_repr, dict.__repr__(self))

    def copy(self):
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __reduce__(self):
        return type(self), (self.default_factory,), None, None, iter(self.items())

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.copy()
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(self.default_factory, other)
        new.update(self)
        return new


class OrderedDict(dict):
    def __init__(self, other=(), /, **kwds):
        self.update(other, **kwds)

    def update(self, other=(), /, **kwds):
        if isinstance(other, dict) or hasattr(other, 'keys'):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def move_to_end(self, key, last=True):
        value = dict.pop(self, key)
        if last:
            dict.__setitem__(self, key, value)
            return
        rest = list(dict.items(self))
        dict.clear(self)
        dict.__setitem__(self, key, value)
        for k, v in rest:
            dict.__setitem__(self, k, v)

    def popitem(self, last=True):
        if not self:
            raise KeyError('dictionary is empty')
        key = next(reversed(self)) if last else next(iter(self))
        value = dict.pop(self, key)
        return key, value

    def pop(self, key, *default):
        return dict.pop(self, key, *default)

    def setdefault(self, key, default=None):
        if key in self:
            return self[key]
        self[key] = default
        return default

    def copy(self):
        return type(self)(self)

    __copy__ = copy

    @classmethod
    def fromkeys(cls, iterable, value=None):
        new = cls()
        for key in iterable:
            new[key] = value
        return new

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return dict.__eq__(self, other) and list(self) == list(other)
        return dict.__eq__(self, other)

    def __ne__(self, other):
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    __hash__ = None

    def __repr__(self):
        name = type(self).__name__
        if not self:
            return '%s()' % name
        if self in _repr_running:
            return '...'
        _repr_running.append(self)
        try:
            return '%s(%r)' % (name, list(self.items()))
        finally:
            _repr_running.pop()

    def __reduce__(self):
        return type(self), (), None, None, iter(self.items())

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(self)
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(other)
        new.update(self)
        return new

    def __ior__(self, other):
        self.update(other)
        return self


class _tuplegetter:
    __slots__ = ('_index', '__doc__')

    def __init__(self, index, doc):
        self._index = index
        self.__doc__ = doc

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        if not isinstance(obj, tuple):
            raise TypeError("descriptor for index '%d' for tuple subclasses doesn't apply to '%s' object"
                            % (self._index, type(obj).__name__))
        return obj[self._index]

    def __set__(self, obj, value):
        raise AttributeError("can't set attribute")

    def __delete__(self, obj):
        raise AttributeError("can't delete attribute")
"#;

/// `Counter` and `namedtuple`: Python code in CPython's `collections` too.
const PYTHON_PART: &str = r#"
import sys as _sys


class Counter(dict):
    def __init__(self, iterable=None, /, **kwds):
        super().__init__()
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def total(self):
        return sum(self.values())

    def most_common(self, n=None):
        ordered = sorted(self.items(), key=lambda item: item[1], reverse=True)
        return ordered if n is None else ordered[:max(n, 0)]

    def elements(self):
        for elem, count in self.items():
            for _ in range(count):
                yield elem

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            'Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')

    def update(self, iterable=None, /, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict) or hasattr(iterable, 'keys'):
                if self:
                    for elem, count in iterable.items():
                        self[elem] = count + self.get(elem, 0)
                else:
                    dict.update(self, iterable)
            else:
                for elem in iterable:
                    self[elem] = self.get(elem, 0) + 1
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict) or hasattr(iterable, 'keys'):
                for elem, count in iterable.items():
                    self[elem] = self.get(elem, 0) - count
            else:
                for elem in iterable:
                    self[elem] = self.get(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        return type(self)(self)

    __copy__ = copy

    def __reduce__(self):
        return type(self), (dict(self),)

    def __delitem__(self, elem):
        if elem in self:
            dict.__delitem__(self, elem)

    def __repr__(self):
        if not self:
            return '%s()' % type(self).__name__
        try:
            d = dict(self.most_common())
        except TypeError:
            d = dict(self)
        return '%s(%r)' % (type(self).__name__, d)

    def __eq__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] == other[e] for c in (self, other) for e in c)

    def __ne__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return not self == other

    def __le__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] <= other[e] for c in (self, other) for e in c)

    def __lt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other

    def __ge__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] >= other[e] for c in (self, other) for e in c)

    def __gt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self >= other and self != other

    __hash__ = None

    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count + other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count - other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count < 0:
                result[elem] = 0 - count
        return result

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = other_count if count < other_count else count
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = count if count < other_count else other_count
            if newcount > 0:
                result[elem] = newcount
        return result

    def __pos__(self):
        result = Counter()
        for elem, count in self.items():
            if count > 0:
                result[elem] = count
        return result

    def __neg__(self):
        result = Counter()
        for elem, count in self.items():
            if count < 0:
                result[elem] = 0 - count
        return result

    def _keep_positive(self):
        nonpositive = [elem for elem, count in self.items() if not count > 0]
        for elem in nonpositive:
            del self[elem]
        return self

    def __iadd__(self, other):
        for elem, count in other.items():
            self[elem] += count
        return self._keep_positive()

    def __isub__(self, other):
        for elem, count in other.items():
            self[elem] -= count
        return self._keep_positive()

    def __ior__(self, other):
        for elem, other_count in other.items():
            count = self[elem]
            if other_count > count:
                self[elem] = other_count
        return self._keep_positive()

    def __iand__(self, other):
        for elem, count in self.items():
            other_count = other[elem]
            if other_count < count:
                self[elem] = other_count
        return self._keep_positive()


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = list(map(str, field_names))
    typename = _sys.intern(str(typename))
    if rename:
        seen = set()
        for index, name in enumerate(field_names):
            if (not name.isidentifier() or _iskeyword(name) or name.startswith('_')
                    or name in seen):
                field_names[index] = '_%d' % index
            seen.add(name)
    for name in [typename] + field_names:
        if type(name) is not str:
            raise TypeError('Type names and field names must be strings')
        if not name.isidentifier():
            raise ValueError('Type names and field names must be valid identifiers: %r' % name)
        if _iskeyword(name):
            raise ValueError('Type names and field names cannot be a keyword: %r' % name)
    seen = set()
    for name in field_names:
        if name.startswith('_') and not rename:
            raise ValueError('Field names cannot start with an underscore: %r' % name)
        if name in seen:
            raise ValueError('Encountered duplicate field name: %r' % name)
        seen.add(name)
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(field_names):
            raise TypeError('Got more default values than field names')
        field_defaults = dict(reversed(list(zip(reversed(field_names), reversed(defaults)))))
    field_names = tuple(map(_sys.intern, field_names))
    num_fields = len(field_names)
    arg_list = ', '.join(field_names)
    if num_fields == 1:
        arg_list += ','
    repr_fmt = '(' + ', '.join('%s=%%r' % name for name in field_names) + ')'
    namespace = {'_tuple_new': tuple.__new__, '__builtins__': {}, '__name__': 'namedtuple_%s' % typename}
    code = 'lambda _cls, %s: _tuple_new(_cls, (%s))' % (arg_list, arg_list)
    __new__ = eval(code, namespace)
    __new__.__name__ = '__new__'
    __new__.__doc__ = 'Create new instance of %s(%s)' % (typename, arg_list)
    if defaults is not None:
        __new__.__defaults__ = defaults

    @classmethod
    def _make(cls, iterable):
        result = tuple.__new__(cls, iterable)
        if len(result) != num_fields:
            raise TypeError('Expected %d arguments, got %d' % (num_fields, len(result)))
        return result

    def _replace(self, /, **kwds):
        result = self._make(map(kwds.pop, field_names, self))
        if kwds:
            raise ValueError('Got unexpected field names: %r' % list(kwds))
        return result

    def __repr__(self):
        return self.__class__.__name__ + repr_fmt % self

    def _asdict(self):
        return dict(zip(self._fields, self))

    def __getnewargs__(self):
        return tuple(self)

    for method in (__new__, _make.__func__, _replace, __repr__, _asdict, __getnewargs__):
        method.__qualname__ = '%s.%s' % (typename, method.__name__)

    class_namespace = {
        '__doc__': '%s(%s)' % (typename, arg_list),
        '__slots__': (),
        '_fields': field_names,
        '_field_defaults': field_defaults,
        '__new__': __new__,
        '_make': _make,
        '_replace': _replace,
        '__repr__': __repr__,
        '_asdict': _asdict,
        '__getnewargs__': __getnewargs__,
        '__match_args__': field_names,
    }
    for index, name in enumerate(field_names):
        class_namespace[name] = _tuplegetter(index, 'Alias for field number %d' % index)
    result = type(typename, (tuple,), class_namespace)
    if module is None:
        try:
            module = _sys._getframe(1).f_globals.get('__name__', '__main__')
        except (AttributeError, ValueError):
            pass
    if module is not None:
        result.__module__ = module
    return result


_KEYWORDS = frozenset([
    'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue',
    'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in',
    'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
])


def _iskeyword(name):
    return name in _KEYWORDS
"#;

pub fn make() -> PyResult<ObjRef> {
    let m = super::python_module(
        "collections",
        &[],
        &[
            (PRELUDE, crate::BUILT_IN_CODE),
            (PYTHON_PART, "<collections>"),
        ],
    )?;
    // deque is a C sequence type in CPython: `case [a, b]` matches it.
    if let Some(deque) = crate::ops::dict_get_str(&module_dict(&m), "deque") {
        crate::ops::type_obj(&deque).is_sequence.set(true);
    }
    Ok(m)
}

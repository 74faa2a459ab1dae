//! `itertools`, written in Python on top of the VM. CPython's are C types, so each is a class of that name
//! whose instances are their own iterators, taking their arguments' iterators when made (errors come at
//! once, as in CPython), run as `BUILT_IN_CODE` (no traceback entries).

use refpy_heap::ObjRef;

use crate::exc::PyResult;

const PRELUDE: &str = r#"
import sys as _sys


def _as_index(n):
    if not isinstance(n, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(n).__name__)
    return int(n)


def _is_number(x):
    return isinstance(x, (int, float, complex))


class count:
    def __init__(self, start=0, step=1):
        if not _is_number(start) or not _is_number(step):
            raise TypeError("a number is required")
        self._next = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        value = self._next
        self._next = value + self._step
        return value

    def __repr__(self):
        if type(self._step) is int and self._step == 1:
            return '%s(%r)' % (type(self).__name__, self._next)
        return '%s(%r, %r)' % (type(self).__name__, self._next, self._step)


class cycle:
    def __init__(self, iterable):
        self._it = iter(iterable)
        self._saved = []
        self._index = 0
        self._first_pass = True

    def __iter__(self):
        return self

    def __next__(self):
        if self._first_pass:
            for item in self._it:
                self._saved.append(item)
                return item
            self._first_pass = False
        if not self._saved:
            raise StopIteration
        item = self._saved[self._index]
        self._index = (self._index + 1) % len(self._saved)
        return item


class repeat:
    def __init__(self, object, times=None):
        self._object = object
        self._times = None if times is None else max(_as_index(times), 0)

    def __iter__(self):
        return self

    def __next__(self):
        if self._times is None:
            return self._object
        if self._times == 0:
            raise StopIteration
        self._times -= 1
        return self._object

    def __length_hint__(self):
        if self._times is None:
            raise TypeError("len() of unsized object")
        return self._times

    def __repr__(self):
        if self._times is None:
            return '%s(%r)' % (type(self).__name__, self._object)
        return '%s(%r, %d)' % (type(self).__name__, self._object, self._times)


class chain:
    def __init__(self, *iterables):
        self._sources = iter(iterables)
        self._active = None

    @classmethod
    def from_iterable(cls, iterable):
        new = cls.__new__(cls)
        new._sources = iter(iterable)
        new._active = None
        return new

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            if self._active is None:
                self._active = iter(next(self._sources))
            for item in self._active:
                return item
            self._active = None


class islice:
    def __init__(self, iterable, *args):
        if not 1 <= len(args) <= 3:
            raise TypeError('islice expected at most 4 arguments, got %d' % (len(args) + 1))
        if len(args) == 1:
            start, stop, step = None, args[0], None
        else:
            start, stop, step = (list(args) + [None])[:3]
        # CPython's checks: a stop that is not an int (or is -1) first, then any negative index.
        if stop is not None and (not isinstance(stop, int) or stop == -1 or stop > _sys.maxsize):
            raise ValueError("Stop argument for islice() must be None or an integer: "
                             "0 <= x <= sys.maxsize.")
        if start is None:
            start = 0
        if not isinstance(start, int) or start < 0 or start > _sys.maxsize or (
                stop is not None and stop < -1):
            raise ValueError("Indices for islice() must be None or an integer: "
                             "0 <= x <= sys.maxsize.")
        if step is None:
            step = 1
        elif not isinstance(step, int) or step < 1:
            raise ValueError("Step for islice() must be a positive integer or None.")
        self._it = iter(iterable)
        self._next_index = start
        self._stop = stop
        self._step = step
        self._position = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self._it is None:
            raise StopIteration
        if self._stop is not None and self._next_index >= self._stop:
            # Consume up to stop, as CPython does, then drop the iterator.
            while self._position < self._stop:
                try:
                    next(self._it)
                except StopIteration:
                    break
                self._position += 1
            self._it = None
            raise StopIteration
        while self._position < self._next_index:
            try:
                next(self._it)
            except StopIteration:
                self._it = None
                raise
            self._position += 1
        try:
            item = next(self._it)
        except StopIteration:
            self._it = None
            raise
        self._position += 1
        self._next_index += self._step
        if self._stop is not None and self._next_index > self._stop:
            self._next_index = self._stop
        return item


class accumulate:
    def __init__(self, iterable, func=None, *, initial=None):
        self._it = iter(iterable)
        self._func = func
        self._total = None
        self._initial = initial
        self._started = False

    def __iter__(self):
        return self

    def __next__(self):
        if self._initial is not None:
            self._total, self._initial = self._initial, None
            self._started = True
            return self._total
        item = next(self._it)
        if not self._started:
            self._started = True
            self._total = item
        elif self._func is None:
            self._total = self._total + item
        else:
            self._total = self._func(self._total, item)
        return self._total


class starmap:
    def __init__(self, function, iterable):
        self._function = function
        self._it = iter(iterable)

    def __iter__(self):
        return self

    def __next__(self):
        args = next(self._it)
        if not isinstance(args, tuple):
            args = tuple(args)
        return self._function(*args)


class takewhile:
    def __init__(self, predicate, iterable):
        self._predicate = predicate
        self._it = iter(iterable)
        self._stopped = False

    def __iter__(self):
        return self

    def __next__(self):
        if self._stopped:
            raise StopIteration
        item = next(self._it)
        if self._predicate(item):
            return item
        self._stopped = True
        raise StopIteration


class dropwhile:
    def __init__(self, predicate, iterable):
        self._predicate = predicate
        self._it = iter(iterable)
        self._dropping = True

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            item = next(self._it)
            if not self._dropping or not self._predicate(item):
                self._dropping = False
                return item


class filterfalse:
    def __init__(self, function, iterable):
        self._function = function
        self._it = iter(iterable)

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            item = next(self._it)
            if not (bool(item) if self._function is None else self._function(item)):
                return item


class compress:
    def __init__(self, data, selectors):
        self._data = iter(data)
        self._selectors = iter(selectors)

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            item = next(self._data)
            if next(self._selectors):
                return item


class zip_longest:
    def __init__(self, *iterables, fillvalue=None):
        self._its = [iter(x) for x in iterables]
        self._active = len(self._its)
        self._fillvalue = fillvalue

    def __iter__(self):
        return self

    def __next__(self):
        if not self._its or not self._active:
            raise StopIteration
        result = []
        for i, it in enumerate(self._its):
            if it is None:
                result.append(self._fillvalue)
                continue
            try:
                result.append(next(it))
            except StopIteration:
                self._active -= 1
                if not self._active:
                    raise
                self._its[i] = None
                result.append(self._fillvalue)
        return tuple(result)


class pairwise:
    def __init__(self, iterable):
        self._it = iter(iterable)
        self._old = None
        self._started = False

    def __iter__(self):
        return self

    def __next__(self):
        if self._it is None:
            raise StopIteration
        if not self._started:
            self._started = True
            try:
                self._old = next(self._it)
            except StopIteration:
                self._it = None
                raise
        try:
            new = next(self._it)
        except StopIteration:
            self._it = None
            self._old = None
            raise
        old, self._old = self._old, new
        return (old, new)


class product:
    def __init__(self, *iterables, repeat=1):
        repeat = _as_index(repeat)
        if repeat < 0:
            raise ValueError("repeat argument cannot be negative")
        pools = [tuple(pool) for pool in iterables] * repeat
        self._pools = pools
        self._indices = None if any(not pool for pool in pools) else [0] * len(pools)
        self._first = True

    def __iter__(self):
        return self

    def __next__(self):
        indices = self._indices
        if indices is None:
            raise StopIteration
        if self._first:
            self._first = False
        else:
            i = len(indices) - 1
            while i >= 0:
                indices[i] += 1
                if indices[i] < len(self._pools[i]):
                    break
                indices[i] = 0
                i -= 1
            if i < 0:
                self._indices = None
                raise StopIteration
        return tuple(pool[i] for pool, i in zip(self._pools, indices))


class combinations:
    def __init__(self, iterable, r):
        r = _as_index(r)
        if r < 0:
            raise ValueError("r must be non-negative")
        self._pool = tuple(iterable)
        self._r = r
        self._indices = list(range(r)) if r <= len(self._pool) else None
        self._first = True

    def __iter__(self):
        return self

    def __next__(self):
        indices, pool, r = self._indices, self._pool, self._r
        if indices is None:
            raise StopIteration
        if self._first:
            self._first = False
        else:
            n = len(pool)
            for i in reversed(range(r)):
                if indices[i] != i + n - r:
                    break
            else:
                self._indices = None
                raise StopIteration
            indices[i] += 1
            for j in range(i + 1, r):
                indices[j] = indices[j - 1] + 1
        return tuple(pool[i] for i in indices)


class combinations_with_replacement:
    def __init__(self, iterable, r):
        r = _as_index(r)
        if r < 0:
            raise ValueError("r must be non-negative")
        self._pool = tuple(iterable)
        self._r = r
        self._indices = [0] * r if self._pool or not r else None
        self._first = True

    def __iter__(self):
        return self

    def __next__(self):
        indices, pool, r = self._indices, self._pool, self._r
        if indices is None:
            raise StopIteration
        if self._first:
            self._first = False
        else:
            n = len(pool)
            for i in reversed(range(r)):
                if indices[i] != n - 1:
                    break
            else:
                self._indices = None
                raise StopIteration
            indices[i:] = [indices[i] + 1] * (r - i)
        return tuple(pool[i] for i in indices)


class permutations:
    def __init__(self, iterable, r=None):
        pool = tuple(iterable)
        n = len(pool)
        r = n if r is None else _as_index(r)
        if r < 0:
            raise ValueError("r must be non-negative")
        self._pool = pool
        self._r = r
        if r > n:
            self._indices = None
        else:
            self._indices = list(range(n))
            self._cycles = list(range(n, n - r, -1))
        self._first = True

    def __iter__(self):
        return self

    def __next__(self):
        indices, pool, r = self._indices, self._pool, self._r
        if indices is None:
            raise StopIteration
        if self._first:
            self._first = False
            return tuple(pool[i] for i in indices[:r])
        n = len(pool)
        cycles = self._cycles
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                return tuple(pool[i] for i in indices[:r])
        self._indices = None
        raise StopIteration


class groupby:
    def __init__(self, iterable, key=None):
        self._it = iter(iterable)
        self._keyfunc = key
        # _MARKER stands for CPython's NULL: no target key yet, no current key or value.
        self._tgtkey = self._currkey = self._currvalue = _MARKER
        # Identifies the current group's grouper (an object of its own: a reference to the grouper would
        # make a cycle, where CPython's groupby keeps a borrowed pointer).
        self._current_group = None

    def __iter__(self):
        return self

    def _step(self):
        value = next(self._it)
        key = value if self._keyfunc is None else self._keyfunc(value)
        self._currvalue = value
        self._currkey = key

    def __next__(self):
        self._current_group = None
        while True:
            if self._currkey is _MARKER:
                pass
            elif self._tgtkey is _MARKER or not self._tgtkey == self._currkey:
                break
            self._step()
        self._tgtkey = self._currkey
        self._current_group = object()
        return (self._currkey, _grouper(self, self._tgtkey, self._current_group))


class _grouper:
    def __init__(self, parent, tgtkey, group):
        self._parent = parent
        self._tgtkey = tgtkey
        self._group = group

    def __iter__(self):
        return self

    def __next__(self):
        parent = self._parent
        if parent._current_group is not self._group:
            raise StopIteration
        if parent._currvalue is _MARKER:
            parent._step()
        if not self._tgtkey == parent._currkey:
            raise StopIteration
        value = parent._currvalue
        parent._currvalue = parent._currkey = _MARKER
        return value


_MARKER = object()


class _tee_dataobject:
    __slots__ = ('it', 'values', 'next_link')

    def __init__(self, it):
        self.it = it
        self.values = []
        self.next_link = None


# CPython's tee buffers 57 values per link (LINKCELLS).
_LINKCELLS = 57


class _tee:
    def __init__(self, data, index=0):
        self._data = data
        self._index = index

    def __iter__(self):
        return self

    def __next__(self):
        if self._index >= _LINKCELLS:
            link = self._data
            if link.next_link is None:
                link.next_link = _tee_dataobject(link.it)
            self._data = link.next_link
            self._index = 0
        data = self._data
        if self._index < len(data.values):
            value = data.values[self._index]
        else:
            value = next(data.it)
            data.values.append(value)
        self._index += 1
        return value

    def __copy__(self):
        return _tee(self._data, self._index)


def tee(iterable, n=2):
    n = _as_index(n)
    if n < 0:
        raise ValueError("n must be >= 0")
    if n == 0:
        return ()
    it = iter(iterable)
    first = it.__copy__() if isinstance(it, _tee) else _tee(_tee_dataobject(it))
    result = [first]
    for _ in range(n - 1):
        result.append(first.__copy__())
    return tuple(result)
"#;

pub fn make() -> PyResult<ObjRef> {
    super::python_module("itertools", &[], &[(PRELUDE, crate::BUILT_IN_CODE)])
}

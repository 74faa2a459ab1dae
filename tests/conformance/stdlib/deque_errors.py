from collections import deque
def attempt(label, f):
    try:
        f()
    except Exception as e:
        print(label, type(e).__name__, e)
attempt("pop", lambda: deque().pop())
attempt("popleft", lambda: deque().popleft())
attempt("index", lambda: deque([1])[5])
attempt("setitem", lambda: deque([1]).__setitem__(-3, 0))
attempt("key", lambda: deque([1])["a"])
attempt("remove", lambda: deque([1]).remove(2))
attempt("find", lambda: deque([1, 2]).index(3))
attempt("concat", lambda: deque([1]) + [1])
attempt("rotate", lambda: deque([1]).rotate("a"))
attempt("not iterable", lambda: deque(1))
d = deque([1, 2, 3])
it = iter(d)
next(it)
d.append(4)
attempt("mutated", lambda: next(it))
r = [1, 2]
d = deque([r])
d.append(d)
print("recursive", d)
deque().pop()

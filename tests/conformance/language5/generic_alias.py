# T[args] of the generic built-in types: __class_getitem__ makes a types.GenericAlias whose repr is list[int].
class A: pass
class L(list): pass
def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)
attempt("list", lambda: (list[int], dict[str, int], tuple[int, ...], set[A], frozenset[()], type[int]))
attempt("nested", lambda: (list[dict[str, list[int]]], tuple[list, "x", 3]))
g = list[int]
attempt("attrs", lambda: (g.__origin__, g.__args__, g.__parameters__, type(g), type(g).__name__))
attempt("call", lambda: (g([1, 2]), dict[str, int](a=1), tuple[int]("ab")))
attempt("eq", lambda: (list[int] == list[int], list[int] == list[str], list[int] != list[int], list[int] == list))
attempt("method", lambda: (list.__class_getitem__(int), dict.__class_getitem__((str, int))))
attempt("subclass", lambda: (L[int], L[int].__origin__ is L, L.__class_getitem__(str)))
attempt("no arg", lambda: list.__class_getitem__())
attempt("int", lambda: int[str])
attempt("user", lambda: A[int])
attempt("instance", lambda: [].__class_getitem__(int))

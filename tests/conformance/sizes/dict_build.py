# How a dict was built decides its table: literals are presized for their items (3.11's _PyDict_FromItems),
# comprehensions and dict(**kw)/dict(pairs) grow by insertion, dict(d)/{**d}/copy() clone a compact table or
# merge into one resized table, update() resizes once for the other's items, fromkeys of a dict or set resizes first.
import sys

a, b, c, d_, e, f, g = "abcdefg"
print("literals", sys.getsizeof({}), sys.getsizeof({a: 1}), sys.getsizeof({a: 1, b: 2, c: 3, d_: 4, e: 5}),
      sys.getsizeof({a: 1, b: 2, c: 3, d_: 4, e: 5, f: 6}), sys.getsizeof({a: 1, b: 2, c: 3, d_: 4, e: 5, f: 6, g: 7}),
      sys.getsizeof({1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6}), sys.getsizeof({"x": 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6}),
      sys.getsizeof({1: 1, "x": 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6, 7: 7, 8: 8, 9: 9, 10: 10}))
for n in range(0, 30, 3):
    src = {i: i for i in range(n)}
    strs = {str(i): i for i in range(n)}
    print(n, sys.getsizeof(src), sys.getsizeof(strs), sys.getsizeof(dict(src)), sys.getsizeof(src.copy()),
          sys.getsizeof({**src}), sys.getsizeof({**strs}), sys.getsizeof(dict(**strs)),
          sys.getsizeof(dict(zip(range(n), range(n)))), sys.getsizeof(dict.fromkeys(range(n))),
          sys.getsizeof(dict.fromkeys(src)), sys.getsizeof(dict.fromkeys(strs)), sys.getsizeof(dict.fromkeys(set(src))))

big = {i: i for i in range(100)}
for i in range(90):
    del big[i]
print("copy of a sparse dict", sys.getsizeof(big), sys.getsizeof(big.copy()), sys.getsizeof(dict(big)))
for i in range(60):
    big[i] = i
print("sparse refilled", sys.getsizeof(big), sys.getsizeof(big.copy()))

t = {"x": 0}
t.update({i: i for i in range(20)})
print("update", sys.getsizeof(t))
t = {"x": 0}
t.update({str(i): i for i in range(20)})
print("update str", sys.getsizeof(t))
t = {"x": 0}
t.update(zip(range(20), range(20)))
print("update pairs", sys.getsizeof(t))
t = {i: i for i in range(5)}
t.update({i: i for i in range(3)})
print("update overlapping", sys.getsizeof(t))
m = {**{"a": 1}, **{"b": 2, "c": 3}, **{str(i): i for i in range(9)}}
print("merged literal", sys.getsizeof(m))

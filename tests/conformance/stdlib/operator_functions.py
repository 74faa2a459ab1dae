import operator
print("arith", operator.add(1, 2), operator.sub(5, 3), operator.mul(3, 4), operator.truediv(7, 2), operator.floordiv(7, 2), operator.mod(7, 3), operator.pow(2, 10))
print("unary", operator.neg(3), operator.pos(-3), operator.abs(-4), operator.invert(5), operator.not_(0), operator.truth([]))
print("compare", operator.lt(1, 2), operator.le(2, 2), operator.eq(1, 1), operator.ne(1, 1), operator.ge(1, 2), operator.gt(3, 2))
print("bits", operator.and_(6, 3), operator.or_(6, 3), operator.xor(6, 3), operator.lshift(1, 4), operator.rshift(16, 2))
print("identity", operator.is_(None, None), operator.is_not(1, None), operator.index(7))
seq = [1, 2, 3]
operator.setitem(seq, 0, 10)
operator.delitem(seq, 1)
print("items", seq, operator.getitem(seq, -1), operator.contains(seq, 3), operator.countOf([1, 1, 2], 1), operator.indexOf("abc", "c"))
print("concat", operator.concat([1], [2]), operator.iadd([1], [2]), operator.__add__(1, 1))
print("getters", operator.itemgetter(1)("abc"), operator.itemgetter(0, 2)("abc"), operator.attrgetter("real")(3))
print("methodcaller", operator.methodcaller("split", ",")("a,b"), operator.methodcaller("upper")("ab"))
print("reprs", operator.itemgetter(1, "a"), operator.attrgetter("a.b", "c"), operator.methodcaller("f", 1, k=2))
print("sort key", sorted([(1, "b"), (0, "c")], key=operator.itemgetter(1)))
class Hinted:
    def __length_hint__(self):
        return 3
print("length_hint", operator.length_hint([1, 2]), operator.length_hint(Hinted()), operator.length_hint(object(), 5))
for f in [lambda: operator.indexOf([1], 5), lambda: operator.concat(1, 2), lambda: operator.itemgetter(), lambda: operator.attrgetter(1), lambda: operator.methodcaller()]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)

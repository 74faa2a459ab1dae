# assert with a message and an expression
def check(xs):
    assert isinstance(xs, list), f"expected list, got {type(xs).__name__}"
    assert len(xs) > 0
    return xs[0]
print(check([1]))
try:
    check([])
except AssertionError as e:
    print("empty:", repr(e))
check((1,))

# assert passes silently, fails with AssertionError
assert 1 + 1 == 2
assert [1], "non-empty is true"
try:
    assert 1 > 2, "one is not greater"
except AssertionError as e:
    print("AssertionError:", e, e.args)
try:
    assert False
except AssertionError as e:
    print("no message:", repr(e), e.args)
print("done")

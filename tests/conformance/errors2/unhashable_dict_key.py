# lists cannot be dict keys or set members
d = {}
try:
    d[[1, 2]] = "x"
except TypeError as e:
    print(e)
try:
    {1, {}}
except TypeError as e:
    print(e)
s = set()
s.add({1: 2})

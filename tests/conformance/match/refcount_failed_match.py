# A failed match leaves no references behind: the stack items pushed for a pattern are popped.
import sys

class Item:
    pass

item = Item()
data = {"a": item, "b": [item, item]}
print("start:", sys.getrefcount(item), sys.getrefcount(data))
for _ in range(3):
    match data:
        case {"a": x, "b": [y, z, _]}:
            print("no")
        case {"a": 1} | {"b": [1, 2]}:
            print("no")
        case {"c": _}:
            print("no")
        case [*_]:
            print("no")
print("after failures:", sys.getrefcount(item), sys.getrefcount(data))
match data:
    case {"a": x, "b": [y, z]} if x is not y:
        print("no")
    case {"a": x, **rest}:
        print("rest holds the list:", sys.getrefcount(data["b"]), len(rest))
del x, y, z, rest
print("end:", sys.getrefcount(item), sys.getrefcount(data))

# Reference counts while a case body runs: the subject's copy is gone, each capture is one reference.
import sys

class Item:
    pass

item = Item()
print("before:", sys.getrefcount(item))
match item:
    case Item() as captured:
        print("as capture:", sys.getrefcount(item))
del captured
print("after del:", sys.getrefcount(item))

pair = [item, item]
print("in a list twice:", sys.getrefcount(item))
match pair:
    case [first, second]:
        print("two captures:", sys.getrefcount(item), sys.getrefcount(pair))
del first, second

match (item, 1, 2):
    case (x, *rest):
        print("star capture:", sys.getrefcount(item), sys.getrefcount(rest), len(rest))
del x, rest
print("tuple freed:", sys.getrefcount(item))

def inside():
    match [item]:
        case [local]:
            return sys.getrefcount(item)

print("function local:", inside(), "after:", sys.getrefcount(item))

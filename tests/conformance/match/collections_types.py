# collections types: deque is a sequence, OrderedDict/defaultdict/Counter are mappings, namedtuples
# match positionally through their generated __match_args__.
from collections import deque, OrderedDict, defaultdict, Counter, namedtuple

Point = namedtuple("Point", "x y")

class MyDeque(deque):
    pass

def kind(v):
    match v:
        case [a, *_, b]:
            return f"sequence {a}..{b}"
        case {"a": a, **rest}:
            return f"mapping a={a} rest={dict(rest)}"
        case _:
            return "neither"

for v in [deque([1, 2, 3]), MyDeque("xy"), OrderedDict(a=1, b=2), defaultdict(int, a=3),
          Counter("aab"), Point(4, 5), deque()]:
    print(type(v).__name__, "->", kind(v))

print(Point.__match_args__)
match Point(1, 2):
    case Point(x, y=2):
        print("namedtuple class pattern:", x)

counts = defaultdict(list)
match counts:
    case {"missing": _}:
        print("no")
    case _:
        print("no key created by the pattern:", dict(counts))

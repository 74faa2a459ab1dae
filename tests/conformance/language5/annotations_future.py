"""Module docstring."""
from __future__ import annotations
import __future__
x: list[int] | None = None
y: dict[str, tuple[int, ...]]
z: "quoted"
w: -1 + 2 * 3 ** -4
v: (int, str)
u: a.b.c[d:e, ::2]
t: f(x, *a, k=1, **kw)
s: not a or b and c if d else e
r: 1 .real
q: [int, {1: 2, **m}, {3}]
p: lambda q: q
o: b"by" < 1e5 <= 2j != 3.5 + 1j
def f(a: List[int], *b: Tuple, c: Optional["X"] = None, **d: Dict) -> Iterator[int]: pass
print(__annotations__)
print(f.__annotations__)
class K:
    attr: Self
print(K.__annotations__, __future__.annotations, __future__.division.getMandatoryRelease(), __future__.all_feature_names[-1])

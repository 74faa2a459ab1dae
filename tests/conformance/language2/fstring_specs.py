# f-string format specs: alignment, width, precision, sign, grouping
x = 3.14159
n = 1234567
s = "hi"
print(f"[{s:>10}]", f"[{s:<10}]", f"[{s:^10}]", f"[{s:*^9}]")
print(f"[{x:08.3f}]", f"[{x:.2e}]", f"[{x:+.1f}]", f"[{-x: .2f}]")
print(f"[{n:,}]", f"[{n:_}]", f"[{n:>12,}]", f"[{0.25:%}]", f"[{0.25:.1%}]")
print(f"[{255:x}]", f"[{255:X}]", f"[{255:#o}]", f"[{5:b}]", f"[{5:08b}]", f"[{255:#06x}]")
print(f"[{s!r}]", f"[{s!r:>6}]", f"[{'é'!a}]")
w, p = 10, 2
print(f"[{x:{w}.{p}f}]")
print(f"{{literal}} {n=}")
print(f"[{1e300 * 10:f}]", f"[{float('nan'):>5}]")
print(f"[{12:=+6}]", f"[{True}]", f"[{None!s:>5}]")

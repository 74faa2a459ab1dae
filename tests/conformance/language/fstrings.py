# f-strings with format specs
x = 3.14159
n = 42
name = "refpy"
print(f"{x:.2f} {x:8.3f}| {x:<8.1f}| {x:e} {x:%}")
print(f"{n:5d}|{n:<5d}|{n:^5d}|{n:05d}|{n:+d}|{n:x}|{n:X}|{n:o}|{n:b}|{n:#x}")
print(f"{1234567:,} {1234567:_} {1234567.891:,.2f}")
print(f"{name!r} {name:>8} {name:*^11} {name.upper()}")
print(f"{n * 2} {n // 5 = } {name=}")
print(f"{{braces}} {[1, 2][0]} {'nested'} {len(name)}")
print(f"{0.5:.0%} {1/3:.3} {123.456:g} {1e20:g} {0.00001234:g}")
print(f"{'left':<6}|{'right':>6}|{True}|{None}|{3 + 4j}")
print("{} and {}".format("a", "b"), "{1}{0}".format("x", "y"), "{k}".format(k=1))
print("%d items, %s, %.1f, %5s|%-5s|" % (3, "str", 2.25, "r", "l"), "%x" % 255)

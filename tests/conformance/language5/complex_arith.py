# complex arithmetic with CPython's rounding: Smith's division, ** by repeated squaring for small integral
# exponents and by polar form otherwise, hash, abs, truth, mixed int/float operands and the errors.
print("div", (1+2j) / (3+4j), (1e300+1e300j) / (1e-300+1e300j), 1 / (1+1j), (3+4j) / 2j, 2 / 1j, (1+2j) / 3)
print("pow", (1+2j) ** 2, (1+2j) ** -3, (1+2j) ** 100, (1+2j) ** 0.5, (1+2j) ** (1+1j), 1j ** 1j, 2 ** 1j)
print("zero", 0j ** 0, 0j ** 2, 0 ** 0j, pow(1+1j, 2), pow(2, 1j))
print("negative base", (-8) ** (1 / 3), (-1) ** 0.5, (-2.0) ** 1.5)
for a, b in [(0j, -1), (0j, 1j), (1e200j, 3), (2+0j, 1e10)]:
    try:
        print(a ** b)
    except (ZeroDivisionError, OverflowError) as e:
        print(type(e).__name__, e)
for f in [lambda: 1 / 0j, lambda: pow(1j, 2, 3), lambda: (1+1j) + 10**400, lambda: 1j // 2, lambda: 1j % 2,
          lambda: 1j < 2j, lambda: abs(complex(1.5e308, 1.5e308)), lambda: int(1j), lambda: float(1j)]:
    try:
        f()
    except (ZeroDivisionError, ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
print("hash", hash(1+2j), hash(-1j), hash(complex(1.5, -2.25)), hash(3+0j) == hash(3), hash(0.5+0j) == hash(0.5))
print("abs", abs(3+4j), abs(-0j), abs(complex(float("inf"), 1)), abs(1e300+1e300j), (3+4j).__abs__())
print("truth", bool(0j), bool(-0j), bool(1j), bool(complex(0, -0.0)), not 1e-300j)
print("mixed", True + 1j, 1j - True, 1.5 * 2j, (1+0j) == 1, (1+0j) == 1.0, 1j != 1j, 1 in [1+0j])
print("inf", complex(float("inf"), 0) * 2, complex(float("inf"), float("nan")), -complex(0.0, 0.0))
print("sum", sum([1j, 2j, 3]), [1j] * 2, {1+0j: "a"}[1], (1j).__add__(1), (1j).__radd__(1), (1j).__mul__("a"))

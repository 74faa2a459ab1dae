# Arithmetic, comparison, hashing and ranges at the edges of the 64-bit range, where a fast
# machine-integer path must hand over to arbitrary precision without changing any result.
MAX = 9223372036854775807
MIN = -MAX - 1
vals = [0, 1, -1, 2, -2, 3, -3, 7, -7, 255, 256, 257, -5, -6, 2**31, -(2**31), 2**53, 2**53 + 1,
        -(2**53) - 1, 2**62, -(2**62), MAX, MIN, MAX - 1, MIN + 1, 2**63, -(2**63) - 1, 2**64, 10**20]
ops = [
    ("+", lambda a, b: a + b),
    ("-", lambda a, b: a - b),
    ("*", lambda a, b: a * b),
    ("//", lambda a, b: a // b),
    ("%", lambda a, b: a % b),
    ("&", lambda a, b: a & b),
    ("|", lambda a, b: a | b),
    ("^", lambda a, b: a ^ b),
]
for name, f in ops:
    acc = 0
    errors = 0
    for a in vals:
        for b in vals:
            try:
                r = f(a, b)
            except ZeroDivisionError as e:
                errors += 1
                last = str(e)
                continue
            acc = hash((acc, r))
    print(name, acc, errors, last if errors else "")
for a in vals:
    print(a, -a, ~a, +a, a == MAX, a < MIN, a >= 2**63, hash(a), hash(-a), hash(float(a)) == hash(a))
for s in [0, 1, 2, 31, 32, 62, 63, 64, 65, 100]:
    print(s, 1 << s, -1 << s, 3 << s, MAX >> s, MIN >> s, (-5) >> s, 5 >> s, MAX << s if s < 3 else "")
for base, e in [(2, 62), (2, 63), (2, 64), (-2, 63), (3, 39), (3, 40), (-3, 39), (10, 18), (10, 19), (7, 0),
                (0, 0), (-1, 2**40 + 1), (-1, 2**40), (1, 2**70), (0, 2**70), (2, -1), (-4, -2)]:
    print(base, e, base ** e)
for shift in (-1,):
    for a in (1, MAX, 2**70):
        for f in (lambda x: x << shift, lambda x: x >> shift):
            try:
                f(a)
            except ValueError as e:
                print("ValueError", e)
print(MAX + 1, MIN - 1, MIN * -1, MIN // -1, MIN % -1, MAX * MAX, -MIN, abs(MIN))
print(sum(range(MAX - 3, MAX)), list(range(MAX - 2, MAX + 3)), list(range(MIN, MIN + 3)))
print(list(range(MAX, MAX - 10, -4)), list(reversed(range(MIN, MIN + 10, 3))))
print(list(reversed(range(MAX - 5, MAX + 5, 4))), list(range(0, 10, MAX)), list(range(0, -10, MIN)))
print(list(reversed(range(5, 0))), list(reversed(range(0, 10, MIN))), len(range(MIN + 1, 0)))
d = {}
for v in vals:
    d[v] = str(v)
    d[float(v)] = "f"
print(len(d), sorted(d.items())[:5])
exact = [v for v in vals if abs(v) <= 2**53]
print(hash(tuple(a / b for a in exact for b in exact if b)), [0 / v for v in exact if v < 0])
print(7 / 2, -7 / 2, 2**53 / 3, (2**53 + 1) / 3, MAX / 7, 1 / MIN)
print(True + True, True * 5, True & 3, True | False, True ^ True, -True, ~False)

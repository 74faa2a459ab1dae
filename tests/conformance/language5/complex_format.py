# format() of complex and float: repr-like without a type (parentheses unless the real part is +0), every
# part signed after the first, 'g' with a bare precision, #, grouping, inf/nan, and the rejected specs.
inf, nan = float("inf"), float("nan")
values = [1+2j, -1.5-0j, 0j, -0j, complex(0.0, -0.0), complex(-0.0, 1), 1e20+1e-20j, 123456.789+0.001j,
          complex(inf, nan), complex(-nan, -inf), 1/3j, 2.5j]
for v in values:
    print(repr(v), [format(v, s) for s in ["", ".3", "g", ".2e", ">30.4f", "^30", "+", " .2f", ",.2f", "#g", "n",
                                             "*<25G"]])
for spec in ["010", "=20", "%", "d", "x", "0<20"]:
    try:
        print(format(1+2j, spec))
    except ValueError as e:
        print(spec, "ValueError:", e)
for f in [1.0, 1234.5, 0.0, -0.0, 1e20, 1.5e-7, inf, -inf, nan, 123456789.125, 123.0]:
    print(repr(f), [format(f, s) for s in [".3", "G", "#g", "#.0e", "#.0f", "#.0%", "F", "%", "n", ".2", ".0",
                                            "#.3", ".1", "+.1f", "_.1f"]])
print("f-string", f"{3+4j:>12}|{3+4j!r:^12}|{-1j:.1f}|{1j:+}")

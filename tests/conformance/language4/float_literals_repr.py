# Float literals with exponents (as repr prints them) and repr's choice between equally short digit strings.
values = [1e-06, 9.943458097118422e-06, 1E+05, 0e0, 00.5, 0.0e-00, -1.5e-05, 1e-5j, 0x1f, 1_000.5e-0_1]
print(values)
print(1401195978534791.25, 1358686517347575.25, 0.125, 2.5, 1e16, 1e-4, 123456789012345678.0, 5e-324)
print([x / 8 for x in range(-12, 13)])
print([repr(2 ** n + 0.25) for n in range(48, 54)])

# str.format with positions, names, attributes and indexes
print("{} + {} = {}".format(1, 2, 3))
print("{1} {0} {1}".format("a", "b"))
print("{name} is {age}".format(name="Bo", age=7))
pt = {"x": 1, "y": 2}
print("{0[x]},{0[y]}".format(pt))
print("{:>8}|{:<8}|{:^8}|".format("r", "l", "c"))
print("{:.3}".format("abcdef"), "{:.3}".format(3.14159))
print("{!r:>8}".format("q"))
print("{0:{1}}".format(7, 5) + "|")
try:
    "{} {}".format(1)
except IndexError as e:
    print("IndexError:", e)
try:
    "{x}".format(y=1)
except KeyError as e:
    print("KeyError:", e)

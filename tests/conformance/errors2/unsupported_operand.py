# unsupported operand types
for expr in (lambda: 1 + "a", lambda: "a" - "b", lambda: [1] * 1.5, lambda: None + 1, lambda: {} < {}, lambda: -"x"):
    try:
        expr()
    except TypeError as e:
        print(e)
print([1, 2] + (3,))

for f in (lambda: 1 + "a", lambda: "a" + 1, lambda: [] - [], lambda: {} + {}, lambda: None * 2, lambda: -"x", lambda: ~1.5, lambda: 1 < "a", lambda: [] < 3, lambda: "a" * 1.5, lambda: 2 ** "x", lambda: 5 % None):
    try:
        f()
    except TypeError as e:
        print(e)

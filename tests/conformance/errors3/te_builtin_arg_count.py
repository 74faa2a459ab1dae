for f in (lambda: len(), lambda: len([], []), lambda: abs(1, 2), lambda: isinstance(1), lambda: [].append(), lambda: {}.get(), lambda: "x".split(1), lambda: divmod(1)):
    try:
        f()
    except TypeError as e:
        print(e)

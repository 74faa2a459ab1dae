for f in (lambda: 5[0], lambda: None[1], lambda: len[0], lambda: 5(), lambda: "s"(), lambda: [1]()(), lambda: iter(5), lambda: list(3.5), lambda: [x for x in 7], lambda: (1, 2)[0:1:0]):
    try:
        f()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

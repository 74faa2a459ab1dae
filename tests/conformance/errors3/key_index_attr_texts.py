class Pt:
    def __init__(self):
        self.xval = 1
for f in (lambda: {}["missing"], lambda: {}[(1, 2)], lambda: [][0], lambda: [1, 2][-3], lambda: "ab"[5], lambda: (1,)[2], lambda: Pt().yval, lambda: Pt().xvl, lambda: [].push, lambda: {}.pop("z"), lambda: set().pop(), lambda: [].pop(), lambda: range(3)[9]):
    try:
        f()
    except (KeyError, IndexError, AttributeError) as e:
        print(type(e).__name__, repr(e), e)

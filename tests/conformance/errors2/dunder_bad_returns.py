# dunder methods returning the wrong type
class BadLen:
    def __len__(self):
        return -1
class BadBool:
    def __bool__(self):
        return 1
class BadStr:
    def __str__(self):
        return 42
for label, fn in (("len", lambda: len(BadLen())), ("bool", lambda: bool(BadBool())), ("str", lambda: str(BadStr()))):
    try:
        fn()
    except (TypeError, ValueError) as e:
        print(label, type(e).__name__, e)

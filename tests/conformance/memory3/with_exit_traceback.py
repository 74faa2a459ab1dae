class CM:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, t, v, tb):
        print("exit", t.__name__ if t else None, v, tb is not None)
        if tb is not None:
            print("line", tb.tb_lineno)
        return True
with CM() as c:
    print("body")
    raise RuntimeError("boom")
print("after suppressed")
with CM():
    print("clean")

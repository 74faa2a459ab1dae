# An instance of a subclass of list/dict is one allocation for the collector's generation-0 count.
import gc


class L(list):
    pass


class D(dict):
    pass


gc.collect()
c0 = gc.get_count()[0]
keep = [L([1]) for _ in range(10)]
print("after 10 L", gc.get_count()[0] - c0)
c0 = gc.get_count()[0]
keep2 = [D() for _ in range(10)]
print("after 10 D", gc.get_count()[0] - c0)

# Sizes refpy does not model yet: a generator's frame (co_nlocalsplus + co_stacksize slots, from CPython's
# compiler) and a set iterator (refpy iterates a snapshot tuple).
import sys


def gen():
    x = 1
    yield x


print(sys.getsizeof(gen()))
print(sys.getsizeof(iter({1, 2})))

import functools, sys
@functools.lru_cache(maxsize=2)
def square(x):
    print("computing", x)
    return x * x
square(1)
square(1)
square(2)
square(3)
square(1)
print(square.cache_info(), square.cache_parameters())
square.cache_clear()
print("cleared", square.cache_info())
@functools.cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print("fib", fib(40), fib.cache_info())
@functools.lru_cache(typed=True)
def kind(x):
    return type(x).__name__
print("typed", kind(1), kind(1.0), kind.cache_info().currsize)
print("wrapped", square.__name__, square.__wrapped__.__name__, type(square).__name__)
class C:
    @functools.lru_cache
    def m(self, x):
        return x + 1
print("method", C().m(1))
try:
    functools.lru_cache("x")
except TypeError as e:
    print("TypeError", e)

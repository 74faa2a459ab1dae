import sys
class Big:
    def __del__(self):
        print("Big freed")
def f():
    b = Big()
    raise ValueError("x")
try:
    f()
except ValueError as e:
    saved = e
print("handler done")
print(saved.__traceback__ is not None)
saved.__traceback__ = None
print("tb cleared")
del saved
print("end")

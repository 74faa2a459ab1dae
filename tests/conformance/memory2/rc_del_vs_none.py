# del name vs name = None
import sys
obj = ["o"]
alias1 = obj
alias2 = obj
print("three names:", sys.getrefcount(obj))
alias1 = None
print("alias1 = None:", sys.getrefcount(obj))
del alias2
print("del alias2:", sys.getrefcount(obj))
try:
    alias2
except NameError as e:
    print("NameError:", e)
print("alias1 is None:", alias1 is None)

# inside a function: locals hold references and release them on return
import sys

def work(obj):
    print("param:", sys.getrefcount(obj))
    local = obj
    print("param+local:", sys.getrefcount(obj))
    other = [obj, obj]
    print("plus list:", sys.getrefcount(obj))
    return None

data = [1, 2]
print("module:", sys.getrefcount(data))
work(data)
print("after call:", sys.getrefcount(data))

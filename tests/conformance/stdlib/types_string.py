# types names the interpreter's own types (isinstance checks, MethodType binding), SimpleNamespace; string's
# character classes and capwords.
import types, string, sys
def f(): pass
class C:
    def m(self): pass
def g(): yield
print(isinstance(f, types.FunctionType), isinstance(lambda: 0, types.LambdaType), isinstance(C().m, types.MethodType))
print(isinstance(g(), types.GeneratorType), isinstance(len, types.BuiltinFunctionType), isinstance(sys, types.ModuleType))
print(types.NoneType is type(None), types.FunctionType.__name__, types.MethodType.__name__, types.ModuleType.__name__, types.CodeType.__name__, types.CellType.__name__)
ns = types.SimpleNamespace(a=1, b="x")
ns.c = [1]
print(ns, ns.a, ns == types.SimpleNamespace(a=1, b="x", c=[1]), ns != types.SimpleNamespace(), vars(ns))
class N(types.SimpleNamespace): pass
print(N(z=0))
try:
    types.SimpleNamespace({"k": 2})
except TypeError as e:
    print(e)
print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(repr(string.punctuation), repr(string.whitespace), len(string.printable))
print(string.capwords("hello   wide  world"), string.capwords("a-b-c", "-"))
bound = types.MethodType(lambda self: self, 42)
print(bound())
print(isinstance(list[int], types.GenericAlias), types.TracebackType.__name__, types.FrameType.__name__)

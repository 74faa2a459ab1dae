# refpy's `types`: the interpreter's own types, named as CPython's module names them (each is what `type()`
# returns for such an object here), plus SimpleNamespace. MappingProxyType is absent: a class's __dict__
# is a plain dict in refpy.
import sys as _sys


def _function():
    pass


class _Class:
    def _method(self):
        pass


def _generator():
    yield 1


def _cell():
    x = 0

    def inner():
        return x

    return inner.__closure__[0]


FunctionType = type(_function)
LambdaType = type(lambda: None)
CodeType = type(_function.__code__)
CellType = type(_cell())
MethodType = type(_Class()._method)
GeneratorType = type(_generator())
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
ModuleType = type(_sys)
GenericAlias = type(list[int])
NoneType = type(None)
EllipsisType = type(Ellipsis)
NotImplementedType = type(NotImplemented)
try:
    raise TypeError
except TypeError as _exc:
    TracebackType = type(_exc.__traceback__)
    FrameType = type(_exc.__traceback__.tb_frame)


class SimpleNamespace:
    def __init__(self, *args, **kwargs):
        if args:
            raise TypeError("no positional arguments expected")
        self.__dict__.update(kwargs)

    def __repr__(self):
        name = "namespace" if type(self) is SimpleNamespace else type(self).__name__
        items = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())
        return f"{name}({items})"

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented


SimpleNamespace.__module__ = "types"
del _function, _Class, _generator, _cell

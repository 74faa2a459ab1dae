# self.__x is stored as _C__x; outside the class the short name is not found.
class C:
    def __init__(self):
        self.__x = 1
    def get(self): return self.__x
c = C()
print(c.__dict__, c.get(), hasattr(c, "_C__x"))
try:
    c.__x
except AttributeError as e: print(e)

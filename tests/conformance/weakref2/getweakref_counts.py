# getweakrefcount and getweakrefs
import weakref
class O:
    pass
o = O()
print(weakref.getweakrefcount(o))
r1 = weakref.ref(o)
r2 = weakref.ref(o)
r3 = weakref.ref(o, lambda r: None)
print(weakref.getweakrefcount(o), r1 is r2, r1 is r3)
p = weakref.proxy(o)
print(weakref.getweakrefcount(o), len(weakref.getweakrefs(o)))
del r3
print(weakref.getweakrefcount(o))

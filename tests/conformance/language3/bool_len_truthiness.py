class L:
    def __len__(self):
        return 0
class B:
    def __bool__(self):
        return False
    def __len__(self):
        return 5
class E:
    pass
print(bool(L()), bool(B()), bool(E()), len(B()))
if not L():
    print("L falsy")
print([x for x in (L(), B(), E(), 0, "", "a") if x].__len__())

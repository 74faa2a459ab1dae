# __index__ lets objects be used as indexes and in bin/hex/range
class Two:
    def __index__(self):
        return 2
t = Two()
print([10, 20, 30][t], "abcdef"[t:], bin(t), hex(t), list(range(t)))
class Num:
    def __int__(self):
        return 7
    def __float__(self):
        return 2.5
print(int(Num()), float(Num()))
try:
    [1, 2][Num()]
except TypeError as e:
    print("TypeError:", e)

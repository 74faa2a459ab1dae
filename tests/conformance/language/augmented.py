# augmented assignment on immutables rebinds, on lists mutates in place
a = 5
a += 3
a -= 1
a *= 4
a //= 3
a %= 5
a **= 3
print(a)
s = "ab"
s += "cd"
s *= 2
print(s)
L = [1]
M = L
L += [2]
print(L, M, L is M)
t = (1,)
u = t
t += (2,)
print(t, u, t is u)
x = 0b1010
x |= 1
x &= 0b1110
x ^= 0b11
x <<= 2
x >>= 1
print(x, bin(x))
f = 7.0
f /= 2
print(f)

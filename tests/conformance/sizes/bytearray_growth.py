# bytearray keeps its own buffer (ob_alloc, trailing NUL included): exact for a known size, grown like a
# list within 1/8, cut to size only below half; sys.getsizeof reports it.
import sys


def gen(n):
    for i in range(n):
        yield i


b = bytearray()
sizes = []
for i in range(60):
    sizes.append(sys.getsizeof(b))
    b.append(i)
print("append", sizes)
sizes = []
while b:
    b.pop()
    sizes.append(sys.getsizeof(b))
print("pop", sizes)

b = bytearray()
sizes = []
for k in range(12):
    b.extend(b"abcde")
    sizes.append(sys.getsizeof(b))
print("extend bytes", sizes)
b = bytearray(b"xyz")
sizes = []
for k in range(8):
    b.extend([1] * k)
    sizes.append(sys.getsizeof(b))
print("extend list", sizes)

print([sys.getsizeof(bytearray(n)) for n in range(10)])
print([sys.getsizeof(bytearray(b"q" * n)) for n in range(10)])
print([sys.getsizeof(bytearray(list(range(n)))) for n in range(10)])
print([sys.getsizeof(bytearray(tuple(range(n)))) for n in range(10)])
print([sys.getsizeof(bytearray(range(n))) for n in range(20)])
print([sys.getsizeof(bytearray(gen(n))) for n in range(20)])
print([sys.getsizeof(bytes(n)) for n in range(5)], sys.getsizeof(b""), sys.getsizeof(b"hello"))

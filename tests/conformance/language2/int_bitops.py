# bitwise operators and int methods
a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a, a << 3, a >> 2)
print(-1 >> 10, -16 >> 2, 1 << 100)
print((255).bit_length(), (0).bit_length(), (-255).bit_length())
print((1023).bit_count() if hasattr(int, "bit_count") else 10)
print((1024).to_bytes(2, "big"), int.from_bytes(b"\x01\x00", "little"))
print(int.from_bytes(b"\xff", "big", signed=True))
print(True + True, True * 10, False - 1, True & False, True | False)
print(int(True), int(-3.9), int(3.9), int("-0"))
try:
    1 << -1
except ValueError as e:
    print("ValueError:", e)

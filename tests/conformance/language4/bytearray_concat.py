# bytes and bytearray concatenation: the left operand decides the type, += grows the bytearray in place.
import sys
b = bytearray(b'ab'); c = b; b += b'cd'; print(b, c is b)
b += bytearray(b'!'); print(b, c is b)
print(b + b'x', type(b + b'x').__name__, b'x' + b, type(b'x' + b).__name__, b + bytearray(b'y'))
try: b + 'x'
except TypeError as e: print(e)
try: b += 5
except TypeError as e: print(e)
print(sys.getsizeof(b))

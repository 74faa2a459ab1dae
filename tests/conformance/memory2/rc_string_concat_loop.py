# building a string in a loop; only the final object survives
import sys
parts = []
s = ""
for i in range(5):
    s = s + str(i)
    parts.append(s)
print(parts)
print("last part:", sys.getrefcount(parts[-1]), parts[-1] is s)
print("first part:", sys.getrefcount(parts[1]))
joined = "-".join(parts)
print(joined, sys.getrefcount(joined))

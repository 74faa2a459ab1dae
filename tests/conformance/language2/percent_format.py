# printf-style formatting
print("%s is %d years" % ("Ann", 30))
print("%5d|%-5d|%05d" % (42, 42, 42))
print("%.3f|%10.2f|%-10.1f|" % (2.71828, 2.71828, 2.71828))
print("%x %X %o %e" % (255, 255, 8, 12345.678))
print("%r %s" % ("q", "q"))
print("%(name)s=%(val)r" % {"name": "k", "val": [1]})
print("100%% done")
print("%s" % (1, 2,) if False else "%s" % ((1, 2),))
try:
    print("%d" % "x")
except TypeError as e:
    print("TypeError:", e)
try:
    print("%s %s" % ("only",))
except TypeError as e:
    print("TypeError:", e)

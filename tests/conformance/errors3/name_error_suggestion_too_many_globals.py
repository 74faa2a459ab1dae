counter = 0
for i in range(760):
    globals()["name_%d" % i] = i
print(countr)

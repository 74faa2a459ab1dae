counter = 0
for i in range(700):
    globals()["name_%d" % i] = i
print(countr)

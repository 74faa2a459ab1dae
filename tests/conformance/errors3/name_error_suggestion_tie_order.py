abcx = 1
abcy = 2
print(abcz)

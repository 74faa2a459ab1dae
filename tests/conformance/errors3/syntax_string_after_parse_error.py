x = = 1
print('unreached')
s = "abc

name = 'a'
print(name)
global name

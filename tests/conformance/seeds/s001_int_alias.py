# seed 001: a variable is an alias for an object; small ints are shared
my_var = 10
print(id(my_var) == id(10))
print(hex(id(my_var)) == hex(id(10)))
print(hex(id(my_var)).startswith("0x"))

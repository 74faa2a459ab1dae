# seed 002: rebinding a name to new immutable objects
a = 3
print(a, type(a).__name__)
a = 'hello'
print(a, type(a).__name__)
a = 3.14
print(a, type(a).__name__)
a = 5
print(a, type(a).__name__)

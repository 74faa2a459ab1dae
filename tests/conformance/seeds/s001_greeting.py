# seed 001: equal identifier-like string literals are the same object
greeting = "hello"
print(greeting)
print(repr(greeting))
print(id(greeting) == id("hello"))
other = "hello"
print(greeting == "hel" + "lo", greeting is other)

# comparing with a literal using "is" warns at compile time
x = int("300")
print(x is 300)
print(x == 300)

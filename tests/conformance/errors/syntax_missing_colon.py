# a syntax error: missing colon
print("not printed")
if True
    print("x")

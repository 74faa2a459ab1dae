# a syntax error: unclosed parenthesis
print("not printed")
total = (1 + 2
print(total)

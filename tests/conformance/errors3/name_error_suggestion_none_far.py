alpha = 1
print(omega)

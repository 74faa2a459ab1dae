print(1if 1else 2)
print([0x1for x in "ab"])
print(0o7or 5, 1.5and 2)

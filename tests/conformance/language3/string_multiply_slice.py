s = "abcdef"
print(s[::2], s[::-2], s[1:-1], s[-3:], s[10:], s * 2, 2 * "ab", s[:0] == "")
print("".join(reversed(s)), s.upper()[2:4], list(s[:3]), s[5:1:-1])

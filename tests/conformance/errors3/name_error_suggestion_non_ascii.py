café_total = 1
print(cafe_total)

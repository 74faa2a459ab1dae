# traceback carets under a failing binary operation inside a longer expression
def total(price, qty):
    return price * qty + shipping_cost(price) + " EUR"
def shipping_cost(p):
    return p // 10
print(total(100, 2))

# an uncaught custom exception with a message and extra args
class InventoryError(Exception):
    pass

stock = {"apple": 0}
for item in ("apple",):
    if stock[item] == 0:
        raise InventoryError("out of stock", item)

# an exception object dies at the end of the except block
class E(Exception):
    def __del__(self):
        print("exception freed")
try:
    raise E()
except E:
    print("handling")
print("after handler")

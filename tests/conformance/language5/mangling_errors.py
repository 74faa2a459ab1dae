# A mangled parameter cannot be passed by its short name; a mangled global is found under its long name.
class Account:
    def __init__(self, owner, *, __pin=0):
        self.__owner = owner
        self.__pin = __pin

    def owner(self):
        return self.__owner


a = Account("ann", _Account__pin=1234)
print(a.owner(), vars(a))
try:
    Account("bob", __pin=1)
except TypeError as e:
    print("TypeError", e)


class Sub(Account):
    def peek(self):
        return self.__owner


try:
    Sub("cy").peek()
except AttributeError as e:
    print("AttributeError", e)
print(Sub("cy")._Account__owner)

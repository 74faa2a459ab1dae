# uncaught traceback through a function, a method and a nested call
class Account:
    def __init__(self, balance):
        self.balance = balance
    def withdraw(self, amount):
        return self._check(amount)
    def _check(self, amount):
        if amount > self.balance:
            raise ValueError(f"insufficient funds: {amount} > {self.balance}")
        return self.balance - amount

def process(acc, amounts):
    for a in amounts:
        print("left", acc.withdraw(a))

process(Account(100), [10, 50, 200])

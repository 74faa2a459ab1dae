# module globals are finalized at interpreter exit
class F:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("exit del", self.name)

first = F("first")
second = F("second")
print("end of program")

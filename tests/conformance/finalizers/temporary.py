# an object that is never bound dies right after its expression statement
class F:
    def __init__(self, name):
        self.name = name
        print("init", name)
    def __del__(self):
        print("del", self.name)

F("temp")
print("next statement")
print(F("arg").name)
print("done")

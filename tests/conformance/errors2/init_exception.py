# exception raised in __init__ propagates to the caller
class Conn:
    def __init__(self, host):
        print("connecting to", host)
        if not host:
            raise ValueError("empty host")
        self.host = host
c = Conn("example")
print("ok", c.host)
Conn("")

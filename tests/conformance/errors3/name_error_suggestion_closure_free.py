def outer():
    counter = 0
    def inner():
        return countr + counter
    return inner
outer()()

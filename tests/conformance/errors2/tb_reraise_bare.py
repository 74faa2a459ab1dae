# bare raise keeps the original traceback line
def risky():
    return [1, 2, 3][5]
def wrapper():
    try:
        risky()
    except IndexError:
        print("logging and re-raising")
        raise
wrapper()

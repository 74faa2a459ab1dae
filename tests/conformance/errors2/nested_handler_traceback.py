# exception raised while handling another, uncaught: both tracebacks shown
def cleanup():
    raise OSError("disk gone")
def work():
    try:
        [][0]
    except IndexError:
        cleanup()
work()

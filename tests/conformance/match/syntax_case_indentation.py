# A case without an indented body: the IndentationError names the case statement.
match 1:
    case 1:
    print("body")

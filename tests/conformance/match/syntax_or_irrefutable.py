# An irrefutable alternative must be the last one.
match 3:
    case (1 | n) | 2:
        pass

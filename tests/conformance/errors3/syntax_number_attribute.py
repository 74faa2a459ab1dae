n = 1.__class__

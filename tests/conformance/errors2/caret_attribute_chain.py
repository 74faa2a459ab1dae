# traceback carets for an attribute access on a chained expression
class Config:
    def __init__(self):
        self.db = None
cfg = Config()
print("loaded")
port = cfg.db.port

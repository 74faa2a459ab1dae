# raise ... from ...: "The above exception was the direct cause..."
class ConfigError(Exception):
    pass

def read(cfg):
    try:
        return cfg["port"]
    except KeyError as e:
        raise ConfigError("port missing") from e

read({})

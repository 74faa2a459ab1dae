from __future__ import generator_stop
from __future__ import nonexistent

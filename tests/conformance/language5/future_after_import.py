import sys
from __future__ import division
print(sys)

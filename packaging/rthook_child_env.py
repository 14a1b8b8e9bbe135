"""PyInstaller runtime hook: programs the frozen app starts get the system's libraries.

On Linux the bootloader points LD_LIBRARY_PATH at the bundle before Python starts (the
dynamic loader has read it by now), and every child process would inherit it: the PDF
viewer that "Open when done" starts through xdg-open would load our Qt, zlib and
OpenSSL instead of its own, and may crash. The original value, if there was one, is in
LD_LIBRARY_PATH_ORIG.
"""

import os
import sys

if sys.platform.startswith("linux"):
    original = os.environ.pop("LD_LIBRARY_PATH_ORIG", None)
    if original is not None:
        os.environ["LD_LIBRARY_PATH"] = original
    else:
        os.environ.pop("LD_LIBRARY_PATH", None)

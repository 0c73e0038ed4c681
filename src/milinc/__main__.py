"""``python -m milinc`` is the ``milinc`` command."""

import sys

from .cli import main

sys.exit(main())

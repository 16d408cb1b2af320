"""`python -m posdesk` is the `posdesk` command."""
import sys

from posdesk.app import main

sys.exit(main())

"""`python -m posdesk` is the `posdesk` command."""
import sys

from posdesk.app import main

if __name__ == "__main__":
    sys.exit(main())

"""Entry point of the packaged build (PyInstaller runs this file as `posdesk`)."""
import multiprocessing
import sys

if __name__ == "__main__":
    # The recorder is a spawned child: in a frozen build the child starts this same
    # executable, and freeze_support() turns it into the child instead of a second app.
    multiprocessing.freeze_support()
    from posdesk.app import main
    sys.exit(main())

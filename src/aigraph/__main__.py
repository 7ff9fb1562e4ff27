"""Run the command-line interface as ``python -m aigraph``."""

from aigraph.cli import main

# Guarded: the query workers of `aigraph serve` are started with "spawn",
# which imports this module again in each worker.
if __name__ == "__main__":
    main()

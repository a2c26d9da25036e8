"""Run the command line as ``python -m plandiff``."""

from plandiff.cli import main

main()

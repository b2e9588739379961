"""`python -m hmic_extract` runs the command-line interface."""

from hmic_extract.cli import main

main()

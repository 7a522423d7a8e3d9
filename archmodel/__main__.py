"""`python -m archmodel` runs the same command line as the `archmodel` script."""

from archmodel.cli import run

run()

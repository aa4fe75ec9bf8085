"""`python -m newsingest` works like the `newsingest` command."""

from .cli import main

main()

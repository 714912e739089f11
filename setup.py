"""The package list, which pyproject.toml cannot state on its own: every package under src/
plus figdate._gold, the repository's gold/ shipped as package data (pyproject.toml maps it)."""

from setuptools import find_packages, setup

setup(packages=[*find_packages("src"), "figdate._gold", "figdate._gold.articles"])

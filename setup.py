"""The package list, which pyproject.toml cannot state on its own: every package under src/
plus the bundled datasets shipped as package data: figdate._gold (the repository's gold/)
and figdate._challenge (datasets/challenge/); pyproject.toml maps them."""

from setuptools import find_packages, setup

setup(
    packages=[
        *find_packages("src"),
        "figdate._gold",
        "figdate._gold.articles",
        "figdate._challenge",
        "figdate._challenge.articles",
    ]
)

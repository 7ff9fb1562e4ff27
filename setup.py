"""Ship the curated graph inside the wheel: ontology/, data/ and queries/ become aigraph/shipped/.

The folders stay at the top of the repository, where curators edit them; only a
built package carries a copy, so that ``aigraph`` works from any directory once
installed (see aigraph.project.files.default_root). Everything else is in pyproject.toml.
"""

from pathlib import Path
import shutil

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
#: The project folders a wheel ships; data/drafts/ holds uncurated drafts and stays out.
SHIPPED = ("ontology", "data", "queries")


class BuildWithGraph(build_py):
    """Copy the curated graph into the package being built."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return  # an editable install reads the checkout itself
        target = Path(self.build_lib) / "aigraph" / "shipped"
        for name in SHIPPED:
            shutil.copytree(HERE / name, target / name, dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns("drafts", "__pycache__"))


setup(cmdclass={"build_py": BuildWithGraph})

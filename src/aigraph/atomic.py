"""Writes that never leave half a result, and never replace what a person wrote.

:func:`write_new` writes a file only where none exists (a curator's draft is
never overwritten by accident); :func:`replace_directory` builds a whole set
of files in a fresh directory beside the target and swaps it in at the end,
so a failure anywhere leaves the previous set untouched.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from aigraph.errors import ExportError


def write_new(path: str | Path, data: bytes, /) -> Path:
    """Write *data* to *path*, which must not exist; the file appears whole or not at all.

    The bytes go to a temporary file that is then hard-linked to *path*: the
    link fails when *path* exists, even if it appeared a moment ago.

    :raises FileExistsError: when *path* exists.
    :raises ExportError: when the file cannot be written.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "draft.trig"
    >>> write_new(target, b"x") == target, target.read_bytes()
    (True, b'x')
    >>> write_new(target, b"y")
    Traceback (most recent call last):
    ...
    FileExistsError: ...
    """
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    except OSError as exc:
        raise ExportError(f"cannot write {target}: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.link(tmp, target)
    except FileExistsError:
        raise FileExistsError(f"{target} exists already") from None
    except OSError as exc:
        raise ExportError(f"cannot write {target}: {exc.strerror or exc}") from exc
    finally:
        Path(tmp).unlink(missing_ok=True)
    return target


@contextmanager
def replace_directory(path: str | Path, /) -> Iterator[Path]:
    """Yield a fresh directory beside *path*; on success it becomes *path*, on failure it goes.

    The previous *path* (if any) is renamed aside and removed only after the new
    directory is in place, so at every moment *path* is either the whole old
    set or the whole new one.

    :raises ExportError: when the directories cannot be created or swapped.

    >>> import tempfile, pathlib
    >>> dist = pathlib.Path(tempfile.mkdtemp()) / "dist"
    >>> with replace_directory(dist) as fresh:
    ...     _ = (fresh / "a.txt").write_text("new")
    >>> sorted(p.name for p in dist.iterdir())
    ['a.txt']
    """
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fresh = Path(tempfile.mkdtemp(prefix=f".{target.name}.new.", dir=target.parent))
    except OSError as exc:
        raise ExportError(
            f"cannot create a directory beside {target}: {exc.strerror or exc}"
        ) from exc
    try:
        yield fresh
        fresh.chmod(0o755)  # mkdtemp makes it private; the build is for everyone to read
        _swap(fresh, target)
    finally:
        shutil.rmtree(fresh, ignore_errors=True)


def _swap(fresh: Path, target: Path) -> None:
    old = None
    try:
        if target.exists() or target.is_symlink():
            if not target.is_dir():
                raise ExportError(f"cannot write into {target}: it is not a directory")
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old.", dir=target.parent))
            os.replace(target, old / target.name)
        os.replace(fresh, target)
    except OSError as exc:
        if old is not None and not target.exists():
            os.replace(old / target.name, target)  # put the previous set back
        raise ExportError(f"cannot replace {target}: {exc.strerror or exc}") from exc
    finally:
        if old is not None and target.is_dir():  # never remove the only copy left
            shutil.rmtree(old, ignore_errors=True)

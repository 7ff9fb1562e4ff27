"""Export the assembled dataset in one RDF format, to bytes or a file."""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset

from aigraph.errors import ExportError
from aigraph.export.serialize import FORMATS, RdfFormat, serialize_dataset, write_atomic
from aigraph.formats import by_extension


def format_for_path(path: str | Path) -> RdfFormat:
    """Return the export format that a file name's extension stands for.

    :raises ExportError: when the extension is not one of the export formats.

    >>> format_for_path("out/graph.nq")
    'nq'
    """
    found = by_extension(Path(path).suffix, "rdf")
    if found is not None:
        return found.name  # type: ignore[return-value]
    raise ExportError(f"cannot tell the format from {str(path)!r}; give --format")


def export_dataset(
    dataset: Dataset,
    /,
    *,
    fmt: RdfFormat | None = None,
    dest: str | Path | None = None,
    published: bool = False,
) -> bytes | Path:
    """Serialise *dataset* as *fmt*; write it to *dest* when given, else return the bytes.

    ``ttl``, ``nt`` and ``xml`` hold the union of all graphs;
    ``trig``, ``nq`` and ``jsonld`` keep one named graph per source. Drawing
    hints (:mod:`aigraph.rdf.publish`) are left out: *published* says *dataset* is
    already without them (:attr:`aigraph.Project.published`), so no copy is made.

    :raises ExportError: for an unknown format or an unwritable destination.

    >>> from aigraph import load
    >>> export_dataset(load().dataset, fmt="nt")[:1]
    b'<'
    """
    if fmt is None:
        if dest is None:
            raise ExportError("give a format or a destination file name")
        fmt = format_for_path(dest)
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r} (known: {', '.join(FORMATS)})")
    if not published:
        from aigraph.rdf.publish import (
            published as without_hints,  # hints serve the page, not the exports
        )

        dataset = without_hints(dataset)
    data = serialize_dataset(dataset, fmt)
    if dest is None:
        return data
    return write_atomic(dest, data)

"""The ``aigraph`` command: a thin layer over the library.

Exit status: 0 success; 1 the graph does not conform to the shapes; 2 bad
input (unreadable or malformed file, malformed SPARQL, unknown query name or
format) or a usage error.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from aigraph.errors import AigraphError, ValidationError
from aigraph.results import RESULT_FORMATS
from aigraph.serialize import FORMATS


class AigraphClickError(click.ClickException):
    """An :class:`AigraphError` shown as one line on standard error, with its exit code."""

    def __init__(self, error: AigraphError) -> None:
        super().__init__(str(error))
        self.exit_code = error.exit_code


def reports_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn library errors into user errors at one place, the CLI edge."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except ValidationError as exc:
            click.echo(exc.report.text, err=True)  # type: ignore[attr-defined]
            sys.exit(exc.exit_code)
        except AigraphError as exc:
            raise AigraphClickError(exc) from exc

    return wrapper


root_option = click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Project directory holding ontology/, data/ and queries/ (default: this checkout).",
)
lang_option = click.option(
    "--lang", type=click.Choice(["en", "ko"]), default="en", show_default=True,
    help="Language of labels in tables.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="aigraph")
def cli() -> None:
    """Build, query and export the AI summits knowledge graph."""


@cli.command()
@root_option
@click.option("-o", "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=None, help="Output directory (default: ROOT/dist).")
@reports_errors
def build(root: Path | None, out_dir: Path | None) -> None:
    """Validate the graph, then write every export and its VoID description.

    Example:

        aigraph build -o dist
    """
    from aigraph.build import build as run_build

    click.echo(run_build(root, out_dir=out_dir).summary)


@cli.command()
@root_option
@reports_errors
def validate(root: Path | None) -> None:
    """Check the graph against ontology/shapes.ttl; exit 1 with a report when it does not conform.

    Example:

        aigraph validate
    """
    from aigraph.build import assemble
    from aigraph.validate import validate_dataset

    report = validate_dataset(assemble(root), root=root)
    if not report.conforms:
        raise ValidationError(report)
    click.echo("conforms: the graph satisfies every shape in ontology/shapes.ttl")


@cli.command()
@click.argument("query", required=False)
@root_option
@click.option("-f", "--format", "fmt", type=click.Choice(RESULT_FORMATS), default="table",
              show_default=True, help="Result format (CONSTRUCT and DESCRIBE print Turtle).")
@lang_option
@click.option("--list", "list_", is_flag=True, help="List the named queries and their questions.")
@reports_errors
def query(query: str | None, root: Path | None, fmt: str, lang: str, list_: bool) -> None:
    """Answer QUERY: a .rq file, the name of a query in queries/, or SPARQL text.

    Example:

        aigraph query cq01-co-chairs --lang ko
    """
    from aigraph import query as q

    if list_:
        for named in q.list_queries(root):
            click.echo(f"{named.name}\t{named.question_en if lang == 'en' else named.question_ko}")
        return
    if query is None:
        raise click.UsageError("give a QUERY, or --list")
    from aigraph.build import assemble
    from aigraph.results import render_result

    dataset = assemble(root)
    result = q.run_query(dataset, query, root=root)
    click.echo(render_result(result, fmt=fmt, labels=dataset, lang=lang), nl=False)  # type: ignore[arg-type]


@cli.command()
@root_option
@click.option("-f", "--format", "fmt", type=click.Choice(sorted(FORMATS)), default=None,
              help="RDF format (default: from the file extension of --out, else ttl).")
@click.option("-o", "--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Output file (default: standard output).")
@reports_errors
def export(root: Path | None, fmt: str | None, out: Path | None) -> None:
    """Write the graph in one RDF format to a file or standard output.

    Example:

        aigraph export --format trig -o aigraph.trig
    """
    from aigraph.build import assemble
    from aigraph.export import export_dataset

    if fmt is None and out is None:
        fmt = "ttl"
    result = export_dataset(assemble(root), fmt=fmt, dest=out)  # type: ignore[arg-type]
    if isinstance(result, bytes):
        sys.stdout.buffer.write(result)
    else:
        click.echo(f"wrote {result}", err=True)


@cli.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@root_option
@click.option("--lang", type=click.Choice(["auto", "ko", "en"]), default="auto",
              show_default=True, help="Language of the article (auto: by the share of Hangul).")
@click.option("--source-iri", default=None, help="IRI of the source (default: from the file name).")
@click.option("--title", default=None, help="Title of the article, as published.")
@click.option("--publisher", default=None,
              help="Publisher: an IRI or the label of a known organisation.")
@click.option("--date", "date_", default=None, metavar="YYYY-MM-DD",
              help="Publication date; relative dates resolve against it (default: the date line).")
@click.option("-o", "--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Draft file (default: ROOT/data/drafts/SOURCE.trig); with --accept, "
                   "the curated file.")
@click.option("--accept", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=None, metavar="DRAFT.trig",
              help="Turn a reviewed draft into a curated file in data/.")
@reports_errors
def ingest(file: Path | None, root: Path | None, lang: str, source_iri: str | None,
           title: str | None, publisher: str | None, date_: str | None, out: Path | None,
           accept: Path | None) -> None:
    """Draft what a plain-text article (Korean or English) says: entities, candidates, dates, facts.

    The draft goes to data/drafts/, which build never loads; review it, then
    accept it with --accept to make it a curated source file in data/.

    Example:

    \b
        aigraph ingest article.ko.txt --publisher 광주일보 --date 2024-05-22
        aigraph ingest --accept data/drafts/article.trig
    """
    from aigraph import ingest as run

    if accept is not None:
        click.echo(run.accept_draft(accept, root=root, dest=out).summary)
        return
    if file is None:
        raise click.UsageError("give the FILE to ingest, or --accept DRAFT.trig")
    click.echo(run.ingest_file(file, root=root, lang=lang, source_iri=source_iri, title=title,
                               publisher=publisher, date=date_, dest=out).report, nl=False)


def main() -> None:
    """Run the command-line interface."""
    cli(prog_name="aigraph")

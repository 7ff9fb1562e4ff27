"""The ``aigraph`` command: a thin layer over the library.

Exit status: 0 success; 1 the graph does not conform to the shapes; 2 bad
input (unreadable or malformed file, malformed SPARQL, unknown query name or
format), a refused request, a limit passed, or a usage error; 70 an
unexpected failure (a bug: one line, and a hint); 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import errno
import functools
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from aigraph.errors import AigraphError, ValidationError
from aigraph.extras import require
from aigraph.formats import of_kind
from aigraph.labels import LANGUAGES
from aigraph.runner import DEFAULT_MAX_MEMORY_MB, DEFAULT_TIMEOUT
from aigraph.sparql.results import RESULT_FORMATS


class AigraphClickError(click.ClickException):
    """An :class:`AigraphError` shown as one line on standard error, with its exit code."""

    def __init__(self, error: AigraphError) -> None:
        super().__init__(str(error))
        # click declares exit_code on the class; each of these carries its error's own
        self.exit_code = error.exit_code  # type: ignore[misc]


def report_errors(run: Callable[[], Any]) -> Any:
    """Call *run*, turning library errors into user errors: the CLI edge, in one place.

    An :class:`AigraphError` becomes one line on standard error and its exit code; a
    failed validation prints its report and exits 1; Ctrl-C exits 130; a closed pipe
    141; a full disk 2; anything else is a bug (exit 70, see :func:`_unexpected`).
    """
    try:
        return run()
    except ValidationError as exc:
        click.echo(exc.report.text, err=True)  # type: ignore[attr-defined]
        sys.exit(exc.exit_code)
    except AigraphError as exc:
        raise AigraphClickError(exc) from exc
    except (click.ClickException, click.exceptions.Exit, click.Abort, SystemExit):
        raise
    except KeyboardInterrupt:
        _quiet_stdout()
        click.echo("interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except OSError as exc:
        if exc.errno == errno.EPIPE:  # the reader went away (| head): nothing to say
            _quiet_stdout()
            sys.exit(EXIT_BROKEN_PIPE)
        if exc.errno in _OUTPUT_ERRNOS:
            _quiet_stdout()
            click.echo(f"Error: cannot write the output: {exc.strerror}", err=True)
            sys.exit(2)
        _unexpected(exc)
    except Exception as exc:
        _unexpected(exc)


class ReportingCommand(click.Command):
    """A command whose errors :func:`report_errors` maps to exit codes."""

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command's callback with its errors mapped."""
        return report_errors(lambda: super(ReportingCommand, self).invoke(ctx))


class ReportingGroup(click.Group):
    """The ``aigraph`` group: every command it makes maps its errors the same way."""

    command_class = ReportingCommand


#: Exit status of an unexpected failure (a bug), as sysexits.h's EX_SOFTWARE.
EXIT_UNEXPECTED = 70
#: Exit status after Ctrl-C, as shells report a process ended by SIGINT.
EXIT_INTERRUPTED = 130
#: Exit status when standard output is closed early (``| head``), as after SIGPIPE.
EXIT_BROKEN_PIPE = 141
_OUTPUT_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO}


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so flushing it at exit cannot fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no real file descriptor (a test runner)
        pass


def _unexpected(exc: BaseException) -> None:
    """Report a failure aigraph did not foresee in one line with a hint, and exit 70."""
    if os.environ.get("AIGRAPH_DEBUG"):
        raise exc
    message = str(exc).splitlines()[0] if str(exc) else ""
    click.echo(
        f"Error: unexpected {type(exc).__name__}: {message} (a bug in aigraph: run again with "
        "AIGRAPH_DEBUG=1 for the traceback, and report it with the command)",
        err=True,
    )
    sys.exit(EXIT_UNEXPECTED)


root_option = click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Project directory holding ontology/, data/ and queries/ (default: $AIGRAPH_ROOT, "
    "the current directory, this checkout, or the graph shipped with the package).",
)
store_option = click.option(
    "--store", type=click.Choice(["oxigraph", "memory"]), default="oxigraph", show_default=True,
    help="Engine under rdflib: Oxigraph, or rdflib's own memory store.",
)
lang_option = click.option(
    "--lang", type=click.Choice(LANGUAGES), default="en", show_default=True,
    help="Language of labels in tables.",
)


@click.group(cls=ReportingGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="aigraph")
def cli() -> None:
    """Build, query and export the AI summits knowledge graph."""
    # rdflib logs a traceback for every ill-typed literal ("2024-13-45"^^xsd:date) as it
    # parses; the shapes report each one with its file and line instead.
    logging.getLogger("rdflib.term").setLevel(logging.ERROR)


@cli.command()
@root_option
@click.option("-o", "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=None, help="Output directory (default: ROOT/dist).")
@store_option
def build(root: Path | None, out_dir: Path | None, store: str) -> None:
    """Validate the graph, then write every export and its VoID description.

    Example:
        aigraph build -o dist

    """
    from aigraph import load
    from aigraph.build import build as run_build

    click.echo(run_build(load(root, store=store, cache=True), out_dir=out_dir).summary)  # type: ignore[arg-type]


@cli.command()
@root_option
@store_option
def validate(root: Path | None, store: str) -> None:
    """Check the graph against ontology/shapes.ttl; exit 1 with a report when it does not conform.

    Example:
        aigraph validate

    """
    from aigraph import load

    report = load(root, store=store, cache=True).validate()  # type: ignore[arg-type]
    if not report.conforms:
        raise ValidationError(report)
    click.echo("conforms: the graph satisfies every shape in ontology/shapes.ttl")


@cli.command()
@click.argument("query", required=False)
@root_option
@click.option("-f", "--format", "fmt", type=click.Choice(RESULT_FORMATS), default="table",
              show_default=True,
              help="SELECT/ASK: table, csv, tsv, json or xml (SPARQL results); CONSTRUCT/DESCRIBE: "
                   "ttl, nt or jsonld (table shows Turtle). A misfit exits 2.")
@lang_option
@click.option("--list", "list_", is_flag=True, help="List the named queries and their questions.")
@store_option
@click.option("--endpoint", metavar="URL", default=None,
              help="Ask this remote SPARQL endpoint instead of loading the project.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=DEFAULT_TIMEOUT,
              show_default=True, help="Stop the query after this many seconds.")
@click.option(
    "--max-memory",
    type=click.IntRange(min=64),
    default=DEFAULT_MAX_MEMORY_MB,
    show_default=True,
    metavar="MB",
    help="Stop the query when it needs more memory than this.",
)
def query(
    query: str | None,
    root: Path | None,
    fmt: str,
    lang: str,
    list_: bool,
    store: str,
    endpoint: str | None,
    timeout: float,
    max_memory: int,
) -> None:
    """Answer QUERY: a .rq file, the name of a query in queries/, or SPARQL text.

    The query runs in a worker process under --timeout and --max-memory;
    Ctrl-C stops it at once. SERVICE is refused (exit 2): no request is made.

    Example:
        aigraph query cq01-co-chairs --lang ko
        aigraph query cq01-co-chairs --endpoint http://127.0.0.1:7878/query

    """
    from aigraph.project.files import project_paths
    from aigraph.sparql import query as q

    if list_:
        for named in q.list_queries(project_paths(root)):
            click.echo(f"{named.name}\t{named.question_en if lang == 'en' else named.question_ko}")
        return
    if query is None:
        raise click.UsageError("give a QUERY, or --list")
    from aigraph.runner import Limits, run_limited
    from aigraph.sparql.guard import refuse_service

    paths = None if root is None and q._is_sparql_or_file(query) else project_paths(root)
    label, text = q.resolve_query(query, paths=paths)
    refuse_service(text, label=label)  # before any worker starts or any request is sent
    options = {"root": root, "store": store, "endpoint": endpoint, "fmt": fmt, "lang": lang}
    if endpoint is not None:  # the remote store does the work; its answer has a network timeout
        click.echo(q.render_answer(query, **options), nl=False)  # type: ignore[arg-type]
        return
    limits = Limits(timeout=timeout, max_memory_mb=max_memory)
    click.echo(run_limited(q.render_answer, query, limits=limits, **options), nl=False)


@cli.command()
@root_option
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(sorted([*of_kind("rdf"), *of_kind("network")])),
    default=None,
    help="RDF format, or graphml/gexf for the projected network "
    "(default: from the file extension of --out, else ttl).",
)
@click.option("-o", "--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Output file (default: standard output).")
@store_option
def export(root: Path | None, fmt: str | None, out: Path | None, store: str) -> None:
    """Write the graph in one RDF format, or its network as GraphML/GEXF, to a file or stdout.

    Example:
        aigraph export --format trig -o aigraph.trig
        aigraph export --format gexf -o aigraph.gexf

    """
    from aigraph import load
    from aigraph.export.network import export_network, network_format
    from aigraph.export.rdf import export_dataset

    if fmt is None and out is None:
        fmt = "ttl"
    net = network_format(fmt, out)
    dataset = load(root, store=store, cache=True).dataset  # type: ignore[arg-type]
    result = (export_network(dataset, fmt=net, dest=out) if net else
              export_dataset(dataset, fmt=fmt, dest=out))  # type: ignore[arg-type]
    if isinstance(result, bytes):
        sys.stdout.buffer.write(result)
    else:
        click.echo(f"wrote {result}", err=True)


@cli.command()
@root_option
@click.option("-o", "--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Output HTML file (default: standard output).")
@click.option("--lang", type=click.Choice(LANGUAGES), default="en", show_default=True,
              help="Language the page opens in (it switches in place).")
@click.option("--focus", default=None,
              help="Draw only the neighbourhood of this entity (IRI, local name or label).")
@click.option("--depth", type=click.IntRange(min=0), default=None,
              help="How many edges away from --focus to draw (default 1).")
@click.option(
    "--classes", default=None, help="Comma-separated classes to draw, e.g. Person,Polity,Summit."
)
def viz(
    root: Path | None,
    out: Path | None,
    lang: str,
    focus: str | None,
    depth: int | None,
    classes: str | None,
) -> None:
    """Draw the graph as one self-contained HTML page that works offline.

    Example:
        aigraph viz -o graph.html --lang ko --focus kamala-harris --depth 2

    """
    from aigraph import load
    from aigraph.network.page import render_html
    from aigraph.network.projection import to_networkx
    from aigraph.network.stories import read_stories

    kept = [c for c in classes.split(",") if c.strip()] if classes is not None else None
    project = load(root, cache=True)
    graph = to_networkx(project.dataset, lang=lang, focus=focus, depth=depth,  # type: ignore[arg-type]
                        classes=kept)
    result = render_html(graph, lang=lang, dest=out, stories=read_stories(project.paths))
    if out is None:
        click.echo(result, nl=False)
    else:
        click.echo(f"wrote {result}", err=True)


@cli.command()
@click.argument("a")
@click.argument("b")
@root_option
@click.option("--max-hops", type=click.IntRange(min=1), default=4, show_default=True,
              help="Give up when the shortest connection is longer than this.")
@click.option("--limit", type=click.IntRange(min=1), default=10, show_default=True,
              help="Show at most this many shortest connections.")
@lang_option
def path(a: str, b: str, root: Path | None, max_hops: int, limit: int, lang: str) -> None:
    """Show how A and B are connected: every shortest path, each hop with its evidence.

    A and B are IRIs, local names (kamala-harris) or labels in English or Korean.
    Exit 2 when either name matches no entity or several (they are listed), or
    when no connection is found within --max-hops.

    Example:
        aigraph path "Lee Hae-jin" "António Guterres" --lang ko

    """
    from aigraph import load
    from aigraph.network.connections import find_connections, render_connections

    found = find_connections(
        load(root, cache=True).dataset, a, b, max_hops=max_hops, limit=limit, lang=lang
    )
    click.echo(render_connections(found), nl=False)


@cli.command()
@root_option
@store_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to listen on; the default serves this machine only.")
@click.option("--port", type=click.IntRange(1, 65535), default=7878, show_default=True,
              help="TCP port to listen on.")
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=10.0,
    show_default=True,
    help="Time limit of one query, in seconds.",
)
@click.option("--max-results", type=click.IntRange(min=1), default=10_000, show_default=True,
              help="Refuse answers with more rows (or triples) than this.")
@click.option("--workers", type=click.IntRange(min=1), default=2, show_default=True,
              help="Query worker processes.")
@click.option(
    "--max-memory",
    type=click.IntRange(min=64),
    default=2048,
    show_default=True,
    metavar="MB",
    help="Stop a query whose worker needs more memory than this.",
)
def serve(root: Path | None, store: str, host: str, port: int, timeout: float, max_results: int,
          workers: int, max_memory: int) -> None:
    """Serve a read-only SPARQL endpoint at /sparql, the graph page at / and each entity's page.

    Example:
        aigraph serve --port 7878

    """
    require("serve")
    from aigraph.server.app import ServeOptions, serve as run_server

    options = ServeOptions(store=store, timeout=timeout, max_results=max_results, workers=workers,  # type: ignore[arg-type]
                           max_memory_mb=max_memory)
    ready = functools.partial(
        click.echo, f"serving http://{host}:{port}/ (SPARQL at /sparql); Ctrl-C stops", err=True
    )
    run_server(root, host=host, port=port, options=options, on_ready=ready)


@cli.command()
@root_option
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "csv", "json"]),
              default="table", show_default=True, help="Output format.")
@click.option("--top", type=click.IntRange(min=1), default=None,
              help="Show only the K most central actors (default: all).")
@click.option("--table", type=click.Choice(["actors", "documents", "principles"]),
              default="actors", show_default=True, help="The table that csv writes.")
@lang_option
def analyze(root: Path | None, fmt: str, top: int | None, table: str, lang: str) -> None:
    """Measure the network: centrality and community per actor, endorsers, principles.

    Summary lines come first (with csv, on standard error). Betweenness is exact
    up to 2,000 nodes and sampled above, as the summary says.

    Example:
        aigraph analyze --top 10
        aigraph analyze --format csv --table documents

    """
    from aigraph import load
    from aigraph.network.measures import analyze_network
    from aigraph.network.report import render_analysis, summary_lines

    analysis = analyze_network(load(root, cache=True).dataset, lang=lang)
    if fmt == "csv":
        click.echo("\n".join(summary_lines(analysis)), err=True)
    click.echo(render_analysis(analysis, fmt=fmt, top=top, table=table), nl=False)  # type: ignore[arg-type]


@cli.command()
@click.argument(
    "kind", type=click.Choice(["centrality", "principles", "timeline", "followthrough"])
)
@root_option
@click.option("-o", "--out", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Output PNG file.")
@click.option("--top", type=click.IntRange(min=1), default=15, show_default=True,
              help="How many actors the centrality plot shows.")
@lang_option
def plot(kind: str, root: Path | None, out: Path, top: int, lang: str) -> None:
    """Draw a PNG: central actors, principles per document, the summit timeline or commitments kept.

    Example:
        aigraph plot principles -o docs/principles.png
        aigraph plot followthrough -o docs/followthrough.png

    """
    require("plot")
    from aigraph import load
    from aigraph.network.plots import plot_network

    result = plot_network(load(root, cache=True).dataset, kind, dest=out, lang=lang, top=top)  # type: ignore[arg-type]
    assert isinstance(result, Path)  # with a dest, the PNG is written and its path returned
    click.echo(f"wrote {result}", err=True)


@cli.command()
@root_option
@store_option
@click.option("--endpoint", metavar="URL", required=True, help="The store's SPARQL query endpoint.")
@click.option("--graph-store", metavar="URL", default=None,
              help="Its Graph Store Protocol URL (default: guessed for Oxigraph and Fuseki).")
def push(root: Path | None, store: str, endpoint: str, graph_store: str | None) -> None:
    """Replace each named graph (ontology, every source, derived edges) in a remote SPARQL store.

    Example:
        aigraph push --endpoint http://127.0.0.1:7878/query --graph-store http://127.0.0.1:7878/store

    """
    from aigraph import load
    from aigraph.sparql.remote import push_dataset

    dataset = load(root, store=store, cache=True).dataset  # type: ignore[arg-type]
    report = push_dataset(dataset, endpoint, graph_store=graph_store)
    click.echo(report.summary)


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
@click.option("--force", is_flag=True,
              help="Replace an existing draft (it is never overwritten otherwise).")
def ingest(file: Path | None, root: Path | None, lang: str, source_iri: str | None,
           title: str | None, publisher: str | None, date_: str | None, out: Path | None,
           accept: Path | None, force: bool) -> None:
    """Draft what a plain-text article (Korean or English) says: entities, candidates, dates, facts.

    The draft goes to data/drafts/, which build never loads; review it, then
    accept it with --accept to make it a curated source file in data/.

    Example:
    \b
        aigraph ingest article.ko.txt --publisher 광주일보 --date 2024-05-22
        aigraph ingest --accept data/drafts/article.trig

    """  # noqa: D301 - "\b" is click's marker (a backspace) that keeps the example unwrapped
    require("ingest")
    from aigraph import ingest as run

    if accept is not None:
        click.echo(run.accept_draft(accept, root=root, dest=out).summary)
        return
    if file is None:
        raise click.UsageError("give the FILE to ingest, or --accept DRAFT.trig")
    click.echo(
        run.ingest_file(
            file,
            root=root,
            lang=lang,
            source_iri=source_iri,
            title=title,
            publisher=publisher,
            date=date_,
            dest=out,
            force=force,
        ).report,
        nl=False,
    )


def main() -> None:
    """Run the command-line interface."""
    cli(prog_name="aigraph")

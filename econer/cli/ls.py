"""``econer ls serve|push|pull|status``: the Label Studio round trip."""

from __future__ import annotations

import json
import signal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from econer.errors import EconerError

if TYPE_CHECKING:
    from econer.annotate.labelstudio.client import LabelStudioClient
    from econer.spans import Document

app = typer.Typer(
    help=(
        "Put pre-labelled documents in front of annotators in Label Studio and bring their "
        "corrections back as gold.\n\n"
        "Start with:  econer ls serve --data ls-data   (then push, pull, status)"
    ),
    no_args_is_help=True,
)

URL = typer.Option("http://127.0.0.1:8080", "--url", envvar="LABEL_STUDIO_URL",
                   help="The Label Studio server (or $LABEL_STUDIO_URL).")
TOKEN = typer.Option("", "--token", envvar="LABEL_STUDIO_API_KEY", show_default=False,
                     help="Its API token (or $LABEL_STUDIO_API_KEY).")
PROJECT = typer.Option("econer", "--project", "-p", help="The project's title.")


def _client(url: str, token: str) -> LabelStudioClient:
    from econer.annotate.labelstudio.client import LabelStudioClient

    return LabelStudioClient(url, token)


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


@app.command("serve")
def serve(
    data: Path = typer.Option(..., "--data", "-d", help="The folder of its database and files."),
    port: int = typer.Option(8080, "--port", help="The port on 127.0.0.1."),
    label_studio: Path | None = typer.Option(
        None, "--label-studio", help="The label-studio executable (default: "
        "$ECONER_LABEL_STUDIO, then .venv-ls/bin/label-studio, then PATH)."),
    user: str = typer.Option("annotator@localhost", "--user",
                             help="The login made on the first start of a new data folder."),
    timeout: float = typer.Option(600.0, "--timeout",
                                  help="Seconds to wait for it to answer (the first start "
                                  "of a folder migrates its database: a minute or two)."),
) -> None:
    """Start a local Label Studio (SQLite in DATA, bound to 127.0.0.1) and print its URL and token.

    The user, password and API token are made on the first start of DATA and kept in
    DATA/econer-ls.json; telemetry and update checks are off. Stop it with Ctrl-C.

    Examples:

      econer ls serve --data ls-data

      econer ls serve --data ls-data --port 8090 --label-studio ~/ls/bin/label-studio
    """
    from rich.console import Console

    from econer.annotate.labelstudio.server import LocalServer

    console = Console(stderr=True)
    server = LocalServer(data, port=port, executable=label_studio, username=user)
    signal.signal(signal.SIGTERM, _interrupt)  # `kill` stops the server too, as Ctrl-C does
    try:
        with console.status(f"starting Label Studio on {server.url} (log {server.log_path})"):
            server.start(timeout=timeout)
        print(f"Label Studio is up: {server.url}")
        print(f"  login     {server.creds.username} / {server.creds.password}")
        print(f"  API token {server.token}")
        print(f"  export LABEL_STUDIO_URL={server.url} LABEL_STUDIO_API_KEY={server.token}",
              flush=True)
        assert server.process is not None
        code = server.process.wait()
        raise EconerError(f"Label Studio exited with code {code}; log {server.log_path}")
    except KeyboardInterrupt:
        print("stopping Label Studio")
    finally:
        server.stop()


def _model_version(inputs: list[Path], given: str | None, docs: list[Document]) -> str | None:
    from econer.runinfo import read_run_info

    if given:
        return given
    versions = {info.version for path in inputs if (info := read_run_info(path))}
    if len(versions) == 1:
        return versions.pop()
    if any(doc.spans for doc in docs):
        raise EconerError("say which pre-labeller made these spans: --model-version NAME "
                          "(or --rules to pre-label with the rules now)")
    return None


@app.command("push")
def push(
    inputs: list[Path] = typer.Argument(..., help="Span JSON lines (from prelabel/predict), "
                                        ".txt files or folders."),
    project: str = PROJECT,
    rules: bool = typer.Option(False, "--rules", help="Pre-label with the rules now."),
    model_version: str | None = typer.Option(
        None, "--model-version", help="Names the pre-labels (default: the version in the "
        "inputs' .run.json record)."),
    url: str = URL,
    token: str = TOKEN,
) -> None:
    """Create or reuse a project and import documents as tasks, their spans as predictions.

    Idempotent: documents already in the project (matched on their id) are not imported
    again; a new pre-labeller version adds its predictions to the existing tasks.

    Examples:

      econer prelabel seeds/ --out prelabels.jsonl && econer ls push prelabels.jsonl

      econer ls push ../shared/corpus/industry-news-2011.jsonl --rules --project news-2011

      econer ls push predictions.jsonl --model-version model-small-3 --url http://127.0.0.1:8090
    """
    from rich.console import Console
    from rich.progress import track

    from econer.annotate.labelstudio.config import instructions_html
    from econer.annotate.labelstudio.push import push as push_docs
    from econer.ingest import iter_documents

    console = Console(stderr=True)
    client = _client(url, token)
    client.check()  # a wrong URL or token fails before any work
    docs = list(iter_documents(inputs))
    if not docs:
        raise EconerError("no documents found in the inputs")
    if rules:
        from econer.annotate.rules.ruler import load_rules

        labeller = load_rules()
        docs = [labeller(d) for d in track(docs, description="pre-labelling", console=console,
                                           transient=True)]
        model_version = model_version or labeller.version
    else:
        model_version = _model_version(inputs, model_version, docs)
    guide = instructions_html()
    with console.status(f"pushing {len(docs)} documents to {url}"):
        report = push_docs(client, project, docs, model_version, guide)
    made = "created" if report.project_created else "reused"
    print(f"project {project!r} (id {report.project_id}, {made}): {report.tasks_created} "
          f"tasks created, {report.predictions_added} predictions added, {report.unchanged} "
          f"unchanged; model version {report.model_version or '(none)'}")


# Headers of five letters keep a rule table readable in 80 columns; the caption explains them.
_HEADERS = {"kept": "kept", "relabelled": "relab", "rebounded": "bound",
            "relabelled_rebounded": "both", "deleted": "del", "added": "add"}


def _changes_table(title: str, key: str, rows: dict[str, Any]) -> Any:
    """Change counts a row per label or rule, the spans annotators touched most first."""
    from rich import box
    from rich.table import Table

    from econer.annotate.labelstudio.changes import KINDS

    table = Table(title=title, box=box.SIMPLE_HEAD,
                  caption="relab: relabelled, bound: re-bounded, both: the two, del: deleted, "
                  "add: added; touch: share of predicted spans not kept")
    table.add_column(key, no_wrap=True)
    for kind in KINDS:
        table.add_column(_HEADERS[kind], justify="right")
    table.add_column("touch", justify="right")

    def touched(counts: dict[str, int]) -> int:
        return sum(counts[k] for k in KINDS if k not in ("kept", "added"))

    for name, counts in sorted(rows.items(), key=lambda r: (-touched(r[1]), r[0])):
        predicted = sum(counts[k] for k in KINDS if k != "added")
        share = f"{touched(counts) / predicted:.0%}" if predicted else "-"
        table.add_row(name, *(str(counts[k]) for k in KINDS), share)
    return table


@app.command("pull")
def pull(
    out: Path = typer.Option(..., "--out", "-o", help="The gold span JSON lines to write."),
    project: str = PROJECT,
    annotator: str | None = typer.Option(
        None, "--annotator", help="Take this annotator's (email) annotations, not the latest."),
    report: Path | None = typer.Option(None, "--report",
                                       help="Also write the change and agreement report (JSON)."),
    url: str = URL,
    token: str = TOKEN,
) -> None:
    """Fetch the annotations as gold and report what annotators changed.

    Every span is verified against its task text; changes relative to the predictions
    (kept, relabelled, re-bounded, deleted, added) are counted per label and per rule.
    Tasks nobody annotated are left out. Where tasks have several annotators, prints their
    pairwise span agreement. A failed pull leaves OUT as it was.

    Examples:

      econer ls pull --out seeds/gold/ls.jsonl

      econer ls pull --project news-2011 --annotator ann2@localhost --out ann2.jsonl

      econer ls pull --out gold.jsonl --report changes.json
    """
    from rich.console import Console

    from econer.annotate.labelstudio.pull import pull_tasks
    from econer.jsonl import write_documents, write_text

    console = Console()
    client = _client(url, token)
    project_id = client.project(project)
    with Console(stderr=True).status(f"exporting project {project!r}"):
        # Tasks nobody annotated cannot make gold: leave them on the server.
        tasks = client.export_tasks(project_id, annotated_only=True)
        unannotated = client.task_count(project_id) - len(tasks)
    result = pull_tasks(tasks, annotator)
    unannotated += result.unannotated  # skipped only, or not by the annotator asked for
    if annotator is not None and annotator not in result.annotators:
        known = ", ".join(result.annotators) or "none"
        raise EconerError(f"{annotator!r} annotated no task of project {project!r} "
                          f"(annotators: {known})")
    written = write_documents(out, result.gold)
    changes = result.changes.to_dict()
    console.print(_changes_table("changes by label", "label", changes["by_label"]))
    console.print(_changes_table("changes by rule", "rule", changes["by_rule"]))
    costly = result.changes.costly_rules()
    for (first, second), scores in result.agreement.items():
        cells = ", ".join(f"{label} {s['f1']:.3f}" for label, s in scores.items())
        console.print(f"agreement {first} vs {second} (F1): {cells}")
    if report is not None:
        data = {"project": project, "documents": written, "changes": changes,
                "costly_rules": costly, "annotators": result.annotators,
                "agreement": [{"a": a, "b": b, "scores": s}
                              for (a, b), s in result.agreement.items()]}
        write_text(report, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    print(f"wrote {written} gold documents to {out} ({unannotated} tasks not annotated)")


@app.command("status")
def status(project: str = PROJECT, url: str = URL, token: str = TOKEN) -> None:
    """Tasks, annotated tasks and predictions by model version of a project.

    Examples:

      econer ls status

      econer ls status --project news-2011 --url http://127.0.0.1:8090
    """
    from econer.annotate.labelstudio.status import project_status

    client = _client(url, token)
    project_id = client.project(project)
    print(project_status(client.export_tasks(project_id)).describe(project))

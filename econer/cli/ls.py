"""``econer ls serve|push|pull|status``: the Label Studio round trip."""

from __future__ import annotations

import json
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from econer.errors import EconerError

if TYPE_CHECKING:
    from econer.annotate.labelstudio.client import LabelStudioClient
    from econer.registry import System
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
    # Explicitly: a background job of a script starts with SIGINT ignored, and then Ctrl-C
    # (or `kill -INT`) would leave the server running.
    signal.signal(signal.SIGINT, _interrupt)
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
    from econer.outputs import Outputs, guard

    guard([], [("--out", out), ("--report", report)])
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
    written = len(result.gold)
    changes = result.changes.to_dict()
    console.print(_changes_table("changes by label", "label", changes["by_label"]))
    console.print(_changes_table("changes by rule", "rule", changes["by_rule"]))
    costly = result.changes.costly_rules()
    for (first, second), scores in result.agreement.items():
        cells = ", ".join(f"{label} {s['f1']:.3f}" for label, s in scores.items())
        console.print(f"agreement {first} vs {second} (F1): {cells}")
    with Outputs() as tx:  # the gold and the report land together, or neither
        tx.write_documents(out, result.gold)
        if report is not None:
            data = {"project": project, "documents": written, "changes": changes,
                    "costly_rules": costly, "annotators": result.annotators,
                    "agreement": [{"a": a, "b": b, "scores": s}
                                  for (a, b), s in result.agreement.items()]}
            tx.write_text(report, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    print(f"wrote {written} gold documents to {out} ({unannotated} tasks not annotated)")


@app.command("status")
def status(project: str = PROJECT, url: str = URL, token: str = TOKEN) -> None:
    """Tasks, annotated tasks and predictions by model version of a project.

    Examples:

      econer ls status

      econer ls status --project news-2011 --url http://127.0.0.1:8090
    """
    from econer.annotate.labelstudio.ordering import simulate_tasks
    from econer.annotate.labelstudio.status import project_status

    client = _client(url, token)
    project_id = client.project(project)
    tasks = client.export_tasks(project_id)
    print(project_status(tasks).describe(project))
    # What ordering the queue would have saved, replayed on the gold annotators made so far.
    sim = simulate_tasks(tasks)
    if sim is not None:
        _print_simulation("annotated tasks needed, by ordering", sim)


# Model in the loop: a backend, connecting it, ranking the queue --------------------------

SYSTEM = typer.Option("rules", "--system", "-s",
                      help="The system: rules, rules:FOLDER, a run folder (run:RUN_DIR), or a "
                      "registered kind (see econer eval --help).")


def _system(spec: str) -> System:
    """The system ``spec`` names, built here: annotate never imports eval or models."""
    from econer.eval.systems import parse_system
    from econer.registry import System

    built = parse_system(spec).build()
    if not isinstance(built, System):
        raise EconerError(f"--system {spec!r} must predict as it is (rules or a trained run), "
                          "not a training config: train it first with `econer train`")
    return built


def _loopback(host: str) -> bool:
    return host in ("127.0.0.1", "localhost", "::1")


@app.command("backend")
def backend(
    system: str = SYSTEM,
    host: str = typer.Option("127.0.0.1", "--host",
                             help="The address to listen on; anything but loopback lets other "
                             "machines use it (it has no login)."),
    port: int = typer.Option(9090, "--port", help="The port (0: a free one, printed)."),
    retrain: Path | None = typer.Option(
        None, "--retrain", help="A training config (configs/train/small.yaml): retrain it in "
        "the background on the gold annotators submit; needs --dev."),
    dev: Path | None = typer.Option(None, "--dev", help="Dev gold (span JSON lines): a new "
                                    "run replaces the served model only if its F1 is not worse."),
    every: int = typer.Option(20, "--retrain-every", help="New annotations between runs."),
    workdir: Path = typer.Option(Path("runs/loop"), "--workdir",
                                 help="Where the collected gold, the runs and retrain.jsonl go."),
    set_: list[str] = typer.Option([], "--set", metavar="KEY=VALUE",
                                   help="Override a key of the --retrain config (repeatable)."),
) -> None:
    """Serve a system as a Label Studio ML backend (health, setup, predict, webhook).

    Label Studio then asks it for predictions of the tasks annotators open; each carries the
    system's version as model_version and per-span scores, as `econer ls push` writes them.
    With --retrain, every --retrain-every submitted annotations (from the webhook) start a
    background training run on all gold so far; the backend switches to it only when its dev
    F1 is not worse (decisions in WORKDIR/retrain.jsonl). Runs until Ctrl-C or SIGTERM; the
    request log (stderr) never holds request bodies.

    Examples:

      econer ls backend

      econer ls backend --system run:runs/small --port 9091

      econer ls backend --retrain configs/train/small.yaml --dev news-dev.jsonl --retrain-every 10
    """
    import logging

    from econer.annotate.labelstudio.backend import Backend, make_server

    chosen = _system(system)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    served = Backend(chosen)
    if retrain is not None:
        from econer.config import parse_sets
        from econer.eval.loop import Retrainer
        from econer.jsonl import read_documents
        from econer.models.config import load_config

        if dev is None:
            raise EconerError("--retrain needs --dev GOLD to decide between models")
        overrides = parse_sets(set_)
        load_config(retrain, overrides)  # a bad config fails now, not after the first batch
        served.on_annotation = Retrainer(served, retrain, workdir, list(read_documents(dev)),
                                         every=every, overrides=overrides)
    elif dev is not None or set_:
        raise EconerError("--dev and --set go with --retrain")
    server = make_server(served, host, port)
    bound_host, bound_port = server.server_address[:2]
    if not _loopback(host):
        print(f"warning: listening on {host}: any machine that reaches it can use it",
              file=sys.stderr)
    print(f"econer ML backend for {chosen.name} (model version {chosen.version}) on "
          f"http://{bound_host}:{bound_port}", flush=True)
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        server.server_close()


@app.command("connect")
def connect(
    backend_url: str = typer.Option("http://127.0.0.1:9090", "--backend",
                                    help="The running `econer ls backend`."),
    project: str = PROJECT,
    fetch: bool = typer.Option(True, "--fetch/--no-fetch",
                               help="Fetch predictions for every task now (else on opening)."),
    url: str = URL,
    token: str = TOKEN,
) -> None:
    """Register a running ML backend with a project; annotators then see its predictions.

    Idempotent: the project's backend is re-pointed at this URL, never a second one added
    (Label Studio asks only a project's first backend). The server must accept a backend on
    127.0.0.1, which `econer ls serve` allows.

    Examples:

      econer ls backend &  econer ls connect

      econer ls connect --backend http://127.0.0.1:9091 --project news-2011 --no-fetch
    """
    from econer.annotate.labelstudio.connect import connect_backend, retrieve_predictions

    client = _client(url, token)
    project_id = client.project(project)
    done = connect_backend(client, project_id, backend_url)
    if done.previous_url is None:
        made = "connected"
    elif done.previous_url == backend_url.rstrip("/"):
        made = "updated"
    else:
        made = f"connected in place of {done.previous_url}"
    print(f"project {project!r} (id {project_id}): backend {backend_url} {made} "
          f"(id {done.backend_id}, {done.state or 'state unknown'}); model version "
          f"{done.model_version}")
    if fetch:
        from rich.progress import Progress

        with Progress(transient=True) as bar:
            job = bar.add_task(f"fetching predictions of {done.model_version}", total=None)
            done_tasks, total = retrieve_predictions(
                client, project_id, done.model_version,
                progress=lambda n, of: bar.update(job, completed=n, total=of))
        print(f"{done_tasks} of {total} tasks have predictions of {done.model_version}")


def _stderr_status(text: str) -> Any:
    from rich.console import Console

    return Console(stderr=True).status(text)


@app.command("rank")
def rank(
    project: str = PROJECT,
    system: str = SYSTEM,
    other: str | None = typer.Option(
        None, "--other", help="A second system: where the two disagree, a task ranks higher."),
    url: str = URL,
    token: str = TOKEN,
) -> None:
    """Order the queue: write each task's uncertainty to its data and save a sorted view.

    Fields (sortable columns in the data manager): econer_doubt (1 - the lowest span score),
    econer_density (spans per 100 characters, capped at 1), econer_disagreement (with
    --other: 1 - the strict F1 between the two systems) and econer_priority, their mean.
    The tab "econer: most uncertain first" sorts by econer_priority; "Label All Tasks" from
    it serves the least certain first. Re-running only updates tasks whose fields changed.

    Examples:

      econer ls rank

      econer ls rank --system run:runs/small --other rules --project news-2011
    """
    from rich.progress import Progress

    from econer.annotate.labelstudio.connect import (
        VIEW_TITLE,
        ensure_view,
        priority_updates,
        write_task_data,
    )
    from econer.annotate.labelstudio.ordering import uncertainty
    from econer.annotate.labelstudio.tasks import task_doc_id, task_document

    chosen = _system(system)
    second = _system(other) if other else None
    client = _client(url, token)
    project_id = client.project(project)
    with _stderr_status(f"exporting project {project!r}"):
        tasks = [t for t in client.export_tasks(project_id) if task_doc_id(t) is not None]
    docs = [task_document(t) for t in tasks]
    with _stderr_status(f"predicting {len(docs)} documents with {chosen.name}"):
        predicted = list(chosen.predict(docs))
        others = list(second.predict(docs)) if second else [None] * len(docs)
    fields = {d.id: uncertainty(d, o).task_fields() for d, o in zip(predicted, others,
                                                                    strict=True)}
    updates = priority_updates(tasks, fields)
    with Progress(transient=True) as bar:
        job = bar.add_task("updating tasks", total=len(updates))
        # 4 calls at a time: 300 tasks took 56-63 s against 73-84 s one at a time (2 cores)
        write_task_data(client, updates, lambda n: bar.update(job, completed=n), workers=4)
    view = ensure_view(client, project_id)
    print(f"project {project!r}: {len(updates)} tasks updated, {len(tasks) - len(updates)} "
          f"unchanged; view {VIEW_TITLE!r} (id {view}) sorts by econer_priority")


def _print_simulation(title: str, sim: Any) -> None:
    from rich import box
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, box=box.SIMPLE_HEAD)
    table.add_column("ordering")
    for share in sim.shares:
        table.add_column(f"{share:.0%}", justify="right")
    for name, needed in sim.needed.items():
        table.add_row(name, *(f"{n:g}" for n in needed))
    Console().print(table)
    print(f"documents to annotate, in that order, to fix that share of the {sim.errors} "
          f"pre-label errors (spurious + missed spans) in {sim.documents} documents; "
          "random: mean of 20 shuffles; oracle: most errors first")


@app.command("simulate")
def simulate(
    gold: Path = typer.Argument(..., help="Gold span JSON lines (in import order)."),
    pred: Path = typer.Argument(..., help="The pre-labels' span JSON lines (with scores)."),
    other: Path | None = typer.Option(None, "--other",
                                      help="A second system's spans: adds the disagreement "
                                      "ordering."),
    paragraphs: bool = typer.Option(False, "--paragraphs",
                                    help="Rank paragraphs (cut at line breaks), not documents."),
    labels: str | None = typer.Option(None, "--labels", help="Only these labels (comma-"
                                      "separated), e.g. COMPANY for a company-only gold."),
) -> None:
    """How many documents each ordering needs to fix a share of the pre-label errors.

    Offline, on files (what `econer ls status` shows for a project's annotated tasks).

    Examples:

      econer prelabel seeds/ --out pre.jsonl

      econer ls simulate seeds/gold/seeds.jsonl pre.jsonl --paragraphs

      econer ls simulate cluener.jsonl cluener-rules.jsonl --labels COMPANY
    """
    from econer.annotate.labelstudio import ordering
    from econer.jsonl import read_documents

    keep = set(labels.split(",")) if labels else None

    def load(path: Path) -> list[Document]:
        docs = list(read_documents(path))
        if keep is not None:
            docs = [d.with_spans([s for s in d.spans if s.label in keep]) for d in docs]
        if paragraphs:
            docs = [p for d in docs for p in ordering.paragraphs(d)]
        return docs

    gold_docs = load(gold)
    if not gold_docs:
        raise EconerError(f"{gold}: no gold documents")
    predicted = load(pred)
    missing = {d.id for d in gold_docs} - {d.id for d in predicted}
    if missing:
        raise EconerError(f"{pred}: no prediction for {len(missing)} gold documents "
                          f"(e.g. {sorted(missing)[0]!r})")
    sim = ordering.simulate(gold_docs, predicted, load(other) if other else None)
    _print_simulation(f"{gold.name} vs {pred.name}", sim)

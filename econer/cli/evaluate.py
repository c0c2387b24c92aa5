"""``econer eval``: scorecards of any number of systems on one gold, or over folds."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from econer.errors import EconerError

if TYPE_CHECKING:
    from econer.spans import Document

DEFAULT_CONFIG = "small.yaml"  # the model --folds trains when no --config is given
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.+-]*$")


def parse_pred(values: Sequence[str]) -> dict[str, Path]:
    """``["rules=a.jsonl", ...]`` as ``{"rules": Path("a.jsonl")}``; one-line errors.

    >>> parse_pred(["rules=out/a.jsonl"])
    {'rules': PosixPath('out/a.jsonl')}
    >>> parse_pred(["a.jsonl"])
    Traceback (most recent call last):
    ...
    econer.errors.EconerError: --pred 'a.jsonl': expected NAME=PATH, e.g. ...
    """
    systems: dict[str, Path] = {}
    for value in values:
        name, sep, path = value.partition("=")
        if not sep or not path or not _NAME.match(name):
            raise EconerError(f"--pred {value!r}: expected NAME=PATH, "
                              "e.g. --pred rules=prelabels.jsonl")
        if name in systems:
            raise EconerError(f"--pred {value!r}: the name {name!r} is given twice")
        systems[name] = Path(path)
    return systems


def evaluate(
    gold: Path | None = typer.Option(
        None, "--gold", "-g", help="Gold JSON lines (default with --folds: the folds' gold)."),
    pred: list[str] = typer.Option([], "--pred", "-p", metavar="NAME=PATH",
                                   help="A system's predictions; repeat for each system."),
    out: Path = typer.Option(Path("scorecard"), "--out", "-o",
                             help="Folder for scorecard.json, .md, .html and plots."),
    seed: int = typer.Option(0, "--seed", help="Seed of the bootstrap draw."),
    samples: int = typer.Option(1000, "--samples", min=1, help="Bootstrap samples."),
    context: int = typer.Option(20, "--context", min=0,
                                help="Characters of context either side of an error."),
    folds: bool = typer.Option(False, "--folds",
                               help="Cross-validate: run the rules and the training "
                               "config(s) over the folds."),
    fold: str | None = typer.Option(
        None, "--fold", help="Score only this fold's test documents (of --folds-file), e.g. "
        "the seed a model held out."),
    folds_file: Path | None = typer.Option(None, "--folds-file",
                                           help="Folds YAML (default configs/folds/seeds.yaml)."),
    system: list[str] = typer.Option(
        [], "--system", "-s", metavar="[NAME=]KIND[:ARG]",
        help="With --folds: a system to cross-validate, by name (repeatable): rules, "
        "rules:DIR, small=configs/train/small.yaml (trained per fold), run:RUN_DIR. "
        "Default: rules and configs/train/small.yaml."),
    config: list[Path] = typer.Option([], "--config", "-c",
                                      help="With --folds: a training config to train per "
                                      "fold, named after the file (repeatable; alongside the "
                                      "rules unless --system is given)."),
    set_: list[str] = typer.Option([], "--set", metavar="KEY=VALUE",
                                   help="With --folds: override a training config key, e.g. "
                                   "--set train.epochs=2 (YAML value; repeatable)."),
    no_model: bool = typer.Option(False, "--no-model",
                                  help="With --folds: the rules only (--system rules)."),
    rules_dir: Path | None = typer.Option(
        None, "--rules", help="With --folds: the rules folder of the default rules system."),
    progress: bool = typer.Option(True, "--progress/--no-progress",
                                  help="Show a progress bar on stderr."),
) -> None:
    """Score systems against gold: strict P/R/F1 with 95% bootstrap intervals, MUC-5
    partial matching, value accuracy, paired tests between systems, error analysis.

    Writes OUT/scorecard.json (schema econer.scorecard/1), OUT/scorecard.md (for a review),
    OUT/scorecard.html (plots first) and the plots as PNG, and prints the headline figures.
    Every prediction file must hold every gold document with the same text; a run record
    beside it (OUT.jsonl.run.json, written by prelabel and predict) adds the throughput.

    Examples:

      econer eval --gold seeds/gold/seeds.jsonl --pred rules=prelabels.jsonl --out card/

      econer eval -g gold.jsonl -p rules=a.jsonl -p bert=b.jsonl --out card/ --samples 5000

      econer eval -g seeds/gold/seeds.jsonl -p small=small.jsonl --fold loo-003 --out card/

      econer eval --folds --out card-cv/        # the rules and configs/train/small.yaml

      econer eval --folds --no-model --out card-rules-cv/

      econer eval --folds -s rules -s small=configs/train/small.yaml -s prod=run:runs/small

      econer eval --folds -c configs/train/tiny.yaml --set train.epochs=1 --out card-smoke/
    """
    from econer.config import parse_sets
    from econer.eval.scorecard import System, build_scorecard, load_system
    from econer.folds import load_folds
    from econer.jsonl import read_gold_documents

    named = parse_pred(pred)
    if out.exists() and not out.is_dir():
        raise EconerError("exists and is not a folder (--out wants a folder)", path=out)
    from econer.eval.output import FILES
    from econer.outputs import guard

    guard([gold, *named.values()], [("--out", out / name) for name in FILES])
    if folds:
        if fold:
            raise EconerError("--fold scores one fold of given predictions; --folds runs them all")
        if named:
            raise EconerError("--folds runs the systems itself: give --config, not --pred")
        folds_def = load_folds(folds_file)
        gold_path = gold or folds_def.gold
        gold_docs = read_gold_documents(gold_path)
        specs = _specs(system, config, no_model, rules_dir)
        cv = _cross_validate(gold_docs, folds_def, specs, parse_sets(set_), progress)
        card = build_scorecard(
            cv.gold, {name: System(docs, run=cv.runs[name])
                      for name, docs in cv.predictions.items()},
            samples=samples, seed=seed, context=context, gold_path=_shown(gold_path))
        card["crossval"] = cv.summary
    else:
        if gold is None:
            raise EconerError("give --gold GOLD.jsonl (or --folds to cross-validate)")
        if not named:
            raise EconerError("give at least one --pred NAME=PATH")
        if system or config or no_model or set_ or rules_dir:
            raise EconerError("--system, --config, --set, --rules and --no-model go with --folds")
        import contextlib

        from rich.console import Console

        status = (Console(stderr=True).status(f"scoring {', '.join(named)} "
                                              f"({samples} bootstrap samples)")
                  if progress else contextlib.nullcontext())
        with status:
            gold_docs = read_gold_documents(gold)
            if fold is not None:
                gold_docs = _fold_test_docs(gold_docs, fold, folds_file)
            loaded = {name: load_system(gold_docs, path) for name, path in named.items()}
            card = build_scorecard(gold_docs, loaded, samples=samples, seed=seed,
                                   context=context, gold_path=str(gold))
    _finish(card, out)


def _fold_test_docs(gold: list[Document], name: str, folds_file: Path | None) -> list[Document]:
    """The gold documents a fold tests on (a model trained on that fold never saw them)."""
    from econer.folds import load_folds

    folds = load_folds(folds_file)
    match = [f for f in folds.folds if f.name == name]
    if not match:
        known = ", ".join(f.name for f in folds.folds)
        raise EconerError(f"--fold {name!r}: no such fold in {folds.name} (known: {known})")
    return match[0].split(gold)[1]


def _shown(path: Path) -> str:
    """``path`` relative to the working folder where it lies inside it (shorter reports)."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _finish(card: dict[str, Any], out: Path) -> None:
    from rich.console import Console
    from rich.table import Table

    from econer.eval.output import write_scorecard
    from econer.eval.report_md import fmt, fmt_ci

    write_scorecard(card, out)
    table = Table(title=f"strict F1 on {card['gold']['documents']} gold documents, "
                        + (f"95% bootstrap CI ({card['bootstrap']['samples']} samples)"
                           if card["bootstrap"].get("intervals", True) else
                           f"no interval (a bootstrap needs {card['bootstrap']['min_documents']}"
                           " documents)"))
    table.add_column("system")
    for label in card["labels"]:
        table.add_column(label[:4], justify="right")
    for col in ("micro", "95% CI", "macro", "chars/s"):
        table.add_column(col, justify="right")
    for name, s in card["systems"].items():
        strict = s["strict"]
        ci = strict["micro"]["ci"]["f1"]
        speed = (s["throughput"] or {}).get("chars_per_second")
        table.add_row(
            name,
            *(fmt(strict["per_label"][lab]["f1"], 2) for lab in card["labels"]),
            fmt(strict["micro"]["f1"]),
            "–" if not ci else f"{ci[0]:.2f}–{ci[1]:.2f}",
            fmt(strict["macro"]["f1"]),
            "–" if speed is None else f"{speed:,.0f}",
        )
    console = Console()
    console.print(table)
    for c in card["comparisons"]:
        t = c["micro_f1"]
        if t["delta"] is not None and t["p_value"] is None:  # too few documents to test
            console.print(f"{c['a']} − {c['b']}: micro F1 {t['delta']:+.3f} ({t['note']})")
        elif t["delta"] is not None:
            verdict = "significant" if t["significant"] else "not significant"
            console.print(f"{c['a']} − {c['b']}: micro F1 {t['delta']:+.3f} "
                          f"{fmt_ci(t['ci'])}, p = {t['p_value']:.3f} ({verdict})")
    if "crossval" in card:
        for name, s in card["crossval"]["systems"].items():
            m, sd = s["mean"]["micro"], s["std"]["micro"]
            spread = "–" if m is None else f"{m:.3f} ± {sd:.3f}"
            console.print(f"cross-validation {name}: micro F1 {spread} over "
                          f"{len(card['crossval']['fold_names'])} folds")
    console.print(f"wrote {out}/scorecard.json, scorecard.md, scorecard.html")


def _specs(values: list[str], configs: list[Path], no_model: bool,
           rules_dir: Path | None) -> list[Any]:
    """The systems ``--folds`` runs: the --system and --config ones; without --system the
    rules and each --config (default configs/train/small.yaml)."""
    from econer.eval.systems import SystemSpec, parse_system, unique_names

    configs_ = [SystemSpec(p.stem, "train", str(p)) for p in configs]
    if values:
        if no_model:
            raise EconerError("--no-model picks the default systems: drop it, or --system")
        specs = [parse_system(v) for v in values] + configs_
    else:  # the defaults: the rules, and the --config models or the small one
        specs = [SystemSpec("rules", "rules")]
        if not no_model:
            from econer.resources import config_path

            specs += configs_ or [SystemSpec(Path(DEFAULT_CONFIG).stem, "train",
                                             str(config_path("train", DEFAULT_CONFIG)))]
    if rules_dir is not None:
        specs = [SystemSpec(s.name, s.kind, str(rules_dir)) if s.kind == "rules" and not s.arg
                 else s for s in specs]
    return unique_names(specs)


def _cross_validate(gold_docs: list[Document], folds_def: Any, specs: list[Any],
                    overrides: dict[str, Any], progress: bool) -> Any:
    """Build the named systems (a bad one fails before any training), run them over the
    folds with a progress bar."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from econer.eval.crossval import cross_validate

    built = {spec.name: spec.build(overrides) for spec in specs}
    if not progress:
        return cross_validate(gold_docs, folds_def.folds, built, folds_name=folds_def.name)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("cross-validating", total=len(folds_def.folds) * len(built))

        def advance(system: str, fold: str) -> None:
            bar.update(task, advance=1, description=f"{system} {fold} done")

        return cross_validate(gold_docs, folds_def.folds, built, folds_name=folds_def.name,
                              on_fold=advance)

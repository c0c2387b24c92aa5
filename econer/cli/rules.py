"""``econer rules ...``: look after the rule pre-labeller's pattern files."""

from __future__ import annotations

from pathlib import Path

import typer

app = typer.Typer(
    help=(
        "The rule pre-labeller's pattern files: learn names from gold, measure each rule's "
        "precision, score the rules, explain a text.\n\n"
        "Start with:  econer rules explain '开州高新区引进投资125.8亿元'"
    ),
    no_args_is_help=True,
)

_RULES = typer.Option(None, "--rules", help="A rules folder (default configs/rules/).")


def _gold(paths: list[Path]):  # noqa: ANN202 - a list of Documents
    from econer.errors import EconerError
    from econer.jsonl import read_documents

    docs = []
    for path in paths:
        if path.suffix != ".jsonl":
            raise EconerError("gold must be a .jsonl file of annotated documents", path=path)
        docs.extend(read_documents(path))
    if not docs:
        raise EconerError("no gold documents read", path=paths[0] if paths else None)
    return docs


@app.command("harvest")
def harvest_cmd(
    gold: list[Path] = typer.Argument(..., help="Gold .jsonl files (corrected annotations)."),
    rules_dir: Path | None = _RULES,
    to: Path | None = typer.Option(None, "--to",
                                   help="Lexicon file to add to (default lexicon/harvested.jsonl "
                                        "in the rules folder)."),
) -> None:
    """Add the COMPANY and PARK names annotators confirmed to a lexicon (idempotent).

    Names already known, or on a stop list, are skipped; running it twice adds nothing.

    Examples:

      econer rules harvest gold/batch-07.jsonl

      econer rules harvest gold/*.jsonl --rules my-rules/ --to my-rules/lexicon/ours.jsonl
    """
    from econer.annotate.rules.harvest import harvest

    path, added = harvest(_gold(gold), rules_dir, to)
    for label, name in added:
        typer.echo(f"+ {label:<8} {name}")
    typer.echo(f"added {len(added)} names to {path}")


@app.command("calibrate")
def calibrate_cmd(
    gold: list[Path] = typer.Argument(..., help="Gold .jsonl files."),
    rules_dir: Path | None = _RULES,
) -> None:
    """Measure each rule's precision on gold and store it as the rule's span score.

    Writes precision.json in the rules folder (which changes the rules version).

    Examples:

      econer rules calibrate seeds/gold/seeds.jsonl
    """
    from econer.annotate.rules.calibrate import calibrate, uncalibrated, write_precision
    from econer.annotate.rules.patterns import load_patterns
    from econer.annotate.rules.ruler import RuleLabeller

    patterns = load_patterns(rules_dir)
    # measured with the rules' default scores: a rerun gives the same file
    table = calibrate(RuleLabeller(uncalibrated(patterns)), _gold(gold))
    for rule, row in table.items():
        typer.echo(f"{rule:<28} n={row['n']:>4} tp={row['tp']:>4} "
                   f"precision={row['precision']:.3f} score={row['score']:.3f}")
    out = patterns.folder / "precision.json"
    write_precision(out, table, [str(p) for p in gold])
    typer.echo(f"wrote {out}")


@app.command("score")
def score_cmd(
    gold: list[Path] = typer.Argument(..., help="Gold .jsonl files."),
    rules_dir: Path | None = _RULES,
) -> None:
    """Strict span P/R/F1 per label of the rules on gold (a quick check; `econer eval`
    makes the full scorecard).

    Examples:

      econer rules score seeds/gold/seeds.jsonl
    """
    from econer.annotate.rules.calibrate import format_scores
    from econer.annotate.rules.ruler import load_rules
    from econer.scoring import strict_scores

    labeller = load_rules(rules_dir)
    docs = _gold(gold)
    predicted = [labeller(doc) for doc in docs]
    typer.echo(f"{labeller.version} on {len(docs)} gold documents (strict spans)")
    typer.echo(format_scores(strict_scores(docs, predicted)))


@app.command("explain")
def explain_cmd(
    text: str = typer.Argument(..., help="A text to label (or @FILE for a file's text)."),
    rules_dir: Path | None = _RULES,
    candidates: bool = typer.Option(False, "--candidates",
                                    help="Also list the candidates that lost an overlap."),
) -> None:
    """Show the spans the rules find in a text, each with the rule that fired.

    Examples:

      econer rules explain '推动摩瑞科技、达望曲轴、智客物联等16个项目'

      econer rules explain @notes.txt --candidates
    """
    from econer.annotate.rules.explain import explain_document
    from econer.annotate.rules.ruler import load_rules
    from econer.jsonl import read_text
    from econer.spans import Document

    if text.startswith("@"):
        text = read_text(Path(text[1:]))
    labeller = load_rules(rules_dir)
    doc = labeller(Document.from_text(text, id="text"))
    typer.echo(explain_document(doc))
    if candidates:
        chosen = {(s.start, s.end, s.label) for s in doc.spans}
        typer.echo("candidates that lost:")
        for c in sorted(labeller.candidates(text), key=lambda c: (c.start, c.end)):
            if (c.start, c.end, c.label) not in chosen:
                typer.echo(f"  {c.start}-{c.end} {c.label:<8} {text[c.start:c.end]}  {c.rule}")


@app.command("gazetteer")
def gazetteer_cmd(
    lexicons: Path = typer.Argument(Path("../shared/lexicons"),
                                    help="The raw lists (a-share/, company-short-names/)."),
    rules_dir: Path | None = _RULES,
) -> None:
    """Build the company gazetteer from the raw lists: listed firms' short, full and former
    names, and the 267K short-name and brand list (a weak signal, used only with a trigger).

    Names are normalised (NFKC, no padding, no ST/*ST/XD prefix, no A/B share letter),
    deduplicated and kept with their sources (file:line); names that are also common words
    are flagged (they need context). Writes gazetteer/listed.tsv, gazetteer/brands.tsv and
    gazetteer/brands-common.tsv (the brand names that are common words) and
    gazetteer/words-nonname.tsv (jieba's verbs, adverbs, numerals, time words ... that no
    firm's name opens or ends with) and gazetteer/words-kind.tsv (its common nouns and
    adjectives: alone before 公司 they name a kind) in the rules folder;
    a rebuild from the same lists is byte-identical.

    Examples:

      econer rules gazetteer ../shared/lexicons

      econer rules gazetteer ../shared/lexicons --rules my-rules/
    """
    from econer.annotate.rules import gazetteer
    from econer.annotate.rules.patterns import default_rules_dir

    listed, brands = gazetteer.build(lexicons)
    paths = gazetteer.write(rules_dir or default_rules_dir(), listed, brands)
    kinds = {k: sum(e.kind == k for e in listed) for k in gazetteer.KINDS}
    typer.echo(f"{len(listed)} listed names ({', '.join(f'{n} {k}' for k, n in kinds.items())}; "
               f"{sum(e.common for e in listed)} also common words), {len(brands)} brand names")
    for path in paths:
        typer.echo(f"wrote {path}")


@app.command("check")
def check_cmd(rules_dir: Path | None = _RULES) -> None:
    """Load and compile a rules folder; print its version and what it holds.

    Examples:

      econer rules check --rules my-rules/
    """
    from econer.annotate.rules.gazetteer import Gazetteer
    from econer.annotate.rules.patterns import load_patterns

    patterns = load_patterns(rules_dir)
    names = sum(len(v) for v in patterns.lexicon.names.values())
    stops = sum(len(v) for v in patterns.lexicon.stop.values())
    gazetteer = Gazetteer.load(patterns.folder)
    listed = (f"{len(gazetteer.listed)} listed names, {len(gazetteer.brands)} brand names"
              if gazetteer else "no gazetteer")
    typer.echo(f"{patterns.version}: {len(patterns.rules)} regex rules, "
               f"{len(patterns.enumerations)} enumerations, {len(patterns.lists)} lists, "
               f"{names} known names, {stops} stop names, {listed}, "
               f"{len(patterns.precision)} calibrated rules ({patterns.folder})")

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


@app.command("attest")
def attest_cmd(
    corpus: list[Path] = typer.Argument(
        ..., help="Unlabelled text: JSON-lines files of {\"id\", \"text\"} articles, or "
                  "folders of them (e.g. ../shared/corpus)."),
    heldout: str | None = typer.Option(
        None, "--heldout",
        help="A glob of devset (or devset-sample) files whose articles are not read, so no "
             "test paragraph's own article attests a name it is scored on (default the "
             "shipped test sets: every file of eval/devsets/ with test in its name); '' "
             "reads every article."),
    not_names: list[Path] | None = typer.Option(
        None, "--not-names", help="Gold .jsonl files whose names are never attested "
                                  "(default the seed gold: no seed name in any lexicon)."),
    min_articles: int = typer.Option(2, "--min-articles", min=1,
                                     help="Articles a name must stand in as a firm."),
    min_acts: int = typer.Option(3, "--min-acts", min=1,
                                 help="Articles a common word (苹果, 大众) must act in."),
    out: Path | None = typer.Option(None, "--out", "-o",
                                    help="The lexicon to write (default "
                                         "lexicon/attested.jsonl in the rules folder)."),
    rules_dir: Path | None = _RULES,
) -> None:
    """Attest the lists' weak names from unlabelled text: a short name the corpus shows as a
    firm (三星公司, 苹果股价, 收购雀巢, 苹果、诺基亚) in enough articles is proposed bare.

    Reads each article once; counts, for every listed or 267K-list name, the articles where
    it opens a word right before a company word or right after a deal word, or stands in a
    list beside a known firm. A common word (苹果, 大众) counts only its acts, never 公司
    after it (食品公司 is a kind); numerals, verbs, place words and generic names (石油集团)
    are never attested. Writes lexicon/attested.jsonl (each name with its evidence; the
    rules then propose it as company.attested, with the lexicon's product and place guards).
    Same text, same rules: the same file.

    Examples:

      econer rules attest ../shared/corpus

      econer rules attest my-news/ --heldout '' --min-articles 3 --out my-attested.jsonl
    """
    import glob
    import json

    from rich.console import Console
    from rich.progress import track

    from econer.annotate.rules import attest
    from econer.annotate.rules.names import NameFinder
    from econer.annotate.rules.patterns import load_patterns
    from econer.errors import EconerError
    from econer.jsonl import read_documents
    from econer.resources import seed_gold

    files: list[Path] = []
    for path in corpus:
        found = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
        if not found or not all(f.is_file() for f in found):
            raise EconerError("no corpus .jsonl file here", path=path)
        files.extend(found)
    from econer.eval.devsets import DEVSETS_DIR

    pattern = str(DEVSETS_DIR / "*test*.jsonl") if heldout is None else heldout
    exclude: set[str] = set()
    for name in sorted(glob.glob(pattern)) if pattern else []:
        for number, line in enumerate(Path(name).read_text(encoding="utf-8").split("\n"), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                exclude.add(str(row.get("article") or row["meta"]["article"]))
            except (json.JSONDecodeError, KeyError, TypeError, AttributeError):
                raise EconerError("expected a devset line naming its article", path=name,
                                  line=number) from None
    patterns = load_patterns(rules_dir)
    finder = NameFinder(patterns)
    articles = list(attest.read_corpus(files, exclude))
    console = Console(stderr=True)
    entries = attest.attest(patterns, finder,
                            track(articles, description="reading articles", console=console,
                                  transient=True), min_articles, min_acts)
    gold = not_names if not_names is not None else [seed_gold()]
    banned = {s.text for path in gold if path.is_file() for d in read_documents(path)
              for s in d.spans if s.label == "COMPANY"}
    entries = [e for e in entries if e["pattern"] not in banned]
    target = out or patterns.folder / attest.DEFAULT_FILE
    held = "the test devsets (eval/devsets/*test*.jsonl)" if heldout is None else heldout
    sources = [f.name for f in files] + ([f"less the articles of {held}"] if pattern else [])
    attest.write(target, entries, sources)
    common = sum(e["common"] for e in entries)
    typer.echo(f"{len(articles)} articles read ({len(exclude)} held out); {len(entries)} names "
               f"attested ({common} common words) -> {target}")


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

"""``econer gold devset-sample --out FILE``: draw new held-out paragraphs for annotation."""

from __future__ import annotations

import re
from pathlib import Path

import typer

# The corpus files of each source; the stock news is split in two files, drawn as one pool.
SOURCES = {
    "industry": ("industry-news-2011.jsonl",),
    "stock": ("stock-news-2018.part1.jsonl", "stock-news-2018.part2.jsonl"),
}


def devset_sample(
    out: Path = typer.Option(..., "--out", "-o",
                             help="Where to write the drawn paragraphs (documents, no spans)."),
    industry: int = typer.Option(20, "--industry", min=0,
                                 help="Paragraphs from industry-news-2011.jsonl."),
    stock: int = typer.Option(20, "--stock", min=0,
                              help="Paragraphs from the two stock-news-2018 files."),
    seed: int = typer.Option(..., "--seed", help="random.Random seed (record it in the "
                             "devsets README; each round has used a new one)."),
    min_chars: int = typer.Option(60, "--min-chars", min=1),
    max_chars: int = typer.Option(300, "--max-chars", min=1),
    contains: str | None = typer.Option(None, "--contains", help="Only paragraphs in which "
                                        "this regular expression matches (a park supplement: "
                                        "'园区|工业园|开发区|…')."),
    max_overlap: float = typer.Option(0.5, "--max-overlap", min=0.0, max=1.0,
                                      help="Skip a paragraph when more than this share of its "
                                      "12-character runs stands in one paragraph already "
                                      "annotated (a shipped devset's or an --exclude file's): "
                                      "the corpus repeats stories across articles. 1 keeps all."),
    exclude: list[Path] = typer.Option([], "--exclude", help="Drawn files not yet shipped "
                                       "(e.g. this round's test draw): their articles are "
                                       "skipped too. Repeatable."),
    shared: Path = typer.Option(Path("../shared"), "--shared", envvar="ECONER_SHARED",
                                help="The shared folder that holds corpus/."),
) -> None:
    """Draw paragraphs of the shared corpus that no shipped devset has used, for new gold.

    Each source's paragraphs (lines after the title, MIN-MAX characters, not page
    furniture; with --contains, only those it matches) are shuffled by
    random.Random(SEED); at most one paragraph is taken per article, and no article of
    eval/devsets/ or of an --exclude file is drawn, nor a near copy of a paragraph they hold
    (--max-overlap). The sources are interleaved (industry, stock, ...). The output holds
    the texts (for annotation only: never ship it); annotate it by the standard without
    looking at rule or model output, then freeze it with `econer gold devset-freeze`. Same
    corpus, seed and devsets: same draw.

    Examples:

      econer gold devset-sample --seed 2201 --industry 20 --stock 20 --out draw-test.jsonl

      econer gold devset-sample --seed 2211 --exclude draw-test.jsonl --out draw-dev.jsonl

      econer gold devset-sample --seed 2221 --industry 40 --stock 0 --min-chars 40
      --contains '园区|工业园|开发区|高新区' --out draw-park.jsonl
    """
    from econer.errors import EconerError
    from econer.eval.devsample import (
        CopyIndex,
        candidates,
        interleave,
        sample,
        shipped_paragraphs,
        used_articles,
    )
    from econer.eval.devsets import DEVSETS_DIR, read_articles
    from econer.ingest import default_furniture
    from econer.jsonl import read_documents, write_documents

    if min_chars > max_chars:
        raise EconerError(f"--min-chars {min_chars} is above --max-chars {max_chars}")
    if out.resolve().parent in {DEVSETS_DIR.resolve(), (shared / "corpus").resolve()}:
        raise EconerError(f"{out}: drawn texts must not be written into {DEVSETS_DIR} "
                          "or the corpus folder (the news may not be shipped)")
    used = used_articles()
    annotated: list[str] = []
    for path in exclude:
        if path.resolve() == out.resolve():
            raise EconerError(f"{out}: --out is also an --exclude input; never write over it")
        for doc in read_documents(path):
            corpus, article = doc.meta.get("corpus"), doc.meta.get("article")
            if not (isinstance(corpus, str) and isinstance(article, str)):
                raise EconerError(f"document {doc.id!r} lacks meta corpus/article", path=path)
            used.add((corpus, article))
            annotated.append(doc.text)
    furniture = default_furniture()
    try:
        wanted_in = re.compile(contains) if contains else None
    except re.error as exc:
        raise EconerError(f"--contains {contains!r}: bad regular expression ({exc})") from None

    def drop(text: str) -> bool:  # page furniture, or, with --contains, not asked for
        return any(p.fullmatch(text) for p in furniture.drop_lines) or (
            wanted_in is not None and not wanted_in.search(text))

    articles = {corpus: read_articles(shared / "corpus" / corpus)
                for files in SOURCES.values() for corpus in files}
    copies = CopyIndex([*shipped_paragraphs(articles), *annotated])
    drawn = []
    for source, wanted in (("industry", industry), ("stock", stock)):
        pool = []
        for corpus in SOURCES[source]:
            pool += candidates(corpus, articles[corpus], min_chars=min_chars,
                               max_chars=max_chars,
                               exclude={a for c, a in used if c == corpus},
                               drop=drop)
        kept = [c for c in pool if max_overlap >= 1 or copies.overlap(c.text) <= max_overlap]
        taken = sample(kept, wanted, seed)
        unused = len({(c.corpus, c.article) for c in kept})
        typer.echo(f"{source}: {len(kept)} paragraphs in {unused} unused articles "
                   f"({len(pool) - len(kept)} near copies of annotated ones left out); "
                   f"drew {len(taken)} of {wanted}", err=True)
        if len(taken) < wanted:
            raise EconerError(f"{source}: only {len(taken)} unused articles hold a paragraph "
                              f"of {min_chars}-{max_chars} characters; ask for fewer or "
                              "widen --min-chars/--max-chars")
        drawn.append(taken)
    count = write_documents(out, (c.document() for c in interleave(drawn)))
    typer.echo(f"wrote {count} paragraphs (seed {seed}) to {out}")

"""``econer gold devset NAME --out FILE``: rebuild a held-out news gold set from the corpus."""

from __future__ import annotations

from pathlib import Path

import typer


def devset(
    names: list[str] = typer.Argument(..., help="Devsets, by file name in eval/devsets/, or a "
                                      "group: dev (every dev set), test (every test set), all. "
                                      "Several are written to one file, in order. The sets: "
                                      "news-dev, "
                              "news-test, news-park-dev, news-park-test; round two news-dev2, "
                              "news-park-dev2, news-park-test2; round three news-dev3, "
                              "news-test3, news-test4, news-park-test3, news-dev4, "
                              "news-dev5; round four news-test5, news-test6, news-dev6; "
                              "round five news-test7, news-test8; round six news-dev7, "
                              "news-test9, news-test10, news-dev8; round seven "
                              "news-dev9, news-dev10; round eight news-test11, "
                              "news-test12, news-dev11; round nine news-test13, "
                              "news-test14, news-dev12, news-park-test4; round ten "
                              "news-test15, news-test16; round eleven news-test17, "
                              "news-test18, news-dev13; round twelve news-test19, "
                              "news-test20; round thirteen news-test21, news-test22; round "
                              "fourteen news-test23, news-test24; round fifteen "
                              "news-test25, news-test26; round sixteen news-test27."),
    out: Path = typer.Option(..., "--out", "-o", help="Where to write the gold .jsonl."),
    shared: Path = typer.Option(Path("../shared"), "--shared", envvar="ECONER_SHARED",
                                help="The shared folder that holds corpus/."),
) -> None:
    """Write held-out news gold: hand-made spans on paragraphs of the shared corpus.

    The repository ships only offsets, labels and a SHA-1 per paragraph (the news
    may not be shipped); the texts are read from SHARED/corpus/ and must hash
    as annotated. The *dev* sets are for tuning and model selection; keep the *test*
    sets for the final figures (eval/devsets/README.md says which was scored when).

    Examples:

      econer gold devset news-dev --out news-dev.jsonl

      econer prelabel news-dev.jsonl --out news-dev.rules.jsonl

      econer eval --gold news-dev.jsonl --pred rules=news-dev.rules.jsonl --out card-news/

      econer gold devset news-test17 news-test18 --out round11.jsonl

      econer gold devset dev --out all-dev.jsonl
    """
    from econer.errors import EconerError
    from econer.eval.devsets import DEVSETS_DIR, available, load_devset
    from econer.jsonl import write_documents

    # Never write over an input: the references or the corpus they point into.
    if out.resolve().parent in {DEVSETS_DIR.resolve(), (shared / "corpus").resolve()}:
        raise EconerError(f"{out}: --out must not be inside {DEVSETS_DIR} or the corpus folder")
    known = available()
    groups = {"dev": [n for n in known if "-dev" in n], "test": [n for n in known if "-test" in n],
              "all": known}
    chosen = list(dict.fromkeys(n for name in names for n in groups.get(name, [name])))
    docs, counts = [], []
    for name in chosen:  # every set is read (and checked) before anything is written
        found = load_devset(name, shared)
        docs.extend(found)
        counts.append(f"{name} {len(found)}")
    count = write_documents(out, docs)
    typer.echo(f"wrote {count} gold documents ({', '.join(counts)}) to {out}")

"""``econer learning-curve``: retrain with 0, 1, 2, 4 gold documents; F1 against gold size."""

from __future__ import annotations

from pathlib import Path

import typer


def learning_curve(
    config: Path = typer.Argument(Path("configs/train/default.yaml"),
                                  help="A training config (its silver and external data stay "
                                       "fixed; only the gold varies)."),
    out: Path = typer.Option(..., "--out", "-o", help="A folder: one run a size, curve.json, "
                                                      "curve.md, curve.png."),
    sizes: str = typer.Option("0,1,2,4", "--sizes", help="Gold document counts, comma-separated."),
    held_out: Path | None = typer.Option(None, "--held-out",
                                         help="Gold to score on (default: the fold's test "
                                              "documents, see --fold)."),
    fold: str = typer.Option("loo-003", "--fold",
                             help="Without --held-out: this fold's test documents are scored, "
                                  "its other documents are the pool gold is drawn from."),
    gold_weight: float = typer.Option(
        5.0, "--gold-weight", min=0.0,
        help="How often each gold document is repeated in training (data.mix.gold; the "
             "default config has 0, which keeps the seeds held out of the shipped model)."),
    full: bool = typer.Option(False, "--full", help="Train as the config says (default: a cheap "
                                                     "curve, 1 epoch over a sample)."),
    set_: list[str] = typer.Option([], "--set", help="Override any config key (YAML value)."),
    progress: bool = typer.Option(True, "--progress/--no-progress"),
) -> None:
    """How much does annotated gold pay off? Train the config once per gold size.

    Each run adds the first N gold documents (a seeded order, nested) to the config's silver
    and external data and is scored on the same held-out gold. By default the curve is cheap
    (1 epoch, 300 silver documents, 2,000 CLUENER sentences): its
    shape, not the default model's figures; --full trains as the config says.

    Examples:

      econer learning-curve --out out/curve

      econer learning-curve configs/train/default.yaml --held-out news-dev.jsonl --out out/c

      econer learning-curve --sizes 0,2,4 --full --out out/curve-full
    """
    import yaml
    from rich.console import Console

    from econer.errors import EconerError
    from econer.jsonl import read_documents
    from econer.models.config import load_config
    from econer.models.curve import learning_curve as run_curve
    from econer.models.data import read_gold, split_gold

    try:
        counts = [int(s) for s in sizes.split(",") if s.strip()]
    except ValueError:
        raise EconerError(f"--sizes wants whole numbers like 0,1,2,4, got {sizes!r}") from None
    if not counts or min(counts) < 0:
        raise EconerError(f"--sizes wants counts >= 0, got {sizes!r}")
    overrides: dict[str, object] = {}
    if not full:
        overrides = {"train.epochs": 1, "data.silver_limit": 300}
        if load_config(config).data.cluener is not None:
            overrides["data.cluener.limit"] = 2000
    for item in set_:
        key, sep, value = item.partition("=")
        if not sep:
            raise EconerError(f"--set wants KEY=VALUE, got {item!r}")
        overrides[key.strip()] = yaml.safe_load(value)
    if held_out is None:
        overrides["data.fold"] = fold
    cfg = load_config(config, overrides)
    cfg.data.mix = {**cfg.data.mix, "gold": gold_weight}  # the curve is about gold
    if held_out is None:
        pool, test = split_gold(cfg.data)
    else:
        test = list(read_documents(held_out))
        ids = {d.id for d in test}
        pool = [d for d in read_gold(cfg.data.gold) if d.id not in ids]
    if max(counts) > len(pool):
        raise EconerError(f"--sizes asks for {max(counts)} gold documents, the pool has "
                          f"{len(pool)}")
    rows = run_curve(cfg, pool, test, counts, out, seed=cfg.train.seed, progress=progress)
    Console(stderr=True).print(f"{len(rows)} runs scored on {len(test)} held-out documents "
                               f"-> {out}/curve.md, curve.png")
    print((out / "curve.md").read_text(encoding="utf-8"), end="")

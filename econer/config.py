"""One typed loader for every YAML file econer reads, and the one ``--set KEY=VALUE`` parser.

A file's shape is a dataclass (fields with type hints and defaults); :func:`load` reads the
YAML, applies dotted overrides and builds the dataclass. An unknown key or a wrong type is
an :class:`~econer.errors.EconerError` naming the file, the line (PyYAML's node marks) and the
key, and for an unknown key the known ones, so a typo such as ``anchr:`` never passes with a
silent default.

>>> from dataclasses import dataclass, field
>>> @dataclass
... class Train:
...     epochs: int = 3
...     lr: float = 1e-3
...     tags: list[str] = field(default_factory=list)
>>> build(Train, {"epochs": 2, "tags": "a"})
Train(epochs=2, lr=0.001, tags=['a'])
>>> build(Train, {"epoch": 2}, path="c.yaml", marks={"epoch": 4})
Traceback (most recent call last):
...
econer.errors.EconerError: c.yaml:4: unknown key 'epoch' (known: epochs, lr, tags)
>>> build(Train, {"epochs": "two"}, path="c.yaml", prefix="train.")
Traceback (most recent call last):
...
econer.errors.EconerError: c.yaml: train.epochs must be int, got 'two'
>>> parse_sets(["train.epochs=2", "data.cluener=null", "name=a=b"])
{'train.epochs': 2, 'data.cluener': None, 'name': 'a=b'}
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from econer.errors import EconerError

if TYPE_CHECKING:
    import yaml

T = TypeVar("T")


def read_yaml(path: str | Path) -> tuple[Any, dict[str, int]]:
    """A YAML file's data and the 1-based line of every key and list item in it, by its
    dotted name (``train.epochs``, ``rules[3].anchor``); bad YAML is a one-line error."""
    from econer.jsonl import read_text  # here: the span core imports this module's users

    path = Path(path)
    return parse_yaml(read_text(path), path)


def parse_yaml(text: str, path: str | Path | None = None) -> tuple[Any, dict[str, int]]:
    """:func:`read_yaml` of text already read (``path`` only names it in errors)."""
    import yaml  # here: importing it is ~15 ms of every start (labels come from a cache)

    try:
        # libyaml's loader where installed: the pure-Python one takes a second on the rules'
        # word lists, most of a cold pre-labelling run's start-up
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        node = yaml.compose(text, Loader=loader)
        data = yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise EconerError(f"bad YAML: {getattr(exc, 'problem', None) or exc}", path=path,
                          line=mark.line + 1 if mark else None) from None
    marks: dict[str, int] = {}
    if node is not None:
        _marks(node, "", marks)
    return data, marks


def _marks(node: yaml.Node, prefix: str, out: dict[str, int]) -> None:
    import yaml

    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            name = f"{prefix}{key.value}"
            out.setdefault(name, key.start_mark.line + 1)
            _marks(value, name + ".", out)
    elif isinstance(node, yaml.SequenceNode):
        base = prefix.rstrip(".")
        for i, item in enumerate(node.value):
            out.setdefault(f"{base}[{i}]", item.start_mark.line + 1)
            _marks(item, f"{base}[{i}].", out)


def load(cls: type[T], path: str | Path, overrides: Mapping[str, Any] | None = None, *,
         empty_ok: bool = True) -> T:
    """The dataclass ``cls`` built from a YAML file; ``overrides`` maps dotted keys
    (``"train.epochs"``, from :func:`parse_sets`) to values that win over the file."""
    data, marks = read_yaml(path)
    if data is None and empty_ok:
        data = {}
    if isinstance(data, dict):
        for key, value in (overrides or {}).items():
            set_dotted(data, key, value)
    return build(cls, data, path=path, marks=marks, overridden=overrides or ())


def set_dotted(data: dict[str, Any], key: str, value: Any) -> None:
    """Set ``a.b.c`` in nested mappings, making the missing ones.

    >>> d = {"a": {"x": 1}}
    >>> set_dotted(d, "a.b.c", 2); d
    {'a': {'x': 1, 'b': {'c': 2}}}
    """
    node = data
    parts = key.split(".")
    for part in parts[:-1]:
        if not isinstance(node.get(part), dict):
            node[part] = {}
        node = node[part]
    node[parts[-1]] = value


def parse_sets(values: Sequence[str], option: str = "--set") -> dict[str, Any]:
    """``["KEY=VALUE", ...]`` as ``{KEY: VALUE}``, each value read as YAML (``2`` an int,
    ``null`` None, ``[a, b]`` a list); every command's ``--set`` goes through here."""
    import yaml

    out: dict[str, Any] = {}
    for value in values:
        key, sep, raw = value.partition("=")
        if not sep or not key.strip():
            raise EconerError(f"{option} {value!r}: expected KEY=VALUE, e.g. "
                              f"{option} train.epochs=2")
        try:
            out[key.strip()] = yaml.safe_load(raw)
        except yaml.YAMLError:
            raise EconerError(f"{option} {value!r}: the value is not valid YAML") from None
    return out


def build(cls: type[T], data: Any, *, path: str | Path | None = None,
          marks: Mapping[str, int] | None = None, prefix: str = "",
          overridden: Iterable[str] = ()) -> T:
    """The dataclass ``cls`` from plain data: nested dataclasses, lists, tuples, mappings,
    optionals, unions and literals are checked against the type hints; a string where a
    list of strings is expected is a one-item list. ``marks`` give errors their line,
    except under the ``overridden`` keys (they came from the command line)."""
    return _Builder(path, marks or {}, set(overridden)).dataclass(cls, data, prefix)


class _Builder:
    def __init__(self, path: str | Path | None, marks: Mapping[str, int],
                 overridden: set[str]) -> None:
        self.path, self.marks, self.overridden = path, marks, overridden

    def fail(self, key: str, message: str) -> EconerError:
        if any(key == k or key.startswith((k + ".", k + "[")) for k in self.overridden):
            return EconerError(message, path=self.path)
        line = self.marks.get(key)
        while line is None and ("." in key or "[" in key):  # the nearest enclosing mark
            key = key[: max(key.rfind("."), key.rfind("["))]
            line = self.marks.get(key)
        return EconerError(message, path=self.path, line=line)

    def dataclass(self, cls: type[Any], data: Any, prefix: str) -> Any:
        where = prefix.rstrip(".") or "the file"
        if not isinstance(data, dict):
            raise self.fail(prefix.rstrip("."), f"{where} must be a mapping of "
                            f"{', '.join(f.name for f in dataclasses.fields(cls))}, "
                            f"got {data!r}")
        hints = typing.get_type_hints(cls)
        fields = [f for f in dataclasses.fields(cls) if f.init]
        names = [f.name for f in fields]
        for key in data:
            if key not in names:
                raise self.fail(prefix + str(key), f"unknown key {prefix + str(key)!r} "
                                f"(known: {', '.join(names)})")
        missing = [f.name for f in fields if f.name not in data
                   and f.default is dataclasses.MISSING
                   and f.default_factory is dataclasses.MISSING]
        if missing:
            raise self.fail(prefix.rstrip("."),
                            f"{where} needs {' and '.join(repr(m) for m in missing)}")
        return cls(**{k: self.value(v, hints[k], prefix + k) for k, v in data.items()})

    def value(self, value: Any, tp: Any, key: str) -> Any:
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if tp is Any:
            return value
        if isinstance(tp, types.UnionType) or origin is typing.Union:
            if value is None and type(None) in args:
                return None
            options = [a for a in args if a is not type(None)]
            for option in options[:-1]:
                try:
                    return self.value(value, option, key)
                except EconerError:
                    continue
            return self.value(value, options[-1], key)
        if origin is typing.Literal:
            if value not in args:
                raise self.fail(key, f"{key} must be one of {', '.join(map(repr, args))}, "
                                f"got {value!r}")
            return value
        if dataclasses.is_dataclass(tp):
            return self.dataclass(tp, value, key + ".")
        if origin in (list, tuple):
            items = [value] if isinstance(value, str) and args and args[0] is str else value
            if not isinstance(items, list):
                raise self.fail(key, f"{key} must be a list, got {value!r}")
            inner = args[0] if args else Any
            out = [self.value(v, inner, f"{key}[{i}]") for i, v in enumerate(items)]
            return tuple(out) if origin is tuple else out
        if origin is dict or tp is dict:
            if not isinstance(value, dict):
                raise self.fail(key, f"{key} must be a mapping, got {value!r}")
            vt = args[1] if len(args) == 2 else Any
            return {str(k): self.value(v, vt, f"{key}.{k}") for k, v in value.items()}
        checks = {
            int: isinstance(value, int) and not isinstance(value, bool),
            float: isinstance(value, int | float) and not isinstance(value, bool),
            bool: isinstance(value, bool),
            str: isinstance(value, str | int | float) and not isinstance(value, bool),
        }
        if tp not in checks:
            raise TypeError(f"econer.config cannot check the type {tp!r} of {key}")
        if not checks[tp]:
            raise self.fail(key, f"{key} must be {tp.__name__}, got {value!r}")
        return tp(value)


__all__ = ["build", "load", "parse_sets", "read_yaml", "set_dotted"]

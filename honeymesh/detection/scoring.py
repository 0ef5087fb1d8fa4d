"""Payload scoring and TLS fingerprint reputation: data files in, explainable scores out.

``PayloadRules`` holds weighted regular expressions and an entropy rule, loaded from a TOML
file (the one shipped in ``honeymesh/detection/rules/payload.toml`` unless ``[detection] rules``
names another) and checked completely at start: every problem is a ``RulesError`` naming the
file, the rule and what is wrong. ``PayloadRules.score(data)`` matches the raw bytes and their
percent-decoded form and returns the score (the sum of the matched weights, capped at 100) with
one reason per rule that matched, so every verdict says why.

``Reputation`` maps known TLS client fingerprints to "bad" (with a score) or "good", looked up
by JA4 first and by JA3 only when the JA4 is unknown (``[detection] reputation``, default
``rules/fingerprints.toml``).
"""

from __future__ import annotations

import importlib
import importlib.resources
import math
import re
import tomllib
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal
from urllib.parse import unquote_to_bytes

import ahocorasick

if not ahocorasick.unicode:  # a build of it for bytes (AHOCORASICK_BYTES): its words are bytes
    raise ImportError("pyahocorasick is built for bytes; HoneyMesh needs its default, text")

#: Most bytes of one payload that are scored; the rest is ignored (the bound on regex work).
MAX_SCORED_BYTES = 16 * 1024
MAX_PATTERN = 512
#: Bytes asked for as integers: ``b"%" in data`` makes CPython 3.11 try the needle as an
#: integer first, raise and clear a TypeError, then search: 1,900 instructions against 130,
#: twice for every payload scored (callgrind).
_PERCENT, _PLUS = ord("%"), ord("+")
_RULE_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
_JA4 = re.compile(
    r"^[tqd](?:1[0-3]|s3|s2|00|d1|d2|d3)[di]\d{4}[a-z0-9]{2}_[0-9a-f]{12}_[0-9a-f]{12}$"
)
_JA3 = re.compile(r"^[0-9a-f]{32}$")


class RulesError(Exception):
    """A rules or reputation file that cannot be used, with where and why."""

    def __init__(self, source: str, where: str, problem: str) -> None:
        self.source = source
        self.where = where
        self.problem = problem
        super().__init__(f"{source}: {where}: {problem}" if where else f"{source}: {problem}")


def shannon_entropy(data: bytes) -> float:
    """Bits of Shannon entropy per byte (0 for empty input, at most 8)."""
    if not data:
        return 0.0
    total = len(data)
    return -sum(n / total * math.log2(n / total) for n in Counter(data).values())


@dataclass(frozen=True)
class PatternRule:
    id: str
    pattern: re.Pattern[bytes]
    weight: float
    description: str
    #: Lower-case byte strings one of which every match contains (``required_literals``);
    #: None when the pattern has no such set, and the rule is then always searched.
    needs: frozenset[bytes] | None = None


# The regular expression parser (re._parser; under its old name, sre_parse, it warns).
_PARSER: Any = importlib.import_module("re._parser")
_OPS: Any = importlib.import_module("re._constants")


def required_literals(pattern: re.Pattern[bytes]) -> frozenset[bytes] | None:
    """Strings one of which (compared in lower case) is in every match of ``pattern``, or None.

    Read from the parsed pattern: a run of literal bytes that every match passes through, or,
    for an alternation, one such set per branch joined. What it does not follow (classes,
    optional parts, look-arounds) it skips, never guesses, so a payload holding none of the
    strings cannot match and the rule's regex need not run. Under ``re.LOCALE`` (``(?L)``)
    case follows the C locale, which ``bytes.lower`` does not know: no strings, as for a part
    scoped by it (``(?L:...)``)."""
    if pattern.flags & re.LOCALE:
        return None
    try:
        parsed = _PARSER.parse(pattern.pattern, pattern.flags)
    except Exception:  # re.compile took it; should parsing fail, the rule is always searched
        return None
    return _needs(list(parsed.data))


def _needs(items: list[tuple[Any, Any]]) -> frozenset[bytes] | None:
    best: frozenset[bytes] | None = None
    run = bytearray()

    def better(found: frozenset[bytes] | None) -> None:
        nonlocal best
        if found and all(found) and (best is None or min(map(len, found)) > min(map(len, best))):
            best = found

    for op, av in [*items, (None, None)]:
        if op is _OPS.LITERAL:
            run.append(av)
            continue
        if run:
            better(frozenset({bytes(run).lower()}))
            run = bytearray()
        if op is _OPS.SUBPATTERN:
            if not av[1] & re.LOCALE:  # its flags added: (?L:...)
                better(_needs(list(av[-1].data)))
        elif op in (_OPS.MAX_REPEAT, _OPS.MIN_REPEAT, _OPS.POSSESSIVE_REPEAT) and av[0] >= 1:
            better(_needs(list(av[2].data)))
        elif op is _OPS.BRANCH:
            branches = [_needs(list(b.data)) for b in av[1]]
            if all(branches):
                better(frozenset().union(*(b for b in branches if b)))
    return best


def _literal_index(
    rules: tuple[PatternRule, ...],
) -> tuple[ahocorasick.Automaton | None, dict[str, frozenset[int]]]:
    """One automaton finding, in one pass over a lower-cased payload, every place where a
    literal any rule needs occurs; and for each literal, the rules needing it. The automaton
    reads text: payload and literals go in as latin-1, one character a byte.

    An Aho-Corasick automaton in C (pyahocorasick) does this pass for about 160 instructions a
    byte; the regular expression it replaced, a trie of the 72 literals tried at every
    position, took about 600 (callgrind: 25,000 against 97,000 over a 150-byte HTTP request,
    4,500 against 6,800 over 8 bytes)."""
    literals = sorted(set().union(*(r.needs for r in rules if r.needs)))
    if not literals:
        return None, {}
    automaton = ahocorasick.Automaton()
    rules_for: dict[str, frozenset[int]] = {}
    for literal in literals:
        text = literal.decode("latin-1")
        automaton.add_word(text, text)
        rules_for[text] = frozenset(i for i, r in enumerate(rules) if literal in (r.needs or ()))
    automaton.make_automaton()
    return automaton, rules_for


@dataclass(frozen=True)
class EntropyRule:
    min_bytes: int
    threshold: float
    weight: float


@dataclass(frozen=True)
class PayloadScore:
    score: float
    reasons: tuple[str, ...]
    matched: tuple[str, ...]  # rule ids, in file order
    entropy: float | None  # bits per byte; None for payloads shorter than the entropy rule's min


@dataclass(frozen=True)
class PayloadRules:
    rules: tuple[PatternRule, ...]
    entropy: EntropyRule
    source: str
    #: All patterns as one alternation: one pass tells whether any rule can match at all, so
    #: benign payloads (most of them) cost one search instead of one per rule. None when a
    #: pattern has capture groups (their numbers would shift in the alternation).
    any_rule: re.Pattern[bytes] | None = None
    #: The literals the rules need, found in one pass (``_literal_index``): a rule whose
    #: literals are all absent is not searched. The rules' alternation took 40-70 us over a
    #: 150-byte HTTP request. An ``ahocorasick.Automaton`` over latin-1 text, and for each
    #: literal (as text) the rules needing it.
    literal_finder: ahocorasick.Automaton | None = field(default=None, compare=False)
    rules_for: Mapping[str, frozenset[int]] = field(default_factory=dict)
    #: The rules the literal index cannot judge (no required literals): always searched.
    unjudged: frozenset[int] = frozenset()

    @classmethod
    def shipped(cls) -> PayloadRules:
        return cls.parse(_shipped("payload.toml"), "honeymesh/detection/rules/payload.toml")

    @classmethod
    def load(cls, path: Path) -> PayloadRules:
        return cls.parse(_read(path), str(path))

    @classmethod
    def parse(cls, text: str, source: str) -> PayloadRules:
        doc = _toml(text, source)
        _only_keys(doc, {"entropy", "rule"}, source, "")
        entropy_table = doc.get("entropy", {"min_bytes": 256, "threshold": 7.2, "weight": 0})
        if not isinstance(entropy_table, dict):
            raise RulesError(source, "entropy", "expected a table")
        _only_keys(entropy_table, {"min_bytes", "threshold", "weight"}, source, "entropy")
        entropy = EntropyRule(
            min_bytes=int(
                _number(entropy_table, "min_bytes", source, "entropy", low=1, high=1 << 20)
            ),
            threshold=_number(entropy_table, "threshold", source, "entropy", low=0, high=8),
            weight=_number(entropy_table, "weight", source, "entropy", low=0, high=100),
        )
        raw_rules = doc.get("rule", [])
        if not isinstance(raw_rules, list):
            raise RulesError(source, "rule", "expected an array of [[rule]] tables")
        rules: list[PatternRule] = []
        seen: set[str] = set()
        for i, raw in enumerate(raw_rules):
            where = f"rule[{i}]"
            if not isinstance(raw, dict):
                raise RulesError(source, where, "expected a table")
            _only_keys(raw, {"id", "pattern", "weight", "description"}, source, where)
            rule_id = _string(raw, "id", source, where)
            where = f"rule {rule_id!r}"
            if not _RULE_ID.match(rule_id):
                raise RulesError(source, where, "id must be 1-64 of a-z 0-9 . _ - (lower case)")
            if rule_id in seen:
                raise RulesError(source, where, "id is used twice")
            seen.add(rule_id)
            pattern = _string(raw, "pattern", source, where)
            if len(pattern) > MAX_PATTERN:
                raise RulesError(source, where, f"pattern is longer than {MAX_PATTERN} characters")
            try:
                compiled = re.compile(pattern.encode("utf-8"), re.IGNORECASE)
            except re.error as e:
                raise RulesError(
                    source, where, f"pattern is not a valid regular expression: {e}"
                ) from None
            if compiled.search(b""):
                raise RulesError(source, where, "pattern matches the empty payload")
            rules.append(
                PatternRule(
                    rule_id,
                    compiled,
                    _number(raw, "weight", source, where, low=0, high=100),
                    _string(raw, "description", source, where),
                    required_literals(compiled),
                )
            )
        any_rule = None
        if rules and not any(r.pattern.groups for r in rules):
            joined = b"|".join(b"(?:" + r.pattern.pattern + b")" for r in rules)
            any_rule = re.compile(joined, re.IGNORECASE)
        finder, rules_for = _literal_index(tuple(rules))
        unjudged = frozenset(i for i, r in enumerate(rules) if r.needs is None)
        return cls(tuple(rules), entropy, source, any_rule, finder, rules_for, unjudged)

    def score(self, data: bytes) -> PayloadScore:
        data = data[:MAX_SCORED_BYTES]
        variants: tuple[bytes, ...] = (data,)
        if _PERCENT in data or _PLUS in data:
            decoded = unquote_to_bytes(data.replace(b"+", b" "))
            if decoded != data:
                variants = (data, decoded)
        candidates = self.rules
        if self.literal_finder is not None:
            let_through: set[int] = set()
            for v in variants:
                for _end, found in self.literal_finder.iter(v.lower().decode("latin-1")):
                    let_through |= self.rules_for[found]
            # the rules let through, and those the index cannot judge (rule.needs is None), in
            # the rules' order: a set's worth, not a walk over every rule (29 shipped)
            chosen = let_through | self.unjudged if self.unjudged else let_through
            candidates = tuple(self.rules[i] for i in sorted(chosen)) if chosen else ()
        elif self.any_rule is not None and not any(self.any_rule.search(v) for v in variants):
            candidates = ()
        e = self.entropy
        if not candidates and len(data) < e.min_bytes:
            # What most payloads come to (a login's name and password, a short command): no
            # rule to search, too short to weigh. Built below, this result cost 8,000 of the
            # 28,000 instructions of scoring a login (callgrind).
            return NOTHING_SCORED
        matched: list[str] = []
        reasons: list[str] = []
        total = 0.0
        for rule in candidates:
            if any(rule.pattern.search(v) for v in variants):
                matched.append(rule.id)
                reasons.append(f"{rule.description} ({rule.id}, +{rule.weight:g})")
                total += rule.weight
        entropy = shannon_entropy(data) if len(data) >= e.min_bytes else None
        if e.weight and entropy is not None and entropy >= e.threshold:
            matched.append("entropy")
            reasons.append(
                f"high entropy: {entropy:.2f} bits/byte over {len(data)} bytes, "
                f"packed or encrypted (+{e.weight:g})"
            )
            total += e.weight
        rounded = None if entropy is None else round(entropy, 3)
        return PayloadScore(min(total, 100.0), tuple(reasons), tuple(matched), rounded)


#: The score of a payload no rule can match and too short for the entropy rule.
NOTHING_SCORED = PayloadScore(0.0, (), (), None)


# Fingerprint reputation ---------------------------------------------------------------------


@dataclass(frozen=True)
class ReputationEntry:
    kind: Literal["ja4", "ja3"]
    fingerprint: str
    verdict: Literal["bad", "good"]
    score: float
    label: str


@dataclass(frozen=True)
class Reputation:
    by_ja4: Mapping[str, ReputationEntry]
    by_ja3: Mapping[str, ReputationEntry]
    source: str

    @classmethod
    def shipped(cls) -> Reputation:
        return cls.parse(
            _shipped("fingerprints.toml"), "honeymesh/detection/rules/fingerprints.toml"
        )

    @classmethod
    def load(cls, path: Path) -> Reputation:
        return cls.parse(_read(path), str(path))

    @classmethod
    def parse(cls, text: str, source: str) -> Reputation:
        doc = _toml(text, source)
        _only_keys(doc, {"fingerprint"}, source, "")
        raw = doc.get("fingerprint", [])
        if not isinstance(raw, list):
            raise RulesError(source, "fingerprint", "expected an array of [[fingerprint]] tables")
        tables: dict[str, dict[str, ReputationEntry]] = {"ja4": {}, "ja3": {}}
        for i, entry in enumerate(raw):
            where = f"fingerprint[{i}]"
            if not isinstance(entry, dict):
                raise RulesError(source, where, "expected a table")
            _only_keys(entry, {"ja4", "ja3", "verdict", "score", "label"}, source, where)
            kinds = [k for k in ("ja4", "ja3") if k in entry]
            if len(kinds) != 1:
                raise RulesError(source, where, "give exactly one of ja4 or ja3")
            kind: Literal["ja4", "ja3"] = "ja4" if kinds[0] == "ja4" else "ja3"
            value = _string(entry, kind, source, where).lower()
            if not (_JA4 if kind == "ja4" else _JA3).match(value):
                shape = "t13d1516h2_8daaf6152771_02713d6af862" if kind == "ja4" else "32 hex digits"
                raise RulesError(
                    source, where, f"{kind} {value!r} is not a {kind.upper()} ({shape})"
                )
            verdict = _string(entry, "verdict", source, where)
            if verdict not in ("bad", "good"):
                raise RulesError(source, where, f"verdict must be 'bad' or 'good', not {verdict!r}")
            if value in tables[kind]:
                raise RulesError(source, where, f"{kind} {value} is listed twice")
            tables[kind][value] = ReputationEntry(
                kind,
                value,
                "bad" if verdict == "bad" else "good",
                _number(entry, "score", source, where, low=0, high=100)
                if "score" in entry
                else 0.0,
                _string(entry, "label", source, where),
            )
        return cls(tables["ja4"], tables["ja3"], source)

    def lookup(self, ja4: str | None, ja3: str | None) -> ReputationEntry | None:
        """JA4 first; JA3 only when the JA4 is not listed."""
        if ja4 and ja4 in self.by_ja4:
            return self.by_ja4[ja4]
        if ja3 and ja3 in self.by_ja3:
            return self.by_ja3[ja3]
        return None

    def __len__(self) -> int:
        return len(self.by_ja4) + len(self.by_ja3)


# Reading and checking -----------------------------------------------------------------------


def _shipped(name: str) -> str:
    return (
        importlib.resources.files("honeymesh.detection").joinpath("rules", name).read_text("utf-8")
    )


def _read(path: Path) -> str:
    try:
        return path.read_text("utf-8")
    except FileNotFoundError:
        raise RulesError(str(path), "", "no such file") from None
    except UnicodeDecodeError:
        raise RulesError(str(path), "", "not UTF-8 text") from None
    except OSError as e:
        raise RulesError(str(path), "", f"cannot read: {e.strerror}") from None


def _toml(text: str, source: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise RulesError(source, "", f"not valid TOML: {e}") from None


def _only_keys(table: Mapping[str, Any], known: set[str], source: str, where: str) -> None:
    for key in table:
        if key not in known:
            raise RulesError(
                source, where, f"unknown key {key!r} (known: {', '.join(sorted(known))})"
            )


def _string(table: Mapping[str, Any], key: str, source: str, where: str) -> str:
    value = table.get(key)
    if not isinstance(value, str) or not value.strip():
        raise RulesError(source, where, f"{key} must be a non-empty string")
    return value


def _number(
    table: Mapping[str, Any], key: str, source: str, where: str, *, low: float, high: float
) -> float:
    value = table.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise RulesError(source, where, f"{key} must be a number from {low:g} to {high:g}")
    return float(value)

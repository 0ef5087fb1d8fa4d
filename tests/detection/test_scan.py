"""Scan correlation over a fake clock: fast scans, slow scans, sweeps, repeats, bounded memory."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from honeymesh.detection.scan import ScanDetector, ScanThresholds

T = ScanThresholds(
    ports=5,
    window=10.0,
    slow_ports=8,
    slow_window=100.0,
    addresses=3,
    address_window=30.0,
    max_sources=4,
    per_source=50,
    repeat_after=60.0,
)
SRC, DST = "198.51.100.7", "192.0.2.1"


def test_a_fast_port_scan_is_reported_once_at_the_threshold() -> None:
    scans = ScanDetector(T)
    found = [scans.hit(SRC, DST, port, "tcp", 100.0 + port / 10) for port in range(1, 8)]
    assert [len(f) for f in found] == [0, 0, 0, 0, 1, 0, 0]  # the 5th port crosses, once
    (scan,) = found[4]
    assert scan.kind == "port_scan" and scan.count == 5 and scan.threshold == 5
    assert scan.ports == ("tcp/1", "tcp/2", "tcp/3", "tcp/4", "tcp/5")
    assert scan.describe() == "port scan: 5 distinct ports in 10 s (threshold 5)"


def test_repeated_ports_do_not_count_and_old_ones_fall_out_of_the_window() -> None:
    scans = ScanDetector(T)
    for _ in range(10):
        assert scans.hit(SRC, DST, 22, "tcp", 100.0) == []
    for i, port in enumerate((1, 2, 3, 4)):
        scans.hit(SRC, DST, port, "tcp", 100.0 + i * 4)  # spread over 12 s: never 5 in 10 s
    assert scans.hit(SRC, DST, 5, "tcp", 120.0) == []
    assert scans.hit(SRC, DST, 5, "udp", 120.5) == []  # udp/5 is another port, but 3 in window


def test_a_port_seen_exactly_a_window_ago_still_counts() -> None:
    scans = ScanDetector(T)
    scans.hit(SRC, DST, 1, "tcp", 100.0)
    for port in (2, 3, 4):
        assert scans.hit(SRC, DST, port, "tcp", 105.0) == []
    (scan,) = scans.hit(SRC, DST, 5, "tcp", 100.0 + T.window)
    assert scan.count == 5 and scan.first_seen == 100.0


def test_a_late_contact_from_the_other_feed_hides_no_port() -> None:
    """The feeds interleave (the kernel's samples come in batches): a contact stamped before
    its source's newest counts as seen at that newest time, so the walk back from the newest
    still reaches every port inside the window. Kept at its own older time, it stopped the
    walk, and five ports inside the window went unreported."""
    scans = ScanDetector(T)
    for port in (1, 2, 3):
        assert scans.hit(SRC, DST, port, "tcp", 100.0) == []
    assert scans.hit(SRC, DST, 4, "udp", 89.0) == []  # late, and older than the window below
    found = [*scans.hit(SRC, DST, 5, "tcp", 100.2), *scans.hit(SRC, DST, 6, "tcp", 100.4)]
    assert [f.kind for f in found] == ["port_scan"]
    assert {"tcp/1", "tcp/2", "tcp/3", "tcp/5"} <= set(found[0].ports)


def test_a_slow_scan_under_the_fast_window_is_caught_by_the_long_one() -> None:
    scans = ScanDetector(T)
    found = []
    for i in range(8):  # one port every 11 s: never 5 in 10 s, 8 in 100 s
        found += scans.hit(SRC, DST, 1000 + i, "tcp", 1000.0 + 11 * i)
    assert [f.kind for f in found] == ["slow_scan"]
    assert found[0].count == 8 and found[0].window == 100.0


def test_a_horizontal_sweep_of_local_addresses() -> None:
    scans = ScanDetector(T)
    found = []
    for i in range(3):
        found += scans.hit(SRC, f"192.0.2.{i + 1}", 22, "tcp", 50.0 + i)
    assert [f.kind for f in found] == ["sweep"]
    assert found[0].addresses == ("192.0.2.1", "192.0.2.2", "192.0.2.3")


def test_a_scan_is_reported_again_only_after_repeat_after() -> None:
    scans = ScanDetector(T)
    kinds = []
    for t in range(200):
        kinds += [f.kind for f in scans.hit(SRC, DST, 10_000 + t, "tcp", float(t))]
    assert kinds.count("port_scan") == 4  # t=4, 64, 124, 184


def test_memory_is_bounded_least_recently_seen_source_forgotten() -> None:
    scans = ScanDetector(T)
    for i in range(10):
        scans.hit(f"203.0.113.{i}", DST, 1, "tcp", float(i))
    assert len(scans) == 4 and scans.forgotten == 6
    for port in range(200):
        scans.hit(SRC, DST, port, "tcp", 1.0)
    state = scans._sources[SRC]
    assert len(state.ports) == T.per_source


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["a", "b", "c", "d", "e", "f"]),
            st.integers(0, 65535),
            st.sampled_from(["tcp", "udp"]),
            st.floats(0, 10_000, allow_nan=False),
        ),
        max_size=300,
    )
)
def test_any_sequence_of_hits_stays_within_bounds(
    hits: list[tuple[str, int, str, float]],
) -> None:
    scans = ScanDetector(T)
    for src, port, proto, time in sorted(hits, key=lambda h: h[3]):
        for found in scans.hit(src, DST, port, proto, time):
            assert found.count >= found.threshold and len(found.ports) <= 64
    assert len(scans) <= T.max_sources
    assert all(len(s.ports) <= T.per_source for s in scans._sources.values())


Reported = tuple[str, str, int, float, tuple[str, ...], tuple[str, ...]]


def _within(table: dict[str, tuple[float, int]], since: float) -> list[str]:
    """Keys last seen at or after ``since``, oldest first (ties in the order they came)."""
    return sorted((k for k, (seen, _) in table.items() if seen >= since), key=table.__getitem__)


def _reference(hits: list[tuple[str, str, int, float]]) -> list[Reported]:
    """What the detector must report, from every hit kept (no caps bind here): for each hit,
    the distinct ports and addresses last seen inside each window, oldest first. A hit older
    than its source's newest counts as seen at that newest time."""
    last: dict[tuple[str, str], dict[str, tuple[float, int]]] = {}
    reported: dict[tuple[str, str], float] = {}
    newest: dict[str, float] = {}
    out: list[Reported] = []
    for n, (src, dst, port, seen) in enumerate(hits):
        time = newest[src] = max(seen, newest.get(src, seen))
        ports = last.setdefault((src, "ports"), {})
        addrs = last.setdefault((src, "addresses"), {})
        ports[f"tcp/{port}"] = addrs[dst] = (time, n)
        quiet = {k: time - t < T.repeat_after for (s, k), t in reported.items() if s == src}
        found: list[tuple[str, list[str], float]] = []
        if not quiet.get("port_scan"):
            fast = _within(ports, time - T.window)
            slow = _within(ports, time - T.slow_window)
            if len(fast) >= T.ports:
                found.append(("port_scan", fast, T.window))
            elif not quiet.get("slow_scan") and len(slow) >= T.slow_ports:
                found.append(("slow_scan", slow, T.slow_window))
        swept = _within(addrs, time - T.address_window)
        if not quiet.get("sweep") and len(swept) >= T.addresses:
            found.append(("sweep", swept, T.address_window))
        for kind, keys, window in found:
            reported[(src, kind)] = time
            first = (addrs if kind == "sweep" else ports)[keys[0]][0]
            evidence = (_within(ports, time - window)[-64:], _within(addrs, time - window)[-64:])
            out.append((src, kind, len(keys), first, tuple(evidence[0]), tuple(evidence[1])))
    return out


def _assert_reported_as_the_reference(hits: list[tuple[str, str, int, float]]) -> None:
    """What the detector reports for ``hits`` equals ``_reference``'s, half the time in time
    order (as one feed alone gives them), half as they come (the feeds interleave)."""
    if len(hits) % 2:
        hits = sorted(hits, key=lambda h: h[3])
    scans = ScanDetector(T)
    got = [
        (f.source, f.kind, f.count, f.first_seen, f.ports, f.addresses)
        for src, dst, port, time in hits
        for f in scans.hit(src, dst, port, "tcp", time)
    ]
    assert got == _reference(hits)


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["a", "b"]),
            st.sampled_from(["192.0.2.1", "192.0.2.2", "192.0.2.3", "192.0.2.4"]),
            st.integers(1, 9),
            # Whole seconds in a span of two repeat_afters: windows fill, and hits fall on
            # their edges and on repeat_after's often.
            st.integers(0, 150).map(float),
        ),
        min_size=10,
        max_size=200,
    )
)
def test_every_scan_is_reported_as_counting_every_hit_would(
    hits: list[tuple[str, str, int, float]],
) -> None:
    """The detector keeps one time per key and decides by counting back from the newest
    without listing; it reports what keeping every hit and listing each window would, in
    time order or not (the feeds interleave)."""
    _assert_reported_as_the_reference(hits)


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["a", "b"]),
            # Mostly one address and one port, as a brute force: its repeats take the
            # detector's short cut, and the scans that follow must still be counted right.
            st.one_of(st.just("192.0.2.1"), st.sampled_from(["192.0.2.2", "192.0.2.3"])),
            st.one_of(st.just(22), st.integers(1, 9)),
            st.integers(0, 150).map(float),
        ),
        min_size=10,
        max_size=200,
    )
)
def test_a_brute_force_then_a_scan_is_reported_as_counting_every_hit_would(
    hits: list[tuple[str, str, int, float]],
) -> None:
    _assert_reported_as_the_reference(hits)


def test_with_a_threshold_of_one_every_new_source_is_a_scan() -> None:
    """A threshold of 1 (allowed) makes one port a scan: repeats at that port are reported
    again once repeat_after has passed, as the walk reports them."""
    one = ScanThresholds(ports=1, slow_ports=1, addresses=1, repeat_after=60.0)
    scans = ScanDetector(one)
    kinds = [sorted(f.kind for f in scans.hit(SRC, DST, 22, "tcp", t)) for t in (0, 1, 61)]
    assert kinds == [["port_scan", "sweep"], [], ["port_scan", "sweep"]]

#!/usr/bin/env bash
# `make test`'s pytest, as two processes at once: tests/fidelity beside everything else.
#
# The fidelity tests diff each trap against the real Debian server it imitates, and most of
# their time is waiting: nmap's probes timing out, login's 60 s LOGIN_TIMEOUT, Apache's 20 s
# request timeout (655 s of a 1,809 s run, 2026-12-07). The rest keeps the CPU busy. Run
# apart, the two overlap: the waits no longer add to the wall clock. They share nothing but
# loopback ports, which each takes from the kernel (port 0), and the machine's CPUs.
#
# The fidelity run's output is kept in a file and printed after the rest's; the exit status
# is non-zero if either failed. For a part of the suite, run pytest itself
# (.venv/bin/python -m pytest tests/kernel).
set -uo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python

log=$(mktemp -t honeymesh-fidelity.XXXXXX)
"$PY" -m pytest tests/fidelity > "$log" 2>&1 &
fidelity=$!
trap 'kill "$fidelity" 2>/dev/null; rm -f "$log"' INT TERM

"$PY" -m pytest --ignore=tests/fidelity
rest=$?
wait "$fidelity"
fidelity_status=$?

echo
echo "== tests/fidelity (run beside the tests above; its own output):"
cat "$log"
rm -f "$log"
if [ "$rest" -ne 0 ] || [ "$fidelity_status" -ne 0 ]; then
    echo "make test: failed (tests: status $rest, tests/fidelity: status $fidelity_status)"
    exit 1
fi

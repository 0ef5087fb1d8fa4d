#!/usr/bin/env bash
# `make test`'s pytest, as two processes at once: tests/fidelity beside everything else.
#
# The fidelity tests diff each trap against the real Debian server it imitates, and most of
# their time is waiting: nmap's probes timing out, login's 60 s LOGIN_TIMEOUT, Apache's 20 s
# request timeout (655 s of a 1,809 s run, 2026-12-07). The rest keeps the CPU busy. Run
# apart, the two overlap: the waits no longer add to the wall clock. They share the machine's
# CPUs and loopback; the servers a test starts take ports below the kernel's ephemeral range
# (tests/e2e/daemon.py, free_port), which no connection of the other run can take meanwhile,
# each run in its own half (HONEYMESH_TEST_PORTS), so neither picks a port the other chose.
#
# The fidelity run's output is kept in a file and printed after the rest's; the exit status
# is non-zero if either failed. An interrupt (Ctrl-C, SIGTERM) reaches both runs, which stop
# the servers they started. For a part of the suite, run pytest itself
# (.venv/bin/python -m pytest tests/kernel).
set -uo pipefail
set -m  # each run in a process group of its own, with SIGINT handled as in a terminal
cd "$(dirname "$0")/.."
PY=.venv/bin/python

log=$(mktemp -t honeymesh-fidelity.XXXXXX)
HONEYMESH_TEST_PORTS=lower "$PY" -m pytest tests/fidelity > "$log" 2>&1 &
fidelity=$!
HONEYMESH_TEST_PORTS=upper "$PY" -m pytest --ignore=tests/fidelity &
rest=$!

stop() {
    kill -INT -- -"$rest" -"$fidelity" 2>/dev/null
    wait "$rest" "$fidelity"
    rm -f "$log"
    echo "make test: interrupted"
    exit 130
}
trap stop INT TERM

wait "$rest"
rest_status=$?
wait "$fidelity"
fidelity_status=$?
trap - INT TERM

echo
echo "== tests/fidelity (run beside the tests above; its own output):"
cat "$log"
rm -f "$log"
if [ "$rest_status" -ne 0 ] || [ "$fidelity_status" -ne 0 ]; then
    echo "make test: failed (tests: status $rest_status, tests/fidelity: status $fidelity_status)"
    exit 1
fi

"""Linux-PAM's pause after a failed login, computed as libpam computes it.

A failed login on a Debian server is answered only after libpam's delay
(``_pam_compute_delay`` in libpam/pam_delay.c): the largest delay the program or a module asked
for (``pam_faildelay``'s ``delay=``, login's ``FAIL_DELAY``, pam_unix's 2 s) times a factor
between 0.5 and 1.5, the mean of three draws of a linear congruential generator seeded with the
second at which ``pam_authenticate`` began. The pause is therefore a function of the clock:
every failure begun in the same second pauses the same, to the microsecond.

A trap that pauses a fixed 3 s is told apart by timing alone, and one that draws its own
random pause by anyone who knows the function; so the traps compute the same function of the
same second (measured against Debian 12's login and vsftpd: ``tests/fidelity``).

Sans-IO: the caller passes the second the attempt began.
"""

from __future__ import annotations

_MULTIPLIER, _INCREMENT = 1664525, 1013904223  # libpam's _pam_rand


def fail_delay(began: float, requested: float) -> float:
    """Seconds libpam pauses after an authentication begun at ``began`` (seconds since the
    epoch) failed, when ``requested`` seconds is the largest delay asked for."""
    seed = int(began) & 0xFFFFFFFF  # time(NULL), kept in an unsigned int
    total = 0.0
    for _ in range(3):
        seed = (_MULTIPLIER * seed + _INCREMENT) & 0xFFFFFFFF
        total += (seed // 10) % 1_000_000
    factor = 1.0 + ((total / 3.0) / 1e6 - 0.5)  # 0.5 to 1.5, as C computes it in doubles
    return int(round(requested * 1e6) * factor) / 1e6  # truncated to whole microseconds

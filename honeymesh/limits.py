"""Open-file limits: raise the soft limit and size the traps' connection budget from it."""

from __future__ import annotations

import resource


def raise_nofile() -> int:
    """Raise RLIMIT_NOFILE's soft limit to the hard limit; return the soft limit in force."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and soft < hard:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
            soft = hard
        except (ValueError, OSError):
            pass
    return soft


def trap_budget(soft_limit: int, reserve: int, traps: int) -> int:
    """Per-trap connection cap so all ``traps`` together stay within limit - reserve."""
    if traps <= 0:
        return 0
    return max(0, soft_limit - reserve) // traps

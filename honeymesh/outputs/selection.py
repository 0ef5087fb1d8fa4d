"""Which events an output sends: event id globs, and optionally event kinds.

"Per event class" means the catalogue's ids (``docs/EVENTS.md``), matched as globs
(``trap.*``, ``ban.*``, ``policy.decision``), because an id is what an operator sees in the
log, the dashboard and the SIEM alike; ``kinds`` narrows further by kind (observation,
verdict, decision, notice). An event is sent when its id matches one glob and, if kinds are
given, its kind is one of them. A glob that matches no catalogued id is a config error, so a
typo (``tarp.*``) cannot silently send nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from fnmatch import fnmatchcase

from honeymesh.events import Event, EventId


def unmatched_glob(globs: Iterable[str]) -> str | None:
    """The first glob that matches no catalogued event id, or None."""
    for glob in globs:
        if not any(fnmatchcase(str(event_id), glob) for event_id in EventId):
            return glob
    return None


class EventSelector:
    """Decides per event id once (the catalogue is frozen), then answers from a set."""

    def __init__(self, globs: Iterable[str], kinds: Iterable[str] = ()) -> None:
        globs = tuple(globs)
        self.ids = frozenset(
            event_id
            for event_id in EventId
            if any(fnmatchcase(str(event_id), glob) for glob in globs)
        )
        self.kinds = frozenset(kinds)

    def __call__(self, event: Event) -> bool:
        return event.event_id in self.ids and (not self.kinds or str(event.kind) in self.kinds)

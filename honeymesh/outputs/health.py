"""Whether an output delivers, said once when it stops and once when it works again.

A collector or receiver that is down would otherwise be a warning per event. Each output keeps
``failing`` (why it cannot deliver, None while it can; shown in the status) and says the change
in one line each way; what it says while failing (queued? retried?) is its own.
"""

from __future__ import annotations

from typing import Any, ClassVar

from twisted.logger import Logger


class ReportsHealth:
    """A mixin for outputs: ``_say_failing(why)`` and ``_say_working()``."""

    _log: ClassVar[Logger]
    #: After "output NAME: WHY; ": what happens to events meanwhile ({most}: the queue's bound).
    while_failing: ClassVar[str]
    #: After "output NAME: ": said when a delivery succeeds again.
    working_again: ClassVar[str]
    failing: str | None
    config: Any  # has .name and .max_queue

    def _say_failing(self, why: str) -> None:
        if self.failing is None:
            self.failing = why
            self._log.warn(
                "output {output}: {why}; " + self.while_failing,
                output=self.config.name,
                why=why,
                most=self.config.max_queue,
            )

    def _say_working(self) -> None:
        if self.failing is not None:
            self.failing = None
            self._log.info("output {output}: " + self.working_again, output=self.config.name)

"""Services stop in reverse order, each waiting for the one started after it."""

from __future__ import annotations

from twisted.application.service import Service
from twisted.internet.defer import Deferred

from honeymesh.lifecycle import OrderedMultiService


class Recorder(Service):
    def __init__(self, name: str, log: list[str], stop: Deferred[None] | None = None) -> None:
        self.setName(name)
        self._log = log
        self._stop = stop

    def startService(self) -> None:
        super().startService()
        self._log.append(f"start {self.name}")

    def stopService(self) -> Deferred[None] | None:
        super().stopService()
        self._log.append(f"stop {self.name}")
        return self._stop


class Broken(Recorder):
    def stopService(self) -> Deferred[None] | None:
        super().stopService()
        raise RuntimeError("stop failed")


def test_a_slow_stop_holds_back_the_services_started_before_it() -> None:
    log: list[str] = []
    slow: Deferred[None] = Deferred()
    root = OrderedMultiService()
    for service in (Recorder("store", log), Broken("broken", log), Recorder("kernel", log, slow)):
        service.setServiceParent(root)
    root.startService()
    done = root.stopService()
    assert log == ["start store", "start broken", "start kernel", "stop kernel"]
    slow.callback(None)
    assert log[-2:] == ["stop broken", "stop store"]  # a failing stop does not stop the rest
    finished: list[object] = []
    done.addCallback(finished.append)
    assert finished == [None]

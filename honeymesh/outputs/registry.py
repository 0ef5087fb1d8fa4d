"""Builds the ``[[outputs]]`` of a config: the one place an output type is named."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from twisted.application.service import MultiService
from twisted.logger import Logger

from honeymesh.config import Config, SyslogOutputConfig, WebhookOutputConfig
from honeymesh.events import Event, EventId, JSONValue
from honeymesh.outputs.tlsroots import load_ca

if TYPE_CHECKING:
    from honeymesh.outputs.syslog import SyslogOutput
    from honeymesh.outputs.webhook import WebhookOutput


class OutputGroup(MultiService):
    """Every output, started together and stopped together (each flushing what it holds)."""

    _log = Logger(namespace="honeymesh.outputs")

    def __init__(self, outputs: list[Any]) -> None:
        super().__init__()
        self.setName("outputs")
        self.outputs = outputs
        self.errors = 0
        for output in outputs:
            output.setServiceParent(self)

    @property
    def ids(self) -> frozenset[EventId]:
        """The ids any output selects: what to subscribe the group for (none without outputs)."""
        return frozenset().union(*(output.ids for output in self.outputs))

    def on_event(self, event: Event) -> None:
        """A bus subscriber: the event to every output; one that fails costs only itself."""
        for output in self.outputs:
            try:
                output.on_event(event)
            except Exception:
                self.errors += 1
                self._log.failure("output {output} failed on an event", output=output.name)

    def status(self) -> list[dict[str, JSONValue]]:
        return [output.status() for output in self.outputs]


def check_outputs(config: Config) -> None:
    """Before anything starts: every output's CA file reads as a certificate (or raises
    ``OutputSetupError``)."""
    for output in config.outputs:
        if output.ca:
            load_ca(config.data_path(Path(output.ca)), output.name)


def build_outputs(config: Config, reactor: Any) -> OutputGroup:
    """Each output type's module is imported when an output of that type is configured: a
    node without a webhook never holds Twisted's HTTP client."""
    outputs: list[SyslogOutput | WebhookOutput] = []
    for output in config.outputs:
        ca = config.data_path(Path(output.ca)) if output.ca else None
        if isinstance(output, SyslogOutputConfig):
            from honeymesh.outputs.syslog import SyslogOutput  # noqa: PLC0415 - when configured

            outputs.append(SyslogOutput(output, reactor, hostname=config.node.name, ca=ca))
        elif isinstance(output, WebhookOutputConfig):
            from honeymesh.outputs.webhook import WebhookOutput  # noqa: PLC0415 - when configured

            outputs.append(WebhookOutput(output, reactor, node=config.node.name, ca=ca))
    return OutputGroup(outputs)

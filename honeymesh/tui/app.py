"""The terminal dashboard: live events, bans and peers; ban, unban and switch the mode.

urwid draws the screen on Twisted's reactor (``urwid.TwistedEventLoop``). Everything comes from
the admin API (through the CLI's ``AdminClient``, in a thread so the screen never stalls) and the
live feed (``honeymesh.feedclient``); nothing here reaches into the node.

Keys: Tab moves between panes, ``b`` bans, ``u`` unbans the selected ban (or asks which),
``m`` switches the mode, ``r`` refreshes, ``q`` quits. Esc cancels a prompt.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import urwid
from twisted.internet import reactor as global_reactor
from twisted.internet import threads
from twisted.internet.defer import Deferred
from twisted.internet.task import LoopingCall
from twisted.python.failure import Failure

from honeymesh.adminclient import AdminClient, AdminClientError
from honeymesh.config import MODES, Config
from honeymesh.feedclient import FeedClientFactory, connect_feed
from honeymesh.text import shown, table

MAX_EVENTS = 500
REFRESH_SECONDS = 5.0
HELP = "Tab: next pane  b: ban  u: unban selected  m: mode  r: refresh  q: quit"
PALETTE = [
    ("header", "white,bold", "dark blue"),
    ("footer", "light gray", "dark gray"),
    ("focus", "black", "light cyan"),
    ("bad", "light red", ""),
    ("good", "light green", ""),
    ("title", "yellow,bold", ""),
]


def _clock(t: float | None) -> str:
    return "--:--:--" if t is None else time.strftime("%H:%M:%S", time.localtime(t))


def event_row(event: dict[str, Any]) -> str:
    detail = dict(event.get("detail") or {})
    for key in ("action", "detector", "score", "mode"):
        if key in event:
            detail[key] = event[key]
    parts = [f"{k}={v}" for k, v in detail.items() if not isinstance(v, dict | list)]
    source = event.get("source") or "-"
    # As wide as an IPv6 address (39): rows arrive one at a time, so the column cannot be
    # sized to its content as the bans pane's is.
    return shown(
        f"{_clock(event.get('time'))} {event.get('event_id', '?'):<18} {source:<39} "
        + " ".join(parts)[:200]
    )


def ban_cells(ban: dict[str, Any], now: float) -> list[str]:
    expires = ban.get("expires")
    left = "permanent" if expires is None else f"{max(0, int(expires - now))}s left"
    enforced = "" if ban.get("enforced", True) else " NOT ENFORCED"
    reasons = "; ".join(ban.get("reasons", []))
    return [ban["network"], ban["source"], left, f"{reasons}{enforced}"]


def ban_rows(bans: list[dict[str, Any]], now: float) -> list[str]:
    """The bans pane's rows, each column as wide as its widest cell (a long IPv6 network
    keeps the columns), attacker text escaped."""
    return table([ban_cells(ban, now) for ban in bans], gap=" ")


def ban_row(ban: dict[str, Any], now: float) -> str:
    return ban_rows([ban], now)[0]


def peer_row(peer: dict[str, Any]) -> str:
    return shown(
        f"{peer['id'][:24]:<24} {peer['level']:<3} score {peer['score']:>6} "
        f"{peer.get('last_change_why', '')}"
    )


def mesh_summary(mesh: dict[str, Any] | None) -> str:
    """The mesh in the header: its state, and the members when it is in a cluster."""
    if mesh is None:
        return "mesh -"
    if mesh.get("state") == "member":
        peers = mesh.get("peers") or {}
        return f"mesh {mesh.get('members', '?')} members, {peers.get('active', '?')} up"
    return f"mesh {mesh.get('state', '?')}"


class Dashboard:
    """The widgets, and what the node told us last."""

    def __init__(self) -> None:
        self.header = urwid.Text("HoneyMesh: connecting…")
        self.events: urwid.SimpleFocusListWalker[Any] = urwid.SimpleFocusListWalker([])
        self.bans: urwid.SimpleFocusListWalker[Any] = urwid.SimpleFocusListWalker([])
        self.peers: urwid.SimpleFocusListWalker[Any] = urwid.SimpleFocusListWalker([])
        self.ban_networks: dict[int, str] = {}
        self.help = urwid.Text(HELP)
        self.prompt = urwid.Edit("")
        self.prompting: str | None = None
        self.footer: urwid.AttrMap[urwid.Widget] = urwid.AttrMap(self.help, "footer")
        self.panes = urwid.Pile(
            [
                ("weight", 3, self._box(self.events, "Live events")),
                ("weight", 2, self._box(self.bans, "Bans")),
                ("weight", 1, self._box(self.peers, "Peers")),
            ]
        )
        self.frame = urwid.Frame(
            self.panes, header=urwid.AttrMap(self.header, "header"), footer=self.footer
        )
        self.status_text = ""
        self.feed_text = "feed connecting"

    @staticmethod
    def _box(walker: urwid.SimpleFocusListWalker[Any], title: str) -> urwid.Widget:
        return urwid.LineBox(urwid.ListBox(walker), title=title, title_align="left")

    def show_header(self) -> None:
        self.header.set_text(shown(f" HoneyMesh  {self.status_text}  [{self.feed_text}]"))

    def show_status(self, status: dict[str, Any]) -> None:
        lic = status.get("license") or {}
        kernel = status.get("kernel") or {}
        bans = status.get("bans") or {}
        self.status_text = (
            f"{status['node']['name']}  mode {status['mode'].upper()}  "
            f"license {lic.get('tier', '?')}  kernel {kernel.get('state', '?')}  "
            f"bans {bans.get('bans', '?')}  {mesh_summary(status.get('mesh'))}"
        )
        self.show_header()

    def add_event(self, event: dict[str, Any]) -> None:
        self.events.insert(0, urwid.Text(event_row(event), wrap="clip"))
        del self.events[MAX_EVENTS:]
        if len(self.events) > 1 and self.events.focus == 1:
            self.events.set_focus(0)

    def show_bans(self, bans: list[dict[str, Any]]) -> None:
        now = time.time()
        focus_network = self.selected_ban()
        self.ban_networks = {}
        rows: list[urwid.Widget] = []
        for ban, row in zip(bans, ban_rows(bans, now), strict=True):
            icon = urwid.SelectableIcon(row, 0)
            self.ban_networks[id(icon)] = ban["network"]
            rows.append(urwid.AttrMap(icon, None, focus_map="focus"))
        if not rows:
            rows = [urwid.Text("no active bans")]
        self.bans[:] = rows
        for i, ban in enumerate(bans):
            if ban["network"] == focus_network:
                self.bans.set_focus(i)

    def selected_ban(self) -> str | None:
        if not self.bans:
            return None
        widget = self.bans.get_focus()[0]
        inner = getattr(widget, "original_widget", None)
        return self.ban_networks.get(id(inner)) if inner is not None else None

    def show_peers(self, answer: dict[str, Any]) -> None:
        peers = answer.get("peers", [])
        rows: list[urwid.Widget] = [urwid.Text(peer_row(p), wrap="clip") for p in peers]
        self.peers[:] = rows or [urwid.Text("no mesh peers known yet")]

    def note(self, text: str, bad: bool = False) -> None:
        self.help.set_text(("bad" if bad else "good", shown(text)))

    def ask(self, what: str, label: str) -> None:
        self.prompting = what
        self.prompt.set_caption(label)
        self.prompt.set_edit_text("")
        self.footer.original_widget = self.prompt
        self.frame.focus_position = "footer"

    def end_prompt(self) -> str:
        text: str = self.prompt.get_edit_text()
        self.prompting = None
        self.footer.original_widget = self.help
        self.frame.focus_position = "body"
        return text


class TuiApp:
    """Drives the dashboard: API calls in a thread, the feed on the reactor, keys."""

    def __init__(self, config: Config, client: AdminClient, reactor: Any = global_reactor) -> None:
        self.config = config
        self.client = client
        self.reactor = reactor
        self.view = Dashboard()
        self.feed: FeedClientFactory | None = None
        self.loop = urwid.MainLoop(
            self.view.frame,
            PALETTE,
            unhandled_input=self.on_key,
            event_loop=urwid.TwistedEventLoop(reactor=reactor, manage_reactor=True),
        )
        self.refresher = LoopingCall(self.refresh)
        self.refresher.clock = reactor

    def call(self, method: str, path: str, body: Any = None) -> Deferred[Any]:
        d: Deferred[Any] = threads.deferToThreadPool(
            self.reactor, self.reactor.getThreadPool(), self.client.request, method, path, body
        )
        return d

    def _failed(self, what: str) -> Callable[[Failure], None]:
        def show(failure: Failure) -> None:
            failure.trap(AdminClientError)
            self.view.note(f"{what}: {failure.getErrorMessage()}", bad=True)
            self.redraw()

        return show

    def redraw(self) -> None:
        if self.loop.screen.started:
            self.loop.draw_screen()

    # Data ------------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.call("GET", "/api/v1/status").addCallbacks(self._status, self._failed("status"))
        self.refresh_bans()
        self.call("GET", "/api/v1/peers").addCallbacks(self._peers, self._peers_unavailable)

    def _status(self, status: dict[str, Any]) -> None:
        self.view.show_status(status)
        self.redraw()

    def refresh_bans(self) -> None:
        d = self.call("GET", "/api/v1/bans?limit=1000")
        d.addCallbacks(lambda page: self._bans(page["bans"]), self._failed("bans"))

    def _bans(self, bans: list[dict[str, Any]]) -> None:
        self.view.show_bans(bans)
        self.redraw()

    def _peers(self, answer: dict[str, Any]) -> None:
        self.view.show_peers(answer)
        self.redraw()

    def _peers_unavailable(self, failure: Failure) -> None:
        failure.trap(AdminClientError)
        self.view.peers[:] = [urwid.Text(shown(failure.getErrorMessage()))]
        self.redraw()

    def start_feed(self) -> None:
        d = self.call("POST", "/api/v1/ws-ticket", {})
        cert = self.config.data_path(self.config.api.tls_cert).read_bytes()

        def connect(ticket: dict[str, Any]) -> Deferred[FeedClientFactory]:
            return connect_feed(
                self.reactor, self.client.base_url, ticket["ticket"], cert, self.on_event
            )

        d.addCallback(connect)
        d.addCallbacks(self._feed_open, self._feed_failed)

    def _feed_open(self, feed: FeedClientFactory) -> None:
        self.feed = feed
        self.view.feed_text = "feed live"
        self.view.show_header()
        self.redraw()
        feed.done.addBoth(self._feed_closed)

    def _feed_failed(self, failure: Failure) -> None:
        self.view.feed_text = f"feed offline: {failure.getErrorMessage()[:60]}"
        self.view.show_header()
        self.redraw()
        self.reactor.callLater(3.0, self.start_feed)

    def _feed_closed(self, result: object) -> None:
        stopped = self.feed is not None and self.feed.daemon_stopped
        self.feed = None
        self.view.feed_text = (
            "feed offline: the daemon stopped; reconnecting"
            if stopped
            else "feed offline, reconnecting"
        )
        self.view.show_header()
        self.redraw()
        self.reactor.callLater(2.0, self.start_feed)

    def on_event(self, event: dict[str, Any]) -> None:
        self.view.add_event(event)
        event_id = str(event.get("event_id", ""))
        if event_id.startswith(("ban.", "bans.", "allow.")):
            self.refresh_bans()
        elif event_id == "mode.changed" or event_id.startswith(("trust.", "mesh.peer", "mesh.mem")):
            self.refresh()
        self.redraw()

    # Keys ------------------------------------------------------------------------------------

    def on_key(self, key: str | tuple[str, int, int, int]) -> bool | None:
        view = self.view
        if view.prompting is not None:
            if key == "enter":
                what = view.prompting
                self.answer(what, view.end_prompt())
            elif key == "esc":
                view.end_prompt()
                view.note(HELP)
            return True
        if key in ("q", "Q"):
            raise urwid.ExitMainLoop()
        if key == "tab":
            view.panes.focus_position = (view.panes.focus_position + 1) % 3
        elif key == "b":
            view.ask("ban", "ban ADDR [DURATION] [REASON…]: ")
        elif key == "u":
            selected = view.selected_ban() if view.panes.focus_position == 1 else None
            if selected:
                self.unban(selected)
            else:
                view.ask("unban", "unban ADDR: ")
        elif key == "m":
            view.ask("mode", f"mode ({'|'.join(MODES)}): ")
        elif key == "r":
            self.refresh()
        else:
            return None
        return True

    def answer(self, what: str, text: str) -> None:
        words = text.split()
        if not words:
            self.view.note(HELP)
            return
        if what == "ban":
            body: dict[str, Any] = {"network": words[0], "duration": "1h"}
            if len(words) > 1:
                body["duration"] = words[1]
            if len(words) > 2:
                body["reason"] = " ".join(words[2:])
            d = self.call("POST", "/api/v1/bans", body)
            d.addCallbacks(lambda a: self._done(f"banned {a['ban']['network']}"),
                           self._failed("not banned"))  # fmt: skip
        elif what == "unban":
            self.unban(words[0])
        elif what == "mode":
            d = self.call("POST", "/api/v1/mode", {"mode": words[0].lower()})
            d.addCallbacks(lambda a: self._done(f"mode {a['mode'].upper()}"),
                           self._failed("mode not switched"))  # fmt: skip

    def unban(self, network: str) -> None:
        d = self.call("DELETE", "/api/v1/bans/" + network)
        d.addCallbacks(lambda a: self._done(f"unbanned {a['ban']['network']}"),
                       self._failed("not unbanned"))  # fmt: skip

    def _done(self, text: str) -> None:
        self.view.note(text)
        self.refresh()

    def run(self) -> None:
        self.reactor.callWhenRunning(self.refresher.start, REFRESH_SECONDS)
        self.reactor.callWhenRunning(self.start_feed)
        self.loop.run()


def run_tui(config: Config, client: AdminClient) -> int:
    TuiApp(config, client).run()
    return 0

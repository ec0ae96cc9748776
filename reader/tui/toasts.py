"""Toasts that replace each other: fast `]` presses show one toast, the latest, not a pile.

A toast posted under a key replaces the one posted under that key before it.
Keys come in bursts (typed fast, or bundled by ssh): Textual shows a toast when
its `Notify` message is handled, which may be after the next key has already
asked for a newer one, so a replaced toast is either taken off the screen
(`App._unnotify`, as Textual's own Toast does when it times out) or, not shown
yet, dropped when its message arrives (`ReaderApp.on_notify` asks `arrived`).
"""

from __future__ import annotations

from textual.app import App
from textual.notifications import Notification, Notify


class Toasts:
    """The latest toast of each key, and those posted but not yet shown."""

    def __init__(self) -> None:
        self._latest: dict[str, Notification] = {}
        self._pending: set[str] = set()  # identities posted, their Notify not handled yet
        self._replaced: set[str] = set()  # pending ones a newer toast of their key replaced

    def post(self, app: App, key: str, message: str, timeout: float, severity: str = "information") -> None:
        """Show `message` (plain text, never markup) in place of `key`'s last toast."""
        previous = self._latest.get(key)
        if previous is not None:
            if previous.identity in self._pending:
                self._replaced.add(previous.identity)
            else:
                app._unnotify(previous)  # a no-op when it has timed out already
        note = Notification(message, "", severity, timeout, markup=False)
        self._latest[key] = note
        self._pending.add(note.identity)
        app.post_message(Notify(note))

    def arrived(self, notification: Notification) -> bool:
        """Whether to show `notification`, whose Notify message is being handled:
        False for a toast replaced before it could be shown."""
        identity = notification.identity
        self._pending.discard(identity)
        if identity in self._replaced:
            self._replaced.discard(identity)
            return False
        return True

"""`iranru-reader serve`: the same reader in a web browser, through textual-serve.

textual-serve (Textualize) runs one copy of the app per browser tab, each in
its own process with Textual's web driver, and streams it to xterm.js in the
page. Our subclass keeps stdout clean (its logo and banner go nowhere; the CLI
says where it listens, on stderr) and takes the address the browser used for
the page's websocket, so `--host 0.0.0.0` works from another machine.
"""

from __future__ import annotations

import signal
from collections.abc import Callable

from aiohttp.web import GracefulExit
from rich.console import Console
from textual_serve.server import Server

STOPS = (signal.SIGINT, signal.SIGTERM)


class ReaderServer(Server):
    #: Stop signals that came before the event loop took them over (see `serve`).
    stopped_early: list[int]

    async def on_startup(self, app) -> None:
        """No logo on stdout: `serve` states its address on stderr itself. A Ctrl+C
        that came while the server was being set up stops it now, cleanly."""
        if self.stopped_early:
            raise GracefulExit()

    async def handle_index(self, request):
        # The page's websocket must go back to the host the browser reached, not to
        # the address we bound (0.0.0.0 means nothing to a browser elsewhere).
        self.public_url = f"{request.scheme}://{request.host}"
        return await super().handle_index(request)


def serve(command: str, host: str, port: int, announce: Callable[[], None] = lambda: None) -> int:
    """Serve `command` (a shell command line that starts the reader) on host:port
    until interrupted (SIGINT or SIGTERM). `announce()` is called once a Ctrl+C
    can no longer cut the set-up short (it says where the server listens).
    Returns the exit status, 0, also for a Ctrl+C at any moment after `announce`.

    From `announce` until the event loop handles the stop signals itself, they are
    noted, not raised: a KeyboardInterrupt inside the loop's construction left a
    half-built loop whose `__del__` printed "Exception ignored … no attribute
    '_debug'" (a newcomer's Ctrl+C right after the address was shown).

    Raises OSError when the address cannot be bound (e.g. the port is in use).
    """
    stopped: list[int] = []
    previous = {number: signal.signal(number, lambda number, _: stopped.append(number)) for number in STOPS}
    try:
        announce()
        server = ReaderServer(command, host=host, port=port, title="iranru-reader")
        server.stopped_early = stopped
        server.console = Console(stderr=True)  # its request log: messages, so stderr
        server.serve()
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
    return 0

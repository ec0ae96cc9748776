"""`iranru-reader serve`: the same reader in a web browser, through textual-serve.

textual-serve (Textualize) runs one copy of the app per browser tab, each in
its own process with Textual's web driver, and streams it to xterm.js in the
page. Our subclass keeps stdout clean (its logo and banner go nowhere; the CLI
says where it listens, on stderr) and takes the address the browser used for
the page's websocket, so `--host 0.0.0.0` works from another machine.
"""

from __future__ import annotations

from rich.console import Console
from textual_serve.server import Server


class ReaderServer(Server):
    async def on_startup(self, app) -> None:
        """No logo on stdout: `serve` states its address on stderr itself."""

    async def handle_index(self, request):
        # The page's websocket must go back to the host the browser reached, not to
        # the address we bound (0.0.0.0 means nothing to a browser elsewhere).
        self.public_url = f"{request.scheme}://{request.host}"
        return await super().handle_index(request)


def serve(command: str, host: str, port: int) -> int:
    """Serve `command` (a shell command line that starts the reader) on host:port
    until interrupted (SIGINT or SIGTERM). Returns the exit status, 0.

    Raises OSError when the address cannot be bound (e.g. the port is in use).
    """
    server = ReaderServer(command, host=host, port=port, title="iranru-reader")
    server.console = Console(stderr=True)  # its request log: messages, so stderr
    server.serve()
    return 0

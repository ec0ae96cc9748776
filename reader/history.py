"""Jump history, as in a browser: back and forward restore article and passage."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Location:
    article_id: str
    passage: int = 0


@dataclass(frozen=True)
class History:
    """Immutable back/forward stacks around the current location."""

    current: Location | None = None
    back_stack: tuple[Location, ...] = ()
    forward_stack: tuple[Location, ...] = field(default=())
    limit: int = 200

    def visit(self, location: Location) -> History:
        """Go somewhere new: the current place goes on the back stack, forward is cleared."""
        if location == self.current:
            return self
        back = self.back_stack if self.current is None else (*self.back_stack, self.current)[-self.limit:]
        return History(location, back, (), self.limit)

    def move_within(self, location: Location) -> History:
        """Move the passage cursor without making a history entry."""
        return History(location, self.back_stack, self.forward_stack, self.limit)

    def back(self) -> History | None:
        if not self.back_stack:
            return None
        forward = self.forward_stack if self.current is None else (self.current, *self.forward_stack)
        return History(self.back_stack[-1], self.back_stack[:-1], forward, self.limit)

    def forward(self) -> History | None:
        if not self.forward_stack:
            return None
        back = self.back_stack if self.current is None else (*self.back_stack, self.current)
        return History(self.forward_stack[0], back, self.forward_stack[1:], self.limit)

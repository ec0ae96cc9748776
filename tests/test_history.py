from reader.history import History, Location

A, B, C = Location("a", 0), Location("b", 3), Location("c", 1)


def test_back_and_forward_restore_locations():
    history = History().visit(A).visit(B).visit(C)
    back = history.back()
    assert back.current == B and back.back().current == A
    assert back.back().back() is None
    assert back.back().forward().forward().current == C


def test_visiting_after_back_clears_forward():
    history = History().visit(A).visit(B).back().visit(C)
    assert history.forward() is None and history.back().current == A


def test_moving_within_an_article_is_not_a_history_entry():
    history = History().visit(A).move_within(Location("a", 5)).visit(B)
    assert history.back().current == Location("a", 5)


def test_history_is_bounded():
    history = History(limit=3)
    for i in range(10):
        history = history.visit(Location(str(i)))
    assert len(history.back_stack) == 3

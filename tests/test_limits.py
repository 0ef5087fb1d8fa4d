from honeymesh.limits import trap_budget


def test_trap_budget_never_exceeds_limit_less_reserve() -> None:
    assert trap_budget(1024, 256, 12) == 64
    assert trap_budget(1024, 256, 12) * 12 <= 1024 - 256
    assert trap_budget(100, 256, 3) == 0
    assert trap_budget(1024, 256, 0) == 0

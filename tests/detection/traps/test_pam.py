"""libpam's pause after a failed login, as ``pam.fail_delay`` computes it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from honeymesh.detection.traps.pam import fail_delay


@given(st.floats(0, 2**32 - 1), st.sampled_from([1.0, 2.0, 3.0, 10.0]))
def test_the_pause_is_half_to_one_and_a_half_times_the_request_and_the_same_all_second(
    began: float, requested: float
) -> None:
    pause = fail_delay(began, requested)
    assert 0.5 * requested <= pause < 1.5 * requested
    assert fail_delay(int(began) + 0.999, requested) == pause  # time(NULL): whole seconds


def test_the_pauses_debian_12s_login_vsftpd_and_su_took() -> None:
    """Pauses measured on this machine after failed logins begun in these seconds (the time to
    the answer less the reader's own 0.2 s for login, vsftpd's and su's own 1 s sleep)."""
    assert fail_delay(1796658321, 3.0) == 2.992272  # login: "Login incorrect" after 3.194 s
    assert fail_delay(1796658324, 3.0) == 3.608972  # login: 3.814 s
    assert fail_delay(1796658372, 2.0) == 1.663873  # vsftpd: its 530 after 2.670 s
    assert fail_delay(1796659172, 2.0) == 2.821878  # su: "Authentication failure" after 3.826 s

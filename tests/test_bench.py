"""The benchmark's own arithmetic: what it prints beside each figure must be what it says."""

from __future__ import annotations

import pytest
from benchmarks import bench


def test_a_run_is_paced_by_the_loop_timed_just_before_and_just_after_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    order: list[str] = []
    probes = iter([0.020, 0.040])

    def probe() -> float:
        order.append("probe")
        return next(probes)

    def measure() -> str:
        order.append("run")
        return "figures"

    monkeypatch.setattr(bench, "host_pace", probe)
    assert bench.paced(measure) == ("figures", pytest.approx(0.030))
    assert order == ["probe", "run", "probe"]

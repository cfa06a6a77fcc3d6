"""The day a build publishes on, which it records for the articles it publishes first."""

from __future__ import annotations

import datetime as dt
import logging

import pytest

from carnet.engine.publish import build_day


@pytest.mark.parametrize("epoch", ["99999999999999999999", "253402300800"])   # too far for time_t; year 10000
def test_an_absurd_source_date_epoch_falls_back_to_today_and_says_so(monkeypatch, caplog, epoch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.carnet"):
        day = build_day()
    assert day in {dt.datetime.now(dt.timezone.utc).date() - dt.timedelta(days=d) for d in (0, 1)}
    assert [r.levelname for r in caplog.records] == ["WARNING"] and "SOURCE_DATE_EPOCH" in caplog.text


def test_source_date_epoch_names_the_day_a_build_publishes_on(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(86_400 * 365))
    assert build_day() == dt.date(1971, 1, 1)

"""Government periods in state actors' names: the government in power on the event's day, written
open when the next one had not taken power on the day the article was published."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.resolve.periods import dated_name, government_periods, period_label


@pytest.mark.parametrize("code,day,known,label", [
    ("AF", date(2020, 3, 21), date(2020, 3, 22), "2014-"),  # told in 2020: the next government was still to come
    ("AF", date(2020, 3, 21), date(2025, 1, 1), "2014-2021"),  # told after the Taliban took Kabul
    ("AF", date(2020, 3, 21), None, "2014-"),  # no publication date: as known on the day
    ("AF", date(2021, 8, 15), None, "2021-"),  # the day a government takes power is its own
    ("AF", date(2021, 8, 14), date(2021, 8, 20), "2014-2021"),
    ("IL", date(2022, 3, 1), date(2022, 3, 2), "2021-"),
    ("RU", date(2024, 5, 1), None, "2000-"),
])
def test_the_period_is_the_government_in_power_on_the_day(code, day, known, label):
    assert period_label(code, day, known) == label


def test_no_period_before_the_first_one_known_or_for_a_country_not_listed():
    assert period_label("AF", date(1995, 1, 1)) is None
    assert period_label("FR", date(2023, 1, 1)) is None


def test_the_periods_are_in_order():
    for code, starts in government_periods().items():
        assert list(starts) == sorted(set(starts)), code


@pytest.mark.parametrize("name,code,day,known,dated", [
    ("Military Forces of Afghanistan", "AF", date(2020, 3, 21), None, "Military Forces of Afghanistan (2014-)"),
    ("Police Forces of Brazil", "BR", date(2023, 12, 1), None, "Police Forces of Brazil (2023-)"),
    # a curated name's period is replaced, its branch kept after it
    ("Military Forces of Israel (2022-) Air Force", "IL", date(2022, 3, 1), date(2023, 6, 1),
     "Military Forces of Israel (2021-2022) Air Force"),
    ("Government of Russia (2000-)", "RU", date(2023, 1, 1), None, "Government of Russia (2000-)"),
    # not a state's actor, another country's name, an unknown day: unchanged
    ("Military Forces of Yemen (2017-) Houthi", "IL", date(2023, 1, 1), None, "Military Forces of Yemen (2017-) Houthi"),
    ("Protesters (Afghanistan)", "AF", date(2020, 3, 21), None, "Protesters (Afghanistan)"),
    ("Military Forces of Afghanistan", "AF", None, None, "Military Forces of Afghanistan"),
])
def test_dated_name(name, code, day, known, dated):
    assert dated_name(name, code, day, known) == dated


def test_an_event_names_the_forces_of_its_day(extract_en):
    text = "On 21 March 2020, Afghan forces killed 12 Taliban militants in Dawlat Abad district, Balkh."
    (then,) = extract_en(text, published=date(2020, 3, 22)).events
    assert then.actor1.name == "Military Forces of Afghanistan (2014-)"
    (later,) = extract_en(text, published=date(2024, 1, 10)).events
    assert later.actor1.name == "Military Forces of Afghanistan (2014-2021)"

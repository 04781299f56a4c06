"""Rules for clock times: "22 h", "14 h 30", "à midi", "9 a.m. EST", "3:30 p.m.". A clock time is put
on the reference day here; ``discourse.clock_on_days`` moves it to the day the text names."""

from __future__ import annotations

import re
from datetime import date

from ..mentions import TimeMention
from .words import Match, TextView, TimeWords, low_at, phrase_text


def clock_time(w: TimeWords, doc: TextView, i: int, ref: date | None) -> Match:
    """"22 h", "14 h 30", "14h30", "à 14 heures", "9 a.m.", "3:30 p.m.", "10 o'clock"."""
    if low_at(doc, i) in ("à", "vers", "dès", "at", "around", "about"):
        return None  # the rule runs on the number; prepositions stay outside
    text = doc[i].text
    if low_at(doc, i) in w.clock_names and i > 0 and phrase_text(doc, i - 1, 2) in w.clock_idioms:
        return None  # "high noon"
    if low_at(doc, i) in w.clock_names:  # "noon", "à midi"
        if w.lang == "fr" and low_at(doc, i - 1) not in ("à", "vers", "dès", "avant", "après", "jusqu'à"):
            return None  # "le Midi", "le repas de midi"
        hour, minute, end = w.clock_names[low_at(doc, i)], 0, i + 1
        return clock_mention(w, doc, i, end, hour, minute, ref)
    joined = re.fullmatch(r"(\d{1,2})h(\d{2})?", text)
    plain = re.fullmatch(r"(\d{1,2})(?::(\d{2}))?", text)
    if joined:
        hour, minute, end = int(joined.group(1)), int(joined.group(2) or 0), i + 1
    elif plain and low_at(doc, i + 1) in w.clock_words | {"heures", "heure"}:
        word, end = low_at(doc, i + 1), i + 2
        if word in ("heures", "heure") and low_at(doc, i - 1) not in ("à", "vers", "dès", "jusqu'à", "avant", "après"):
            return None  # "pendant 14 heures" is a duration
        hour, minute = int(plain.group(1)), int(plain.group(2) or 0)
        if word in ("h", "heures", "heure") and end < len(doc) and re.fullmatch(r"\d{2}", doc[end].text):
            minute, end = int(doc[end].text), end + 1
        if word in ("p.m.", "pm") and hour < 12:
            hour += 12
        elif word in ("a.m.", "am") and hour == 12:
            hour = 0
    elif plain and low_at(doc, i - 1) in ("at", "around", "about", "by", "until") and \
            phrase_text(doc, i + 1, 3) in w.clock_periods:  # "at 4 in the morning"
        hour, minute, end = int(plain.group(1)), int(plain.group(2) or 0), i + 4
        hour += w.clock_periods[phrase_text(doc, i + 1, 3)] if hour < 12 else 0
    else:
        return None
    if hour > 23 or minute > 59:
        return None
    return clock_mention(w, doc, i, end, hour, minute, ref)


def clock_mention(w: TimeWords, doc: TextView, i: int, end: int, hour: int, minute: int, ref: date | None) -> Match:
    if low_at(doc, end) in w.timezones:  # "9 a.m. EST"
        end += 1
    if ref is None:
        return TimeMention(i, end, "TIME", f"XXXX-XX-XXT{hour:02d}:{minute:02d}", "part-of-day", anchored=False), end
    day = ref.isoformat()
    return TimeMention(i, end, "TIME", f"{day}T{hour:02d}:{minute:02d}", "part-of-day", day, day), end

"""Place mentions: named entities the model tags as locations, cue patterns ("le village de X",
"the town of X", "X Oblast"), and capitalized names the gazetteer knows, which catch what NER
misses, mislabels, or cannot see at all (English on the blank pipeline).

Geocoding happens later, in ``sitrep.resolve.geocode``; here we only find and classify.
"""

from __future__ import annotations

import json
from difflib import SequenceMatcher
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..lang import is_event_word, load_lexicon, lookup
from ..nlp.extensions import register_extensions
from ..nlp.syntax import has_parse, span_root
from ..resolve.gazetteer import Gazetteer, normalize, without_article
from .mentions import PlaceMention

PLACE_LABELS = {"LOC", "GPE"}
_WEAPON_KINDS = {"MISSILE", "ARTILLERY", "DRONE", "AIRCRAFT", "BOMB", "IED", "GRENADE", "CHEMICAL", "GUN", "WEAPON"}
_MAX_NAME_TOKENS = 3
_BIG_TOWN = 50_000  # a town this big named like its region is what the bare name means
_FACILITY_NAME_WORDS = 2  # "Springfield [High] School", "Vancouver [International] Airport"
_DATELINE_MARKS = {"—", "–", "--", "-", "(", "(AP)"}
_BRACKET_SPAN = 16  # tokens inside "(Teso North, Busia)", "(Zaki, Aru, Ituri)"
# words in capitals that open a dateline-like line but name no place: wire services and headings
_NOT_DATELINES = {"AP", "AFP", "UPI", "REUTERS", "UPDATE", "UPDATED", "BREAKING", "EXCLUSIVE"}
_SPELLING_SCORE = 0.7
_SAME_NAME_LIKENESS = 0.8  # "kostiantynivka" ~ "kostyantynivka" (0.93); "center" ~ "center line" (0.71)
_STATE_NAMESAKES = 2  # a state acts by its country's name, or by its capital's, among a name's first namesakes


def admin_abbreviations() -> dict[str, dict[str, list[str]]]:
    """How news abbreviates first-level units ("Calif.", "W.Va.", "B.C."), by country code and
    GeoNames admin1 name (``sitrep/data/admin_abbreviations.json``)."""
    data = json.loads(resources.files("sitrep.data").joinpath("admin_abbreviations.json").read_text(encoding="utf-8"))
    return {code: units for code, units in data.items() if not code.startswith("_")}


def actor_words(lang: str) -> set[str]:
    """One-word aliases of the curated actors: names of groups, not of places."""
    from .actors import actor_catalogue

    return {alias for entry in actor_catalogue()["actors"] for alias in entry["aliases"].get(lang, [])
            if " " not in alias and entry["kind"] != "government"}


@Language.factory("sitrep_places", requires=["doc.ents"], assigns=["doc._.sitrep_places"])
def make_places(nlp: Language, name: str) -> "PlaceFinder":
    return PlaceFinder(nlp.lang)


_OF = {"of", "de", "des", "du", "d'", "d’"}
_JOINING = {"of", "and", "de", "du", "des", "et", "d'", "d’"}  # words inside a name: "Bosnia and Herzegovina"
_ARTICLES = {"the", "la", "le", "les", "l'", "l’"}  # "the Embassy of", "l'ambassade de"


class PlaceFinder:
    def __init__(self, lang: str) -> None:
        self.lang = lang
        register_extensions()
        lex = self.lex = load_lexicon(lang)
        self.cue_nouns = set(lex.section("places", "cue_nouns"))
        self.admin1_nouns = set(lex.section("places", "admin1_nouns"))
        self.demonyms = lex.section("actors", "demonyms")
        self.speech_verbs = lex.section("attribution", "verbs")
        self.not_places = set(lex.section("places", "not_places"))
        # words that tell an event ("Shelling hit Kharkiv"): capitalized at a sentence's start, NER may take them for places
        self.event_words = {k for k in lex.section("triggers") if " " not in k}
        self.locative = set(lex.section("places", "locative_prepositions"))
        self.admin2_nouns = set(lex.section("places", "admin2_nouns"))
        self.street_nouns = set(lex.section("places", "street_nouns"))
        self.facility_nouns = set(lex.section("places", "facility_nouns"))
        self.region_qualifiers = set(lex.section("places", "region_qualifiers") or [])
        self.lowercase_streets = set(lex.section("places", "street_nouns_lowercase") or [])  # "Al Karama square"
        self.lowercase_cues = set(lex.section("places", "cue_nouns_lowercase") or [])  # "Washington state", not "Islamic State"
        self.mission_nouns = set(lex.section("places", "mission_nouns") or [])  # "the US Embassy": the US's, not in the US
        self.conjunctions = {"and", "or", "et", "ou", "&"}
        self.inside_words = set(lex.section("places", "inside_words"))  # "X area in Y": X is inside Y
        self.area_nouns = set(lex.section("places", "area_nouns"))  # "area", "neighborhood", "camp"
        self.settlement_nouns = set(lex.section("places", "settlement_nouns") or [])  # "Amara city": no region
        self.name_particles = set(lex.section("places", "name_particles"))  # "Deir [ez] Zor", "Ain [al] Saltan"
        self.titles = set(lex.section("quotes", "title_nouns"))
        self.gazetteer: Gazetteer | None = None
        self.demonym_openers = {d.split()[0] for d in self.demonyms if " " in d}  # "north" of "north korean"
        self._country_names: dict[str, bool] = {}  # whether a capitalized demonym is a country's name too
        # "Calif." -> ("US", "California"): how news abbreviates states and provinces
        self.abbreviations = {short.replace(" ", ""): (country, unit) for country, units in admin_abbreviations().items()
                              for unit, forms in units.items() for short in forms}
        self.weapons = {w for w, kind in lex.section("instruments").items()  # "Katyusha", "Grad", "Shahed"
                        if " " not in w and kind in _WEAPON_KINDS}
        # capitalized words that are never read as place names, whatever the gazetteer holds
        # ("Police" and "Forces" are towns somewhere)
        self.never: set[str] = (
            set(self.demonyms) | self.not_places | self.titles | self.cue_nouns
            | set(lex.section("actors", "force_nouns")) | set(lex.section("actors", "police_nouns"))
            | set(lex.section("actors", "civilian_nouns")) | set(lex.section("actors", "protester_nouns"))
            | set(lex.section("time", "weekdays")) | set(lex.section("time", "months"))
            | set(lex.section("casualties", "person_nouns")) | set(lex.section("places", "direction_words"))
            | set(lex.section("places", "region_qualifiers") or [])
            | set(lex.section("places", "street_nouns"))
            | set(lex.section("places", "facility_nouns")) - {"city"}  # "General Hospital"; "Kansas City" stays
            | self.weapons
            | actor_words(lang)  # "Taliban" is also a town in Turkey
        )
        self.actor_names = actor_words(lang)

    def use_gazetteer(self, gazetteer: Gazetteer) -> None:
        """Let the finder recognize names the gazetteer knows (injected by the Extractor)."""
        self.gazetteer = gazetteer
        self._country_names = {}
        # a demonym that is also a country's name is a place when capitalized: "la Suisse", "l'Argentine"
        self.never -= {word for word in self.demonyms if self._country_name(word)}

    def __call__(self, doc: Doc) -> Doc:
        found: dict[tuple[int, int], PlaceMention] = {}
        people = self.person_words(doc)
        for ent in self.place_entities(doc):
            if len(ent.text) < 3 and not ent.text.isupper():
                continue  # "Al" of "Al-Qasr" when the rest escaped: a particle is no place
            if not self.is_not_place(doc, ent) and not self.on_a_street(doc, ent.start, ent.end) \
                    and not self.in_a_compound(doc, ent) and not (len(ent) == 1 and ent.text in people):
                span = self.known_part(ent) if self.gazetteer is not None else ent
                found[(span.start, span.end)] = PlaceMention(span.start, span.end, span.text, "ner")
        for mention in self.find_cued(doc):
            overlapping = [k for k in found if k[0] < mention.end and mention.start < k[1]]
            for key in overlapping:
                del found[key]
            found[(mention.start, mention.end)] = mention
        if self.gazetteer is not None:
            for mention in self.find_known(doc, found):
                found[(mention.start, mention.end)] = mention
            for mention in self.find_datelines(doc, found) + self.find_abbreviated(doc, found):
                found[(mention.start, mention.end)] = mention
            for mention in self.find_in_names(doc, found):
                found[(mention.start, mention.end)] = mention
        mentions = sorted(found.values(), key=lambda m: m.start)
        if self.gazetteer is not None:
            mentions = self.join_known(doc, mentions)
        for mention in mentions:
            state = self.acting_state(doc[mention.start:mention.end]) if mention.role == "location" else None
            if state is not None:  # "Russia struck Kharkiv": who acted (its forces), not where
                mention.role, mention.acts, mention.country_hint = "metonym", True, state
            elif mention.role == "location" and self.is_metonym(doc[mention.start:mention.end]):
                mention.role = "metonym"
            elif mention.role == "location" and self.names_a_mission(doc, mention.start, mention.end):
                mention.role = "in_name"
        if self.gazetteer is not None:
            mentions = sorted(mentions + self.find_apposed(doc, mentions), key=lambda m: m.start)
            self.mark_settlements(doc, mentions)
            self.mark_enclosing(doc, mentions)
            self.mark_lists_of_regions(doc, mentions)
            self.mark_attributive(doc, mentions)
        mentions = sorted(mentions + self.find_demonyms(doc, mentions), key=lambda m: m.start)
        doc._.sitrep_places = mentions
        return doc

    def join_known(self, doc: Doc, mentions: list[PlaceMention]) -> list[PlaceMention]:
        """Two names the model split at "of", "and" or "de" that the gazetteer knows whole are one
        place: "[Democratic Republic] of the [Congo]", "[Bosnia] and [Herzegovina]"."""
        joined: list[PlaceMention] = []
        for mention in mentions:
            last = joined[-1] if joined else None
            between = [t.lower_ for t in doc[last.end:mention.start]] if last is not None else []
            if last is not None and 0 < len(between) <= 2 and between[0] in _JOINING and set(between) <= _JOINING | _ARTICLES:
                whole = doc[last.start:mention.end].text
                if self.gazetteer.lookup(whole):  # type: ignore[union-attr]
                    joined[-1] = PlaceMention(last.start, mention.end, whole, last.source)
                    continue
            joined.append(mention)
        return joined

    def place_entities(self, doc: Doc) -> list[Span]:
        """The model's place entities, each extended over the rest of a name it split: "[Al]-[Qasr]",
        "[Deir] ez [Zor]", "[Ain] al [Saltan]" (through a hyphen or a name particle, to a capitalized
        word), "[Sin] In village" (capitalized words up to a place noun)."""
        spans = []
        for ent in doc.ents:
            if ent.label_ not in PLACE_LABELS and not (self.gazetteer is not None and (
                    len(ent) > 1 and self._mislabelled_place(doc, ent) or self._struck_place(doc, ent))):
                continue
            if spans and ent.start < spans[-1].end:
                continue  # taken into the name before
            compound = self._compound(doc, ent.start) if self.gazetteer is not None else None
            if compound is not None and compound.end > ent.end and self.gazetteer.lookup(compound.text):
                spans.append(compound)  # "[Port]-au-Prince": the model took the first word, the gazetteer knows all
                continue
            end = ent.end
            while end + 1 < len(doc):
                link = doc[end]
                glued = link.text == "-" and not doc[end - 1].whitespace_ and not link.whitespace_
                if (glued or link.lower_ in self.name_particles and link.is_lower) and self._name_word(doc[end + 1]):
                    end += 2
                    continue
                break
            run = end
            while run < len(doc) and doc[run].is_title and doc[run].is_alpha and doc[run].lower_ not in self.never \
                    and doc[run].ent_iob_ != "B":  # another entity is another name
                run += 1
            if run > end and run < len(doc) and doc[run].lower_ in self.cue_nouns:
                end = run  # "Sin In village": the whole capitalized run names the village
            spans.append(doc[ent.start:end])
        return spans

    def _name_word(self, token) -> bool:
        return token.text[:1].isupper() and token.is_alpha and token.lower_ not in self.never

    def find_demonyms(self, doc: Doc, mentions: list[PlaceMention]) -> list[PlaceMention]:
        """Demonyms ("Canadian officials", "two Israelis", "les soldats russes", "North Korean"): they
        name a country, but as an actor's or a person's, never as where something happened (role
        ``demonym``, geocoded to the country). English ones are capitalized; a French adjective is not.
        A demonym inside a person's name ("John French") or a place's is none."""
        taken = {i for m in mentions for i in range(m.start, m.end)}
        taken |= {i for e in doc.ents if e.label_ in ("PER", "PERSON") for i in range(e.start, e.end)}
        capitalized = doc.lang_ == "en"
        found, i = [], 0
        while i < len(doc):
            token = doc[i]
            if i in taken or not token.is_alpha or capitalized and not token.text[:1].isupper():
                i += 1
                continue
            # "North Korean", "South African" before "Korean", "African"
            widths = (2, 1) if token.lower_ in self.demonym_openers else (1,)
            for width in widths:
                span = doc[i:i + width]
                if len(span) < width or any(t.i in taken or capitalized and not t.text[:1].isupper() for t in span[1:]):
                    continue
                code = self.demonym_country(span)
                if code is not None:
                    found.append(PlaceMention(span.start, span.end, span.text, "demonym", role="demonym", country_hint=code))
                    i = span.end - 1
                    break
            i += 1
        return found

    def demonym_country(self, span: Span) -> str | None:
        """The country ``span`` is a demonym of, by its form, its plural's singular ("Israelis") or
        its lemma; None for a country's own name ("Afghanistan" in "Afghanistan forces", "la Suisse";
        the French adjective "suisse" is a demonym)."""
        low = span.text.lower()
        keys = [low, low[:-1] if low.endswith("s") else low]
        if len(span) == 1:
            keys.append(span[0].lemma_.lower())
        code = next((self.demonyms[k] for k in keys if k in self.demonyms), None)
        if code is None or span.text[:1].isupper() and self._country_name(span.text):
            return None
        return code

    def _country_name(self, name: str) -> bool:
        if self.gazetteer is None:
            return False
        if name not in self._country_names:
            self._country_names[name] = any(e.feature == "country" for e in self.gazetteer.lookup(name))
        return self._country_names[name]

    def find_apposed(self, doc: Doc, mentions: list[PlaceMention]) -> list[PlaceMention]:
        """Unknown names the text puts in a region or country: "shelled Kolodiazne, Kharkiv",
        "near Mykhalchyna-Sloboda, Chernihiv". A capitalized run (hyphens allowed) after a
        lowercase word, right before a comma and a known region or country."""
        starts = {m.start: m for m in mentions}
        taken = {i for m in mentions for i in range(m.start, m.end)}
        # the model often takes an unknown village for a person: only full names block
        people = {i for e in doc.ents if e.label_ not in PLACE_LABELS and len(e) > 1 for i in range(e.start, e.end)}
        found = []
        for comma in doc:
            unit = starts.get(comma.i + 1)
            if comma.text not in (",", "(") or unit is None or unit.role != "location" or comma.i == 0:
                continue
            if comma.text == "(" and not (unit.end < len(doc) and doc[unit.end].text == ")"):
                continue  # "Kyrylivka (Donetsk)"
            if not any(e.feature in ("admin1", "country") for e in self.gazetteer.lookup(unit.name)):  # type: ignore[union-attr]
                continue
            if unit.end < len(doc) and doc[unit.end].lower_ in ("'s", "’s"):
                continue  # "Zelensky, Ukraine's president"
            end = start = comma.i
            while start > 0 and (self._candidate(doc[start - 1]) or (doc[start - 1].text == "-" and not doc[start - 1].whitespace_)):
                start -= 1
            while start < end and doc[start].text == "-":
                start += 1
            if start == end or start == 0 or doc[start - 1].text[:1].isupper() or doc[start - 1].is_punct:
                continue
            if any(i in taken for i in range(start, end)) \
                    or doc[start - 1].pos_ not in ("ADP", "VERB") and any(i in people for i in range(start, end)):
                continue  # (after "in", "near", "shelled", a full "name" is a village: "near Stara Mykolaivka, Donetsk")
            found.append(PlaceMention(start, end, doc[start:end].text, "apposition"))
        return found

    def mark_enclosing(self, doc: Doc, mentions: list[PlaceMention]) -> None:
        """"Kolodiazne, Kharkiv", "Robotyne, Zaporizhzhia region", "Rostov, Russia": a place then,
        after a comma, a region or a country is a place inside that unit; the second is read as
        the unit (not its capital city). A list ("Kyiv, Odesa and Lviv") is not."""
        for a, b in zip(mentions, mentions[1:]):
            nouns = doc[a.end:b.start - 1]  # "Qalat city, Zabul", "Kalynivka village, Donetsk"
            if b.start <= a.end or len(nouns) > 2 or any(t.lower_ not in self.cue_nouns | self.area_nouns or t.text[:1].isupper()
                                                          for t in nouns):
                continue
            if doc[b.start - 1].text not in (",", "(") or b.role != "location":
                continue
            if doc[b.start - 1].text == "(" and not (b.end < len(doc) and doc[b.end].text == ")"):
                continue  # "Buhaivka (Kharkiv)"
            if self._in_list(doc, a, b, mentions):
                continue  # "Kyiv, Odesa and Lviv", "Kyiv, Odesa, Lviv", "Delaware, Kentucky, South Carolina, and Tennessee"
            named = self.gazetteer.lookup(a.name)  # type: ignore[union-attr]
            regional = ("continent", "region", "country", "admin1")
            if named and all(e.feature in regional for e in named) and all(
                    e.feature in regional for e in self.gazetteer.lookup_spelling(a.name)):  # type: ignore[union-attr]
                continue  # "Kentucky, South Carolina": a region is inside no other ("Zaporizhia, Zaporizhia" is the city)
            units = [e for e in self.gazetteer.lookup(b.name) if e.feature in ("admin1", "country")]  # type: ignore[union-attr]
            if not units:
                continue
            a.within = b.name
            a.bracketed = doc[b.start - 1].text == "("
            if b.level_hint is None and any(e.feature == "admin1" for e in units):
                b.level_hint = "admin1"
        self.mark_parenthesized_units(doc, mentions)
        for a, b in zip(mentions, mentions[1:]):  # "Al Hamidiah area in Damascus city", "Bakhmut in Donetsk"
            between = [t.lower_ for t in doc[a.end:b.start]]
            if a.within or b.role != "location" or not between or between[-1] not in self.inside_words:
                continue
            if all(w in self.cue_nouns or w in self.area_nouns or w in ("the", "la", "le", "l'") for w in between[:-1]):
                a.within = b.text

    def mark_settlements(self, doc: Doc, mentions: list[PlaceMention]) -> None:
        """"Amara city", "Kawkareik town", "the village of Kampungu": a settlement, not the region
        or the country of that name."""
        for mention in mentions:
            after = doc[mention.end] if mention.end < len(doc) else None
            before = doc[mention.start - 2:mention.start] if mention.start >= 2 else None
            cued_after = after is not None and after.is_lower and after.lower_ in self.settlement_nouns
            cued_before = before is not None and before[0].lower_ in self.settlement_nouns and before[1].lower_ in _OF
            if mention.level_hint is None and mention.role == "location" and (cued_after or cued_before):
                mention.level_hint = "settlement"
            elif mention.level_hint is None and mention.role == "location" and after is not None and after.is_lower \
                    and after.lower_ in self.area_nouns:
                mention.level_hint = "local"  # "Siria area", "the Jabalia camp": no country ("Siria" is Syria in Spanish)

    def mark_attributive(self, doc: Doc, mentions: list[PlaceMention]) -> None:
        """"US military forces", "a US airstrike", "Afghanistan nationals": in English, a country's name
        that qualifies the noun after it says whose the forces or the strike are, not where it happened
        (French puts the adjective after: "les forces américaines", a demonym)."""
        if self.lang != "en" or not doc.has_annotation("DEP"):
            return
        for mention in mentions:
            following = doc[mention.end] if mention.end < len(doc) else None
            if mention.role != "location" or following is None or not following.is_lower or not (
                    following.pos_ in ("NOUN", "ADJ") or following.tag_[:2] in ("NN", "JJ")) \
                    or following.lower_ in self.cue_nouns | self.area_nouns:
                continue
            root = span_root(doc[mention.start:mention.end])
            qualifies = root.dep_ in ("compound", "amod", "nmod", "nmod:poss") and root.head.i >= mention.end
            if not qualifies and not (mention.start > 0 and doc[mention.start - 1].pos_ == "DET"):
                continue  # ("a US airstrike", whatever the parse; not "in Ukraine yesterday")
            entries = self.gazetteer.lookup(mention.name)  # type: ignore[union-attr]
            if entries and entries[0].feature == "country":
                mention.attributive = True

    def mark_parenthesized_units(self, doc: Doc, mentions: list[PlaceMention]) -> None:
        """"Malaba (Teso North, Busia)", "Robena (Oula, Yatenga)": a place, then in brackets the units
        that hold it, smallest first, as gazetteers and incident logs write them. The place and each
        unit but the last are inside the last one, when the gazetteer knows it as a unit (a region,
        a district, a country) and the brackets hold nothing but names and commas."""
        by_start = {m.start: m for m in mentions}
        for a in mentions:
            opening = a.end
            while opening < len(doc) and opening - a.end < 2 and doc[opening].lower_ in self.cue_nouns | self.area_nouns:
                opening += 1  # "Halgan village (Bulo Burto, Hiraan)"
            if opening + 1 < len(doc) and doc[opening].text == "-" and _capitalized_word(doc[opening + 1]):
                opening += 1  # "Salvador - Valeria (Bahia)": a district of the city
                while opening < len(doc) and opening - a.end < 4 and _capitalized_word(doc[opening]):
                    opening += 1
            if opening >= len(doc) or doc[opening].text != "(":
                continue
            inner: list[PlaceMention] = []
            k = opening + 1
            while k < len(doc) and k - opening <= _BRACKET_SPAN:
                if k in by_start and doc[k - 1].text in ("(", ","):
                    inner.append(by_start[k])
                    k = by_start[k].end
                elif doc[k].text == "," or _capitalized_word(doc[k]) or doc[k].text == "-":
                    k += 1  # a name the gazetteer does not know ("Teso North")
                else:
                    break
            if not inner or k >= len(doc) or doc[k].text != ")" or inner[-1].end != k or inner[-1].role != "location":
                continue
            unit = inner[-1]
            countries = {e.country_code for e in self.gazetteer.lookup(unit.name)  # type: ignore[union-attr]
                         if e.feature in ("admin1", "admin2", "country")}
            if not countries or any(_big_elsewhere(self.gazetteer.lookup(m.name), countries) for m in inner[:-1]):  # type: ignore[union-attr]
                continue  # "Bogota - Teusaquillo (Bogota, D.C.)": Bogotá's own district, not Washington's
            for held in [a, *inner[:-1]]:
                if held.within is None and held.role == "location":
                    held.within, held.bracketed = unit.name, True

    def _in_list(self, doc: Doc, a: PlaceMention, b: PlaceMention, mentions: list[PlaceMention]) -> bool:
        """Whether "a, b" are items of a list: a name comes after b (", and", ", or", ",", "and"), or
        came before a (", a, b")."""
        starts = {m.start for m in mentions}
        ends = {m.end for m in mentions}
        after = doc[b.end] if b.end < len(doc) else None
        if after is not None and after.lower_ in self.conjunctions:
            return True
        if after is not None and after.text == ",":
            following = b.end + 1
            if following < len(doc) and doc[following].lower_ in self.conjunctions:
                following += 1
            if following < len(doc) and doc[following].lower_ in _ARTICLES:
                following += 1  # ", and the United Kingdom"
            if following in starts:
                return True
        return a.start >= 2 and doc[a.start - 1].text == "," and a.start - 1 in ends

    def mark_lists_of_regions(self, doc: Doc, mentions: list[PlaceMention]) -> None:
        """In a list of regions ("Michigan, Oregon, New Mexico, New York, Indiana"), a name that is
        also a big city's is the region: when at least two other names of the list, and half of
        them, are regions and no big city's, each name of the list that a region bears is read as
        that region. Cities named like their regions ("Kyiv, Kharkiv, Odesa") make no such list."""
        runs: list[list[PlaceMention]] = []
        for mention in mentions:
            if mention.role != "location":
                continue
            last = runs[-1][-1] if runs else None
            between = [t.lower_ for t in doc[last.end:mention.start]] if last is not None else []
            if between and set(between) <= {","} | self.conjunctions and len(between) <= 2:
                runs[-1].append(mention)
            else:
                runs.append([mention])
        for run in runs:
            if len(run) < 3:
                continue
            kinds = [self._region_kind(m.name) for m in run]
            for mention, kind in zip(run, kinds):
                others = [k for m, k in zip(run, kinds) if m is not mention]
                plain = sum(1 for k in others if k == "region")
                if kind == "both" and mention.level_hint is None and plain >= 2 and 2 * plain >= len(others):
                    mention.level_hint = "admin1"

    def _names_a_region(self, name: str) -> bool:
        """A name a region bears, and not a word of direction ("Northern" is a Ghanaian region's)."""
        return name.lower() not in self.region_qualifiers and (self.gazetteer is None or self._region_kind(name) is not None)

    def _region_kind(self, name: str) -> str | None:
        """"region" for a name only a region bears among big places ("Michigan"), "both" for one a
        big city bears too ("New York", "Kharkiv"), else None."""
        entries = self.gazetteer.lookup(name)  # type: ignore[union-attr]
        if not any(e.feature == "admin1" for e in entries):
            return None
        big_town = any(e.feature in ("city", "town") and e.population >= _BIG_TOWN for e in entries)
        return "both" if big_town else "region"

    def find_cued(self, doc: Doc) -> list[PlaceMention]:
        """`<cue noun> [demonym] de/of <Proper name>` and `<Proper name> <cue noun>`."""
        mentions = []
        for token in doc:
            if token.lower_ not in self.cue_nouns or token.lower_ in self.lowercase_cues and not token.is_lower:
                continue
            level = "admin1" if token.lower_ in self.admin1_nouns else "admin2" if token.lower_ in self.admin2_nouns else None
            i, country = token.i + 1, None
            if i < len(doc) and doc[i].lower_ in self.demonyms:
                country = self.demonyms[doc[i].lower_]
                i += 1
            named_before = token.i > 0 and doc[token.i - 1].text[:1].isupper() and not doc[token.i - 1].is_sent_start \
                and not doc[token.i - 1].is_stop  # ("The village of Kampungu" opens a quote)
            if i < len(doc) and doc[i].lower_ in ("de", "d'", "of", "du") and not named_before:
                # ("the Puno region of Peru": the region has its name; Peru holds it)
                name = self._proper_run(doc, i + 1)
                if name is not None:
                    mentions.append(PlaceMention(name.start, name.end, name.text, "cue", level, country_hint=country))
                    continue
            if level and token.i > 0:
                before = self._proper_run_backwards(doc, token.i)
                if before is not None and token.lower_ in self.lowercase_cues and not self._names_a_region(before.text):
                    continue  # "[Republican] state lawmakers", "[Northern] state": "Washington state" only
                if before is not None:  # "the Bryansk region", "Donetsk Oblast", "Kanawha County"
                    mentions.append(PlaceMention(before.start, before.end, before.text, "cue-after", level))
        return mentions

    def find_known(self, doc: Doc, found: dict[tuple[int, int], PlaceMention]) -> list[PlaceMention]:
        """Runs of capitalized words, not already a place or a person or organization the model
        found, that the gazetteer knows: the longest known sub-run (up to three words) wins."""
        assert self.gazetteer is not None
        blocked = [(e.start, e.end) for e in doc.ents
                   if e.label_ not in PLACE_LABELS and len(e) > 1 and not self._mislabelled_place(doc, e)]
        people = self.person_words(doc)
        blocked += list(found)
        mentions, i = [], 0
        while i < len(doc):
            if not self._candidate(doc[i]) or any(s <= i < e for s, e in blocked):
                i += 1
                continue
            end = i
            while end < len(doc) and end - i < _MAX_NAME_TOKENS and self._candidate(doc[end]) \
                    and not any(s <= end < e for s, e in blocked):
                end += 1
            if i > 1 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_:
                i += 1  # the tail of a compound read whole already
                continue
            compound = self._compound(doc, i)
            if compound is not None:  # "Wal-Mart", "Bila-Tserkva": the whole compound or nothing
                if self._known(compound.text) and not self.on_a_street(doc, compound.start, compound.end):
                    mentions.append(PlaceMention(compound.start, compound.end, compound.text, "gazetteer"))
                i = compound.end
                continue
            if self.on_a_street(doc, i, end):  # "Dublin Road", "rue de Kiev"
                i = end
                continue
            for stop in range(end, i, -1):
                span = doc[i:stop]
                if stop < end and doc[stop].lower_ not in self.facility_nouns:
                    continue  # part of a longer name: "Mala" in "Mala Vovcha" is not Mala (Peru)
                if span[0].is_sent_start and len(span) == 1 and not self._major(span.text):
                    continue  # "Police said…": a sentence-initial capital proves nothing
                if len(span) == 1 and span.text in people:
                    continue  # "Strickland said": the surname of a person the article names
                if self._known(span.text) if len(span) > 1 else self._known_word(span.text):
                    mentions.append(PlaceMention(i, stop, span.text, "gazetteer"))
                    i = stop
                    break
            else:
                i += 1
        return mentions

    def find_in_names(self, doc: Doc, found: dict[tuple[int, int], PlaceMention]) -> list[PlaceMention]:
        """Places that open the name of an organization ("Dublin City Council", "the Georgia Bureau
        of Investigation", "Kanawha County Commission") or close it after "of" ("University of
        Virginia"): named, and telling where the story is, but not where anything happened (role
        ``in_name``). Only names known exactly, and surely a place's (:meth:`_named_place`)."""
        taken = {i for start, end in found for i in range(start, end)}
        mentions = []
        for ent in doc.ents:
            if ent.label_ in PLACE_LABELS or ent.label_ in ("PER", "PERSON") or len(ent) < 2 \
                    or any(i in taken for i in range(ent.start, ent.end)):
                continue
            span = next((doc[ent.start:stop] for stop in range(min(ent.start + _MAX_NAME_TOKENS, ent.end - 1), ent.start, -1)
                         if self._named_place(doc[ent.start:stop])), None)
            if span is None:
                of = next((t.i for t in ent[1:-1] if t.lower_ == "of"), None)
                tail = doc[of + 1:ent.end] if of is not None else None
                span = tail if tail is not None and len(tail) <= _MAX_NAME_TOKENS and self._named_place(tail) else None
            if span is not None:
                mentions.append(PlaceMention(span.start, span.end, span.text, "name", role="in_name"))
        return mentions

    def _named_place(self, span: Span) -> bool:
        """A name that is surely a place's, inside another name: a country, a region, a city of
        100,000 or more, or a county named in full ("Kanawha County"); not a town, which is too
        often a surname or a word too ("Franklin", "Center")."""
        if not all(self._candidate(t) for t in span) or span.text.lower() in self.never:
            return False
        features = {"country", "admin1", "city"} | ({"admin2"} if span[-1].lower_ in self.admin2_nouns else set())
        return any(e.feature in features for e in self.gazetteer.lookup(span.text))  # type: ignore[union-attr]

    def find_datelines(self, doc: Doc, found: dict[tuple[int, int], PlaceMention]) -> list[PlaceMention]:
        """The dateline of wire copy, a town in capitals opening a sentence before a dash, a
        parenthesis or a comma and a name: "CORSICANA —", "BOWLING GREEN, Ohio (AP)",
        "ST. JOHN'S, N.L. -". Only a name the gazetteer knows (the model misses words in capitals)."""
        taken = {i for start, end in found for i in range(start, end)}
        mentions = []
        for token in doc:
            i = token.i
            if i in taken or not (i == 0 or token.is_sent_start or doc[i - 1].text in (".", "\n") or "\n" in doc[i - 1].whitespace_
                                  or doc[i - 1].is_space):
                continue
            end = i
            while end < len(doc) and end - i < 5 and (doc[end].text.isupper() and (doc[end].is_alpha or doc[end].text in ("'S", "’S"))
                                                      or doc[end].text == "." and end > i and doc[end - 1].text == "ST"):
                end += 1
            if end == i or end >= len(doc) or sum(ch.isalpha() for ch in doc[i:end].text) < 3 or doc[i].text in _NOT_DATELINES:
                continue
            after = doc[end]
            if not (after.text in _DATELINE_MARKS or after.text == "," and end + 1 < len(doc) and doc[end + 1].text[:1].isupper()):
                continue
            if any(e.feature not in ("continent", "region") for e in self.gazetteer.lookup(doc[i:end].text)):  # type: ignore[union-attr]
                mentions.append(PlaceMention(i, end, doc[i:end].text, "dateline"))
        return mentions

    def find_abbreviated(self, doc: Doc, found: dict[tuple[int, int], PlaceMention]) -> list[PlaceMention]:
        """States and provinces as news abbreviates them ("Calif.", "W. Va.", "B.C."): after a
        town and a comma ("Fresno, Calif.", "CHARLESTON, W.Va. (AP)"), or anywhere in a form of
        dotted letters that no word has ("W.Va.", "N.D.", "S.C.")."""
        mentions, i = [], 0
        while i < len(doc):
            for span in self._dotted(doc, i):
                # the model may tag the abbreviation itself as a place ("S.C."), never a longer name with it
                if any(start < span.end and span.start < end and (start, end) != (span.start, span.end)
                       for start, end in found):
                    continue
                unit = self.abbreviations.get(span.text.replace(" ", ""))
                if unit is None:
                    continue
                after_town = i >= 2 and doc[i - 1].text == "," and doc[i - 2].text[:1].isupper()
                if after_town or span.text.count(".") >= 2:
                    mentions.append(PlaceMention(span.start, span.end, span.text, "abbreviation", "admin1",
                                                 country_hint=unit[0], lookup=unit[1]))
                    i = span.end - 1
                    break
            i += 1
        return mentions

    @staticmethod
    def _dotted(doc: Doc, i: int) -> list[Span]:
        """The abbreviations token ``i`` may open, longest first: "W. Va." (two tokens), "Ont" +
        "." (split by the tokenizer), "Calif." (one token)."""
        token = doc[i]
        if not token.text[:1].isupper() or len(token.text) > 6:
            return []
        spans = []
        if token.text.endswith(".") and i + 1 < len(doc) and doc[i + 1].text.endswith(".") and len(token.text) <= 3 \
                and doc[i + 1].text[:1].isupper():
            spans.append(doc[i:i + 2])  # "W. Va."
        if i + 1 < len(doc) and doc[i + 1].text == "." and not token.whitespace_ \
                and all(ch.isalpha() or ch == "." for ch in token.text):
            spans.append(doc[i:i + 2])  # "W.Va" "."
        if token.text.endswith(".") and len(token.text) > 2:
            spans.append(doc[i:i + 1])
        return spans

    @staticmethod
    def person_words(doc: Doc) -> set[str]:
        """The surnames of the people the model found by their full names: alone, they are
        people too ("Ted Strickland… Strickland said")."""
        return {e[-1].text for e in doc.ents if e.label_ in ("PER", "PERSON") and len(e) > 1
                and e[-1].is_alpha and e[-1].text[:1].isupper()}

    def on_a_street(self, doc: Doc, start: int, end: int) -> bool:
        """A name that is part of a street's: "Dublin Road", "Orchard St.", "rue de Kiev"."""
        for i in (end - 1, end):  # "[Dublin Road]" as one entity, or "[Dublin] Road"
            if start < i < len(doc) and doc[i].lower_.rstrip(".") in self.street_nouns and (
                    doc[i].text[:1].isupper() or doc[i].lower_ in self.lowercase_streets):
                return True
        before = [t.lower_ for t in doc[max(start - 2, 0):start]]
        return bool(before) and (before[-1] in self.street_nouns
                                 or (len(before) == 2 and before[0] in self.street_nouns and before[1] in ("de", "du", "d'")))

    def names_a_mission(self, doc: Doc, start: int, end: int) -> bool:
        """A country's name that says whose embassy or consulate it is ("the US Embassy in Jakarta",
        "l'ambassade de France à Kyiv"): the mission stands where the sentence puts it, not there."""
        after = doc[end:end + 2]
        if after and (after[0].lower_ in self.mission_nouns
                      or after[0].lower_ in ("'s", "’s") and len(after) > 1 and after[1].lower_ in self.mission_nouns):
            return True
        before = [t.lower_ for t in doc[max(start - 3, 0):start]]
        k = next((k for k in range(len(before) - 1, -1, -1) if before[k] in self.mission_nouns), None)
        between = before[k + 1:] if k is not None else []  # "Embassy of the", "ambassade des"
        return bool(set(between) & _OF) and set(between) <= _OF | {"the", "la", "l'", "l’"}

    def known_part(self, ent: Span) -> Span:
        """A place entity the gazetteer does not know as a whole, but whose first words it does,
        followed by a facility noun, perhaps after words of the facility's name: "Minnesota House"
        is in Minnesota, "St. Cloud Hospital" in St. Cloud, "Springfield High School" in
        Springfield. Or whose words after a qualifier it knows: "East Texas", "Metropolitan Atlanta"."""
        if len(ent) < 2 or self._known(ent.text):
            return ent
        doc = ent.doc
        if doc[ent.start].lower_ in self.region_qualifiers and self._known(doc[ent.start + 1:ent.end].text):
            return doc[ent.start + 1:ent.end]
        for stop in range(ent.end - 1, ent.start, -1):
            if doc[stop].lower_ not in self.facility_nouns:
                continue
            for known_end in range(stop, max(ent.start, stop - _FACILITY_NAME_WORDS - 1), -1):
                if all(t.is_title or t.is_upper for t in doc[known_end:stop]) \
                        and self.gazetteer.lookup(doc[ent.start:known_end].text):  # type: ignore[union-attr]
                    return doc[ent.start:known_end]
        return ent  # "Mala Vovcha" is not Mala, "Lyman Pershyi" not Lyman: an unknown place of its own

    def in_a_compound(self, doc: Doc, ent: Span) -> bool:
        """An entity glued by a hyphen to words that are not places too: "[Kherson]-Mart" is a
        shop; "Kherson-Zaporizhzhia", two places, is not a compound."""
        start = ent.start
        while start > 1 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_ and not doc[start - 1].whitespace_:
            start -= 2
        compound = self._compound(doc, start)
        if compound is None or compound.end <= ent.start:
            return False
        if self.gazetteer is not None and self._known(compound.text) or compound[0].lower_ in self.name_particles:
            return False  # a known place, or an Arabic name: "Al-Hawayij"
        places = {i for e in doc.ents if e.label_ in PLACE_LABELS for i in range(e.start, e.end)}
        return any(t.is_alpha and t.i not in places for t in compound)

    @staticmethod
    def _compound(doc: Doc, i: int) -> Span | None:
        """The hyphenated compound token ``i`` opens ("Wal-Mart"), if it opens one."""
        end = i + 1
        while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
                and not doc[end].whitespace_ and doc[end + 1].is_alpha:
            end += 2
        return doc[i:end] if end > i + 1 else None

    def _mislabelled_place(self, doc: Doc, ent: Span) -> bool:
        """A place the model took for a person or an organization: a town right after a locative
        preposition ("à Tchassiv Iar" tagged PER), or, whole, the very name of a country, a region
        or a city ("Srikakulam, Andhra Pradesh" tagged PER, "in La Paz" tagged ORG): no one and
        nothing else is called just that."""
        if ent.start > 0 and doc[ent.start - 1].lower_ in self.locative and self._known(ent.text):
            return True
        return self._bears_name(ent.text, ("country", "admin1", "city"))

    def _bears_name(self, name: str, features: tuple[str, ...]) -> bool:
        """Whether a place of one of ``features`` has ``name`` as its own name, not as an alternate one."""
        key = normalize(name)
        return any(e.feature in features and normalize(e.name) == key
                   for e in self.gazetteer.lookup(name))  # type: ignore[union-attr]

    def _struck_place(self, doc: Doc, ent: Span) -> bool:
        """A town the model took for a person or an organization because it opens the sentence, told as
        what an event word's passive was done to ("Kherson was shelled", "Zaporizhzhia was struck"): a town
        the gazetteer knows by that very name (not a village's, too often a surname too)."""
        if not has_parse(ent):
            return False
        root = ent.root
        if root.dep_ not in ("nsubj:pass", "nsubjpass") or not self._event_word(root.head):
            return False
        return self._bears_name(ent.text, ("country", "admin1", "admin2", "city", "town"))

    def _event_word(self, token) -> bool:
        return is_event_word(self.lex, token)

    def _known(self, name: str) -> bool:
        """Known by its exact name, or, for towns and bigger, by a close romanization
        ("Tchassiv Iar" for Chasiv Yar): a village's look-alike spelling is too weak a proof."""
        assert self.gazetteer is not None
        bare = without_article(name)  # "As-Sweida": Sweida (As-Suwayda)
        return bool(self.gazetteer.lookup(name)) or bare is not None and bool(self.gazetteer.lookup(bare)) or any(
            e.feature != "village" and e.match_score >= _SPELLING_SCORE for e in self.gazetteer.lookup_spelling(name))

    def _known_word(self, name: str) -> bool:
        """A single capitalized word the model did not tag is a place by a place's own name, by
        another spelling of it ("Kostiantynivka" for Kostyantynivka), or by another name of a
        country, a region, a county or a city ("Kharkov", "Sarpy"); not by the other names of towns
        ("Center" for Ózd) nor by a look-alike ("Action" for Acton): those are too often words."""
        key = normalize(name)
        return any(e.feature in ("country", "admin1", "admin2", "city")
                   or SequenceMatcher(None, key, normalize(e.name)).ratio() >= _SAME_NAME_LIKENESS
                   for e in self.gazetteer.lookup(name))  # type: ignore[union-attr]

    def _candidate(self, token) -> bool:
        text = token.text
        if text[:1].isupper() and not token.whitespace_ and token.i + 2 < len(token.doc) and token.nbor(1).text == "-" \
                and without_article(token.doc[token.i:token.i + 3].text) is not None:
            return True  # an Arabic article opens the name: "As-Sweida", "Ad-Dali"
        return (len(text) > 2 and text[:1].isupper() and token.is_alpha and not token.is_stop
                and token.lower_ not in self.never and not text.isupper())

    def _major(self, name: str) -> bool:
        """A country or a city of 100,000 or more: safe to take even at the start of a sentence."""
        return any(e.feature in ("continent", "region", "country", "city") for e in self.gazetteer.lookup(name))  # type: ignore[union-attr]

    @staticmethod
    def _proper_run(doc: Doc, start: int) -> Span | None:
        end = start
        while end < len(doc) and (doc[end].text[:1].isupper() or (doc[end].text == "-" and end > start)):
            end += 1
        while end > start and not doc[end - 1].text[:1].isupper():
            end -= 1
        return doc[start:end] if end > start else None

    @staticmethod
    def _proper_run_backwards(doc: Doc, end: int) -> Span | None:
        start = end
        while start > 0 and doc[start - 1].text[:1].isupper() and not doc[start - 1].is_sent_start:
            start -= 1
        return doc[start:end] if start < end else None

    def is_not_place(self, doc: Doc, ent: Span) -> bool:
        """Common nouns NER tags as places ("le chef de l'Etat"), and people right after a title
        ("le gouverneur régional Oleh Kiper")."""
        if ent.text.lower() in self.not_places or ent.text.lower() in self.weapons or ent.text.lower() in self.actor_names:
            return True  # "la Défense"; "a Katyusha rocket", "Wagner forces", tagged a place
        if len(ent) == 1 and ent[0].is_sent_start and ent.text.lower() in self.event_words \
                and (self.gazetteer is None or not self._known(ent.text)):
            return True  # "Shelling hit Kharkiv": an event word opening the sentence
        before = [t.lower_ for t in doc[max(ent.start - 2, 0):ent.start]]
        return len(ent) >= 2 and any(word in self.titles for word in before)

    def acting_state(self, span: Span) -> str | None:
        """"Russia struck Kharkiv", "Israël a frappé Gaza": a state (a country, or its capital) as the
        subject of an event word, or the agent of its passive, tells who acted, not where; its country
        code, else None."""
        if self.gazetteer is None or not has_parse(span):
            return None
        root = span.root
        if not self._event_word(root.head):
            return None
        if root.dep_ == "nsubj":
            if any(c.dep_ == "case" for c in root.children) or span.start > 0 and span.doc[span.start - 1].pos_ == "ADP":
                return None  # "in Port-au-Prince - Tabarre, …, a leader … was shot": a subject takes no preposition
        elif root.dep_ != "obl:agent":  # "Kharkiv was shelled by Russia", "bombardée par la Russie"
            return None
        return next((e.country_code for e in self.gazetteer.lookup(span.text)[:_STATE_NAMESAKES]
                     if e.feature == "country" or e.capital), None)  # "Moscou": the oblast first, then the capital

    def is_metonym(self, span: Span) -> bool:
        """"Moscou a démenti", "Washington warned": a place as the subject of a speech verb."""
        doc = span.doc
        if span.end < len(doc) and lookup(self.speech_verbs, doc[span.end]) is not None \
                and (span.start == 0 or doc[span.start - 1].pos_ not in ("ADP", "NOUN", "PROPN")):
            return True  # "Washington warned…", "Moscou a démenti" read without the parse
        if not has_parse(span):
            return False
        root = span.root
        return root.dep_ in ("nsubj", "nsubj:pass") and lookup(self.speech_verbs, root.head) is not None


def _capitalized_word(token) -> bool:
    return token.text[:1].isupper() and not token.is_punct


def _big_elsewhere(entries, countries: set) -> bool:
    """A name whose biggest namesake is a city, none of whose namesakes lies in those countries."""
    return bool(entries) and entries[0].population >= _BIG_TOWN and not any(e.country_code in countries for e in entries)

"""The report's labels of vocabulary codes, in Dutch and English (short nouns for analysts).

The site's own form labels for newcomers live in theme/partials/wegwijs/strings/.
The English names of the site's languages come from languages.yml, read once per run;
their Dutch names are kept here, in DUTCH_LANGUAGE_NAMES, because languages.yml has
none. A test (tests/analysts/test_report.py) keeps them complete: it fails when a
language of languages.yml has no Dutch name here.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from types import MappingProxyType

from wegwijs_shared.languages import load_languages

# The Dutch names of the site's languages: languages.yml holds each language's own name
# and its English name, not a Dutch one. A test fails when a language of languages.yml
# has none here, so that a new language never reaches the report as a bare code.
DUTCH_LANGUAGE_NAMES: dict[str, str] = {
    "nl": "Nederlands",
    "en": "Engels",
    "ar": "Arabisch",
    "fr": "Frans",
    "ru": "Russisch",
    "fa": "Perzisch (Farsi)",
    "ps": "Pasjtoe",
    "ti": "Tigrinya",
    "so": "Somalisch",
    "prs": "Dari",
    "ckb": "Koerdisch (Sorani)",
    "tr": "Turks",
    "uk": "Oekraïens",
}

LABELS: dict[str, dict[str, str]] = {
    "nl": {
        "channel.website": "Website",
        "channel.folder": "Folder (papier)",
        "channel.letter": "Brief",
        "channel.email": "E-mail",
        "channel.sms": "Sms of WhatsApp",
        "channel.phone": "Telefoon",
        "channel.counter": "Loket",
        "channel.course": "Les of lesplatform",
        "channel.partner": "Partnerorganisatie",
        "channel.other": "Ander kanaal",
        "channel.unknown": "Onbekend kanaal",
        "barrier.language": "Niet in mijn taal",
        "barrier.difficult": "Te moeilijke woorden of zinnen",
        "barrier.too_long": "Te lang",
        "barrier.not_found": "Niet gevonden wat ik zocht",
        "barrier.internet": "Geen stabiel internet",
        "barrier.device": "Moeilijk op mijn toestel / geen toestel",
        "barrier.alone": "Moeilijk om alleen te begrijpen",
        "barrier.outdated": "Fout of verouderd",
        "barrier.other": "Iets anders",
        "part.intake": "Onthaal en intake",
        "part.dutch": "Nederlands (A2)",
        "part.mo": "Maatschappelijke oriëntatie",
        "part.work": "Werk (VDAB)",
        "part.participation": "Participatie",
        "part.certificate": "Attest",
        "part.general": "Algemeen",
        "status.mandatory": "Verplicht",
        "status.voluntary": "Vrijwillig",
        "status.unknown": "Weet het niet",
        "device.phone": "Gsm",
        "device.tablet": "Tablet",
        "device.computer": "Computer",
        "device.none": "Geen eigen toestel",
    },
    "en": {
        "channel.website": "Website",
        "channel.folder": "Leaflet (paper)",
        "channel.letter": "Letter",
        "channel.email": "E-mail",
        "channel.sms": "Text or WhatsApp",
        "channel.phone": "Phone",
        "channel.counter": "Office counter",
        "channel.course": "Lesson or course platform",
        "channel.partner": "Partner organisation",
        "channel.other": "Other channel",
        "channel.unknown": "Channel not known",
        "barrier.language": "Not in my language",
        "barrier.difficult": "Words or sentences too difficult",
        "barrier.too_long": "Too long",
        "barrier.not_found": "Could not find what I needed",
        "barrier.internet": "No stable internet",
        "barrier.device": "Hard on my device / no device",
        "barrier.alone": "Hard to understand on my own",
        "barrier.outdated": "Wrong or outdated",
        "barrier.other": "Something else",
        "part.intake": "Welcome and intake",
        "part.dutch": "Dutch (A2)",
        "part.mo": "Civic orientation",
        "part.work": "Work (VDAB)",
        "part.participation": "Participation",
        "part.certificate": "Certificate",
        "part.general": "General",
        "status.mandatory": "Mandatory",
        "status.voluntary": "Voluntary",
        "status.unknown": "Does not know",
        "device.phone": "Phone",
        "device.tablet": "Tablet",
        "device.computer": "Computer",
        "device.none": "No device of their own",
    },
}


@cache
def english_language_names() -> Mapping[str, str]:
    """Each site language's English name by its code, from languages.yml: made once per run,
    not once per label (a report names a page language in many cells)."""
    return MappingProxyType({language.code: language.english for language in load_languages()})


def language_name(lang: str, code: str) -> str:
    """A site language's name in the report's language: English from languages.yml, Dutch
    from DUTCH_LANGUAGE_NAMES (else the English name); the code itself for a language the
    site no longer has (records keep the language they were sent in)."""
    if lang == "nl" and code in DUTCH_LANGUAGE_NAMES:
        return DUTCH_LANGUAGE_NAMES[code]
    return english_language_names().get(code, code)


def label(lang: str, kind: str, code: str) -> str:
    """The label of a vocabulary code; the code itself for one the vocabulary lacks."""
    if kind == "lang":
        return language_name(lang, code)
    return LABELS[lang].get(f"{kind}.{code}", code)

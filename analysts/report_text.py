"""The report's words in Dutch and English: headings, sentences and vocabulary labels.

Labels here are for analysts (short nouns); the site's own form labels for
newcomers live in theme/partials/wegwijs/strings/.
"""

from __future__ import annotations

REPORT_LANGUAGES = ("nl", "en")

TEXTS: dict[str, dict[str, str]] = {
    "nl": {
        "title": "Feedback per communicatiekanaal",
        "period": "Antwoorden van {first} tot en met {last} (UTC): {n} in totaal.",
        "no_data": "Er zijn geen antwoorden in deze periode.",
        "filters": "Filter: {filters}.",
        "synthetic": "Let op: {count} van deze antwoorden zijn synthetische demodata "
        "(pagina onder /_synthetic/), geen echte feedback.",
        "answer": "Welke kanalen worden het best beoordeeld?",
        "answer_lead": "Aandeel lezers dat minstens tevreden is (score 4 of 5 op 5), per kanaal, "
        "met 95%-betrouwbaarheidsinterval (Wilson). Kanalen met minder dan {min} antwoorden "
        "krijgen geen plaats in de rangschikking.",
        "best": "Best beoordeeld: {label}, {share} minstens tevreden (95%-interval {low} – "
        "{high}, n = {n}).",
        "overlap": "De intervallen van de eerste twee kanalen overlappen: het verschil "
        "tussen beide is niet zeker.",
        "rank": "Plaats",
        "channel": "Kanaal",
        "share": "Minstens tevreden",
        "interval": "95%-interval",
        "n": "Antwoorden (n)",
        "mean": "Gemiddelde score",
        "too_few": "Te weinig antwoorden (minder dan {min}): niet gerangschikt",
        "none_too_few": "Alle kanalen hebben genoeg antwoorden.",
        "barriers": "Werkpunten per kanaal",
        "barriers_lead": "Wat het moeilijk maakte, als aandeel van de antwoorden over dat kanaal "
        "(meerdere keuzes mogelijk, dus de som kan boven 100% liggen).",
        "barrier": "Werkpunt",
        "count": "Aantal",
        "share_of_channel": "Aandeel van het kanaal",
        "no_barriers": "Geen werkpunten genoemd.",
        "splits": "Opsplitsingen",
        "splits_lead": "Aandeel minstens tevreden per groep, zoals het Agentschap zijn cijfers "
        "opsplitst; daarna per kanaal (cellen met minder dan {min} antwoorden: –).",
        "split.lang": "Per taal van de pagina",
        "split.part": "Per trajectonderdeel",
        "split.status": "Verplichte en vrijwillige inburgeraars",
        "split.device": "Per toestel",
        "group": "Groep",
        "not_given": "(niet ingevuld)",
        "trend": "Verloop per maand",
        "month": "Maand",
        "pages": "Pagina's met het laagste aandeel tevreden lezers",
        "pages_lead": "De {count} pagina's met het laagste aandeel minstens tevreden lezers, "
        "onder pagina's met minstens {min} antwoorden.",
        "page": "Pagina",
        "no_pages": "Geen pagina heeft genoeg antwoorden.",
        "comments": "Opmerkingen per kanaal",
        "comments_lead": "De nieuwste {cap} opmerkingen per kanaal, nieuwste eerst. E-mailadressen "
        "en telefoonnummers zijn bij ontvangst gemaskeerd.",
        "no_comments": "Geen opmerkingen.",
        "rating": "Score",
        "chart_note": "Grafiek; dezelfde cijfers staan in de tabel.",
        "table": "tabel",
        "alt.ranking": "Staafdiagram: aandeel minstens tevreden per kanaal met 95%-interval. "
        "{items}",
        "alt.barriers": "Warmtekaart: aandeel antwoorden dat een werkpunt noemt, per kanaal. "
        "Meest genoemd: {items}",
        "alt.split": "Staafdiagram: aandeel minstens tevreden per groep. {items}",
        "alt.trend": "Lijndiagram: aandeel minstens tevreden per maand. {items}",
        "alt.pages": "Staafdiagram: pagina's met het laagste aandeel tevreden lezers. {items}",
        "generated": "Gemaakt met python -m analysts report.",
    },
    "en": {
        "title": "Feedback per communication channel",
        "period": "Answers from {first} to {last} (UTC): {n} in total.",
        "no_data": "There are no answers in this period.",
        "filters": "Filter: {filters}.",
        "synthetic": "Note: {count} of these answers are synthetic demo data "
        "(page under /_synthetic/), not real feedback.",
        "answer": "Which channels are rated best?",
        "answer_lead": "Share of readers at least satisfied (rating 4 or 5 out of 5), per "
        "channel, with a 95% confidence interval (Wilson). Channels with fewer than {min} "
        "answers are not ranked.",
        "best": "Rated best: {label}, {share} at least satisfied (95% interval {low} – {high}, "
        "n = {n}).",
        "overlap": "The intervals of the first two channels overlap: the difference between "
        "them is not certain.",
        "rank": "Rank",
        "channel": "Channel",
        "share": "At least satisfied",
        "interval": "95% interval",
        "n": "Answers (n)",
        "mean": "Mean rating",
        "too_few": "Too few answers (fewer than {min}): not ranked",
        "none_too_few": "Every channel has enough answers.",
        "barriers": "Problems named per channel",
        "barriers_lead": "What made it hard, as a share of the answers about that channel "
        "(several choices allowed, so the sum can exceed 100%).",
        "barrier": "Problem",
        "count": "Count",
        "share_of_channel": "Share of the channel",
        "no_barriers": "No problems named.",
        "splits": "Splits",
        "splits_lead": "Share at least satisfied per group, split as the Agency splits its "
        "figures; then per channel (cells with fewer than {min} answers: –).",
        "split.lang": "By page language",
        "split.part": "By trajectory part",
        "split.status": "Mandatory and voluntary participants",
        "split.device": "By device",
        "group": "Group",
        "not_given": "(not answered)",
        "trend": "Monthly trend",
        "month": "Month",
        "pages": "Pages with the lowest share of satisfied readers",
        "pages_lead": "The {count} pages with the lowest share of readers at least satisfied, "
        "among pages with at least {min} answers.",
        "page": "Page",
        "no_pages": "No page has enough answers.",
        "comments": "Comments per channel",
        "comments_lead": "The newest {cap} comments per channel, newest first. E-mail addresses "
        "and phone numbers were masked on arrival.",
        "no_comments": "No comments.",
        "rating": "Rating",
        "chart_note": "Chart; the same numbers are in the table.",
        "table": "table",
        "alt.ranking": "Bar chart: share at least satisfied per channel with 95% interval. {items}",
        "alt.barriers": "Heat map: share of answers naming a problem, per channel. "
        "Most named: {items}",
        "alt.split": "Bar chart: share at least satisfied per group. {items}",
        "alt.trend": "Line chart: share at least satisfied per month. {items}",
        "alt.pages": "Bar chart: pages with the lowest share of satisfied readers. {items}",
        "generated": "Made with python -m analysts report.",
    },
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
        "lang.nl": "Nederlands",
        "lang.en": "Engels",
        "lang.ar": "Arabisch",
        "lang.fr": "Frans",
        "lang.ru": "Russisch",
        "lang.fa": "Perzisch (Farsi)",
        "lang.ps": "Pasjtoe",
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
        "lang.nl": "Dutch",
        "lang.en": "English",
        "lang.ar": "Arabic",
        "lang.fr": "French",
        "lang.ru": "Russian",
        "lang.fa": "Persian (Farsi)",
        "lang.ps": "Pashto",
    },
}


def label(lang: str, kind: str, code: str) -> str:
    """The label of a vocabulary code; the code itself for one the vocabulary lacks."""
    return LABELS[lang].get(f"{kind}.{code}", code)

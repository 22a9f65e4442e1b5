"""The report's words in Dutch and English: headings and sentences (labels: report_labels).

A text with a count has its singular beside it, under the same key with `.one` after it
("1 answer", never "1 answers"): ReportBuilder.tn picks it when the count is 1.
"""

from __future__ import annotations

from analysts.report_labels import LABELS, label

__all__ = ["LABELS", "REPORT_LANGUAGES", "TEXTS", "label"]

REPORT_LANGUAGES = ("nl", "en")

TEXTS: dict[str, dict[str, str]] = {
    "nl": {
        "title": "Feedback per communicatiekanaal",
        "period": "Antwoorden van {first} tot en met {last} (UTC): {n} in totaal.",
        "no_data": "Geen enkel antwoord in deze selectie ({scope}{filters}). Er is dus "
        "niets te rapporteren: kies een andere periode of andere filters, of controleer --store.",
        "selection_period": "periode {window}",
        "selection_store": "alle antwoorden in de opslag, geen periode gekozen",
        "filters": "Filter: {filters}.",
        "filter.exclude-synthetic": "synthetische demodata weggelaten (--exclude-synthetic)",
        "synthetic": "Let op: {count} van deze antwoorden zijn synthetische demodata "
        "(pagina onder /_synthetic/), geen echte feedback.",
        "synthetic.one": "Let op: {count} van deze antwoorden is synthetische demodata "
        "(pagina onder /_synthetic/), geen echte feedback.",
        "answer": "Welke kanalen worden het best beoordeeld?",
        "answer_lead": "Aandeel lezers dat minstens tevreden is (score 4 of 5 op 5), per kanaal, "
        "met 95%-betrouwbaarheidsinterval (Wilson). Kanalen met minder dan {min} antwoorden "
        "krijgen geen plaats in de rangschikking.",
        "best": "Best beoordeeld van de {count} kanalen met minstens {min} antwoorden: "
        "{label}, {share} minstens tevreden (95%-interval {low} – {high}, n = {n}); het "
        "interval overlapt met dat van geen enkel ander vergeleken kanaal.",
        "tied_best": "Van de {count} kanalen met minstens {min} antwoorden is geen enkel alleen "
        "het best beoordeeld: {labels} staan samen in niveau 1, want hun 95%-intervallen "
        "overlappen.",
        "scope_few": "Niet vergeleken, want minder dan {min} antwoorden: {items}.",
        "scope_none": "Kanalen zonder enig antwoord, dus niet vergeleken: {count} (hieronder "
        "genoemd).",
        "scope_unknown": "Antwoorden waarvan het kanaal niet bekend is ({n}), krijgen nooit een "
        "plaats.",
        "scope_all": "Alle {count} kanalen zijn vergeleken.",
        "filtered": "De antwoorden zijn gefilterd op één kanaal, {label} (--channel): er is geen "
        "rangschikking van de kanalen gevraagd, dus geen niveau of plaats.",
        "filtered_share": "{share} minstens tevreden (95%-interval {low} – {high}, n = {n}).",
        "filtered_few": "{count} van {n} minstens tevreden: minder dan {min} antwoorden, dus "
        "geen percentage.",
        "only_one": "Alleen {label} heeft minstens {min} antwoorden ({share} minstens tevreden, "
        "95%-interval {low} – {high}, n = {n}). Er is geen ander kanaal om mee te vergelijken, "
        "dus geen kanaal wordt 'het best beoordeeld' genoemd.",
        "none_ranked": "Geen enkel kanaal heeft minstens {min} antwoorden: er is geen "
        "rangschikking.",
        "tiers_lead": "Niveaus in plaats van een strikte rangorde: het best beoordeelde kanaal "
        "en elk kanaal waarvan het 95%-interval met het zijne overlapt, staan samen op niveau "
        "1, want hun volgorde is niet zeker; het volgende niveau begint bij het beste kanaal "
        "dat overblijft. 'Mogelijke plaatsen' geeft voor elk kanaal de plaatsen die het met "
        "deze intervallen kan innemen.",
        "tier_line": "Niveau {tier}: {labels}.",
        "tier": "Niveau",
        "places": "Mogelijke plaatsen",
        "channel": "Kanaal",
        "share": "Minstens tevreden",
        "interval": "95%-interval",
        "n": "Antwoorden (n)",
        "mean": "Gemiddelde score",
        "too_few": "Te weinig antwoorden (minder dan {min}): niet gerangschikt",
        "too_few_cell": "minder dan {min} antwoorden",
        "none_too_few": "Alle kanalen hebben genoeg antwoorden.",
        "no_answers": "Geen enkel antwoord over: {labels}.",
        "count_of": "{count} van {n}",
        "barriers": "Werkpunten per kanaal",
        "barriers_lead": "Wat het moeilijk maakte, als aandeel van de antwoorden over dat kanaal "
        "(meerdere keuzes mogelijk, dus de som kan boven 100% liggen). Bij minder dan {min} "
        "antwoorden staat alleen het aantal.",
        "heat_missing": "Niet in de warmtekaart (minder dan {min} antwoorden): {labels}.",
        "barrier": "Werkpunt",
        "count": "Aantal",
        "share_of_channel": "Aandeel van het kanaal",
        "no_barriers": "Geen werkpunten genoemd.",
        "barriers_by": "Werkpunten per status en per trajectonderdeel",
        "barriers_by_lead": "Aandeel van de antwoorden in elke groep dat een werkpunt noemt, met "
        "het aantal tussen haakjes; groepen met minder dan {min} antwoorden: alleen het aantal.",
        "barriers_by.status": "Werkpunten: verplichte en vrijwillige inburgeraars",
        "barriers_by.part": "Werkpunten per trajectonderdeel",
        "status_part": "Verplicht en vrijwillig, per trajectonderdeel",
        "status_part_lead": "Aandeel minstens tevreden met 95%-interval en n, voor elke "
        "combinatie van trajectonderdeel en status; bij minder dan {min} antwoorden alleen n.",
        "part": "Trajectonderdeel",
        "splits": "Opsplitsingen",
        "splits_lead": "Aandeel minstens tevreden per groep, zoals het Agentschap zijn cijfers "
        "opsplitst; daarna per kanaal. Bij minder dan {min} antwoorden geen percentage, "
        "alleen n.",
        "split.lang": "Per taal van de pagina",
        "split.part": "Per trajectonderdeel",
        "split.status": "Verplichte en vrijwillige inburgeraars",
        "split.device": "Per toestel",
        "group": "Groep",
        "not_given": "(niet ingevuld)",
        "trend": "Verloop per maand",
        "trend_lead": "Maanden met minder dan {min} antwoorden krijgen geen percentage en "
        "staan niet in de grafiek. Een maand die de periode maar gedeeltelijk dekt, is "
        "gemarkeerd als onvolledig.",
        "partial": "{month} (onvolledig: dag {first}–{last})",
        "partial.one": "{month} (onvolledig: dag {first})",
        "month": "Maand",
        "channel_trend": "Verloop per kanaal",
        "channel_trend_lead": "Aandeel minstens tevreden per kanaal en per maand, met n.",
        "compare": "Vergelijking van twee periodes",
        "compare_lead": "Aandeel minstens tevreden nu ({now}) tegenover eerder ({earlier}), per "
        "kanaal. Het verschil staat in procentpunten (pp) met een 95%-interval volgens "
        "Newcombe (hybride score-interval, gemaakt voor het verschil van twee aandelen). Een "
        "verschil telt als zeker als het interval 0 niet bevat. Bij minder dan {min} "
        "antwoorden in een van beide periodes: geen verschil. Het verschil is berekend uit "
        "de niet-afgeronde aandelen en staat, zoals zijn interval, met één decimaal; een "
        "getoond aandeel is afgerond op een heel procent (een half naar boven), dus het "
        "verschil van twee getoonde aandelen kan er tot 1 pp naast liggen.",
        "compare_earlier": "Eerder",
        "compare_now": "Nu",
        "difference": "Verschil",
        "change": "Oordeel",
        "change.up": "hoger",
        "change.down": "lager",
        "change.none": "niet zeker",
        "change.few": "te weinig antwoorden",
        "compare_all": "Alle kanalen samen",
        "provenance": "Hoe de antwoorden binnenkwamen",
        "provenance_lead": "Hoe het kanaal van elk antwoord werd bepaald: door een kanaallink "
        "(een QR-code op een brief, een link in een sms: ?c=letter), door de lezer zelf gekozen, "
        "of niet bekend (dan is het kanaal 'onbekend'). Zonder JavaScript kan de server een "
        "dubbele tik niet onderscheiden van een klasgenoot met hetzelfde antwoord: identieke "
        "berichten van één afzender binnen enkele seconden worden één antwoord dat ze telt "
        "('samengevoegd'). De cijfers van dit rapport tellen de opgeslagen antwoorden (de "
        "ondergrens); 'ontvangen berichten' telt elk samengevoegd bericht als antwoord (de "
        "bovengrens). Bij die bovengrens staat geen interval: samengevoegde berichten zijn "
        "geen onafhankelijke antwoorden.",
        "stored_count": "{count} antwoorden opgeslagen",
        "stored_count.one": "{count} antwoord opgeslagen",
        "received_count": "{count} ontvangen berichten",
        "received_count.one": "{count} ontvangen bericht",
        "provenance_summary": "{stored} uit {received} ({folded} samengevoegd). Kanaal via een "
        "link: {link}; door de lezer gekozen: {reader}; niet bekend: {none}. Verstuurd met het "
        "script van de pagina: {scripted}; zonder: {unscripted}.",
        "provenance_script": "Waarom het script telt: met JavaScript onthoudt de pagina een "
        "kanaallink (?c=letter) het hele bezoek; zonder JavaScript is de link alleen bekend op "
        "de pagina waar hij naartoe leidde. Wie zonder script doorleest en op een andere pagina "
        "antwoordt, telt als 'kanaal niet bekend', tenzij die in het formulier een kanaal kiest. "
        "De aantallen 'via een link', 'door de lezer gekozen' en 'niet bekend' hangen dus af van "
        "hoeveel lezers zonder script antwoordden: vergelijk die kolommen per kanaal voor u een "
        "verschil tussen kanalen leest.",
        "scripted": "Met script",
        "unscripted": "Zonder script",
        "source.link": "Via een link",
        "source.reader": "Door de lezer gekozen",
        "source.none": "Niet bekend",
        "source.not_recorded": "Niet vastgelegd (vóór schema 2)",
        "stored": "Opgeslagen (n)",
        "folded": "Samengevoegde berichten",
        "received": "Ontvangen berichten",
        "share_stored": "Minstens tevreden (opgeslagen)",
        "share_received": "Minstens tevreden (ontvangen berichten)",
        "total": "Totaal",
        "not_ranked": "Niet gerangschikt: te weinig antwoorden (minder dan {min}), of kanaal "
        "niet bekend",
        "pages": "Pagina's met het laagste aandeel tevreden lezers",
        "pages_lead": "De {count} pagina's met het laagste aandeel minstens tevreden lezers, "
        "onder pagina's met minstens {min} antwoorden.",
        "pages_lead.one": "Maar {count} pagina heeft minstens {min} antwoorden: hier staat het "
        "aandeel minstens tevreden lezers op die pagina.",
        "page": "Pagina",
        "no_pages": "Geen pagina heeft genoeg antwoorden.",
        "comments": "Opmerkingen per kanaal",
        "comments_lead": "De nieuwste {cap} opmerkingen per kanaal, nieuwste eerst, elk met de "
        "werkpunten die de lezer aanvinkte. E-mailadressen en telefoonnummers zijn bij "
        "ontvangst gemaskeerd.",
        "comments_lead.one": "De nieuwste opmerking per kanaal, met de werkpunten die de lezer "
        "aanvinkte. E-mailadressen en telefoonnummers zijn bij ontvangst gemaskeerd.",
        "comments_filter": "Alleen opmerkingen met {filters}: {count} gevonden, {shown} getoond.",
        "comments_shown": "Opmerkingen getoond: {shown} van {count} (de nieuwste).",
        "comments_not_asked": "Geen opmerkingen getoond: --comments 0 vroeg er geen. Deze "
        "selectie heeft er {count}.",
        "no_comments": "Geen opmerkingen.",
        "rating": "Score",
        "ticked": "Aangevinkt",
        "nothing_ticked": "geen werkpunt aangevinkt",
        "status": "Status",
        "chart_note": "Grafiek; dezelfde cijfers staan in de tabel.",
        # Captions say what a table holds; the heading above it says what it answers.
        "caption.channels": "Per kanaal: aandeel minstens tevreden, 95%-interval, aantal "
        "antwoorden en gemiddelde score",
        "caption.groups": "Aandeel minstens tevreden naar {group}, met 95%-interval, aantal "
        "antwoorden en gemiddelde score",
        "caption.cross": "Per kanaal (rijen) en {group} (kolommen): aandeel minstens tevreden",
        "caption.barriers_by": "Per werkpunt (rijen) en {group} (kolommen): aandeel van de "
        "antwoorden dat het werkpunt noemt, met het aantal",
        "caption.status_part": "Per trajectonderdeel (rijen) en status (kolommen): aandeel "
        "minstens tevreden",
        "caption.months": "Per maand: aandeel minstens tevreden, 95%-interval, aantal "
        "antwoorden en gemiddelde score",
        "caption.channel_months": "Per kanaal (rijen) en maand (kolommen): aandeel minstens "
        "tevreden",
        "caption.compare": "Per kanaal: aandeel minstens tevreden eerder en nu, het verschil "
        "en zijn 95%-interval",
        "caption.provenance": "Per kanaal: opgeslagen antwoorden naar hoe het kanaal bekend "
        "werd, met en zonder script, samengevoegde en ontvangen berichten",
        "caption.pages": "Per pagina: aandeel minstens tevreden, 95%-interval, aantal "
        "antwoorden en gemiddelde score",
        "group.lang": "taal van de pagina",
        "group.part": "trajectonderdeel",
        "group.status": "status",
        "group.device": "toestel",
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
        "no_data": "Not a single answer in this selection ({scope}{filters}), so there "
        "is nothing to report: choose another period or other filters, or check --store.",
        "selection_period": "period {window}",
        "selection_store": "all answers in the store, no period chosen",
        "filters": "Filter: {filters}.",
        "filter.exclude-synthetic": "synthetic demo data left out (--exclude-synthetic)",
        "synthetic": "Note: {count} of these answers are synthetic demo data "
        "(page under /_synthetic/), not real feedback.",
        "synthetic.one": "Note: {count} of these answers is synthetic demo data "
        "(page under /_synthetic/), not real feedback.",
        "answer": "Which channels are rated best?",
        "answer_lead": "Share of readers at least satisfied (rating 4 or 5 out of 5), per "
        "channel, with a 95% confidence interval (Wilson). Channels with fewer than {min} "
        "answers are not ranked.",
        "best": "Rated best of the {count} channels with at least {min} answers: {label}, "
        "{share} at least satisfied (95% interval {low} – {high}, n = {n}); its interval "
        "overlaps no other compared channel's.",
        "tied_best": "No single channel is rated best of the {count} channels with at least "
        "{min} answers: {labels} share tier 1, because their 95% intervals overlap.",
        "scope_few": "Not compared, with fewer than {min} answers: {items}.",
        "scope_none": "Channels without a single answer, so not compared: {count} (named below).",
        "scope_unknown": "Answers whose channel is not known ({n}) are never ranked.",
        "scope_all": "All {count} channels are compared.",
        "filtered": "The answers are filtered to one channel, {label} (--channel): no ranking "
        "across channels was asked for, so no tier or place is given.",
        "filtered_share": "{share} at least satisfied (95% interval {low} – {high}, n = {n}).",
        "filtered_few": "{count} of {n} at least satisfied: fewer than {min} answers, so no "
        "percentage.",
        "only_one": "Only {label} has at least {min} answers ({share} at least satisfied, 95% "
        "interval {low} – {high}, n = {n}). There is no other channel to compare it with, so "
        "no channel is called 'rated best'.",
        "none_ranked": "No channel has at least {min} answers: there is no ranking.",
        "tiers_lead": "Tiers instead of strict ranks: the best-rated channel and every channel "
        "whose 95% interval overlaps its interval share tier 1, because their order is not "
        "certain; the next tier starts at the best channel left. 'Possible places' gives, "
        "for each channel, the places it can take given these intervals.",
        "tier_line": "Tier {tier}: {labels}.",
        "tier": "Tier",
        "places": "Possible places",
        "channel": "Channel",
        "share": "At least satisfied",
        "interval": "95% interval",
        "n": "Answers (n)",
        "mean": "Mean rating",
        "too_few": "Too few answers (fewer than {min}): not ranked",
        "too_few_cell": "fewer than {min} answers",
        "none_too_few": "Every channel has enough answers.",
        "no_answers": "Not one answer about: {labels}.",
        "count_of": "{count} of {n}",
        "barriers": "Problems named per channel",
        "barriers_lead": "What made it hard, as a share of the answers about that channel "
        "(several choices allowed, so the sum can exceed 100%). With fewer than {min} answers "
        "only the count is given.",
        "heat_missing": "Not in the heat map (fewer than {min} answers): {labels}.",
        "barrier": "Problem",
        "count": "Count",
        "share_of_channel": "Share of the channel",
        "no_barriers": "No problems named.",
        "barriers_by": "Problems by status and by trajectory part",
        "barriers_by_lead": "Share of the answers in each group that name a problem, the count "
        "in brackets; groups with fewer than {min} answers: the count only.",
        "barriers_by.status": "Problems: mandatory and voluntary participants",
        "barriers_by.part": "Problems by trajectory part",
        "status_part": "Mandatory and voluntary, per trajectory part",
        "status_part_lead": "Share at least satisfied with its 95% interval and n, for each "
        "trajectory part and status; with fewer than {min} answers n only.",
        "part": "Trajectory part",
        "splits": "Splits",
        "splits_lead": "Share at least satisfied per group, split as the Agency splits its "
        "figures; then per channel. With fewer than {min} answers no percentage, n only.",
        "split.lang": "By page language",
        "split.part": "By trajectory part",
        "split.status": "Mandatory and voluntary participants",
        "split.device": "By device",
        "group": "Group",
        "not_given": "(not answered)",
        "trend": "Monthly trend",
        "trend_lead": "Months with fewer than {min} answers get no percentage and are not in "
        "the chart. A month the period covers only in part is marked as partial.",
        "partial": "{month} (partial: days {first}–{last})",
        "partial.one": "{month} (partial: day {first})",
        "month": "Month",
        "channel_trend": "Trend per channel",
        "channel_trend_lead": "Share at least satisfied per channel and month, with n.",
        "compare": "Two periods compared",
        "compare_lead": "Share at least satisfied now ({now}) against earlier ({earlier}), per "
        "channel. The difference is in percentage points (pp) with a 95% interval by Newcombe's "
        "method (the hybrid score interval, made for the difference of two proportions). A "
        "difference counts as certain when its interval does not contain 0. With fewer than "
        "{min} answers in either period: no difference. The difference is computed from the "
        "unrounded shares and shown, like its interval, to one decimal; a share shown is "
        "rounded to a whole percent (a half up), so the difference of two shown shares can "
        "be up to 1 pp off it.",
        "compare_earlier": "Earlier",
        "compare_now": "Now",
        "difference": "Difference",
        "change": "Verdict",
        "change.up": "higher",
        "change.down": "lower",
        "change.none": "not certain",
        "change.few": "too few answers",
        "compare_all": "All channels together",
        "provenance": "How the answers arrived",
        "provenance_lead": "How each answer's channel was set: by a channel link (a QR code on "
        "a letter, a link in a text message: ?c=letter), chosen by the reader, or not known "
        "(the channel is then 'not known'). Without JavaScript the server cannot tell a double "
        "tap from a classmate's identical answer: identical posts from one sender within a few "
        "seconds are kept as one answer that counts them ('folded'). This report's figures "
        "count the stored answers (the lower bound); 'posts received' counts every folded post "
        "as an answer too (the upper bound). That upper bound has no interval: folded posts "
        "are not independent answers.",
        "stored_count": "{count} answers stored",
        "stored_count.one": "{count} answer stored",
        "received_count": "{count} posts received",
        "received_count.one": "{count} post received",
        "provenance_summary": "{stored} from {received} ({folded} folded). Channel set by a "
        "link: {link}; chosen by the reader: {reader}; not known: {none}. Sent with the page's "
        "script: {scripted}; without it: {unscripted}.",
        "provenance_script": "Why the script matters: with JavaScript the page remembers a "
        "channel link (?c=letter) for the whole visit; without JavaScript the link is known only "
        "on the page it led to. A reader without the script who reads on and answers on another "
        "page counts as 'channel not known', unless they choose a channel in the form. So the "
        "'by a link', 'chosen by the reader' and 'not known' counts depend on how many readers "
        "answered without the script: compare those columns per channel before reading a "
        "difference between channels.",
        "scripted": "With script",
        "unscripted": "Without script",
        "source.link": "By a link",
        "source.reader": "Chosen by the reader",
        "source.none": "Not known",
        "source.not_recorded": "Not recorded (before schema 2)",
        "stored": "Stored (n)",
        "folded": "Folded posts",
        "received": "Posts received",
        "share_stored": "At least satisfied (stored)",
        "share_received": "At least satisfied (posts received)",
        "total": "Total",
        "not_ranked": "Not ranked: too few answers (fewer than {min}), or channel not known",
        "pages": "Pages with the lowest share of satisfied readers",
        "pages_lead": "The {count} pages with the lowest share of readers at least satisfied, "
        "among pages with at least {min} answers.",
        "pages_lead.one": "Only {count} page has at least {min} answers: here is its share of "
        "readers at least satisfied.",
        "page": "Page",
        "no_pages": "No page has enough answers.",
        "comments": "Comments per channel",
        "comments_lead": "The newest {cap} comments per channel, newest first, each with the "
        "problems its reader ticked. E-mail addresses and phone numbers were masked on arrival.",
        "comments_lead.one": "The newest comment per channel, with the problems its reader "
        "ticked. E-mail addresses and phone numbers were masked on arrival.",
        "comments_filter": "Only comments with {filters}: {count} found, {shown} shown.",
        "comments_shown": "Comments shown: {shown} of {count} (the newest).",
        "comments_not_asked": "No comments shown: --comments 0 asked for none. This selection "
        "holds {count}.",
        "no_comments": "No comments.",
        "rating": "Rating",
        "ticked": "Ticked",
        "nothing_ticked": "no problem ticked",
        "status": "Status",
        "chart_note": "Chart; the same numbers are in the table.",
        # Captions say what a table holds; the heading above it says what it answers.
        "caption.channels": "Per channel: share at least satisfied, 95% interval, number of "
        "answers and mean score",
        "caption.groups": "Share at least satisfied for each {group}, with 95% interval, "
        "number of answers and mean score",
        "caption.cross": "Per channel (rows) and {group} (columns): share at least satisfied",
        "caption.barriers_by": "Per problem (rows) and {group} (columns): share of the answers "
        "naming it, with the count",
        "caption.status_part": "Per trajectory part (rows) and status (columns): share at "
        "least satisfied",
        "caption.months": "Per month: share at least satisfied, 95% interval, number of "
        "answers and mean score",
        "caption.channel_months": "Per channel (rows) and month (columns): share at least "
        "satisfied",
        "caption.compare": "Per channel: share at least satisfied earlier and now, the "
        "difference and its 95% interval",
        "caption.provenance": "Per channel: answers stored by how the channel became known, "
        "with and without the script, folded and received posts",
        "caption.pages": "Per page: share at least satisfied, 95% interval, number of answers "
        "and mean score",
        "group.lang": "language of the page",
        "group.part": "trajectory part",
        "group.status": "status",
        "group.device": "device",
        "alt.ranking": "Bar chart: share at least satisfied per channel with 95% interval. {items}",
        "alt.barriers": "Heat map: share of answers naming a problem, per channel. "
        "Most named: {items}",
        "alt.split": "Bar chart: share at least satisfied per group. {items}",
        "alt.trend": "Line chart: share at least satisfied per month. {items}",
        "alt.pages": "Bar chart: pages with the lowest share of satisfied readers. {items}",
        "generated": "Made with python -m analysts report.",
    },
}

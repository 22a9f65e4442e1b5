"""mkdocs hooks: what turns every channel into per-channel feedback.

- What the form asks and its limits (channels, rating range, barriers,
  segments, comment length, the honeypot's name), from wegwijs_shared.vocabulary:
  the lists the feedback function validates with.
- Per page, a QR code for print: it leads back to the page with the channel
  preset to `folder` (a printed page is a leaflet). It is inline in the page (a
  few hundred bytes), because a print stylesheet's image starts loading only once
  the browser prints, too late for a print straight after loading (or offline).
  A copy is written beside the page (qr-folder.svg) for staff who put it on a
  leaflet; the staff page says where to find it.
- For staff, a page (not in the readers' navigation) with the feedback link and
  QR code of every channel in every language, to print or paste in letters,
  leaflets, e-mails, counter posters and the course platform.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from sitegen import qr_codes
from sitegen.qr_codes import qr_inline_svg, qr_svg
from sitegen.site_address import is_preview_address
from wegwijs_shared.languages import parse_languages
from wegwijs_shared.vocabulary import (
    BARRIERS,
    CHANNELS,
    COMMENT_MAX_CHARS,
    HONEYPOT_FIELD,
    RATING_MAX,
    RATING_MIN,
    SATISFIED_FROM,
    SEGMENTS,
)

STAFF_PAGE = "_staff/channels.md"
PRINT_QR = "qr-folder.svg"
# The segment a page answers for itself (hooks/i18n_pages.py knows each page's part).
PAGE_SEGMENT = "part"
# Pages that get a print QR code: the content pages that ask for feedback.
_printable: set[str] = set()


def form_fields() -> dict:
    """What the feedback form asks, with the limits the feedback function enforces.

    The trajectory part is not asked: the page knows it and sends it hidden.
    """
    return {
        "channels": CHANNELS,
        "ratings": range(RATING_MIN, RATING_MAX + 1),
        "satisfied_from": SATISFIED_FROM,
        "barriers": BARRIERS,
        "page_segment": PAGE_SEGMENT,
        "segments": {name: values for name, values in SEGMENTS.items() if name != PAGE_SEGMENT},
        "comment_max": COMMENT_MAX_CHARS,
        "honeypot": HONEYPOT_FIELD,
    }


def channel_link(site_url: str, prefix: str, channel: str) -> str:
    return f"{site_url}{prefix}?c={channel}"


def _staff_markdown(config) -> str:
    languages = parse_languages(config.extra["wegwijs"]["languages"])
    rows = []
    for language in languages:
        rows.append(
            f'\n## <span lang="{language.code}" dir="{language.dir}">{language.name}</span>'
            f" ({language.english})\n"
        )
        rows.append("| Kanaal | Link | QR-code |\n|---|---|---|")
        for channel in CHANNELS:
            link = channel_link(config.site_url, language.prefix, channel)
            svg = f"qr/{language.code}-{channel}.svg"
            rows.append(
                f'| `{channel}` | <span dir="ltr">{link}</span> | '
                f'[SVG downloaden]({svg}){{ download="wegwijs-{language.code}-{channel}.svg" }} |'
            )
    return (
        "---\ntitle: Feedbacklinks per kanaal\n"
        "description: Links en QR-codes om in brieven, folders, e-mails en lessen te zetten.\n"
        "---\n\n# Feedbacklinks per kanaal\n\n"
        + _preview_notice(config.site_url)
        + "Zet in elke brief, folder, e-mail, affiche of les de link of QR-code van dat kanaal. "
        'Wie zo op de site komt, krijgt de vraag "Hoe kreeg je deze informatie?" al '
        "ingevuld. Zo zien we per kanaal of de informatie duidelijk is.\n"
        + _page_code_note(config.site_url)
        + "\n".join(rows)
        + "\n"
    )


def _page_code_note(site_url: str) -> str:
    """How staff find one page's QR code: for a leaflet about that topic (channel folder)."""
    return (
        "\n## QR-code van één pagina\n\n"
        "Gaat een folder over één onderwerp? Elke pagina heeft een eigen QR-code, met het "
        "kanaal `folder`: zet `qr-folder.svg` achter het adres van de pagina. Bijvoorbeeld "
        f"`{site_url}ar/mo/qr-folder.svg` voor de Arabische pagina over "
        "maatschappelijke oriëntatie.\n"
    )


def _preview_notice(site_url: str) -> str:
    """On a preview build, a warning above links that only this computer can open."""
    if not is_preview_address(site_url):
        return ""
    return (
        f'!!! warning "Voorbeeld: niet afdrukken of versturen"\n'
        f"    Deze links en QR-codes wijzen naar {site_url}, een adres dat alleen deze computer "
        f"kent. Neem links en QR-codes over van de gepubliceerde site.\n\n"
    )


def on_config(config):
    # Where QR codes made before are kept (a build without a cache makes them all).
    wegwijs = config.extra.get("wegwijs", {})
    qr_codes.keep_in(wegwijs.get("qr_cache"), wegwijs.get("target", "codes"))
    return config


def on_post_build(config):
    qr_codes.save()


@event_priority(-300)  # after mkdocs-static-i18n and hooks/lean_output.py
def on_files(files: Files, config) -> Files:
    """In the Dutch build, add the staff page and one QR code per language and channel."""
    current = config.plugins["i18n"].current_language
    if current != "nl" or config.extra["wegwijs"]["target"] != "nl":
        return files
    files.append(File.generated(config, STAFF_PAGE, content=_staff_markdown(config)))
    for language in parse_languages(config.extra["wegwijs"]["languages"]):
        for channel in CHANNELS:
            url = channel_link(config.site_url, language.prefix, channel)
            files.append(
                File.generated(
                    config,
                    f"_staff/qr/{language.code}-{channel}.svg",
                    content=qr_svg(url, f"Wegwijs {language.english}: {channel}"),
                )
            )
    return files


@event_priority(-300)  # after hooks/i18n_pages.py has made context["wegwijs"]
def on_page_context(context, page, config, nav):
    if context["wegwijs"]["form"]:
        _printable.add(page.url)
        context["print_qr"] = qr_inline_svg(print_link(config, page))
    context["feedback_form"] = form_fields()
    return context


def print_link(config, page) -> str:
    return f"{config.site_url}{page.url}?c=folder"


def on_post_page(output, page, config):
    """Write the page's print QR code beside it: its address with ?c=folder."""
    if page.url not in _printable:
        return output
    target = Path(config.site_dir) / Path(page.file.dest_path).parent / PRINT_QR
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(qr_svg(print_link(config, page), page.title or "Wegwijs"))
    return output

"""The page as a 16:9 slide deck (python-pptx) that a presenter can edit before a meeting.

A title slide (the page, its period, filters, as-of date and demo flag), the written summary, then each section
of the page: its headline figures as editable text boxes and its notes, its charts and maps as pictures (one a
slide), its tables as native tables (their first rows). Every run of text names a Chinese font for East Asian
text ("Microsoft YaHei", present with PowerPoint and WPS on Windows; elsewhere the application's CJK fallback
takes its place), and the theme names it too, so that text typed later is Chinese-ready as well.
"""
from __future__ import annotations

import io
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.slide import Slide
from pptx.util import Emu, Inches, Pt

from lib.briefing.content import ChartItem, HeadingItem, Item, KpiItem, MapItem, NoteItem, PageContent, TableItem
from lib.briefing.document import BriefingInfo, page_images
from lib.briefing.tables import EM_MM, FONT_PT, column_mm, lay_out, text_mm
from lib.headline import Kpi
from lib.i18n import Lang, t

FONT = "Microsoft YaHei"  # 微软雅黑
FONT_ZH = "微软雅黑"
SLIDE_W, SLIDE_H = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.5)
BODY_TOP, BODY_BOTTOM = Inches(1.35), Inches(6.85)
BODY_W = SLIDE_W - 2 * MARGIN
RED, INK, MUTED, LINE, CARD = (RGBColor(0xA6, 0x1B, 0x1B), RGBColor(0x1F, 0x29, 0x33), RGBColor(0x52, 0x60, 0x6D),
                               RGBColor(0xD0, 0xD5, 0xDC), RGBColor(0xF7, 0xF8, 0xFA))
DEMO = RGBColor(0xC0, 0x56, 0x21)
HEADER, WHITE = RGBColor(0xE4, 0xE7, 0xEB), RGBColor(0xFF, 0xFF, 0xFF)
CARDS_PER_ROW, CARD_ROWS = 4, 3
SLIDE_ROWS = 12  # rows of a table on a slide; the PDF and the downloads hold the rest
TABLE_PT = 11
SUMMARY_PT = 16
NOTE_PT = 10


# ------------------------------------------------------------------ text with a Chinese font

def _font(run, size: float, *, bold: bool = False, color: RGBColor = INK) -> None:
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.color.rgb = color
    run.font.name = FONT
    r_pr = run._r.get_or_add_rPr()
    latin = r_pr.find(qn("a:latin"))
    for tag in ("a:cs", "a:ea"):  # after a:latin, in the schema's order: latin, ea, cs
        for old in r_pr.findall(qn(tag)):
            r_pr.remove(old)
        element = etree.SubElement(r_pr, qn(tag))
        element.set("typeface", FONT)
        latin.addnext(element)
    r_pr.set("lang", "zh-CN")
    r_pr.set("altLang", "en-US")


def _text(slide: Slide, left: int, top: int, width: int, height: int, paragraphs: Sequence[str], size: float, *,
          bold: bool = False, color: RGBColor = INK, align: PP_ALIGN = PP_ALIGN.LEFT,
          anchor: MSO_ANCHOR = MSO_ANCHOR.TOP, space_after: float = 0) -> None:
    box = slide.shapes.add_textbox(left, top, width, height)
    frame = box.text_frame
    frame.word_wrap = True
    frame.vertical_anchor = anchor
    frame.margin_left = frame.margin_right = Inches(0.05)
    for n, line in enumerate(paragraphs):
        paragraph = frame.paragraphs[0] if n == 0 else frame.add_paragraph()
        paragraph.alignment = align
        paragraph.space_after = Pt(space_after)
        _font(paragraph.add_run(), size, bold=bold, color=color)
        paragraph.runs[0].text = line


def _theme_fonts(deck: Presentation) -> None:
    """The theme's East Asian fonts, for text typed into the deck later."""
    theme = deck.slide_master.part.part_related_by(RT.THEME)
    root = etree.fromstring(theme.blob)
    for kind in ("a:majorFont", "a:minorFont"):
        font = root.find(f".//{qn(kind)}")
        if font is None:
            continue
        ea = font.find(qn("a:ea"))
        if ea is not None:
            ea.set("typeface", FONT)
        hans = [f for f in font.findall(qn("a:font")) if f.get("script") == "Hans"]
        if hans:
            hans[0].set("typeface", FONT_ZH)
        else:
            etree.SubElement(font, qn("a:font"), script="Hans", typeface=FONT_ZH)
    theme._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# ------------------------------------------------------------------ the deck's parts

@dataclass
class Section:
    title: str
    items: list[tuple[str, Item]] = field(default_factory=list)  # (key, item), level-3 headings included


def sections(page: PageContent, lang: Lang) -> list[Section]:
    """The page's items grouped under its level-2 headings; what comes before the first is "headline figures"."""
    found = [Section(t("export.headline", lang))]
    for key, item in page.items.items():
        if isinstance(item, HeadingItem) and item.level == 2:
            found.append(Section(item.text))
        else:
            found[-1].items.append((key, item))
    return [s for s in found if any(not isinstance(i, (HeadingItem, NoteItem)) for _, i in s.items)]


def summary_pages(sentences: Sequence[str], size: float = SUMMARY_PT, gap_pt: float = 8) -> list[list[str]]:
    """The summary's sentences split over as many slides as their lines need at `size` points."""
    emu_per_pt = 12700
    per_line = int(BODY_W / emu_per_pt / size)  # Chinese characters across the body
    room = (BODY_BOTTOM - BODY_TOP) / emu_per_pt
    pages: list[list[str]] = [[]]
    used = 0.0
    for sentence in sentences:
        height = max(1, math.ceil(text_mm(sentence) / EM_MM / per_line)) * size * 1.3 + gap_pt
        if pages[-1] and used + height > room:
            pages.append([])
            used = 0.0
        pages[-1].append(sentence)
        used += height
    return pages


def notes_height(notes: Sequence[str]) -> int:
    """The room `notes` take across the body at NOTE_PT, with a little space above them (EMU)."""
    if not notes:
        return 0
    across_mm = BODY_W / 914400 * 25.4
    scale = NOTE_PT / FONT_PT  # text_mm measures at the print table's type size
    lines = sum(max(1, math.ceil(text_mm(note) * scale / across_mm)) for note in notes)
    return Inches(0.1) + int(Pt(NOTE_PT * 1.25) * lines + Pt(2) * len(notes))


class DeckBuilder:
    def __init__(self, info: BriefingInfo, page: PageContent, images: Mapping[str, bytes]) -> None:
        self.info, self.page, self.images, self.lang = info, page, images, info.lang
        self.deck = Presentation()
        self.deck.slide_width, self.deck.slide_height = SLIDE_W, SLIDE_H
        _theme_fonts(self.deck)
        self.about = info.about(page)
        as_of = self.about.as_of.isoformat() if self.about.as_of else t("export.unknown", self.lang)
        footer = f"{page.app_title(self.lang)} · {info.title} · {t('export.as_of', self.lang)} {as_of}"
        self.footer = footer + (" · " + t("shell.demo_label", self.lang) if page.demo else "")

    def t(self, key: str, **fmt: object) -> str:
        return t(key, self.lang, **fmt)

    def slide(self, title: str, subtitle: str | None = None) -> Slide:
        slide = self.deck.slides.add_slide(self.deck.slide_layouts[6])  # blank
        _text(slide, MARGIN, Inches(0.3), BODY_W, Inches(0.7), [title], 26, bold=True)
        bar = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, MARGIN, Inches(1.02), Inches(1.2), Inches(0.06))
        bar.fill.solid()
        bar.fill.fore_color.rgb = RED
        bar.line.fill.background()
        if subtitle:
            _text(slide, MARGIN + Inches(1.4), Inches(0.9), BODY_W - Inches(1.4), Inches(0.35), [subtitle], 13,
                  color=MUTED)
        return slide

    # ---------------------------------------------------------- slides

    def title_slide(self) -> None:
        slide = self.deck.slides.add_slide(self.deck.slide_layouts[6])
        about, lang = self.about, self.lang
        _text(slide, MARGIN, Inches(0.6), BODY_W, Inches(0.5), [self.page.app_title(self.lang)], 18, color=MUTED)
        _text(slide, MARGIN, Inches(1.15), BODY_W, Inches(1.0), [self.info.title], 44, bold=True, color=RED)
        subtitle = self.t("export.briefing_subtitle") + (f" · {about.period_shown}" if about.period else "")
        _text(slide, MARGIN, Inches(2.15), BODY_W, Inches(0.6), [subtitle], 24)
        top = Inches(2.95)
        if self.page.demo:
            box = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, MARGIN, top, BODY_W, Inches(0.62))
            box.fill.solid()
            box.fill.fore_color.rgb = RGBColor(0xFF, 0xF4, 0xE5)
            box.line.color.rgb = DEMO
            _text(slide, MARGIN + Inches(0.1), top, BODY_W - Inches(0.2), Inches(0.62),
                  [self.t("export.demo_flag") + " " + self.t("shell.demo_badge")], 14, bold=True, color=DEMO,
                  anchor=MSO_ANCHOR.MIDDLE)
            top += Inches(0.8)
        rows = [r for r in about.rows() if r[0] != t("export.page", lang)]
        _text(slide, MARGIN, top, Inches(2.3), SLIDE_H - top - Inches(0.4), [label for label, _ in rows], 13,
              color=MUTED, space_after=3)
        _text(slide, MARGIN + Inches(2.4), top, BODY_W - Inches(2.4), SLIDE_H - top - Inches(0.4),
              [value for _, value in rows], 13, space_after=3)

    def summary_slides(self) -> None:
        pages = summary_pages(self.page.summary)
        for n, sentences in enumerate(pages):
            heading = self.t("sum.heading")
            slide = self.slide(heading if n == 0 else self.t("export.continued", title=heading))
            _text(slide, MARGIN, BODY_TOP, BODY_W, BODY_BOTTOM - BODY_TOP, sentences, SUMMARY_PT, space_after=8)

    def kpi_slides(self, title: str, cards: Sequence[Kpi], notes: Sequence[str]) -> None:
        per_slide = CARDS_PER_ROW * CARD_ROWS
        for start in range(0, len(cards), per_slide):
            chunk = cards[start:start + per_slide]
            slide = self.slide(title if start == 0 else self.t("export.continued", title=title))
            gap = Inches(0.2)
            width = int((BODY_W - gap * (CARDS_PER_ROW - 1)) / CARDS_PER_ROW)
            height = Inches(1.45)
            for n, card in enumerate(chunk):
                left = MARGIN + (n % CARDS_PER_ROW) * (width + gap)
                top = BODY_TOP + (n // CARDS_PER_ROW) * (height + gap)
                self.card(slide, card, left, top, width, height)
            rows = math.ceil(len(chunk) / CARDS_PER_ROW)
            if start == 0 and notes:
                self.notes(slide, notes, BODY_TOP + rows * (height + gap))

    def card(self, slide: Slide, card: Kpi, left: int, top: int, width: int, height: int) -> None:
        box = slide.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, left, top, width, height)
        box.adjustments[0] = 0.08
        box.fill.solid()
        box.fill.fore_color.rgb = CARD
        box.line.color.rgb = LINE
        inner = Inches(0.15)
        _text(slide, left + inner, top + Inches(0.08), width - 2 * inner, Inches(0.4), [card.label], 12, color=MUTED)
        _text(slide, left + inner, top + Inches(0.45), width - 2 * inner, Inches(0.55), [card.value], 24, bold=True)
        if card.delta:
            _text(slide, left + inner, top + Inches(1.0), width - 2 * inner, Inches(0.35), [card.delta], 11,
                  color=MUTED)

    def notes(self, slide: Slide, notes: Sequence[str], top: int) -> None:
        height = max(BODY_BOTTOM - top, notes_height(notes))
        _text(slide, MARGIN, top, BODY_W, height, list(notes), NOTE_PT, color=MUTED, space_after=2)

    def picture_slide(self, title: str, caption: str | None, png: bytes, notes: Sequence[str]) -> None:
        slide = self.slide(title, caption)
        room_h = BODY_BOTTOM - BODY_TOP - notes_height(notes)
        picture = slide.shapes.add_picture(io.BytesIO(png), MARGIN, BODY_TOP, height=room_h)
        if picture.width > BODY_W:  # a wide picture fits the width instead
            ratio = BODY_W / picture.width
            picture.width, picture.height = BODY_W, int(picture.height * ratio)
        picture.left = int((SLIDE_W - picture.width) / 2)
        if notes:
            self.notes(slide, notes, BODY_TOP + picture.height + Inches(0.05))

    def table_slides(self, title: str, caption: str | None, item: TableItem) -> None:
        across_mm = (BODY_W / 914400 * 25.4) * FONT_PT / TABLE_PT  # the slide's width at the print table's type size
        laid = lay_out(item.title, item.frame, cap=SLIDE_ROWS, across_mm=across_mm)
        more = (self.t("export.slide_more_rows", total=f"{laid.total_rows:,}", shown=laid.shown_rows)
                if laid.capped else None)
        for n, part in enumerate(laid.parts, start=1):
            name = caption if len(laid.parts) == 1 else self.t("export.table_part", title=caption or item.title,
                                                                 part=n, parts=len(laid.parts))
            slide = self.slide(title, name)
            rows, columns = len(part.rows) + 1, len(part.columns)
            height = min(BODY_BOTTOM - BODY_TOP - Inches(0.5), Inches(0.36) * rows)
            shape = slide.shapes.add_table(rows, columns, MARGIN, BODY_TOP, BODY_W, height)
            table = shape.table
            table.horz_banding = False
            widths = [column_mm(header, [r[i] for r in part.rows]) for i, header in enumerate(part.columns)]
            for i, width in enumerate(widths):
                table.columns[i].width = Emu(int(BODY_W * width / sum(widths)))
            for r, values in enumerate([part.columns, *part.rows]):
                for c, value in enumerate(values):
                    cell = table.cell(r, c)
                    cell.fill.solid()
                    cell.fill.fore_color.rgb = HEADER if r == 0 else (CARD if r % 2 == 0 else WHITE)
                    cell.margin_left = cell.margin_right = Inches(0.05)
                    cell.margin_top = cell.margin_bottom = Inches(0.02)
                    frame = cell.text_frame
                    frame.word_wrap = True
                    paragraph = frame.paragraphs[0]
                    paragraph.alignment = PP_ALIGN.RIGHT if part.numeric[c] and r else PP_ALIGN.LEFT
                    run = paragraph.add_run()
                    run.text = value
                    _font(run, TABLE_PT, bold=r == 0)
            if more:
                _text(slide, MARGIN, BODY_BOTTOM - Inches(0.4), BODY_W, Inches(0.4), [more], 11, color=MUTED)

    def section_slides(self, section: Section) -> None:
        notes = [i.text for _, i in section.items if isinstance(i, NoteItem)]
        cards = [card for _, i in section.items if isinstance(i, KpiItem) for card in i.cards]
        if cards:
            self.kpi_slides(section.title, cards, notes)
            notes = []
        caption: str | None = None
        for key, item in section.items:
            if isinstance(item, HeadingItem):
                caption = item.text
            elif isinstance(item, (ChartItem, MapItem)) and key in self.images:
                shown = item.title if item.title != section.title else caption
                self.picture_slide(section.title, shown, self.images[key], notes)
                notes = []
            elif isinstance(item, TableItem) and item.on_screen and not item.frame.empty:
                self.table_slides(section.title, item.title if item.title != section.title else caption, item)

    def footers(self) -> None:
        slides = list(self.deck.slides)
        for n, slide in enumerate(slides[1:], start=2):
            _text(slide, MARGIN, Inches(7.0), BODY_W - Inches(1.2), Inches(0.35), [self.footer], 9, color=MUTED)
            _text(slide, SLIDE_W - MARGIN - Inches(1.2), Inches(7.0), Inches(1.2), Inches(0.35),
                  [f"{n} / {len(slides)}"], 9, color=MUTED, align=PP_ALIGN.RIGHT)

    def build(self) -> bytes:
        self.title_slide()
        if self.page.summary:
            self.summary_slides()
        for section in sections(self.page, self.lang):
            self.section_slides(section)
        self.footers()
        self.deck.core_properties.title = f"{self.info.title} {self.t('export.briefing_subtitle')}"
        self.deck.core_properties.language = "zh-CN" if self.lang == "zh" else "en-US"
        out = io.BytesIO()
        self.deck.save(out)
        return out.getvalue()


def briefing_pptx(info: BriefingInfo, page: PageContent, step: Callable[[str], None] = lambda _: None,
                  images: Mapping[str, bytes] | None = None) -> bytes:
    """The deck of the page; `images` are its chart and map PNGs when already drawn (lib.briefing.document)."""
    drawn = page_images(page, info.lang, step) if images is None else images
    step(t("export.step_slides", info.lang))
    return DeckBuilder(info, page, drawn).build()

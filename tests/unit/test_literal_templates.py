"""Branca keeps rendered map text as text (lib/viz/literal_templates.py): maps whose names hold no Jinja syntax
render byte for byte as when branca compiled that text again, and names that hold Jinja syntax show as written
instead of being evaluated or stopping the map."""
import itertools
import json

import branca.element
import folium
import pytest
from folium.plugins import HeatMap
from hypothesis import given
from hypothesis import strategies as st
from jinja2 import Template

from lib.viz.literal_templates import LiteralTemplate

JINJA_DELIMITERS = ("{{", "{%", "{#")
PLAIN_NAMES = ["<b>苏祠</b>", "两行\r\n文字\r", "结尾\n\n", "", "'\"&", "{ {", "}}", "{x}"]
JINJA_NAMES = ["{{ 7 * 7 }}", "{% if %}镇", "{# 注", "{% raw %}{{ this }}", "{{"]


def a_map(names: list[str]) -> folium.Map:
    m = folium.Map(location=[30.05, 103.85], zoom_start=11, tiles=None, prefer_canvas=True)
    features = [{"type": "Feature", "properties": {"code": str(i), "name": name},
                 "geometry": {"type": "Polygon", "coordinates": [[[103.8 + i / 100, 30.0], [103.9, 30.0], [103.9, 30.1],
                                                                  [103.8 + i / 100, 30.0]]]}}
                for i, name in enumerate(names)]
    layer = folium.FeatureGroup(name="镇街").add_to(m)
    folium.GeoJson({"type": "FeatureCollection", "features": features},
                   tooltip=folium.GeoJsonTooltip(["name"]), popup=folium.GeoJsonPopup(["code", "name"])).add_to(layer)
    HeatMap([[30.05, 103.85, 2], [30.06, 103.86, 1]], radius=12).add_to(m)
    for i, name in enumerate(names):
        folium.CircleMarker([30.05 + i / 100, 103.85], radius=4, tooltip=name, popup=folium.Popup(name)).add_to(m)
    folium.LayerControl().add_to(m)
    return m


def rendered(monkeypatch, template, names: list[str]) -> str:
    counter = itertools.count()
    monkeypatch.setattr(branca.element.Element, "_generate_id", classmethod(lambda cls: f"id{next(counter)}"))
    monkeypatch.setattr(branca.element, "Template", template)
    return a_map(names).get_root().render()


def test_a_map_without_jinja_in_its_names_renders_as_before(monkeypatch):
    assert rendered(monkeypatch, LiteralTemplate, PLAIN_NAMES) == rendered(monkeypatch, Template, PLAIN_NAMES)


@pytest.mark.parametrize("name", JINJA_NAMES)
def test_a_name_holding_jinja_syntax_shows_as_written(monkeypatch, name):
    html = rendered(monkeypatch, LiteralTemplate, [name])
    assert html.count(name) >= 2  # the marker's tooltip and popup hold the name as written
    assert json.dumps(name) in html  # the shape's properties, as JSON
    assert "49" not in html


@pytest.mark.parametrize("source", PLAIN_NAMES + ["\n", "\r\n\r\n", "a\rb\n", "x\n\r"])
def test_text_renders_as_jinja_renders_it(source):
    assert LiteralTemplate(source).render(this=None, kwargs={}) == Template(source).render(this=None, kwargs={})


@given(st.text(alphabet="ab{}%#\r\n 苏", max_size=30).filter(lambda s: not any(d in s for d in JINJA_DELIMITERS)))
def test_any_text_without_jinja_syntax_renders_as_jinja_renders_it(source):
    assert LiteralTemplate(source).render(this=None) == Template(source).render(this=None)


def test_folium_compiles_a_tooltips_template_once_and_renders_the_same(monkeypatch):
    from lib.viz.literal_templates import compile_folium_templates_once

    before = rendered(monkeypatch, LiteralTemplate, PLAIN_NAMES)
    monkeypatch.setattr(folium.features, "Template", folium.features.Template)  # restored after the test
    compile_folium_templates_once()
    compile_folium_templates_once()
    cached = folium.features.Template
    assert rendered(monkeypatch, LiteralTemplate, PLAIN_NAMES) == before
    assert rendered(monkeypatch, LiteralTemplate, PLAIN_NAMES) == before
    assert cached.cache_info().hits >= 1 and cached.cache_info().currsize == 1

"""Maps render byte for byte the same whether branca compiles its rendered text as Jinja templates or keeps it as
text where it holds no Jinja syntax (lib/viz/literal_templates.py)."""
import itertools

import branca.element
import folium
import pytest
from folium.plugins import HeatMap
from hypothesis import given
from hypothesis import strategies as st
from jinja2 import Template, TemplateSyntaxError

from lib.viz.literal_templates import JINJA_DELIMITERS, LiteralTemplate, template_of

TRICKY_NAMES = ["<b>苏祠</b>", "{{ 7 * 7 }}", "两行\r\n文字\r", "结尾\n\n", "", "'\"&", "{ {", "}}"]


def a_map() -> folium.Map:
    m = folium.Map(location=[30.05, 103.85], zoom_start=11, tiles=None, prefer_canvas=True)
    features = [{"type": "Feature", "properties": {"code": str(i), "name": name},
                 "geometry": {"type": "Polygon", "coordinates": [[[103.8 + i / 100, 30.0], [103.9, 30.0], [103.9, 30.1],
                                                                  [103.8 + i / 100, 30.0]]]}}
                for i, name in enumerate(TRICKY_NAMES)]
    layer = folium.FeatureGroup(name="镇街 {{x}}").add_to(m)
    folium.GeoJson({"type": "FeatureCollection", "features": features},
                   tooltip=folium.GeoJsonTooltip(["name"]), popup=folium.GeoJsonPopup(["code", "name"])).add_to(layer)
    HeatMap([[30.05, 103.85, 2], [30.06, 103.86, 1]], radius=12).add_to(m)
    for i, name in enumerate(TRICKY_NAMES):
        folium.CircleMarker([30.05 + i / 100, 103.85], radius=4, tooltip=name, popup=folium.Popup(name)).add_to(m)
    folium.LayerControl().add_to(m)
    return m


def rendered(monkeypatch, template) -> str:
    counter = itertools.count()
    monkeypatch.setattr(branca.element.Element, "_generate_id", classmethod(lambda cls: f"id{next(counter)}"))
    monkeypatch.setattr(branca.element, "Template", template)
    return a_map().get_root().render()


def test_a_map_renders_the_same_with_literal_templates(monkeypatch):
    assert rendered(monkeypatch, template_of) == rendered(monkeypatch, Template)


@pytest.mark.parametrize("source", TRICKY_NAMES + ["\n", "\r\n\r\n", "a\rb\n", "x\n\r"])
def test_text_renders_as_jinja_renders_it(source):
    assert template_of(source).render(this=None, kwargs={}) == Template(source).render(this=None, kwargs={})


@pytest.mark.parametrize("source", ["{% raw %}x", "a{#b", "{{"])
def test_text_that_is_not_valid_jinja_fails_as_before(source):
    with pytest.raises(TemplateSyntaxError):
        template_of(source)


@given(st.text(alphabet="ab{}%#\r\n 苏", max_size=30).filter(lambda s: not any(d in s for d in JINJA_DELIMITERS)))
def test_any_text_without_jinja_syntax_is_kept_literal_and_renders_the_same(source):
    template = template_of(source)
    assert isinstance(template, LiteralTemplate)
    assert template.render(this=None) == Template(source).render(this=None)

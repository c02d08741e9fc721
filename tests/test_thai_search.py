"""The search index's Thai words: what the browser's query cutting and lunr rely on."""

from pathlib import Path

from ita_transparency.thai_search import (
    THAI_RUN,
    ZWSP,
    compound_parts,
    segment,
    segment_index,
    words,
)

ROOT = Path(__file__).resolve().parents[1]


def test_thai_runs_are_cut_into_dictionary_words_and_the_rest_is_left_alone():
    text = "รายงานผลการจัดซื้อจัดจ้าง ประจำปี 2566 (O12)"
    segmented = segment(text)
    assert segmented.replace(ZWSP, "") == text
    assert segmented.split(" ")[0].split(ZWSP) == ["รายงาน", "ผล", "การ", "จัดซื้อจัดจ้าง"]
    assert "2566 (O12)" in segmented


def test_a_compound_is_also_indexed_by_its_parts():
    assert compound_parts("งบประมาณ") == ["งบ", "ประมาณ"]
    assert compound_parts("การประเมิน") == ["การ", "ประเมิน"]
    assert compound_parts("ผล") == []


def test_the_index_separator_splits_on_zero_width_spaces_and_the_vocabulary_is_written():
    index = {"config": {"separator": r"[\s\-]+"},
             "docs": [{"location": "", "title": "แผนการใช้จ่ายงบประมาณ", "text": "English only"}]}
    index, vocabulary = segment_index(index)
    assert index["config"]["separator"] == r"[\u200b\s\-]+"
    assert index["docs"][0]["title"].split(ZWSP) == ["แผนการ", "ใช้จ่าย", "งบประมาณ"]
    assert index["docs"][0]["text"] == "English only"
    assert {"แผนการ", "งบประมาณ", "งบ", "ประมาณ"} <= set(vocabulary)
    assert index["config"]["fields"]["parts"] == {"boost": 0.5}


def test_the_words_are_those_of_pythainlp_newmm_on_every_catalog_text():
    """nlpo3 replaced PyThaiNLP's own newmm for speed; the words must not change."""
    from pythainlp.tokenize import word_tokenize

    runs = {run for path in (ROOT / "plugins" / "ita_transparency" / "frameworks").glob("ita-*.yml")
            for run in THAI_RUN.findall(path.read_text(encoding="utf-8"))}
    assert len(runs) > 500
    differ = [run for run in runs
              if list(words(run)) != word_tokenize(run, engine="newmm", keep_whitespace=False)]
    assert differ == []

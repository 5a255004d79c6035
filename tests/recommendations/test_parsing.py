"""Splitting pasted recommendations and parts (one parser for both forms)."""

import pytest

from recommendations.parsing import parts_as_text, split_parts, split_recommendations


def labelled(split):
    return [(part.label, part.text) for part in split.parts]


@pytest.mark.parametrize(
    "text",
    [
        "(a) Review placements.\n(b) Report the cost.",
        "a) Review placements.\nb) Report the cost.",
        "a. Review placements.\nb. Report the cost.",
        "\uf0b7 Review placements.\n\uf0b7 Report the cost.",
        "• Review placements.\n• Report the cost.",
        "· Review placements.\n· Report the cost.",
        "- Review placements.\n- Report the cost.",
        "Review placements.\nReport the cost.",
        "Review placements.\n\nReport the cost.",
        "(a) Review placements.\r\n(b) Report the cost.\r\n",
    ],
)
def test_parts_are_recognised_and_the_label_is_not_repeated(text):
    assert labelled(split_parts(text)) == [("a", "Review placements."), ("b", "Report the cost.")]


def test_parts_keep_their_printed_labels():
    assert [p.label for p in split_parts("(i) One.\n(ii) Two.\n(iii) Three.").parts] == [
        "i",
        "ii",
        "iii",
    ]


def test_a_wrapped_line_continues_its_part():
    split = split_parts("(a) Review every\nplacement.\n(b) Report.")
    assert labelled(split) == [("a", "Review every\nplacement."), ("b", "Report.")]


def test_text_before_the_first_part_is_kept_as_the_lead_in():
    split = split_parts("That the Director:\n• reviews placements;\n• reports the cost.")
    assert split.lead_in == "That the Director:"
    assert len(split.parts) == 2


def test_text_that_cannot_be_split_is_kept_whole():
    split = split_parts("Only one paragraph.")
    assert (split.lead_in, split.parts) == ("Only one paragraph.", [])


def test_parts_written_back_read_the_same():
    split = split_parts("(a) One.\n(b) Two,\ncontinued.")
    assert labelled(split_parts(parts_as_text(split.parts))) == labelled(split)


PASTED = """Recommendations

1. That the Director of Children's Services reports back on the number of
looked after children placed outside Leeds.
Recommendation 2 – That the Executive Board:
(a) agrees the strategy; and
(b) funds it.
R3: That the council’s partners:
\uf0b7 share data;
\uf0b7 meet quarterly.
9.1.1 That the £5m budget is protected.
"""


def test_a_pasted_section_is_split_into_recommendations_with_their_parts():
    split = split_recommendations(PASTED)
    assert split.preamble == "Recommendations"
    references = [(r.reference, r.text) for r in split.recommendations]
    assert references == [
        (
            "1",
            "That the Director of Children's Services reports back on the number of\n"
            "looked after children placed outside Leeds.",
        ),
        ("2", "That the Executive Board:"),
        ("R3", "That the council’s partners:"),
        ("9.1.1", "That the £5m budget is protected."),
    ]
    assert labelled(split.recommendations[1]) == [
        ("a", "agrees the strategy; and"),
        ("b", "funds it."),
    ]
    assert labelled(split.recommendations[2]) == [("a", "share data;"), ("b", "meet quarterly.")]


def test_nothing_pasted_is_lost():
    split = split_recommendations(PASTED)
    kept = " ".join(
        [split.preamble]
        + [
            r.reference + " " + r.text + " " + " ".join(p.text for p in r.parts)
            for r in split.recommendations
        ]
    )
    for word in PASTED.split():
        if word not in {"1.", "Recommendation", "–", "R3:", "(a)", "(b)", "\uf0b7"}:
            assert word in kept, word

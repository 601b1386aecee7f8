"""Write the hostile corpus: ``inputs/`` (each file written by us) and ``manifest.json`` (what
``citekit export`` must do with each). Run ``python tests/hostile/make_corpus.py`` after editing
the table below; the test (test_hostile_corpus.py) reads only the written files.

Each case: file name, content (str is written as UTF-8, bytes as they are), expected outcome, and
what stdout and stderr must (not) contain. Outcomes: ``exported`` (exit 0, no message but the
loss report), ``warnings`` (exit 0, warnings naming the file), ``partial`` (exit 1: errors naming
the file, every good record still exported), ``error`` (exit 2, nothing exported, a clean one-line
error). ``records`` is how many records the CSL-JSON output holds. ``args`` replace the default
``-f csljson``; ``{out}`` in them is a fresh folder. ``subprocess`` cases run ``python -m citekit``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent

PAGE = """The effect of small things on large ones
Research output: Contribution to journal › Article › peer-review
Ann Lee, Bo Chen
Overview
Original language\tEnglish
Pages (from-to)\t10-20
Number of pages\t11
Journal\tJournal of Examples
Volume\t12
Issue number\t3
Publication status\tPublished - 1 Mar 2020
"""
BIB = """@article{lee2020effect,
  author = {Lee, Ann and Chen, Bo},
  title = {The effect of small things on large ones},
  journal = {Journal of Examples},
  year = {2020},
  volume = {12},
  pages = {10--20}
}
"""
RIS = """TY  - JOUR
AU  - Lee, Ann
AU  - Chen, Bo
TI  - The effect of small things on large ones
T2  - Journal of Examples
PY  - 2020
VL  - 12
SP  - 10
EP  - 20
ER  -\x20
"""
MEDLINE = """PMID- 12345678
TI  - The effect of small things on large ones.
FAU - Lee, Ann
AU  - Lee A
DP  - 2020 Mar
JT  - Journal of Examples
VI  - 12
"""
WOS = """FN Clarivate Analytics Web of Science
VR 1.0
PT J
AU Lee, A
AF Lee, Ann
TI The effect of small things on large ones
SO JOURNAL OF EXAMPLES
PY 2020
VL 12
ER

EF
"""
ENDNOTE_XML = """<?xml version="1.0" encoding="UTF-8"?>
<xml><records><record><ref-type name="Journal Article">17</ref-type>
<contributors><authors><author><style>Lee, Ann</style></author></authors></contributors>
<titles><title><style>The effect of small things on large ones</style></title></titles>
<dates><year><style>2020</style></year></dates></record></records></xml>
"""
ITEM = {
    "id": "lee2020effect",
    "type": "article-journal",
    "title": "The effect of small things on large ones",
    "author": [{"family": "Lee", "given": "Ann"}],
    "issued": {"date-parts": [[2020]]},
}


def item(**changes: Any) -> dict[str, Any]:
    return {**ITEM, **changes}


def js(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def entry(key: str, title: str) -> str:
    return f"@article{{{key},\n  author = {{Lee, Ann}},\n  title = {{{title}}},\n  year = {{2020}}\n}}\n"


CASES: list[dict[str, Any]] = [
    # --- encodings and bytes -------------------------------------------------------------------
    dict(name="enc_utf8_bom.bib", data="\ufeff" + BIB, outcome="exported", records=1),
    dict(
        name="enc_utf16le_bom.ris",
        data=b"\xff\xfe" + RIS.encode("utf-16-le"),
        outcome="exported",
        records=1,
        subprocess=True,
    ),
    dict(
        name="enc_utf16be_bom.bib", data=b"\xfe\xff" + BIB.encode("utf-16-be"), outcome="exported", records=1
    ),
    dict(
        name="enc_utf16le_no_bom.bib",
        data=BIB.encode("utf-16-le"),
        outcome="warnings",
        records=1,
        stderr=["no byte-order mark; read as UTF-16-LE"],
    ),
    dict(
        name="enc_utf16_odd_length.bib",
        data=b"\xff\xfe" + BIB.encode("utf-16-le") + b"x",
        outcome="error",
        stderr=["not valid UTF-16"],
    ),
    dict(
        name="enc_latin1.bib",
        data=entry("k", "Café Müller").encode("latin-1"),
        outcome="warnings",
        records=1,
        stderr=["enc_latin1.bib:3: not valid UTF-8; read as Windows-1252"],
        stdout=["Café Müller"],
        subprocess=True,
    ),
    dict(
        name="enc_cp1252_quotes.ris",
        data=RIS.replace("TI  - The", "TI  - \u201cThe\u201d \u2013").encode("cp1252"),
        outcome="warnings",
        records=1,
        stdout=["\u201cThe\u201d \u2013"],
    ),
    dict(
        name="enc_cp1252_undefined_byte.ris",
        data=RIS.encode().replace(b"Examples", b"Ex\x81amples"),
        outcome="warnings",
        records=1,
        stdout=["Ex\x81amples"],
    ),
    dict(name="enc_crlf.ris", data=RIS.replace("\n", "\r\n"), outcome="exported", records=1),
    dict(
        name="enc_cr_only.bib",
        data=(BIB + "@article{broken, title = {x}\n\n" + entry("good", "Second")).replace("\n", "\r"),
        outcome="partial",
        records=2,
        stderr=["enc_cr_only.bib:9: skipped a broken entry"],
    ),
    dict(
        name="enc_mixed_line_ends.txt",
        data=PAGE.replace("\n", "\r\n", 4).replace("\n", "\r", 3),
        outcome="exported",
        records=1,
    ),
    dict(
        name="enc_nul_bytes.txt",
        data=PAGE.replace("Volume\t12", "Volume\t1\x002").encode(),
        outcome="warnings",
        records=1,
        stderr=["enc_nul_bytes.txt:9: 1 NUL byte(s) removed"],
        stdout=['"volume": "12"'],
    ),
    dict(
        name="enc_png_named_bib.bib",
        data=b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        outcome="error",
        stderr=["this is a PNG image, not text"],
        subprocess=True,
    ),
    dict(
        name="enc_pdf_named_ris.ris",
        data=b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
        outcome="error",
        stderr=["this is a PDF document, not text"],
    ),
    dict(
        name="enc_zip_named_json.json",
        data=b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(200),
        outcome="error",
        stderr=["ZIP archive"],
    ),
    dict(
        name="enc_random_binary.txt",
        data=bytes((i * 37 + 11) % 256 for i in range(3000)),
        outcome="error",
        stderr=["this is a binary file, not text"],
    ),
    dict(name="enc_utf32.json", data=js([ITEM]).encode("utf-32"), outcome="exported", records=1),
    dict(
        name="enc_utf32_no_bom.json",
        data=js([ITEM]).encode("utf-32-le"),
        outcome="error",
        stderr=["this is a binary file, not text"],
    ),
    dict(name="enc_empty.bib", data="", outcome="error", stderr=["no records to export"]),
    dict(
        name="enc_whitespace_only.ris", data=" \n\t\r\n  \n", outcome="error", stderr=["no records to export"]
    ),
    # --- BibTeX ---------------------------------------------------------------------------------
    dict(
        name="bib_input_command.bib",
        data=entry("k", r"\input{/etc/passwd} and \include{secret}"),
        outcome="exported",
        records=1,
        args=["-f", "bibtex"],
        stdout_not=[r"\input", r"\include"],
    ),
    dict(
        name="bib_write18.bib",
        data=entry("k", r"Title\immediate\write18{rm -rf ~}"),
        outcome="exported",
        records=1,
        args=["-f", "bibtex"],
        stdout_not=[r"\write18", r"\immediate"],
        subprocess=True,
    ),
    dict(
        name="bib_brace_break_out.bib",
        data=entry("k", r"x\}, note = \{\input{/etc/passwd}\}"),
        outcome="exported",
        records=1,
        args=["-f", "bibtex"],
        stdout_not=["note = {", r"\input"],
    ),
    dict(
        name="bib_unbalanced_closing.bib",
        data="@article{a, title = {x}}, year = {2020}}\n" + entry("b", "Good"),
        outcome="exported",
        records=2,
    ),
    dict(
        name="bib_unclosed_entry.bib",
        data="@article{a, title = {never closed,\n  year = {2020}\n\n" + entry("b", "Good"),
        outcome="partial",
        records=1,
        stderr=["bib_unclosed_entry.bib:1: skipped a broken entry"],
    ),
    dict(
        name="bib_broken_middle.bib",
        data=entry("a", "First") + "@article{b title = {x}}\n" + entry("c", "Third"),
        outcome="partial",
        records=2,
        stderr=["bib_broken_middle.bib:6: skipped a broken entry"],
        subprocess=True,
    ),
    dict(
        name="bib_nested_braces_10000.bib",
        data="@article{deep, title = {" + "{" * 10_000 + "Deep" + "}" * 10_000 + "}, year = {2020}}\n",
        outcome="warnings",
        records=1,
        stderr=["field title nests braces 10,000 deep"],
        stdout=['"title": "<span class=\\"nocase\\">Deep</span>"'],  # braces protect its case
    ),
    dict(
        name="bib_string_bomb.bib",
        data='@string{s0 = "ab"}\n'
        + "".join(f"@string{{s{i} = s{i - 1} # s{i - 1}}}\n" for i in range(1, 40))
        + "@misc{k, title = s39}\n",
        outcome="partial",
        records=1,
        stderr=["bib_string_bomb.bib:22: @string s21: expands to over 4,000,000 characters"],
    ),
    dict(
        name="bib_duplicate_keys.bib",
        data=entry("same", "One") + entry("same", "Two"),
        outcome="warnings",
        records=2,
        stderr=["duplicate key same"],
    ),
    dict(
        name="bib_duplicate_fields.bib",
        data="@article{k, title = {One}, title = {Two}, year = 2020}\n",
        outcome="warnings",
        records=1,
        stderr=["given twice"],
    ),
    dict(
        name="bib_crossref_cycle.bib",
        data="@inproceedings{a, crossref = {b}, title = {A}}\n@proceedings{b, crossref = {a}, title = {B}}\n",
        outcome="exported",
        records=2,
    ),
    dict(
        name="bib_crossref_self.bib",
        data="@inproceedings{a, crossref = {a}, title = {A}, year = 2020}\n",
        outcome="exported",
        records=1,
    ),
    dict(
        name="bib_bare_percent.bib",
        data=entry("k", "100% effective % not a comment"),
        outcome="exported",
        records=1,
        stdout=["100% effective % not a comment"],
    ),
    dict(
        name="bib_at_sign_in_value.bib",
        data=entry("k", "mail user@example.org, not @misc{x, title={y}}"),
        outcome="exported",
        records=1,
    ),
    dict(name="bib_no_fields.bib", data="@misc{lonely}\n", outcome="exported", records=1),
    dict(
        name="bib_unknown_type.bib",
        data="@weirdthing{k, title = {Odd}}\n",
        outcome="exported",
        records=1,
        stdout=['"type": "document"'],
    ),
    dict(
        name="bib_huge_year.bib",
        data="@misc{k, title = {T}, year = {99999999999999999999999}}\n",
        outcome="exported",
        records=1,
    ),
    dict(
        name="bib_month_garbage.bib",
        data="@misc{k, title = {T}, year = 2020, month = {Smarch}}\n",
        outcome="warnings",
        records=1,
        stderr=["cannot read month 'Smarch'"],
    ),
    dict(
        name="bib_ansi_escapes.bib",
        data=entry("k", "Red \x1b[31mALERT\x1b[0m \x1b]0;pwned\x07 title"),
        outcome="exported",
        records=1,
    ),
    dict(
        name="bib_rich_markup.bib",
        data=entry("k", "[bold red]Loud[/] [link=https://example.org]x[/link]"),
        outcome="exported",
        records=1,
        stdout=["[bold red]Loud[/]"],
    ),
    dict(
        name="bib_preamble_only.bib",
        data='@preamble{"\\newcommand{\\x}{y}"}\n@comment{nothing}\n',
        outcome="error",
        stderr=["no records to export"],
    ),
    dict(
        name="bib_unterminated_quote.bib",
        data='@misc{k, title = "never ends}\n' + entry("b", "Good"),
        outcome="partial",
        records=1,
    ),
    dict(
        name="bib_hostile_names.bib",
        data="@misc{k, title = {T}, author = { and and , , {} and others}}\n",
        outcome="exported",
        records=1,
    ),
    dict(
        name="bib_control_char_key.bib",
        data="@misc{a\x07b, title = {T}}\n",
        outcome="exported",
        records=1,
        args=["-f", "bibtex"],
        stdout_not=["\x07"],
    ),
    dict(
        name="bib_traversal_key_output_dir.bib",
        data=entry("../../evil", "A") + entry("/etc/passwd", "B") + entry("..", "C") + entry("con", "D"),
        outcome="exported",
        args=["-f", "bibtex", "--output-dir", "{out}/dir"],
        outdir=["_con.bib", "etc_passwd.bib", "evil.bib", "record.bib"],
    ),
    # --- RIS ------------------------------------------------------------------------------------
    dict(name="ris_no_final_er.ris", data=RIS.replace("ER  - \n", ""), outcome="exported", records=1),
    dict(
        name="ris_tag_before_ty.ris",
        data="AU  - Orphan, Otto\n" + RIS,
        outcome="partial",
        records=1,
        stderr=["ris_tag_before_ty.ris:1: AU line before any TY line"],
    ),
    dict(
        name="ris_garbage_between.ris",
        data=RIS + "this is not RIS\n" + RIS,
        outcome="partial",
        records=2,
        stderr=["ris_garbage_between.ris:11: not a RIS line"],
    ),
    dict(
        name="ris_unknown_type.ris",
        data=RIS.replace("TY  - JOUR", "TY  - ZZZZ"),
        outcome="warnings",
        records=1,
        stderr=["unknown RIS type 'ZZZZ'"],
    ),
    dict(
        name="ris_bad_date.ris",
        data=RIS.replace("PY  - 2020", "PY  - sometime"),
        outcome="warnings",
        records=1,
        stderr=["cannot read the issued date"],
    ),
    dict(
        name="ris_empty_values.ris",
        data="TY  - JOUR\nAU  - \nTI  -\nPY  - \nER  - \n",
        outcome="exported",
        records=1,
    ),
    dict(name="ris_one_space_tags.ris", data=RIS.replace("  - ", " - "), outcome="exported", records=1),
    dict(
        name="ris_long_line.ris",
        data=RIS.replace("TI  - The", "TI  - " + "long " * 20_000 + "The"),
        outcome="exported",
        records=1,
    ),
    dict(name="ris_ty_er_only.ris", data="TY  - JOUR\nER  - \n" * 3, outcome="exported", records=3),
    dict(
        name="ris_ansi_in_message.ris",
        data=RIS.replace("TY  - JOUR", "TY  - \x1b[2J\x1b[31mX"),
        outcome="warnings",
        records=1,
        stderr=["\\x1b[2J"],
    ),
    dict(
        name="ris_lower_case_tags.ris",
        data=RIS.lower().replace("ty  - jour", "ty  - JOUR"),
        outcome="warnings",
        records=1,
        stderr=["ris_lower_case_tags.ris:1: ", "in lower case"],
    ),
    dict(
        name="ris_no_space_after_dash.ris",
        data=RIS.replace("  - ", "  -"),
        outcome="warnings",
        records=1,
        stderr=["ris_no_space_after_dash.ris:1: ", "other spacing"],
    ),
    dict(
        name="ris_forged_er_after_line_separator.ris",
        data=RIS.replace(
            "T2  - Journal of Examples", "T2  - Journal\u2028ER  - \u2028TY  - BOOK\u2029ID  - x"
        ),
        outcome="exported",
        records=1,
    ),
    # --- BibTeX syntax slips real exporters make -------------------------------------------------
    dict(
        name="bib_missing_comma.bib",
        data=BIB.replace("large ones},", "large ones}"),
        outcome="warnings",
        records=1,
        stderr=["bib_missing_comma.bib:4: no comma before field journal"],
    ),
    dict(
        name="bib_entry_without_key.bib",
        data=BIB.replace("@article{lee2020effect,", "@article{"),
        outcome="warnings",
        records=1,
        stderr=["bib_entry_without_key.bib:1: entry with no key"],
    ),
    # --- MEDLINE, Web of Science, EndNote XML ----------------------------------------------------
    dict(name="medline_record.nbib", data=MEDLINE, outcome="exported", records=1),
    dict(
        name="medline_garbage_line.nbib",
        data=MEDLINE + "\nthis is not MEDLINE\n\n" + MEDLINE,
        outcome="partial",
        records=2,
        stderr=["medline_garbage_line.nbib:9: not a MEDLINE line"],
    ),
    dict(
        name="medline_forged_record.nbib",
        data=MEDLINE.replace("TI  - The", "TI  - \u2028PMID- 666\u2028TI  - The"),
        outcome="exported",
        records=1,
    ),
    dict(name="wos_record.isi", data=WOS, outcome="exported", records=1),
    dict(
        name="wos_no_final_er.isi",
        data=WOS.replace("ER\n", ""),
        outcome="warnings",
        records=1,
        stderr=["wos_no_final_er.isi:3: record ends without ER"],
    ),
    dict(name="endnote_record.xml", data=ENDNOTE_XML, outcome="exported", records=1),
    dict(
        name="endnote_broken_part_way.xml",
        data=ENDNOTE_XML.replace("</records>", "<record><titles><title>x</record></records>"),
        outcome="partial",
        records=1,
        stderr=["endnote_broken_part_way.xml:"],
    ),
    dict(
        name="endnote_entity_bomb.xml",
        data='<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
        + ENDNOTE_XML.split("?>", 1)[1].replace("The effect", "&b;"),
        outcome="error",
        stderr=["may not declare a DOCTYPE"],
    ),
    # --- CSL-JSON -------------------------------------------------------------------------------
    dict(
        name="json_truncated.json",
        data=js([ITEM, item(id="b"), item(id="c")])[:-60],
        outcome="partial",
        records=2,
        stderr=["json_truncated.json:"],
    ),
    dict(
        name="json_not_a_list.json",
        data="42\n",
        outcome="error",
        stderr=["skipped an item: an item must be a JSON object"],
    ),
    dict(
        name="json_wrong_types.json",
        data=js([item(id="a", author="Lee, Ann"), item(id="b", issued=[2020]), item(id="c")]),
        outcome="partial",
        records=1,
        stderr=["author must be a list of names", "a date must be an object"],
    ),
    dict(
        name="json_lone_surrogate.json",
        data='[{"id": "s", "type": "book", "title": "half \\ud800 a character"}]\n',
        outcome="warnings",
        records=1,
        stderr=["lone surrogate"],
        subprocess=True,
    ),
    dict(
        name="json_deep_nesting.json",
        data="[" + "[" * 5000 + "]" * 5000 + "]\n",
        outcome="error",
        stderr=["nested too deeply"],
    ),
    dict(
        name="json_huge_integer.json",
        data='[{"id": "h", "type": "book", "volume": ' + "7" * 5000 + "}]\n",
        outcome="error",
        stderr=["4300 digits"],
    ),
    dict(
        name="json_month_13.json",
        data=js([item(issued={"date-parts": [[2020, 13, 40]]})]),
        outcome="warnings",
        records=1,
        stderr=["a month or day out of range was dropped"],
    ),
    dict(
        name="json_bidi_override.json",
        data=js([item(title="evil\u202egnp.exe")]),
        outcome="exported",
        records=1,
    ),
    dict(
        name="json_nulls_everywhere.json",
        data=js([{"id": None, "type": None, "title": None, "author": None, "issued": None}]),
        outcome="exported",
        records=1,
    ),
    dict(
        name="json_duplicate_ids.json",
        data=js([item(id="x"), item(id="x", title="Other"), item(id="x", title="Third")]),
        outcome="exported",
        records=3,
    ),
    dict(
        name="json_html_in_title.json",
        data=js([item(title="<script>alert(1)</script> & <b>bold</b>")]),
        outcome="exported",
        args=["-f", "apa", "--markup", "html"],
        stdout=["&#60;script&#62;alert(1)&#60;/script&#62; &#38;"],
        stdout_not=["<script>"],
    ),
    dict(
        name="json_bibtex_injection.json",
        data=js(
            [item(id="x,title={\\input{/etc/passwd}}}, @misc{evil", title="}, note = {\\input{/etc/passwd}")]
        ),
        outcome="exported",
        args=["-f", "bibtex"],
        stdout_not=[r"\input", "@misc"],
        subprocess=True,
    ),
    dict(
        name="json_ris_injection.json",
        data=js([item(title="A\nER  - \nTY  - JOUR\nTI  - forged", id="a\rER  - ")]),
        outcome="exported",
        args=["-f", "ris"],
        stdout_not=["\nTI  - forged", "\nER  - \nTY"],
    ),
    dict(
        name="json_traversal_ids.json",
        data=js([item(id="../../../tmp/evil"), item(id="..\\..\\win"), item(id="nul.txt"), item(id="")]),
        outcome="exported",
        args=["-f", "ris", "--output-dir", "{out}/dir"],
        outdir=["_nul.txt.ris", "lee2020effect.ris", "tmp_evil.ris", "win.ris"],
    ),
    dict(
        name="json_item_is_array.json",
        data='[[1, 2], "text", ' + js(ITEM) + "]",
        outcome="partial",
        records=1,
    ),
    # --- portal pages ---------------------------------------------------------------------------
    dict(
        name="portal_only_furniture.txt",
        data="Cite this\nOverview\nFingerprint\nPowered by Pure\n",
        outcome="error",
        stderr=["no research-portal fields found"],
    ),
    dict(
        name="portal_empty_values.txt",
        data="Research output: Contribution to journal › Article\nJournal\nVolume\nDOIs\n",
        outcome="warnings",
        records=1,
    ),
    dict(
        name="portal_ansi_title.txt",
        data=PAGE.replace("The effect", "\x1b[31mThe\x1b[0m effect"),
        outcome="exported",
        records=1,
    ),
    dict(
        name="portal_markdown_unclosed.md",
        data="# Title\n\nResearch output: Contribution to journal › Article\n\n| Journal | J of X\n| Volume | 3 |\n|",
        outcome="warnings",
        records=1,
    ),
    dict(
        name="portal_two_pages_one_empty.txt",
        data=PAGE + "\nResearch output: Contribution to journal › Article\n",
        outcome="warnings",
        records=2,
    ),
    dict(
        name="portal_html_script.html",
        data="<html><head><script>alert('Volume 99')</script></head><body><h1>A title</h1><p>Research output: Contribution to journal › Article</p><table><tr><th>Volume</th><td>12<script>document.write('x')</script></td></tr></table></body></html>",
        outcome="warnings",
        records=1,
        stdout=['"volume": "12"'],
        stdout_not=["alert", "document.write"],
    ),
    dict(
        name="portal_html_nested_5000.html",
        data="<html><body>"
        + "<div>" * 5000
        + "<p>Research output: Contribution to journal › Article</p><table><tr><th>Volume</th><td>3</td></tr></table>"
        + "</div>" * 5000
        + "</body></html>",
        outcome="error",
        stderr=["portal_html_nested_5000.html:1: HTML nested too deeply"],
    ),
    dict(
        name="portal_html_partly_too_deep.html",
        data="<html><body><h1>A title</h1><p>Research output: Contribution to journal › Article</p>"
        + "<dl><dt>Volume</dt><dd>5</dd></dl>"
        + "<div>" * 300
        + "<p>Journal: Lost</p>"
        + "</div>" * 300
        + "</body></html>",
        outcome="warnings",
        records=1,
        stderr=["HTML nested too deeply (excessive depth in document: 256); what is deeper was skipped"],
        stdout=['"volume": "5"'],
    ),
    dict(
        name="portal_html_unclosed.html",
        data="<html><body><h1>Title<p>Research output: Contribution to journal › Article<table><tr><th>Volume<td>7<tr><th>Journal<td>J",
        outcome="warnings",
        records=1,
    ),
    dict(
        name="portal_html_bad_entities.html",
        data="<html><body><h1>T&#0;i&#xD800;t&#x110000;le &bogus;</h1><p>Research output: Contribution to journal › Article</p><dl><dt>Volume</dt><dd>5</dd></dl></body></html>",
        outcome="warnings",
        records=1,
    ),
    dict(
        name="portal_html_xxe.html",
        data='<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><html><body><h1>&xxe;</h1><p>Research output: Contribution to journal › Article</p><dl><dt>Volume</dt><dd>5</dd></dl></body></html>',
        outcome="warnings",
        records=1,
        stdout_not=["root:"],
    ),
    # --- --strict and -o: nothing written on failure ----------------------------------------------
    dict(
        name="strict_bad_entry.bib",
        data=entry("a", "Good") + "@article{b title = {x}}\n",
        outcome="error",
        args=["-f", "bibtex", "--strict", "-o", "{out}/refs.bib"],
        absent=["refs.bib"],
        stderr=["--strict given; nothing was written"],
        subprocess=True,
    ),
    dict(
        name="strict_warning_only.ris",
        data=RIS.replace("TY  - JOUR", "TY  - ZZZZ"),
        outcome="error",
        args=["-f", "ris", "--strict", "--output-dir", "{out}/dir"],
        absent=["dir"],
        stderr=["--strict given"],
    ),
]


def main() -> None:
    inputs = HERE / "inputs"
    inputs.mkdir(exist_ok=True)
    for old in inputs.iterdir():
        old.unlink()
    manifest = {}
    for case in CASES:
        case = dict(case)
        name, data = case.pop("name"), case.pop("data")
        (inputs / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        manifest[name] = case
    text = json.dumps(manifest, indent=1, ensure_ascii=True, sort_keys=True)
    (HERE / "manifest.json").write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Writes the second-writer fixtures: city workbooks made by openpyxl
(Debian's python3-openpyxl, 3.0.9), not by excelize, the library the
generator reads with.

    apt-get install -y python3-openpyxl
    /usr/bin/python3 generator/workbook/testdata/secondwriter/make_fixtures.py

This openpyxl writes every text as an inline string and no formula's stored
result, whereas Excel and LibreOffice keep texts in a shared-strings table
and store results. So the script rewrites afterwards, as Excel stores them:
the texts of the sheets Stadt and Kennzahlen into xl/sharedStrings.xml (the
measures keep openpyxl's inline strings, so both kinds are read), and the
results of the formulas listed in REWRITES.
The archive is then repacked with fixed timestamps, so the same script gives
the same bytes. The generated .xlsx files are committed: the tests need no
Python, and a test regenerates them when openpyxl is there and checks that
the committed ones still match (TestSecondWriterFixturesAreCurrent).
"""

import datetime
import io
import os
import re
import sys
import zipfile

import openpyxl
from openpyxl.styles import Font

HERE = os.path.dirname(os.path.abspath(__file__))
NBSP = "\u00a0"
FIXED = datetime.datetime(2024, 1, 2, 3, 4, 5)


def city(edited=False):
    """A valid city workbook with every kind of cell a strategist's file
    may hold. edited=True is the same workbook after a reviewer-worthy
    edit: one value changed, one added, one removed, a formula changed,
    a sheet added."""
    wb = openpyxl.Workbook()
    wb.properties.creator = "make_fixtures.py"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED

    # Stadt: the header "Wert / Value" is merged over B1:C1; trailing
    # spaces in key, value and sheet name; a date as a serial number with a
    # date format; the population as German text.
    ws = wb.active
    ws.title = "Stadt "
    ws.append(["Feld", "Wert / Value", None, "Quelle"])
    ws.merge_cells("B1:C1")
    ws["A1"].font = Font(bold=True)
    ws.append(["Name ", "Teststadt  ", None, "Stammdaten"])
    ws.append(["Bundesland", "Bayern", None, None])
    ws.append(["Einwohner", "123.456", None, "Amt für Statistik"])
    ws.append(["Beschlossen am", datetime.datetime(2019, 7, 24), None, "Ratsbeschluss"])
    ws["B5"].number_format = "DD.MM.YYYY"
    ws.append(["Webseite", "https://example.org/teststadt", None, None])

    # Kennzahlen: numbers as numbers and as German text, a formula with its
    # stored result, a hidden row (read like any other), a blank row.
    ws = wb.create_sheet("Kennzahlen")
    ws.append(["Indikator", "2022", 2023, 2024, "Quelle ", "Anmerkung"])
    ws.append(["V1", 20, "12,5 %", 31.5, "Umfrage", None])
    ws.append(["V2 ", "1.234,5", "1" + NBSP + "234", None, "Jahresbericht", "geschätzt "])
    ws.append(["D1", 10, "=B4*2", 25 if edited else 24, "Portal", None])
    ws.append([None])
    ws.append(["D2", 5, 6, None, "Portal", None])
    ws.row_dimensions[6].hidden = True
    if edited:
        ws["D6"] = 7  # added
        ws["F3"] = None  # removed
        ws["C4"] = "=B4*2+0"  # same result, another formula

    # Maßnahmen: start as a date serial, end as German date text, status
    # with a trailing space, an inline string (the title of M-02).
    ws = wb.create_sheet("Maßnahmen")
    ws.append(["ID", "Titel", "Thema", "Status", "Beginn", "Ende", "Budget"])
    ws.append(["M-01", "E-Akte einführen", "E-AKTE", "in Umsetzung ", datetime.datetime(2020, 3, 1), "31.12.2024", "250.000"])
    ws["E2"].number_format = "DD.MM.YYYY"
    ws.append(["M-02", "Open-Data-Portal", "OPEN", "abgeschlossen", "01.2019", 2021, None])

    # Extra sheets a strategist keeps for themselves: ignored by the reader.
    ws = wb.create_sheet("Notizen")
    ws.append(["Nur für uns", datetime.date(2024, 5, 1)])
    ws["B1"].number_format = "YYYY-MM-DD"
    ws = wb.create_sheet("Listen")
    ws.append(["geplant"])
    ws.sheet_state = "hidden"
    if edited:
        wb.create_sheet("Neu").append(["hinzugefügt"])
    return wb


def errors():
    """A city workbook whose cells must be rejected, each by name: error
    values (#DIV/0!, #N/A, also as a formula's stored result), a formula
    saved without a result, and a merged title row above the measures'
    header, which therefore is not the header."""
    wb = openpyxl.Workbook()
    wb.properties.creator = "make_fixtures.py"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    ws = wb.active
    ws.title = "Stadt"
    ws.append(["Feld", "Wert", "Quelle"])
    ws.append(["Name", "Fehlerstadt", None])
    ws = wb.create_sheet("Kennzahlen")
    ws.append(["Indikator", 2022, 2023, "Quelle"])
    ws.append(["V1", "#DIV/0!", 30, "Umfrage"])
    ws.append(["V2", "=1/0", "#N/A", "Jahresbericht"])
    ws.append(["D1", 10, "=B4*2", "Portal"])
    ws = wb.create_sheet("Maßnahmen")
    ws.append(["Maßnahmen der Fehlerstadt"])
    ws.merge_cells("A1:D1")
    ws.append(["ID", "Titel", "Thema", "Status"])
    ws.append(["M-01", "E-Akte", "E-AKTE", "geplant"])
    return wb


# Cells rewritten after openpyxl: (sheet file, cell) → replacement XML.
def cached(ref, formula, value, error=False):
    t = ' t="e"' if error else ""
    return ref, '<c r="%s"%s><f>%s</f><v>%s</v></c>' % (ref, t, formula, value)


REWRITES = {
    "city.xlsx": {
        "xl/worksheets/sheet2.xml": [cached("C4", "B4*2", "20")],
    },
    "city-edited.xlsx": {
        "xl/worksheets/sheet2.xml": [cached("C4", "B4*2+0", "20")],
    },
    "errors.xlsx": {
        "xl/worksheets/sheet2.xml": [cached("B3", "1/0", "#DIV/0!", error=True)],
    },
}


# Sheets whose texts move to the shared-strings table (the first two sheets:
# Stadt and Kennzahlen).
SHARED = ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]
INLINE = re.compile(r'<c r="([A-Z]+\d+)"((?: s="\d+")?) t="inlineStr"><is><t(?: xml:space="preserve")?>(.*?)</t></is></c>')


def share(files):
    """Moves the inline strings of SHARED into a shared-strings table, as
    Excel writes them, and registers the table in the package."""
    strings = []

    def to_shared(m):
        if m.group(3) not in strings:
            strings.append(m.group(3))
        return '<c r="%s"%s t="s"><v>%d</v></c>' % (m.group(1), m.group(2), strings.index(m.group(3)))

    for name in SHARED:
        files[name] = INLINE.sub(to_shared, files[name].decode("utf-8")).encode("utf-8")
    items = "".join(
        '<si><t xml:space="preserve">%s</t></si>' % s if s != s.strip() else "<si><t>%s</t></si>" % s
        for s in strings)
    files["xl/sharedStrings.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">%s</sst>'
        % (len(strings), len(strings), items)).encode("utf-8")
    files["[Content_Types].xml"] = files["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/xl/sharedStrings.xml" '
        b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    files["xl/_rels/workbook.xml.rels"] = files["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdShared" Target="sharedStrings.xml" '
        b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/></Relationships>')


def save(wb, name):
    buf = io.BytesIO()
    wb.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    files = {info.filename: src.read(info.filename) for info in src.infolist()}
    for part, cells in REWRITES.get(name, {}).items():
        text = files[part].decode("utf-8")
        for ref, xml in cells:
            # openpyxl writes <c r="C4" ...>...</c> or <c r="C4" .../>.
            pattern = r'<c r="%s"[^>]*?(/>|>.*?</c>)' % ref
            text, n = re.subn(pattern, xml, text, count=1)
            if n != 1:
                sys.exit("%s: %s: cell %s not found" % (name, part, ref))
        files[part] = text.encode("utf-8")
    share(files)
    files["docProps/core.xml"] = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2024-01-02T03:04:05Z",
                                        files["docProps/core.xml"])
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for part in sorted(files):
            dst.writestr(zipfile.ZipInfo(part, date_time=(2024, 1, 2, 3, 4, 4)), files[part],
                         compress_type=zipfile.ZIP_DEFLATED)
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(out.getvalue())


OUT = sys.argv[1] if len(sys.argv) > 1 else HERE

if __name__ == "__main__":
    save(city(), "city.xlsx")
    save(city(edited=True), "city-edited.xlsx")
    save(errors(), "errors.xlsx")

"""Prints the cells of an XLSX file's first sheet as JSON {"A1": value, ...} (stdlib only),
so the browser tests check a downloaded workbook by its contents, not its bytes."""
import json
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


def main(path):
    with zipfile.ZipFile(path) as book:
        shared = []
        if "xl/sharedStrings.xml" in book.namelist():
            root = ET.fromstring(book.read("xl/sharedStrings.xml"))
            shared = ["".join(t.text or "" for t in si.iter(f"{{{NS['m']}}}t")) for si in root.findall("m:si", NS)]
        sheet = ET.fromstring(book.read("xl/worksheets/sheet1.xml"))
    cells = {}
    for cell in sheet.iter(f"{{{NS['m']}}}c"):
        ref, kind = cell.get("r"), cell.get("t")
        value = cell.find("m:v", NS)
        inline = cell.find("m:is/m:t", NS)
        if kind == "s" and value is not None:
            cells[ref] = shared[int(value.text)]
        elif kind == "inlineStr" and inline is not None:
            cells[ref] = inline.text
        elif value is not None:
            number = float(value.text)
            cells[ref] = int(number) if number.is_integer() else number
    print(json.dumps(cells, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])

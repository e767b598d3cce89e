"""Reads an XLSX file with openpyxl (a real spreadsheet reader, run by Debian's /usr/bin/python3)
and prints its first sheet as JSON: {"sheet": name, "cells": {"A1": value}, "merged": ["A1:AI1",
...], "formats": {"C5": "0"}, "print": {"paper": 8, "orientation": "landscape", "fit": [1, 1]},
"title_rows": "$3:$3", "wrap": {"C5": true}, "heights": {"5": 63.0}, "widths": {"C": 22.7}},
so the browser tests check a downloaded workbook the way a spreadsheet program opens it.
"wrap" covers the cells with a value or a format (blank table cells too); "heights" and "widths" the rows and columns given one."""
import json
import sys

import openpyxl


def main(path):
    # A file object, since openpyxl refuses a path without an .xlsx extension (downloads have none).
    with open(path, "rb") as file:
        book = openpyxl.load_workbook(file)
    sheet = book.worksheets[0]
    cells, formats, wrap = {}, {}, {}
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is not None:
                cells[cell.coordinate] = cell.value
                formats[cell.coordinate] = cell.number_format
            if cell.value is not None or cell.has_style:
                wrap[cell.coordinate] = bool(cell.alignment.wrap_text)
    setup = sheet.page_setup
    print(json.dumps({
        "sheet": sheet.title,
        "cells": cells,
        "formats": formats,
        "merged": sorted(str(r) for r in sheet.merged_cells.ranges),
        "print": {
            "paper": int(setup.paperSize) if setup.paperSize is not None else None,
            "orientation": setup.orientation,
            # Fit to pages wide × tall when the sheet says fitToPage; an omitted count means 1.
            "fit": [setup.fitToWidth or 1, setup.fitToHeight or 1] if fit_to_page(sheet) else None,
        },
        # The rows printed on every page, as "$3:$3", or None.
        "title_rows": sheet.print_title_rows,
        "wrap": wrap,
        "heights": {
            str(r): d.height for r, d in sorted(sheet.row_dimensions.items()) if d.height is not None
        },
        "widths": {
            c: d.width for c, d in sorted(sheet.column_dimensions.items()) if d.customWidth
        },
    }, ensure_ascii=False))


def fit_to_page(sheet):
    properties = sheet.sheet_properties.pageSetUpPr
    return bool(properties is not None and properties.fitToPage)


if __name__ == "__main__":
    main(sys.argv[1])

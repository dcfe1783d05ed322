#!/usr/bin/python3
"""Reads an exported workbook or CSV back, as an independent reader would, and
prints it as JSON for the tests: every sheet's cells with their Python type,
frozen panes, autofilter, column widths, wrapped columns and charts."""
import csv
import datetime
import io
import json
import sys


def cell(v):
    if v is None:
        return {"t": "none"}
    if isinstance(v, bool):
        return {"t": "bool", "v": v}
    if isinstance(v, (int, float)):
        return {"t": "number", "v": v}
    if isinstance(v, datetime.datetime):
        return {"t": "datetime", "v": v.isoformat()}
    if isinstance(v, datetime.date):
        return {"t": "date", "v": v.isoformat()}
    if isinstance(v, (datetime.time, datetime.timedelta)):
        return {"t": "time", "v": str(v)}
    return {"t": "string", "v": str(v)}


def workbook(path):
    import openpyxl
    wb = openpyxl.load_workbook(path)
    out = {}
    for ws in wb.worksheets:
        rows = [[cell(c.value) for c in r] for r in ws.iter_rows()]
        formulas = sum(1 for r in ws.iter_rows() for c in r if c.data_type == "f")
        widths = {k: v.width for k, v in ws.column_dimensions.items()}
        out[ws.title] = {"rows": rows, "freeze": ws.freeze_panes, "filter": ws.auto_filter.ref,
                         "widths": widths, "charts": len(ws._charts), "formulas": formulas}
    return {"sheets": out, "order": wb.sheetnames}


def csv_file(path):
    with open(path, newline="", encoding="utf-8") as f:
        text = f.read()
    bom = text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), strict=True))
    return {"bom": bom, "rows": rows}


if __name__ == "__main__":
    path = sys.argv[1]
    json.dump(csv_file(path) if path.endswith(".csv") else workbook(path), sys.stdout)

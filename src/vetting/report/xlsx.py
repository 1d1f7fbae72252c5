"""Moved to `vetting.checklist`: the workbook is written and read there."""

# moved to vetting.checklist; kept for cli/report.py
from vetting.checklist import checklist_xlsx as checklist_xlsx
from vetting.checklist import import_checklist as import_checklist

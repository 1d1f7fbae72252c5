"""The XLSX procurement checklist: written (filled or blank, with dropdowns) and read back.

    blank = checklist_xlsx(compiled, "fr")  # for a vendor to fill in
    filled = checklist_xlsx(compiled, "fr", answers=answers, assessment=assessment)
    answers, warnings = import_checklist(Path("filled.xlsx"), compiled)

`layout.py` holds the format (columns, limits, cell names), `write.py` the
writer, `read.py` the import. XlsxWriter and openpyxl are imported by the
functions that need them.
"""

from __future__ import annotations

from vetting.checklist.layout import COLUMNS, FORMAT
from vetting.checklist.read import import_checklist
from vetting.checklist.write import checklist_xlsx

__all__ = ["COLUMNS", "FORMAT", "checklist_xlsx", "import_checklist"]

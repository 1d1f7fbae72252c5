"""What buyers do with several assessments: compare tools, diff re-assessments, list a portfolio.

Each workflow builds plain data in one language first (`compare()`, `diff()`,
`portfolio()`, pure functions over scored assessments), then renders it
(Markdown, HTML, XLSX, text, JSON). The CLI shell (`vetting.cli.workflows`)
reads the files, passes the date of the day, prints or writes.
"""

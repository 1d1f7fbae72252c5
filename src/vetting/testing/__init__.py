"""Rule tests: Gherkin scenarios that pin what a rule set decides, and the mutation self-check.

- `features`: feature files in, scenarios out (the official Gherkin parser, positions kept);
- `steps`: the step vocabulary in English and French, and `run_scenario`;
- `world`: what a scenario builds (rule set, answers) and the assessment it leads to;
- `plugin`: the pytest plugin (`pytest11` entry point) that collects `*.feature` files;
- `mutate`: the mutation self-check of `vetting test --mutate`.

See docs/rule-tests.md.
"""

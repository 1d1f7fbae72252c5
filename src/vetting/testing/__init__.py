"""Rule tests: Gherkin scenarios that pin what a rule set decides, and the mutation self-check.

- `features`: feature files in, scenarios out (the official Gherkin parser, positions kept);
- `world`: what a scenario builds (rule set, answers) and the assessment it leads to;
- `matching`: step templates and how a step's text matches one;
- `steps`: the step vocabulary in English and French (`STEPS`) and `match_step`; the step
  functions in `given_steps`, `then_steps`, `asked_steps` and `claim_steps`, their shared
  helpers in `expect`;
- `runner`: `run_scenario`, the one interpreter of the plugin and the mutation self-check;
- `plugin`: the pytest plugin (`pytest11` entry point) that collects `*.feature` files;
- `mutants`: the mutation operators; `mutate`: the self-check of `vetting test --mutate`.

See docs/rule-tests.md.
"""

Feature: The public's key questions: hosting, resale, training, European origin, bias
  "Where are the data hosted? Are they resold to private actors? Are they used to train the
  algorithms?" (ACSEL 2025 barometer). 94 % of professionals and 86 % of the public prefer
  French or European tools, but a public buyer may neither exclude nor score a tenderer on
  nationality (Public Procurement Code art. L.3): origin weighs little and never blocks,
  and France and another EU state score the same. Bias is judged on subgroup evaluation.

  Background:
    Given a tool whose answers are:
      | question           | answer             |
      | scope.buyer        | public_hospital    |
      | scope.use          | [decision_support] |
      | scope.patient_data | [identifiable]     |
      | scope.deployment   | vendor_saas        |
      | scope.audience     | professionals      |
      | scope.generative   | no                 |
    And every other question is answered with its best choice

  Scenario Outline: where the data are hosted (<location>)
    Given the answer to "hosting.location" is "<location>"
    When the assessment is scored
    Then the verdict is "<verdict>"

    Examples:
      | location    | verdict |
      | france      | accept  |
      | eea         | accept  |
      | outside_eea | reject  |

  Scenario Outline: whether the data are resold (<resale>)
    Given the answer to "reuse.resale" is "<resale>"
    When the assessment is scored
    Then the verdict is "<verdict>"

    Examples:
      | resale                | verdict |
      | no                    | accept  |
      | aggregated_anonymised | accept  |
      | yes                   | reject  |

  Scenario Outline: whether the data train the vendor's models (<training>)
    Given the answer to "reuse.training" is "<training>"
    When the assessment is scored
    Then the verdict is "<verdict>"

    Examples:
      | training        | verdict |
      | no              | accept  |
      | anonymised_only | accept  |
      | yes             | reject  |

  Scenario Outline: a French or another EU vendor scores the same (<origin>)
    Given the answer to "vendor.origin" is "<origin>"
    When the assessment is scored
    Then the verdict is "accept"
    And the score is between 0,5 and 0,5
    And there is no finding on "vendor.origin"

    Examples:
      | origin |
      | france |
      | eu     |

  Scenario Outline: a non-European vendor is a medium finding, never a knock-out (<buyer>)
    Given the answer to "scope.buyer" is "<buyer>"
    And the answer to "vendor.origin" is "non_eu"
    When the assessment is scored
    Then there is no knock-out
    And the finding on "vendor.origin" has severity "medium"
    And the verdict is not "reject"
    And the score is between 0,1 and 5

    Examples:
      | buyer           |
      | public_hospital |
      | private_clinic  |
      | public_agency   |

  Scenario Outline: a public buyer is reminded that nationality cannot be a criterion (<buyer>)
    Given the answer to "scope.buyer" is "<buyer>"
    And the answer to "vendor.origin" is "non_eu"
    When the assessment is scored
    Then the finding on "vendor.origin_public_procurement" has severity "info"

    Examples:
      | buyer                      |
      | public_hospital            |
      | private_nonprofit_hospital |
      | public_agency              |

  Scenario: the report reminds a public buyer that nationality cannot be a criterion
    Given the answer to "vendor.origin" is "non_eu"
    Then the report in "fr" mentions "nationalité"

  Scenario Outline: a private buyer gets no public-procurement reminder (<buyer>)
    Given the answer to "scope.buyer" is "<buyer>"
    And the answer to "vendor.origin" is "non_eu"
    When the assessment is scored
    Then there is no finding on "vendor.origin_public_procurement"

    Examples:
      | buyer          |
      | private_clinic |
      | practice       |

  Scenario: a European vendor bought by a public buyer gets no reminder either
    Given the answer to "vendor.origin" is "eu"
    Then there is no finding on "vendor.origin_public_procurement"

  Scenario Outline: no evaluation by subgroup is a high finding (<use>)
    Given the answer to "scope.use" is "<use>"
    And the answer to "bias.subgroup_evaluation" is "none"
    When the assessment is scored
    Then the finding on "bias.subgroup_evaluation" has severity "high"
    And the verdict is "conditional"
    And there is no knock-out

    Examples:
      | use                      |
      | [decision_support]       |
      | [clinical_documentation] |
      | [patient_facing]         |

  Scenario: results shared internally by subgroup are a low finding
    Given the answer to "bias.subgroup_evaluation" is "internal"
    Then the finding on "bias.subgroup_evaluation" has severity "low"
    And the verdict is "accept"

  Scenario Outline: data unlike your population and no subgroup results: unproven for your patients (<data>)
    Given the answer to "bias.training_data" is "<data>"
    And the answer to "bias.subgroup_evaluation" is "none"
    When the assessment is scored
    Then the finding on "bias.unproven_for_your_patients" has severity "high"

    Examples:
      | data           |
      | not_comparable |
      | undocumented   |

  Scenario Outline: one of the two alone does not make the tool unproven (<data>, <subgroups>)
    Given the answer to "bias.training_data" is "<data>"
    And the answer to "bias.subgroup_evaluation" is "<subgroups>"
    When the assessment is scored
    Then there is no finding on "bias.unproven_for_your_patients"

    Examples:
      | data           | subgroups |
      | representative | none      |
      | not_comparable | internal  |
      | undocumented   | published |

  Scenario: bias questions are not asked of an administrative tool for staff
    Given the answer to "scope.use" is "[administrative]"
    And the answer to "scope.audience" is "administrative_staff"
    Then the question "bias.subgroup_evaluation" is not asked
    And the question "bias.training_data" is not asked

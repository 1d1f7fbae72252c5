Feature: Regulatory knock-outs: processing agreement, legal basis, DPIA, CE marking, FRIA
  A vendor that processes patient data is a processor: it needs an art. 28 agreement and a
  list of its sub-processors. Health data need an art. 9 exception; a health or
  medico-social establishment must carry out a DPIA (CNIL list of 2018). A tool with a
  medical purpose must be CE-marked. Each knock-out is tested both ways.

  Background:
    Given the rule set "rules/health-ai"
    And a tool whose answers are:
      | question           | answer                   |
      | scope.buyer        | public_hospital          |
      | scope.use          | [clinical_documentation] |
      | scope.patient_data | [identifiable]           |
      | scope.deployment   | vendor_saas              |
      | scope.audience     | professionals            |
      | scope.generative   | no                       |
    And every other question is answered with its best choice

  Scenario Outline: a vendor processing patient data without <what> is a knock-out (<deployment>)
    Given the answer to "scope.deployment" is "<deployment>"
    And the answer to "<question>" is "<answer>"
    When the assessment is scored
    Then there is a knock-out on "<question>=<answer>"
    And the verdict is "reject"

    Examples:
      | what                     | question               | answer  | deployment                    |
      | a processing agreement   | regulatory.dpa         | no      | vendor_saas                   |
      | a processing agreement   | regulatory.dpa         | no      | consumer_app                  |
      | a list of sub-processors | security.subprocessors | no_list | vendor_saas                   |
      | a list of sub-processors | security.subprocessors | no_list | vendor_saas_third_party_model |

  Scenario Outline: without patient data, a missing <what> is a high finding, not a knock-out
    Given the answer to "scope.patient_data" is "<data>"
    And the answer to "<question>" is "<answer>"
    When the assessment is scored
    Then there is no knock-out
    And the finding on "<question>" has severity "high"
    And the verdict is "conditional"

    Examples:
      | what                   | question               | answer  | data         |
      | processing agreement   | regulatory.dpa         | no      | [anonymised] |
      | list of sub-processors | security.subprocessors | no_list | [none]       |

  Scenario Outline: on the buyer's own infrastructure the vendor processes nothing: no <question>
    Given the answer to "scope.deployment" is "<deployment>"
    Then the question "<question>" is not asked

    Examples:
      | question               | deployment        |
      | regulatory.dpa         | on_premises       |
      | regulatory.dpa         | buyer_tenancy_hds |
      | security.subprocessors | on_premises       |
      | security.subprocessors | buyer_tenancy_hds |

  Scenario: health data processed without any art. 9 exception is a knock-out
    Given the answer to "regulatory.legal_basis" is "no_exception"
    When the assessment is scored
    Then there is a knock-out on "regulatory.legal_basis=no_exception"
    And the verdict is "reject"

  Scenario: a legal basis not determined yet is a high finding, not a knock-out
    Given the answer to "regulatory.legal_basis" is "not_determined"
    When the assessment is scored
    Then there is no knock-out
    And the finding on "regulatory.legal_basis" has severity "high"

  Scenario Outline: no DPIA in a health or medico-social establishment is a knock-out (<buyer>)
    Given the answer to "scope.buyer" is "<buyer>"
    And the answer to "regulatory.dpia" is "no"
    When the assessment is scored
    Then there is a knock-out on "regulatory.dpia=no"
    And the verdict is "reject"

    Examples:
      | buyer                      |
      | public_hospital            |
      | private_nonprofit_hospital |
      | private_clinic             |
      | medico_social              |

  Scenario Outline: outside the CNIL list's establishments, no DPIA is a high finding (<buyer>)
    Given the answer to "scope.buyer" is "<buyer>"
    And the answer to "regulatory.dpia" is "no"
    When the assessment is scored
    Then there is no knock-out on "regulatory.dpia"
    And the finding on "regulatory.dpia" has severity "high"

    Examples:
      | buyer         |
      | practice      |
      | health_tech   |
      | public_agency |

  Scenario Outline: a DPIA that leaves a high residual risk is a knock-out for every buyer (<buyer>)
    Given the answer to "scope.buyer" is "<buyer>"
    And the answer to "regulatory.dpia" is "high_residual_risk"
    When the assessment is scored
    Then there is a knock-out on "regulatory.dpia=high_residual_risk"

    Examples:
      | buyer           |
      | public_hospital |
      | practice        |

  Scenario: a DPIA still planned holds deployment back
    Given the answer to "regulatory.dpia" is "planned"
    When the assessment is scored
    Then there is no knock-out
    And the finding on "regulatory.dpia_before_deployment" has severity "high"
    And the verdict is "conditional"

  Scenario: a tool with a medical purpose but no CE marking is a knock-out
    Given the answer to "scope.use" is "[decision_support]"
    And the answer to "regulatory.medical_device" is "not_ce_marked"
    When the assessment is scored
    Then there is a knock-out on "regulatory.medical_device=not_ce_marked"
    And the verdict is "reject"

  Scenario: a CE-marked device for its intended use is no knock-out
    Given the answer to "scope.use" is "[decision_support]"
    And the answer to "regulatory.medical_device" is "ce_marked"
    And the evidence for "regulatory.medical_device" is "verified"
    When the assessment is scored
    Then there is no knock-out
    And the verdict is "accept"

  Scenario: a vendor denying the medical purpose of a diagnostic use is flagged
    Given the answer to "scope.use" is "[diagnostic_analysis]"
    And the answer to "regulatory.medical_device" is "no_medical_purpose"
    When the assessment is scored
    Then there is no knock-out
    And the finding on "regulatory.medical_purpose_denied" has severity "high"
    And the question "regulatory.device_class" is asked

  Scenario: a general-purpose LLM used on identifiable patients is a knock-out
    Given the answer to "regulatory.intended_use" is "general_purpose_llm"
    When the assessment is scored
    Then there is a knock-out on "regulatory.intended_use=general_purpose_llm"
    And the verdict is "reject"

  Scenario: a general-purpose LLM for clinical use without patient data is a high finding
    Given the answer to "scope.use" is "[decision_support]"
    And the answer to "scope.patient_data" is "[anonymised]"
    And the answer to "regulatory.intended_use" is "general_purpose_llm"
    When the assessment is scored
    Then there is no knock-out
    And the finding on "regulatory.intended_use" has severity "high"

  Scenario: a public hospital deploying emergency triage without a FRIA, from 2 December 2027
    Given the answer to "scope.use" is "[triage]"
    And the answer to "regulatory.fria" is "not_planned"
    And the assessment date is "2027-12-02"
    When the assessment is scored
    Then there is a knock-out on "regulatory.fria=not_planned"
    And the verdict is "reject"

  Scenario: the same the day before the AI Act duty applies: a high finding
    Given the answer to "scope.use" is "[triage]"
    And the answer to "regulatory.fria" is "not_planned"
    And the assessment date is "2027-12-01"
    When the assessment is scored
    Then there is no knock-out
    And the finding on "regulatory.fria" has severity "high"

  Scenario Outline: the FRIA is asked of public bodies using an Annex III system only (<buyer>, <use>)
    Given the answer to "scope.buyer" is "<buyer>"
    And the answer to "scope.use" is "<use>"
    Then the question "regulatory.fria" <asked>

    Examples:
      | buyer                      | use                | asked        |
      | public_hospital            | [triage]           | is asked     |
      | private_nonprofit_hospital | [triage]           | is asked     |
      | public_agency              | [triage]           | is asked     |
      | private_clinic             | [triage]           | is not asked |
      | public_hospital            | [decision_support] | is not asked |

  Scenario: a vendor calling emergency triage "minimal risk" is flagged
    Given the answer to "scope.use" is "[triage]"
    And the answer to "regulatory.ai_act_class" is "minimal_justified"
    When the assessment is scored
    Then the finding on "regulatory.annex_iii_denied" has severity "high"

  Scenario: a software publisher calling itself a mere deployer is asked to check its role
    Given the answer to "scope.buyer" is "health_tech"
    And the answer to "regulatory.ai_act_role" is "deployer"
    When the assessment is scored
    Then the finding on "regulatory.integrator_role_check" has severity "medium"

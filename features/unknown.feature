Feature: "I don't know" counts against the tool, and sends a question back to the vendor
  The buyer carries the accountability (GDPR art. 5(2) and 24), so missing evidence counts
  against the tool: `unknown` on a question that can knock out leaves the tool pending
  evidence; on another question it scores that question's worst answer. A question left
  unanswered counts as unknown.

  Background:
    Given a tool whose answers are:
      | question           | answer                   |
      | scope.buyer        | public_hospital          |
      | scope.use          | [clinical_documentation] |
      | scope.patient_data | [identifiable]           |
      | scope.deployment   | vendor_saas              |
      | scope.audience     | professionals            |
      | scope.generative   | no                       |
    And every other question is answered with its best choice

  Scenario Outline: unknown on a question that can knock out: pending evidence (<question>)
    Given the answer to "<question>" is "unknown"
    When the assessment is scored
    Then the verdict is "pending_evidence"
    And there is a knock-out pending evidence on "<question>"
    And the finding on "<question>" has severity "critical"
    And there is no knock-out

    Examples:
      | question                  |
      | hosting.location          |
      | hosting.hds_certified     |
      | hosting.non_eea_access    |
      | reuse.training            |
      | reuse.resale              |
      | reuse.secondary_use       |
      | security.subprocessors    |
      | regulatory.dpa            |
      | regulatory.legal_basis    |
      | regulatory.dpia           |
      | regulatory.medical_device |
      | regulatory.intended_use   |
      | oversight.human_decision  |
      | transparency.patient_information |

  Scenario Outline: unknown where the knock-out cannot apply is not pending (<question>)
    Given the answer to "<question>" is "unknown"
    When the assessment is scored
    Then there is no knock-out pending evidence
    And the verdict is "conditional"

    Examples:
      | question                         |
      | hosting.extraterritorial_law     |
      | reliability.change_control       |

  Scenario: a question left unanswered counts as unknown
    Given the question "reuse.training" is not answered
    When the assessment is scored
    Then the verdict is "pending_evidence"
    And there is a knock-out pending evidence on "reuse.training=yes"

  Scenario Outline: unknown on an ordinary question scores its worst answer (<question>)
    Given the answer to "<question>" is "unknown"
    When the assessment is scored
    Then the finding on "<question>" has severity "<severity>"
    And there is no knock-out pending evidence
    And the score is between <score> and <score>

    Examples:
      | question             | severity | score |
      | vendor.reversibility | high     | 0,8   |
      | vendor.origin        | medium   | 0,6   |
      | reuse.retention      | high     | 1,5   |

  Scenario Outline: unknown scores exactly as the worst answer does (<question>)
    Given the answer to "<question>" is "<worst>"
    When the assessment is scored
    Then the score is between <score> and <score>

    Examples:
      | question             | worst      | score |
      | vendor.reversibility | none       | 0,8   |
      | vendor.origin        | non_eu     | 0,6   |
      | reuse.retention      | indefinite | 1,5   |

  Scenario: a knock-out whose condition depends on an unknown scope answer is pending
    Given the answer to "hosting.location" is "outside_eea"
    And the answer to "scope.deployment" is "unknown"
    When the assessment is scored
    Then the verdict is "pending_evidence"
    And there is a knock-out pending evidence on "hosting.location=outside_eea"
    And there is no knock-out

  Scenario: once the vendor answers, the pending knock-out is settled
    Given the answer to "hosting.location" is "outside_eea"
    And the answer to "scope.deployment" is "on_premises"
    When the assessment is scored
    Then there is no knock-out pending evidence
    And there is no knock-out

  Scenario: a question that does not apply is never pending
    Given the answer to "scope.use" is "[general_assistant]"
    And the answer to "scope.patient_data" is "[none]"
    And the answer to "reuse.training" is "unknown"
    When the assessment is scored
    Then there is no knock-out pending evidence
    And the question "reuse.training" is not asked

  Scenario: the report in French lists what to ask the vendor
    Given the answer to "hosting.hds_certified" is "unknown"
    Then the report in "fr" mentions "certificat HDS"

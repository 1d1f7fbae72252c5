Feature: Every verdict, from the best to the worst
  accept < conditional < pending_evidence < reject. A knock-out rejects whatever the
  score; a knock-out that the answers can neither confirm nor rule out leaves the tool
  pending evidence; a level of moderate or above, or a finding of high severity, makes it
  conditional; otherwise it is accepted.

  Background:
    Given the rule set "rules/health-ai"
    And a tool whose answers are:
      | question           | answer                   |
      | scope.buyer        | public_hospital          |
      | scope.use          | [clinical_documentation] |
      | scope.patient_data | [identifiable, audio]    |
      | scope.deployment   | vendor_saas              |
      | scope.audience     | professionals            |
      | scope.generative   | yes                      |

  Scenario: an ambient scribe with the best answers everywhere is accepted
    Given every other question is answered with its best choice
    When the assessment is scored
    Then the verdict is "accept"
    And the level is "low"
    And there is no knock-out
    And there is no knock-out pending evidence
    And the score is between 0 and 0

  Scenario: one high-severity answer makes the tool conditional, whatever the score
    Given every other question is answered with its best choice
    And the answer to "vendor.reversibility" is "none"
    When the assessment is scored
    Then the verdict is "conditional"
    And the points level is "low"
    And the level is "high"
    And the finding on "vendor.reversibility" has severity "high"

  Scenario: medium answers that add up to a moderate level make the tool conditional
    Given every other question is answered with its best choice
    And a tool whose answers are:
      | question                        | answer           |
      | hosting.non_eea_access          | adequacy         |
      | hosting.extraterritorial_law    | mitigated        |
      | hosting.encryption              | non_eu_keys      |
      | hosting.hds_contract            | partial          |
      | reuse.training                  | lawful_framework |
      | reuse.retention                 | long             |
      | reuse.end_of_contract           | raw_only         |
      | security.certification          | soc2_only        |
      | security.penetration_test       | outdated         |
      | security.authentication         | mfa_optional     |
      | security.ai_attacks             | partial          |
      | security.subprocessors          | list_only        |
      | security.logging                | access_only      |
      | reliability.performance_metrics | partial          |
      | reliability.local_pilot         | informal         |
      | oversight.override_and_stop     | edit_only        |
      | oversight.governance            | informal         |
      | training.user_training          | optional         |
      | vendor.reversibility            | proprietary      |
      | vendor.continuity               | partial          |
      | vendor.liability                | vague            |
    When the assessment is scored
    Then the verdict is "conditional"
    And the level is "moderate"
    And there is no knock-out
    And there is no finding on "vendor.captive"

  Scenario: a knock-out-capable question left unknown makes the tool pending evidence
    Given every other question is answered with its best choice
    And the answer to "hosting.hds_certified" is "unknown"
    When the assessment is scored
    Then the verdict is "pending_evidence"
    And there is a knock-out pending evidence on "hosting.hds_certified"
    And there is no knock-out

  Scenario: a knock-out rejects the tool even when everything else is at its best
    Given every other question is answered with its best choice
    And the answer to "reuse.resale" is "yes"
    When the assessment is scored
    Then the verdict is "reject"
    And the points level is "low"
    And the level is "critical"

  Scenario: a knock-out outranks a pending one
    Given every other question is answered with its best choice
    And the answer to "reuse.resale" is "yes"
    And the answer to "reuse.training" is "unknown"
    When the assessment is scored
    Then the verdict is "reject"
    And there is a knock-out pending evidence on "reuse.training"

  Scenario: the verdict names may be written in French or English
    Given every other question is answered with its best choice
    And the answer to "reuse.training" is "unknown"
    Then the verdict is "pending evidence"
    And the verdict is "en attente de preuves"
    And the verdict is not "reject"

  Scenario: the example ambient scribe is accepted
    Given the answers file "examples/health-ai/scribe-accept.yaml"
    When the assessment is scored
    Then the verdict is "accept"
    And there is no knock-out

  Scenario: the example generative assistant is rejected on four knock-outs
    Given the answers file "examples/health-ai/assistant-reject.yaml"
    When the assessment is scored
    Then the verdict is "reject"
    And there is a knock-out on "hosting.location=outside_eea"
    And there is a knock-out on "hosting.hds_certified=none"
    And there is a knock-out on "reuse.training=yes"
    And there is a knock-out on "regulatory.dpa=no"
    And the report in "en" mentions "HDS"

  Scenario: the example triage tool waits for the vendor's evidence
    Given the answers file "examples/health-ai/triage-pending.yaml"
    When the assessment is scored
    Then the verdict is "pending_evidence"
    And there is a knock-out pending evidence on "hosting.hds_certified"
    And there is a knock-out pending evidence on "reuse.training"

  Scenario: answering the pending question settles the verdict either way
    Given the answers file "examples/health-ai/triage-pending.yaml"
    And the answer to "hosting.hds_certified" is "none"
    When the assessment is scored
    Then the verdict is "reject"
    And there is a knock-out on "hosting.hds_certified=none"

  Scenario: many high-risk answers reach a high level, without any knock-out
    Given every other question is answered with its best choice
    And a tool whose answers are:
      | question                                | answer         |
      | hosting.extraterritorial_law            | mitigated      |
      | hosting.encryption                      | no_encryption  |
      | hosting.hds_contract                    | missing        |
      | reuse.retention                         | indefinite     |
      | reuse.end_of_contract                   | none           |
      | security.certification                  | none           |
      | security.penetration_test               | none           |
      | security.authentication                 | password_only  |
      | security.ai_attacks                     | none           |
      | security.breach_notification            | none           |
      | security.encryption_in_transit          | partial        |
      | security.logging                        | none           |
      | security.continuity                     | none           |
      | transparency.professional_documentation | marketing_only |
      | reliability.performance_metrics         | none           |
      | reliability.local_pilot                 | none           |
      | reliability.monitoring                  | none           |
      | oversight.override_and_stop             | none           |
      | oversight.governance                    | none           |
      | training.user_training                  | none           |
      | training.support                        | none           |
      | vendor.reversibility                    | none           |
      | vendor.continuity                       | none           |
      | vendor.liability                        | disclaimed     |
    When the assessment is scored
    Then the level is at least "high"
    And the verdict is "conditional"
    And there is no knock-out
    And the finding on "vendor.captive" has severity "high"

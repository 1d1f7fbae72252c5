Feature: Nothing reassures wrongly: contradictions, missing evidence, one risk scale, review dates
  A claim that avoids a legal knock-out counts only with its proof, valid on the judged
  date (the later of the assessment and the go-live); an answer that contradicts the
  buyer's own scope counts as "I don't know"; a knock-out makes the level critical
  whatever the score; and a tool that is not accepted outright is
  looked at again sooner. The best answers below come with their evidence; each scenario
  takes away what it tests.

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
    And every other question is answered with its best choice

  # ---------------------------------------------------------------- contradictions

  Scenario: "no third-party hosting" for a SaaS avoids nothing: the HDS knock-outs stay pending
    Given the answer to "hosting.hds_certified" is "no_third_party_hosting"
    When the assessment is scored
    Then the answer to "hosting.hds_certified" contradicts the scope
    And there is a knock-out pending evidence on "hosting.hds_certified=none"
    And the finding on "hosting.no_hosting_claim_contradicts_scope" has severity "critical"
    And the verdict is "pending_evidence"
    And the level is "high"

  Scenario Outline: the contradictory answer scores exactly like "I don't know" (<answer>)
    Given the answer to "hosting.hds_certified" is "<answer>"
    When the assessment is scored
    Then the verdict is "pending_evidence"
    And the score is between 2.7 and 2.7

    Examples:
      | answer                 |
      | no_third_party_hosting |
      | unknown                |

  Scenario: what would change the result never proposes the contradictory answer
    Given the answer to "hosting.hds_certified" is "none"
    When the assessment is scored
    Then there is a knock-out on "hosting.hds_certified=none"
    And what would change the result proposes "hosting.hds_certified=full_chain_v2"
    And what would change the result does not propose "hosting.hds_certified=no_third_party_hosting"

  Scenario: on the buyer's own premises "no third-party hosting" is true, and no contradiction
    Given the answer to "scope.deployment" is "on_premises"
    And the answer to "scope.vendor_access" is "none"
    And the answer to "hosting.hds_certified" is "no_third_party_hosting"
    When the assessment is scored
    Then there is no finding on "hosting.no_hosting_claim_contradicts_scope"
    And there is no knock-out pending evidence
    And the verdict is "accept"

  Scenario: an unknown deployment may make the answer a contradiction: it counts as unknown
    Given the answer to "scope.deployment" is "unknown"
    And the answer to "hosting.hds_certified" is "no_third_party_hosting"
    When the assessment is scored
    Then the answer to "hosting.hds_certified" contradicts the scope
    And there is no finding on "hosting.no_hosting_claim_contradicts_scope"
    And the verdict is "pending_evidence"

  Scenario: for a triage tool without CE marking, denying the medical purpose is never proposed
    Given the answer to "scope.use" is "[triage]"
    And the answer to "regulatory.medical_device" is "not_ce_marked"
    When the assessment is scored
    Then there is a knock-out on "regulatory.medical_device=not_ce_marked"
    And what would change the result does not propose "regulatory.medical_device=no_medical_purpose"

  # ---------------------------------------------------------------- evidence

  Scenario: the best answers with their evidence are accepted
    When the assessment is scored
    Then the verdict is "accept"
    And there is no knock-out pending evidence

  Scenario Outline: a claim without its evidence leaves its knock-outs pending (<question>)
    Given the evidence for "<question>" is "<evidence>"
    When the assessment is scored
    Then the knock-outs of "<question>" wait for its evidence
    And there is a knock-out pending evidence on "<knockout>"
    And there is no knock-out
    And the verdict is "pending_evidence"
    And the level is "high"
    And the points level is "low"

    Examples:
      | question                  | evidence | knockout                                |
      | hosting.hds_certified     | missing  | hosting.hds_certified=none              |
      | hosting.hds_certified     | expired  | hosting.hds_certified=v1_only           |
      | regulatory.dpa            | missing  | regulatory.dpa=no                       |
      | regulatory.dpa            | expired  | regulatory.dpa=no                       |

  Scenario: a CE marking without its certificate leaves the knock-out pending
    Given the answer to "scope.use" is "[decision_support]"
    And the answer to "regulatory.medical_device" is "ce_marked"
    And the evidence for "regulatory.medical_device" is "missing"
    When the assessment is scored
    Then the knock-outs of "regulatory.medical_device" wait for its evidence
    And the verdict is "pending_evidence"

  Scenario: an HDS certificate that expired before the assessment date counts as none
    Given the evidence for "hosting.hds_certified" is "expired"
    And the assessment date is "2027-06-01"
    When the assessment is scored
    Then the knock-outs of "hosting.hds_certified" wait for its evidence
    And the report in "en" mentions "expired"

  Scenario: declared evidence where verified evidence is required counts, shown as unverified
    Given the evidence for "hosting.hds_certified" is "declared"
    When the assessment is scored
    Then the evidence for "hosting.hds_certified" is shown as unverified
    And there is no knock-out pending evidence
    And the verdict is "accept"

  Scenario: declared evidence is enough where declared evidence is required
    Given the evidence for "regulatory.dpa" is "declared"
    When the assessment is scored
    Then there is no knock-out pending evidence
    And the verdict is "accept"

  Scenario: a worse claim needs as much proof: "infrastructure only" in the buyer's tenancy
    Given the answer to "scope.deployment" is "buyer_tenancy_hds"
    And the answer to "scope.vendor_access" is "maintenance"
    And the answer to "hosting.hds_certified" is "infrastructure_only"
    And the evidence for "hosting.hds_certified" is "missing"
    When the assessment is scored
    Then there is no knock-out on "hosting.hds_certified"
    And the knock-outs of "hosting.hds_certified" wait for its evidence

  Scenario: where no knock-out can hold, a claim needs no evidence
    Given the answer to "scope.deployment" is "on_premises"
    And the answer to "scope.vendor_access" is "none"
    And the answer to "hosting.hds_certified" is "no_third_party_hosting"
    And the evidence for "hosting.hds_certified" is "missing"
    When the assessment is scored
    Then there is no knock-out pending evidence
    And the verdict is "accept"

  Scenario: the verdict box says which evidence is missing
    Given the evidence for "regulatory.dpa" is "missing"
    When the assessment is scored
    Then the report in "en" mentions "no evidence recorded (verified evidence required)"
    And the report in "fr" mentions "aucune preuve enregistrée (preuve vérifiée exigée)"

  # ---------------------------------------------------------------- one risk scale

  Scenario: a knock-out makes the level critical whatever the score
    Given the answer to "reuse.training" is "yes"
    When the assessment is scored
    Then the verdict is "reject"
    And the points level is "low"
    And the level is "critical"
    And the report in "en" mentions "raised to critical by 1 knock-out"
    And the report in "fr" mentions "relevé à critique par 1 élément bloquant"

  Scenario: a serious finding makes the level at least high
    Given the answer to "vendor.reversibility" is "none"
    When the assessment is scored
    Then the verdict is "conditional"
    And the points level is "low"
    And the level is "high"

  # ---------------------------------------------------------------- review dates

  Scenario: an accepted tool is reviewed after twelve months
    Given the assessment date is "2026-11-24"
    When the assessment is scored
    Then the verdict is "accept"
    And the next review is on "2027-11-24"

  Scenario: a conditional tool is reviewed after six months
    Given the assessment date is "2026-11-24"
    And the answer to "vendor.reversibility" is "none"
    When the assessment is scored
    Then the verdict is "conditional"
    And the next review is on "2027-05-24"

  Scenario: a tool pending evidence is reviewed after three months
    Given the assessment date is "2026-11-30"
    And the evidence for "hosting.hds_certified" is "missing"
    When the assessment is scored
    Then the verdict is "pending_evidence"
    And the next review is on "2027-02-28"

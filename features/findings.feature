Feature: Finding rules: contradictions and risky combinations
  A finding rule reads several answers together: two answers that contradict each other,
  or two weaknesses that are worse together. Each rule fires on its combination, with its
  severity, and stays silent when only part of the combination holds.

  Background:
    Given a tool whose answers are:
      | question           | answer                   |
      | scope.buyer        | public_hospital          |
      | scope.use          | [clinical_documentation] |
      | scope.patient_data | [identifiable]           |
      | scope.deployment   | vendor_saas              |
      | scope.audience     | professionals            |
      | scope.generative   | yes                      |
    And every other question is answered with its best choice

  Scenario: with the best answers, no rule fires
    Then there is no finding on "hosting.no_hosting_claim_contradicts_scope"
    And there is no finding on "scope.patient_data_by_use"
    And there is no finding on "hosting.hds_claim_outside_eea"
    And there is no finding on "hosting.no_access_claim_under_foreign_law"
    And there is no finding on "hosting.no_access_claim_outside_eea"
    And there is no finding on "reuse.retention_contradicts_no_training"
    And there is no finding on "scope.appointments_without_personal_data"
    And there is no finding on "scope.patients_may_type_personal_data"
    And there is no finding on "transparency.conversation_denied"
    And there is no finding on "regulatory.dpia_before_deployment"
    And there is no finding on "regulatory.annex_iii_denied"
    And there is no finding on "regulatory.annex_i_denied"
    And there is no finding on "regulatory.access_on_behalf_check"
    And there is no finding on "regulatory.in_house_claim_check"
    And there is no finding on "regulatory.certificate_contradiction"
    And there is no finding on "regulatory.integrator_role_check"
    And there is no finding on "transparency.information_contradiction"
    And there is no finding on "bias.unproven_for_your_patients"
    And there is no finding on "reliability.medical_device_without_evidence"
    And there is no finding on "reliability.hallucinations_unmanaged"
    And there is no finding on "oversight.validation_contradiction"
    And there is no finding on "training.oversight_without_training"
    And there is no finding on "participation.patient_facing_without_patients"
    And there is no finding on "vendor.origin_public_procurement"
    And there is no finding on "vendor.captive"
    And the verdict is "accept"

  Scenario Outline: <rule> fires on its combination
    Given the answer to "<question 1>" is "<answer 1>"
    And the answer to "<question 2>" is "<answer 2>"
    And the answer to "<question 3>" is "<answer 3>"
    When the assessment is scored
    Then the finding on "<rule>" has severity "<severity>"

    Examples:
      | rule                                          | question 1                       | answer 1               | question 2                           | answer 2            | question 3       | answer 3         | severity |
      | hosting.no_hosting_claim_contradicts_scope    | hosting.hds_certified            | no_third_party_hosting | scope.deployment                     | vendor_saas         | scope.generative | yes              | critical |
      | hosting.no_hosting_claim_contradicts_scope    | hosting.hds_certified            | no_third_party_hosting | scope.deployment                     | buyer_tenancy_hds   | scope.generative | yes              | critical |
      | hosting.hds_claim_outside_eea                 | hosting.hds_certified            | full_chain_v2          | hosting.location                     | outside_eea         | scope.generative | yes              | high     |
      | hosting.no_access_claim_under_foreign_law     | hosting.extraterritorial_law     | yes                    | hosting.non_eea_access               | none                | scope.generative | yes              | medium   |
      | hosting.no_access_claim_outside_eea           | hosting.location                 | outside_eea            | hosting.non_eea_access               | none                | scope.generative | yes              | high     |
      | reuse.retention_contradicts_no_training       | reuse.training                   | no                     | reuse.retention                      | indefinite          | scope.generative | yes              | medium   |
      | scope.appointments_without_personal_data      | scope.use                        | [appointments]         | scope.patient_data                   | [none]              | scope.generative | yes              | medium   |
      | scope.patients_may_type_personal_data         | scope.use                        | [patient_information]  | scope.patient_data                   | [none]              | scope.generative | yes              | medium   |
      | transparency.conversation_denied              | transparency.ai_disclosure       | not_conversational     | scope.use                            | [patient_information] | scope.patient_data | [none]         | high     |
      | regulatory.dpia_before_deployment             | regulatory.dpia                  | planned                | scope.buyer                          | practice            | scope.generative | yes              | high     |
      | regulatory.annex_iii_denied                   | regulatory.ai_act_class          | transparency_only      | scope.use                            | [triage]            | scope.generative | yes              | high     |
      | regulatory.annex_i_denied                     | regulatory.ai_act_class          | minimal_justified      | scope.use                            | [decision_support]  | regulatory.medical_device | ce_marked | high     |
      | regulatory.access_on_behalf_check             | scope.buyer                      | private_nonprofit_hospital | scope.use                        | [access_prioritisation] | scope.generative | no           | medium   |
      | regulatory.in_house_claim_check               | regulatory.medical_device        | in_house               | scope.use                            | [decision_support]  | scope.deployment | vendor_saas      | medium   |
      | regulatory.safety_alert_purpose_check         | scope.use                        | [safety_alerts]        | regulatory.medical_device            | no_medical_purpose  | scope.generative | no               | low      |
      | regulatory.integrator_role_check              | regulatory.ai_act_role           | deployer               | scope.buyer                          | health_tech         | scope.generative | yes              | medium   |
      | transparency.information_contradiction        | transparency.patient_information | yes                    | transparency.ai_disclosure           | not_disclosed       | scope.audience   | patients         | medium   |
      | reliability.medical_device_without_evidence   | reliability.clinical_validation  | none                   | scope.use                            | [remote_monitoring] | scope.generative | yes              | high     |
      | reliability.hallucinations_unmanaged          | reliability.performance_metrics  | none                   | reliability.hallucination_safeguards | disclaimer_only     | scope.generative | yes              | high     |
      | reliability.hallucinations_unmanaged          | reliability.performance_metrics  | none                   | reliability.hallucination_safeguards | automatic_release   | scope.use        | [administrative] | high     |
      | oversight.validation_contradiction            | oversight.human_decision         | always                 | reliability.hallucination_safeguards | automatic_release   | scope.use        | [administrative] | high     |
      | training.oversight_without_training           | training.user_training           | none                   | oversight.human_decision             | always              | scope.generative | yes              | medium   |
      | training.oversight_without_training           | training.user_training           | none                   | oversight.human_decision             | override_possible   | scope.generative | yes              | medium   |
      | training.oversight_without_training           | training.user_training           | none                   | oversight.human_decision             | automated_administrative | scope.generative | yes         | medium   |
      | participation.patient_facing_without_patients | participation.patients           | none                   | scope.audience                       | patients            | scope.generative | yes              | medium   |
      | participation.patient_facing_without_patients | participation.patients           | none                   | scope.use                            | [patient_facing]    | scope.generative | yes              | medium   |
      | vendor.captive                                | vendor.reversibility             | none                   | vendor.continuity                    | none                | scope.generative | yes              | high     |

  Scenario Outline: <rule> stays silent when only part of its combination holds
    Given the answer to "<question 1>" is "<answer 1>"
    And the answer to "<question 2>" is "<answer 2>"
    When the assessment is scored
    Then there is no finding on "<rule>"

    Examples:
      | rule                                          | question 1                      | answer 1               | question 2                           | answer 2                 |
      | hosting.no_hosting_claim_contradicts_scope    | hosting.hds_certified           | no_third_party_hosting | scope.deployment                     | on_premises              |
      | hosting.hds_claim_outside_eea                 | hosting.hds_certified           | v1_only                | hosting.location                     | outside_eea              |
      | hosting.hds_claim_outside_eea                 | hosting.hds_certified           | full_chain_v2          | hosting.location                     | eea                      |
      | hosting.no_access_claim_under_foreign_law     | hosting.extraterritorial_law    | yes                    | hosting.non_eea_access               | adequacy                 |
      | hosting.no_access_claim_under_foreign_law     | hosting.extraterritorial_law    | mitigated              | hosting.non_eea_access               | none                     |
      | hosting.no_access_claim_outside_eea           | hosting.location                | outside_eea            | hosting.non_eea_access               | scc                      |
      | hosting.no_access_claim_outside_eea           | hosting.location                | eea                    | hosting.non_eea_access               | none                     |
      | reuse.retention_contradicts_no_training       | reuse.training                  | anonymised_only        | reuse.retention                      | indefinite               |
      | reuse.retention_contradicts_no_training       | reuse.training                  | no                     | reuse.retention                      | long                     |
      | scope.appointments_without_personal_data      | scope.use                       | [appointments]         | scope.patient_data                   | [appointment]            |
      | scope.appointments_without_personal_data      | scope.use                       | [administrative]       | scope.patient_data                   | [none]                   |
      | scope.patients_may_type_personal_data         | scope.use                       | [patient_information]  | scope.patient_data                   | [appointment]            |
      | scope.patients_may_type_personal_data         | scope.use                       | [patient_facing]       | scope.patient_data                   | [none]                   |
      | transparency.conversation_denied              | transparency.ai_disclosure      | not_conversational     | scope.use                            | [appointments]           |
      | transparency.conversation_denied              | transparency.ai_disclosure      | disclosed_with_human   | scope.use                            | [patient_facing]         |
      | regulatory.dpia_before_deployment             | regulatory.dpia                 | done                   | scope.buyer                          | practice                 |
      | regulatory.annex_iii_denied                   | regulatory.ai_act_class         | minimal_justified      | scope.use                            | [decision_support]       |
      | regulatory.annex_iii_denied                   | regulatory.ai_act_class         | high_risk_annex_iii    | scope.use                            | [triage]                 |
      | regulatory.annex_i_denied                     | regulatory.ai_act_class         | minimal_justified      | scope.use                            | [clinical_documentation] |
      | regulatory.annex_i_denied                     | regulatory.ai_act_class         | high_risk_annex_i      | scope.use                            | [decision_support]       |
      | regulatory.access_on_behalf_check             | scope.buyer                     | public_hospital        | scope.use                            | [access_prioritisation]  |
      | regulatory.access_on_behalf_check             | scope.buyer                     | private_nonprofit_hospital | scope.use                        | [triage]                 |
      | regulatory.in_house_claim_check               | regulatory.medical_device       | in_house               | scope.deployment                     | on_premises              |
      | regulatory.in_house_claim_check               | regulatory.medical_device       | ce_marked              | scope.deployment                     | vendor_saas              |
      | regulatory.integrator_role_check              | regulatory.ai_act_role          | deployer               | scope.buyer                          | private_clinic           |
      | regulatory.integrator_role_check              | regulatory.ai_act_role          | provider_prepared      | scope.buyer                          | health_tech              |
      | reliability.medical_device_without_evidence   | reliability.clinical_validation | none                   | scope.use                            | [clinical_documentation] |
      | reliability.medical_device_without_evidence   | reliability.clinical_validation | internal               | scope.use                            | [decision_support]       |
      | reliability.hallucinations_unmanaged          | reliability.performance_metrics | partial                | reliability.hallucination_safeguards | disclaimer_only          |
      | reliability.hallucinations_unmanaged          | reliability.performance_metrics | none                   | reliability.hallucination_safeguards | review_only              |
      | reliability.hallucinations_unmanaged          | reliability.performance_metrics | none                   | reliability.hallucination_safeguards | live_translation_checked |
      | oversight.validation_contradiction            | oversight.human_decision        | override_possible      | reliability.hallucination_safeguards | automatic_release        |
      | oversight.validation_contradiction            | oversight.human_decision        | always                 | reliability.hallucination_safeguards | disclaimer_only          |
      | training.oversight_without_training           | training.user_training          | optional               | oversight.human_decision             | always                   |
      | training.oversight_without_training           | training.user_training          | none                   | oversight.human_decision             | automated                |
      | participation.patient_facing_without_patients | participation.patients          | none                   | scope.audience                       | professionals            |
      | participation.patient_facing_without_patients | participation.patients          | testing_or_feedback    | scope.audience                       | patients                 |
      | vendor.captive                                | vendor.reversibility            | none                   | vendor.continuity                    | partial                  |
      | vendor.captive                                | vendor.reversibility            | proprietary            | vendor.continuity                    | none                     |

  Scenario: hallucinations are not "unmanaged" when the tool generates nothing
    Given the answer to "scope.generative" is "no"
    And the answer to "reliability.performance_metrics" is "none"
    Then there is no finding on "reliability.hallucinations_unmanaged"
    And the question "reliability.hallucination_safeguards" is not asked

  Scenario Outline: the AI-disclosure contradiction needs both answers (<information>, <disclosure>)
    Given the answer to "scope.audience" is "patients"
    And the answer to "transparency.patient_information" is "<information>"
    And the answer to "transparency.ai_disclosure" is "<disclosure>"
    When the assessment is scored
    Then there is no finding on "transparency.information_contradiction"

    Examples:
      | information | disclosure     |
      | partial     | not_disclosed  |
      | yes         | disclosed_only |

  Scenario: no training is not an oversight issue when no human decision is asked
    Given the answer to "scope.use" is "[administrative]"
    And the answer to "scope.patient_data" is "[none]"
    And the answer to "scope.workforce_decisions" is "no"
    And the answer to "training.user_training" is "none"
    When the assessment is scored
    Then the question "oversight.human_decision" is not asked
    And there is no finding on "training.oversight_without_training"
    And the finding on "training.user_training" has severity "high"

  Scenario Outline: patients typing personal data into a chatbot: only for a generative tool open to patients (<audience>, <generative>)
    Given the answer to "scope.use" is "[administrative]"
    And the answer to "scope.patient_data" is "[none]"
    And the answer to "scope.audience" is "<audience>"
    And the answer to "scope.generative" is "<generative>"
    When the assessment is scored
    Then <outcome>

    Examples:
      | audience      | generative | outcome                                                         |
      | patients      | yes        | there is a finding on "scope.patients_may_type_personal_data"    |
      | professionals | yes        | there is no finding on "scope.patients_may_type_personal_data"   |
      | patients      | no         | there is no finding on "scope.patients_may_type_personal_data"   |

# language: fr
Fonctionnalité: Les points de chaque réponse sont fixés
  Les pondérations sont ce qu'un établissement ajuste le plus volontiers ; elles ne doivent
  changer que délibérément. Chaque réponse qui porte des points est épinglée ici avec ses
  points pondérés (points de la réponse × poids de la question × poids de la section) :
  « risk » fait le score, « mitigation » l'atténuation. Modifier une pondération du jeu de
  règles fait échouer la ligne correspondante : mettez-la à jour dans la même modification,
  et notez le changement dans le journal des versions du jeu de règles.

  Règle: un assistant génératif de documentation clinique en SaaS, dans un hôpital public

    Contexte:
      Étant donné le jeu de règles "rules/health-ai"
      Et un outil dont les réponses sont :
        | question                  | réponse                                                                  |
        | scope.buyer               | public_hospital                                                          |
        | scope.use                 | [clinical_documentation, triage, patient_facing, prescription, research] |
        | scope.patient_data        | [identifiable, audio, video, staff]                                      |
        | scope.deployment          | vendor_saas_third_party_model                                            |
        | scope.audience            | professionals_and_patients                                               |
        | scope.generative          | yes                                                                      |
        | scope.workforce_decisions | no                                                                       |

    Plan du scénario: en SaaS, <question> = <réponse> vaut <risque> points de risque et <atténuation> d'atténuation
      Étant donné la réponse à "<question>" est "<réponse>"
      Quand l'évaluation est calculée
      Alors la réponse à "<question>" vaut <risque> points de "risk"
      Et la réponse à "<question>" vaut <atténuation> points de "mitigation"

      Exemples:
        | question                                | réponse                  | risque | atténuation |
        | hosting.location                        | outside_eea              |      9 |           0 |
        | hosting.hds_certified                   | ght_member_hosting       |      0 |           0 |
        | hosting.hds_certified                   | infrastructure_only      |      9 |           0 |
        | hosting.hds_certified                   | v1_only                  |      9 |           0 |
        | hosting.hds_certified                   | none                     |      9 |           0 |
        | hosting.non_eea_access                  | adequacy                 |      3 |           0 |
        | hosting.non_eea_access                  | scc                      |    4,5 |           0 |
        | hosting.non_eea_access                  | without_safeguards       |      6 |           0 |
        | hosting.extraterritorial_law            | mitigated                |      3 |           0 |
        | hosting.extraterritorial_law            | yes                      |      6 |           0 |
        | hosting.encryption                      | buyer_keys               |      0 |           3 |
        | hosting.encryption                      | vendor_keys_eu           |    1,5 |         1,5 |
        | hosting.encryption                      | non_eu_keys              |      3 |         1,5 |
        | hosting.encryption                      | no_encryption            |    4,5 |           0 |
        | hosting.hds_contract                    | complete                 |      0 |           3 |
        | hosting.hds_contract                    | partial                  |      3 |         1,5 |
        | hosting.hds_contract                    | missing                  |    4,5 |           0 |
        | reuse.training                          | anonymised_only          |   2,25 |           0 |
        | reuse.training                          | lawful_framework         |    4,5 |           0 |
        | reuse.training                          | yes                      |      9 |           0 |
        | reuse.resale                            | aggregated_anonymised    |   2,25 |           0 |
        | reuse.resale                            | yes                      |      9 |           0 |
        | reuse.anonymisation_proof               | internal_assessment      |    1,5 |           0 |
        | reuse.anonymisation_proof               | undocumented             |    4,5 |           0 |
        | reuse.anonymisation_proof               | pseudonymisation_only    |      6 |           0 |
        | reuse.secondary_use                     | lawful_pathway           |    1,5 |           0 |
        | reuse.secondary_use                     | vague                    |    4,5 |           0 |
        | reuse.secondary_use                     | direct_reuse             |      6 |           0 |
        | reuse.retention                         | short                    |    1,5 |           0 |
        | reuse.retention                         | long                     |      3 |           0 |
        | reuse.retention                         | indefinite               |    4,5 |           0 |
        | reuse.end_of_contract                   | full                     |      0 |           3 |
        | reuse.end_of_contract                   | raw_only                 |      3 |         1,5 |
        | reuse.end_of_contract                   | none                     |    4,5 |           0 |
        | security.certification                  | certified_scoped         |      0 |         2,4 |
        | security.certification                  | soc2_only                |    2,4 |         1,2 |
        | security.certification                  | none                     |    3,6 |           0 |
        | security.penetration_test               | recent                   |      0 |         2,4 |
        | security.penetration_test               | outdated                 |    2,4 |         1,2 |
        | security.penetration_test               | none                     |    3,6 |           0 |
        | security.authentication                 | strong                   |      0 |         2,4 |
        | security.authentication                 | mfa_optional             |    2,4 |         1,2 |
        | security.authentication                 | password_only            |    3,6 |           0 |
        | security.ai_attacks                     | tested                   |      0 |         2,4 |
        | security.ai_attacks                     | partial                  |    2,4 |         1,2 |
        | security.ai_attacks                     | none                     |    3,6 |           0 |
        | security.subprocessors                  | full_list                |      0 |         2,4 |
        | security.subprocessors                  | list_only                |    2,4 |         1,2 |
        | security.subprocessors                  | no_list                  |    4,8 |           0 |
        | security.breach_notification            | stated_deadline          |      0 |         2,4 |
        | security.breach_notification            | undue_delay_only         |    1,2 |         1,2 |
        | security.breach_notification            | none                     |    3,6 |           0 |
        | security.encryption_in_transit          | all_links                |      0 |         2,4 |
        | security.encryption_in_transit          | partial                  |    3,6 |           0 |
        | security.encryption_in_transit          | none                     |    4,8 |           0 |
        | security.minimisation_before_model      | minimised_pseudonymised  |      0 |         2,4 |
        | security.minimisation_before_model      | minimised_only           |    2,4 |         1,2 |
        | security.minimisation_before_model      | full_records             |    3,6 |           0 |
        | security.logging                        | full                     |      0 |         2,4 |
        | security.logging                        | access_only              |    2,4 |         1,2 |
        | security.logging                        | none                     |    3,6 |           0 |
        | security.continuity                     | tested                   |      0 |         2,4 |
        | security.continuity                     | documented               |    1,2 |         1,2 |
        | security.continuity                     | none                     |    3,6 |           0 |
        | regulatory.dpa                          | yes                      |      0 |           3 |
        | regulatory.dpa                          | no                       |      6 |           0 |
        | regulatory.legal_basis                  | explicit_consent         |    1,5 |           0 |
        | regulatory.legal_basis                  | not_determined           |    4,5 |           0 |
        | regulatory.legal_basis                  | no_exception             |      6 |           0 |
        | regulatory.dpia                         | done                     |      0 |           3 |
        | regulatory.dpia                         | planned                  |      3 |         1,5 |
        | regulatory.dpia                         | no                       |      6 |           0 |
        | regulatory.dpia                         | high_residual_risk       |      6 |           0 |
        | regulatory.medical_device               | in_house                 |      0 |           0 |
        | regulatory.medical_device               | other_institution_in_house |    6 |           0 |
        | regulatory.medical_device               | not_ce_marked            |      6 |           0 |
        | regulatory.device_class                 | no_certificate           |      0 |           0 |
        | regulatory.device_class                 | legacy_mdd               |    1,5 |           0 |
        | regulatory.device_class                 | under_classified         |    4,5 |           0 |
        | regulatory.device_class                 | no_conformity            |    4,5 |           0 |
        | regulatory.intended_use                 | policy_only              |    1,5 |           0 |
        | regulatory.intended_use                 | off_label                |    4,5 |           0 |
        | regulatory.intended_use                 | general_purpose_llm      |      6 |           0 |
        | regulatory.prescription_software        | not_certified            |    1,5 |           0 |
        | regulatory.vigilance                    | documented               |      0 |           3 |
        | regulatory.vigilance                    | ticketing_only           |      3 |         1,5 |
        | regulatory.vigilance                    | none                     |    4,5 |           0 |
        | regulatory.ai_act_class                 | high_risk_annex_i        |    1,5 |           0 |
        | regulatory.ai_act_class                 | high_risk_annex_iii      |    1,5 |           0 |
        | regulatory.ai_act_class                 | in_house_no_notified_body |   1,5 |           0 |
        | regulatory.ai_act_class                 | not_assessed             |    4,5 |           0 |
        | regulatory.ai_act_role                  | provider_prepared        |      3 |           0 |
        | regulatory.ai_act_role                  | provider_unprepared      |    4,5 |           0 |
        | regulatory.foundation_model             | identified_non_eu        |      3 |           0 |
        | regulatory.foundation_model             | not_passed_down          |    4,5 |           0 |
        | regulatory.foundation_model             | undisclosed              |    4,5 |           0 |
        | regulatory.deployer_duties              | organised                |      0 |           3 |
        | regulatory.deployer_duties              | partial                  |      3 |         1,5 |
        | regulatory.deployer_duties              | not_organised            |    4,5 |           0 |
        | regulatory.emotion_recognition          | patients_informed        |      3 |           0 |
        | regulatory.emotion_recognition          | staff_safety_or_medical  |      3 |           0 |
        | regulatory.emotion_recognition          | patients_not_informed    |      6 |           0 |
        | regulatory.emotion_recognition          | staff_workplace          |      6 |           0 |
        | regulatory.fria                         | planned_registered       |      0 |           3 |
        | regulatory.fria                         | planned_unregistered     |      3 |         1,5 |
        | regulatory.fria                         | not_planned              |      6 |           0 |
        | regulatory.eu_registration              | registered               |      0 |           3 |
        | regulatory.eu_registration              | not_registered           |      6 |           0 |
        | regulatory.research_formalities         | reference_methodology    |      0 |           3 |
        | regulatory.research_formalities         | authorised               |      0 |           3 |
        | regulatory.research_formalities         | care_team_internal       |    1,5 |         1,5 |
        | regulatory.research_formalities         | warehouse_declared_purpose |  1,5 |         1,5 |
        | regulatory.research_formalities         | anonymised_outputs_only  |      3 |         1,5 |
        | regulatory.research_formalities         | warehouse_only           |      6 |           0 |
        | regulatory.research_formalities         | none                     |      6 |           0 |
        | transparency.patient_information        | yes                      |      0 |           3 |
        | transparency.patient_information        | partial                  |      3 |         1,5 |
        | transparency.patient_information        | privacy_notice_only      |    4,5 |           0 |
        | transparency.patient_information        | no                       |      6 |           0 |
        | transparency.recording_consent          | informed_each_time       |      0 |           2 |
        | transparency.recording_consent          | general_notice_only      |      3 |           1 |
        | transparency.recording_consent          | covert                   |      4 |           0 |
        | transparency.image_consent              | informed_each_time       |      0 |           2 |
        | transparency.image_consent              | public_areas_only        |      1 |           1 |
        | transparency.image_consent              | continuous_on_device     |      2 |           1 |
        | transparency.image_consent              | signage_only             |      3 |           1 |
        | transparency.image_consent              | continuous_images_viewed |      3 |           1 |
        | transparency.image_consent              | covert                   |      4 |           0 |
        | transparency.ai_disclosure              | not_conversational       |      0 |           2 |
        | transparency.ai_disclosure              | disclosed_with_human     |      0 |           2 |
        | transparency.ai_disclosure              | disclosed_only           |      2 |           1 |
        | transparency.ai_disclosure              | not_disclosed            |      4 |           0 |
        | transparency.staff_information          | informed_and_consulted   |      0 |           2 |
        | transparency.staff_information          | representatives_informed |      3 |           0 |
        | transparency.staff_information          | informed_only            |      3 |           0 |
        | transparency.staff_information          | ai_scoring_not_told      |      4 |           0 |
        | transparency.staff_information          | no                       |      4 |           0 |
        | transparency.professional_documentation | no_limits                |      2 |           0 |
        | transparency.professional_documentation | marketing_only           |      3 |           0 |
        | transparency.record_traceability        | automatic                |      0 |           2 |
        | transparency.record_traceability        | manual                   |      1 |           1 |
        | transparency.record_traceability        | none                     |      2 |           0 |
        | transparency.public_data_notice         | partial                  |    0,5 |           0 |
        | transparency.public_data_notice         | none                     |      1 |           0 |
        | bias.training_data                      | not_comparable           |      2 |           0 |
        | bias.training_data                      | undocumented             |      3 |           0 |
        | bias.subgroup_evaluation                | internal                 |    1,5 |           0 |
        | bias.subgroup_evaluation                | none                     |    4,5 |           0 |
        | bias.language                           | partial                  |      2 |           0 |
        | bias.language                           | not_validated            |      3 |           0 |
        | bias.equal_access                       | both                     |      0 |           2 |
        | bias.equal_access                       | partial                  |      2 |           1 |
        | bias.equal_access                       | none                     |      3 |           0 |
        | reliability.clinical_validation         | internal                 |    3,6 |           0 |
        | reliability.clinical_validation         | none                     |    5,4 |           0 |
        | reliability.performance_metrics         | partial                  |    2,4 |           0 |
        | reliability.performance_metrics         | none                     |    3,6 |           0 |
        | reliability.local_pilot                 | formal                   |      0 |         2,4 |
        | reliability.local_pilot                 | informal                 |    2,4 |         1,2 |
        | reliability.local_pilot                 | none                     |    3,6 |           0 |
        | reliability.hallucination_safeguards    | controls_and_review      |      0 |         2,4 |
        | reliability.hallucination_safeguards    | review_only              |    1,2 |         1,2 |
        | reliability.hallucination_safeguards    | live_answers_bounded     |    1,2 |         1,2 |
        | reliability.hallucination_safeguards    | live_translation_checked |    2,4 |         1,2 |
        | reliability.hallucination_safeguards    | disclaimer_only          |    3,6 |           0 |
        | reliability.hallucination_safeguards    | live_answers_unbounded   |    3,6 |           0 |
        | reliability.hallucination_safeguards    | automatic_release        |    4,8 |           0 |
        | reliability.change_control              | controlled               |      0 |         2,4 |
        | reliability.change_control              | versioned_no_notice      |    2,4 |         1,2 |
        | reliability.change_control              | silent                   |    3,6 |           0 |
        | reliability.change_control              | uncontrolled_learning    |    4,8 |           0 |
        | reliability.monitoring                  | contractual              |      0 |         2,4 |
        | reliability.monitoring                  | on_request               |    1,2 |         1,2 |
        | reliability.monitoring                  | none                     |    3,6 |           0 |
        | reliability.out_of_domain               | flags                    |      0 |         2,4 |
        | reliability.out_of_domain               | partial                  |    2,4 |         1,2 |
        | reliability.out_of_domain               | silent                   |    3,6 |           0 |
        | oversight.human_decision                | always                   |      0 |         3,6 |
        | oversight.human_decision                | automated_administrative |    1,8 |         1,8 |
        | oversight.human_decision                | override_possible        |    3,6 |         1,8 |
        | oversight.human_decision                | certified_automation     |    3,6 |         1,8 |
        | oversight.human_decision                | automated                |    7,2 |           0 |
        | oversight.qualified_reader              | physician                |      0 |           0 |
        | oversight.qualified_reader              | outside_scope            |    4,8 |           0 |
        | oversight.qualified_reader              | replaces_required_reading |   4,8 |           0 |
        | oversight.override_and_stop             | full                     |      0 |         2,4 |
        | oversight.override_and_stop             | edit_only                |    2,4 |         1,2 |
        | oversight.override_and_stop             | none                     |    3,6 |           0 |
        | oversight.automation_bias               | designed                 |      0 |         2,4 |
        | oversight.automation_bias               | partial                  |    1,2 |         1,2 |
        | oversight.automation_bias               | none                     |    2,4 |           0 |
        | oversight.governance                    | documented               |      0 |         2,4 |
        | oversight.governance                    | informal                 |    2,4 |         1,2 |
        | oversight.governance                    | none                     |    3,6 |           0 |
        | oversight.safety_netting                | tested                   |      0 |         2,4 |
        | oversight.safety_netting                | partial                  |    2,4 |         1,2 |
        | oversight.safety_netting                | none                     |    4,8 |           0 |
        | training.user_training                  | included                 |      0 |         1,6 |
        | training.user_training                  | optional                 |    1,6 |         0,8 |
        | training.user_training                  | none                     |    2,4 |           0 |
        | training.refresher                      | planned_with_records     |      0 |         1,6 |
        | training.refresher                      | ad_hoc                   |    0,8 |         0,8 |
        | training.refresher                      | none                     |    1,6 |           0 |
        | training.support                        | dedicated                |      0 |         1,6 |
        | training.support                        | generic                  |    0,8 |         0,8 |
        | training.support                        | none                     |    2,4 |           0 |
        | training.ai_use_policy                  | adopted                  |      0 |         1,6 |
        | training.ai_use_policy                  | in_preparation           |    0,8 |         0,8 |
        | training.ai_use_policy                  | none                     |    1,6 |           0 |
        | participation.patients                  | governance               |      0 |         1,6 |
        | participation.patients                  | testing_or_feedback      |    0,8 |         0,8 |
        | participation.patients                  | none                     |    1,6 |           0 |
        | participation.user_representatives      | consulted_and_followed   |      0 |         1,6 |
        | participation.user_representatives      | informed_only            |    0,8 |         0,8 |
        | participation.user_representatives      | none                     |    1,6 |           0 |
        | participation.feedback_channel          | dedicated                |      0 |         1,6 |
        | participation.feedback_channel          | generic                  |    0,8 |         0,8 |
        | participation.feedback_channel          | none                     |    1,6 |           0 |
        | participation.patient_rights            | simple                   |      0 |         1,6 |
        | participation.patient_rights            | partial                  |    1,6 |         0,8 |
        | participation.patient_rights            | none                     |    2,4 |           0 |
        | participation.patient_rights            | no_confidential_contact  |    3,2 |           0 |
        | vendor.origin                           | non_eu                   |    1,6 |           0 |
        | vendor.reversibility                    | proprietary              |    1,6 |           0 |
        | vendor.reversibility                    | none                     |    2,4 |           0 |
        | vendor.interoperability                 | partial                  |    0,8 |           0 |
        | vendor.interoperability                 | proprietary              |    1,6 |           0 |
        | vendor.continuity                       | partial                  |    1,6 |           0 |
        | vendor.continuity                       | none                     |    2,4 |           0 |
        | vendor.liability                        | vague                    |    1,6 |           0 |
        | vendor.liability                        | disclaimed               |    2,4 |           0 |
        | vendor.environmental_footprint          | not_reported             |    0,4 |           0 |

  Règle: un outil installé sur site, administré à distance par le fournisseur

    Contexte:
      Étant donné le jeu de règles "rules/health-ai"
      Et un outil dont les réponses sont :
        | question            | réponse                  |
        | scope.buyer         | public_hospital          |
        | scope.use           | [clinical_documentation] |
        | scope.patient_data  | [identifiable]           |
        | scope.deployment    | on_premises              |
        | scope.vendor_access | administration           |
        | scope.audience      | professionals            |
        | scope.generative    | no                       |

    Plan du scénario: sur site, <question> = <réponse> vaut <risque> points de risque et <atténuation> d'atténuation
      Étant donné la réponse à "<question>" est "<réponse>"
      Quand l'évaluation est calculée
      Alors la réponse à "<question>" vaut <risque> points de "risk"
      Et la réponse à "<question>" vaut <atténuation> points de "mitigation"

      Exemples:
        | question                          | réponse       | risque | atténuation |
        | hosting.remote_administration_hds | not_certified |   6,75 |           0 |

  Règle: un outil développé par l'établissement et exploité sur sa propre infrastructure, sans prestataire

    Contexte:
      Étant donné le jeu de règles "rules/health-ai"
      Et un outil dont les réponses sont :
        | question                  | réponse            |
        | scope.buyer               | public_hospital    |
        | scope.use                 | [decision_support] |
        | scope.patient_data        | [identifiable]     |
        | scope.deployment          | on_premises        |
        | scope.vendor_access       | none               |
        | scope.audience            | professionals      |
        | scope.generative          | no                 |
        | regulatory.medical_device | in_house           |

    Plan du scénario: en interne, <question> = <réponse> vaut <risque> points de risque et <atténuation> d'atténuation
      Étant donné la réponse à "<question>" est "<réponse>"
      Quand l'évaluation est calculée
      Alors la réponse à "<question>" vaut <risque> points de "risk"
      Et la réponse à "<question>" vaut <atténuation> points de "mitigation"

      Exemples:
        | question                | réponse                   | risque | atténuation |
        | security.certification  | establishment_isms        |    1,2 |         1,2 |
        | regulatory.ai_act_class | in_house_no_notified_body |    1,5 |           0 |

  Règle: un logiciel de diagnostic in vitro qui analyse des lames, sur site

    Contexte:
      Étant donné le jeu de règles "rules/health-ai"
      Et un outil dont les réponses sont :
        | question           | réponse                |
        | scope.buyer        | public_hospital        |
        | scope.use          | [diagnostic_analysis]  |
        | scope.patient_data | [identifiable, images] |
        | scope.deployment   | on_premises            |
        | scope.audience     | professionals          |
        | scope.generative   | no                     |

    Plan du scénario: diagnostic in vitro, <question> = <réponse> vaut <risque> points de risque et <atténuation> d'atténuation
      Étant donné la réponse à "<question>" est "<réponse>"
      Quand l'évaluation est calculée
      Alors la réponse à "<question>" vaut <risque> points de "risk"
      Et la réponse à "<question>" vaut <atténuation> points de "mitigation"

      Exemples:
        | question                                | réponse                  | risque | atténuation |
        | regulatory.device_class                 | legacy_ivdd_2027         |    1,5 |           0 |
        | regulatory.device_class                 | legacy_ivdd_class_c      |    1,5 |           0 |
        | regulatory.device_class                 | legacy_ivdd_class_b      |    1,5 |           0 |

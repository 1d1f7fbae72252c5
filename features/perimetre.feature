# language: fr
Fonctionnalité: Le périmètre décide des questions posées
  Les réponses de périmètre (acheteur, usage, données, déploiement, public, IA générative)
  ne sont pas notées : elles allument ou éteignent des questions et des sections entières.
  Sans données patients, ni l'hébergement ni la réutilisation ne se posent ; un usage
  administratif ne pose pas la question du marquage CE ; etc.

  Contexte:
    Étant donné un outil dont les réponses sont :
      | question           | réponse                  |
      | scope.buyer        | public_hospital          |
      | scope.use          | [clinical_documentation] |
      | scope.patient_data | [identifiable]           |
      | scope.deployment   | vendor_saas              |
      | scope.vendor_access | none                    |
      | scope.audience     | professionals            |
      | scope.generative   | no                       |
    Et toutes les autres questions ont leur meilleure réponse

  Scénario: sans données personnelles, ni hébergement ni réutilisation
    Étant donné la réponse à "scope.use" est "[general_assistant]"
    Et la réponse à "scope.patient_data" est "[none]"
    Alors aucune question de la section "hosting" n'est posée
    Et aucune question de la section "reuse" n'est posée
    Et la question "regulatory.legal_basis" n'est pas posée
    Et la question "regulatory.dpia" n'est pas posée
    Et la section "security" est posée

  Scénario: des données anonymisées seules ne sont pas des données patients
    Étant donné la réponse à "scope.use" est "[general_assistant]"
    Et la réponse à "scope.patient_data" est "[anonymised]"
    Alors aucune question de la section "hosting" n'est posée
    Et aucune question de la section "reuse" n'est posée

  Scénario: avec des données patients, les deux sections sont posées
    Alors la section "hosting" est posée
    Et la section "reuse" est posée

  Plan du scénario: un usage qui porte sur un patient donné traite des données de santé, quoi que dise la réponse sur les données (<usage>, <déploiement>, IA générative <générative>)
    Étant donné la réponse à "scope.use" est "<usage>"
    Et la réponse à "scope.patient_data" est "[none]"
    Et la réponse à "scope.deployment" est "<déploiement>"
    Et la réponse à "scope.audience" est "<public>"
    Et la réponse à "scope.generative" est "<générative>"
    Alors la question "hosting.location" est posée
    Et la question "hosting.hds_certified" est posée
    Et la question "reuse.training" est posée
    Et la question "regulatory.legal_basis" est posée
    Et il y a un constat sur "scope.patient_data_by_use"

    Exemples:
      | usage                    | déploiement                      | public        | générative |
      | [clinical_documentation] | vendor_saas                      | professionals | no         |
      | [triage]                 | vendor_saas                      | professionals | no         |
      | [remote_monitoring]      | vendor_saas                      | professionals | no         |
      | [diagnostic_analysis]    | vendor_saas                      | professionals | no         |
      | [access_prioritisation]  | vendor_saas                      | professionals | no         |
      | [decision_support]       | consumer_app                     | patients      | no         |
      | [decision_support]       | patient_app_publisher_controller | patients      | no         |
      | [patient_facing]         | vendor_saas                      | patients      | yes        |

  Plan du scénario: un usage sans patient donné et sans données personnelles ne pose ni hébergement ni réutilisation (<usage>, <déploiement>, IA générative <générative>)
    Étant donné la réponse à "scope.use" est "<usage>"
    Et la réponse à "scope.patient_data" est "[none]"
    Et la réponse à "scope.workforce_decisions" est "no"
    Et la réponse à "scope.deployment" est "<déploiement>"
    Et la réponse à "scope.audience" est "<public>"
    Et la réponse à "scope.generative" est "<générative>"
    Alors la question "hosting.location" n'est pas posée
    Et la question "reuse.training" n'est pas posée
    Et il n'y a pas de constat sur "scope.patient_data_by_use"

    Exemples:
      | usage                    | déploiement  | public        | générative |
      | [administrative]         | vendor_saas  | professionals | yes        |
      | [decision_support]       | vendor_saas  | professionals | no         |
      | [prescription]           | vendor_saas  | professionals | no         |
      | [patient_facing]         | vendor_saas  | patients      | no         |
      | [patient_information]    | vendor_saas  | patients      | yes        |
      | [general_assistant]      | consumer_app | professionals | yes        |

  Scénario: un outil administratif sans données patients ne pose pas la question du dispositif médical
    Étant donné la réponse à "scope.use" est "[administrative]"
    Et la réponse à "scope.patient_data" est "[none]"
    Et la réponse à "scope.workforce_decisions" est "no"
    Alors la question "regulatory.medical_device" n'est pas posée
    Et la question "regulatory.intended_use" n'est pas posée
    Et la question "reliability.clinical_validation" n'est pas posée
    Et la question "oversight.human_decision" n'est pas posée

  Plan du scénario: les données traitées décident (<données> : « <question> » <état>)
    Étant donné la réponse à "scope.use" est "[general_assistant]"
    Et la réponse à "scope.patient_data" est "<données>"
    Alors la question "<question>" <état>

    Exemples:
      | données         | question                        | état            |
      | [identifiable]  | hosting.location                | est posée       |
      | [pseudonymised] | hosting.location                | est posée       |
      | [audio]         | hosting.location                | est posée       |
      | [images]        | hosting.location                | est posée       |
      | [anonymised]    | hosting.location                | n'est pas posée |
      | [none]          | hosting.hds_certified           | n'est pas posée |
      | [none]          | hosting.non_eea_access          | n'est pas posée |
      | [identifiable]  | reuse.training                  | est posée       |
      | [none]          | reuse.resale                    | n'est pas posée |
      | [none]          | reuse.secondary_use             | n'est pas posée |
      | [none]          | reuse.retention                 | n'est pas posée |
      | [none]          | transparency.public_data_notice | n'est pas posée |
      | [identifiable]  | transparency.public_data_notice | est posée       |
      | [none]          | participation.patient_rights    | n'est pas posée |
      | [identifiable]  | participation.patient_rights    | est posée       |
      | [audio]         | transparency.recording_consent  | est posée       |
      | [identifiable]  | transparency.recording_consent  | n'est pas posée |
      | [video]         | transparency.image_consent      | est posée       |
      | [audio]         | transparency.image_consent      | n'est pas posée |
      | [images]        | transparency.image_consent      | n'est pas posée |
      | [audio]         | bias.language                   | est posée       |
      | [identifiable]  | bias.language                   | n'est pas posée |
      | [none]          | security.subprocessors          | est posée       |
      | [none]          | regulatory.dpa                  | est posée       |
      | [appointment]   | hosting.location                | est posée       |
      | [appointment]   | hosting.hds_certified           | est posée       |
      | [appointment]   | regulatory.legal_basis          | est posée       |
      | [appointment]   | reuse.training                  | est posée       |
      | [appointment]   | transparency.patient_information | est posée      |
      | [appointment]   | security.encryption_in_transit  | est posée       |
      | [staff_accounts] | hosting.location               | n'est pas posée |
      | [staff_accounts] | hosting.non_eea_access         | est posée       |
      | [staff_accounts] | regulatory.legal_basis         | n'est pas posée |
      | [staff_accounts] | regulatory.dpia                | est posée       |
      | [staff_accounts] | reuse.training                 | est posée       |
      | [staff_accounts] | transparency.staff_information | n'est pas posée |
      | [staff]         | transparency.staff_information  | est posée       |
      | [staff]         | regulatory.emotion_recognition  | est posée       |
      | [audio]         | transparency.staff_information  | est posée       |
      | [audio]         | regulatory.emotion_recognition  | est posée       |
      | [identifiable]  | regulatory.emotion_recognition  | n'est pas posée |
      | [video]         | regulatory.emotion_recognition  | est posée       |
      | [video]         | transparency.staff_information  | est posée       |
      | [video]         | hosting.hds_certified           | est posée       |
      | [video]         | regulatory.legal_basis          | est posée       |
      | [images]        | transparency.staff_information  | n'est pas posée |
      | [images]        | regulatory.emotion_recognition  | n'est pas posée |
      | [staff]         | hosting.hds_certified           | n'est pas posée |
      | [staff]         | regulatory.legal_basis          | n'est pas posée |
      | [none]          | security.encryption_in_transit  | n'est pas posée |

  Plan du scénario: le déploiement décide (<déploiement>, <données> : « <question> » <état>)
    Étant donné la réponse à "scope.use" est "[general_assistant]"
    Et la réponse à "scope.deployment" est "<déploiement>"
    Et la réponse à "scope.patient_data" est "<données>"
    Alors la question "<question>" <état>

    Exemples:
      | déploiement                   | données        | question                     | état            |
      | vendor_saas                   | [identifiable] | hosting.extraterritorial_law | est posée       |
      | buyer_tenancy_hds             | [identifiable] | hosting.extraterritorial_law | est posée       |
      | on_premises                   | [identifiable] | hosting.extraterritorial_law | n'est pas posée |
      | vendor_saas                   | [anonymised]   | hosting.extraterritorial_law | n'est pas posée |
      | on_premises                   | [identifiable] | hosting.encryption           | n'est pas posée |
      | consumer_app                  | [identifiable] | hosting.encryption           | est posée       |
      | on_premises                   | [identifiable] | hosting.hds_contract         | n'est pas posée |
      | vendor_saas_third_party_model | [identifiable] | hosting.hds_contract         | est posée       |
      | on_premises                   | [identifiable] | hosting.location             | est posée       |
      | vendor_saas                   | [identifiable] | reuse.end_of_contract        | est posée       |
      | buyer_tenancy_hds             | [identifiable] | reuse.end_of_contract        | n'est pas posée |
      | vendor_saas                   | [anonymised]   | reuse.end_of_contract        | n'est pas posée |
      | consumer_app                  | [identifiable] | security.subprocessors       | est posée       |
      | vendor_saas_third_party_model | [identifiable] | security.breach_notification | est posée       |
      | buyer_tenancy_hds             | [identifiable] | security.breach_notification | n'est pas posée |
      | on_premises                   | [identifiable] | security.subprocessors       | n'est pas posée |
      | vendor_saas_third_party_model | [identifiable] | regulatory.foundation_model  | est posée       |
      | vendor_saas                   | [identifiable] | regulatory.foundation_model  | n'est pas posée |
      | vendor_saas_third_party_model | [identifiable] | security.minimisation_before_model | est posée |
      | vendor_saas_third_party_model | [none]         | security.minimisation_before_model | n'est pas posée |
      | vendor_saas                   | [identifiable] | security.minimisation_before_model | n'est pas posée |
      | on_premises                   | [identifiable] | scope.vendor_access          | est posée       |
      | buyer_tenancy_hds             | [identifiable] | scope.vendor_access          | est posée       |
      | vendor_saas                   | [identifiable] | scope.vendor_access          | n'est pas posée |

  Plan du scénario: un fournisseur qui accède à l'installation traite les données (<accès> : « <question> » <état>)
    Étant donné la réponse à "scope.deployment" est "on_premises"
    Et la réponse à "scope.vendor_access" est "<accès>"
    Alors la question "<question>" <état>

    Exemples:
      | accès          | question                         | état            |
      | none           | regulatory.dpa                   | n'est pas posée |
      | maintenance    | regulatory.dpa                   | est posée       |
      | administration | regulatory.dpa                   | est posée       |
      | maintenance    | security.subprocessors           | est posée       |
      | maintenance    | reuse.end_of_contract            | est posée       |
      | none           | hosting.remote_administration_hds | n'est pas posée |
      | maintenance    | hosting.remote_administration_hds | n'est pas posée |
      | administration | hosting.remote_administration_hds | est posée       |

  Scénario: une prise de rendez-vous traite des données personnelles, même si la case n'est pas cochée
    Étant donné la réponse à "scope.use" est "[appointments]"
    Et la réponse à "scope.patient_data" est "[none]"
    Quand l'évaluation est calculée
    Alors la question "hosting.hds_certified" est posée
    Et la question "regulatory.dpa" est posée
    Et la question "transparency.patient_information" est posée
    Et il y a un constat sur "scope.appointments_without_personal_data"

  Scénario: un assistant de consultation sans finalité médicale ne pose pas la question de la classe
    Étant donné la réponse à "regulatory.medical_device" est "no_medical_purpose"
    Alors la question "regulatory.device_class" n'est pas posée
    Et il n'y a aucun KO

  Plan du scénario: l'usage décide (<usage>, <données> : « <question> » <état>)
    Étant donné la réponse à "scope.use" est "<usage>"
    Et la réponse à "scope.patient_data" est "<données>"
    # Ni recrutement ni décision sur le personnel (la question n'est posée qu'aux usages administratifs).
    Et la réponse à "scope.workforce_decisions" est "no"
    Alors la question "<question>" <état>

    Exemples:
      | usage                    | données        | question                         | état            |
      | [clinical_documentation] | [identifiable] | regulatory.medical_device        | est posée       |
      | [administrative]         | [identifiable] | regulatory.medical_device        | n'est pas posée |
      | [research]               | [identifiable] | regulatory.medical_device        | n'est pas posée |
      | [general_assistant]      | [identifiable] | regulatory.medical_device        | est posée       |
      | [general_assistant]      | [none]         | regulatory.medical_device        | n'est pas posée |
      | [patient_facing]         | [none]         | regulatory.medical_device        | est posée       |
      | [remote_monitoring]      | [none]         | regulatory.intended_use          | est posée       |
      | [administrative]         | [identifiable] | regulatory.vigilance             | n'est pas posée |
      | [decision_support]       | [identifiable] | regulatory.device_class          | est posée       |
      | [diagnostic_analysis]    | [identifiable] | oversight.automation_bias        | est posée       |
      | [clinical_documentation] | [identifiable] | oversight.automation_bias        | n'est pas posée |
      | [prescription]           | [identifiable] | regulatory.prescription_software | est posée       |
      | [decision_support]       | [identifiable] | regulatory.prescription_software | n'est pas posée |
      | [decision_support]       | [identifiable] | regulatory.deployer_duties       | est posée       |
      | [triage]                 | [identifiable] | regulatory.deployer_duties       | est posée       |
      | [clinical_documentation] | [identifiable] | regulatory.deployer_duties       | n'est pas posée |
      | [administrative]         | [none]         | transparency.patient_information | n'est pas posée |
      | [administrative]         | [identifiable] | transparency.patient_information | est posée       |
      | [decision_support]       | [none]         | transparency.patient_information | est posée       |
      | [clinical_documentation] | [identifiable] | transparency.record_traceability | est posée       |
      | [administrative]         | [identifiable] | transparency.record_traceability | n'est pas posée |
      | [clinical_documentation] | [identifiable] | bias.training_data               | est posée       |
      | [administrative]         | [identifiable] | bias.subgroup_evaluation         | n'est pas posée |
      | [clinical_documentation] | [identifiable] | reliability.clinical_validation  | est posée       |
      | [administrative]         | [identifiable] | reliability.out_of_domain        | n'est pas posée |
      | [administrative]         | [none]         | oversight.human_decision         | n'est pas posée |
      | [administrative]         | [identifiable] | oversight.human_decision         | est posée       |
      | [decision_support]       | [none]         | oversight.human_decision         | est posée       |
      | [administrative]         | [none]         | participation.patients           | n'est pas posée |
      | [administrative]         | [identifiable] | participation.patients           | est posée       |
      | [decision_support]       | [none]         | participation.patients           | est posée       |
      | [clinical_documentation] | [identifiable] | participation.feedback_channel   | est posée       |
      | [administrative]         | [identifiable] | participation.feedback_channel   | n'est pas posée |
      | [triage]                 | [identifiable] | transparency.ai_disclosure       | n'est pas posée |
      | [patient_facing]         | [identifiable] | transparency.ai_disclosure       | est posée       |
      | [patient_information]    | [none]         | transparency.ai_disclosure       | est posée       |
      | [appointments]           | [appointment]  | transparency.ai_disclosure       | n'est pas posée |
      | [patient_information]    | [none]         | regulatory.medical_device        | n'est pas posée |
      | [appointments]           | [appointment]  | regulatory.medical_device        | n'est pas posée |
      | [patient_facing]         | [none]         | oversight.safety_netting         | est posée       |

  Plan du scénario: le public décide (<usage>, <public> : « <question> » <état>)
    Étant donné la réponse à "scope.use" est "<usage>"
    Et la réponse à "scope.audience" est "<public>"
    Et la réponse à "scope.patient_data" est "[none]"
    Et la réponse à "scope.workforce_decisions" est "no"
    Alors la question "<question>" <état>

    Exemples:
      | usage            | public                     | question                         | état            |
      | [administrative] | patients                   | transparency.ai_disclosure       | est posée       |
      | [administrative] | professionals_and_patients | transparency.ai_disclosure       | est posée       |
      | [administrative] | administrative_staff       | transparency.ai_disclosure       | n'est pas posée |
      | [administrative] | professionals              | transparency.ai_disclosure       | n'est pas posée |
      | [administrative] | patients                   | bias.equal_access                | est posée       |
      | [administrative] | professionals              | bias.equal_access                | n'est pas posée |
      | [administrative] | patients                   | bias.language                    | est posée       |
      | [administrative] | patients                   | bias.training_data               | est posée       |
      | [administrative] | professionals              | bias.training_data               | n'est pas posée |
      | [administrative] | patients                   | bias.subgroup_evaluation         | est posée       |
      | [administrative] | patients                   | oversight.safety_netting         | est posée       |
      | [administrative] | professionals              | oversight.safety_netting         | n'est pas posée |
      | [administrative] | patients                   | oversight.human_decision         | est posée       |
      | [administrative] | patients                   | participation.patients           | est posée       |
      | [administrative] | patients                   | participation.feedback_channel   | est posée       |
      | [administrative] | patients                   | transparency.patient_information | n'est pas posée |

  Plan du scénario: l'IA générative décide (<génératif> : « <question> » <état>)
    Étant donné la réponse à "scope.generative" est "<génératif>"
    Alors la question "<question>" <état>

    Exemples:
      | génératif | question                             | état            |
      | yes       | reliability.hallucination_safeguards | est posée       |
      | no        | reliability.hallucination_safeguards | n'est pas posée |
      | yes       | regulatory.foundation_model          | est posée       |
      | no        | regulatory.foundation_model          | n'est pas posée |
      | yes       | bias.language                        | est posée       |
      | no        | bias.language                        | n'est pas posée |

  Plan du scénario: l'acheteur décide (<acheteur> : « <question> » <état>)
    Étant donné la réponse à "scope.buyer" est "<acheteur>"
    Alors la question "<question>" <état>

    Exemples:
      | acheteur                   | question                           | état            |
      | public_hospital            | participation.user_representatives | est posée       |
      | private_nonprofit_hospital | participation.user_representatives | est posée       |
      | private_clinic             | participation.user_representatives | est posée       |
      | medico_social              | participation.user_representatives | est posée       |
      | practice                   | participation.user_representatives | n'est pas posée |
      | health_tech                | participation.user_representatives | n'est pas posée |
      | public_agency              | participation.user_representatives | n'est pas posée |

  Plan du scénario: une réponse antérieure décide (<champ> = <valeur> : « <question> » <état>)
    Étant donné la réponse à "<champ>" est "<valeur>"
    Alors la question "<question>" <état>

    Exemples:
      | champ                     | valeur                | question                   | état            |
      | regulatory.medical_device | ce_marked             | regulatory.device_class    | est posée       |
      | regulatory.medical_device | not_ce_marked         | regulatory.device_class    | est posée       |
      | regulatory.medical_device | no_medical_purpose    | regulatory.device_class    | n'est pas posée |
      | regulatory.ai_act_class   | not_assessed          | regulatory.deployer_duties | est posée       |
      | regulatory.ai_act_class   | high_risk_annex_i     | regulatory.deployer_duties | est posée       |
      | regulatory.ai_act_class   | high_risk_annex_iii   | regulatory.deployer_duties | est posée       |
      | regulatory.ai_act_class   | transparency_only     | regulatory.deployer_duties | n'est pas posée |
      | reuse.training            | yes                   | reuse.anonymisation_proof  | est posée       |
      | reuse.training            | no                    | reuse.anonymisation_proof  | n'est pas posée |
      | reuse.resale              | yes                   | reuse.anonymisation_proof  | est posée       |
      | reuse.resale              | aggregated_anonymised | reuse.anonymisation_proof  | est posée       |

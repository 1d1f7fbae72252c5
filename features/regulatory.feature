Feature: Regulatory knock-outs: processing agreement, legal basis, DPIA, CE marking, FRIA
  A vendor that processes personal data of any kind (health data, patients' identity and
  appointments, staff accounts), even through a mere maintenance access, is a processor: it
  needs an art. 28 agreement and a list of its sub-processors. Health data need an art. 9 exception; a health or
  medico-social establishment must carry out a DPIA (CNIL list of 2018), and so must a medical
  laboratory or a public agency processing patients' health data (large scale, GDPR
  art. 35(3)(b)), not a practice or a pharmacy (recital 91). A tool with a
  medical purpose must be CE-marked. Each knock-out is tested both ways.

  Background:
    Given the rule set "rules/health-ai"
    And a tool whose answers are:
      | question           | answer                   |
      | scope.buyer        | public_hospital          |
      | scope.use          | [clinical_documentation] |
      | scope.patient_data | [identifiable]           |
      | scope.deployment   | vendor_saas              |
      | scope.vendor_access | none                    |
      | scope.audience     | professionals            |
      | scope.generative   | no                       |
    And every other question is answered with its best choice

  Scenario Outline: a vendor processing personal data without <what> is a knock-out (<deployment>, <data>)
    Given the answer to "scope.deployment" is "<deployment>"
    And the answer to "scope.patient_data" is "<data>"
    And the answer to "<question>" is "<answer>"
    When the assessment is scored
    Then there is a knock-out on "<question>=<answer>"
    And the verdict is "reject"

    Examples:
      | what                     | question               | answer  | deployment                    | data             |
      | a processing agreement   | regulatory.dpa         | no      | vendor_saas                   | [identifiable]   |
      | a processing agreement   | regulatory.dpa         | no      | consumer_app                  | [identifiable]   |
      | a processing agreement   | regulatory.dpa         | no      | vendor_saas                   | [appointment]    |
      | a processing agreement   | regulatory.dpa         | no      | vendor_saas                   | [staff_accounts] |
      | a list of sub-processors | security.subprocessors | no_list | vendor_saas                   | [identifiable]   |
      | a list of sub-processors | security.subprocessors | no_list | vendor_saas_third_party_model | [identifiable]   |
      | a list of sub-processors | security.subprocessors | no_list | vendor_saas                   | [appointment]    |

  Scenario Outline: a vendor maintaining the buyer's own installation needs a contract too (<access>)
    Given the answer to "scope.deployment" is "on_premises"
    And the answer to "scope.vendor_access" is "<access>"
    And the answer to "regulatory.dpa" is "no"
    When the assessment is scored
    Then there is a knock-out on "regulatory.dpa=no"
    And the verdict is "reject"

    Examples:
      | access         |
      | maintenance    |
      | administration |

  Scenario: an on-premises tool the vendor never accesses needs no processing agreement
    Given the answer to "scope.deployment" is "on_premises"
    And the answer to "scope.vendor_access" is "none"
    And the answer to "regulatory.dpa" is "no"
    When the assessment is scored
    Then the question "regulatory.dpa" is not asked
    And there is no knock-out on "regulatory.dpa"
    And the verdict is "accept"

  Scenario: on premises with the vendor's access unknown, the contract question stays open
    Given the answer to "scope.deployment" is "on_premises"
    And the answer to "scope.vendor_access" is "unknown"
    And the answer to "regulatory.dpa" is "no"
    When the assessment is scored
    Then there is a knock-out pending evidence on "regulatory.dpa"
    And the verdict is "pending_evidence"

  Scenario Outline: without any personal data, a missing <what> is a high finding, not a knock-out
    Given the answer to "scope.use" is "[general_assistant]"
    And the answer to "scope.patient_data" is "<data>"
    And the answer to "<question>" is "<answer>"
    When the assessment is scored
    Then there is no knock-out
    And the finding on "<question>" has severity "high"
    And the verdict is "conditional"

    Examples:
      | what                   | question               | answer  | data         |
      | processing agreement   | regulatory.dpa         | no      | [anonymised] |
      | list of sub-processors | security.subprocessors | no_list | [none]       |

  Scenario Outline: on the buyer's own infrastructure, without vendor access: no <question>
    Given the answer to "scope.deployment" is "<deployment>"
    And the answer to "scope.vendor_access" is "none"
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

  # Recital 91: a physician or another health professional working alone does not process
  # patients' data on a large scale; a pharmacy is such a professional's business.
  Scenario Outline: a practice, a pharmacy or a health-tech company processing patient data without a DPIA: a high finding, no knock-out (<buyer>, <use>)
    Given the answer to "scope.buyer" is "<buyer>"
    And the answer to "scope.public_law" is "no"
    And the answer to "scope.use" is "<use>"
    And the answer to "scope.patient_data" is "<data>"
    And the answer to "scope.generative" is "<generative>"
    And the answer to "regulatory.dpia" is "no"
    When the assessment is scored
    Then there is no knock-out on "regulatory.dpia"
    And there is no knock-out pending evidence on "regulatory.dpia"
    And the finding on "regulatory.dpia" has severity "high"

    Examples:
      | buyer       | use                      | data                  | generative |
      | practice    | [clinical_documentation] | [identifiable, audio] | yes        |
      | practice    | [diagnostic_analysis]    | [pseudonymised]       | no         |
      | pharmacy    | [prescription]           | [identifiable]        | no         |
      | pharmacy    | [diagnostic_analysis]    | [pseudonymised]       | no         |
      | health_tech | [clinical_documentation] | [identifiable]        | no         |

  Rule: a medical laboratory or a public agency processing patients' health data must carry out a DPIA
    Processing health data on a large scale requires a DPIA whoever the controller (GDPR
    art. 35(3)(b)); a medical biology laboratory serving many prescribers, or a State agency,
    public-interest group or regional or national platform, is not "an individual physician
    or other health care professional" (recital 91), and the CNIL list also names patients'
    genetic data (deliberation 2018-327).

    Scenario Outline: <case>, no DPIA: rejected
      Given the answer to "scope.buyer" is "<buyer>"
      And the answer to "scope.use" is "<use>"
      And the answer to "scope.patient_data" is "<data>"
      And the answer to "scope.generative" is "<generative>"
      And the answer to "regulatory.dpia" is "no"
      When the assessment is scored
      Then there is a knock-out on "regulatory.dpia=no"
      And the verdict is "reject"

      Examples:
        | case                                                                  | buyer         | use                      | data                    | generative |
        | a private laboratory ranking the variants of genetic panels (trial c03) | medical_lab  | [diagnostic_analysis]    | [pseudonymised]         | no         |
        | a regional telemedicine GIP summarising tele-expertise requests (trial c07) | public_agency | [clinical_documentation] | [identifiable, images]  | yes        |

    Scenario Outline: the same laboratory or agency with a DPIA scheduled before go-live is not rejected (<buyer>)
      Given the answer to "scope.buyer" is "<buyer>"
      And the answer to "scope.use" is "[diagnostic_analysis]"
      And the answer to "scope.patient_data" is "[pseudonymised]"
      And the answer to "regulatory.dpia" is "planned"
      When the assessment is scored
      Then there is no knock-out on "regulatory.dpia"
      And the verdict is "conditional"

      Examples:
        | buyer         |
        | medical_lab  |
        | public_agency |

    Scenario Outline: a laboratory or an agency whose tool handles no patient health data: a high finding, no knock-out (<buyer>, <data>)
      Given the answer to "scope.buyer" is "<buyer>"
      And the answer to "scope.use" is "<use>"
      And the answer to "scope.patient_data" is "<data>"
      And the answer to "scope.workforce_decisions" is "no"
      And the answer to "regulatory.dpia" is "no"
      When the assessment is scored
      Then there is no knock-out on "regulatory.dpia"
      And there is no knock-out pending evidence on "regulatory.dpia"
      And the finding on "regulatory.dpia" has severity "high"

      Examples:
        | buyer         | use              | data             |
        | medical_lab  | [administrative] | [staff_accounts] |
        | public_agency | [administrative] | [staff_accounts] |
        | medical_lab  | [appointments]   | [appointment]    |
        | public_agency | [appointments]   | [appointment]    |

    Scenario Outline: a laboratory or an agency whose data are not yet described: the knock-out waits (<buyer>)
      Given the answer to "scope.buyer" is "<buyer>"
      And the answer to "scope.use" is "[administrative]"
      And the answer to "scope.patient_data" is "unknown"
      And the answer to "regulatory.dpia" is "no"
      When the assessment is scored
      Then there is a knock-out pending evidence on "regulatory.dpia"

      Examples:
        | buyer         |
        | medical_lab  |
        | public_agency |

  Scenario Outline: profiling staff without a DPIA is a knock-out for any employer (<buyer>, <decisions>)
    Given the answer to "scope.buyer" is "<buyer>"
    And the answer to "scope.public_law" is "no"
    And the answer to "scope.use" is "[administrative]"
    And the answer to "scope.patient_data" is "[staff]"
    And the answer to "scope.workforce_decisions" is "<decisions>"
    And the answer to "regulatory.dpia" is "no"
    When the assessment is scored
    Then <outcome>

    Examples:
      | buyer           | decisions | outcome                                     |
      | practice        | yes       | there is a knock-out on "regulatory.dpia=no" |
      | health_tech     | yes       | there is a knock-out on "regulatory.dpia=no" |
      | public_hospital | yes       | there is a knock-out on "regulatory.dpia=no" |
      | practice        | no        | there is no knock-out on "regulatory.dpia"   |
      | public_hospital | no        | there is no knock-out on "regulatory.dpia"   |

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

  # An app the hospital's doctors recommend and patients install themselves, its publisher the
  # sole controller (GDPR art. 4(7)), no data coming back to the hospital: nothing is processed
  # on the hospital's behalf (no art. 28 agreement) and the DPIA is the publisher's (art. 35).
  # Once the scope shows data reaching the establishment, the app is a consumer app run for it.
  Scenario: an app patients use themselves, its publisher the sole controller, needs no processing agreement and no DPIA of the buyer's
    Given the answer to "scope.deployment" is "patient_app_publisher_controller"
    And the answer to "scope.use" is "[patient_facing]"
    And the answer to "scope.audience" is "patients"
    And the answer to "regulatory.dpa" is "no"
    And the answer to "regulatory.dpia" is "no"
    When the assessment is scored
    Then the question "regulatory.dpa" is not asked
    And the question "regulatory.dpia" is not asked
    And the question "security.subprocessors" is not asked
    And the question "security.breach_notification" is not asked
    And the question "reuse.end_of_contract" is not asked
    And the question "hosting.hds_certified" is asked
    And the question "regulatory.medical_device" is asked
    And the question "regulatory.vigilance" is asked
    And the question "transparency.patient_information" is asked
    And there is no knock-out on "regulatory.dpa"
    And there is no knock-out on "regulatory.dpia"
    And there is no knock-out pending evidence
    And the finding on "regulatory.publisher_controller_documentation" has severity "low"
    And there is no finding on "regulatory.publisher_controller_contradicts_scope"
    And the verdict is "accept"

  Scenario Outline: the publisher's own app still answers to every other safeguard (<question>=<answer>)
    Given the answer to "scope.deployment" is "patient_app_publisher_controller"
    And the answer to "scope.use" is "[patient_facing]"
    And the answer to "scope.audience" is "patients"
    And the answer to "<question>" is "<answer>"
    When the assessment is scored
    Then there is a knock-out on "<question>=<answer>"
    And the verdict is "reject"

    Examples:
      | question                          | answer              |
      | hosting.hds_certified             | none                |
      | hosting.hds_certified             | infrastructure_only |
      | hosting.hds_certified             | v1_only             |
      | hosting.location                  | outside_eea         |
      | hosting.non_eea_access            | without_safeguards  |
      | reuse.training                    | yes                 |
      | reuse.resale                      | yes                 |
      | regulatory.medical_device         | not_ce_marked       |
      | regulatory.legal_basis            | no_exception        |
      | security.encryption_in_transit    | none                |

  Scenario Outline: an app whose data reach the establishment is run for it: both knock-outs stay (<signal>)
    Given the answer to "scope.deployment" is "patient_app_publisher_controller"
    And the answer to "scope.use" is "<use>"
    And the answer to "scope.audience" is "<audience>"
    And the answer to "scope.patient_data" is "<data>"
    And the answer to "regulatory.dpa" is "no"
    And the answer to "regulatory.dpia" is "no"
    When the assessment is scored
    Then there is a knock-out on "regulatory.dpa=no"
    And there is a knock-out on "regulatory.dpia=no"
    And the finding on "regulatory.publisher_controller_contradicts_scope" has severity "high"
    And there is no finding on "regulatory.publisher_controller_documentation"
    And the verdict is "reject"

    Examples:
      | signal                              | use                                 | audience                   | data                           |
      | a clinicians' dashboard             | [patient_facing]                    | professionals_and_patients | [identifiable]                 |
      | professionals only                  | [decision_support]                  | professionals              | [identifiable]                 |
      | administrative staff                | [patient_facing]                    | administrative_staff       | [identifiable]                 |
      | medical remote monitoring           | [patient_facing, remote_monitoring] | patients                   | [identifiable]                 |
      | clinical documentation              | [clinical_documentation]            | patients                   | [identifiable]                 |
      | appointments with the establishment | [patient_facing, appointments]      | patients                   | [identifiable, appointment]    |
      | research on its data                | [patient_facing, research]          | patients                   | [identifiable]                 |
      | professionals' accounts             | [patient_facing]                    | patients                   | [identifiable, staff_accounts] |
      | images taken by a professional      | [patient_facing]                    | patients                   | [identifiable, images]         |

  Scenario Outline: a patient's own app for self-management is not contradicted by its use (<use>)
    Given the answer to "scope.deployment" is "patient_app_publisher_controller"
    And the answer to "scope.use" is "<use>"
    And the answer to "scope.audience" is "patients"
    And the answer to "oversight.qualified_reader" is "patient_self"
    When the assessment is scored
    Then there is no finding on "regulatory.publisher_controller_contradicts_scope"
    And the question "regulatory.dpa" is not asked
    And there is no knock-out

    Examples:
      | use                            |
      | [patient_facing]               |
      | [decision_support]             |
      | [prescription]                 |
      | [patient_information]          |

  Scenario: a consumer app that feeds a clinicians' dashboard needs both, with no contradiction to report
    Given the answer to "scope.deployment" is "consumer_app"
    And the answer to "scope.use" is "[patient_facing]"
    And the answer to "scope.audience" is "professionals_and_patients"
    And the answer to "regulatory.dpa" is "no"
    And the answer to "regulatory.dpia" is "no"
    When the assessment is scored
    Then there is a knock-out on "regulatory.dpa=no"
    And there is a knock-out on "regulatory.dpia=no"
    And there is no finding on "regulatory.publisher_controller_contradicts_scope"
    And there is no finding on "regulatory.publisher_controller_documentation"

  Scenario: with the audience unknown, the publisher's app may be run for the establishment: the knock-outs wait
    Given the answer to "scope.deployment" is "patient_app_publisher_controller"
    And the answer to "scope.use" is "[patient_facing]"
    And the answer to "scope.audience" is "unknown"
    And the answer to "regulatory.dpa" is "no"
    And the answer to "regulatory.dpia" is "no"
    When the assessment is scored
    Then there is a knock-out pending evidence on "regulatory.dpa"
    And there is a knock-out pending evidence on "regulatory.dpia"
    And the verdict is "pending_evidence"

  Scenario Outline: the publisher's app whose contents are filed automatically in the record contradicts its scope (<trace>)
    Given the answer to "scope.deployment" is "patient_app_publisher_controller"
    And the answer to "scope.use" is "[patient_facing]"
    And the answer to "scope.audience" is "patients"
    And the answer to "transparency.record_traceability" is "<trace>"
    When the assessment is scored
    Then <outcome>

    Examples:
      | trace     | outcome                                                                           |
      | automatic | there is a knock-out on "regulatory.publisher_controller_record_contradiction"    |
      | manual    | there is no knock-out on "regulatory.publisher_controller_record_contradiction"   |
      | none      | there is no knock-out on "regulatory.publisher_controller_record_contradiction"   |

  Scenario: a consumer app whose contents are filed automatically in the record is judged on its agreement and DPIA
    Given the answer to "scope.deployment" is "consumer_app"
    And the answer to "scope.use" is "[patient_facing]"
    And the answer to "scope.audience" is "patients"
    And the answer to "transparency.record_traceability" is "automatic"
    When the assessment is scored
    Then there is no knock-out on "regulatory.publisher_controller_record_contradiction"
    And the verdict is "accept"

  Scenario: with the deployment unknown, the agreement's own knock-out waits, not the record's contradiction
    Given the answer to "scope.deployment" is "unknown"
    And the answer to "scope.use" is "[patient_facing]"
    And the answer to "scope.audience" is "patients"
    And the answer to "transparency.record_traceability" is "automatic"
    And the answer to "regulatory.dpa" is "no"
    When the assessment is scored
    Then there is a knock-out pending evidence on "regulatory.dpa"
    And there is no knock-out pending evidence on "regulatory.publisher_controller_record_contradiction"

  Scenario: a medical-device claim of in-house manufacture for the publisher's own app is checked
    Given the answer to "scope.deployment" is "patient_app_publisher_controller"
    And the answer to "scope.use" is "[patient_facing]"
    And the answer to "scope.audience" is "patients"
    And the answer to "regulatory.medical_device" is "in_house"
    When the assessment is scored
    Then there is a finding on "regulatory.in_house_claim_check"

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
    And the answer to "regulatory.ai_act_class" is "high_risk_annex_i"
    When the assessment is scored
    Then there is no knock-out
    And the verdict is "accept"

  Scenario Outline: a medical use without CE marking is a knock-out, whatever the vendor's disclaimer (<use>)
    Given the answer to "scope.use" is "<use>"
    And the answer to "regulatory.medical_device" is "no_medical_purpose"
    When the assessment is scored
    Then there is a knock-out on "regulatory.medical_device=no_medical_purpose"
    And the verdict is "reject"
    And the question "regulatory.device_class" is asked

    Examples:
      | use                   |
      | [diagnostic_analysis] |
      | [decision_support]    |
      | [patient_facing]      |
      | [triage]              |
      | [remote_monitoring]   |
      | [prescription]        |

  Scenario Outline: no medical use declared, the manufacturer's "no medical purpose" stands (<use>)
    Given the answer to "scope.use" is "<use>"
    And the answer to "regulatory.medical_device" is "no_medical_purpose"
    And the evidence for "regulatory.medical_device" is "verified"
    When the assessment is scored
    Then there is no knock-out on "regulatory.medical_device"
    And the verdict is "accept"

    Examples:
      | use                      |
      | [clinical_documentation] |
      | [general_assistant]      |
      | [safety_alerts]          |

  Scenario Outline: a fall or exit alarm is not medical remote monitoring, a seizure watch is (<use>)
    Given the answer to "scope.use" is "<use>"
    And the answer to "scope.patient_data" is "[identifiable]"
    And the answer to "regulatory.medical_device" is "no_medical_purpose"
    And the evidence for "regulatory.medical_device" is "verified"
    When the assessment is scored
    Then <outcome>

    Examples:
      | use                               | outcome                                                            |
      | [safety_alerts]                   | there is no knock-out on "regulatory.medical_device"               |
      | [remote_monitoring]               | there is a knock-out on "regulatory.medical_device=no_medical_purpose" |
      | [safety_alerts, remote_monitoring] | there is a knock-out on "regulatory.medical_device=no_medical_purpose" |

  Scenario Outline: a safety alert without CE marking is flagged for its intended purpose, only then (<use>, <status>)
    Given the answer to "scope.use" is "<use>"
    And the answer to "regulatory.medical_device" is "<status>"
    When the assessment is scored
    Then <outcome>

    Examples:
      | use                                | status             | outcome                                                                     |
      | [safety_alerts]                    | no_medical_purpose | the finding on "regulatory.safety_alert_purpose_check" has severity "low"  |
      | [safety_alerts]                    | ce_marked          | there is no finding on "regulatory.safety_alert_purpose_check"             |
      | [safety_alerts, remote_monitoring] | no_medical_purpose | there is no finding on "regulatory.safety_alert_purpose_check"             |
      | [clinical_documentation]           | no_medical_purpose | there is no finding on "regulatory.safety_alert_purpose_check"             |

  Scenario Outline: a device made in-house or under investigation answers the class truthfully with a low finding (<status>)
    Given the answer to "scope.use" is "[decision_support]"
    And the answer to "regulatory.medical_device" is "<status>"
    And the answer to "regulatory.device_class" is "no_certificate"
    When the assessment is scored
    Then there is no knock-out
    And the finding on "regulatory.device_class" has severity "low"

    Examples:
      | status                 |
      | in_house               |
      | clinical_investigation |

  Scenario Outline: "no certificate" is a truthful class only without CE marking (<status>)
    Given the answer to "scope.use" is "[decision_support]"
    And the answer to "regulatory.medical_device" is "<status>"
    And the answer to "regulatory.device_class" is "no_certificate"
    When the assessment is scored
    Then <outcome>

    Examples:
      | status    | outcome                                                                      |
      | ce_marked | the finding on "regulatory.certificate_contradiction" has severity "high"    |
      | in_house  | there is no finding on "regulatory.certificate_contradiction"                |

  Scenario: staff emotion recognition, a prohibited practice, keeps the duties of an Annex III use
    Given the answer to "scope.patient_data" is "[staff]"
    And the answer to "regulatory.emotion_recognition" is "staff_workplace"
    Then the question "regulatory.fria" is asked
    And the question "regulatory.deployer_duties" is asked

  Scenario Outline: claiming an in-house device never hides an under-classified certificate (<status>)
    Given the answer to "scope.use" is "[decision_support]"
    And the answer to "regulatory.medical_device" is "<status>"
    And the answer to "regulatory.device_class" is "under_classified"
    When the assessment is scored
    Then the finding on "regulatory.device_class" has severity "high"
    And the verdict is not "accept"

    Examples:
      | status                 |
      | ce_marked              |
      | in_house               |
      | clinical_investigation |

  Scenario: with the declared use unknown, the CE question stays pending
    Given the answer to "scope.use" is "unknown"
    And the answer to "regulatory.medical_device" is "no_medical_purpose"
    When the assessment is scored
    Then there is a knock-out pending evidence on "regulatory.medical_device"
    And the verdict is "pending_evidence"

  Scenario Outline: lawful medical uses without a market CE marking are not rejected (<answer>)
    Given the answer to "scope.use" is "[diagnostic_analysis]"
    And the answer to "regulatory.medical_device" is "<answer>"
    When the assessment is scored
    Then there is no knock-out on "regulatory.medical_device"
    And the finding on "regulatory.medical_device" has severity "low"

    Examples:
      | answer                 |
      | in_house               |
      | clinical_investigation |

  Scenario Outline: outputs read by someone not entitled to diagnose are a knock-out, whoever the buyer (<buyer>, <use>)
    Given the answer to "scope.buyer" is "<buyer>"
    And the answer to "scope.public_law" is "no"
    And the answer to "scope.use" is "<use>"
    And the answer to "oversight.qualified_reader" is "outside_scope"
    When the assessment is scored
    Then there is a knock-out on "oversight.qualified_reader=outside_scope"
    And the verdict is "reject"

    Examples:
      | buyer           | use                   |
      | practice        | [diagnostic_analysis] |
      | medical_lab    | [diagnostic_analysis] |
      | public_hospital | [decision_support]    |
      | medico_social   | [remote_monitoring]   |

  Scenario Outline: a doctor, a professional in their own scope, a protocol or remote reading is no knock-out (<reader>)
    Given the answer to "scope.buyer" is "practice"
    And the answer to "scope.public_law" is "no"
    And the answer to "scope.use" is "[diagnostic_analysis]"
    And the answer to "oversight.qualified_reader" is "<reader>"
    When the assessment is scored
    Then there is no knock-out

    Examples:
      | reader                     |
      | physician                  |
      | own_scope                  |
      | protocol_or_remote_reading |
      | patient_self               |

  Scenario: an AI that replaces the radiologist's second reading of screening mammograms is a knock-out
    Given the answer to "scope.use" is "[diagnostic_analysis]"
    And the answer to "scope.patient_data" is "[identifiable, images]"
    And the answer to "scope.deployment" is "on_premises"
    And the answer to "oversight.qualified_reader" is "replaces_required_reading"
    When the assessment is scored
    Then there is a knock-out on "oversight.qualified_reader=replaces_required_reading"
    And the verdict is "reject"
    And the report in "fr" mentions "seconde lecture"

  Scenario Outline: "the patients themselves" is never proposed to lift a reader knock-out (<reader>)
    Given the answer to "scope.use" is "[diagnostic_analysis]"
    And the answer to "scope.patient_data" is "[identifiable, images]"
    And the answer to "oversight.qualified_reader" is "<reader>"
    When the assessment is scored
    Then there is a knock-out on "oversight.qualified_reader=<reader>"
    And what would change the result does not propose "oversight.qualified_reader=patient_self"

    Examples:
      | reader                    |
      | outside_scope             |
      | replaces_required_reading |

  Scenario: the same AI as a concurrent reader, the radiologist's second reading kept, is accepted
    Given the answer to "scope.use" is "[diagnostic_analysis]"
    And the answer to "scope.patient_data" is "[identifiable, images]"
    And the answer to "scope.deployment" is "on_premises"
    And the answer to "oversight.qualified_reader" is "physician"
    When the assessment is scored
    Then there is no knock-out
    And there is no knock-out pending evidence
    And the verdict is "accept"

  Scenario Outline: who interprets is asked of diagnostic and decision tools only (<use>)
    Given the answer to "scope.use" is "<use>"
    Then the question "oversight.qualified_reader" <asked>

    Examples:
      | use                      | asked        |
      | [diagnostic_analysis]    | is asked     |
      | [triage]                 | is asked     |
      | [prescription]           | is asked     |
      | [clinical_documentation] | is not asked |
      | [appointments]           | is not asked |
      | [safety_alerts]          | is not asked |

  Scenario Outline: only a health institution may claim the in-house exemption (<buyer>)
    Given the answer to "scope.buyer" is "<buyer>"
    And the answer to "scope.public_service" is "no"
    And the answer to "scope.use" is "[decision_support]"
    And the answer to "regulatory.medical_device" is "in_house"
    When the assessment is scored
    Then <outcome>

    Examples:
      | buyer                      | outcome                                                      |
      | health_tech                | there is a knock-out on "regulatory.medical_device=in_house" |
      | public_hospital            | there is no knock-out on "regulatory.medical_device"         |
      | private_nonprofit_hospital | there is no knock-out on "regulatory.medical_device"         |
      | private_clinic             | there is no knock-out on "regulatory.medical_device"         |

  Scenario Outline: a device made in-house by another institution is not covered by the exemption (<buyer>)
    Given the answer to "scope.buyer" is "<buyer>"
    And the answer to "scope.public_service" is "no"
    And the answer to "scope.use" is "[decision_support]"
    And the answer to "regulatory.medical_device" is "other_institution_in_house"
    When the assessment is scored
    Then there is a knock-out on "regulatory.medical_device=other_institution_in_house"
    And the verdict is "reject"

    Examples:
      | buyer                      |
      | public_hospital            |
      | private_nonprofit_hospital |
      | medico_social              |

  Scenario Outline: the lawful neighbours of a device made in another institution are not rejected for it (<status>)
    Given the answer to "scope.buyer" is "public_hospital"
    And the answer to "scope.use" is "[decision_support]"
    And the answer to "regulatory.medical_device" is "<status>"
    When the assessment is scored
    Then there is no knock-out on "regulatory.medical_device"

    Examples:
      | status                 |
      | in_house               |
      | ce_marked              |
      | clinical_investigation |

  Scenario Outline: a device claimed as made in-house but hosted by another establishment of the GHT is checked (<status>, <hosting>)
    # The lead hospital of a GHT often hosts what it made itself: the art. 5(5) exemption
    # holds only for the buyer's own legal entity (MDR art. 5(5)(a); CSP L.6132-1, L.6141-1).
    Given the answer to "scope.use" is "[decision_support]"
    And the answer to "scope.deployment" is "buyer_tenancy_hds"
    And the answer to "scope.vendor_access" is "maintenance"
    And the answer to "regulatory.medical_device" is "<status>"
    And the answer to "hosting.hds_certified" is "<hosting>"
    And the evidence for "hosting.hds_certified" is "verified"
    When the assessment is scored
    Then <check>
    And <knock-out>

    Examples:
      | status                     | hosting            | check                                                                     | knock-out                                                                       |
      | in_house                   | ght_member_hosting | the finding on "regulatory.in_house_claim_check" has severity "medium"    | there is no knock-out on "regulatory.medical_device"                            |
      | in_house                   | full_chain_v2      | there is no finding on "regulatory.in_house_claim_check"                  | there is no knock-out on "regulatory.medical_device"                            |
      | ce_marked                  | ght_member_hosting | there is no finding on "regulatory.in_house_claim_check"                  | there is no knock-out on "regulatory.medical_device"                            |
      | other_institution_in_house | ght_member_hosting | there is no finding on "regulatory.in_house_claim_check"                  | there is a knock-out on "regulatory.medical_device=other_institution_in_house" |

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

  Scenario: a public hospital deploying emergency triage without a FRIA, once Annex III applies
    Given the answer to "scope.use" is "[triage]"
    And the answer to "regulatory.market_placement" is "after"
    And the answer to "regulatory.fria" is "not_planned"
    And the assessment date is "2026-08-02"
    When the assessment is scored
    Then there is a knock-out on "regulatory.fria=not_planned"
    And the verdict is "reject"

  Scenario: the same the day before the AI Act duty applies: a high finding
    Given the answer to "scope.use" is "[triage]"
    And the answer to "regulatory.market_placement" is "after"
    And the answer to "regulatory.fria" is "not_planned"
    And the assessment date is "2026-08-01"
    When the assessment is scored
    Then there is no knock-out
    And the finding on "regulatory.fria" has severity "high"

  Scenario Outline: the FRIA is asked of public bodies using an Annex III system only (<buyer>, <use>)
    Given the answer to "scope.buyer" is "<buyer>"
    And the answer to "scope.public_law" is "no"
    And the answer to "scope.use" is "<use>"
    Then the question "regulatory.fria" <asked>

    Examples:
      | buyer                      | use                     | asked        |
      | public_hospital            | [triage]                | is asked     |
      | private_nonprofit_hospital | [triage]                | is asked     |
      | public_agency              | [triage]                | is asked     |
      | public_hospital            | [access_prioritisation] | is asked     |
      | public_hospital            | [decision_support]      | is not asked |
      | practice                   | [triage]                | is not asked |

  Scenario Outline: a private clinic is asked for a FRIA when it provides a public service (<service>)
    Given the answer to "scope.buyer" is "private_clinic"
    And the answer to "scope.public_service" is "<service>"
    And the answer to "scope.use" is "[triage]"
    Then the question "regulatory.fria" <asked>

    Examples:
      | service | asked        |
      | yes     | is asked     |
      | no      | is not asked |

  Scenario: a clinic in the public hospital service without a FRIA, once Annex III applies: knock-out
    Given the answer to "scope.buyer" is "private_clinic"
    And the answer to "scope.public_service" is "yes"
    And the answer to "scope.use" is "[triage]"
    And the answer to "regulatory.market_placement" is "after"
    And the answer to "regulatory.fria" is "not_planned"
    And the assessment date is "2026-08-02"
    When the assessment is scored
    Then there is a knock-out on "regulatory.fria=not_planned"

  Scenario: a clinic with no public-service mission is not held to a FRIA
    Given the answer to "scope.buyer" is "private_clinic"
    And the answer to "scope.public_service" is "no"
    And the answer to "scope.use" is "[triage]"
    And the answer to "regulatory.market_placement" is "after"
    And the answer to "regulatory.fria" is "not_planned"
    And the assessment date is "2026-08-02"
    When the assessment is scored
    Then there is no knock-out on "regulatory.fria"

  Scenario Outline: an ESPIC or an approved clinic ranking its own waiting list is asked to check, not rejected (<buyer>)
    Given the answer to "scope.buyer" is "<buyer>"
    And the answer to "scope.public_service" is "yes"
    And the answer to "scope.use" is "[access_prioritisation]"
    And the answer to "regulatory.market_placement" is "after"
    And the answer to "regulatory.fria" is "not_planned"
    And the assessment date is "2026-12-15"
    When the assessment is scored
    Then the question "regulatory.fria" is not asked
    And there is no knock-out
    And the finding on "regulatory.access_on_behalf_check" has severity "medium"

    Examples:
      | buyer                      |
      | private_nonprofit_hospital |
      | private_clinic             |

  Scenario Outline: the on-behalf check is for private-law public-service providers only (<buyer>, <use>)
    Given the answer to "scope.buyer" is "<buyer>"
    And the answer to "scope.public_service" is "no"
    And the answer to "scope.public_law" is "yes"
    And the answer to "scope.use" is "<use>"
    When the assessment is scored
    Then there is no finding on "regulatory.access_on_behalf_check"

    Examples:
      | buyer                      | use                     |
      | public_hospital            | [access_prioritisation] |
      | medico_social              | [access_prioritisation] |
      | private_clinic             | [access_prioritisation] |
      | private_nonprofit_hospital | [triage]                |

  Scenario: prioritising access to care is high-risk only for public bodies (Annex III 5(a))
    Given the answer to "scope.buyer" is "private_clinic"
    And the answer to "scope.public_service" is "no"
    And the answer to "scope.use" is "[access_prioritisation]"
    Then the question "regulatory.fria" is not asked

  Scenario Outline: staff management and patients' emotion recognition are Annex III uses too (<case>)
    Given the answer to "scope.use" is "<use>"
    And the answer to "scope.patient_data" is "<data>"
    And the answer to "<question>" is "<answer>"
    And the answer to "regulatory.market_placement" is "after"
    And the answer to "regulatory.fria" is "not_planned"
    And the assessment date is "2026-12-15"
    When the assessment is scored
    Then there is a knock-out on "regulatory.fria=not_planned"
    And the verdict is "reject"

    Examples:
      | case                                       | use              | data    | question                       | answer            |
      | shifts allocated by past absences, point 4 | [administrative] | [staff] | scope.workforce_decisions      | yes               |
      | staff evaluation, point 4                  | [administrative] | [none]  | scope.workforce_decisions      | yes               |
      | callers' emotions, point 1(c)              | [appointments]   | [audio] | regulatory.emotion_recognition | patients_informed |

  Scenario Outline: their lawful neighbours are not Annex III uses (<case>)
    Given the answer to "scope.use" is "<use>"
    And the answer to "scope.patient_data" is "<data>"
    And the answer to "<question>" is "<answer>"
    When the assessment is scored
    Then the question "regulatory.fria" is not asked
    And the question "regulatory.eu_registration" is not asked
    And there is no knock-out

    Examples:
      | case                                        | use              | data             | question                       | answer |
      | roster from needs and declared availability | [administrative] | [staff]          | scope.workforce_decisions      | no     |
      | billing with staff accounts only            | [administrative] | [staff_accounts] | scope.workforce_decisions      | no     |
      | voice booking that infers no emotion        | [appointments]   | [audio]          | regulatory.emotion_recognition | none   |

  Scenario Outline: decisions about staff are asked of administrative tools and of tools that track staff (<use>, <data>)
    Given the answer to "scope.use" is "<use>"
    And the answer to "scope.patient_data" is "<data>"
    Then the question "scope.workforce_decisions" <asked>

    Examples:
      | use                      | data             | asked        |
      | [administrative]         | [staff_accounts] | is asked     |
      | [clinical_documentation] | [staff]          | is asked     |
      | [clinical_documentation] | [identifiable]   | is not asked |

  Scenario Outline: a tool that decides about staff must be made known to them, whatever data it was declared with (<data>, <decisions>)
    Given the answer to "scope.use" is "[administrative]"
    And the answer to "scope.patient_data" is "<data>"
    And the answer to "scope.workforce_decisions" is "<decisions>"
    And the answer to "transparency.staff_information" is "no"
    When the assessment is scored
    Then <outcome>

    Examples:
      | data             | decisions | outcome                                                          |
      | [staff_accounts] | yes       | there is a knock-out on "transparency.staff_information=no"      |
      | [staff]          | yes       | there is a knock-out on "transparency.staff_information=no"      |
      | [staff_accounts] | no        | the question "transparency.staff_information" is not asked       |

  Scenario: a private clinic evaluating its staff owes the deployer's duties but no FRIA
    Given the answer to "scope.buyer" is "private_clinic"
    And the answer to "scope.public_service" is "no"
    And the answer to "scope.use" is "[administrative]"
    And the answer to "scope.workforce_decisions" is "yes"
    And the answer to "regulatory.ai_act_class" is "minimal_justified"
    Then the question "regulatory.deployer_duties" is asked
    And the question "regulatory.fria" is not asked

  Scenario Outline: the deployer's duties follow what the tool does, not the vendor's class (<use>)
    Given the answer to "scope.use" is "<use>"
    And the answer to "regulatory.medical_device" is "ce_marked"
    And the answer to "regulatory.ai_act_class" is "minimal_justified"
    Then the question "regulatory.deployer_duties" <asked>

    Examples:
      | use                      | asked        |
      | [decision_support]       | is asked     |
      | [remote_monitoring]      | is asked     |
      | [clinical_documentation] | is not asked |

  Scenario Outline: inferring staff emotions at work is a prohibited practice (<data>)
    Given the answer to "scope.patient_data" is "<data>"
    And the answer to "regulatory.emotion_recognition" is "staff_workplace"
    When the assessment is scored
    Then there is a knock-out on "regulatory.emotion_recognition=staff_workplace"
    And the verdict is "reject"

    Examples:
      | data    |
      | [audio] |
      | [staff] |
      | [video] |

  Scenario: inferring staff emotions before the prohibition applied (2 February 2025) is a critical finding, not a knock-out
    Given the answer to "scope.patient_data" is "[staff]"
    And the answer to "regulatory.emotion_recognition" is "staff_workplace"
    And the assessment date is "2025-02-01"
    When the assessment is scored
    Then there is no knock-out on "regulatory.emotion_recognition"
    And the finding on "regulatory.emotion_recognition" has severity "critical"

  Scenario: emotion recognition of patients for a medical purpose, with patients told, is not blocked
    Given the answer to "scope.patient_data" is "[audio]"
    And the answer to "regulatory.emotion_recognition" is "patients_informed"
    When the assessment is scored
    Then there is no knock-out on "regulatory.emotion_recognition"
    And there is no knock-out pending evidence on "regulatory.emotion_recognition"
    And the finding on "regulatory.emotion_recognition" has severity "medium"

  Scenario: a lone-worker alarm that detects distress in a night nurse's voice, its safety purpose proven, is not blocked
    Given the answer to "scope.buyer" is "medico_social"
    And the answer to "scope.public_law" is "no"
    And the answer to "scope.use" is "[safety_alerts]"
    And the answer to "scope.patient_data" is "[staff]"
    And the answer to "scope.workforce_decisions" is "no"
    And the answer to "regulatory.emotion_recognition" is "staff_safety_or_medical"
    And the evidence for "regulatory.emotion_recognition" is "verified"
    And the answer to "regulatory.ai_act_class" is "high_risk_annex_iii"
    When the assessment is scored
    Then there is no knock-out
    And there is no knock-out pending evidence
    And the finding on "regulatory.emotion_recognition" has severity "medium"
    And the verdict is "accept"

  Scenario: the same alarm without the vendor's stated purpose: the prohibition waits for the proof
    Given the answer to "scope.buyer" is "medico_social"
    And the answer to "scope.public_law" is "no"
    And the answer to "scope.use" is "[safety_alerts]"
    And the answer to "scope.patient_data" is "[staff]"
    And the answer to "scope.workforce_decisions" is "no"
    And the answer to "regulatory.emotion_recognition" is "staff_safety_or_medical"
    When the assessment is scored
    Then the knock-outs of "regulatory.emotion_recognition" wait for its evidence
    And the verdict is "pending_evidence"

  Scenario: the purpose only declared, not checked, is shown as unverified
    Given the answer to "scope.buyer" is "medico_social"
    And the answer to "scope.public_law" is "no"
    And the answer to "scope.use" is "[safety_alerts]"
    And the answer to "scope.patient_data" is "[staff]"
    And the answer to "scope.workforce_decisions" is "no"
    And the answer to "regulatory.emotion_recognition" is "staff_safety_or_medical"
    And the evidence for "regulatory.emotion_recognition" is "declared"
    When the assessment is scored
    Then the evidence for "regulatory.emotion_recognition" is shown as unverified

  Scenario: "for safety" said of a tool that evaluates staff contradicts the scope: the prohibition stays pending
    Given the answer to "scope.buyer" is "medico_social"
    And the answer to "scope.public_law" is "no"
    And the answer to "scope.use" is "[safety_alerts, administrative]"
    And the answer to "scope.patient_data" is "[staff]"
    And the answer to "scope.workforce_decisions" is "yes"
    And the answer to "regulatory.emotion_recognition" is "staff_safety_or_medical"
    And the evidence for "regulatory.emotion_recognition" is "verified"
    When the assessment is scored
    Then the answer to "regulatory.emotion_recognition" contradicts the scope
    And the finding on "regulatory.staff_safety_emotion_contradicts_scope" has severity "high"
    And there is a knock-out pending evidence on "regulatory.emotion_recognition=staff_workplace"
    And the verdict is "pending_evidence"

  Scenario: a staff wellbeing and productivity tool reading moods from voices stays a knock-out, and "for safety" is never proposed
    Given the answer to "scope.buyer" is "medico_social"
    And the answer to "scope.public_law" is "no"
    And the answer to "scope.use" is "[administrative]"
    And the answer to "scope.patient_data" is "[staff]"
    And the answer to "scope.workforce_decisions" is "no"
    And the answer to "regulatory.emotion_recognition" is "staff_workplace"
    When the assessment is scored
    Then there is a knock-out on "regulatory.emotion_recognition=staff_workplace"
    And the verdict is "reject"
    And what would change the result does not propose "regulatory.emotion_recognition=staff_safety_or_medical"
    And what would change the result proposes "regulatory.emotion_recognition=none"

  Scenario: a public nursing home deploying the alarm owes the fundamental-rights impact assessment
    Given the answer to "scope.buyer" is "medico_social"
    And the answer to "scope.public_law" is "yes"
    And the answer to "scope.use" is "[safety_alerts]"
    And the answer to "scope.patient_data" is "[staff]"
    And the answer to "scope.workforce_decisions" is "no"
    And the answer to "regulatory.emotion_recognition" is "staff_safety_or_medical"
    And the evidence for "regulatory.emotion_recognition" is "verified"
    And the answer to "regulatory.market_placement" is "after"
    And the answer to "regulatory.fria" is "not_planned"
    And the assessment date is "2026-12-15"
    When the assessment is scored
    Then there is a knock-out on "regulatory.fria=not_planned"
    And the verdict is "reject"

  Scenario: a vendor calling the alarm "minimal risk" is flagged under Annex III
    Given the answer to "scope.buyer" is "medico_social"
    And the answer to "scope.public_law" is "no"
    And the answer to "scope.use" is "[safety_alerts]"
    And the answer to "scope.patient_data" is "[staff]"
    And the answer to "scope.workforce_decisions" is "no"
    And the answer to "regulatory.emotion_recognition" is "staff_safety_or_medical"
    And the evidence for "regulatory.emotion_recognition" is "verified"
    And the answer to "regulatory.ai_act_class" is "minimal_justified"
    When the assessment is scored
    Then the finding on "regulatory.annex_iii_denied" has severity "high"

  Scenario: a camera that detects falls without inferring emotions is not blocked
    Given the answer to "scope.use" is "[safety_alerts]"
    And the answer to "scope.patient_data" is "[video]"
    And the answer to "regulatory.emotion_recognition" is "none"
    When the assessment is scored
    Then there is no knock-out on "regulatory.emotion_recognition"
    And the question "transparency.staff_information" is asked

  Scenario: emotion recognition of patients without telling them, since 2 August 2026: knock-out
    Given the answer to "scope.patient_data" is "[audio]"
    And the answer to "regulatory.emotion_recognition" is "patients_not_informed"
    And the assessment date is "2026-08-02"
    When the assessment is scored
    Then there is a knock-out on "regulatory.emotion_recognition=patients_not_informed"

  Scenario: the same before 2 August 2026: a high finding
    Given the answer to "scope.patient_data" is "[audio]"
    And the answer to "regulatory.emotion_recognition" is "patients_not_informed"
    And the assessment date is "2026-08-01"
    When the assessment is scored
    Then there is no knock-out on "regulatory.emotion_recognition"
    And the finding on "regulatory.emotion_recognition" has severity "high"

  Scenario Outline: a vendor calling an Annex III use "minimal risk" is flagged (<use>)
    Given the answer to "scope.use" is "<use>"
    And the answer to "<question>" is "<answer>"
    And the answer to "regulatory.ai_act_class" is "minimal_justified"
    When the assessment is scored
    Then the finding on "regulatory.annex_iii_denied" has severity "high"

    Examples:
      | use              | question                  | answer |
      | [triage]         | scope.generative          | no     |
      | [administrative] | scope.workforce_decisions | yes    |

  Scenario Outline: a CE-marked medical device called "minimal risk" is flagged under Annex I (<device>, <class>)
    Given the answer to "scope.use" is "[decision_support]"
    And the answer to "regulatory.medical_device" is "<device>"
    And the answer to "regulatory.ai_act_class" is "<class>"
    When the assessment is scored
    Then <outcome>

    Examples:
      | device    | class             | outcome                                                           |
      | ce_marked | minimal_justified | the finding on "regulatory.annex_i_denied" has severity "high"    |
      | ce_marked | transparency_only | the finding on "regulatory.annex_i_denied" has severity "high"    |
      | ce_marked | high_risk_annex_i | there is no finding on "regulatory.annex_i_denied"                |
      | in_house  | minimal_justified | there is no finding on "regulatory.annex_i_denied"                |

  Scenario: a software publisher calling itself a mere deployer is asked to check its role
    Given the answer to "scope.buyer" is "health_tech"
    And the answer to "regulatory.ai_act_role" is "deployer"
    When the assessment is scored
    Then the finding on "regulatory.integrator_role_check" has severity "medium"

  Scenario Outline: a public care home or a municipal health centre is a public body (<buyer>, <public_law>)
    Given the answer to "scope.buyer" is "<buyer>"
    And the answer to "scope.public_law" is "<public_law>"
    And the answer to "scope.use" is "[access_prioritisation]"
    And the answer to "regulatory.market_placement" is "after"
    And the answer to "regulatory.fria" is "not_planned"
    And the assessment date is "2026-12-15"
    When the assessment is scored
    Then <outcome>
    And the question "regulatory.eu_registration" <registration>

    Examples:
      | buyer         | public_law | outcome                                               | registration |
      | medico_social | yes        | there is a knock-out on "regulatory.fria=not_planned" | is asked     |
      | practice      | yes        | there is a knock-out on "regulatory.fria=not_planned" | is asked     |
      | medico_social | no         | there is no knock-out                                 | is not asked |
      | practice      | no         | there is no knock-out                                 | is not asked |

  Scenario Outline: whether the buyer is governed by public law is asked where it is not known (<buyer>)
    Given the answer to "scope.buyer" is "<buyer>"
    Then the question "scope.public_law" <asked>

    Examples:
      | buyer           | asked        |
      | medico_social   | is asked     |
      | practice        | is asked     |
      | public_hospital | is not asked |
      | private_clinic  | is not asked |
      | health_tech     | is not asked |
      | medical_lab    | is not asked |
      | pharmacy        | is not asked |

  Scenario: the question on a public-service mission is for private clinics only
    Given the answer to "scope.buyer" is "public_hospital"
    Then the question "scope.public_service" is not asked

  Scenario Outline: prioritising access to care is an Annex III use only for a public body (<buyer>)
    Given the answer to "scope.buyer" is "<buyer>"
    And the answer to "scope.public_service" is "no"
    And the answer to "scope.use" is "[access_prioritisation]"
    And the answer to "scope.audience" is "professionals"
    And the answer to "transparency.patient_information" is "privacy_notice_only"
    And the assessment date is "2027-12-02"
    When the assessment is scored
    Then <outcome>

    Examples:
      | buyer           | outcome                                                                |
      | public_hospital | there is a knock-out on "transparency.patient_information=privacy_notice_only" |
      | private_clinic  | there is no knock-out on "transparency.patient_information"            |

  Scenario Outline: an Annex III use informed of the data processing only is judged when Annex III applies (<date>)
    Given the answer to "scope.use" is "[access_prioritisation]"
    And the answer to "scope.audience" is "professionals"
    And the answer to "transparency.patient_information" is "privacy_notice_only"
    And the assessment date is "<date>"
    When the assessment is scored
    Then <outcome>

    Examples:
      | date       | outcome                                                                        |
      | 2026-08-01 | there is no knock-out on "transparency.patient_information"                    |
      | 2026-08-02 | there is a knock-out on "transparency.patient_information=privacy_notice_only" |

  Scenario: a voicebot that infers callers' emotions must tell them more than the data processing, once Annex III applies
    Given the answer to "scope.use" is "[appointments]"
    And the answer to "scope.patient_data" is "[appointment, audio]"
    And the answer to "scope.audience" is "patients"
    And the answer to "regulatory.emotion_recognition" is "patients_informed"
    And the answer to "transparency.patient_information" is "privacy_notice_only"
    And the assessment date is "2026-12-15"
    When the assessment is scored
    Then there is a knock-out on "transparency.patient_information=privacy_notice_only"

  Scenario: a roster that uses patients' acuity is Annex III for its staff, not for its patients' information
    Given the answer to "scope.use" is "[administrative]"
    And the answer to "scope.patient_data" is "[staff, pseudonymised]"
    And the answer to "scope.workforce_decisions" is "yes"
    And the answer to "scope.audience" is "professionals"
    And the answer to "transparency.patient_information" is "privacy_notice_only"
    And the assessment date is "2026-12-15"
    When the assessment is scored
    Then there is no knock-out on "transparency.patient_information"
    And the question "regulatory.fria" is asked

  Scenario: no DPIA for appointment data alone, in a hospital, is a high finding, not a knock-out
    Given the answer to "scope.use" is "[appointments]"
    And the answer to "scope.patient_data" is "[appointment]"
    And the answer to "regulatory.dpia" is "no"
    When the assessment is scored
    Then there is no knock-out on "regulatory.dpia"
    And the finding on "regulatory.dpia" has severity "high"

  Scenario Outline: HAS certification of prescription software is optional: a CE-marked tool without it is not held at conditional (<buyer>)
    Given the answer to "scope.buyer" is "<buyer>"
    And the answer to "scope.use" is "[prescription]"
    And the answer to "regulatory.medical_device" is "ce_marked"
    And the evidence for "regulatory.medical_device" is "verified"
    And the answer to "regulatory.device_class" is "consistent"
    And the answer to "regulatory.ai_act_class" is "high_risk_annex_i"
    And the answer to "regulatory.prescription_software" is "not_certified"
    When the assessment is scored
    Then the finding on "regulatory.prescription_software" has severity "low"
    And there is no knock-out
    And the verdict is "accept"

    Examples:
      | buyer           |
      | pharmacy        |
      | public_hospital |

  Scenario Outline: HAS certification never stands in for CE marking: prescription support without it is rejected (<status>)
    Given the answer to "scope.buyer" is "pharmacy"
    And the answer to "scope.use" is "[prescription]"
    And the answer to "regulatory.medical_device" is "<status>"
    And the answer to "regulatory.prescription_software" is "certified"
    When the assessment is scored
    Then there is a knock-out on "regulatory.medical_device=<status>"
    And the verdict is "reject"

    Examples:
      | status             |
      | not_ce_marked      |
      | no_medical_purpose |

  Rule: scoring patients' ability to pay is an Annex III use for any deployer (point 5(b))
    Evaluating the creditworthiness of natural persons is high-risk (AI Act Annex III point
    5(b), fraud detection excluded), and every deployer of such a system, a private clinic
    included, assesses its impact on fundamental rights before first use (art. 27(1)). Making
    admission or care depend on such a score risks discrimination in access to care (CSP
    art. L.1110-3).

    Background:
      Given a tool whose answers are:
        | question             | answer                                         |
        | scope.buyer          | private_clinic                                 |
        | scope.public_service | no                                             |
        | scope.use            | [administrative, access_prioritisation, payment_risk] |
        | scope.patient_data   | [identifiable, appointment]                    |
        | scope.audience       | administrative_staff                           |
      And the assessment date is "2026-12-15"

    Scenario: a private clinic scoring patients' propensity to pay before admissions, without a FRIA: rejected
      Given the answer to "regulatory.market_placement" is "after"
      And the answer to "regulatory.fria" is "not_planned"
      When the assessment is scored
      Then there is a knock-out on "regulatory.fria=not_planned"
      And the verdict is "reject"
      And the finding on "bias.care_conditioned_on_ability_to_pay" has severity "high"

    Scenario: the same with a FRIA planned: no knock-out, but the score weighing on admissions is a high finding
      Given the answer to "regulatory.market_placement" is "after"
      And the answer to "regulatory.fria" is "planned_registered"
      When the assessment is scored
      Then there is no knock-out
      And the finding on "bias.care_conditioned_on_ability_to_pay" has severity "high"
      And the verdict is "conditional"

    Scenario Outline: the FRIA is asked of any deployer scoring patients' ability to pay (<buyer>)
      Given the answer to "scope.buyer" is "<buyer>"
      And the answer to "scope.public_law" is "no"
      And the answer to "scope.workforce_decisions" is "no"
      Then the question "regulatory.fria" is asked
      And the question "regulatory.market_placement" is asked
      And the question "regulatory.eu_registration" is not asked

      Examples:
        | buyer          |
        | private_clinic |
        | practice       |
        | health_tech    |
        | medical_lab   |
        | pharmacy       |

    Scenario Outline: an unchanged system placed on the market before Annex III applied stays outside for a private deployer (<date>)
      Given the answer to "regulatory.market_placement" is "before_unchanged"
      And the answer to "regulatory.fria" is "not_planned"
      And the assessment date is "<date>"
      When the assessment is scored
      Then there is no knock-out on "regulatory.fria"

      Examples:
        | date       |
        | 2026-12-15 |
        | 2030-08-02 |

    Scenario: flagging identity or insurance-card fraud at admission, a person deciding, is not a payment score
      The buyer ticks "Administrative", not ability to pay (fraud detection is excluded from
      point 5(b)); the vendor's "minimal risk" then stands, and no FRIA is owed.
      Given the answer to "scope.use" is "[administrative]"
      And the answer to "regulatory.ai_act_class" is "minimal_justified"
      And the answer to "oversight.human_decision" is "always"
      And the answer to "regulatory.fria" is "not_planned"
      And every other question is answered with its best choice
      When the assessment is scored
      Then the question "regulatory.fria" is not asked
      And there is no finding on "regulatory.annex_iii_denied"
      And there is no finding on "bias.care_conditioned_on_ability_to_pay"
      And there is no knock-out
      And the verdict is "accept"

    Scenario: the same admissions tool that also scores the patients' propensity to pay is no longer a fraud check
      Given the answer to "scope.use" is "[administrative, payment_risk]"
      And the answer to "regulatory.ai_act_class" is "minimal_justified"
      And the answer to "oversight.human_decision" is "always"
      And the answer to "regulatory.market_placement" is "after"
      And the answer to "regulatory.fria" is "not_planned"
      And every other question is answered with its best choice
      When the assessment is scored
      Then there is a knock-out on "regulatory.fria=not_planned"
      And the finding on "regulatory.annex_iii_denied" has severity "high"
      And the verdict is "reject"

    Scenario: a payment score without prioritisation ticked, asking for deposits before admissions, is still flagged
      Nothing in the answers keeps the score off admissions and deposits: the finding holds
      on the payment score alone, and says what to check.
      Given the answer to "scope.use" is "[administrative, payment_risk]"
      And the answer to "regulatory.market_placement" is "after"
      And the answer to "regulatory.fria" is "planned_registered"
      And every other question is answered with its best choice
      When the assessment is scored
      Then the finding on "bias.care_conditioned_on_ability_to_pay" has severity "high"
      And there is no knock-out
      And the verdict is "conditional"
      And the question "regulatory.fria" is asked
      And the report in "en" mentions "if it conditions the admission, its date, a deposit or the care given"
      And the report in "fr" mentions "s'il conditionne l'admission, sa date, un acompte ou les soins"

    Scenario: prioritising admissions without any payment score is not flagged for it
      Given the answer to "scope.use" is "[administrative, access_prioritisation]"
      When the assessment is scored
      Then there is no finding on "bias.care_conditioned_on_ability_to_pay"

    Scenario: a vendor calling a payment score "minimal risk" is flagged: profiling closes the art. 6(3) derogation
      Given the answer to "regulatory.ai_act_class" is "minimal_justified"
      When the assessment is scored
      Then the finding on "regulatory.annex_iii_denied" has severity "high"

    Scenario: patients scored for their ability to pay must be told more than the data processing, once Annex III applies
      Given the answer to "scope.use" is "[payment_risk]"
      And the answer to "transparency.patient_information" is "privacy_notice_only"
      When the assessment is scored
      Then there is a knock-out on "transparency.patient_information=privacy_notice_only"

    Scenario: a payment score that asks for deposits on its own is a knock-out, even with "no personal data" ticked
      Given the answer to "scope.use" is "[payment_risk]"
      And the answer to "scope.patient_data" is "[none]"
      And the answer to "oversight.human_decision" is "automated"
      When the assessment is scored
      Then there is a knock-out on "oversight.human_decision=automated"
      And the question "transparency.patient_information" is asked

  Rule: a hospital's own system answers the security and AI Act questions for itself
    An establishment that develops an AI system and puts it into service under its own name
    is its provider (AI Act art. 3(3)) and classifies it itself; a device made and used
    in-house (MDR art. 5(5)) goes through no notified body, hence is not high-risk under
    art. 6(1) (MDCG 2025-6, to verify), while Annex III still applies. Run on its own
    infrastructure with no contractor, it has no vendor certificate to show: its security
    rests on the establishment's own policy (PGSSI-S, CSP art. L.1110-4-1), risk analysis and
    accreditation. Neither answer is open to a vendor's product or a service a third party
    runs.

    Background:
      Given a tool whose answers are:
        | question                  | answer             |
        | scope.buyer               | public_hospital    |
        | scope.use                 | [decision_support] |
        | scope.patient_data        | [identifiable]     |
        | scope.deployment          | on_premises        |
        | scope.vendor_access       | none               |
        | scope.audience            | professionals      |
        | scope.generative          | no                 |
        | regulatory.medical_device | in_house           |
        | regulatory.device_class   | no_certificate     |
      And the evidence for "regulatory.medical_device" is "verified"

    Scenario: the in-house sepsis model, secured and classified by the hospital itself: accepted
      Given the answer to "security.certification" is "establishment_isms"
      And the answer to "regulatory.ai_act_class" is "in_house_no_notified_body"
      And the answer to "regulatory.ai_act_role" is "provider_prepared"
      When the assessment is scored
      Then the finding on "security.certification" has severity "low"
      And the finding on "regulatory.ai_act_class" has severity "low"
      And there is no finding on "security.establishment_isms_contradicts_scope"
      And there is no finding on "security.establishment_isms_not_in_house"
      And there is no finding on "regulatory.in_house_class_contradiction"
      And there is no finding on "regulatory.annex_i_denied"
      And there is no knock-out
      And the verdict is "accept"

    Scenario: the same model with no security management and its class not assessed stays conditional
      Given the answer to "security.certification" is "none"
      And the answer to "regulatory.ai_act_class" is "not_assessed"
      When the assessment is scored
      Then the finding on "security.certification" has severity "high"
      And the finding on "regulatory.ai_act_class" has severity "high"
      And the verdict is "conditional"

    Scenario Outline: "the establishment's own security management" for a tool a third party runs counts as unknown (<deployment>, <access>)
      Given the answer to "scope.deployment" is "<deployment>"
      And the answer to "scope.vendor_access" is "<access>"
      And the answer to "security.certification" is "establishment_isms"
      When the assessment is scored
      Then the finding on "security.establishment_isms_contradicts_scope" has severity "high"
      And the answer to "security.certification" is worth 3.6 "risk" points
      And the verdict is not "accept"

      Examples:
        | deployment        | access         |
        | buyer_tenancy_hds | none           |
        | on_premises       | maintenance    |
        | on_premises       | administration |
        | vendor_saas       |                |

    Scenario Outline: "the establishment's own security management" for a product another manufacturer made is flagged (<status>)
      Given the answer to "regulatory.medical_device" is "<status>"
      And the question "regulatory.device_class" is not answered
      And the answer to "security.certification" is "establishment_isms"
      When the assessment is scored
      Then <outcome>

      Examples:
        | status                 | outcome                                                                           |
        | ce_marked              | the finding on "security.establishment_isms_not_in_house" has severity "high"     |
        | no_medical_purpose     | the finding on "security.establishment_isms_not_in_house" has severity "high"     |
        | not_ce_marked          | the finding on "security.establishment_isms_not_in_house" has severity "high"     |
        | other_institution_in_house | the finding on "security.establishment_isms_not_in_house" has severity "high" |
        | in_house               | there is no finding on "security.establishment_isms_not_in_house"                 |
        | clinical_investigation | there is no finding on "security.establishment_isms_not_in_house"                 |

    Scenario: a vendor's product on site with no security certificate: the hospital's own management is never proposed
      Given the answer to "scope.use" is "[administrative]"
      And the answer to "scope.patient_data" is "[identifiable]"
      And the answer to "scope.workforce_decisions" is "no"
      And the answer to "security.certification" is "none"
      When the assessment is scored
      Then the verdict is "conditional"
      And what would change the result proposes "security.certification=certified_scoped"
      And what would change the result does not propose "security.certification=establishment_isms"

    Scenario Outline: "made in-house, no notified body" holds only for the establishment's own device (<status>)
      Given the answer to "regulatory.medical_device" is "<status>"
      And the question "regulatory.device_class" is not answered
      And the answer to "regulatory.ai_act_class" is "in_house_no_notified_body"
      When the assessment is scored
      Then <outcome>

      Examples:
        | status                 | outcome                                                                          |
        | in_house               | there is no finding on "regulatory.in_house_class_contradiction"                 |
        | ce_marked              | the finding on "regulatory.in_house_class_contradiction" has severity "high"     |
        | clinical_investigation | the finding on "regulatory.in_house_class_contradiction" has severity "high"     |
        | not_ce_marked          | the finding on "regulatory.in_house_class_contradiction" has severity "high"     |

    Scenario: an administrative tool, which is no medical device, cannot claim the in-house device's class
      Given the answer to "scope.use" is "[administrative]"
      And the answer to "scope.workforce_decisions" is "no"
      And the answer to "regulatory.ai_act_class" is "in_house_no_notified_body"
      When the assessment is scored
      Then the question "regulatory.medical_device" is not asked
      And the finding on "regulatory.in_house_class_contradiction" has severity "high"

    Scenario: an in-house emergency triage model is still an Annex III system
      Given the answer to "scope.use" is "[triage]"
      And the answer to "regulatory.ai_act_class" is "in_house_no_notified_body"
      When the assessment is scored
      Then the finding on "regulatory.annex_iii_denied" has severity "high"

    Scenario: with its class not assessed, the in-house device is never offered the in-house class as the fix
      Given the answer to "regulatory.ai_act_class" is "not_assessed"
      When the assessment is scored
      Then the verdict is "conditional"
      And what would change the result does not propose "regulatory.ai_act_class=in_house_no_notified_body"

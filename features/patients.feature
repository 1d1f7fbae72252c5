# language: fr
Fonctionnalité: Information des patients, contrôle humain et sûreté : les KO
  84 % du public veut savoir quand un professionnel utilise l'IA (ACSEL 2025) ; la loi
  impose d'informer le patient quand un dispositif médical à apprentissage est utilisé
  (CSP art. L.4001-3) et de lui dire qu'il parle à une IA (règlement IA art. 50). Un
  professionnel garde la décision ; un enregistrement à l'insu du patient est un délit.

  Contexte:
    Étant donné un outil dont les réponses sont :
      | question           | réponse                  |
      | scope.buyer        | public_hospital          |
      | scope.use          | [clinical_documentation] |
      | scope.patient_data | [identifiable]           |
      | scope.deployment   | vendor_saas              |
      | scope.audience     | professionals            |
      | scope.generative   | no                       |
    Et toutes les autres questions ont leur meilleure réponse

  Plan du scénario: ne pas informer les patients d'un usage à finalité médicale est un KO (<usage>)
    Étant donné la réponse à "scope.use" est "<usage>"
    Et la réponse à "transparency.patient_information" est "no"
    Quand l'évaluation est calculée
    Alors il y a un KO sur "transparency.patient_information=no"
    Et le verdict est "reject"

    Exemples:
      | usage                 |
      | [decision_support]    |
      | [diagnostic_analysis] |
      | [prescription]        |
      | [triage]              |
      | [remote_monitoring]   |

  Plan du scénario: traiter des données patients sans les informer est un KO (RGPD art. 13) (<usage>)
    Étant donné la réponse à "scope.use" est "<usage>"
    Et la réponse à "transparency.patient_information" est "no"
    Quand l'évaluation est calculée
    Alors il y a un KO sur "transparency.patient_information=no"
    Et le verdict est "reject"

    Exemples:
      | usage                    |
      | [clinical_documentation] |
      | [administrative]         |

  Scénario: une prise de rendez-vous sans aucune information des patients est un KO (RGPD art. 13)
    Étant donné la réponse à "scope.use" est "[appointments]"
    Et la réponse à "scope.patient_data" est "[appointment]"
    Et la réponse à "transparency.patient_information" est "no"
    Quand l'évaluation est calculée
    Alors il y a un KO sur "transparency.patient_information=no"
    Et le verdict est "reject"

  Scénario: un formulaire de rendez-vous qui informe du traitement sans parler d'IA n'est pas un KO
    Étant donné la réponse à "scope.use" est "[appointments]"
    Et la réponse à "scope.patient_data" est "[appointment]"
    Et la réponse à "scope.audience" est "patients"
    Et la réponse à "transparency.patient_information" est "privacy_notice_only"
    Quand l'évaluation est calculée
    Alors il n'y a pas de KO sur "transparency.patient_information"
    Et le constat sur "transparency.patient_information" a la sévérité "medium"

  Plan du scénario: pour une finalité médicale, informer du seul traitement des données est un KO (<usage>)
    Étant donné la réponse à "scope.use" est "<usage>"
    Et la réponse à "transparency.patient_information" est "privacy_notice_only"
    Quand l'évaluation est calculée
    Alors il y a un KO sur "transparency.patient_information=privacy_notice_only"
    Et le verdict est "reject"

    Exemples:
      | usage                 |
      | [diagnostic_analysis] |
      | [patient_facing]      |

  Scénario: une alerte de chute qui informe du seul traitement des données n'est pas un KO (pas de finalité médicale)
    Étant donné la réponse à "scope.use" est "[safety_alerts]"
    Et la réponse à "transparency.patient_information" est "privacy_notice_only"
    Quand l'évaluation est calculée
    Alors il n'y a pas de KO sur "transparency.patient_information"
    Et le constat sur "transparency.patient_information" a la sévérité "medium"

  Scénario: un outil de documentation sans finalité médicale qui informe du traitement n'est pas un KO
    Étant donné la réponse à "transparency.patient_information" est "privacy_notice_only"
    Quand l'évaluation est calculée
    Alors il n'y a pas de KO sur "transparency.patient_information"

  Scénario: sans finalité médicale ni données patients, l'absence d'information est un constat élevé
    Étant donné la réponse à "scope.use" est "[safety_alerts]"
    Et la réponse à "scope.patient_data" est "[none]"
    Et la réponse à "transparency.patient_information" est "no"
    Quand l'évaluation est calculée
    Alors il n'y a aucun KO
    Et le constat sur "transparency.patient_information" a la sévérité "high"

  Scénario: enregistrer une consultation à l'insu du patient est un KO
    Étant donné la réponse à "scope.patient_data" est "[identifiable, audio]"
    Et la réponse à "transparency.recording_consent" est "covert"
    Quand l'évaluation est calculée
    Alors il y a un KO sur "transparency.recording_consent=covert"
    Et le verdict est "reject"

  Scénario: une simple affiche, sans accord avant chaque enregistrement, est un constat élevé
    Étant donné la réponse à "scope.patient_data" est "[audio]"
    Et la réponse à "transparency.recording_consent" est "general_notice_only"
    Quand l'évaluation est calculée
    Alors il n'y a aucun KO
    Et le constat sur "transparency.recording_consent" a la sévérité "high"

  Scénario: sans enregistrement audio, la question du consentement n'est pas posée
    Alors la question "transparency.recording_consent" n'est pas posée

  Scénario: filmer un patient à son insu en chambre ou en téléconsultation est un KO
    Étant donné la réponse à "scope.patient_data" est "[identifiable, video]"
    Et la réponse à "transparency.image_consent" est "covert"
    Quand l'évaluation est calculée
    Alors il y a un KO sur "transparency.image_consent=covert"
    Et le verdict est "reject"

  Scénario: des caméras signalées dans les seuls espaces ouverts au public ne sont pas un KO
    Étant donné la réponse à "scope.patient_data" est "[video]"
    Et la réponse à "transparency.image_consent" est "public_areas_only"
    Quand l'évaluation est calculée
    Alors il n'y a aucun KO
    Et le constat sur "transparency.image_consent" a la sévérité "low"

  Scénario: une simple signalisation pour des images prises en chambre est un constat élevé
    Étant donné la réponse à "scope.patient_data" est "[video]"
    Et la réponse à "transparency.image_consent" est "signage_only"
    Quand l'évaluation est calculée
    Alors il n'y a aucun KO
    Et le constat sur "transparency.image_consent" a la sévérité "high"

  Scénario: filmer avec l'information et l'accord du patient n'est pas un KO
    Étant donné la réponse à "scope.patient_data" est "[identifiable, video]"
    Et la réponse à "transparency.image_consent" est "informed_each_time"
    Quand l'évaluation est calculée
    Alors il n'y a pas de KO sur "transparency.image_consent"

  Plan du scénario: en EHPAD, une caméra qui filme les résidents en chambre en permanence, des images vues ou conservées, est un KO (<usage>)
    La CNIL juge une vidéosurveillance en chambre d'EHPAD disproportionnée pour le confort ou
    la sécurité du résident, même avec son accord, hors enquête temporaire sur une suspicion
    étayée de maltraitance (délibération 2024-024) ; la chambre est son domicile (CASF,
    art. L.311-3, 1°) ; RGPD, art. 5(1)(c).
    Étant donné la réponse à "scope.buyer" est "medico_social"
    Et la réponse à "scope.public_law" est "no"
    Et la réponse à "scope.use" est "<usage>"
    Et la réponse à "scope.patient_data" est "[identifiable, video]"
    Et la réponse à "scope.deployment" est "on_premises"
    Et la réponse à "transparency.image_consent" est "continuous_images_viewed"
    Quand l'évaluation est calculée
    Alors il y a un KO sur "transparency.image_consent=continuous_images_viewed"
    Et le verdict est "reject"

    Exemples:
      | usage               |
      | [safety_alerts]     |
      | [remote_monitoring] |

  Scénario: la même caméra dans une chambre d'hôpital : risque élevé, pas de KO (la recommandation vise les EHPAD)
    Étant donné la réponse à "scope.patient_data" est "[identifiable, video]"
    Et la réponse à "transparency.image_consent" est "continuous_images_viewed"
    Quand l'évaluation est calculée
    Alors il n'y a pas de KO sur "transparency.image_consent"
    Et le constat sur "transparency.image_consent" a la sévérité "high"
    Et il n'y a pas de constat sur "transparency.care_home_room_camera"

  Scénario: en EHPAD, une caméra en chambre dont les images restent dans l'appareil : constat élevé, pas de KO (à vérifier)
    Étant donné la réponse à "scope.buyer" est "medico_social"
    Et la réponse à "scope.public_law" est "no"
    Et la réponse à "scope.use" est "[safety_alerts]"
    Et la réponse à "scope.patient_data" est "[identifiable, video]"
    Et la réponse à "scope.deployment" est "on_premises"
    Et la réponse à "transparency.image_consent" est "continuous_on_device"
    Quand l'évaluation est calculée
    Alors il n'y a aucun KO
    Et le constat sur "transparency.care_home_room_camera" a la sévérité "high"
    Et le constat sur "transparency.image_consent" a la sévérité "medium"
    Et le verdict est "conditional"

  Scénario: à l'hôpital, une caméra en chambre dont les images restent dans l'appareil : constat moyen
    Étant donné la réponse à "scope.patient_data" est "[identifiable, video]"
    Et la réponse à "transparency.image_consent" est "continuous_on_device"
    Quand l'évaluation est calculée
    Alors il n'y a aucun KO
    Et le constat sur "transparency.image_consent" a la sévérité "medium"
    Et il n'y a pas de constat sur "transparency.care_home_room_camera"

  Scénario: en EHPAD, une caméra d'alerte dite « accord avant chaque captation » : l'accord donné à l'admission ne l'est pas, constat élevé
    Étant donné la réponse à "scope.buyer" est "medico_social"
    Et la réponse à "scope.public_law" est "no"
    Et la réponse à "scope.use" est "[safety_alerts]"
    Et la réponse à "scope.patient_data" est "[identifiable, video]"
    Et la réponse à "scope.deployment" est "on_premises"
    Et la réponse à "transparency.image_consent" est "informed_each_time"
    Quand l'évaluation est calculée
    Alors il n'y a aucun KO
    Et le constat sur "transparency.care_home_room_camera" a la sévérité "high"
    Et le verdict est "conditional"

  Plan du scénario: en EHPAD, ce constat ne vise ni une téléconsultation filmée avec l'accord de chaque fois, ni des caméras des seuls espaces communs (<cas>)
    Étant donné la réponse à "scope.buyer" est "medico_social"
    Et la réponse à "scope.public_law" est "no"
    Et la réponse à "scope.use" est "<usage>"
    Et la réponse à "scope.patient_data" est "[identifiable, video]"
    Et la réponse à "scope.deployment" est "on_premises"
    Et la réponse à "transparency.image_consent" est "<réponse>"
    Quand l'évaluation est calculée
    Alors il n'y a pas de constat sur "transparency.care_home_room_camera"
    Et il n'y a pas de KO sur "transparency.image_consent"

    Exemples:
      | cas                                   | usage                    | réponse            |
      | téléconsultation, accord chaque fois  | [clinical_documentation] | informed_each_time |
      | caméras des espaces communs           | [safety_alerts]          | public_areas_only  |

  Scénario: en EHPAD, des capteurs radar sans image : ni question sur les images, ni constat, ni KO
    Étant donné la réponse à "scope.buyer" est "medico_social"
    Et la réponse à "scope.public_law" est "no"
    Et la réponse à "scope.use" est "[safety_alerts]"
    Et la réponse à "scope.patient_data" est "[identifiable]"
    Et la réponse à "scope.deployment" est "on_premises"
    Quand l'évaluation est calculée
    Alors la question "transparency.image_consent" n'est pas posée
    Et il n'y a pas de constat sur "transparency.care_home_room_camera"
    Et il n'y a aucun KO

  Scénario: un chatbot qui ne dit pas qu'il est une IA est un KO depuis le 2 août 2026
    Étant donné la réponse à "scope.use" est "[patient_facing]"
    Et la réponse à "scope.audience" est "patients"
    Et la réponse à "transparency.ai_disclosure" est "not_disclosed"
    Et la date de l'évaluation est "2026-08-02"
    Quand l'évaluation est calculée
    Alors il y a un KO sur "transparency.ai_disclosure=not_disclosed"
    Et le verdict est "reject"

  Scénario: à la date de référence du jeu de règles, le même chatbot est rejeté
    Étant donné la réponse à "scope.use" est "[patient_facing]"
    Et la réponse à "transparency.ai_disclosure" est "not_disclosed"
    Quand l'évaluation est calculée
    Alors il y a un KO sur "transparency.ai_disclosure=not_disclosed"

  Scénario: la veille de l'entrée en application de l'article 50, c'est un constat élevé
    Étant donné la réponse à "scope.use" est "[patient_facing]"
    Et la réponse à "transparency.ai_disclosure" est "not_disclosed"
    Et la date de l'évaluation est "2026-08-01"
    Quand l'évaluation est calculée
    Alors il n'y a aucun KO
    Et le constat sur "transparency.ai_disclosure" a la sévérité "high"

  Plan du scénario: un outil génératif qui classe ou envoie ses documents sans relecture est un KO en usage clinique (<usage>)
    Étant donné la réponse à "scope.generative" est "yes"
    Et la réponse à "scope.use" est "<usage>"
    Et la réponse à "reliability.hallucination_safeguards" est "automatic_release"
    Quand l'évaluation est calculée
    Alors il y a un KO sur "reliability.hallucination_safeguards=automatic_release"
    Et le verdict est "reject"

    Exemples:
      | usage                    |
      | [clinical_documentation] |
      | [general_assistant]      |

  Scénario: le même outil pour des rendez-vous, sans données médicales : constat élevé, pas de KO
    Étant donné la réponse à "scope.generative" est "yes"
    Et la réponse à "scope.use" est "[appointments]"
    Et la réponse à "scope.patient_data" est "[appointment]"
    Et la réponse à "reliability.hallucination_safeguards" est "automatic_release"
    Quand l'évaluation est calculée
    Alors il n'y a aucun KO
    Et le constat sur "reliability.hallucination_safeguards" a la sévérité "high"

  Scénario: un assistant général sans données patients n'est pas un usage clinique
    Étant donné la réponse à "scope.generative" est "yes"
    Et la réponse à "scope.use" est "[general_assistant]"
    Et la réponse à "scope.patient_data" est "[none]"
    Et la réponse à "reliability.hallucination_safeguards" est "automatic_release"
    Quand l'évaluation est calculée
    Alors il n'y a aucun KO
    Et la question "regulatory.medical_device" n'est pas posée

  Plan du scénario: un dispositif médical qui apprend en continu sans plan de changement est un KO (<usage>)
    Étant donné la réponse à "scope.use" est "<usage>"
    Et la réponse à "reliability.change_control" est "uncontrolled_learning"
    Quand l'évaluation est calculée
    Alors il y a un KO sur "reliability.change_control=uncontrolled_learning"

    Exemples:
      | usage                 |
      | [decision_support]    |
      | [diagnostic_analysis] |

  Scénario: sans finalité médicale, l'apprentissage continu est un constat élevé
    Étant donné la réponse à "reliability.change_control" est "uncontrolled_learning"
    Quand l'évaluation est calculée
    Alors il n'y a aucun KO
    Et le constat sur "reliability.change_control" a la sévérité "high"

  Plan du scénario: une décision entièrement automatisée en usage clinique est un KO (<usage>)
    Étant donné la réponse à "scope.use" est "<usage>"
    Et la réponse à "oversight.human_decision" est "automated"
    Quand l'évaluation est calculée
    Alors il y a un KO sur "oversight.human_decision=automated"
    Et le verdict est "reject"

    Exemples:
      | usage                    |
      | [clinical_documentation] |
      | [triage]                 |

  Scénario: une aide à la décision clinique sans aucune donnée personnelle qui décide seule reste un KO (l'usage clinique suffit)
    Étant donné la réponse à "scope.use" est "[decision_support]"
    Et la réponse à "scope.patient_data" est "[none]"
    Et la réponse à "oversight.human_decision" est "automated"
    Quand l'évaluation est calculée
    Alors il y a un KO sur "oversight.human_decision=automated"
    Et le verdict est "reject"

  Scénario: une décision automatisée sur des données patients est un KO, même administrative
    Étant donné la réponse à "scope.use" est "[administrative]"
    Et la réponse à "oversight.human_decision" est "automated"
    Quand l'évaluation est calculée
    Alors il y a un KO sur "oversight.human_decision=automated"
    Et le verdict est "reject"

  Scénario: réserver seul le créneau demandé par le patient n'est pas un KO
    Étant donné la réponse à "scope.use" est "[appointments]"
    Et la réponse à "scope.patient_data" est "[appointment]"
    Et la réponse à "scope.audience" est "patients"
    Et la réponse à "oversight.human_decision" est "automated_administrative"
    Quand l'évaluation est calculée
    Alors il n'y a pas de KO sur "oversight.human_decision"
    Et le constat sur "oversight.human_decision" a la sévérité "low"

  Scénario: refuser ou prioriser seul des rendez-vous de patients est un KO
    Étant donné la réponse à "scope.use" est "[appointments]"
    Et la réponse à "scope.patient_data" est "[appointment]"
    Et la réponse à "scope.audience" est "patients"
    Et la réponse à "oversight.human_decision" est "automated"
    Quand l'évaluation est calculée
    Alors il y a un KO sur "oversight.human_decision=automated"

  Scénario: une automatisation administrative sans données patients est un constat élevé
    Étant donné la réponse à "scope.use" est "[administrative]"
    Et la réponse à "scope.patient_data" est "[none]"
    Et la réponse à "scope.audience" est "patients"
    Et la réponse à "oversight.human_decision" est "automated"
    Quand l'évaluation est calculée
    Alors il n'y a aucun KO
    Et le constat sur "oversight.human_decision" a la sévérité "high"

  Plan du scénario: orienter ou trier des patients sans détecter les signes de gravité est un KO (<usage>)
    Étant donné la réponse à "scope.use" est "<usage>"
    Et la réponse à "scope.audience" est "patients"
    Et la réponse à "oversight.safety_netting" est "none"
    Quand l'évaluation est calculée
    Alors il y a un KO sur "oversight.safety_netting=none"
    Et le verdict est "reject"

    Exemples:
      | usage            |
      | [patient_facing] |
      | [triage]         |

  Plan du scénario: un agent d'information ou de rendez-vous sans cette détection : constat critique, pas de KO (<usage>)
    Étant donné la réponse à "scope.use" est "<usage>"
    Et la réponse à "scope.patient_data" est "<données>"
    Et la réponse à "scope.audience" est "patients"
    Et la réponse à "oversight.safety_netting" est "none"
    Quand l'évaluation est calculée
    Alors il n'y a pas de KO sur "oversight.safety_netting"
    Et le constat sur "oversight.safety_netting" a la sévérité "critical"

    Exemples:
      | usage                 | données       |
      | [patient_information] | [none]        |
      | [appointments]        | [appointment] |

  Scénario: une détection des signes de gravité partielle est un constat moyen
    Étant donné la réponse à "scope.audience" est "professionals_and_patients"
    Et la réponse à "oversight.safety_netting" est "partial"
    Quand l'évaluation est calculée
    Alors il n'y a aucun KO
    Et le constat sur "oversight.safety_netting" a la sévérité "medium"

  Scénario: le rapport en français rappelle l'obligation d'informer les patients
    Étant donné la réponse à "scope.use" est "[decision_support]"
    Et la réponse à "transparency.patient_information" est "no"
    Alors le rapport en "fr" mentionne "L.4001-3"

  Scénario: une finalité médicale sur des images anonymisées impose quand même d'informer (L.4001-3)
    Étant donné la réponse à "scope.use" est "[diagnostic_analysis]"
    Et la réponse à "scope.patient_data" est "[anonymised]"
    Et la réponse à "transparency.patient_information" est "no"
    Quand l'évaluation est calculée
    Alors il y a un KO sur "transparency.patient_information=no"

  Scénario: un triage automatisé est un KO même sans données identifiantes
    Étant donné la réponse à "scope.use" est "[triage]"
    Et la réponse à "scope.patient_data" est "[anonymised]"
    Et la réponse à "oversight.human_decision" est "automated"
    Quand l'évaluation est calculée
    Alors il y a un KO sur "oversight.human_decision=automated"

  Scénario: les réponses en direct d'un agent d'information, bornées à une base validée, ne sont pas un KO
    Étant donné la réponse à "scope.use" est "[patient_information]"
    Et la réponse à "scope.patient_data" est "[none]"
    Et la réponse à "scope.audience" est "patients"
    Et la réponse à "scope.generative" est "yes"
    Et la réponse à "reliability.hallucination_safeguards" est "live_answers_bounded"
    Quand l'évaluation est calculée
    Alors il n'y a aucun KO
    Et le constat sur "reliability.hallucination_safeguards" a la sévérité "low"

  Scénario: une traduction en direct, vérifiée par reformulation et relayée par un interprète pour le consentement, est un constat moyen, pas un KO
    Étant donné la réponse à "scope.use" est "[general_assistant]"
    Et la réponse à "scope.patient_data" est "[audio]"
    Et la réponse à "scope.audience" est "professionals_and_patients"
    Et la réponse à "scope.generative" est "yes"
    Et la réponse à "reliability.hallucination_safeguards" est "live_translation_checked"
    Quand l'évaluation est calculée
    Alors il n'y a pas de KO sur "reliability.hallucination_safeguards"
    Et le constat sur "reliability.hallucination_safeguards" a la sévérité "medium"

  Scénario: la traduction écrite d'une lettre de liaison relue et signée, remise avec l'original qui fait foi, est un constat moyen, pas un KO
    Étant donné la réponse à "scope.use" est "[clinical_documentation, general_assistant]"
    Et la réponse à "scope.audience" est "professionals_and_patients"
    Et la réponse à "scope.generative" est "yes"
    Et la réponse à "reliability.hallucination_safeguards" est "live_translation_checked"
    Quand l'évaluation est calculée
    Alors il n'y a aucun KO
    Et le constat sur "reliability.hallucination_safeguards" a la sévérité "medium"
    Et il n'y a pas de constat sur "oversight.validation_contradiction"
    Et le verdict n'est pas "reject"

  Scénario: un résumé en langage simple, rédigé par l'IA et déposé sans relecture sur le portail patient, reste un KO
    Étant donné la réponse à "scope.use" est "[clinical_documentation, general_assistant]"
    Et la réponse à "scope.audience" est "professionals_and_patients"
    Et la réponse à "scope.generative" est "yes"
    Et la réponse à "reliability.hallucination_safeguards" est "automatic_release"
    Quand l'évaluation est calculée
    Alors il y a un KO sur "reliability.hallucination_safeguards=automatic_release"
    Et le verdict est "reject"

  Scénario: un outil administratif qui verse sans relecture des documents sur des données de santé est un KO
    Étant donné la réponse à "scope.generative" est "yes"
    Et la réponse à "scope.use" est "[administrative]"
    Et la réponse à "reliability.hallucination_safeguards" est "automatic_release"
    Quand l'évaluation est calculée
    Alors il y a un KO sur "reliability.hallucination_safeguards=automatic_release"

  Plan du scénario: un outil qui écrit aux coordonnées du dossier, sans contact confidentiel, là où des mineurs gardent leurs soins secrets, est un KO (<cas>)
    Étant donné la réponse à "scope.buyer" est "practice"
    Et la réponse à "scope.public_law" est "yes"
    Et la réponse à "scope.use" est "<usage>"
    Et la réponse à "scope.patient_data" est "[appointment]"
    Et la réponse à "scope.audience" est "<destinataires>"
    Et la réponse à "participation.patient_rights" est "no_confidential_contact"
    Quand l'évaluation est calculée
    Alors il y a un KO sur "participation.patient_rights=no_confidential_contact"
    Et le verdict est "reject"

    Exemples:
      | cas                                                         | usage                 | destinataires        |
      | agent vocal de rappel d'un centre de santé sexuelle         | [appointments]        | patients             |
      | SMS de rappel envoyés depuis l'outil du secrétariat         | [appointments]        | administrative_staff |
      | messages de préparation à une consultation de contraception | [patient_information] | patients             |

  Plan du scénario: le même agent de rappel, là où les patients peuvent garder leurs soins secrets ou ne le demandent pas, n'est pas un KO (<cas>)
    Étant donné la réponse à "scope.buyer" est "<acheteur>"
    Et la réponse à "scope.use" est "[appointments]"
    Et la réponse à "scope.patient_data" est "[appointment]"
    Et la réponse à "scope.audience" est "patients"
    Et la réponse à "participation.patient_rights" est "simple"
    Quand l'évaluation est calculée
    Alors il n'y a aucun KO
    Et il n'y a aucun KO en attente de preuves
    Et le verdict est "accept"

    Exemples:
      | cas                                                                      | acheteur       |
      | clinique pour adultes, rappels au numéro du patient                      | private_clinic |
      | centre de santé sexuelle dont l'outil enregistre un contact confidentiel | practice       |

  Scénario: un agent de rappel dont on ignore s'il permet un contact confidentiel attend la réponse
    Étant donné la réponse à "scope.buyer" est "private_clinic"
    Et la réponse à "scope.use" est "[appointments]"
    Et la réponse à "scope.patient_data" est "[appointment]"
    Et la réponse à "scope.audience" est "patients"
    Et la réponse à "participation.patient_rights" est "unknown"
    Quand l'évaluation est calculée
    Alors il y a un KO en attente de preuves sur "participation.patient_rights=no_confidential_contact"
    Et le verdict est "pending_evidence"

  Plan du scénario: un outil qui n'écrit à aucun patient n'est pas tenu par cette réponse, ni retenu quand elle est inconnue (<réponse>)
    Étant donné la réponse à "scope.use" est "[diagnostic_analysis]"
    Et la réponse à "scope.patient_data" est "[images]"
    Et la réponse à "participation.patient_rights" est "<réponse>"
    Quand l'évaluation est calculée
    Alors il n'y a pas de KO sur "participation.patient_rights"
    Et il n'y a pas de KO en attente de preuves sur "participation.patient_rights"

    Exemples:
      | réponse                 |
      | no_confidential_contact |
      | unknown                 |

  Règle: une boucle fermée d'administration d'insuline, dont l'automatisation est la destination certifiée
    Le dispositif ajuste seul le débit d'insuline : c'est ce que l'organisme notifié a certifié
    (classe III, MDR annexe VIII, règle 22). Le médecin décide en le prescrivant et en réglant
    ses paramètres (CSP, art. R.4127-69) ; le contrôle humain du règlement IA tient à la
    conception (arrêt, mode manuel, art. 14(4)). Sans marquage CE pour cette destination, c'est
    une décision automatisée comme une autre.

    Contexte:
      Étant donné un outil dont les réponses sont :
        | question           | réponse                              |
        | scope.use          | [remote_monitoring, decision_support] |
        | scope.audience     | professionals_and_patients           |

    Plan du scénario: une automatisation certifiée CE, classe cohérente : risque moyen, pas de KO (<classe>)
      Étant donné la réponse à "regulatory.medical_device" est "ce_marked"
      Et la preuve pour "regulatory.medical_device" est "verified"
      Et la réponse à "regulatory.device_class" est "<classe>"
      Et la réponse à "oversight.human_decision" est "certified_automation"
      Quand l'évaluation est calculée
      Alors il n'y a pas de KO sur "oversight.human_decision"
      Et il n'y a aucun KO en attente de preuves
      Et le constat sur "oversight.human_decision" a la sévérité "medium"
      Et il n'y a pas de constat sur "oversight.certified_automation_contradicts_scope"
      Et le verdict n'est pas "reject"

      Exemples:
        | classe     |
        | consistent |
        | legacy_mdd |

    Scénario: la boucle fermée certifiée, toutes les autres réponses au mieux : acceptée
      Étant donné la réponse à "oversight.human_decision" est "certified_automation"
      Quand l'évaluation est calculée
      Alors le verdict est "accept"

    Plan du scénario: une automatisation que ne couvre aucun marquage CE pour cette classe est un KO (<statut>, <classe>)
      Étant donné la réponse à "regulatory.medical_device" est "<statut>"
      Et la preuve pour "regulatory.medical_device" est "verified"
      Et la réponse à "regulatory.device_class" est "<classe>"
      Et la réponse à "oversight.human_decision" est "certified_automation"
      Quand l'évaluation est calculée
      Alors il y a un KO sur "oversight.human_decision=certified_automation"
      Et le verdict est "reject"

      Exemples:
        | statut                 | classe           |
        | not_ce_marked          | no_conformity    |
        | in_house               | no_certificate   |
        | clinical_investigation | no_certificate   |
        | ce_marked              | under_classified |
        | ce_marked              | no_certificate   |

    Scénario: une classe cohérente mais un marquage CE non établi : le KO reste en attente
      Étant donné la réponse à "regulatory.medical_device" est "unknown"
      Et la réponse à "regulatory.device_class" est "consistent"
      Et la réponse à "oversight.human_decision" est "certified_automation"
      Quand l'évaluation est calculée
      Alors il y a un KO en attente de preuves sur "oversight.human_decision=certified_automation"

    Scénario: la même boucle déclarée « automatisée » est rejetée, et la réponse « automatisation certifiée » n'est jamais proposée
      Étant donné la réponse à "regulatory.medical_device" est "ce_marked"
      Et la preuve pour "regulatory.medical_device" est "verified"
      Et la réponse à "regulatory.device_class" est "consistent"
      Et la réponse à "oversight.human_decision" est "automated"
      Quand l'évaluation est calculée
      Alors il y a un KO sur "oversight.human_decision=automated"
      Et ce qui changerait le résultat ne propose pas "oversight.human_decision=certified_automation"

    Scénario: un assistant de consultation marqué CE ne peut se dire « automatisation certifiée » : la réponse compte comme inconnue
      Étant donné la réponse à "scope.use" est "[clinical_documentation]"
      Et la réponse à "regulatory.medical_device" est "ce_marked"
      Et la preuve pour "regulatory.medical_device" est "verified"
      Et la réponse à "regulatory.device_class" est "consistent"
      Et la réponse à "oversight.human_decision" est "certified_automation"
      Quand l'évaluation est calculée
      Alors la réponse à "oversight.human_decision" contredit le périmètre
      Et il y a un KO en attente de preuves sur "oversight.human_decision=automated"
      Et le constat sur "oversight.certified_automation_contradicts_scope" a la sévérité "high"

    Plan du scénario: la même boucle déclarée aussi pour <décision> n'est plus couverte par son automatisation certifiée : KO
      # L'automatisation certifiée est celle d'un dispositif thérapeutique en boucle fermée
      # (MDR, annexe VIII, règle 22). Un diagnostic, un tri, une prescription, une priorisation
      # ou l'orientation d'un patient décidés seuls exigent un consentement explicite ou un
      # motif d'intérêt public important prévu par la loi (RGPD, art. 22(4) avec 9(2) a) ou g)),
      # et le diagnostic reste un acte médical (CSP, art. L.4161-1, R.4127-69).
      Étant donné la réponse à "scope.use" est "<usage>"
      Et la réponse à "regulatory.medical_device" est "ce_marked"
      Et la preuve pour "regulatory.medical_device" est "verified"
      Et la réponse à "regulatory.device_class" est "consistent"
      Et la réponse à "oversight.human_decision" est "certified_automation"
      Quand l'évaluation est calculée
      Alors il y a un KO sur "oversight.human_decision=certified_automation"
      Et il n'y a pas de constat sur "oversight.certified_automation_contradicts_scope"
      Et le verdict est "reject"

      Exemples:
        | décision                        | usage                                                       |
        | le tri aux urgences             | [remote_monitoring, decision_support, triage]               |
        | le diagnostic                   | [remote_monitoring, decision_support, diagnostic_analysis]  |
        | la prescription                 | [remote_monitoring, decision_support, prescription]         |
        | la priorisation de l'accès      | [remote_monitoring, decision_support, access_prioritisation] |
        | l'orientation des patients      | [remote_monitoring, decision_support, patient_facing]       |

    Plan du scénario: la boucle sous un ancien certificat (directive 93/42/CEE) garde son exemption jusqu'à la fin de la transition de la classe III (<date retenue>)
      Étant donné la réponse à "regulatory.medical_device" est "ce_marked"
      Et la preuve pour "regulatory.medical_device" est "verified"
      Et la réponse à "regulatory.device_class" est "<classe>"
      Et la réponse à "oversight.human_decision" est "certified_automation"
      Et la date de l'évaluation est "<date retenue>"
      Quand l'évaluation est calculée
      Alors <résultat>

      Exemples:
        | classe     | date retenue | résultat                                                          |
        | legacy_mdd | 2027-12-31   | il n'y a pas de KO sur "oversight.human_decision"                  |
        | legacy_mdd | 2028-01-01   | il y a un KO sur "oversight.human_decision=certified_automation"   |
        | legacy_mdd | 2029-06-01   | il y a un KO sur "oversight.human_decision=certified_automation"   |
        | consistent | 2029-06-01   | il n'y a pas de KO sur "oversight.human_decision"                  |

    Scénario: évaluée en 2027 sous un ancien certificat, mais mise en service en 2028 : KO
      Étant donné la réponse à "regulatory.medical_device" est "ce_marked"
      Et la preuve pour "regulatory.medical_device" est "verified"
      Et la réponse à "regulatory.device_class" est "legacy_mdd"
      Et la réponse à "oversight.human_decision" est "certified_automation"
      Et la date de l'évaluation est "2027-06-01"
      Et la date de mise en service est "2028-03-01"
      Quand l'évaluation est calculée
      Alors il y a un KO sur "oversight.human_decision=certified_automation"
      Et le verdict est "reject"

    Plan du scénario: une boucle fermée sans formation du patient ni de l'équipe est un constat moyen (<formation>)
      Étant donné la réponse à "regulatory.medical_device" est "ce_marked"
      Et la preuve pour "regulatory.medical_device" est "verified"
      Et la réponse à "regulatory.device_class" est "consistent"
      Et la réponse à "oversight.human_decision" est "certified_automation"
      Et la réponse à "training.user_training" est "<formation>"
      Quand l'évaluation est calculée
      Alors <constat>
      Et il n'y a pas de KO sur "oversight.human_decision"

      Exemples:
        | formation | constat                                                                    |
        | none      | le constat sur "training.oversight_without_training" a la sévérité "medium" |
        | included  | il n'y a pas de constat sur "training.oversight_without_training"          |

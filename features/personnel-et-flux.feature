# language: fr
Fonctionnalité: Le personnel, les flux de données et l'appel à un modèle tiers
  Le personnel est aussi une personne concernée : une consultation enregistrée l'est avec la
  voix du soignant (Code du travail, art. L.1222-4 ; RGPD, art. 13). Des données de santé ne
  sortent jamais en clair du réseau de l'établissement (RGPD, art. 32 ; Code pénal,
  art. 226-17) ; en clair sur son seul réseau interne, c'est un risque critique à traiter,
  pas un blocage (le RGPD proportionne les mesures au risque). Avant d'appeler un
  modèle tiers, on ne lui envoie que le nécessaire (RGPD, art. 5(1)(c) et 25).

  Contexte:
    Étant donné le jeu de règles "rules/health-ai"
    Et un outil dont les réponses sont :
      | question           | réponse                  |
      | scope.buyer        | public_hospital          |
      | scope.use          | [clinical_documentation] |
      | scope.patient_data | [identifiable, audio]    |
      | scope.deployment   | vendor_saas              |
      | scope.audience     | professionals            |
      | scope.generative   | yes                      |
    Et toutes les autres questions ont leur meilleure réponse

  Scénario: enregistrer la voix des soignants sans les en informer est un KO
    Étant donné la réponse à "transparency.staff_information" est "no"
    Quand l'évaluation est calculée
    Alors il y a un KO sur "transparency.staff_information=no"
    Et le verdict est "reject"

  Scénario: des soignants informés mais des instances représentatives non consultées : risque élevé, pas de KO
    Étant donné la réponse à "transparency.staff_information" est "informed_only"
    Quand l'évaluation est calculée
    Alors il n'y a pas de KO sur "transparency.staff_information"
    Et le constat sur "transparency.staff_information" a la sévérité "high"
    Et le verdict est "conditional"

  Scénario: un agent vocal de prise de rendez-vous où seuls des patients parlent à l'outil : pas de KO
    Étant donné la réponse à "scope.use" est "[appointments]"
    Et la réponse à "scope.patient_data" est "[appointment, audio]"
    Et la réponse à "scope.audience" est "patients"
    Et la réponse à "transparency.staff_information" est "no_professional_recorded"
    Quand l'évaluation est calculée
    Alors il n'y a pas de KO sur "transparency.staff_information"
    Et il n'y a pas de constat sur "transparency.no_professional_claim_contradicts_scope"
    Et la réponse à "transparency.staff_information" vaut 0 points de "risk"
    Et la réponse à "transparency.staff_information" vaut 1 points de "mitigation"

  Plan du scénario: « aucun professionnel enregistré » contredit le périmètre : le KO reste en attente (<cas>)
    Étant donné la réponse à "scope.use" est "<usage>"
    Et la réponse à "scope.patient_data" est "<données>"
    Et la réponse à "transparency.staff_information" est "no_professional_recorded"
    Quand l'évaluation est calculée
    Alors il y a un KO en attente de preuves sur "transparency.staff_information=no"
    Et le constat sur "transparency.no_professional_claim_contradicts_scope" a la sévérité "high"
    Et le verdict est "pending_evidence"

    Exemples:
      | cas                                  | usage                    | données                  |
      | une consultation enregistrée         | [clinical_documentation] | [identifiable, audio]    |
      | une caméra à l'accueil               | [appointments]           | [appointment, video]     |
      | l'activité des agents suivie         | [administrative]         | [staff]                  |
      | un appel d'urgence enregistré        | [triage]                 | [identifiable, audio]    |

  Scénario: un assistant vocal utilisé par les professionnels ne peut se dire « sans professionnel enregistré »
    Étant donné la réponse à "scope.use" est "[general_assistant]"
    Et la réponse à "scope.patient_data" est "[identifiable, audio]"
    Et la réponse à "scope.audience" est "professionals"
    Et la réponse à "transparency.staff_information" est "no_professional_recorded"
    Quand l'évaluation est calculée
    Alors il y a un KO en attente de preuves sur "transparency.staff_information=no"
    Et le constat sur "transparency.no_professional_claim_contradicts_scope" a la sévérité "high"

  Scénario: un planning qui décide des tâches des agents selon leur comportement ne peut se dire « sans professionnel enregistré »
    Étant donné la réponse à "scope.use" est "[administrative]"
    Et la réponse à "scope.patient_data" est "[staff_accounts]"
    Et la réponse à "scope.workforce_decisions" est "yes"
    Et la réponse à "transparency.staff_information" est "no_professional_recorded"
    Quand l'évaluation est calculée
    Alors il y a un KO en attente de preuves sur "transparency.staff_information=no"
    Et le constat sur "transparency.no_professional_claim_contradicts_scope" a la sévérité "high"

  Scénario: un outil qui n'a que les comptes d'accès du personnel ne pose pas la question
    Étant donné la réponse à "scope.patient_data" est "[identifiable, staff_accounts]"
    Alors la question "transparency.staff_information" n'est pas posée

  Scénario: suivre l'activité des professionnels sans les informer est un KO, même sans enregistrement
    Étant donné la réponse à "scope.patient_data" est "[identifiable, staff]"
    Et la réponse à "transparency.staff_information" est "no"
    Quand l'évaluation est calculée
    Alors il y a un KO sur "transparency.staff_information=no"

  Plan du scénario: des données de santé qui circulent en clair sont un KO (<données>)
    Étant donné la réponse à "scope.patient_data" est "<données>"
    Et la réponse à "security.encryption_in_transit" est "none"
    Quand l'évaluation est calculée
    Alors il y a un KO sur "security.encryption_in_transit=none"
    Et le verdict est "reject"

    Exemples:
      | données        |
      | [identifiable] |
      | [appointment]  |

  Plan du scénario: des données de santé en clair, selon qu'elles sortent ou non du réseau de l'établissement (<déploiement>, accès du fournisseur <accès>)
    Étant donné la réponse à "scope.use" est "[diagnostic_analysis]"
    Et la réponse à "scope.patient_data" est "[images]"
    Et la réponse à "scope.deployment" est "<déploiement>"
    Et la réponse à "scope.vendor_access" est "<accès>"
    Et la réponse à "security.encryption_in_transit" est "none"
    Quand l'évaluation est calculée
    Alors <résultat>

    Exemples:
      | déploiement       | accès          | résultat                                                    |
      | on_premises       | none           | il n'y a pas de KO sur "security.encryption_in_transit"     |
      | on_premises       | maintenance    | il y a un KO sur "security.encryption_in_transit=none"      |
      | on_premises       | administration | il y a un KO sur "security.encryption_in_transit=none"      |
      | buyer_tenancy_hds | none           | il y a un KO sur "security.encryption_in_transit=none"      |

  Plan du scénario: des données qui viennent de l'extérieur passent hors du réseau de l'établissement, même installé chez lui (<usage>)
    Étant donné la réponse à "scope.use" est "[<usage>]"
    Et la réponse à "scope.patient_data" est "[identifiable]"
    Et la réponse à "scope.deployment" est "on_premises"
    Et la réponse à "scope.vendor_access" est "none"
    Et la réponse à "security.encryption_in_transit" est "none"
    Quand l'évaluation est calculée
    Alors il y a un KO sur "security.encryption_in_transit=none"
    Et le verdict est "reject"

    Exemples:
      | usage             |
      | remote_monitoring |
      | patient_facing    |

  Scénario: une imagerie sur l'infrastructure de l'établissement, sans accès du fournisseur, en clair sur le réseau interne : risque critique, pas de KO
    Étant donné la réponse à "scope.use" est "[diagnostic_analysis]"
    Et la réponse à "scope.patient_data" est "[images]"
    Et la réponse à "scope.deployment" est "on_premises"
    Et la réponse à "scope.vendor_access" est "none"
    Et la réponse à "security.encryption_in_transit" est "none"
    Quand l'évaluation est calculée
    Alors le constat sur "security.encryption_in_transit" a la sévérité "critical"
    Et le verdict n'est pas "reject"

  Scénario: des liens internes non chiffrés seulement : risque élevé, pas de KO
    Étant donné la réponse à "security.encryption_in_transit" est "partial"
    Quand l'évaluation est calculée
    Alors il n'y a pas de KO sur "security.encryption_in_transit"
    Et le constat sur "security.encryption_in_transit" a la sévérité "high"

  Scénario: des comptes d'accès du personnel seulement, en clair : risque critique, pas de KO
    Étant donné la réponse à "scope.use" est "[administrative]"
    Et la réponse à "scope.patient_data" est "[staff_accounts]"
    Et la réponse à "security.encryption_in_transit" est "none"
    Quand l'évaluation est calculée
    Alors il n'y a pas de KO sur "security.encryption_in_transit"
    Et le constat sur "security.encryption_in_transit" a la sévérité "critical"

  Plan du scénario: avant un modèle tiers, envoyer des dossiers entiers est un risque élevé (<réponse>)
    Étant donné la réponse à "scope.deployment" est "vendor_saas_third_party_model"
    Et la réponse à "security.minimisation_before_model" est "<réponse>"
    Quand l'évaluation est calculée
    Alors le constat sur "security.minimisation_before_model" a la sévérité "<gravité>"
    Et il n'y a pas de KO sur "security.minimisation_before_model"

    Exemples:
      | réponse        | gravité |
      | minimised_only | medium  |
      | full_records   | high    |

  Scénario: des entretiens vidéo de recrutement, sans analyse des émotions, ne sont pas des données de santé : accepté
    Étant donné la réponse à "scope.buyer" est "private_clinic"
    Et la réponse à "scope.public_service" est "no"
    Et la réponse à "scope.use" est "[administrative]"
    Et la réponse à "scope.patient_data" est "[staff]"
    Et la réponse à "scope.workforce_decisions" est "yes"
    Et la réponse à "scope.audience" est "administrative_staff"
    Et la réponse à "scope.generative" est "no"
    Et la réponse à "regulatory.emotion_recognition" est "none"
    Et la réponse à "regulatory.ai_act_class" est "high_risk_annex_iii"
    Quand l'évaluation est calculée
    Alors la question "hosting.hds_certified" n'est pas posée
    Et la question "regulatory.legal_basis" n'est pas posée
    Et la question "transparency.image_consent" n'est pas posée
    Et la question "transparency.staff_information" est posée
    Et il n'y a aucun KO
    Et il n'y a aucun KO en attente de preuves
    Et le verdict est "accept"

  Scénario: les mêmes entretiens vidéo notés sur l'« enthousiasme » ou le stress des candidats : rejeté
    Étant donné la réponse à "scope.buyer" est "private_clinic"
    Et la réponse à "scope.public_service" est "no"
    Et la réponse à "scope.use" est "[administrative]"
    Et la réponse à "scope.patient_data" est "[staff]"
    Et la réponse à "scope.workforce_decisions" est "yes"
    Et la réponse à "scope.audience" est "administrative_staff"
    Et la réponse à "scope.generative" est "no"
    Et la réponse à "regulatory.emotion_recognition" est "staff_workplace"
    Quand l'évaluation est calculée
    Alors il y a un KO sur "regulatory.emotion_recognition=staff_workplace"
    Et le verdict est "reject"

  Règle: un logiciel de recrutement qui note les candidatures d'infirmiers, dans une clinique privée
    Un candidat est informé des méthodes et techniques de recrutement employées à son égard
    (Code du travail, art. L.1221-8 et L.1221-9), et une candidature écartée sur un score sans
    regard humain est la décision exclusivement automatisée que vise l'article 22 du RGPD
    (considérant 71 : le recrutement en ligne sans aucune intervention humaine). Le recrutement
    est un usage à haut risque (règlement IA, annexe III, point 4 ; art. 14, 26(2) et 26(11)).

    Contexte:
      Étant donné un outil dont les réponses sont :
        | question                  | réponse              |
        | scope.buyer               | private_clinic       |
        | scope.public_service      | no                   |
        | scope.use                 | [administrative]     |
        | scope.patient_data        | [staff]              |
        | scope.workforce_decisions | yes                  |
        | scope.audience            | administrative_staff |
        | scope.generative          | no                   |

    Scénario: écarter seul les candidatures sous un seuil, sans dire aux candidats qu'une IA les note : rejeté
      Étant donné la réponse à "oversight.human_decision" est "automated"
      Et la réponse à "transparency.staff_information" est "ai_scoring_not_told"
      Quand l'évaluation est calculée
      Alors il y a un KO sur "oversight.human_decision=automated"
      Et il y a un KO sur "transparency.staff_information=ai_scoring_not_told"
      Et le verdict est "reject"

    Scénario: écarter seul une candidature, même annoncé aux candidats, est un KO
      Étant donné la réponse à "oversight.human_decision" est "automated"
      Quand l'évaluation est calculée
      Alors il y a un KO sur "oversight.human_decision=automated"
      Et il n'y a pas de KO sur "transparency.staff_information"

    Scénario: des candidats à qui l'on ne dit pas qu'une IA les note et les classe : KO, même si un recruteur décide
      Étant donné la réponse à "transparency.staff_information" est "ai_scoring_not_told"
      Quand l'évaluation est calculée
      Alors il y a un KO sur "transparency.staff_information=ai_scoring_not_told"
      Et il n'y a pas de KO sur "oversight.human_decision"

    Scénario: l'IA classe, un recruteur lit chaque candidature et décide, les candidats sont avertis : accepté
      Étant donné la réponse à "oversight.human_decision" est "always"
      Et la réponse à "transparency.staff_information" est "informed_and_consulted"
      Quand l'évaluation est calculée
      Alors il n'y a pas de KO sur "oversight.human_decision"
      Et il n'y a pas de KO sur "transparency.staff_information"
      Et le verdict est "accept"

    Scénario: pour un candidat, la question demande la validation d'un recruteur ou d'un encadrant habilité, et cite les voies d'exception à vérifier
      Étant donné la réponse à "oversight.human_decision" est "automated"
      Quand l'évaluation est calculée
      Alors il y a un KO sur "oversight.human_decision=automated"
      Et le rapport en "fr" mentionne "recruteur ou encadrant habilité"
      Et le rapport en "en" mentionne "an authorised recruiter or manager"
      Et le rapport en "fr" mentionne "décision n° 2018-765 DC"
      Et le rapport en "fr" mentionne "Code des relations entre le public et l'administration"

    Scénario: un accusé de réception ou la proposition d'un créneau d'entretien envoyés seuls ne sont pas un KO
      Étant donné la réponse à "oversight.human_decision" est "automated_administrative"
      Quand l'évaluation est calculée
      Alors il n'y a pas de KO sur "oversight.human_decision"
      Et le constat sur "oversight.human_decision" a la sévérité "low"

    Plan du scénario: la décision humaine est demandée dès que l'outil décide au sujet du personnel (<décisions>)
      Étant donné la réponse à "scope.workforce_decisions" est "<décisions>"
      Alors la question "oversight.human_decision" <état>

      Exemples:
        | décisions | état            |
        | yes       | est posée       |
        | no        | n'est pas posée |

    Scénario: un logiciel de recrutement ne peut se dire « automatisation certifiée » : la réponse compte comme inconnue
      Étant donné la réponse à "oversight.human_decision" est "certified_automation"
      Quand l'évaluation est calculée
      Alors la réponse à "oversight.human_decision" contredit le périmètre
      Et il y a un KO en attente de preuves sur "oversight.human_decision=automated"
      Et le constat sur "oversight.certified_automation_contradicts_scope" a la sévérité "high"

  Règle: un logiciel de recrutement coché « aucune donnée personnelle » traite quand même les données des candidats
    Un CV, une lettre de motivation, une note ou un classement identifient le candidat (RGPD,
    art. 4(1)) : un outil qui recrute, évalue ou surveille le personnel traite des données
    personnelles quelle que soit la case cochée, et le contrat de sous-traitance (art. 28),
    l'AIPD (liste CNIL de 2018) et l'interdiction d'inférer les émotions au travail
    (règlement IA, art. 5(1)(f)) s'appliquent.

    Contexte:
      Étant donné un outil dont les réponses sont :
        | question                  | réponse              |
        | scope.buyer               | private_clinic       |
        | scope.public_service      | no                   |
        | scope.use                 | [administrative]     |
        | scope.patient_data        | [none]               |
        | scope.workforce_decisions | yes                  |
        | scope.audience            | administrative_staff |
        | scope.generative          | no                   |

    Scénario: un tri de CV en SaaS sans contrat de sous-traitance ni AIPD, coché « aucune donnée personnelle » : rejeté
      Étant donné la réponse à "regulatory.dpa" est "no"
      Et la réponse à "regulatory.dpia" est "no"
      Quand l'évaluation est calculée
      Alors il y a un KO sur "regulatory.dpa=no"
      Et il y a un KO sur "regulatory.dpia=no"
      Et le constat sur "scope.workforce_decisions_without_personal_data" a la sévérité "medium"
      Et le verdict est "reject"

    Scénario: le même tri de CV, les candidatures cochées parmi les données du personnel : les mêmes KO, sans contradiction
      Étant donné la réponse à "scope.patient_data" est "[staff]"
      Et la réponse à "regulatory.dpa" est "no"
      Et la réponse à "regulatory.dpia" est "no"
      Quand l'évaluation est calculée
      Alors il y a un KO sur "regulatory.dpa=no"
      Et il y a un KO sur "regulatory.dpia=no"
      Et il n'y a pas de constat sur "scope.workforce_decisions_without_personal_data"

    Scénario: « données anonymisées seulement » pour un outil qui recrute contredit aussi le périmètre
      Étant donné la réponse à "scope.patient_data" est "[anonymised]"
      Quand l'évaluation est calculée
      Alors le constat sur "scope.workforce_decisions_without_personal_data" a la sévérité "medium"
      Et la question "regulatory.dpia" est posée

    Scénario: un outil administratif sans aucune donnée personnelle, qui ne décide rien au sujet du personnel, n'est pas tenu au contrat de sous-traitance ni à l'AIPD
      Étant donné la réponse à "scope.workforce_decisions" est "no"
      Et la réponse à "regulatory.dpa" est "no"
      Quand l'évaluation est calculée
      Alors il n'y a pas de KO sur "regulatory.dpa"
      Et la question "regulatory.dpia" n'est pas posée
      Et la question "reuse.training" n'est pas posée
      Et il n'y a pas de constat sur "scope.workforce_decisions_without_personal_data"

    Scénario: des entretiens vidéo notés sur le stress des candidats, cochés « aucune donnée personnelle » : rejeté
      Étant donné la réponse à "regulatory.emotion_recognition" est "staff_workplace"
      Quand l'évaluation est calculée
      Alors il y a un KO sur "regulatory.emotion_recognition=staff_workplace"
      Et le verdict est "reject"

    Plan du scénario: la reconnaissance des émotions est demandée dès que l'outil décide au sujet du personnel, même sans données cochées (<décisions>)
      Étant donné la réponse à "scope.workforce_decisions" est "<décisions>"
      Alors la question "regulatory.emotion_recognition" <état>

      Exemples:
        | décisions | état            |
        | yes       | est posée       |
        | no        | n'est pas posée |

  Règle: un outil qui organise le remplacement des agents en arrêt de travail, dans un hôpital public
    Les arrêts de travail, accidents du travail et restrictions d'aptitude des agents sont des
    données de santé (RGPD, art. 4(15) et 9) : leur traitement demande une exception de
    l'article 9(2), celle des obligations de l'employeur (art. 9(2)(b)), et la sécurité que
    demande leur sensibilité. Ce ne sont pas des données de patients : ni l'information des
    patients ni leur participation ne sont en cause. Que l'hébergement de ces données par un
    tiers exige la certification HDS n'est pas tranché (CSP, art. L.1111-8) : un risque élevé,
    pas un KO.

    Contexte:
      Étant donné un outil dont les réponses sont :
        | question                  | réponse              |
        | scope.buyer               | public_hospital      |
        | scope.use                 | [administrative]     |
        | scope.patient_data        | [staff_health]       |
        | scope.workforce_decisions | no                   |
        | scope.deployment          | vendor_saas          |
        | scope.audience            | administrative_staff |
        | scope.generative          | no                   |

    Scénario: les questions des données de santé sont posées, pas celles des patients : accepté avec les meilleures réponses
      Quand l'évaluation est calculée
      Alors la question "regulatory.legal_basis" est posée
      Et la question "hosting.location" est posée
      Et la question "hosting.hds_certified" est posée
      Et la question "regulatory.dpia" est posée
      Et la question "transparency.patient_information" n'est pas posée
      Et la question "transparency.public_data_notice" n'est pas posée
      Et la question "participation.patients" n'est pas posée
      Et la question "participation.patient_rights" n'est pas posée
      Et la question "reuse.secondary_use" n'est pas posée
      Et la question "hosting.hds_contract" n'est pas posée
      Et la question "oversight.human_decision" n'est pas posée
      Et il n'y a aucun KO en attente de preuves
      Et le verdict est "accept"

    Plan du scénario: seules les données de santé du personnel appellent une exception de l'article 9(2) et les questions d'hébergement des données de santé (<données>)
      Étant donné la réponse à "scope.patient_data" est "<données>"
      Quand l'évaluation est calculée
      Alors la question "regulatory.legal_basis" <état>
      Et la question "hosting.location" <état>
      Et la question "hosting.hds_certified" <état>

      Exemples:
        | données               | état            |
        | [staff_health]        | est posée       |
        | [staff, staff_health] | est posée       |
        | [staff]               | n'est pas posée |
        | [staff_accounts]      | n'est pas posée |

    Plan du scénario: traiter les arrêts de travail des agents sans exception de l'article 9(2) est un KO (<données>)
      Étant donné la réponse à "scope.patient_data" est "<données>"
      Et la réponse à "regulatory.legal_basis" est "no_exception"
      Quand l'évaluation est calculée
      Alors <résultat>

      Exemples:
        | données               | résultat                                                   |
        | [staff_health]        | il y a un KO sur "regulatory.legal_basis=no_exception"     |
        | [staff, staff_health] | il y a un KO sur "regulatory.legal_basis=no_exception"     |
        | [staff]               | il n'y a pas de KO sur "regulatory.legal_basis"            |

    Scénario: les obligations de l'employeur (art. 9(2)(b)) fondent la gestion des arrêts de travail : pas de KO, pas de contradiction
      Étant donné la réponse à "regulatory.legal_basis" est "employment_law"
      Quand l'évaluation est calculée
      Alors il n'y a pas de KO sur "regulatory.legal_basis"
      Et il n'y a pas de constat sur "regulatory.legal_basis_contradicts_scope"
      Et la réponse à "regulatory.legal_basis" vaut 0 points de "risk"
      Et le verdict est "accept"

    Plan du scénario: une exception qui ne correspond à aucune des données déclarées compte comme inconnue (<données>, <exception>)
      Étant donné la réponse à "scope.patient_data" est "<données>"
      Et la réponse à "regulatory.legal_basis" est "<exception>"
      Quand l'évaluation est calculée
      Alors la réponse à "regulatory.legal_basis" contredit le périmètre
      Et il y a un KO en attente de preuves sur "regulatory.legal_basis=no_exception"
      Et le constat sur "regulatory.legal_basis_contradicts_scope" a la sévérité "high"
      Et le verdict est "pending_evidence"

      Exemples:
        | données               | exception      |
        | [staff_health]        | care           |
        | [staff, staff_health] | care           |
        | [identifiable]        | employment_law |
        | [appointment]         | employment_law |

    Plan du scénario: une exception qui correspond à une partie des données déclarées ne contredit pas le périmètre (<données>, <exception>)
      Étant donné la réponse à "scope.patient_data" est "<données>"
      Et la réponse à "regulatory.legal_basis" est "<exception>"
      Quand l'évaluation est calculée
      Alors il n'y a pas de constat sur "regulatory.legal_basis_contradicts_scope"
      Et il n'y a pas de KO en attente de preuves sur "regulatory.legal_basis"

      Exemples:
        | données                      | exception      |
        | [staff_health]               | employment_law |
        | [identifiable, staff_health] | employment_law |
        | [identifiable, staff_health] | care           |
        | [identifiable]               | care           |

    Plan du scénario: des arrêts de travail hébergés par un tiers sans certification HDS, ou hors de l'EEE : risque élevé, pas de KO ; des données de patients, si (<données>)
      Étant donné la réponse à "scope.patient_data" est "<données>"
      Et la réponse à "<question>" est "<réponse>"
      Quand l'évaluation est calculée
      Alors <résultat>
      Et le constat sur "<question>" a la sévérité "<gravité>"

      Exemples:
        | données                      | question              | réponse     | résultat                                                | gravité |
        | [staff_health]               | hosting.hds_certified | none        | il n'y a pas de KO sur "hosting.hds_certified"          | high    |
        | [staff_health]               | hosting.location      | outside_eea | il n'y a pas de KO sur "hosting.location"               | high    |
        | [identifiable, staff_health] | hosting.hds_certified | none        | il y a un KO sur "hosting.hds_certified=none"           | blocker |
        | [identifiable, staff_health] | hosting.location      | outside_eea | il y a un KO sur "hosting.location=outside_eea"         | blocker |

    Plan du scénario: un fournisseur qui entraîne ses modèles sur les arrêts de travail des agents, hors d'un cadre licite : KO ; sur les seuls comptes d'accès, non (<données>)
      Étant donné la réponse à "scope.patient_data" est "<données>"
      Et la réponse à "reuse.training" est "yes"
      Quand l'évaluation est calculée
      Alors <résultat>
      Et le constat sur "reuse.training" a la sévérité "<gravité>"

      Exemples:
        | données          | résultat                                     | gravité  |
        | [staff_health]   | il y a un KO sur "reuse.training=yes"        | blocker  |
        | [staff_accounts] | il n'y a pas de KO sur "reuse.training"      | critical |

    Plan du scénario: des arrêts de travail qui circulent en clair vers le fournisseur : KO ; des comptes d'accès seulement, non (<données>)
      Étant donné la réponse à "scope.patient_data" est "<données>"
      Et la réponse à "security.encryption_in_transit" est "none"
      Quand l'évaluation est calculée
      Alors <résultat>

      Exemples:
        | données          | résultat                                                  |
        | [staff_health]   | il y a un KO sur "security.encryption_in_transit=none"    |
        | [staff_accounts] | il n'y a pas de KO sur "security.encryption_in_transit"   |

    Plan du scénario: sans AIPD, des arrêts de travail traités pour remplacer les agents : risque élevé ; pour les noter ou les classer : KO (<décisions>)
      Étant donné la réponse à "scope.workforce_decisions" est "<décisions>"
      Et la réponse à "regulatory.dpia" est "no"
      Quand l'évaluation est calculée
      Alors <résultat>
      Et le constat sur "regulatory.dpia" a la sévérité "<gravité>"

      Exemples:
        | décisions | résultat                                  | gravité |
        | no        | il n'y a pas de KO sur "regulatory.dpia"  | high    |
        | yes       | il y a un KO sur "regulatory.dpia=no"     | blocker |

    Plan du scénario: un assistant qui lit des données de santé du personnel pose la question des décisions sur le personnel et celle de l'AIPD (<données>)
      Étant donné la réponse à "scope.use" est "[general_assistant]"
      Et la réponse à "scope.patient_data" est "<données>"
      Quand l'évaluation est calculée
      Alors la question "scope.workforce_decisions" <état>
      Et la question "regulatory.dpia" <état>

      Exemples:
        | données          | état            |
        | [staff_health]   | est posée       |
        | [none]           | n'est pas posée |

  Règle: un planning qui attribue les gardes selon le comportement des agents doit être annoncé à leurs représentants
    Avant de mettre en service un système d'IA à haut risque sur le lieu de travail,
    l'employeur informe les représentants du personnel et les agents concernés (règlement IA,
    art. 26(7)) ; un outil qui évalue les agents ou leur attribue des tâches selon leur
    comportement est à haut risque (annexe III, point 4). La règle s'applique à la date
    d'application de l'annexe III (2 août 2026 selon l'article 113) ; un système mis sur le
    marché avant cette date et inchangé depuis n'y entre, pour une autorité publique, qu'au
    2 août 2030 (art. 111(2)). Des représentants informés mais pas encore consultés (Code du
    travail, art. L.2312-8 ; comité social d'établissement) restent un risque élevé.

    Contexte:
      Étant donné un outil dont les réponses sont :
        | question                    | réponse              |
        | scope.buyer                 | public_hospital      |
        | scope.use                   | [administrative]     |
        | scope.patient_data          | [staff]              |
        | scope.deployment            | vendor_saas          |
        | scope.workforce_decisions   | yes                  |
        | scope.audience              | administrative_staff |
        | scope.generative            | no                   |
        | regulatory.market_placement | after                |
      Et la date de l'évaluation est "2026-12-15"

    Scénario: des agents informés, mais des représentants ni informés ni consultés : rejeté
      Étant donné la réponse à "transparency.staff_information" est "informed_only"
      Quand l'évaluation est calculée
      Alors il y a un KO sur "transparency.staff_information=informed_only"
      Et le verdict est "reject"

    Scénario: des représentants informés avant la mise en service, leur consultation pas encore faite : risque élevé, pas de KO
      Étant donné la réponse à "transparency.staff_information" est "representatives_informed"
      Quand l'évaluation est calculée
      Alors il n'y a pas de KO sur "transparency.staff_information"
      Et le constat sur "transparency.staff_information" a la sévérité "high"
      Et le verdict est "conditional"

    Scénario: le même planning évalué et mis en service avant le 2 août 2026 : risque élevé, pas de KO
      Étant donné la date de l'évaluation est "2026-07-01"
      Et la réponse à "transparency.staff_information" est "informed_only"
      Quand l'évaluation est calculée
      Alors il n'y a pas de KO sur "transparency.staff_information"
      Et il n'y a pas de KO en attente de preuves sur "transparency.staff_information"
      Et le constat sur "transparency.staff_information" a la sévérité "high"

    Scénario: évalué avant le 2 août 2026 mais mis en service après : la date de mise en service décide, KO
      Étant donné la date de l'évaluation est "2026-07-01"
      Et la date de mise en service est "2026-09-01"
      Et la réponse à "transparency.staff_information" est "informed_only"
      Quand l'évaluation est calculée
      Alors il y a un KO sur "transparency.staff_information=informed_only"

    Scénario: un outil qui suit l'activité des agents sans décider à leur sujet : risque élevé, pas de KO
      Étant donné la réponse à "scope.workforce_decisions" est "no"
      Et la réponse à "transparency.staff_information" est "informed_only"
      Quand l'évaluation est calculée
      Alors il n'y a pas de KO sur "transparency.staff_information"
      Et il n'y a pas de KO en attente de preuves sur "transparency.staff_information"
      Et le constat sur "transparency.staff_information" a la sévérité "high"

    Scénario: la reconnaissance des émotions des agents, pratique interdite, garde l'obligation d'informer leurs représentants
      Étant donné la réponse à "scope.workforce_decisions" est "no"
      Et la réponse à "regulatory.emotion_recognition" est "staff_workplace"
      Et la réponse à "transparency.staff_information" est "informed_only"
      Quand l'évaluation est calculée
      Alors il y a un KO sur "transparency.staff_information=informed_only"
      Et il y a un KO sur "regulatory.emotion_recognition=staff_workplace"

    Plan du scénario: une alarme qui détecte la détresse des agents, pour leur sécurité (annexe III, point 1 c)), doit aussi être annoncée à leurs représentants (<information>)
      Étant donné la réponse à "scope.workforce_decisions" est "no"
      Et la réponse à "regulatory.emotion_recognition" est "staff_safety_or_medical"
      Et la réponse à "transparency.staff_information" est "<information>"
      Quand l'évaluation est calculée
      Alors il <ko> KO sur "transparency.staff_information"
      Et il n'y a pas de KO sur "regulatory.emotion_recognition"

      Exemples:
        | information              | ko         |
        | informed_only            | y a un     |
        | representatives_informed | n'y a pas de |

    Scénario: l'outil décide-t-il au sujet des agents ? Sans réponse, le KO reste en attente
      Étant donné la réponse à "scope.workforce_decisions" est "unknown"
      Et la réponse à "transparency.staff_information" est "informed_only"
      Quand l'évaluation est calculée
      Alors il y a un KO en attente de preuves sur "transparency.staff_information=informed_only"

    Plan du scénario: un planning mis sur le marché avant le 2 août 2026 et inchangé depuis (<acheteur>, jugé le <date>)
      Étant donné la réponse à "scope.buyer" est "<acheteur>"
      Et la réponse à "scope.public_service" est "no"
      Et la réponse à "regulatory.market_placement" est "before_unchanged"
      Et la réponse à "transparency.staff_information" est "informed_only"
      Et la date de l'évaluation est "<date>"
      Quand l'évaluation est calculée
      Alors <résultat>

      Exemples:
        | acheteur        | date       | résultat                                                          |
        | public_hospital | 2026-12-15 | il n'y a pas de KO sur "transparency.staff_information"           |
        | public_hospital | 2030-08-02 | il y a un KO sur "transparency.staff_information=informed_only"   |
        | private_clinic  | 2030-08-02 | il n'y a pas de KO sur "transparency.staff_information"           |

    Scénario: la date de mise sur le marché est demandée à toute clinique pour un outil qui gère le personnel
      Étant donné la réponse à "scope.buyer" est "private_clinic"
      Et la réponse à "scope.public_service" est "no"
      Alors la question "regulatory.market_placement" est posée
      Et la question "regulatory.fria" n'est pas posée

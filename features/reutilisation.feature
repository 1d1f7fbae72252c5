# language: fr
Fonctionnalité: Réutilisation des données : revente, entraînement, usages secondaires
  « Sont-elles revendues ? Servent-elles à entraîner les algorithmes ? » : deux des trois
  questions que patients et professionnels posent (baromètre ACSEL 2025). Un sous-traitant
  qui utilise les données pour ses propres fins devient responsable de traitement sans base
  légale (RGPD art. 28(10)) : c'est la sanction Cegedim Santé (CNIL SAN-2024-013).

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

  Scénario: entraîner des modèles sur les données des patients par défaut est un KO
    Étant donné la réponse à "reuse.training" est "yes"
    Quand l'évaluation est calculée
    Alors il y a un KO sur "reuse.training=yes"
    Et le verdict est "reject"
    Et le constat sur "reuse.training" a la sévérité "blocker"
    Et le rapport en "fr" mentionne "Cegedim"

  Plan du scénario: un entraînement encadré n'est pas un KO (<réponse>)
    Étant donné la réponse à "reuse.training" est "<réponse>"
    Quand l'évaluation est calculée
    Alors il n'y a pas de KO sur "reuse.training"
    Et le constat sur "reuse.training" a la sévérité "<sévérité>"
    Et la question "reuse.anonymisation_proof" est posée

    Exemples:
      | réponse          | sévérité |
      | anonymised_only  | low      |
      | lawful_framework | medium   |

  Scénario: sans entraînement ni revente, la preuve d'anonymisation n'est pas demandée
    Alors la question "reuse.anonymisation_proof" n'est pas posée
    Et le verdict est "accept"

  Scénario: revendre ou partager les données des patients est un KO
    Étant donné la réponse à "reuse.resale" est "yes"
    Quand l'évaluation est calculée
    Alors il y a un KO sur "reuse.resale=yes"
    Et le verdict est "reject"

  Scénario: des statistiques agrégées et anonymisées ne sont pas un KO
    Étant donné la réponse à "reuse.resale" est "aggregated_anonymised"
    Quand l'évaluation est calculée
    Alors il n'y a aucun KO
    Et le constat sur "reuse.resale" a la sévérité "low"
    Et la question "reuse.anonymisation_proof" est posée

  Plan du scénario: une « anonymisation » qui n'est qu'une pseudonymisation est un KO (<champ> = <valeur>)
    Étant donné la réponse à "<champ>" est "<valeur>"
    Et la réponse à "reuse.anonymisation_proof" est "pseudonymisation_only"
    Quand l'évaluation est calculée
    Alors il y a un KO sur "reuse.anonymisation_proof=pseudonymisation_only"
    Et le verdict est "reject"

    Exemples:
      | champ          | valeur                |
      | reuse.training | anonymised_only       |
      | reuse.training | lawful_framework      |
      | reuse.resale   | aggregated_anonymised |

  Scénario: une anonymisation affirmée sans documentation est un constat élevé, pas un KO
    Étant donné la réponse à "reuse.training" est "anonymised_only"
    Et la réponse à "reuse.anonymisation_proof" est "undocumented"
    Quand l'évaluation est calculée
    Alors il n'y a aucun KO
    Et le constat sur "reuse.anonymisation_proof" a la sévérité "high"
    Et le verdict est "conditional"

  Scénario: une réutilisation secondaire par extraction directe est un KO
    Étant donné la réponse à "reuse.secondary_use" est "direct_reuse"
    Quand l'évaluation est calculée
    Alors il y a un KO sur "reuse.secondary_use=direct_reuse"
    Et le verdict est "reject"

  Plan du scénario: une réutilisation secondaire sans extraction directe n'est pas un KO (<réponse>)
    Étant donné la réponse à "reuse.secondary_use" est "<réponse>"
    Quand l'évaluation est calculée
    Alors il n'y a aucun KO
    Et le constat sur "reuse.secondary_use" a la sévérité "<sévérité>"

    Exemples:
      | réponse        | sévérité |
      | lawful_pathway | low      |
      | vague          | high     |

  Plan du scénario: une conservation au-delà du nécessaire est un constat, jamais un KO (<réponse>)
    Étant donné la réponse à "reuse.retention" est "<réponse>"
    Quand l'évaluation est calculée
    Alors il n'y a aucun KO
    Et le constat sur "reuse.retention" a la sévérité "<sévérité>"

    Exemples:
      | réponse    | sévérité |
      | short      | low      |
      | long       | medium   |
      | indefinite | high     |

  Scénario: garder indéfiniment des données qu'on promet de ne pas utiliser interroge
    Étant donné la réponse à "reuse.training" est "no"
    Et la réponse à "reuse.retention" est "indefinite"
    Quand l'évaluation est calculée
    Alors le constat sur "reuse.retention_contradicts_no_training" a la sévérité "medium"

  Scénario: sans données patients, aucune question de réutilisation n'est posée
    Étant donné la réponse à "scope.use" est "[general_assistant]"
    Et la réponse à "scope.patient_data" est "[none]"
    Et la réponse à "reuse.training" est "yes"
    Quand l'évaluation est calculée
    Alors aucune question de la section "reuse" n'est posée
    Et il n'y a aucun KO

  Scénario: des recherches sur des données de santé personnelles sans formalité Informatique et Libertés sont un KO
    Étant donné la réponse à "scope.use" est "[research]"
    Et la réponse à "scope.patient_data" est "[pseudonymised]"
    Et la réponse à "regulatory.research_formalities" est "none"
    Quand l'évaluation est calculée
    Alors il y a un KO sur "regulatory.research_formalities=none"
    Et le verdict est "reject"

  Plan du scénario: un entrepôt conforme ne dispense pas chaque étude de sa propre formalité (<données>)
    Étant donné la réponse à "scope.use" est "[research]"
    Et la réponse à "scope.patient_data" est "<données>"
    Et la réponse à "regulatory.research_formalities" est "warehouse_only"
    Quand l'évaluation est calculée
    Alors il y a un KO sur "regulatory.research_formalities=warehouse_only"
    Et le verdict est "reject"

    Exemples:
      | données          |
      | [pseudonymised]  |
      | [identifiable]   |

  Plan du scénario: des recherches avec la formalité applicable ne sont pas bloquées (<réponse>)
    Étant donné la réponse à "scope.use" est "[research]"
    Et la réponse à "scope.patient_data" est "[identifiable]"
    Et la réponse à "regulatory.research_formalities" est "<réponse>"
    Quand l'évaluation est calculée
    Alors il n'y a pas de KO sur "regulatory.research_formalities"
    Et il n'y a aucun KO en attente de preuves

    Exemples:
      | réponse               |
      | reference_methodology |
      | authorised            |
      | care_team_internal    |

  Scénario: présélectionner les patients éligibles aux essais, finalité déclarée d'un entrepôt conforme, la déclaration prouvée : accepté, constat faible
    Le référentiel de la CNIL sur les entrepôts (délibération 2021-118) admet que l'entrepôt
    serve sans formalité distincte quelques finalités qu'il énumère, dont la présélection des
    patients pour une recherche : ce n'est pas une étude, et l'essai garde sa propre formalité.
    Étant donné la réponse à "scope.use" est "[research]"
    Et la réponse à "scope.patient_data" est "[identifiable, pseudonymised]"
    Et la réponse à "scope.deployment" est "on_premises"
    Et la réponse à "regulatory.research_formalities" est "warehouse_declared_purpose"
    Et la preuve pour "regulatory.research_formalities" est "verified"
    Quand l'évaluation est calculée
    Alors il n'y a aucun KO
    Et il n'y a aucun KO en attente de preuves
    Et le constat sur "regulatory.research_formalities" a la sévérité "low"
    Et le verdict est "accept"

  Plan du scénario: la même présélection sans la déclaration de l'entrepôt vérifiée (<preuve>)
    Étant donné la réponse à "scope.use" est "[research]"
    Et la réponse à "scope.patient_data" est "[identifiable, pseudonymised]"
    Et la réponse à "scope.deployment" est "on_premises"
    Et la réponse à "regulatory.research_formalities" est "warehouse_declared_purpose"
    Et la preuve pour "regulatory.research_formalities" est "<preuve>"
    Quand l'évaluation est calculée
    Alors il n'y a pas de KO sur "regulatory.research_formalities"
    Et <attente>

    Exemples:
      | preuve   | attente                                                                                   |
      | missing  | il y a un KO en attente de preuves sur "regulatory.research_formalities=warehouse_only"  |
      | declared | la preuve pour "regulatory.research_formalities" est signalée non vérifiée                |

  Scénario: une étude menée sur l'entrepôt sans formalité propre reste rejetée, même l'entrepôt prouvé conforme
    Étant donné la réponse à "scope.use" est "[research]"
    Et la réponse à "scope.patient_data" est "[identifiable, pseudonymised]"
    Et la réponse à "scope.deployment" est "on_premises"
    Et la réponse à "regulatory.research_formalities" est "warehouse_only"
    Et la preuve pour "regulatory.research_formalities" est "verified"
    Quand l'évaluation est calculée
    Alors il y a un KO sur "regulatory.research_formalities=warehouse_only"
    Et le verdict est "reject"
    Et ce qui changerait le résultat propose "regulatory.research_formalities=authorised"
    Et ce qui changerait le résultat ne propose pas "regulatory.research_formalities=warehouse_declared_purpose"

  Scénario: des extraits dits anonymisés, l'anonymat démontré, sans la déclaration de l'entrepôt en preuve, attendent la preuve de ses finalités
    Étant donné la réponse à "scope.use" est "[research]"
    Et la réponse à "scope.patient_data" est "[pseudonymised]"
    Et la réponse à "scope.deployment" est "on_premises"
    Et la réponse à "regulatory.research_formalities" est "anonymised_outputs_only"
    Et la réponse à "reuse.anonymisation_proof" est "independent_assessment"
    Quand l'évaluation est calculée
    Alors il n'y a aucun KO
    Et les KO de "regulatory.research_formalities" attendent sa preuve
    Et le verdict est "pending_evidence"

  Scénario: des études internes de l'équipe de soins, dispensées de formalités, restent un constat faible
    Étant donné la réponse à "scope.use" est "[research]"
    Et la réponse à "scope.patient_data" est "[identifiable]"
    Et la réponse à "regulatory.research_formalities" est "care_team_internal"
    Quand l'évaluation est calculée
    Alors le constat sur "regulatory.research_formalities" a la sévérité "low"

  Scénario: des formalités dont personne ne sait si elles sont faites laissent l'élément bloquant en attente
    Étant donné la réponse à "scope.use" est "[research]"
    Et la réponse à "scope.patient_data" est "[identifiable]"
    Et la réponse à "regulatory.research_formalities" est "unknown"
    Quand l'évaluation est calculée
    Alors il y a un KO en attente de preuves sur "regulatory.research_formalities=none"

  Plan du scénario: les formalités de la recherche ne sont demandées que pour des recherches sur des données personnelles (<cas>)
    Étant donné la réponse à "scope.use" est "<usage>"
    Et la réponse à "scope.patient_data" est "<données>"
    Quand l'évaluation est calculée
    Alors la question "regulatory.research_formalities" <posée>

    Exemples:
      | cas                                  | usage                    | données          | posée           |
      | recherche sur données identifiantes  | [research]               | [identifiable]   | est posée       |
      | recherche sur données pseudonymisées | [research]               | [pseudonymised]  | est posée       |
      | recherche sur données anonymisées    | [research]               | [anonymised]     | n'est pas posée |
      | documentation clinique               | [clinical_documentation] | [identifiable]   | n'est pas posée |

  Scénario: un outil de l'entrepôt qui ne produit que des extraits anonymisés, l'anonymat démontré par une revue indépendante : constat moyen, pas de KO
    Étant donné la réponse à "scope.use" est "[research]"
    Et la réponse à "scope.patient_data" est "[pseudonymised]"
    Et la réponse à "scope.deployment" est "on_premises"
    Et la réponse à "regulatory.research_formalities" est "anonymised_outputs_only"
    Et la preuve pour "regulatory.research_formalities" est "verified"
    Et la réponse à "reuse.anonymisation_proof" est "independent_assessment"
    Quand l'évaluation est calculée
    Alors il n'y a aucun KO
    Et il n'y a aucun KO en attente de preuves
    Et le constat sur "regulatory.research_formalities" a la sévérité "medium"
    Et le verdict n'est pas "reject"

  Plan du scénario: des extraits de l'entrepôt dits anonymisés sans que l'anonymat soit démontré restent des données personnelles : rejeté (<preuve>)
    Seul l'anonymat dispense une étude des formalités : sans sa démonstration, les extraits
    restent des données de santé personnelles (RGPD, considérant 26), et les exploiter sans
    formalité est illicite (loi Informatique et Libertés, art. 66 ; Code pénal, art. 226-16).
    Étant donné la réponse à "scope.use" est "[research]"
    Et la réponse à "scope.patient_data" est "[pseudonymised]"
    Et la réponse à "scope.deployment" est "on_premises"
    Et la réponse à "regulatory.research_formalities" est "anonymised_outputs_only"
    Et la réponse à "reuse.anonymisation_proof" est "<preuve>"
    Quand l'évaluation est calculée
    Alors il y a un KO sur "regulatory.research_formalities=anonymised_outputs_only"
    Et le verdict est "reject"

    Exemples:
      | preuve                |
      | not_claimed           |
      | undocumented          |
      | pseudonymisation_only |

  Scénario: les mêmes extraits, l'anonymat démontré par l'équipe qui les produit, sans revue indépendante : constat moyen, pas de KO
    Étant donné la réponse à "scope.use" est "[research]"
    Et la réponse à "scope.patient_data" est "[pseudonymised]"
    Et la réponse à "scope.deployment" est "on_premises"
    Et la réponse à "regulatory.research_formalities" est "anonymised_outputs_only"
    Et la preuve pour "regulatory.research_formalities" est "verified"
    Et la réponse à "reuse.anonymisation_proof" est "internal_assessment"
    Quand l'évaluation est calculée
    Alors il n'y a aucun KO
    Et il n'y a aucun KO en attente de preuves
    Et le constat sur "regulatory.research_formalities" a la sévérité "medium"
    Et le constat sur "reuse.anonymisation_proof" a la sévérité "low"
    Et le verdict n'est pas "reject"

  Scénario: une étude déclarée conforme à une méthodologie de référence n'a pas à démontrer l'anonymat de ses données
    Étant donné la réponse à "scope.use" est "[research]"
    Et la réponse à "scope.patient_data" est "[pseudonymised]"
    Et la réponse à "regulatory.research_formalities" est "reference_methodology"
    Et la réponse à "reuse.anonymisation_proof" est "not_claimed"
    Quand l'évaluation est calculée
    Alors il n'y a aucun KO
    Et il n'y a aucun KO en attente de preuves

  Scénario: des extraits de l'entrepôt diffusés comme anonymes mais seulement pseudonymisés : rejeté
    Étant donné la réponse à "scope.use" est "[research]"
    Et la réponse à "scope.patient_data" est "[pseudonymised]"
    Et la réponse à "scope.deployment" est "on_premises"
    Et la réponse à "regulatory.research_formalities" est "anonymised_outputs_only"
    Et la réponse à "reuse.anonymisation_proof" est "pseudonymisation_only"
    Quand l'évaluation est calculée
    Alors il y a un KO sur "reuse.anonymisation_proof=pseudonymisation_only"
    Et le verdict est "reject"

  Scénario: des extraits dits anonymisés dont personne ne démontre l'anonymat laissent l'élément bloquant en attente
    Étant donné la réponse à "scope.use" est "[research]"
    Et la réponse à "scope.patient_data" est "[pseudonymised]"
    Et la réponse à "scope.deployment" est "on_premises"
    Et la réponse à "regulatory.research_formalities" est "anonymised_outputs_only"
    Et la réponse à "reuse.anonymisation_proof" est "unknown"
    Quand l'évaluation est calculée
    Alors il y a un KO en attente de preuves sur "reuse.anonymisation_proof=pseudonymisation_only"
    Et il y a un KO en attente de preuves sur "regulatory.research_formalities=anonymised_outputs_only"
    Et le verdict est "pending_evidence"

  Plan du scénario: la preuve de l'anonymisation est demandée pour des recherches sur des données personnelles (<cas>)
    Étant donné la réponse à "scope.use" est "<usage>"
    Et la réponse à "scope.patient_data" est "<données>"
    Quand l'évaluation est calculée
    Alors la question "reuse.anonymisation_proof" <posée>

    Exemples:
      | cas                                  | usage                    | données          | posée           |
      | recherche sur données identifiantes  | [research]               | [identifiable]   | est posée       |
      | recherche sur données pseudonymisées | [research]               | [pseudonymised]  | est posée       |
      | recherche sur données anonymisées    | [research]               | [anonymised]     | n'est pas posée |
      | documentation clinique               | [clinical_documentation] | [identifiable]   | n'est pas posée |

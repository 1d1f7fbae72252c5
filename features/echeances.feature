# language: fr
Fonctionnalité: Les obligations datées sont jugées à la date où elles s'imposent
  Une obligation qui s'impose avant le déploiement (analyse d'impact sur les droits
  fondamentaux, information des personnes qu'elles parlent à une IA) se juge à la date
  retenue : la plus tardive de la date de l'évaluation et de la date de mise en service
  prévue. Les dates du règlement IA et du référentiel HDS sont des définitions du jeu de
  règles, chacune avec le texte qui la fixe.

  Contexte:
    Étant donné le jeu de règles "rules/health-ai"
    Et un outil dont les réponses sont :
      | question                    | réponse         |
      | scope.buyer                 | public_hospital |
      | scope.use                   | [triage]        |
      | scope.patient_data          | [identifiable]  |
      | scope.deployment            | vendor_saas     |
      | scope.audience              | professionals   |
      | scope.generative            | no              |
      | regulatory.market_placement | after           |
      | regulatory.fria             | not_planned     |
    Et toutes les autres questions ont leur meilleure réponse

  Plan du scénario: sans analyse d'impact, le rejet ne dépend pas du jour de l'évaluation quand la mise en service suit l'obligation (<cas>)
    Étant donné la date de l'évaluation est "<évaluation>"
    Et la date de mise en service est "<mise en service>"
    Quand l'évaluation est calculée
    Alors il y a un KO sur "regulatory.fria=not_planned"
    Et le verdict est "reject"

    Exemples:
      | cas                                          | évaluation | mise en service |
      | évaluée avant la mise en service             | 2026-06-01 | 2026-10-01      |
      | évaluée après le début de l'obligation       | 2026-09-01 | 2026-09-01      |
      | mise en service après la date de l'obligation | 2026-03-01 | 2027-01-15      |

  Scénario: une mise en service avant la date de l'obligation n'est pas bloquée (art. 27(2) : la première utilisation)
    Étant donné la date de l'évaluation est "2026-03-01"
    Et la date de mise en service est "2026-07-01"
    Quand l'évaluation est calculée
    Alors il n'y a pas de KO sur "regulatory.fria"
    Et le constat sur "regulatory.fria" a la sévérité "high"

  Scénario: une mise en service plus ancienne que l'évaluation ne recule pas la date retenue
    Étant donné la date de l'évaluation est "2026-09-01"
    Et la date de mise en service est "2026-01-15"
    Quand l'évaluation est calculée
    Alors il y a un KO sur "regulatory.fria=not_planned"

  Plan du scénario: un système à haut risque déjà sur le marché, inchangé, laisse aux autorités publiques jusqu'au 2 août 2030 (<date>)
    Étant donné la réponse à "regulatory.market_placement" est "before_unchanged"
    Et la date de l'évaluation est "<date>"
    Quand l'évaluation est calculée
    Alors <résultat>

    Exemples:
      | date       | résultat                                             |
      | 2027-01-01 | il n'y a pas de KO sur "regulatory.fria"             |
      | 2030-08-01 | il n'y a pas de KO sur "regulatory.fria"             |
      | 2030-08-02 | il y a un KO sur "regulatory.fria=not_planned"       |

  Plan du scénario: un ESPIC ou une clinique de service public qui garde un système antérieur inchangé n'est pas une autorité publique : pas de blocage, même après 2030 (<acheteur>)
    Étant donné la réponse à "scope.buyer" est "<acheteur>"
    Et la réponse à "scope.public_service" est "yes"
    Et la réponse à "regulatory.market_placement" est "before_unchanged"
    Et la date de l'évaluation est "2031-01-01"
    Quand l'évaluation est calculée
    Alors la question "regulatory.fria" est posée
    Et il n'y a pas de KO sur "regulatory.fria"

    Exemples:
      | acheteur                   |
      | private_nonprofit_hospital |
      | private_clinic             |

  Plan du scénario: la date de mise sur le marché n'est demandée qu'à un organisme public pour un usage de l'annexe III (<cas>)
    Étant donné la réponse à "scope.buyer" est "<acheteur>"
    Et la réponse à "scope.public_service" est "<service public>"
    Et la réponse à "scope.use" est "<usage>"
    Quand l'évaluation est calculée
    Alors la question "regulatory.market_placement" <posée>

    Exemples:
      | cas                                        | acheteur        | service public | usage                    | posée           |
      | hôpital public, tri aux urgences           | public_hospital | no             | [triage]                 | est posée       |
      | clinique privée hors service public, tri   | private_clinic  | no             | [triage]                 | n'est pas posée |
      | hôpital public, documentation clinique     | public_hospital | no             | [clinical_documentation] | n'est pas posée |

  Scénario: le même ESPIC avec un système mis sur le marché après la date d'application doit faire l'analyse d'impact
    Étant donné la réponse à "scope.buyer" est "private_nonprofit_hospital"
    Et la réponse à "regulatory.market_placement" est "after"
    Et la date de l'évaluation est "2027-01-01"
    Quand l'évaluation est calculée
    Alors il y a un KO sur "regulatory.fria=not_planned"

  Scénario: le même système modifié de façon importante depuis entre dans le règlement
    Étant donné la réponse à "regulatory.market_placement" est "before_changed"
    Et la date de l'évaluation est "2027-01-01"
    Quand l'évaluation est calculée
    Alors il y a un KO sur "regulatory.fria=not_planned"

  Scénario: la date de mise sur le marché encore inconnue laisse l'élément bloquant en attente
    Étant donné la réponse à "regulatory.market_placement" est "unknown"
    Et la date de l'évaluation est "2027-01-01"
    Quand l'évaluation est calculée
    Alors il y a un KO en attente de preuves sur "regulatory.fria=not_planned"
    Et le verdict est "pending_evidence"

  Plan du scénario: une autorité publique n'utilise pas un système de l'annexe III absent de la base de l'UE (<cas>)
    Étant donné la réponse à "regulatory.eu_registration" est "not_registered"
    Et la réponse à "regulatory.market_placement" est "<mise sur le marché>"
    Et la date de l'évaluation est "<date>"
    Quand l'évaluation est calculée
    Alors <résultat>

    Exemples:
      | cas                                            | mise sur le marché | date       | résultat                                                          |
      | système récent, annexe III applicable          | after              | 2027-01-01 | il y a un KO sur "regulatory.eu_registration=not_registered"      |
      | système modifié de façon importante            | before_changed     | 2027-01-01 | il y a un KO sur "regulatory.eu_registration=not_registered"      |
      | avant l'application de l'annexe III            | after              | 2026-03-01 | il n'y a pas de KO sur "regulatory.eu_registration"               |
      | système antérieur inchangé, avant 2030         | before_unchanged   | 2030-08-01 | il n'y a pas de KO sur "regulatory.eu_registration"               |
      | système antérieur inchangé, à partir de 2030   | before_unchanged   | 2030-08-02 | il y a un KO sur "regulatory.eu_registration=not_registered"      |
      | date de mise sur le marché inconnue            | unknown            | 2027-01-01 | il y a un KO en attente de preuves sur "regulatory.eu_registration=not_registered" |

  Scénario: un système enregistré dans la base de l'UE n'est pas bloqué
    Étant donné la réponse à "regulatory.eu_registration" est "registered"
    Et la date de l'évaluation est "2027-01-01"
    Quand l'évaluation est calculée
    Alors il n'y a pas de KO sur "regulatory.eu_registration"

  Scénario: un enregistrement que personne n'a vérifié laisse l'élément bloquant en attente
    Étant donné la réponse à "regulatory.eu_registration" est "unknown"
    Et la date de l'évaluation est "2027-01-01"
    Quand l'évaluation est calculée
    Alors il y a un KO en attente de preuves sur "regulatory.eu_registration=not_registered"

  Plan du scénario: l'enregistrement n'est demandé qu'à une autorité publique pour un usage de l'annexe III (<cas>)
    Étant donné la réponse à "scope.buyer" est "<acheteur>"
    Et la réponse à "scope.public_service" est "<service public>"
    Et la réponse à "scope.use" est "<usage>"
    Quand l'évaluation est calculée
    Alors la question "regulatory.eu_registration" <posée>

    Exemples:
      | cas                                   | acheteur                   | service public | usage                    | posée           |
      | hôpital public, tri aux urgences      | public_hospital            | no             | [triage]                 | est posée       |
      | agence publique, tri aux urgences     | public_agency              | no             | [triage]                 | est posée       |
      | ESPIC, tri aux urgences               | private_nonprofit_hospital | yes            | [triage]                 | n'est pas posée |
      | clinique de service public, tri       | private_clinic             | yes            | [triage]                 | n'est pas posée |
      | hôpital public, documentation         | public_hospital            | no             | [clinical_documentation] | n'est pas posée |

  Plan du scénario: un certificat HDS v1 seul est bloquant à partir de la fin de la transition (<date>)
    Étant donné la réponse à "scope.use" est "[clinical_documentation]"
    Et la réponse à "hosting.hds_certified" est "v1_only"
    Et la date de l'évaluation est "<date>"
    Et la date de mise en service est "<mise en service>"
    Quand l'évaluation est calculée
    Alors <résultat>

    Exemples:
      | date       | mise en service | résultat                                               |
      | 2026-05-15 | 2026-05-15      | il n'y a pas de KO sur "hosting.hds_certified"         |
      | 2026-05-16 | 2026-05-16      | il y a un KO sur "hosting.hds_certified=v1_only"       |
      | 2026-04-01 | 2026-06-01      | il y a un KO sur "hosting.hds_certified=v1_only"       |

  Scénario: avant la fin de la transition, un certificat v1 seul est un risque élevé
    Étant donné la réponse à "scope.use" est "[clinical_documentation]"
    Et la réponse à "hosting.hds_certified" est "v1_only"
    Et la date de l'évaluation est "2026-05-15"
    Quand l'évaluation est calculée
    Alors le constat sur "hosting.hds_certified" a la sévérité "high"

  Scénario: un agent qui ne dit pas qu'il est une IA, évalué en juillet 2026 pour une mise en service en septembre : bloqué
    Étant donné la réponse à "scope.use" est "[patient_information]"
    Et la réponse à "scope.patient_data" est "[none]"
    Et la réponse à "scope.audience" est "patients"
    Et la réponse à "transparency.ai_disclosure" est "not_disclosed"
    Et la date de l'évaluation est "2026-07-01"
    Et la date de mise en service est "2026-09-01"
    Quand l'évaluation est calculée
    Alors il y a un KO sur "transparency.ai_disclosure=not_disclosed"

  Plan du scénario: un ancien certificat selon la directive est jugé à la date où sa transition se termine (<date retenue>)
    Étant donné la réponse à "scope.use" est "[decision_support]"
    Et la réponse à "regulatory.medical_device" est "ce_marked"
    Et la réponse à "regulatory.device_class" est "legacy_mdd"
    Et la réponse à "regulatory.ai_act_class" est "high_risk_annex_i"
    Et la date de l'évaluation est "<date retenue>"
    Quand l'évaluation est calculée
    Alors <classe III>
    Et <toutes classes>

    Exemples:
      | date retenue | classe III                                                                    | toutes classes                                                            |
      | 2027-12-31   | il n'y a pas de constat sur "regulatory.legacy_certificate_class_check"       | il n'y a pas de constat sur "regulatory.legacy_certificate_expired"       |
      | 2028-01-01   | le constat sur "regulatory.legacy_certificate_class_check" a la sévérité "medium" | il n'y a pas de constat sur "regulatory.legacy_certificate_expired"   |
      | 2028-12-31   | le constat sur "regulatory.legacy_certificate_class_check" a la sévérité "medium" | il n'y a pas de constat sur "regulatory.legacy_certificate_expired"   |
      | 2029-01-01   | il n'y a pas de constat sur "regulatory.legacy_certificate_class_check"       | le constat sur "regulatory.legacy_certificate_expired" a la sévérité "high" |

  Plan du scénario: un certificat délivré selon le MDR n'est pas concerné par la fin de la transition (<date retenue>)
    Étant donné la réponse à "scope.use" est "[decision_support]"
    Et la réponse à "regulatory.medical_device" est "ce_marked"
    Et la réponse à "regulatory.device_class" est "consistent"
    Et la réponse à "regulatory.ai_act_class" est "high_risk_annex_i"
    Et la date de l'évaluation est "<date retenue>"
    Quand l'évaluation est calculée
    Alors il n'y a pas de constat sur "regulatory.legacy_certificate_expired"
    Et il n'y a pas de constat sur "regulatory.legacy_certificate_class_check"
    Et il n'y a pas de constat sur "regulatory.legacy_ivd_certificate_expired"

    Exemples:
      | date retenue |
      | 2028-06-01   |
      | 2029-01-01   |
      | 2030-01-01   |

  Plan du scénario: un ancien dispositif de diagnostic in vitro (directive 98/79/CE) est jugé à la date où sa transition se termine (<choix>, <date retenue>)
    Étant donné la réponse à "scope.use" est "[diagnostic_analysis]"
    Et la réponse à "regulatory.medical_device" est "ce_marked"
    Et la preuve pour "regulatory.medical_device" est "verified"
    Et la réponse à "regulatory.device_class" est "<choix>"
    Et la réponse à "regulatory.ai_act_class" est "high_risk_annex_i"
    Et la date de l'évaluation est "<date retenue>"
    Quand l'évaluation est calculée
    Alors <diagnostic in vitro>
    Et le verdict est "<verdict>"
    Et il n'y a pas de constat sur "regulatory.legacy_certificate_class_check"
    Et il n'y a pas de constat sur "regulatory.legacy_certificate_expired"

    Exemples:
      | choix               | date retenue | diagnostic in vitro                                                              | verdict     |
      | legacy_ivdd_2027    | 2027-12-31   | il n'y a pas de constat sur "regulatory.legacy_ivd_certificate_expired"           | accept      |
      | legacy_ivdd_2027    | 2028-01-01   | le constat sur "regulatory.legacy_ivd_certificate_expired" a la sévérité "high"   | conditional |
      | legacy_ivdd_class_c | 2028-12-31   | il n'y a pas de constat sur "regulatory.legacy_ivd_certificate_expired"           | accept      |
      | legacy_ivdd_class_c | 2029-01-01   | le constat sur "regulatory.legacy_ivd_certificate_expired" a la sévérité "high"   | conditional |
      | legacy_ivdd_class_b | 2029-12-31   | il n'y a pas de constat sur "regulatory.legacy_ivd_certificate_expired"           | accept      |
      | legacy_ivdd_class_b | 2030-01-01   | le constat sur "regulatory.legacy_ivd_certificate_expired" a la sévérité "high"   | conditional |

  Scénario: un logiciel de morphologie sanguine auto-déclaré selon la directive 98/79/CE, désormais de classe B, jugé en mars 2029 : un constat faible, accepté
    Étant donné la réponse à "scope.use" est "[diagnostic_analysis]"
    Et la réponse à "regulatory.medical_device" est "ce_marked"
    Et la preuve pour "regulatory.medical_device" est "verified"
    Et la réponse à "regulatory.device_class" est "legacy_ivdd_class_b"
    Et la réponse à "regulatory.ai_act_class" est "high_risk_annex_i"
    Et la date de l'évaluation est "2029-03-01"
    Quand l'évaluation est calculée
    Alors le constat sur "regulatory.device_class" a la sévérité "low"
    Et il n'y a aucun KO
    Et le verdict est "accept"

  Plan du scénario: la télésurveillance d'une hospitalisation à domicile, jugée en mars 2029, n'est pas mieux traitée sous une ancienne classe de diagnostic in vitro que sous son ancien certificat 93/42 (<choix>)
    Étant donné la réponse à "scope.use" est "[remote_monitoring]"
    Et la réponse à "regulatory.medical_device" est "ce_marked"
    Et la preuve pour "regulatory.medical_device" est "verified"
    Et la réponse à "regulatory.device_class" est "<choix>"
    Et la réponse à "regulatory.ai_act_class" est "high_risk_annex_i"
    Et la date de l'évaluation est "2029-03-01"
    Quand l'évaluation est calculée
    Alors le constat sur "<constat>" a la sévérité "high"
    Et le verdict est "conditional"

    Exemples:
      | choix               | constat                                    |
      | legacy_mdd          | regulatory.legacy_certificate_expired      |
      | legacy_ivdd_class_b | regulatory.ivd_class_contradicts_scope     |

  Plan du scénario: une ancienne classe de diagnostic in vitro pour un outil qui n'analyse ni lames ni résultats de biologie contredit le périmètre et compte comme inconnue, à toute date (<usage>, <choix>, <date retenue>)
    Étant donné la réponse à "scope.use" est "<usage>"
    Et la réponse à "regulatory.medical_device" est "ce_marked"
    Et la preuve pour "regulatory.medical_device" est "verified"
    Et la réponse à "regulatory.device_class" est "<choix>"
    Et la réponse à "regulatory.ai_act_class" est "high_risk_annex_i"
    Et la date de l'évaluation est "<date retenue>"
    Quand l'évaluation est calculée
    Alors le constat sur "regulatory.ivd_class_contradicts_scope" a la sévérité "high"
    Et le constat sur "regulatory.device_class" a la sévérité "high"
    Et le verdict est "conditional"

    Exemples:
      | usage                                | choix               | date retenue |
      | [remote_monitoring]                  | legacy_ivdd_class_b | 2029-12-31   |
      | [decision_support]                   | legacy_ivdd_class_c | 2028-06-01   |
      | [prescription]                       | legacy_ivdd_2027    | 2027-06-01   |
      | [decision_support, remote_monitoring] | legacy_ivdd_class_b | 2026-12-15  |

  Plan du scénario: un ancien dispositif de diagnostic in vitro qui analyse des lames ou des résultats de biologie ne contredit pas le périmètre, même avec d'autres usages (<usage>, <choix>, <date retenue>)
    Étant donné la réponse à "scope.use" est "<usage>"
    Et la réponse à "regulatory.medical_device" est "ce_marked"
    Et la preuve pour "regulatory.medical_device" est "verified"
    Et la réponse à "regulatory.device_class" est "<choix>"
    Et la réponse à "regulatory.ai_act_class" est "high_risk_annex_i"
    Et la date de l'évaluation est "<date retenue>"
    Quand l'évaluation est calculée
    Alors il n'y a pas de constat sur "regulatory.ivd_class_contradicts_scope"
    Et le constat sur "regulatory.device_class" a la sévérité "low"
    Et le verdict est "accept"

    Exemples:
      | usage                                  | choix               | date retenue |
      | [diagnostic_analysis]                  | legacy_ivdd_2027    | 2027-06-01   |
      | [diagnostic_analysis]                  | legacy_ivdd_class_c | 2028-06-01   |
      | [diagnostic_analysis, decision_support] | legacy_ivdd_class_b | 2029-03-01  |

  Plan du scénario: un ancien certificat selon la directive 93/42 n'est pas jugé aux dates du diagnostic in vitro (<date retenue>)
    Étant donné la réponse à "scope.use" est "[decision_support]"
    Et la réponse à "regulatory.medical_device" est "ce_marked"
    Et la réponse à "regulatory.device_class" est "legacy_mdd"
    Et la réponse à "regulatory.ai_act_class" est "high_risk_annex_i"
    Et la date de l'évaluation est "<date retenue>"
    Quand l'évaluation est calculée
    Alors il n'y a pas de constat sur "regulatory.legacy_ivd_certificate_expired"

    Exemples:
      | date retenue |
      | 2028-01-01   |
      | 2030-01-01   |

# language: fr
Fonctionnalité: Hébergement et souveraineté : les KO que la loi impose
  Des données de santé hébergées par un tiers doivent l'être par un hébergeur certifié HDS
  (CSP art. L.1111-8), et le référentiel HDS v2 impose un stockage dans l'EEE. Chaque KO
  est testé dans les deux sens : il bloque quand sa condition est remplie, et seulement alors.

  Contexte:
    Étant donné le jeu de règles "rules/health-ai"
    Et un outil dont les réponses sont :
      | question           | réponse                  |
      | scope.buyer        | public_hospital          |
      | scope.use          | [clinical_documentation] |
      | scope.patient_data | [identifiable]           |
      | scope.deployment   | vendor_saas              |
      | scope.audience     | professionals            |
      | scope.generative   | no                       |
    Et toutes les autres questions ont leur meilleure réponse

  Scénario: un hébergement en France ou dans l'EEE ne bloque pas
    Alors le verdict est "accept"
    Et il n'y a aucun KO
    Et il n'y a pas de constat sur "hosting.location"

  Plan du scénario: stocker hors de l'EEE des données patients confiées à un tiers est un KO (<déploiement>)
    Étant donné la réponse à "scope.deployment" est "<déploiement>"
    Et la réponse à "hosting.location" est "outside_eea"
    Quand l'évaluation est calculée
    Alors il y a un KO sur "hosting.location=outside_eea"
    Et le verdict est "reject"
    Et le constat sur "hosting.location" a la sévérité "blocker"

    Exemples:
      | déploiement                   |
      | buyer_tenancy_hds             |
      | vendor_saas                   |
      | vendor_saas_third_party_model |
      | consumer_app                  |

  Scénario: le rapport explique le KO en français
    Étant donné la réponse à "hosting.location" est "outside_eea"
    Et la réponse à "hosting.hds_certified" est "none"
    Quand l'évaluation est calculée
    Alors le rapport en "fr" mentionne "HDS"
    Et le rapport en "fr" mentionne "EEE"
    Et le rapport en "fr" mentionne "L.1111-8"

  Scénario: hors de l'EEE mais sur l'infrastructure propre de l'acheteur : pas de KO, un constat élevé
    Étant donné la réponse à "scope.deployment" est "on_premises"
    Et la réponse à "hosting.location" est "outside_eea"
    Quand l'évaluation est calculée
    Alors il n'y a pas de KO sur "hosting.location"
    Et le constat sur "hosting.location" a la sévérité "high"
    Et le verdict est "conditional"

  Scénario: la France et un autre pays de l'EEE comptent pareil
    Étant donné la réponse à "hosting.location" est "eea"
    Alors le verdict est "accept"
    Et le score est compris entre 0 et 0

  Plan du scénario: sans certification HDS v2, un hébergement par un tiers est un KO (<réponse>, <déploiement>)
    Étant donné la réponse à "scope.deployment" est "<déploiement>"
    Et la réponse à "hosting.hds_certified" est "<réponse>"
    Quand l'évaluation est calculée
    Alors il y a un KO sur "hosting.hds_certified=<réponse>"
    Et le verdict est "reject"

    Exemples:
      | réponse | déploiement                   |
      | none    | vendor_saas                   |
      | none    | buyer_tenancy_hds             |
      | none    | consumer_app                  |
      | v1_only | vendor_saas                   |
      | v1_only | buyer_tenancy_hds             |
      | v1_only | vendor_saas_third_party_model |

  Plan du scénario: sur site, l'absence de certification HDS n'est pas un KO (<réponse>)
    Étant donné la réponse à "scope.deployment" est "on_premises"
    Et la réponse à "hosting.hds_certified" est "<réponse>"
    Quand l'évaluation est calculée
    Alors il n'y a pas de KO sur "hosting.hds_certified"
    Et le constat sur "hosting.hds_certified" a la sévérité "high"
    Et le verdict est "conditional"

    Exemples:
      | réponse             |
      | none                |
      | v1_only             |
      | infrastructure_only |

  Plan du scénario: un fournisseur qui exploite le service sans certification propre est un KO (<déploiement>)
    Étant donné la réponse à "scope.deployment" est "<déploiement>"
    Et la réponse à "hosting.hds_certified" est "infrastructure_only"
    Quand l'évaluation est calculée
    Alors il y a un KO sur "hosting.hds_certified=infrastructure_only"
    Et le verdict est "reject"

    Exemples:
      | déploiement                   |
      | vendor_saas                   |
      | vendor_saas_third_party_model |
      | consumer_app                  |

  Scénario: dans l'espace propre de l'acheteur chez un hébergeur certifié, seul l'hébergeur doit l'être
    Étant donné la réponse à "scope.deployment" est "buyer_tenancy_hds"
    Et la réponse à "hosting.hds_certified" est "infrastructure_only"
    Quand l'évaluation est calculée
    Alors il n'y a pas de KO sur "hosting.hds_certified"
    Et le constat sur "hosting.hds_certified" a la sévérité "high"

  Plan du scénario: l'établissement d'un GHT qui héberge pour le groupe n'a pas à être certifié (<preuve>)
    Étant donné la réponse à "scope.deployment" est "buyer_tenancy_hds"
    Et la réponse à "scope.vendor_access" est "maintenance"
    Et la réponse à "hosting.hds_certified" est "ght_member_hosting"
    Et la preuve pour "hosting.hds_certified" est "<preuve>"
    Quand l'évaluation est calculée
    Alors <résultat>
    Et le verdict est "<verdict>"

    Exemples:
      | preuve   | résultat                                                           | verdict          |
      | verified | il n'y a aucun KO                                                  | accept           |
      | missing  | il y a un KO en attente de preuves sur "hosting.hds_certified=none" | pending_evidence |

  Plan du scénario: l'exemption du GHT ne vaut que pour un hôpital public qui garde la main sur le service (<cas>)
    Étant donné la réponse à "scope.buyer" est "<acheteur>"
    Et la réponse à "scope.public_law" est "no"
    Et la réponse à "scope.deployment" est "<déploiement>"
    Et la réponse à "scope.vendor_access" est "maintenance"
    Et la réponse à "hosting.hds_certified" est "ght_member_hosting"
    Et la preuve pour "hosting.hds_certified" est "verified"
    Quand l'évaluation est calculée
    Alors il y a un KO sur "hosting.hds_certified=ght_member_hosting"
    Et le verdict est "reject"

    Exemples:
      | cas                                    | acheteur                   | déploiement       |
      | une clinique privée                    | private_clinic             | buyer_tenancy_hds |
      | un ESPIC                               | private_nonprofit_hospital | buyer_tenancy_hds |
      | un EHPAD                               | medico_social              | buyer_tenancy_hds |
      | une officine                           | pharmacy                   | buyer_tenancy_hds |
      | un laboratoire de biologie médicale    | medical_lab               | buyer_tenancy_hds |
      | un hôpital public, service du fournisseur | public_hospital          | vendor_saas       |

  Plan du scénario: un EHPAD public partie au GHT en bénéficie aussi, pas s'il laisse le fournisseur administrer (<cas>)
    Étant donné la réponse à "scope.buyer" est "<acheteur>"
    Et la réponse à "scope.public_law" est "yes"
    Et la réponse à "scope.deployment" est "buyer_tenancy_hds"
    Et la réponse à "scope.vendor_access" est "<accès>"
    Et la réponse à "hosting.hds_certified" est "ght_member_hosting"
    Et la preuve pour "hosting.hds_certified" est "verified"
    Quand l'évaluation est calculée
    Alors <résultat>

    Exemples:
      | cas                                          | acheteur        | accès          | résultat                                                         |
      | un EHPAD public                              | medico_social   | maintenance    | il n'y a pas de KO sur "hosting.hds_certified"                   |
      | un hôpital public, fournisseur administrateur | public_hospital | administration | il y a un KO sur "hosting.hds_certified=ght_member_hosting"      |
      | un centre de santé municipal (hors GHT)      | practice        | maintenance    | il y a un KO sur "hosting.hds_certified=ght_member_hosting"      |

  Scénario: des données anonymisées seules ne relèvent pas de l'HDS
    Étant donné la réponse à "scope.use" est "[general_assistant]"
    Et la réponse à "scope.patient_data" est "[anonymised]"
    Et la réponse à "hosting.hds_certified" est "none"
    Quand l'évaluation est calculée
    Alors la question "hosting.hds_certified" n'est pas posée
    Et il n'y a aucun KO

  Plan du scénario: un accès depuis un pays tiers sans aucune garantie est un KO (<déploiement>)
    Étant donné la réponse à "scope.deployment" est "<déploiement>"
    Et la réponse à "hosting.non_eea_access" est "without_safeguards"
    Quand l'évaluation est calculée
    Alors il y a un KO sur "hosting.non_eea_access=without_safeguards"
    Et le verdict est "reject"

    Exemples:
      | déploiement |
      | vendor_saas |
      | on_premises |

  Plan du scénario: un accès depuis un pays tiers encadré n'est pas un KO (<réponse>)
    Étant donné la réponse à "hosting.non_eea_access" est "<réponse>"
    Quand l'évaluation est calculée
    Alors il n'y a aucun KO
    Et le constat sur "hosting.non_eea_access" a la sévérité "<sévérité>"

    Exemples:
      | réponse  | sévérité |
      | adequacy | medium   |
      | scc      | high     |

  Scénario: une agence publique exposée au CLOUD Act sans atténuation : KO (loi SREN art. 31)
    Étant donné la réponse à "scope.buyer" est "public_agency"
    Et la réponse à "hosting.extraterritorial_law" est "yes"
    Quand l'évaluation est calculée
    Alors il y a un KO sur "hosting.extraterritorial_law=yes"
    Et le verdict est "reject"

  Plan du scénario: hors agence publique, l'exposition au CLOUD Act est un constat élevé, pas un KO (<acheteur>)
    Étant donné la réponse à "scope.buyer" est "<acheteur>"
    Et la réponse à "hosting.extraterritorial_law" est "yes"
    Quand l'évaluation est calculée
    Alors il n'y a pas de KO sur "hosting.extraterritorial_law"
    Et le constat sur "hosting.extraterritorial_law" a la sévérité "high"

    Exemples:
      | acheteur        |
      | public_hospital |
      | private_clinic  |
      | health_tech     |

  Plan du scénario: sur un cloud contrôlé hors de l'UE avec atténuations, une agence publique reçoit un constat élevé à vérifier, pas un KO (<acheteur>)
    Étant donné la réponse à "scope.buyer" est "<acheteur>"
    Et la réponse à "hosting.extraterritorial_law" est "mitigated"
    Quand l'évaluation est calculée
    Alors il n'y a pas de KO sur "hosting.extraterritorial_law"
    Et <constat>
    Et le verdict est "<verdict>"

    Exemples:
      | acheteur        | constat                                                                   | verdict     |
      | public_agency   | le constat sur "hosting.sren_mitigated_check" a la sévérité "high"        | conditional |
      | public_hospital | il n'y a pas de constat sur "hosting.sren_mitigated_check"                | accept      |

  Scénario: une agence publique sur un cloud qualifié SecNumCloud ne bloque pas
    Étant donné la réponse à "scope.buyer" est "public_agency"
    Et la réponse à "hosting.extraterritorial_law" est "secnumcloud"
    Alors il n'y a aucun KO
    Et il n'y a pas de constat sur "hosting.sren_mitigated_check"

  Plan du scénario: un fournisseur qui administre votre espace chez un hébergeur doit être certifié (<accès>)
    Étant donné la réponse à "scope.deployment" est "buyer_tenancy_hds"
    Et la réponse à "scope.vendor_access" est "<accès>"
    Et la réponse à "hosting.hds_certified" est "infrastructure_only"
    Quand l'évaluation est calculée
    Alors <résultat>

    Exemples:
      | accès          | résultat                                                      |
      | administration | il y a un KO sur "hosting.hds_certified=infrastructure_only"  |
      | maintenance    | il n'y a pas de KO sur "hosting.hds_certified"                |

  Scénario: l'activité 5 n'est demandée à part que pour une installation sur site
    Étant donné la réponse à "scope.deployment" est "buyer_tenancy_hds"
    Et la réponse à "scope.vendor_access" est "administration"
    Alors la question "hosting.remote_administration_hds" n'est pas posée

  Scénario: sur site, un fournisseur qui administre et exploite le système sans certification pour l'activité 5 : rejeté
    Administrer et exploiter le système d'information qui contient les données de santé est
    l'activité 5 de l'hébergement (CSP, art. R.1111-9, 5°), soumise à certification où que
    soient les serveurs (art. L.1111-8) ; l'exercer sans certification est un délit (L.1115-1).
    Étant donné la réponse à "scope.deployment" est "on_premises"
    Et la réponse à "scope.vendor_access" est "administration"
    Et la réponse à "hosting.hds_certified" est "no_third_party_hosting"
    Et la réponse à "hosting.remote_administration_hds" est "not_certified"
    Quand l'évaluation est calculée
    Alors il y a un KO sur "hosting.remote_administration_hds=not_certified"
    Et il n'y a pas de KO sur "hosting.hds_certified"
    Et le verdict est "reject"

  Plan du scénario: sur site, le même fournisseur certifié pour l'activité 5 n'est pas bloqué, s'il le prouve (<preuve>)
    Étant donné la réponse à "scope.deployment" est "on_premises"
    Et la réponse à "scope.vendor_access" est "administration"
    Et la réponse à "hosting.hds_certified" est "no_third_party_hosting"
    Et la réponse à "hosting.remote_administration_hds" est "certified"
    Et la preuve pour "hosting.remote_administration_hds" est "<preuve>"
    Quand l'évaluation est calculée
    Alors il n'y a pas de KO sur "hosting.remote_administration_hds"
    Et <attente>
    Et le verdict est "<verdict>"

    Exemples:
      | preuve   | attente                                                                                   | verdict          |
      | verified | il n'y a aucun KO en attente de preuves                                                   | accept           |
      | declared | la preuve pour "hosting.remote_administration_hds" est signalée non vérifiée              | accept           |
      | missing  | il y a un KO en attente de preuves sur "hosting.remote_administration_hds=not_certified" | pending_evidence |

  Scénario: sur site, un fournisseur qui administre un outil de rendez-vous sans données médicales : la question de l'activité 5 n'est pas posée
    Pour la seule identité et les rendez-vous des patients, l'obligation de certification HDS
    n'est pas tranchée : pas d'élément bloquant sur ce seul fondement.
    Étant donné la réponse à "scope.use" est "[appointments]"
    Et la réponse à "scope.patient_data" est "[appointment]"
    Et la réponse à "scope.deployment" est "on_premises"
    Et la réponse à "scope.vendor_access" est "administration"
    Quand l'évaluation est calculée
    Alors la question "hosting.remote_administration_hds" n'est pas posée

  Scénario: sur site, une maintenance ponctuelle sous le contrôle de l'établissement n'est pas l'activité 5 : ni question ni KO
    Étant donné la réponse à "scope.deployment" est "on_premises"
    Et la réponse à "scope.vendor_access" est "maintenance"
    Et la réponse à "hosting.hds_certified" est "no_third_party_hosting"
    Quand l'évaluation est calculée
    Alors la question "hosting.remote_administration_hds" n'est pas posée
    Et il n'y a aucun KO
    Et le verdict est "accept"

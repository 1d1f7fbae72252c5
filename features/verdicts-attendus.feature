# language: fr
Fonctionnalité: Les verdicts qu'un DPO attend sur des outils réalistes
  Des outils fictifs mais réalistes, remplis comme le ferait un acheteur attentif avec la
  documentation du fournisseur (features/tools/). Un outil illicite doit être rejeté ; son
  voisin licite ne doit pas l'être. Un faux rejet coûte la confiance autant qu'une fausse
  acceptation coûte à l'établissement.

  Contexte:
    Étant donné le jeu de règles "rules/health-ai"

  Scénario: le scribe d'un éditeur américain, hébergé dans l'UE sur une chaîne HDS v2 complète : sous conditions
    Étant donné le fichier de réponses "features/tools/scribe-us-cloud.yaml"
    Quand l'évaluation est calculée
    Alors le verdict est "conditional"
    Et il n'y a aucun KO
    Et il n'y a aucun KO en attente de preuves
    Et le constat sur "hosting.extraterritorial_law" a la sévérité "high"

  Scénario: le même scribe qui améliore ses modèles sur les données pseudonymisées, sans MR-004 ni CESREES : rejeté
    Étant donné le fichier de réponses "features/tools/scribe-us-cloud.yaml"
    Et la réponse à "reuse.training" est "yes"
    Quand l'évaluation est calculée
    Alors le verdict est "reject"
    Et il y a un KO sur "reuse.training=yes"

  Scénario: le même scribe qui n'entraîne que dans un cadre de recherche autorisé n'est pas rejeté
    Étant donné le fichier de réponses "features/tools/scribe-us-cloud.yaml"
    Et la réponse à "reuse.training" est "lawful_framework"
    Et la réponse à "reuse.anonymisation_proof" est "not_claimed"
    Quand l'évaluation est calculée
    Alors il n'y a pas de KO sur "reuse.training"
    Et le verdict n'est pas "reject"

  Scénario: le même scribe déclaré « sans aucune donnée personnelle », hébergé hors de l'UE et qui entraîne ses modèles : rejeté
    Étant donné le fichier de réponses "features/tools/scribe-us-cloud.yaml"
    Et la réponse à "scope.patient_data" est "[none]"
    Et la réponse à "hosting.location" est "outside_eea"
    Et la réponse à "reuse.training" est "yes"
    Quand l'évaluation est calculée
    Alors le verdict est "reject"
    Et il y a un KO sur "hosting.location=outside_eea"
    Et il y a un KO sur "reuse.training=yes"
    Et il y a un constat sur "scope.patient_data_by_use"

  Scénario: le même scribe déclaré « sans aucune donnée personnelle », hébergé dans l'UE sur une chaîne HDS v2 complète : pas rejeté
    Étant donné le fichier de réponses "features/tools/scribe-us-cloud.yaml"
    Et la réponse à "scope.patient_data" est "[none]"
    Quand l'évaluation est calculée
    Alors il n'y a aucun KO
    Et le verdict n'est pas "reject"
    Et le constat sur "scope.patient_data_by_use" a la sévérité "medium"

  Scénario: le même scribe en téléconsultation vidéo, qui enregistre l'image du patient sans le lui dire : rejeté
    Étant donné le fichier de réponses "features/tools/scribe-us-cloud.yaml"
    Et la réponse à "scope.patient_data" est "[identifiable, audio, video]"
    Et la réponse à "transparency.image_consent" est "covert"
    Quand l'évaluation est calculée
    Alors le verdict est "reject"
    Et il y a un KO sur "transparency.image_consent=covert"

  Scénario: le même scribe en téléconsultation vidéo, le patient informé et d'accord avant d'être filmé : pas rejeté
    Étant donné le fichier de réponses "features/tools/scribe-us-cloud.yaml"
    Et la réponse à "scope.patient_data" est "[identifiable, audio, video]"
    Et la réponse à "transparency.image_consent" est "informed_each_time"
    Quand l'évaluation est calculée
    Alors il n'y a aucun KO
    Et le verdict est "conditional"

  Scénario: un agent d'orientation des patients sans marquage CE, « à titre d'information seulement » : rejeté
    Étant donné le fichier de réponses "features/tools/orientation-chatbot.yaml"
    Quand l'évaluation est calculée
    Alors le verdict est "reject"
    Et il y a un KO sur "regulatory.medical_device=no_medical_purpose"

  Scénario: le même agent, marqué CE pour l'orientation des patients, n'est pas rejeté
    Étant donné le fichier de réponses "features/tools/orientation-chatbot.yaml"
    Et la réponse à "regulatory.medical_device" est "ce_marked"
    Et la réponse à "regulatory.device_class" est "consistent"
    Quand l'évaluation est calculée
    Alors il n'y a aucun KO
    Et le verdict n'est pas "reject"

  Scénario: un outil de radiologie marqué CE, sur site, télémaintenu sous contrat de sous-traitance : accepté
    Étant donné le fichier de réponses "features/tools/radiology-on-premises.yaml"
    Quand l'évaluation est calculée
    Alors il n'y a aucun KO
    Et le verdict est "accept"

  Scénario: le même outil sans contrat pour l'accès de maintenance du fournisseur : rejeté
    Étant donné le fichier de réponses "features/tools/radiology-on-premises.yaml"
    Et la réponse à "regulatory.dpa" est "no"
    Quand l'évaluation est calculée
    Alors le verdict est "reject"
    Et il y a un KO sur "regulatory.dpa=no"

  Scénario: le même outil auquel le fournisseur n'accède jamais n'a pas besoin de ce contrat
    Étant donné le fichier de réponses "features/tools/radiology-on-premises.yaml"
    Et la réponse à "scope.vendor_access" est "none"
    Et la réponse à "regulatory.dpa" est "no"
    Quand l'évaluation est calculée
    Alors il n'y a aucun KO
    Et le verdict est "accept"

  Scénario: un agent conversationnel généraliste utilisé pour le diagnostic avec des données de patients : rejeté
    Étant donné le fichier de réponses "features/tools/llm-diagnosis.yaml"
    Quand l'évaluation est calculée
    Alors le verdict est "reject"
    Et il y a un KO sur "regulatory.intended_use=general_purpose_llm"
    Et il y a un KO sur "regulatory.medical_device=no_medical_purpose"
    Et il y a un KO sur "regulatory.dpa=no"

  Scénario: un assistant de rendez-vous hébergé aux États-Unis, sans contrat de sous-traitance : rejeté
    Étant donné le fichier de réponses "features/tools/booking-us.yaml"
    Quand l'évaluation est calculée
    Alors le verdict est "reject"
    Et il y a un KO sur "regulatory.dpa=no"
    Et il y a un KO sur "hosting.non_eea_access=without_safeguards"
    Et il n'y a pas de KO sur "hosting.hds_certified"

  Scénario: le même assistant rejeté même si l'acheteur a coché « aucune donnée personnelle »
    Étant donné le fichier de réponses "features/tools/booking-us.yaml"
    Et la réponse à "scope.patient_data" est "[none]"
    Quand l'évaluation est calculée
    Alors le verdict est "reject"
    Et il y a un KO sur "regulatory.dpa=no"
    Et il y a un constat sur "scope.appointments_without_personal_data"

  Scénario: un assistant de rendez-vous européen, sous contrat, avec l'information RGPD : accepté
    Étant donné le fichier de réponses "features/tools/booking-eu.yaml"
    Quand l'évaluation est calculée
    Alors il n'y a aucun KO
    Et le verdict est "accept"

  Scénario: le même assistant sans certification HDS : risque élevé, pas de rejet (obligation non tranchée)
    Étant donné le fichier de réponses "features/tools/booking-eu.yaml"
    Et la réponse à "hosting.hds_certified" est "none"
    Quand l'évaluation est calculée
    Alors il n'y a aucun KO
    Et le constat sur "hosting.hds_certified" a la sévérité "high"
    Et le verdict est "conditional"

  Scénario: un agent d'information pratique sans donnée personnelle, qui dit être une IA : accepté
    Étant donné le fichier de réponses "features/tools/faq-chatbot.yaml"
    Quand l'évaluation est calculée
    Alors il n'y a aucun KO
    Et le verdict est "accept"
    Et il y a un constat sur "scope.patients_may_type_personal_data"

  Scénario: le même agent qui ne dit pas être une IA : rejeté depuis le 2 août 2026
    Étant donné le fichier de réponses "features/tools/faq-chatbot.yaml"
    Et la réponse à "transparency.ai_disclosure" est "not_disclosed"
    Quand l'évaluation est calculée
    Alors le verdict est "reject"
    Et il y a un KO sur "transparency.ai_disclosure=not_disclosed"

  Scénario: une détection de chutes en EHPAD par caméras en chambre, images analysées dans l'appareil, sans marquage CE : à conditions, pas de KO
    Étant donné le fichier de réponses "features/tools/fall-alarm-ehpad.yaml"
    Et la réponse à "transparency.image_consent" est "continuous_on_device"
    Quand l'évaluation est calculée
    Alors il n'y a aucun KO
    Et il n'y a aucun KO en attente de preuves
    Et le verdict est "conditional"
    Et le constat sur "transparency.care_home_room_camera" a la sévérité "high"
    Et le constat sur "regulatory.safety_alert_purpose_check" a la sévérité "low"

  Scénario: le même détecteur, l'accord recueilli à l'admission déclaré comme un accord avant chaque captation : à conditions
    Étant donné le fichier de réponses "features/tools/fall-alarm-ehpad.yaml"
    Quand l'évaluation est calculée
    Alors il n'y a aucun KO
    Et le verdict est "conditional"
    Et le constat sur "transparency.care_home_room_camera" a la sévérité "high"

  Scénario: le même détecteur qui envoie au personnel un extrait vidéo et une vue en direct de la chambre : rejeté
    Étant donné le fichier de réponses "features/tools/fall-alarm-ehpad.yaml"
    Et la réponse à "transparency.image_consent" est "continuous_images_viewed"
    Quand l'évaluation est calculée
    Alors le verdict est "reject"
    Et il y a un KO sur "transparency.image_consent=continuous_images_viewed"

  Scénario: le même détecteur de chutes fait de capteurs radar sans image : accepté
    Étant donné le fichier de réponses "features/tools/fall-alarm-ehpad.yaml"
    Et la réponse à "scope.patient_data" est "[identifiable]"
    Quand l'évaluation est calculée
    Alors il n'y a aucun KO
    Et il n'y a aucun KO en attente de preuves
    Et le verdict est "accept"
    Et il n'y a pas de constat sur "transparency.care_home_room_camera"

  Scénario: le même détecteur employé pour surveiller les crises d'épilepsie, sans marquage CE : rejeté
    Étant donné le fichier de réponses "features/tools/fall-alarm-ehpad.yaml"
    Et la réponse à "scope.use" est "[safety_alerts, remote_monitoring]"
    Quand l'évaluation est calculée
    Alors le verdict est "reject"
    Et il y a un KO sur "regulatory.medical_device=no_medical_purpose"

  Scénario: le même détecteur qui filme les résidents en chambre à leur insu : rejeté
    Étant donné le fichier de réponses "features/tools/fall-alarm-ehpad.yaml"
    Et la réponse à "transparency.image_consent" est "covert"
    Quand l'évaluation est calculée
    Alors le verdict est "reject"
    Et il y a un KO sur "transparency.image_consent=covert"

  Scénario: un planning d'hôpital public qui répartit les gardes selon les absences passées, toutes obligations remplies : accepté
    Étant donné le fichier de réponses "features/tools/planning-chu.yaml"
    Et la réponse à "oversight.human_decision" est "always"
    Quand l'évaluation est calculée
    Alors le verdict est "accept"
    Et la question "regulatory.fria" est posée
    Et la question "regulatory.eu_registration" est posée

  Scénario: le même planning sans analyse d'impact sur les droits fondamentaux (annexe III, point 4) : rejeté
    Étant donné le fichier de réponses "features/tools/planning-chu.yaml"
    Et la réponse à "regulatory.fria" est "not_planned"
    Quand l'évaluation est calculée
    Alors le verdict est "reject"
    Et il y a un KO sur "regulatory.fria=not_planned"

  Scénario: le même planning sans AIPD, alors qu'il établit des profils des agents : rejeté
    Étant donné le fichier de réponses "features/tools/planning-chu.yaml"
    Et la réponse à "regulatory.dpia" est "no"
    Quand l'évaluation est calculée
    Alors le verdict est "reject"
    Et il y a un KO sur "regulatory.dpia=no"

  Scénario: un planning calculé à partir des seules disponibilités déclarées n'est pas un usage de l'annexe III
    Étant donné le fichier de réponses "features/tools/planning-chu.yaml"
    Et la réponse à "scope.workforce_decisions" est "no"
    Et la réponse à "regulatory.fria" est "not_planned"
    Quand l'évaluation est calculée
    Alors la question "regulatory.fria" n'est pas posée
    Et il n'y a aucun KO

  Scénario: une application de TCC marquée CE que les patients installent eux-mêmes, l'éditeur seul responsable du traitement : acceptée
    Étant donné le fichier de réponses "features/tools/cbt-app-patients.yaml"
    Quand l'évaluation est calculée
    Alors le verdict est "accept"
    Et il n'y a aucun KO
    Et il n'y a aucun KO en attente de preuves
    Et la question "regulatory.dpa" n'est pas posée
    Et la question "regulatory.dpia" n'est pas posée
    Et le constat sur "regulatory.publisher_controller_documentation" a la sévérité "low"

  Scénario: la même application dont les psychiatres suivent les résultats sur un tableau de bord, sans contrat ni AIPD : rejetée
    Étant donné le fichier de réponses "features/tools/cbt-app-patients.yaml"
    Et la réponse à "scope.audience" est "professionals_and_patients"
    Quand l'évaluation est calculée
    Alors le verdict est "reject"
    Et il y a un KO sur "regulatory.dpa=no"
    Et il y a un KO sur "regulatory.dpia=no"
    Et le constat sur "regulatory.publisher_controller_contradicts_scope" a la sévérité "high"

  Scénario: la même application déclarée « application grand public », sans contrat ni AIPD : rejetée
    Étant donné le fichier de réponses "features/tools/cbt-app-patients.yaml"
    Et la réponse à "scope.deployment" est "consumer_app"
    Quand l'évaluation est calculée
    Alors le verdict est "reject"
    Et il y a un KO sur "regulatory.dpa=no"
    Et il y a un KO sur "regulatory.dpia=no"
    Et il n'y a pas de constat sur "regulatory.publisher_controller_contradicts_scope"

  Scénario: la même application dont les contenus sont versés automatiquement au dossier du patient : rejetée
    Étant donné le fichier de réponses "features/tools/cbt-app-patients.yaml"
    Et la réponse à "transparency.record_traceability" est "automatic"
    Quand l'évaluation est calculée
    Alors le verdict est "reject"
    Et il y a un KO sur "regulatory.publisher_controller_record_contradiction"

  Scénario: la même application hébergée par un éditeur qui n'est pas lui-même certifié HDS : rejetée
    Étant donné le fichier de réponses "features/tools/cbt-app-patients.yaml"
    Et la réponse à "hosting.hds_certified" est "infrastructure_only"
    Quand l'évaluation est calculée
    Alors le verdict est "reject"
    Et il y a un KO sur "hosting.hds_certified=infrastructure_only"

  Scénario: un généraliste qui photographie des lésions cutanées pour un classifieur marqué CE (photographies cliniques) : accepté
    Étant donné un outil dont les réponses sont :
      | question           | réponse                |
      | scope.buyer        | practice               |
      | scope.public_law   | no                     |
      | scope.use          | [diagnostic_analysis]  |
      | scope.patient_data | [identifiable, images] |
      | scope.deployment   | vendor_saas            |
      | scope.audience     | professionals          |
      | scope.generative   | no                     |
    Et toutes les autres questions ont leur meilleure réponse
    Quand l'évaluation est calculée
    Alors la question "transparency.staff_information" n'est pas posée
    Et la question "transparency.image_consent" n'est pas posée
    Et il n'y a aucun KO en attente de preuves
    Et le verdict est "accept"

  Scénario: un logiciel de morphologie sanguine auto-déclaré selon la directive 98/79/CE, désormais de classe B, jugé en mars 2029 : sa classe de diagnostic in vitro correspond à l'usage, accepté
    Étant donné le fichier de réponses "features/tools/blood-smear-ivd-2029.yaml"
    Quand l'évaluation est calculée
    Alors il n'y a pas de constat sur "regulatory.ivd_class_contradicts_scope"
    Et le constat sur "regulatory.device_class" a la sévérité "low"
    Et le verdict est "accept"

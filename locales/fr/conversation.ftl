# Messages of the conversation itself (not tied to one question).
# Every message here is sent by SMS: keep it short, and remember that
# ç, â, ê, î, ô, û are sent without their accent (GSM-7).

bienvenue = Bonjour ! Je vous aide à trouver les aides auxquelles vous avez droit, en { $n } questions environ. AIDE pour de l'aide, STOP pour arrêter.
reprise = Bonjour ! Reprenons où nous en étions.
progression = { $n }/{ $total }
incompris = Je n'ai pas compris. Exemple de réponse : { $exemple }
incompris-bornes = Ce nombre ne semble pas possible ici. Exemple de réponse : { $exemple }
incompris-liste = { $n ->
    [one] J'attends une réponse. Exemple : { $exemple }
   *[other] J'attends { $n } réponses, une par enfant. Exemple : { $exemple }
}
incompris-rappel = Vous pouvez aussi répondre RAPPEL : un conseiller vous appellera.
ne-sait-pas = D'accord, passons.
aide-mots = Mots utiles : RETOUR, RECOMMENCER, RAPPEL (être appelé), EFFACER, LANGUE EN, CONTACT, STOP.
retour = Question précédente :
retour-impossible = Nous sommes à la première question.
recommencer = C'est reparti, tout est remis à zéro.
stop = Vous ne recevrez plus de message. Envoyez START ou BONJOUR pour reprendre. Vos réponses sont effacées au bout de { $jours } jours, ou avec EFFACER.
effacer = Toutes vos réponses sont effacées. Envoyez BONJOUR pour une nouvelle simulation.
rappel = C'est noté : un conseiller va vous rappeler. Vous pouvez continuer en attendant.
rappel-traite = Bonjour, un conseiller a traité votre demande de rappel. Envoyez BONJOUR pour revoir vos réponses, RAPPEL si besoin.
langue = Nous continuons en français.
contact = Service { $operateur }. Contact : { $contact }. Vos réponses restent { $jours } jours, EFFACER les supprime.

merci = Avec plaisir, bon courage !
bavardage = Je suis un service automatique : je pose quelques questions pour trouver vos aides. Un conseiller peut vous appeler : répondez RAPPEL.

resultats-titre = Vous pourriez avoir droit à :
resultat-mois = { $n }. { $aide } : { $montant } €/mois
resultat-an = { $n }. { $aide } : { $montant } €/an
resultat-sans-montant = { $n }. { $aide }
resultats-detail = Répondez un numéro pour le détail et la démarche.
resultats-suite = SUITE pour les autres aides.
resultats-a-verifier = À vérifier : { $aides }{ $selon }. RAPPEL : un conseiller vous aide.
resultats-suppose = Calcul fait sans { $liste }.
resultats-rien = D'après vos réponses, je ne trouve pas d'aide pour vous. Un France Services ou Allô Service Public (39 39) peut vérifier avec vous. Une baisse de revenus, une naissance ou un déménagement peuvent tout changer.
resultats-fin = Répondez un numéro pour le détail, RECOMMENCER pour une autre simulation, RAPPEL pour être rappelé.
resultats-fin-sans-aide = Répondez RECOMMENCER pour une autre simulation, RAPPEL pour être rappelé.
resultats-numero = Répondez un numéro de 1 à { $n }.

detail-montant-mois = { $aide } : environ { $montant } €/mois.
detail-montant-an = { $aide } : environ { $montant } €/an.
detail-sans-montant = { $aide }.
detail-demarche = Demande : { $ou }
detail-telephone = Tél. { $telephone }
detail-documents = À préparer : { $documents }
detail-a-verifier = { $aide } : il manque une information pour conclure. Un conseiller peut vérifier avec vous (RAPPEL).
recapitulatif-titre = Récapitulatif guichet : vous pourriez avoir droit à (montants estimés, confirmés lors de la demande) :
recapitulatif-fin = Gardez ce SMS pour faire vos demandes. Aide : { $contact }.

arrete = Vous avez demandé STOP. Envoyez START pour reprendre.

flot = Vous envoyez beaucoup de messages : attendez une minute, je vous réponds ensuite.

## Read-back: what was understood when an answer was converted, inferred or
## taken from a message that answered another question.
relu = J'ai compris : { $quoi }. Sinon, RETOUR.
relu-couple = { $oui ->
    [1] en couple
   *[0] seul(e)
}
relu-enfants = { $n ->
    [0] pas d'enfant
    [one] 1 enfant
   *[other] { $n } enfants
}
relu-age = { $n } ans
relu-colocation = en colocation
relu-handicap = { $oui ->
    [1] handicap reconnu
   *[0] pas de handicap
}
relu-par-mois = { $montant } € par mois
relu-raison-brut = net, depuis le brut x { $taux }
relu-raison-semaine = depuis la semaine
relu-raison-annee = depuis l'année
relu-raison-fourchette = entre { $de } € et { $a } €
relu-raison-jour = depuis le montant par jour
relu-annees = titre de séjour depuis { $n } ans
relu-raison-smic = le SMIC net
relu-raison-charges = { $avec } € moins { $charges } € de charges
## A first message in a language or script we do not speak: both languages.
langue-inconnue = Bonjour ! Répondez BONJOUR pour continuer en français, LANGUE EN pour l'anglais, ou RAPPEL pour être rappelé(e). Hello! Reply LANGUE EN for English, or CALL to be called back.

## Results: what stays open, what was presumed.
resultats-pas-encore = Je ne peux pas encore conclure : il me manque une réponse.
resultats-n-aides = { $n } aides
resultats-selon = {" "}(selon { $sujets })
liste-ni = { $debut } ni { $fin }
resultat-ou = ou, à la place : { $ligne }
## A "je ne sais pas" that still decides an aid, asked once more at the end.
relance = Je reviens sur une question, elle peut changer le résultat : même une estimation suffit.
relance-exemple = Exemple : { $exemple }.
## What a question asks about, in "selon …" (what would decide an aid left open).
sujet-couple = votre vie de couple
sujet-nombre_enfants = vos enfants
sujet-ages_enfants = l'âge des enfants
sujet-ages_couple = vos âges
sujet-age = votre âge
sujet-age_conjoint = l'âge de votre conjoint
sujet-logement = votre logement
sujet-loyer = votre loyer
sujet-code_postal = votre commune
sujet-commune = votre commune
sujet-activite = votre activité
sujet-salaire = votre salaire
sujet-salaire_etudiant = vos revenus
sujet-chomage = votre chômage
sujet-retraite = votre retraite
sujet-activite_conjoint = l'activité de votre conjoint
sujet-salaire_conjoint = le salaire de votre conjoint
sujet-chomage_conjoint = le chômage de votre conjoint
sujet-retraite_conjoint = la retraite de votre conjoint
sujet-handicap_foyer = un handicap
sujet-handicap = un handicap
sujet-handicap_conjoint = un handicap
sujet-handicap_enfants = le handicap d'un enfant
sujet-scolarite_enfants = l'école des enfants
sujet-nationalite = votre nationalité
sujet-droit_sejour_ue = votre droit au séjour
sujet-droit_sejour_ue_conjoint = le droit au séjour de votre conjoint
sujet-titre_sejour = votre titre de séjour
sujet-nationalite_conjoint = la nationalité de votre conjoint
sujet-titre_sejour_conjoint = le titre de séjour de votre conjoint
sujet-ass_travail = vos années de travail
sujet-pension_alimentaire = la pension alimentaire
sujet-boursier = votre bourse
sujet-enceinte = une grossesse
## A presumed value, in "Calcul fait sans …".
sans-epargne = épargne importante
sans-pension_alimentaire_recue = pension alimentaire
sans-autres_revenus = autre revenu
sans-chomage_net = autre revenu
sans-retraite_nette = autre revenu
sans-salaire_net = autre revenu
sans-enceinte = grossesse
sans-pension_invalidite = pension d'invalidité
sans-boursier = bourse d'études
sans-colocation = colocation
sans-garde_alternee = garde alternée

# Follow-ups (only with consent; see README "Follow-ups").
suivi-question = Pouvons-nous vous écrire dans 7 jours pour savoir où vous en êtes ? Répondez OUI.
suivi-question-pause = Bonjour, votre simulation guichet est en pause. Pouvons-nous vous relancer une fois ? Répondez OUI, ou STOP.
suivi-oui = C'est noté : au plus deux messages, jamais la nuit. STOP pour annuler.
suivi-reprise = Vous pouvez reprendre où vous en étiez : répondez SUITE
suivi-demarche = Avez-vous fait la demande ? 1 Oui 2 Pas encore 3 J'ai besoin d'aide
suivi-demarche-faite = Bravo ! Gardez vos justificatifs. Nous ne vous écrirons plus.
suivi-demarche-pas-encore = D'accord. Répondez RAPPEL si un conseiller peut vous aider.

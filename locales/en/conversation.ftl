# Messages of the conversation itself (not tied to one question), in English.

bienvenue = Hello! I help you find the aids you are entitled to, in about { $n } questions. HELP for help, STOP to stop.
reprise = Hello! Let's go on where we stopped.
progression = { $n }/{ $total }
incompris = Sorry, I did not understand. Example answer: { $exemple }
incompris-bornes = This number does not seem possible here. Example answer: { $exemple }
incompris-liste = { $n ->
    [one] I need one answer. Example: { $exemple }
   *[other] I need { $n } answers, one per child. Example: { $exemple }
}
incompris-rappel = You can also answer CALL: an adviser will phone you.
ne-sait-pas = All right, let's skip it.
aide-mots = Useful words: BACK, RESTART, CALL (get a call), ERASE, LANGUE FR, CONTACT, STOP.
retour = Previous question:
retour-impossible = This is the first question.
recommencer = Starting again, everything is cleared.
stop = You will get no more messages. Send START or HELLO to resume. Your answers are erased after { $jours } days, or with ERASE.
effacer = All your answers are erased. Send HELLO for a new check.
rappel = Noted: an adviser will call you back. You can go on meanwhile.
rappel-traite = Hello, an adviser has handled your callback request. Send HELLO to see your answers again, CALL if needed.
langue = We go on in English.
contact = Service run by { $operateur }. Contact: { $contact }. Your answers are kept { $jours } days, ERASE deletes them.

merci = You're welcome, good luck!
bavardage = I am an automatic service: I ask a few questions to find the aids you may get. An adviser can call you: reply CALL.

resultats-titre = You may be entitled to:
resultat-mois = { $n }. { $aide }: { $montant } €/month
resultat-an = { $n }. { $aide }: { $montant } €/year
resultat-sans-montant = { $n }. { $aide }
resultats-detail = Answer a number for details and how to apply.
resultats-suite = MORE for the other aids.
resultats-a-verifier = Still to check: { $aides }{ $selon }. CALL: an adviser helps you.
resultats-suppose = Worked out with no { $liste }.
resultats-rien = From your answers, I find no aid for you. A France Services office or Allô Service Public (39 39) can check with you. Lower income, a birth or a move can change everything.
resultats-fin = Answer a number for details, RESTART for a new check, CALL to get a call.
resultats-fin-sans-aide = Reply RESTART for a new check, CALL to get a call.
resultats-numero = Answer a number from 1 to { $n }.

detail-montant-mois = { $aide }: about { $montant } €/month.
detail-montant-an = { $aide }: about { $montant } €/year.
detail-sans-montant = { $aide }.
detail-demarche = Apply: { $ou }
detail-telephone = Phone { $telephone }
detail-documents = To prepare: { $documents }
detail-a-verifier = { $aide }: one piece of information is missing. An adviser can check with you (CALL).
recapitulatif-titre = guichet summary: you may be entitled to (estimated amounts, confirmed when you apply):
recapitulatif-fin = Keep this SMS to apply. Help: { $contact }.

arrete = You asked STOP. Send START to resume.

flot = You are sending many messages: please wait a minute, I will answer then.

## Read-back: what was understood when an answer was converted, inferred or
## taken from a message that answered another question.
relu = I understood: { $quoi }. If not, reply BACK.
relu-couple = { $oui ->
    [1] living as a couple
   *[0] living alone
}
relu-enfants = { $n ->
    [0] no children
    [one] 1 child
   *[other] { $n } children
}
relu-age = { $n } years old
relu-colocation = flatshare
relu-handicap = { $oui ->
    [1] recognised disability
   *[0] no disability
}
relu-par-mois = { $montant } € a month
relu-raison-brut = net, from gross x { $taux }
relu-raison-semaine = from the weekly amount
relu-raison-annee = from the yearly amount
relu-raison-fourchette = between { $de } € and { $a } €
relu-raison-jour = from the daily amount
relu-annees = residence permit for { $n } years
relu-raison-smic = the net minimum wage
relu-raison-charges = { $avec } € less { $charges } € of charges
## A first message in a language or script we do not speak: both languages.
langue-inconnue = Bonjour ! Répondez BONJOUR pour continuer en français, LANGUE EN pour l'anglais, ou RAPPEL pour être rappelé(e). Hello! Reply LANGUE EN for English, or CALL to be called back.

## Results: what stays open, what was presumed.
resultats-pas-encore = I cannot conclude yet: one answer is missing.
resultats-n-aides = { $n } aids
resultats-selon = {" "}(depends on { $sujets })
liste-ni = { $debut } or { $fin }
resultat-ou = or instead: { $ligne }
## A "don't know" that still decides an aid, asked once more at the end.
relance = Back to one question, it can change the result: an estimate is fine.
relance-exemple = Example: { $exemple }.
## What a question asks about, in "depends on …".
sujet-couple = whether you live as a couple
sujet-nombre_enfants = your children
sujet-ages_enfants = the children's ages
sujet-ages_couple = your ages
sujet-age = your age
sujet-age_conjoint = your partner's age
sujet-logement = your housing
sujet-loyer = your rent
sujet-code_postal = your town
sujet-commune = your town
sujet-activite = your activity
sujet-salaire = your pay
sujet-salaire_etudiant = your income
sujet-chomage = your unemployment benefit
sujet-retraite = your pension
sujet-activite_conjoint = your partner's activity
sujet-salaire_conjoint = your partner's pay
sujet-chomage_conjoint = your partner's unemployment benefit
sujet-retraite_conjoint = your partner's pension
sujet-handicap_foyer = a disability
sujet-handicap = a disability
sujet-handicap_conjoint = a disability
sujet-handicap_enfants = a child's disability
sujet-scolarite_enfants = the children's schools
sujet-nationalite = your nationality
sujet-droit_sejour_ue = your right of residence
sujet-droit_sejour_ue_conjoint = your partner's right of residence
sujet-titre_sejour = your residence permit
sujet-nationalite_conjoint = your partner's nationality
sujet-titre_sejour_conjoint = your partner's residence permit
sujet-ass_travail = your years of work
sujet-pension_alimentaire = child support
sujet-boursier = your student grant
sujet-enceinte = a pregnancy
## A presumed value, in "Worked out with no …".
sans-epargne = large savings
sans-pension_alimentaire_recue = child support
sans-autres_revenus = other income
sans-chomage_net = other income
sans-retraite_nette = other income
sans-salaire_net = other income
sans-enceinte = pregnancy
sans-pension_invalidite = invalidity pension
sans-boursier = student grant
sans-colocation = flat-sharing
sans-garde_alternee = shared custody

# Follow-ups (only with consent; see README "Follow-ups").
suivi-question = May we write to you in 7 days to see how you are getting on? Reply YES.
suivi-question-pause = Hello, your guichet simulation is on hold. May we remind you once? Reply YES, or STOP.
suivi-oui = Noted: two messages at most, never at night. STOP to cancel.
suivi-reprise = You can pick up where you left off: reply SUITE
suivi-demarche = Did you apply? 1 Yes 2 Not yet 3 I need help
suivi-demarche-faite = Well done! Keep your documents. We will not write again.
suivi-demarche-pas-encore = All right. Reply RAPPEL if an adviser can help.

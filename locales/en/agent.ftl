# Words of the agent console (web pages under /agent). Not sent by SMS:
# they are exempt from the GSM-7 budget, not from being in both languages.

agent-marque = guichet · agent console
agent-titre-suffixe = guichet, agent console
agent-evitement = Skip to content
agent-menu = Main menu
agent-menu-accueil = Home
agent-menu-rappels = Callback requests
agent-deconnexion = Log out

agent-connexion = Log in
agent-identifiant = Login
agent-mot-de-passe = Password
agent-se-connecter = Log in
agent-connexion-refusee = Wrong login or password.
agent-connexion-bloquee = Too many attempts: this login is locked for { $minutes } more min.

agent-erreur = Error
agent-retour-accueil = Back to home
agent-introuvable = Page not found
agent-introuvable-texte = This call or page does not exist (or no longer does).
agent-formulaire-expire = Form expired: reload the page and try again.
agent-rappel-deja-pris = This callback request has just been taken by another agent.
agent-indisponible = Service unavailable: try again.
agent-stockage-indisponible = Storage unavailable: nothing was saved, try again.
agent-erreur-interne = Internal error: try again.

agent-accueil = Agent console
agent-commencer = Start a call
agent-voir-rappels = See callback requests

agent-appel = Call in progress
agent-disparue = This conversation no longer exists: the person erased their data, or it expired.
agent-arretee = The person sent STOP: nothing is sent to them and their conversation cannot go on here.
agent-message-service = Service message (SMS version)
agent-vue-imprimable = Printable view
agent-reponses-donnees = Answers given
agent-reponses-legende = Any answer can be changed: the following questions are asked again as needed.
agent-colonne-question = Question
agent-colonne-reponse = Answer
agent-colonne-action = Action
agent-modifier = Change
agent-situation = Situation declared
agent-colonne-champ = Field
agent-colonne-valeur = Value

agent-rappel = Callback request
agent-rappel-demandee = Requested on { $date } by { $canal }.
agent-rappel-numero = Number to call:
agent-rappel-telegram = The person writes on Telegram and shared no number. They will be told on Telegram when the request is closed.
agent-rappel-injoignable = No way to reach the person is kept.
agent-rappel-close = Request closed.
agent-rappel-clore-prevenir = Close the request and tell the person
agent-rappel-clore = Close the request
agent-rappel-disparue = This callback request no longer exists.
agent-canal-sms = SMS
agent-canal-telegram = Telegram
agent-canal-agent = phone (console)

agent-sms-titre = Send the summary by SMS
agent-sms-rien = No aid granted: nothing to summarise.
agent-sms-non-configure = Sending SMS is not configured on this service (config.toml: [sms.twilio], [sms.vonage] or [sms.mtarget]).
agent-sms-texte = Text sent ({ $n } SMS)
agent-sms-numero = Caller's mobile number
agent-sms-numero-rappel = (empty: the number of the callback request)
agent-sms-consentement = The caller agrees to receive this summary by SMS (their number is not kept).
agent-sms-envoyer = Send the SMS
agent-sms-sans-accord = SMS not sent: tick the box once the caller has agreed.
agent-sms-numero-invalide = SMS not sent: number not recognised. Give a mobile number, for example 06 12 34 56 78.
agent-sms-rien-a-envoyer = SMS not sent: no aid granted to summarise.
agent-sms-stockage = SMS not sent: storage unavailable ({ $erreur }).
agent-sms-envoye = Summary sent by SMS to { $numero } ({ $n } SMS).
agent-sms-echec = SMS not sent: { $erreur }.

agent-envoi-non-configure = no sending is configured for this channel (config.toml: [sms.twilio], [sms.vonage], [sms.mtarget] or [telegram])
agent-envoi-contact-invalide = number not recognised: give a French mobile number, for example 06 12 34 56 78
agent-envoi-indicatif-refuse = number outside the allowed country codes ([sms] allowed_country_codes): no SMS is sent abroad
agent-envoi-arrete = this person sent STOP: nothing is sent to them
agent-envoi-stockage = storage unavailable ({ $erreur }): try again

agent-modifier-titre = Change an answer
agent-reponse-actuelle = Current answer:
agent-annuler = Cancel and go back to the call
agent-modifiee = Answer changed; the results are computed again.
agent-modifiee-retirees = Answer changed. These answers are removed, as their question no longer applies: { $liste }.
agent-modifier-ancienne = This conversation began before answers were kept: use "Previous question" to go back.
agent-modifier-arretee = The person sent STOP: their conversation can no longer be changed.

agent-lire = Read to the caller
agent-progression = Question { $n } of about { $total }
agent-progression-libelle = Progress
agent-oui = Yes
agent-non = No
agent-touches = Answers (keyboard keys in brackets)
agent-reponse-libre = Free answer (read like an SMS)
agent-envoyer = Send
agent-precedente = Previous question

agent-par-mois = € per month
agent-par-an = € per year
agent-une-fois = € (once)
agent-pourquoi = Why
agent-hypotheses = Assumptions
agent-comment = How to apply
agent-en-ligne = Online:
agent-telephone = Phone:
agent-documents = Documents to prepare
agent-resultats = Results
agent-aucune-aide = No aid is granted from the answers given.
agent-a-verifier = To check (answers missing)

agent-imprimer-titre = Summary
agent-imprimer-h1 = Summary of your rights
agent-imprimer = Print
agent-imprimer-pas-fini = The questions are not over: no results yet.
agent-imprimer-situation = Your situation

agent-rappels-aucune = No callback request.
agent-rappels-legende = { $n ->
    [one] One request, oldest first
   *[other] { $n } requests, oldest first
}
agent-colonne-depuis = Since
agent-colonne-canal = Channel
agent-colonne-etat = State
agent-rappels-traitee = handled
agent-rappels-prise = taken by { $agent }
agent-rappels-attente = waiting
agent-rappels-telegram = by Telegram
agent-prendre = Take
agent-prendre-detail = the request of { $date }

agent-clos-disparue = This callback request no longer exists (the person erased their data).
agent-clos-injoignable = Request closed. The person was not told: no way to reach them is kept.
agent-clos-prevenue = Request closed. The person is told by { $canal }.
agent-clos-echec = Request closed. The person could not be told by { $canal }: { $erreur }.

# The funnel (supervisors only).
agent-menu-entonnoir = Funnel
agent-entonnoir = Conversation funnel
agent-entonnoir-interdit = For supervisors only
agent-entonnoir-intro = Aggregate figures of the conversations kept: no person can be recognised in them.
agent-entonnoir-periode = Last { $jours } days
agent-entonnoir-chiffres = Figures of the last { $jours } days
agent-entonnoir-commencees = Conversations begun
agent-entonnoir-finies = Reached the results
agent-entonnoir-mediane-questions = Median answers before the results
agent-entonnoir-mediane-minutes = Median time to the results (minutes)
agent-entonnoir-aides = Aids found
agent-entonnoir-montant = Total monthly amount of the aids found
agent-entonnoir-consentements = Agreed to follow-ups
agent-entonnoir-demarche-faite = "Did you apply?": yes
agent-entonnoir-demarche-pas-encore = "Did you apply?": not yet
agent-entonnoir-demarche-aide = "Did you apply?": needs help
agent-entonnoir-par-canal = By channel
agent-entonnoir-par-canal-graphique = Conversations begun by channel, last { $jours } days
agent-entonnoir-canal = Channel
agent-entonnoir-par-langue = By language
agent-entonnoir-langue = Language
agent-entonnoir-abandons = Conversations stopped, by the question waiting
agent-entonnoir-abandons-graphique = Conversations stopped by the question waiting, last { $jours } days
agent-entonnoir-aucun-abandon = No conversation under way or stopped.
agent-entonnoir-question = Question
agent-entonnoir-conversations = Conversations
agent-entonnoir-rappels = Callback requests waiting
agent-entonnoir-rappels-attente = Waiting
agent-entonnoir-rappels-age-median = Median wait (hours)
agent-entonnoir-rappels-age-max = Longest wait (hours)

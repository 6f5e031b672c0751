# Words of the agent console (web pages under /agent). Not sent by SMS:
# they are exempt from the GSM-7 budget, not from being in both languages.

agent-marque = guichet · console agent
agent-titre-suffixe = guichet, console agent
agent-evitement = Aller au contenu
agent-menu = Menu principal
agent-menu-accueil = Accueil
agent-menu-rappels = Demandes de rappel
agent-deconnexion = Se déconnecter

agent-connexion = Connexion
agent-identifiant = Identifiant
agent-mot-de-passe = Mot de passe
agent-se-connecter = Se connecter
agent-connexion-refusee = Identifiant ou mot de passe incorrect.
agent-connexion-bloquee = Trop d'essais : cet identifiant est bloqué pendant encore { $minutes } min.

agent-erreur = Erreur
agent-retour-accueil = Retour à l'accueil
agent-introuvable = Page introuvable
agent-introuvable-texte = Cet appel ou cette page n'existe pas (ou plus).
agent-formulaire-expire = Formulaire expiré : rechargez la page et recommencez.
agent-rappel-deja-pris = Cette demande de rappel vient d'être prise par un autre agent.
agent-indisponible = Service indisponible : réessayez.
agent-stockage-indisponible = Stockage indisponible : rien n'a été enregistré, réessayez.
agent-erreur-interne = Erreur interne : réessayez.

agent-accueil = Console agent
agent-commencer = Commencer un appel
agent-voir-rappels = Voir les demandes de rappel

agent-appel = Appel en cours
agent-disparue = Cette conversation n'existe plus : la personne a effacé ses données, ou elle a expiré.
agent-arretee = La personne a demandé STOP : rien ne lui est envoyé et sa conversation ne peut plus avancer ici.
agent-message-service = Message du service (version SMS)
agent-vue-imprimable = Vue imprimable
agent-reponses-donnees = Réponses données
agent-reponses-legende = Chaque réponse peut être modifiée : les questions suivantes sont reprises en conséquence.
agent-colonne-question = Question
agent-colonne-reponse = Réponse
agent-colonne-action = Action
agent-modifier = Modifier
agent-situation = Situation déclarée
agent-colonne-champ = Champ
agent-colonne-valeur = Valeur

agent-rappel = Demande de rappel
agent-rappel-demandee = Demandée le { $date } par { $canal }.
agent-rappel-numero = Numéro à appeler :
agent-rappel-telegram = La personne écrit sur Telegram et n'a pas partagé de numéro. Elle sera prévenue par Telegram quand la demande sera close.
agent-rappel-injoignable = Aucun moyen de joindre la personne n'est gardé.
agent-rappel-close = Demande close.
agent-rappel-clore-prevenir = Clore la demande et prévenir la personne
agent-rappel-clore = Clore la demande
agent-rappel-disparue = Cette demande de rappel n'existe plus.
agent-canal-sms = SMS
agent-canal-telegram = Telegram
agent-canal-agent = téléphone (console)

agent-sms-titre = Envoyer le récapitulatif par SMS
agent-sms-rien = Aucune aide accordée : rien à résumer.
agent-sms-non-configure = L'envoi de SMS n'est pas configuré sur ce service (config.toml : [sms.twilio], [sms.vonage] ou [sms.mtarget]).
agent-sms-texte = Texte envoyé ({ $n } SMS)
agent-sms-numero = Numéro de portable de l'appelant
agent-sms-numero-rappel = (vide : le numéro de la demande de rappel)
agent-sms-consentement = L'appelant accepte de recevoir ce récapitulatif par SMS (son numéro n'est pas conservé).
agent-sms-envoyer = Envoyer le SMS
agent-sms-sans-accord = SMS non envoyé : cochez la case une fois que l'appelant a donné son accord.
agent-sms-numero-invalide = SMS non envoyé : numéro non reconnu. Donnez un numéro de portable, par exemple 06 12 34 56 78.
agent-sms-rien-a-envoyer = SMS non envoyé : aucune aide accordée à résumer.
agent-sms-stockage = SMS non envoyé : stockage indisponible ({ $erreur }).
agent-sms-envoye = Récapitulatif envoyé par SMS au { $numero } ({ $n } SMS).
agent-sms-echec = SMS non envoyé : { $erreur }.

agent-envoi-non-configure = aucun envoi n'est configuré pour ce canal (config.toml : [sms.twilio], [sms.vonage], [sms.mtarget] ou [telegram])
agent-envoi-contact-invalide = numéro non reconnu : donnez un numéro de portable français, par exemple 06 12 34 56 78
agent-envoi-indicatif-refuse = numéro hors des indicatifs autorisés ([sms] allowed_country_codes) : aucun SMS n'est envoyé à l'étranger
agent-envoi-arrete = cette personne a demandé STOP : rien ne lui est envoyé
agent-envoi-stockage = stockage indisponible ({ $erreur }) : réessayez

agent-modifier-titre = Modifier une réponse
agent-reponse-actuelle = Réponse actuelle :
agent-annuler = Annuler et revenir à l'appel
agent-modifiee = Réponse modifiée ; les résultats sont recalculés.
agent-modifiee-retirees = Réponse modifiée. Ces réponses sont retirées, car la question ne se pose plus : { $liste }.
agent-modifier-ancienne = Cette conversation a commencé avant que les réponses soient gardées : utilisez « Question précédente » pour revenir en arrière.
agent-modifier-arretee = La personne a demandé STOP : sa conversation ne peut plus être modifiée.

agent-lire = À lire à l'appelant
agent-progression = Question { $n } sur environ { $total }
agent-progression-libelle = Progression
agent-oui = Oui
agent-non = Non
agent-touches = Réponses (touches du clavier entre crochets)
agent-reponse-libre = Réponse libre (comprise comme un SMS)
agent-envoyer = Envoyer
agent-precedente = Question précédente

agent-par-mois = € par mois
agent-par-an = € par an
agent-une-fois = € (une fois)
agent-pourquoi = Pourquoi
agent-hypotheses = Hypothèses
agent-comment = Comment faire la demande
agent-en-ligne = En ligne :
agent-telephone = Téléphone :
agent-documents = Documents à préparer
agent-resultats = Résultats
agent-aucune-aide = Aucune aide n'est accordée d'après les réponses données.
agent-a-verifier = À vérifier (réponses manquantes)

agent-imprimer-titre = Récapitulatif
agent-imprimer-h1 = Récapitulatif de vos droits
agent-imprimer = Imprimer
agent-imprimer-pas-fini = Les questions ne sont pas terminées : pas encore de résultats.
agent-imprimer-situation = Votre situation

agent-rappels-aucune = Aucune demande de rappel.
agent-rappels-legende = { $n ->
    [one] Une demande, les plus anciennes d'abord
   *[other] { $n } demandes, les plus anciennes d'abord
}
agent-colonne-depuis = Depuis
agent-colonne-canal = Canal
agent-colonne-etat = État
agent-rappels-traitee = traitée
agent-rappels-prise = prise par { $agent }
agent-rappels-attente = en attente
agent-rappels-telegram = par Telegram
agent-prendre = Prendre
agent-prendre-detail = la demande du { $date }

agent-clos-disparue = Cette demande de rappel n'existe plus (la personne a effacé ses données).
agent-clos-injoignable = Demande close. La personne n'a pas été prévenue : aucun moyen de la joindre n'est gardé.
agent-clos-prevenue = Demande close. La personne est prévenue par { $canal }.
agent-clos-echec = Demande close. La personne n'a pas pu être prévenue par { $canal } : { $erreur }.

# The funnel (supervisors only).
agent-menu-entonnoir = Entonnoir
agent-entonnoir = Entonnoir des conversations
agent-entonnoir-interdit = Page réservée aux superviseurs
agent-entonnoir-intro = Chiffres agrégés des conversations conservées : aucune personne ne peut y être reconnue.
agent-entonnoir-periode = { $jours } derniers jours
agent-entonnoir-chiffres = Chiffres des { $jours } derniers jours
agent-entonnoir-commencees = Conversations commencées
agent-entonnoir-finies = Arrivées aux résultats
agent-entonnoir-mediane-questions = Nombre médian de réponses avant les résultats
agent-entonnoir-mediane-minutes = Durée médiane jusqu'aux résultats (minutes)
agent-entonnoir-aides = Aides trouvées
agent-entonnoir-montant = Montant mensuel total des aides trouvées
agent-entonnoir-consentements = Accords pour être relancé
agent-entonnoir-demarche-faite = « Avez-vous fait la demande ? » : oui
agent-entonnoir-demarche-pas-encore = « Avez-vous fait la demande ? » : pas encore
agent-entonnoir-demarche-aide = « Avez-vous fait la demande ? » : besoin d'aide
agent-entonnoir-par-canal = Par canal
agent-entonnoir-par-canal-graphique = Conversations commencées par canal, { $jours } derniers jours
agent-entonnoir-canal = Canal
agent-entonnoir-par-langue = Par langue
agent-entonnoir-langue = Langue
agent-entonnoir-abandons = Conversations arrêtées, par question en attente
agent-entonnoir-abandons-graphique = Conversations arrêtées par question en attente, { $jours } derniers jours
agent-entonnoir-aucun-abandon = Aucune conversation en cours ou arrêtée.
agent-entonnoir-question = Question
agent-entonnoir-conversations = Conversations
agent-entonnoir-rappels = Demandes de rappel en attente
agent-entonnoir-rappels-attente = En attente
agent-entonnoir-rappels-age-median = Attente médiane (heures)
agent-entonnoir-rappels-age-max = Plus longue attente (heures)

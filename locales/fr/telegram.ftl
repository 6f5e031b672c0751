# Words of the Telegram channel only: buttons and the results card.
# They are checked with the SMS texts (GSM-7, budget): keep them short.

tg-oui = Oui
tg-non = Non
tg-faire-la-demande = Faire la demande : { $aide }
tg-numero-demande = Pour qu'un conseiller vous appelle, partagez votre numéro avec le bouton ci-dessous (facultatif). Il ne sert qu'à ce rappel.
tg-bouton-numero = Partager mon numéro
tg-numero-garde = Merci, un conseiller vous appellera au { $numero }.
tg-numero-inutile = Votre numéro ne sert que pour un rappel : envoyez RAPPEL si vous voulez être appelé. Il n'a pas été gardé.

# Words of the Telegram channel only: buttons and the results card.
# They are checked with the SMS texts (GSM-7, budget): keep them short.

tg-oui = Yes
tg-non = No
tg-faire-la-demande = Apply: { $aide }
tg-numero-demande = For an adviser to call you, share your number with the button below (optional). It is used for this call only.
tg-bouton-numero = Share my number
tg-numero-garde = Thank you, an adviser will call you on { $numero }.
tg-numero-inutile = Your number is only used for a callback: send CALL if you want to be called. It was not kept.

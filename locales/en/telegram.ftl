# Words of the Telegram channel only: buttons and the results card.
# They are checked with the SMS texts (GSM-7, budget): keep them short.

tg-oui = Yes
tg-non = No
tg-faire-la-demande = Apply: { $aide }

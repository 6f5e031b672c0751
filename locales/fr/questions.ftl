# Questions of dialogues/questions.toml. Each message is the SMS wording;
# .aide is sent on AIDE, .agent is read aloud by a call-centre agent,
# .exemple is shown when an answer is not understood.

q-couple = Vivez-vous en couple (marié, pacsé ou en union libre) ?
    .aide = Répondez oui si vous vivez avec votre conjoint, non si vous vivez seul ou seule, même avec des enfants.
    .agent = Est-ce que vous vivez en couple ? Mariés, pacsés ou en union libre, cela compte.
    .exemple = oui, ou non

q-nombre-enfants = Combien d'enfants avez-vous à charge, et quel âge ont-ils ? 0 si aucun.
    .aide = Comptez les enfants qui vivent avec vous et dont vous vous occupez, jusqu'à 25 ans. 0 si aucun.
    .agent = Combien d'enfants avez-vous à charge, qui vivent chez vous, et quel âge ont-ils ?
    .exemple = 0, ou 2 : 3 ans et 7 ans

q-ages-enfants = { $n ->
    [one] Quel âge a votre enfant ?
   *[other] Quel âge ont vos { $n } enfants ? Donnez les âges séparés par un espace.
}
    .aide = Donnez l'âge en années, du plus grand au plus petit. Pour un bébé de moins d'un an, répondez 0.
    .agent = Quel âge ont vos enfants ? Du plus grand au plus petit.
    .exemple = { $n ->
        [one] 4
       *[other] 12 7 4
    }

q-ages-couple = Quel âge avez-vous, vous et votre conjoint ?
    .aide = Donnez votre âge puis celui de votre conjoint, en années.
    .agent = Quel âge avez-vous, et quel âge a votre conjoint ?
    .exemple = 34 36

q-age = Quel âge avez-vous ?
    .aide = Votre âge en années, ou votre date de naissance.
    .agent = Quel âge avez-vous ? Vous pouvez aussi me donner votre date de naissance.
    .exemple = 34, ou 12/03/1990

q-age-conjoint = Quel âge a votre conjoint ?
    .aide = L'âge de votre conjoint en années, ou sa date de naissance.
    .agent = Quel âge a votre conjoint ?
    .exemple = 36

q-logement = Quel est votre logement ?
    .aide = Choisissez le numéro qui vous correspond. Hébergé : vous ne payez pas de loyer.
    .agent = Pour votre logement : êtes-vous locataire, en HLM, en meublé, propriétaire, hébergé gratuitement, ou sans domicile ?
    .exemple = 1

q-loyer = Combien payez-vous de loyer par mois, sans les charges ?
    .aide = Le loyer sans les charges, comme sur votre quittance. Si vous ne savez pas, donnez le total.
    .agent = Quel est le montant de votre loyer par mois, hors charges ?
    .exemple = 550

q-code-postal = Quel est le code postal de votre commune ?
    .aide = Les 5 chiffres de votre adresse, ou le nom de votre commune. Sans domicile : la ville où vous êtes.
    .agent = Quel est le code postal de votre domicile ?
    .exemple = 75011, ou Roubaix

q-commune = Dans quelle commune habitez-vous ?
    .aide = Plusieurs communes ont ce code postal : répondez le numéro de la vôtre.
    .agent = Ce code postal couvre plusieurs communes : laquelle est la vôtre ?
    .exemple = 1

# Answers to the postal code question read as a place (src/dialogue/lieu.rs):
# the choice that follows a name shared by several communes, and what to say
# when the answer is not a postal code. A place guessed from a name is read
# back with `relu` (conversation.ftl).
lieu-homonymes = Plusieurs communes s'appellent { $nom }. Laquelle est la vôtre ? Répondez son numéro ou son code postal.
lieu-proches = Quelle est votre commune ? Répondez son numéro ou son code postal.
lieu-codes-postaux = { $nom } a plusieurs codes postaux. Lequel est le vôtre ?
lieu-arrondissement = { $nom } : dans quel arrondissement habitez-vous ? Répondez son numéro, de 1 à { $n }, ou votre code postal.
lieu-quatre-chiffres = { $n ->
    [0] Un code postal a 5 chiffres.
    [1] Un code postal a 5 chiffres : { $un } ?
   *[other] Un code postal a 5 chiffres : { $un } ou { $deux } ?
} Écrivez-le en entier, ou le nom de votre commune.
lieu-pas-un-code-postal = Un code postal a 5 chiffres, par exemple 75011. Vous pouvez aussi écrire le nom de votre commune.
lieu-departement = { $departement } est un département. Il me faut le code postal (5 chiffres, par exemple { $exemple }) ou le nom de votre commune.
lieu-code-inconnu = Le code postal { $code } n'existe pas. Vérifiez-le, ou écrivez le nom de votre commune.
lieu-desaccord = { $code } n'est pas un code postal de { $nom }. Écrivez seulement le code postal, ou seulement le nom de la commune.
lieu-nom-inconnu = Je ne trouve pas cette commune. Écrivez son code postal (5 chiffres) ou son nom complet, par exemple : Saint-Denis 93
lieu-trop-de-communes = Plusieurs communes s'appellent { $nom }. Ajoutez le numéro du département, par exemple : { $exemple }, ou écrivez le code postal.
lieu-hors-liste = Répondez un numéro de 1 à { $n }, ou votre code postal.

q-activite = Quelle est votre situation ?
    .aide = Choisissez ce qui vous décrit le mieux aujourd'hui. En arrêt maladie : répondez 1.
    .agent = Aujourd'hui, vous êtes plutôt salarié, indépendant, au chômage, étudiant, retraité ou sans activité ?
    .exemple = 1

q-salaire = Combien gagnez-vous par mois, en net ?
    .aide = Le montant net sur votre fiche de paie ou ce que vous vous versez, en moyenne par mois.
    .agent = Combien gagnez-vous par mois, en net, en moyenne ?
    .exemple = 1200

q-salaire-etudiant = Avez-vous un job ? Combien gagnez-vous par mois ? Répondez 0 si rien.
    .aide = Le salaire net d'un job, d'un stage payé ou d'une alternance. 0 si vous ne travaillez pas.
    .agent = Avez-vous un petit boulot, un stage ou une alternance ? Combien gagnez-vous par mois ?
    .exemple = 0, ou 450

q-chomage = Combien touchez-vous de chômage par mois ? Répondez 0 si rien.
    .aide = Le montant de votre allocation France Travail (ARE) par mois. 0 si vous n'en touchez pas.
    .agent = Combien touchez-vous d'allocation chômage par mois ?
    .exemple = 900, ou 0

q-retraite = Combien touchez-vous de retraite par mois, en net ?
    .aide = Le total de vos retraites (base et complémentaire), net, par mois.
    .agent = Quel est le montant total de vos retraites par mois, en net ?
    .exemple = 1100

q-activite-conjoint = Et votre conjoint, quelle est sa situation ?
    .aide = Choisissez ce qui décrit le mieux votre conjoint aujourd'hui.
    .agent = Et votre conjoint : salarié, indépendant, au chômage, étudiant, retraité ou sans activité ?
    .exemple = 1

q-salaire-conjoint = Combien gagne votre conjoint par mois, en net ? Répondez 0 si rien.
    .aide = Le salaire net de votre conjoint, en moyenne par mois.
    .agent = Combien gagne votre conjoint par mois, en net ?
    .exemple = 1500

q-chomage-conjoint = Combien votre conjoint touche-t-il de chômage par mois ? Répondez 0 si rien.
    .aide = L'allocation France Travail (ARE) de votre conjoint, par mois.
    .agent = Combien votre conjoint touche-t-il d'allocation chômage par mois ?
    .exemple = 900, ou 0

q-retraite-conjoint = Combien votre conjoint touche-t-il de retraite par mois, en net ?
    .aide = Le total des retraites de votre conjoint, net, par mois.
    .agent = Quel est le montant des retraites de votre conjoint par mois ?
    .exemple = 1100

q-handicap-foyer = Quelqu'un dans votre foyer a-t-il un handicap reconnu par la MDPH ?
    .aide = Vous, votre conjoint ou un enfant, avec une reconnaissance de la MDPH (taux d'incapacité, AAH, AEEH).
    .agent = Est-ce que quelqu'un chez vous a un handicap reconnu par la MDPH ?
    .exemple = non

q-handicap = Avez-vous un handicap reconnu par la MDPH ?
    .aide = Le taux d'incapacité est écrit sur la décision de la MDPH.
    .agent = Avez-vous un handicap reconnu par la MDPH, et si oui avec quel taux d'incapacité ?
    .exemple = 1

q-handicap-conjoint = Votre conjoint a-t-il un handicap reconnu par la MDPH ?
    .aide = Le taux d'incapacité est écrit sur la décision de la MDPH.
    .agent = Votre conjoint a-t-il un handicap reconnu, et avec quel taux ?
    .exemple = 1

q-handicap-enfants = { $n ->
    [one] Votre enfant a-t-il un handicap reconnu ?
   *[other] Vos enfants ont-ils un handicap reconnu ? Un numéro par enfant, du plus grand au plus petit.
}
    .aide = Le taux d'incapacité est écrit sur la décision de la MDPH. Répondez 1 si aucun.
    .agent = Un de vos enfants a-t-il un handicap reconnu par la MDPH ? Avec quel taux ?
    .exemple = { $n ->
        [one] 1
       *[other] 1 4
    }

q-scolarite-enfants = { $n ->
    [one] Où va votre enfant de { $ages } ans à l'école ?
   *[other] Où vont vos enfants ({ $ages } ans) à l'école ? Une lettre par enfant.
}
    .aide = P primaire ou maternelle, C collège, L lycée, S études supérieures, A pas à l'école.
    .agent = Vos enfants sont-ils à l'école primaire, au collège, au lycée, dans le supérieur ?
    .exemple = { $n ->
        [one] C
       *[other] L C
    }

q-nationalite = Quelle est votre nationalité ?
    .aide = Union européenne : les pays de l'UE, plus la Suisse, la Norvège, l'Islande et le Liechtenstein.
    .agent = Quelle est votre nationalité : française, d'un pays européen, ou d'un autre pays ?
    .exemple = 1

q-titre-sejour = Avez-vous un titre de séjour depuis au moins 5 ans ?
    .aide = Le RSA et d'autres aides demandent en général 5 ans de séjour régulier (sauf réfugiés).
    .agent = Avez-vous un titre de séjour qui vous autorise à travailler depuis au moins 5 ans ?
    .exemple = oui

q-nationalite-conjoint = Quelle est la nationalité de votre conjoint ?
    .aide = Union européenne : les pays de l'UE, plus la Suisse, la Norvège, l'Islande et le Liechtenstein.
    .agent = Et la nationalité de votre conjoint ?
    .exemple = 1

q-titre-sejour-conjoint = Votre conjoint a-t-il un titre de séjour depuis au moins 5 ans ?
    .aide = Certaines aides demandent 5 ans de séjour régulier.
    .agent = Votre conjoint a-t-il un titre de séjour depuis au moins 5 ans ?
    .exemple = oui

## Labels of choices

choix-locataire = Locataire
choix-locataire-hlm = Locataire HLM
choix-locataire-meuble = Locataire meublé ou foyer
choix-proprietaire = Propriétaire
choix-heberge = Hébergé gratuitement
choix-sans-domicile = Sans domicile
choix-salarie = Salarié
choix-independant = Indépendant
choix-chomeur = Au chômage
choix-etudiant = Étudiant
choix-retraite = Retraité
choix-inactif = Sans activité ni revenu
choix-handicap-non = Non
choix-handicap-moins-50 = Oui, taux de moins de 50 %
choix-handicap-50 = Oui, taux de 50 à 79 %
choix-handicap-80 = Oui, taux de 80 % ou plus
choix-handicap-taux-inconnu = Oui, taux inconnu
choix-primaire = Primaire
choix-college = Collège
choix-lycee = Lycée
choix-superieur = Supérieur
choix-aucune = Pas à l'école
choix-francaise = Française
choix-ue = Union européenne
choix-hors-ue = Autre pays

q-ass-travail = Avant ce chômage, avez-vous travaillé au moins 5 ans en tout sur les 10 dernières années ?
    .aide = L'allocation de solidarité (ASS) le demande. Chaque enfant élevé compte pour un an, jusqu'à 3 ans.
    .agent = Avant votre chômage, avez-vous travaillé au moins 5 ans au total pendant les 10 ans qui ont précédé la fin de votre dernier emploi ? Chaque enfant élevé compte pour un an.
    .exemple = oui

q-pension-alimentaire = L'autre parent vous verse-t-il une pension pour les enfants ? Combien par mois ? 0 si rien.
    .aide = La pension alimentaire que vous recevez vraiment chaque mois. 0 si l'autre parent ne paie pas ou plus.
    .agent = L'autre parent verse-t-il une pension alimentaire pour les enfants ? Combien reçoit-on vraiment par mois ?
    .exemple = 0, ou 150

q-boursier = Avez-vous une bourse d'études du Crous ?
    .aide = La bourse sur critères sociaux de l'enseignement supérieur, versée par le Crous.
    .agent = Touchez-vous une bourse d'études sur critères sociaux, versée par le Crous ?
    .exemple = non

q-enceinte = Attendez-vous un bébé ?
    .aide = Une grossesse déclarée augmente certaines aides, même avant la naissance.
    .agent = Êtes-vous enceinte ? Une grossesse déclarée peut augmenter les aides.
    .exemple = non

q-droit-sejour-ue = Avez-vous déjà travaillé en France, ou y vivez-vous depuis au moins 5 ans ?
    .aide = Un citoyen européen qui ne travaille pas a droit au RSA s'il a travaillé en France avant, ou s'il y vit depuis 5 ans.
    .agent = Avez-vous déjà travaillé en France, ou vivez-vous en France depuis au moins 5 ans ?
    .exemple = oui

q-droit-sejour-ue-conjoint = Votre conjoint a-t-il déjà travaillé en France, ou y vit-il depuis au moins 5 ans ?
    .aide = Un citoyen européen qui ne travaille pas a droit au RSA s'il a travaillé en France avant, ou s'il y vit depuis 5 ans.
    .agent = Votre conjoint a-t-il déjà travaillé en France, ou vit-il en France depuis au moins 5 ans ?
    .exemple = oui

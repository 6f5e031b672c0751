# Questions of dialogues/questions.toml, in English. Same ids as locales/fr.

q-couple = Do you live as a couple (married, civil union or partner)?
    .aide = Answer yes if you live with your partner, no if you live alone, even with children.
    .agent = Do you live as a couple? Married, civil union or living together all count.
    .exemple = yes, or no

q-nombre-enfants = How many dependent children do you have, and how old are they? 0 if none.
    .aide = Count the children who live with you and whom you support, up to 25. 0 if none.
    .agent = How many dependent children live with you, and how old are they?
    .exemple = 0, or 2: 3 and 7 years old

q-ages-enfants = { $n ->
    [one] How old is your child?
   *[other] How old are your { $n } children? Give the ages separated by spaces.
}
    .aide = Age in years, eldest first. For a baby under one, answer 0.
    .agent = How old are your children? Eldest first.
    .exemple = { $n ->
        [one] 4
       *[other] 12 7 4
    }

q-ages-couple = How old are you and your partner?
    .aide = Your age then your partner's, in years.
    .agent = How old are you, and how old is your partner?
    .exemple = 34 36

q-age = How old are you?
    .aide = Your age in years, or your date of birth.
    .agent = How old are you? You can also give me your date of birth.
    .exemple = 34, or 12/03/1990

q-age-conjoint = How old is your partner?
    .aide = Your partner's age in years, or date of birth.
    .agent = How old is your partner?
    .exemple = 36

q-logement = What is your housing?
    .aide = Answer the number that fits. Hosted: you pay no rent.
    .agent = Your housing: are you a tenant, in social housing, furnished rental, owner, hosted for free, or homeless?
    .exemple = 1

q-loyer = How much rent do you pay per month, without charges?
    .aide = The rent without service charges, as on your rent receipt. If unsure, give the total.
    .agent = How much is your monthly rent, without charges?
    .exemple = 550

q-code-postal = What is the postcode of your town?
    .aide = The 5 digits of your address, or the name of your town. Homeless: the town where you are.
    .agent = What is the postcode of your home?
    .exemple = 75011, or Roubaix

q-commune = Which town do you live in?
    .aide = Several towns share this postcode: answer the number of yours.
    .agent = This postcode covers several towns: which one is yours?
    .exemple = 1

# Answers to the postcode question read as a place (src/dialogue/lieu.rs).
lieu-homonymes = Several towns are called { $nom }. Which one is yours? Answer its number or its postcode.
lieu-proches = Which is your town? Answer its number or its postcode.
lieu-codes-postaux = { $nom } has several postcodes. Which one is yours?
lieu-arrondissement = { $nom }: which arrondissement do you live in? Answer its number, from 1 to { $n }, or your postcode.
lieu-quatre-chiffres = { $n ->
    [0] A postcode has 5 digits.
    [1] A postcode has 5 digits: { $un }?
   *[other] A postcode has 5 digits: { $un } or { $deux }?
} Write it in full, or the name of your town.
lieu-pas-un-code-postal = A postcode has 5 digits, for example 75011. You can also write the name of your town.
lieu-departement = { $departement } is a département. I need the postcode (5 digits, for example { $exemple }) or the name of your town.
lieu-code-inconnu = The postcode { $code } does not exist. Please check it, or write the name of your town.
lieu-desaccord = { $code } is not a postcode of { $nom }. Write only the postcode, or only the name of the town.
lieu-nom-inconnu = I cannot find this town. Write its postcode (5 digits) or its full name, for example: Saint-Denis 93
lieu-trop-de-communes = Several towns are called { $nom }. Add the number of the département, for example: { $exemple }, or write the postcode.
lieu-hors-liste = Answer a number from 1 to { $n }, or your postcode.

q-activite = What is your situation?
    .aide = Choose what describes you best today. On sick leave: answer 1.
    .agent = Today, are you employed, self-employed, unemployed, a student, retired or without activity?
    .exemple = 1

q-salaire = How much do you earn per month, net?
    .aide = The net amount on your payslip, or what you pay yourself, on average per month.
    .agent = How much do you earn per month, net, on average?
    .exemple = 1200

q-salaire-etudiant = Do you have a job? How much do you earn per month? Answer 0 if nothing.
    .aide = Net pay from a job, a paid internship or an apprenticeship. 0 if you do not work.
    .agent = Do you have a part-time job, internship or apprenticeship? How much per month?
    .exemple = 0, or 450

q-chomage = How much unemployment benefit do you get per month? Answer 0 if none.
    .aide = Your France Travail allowance (ARE) per month. 0 if you get none.
    .agent = How much unemployment benefit do you get per month?
    .exemple = 900, or 0

q-retraite = How much pension do you get per month, net?
    .aide = All your pensions together (basic and supplementary), net, per month.
    .agent = What is the total of your pensions per month, net?
    .exemple = 1100

q-activite-conjoint = And your partner, what is their situation?
    .aide = Choose what describes your partner best today.
    .agent = And your partner: employed, self-employed, unemployed, student, retired or without activity?
    .exemple = 1

q-salaire-conjoint = How much does your partner earn per month, net? Answer 0 if nothing.
    .aide = Your partner's net pay, on average per month.
    .agent = How much does your partner earn per month, net?
    .exemple = 1500

q-chomage-conjoint = How much unemployment benefit does your partner get per month? Answer 0 if none.
    .aide = Your partner's France Travail allowance (ARE), per month.
    .agent = How much unemployment benefit does your partner get per month?
    .exemple = 900, or 0

q-retraite-conjoint = How much pension does your partner get per month, net?
    .aide = All your partner's pensions together, net, per month.
    .agent = What is the total of your partner's pensions per month?
    .exemple = 1100

q-handicap-foyer = Does anyone in your household have a disability recognised by the MDPH?
    .aide = You, your partner or a child, recognised by the MDPH (incapacity rate, AAH, AEEH).
    .agent = Does anyone in your home have a disability recognised by the MDPH?
    .exemple = no

q-handicap = Do you have a disability recognised by the MDPH?
    .aide = The incapacity rate is written on the MDPH decision.
    .agent = Do you have a disability recognised by the MDPH, and if so with what incapacity rate?
    .exemple = 1

q-handicap-conjoint = Does your partner have a disability recognised by the MDPH?
    .aide = The incapacity rate is written on the MDPH decision.
    .agent = Does your partner have a recognised disability, and with what rate?
    .exemple = 1

q-handicap-enfants = { $n ->
    [one] Does your child have a recognised disability?
   *[other] Do your children have a recognised disability? One number per child, eldest first.
}
    .aide = The incapacity rate is written on the MDPH decision. Answer 1 if none.
    .agent = Does one of your children have a disability recognised by the MDPH? With what rate?
    .exemple = { $n ->
        [one] 1
       *[other] 1 4
    }

q-scolarite-enfants = { $n ->
    [one] Where does your child aged { $ages } go to school?
   *[other] Where do your children (aged { $ages }) go to school? One letter per child.
}
    .aide = P primary or nursery, C collège (11-15), L lycée (15-18), S higher education, A not at school.
    .agent = Are your children in primary school, collège, lycée, or higher education?
    .exemple = { $n ->
        [one] C
       *[other] L C
    }

q-nationalite = What is your nationality?
    .aide = European Union: EU countries, plus Switzerland, Norway, Iceland and Liechtenstein.
    .agent = What is your nationality: French, from a European country, or from another country?
    .exemple = 1

q-titre-sejour = Have you held a residence permit for at least 5 years?
    .aide = RSA and other aids usually require 5 years of legal residence (refugees excepted).
    .agent = Have you held a residence permit allowing you to work for at least 5 years?
    .exemple = yes

q-nationalite-conjoint = What is your partner's nationality?
    .aide = European Union: EU countries, plus Switzerland, Norway, Iceland and Liechtenstein.
    .agent = And your partner's nationality?
    .exemple = 1

q-titre-sejour-conjoint = Has your partner held a residence permit for at least 5 years?
    .aide = Some aids require 5 years of legal residence.
    .agent = Has your partner held a residence permit for at least 5 years?
    .exemple = yes

## Labels of choices

choix-locataire = Tenant
choix-locataire-hlm = Social housing (HLM) tenant
choix-locataire-meuble = Furnished rental or hostel
choix-proprietaire = Owner
choix-heberge = Hosted for free
choix-sans-domicile = Homeless
choix-salarie = Employed
choix-independant = Self-employed
choix-chomeur = Unemployed
choix-etudiant = Student
choix-retraite = Retired
choix-inactif = No activity, no income
choix-handicap-non = No
choix-handicap-moins-50 = Yes, rate under 50%
choix-handicap-50 = Yes, rate 50 to 79%
choix-handicap-80 = Yes, rate 80% or more
choix-handicap-taux-inconnu = Yes, rate unknown
choix-primaire = Primary
choix-college = Collège
choix-lycee = Lycée
choix-superieur = Higher education
choix-aucune = Not at school
choix-francaise = French
choix-ue = European Union
choix-hors-ue = Other country

q-ass-travail = Before this unemployment, did you work at least 5 years in all over the last 10 years?
    .aide = The solidarity allowance (ASS) requires it. Each child you raised counts for one year, up to 3.
    .agent = Before your unemployment, did you work at least 5 years in total in the 10 years before your last job ended? Each child raised counts for one year.
    .exemple = yes

q-pension-alimentaire = Does the other parent pay you support for the children? How much a month? 0 if nothing.
    .aide = The child support you really receive each month. 0 if the other parent does not pay.
    .agent = Does the other parent pay child support? How much is really received each month?
    .exemple = 0, or 150

q-boursier = Do you have a student grant from the Crous?
    .aide = The means-tested higher-education grant paid by the Crous.
    .agent = Do you get a means-tested student grant paid by the Crous?
    .exemple = no

q-enceinte = Are you expecting a baby?
    .aide = A declared pregnancy raises some aids, even before the birth.
    .agent = Are you pregnant? A declared pregnancy can raise the aids.
    .exemple = no

q-droit-sejour-ue = Have you worked in France before, or lived there for at least 5 years?
    .aide = A European citizen who does not work can get the RSA after working in France, or after living there 5 years.
    .agent = Have you worked in France before, or have you lived in France for at least 5 years?
    .exemple = yes

q-droit-sejour-ue-conjoint = Has your partner worked in France before, or lived there for at least 5 years?
    .aide = A European citizen who does not work can get the RSA after working in France, or after living there 5 years.
    .agent = Has your partner worked in France before, or lived in France for at least 5 years?
    .exemple = yes

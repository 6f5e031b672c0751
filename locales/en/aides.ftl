### The aids' own sentences in English: each translates the French of a
### rule file (rules/*.toml) or of the evaluation, quoted in the "# fr:"
### comment just above it. See locales/README.md.
###
### Keys: <aid>-libelle, -libelle-court, -description, -condition-N-oui,
### -condition-N-non, -condition-N-inconnu, -explication-N, -demarche,
### -document-N (N counts from 1 in the rule file), hypothese-<field>.
### An explanation line's values are $v1, $v2... in the French order.
### When the French changes, `guichet check` says which message to review.

## Hypotheses (rules/_commun.toml)

# fr: Nous supposons que votre conjoint n'est pas boursier de l'enseignement supérieur.
hypothese-conjoint-boursier = We assume your partner does not have a higher-education grant.

# fr: Nous supposons que personne dans le foyer n'attend d'enfant.
hypothese-conjoint-enceinte = We assume no one in your household is expecting a baby.

# fr: Nous supposons que votre conjoint ne touche pas de pension d'invalidité.
hypothese-conjoint-pension_invalidite = We assume your partner does not get a disability pension.

# fr: Nous supposons que vous n'êtes pas boursier de l'enseignement supérieur.
hypothese-demandeur-boursier = We assume you do not have a higher-education grant.

# fr: Nous supposons que vous n'attendez pas d'enfant.
hypothese-demandeur-enceinte = We assume you are not expecting a baby.

# fr: Nous supposons que vous ne touchez pas de pension d'invalidité.
hypothese-demandeur-pension_invalidite = We assume you do not get a disability pension.

# fr: Nous supposons que vos enfants vivent avec vous à temps plein.
hypothese-enfants-garde_alternee = We assume your children live with you all the time.

# fr: Nous supposons que vous n'avez pas d'autres revenus que ceux indiqués.
hypothese-foyer-autres_revenus = We assume you have no income other than what you told us.

# fr: Nous supposons que vous n'avez pas d'épargne importante.
hypothese-foyer-epargne = We assume you do not have large savings.

# fr: Nous supposons que vous ne recevez pas de pension alimentaire.
hypothese-foyer-pension_alimentaire_recue = We assume you do not receive child support.

# fr: Nous supposons que vous ne vivez pas en colocation.
hypothese-logement-colocation = We assume you do not share your home with flatmates.

## Allocation aux adultes handicapés (AAH) (rules/aah.toml)

# fr: Allocation aux adultes handicapés (AAH)
aah-libelle = Disability allowance for adults (AAH)

# fr: Allocation handicap (AAH)
aah-libelle-court = Disability allowance (AAH)

# fr: Un revenu minimum versé chaque mois aux adultes dont le handicap est reconnu par la MDPH, selon leurs propres ressources (celles du conjoint ne comptent plus).
aah-description = A minimum income paid every month to adults whose disability is recognised by the MDPH (the disability office). It depends on their own income only: a partner's income no longer counts.

# fr: La MDPH vous a reconnu (ou a reconnu votre conjoint) un taux d'incapacité d'au moins 80 %.
aah-condition-1-oui = The MDPH has recognised a disability rate of at least 80% for you (or your partner).

# fr: L'AAH demande un taux d'incapacité d'au moins 80 % reconnu par la MDPH. De 50 à 79 %, elle reste possible si la MDPH reconnaît aussi que le handicap rend l'accès à l'emploi très difficile : parlez-en à votre MDPH.
aah-condition-1-non = The AAH needs a disability rate of at least 80%, recognised by the MDPH. From 50 to 79%, it is still possible if the MDPH also finds that the disability makes it very hard to get a job: ask your MDPH.

# fr: Vous avez l'âge de l'AAH (20 ans, ou 16 ans si vous n'êtes plus à la charge de vos parents).
aah-condition-2-oui = You are old enough for the AAH (20, or 16 if your parents no longer support you).

# fr: L'AAH est versée à partir de 20 ans (16 ans si l'on n'est plus à la charge de ses parents), à une personne dont le taux d'incapacité atteint 80 %.
aah-condition-2-non = The AAH is paid from age 20 (16 if your parents no longer support you), to a person with a disability rate of 80%.

# fr: Montant maximal de l'AAH : {montant_maximal} € par mois et par personne ; le plafond de ressources augmente de moitié par enfant à charge.
aah-explication-1 = Highest AAH amount: { $v1 } € a month per person. The income limit goes up by half for each dependent child.

# fr: Vos ressources retenues, après abattements : {arrondi(somme(adultes, si eligible_personne alors base_ressources_personne sinon 0), 2)} € par mois.
aah-explication-2 = Your income we count, after deductions: { $v1 } € a month.

# fr: La demande se fait auprès de la MDPH de votre département (en ligne sur mdphenligne.cnsa.fr quand c'est possible, ou sur papier) ; c'est ensuite la CAF qui verse l'AAH (3230). Une maison France Services ou le CCAS peut vous aider à remplir le dossier.
aah-demarche = Apply to the MDPH (disability office) of your département: online at mdphenligne.cnsa.fr when possible, or on paper. The CAF then pays the AAH (phone 3230). A France Services office or the CCAS (town social services) can help you fill in the form.

# fr: Le formulaire de demande à la MDPH (cerfa 15692)
aah-document-1 = The MDPH application form (cerfa 15692)

# fr: Un certificat médical de moins d'un an (cerfa 15695)
aah-document-2 = A medical certificate less than one year old (cerfa 15695)

# fr: Une pièce d'identité ou un titre de séjour
aah-document-3 = An ID document or residence permit

# fr: Un justificatif de domicile
aah-document-4 = Proof of address

# fr: Un RIB
aah-document-5 = Bank details (RIB)

# fr: Votre avis d'impôt
aah-document-6 = Your tax notice (avis d'impôt)

## Allocation d'éducation de l'enfant handicapé (AEEH) (rules/aeeh.toml)

# fr: Allocation d'éducation de l'enfant handicapé (AEEH)
aeeh-libelle = Education allowance for a disabled child (AEEH)

# fr: AEEH enfant handicapé
aeeh-libelle-court = Disabled child allowance (AEEH)

# fr: Une aide mensuelle pour les frais d'éducation et de soins d'un enfant handicapé de moins de 20 ans, sans condition de revenus.
aeeh-description = Monthly help with the costs of education and care of a disabled child under 20. There is no income limit.

# fr: Votre enfant de moins de 20 ans a un taux d'incapacité d'au moins 50 % (entre 50 et 79 %, il faut aussi un établissement spécialisé ou des soins préconisés par la MDPH).
aeeh-condition-1-oui = Your child under 20 has a disability rate of at least 50% (from 50 to 79%, the child must also attend a special school or need care advised by the MDPH).

# fr: L'AEEH est pour un enfant de moins de 20 ans avec un handicap reconnu d'au moins 50 % par la MDPH.
aeeh-condition-1-non = The AEEH is for a child under 20 whose disability rate of at least 50% is recognised by the MDPH.

# fr: Si votre enfant a un handicap reconnu par la MDPH, l'AEEH est possible.
aeeh-condition-1-inconnu = If your child has a disability recognised by the MDPH, the AEEH is possible.

# fr: AEEH de base : {aeeh_de_base_nette} € par mois et par enfant (32 % de la BMAF, net de CRDS), pour {enfants_ouvrant_droit} enfant(s).
aeeh-explication-1 = Basic AEEH: { $v1 } € a month per child (32% of the family benefits base amount, after tax), for { $v2 } { $v2 ->
        [one] child
       *[other] children
    }.

# fr: Un complément peut s'ajouter selon les frais liés au handicap ou si un parent réduit son travail : c'est la MDPH qui le décide.
aeeh-explication-2 = An extra amount can be added for disability costs, or if a parent works less: the MDPH decides.

# fr: La demande se fait auprès de la MDPH de votre département (en ligne dans certains départements, sinon sur papier). La CAF paie ensuite ; pour le paiement, appelez le 3230. Une maison France Services peut vous aider à remplir le dossier.
aeeh-demarche = Apply to the MDPH (disability office) of your département: online in some départements, otherwise on paper. The CAF then pays; for payments, phone 3230. A France Services office can help you fill in the form.

# fr: Le formulaire de demande à la MDPH (cerfa 15692)
aeeh-document-1 = The MDPH application form (cerfa 15692)

# fr: Le certificat médical de moins d'un an rempli par le médecin (cerfa 15695)
aeeh-document-2 = A medical certificate less than one year old, filled in by the doctor (cerfa 15695)

# fr: Une pièce d'identité du parent et de l'enfant
aeeh-document-3 = An ID document for the parent and for the child

# fr: Un justificatif de domicile
aeeh-document-4 = Proof of address

# fr: Les bilans et comptes rendus médicaux, et les factures des frais liés au handicap
aeeh-document-5 = Medical reports, and bills for disability costs

## Aide personnalisée au logement (APL), allocation de logement familiale (ALF) ou sociale (ALS) (rules/aides_logement.toml)

# fr: Aide personnalisée au logement (APL), allocation de logement familiale (ALF) ou sociale (ALS)
aides_logement-libelle = Housing aid: APL, or family (ALF) or social (ALS) housing allowance

# fr: Aide au logement (APL/AL)
aides_logement-libelle-court = Housing aid (APL/AL)

# fr: Une aide versée chaque mois aux locataires pour payer une partie du loyer : l'APL dans un logement conventionné (HLM), sinon l'ALF (avec des personnes à charge) ou l'ALS.
aides_logement-description = Monthly help for tenants to pay part of the rent: the APL in approved housing (HLM social housing), otherwise the ALF (if you have dependants) or the ALS.

# fr: Vous êtes locataire de votre logement.
aides_logement-condition-1-oui = You rent your home.

# fr: Les aides au logement que nous calculons aident à payer un loyer : elles ne sont pas pour les personnes hébergées gratuitement, sans logement ou propriétaires sans prêt. Si vous remboursez un prêt pour acheter votre logement, ou si vous vivez en foyer ou en résidence étudiante, demandez à la CAF : une aide reste parfois possible.
aides_logement-condition-1-non = The housing aids we calculate help pay rent. They are not for people housed for free, people without a home, or owners without a loan. If you are paying back a loan for your home, or live in a hostel or student residence, ask the CAF: aid is sometimes still possible.

# fr: Loyer retenu : {arrondi(loyer_retenu, 2)} € (le loyer plafond pour votre foyer en zone {logement.zone} est de {loyer_plafond} €).
aides_logement-explication-1 = Rent we count: { $v1 } € (the highest rent counted for your household in zone { $v2 } is { $v3 } €).

# fr: Forfait charges : {forfait_charges} €.
aides_logement-explication-2 = Fixed amount for charges: { $v1 } €.

# fr: Ressources retenues : {ressources_retenues} € par an (les 12 mois qui finissent il y a deux mois, estimés d'après vos revenus du mois, arrondis à la centaine supérieure).
aides_logement-explication-3 = Income we count: { $v1 } € a year (the 12 months ending two months ago, estimated from this month's income, rounded up to the next hundred).

# fr: Participation personnelle : {arrondi(participation_personnelle, 2)} € par mois.
aides_logement-explication-4 = Your own share: { $v1 } € a month.

# fr: Aide = loyer retenu + charges − participation = {arrondi(aide_avant_seuil, 2)} €, puis 5 € de minoration forfaitaire et la CRDS (0,5 %) en moins, arrondie à l'euro inférieur.
aides_logement-explication-5 = Aid = rent counted + charges - your share = { $v1 } €, then minus a fixed 5 € and the CRDS tax (0.5%), rounded down to the euro.

# fr: Réduction de loyer de solidarité (logements HLM seulement) : {reduction_loyer_solidarite} € de moins sur votre loyer ; l'APL baisse de 98 % de cette somme.
aides_logement-explication-6 = Rent reduction (HLM social housing only): { $v1 } € less on your rent. The APL goes down by 98% of this amount.

# fr: Faites la demande en ligne sur caf.fr (« Demander l'aide au logement ») dès votre entrée dans le logement : l'aide n'est pas rétroactive. La CAF répond au 3230. Si vous êtes à la MSA, demandez-la à votre caisse MSA.
aides_logement-demarche = Apply online on caf.fr ("Demander l'aide au logement") as soon as you move in: the aid is not paid for past months. The CAF answers on 3230. If you are with the MSA (farm workers' fund), apply to your MSA office.

# fr: Votre bail (contrat de location)
aides_logement-document-1 = Your lease (rental contract)

# fr: L'attestation de loyer remplie par votre propriétaire (la CAF vous la donne)
aides_logement-document-2 = The rent certificate filled in by your landlord (the CAF gives it to you)

# fr: Un RIB
aides_logement-document-3 = Bank details (RIB)

# fr: Une pièce d'identité, ou votre titre de séjour
aides_logement-document-4 = An ID document, or your residence permit

# fr: Vos ressources des 12 derniers mois (bulletins de salaire, attestations France Travail, retraites)
aides_logement-document-5 = Your income for the last 12 months (payslips, France Travail statements, pensions)

## Allocations familiales (rules/allocations_familiales.toml)

# fr: Allocations familiales
allocations_familiales-libelle = Family allowances (allocations familiales)

# fr: Allocations familiales
allocations_familiales-libelle-court = Family allowances

# fr: Une somme versée chaque mois aux familles qui ont au moins deux enfants de moins de 20 ans ; elle baisse quand les revenus sont élevés.
allocations_familiales-description = A monthly payment to families with at least two children under 20. It goes down when income is high.

# fr: Vous avez au moins deux enfants.
allocations_familiales-condition-1-oui = You have at least two children.

# fr: Les allocations familiales commencent au deuxième enfant à charge.
allocations_familiales-condition-1-non = Family allowances start with the second dependent child.

# fr: Vous avez au moins deux enfants à charge de moins de 20 ans.
allocations_familiales-condition-2-oui = You have at least two dependent children under 20.

# fr: Les allocations familiales sont versées pour les enfants de moins de 20 ans : il vous en faut au moins deux.
allocations_familiales-condition-2-non = Family allowances are paid for children under 20: you need at least two.

# fr: Enfants à charge (moins de 20 ans) : {nombre_enfants_moins_de_20_ans}.
allocations_familiales-explication-1 = Dependent children (under 20): { $v1 }.

# fr: Vos ressources de l'avant-dernière année, estimées d'après vos revenus du mois : {arrondi(base_ressources, 0)} € ; les allocations sont réduites au-dessus de {plafond_modulation_1} € (moitié) et de {plafond_modulation_2} € (quart).
allocations_familiales-explication-2 = Your income two years ago, estimated from this month's income: { $v1 } €. The allowances are halved above { $v2 } € and cut to a quarter above { $v3 } €.

# fr: Montant de base : {montant_de_base} € ; majorations pour âge : {arrondi(majorations_pour_age, 2)} € ; allocation forfaitaire (enfant de 20 ans) : {arrondi(allocation_forfaitaire, 2)} € ; complément dégressif : {arrondi(complement_degressif, 2)} €.
allocations_familiales-explication-3 = Basic amount: { $v1 } €; extra for age: { $v2 } €; flat allowance (child aged 20): { $v3 } €; reducing top-up: { $v4 } €.

# fr: La CAF retient 0,5 % de CRDS : environ {arrondi(montant_avant_crds * (1 - taux_crds), 2)} € versés par mois.
allocations_familiales-explication-4 = The CAF keeps 0.5% for the CRDS tax: about { $v1 } € paid each month.

# fr: Si la CAF connaît déjà vos enfants, les allocations sont versées sans démarche. Sinon, déclarez votre situation sur caf.fr (Mon Compte) ou appelez le 3230 ; une maison France Services peut vous aider.
allocations_familiales-demarche = If the CAF already knows your children, the allowances are paid without applying. If not, declare your situation on caf.fr (Mon Compte) or phone 3230. A France Services office can help you.

# fr: Le livret de famille ou les actes de naissance des enfants
allocations_familiales-document-1 = Family record book (livret de famille) or the children's birth certificates

# fr: Une pièce d'identité ou un titre de séjour (et, hors UE, le justificatif d'entrée régulière des enfants)
allocations_familiales-document-2 = An ID document or residence permit (and, outside the EU, proof that the children entered France legally)

# fr: Un RIB
allocations_familiales-document-3 = Bank details (RIB)

# fr: Votre avis d'impôt (revenus d'il y a deux ans)
allocations_familiales-document-4 = Your tax notice (avis d'impôt, income from two years ago)

## Allocation de rentrée scolaire (ARS) (rules/ars.toml)

# fr: Allocation de rentrée scolaire (ARS)
ars-libelle = Back-to-school allowance (ARS)

# fr: Allocation rentrée scolaire
ars-libelle-court = Back-to-school allowance

# fr: Une somme versée fin août pour chaque enfant de 6 à 18 ans scolarisé, si les revenus de la famille ne dépassent pas un plafond.
ars-description = A payment at the end of August for each child aged 6 to 18 in school, if the family's income is below a limit.

# fr: Vous avez au moins un enfant de 6 à 18 ans.
ars-condition-1-oui = You have at least one child aged 6 to 18.

# fr: L'ARS concerne les enfants de 6 à 18 ans : vous n'en avez pas.
ars-condition-1-non = The ARS is for children aged 6 to 18: you have none.

# fr: Votre enfant va à l'école (ou en apprentissage).
ars-condition-2-oui = Your child goes to school (or is an apprentice).

# fr: À partir de 16 ans, l'ARS n'est versée que si l'enfant est encore à l'école ou en apprentissage.
ars-condition-2-non = From age 16, the ARS is only paid if the child is still at school or an apprentice.

# fr: Enfants qui comptent pour l'ARS : {nombre(enfants, enfant.age >= 6 et enfant.age <= 18 et (enfant.age < 16 ou enfant.scolarite != 'aucune'))}.
ars-explication-1 = Children who count for the ARS: { $v1 }.

# fr: Montant avant plafond : {ars_avant_plafond} € (net de CRDS, pour l'année).
ars-explication-2 = Amount before the income limit: { $v1 } € (after CRDS tax, for the year).

# fr: Vos ressources d'il y a deux ans, estimées d'après vos revenus du mois : {arrondi(ressources, 0)} € ; plafond pour {nombre_enfants_moins_de_20_ans} enfant(s) à charge : {plafond} €.
ars-explication-3 = Your income two years ago, estimated from this month's income: { $v1 } €. Limit for { $v2 } dependent { $v2 ->
        [one] child
       *[other] children
    }: { $v3 } €.

# fr: L'ARS est versée une fois par an, vers le 20 août, pour l'année scolaire qui commence.
ars-explication-4 = The ARS is paid once a year, around 20 August, for the school year that starts.

# fr: Si la CAF connaît déjà vos enfants, l'ARS est versée sans démarche vers le 20 août. Pour un jeune de 16 à 18 ans, déclarez sa scolarité sur caf.fr (Mon Compte). Sinon, faites une demande sur caf.fr ou appelez le 3230.
ars-demarche = If the CAF already knows your children, the ARS is paid around 20 August without applying. For a young person aged 16 to 18, declare their schooling on caf.fr (Mon Compte). Otherwise, apply on caf.fr or phone 3230.

# fr: Votre numéro d'allocataire (ou de sécurité sociale)
ars-document-1 = Your CAF number (or social security number)

# fr: Un certificat de scolarité ou le contrat d'apprentissage pour les jeunes de 16 à 18 ans
ars-document-2 = A school certificate or apprenticeship contract for young people aged 16 to 18

# fr: Votre avis d'impôt (revenus d'il y a deux ans)
ars-document-3 = Your tax notice (avis d'impôt, income from two years ago)

# fr: Un RIB
ars-document-4 = Bank details (RIB)

# fr: Le livret de famille ou les actes de naissance
ars-document-5 = Family record book (livret de famille) or birth certificates

## Allocation de soutien familial (ASF) (rules/asf.toml)

# fr: Allocation de soutien familial (ASF)
asf-libelle = Family support allowance (ASF)

# fr: Soutien familial (ASF)
asf-libelle-court = Family support (ASF)

# fr: Une somme versée chaque mois pour chaque enfant élevé seul, quand l'autre parent ne verse pas de pension alimentaire (ou une pension trop faible), sans condition de ressources.
asf-description = A monthly payment for each child you raise alone, when the other parent pays no child support (or too little). There is no income limit.

# fr: Vous élevez seul(e) vos enfants.
asf-condition-1-oui = You raise your children alone.

# fr: L'ASF est pour un parent qui élève seul son enfant : elle s'arrête quand on vit en couple.
asf-condition-1-non = The ASF is for a parent raising a child alone: it stops when you live as a couple.

# fr: Vous avez au moins un enfant.
asf-condition-2-oui = You have at least one child.

# fr: L'ASF est versée pour un enfant à charge.
asf-condition-2-non = The ASF is paid for a dependent child.

# fr: Vous avez au moins un enfant de moins de 20 ans.
asf-condition-3-oui = You have at least one child under 20.

# fr: L'ASF est versée pour les enfants de moins de 20 ans.
asf-condition-3-non = The ASF is paid for children under 20.

# fr: Enfants de moins de 20 ans : {nombre_enfants_moins_de_20_ans} ; {arrondi(taux_asf * bmaf, 2)} € par enfant (42,2 % de la BMAF).
asf-explication-1 = Children under 20: { $v1 }; { $v2 } € per child (42.2% of the family benefits base amount).

# fr: La CAF retient 0,5 % de CRDS : environ {arrondi(montant_avant_crds * (1 - taux_crds), 2)} € versés par mois.
asf-explication-2 = The CAF keeps 0.5% for the CRDS tax: about { $v1 } € paid each month.

# fr: Faites la demande sur caf.fr (formulaire « allocation de soutien familial ») ou appelez le 3230. Si la pension alimentaire n'est pas payée, la CAF peut aussi la récupérer pour vous : pension-alimentaire.caf.fr (ARIPA).
asf-demarche = Apply on caf.fr (form "allocation de soutien familial") or phone 3230. If child support is not paid, the CAF can also collect it for you: pension-alimentaire.caf.fr (ARIPA).

# fr: L'acte de naissance de l'enfant
asf-document-1 = The child's birth certificate

# fr: Le jugement qui fixe la pension alimentaire, ou tout document montrant que l'autre parent est absent, inconnu ou décédé
asf-document-2 = The court decision setting child support, or any paper showing that the other parent is absent, unknown or dead

# fr: La preuve que la pension alimentaire n'est pas payée, s'il y en a une
asf-document-3 = Proof that child support is not paid, if there is any

# fr: Une pièce d'identité
asf-document-4 = An ID document

# fr: Un RIB
asf-document-5 = Bank details (RIB)

## Allocation supplémentaire d'invalidité (ASI) (rules/asi.toml)

# fr: Allocation supplémentaire d'invalidité (ASI)
asi-libelle = Additional disability allowance (ASI)

# fr: Allocation invalidité (ASI)
asi-libelle-court = Disability top-up (ASI)

# fr: Un complément mensuel pour les personnes invalides qui touchent une petite pension d'invalidité et n'ont pas encore l'âge de la retraite.
asi-description = A monthly top-up for disabled people who get a small disability pension and have not yet reached retirement age.

# fr: Vous touchez une pension d'invalidité.
asi-condition-1-oui = You get a disability pension.

# fr: L'ASI s'ajoute à une pension d'invalidité : si vous en touchez une, dites-le-nous.
asi-condition-1-non = The ASI is added to a disability pension: if you get one, tell us.

# fr: Vous n'avez pas encore l'âge légal de la retraite.
asi-condition-2-oui = You have not yet reached the legal retirement age.

# fr: À l'âge de la retraite, l'ASI laisse la place à l'allocation de solidarité aux personnes âgées (ASPA).
asi-condition-2-non = At retirement age, the ASI is replaced by the old-age minimum income (ASPA).

# fr: Votre nationalité ou votre titre de séjour permet l'ASI (hors Union européenne, il faut en principe un titre de séjour permettant de travailler depuis 10 ans).
asi-condition-3-oui = Your nationality or residence permit allows the ASI (outside the European Union, you usually need a permit allowing you to work for 10 years).

# fr: Hors Union européenne, l'ASI demande un titre de séjour permettant de travailler depuis 10 ans.
asi-condition-3-non = Outside the European Union, the ASI needs a residence permit allowing you to work for 10 years.

# fr: Plafond de ressources : {arrondi(plafond_mensuel, 2)} € par mois ; vos ressources : {ressources} € par mois.
asi-explication-1 = Income limit: { $v1 } € a month; your income: { $v2 } € a month.

# fr: L'ASI complète vos ressources jusqu'au plafond : {arrondi(plafond_mensuel, 2)} − {ressources} = {arrondi(plafond_mensuel - ressources, 2)} €.
asi-explication-2 = The ASI tops up your income to the limit: { $v1 } - { $v2 } = { $v3 } €.

# fr: Envoyez le formulaire S4151 à votre caisse d'assurance maladie (ou à la MSA si vous êtes agricole). Le 3646 vous renseigne ; une maison France Services peut vous aider à le remplir.
asi-demarche = Send form S4151 to your health insurance office (or to the MSA if you work in farming). Phone 3646 for information. A France Services office can help you fill it in.

# fr: Le formulaire S4151 « Demande d'allocation supplémentaire d'invalidité »
asi-document-1 = Form S4151 "Demande d'allocation supplémentaire d'invalidité"

# fr: Une pièce d'identité ou un titre de séjour
asi-document-2 = An ID document or residence permit

# fr: La notification de votre pension d'invalidité
asi-document-3 = The letter granting your disability pension

# fr: Les justificatifs de toutes vos ressources des 3 derniers mois (et de votre conjoint)
asi-document-4 = Proof of all your income for the last 3 months (and your partner's)

# fr: Votre avis d'impôt
asi-document-5 = Your tax notice (avis d'impôt)

# fr: Un RIB
asi-document-6 = Bank details (RIB)

## Allocation de solidarité aux personnes âgées (ASPA) (rules/aspa.toml)

# fr: Allocation de solidarité aux personnes âgées (ASPA)
aspa-libelle = Solidarity allowance for older people (ASPA)

# fr: Minimum vieillesse (ASPA)
aspa-libelle-court = Old-age minimum (ASPA)

# fr: Le « minimum vieillesse » : un complément mensuel qui porte les ressources des personnes de 65 ans et plus (ou plus tôt en cas d'inaptitude ou de handicap) jusqu'à un montant garanti.
aspa-description = The "old-age minimum": a monthly top-up that brings the income of people aged 65 and over (or younger if disabled or unable to work) up to a guaranteed amount.

# fr: Vous avez (ou votre conjoint a) l'âge de l'ASPA : 65 ans, ou l'âge légal de la retraite avec un handicap ou une inaptitude au travail.
aspa-condition-1-oui = You (or your partner) are old enough for the ASPA: 65, or the legal retirement age if disabled or unable to work.

# fr: L'ASPA est versée à partir de 65 ans (ou dès l'âge légal de la retraite en cas de handicap ou d'inaptitude au travail).
aspa-condition-1-non = The ASPA is paid from age 65 (or from the legal retirement age for people who are disabled or unable to work).

# fr: Votre nationalité vous permet de demander l'ASPA.
aspa-condition-2-oui = Your nationality allows you to apply for the ASPA.

# fr: Hors Union européenne, l'ASPA demande aussi, en principe, un titre de séjour permettant de travailler depuis au moins 10 ans (sauf pour les réfugiés et les apatrides notamment) : si vous l'avez, faites quand même la demande.
aspa-condition-2-non = Outside the European Union, the ASPA usually also needs a residence permit allowing you to work for at least 10 years (not for refugees and stateless people, among others). If you have one, apply anyway.

# fr: Montant garanti : {arrondi(plafond_mensuel, 2)} € par mois pour votre foyer ; vos ressources retenues : {arrondi(ressources, 2)} € par mois.
aspa-explication-1 = Guaranteed amount: { $v1 } € a month for your household; your income we count: { $v2 } € a month.

# fr: L'ASPA complète vos ressources jusqu'à ce montant, sans dépasser {arrondi(montant_maximal_mensuel, 2)} € : {arrondi(montant_mensuel, 2)} € par mois.
aspa-explication-2 = The ASPA tops up your income to this amount, up to { $v1 } €: { $v2 } € a month.

# fr: Envoyez le formulaire de demande à votre caisse de retraite (Assurance retraite, ou MSA si vous êtes agricole). Le 3960 vous renseigne ; une maison France Services ou le CCAS peut vous aider à le remplir.
aspa-demarche = Send the application form to your pension fund (Assurance retraite, or the MSA if you worked in farming). Phone 3960 for information. A France Services office or the CCAS (town social services) can help you fill it in.

# fr: Le formulaire de demande d'ASPA
aspa-document-1 = The ASPA application form

# fr: Une pièce d'identité ou un titre de séjour
aspa-document-2 = An ID document or residence permit

# fr: Un RIB
aspa-document-3 = Bank details (RIB)

# fr: Votre avis d'impôt
aspa-document-4 = Your tax notice (avis d'impôt)

# fr: Les justificatifs de toutes vos ressources des 3 derniers mois (et de celles de votre conjoint)
aspa-document-5 = Proof of all your income for the last 3 months (and your partner's)

# fr: La preuve que vous avez demandé toutes vos retraites (de base, complémentaires, de réversion)
aspa-document-6 = Proof that you have applied for all your pensions (basic, supplementary, survivor's)

## Allocation de solidarité spécifique (ASS) (rules/ass.toml)

# fr: Allocation de solidarité spécifique (ASS)
ass-libelle = Specific solidarity allowance (ASS)

# fr: Allocation solidarité (ASS)
ass-libelle-court = Solidarity allowance (ASS)

# fr: Une allocation mensuelle pour les chômeurs qui ont fini leurs droits au chômage et qui ont assez travaillé avant.
ass-description = A monthly allowance for unemployed people whose unemployment benefit has ended and who worked long enough before.

# fr: Vous cherchez un emploi.
ass-condition-1-oui = You are looking for work.

# fr: L'ASS est pour les personnes au chômage inscrites à France Travail.
ass-condition-1-non = The ASS is for unemployed people registered with France Travail.

# fr: Vous ne touchez plus l'allocation chômage (ARE).
ass-condition-2-oui = You no longer get unemployment benefit (ARE).

# fr: Vous touchez encore l'allocation chômage : l'ASS pourra venir à la fin de vos droits.
ass-condition-2-non = You still get unemployment benefit: the ASS may follow when it ends.

# fr: Vous n'avez pas atteint l'âge limite de l'ASS.
ass-condition-3-oui = You have not reached the age limit for the ASS.

# fr: L'ASS s'arrête quand on peut partir à la retraite à taux plein (au plus tard vers 65 ans et 9 mois).
ass-condition-3-non = The ASS stops when you can retire on a full pension (at the latest around 65 years and 9 months).

# fr: Vous avez travaillé au moins 5 ans pendant les 10 ans avant la fin de votre dernier emploi.
ass-condition-4-oui = You worked at least 5 years in the 10 years before your last job ended.

# fr: L'ASS demande d'avoir travaillé au moins 5 ans pendant les 10 ans avant la fin du dernier emploi (chaque enfant élevé réduit cette durée d'un an, jusqu'à 3 ans).
ass-condition-4-non = The ASS needs at least 5 years of work in the 10 years before your last job ended (each child you raised counts for one year, up to 3).

# fr: Montant plein : {taux_journalier} € par jour, soit {ass_pleine} € pour un mois de {jours_par_mois} jours.
ass-explication-1 = Full amount: { $v1 } € a day, so { $v2 } € for a month of { $v3 } days.

# fr: Plafond de ressources : {plafond_mensuel} € par mois ; ressources du foyer : {ressources} € par mois.
ass-explication-2 = Income limit: { $v1 } € a month; household income: { $v2 } € a month.

# fr: France Travail envoie en principe le formulaire d'ASS à la fin de vos droits au chômage. Sinon, demandez-le à votre conseiller dans votre espace francetravail.fr ou au 3949.
ass-demarche = France Travail normally sends you the ASS form when your unemployment benefit ends. If not, ask your adviser in your francetravail.fr account or on 3949.

# fr: Le formulaire de demande d'ASS (envoyé par France Travail)
ass-document-1 = The ASS application form (sent by France Travail)

# fr: Les justificatifs de 5 ans de travail (certificats de travail, bulletins de salaire)
ass-document-2 = Proof of 5 years of work (work certificates, payslips)

# fr: Les ressources des 12 derniers mois du foyer (avis d'impôt, attestations)
ass-document-3 = The household's income for the last 12 months (tax notice, statements)

# fr: Une pièce d'identité ou un titre de séjour
ass-document-4 = An ID document or residence permit

# fr: Un RIB
ass-document-5 = Bank details (RIB)

# fr: Le livret de famille (chaque enfant élevé réduit la durée de travail demandée)
ass-document-6 = Family record book (livret de famille): each child you raised lowers the work time needed

## Bourse de collège (rules/bourse_college.toml)

# fr: Bourse de collège
bourse_college-libelle = Grant for pupils at collège (bourse de collège)

# fr: Bourse de collège
bourse_college-libelle-court = Collège grant

# fr: Une aide versée chaque trimestre pour chaque collégien, selon les revenus et le nombre d'enfants du foyer.
bourse_college-description = Help paid each term for each child at collège (middle school), depending on the household's income and number of children.

# fr: Vous avez un enfant au collège.
bourse_college-condition-1-oui = You have a child at collège (middle school).

# fr: La bourse de collège est pour les familles qui ont un enfant au collège.
bourse_college-condition-1-non = The collège grant is for families with a child at collège (middle school).

# fr: Vos revenus sont sous le plafond de la bourse de collège.
bourse_college-condition-2-oui = Your income is below the limit for the collège grant.

# fr: D'après vos revenus, votre foyer dépasse le plafond de la bourse de collège.
bourse_college-condition-2-non = From your income, your household is above the limit for the collège grant.

# fr: Revenu fiscal de référence estimé d'après vos revenus du mois : {arrondi(rfr, 0)} € (le vrai chiffre est sur votre avis d'impôt).
bourse_college-explication-1 = Reference tax income, estimated from this month's income: { $v1 } € (the real figure is on your tax notice).

# fr: Pour {enfants_a_charge} enfant(s) à charge, les plafonds sont {plafond_echelon_1} € (échelon 1), {plafond_echelon_2} € (échelon 2) et {plafond_echelon_3} € (échelon 3).
bourse_college-explication-2 = For { $v1 } dependent { $v1 ->
        [one] child
       *[other] children
    }, the limits are { $v2 } € (level 1), { $v3 } € (level 2) and { $v4 } € (level 3).

# fr: Échelon {echelon} : {montant_par_collegien} € par an et par collégien, versés en trois fois, pour {collegiens} collégien(s).
bourse_college-explication-3 = Level { $v1 }: { $v2 } € a year per pupil, paid in three parts, for { $v3 } { $v3 ->
        [one] pupil
       *[other] pupils
    }.

# fr: Au collège public, acceptez l'étude automatique de vos droits à l'inscription ; sinon faites la demande en ligne (Scolarité services, avec ÉduConnect) de début septembre à mi-octobre. Dans le privé, demandez le dossier papier au collège. Le secrétariat du collège peut vous aider. Simulateur : calculateur-bourses.education.gouv.fr
bourse_college-demarche = At a state collège, accept the automatic check of your rights when you enrol. Otherwise apply online (Scolarité services, with ÉduConnect) from early September to mid-October. At a private collège, ask the school for the paper form. The school office can help you. Simulator: calculateur-bourses.education.gouv.fr

# fr: Votre avis d'impôt de l'an dernier (les deux avis si vous vivez en couple sans être mariés)
bourse_college-document-1 = Your tax notice from last year (both notices if you live as a couple without being married)

# fr: Un RIB
bourse_college-document-2 = Bank details (RIB)

# fr: Vos identifiants ÉduConnect (ou FranceConnect)
bourse_college-document-3 = Your ÉduConnect (or FranceConnect) login

# fr: Le livret de famille si le nombre d'enfants n'est pas celui de l'avis d'impôt
bourse_college-document-4 = Family record book (livret de famille) if the number of children is not the one on the tax notice

## Bourse d'enseignement supérieur sur critères sociaux (Crous) (rules/bourse_criteres_sociaux.toml)

# fr: Bourse d'enseignement supérieur sur critères sociaux (Crous)
bourse_criteres_sociaux-libelle = Higher education grant based on social criteria (Crous)

# fr: Bourse étudiante (Crous)
bourse_criteres_sociaux-libelle-court = Student grant (Crous)

# fr: Une bourse mensuelle versée sur 10 mois aux étudiants de moins de 28 ans dont la famille a peu de revenus.
bourse_criteres_sociaux-description = A monthly grant paid over 10 months to students under 28 whose family has a low income.

# fr: Un de vos enfants de moins de 28 ans fait des études supérieures.
bourse_criteres_sociaux-condition-1-oui = One of your children under 28 is in higher education.

# fr: La bourse du Crous est pour les étudiants de moins de 28 ans ; si vous êtes vous-même étudiant, faites une simulation avec les revenus de vos parents sur messervices.etudiant.gouv.fr.
bourse_criteres_sociaux-condition-1-non = The Crous grant is for students under 28. If you are a student yourself, run a simulation with your parents' income on messervices.etudiant.gouv.fr.

# fr: Vos revenus sont sous le plafond de la bourse du Crous.
bourse_criteres_sociaux-condition-2-oui = Your income is below the limit for the Crous grant.

# fr: D'après vos revenus, votre foyer dépasse le plafond de la bourse du Crous.
bourse_criteres_sociaux-condition-2-non = From your income, your household is above the limit for the Crous grant.

# fr: Revenus des parents estimés d'après vos revenus du mois : {arrondi(ressources_parents, 0)} € par an (le vrai chiffre est le revenu brut global de votre avis d'impôt).
bourse_criteres_sociaux-explication-1 = Parents' income, estimated from this month's income: { $v1 } € a year (the real figure is the "revenu brut global" on your tax notice).

# fr: Points de charge : {points} (sans compter la distance entre la maison et le lieu d'études, qui peut en ajouter).
bourse_criteres_sociaux-explication-2 = Points for your family situation: { $v1 } (not counting the distance between home and the place of study, which can add more).

# fr: Échelon {echelon} (0 désigne l'échelon « 0 bis ») : {mensualite} € par mois pendant 10 mois, pour {etudiants} étudiant(s).
bourse_criteres_sociaux-explication-3 = Level { $v1 } (0 means level "0 bis"): { $v2 } € a month for 10 months, for { $v3 } { $v3 ->
        [one] student
       *[other] students
    }.

# fr: L'étudiant remplit le dossier social étudiant (DSE) sur messervices.etudiant.gouv.fr, en général entre janvier et fin mai pour l'année suivante ; une demande tardive reste possible.
bourse_criteres_sociaux-demarche = The student fills in the student social file (DSE) on messervices.etudiant.gouv.fr, usually between January and the end of May for the next year. A late application is still possible.

# fr: L'avis d'impôt des parents (revenus d'il y a deux ans)
bourse_criteres_sociaux-document-1 = The parents' tax notice (avis d'impôt, income from two years ago)

# fr: Une pièce d'identité ou un titre de séjour de l'étudiant
bourse_criteres_sociaux-document-2 = The student's ID document or residence permit

# fr: Un RIB de l'étudiant
bourse_criteres_sociaux-document-3 = The student's bank details (RIB)

# fr: Un certificat de scolarité ou d'inscription
bourse_criteres_sociaux-document-4 = A school or enrolment certificate

# fr: Les justificatifs des frères et sœurs étudiants
bourse_criteres_sociaux-document-5 = Proof for brothers and sisters who are students

## Bourse de lycée (rules/bourse_lycee.toml)

# fr: Bourse de lycée
bourse_lycee-libelle = Grant for pupils at lycée (bourse de lycée)

# fr: Bourse de lycée
bourse_lycee-libelle-court = Lycée grant

# fr: Une aide versée chaque trimestre pour chaque lycéen (CAP, bac professionnel, général ou technologique), selon les revenus et le nombre d'enfants du foyer.
bourse_lycee-description = Help paid each term for each pupil at lycée (high school: CAP, vocational, general or technical bac), depending on the household's income and number of children.

# fr: Vous avez un enfant au lycée.
bourse_lycee-condition-1-oui = You have a child at lycée (high school).

# fr: La bourse de lycée est pour les familles qui ont un enfant au lycée (ou en CAP).
bourse_lycee-condition-1-non = The lycée grant is for families with a child at lycée (high school) or doing a CAP.

# fr: Vos revenus sont sous le plafond de la bourse de lycée.
bourse_lycee-condition-2-oui = Your income is below the limit for the lycée grant.

# fr: D'après vos revenus, votre foyer dépasse le plafond de la bourse de lycée.
bourse_lycee-condition-2-non = From your income, your household is above the limit for the lycée grant.

# fr: Revenu fiscal de référence estimé d'après vos revenus du mois : {arrondi(rfr, 0)} € (le vrai chiffre est sur votre avis d'impôt).
bourse_lycee-explication-1 = Reference tax income, estimated from this month's income: { $v1 } € (the real figure is on your tax notice).

# fr: Pour {enfants_a_charge} enfant(s) à charge, le plafond de l'échelon 1 est {plafond_echelon_1} € et celui de l'échelon 6 (le plus aidé) {plafond_echelon_6} €.
bourse_lycee-explication-2 = For { $v1 } dependent { $v1 ->
        [one] child
       *[other] children
    }, the limit for level 1 is { $v2 } € and for level 6 (the most help) { $v3 } €.

# fr: Échelon {echelon} : {montant_par_lyceen} € par an et par lycéen, versés en trois fois, pour {lyceens} lycéen(s).
bourse_lycee-explication-3 = Level { $v1 }: { $v2 } € a year per pupil, paid in three parts, for { $v3 } { $v3 ->
        [one] pupil
       *[other] pupils
    }.

# fr: Au lycée public, acceptez l'étude automatique de vos droits à l'inscription, ou faites la demande en ligne (Scolarité services, avec ÉduConnect) au printemps ou de septembre à mi-octobre. Dans le privé, demandez le dossier papier au lycée. Simulateur : calculateur-bourses.education.gouv.fr
bourse_lycee-demarche = At a state lycée, accept the automatic check of your rights when you enrol, or apply online (Scolarité services, with ÉduConnect) in spring or from September to mid-October. At a private lycée, ask the school for the paper form. Simulator: calculateur-bourses.education.gouv.fr

# fr: Votre avis d'impôt de l'an dernier (ceux de tous les adultes du foyer)
bourse_lycee-document-1 = Your tax notice from last year (those of all adults in the household)

# fr: Un RIB
bourse_lycee-document-2 = Bank details (RIB)

# fr: Vos identifiants ÉduConnect (ou FranceConnect)
bourse_lycee-document-3 = Your ÉduConnect (or FranceConnect) login

# fr: Un justificatif de charge de l'enfant si besoin (jugement, livret de famille)
bourse_lycee-document-4 = Proof that the child depends on you, if needed (court decision, family record book)

## Chèque énergie (rules/cheque_energie.toml)

# fr: Chèque énergie
cheque_energie-libelle = Energy voucher (chèque énergie)

# fr: Chèque énergie
cheque_energie-libelle-court = Energy voucher

# fr: Un chèque envoyé chaque année aux foyers modestes pour payer l'électricité, le gaz, le fioul, le bois ou des travaux d'économie d'énergie.
cheque_energie-description = A voucher sent each year to low-income households to pay for electricity, gas, heating oil, wood or energy-saving work.

# fr: Vous avez votre propre logement.
cheque_energie-condition-1-oui = You have your own home.

# fr: Le chèque énergie va aux personnes qui ont leur propre logement et un contrat d'énergie à leur nom : si c'est votre cas, demandez-le quand même.
cheque_energie-condition-1-non = The energy voucher goes to people who have their own home and an energy contract in their name: if this is you, apply anyway.

# fr: Vos revenus sont sous le plafond du chèque énergie.
cheque_energie-condition-2-oui = Your income is below the limit for the energy voucher.

# fr: D'après vos revenus, votre foyer dépasse le plafond du chèque énergie.
cheque_energie-condition-2-non = From your income, your household is above the limit for the energy voucher.

# fr: Revenu fiscal de référence estimé d'après vos revenus du mois : {arrondi(revenu_fiscal_estime, 0)} € par an (c'est une estimation : le vrai chiffre est sur votre avis d'impôt).
cheque_energie-explication-1 = Reference tax income, estimated from this month's income: { $v1 } € a year (this is an estimate: the real figure is on your tax notice).

# fr: Votre foyer compte {unites_consommation} unité(s) de consommation, soit {arrondi(revenu_par_uc, 0)} € par unité (plafond : {plafond_revenu_par_uc} €).
cheque_energie-explication-2 = Your household counts as { $v1 } { $v1 ->
        [one] unit
       *[other] units
    } (a way of counting the people in your home), so { $v2 } € per unit (limit: { $v3 } €).

# fr: Le chèque est envoyé automatiquement une fois par an (à partir de novembre pour la campagne 2025) et se garde jusqu'au 31 mars de l'année suivante.
cheque_energie-explication-3 = The voucher is sent automatically once a year (from November for the 2025 round) and can be used until 31 March of the next year.

# fr: Le chèque arrive en principe tout seul par la poste. S'il ne vient pas, faites la demande sur chequeenergie.gouv.fr ou au numéro vert gratuit.
cheque_energie-demarche = The voucher normally comes by post on its own. If it does not come, apply on chequeenergie.gouv.fr or on the free phone number.

# fr: Votre avis d'impôt (revenu fiscal de référence)
cheque_energie-document-1 = Your tax notice (avis d'impôt, reference tax income)

# fr: Une facture d'électricité de moins de 3 mois ou une attestation de contrat, avec le numéro de compteur (PDL/PRM)
cheque_energie-document-2 = An electricity bill less than 3 months old or a contract certificate, with the meter number (PDL/PRM)

# fr: Une pièce d'identité (pour une demande par courrier)
cheque_energie-document-3 = An ID document (if you apply by post)

## Complément familial (rules/complement_familial.toml)

# fr: Complément familial
complement_familial-libelle = Family supplement (complément familial)

# fr: Complément familial
complement_familial-libelle-court = Family supplement

# fr: Une somme versée chaque mois aux familles d'au moins trois enfants de 3 à 20 ans dont les revenus ne dépassent pas un plafond ; elle est plus élevée pour les revenus les plus modestes.
complement_familial-description = A monthly payment to families with at least three children aged 3 to 20 whose income is below a limit. It is higher for the lowest incomes.

# fr: Vous avez au moins trois enfants.
complement_familial-condition-1-oui = You have at least three children.

# fr: Le complément familial est pour les familles d'au moins trois enfants.
complement_familial-condition-1-non = The family supplement is for families with at least three children.

# fr: Vous avez au moins trois enfants de 3 à 20 ans.
complement_familial-condition-2-oui = You have at least three children aged 3 to 20.

# fr: Le complément familial demande au moins trois enfants âgés de 3 à 20 ans.
complement_familial-condition-2-non = The family supplement needs at least three children aged 3 to 20.

# fr: Vous ne touchez pas l'allocation de base de la PAJE, qui ne se cumule pas avec le complément familial.
complement_familial-condition-3-oui = You do not get the PAJE basic allowance, which cannot be combined with the family supplement.

# fr: Avec un enfant de moins de 3 ans, vous avez droit à l'allocation de base de la PAJE, qui remplace le complément familial.
complement_familial-condition-3-non = With a child under 3, you are entitled to the PAJE basic allowance, which replaces the family supplement.

# fr: Enfants de 3 à 20 ans : {nombre(enfants, enfant.age >= age_minimum et enfant.age < age_limite)} ; enfants à charge comptés pour le plafond : {nombre_enfants_comptes}.
complement_familial-explication-1 = Children aged 3 to 20: { $v1 }; dependent children counted for the limit: { $v2 }.

# fr: Vos ressources de l'avant-dernière année, estimées d'après vos revenus du mois : {arrondi(allocations_familiales.base_ressources, 0)} € ; plafond : {arrondi(plafond, 2)} € ; plafond du complément majoré : {arrondi(plafond_majore, 2)} €.
complement_familial-explication-2 = Your income two years ago, estimated from this month's income: { $v1 } €; limit: { $v2 } €; limit for the higher supplement: { $v3 } €.

# fr: La CAF retient 0,5 % de CRDS : environ {arrondi(montant_avant_crds * (1 - taux_crds), 2)} € versés par mois.
complement_familial-explication-3 = The CAF keeps 0.5% for the CRDS tax: about { $v1 } € paid each month.

# fr: Si la CAF connaît vos enfants, le complément familial est versé sans démarche. Sinon, déclarez votre situation sur caf.fr (Mon Compte), le même formulaire que les allocations familiales, ou appelez le 3230.
complement_familial-demarche = If the CAF knows your children, the family supplement is paid without applying. If not, declare your situation on caf.fr (Mon Compte), with the same form as for family allowances, or phone 3230.

# fr: Le livret de famille ou les actes de naissance des enfants
complement_familial-document-1 = Family record book (livret de famille) or the children's birth certificates

# fr: Une pièce d'identité ou un titre de séjour
complement_familial-document-2 = An ID document or residence permit

# fr: Un RIB
complement_familial-document-3 = Bank details (RIB)

# fr: L'avis d'impôt des deux parents (revenus d'il y a deux ans)
complement_familial-document-4 = Both parents' tax notices (avis d'impôt, income from two years ago)

## Contrat d'engagement jeune (CEJ) (rules/contrat_engagement_jeune.toml)

# fr: Contrat d'engagement jeune (CEJ)
contrat_engagement_jeune-libelle = Youth commitment contract (CEJ)

# fr: Contrat engagement jeune
contrat_engagement_jeune-libelle-court = Youth contract (CEJ)

# fr: Un accompagnement intensif de 6 à 12 mois vers l'emploi pour les jeunes de 16 à 25 ans (29 ans avec un handicap), avec une allocation mensuelle.
contrat_engagement_jeune-description = Intensive support towards work for 6 to 12 months, for young people aged 16 to 25 (29 with a disability), with a monthly allowance.

# fr: Votre âge permet le contrat d'engagement jeune.
contrat_engagement_jeune-condition-1-oui = Your age allows the youth commitment contract.

# fr: Le contrat d'engagement jeune est pour les 16-25 ans (jusqu'à 29 ans avec un handicap reconnu).
contrat_engagement_jeune-condition-1-non = The youth commitment contract is for people aged 16 to 25 (up to 29 with a recognised disability).

# fr: Vous n'êtes pas en études.
contrat_engagement_jeune-condition-2-oui = You are not studying.

# fr: Le contrat d'engagement jeune est pour les jeunes qui ne sont ni en études ni en formation.
contrat_engagement_jeune-condition-2-non = The youth commitment contract is for young people who are neither studying nor in training.

# fr: Nous supposons que votre foyer fiscal (ou celui de vos parents) ne paie pas d'impôt sur le revenu : sinon l'allocation est plus faible ({forfait_majeur_premiere_tranche} € au plus pour un majeur) ou nulle.
contrat_engagement_jeune-explication-1 = We assume your tax household (or your parents') pays no income tax. If it does, the allowance is lower ({ $v1 } € at most for an adult) or nothing.

# fr: Allocation de base : {forfait} € par mois, moins votre allocation chômage et une part de votre salaire au-delà de {abattement_revenus_activite} €.
contrat_engagement_jeune-explication-2 = Basic allowance: { $v1 } € a month, minus your unemployment benefit and part of your pay above { $v2 } €.

# fr: Le CEJ ne se cumule pas avec le RSA ni la prime d'activité : si vous les touchez, le conseiller vous aidera à choisir.
contrat_engagement_jeune-explication-3 = The CEJ cannot be combined with the RSA or the activity bonus (prime d'activité): if you get them, the adviser will help you choose.

# fr: Allez à la Mission locale près de chez vous (annuaire : unml.info), ou parlez-en à votre conseiller France Travail si vous y êtes inscrit. C'est le conseiller qui décide de l'entrée en CEJ.
contrat_engagement_jeune-demarche = Go to the Mission locale (youth job centre) near you (list: unml.info), or talk to your France Travail adviser if you are registered there. The adviser decides if you can start the CEJ.

# fr: Une pièce d'identité ou un titre de séjour
contrat_engagement_jeune-document-1 = An ID document or residence permit

# fr: Votre numéro de sécurité sociale
contrat_engagement_jeune-document-2 = Your social security number

# fr: Un RIB à votre nom
contrat_engagement_jeune-document-3 = Bank details (RIB) in your name

# fr: Un justificatif de domicile (ou une attestation d'hébergement)
contrat_engagement_jeune-document-4 = Proof of address (or a letter from the person who houses you)

# fr: L'avis d'impôt (le vôtre ou celui de vos parents)
contrat_engagement_jeune-document-5 = The tax notice (yours or your parents')

## Complémentaire santé solidaire (rules/css.toml)

# fr: Complémentaire santé solidaire
css-libelle = Complémentaire santé solidaire (free or low-cost health cover)

# fr: Complémentaire santé solidaire
css-libelle-court = Health cover (CSS)

# fr: Une complémentaire santé qui prend en charge ce que la Sécurité sociale ne rembourse pas : gratuite sous un plafond de ressources, ou pour au plus 1 € par jour et par personne juste au-dessus.
css-description = Extra health cover that pays what the Sécurité sociale does not refund: free under an income limit, or at most 1 € a day per person just above it.

# fr: Vos ressources permettent la complémentaire santé solidaire.
css-condition-1-oui = Your income allows the complémentaire santé solidaire.

# fr: Vos ressources des 12 derniers mois dépassent le plafond de la complémentaire santé solidaire.
css-condition-1-non = Your income over the last 12 months is above the limit for the complémentaire santé solidaire.

# fr: À vérifier : vos ressources des 12 derniers mois.
css-condition-1-inconnu = To check: your income over the last 12 months.

# fr: Vos ressources des 12 derniers mois, estimées d'après ce mois-ci (forfait logement compris) : {arrondi(ressources, 0)} €.
css-explication-1 = Your income over the last 12 months, estimated from this month (including a fixed amount for housing): { $v1 } €.

# fr: Plafond pour la complémentaire gratuite, pour {personnes_du_foyer} personne(s) : {plafond_gratuite} € par an ; avec participation : {arrondi(plafond_participation, 0)} €.
css-explication-2 = Limit for free cover, for { $v1 } { $v1 ->
        [one] person
       *[other] people
    }: { $v2 } € a year; with a contribution: { $v3 } €.

# fr: Votre participation, pour tout le foyer : {participation_foyer} € par mois.
css-explication-3 = Your contribution, for the whole household: { $v1 } € a month.

# fr: Depuis votre compte ameli, ouvrez « Mes démarches » puis « Faire une demande de complémentaire santé solidaire », ou envoyez le formulaire papier à votre caisse. Si vous touchez le RSA, la demande est simplifiée. L'Assurance maladie répond au 3646.
css-demarche = In your ameli account, open "Mes démarches", then "Faire une demande de complémentaire santé solidaire". Or send the paper form to your health insurance office. If you get the RSA, applying is simpler. Health insurance (Assurance maladie) answers on 3646.

# fr: Le formulaire de demande (cerfa 12504), avec une annexe par membre du foyer
css-document-1 = The application form (cerfa 12504), with one annex per household member

# fr: Les ressources des 12 derniers mois de tout le foyer
css-document-2 = The whole household's income for the last 12 months

# fr: Votre avis d'impôt
css-document-3 = Your tax notice (avis d'impôt)

# fr: Une pièce d'identité (ou votre titre de séjour)
css-document-4 = An ID document (or your residence permit)

# fr: Le choix de l'organisme qui gérera votre complémentaire (votre caisse ou un organisme agréé)
css-document-5 = Your choice of who will manage your cover (your health insurance office or an approved body)

## Domiciliation administrative (élection de domicile) (rules/domiciliation.toml)

# fr: Domiciliation administrative (élection de domicile)
domiciliation-libelle = Postal address for people without a home (domiciliation)

# fr: Adresse pour le courrier
domiciliation-libelle-court = Postal address

# fr: Une adresse gratuite pour recevoir son courrier et pouvoir demander le RSA, la complémentaire santé solidaire ou un titre de séjour quand on n'a pas de logement stable.
domiciliation-description = A free address to get your mail and to apply for the RSA, the complémentaire santé solidaire or a residence permit when you have no stable home.

# fr: Vous n'avez pas de logement stable : vous pouvez demander une adresse gratuite au CCAS de votre commune.
domiciliation-condition-1-oui = You have no stable home: you can ask the CCAS (social services) of your town for a free address.

# fr: La domiciliation est pour les personnes sans logement stable.
domiciliation-condition-1-non = The domiciliation is for people without a stable home.

# fr: Avec cette adresse, vous pourrez recevoir votre courrier et demander vos autres aides (RSA, complémentaire santé solidaire, titre de séjour…).
domiciliation-explication-1 = With this address, you can get your mail and apply for your other aids (RSA, complémentaire santé solidaire, residence permit...).

# fr: Allez au CCAS de votre mairie (ou dans une association agréée) pour demander une domiciliation. C'est gratuit. Le 3939 (Allô Service Public) peut vous indiquer où aller.
domiciliation-demarche = Go to the CCAS at your town hall (or to an approved charity) to ask for a domiciliation. It is free. 3939 (Allô Service Public) can tell you where to go.

# fr: Le formulaire de demande d'élection de domicile (cerfa 15548)
domiciliation-document-1 = The application form for a domiciliation (cerfa 15548)

# fr: Une pièce d'identité si vous en avez une (ce n'est pas obligatoire)
domiciliation-document-2 = An ID document if you have one (it is not required)

# fr: Tout papier qui montre votre lien avec la commune
domiciliation-document-3 = Any paper that shows your link with the town

## Livret d'épargne populaire (LEP) (rules/lep.toml)

# fr: Livret d'épargne populaire (LEP)
lep-libelle = Popular savings account (LEP)

# fr: Livret épargne populaire
lep-libelle-court = Savings account (LEP)

# fr: Un livret d'épargne sans risque, mieux rémunéré que le livret A, réservé aux foyers aux revenus modestes.
lep-description = A risk-free savings account that pays more interest than the livret A, kept for households with modest incomes.

# fr: Vous avez un peu d'épargne à placer.
lep-condition-1-oui = You have some savings to put away.

# fr: Le LEP sert à placer une petite épargne : si vous en avez, dites-le-nous.
lep-condition-1-non = The LEP is for putting away small savings: if you have some, tell us.

# fr: Vos revenus permettent d'ouvrir un LEP.
lep-condition-2-oui = Your income allows you to open a LEP.

# fr: D'après vos revenus, votre foyer dépasse le plafond du LEP.
lep-condition-2-non = From your income, your household is above the limit for the LEP.

# fr: Revenu fiscal de référence estimé : {arrondi(rfr, 0)} € ; plafond pour {parts} part(s) : {plafond} €.
lep-explication-1 = Estimated reference tax income: { $v1 } €; limit for { $v2 } tax { $v2 ->
        [one] share
       *[other] shares
    }: { $v3 } €.

# fr: Demandez l'ouverture d'un LEP à votre banque (ou à une autre) : c'est gratuit. La banque vérifie chaque année vos revenus auprès des impôts.
lep-demarche = Ask your bank (or another one) to open a LEP: it is free. The bank checks your income with the tax office each year.

# fr: Votre dernier avis d'impôt (revenu fiscal de référence)
lep-document-1 = Your latest tax notice (avis d'impôt, reference tax income)

# fr: Une pièce d'identité
lep-document-2 = An ID document

## Majoration pour la vie autonome (MVA) (rules/majoration_vie_autonome.toml)

# fr: Majoration pour la vie autonome (MVA)
majoration_vie_autonome-libelle = Independent living supplement (MVA)

# fr: Majoration vie autonome
majoration_vie_autonome-libelle-court = Independent living (MVA)

# fr: Un supplément mensuel à l'AAH pour les personnes très handicapées qui vivent dans leur propre logement avec une aide au logement et ne travaillent pas.
majoration_vie_autonome-description = A monthly extra on top of the AAH for people with a severe disability who live in their own home with housing aid and do not work.

# fr: Vous touchez l'AAH avec un taux d'incapacité d'au moins 80 % : la majoration peut s'y ajouter.
majoration_vie_autonome-condition-1-oui = You get the AAH with a disability rate of at least 80%: the supplement can be added.

# fr: La majoration pour la vie autonome est pour les personnes qui touchent l'AAH avec un taux d'incapacité d'au moins 80 %.
majoration_vie_autonome-condition-1-non = The independent living supplement is for people who get the AAH with a disability rate of at least 80%.

# fr: Vous n'avez pas de revenu d'activité.
majoration_vie_autonome-condition-2-oui = You have no income from work.

# fr: La majoration pour la vie autonome n'est pas versée quand on a un revenu d'activité.
majoration_vie_autonome-condition-2-non = The independent living supplement is not paid when you have income from work.

# fr: Vous vivez dans votre propre logement en location (il faut aussi toucher une aide au logement).
majoration_vie_autonome-condition-3-oui = You rent your own home (you must also get housing aid).

# fr: La majoration pour la vie autonome est pour les personnes qui vivent dans leur propre logement et touchent une aide au logement.
majoration_vie_autonome-condition-3-non = The independent living supplement is for people who live in their own home and get housing aid.

# fr: La majoration s'ajoute à l'AAH : {montant_mva} € par mois.
majoration_vie_autonome-explication-1 = The supplement is added to the AAH: { $v1 } € a month.

# fr: La majoration est en principe versée d'office avec l'AAH et l'aide au logement. Si ce n'est pas le cas, demandez-la à la CAF (caf.fr ou 3230).
majoration_vie_autonome-demarche = The supplement is normally paid automatically with the AAH and housing aid. If not, ask the CAF (caf.fr or 3230).

# fr: La notification d'AAH de la MDPH
majoration_vie_autonome-document-1 = The MDPH letter granting the AAH

# fr: Votre bail ou une quittance de loyer
majoration_vie_autonome-document-2 = Your lease or a rent receipt

# fr: Un RIB
majoration_vie_autonome-document-3 = Bank details (RIB)

## Allocation de base de la prestation d'accueil du jeune enfant (PAJE) (rules/paje_base.toml)

# fr: Allocation de base de la prestation d'accueil du jeune enfant (PAJE)
paje_base-libelle = Basic allowance for a young child (PAJE)

# fr: PAJE allocation de base
paje_base-libelle-court = Young child allowance (PAJE)

# fr: Une somme versée chaque mois pour un enfant de moins de 3 ans, si les revenus de la famille ne dépassent pas un plafond (à taux plein ou à taux partiel).
paje_base-description = A monthly payment for a child under 3, if the family's income is below a limit (at the full rate or a part rate).

# fr: Vous avez au moins un enfant.
paje_base-condition-1-oui = You have at least one child.

# fr: L'allocation de base de la PAJE est versée pour un enfant de moins de 3 ans.
paje_base-condition-1-non = The PAJE basic allowance is paid for a child under 3.

# fr: Vous avez un enfant de moins de 3 ans.
paje_base-condition-2-oui = You have a child under 3.

# fr: L'allocation de base de la PAJE est versée jusqu'aux 3 ans de l'enfant : vous n'avez pas d'enfant de cet âge.
paje_base-condition-2-non = The PAJE basic allowance is paid until the child is 3: you have no child of that age.

# fr: Vos revenus sont sous le plafond de l'allocation de base.
paje_base-condition-3-oui = Your income is below the limit for the basic allowance.

# fr: D'après vos revenus, votre famille dépasse le plafond de l'allocation de base de la PAJE.
paje_base-condition-3-non = From your income, your family is above the limit for the PAJE basic allowance.

# fr: Vos ressources de l'avant-dernière année, estimées d'après vos revenus du mois : {arrondi(allocations_familiales.base_ressources, 0)} €.
paje_base-explication-1 = Your income two years ago, estimated from this month's income: { $v1 } €.

# fr: Plafond du taux plein : {arrondi(plafond_taux_plein, 2)} € ; plafond du taux partiel : {arrondi(plafond_taux_partiel, 2)} € (pour {nombre_enfants_moins_de_20_ans} enfant(s) à charge).
paje_base-explication-2 = Limit for the full rate: { $v1 } €; limit for the part rate: { $v2 } € (for { $v3 } dependent { $v3 ->
        [one] child
       *[other] children
    }).

# fr: La CAF retient 0,5 % de CRDS : environ {arrondi(montant_avant_crds * (1 - taux_crds), 2)} € versés par mois.
paje_base-explication-3 = The CAF keeps 0.5% for the CRDS tax: about { $v1 } € paid each month.

# fr: L'allocation de base est versée sans autre démarche une fois la grossesse puis la naissance déclarées à la CAF (caf.fr, Mon Compte). En cas de doute, appelez le 3230 ; une maison France Services peut vous aider.
paje_base-demarche = The basic allowance is paid with nothing more to do once the pregnancy, then the birth, are declared to the CAF (caf.fr, Mon Compte). If in doubt, phone 3230. A France Services office can help you.

# fr: La déclaration de grossesse ou l'acte de naissance de l'enfant
paje_base-document-1 = The pregnancy declaration or the child's birth certificate

# fr: Une pièce d'identité ou un titre de séjour
paje_base-document-2 = An ID document or residence permit

# fr: Un RIB
paje_base-document-3 = Bank details (RIB)

# fr: L'avis d'impôt des deux parents (revenus d'il y a deux ans)
paje_base-document-4 = Both parents' tax notices (avis d'impôt, income from two years ago)

## Pass'Sport (rules/pass_sport.toml)

# fr: Pass'Sport
pass_sport-libelle = Pass'Sport

# fr: Pass'Sport
pass_sport-libelle-court = Pass'Sport

# fr: Une réduction sur l'inscription dans un club de sport pour les jeunes dont la famille touche l'allocation de rentrée scolaire ou l'AEEH, les jeunes qui touchent l'AAH et les étudiants boursiers.
pass_sport-description = A discount on joining a sports club, for young people whose family gets the back-to-school allowance or the AEEH, young people who get the AAH, and students with a grant.

# fr: Au moins une personne de votre foyer peut avoir le Pass'Sport.
pass_sport-condition-1-oui = At least one person in your household can get the Pass'Sport.

# fr: Le Pass'Sport est pour les jeunes dont la famille touche l'allocation de rentrée scolaire (14-17 ans) ou l'AEEH, les jeunes de 16 à 30 ans qui touchent l'AAH et les étudiants boursiers de moins de 28 ans.
pass_sport-condition-1-non = The Pass'Sport is for young people whose family gets the back-to-school allowance (ages 14-17) or the AEEH, young people aged 16 to 30 who get the AAH, and students under 28 with a Crous grant.

# fr: {beneficiaires} personne(s) de votre foyer peuvent avoir le Pass'Sport, {montant_par_beneficiaire} € chacune, à utiliser dans un club partenaire.
pass_sport-explication-1 = { $v1 } { $v1 ->
        [one] person
       *[other] people
    } in your household can get the Pass'Sport, { $v2 } € each, to use at a partner club.

# fr: Le code arrive par courriel ou SMS en fin d'été (à l'automne pour les étudiants) ; il se récupère aussi sur pass.sports.gouv.fr.
pass_sport-explication-2 = The code comes by email or SMS at the end of summer (in autumn for students). You can also get it on pass.sports.gouv.fr.

# fr: Choisissez un club partenaire sur pass.sports.gouv.fr et donnez-lui le code au moment de l'inscription : la réduction est faite tout de suite. Pour cette saison, le code s'utilise jusqu'au 31 décembre.
pass_sport-demarche = Choose a partner club on pass.sports.gouv.fr and give it the code when you join: the discount is made straight away. For this season, the code can be used until 31 December.

# fr: Le code Pass'Sport (reçu par courriel ou SMS, ou récupéré en ligne)
pass_sport-document-1 = The Pass'Sport code (received by email or SMS, or found online)

# fr: Une pièce d'identité du jeune
pass_sport-document-2 = The young person's ID document

# fr: Le numéro d'allocataire CAF ou MSA, ou la notification de bourse du Crous, pour retrouver le code
pass_sport-document-3 = The CAF or MSA number, or the Crous grant letter, to find the code

## Prime d'activité (rules/prime_activite.toml)

# fr: Prime d'activité
prime_activite-libelle = Activity bonus for people in work (prime d'activité)

# fr: Prime d'activité
prime_activite-libelle-court = Activity bonus

# fr: Un complément de revenu versé chaque mois aux personnes de 18 ans et plus qui travaillent et dont les revenus sont modestes.
prime_activite-description = Extra income paid each month to people aged 18 and over who work and have modest incomes.

# fr: Vous avez des revenus d'activité.
prime_activite-condition-1-oui = You have income from work.

# fr: La prime d'activité complète les revenus du travail : il faut avoir des revenus d'activité (un étudiant ou un apprenti doit gagner plus de 55 % d'un SMIC brut de 169 heures par mois).
prime_activite-condition-1-non = The activity bonus adds to income from work: you need income from work (a student or apprentice must earn more than 55% of the gross minimum wage for 169 hours a month).

# fr: À vérifier : vos revenus d'activité.
prime_activite-condition-1-inconnu = To check: your income from work.

# fr: Vous avez au moins 18 ans.
prime_activite-condition-2-oui = You are 18 or over.

# fr: La prime d'activité est pour les personnes de 18 ans et plus.
prime_activite-condition-2-non = The activity bonus is for people aged 18 and over.

# fr: Votre nationalité ou votre titre de séjour permet la prime d'activité.
prime_activite-condition-3-oui = Your nationality or residence permit allows the activity bonus.

# fr: Pour la prime d'activité, il faut être français ; citoyen européen qui travaille, ou qui a travaillé en France ou y vit depuis 5 ans ; hors Union européenne, avoir un titre de séjour autorisant à travailler depuis 5 ans.
prime_activite-condition-3-non = For the activity bonus, you must be French; a European citizen who works, or who worked in France or has lived there 5 years; from outside the European Union, hold a permit allowing you to work for 5 years.

# fr: À vérifier : votre nationalité, et depuis combien de temps vous avez un titre de séjour.
prime_activite-condition-3-inconnu = To check: your nationality, and how long you have had a residence permit.

# fr: Montant forfaitaire pour votre foyer : {arrondi(montant_forfaitaire, 2)} €.
prime_activite-explication-1 = Fixed amount for your household: { $v1 } €.

# fr: Vos revenus d'activité : {arrondi(revenus_activite, 2)} € ; {arrondi(pente * revenus_activite, 2)} € en sont retenus (59,85 %).
prime_activite-explication-2 = Your income from work: { $v1 } €; { $v2 } € of it is counted (59.85%).

# fr: Bonification pour les revenus d'activité : {arrondi(bonifications, 2)} €.
prime_activite-explication-3 = Bonus for income from work: { $v1 } €.

# fr: Ressources du foyer, forfait logement compris : {arrondi(ressources + forfait_logement, 2)} €.
prime_activite-explication-4 = Household income, including a fixed amount for housing: { $v1 } €.

# fr: La prime est recalculée tous les trois mois d'après la déclaration de vos revenus.
prime_activite-explication-5 = The bonus is worked out again every three months from the income you declare.

# fr: Faites la demande de prime d'activité en ligne sur caf.fr (« Demander la prime d'activité ») ; le simulateur de caf.fr donne une estimation. La CAF répond au 3230. Ensuite, vous déclarez vos revenus tous les trois mois.
prime_activite-demarche = Apply for the activity bonus online on caf.fr ("Demander la prime d'activité"). The caf.fr simulator gives an estimate. The CAF answers on 3230. After that, you declare your income every three months.

# fr: Vos bulletins de salaire des 3 derniers mois (et ceux de votre conjoint)
prime_activite-document-1 = Your payslips for the last 3 months (and your partner's)

# fr: Une pièce d'identité (ou votre titre de séjour)
prime_activite-document-2 = An ID document (or your residence permit)

# fr: Votre numéro de sécurité sociale
prime_activite-document-3 = Your social security number

# fr: Votre bail ou une quittance de loyer
prime_activite-document-4 = Your lease or a rent receipt

# fr: Un RIB
prime_activite-document-5 = Bank details (RIB)

## Prime à la naissance (PAJE) (rules/prime_naissance.toml)

# fr: Prime à la naissance (PAJE)
prime_naissance-libelle = Birth grant (PAJE)

# fr: Prime à la naissance
prime_naissance-libelle-court = Birth grant

# fr: Une prime versée une fois, au 7e mois de grossesse, pour chaque bébé attendu, si les revenus du foyer ne dépassent pas un plafond.
prime_naissance-description = A grant paid once, in the 7th month of pregnancy, for each baby expected, if the household's income is below a limit.

# fr: Vous attendez un bébé.
prime_naissance-condition-1-oui = You are expecting a baby.

# fr: La prime à la naissance est pour un bébé attendu : dites-nous si vous attendez un enfant.
prime_naissance-condition-1-non = The birth grant is for an expected baby: tell us if you are expecting a child.

# fr: Vos revenus sont sous le plafond de la prime à la naissance.
prime_naissance-condition-2-oui = Your income is below the limit for the birth grant.

# fr: D'après vos revenus, votre foyer dépasse le plafond de la prime à la naissance.
prime_naissance-condition-2-non = From your income, your household is above the limit for the birth grant.

# fr: Montant : {prime_nette} € par bébé attendu (229,75 % de la BMAF, net de CRDS), versé au 7e mois de grossesse.
prime_naissance-explication-1 = Amount: { $v1 } € per expected baby (229.75% of the family benefits base amount, after tax), paid in the 7th month of pregnancy.

# fr: Vos ressources d'il y a deux ans, estimées d'après vos revenus du mois : {arrondi(ressources, 0)} € ; plafond pour {enfants_a_charge} enfant(s) en comptant le bébé : {plafond} €.
prime_naissance-explication-2 = Your income two years ago, estimated from this month's income: { $v1 } €; limit for { $v2 } { $v2 ->
        [one] child
       *[other] children
    }, counting the baby: { $v3 } €.

# fr: Faites déclarer la grossesse avant la fin du 3e mois par votre médecin ou votre sage-femme, puis créez ou mettez à jour votre compte sur caf.fr (Mon Compte). La CAF verse la prime au 7e mois. Pour la déclaration de grossesse, l'Assurance maladie répond au 3646.
prime_naissance-demarche = Have your doctor or midwife declare the pregnancy before the end of the 3rd month, then create or update your account on caf.fr (Mon Compte). The CAF pays the grant in the 7th month. For the pregnancy declaration, health insurance (Assurance maladie) answers on 3646.

# fr: La déclaration de grossesse (faite en ligne par le médecin ou la sage-femme)
prime_naissance-document-1 = The pregnancy declaration (made online by the doctor or midwife)

# fr: Une pièce d'identité ou un titre de séjour
prime_naissance-document-2 = An ID document or residence permit

# fr: Votre numéro de sécurité sociale
prime_naissance-document-3 = Your social security number

# fr: Un RIB
prime_naissance-document-4 = Bank details (RIB)

# fr: L'avis d'impôt des deux parents (revenus d'il y a deux ans)
prime_naissance-document-5 = Both parents' tax notices (avis d'impôt, income from two years ago)

## Aide exceptionnelle de fin d'année (« prime de Noël ») (rules/prime_noel.toml)

# fr: Aide exceptionnelle de fin d'année (« prime de Noël »)
prime_noel-libelle = End-of-year bonus ("prime de Noël")

# fr: Prime de Noël
prime_noel-libelle-court = Christmas bonus

# fr: Une prime versée mi-décembre, sans démarche, aux foyers qui touchent le RSA, l'ASS ou l'AER en novembre ou en décembre.
prime_noel-description = A bonus paid in mid-December, with nothing to do, to households that get the RSA, the ASS or the AER in November or December.

# fr: Vous avez droit au RSA ou à l'ASS : la prime de fin d'année suit.
prime_noel-condition-1-oui = You are entitled to the RSA or the ASS: the end-of-year bonus comes with it.

# fr: La prime de Noël va aux foyers qui touchent le RSA, l'ASS ou l'AER en novembre ou décembre.
prime_noel-condition-1-non = The Christmas bonus goes to households that get the RSA, the ASS or the AER in November or December.

# fr: Montant : {montant_de_base} € multiplié par {coefficient_rsa} selon la composition du foyer au RSA, ou {montant_de_base} € pour un foyer à l'ASS.
prime_noel-explication-1 = Amount: { $v1 } € times { $v2 }, depending on who is in your household for the RSA, or { $v3 } € for a household on the ASS.

# fr: Elle est versée automatiquement à la mi-décembre, sans rien demander.
prime_noel-explication-2 = It is paid automatically in mid-December: there is nothing to ask for.

# fr: Aucune démarche : la prime est versée automatiquement vers la mi-décembre. Si elle n'arrive pas, appelez la CAF au 3230 (RSA) ou France Travail au 3949 (ASS, AER).
prime_noel-demarche = Nothing to do: the bonus is paid automatically around mid-December. If it does not come, phone the CAF on 3230 (RSA) or France Travail on 3949 (ASS, AER).

## Revenu de solidarité active (RSA) (rules/rsa.toml)

# fr: Revenu de solidarité active (RSA)
rsa-libelle = Active solidarity income (RSA)

# fr: RSA
rsa-libelle-court = Minimum income (RSA)

# fr: Un revenu minimum versé chaque mois aux personnes de 25 ans et plus (ou plus jeunes avec un enfant) dont les ressources sont faibles : il complète vos ressources jusqu'à un montant qui dépend de votre foyer.
rsa-description = A minimum income paid each month to people aged 25 and over (or younger with a child) who have low resources. It tops up your income to an amount that depends on your household.

# fr: Votre âge et votre situation (enfant à charge, pas d'études) permettent le RSA.
rsa-condition-1-oui = Your age and situation (dependent child, not studying) allow the RSA.

# fr: Le RSA est pour les personnes de 25 ans et plus, ou plus jeunes avec un enfant à charge, qui ne sont pas étudiantes. Les jeunes qui ont beaucoup travaillé peuvent demander le « RSA jeune actif » à la CAF.
rsa-condition-1-non = The RSA is for people aged 25 and over, or younger with a dependent child, who are not students. Young people who have worked a lot can ask the CAF for the "RSA jeune actif".

# fr: À vérifier : votre âge, vos enfants à charge et si vous faites des études.
rsa-condition-1-inconnu = To check: your age, your dependent children and whether you are studying.

# fr: Votre nationalité ou votre titre de séjour permet le RSA.
rsa-condition-2-oui = Your nationality or residence permit allows the RSA.

# fr: Pour le RSA, il faut être français ; citoyen européen qui travaille, ou qui a travaillé en France ou y vit depuis 5 ans ; hors Union européenne, avoir un titre de séjour autorisant à travailler depuis 5 ans.
rsa-condition-2-non = For the RSA, you must be French; a European citizen who works, or who worked in France or has lived there 5 years; from outside the European Union, hold a permit allowing you to work for 5 years.

# fr: À vérifier : votre nationalité, et depuis combien de temps vous avez un titre de séjour.
rsa-condition-2-inconnu = To check: your nationality, and how long you have had a residence permit.

# fr: Montant forfaitaire pour votre foyer ({personnes_du_foyer} personne(s)) : {arrondi(montant_forfaitaire, 2)} €.
rsa-explication-1 = Fixed amount for your household ({ $v1 } { $v1 ->
        [one] person
       *[other] people
    }): { $v2 } €.

# fr: Vos ressources prises en compte : {arrondi(ressources, 2)} € par mois.
rsa-explication-2 = Your income taken into account: { $v1 } € a month.

# fr: Forfait logement déduit : {arrondi(forfait_logement, 2)} €.
rsa-explication-3 = Fixed housing deduction: { $v1 } €.

# fr: RSA = montant forfaitaire − ressources − forfait logement = {arrondi(max(0, montant_forfaitaire - ressources - forfait_logement), 2)} €.
rsa-explication-4 = RSA = fixed amount - income - housing deduction = { $v1 } €.

# fr: Le RSA est recalculé tous les trois mois d'après la déclaration de vos ressources.
rsa-explication-5 = The RSA is worked out again every three months from the income you declare.

# fr: Faites la demande de RSA en ligne sur caf.fr (« Demander le RSA »), ou auprès de votre département ou du CCAS de votre commune. La CAF répond au 3230. Ensuite, vous déclarez vos ressources tous les trois mois.
rsa-demarche = Apply for the RSA online on caf.fr ("Demander le RSA"), or at your département or the CCAS (social services) of your town. The CAF answers on 3230. After that, you declare your income every three months.

# fr: Une pièce d'identité (ou votre titre de séjour)
rsa-document-1 = An ID document (or your residence permit)

# fr: Votre numéro de sécurité sociale
rsa-document-2 = Your social security number

# fr: Vos ressources des 3 derniers mois (bulletins de salaire, attestations France Travail, pensions)
rsa-document-3 = Your income for the last 3 months (payslips, France Travail statements, pensions)

# fr: Votre bail, ou une attestation d'hébergement
rsa-document-4 = Your lease, or a letter from the person who houses you

# fr: Le livret de famille si vous avez des enfants
rsa-document-5 = Family record book (livret de famille) if you have children

# fr: Un RIB
rsa-document-6 = Bank details (RIB)

## Sentences of the evaluation itself (src/rules/phrases.rs)

# fr: À vérifier : {phrase}
evaluation-a-verifier = To check: { $phrase }

# fr: Le montant calculé ({v1} €) est inférieur au minimum versé ({v2} €).
evaluation-minimum = The amount worked out ({ $v1 } €) is below the smallest amount paid ({ $v2 } €).

# fr: Vos ressources dépassent le montant de cette aide : le calcul donne 0 €.
evaluation-montant-nul = Your income is above what this aid pays: the calculation gives 0 €.

# fr: Le calcul de cette aide a échoué ; un conseiller peut vous aider.
evaluation-echec = We could not work out this aid. An adviser can help you.

# fr: oui
valeur-oui = yes

# fr: non
valeur-non = no

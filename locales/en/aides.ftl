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

# fr: L'AAH (allocation aux adultes handicapés) complète vos ressources ({arrondi(somme(adultes, si eligible_personne alors base_ressources_personne sinon 0), 2)} € par mois comptés) jusqu'à {montant_maximal} € par mois et par personne.
aah-explication-1 = The AAH (disabled adult allowance) tops up your income ({ $v1 } € a month counted) to { $v2 } € a month per person.

# fr: Si vos ressources changent, dites-le à la CAF (caisse d'allocations familiales) : l'AAH est recalculée.
aah-explication-2 = If your income changes, tell the CAF (family benefits office): the AAH is worked out again.

# fr: Demandez-la à la MDPH (maison départementale des personnes handicapées), en ligne ou sur papier ; la CAF la verse ensuite (la MSA pour les agricoles). Un espace France Services peut vous aider.
aah-demarche = Apply to the MDPH (departmental centre for disabled people), online or on paper; the CAF then pays it (the MSA for farm workers). A France Services office can help you.

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

# fr: L'AEEH (allocation d'éducation de l'enfant handicapé) : {aeeh_de_base_nette} € par mois et par enfant handicapé ({enfants_ouvrant_droit} enfant(s)).
aeeh-explication-1 = The AEEH (disabled child education allowance): { $v1 } € a month per disabled child ({ $v2 } { $v2 ->
        [one] child
       *[other] children
    }).

# fr: Un complément peut s'ajouter selon les frais liés au handicap, ou si un parent réduit son travail : c'est la MDPH (maison départementale des personnes handicapées) qui le décide.
aeeh-explication-2 = A supplement can be added for costs linked to the disability, or if a parent works less: the MDPH (departmental centre for disabled people) decides.

# fr: Demandez-la à la MDPH de votre département (en ligne ou sur papier) ; la CAF la verse ensuite (la MSA pour les agricoles). Un espace France Services peut vous aider.
aeeh-demarche = Apply to the MDPH of your département (online or on paper); the CAF then pays it (the MSA for farm workers). A France Services office can help you.

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

# fr: L'aide dépend de votre loyer ({arrondi(loyer_retenu, 2)} € comptés, au plus {loyer_plafond} €) et de vos ressources sur un an ({ressources_retenues} €).
aides_logement-explication-1 = The benefit depends on your rent ({ $v1 } € counted, at most { $v2 } €) and your income over a year ({ $v3 } €).

# fr: Selon vos ressources, {arrondi(participation_personnelle, 2)} € par mois restent à votre charge.
aides_logement-explication-2 = Depending on your income, { $v1 } € a month is left for you to pay.

# fr: Si vos revenus ou votre loyer changent, dites-le à la CAF (caisse d'allocations familiales) : l'aide est recalculée.
aides_logement-explication-3 = If your income or rent changes, tell the CAF (family benefits office): the benefit is worked out again.

# fr: En HLM, le loyer baisse de {reduction_loyer_solidarite} € par mois (réduction de solidarité) et l'aide presque autant.
aides_logement-explication-4 = In social housing (HLM), the rent goes down by { $v1 } € a month (solidarity reduction) and the benefit almost as much.

# fr: Demandez-la sur caf.fr ("Demander l'aide au logement") dès votre arrivée dans le logement : les mois passés ne sont pas payés. Salarié ou exploitant agricole : c'est la MSA (msa.fr).
aides_logement-demarche = Apply on caf.fr ("Demander l'aide au logement") as soon as you move in: past months are not paid. Farm worker or farmer: it is the MSA (msa.fr).

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

# fr: Les allocations familiales sont versées pour {nombre_enfants_moins_de_20_ans} enfant(s) de moins de 20 ans ; elles augmentent quand un enfant a 14 ans.
allocations_familiales-explication-1 = Family allowances are paid for { $v1 } { $v1 ->
        [one] child
       *[other] children
    } under 20; they go up when a child turns 14.

# fr: Elles sont plus faibles si les revenus du foyer d'il y a deux ans dépassent {plafond_modulation_1} € ; nous avons estimé les vôtres à {arrondi(base_ressources, 0)} €.
allocations_familiales-explication-2 = They are lower if the household's income from two years ago is over { $v1 } €; we estimated yours at { $v2 } €.

# fr: Environ {arrondi(montant_avant_crds * (1 - taux_crds), 2)} € arrivent sur votre compte, après une petite retenue pour la dette sociale (0,5 %).
allocations_familiales-explication-3 = About { $v1 } € reaches your account, after a small deduction for the social debt (0.5%).

# fr: Si la CAF (caisse d'allocations familiales) connaît vos enfants, rien à faire. Sinon, déclarez-les sur caf.fr (Mon Compte). Salarié ou exploitant agricole : c'est la MSA (msa.fr).
allocations_familiales-demarche = If the CAF (family benefits office) knows your children, there is nothing to do. Otherwise, declare them on caf.fr (Mon Compte). Farm worker or farmer: it is the MSA (msa.fr).

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

# fr: L'allocation de rentrée scolaire aide à payer la rentrée de {nombre(enfants, enfant.age >= 6 et enfant.age <= 18 et (enfant.age < 16 ou enfant.scolarite != 'aucune'))} enfant(s) de 6 à 18 ans qui vont à l'école.
ars-explication-1 = The back-to-school allowance helps pay for the new school year of { $v1 } { $v1 ->
        [one] child
       *[other] children
    } aged 6 to 18 at school.

# fr: Vos revenus d'il y a deux ans, estimés à {arrondi(ressources, 0)} €, sont sous le plafond de {plafond} € pour votre famille.
ars-explication-2 = Your income from two years ago, estimated at { $v1 } €, is under the ceiling of { $v2 } € for your family.

# fr: Elle est versée une fois par an, vers le 20 août, avant la rentrée.
ars-explication-3 = It is paid once a year, around 20 August, before school starts.

# fr: Si la CAF (caisse d'allocations familiales) connaît vos enfants, rien à faire. Pour un jeune de 16 à 18 ans, déclarez sa scolarité sur caf.fr (Mon Compte). Salarié ou exploitant agricole : c'est la MSA (msa.fr).
ars-demarche = If the CAF (family benefits office) knows your children, there is nothing to do. For a young person aged 16 to 18, declare their schooling on caf.fr (Mon Compte). Farm worker or farmer: it is the MSA (msa.fr).

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

# fr: Pour un parent qui élève seul ses enfants sans recevoir de pension alimentaire : pour {nombre_enfants_moins_de_20_ans} enfant(s) de moins de 20 ans, {arrondi(taux_asf * bmaf, 2)} € par mois chacun.
asf-explication-1 = For a parent raising children alone without receiving child support: for { $v1 } { $v1 ->
        [one] child
       *[other] children
    } under 20, { $v2 } € a month each.

# fr: Environ {arrondi(montant_avant_crds * (1 - taux_crds), 2)} € arrivent sur votre compte, après une petite retenue pour la dette sociale (0,5 %).
asf-explication-2 = About { $v1 } € reaches your account, after a small deduction for the social debt (0.5%).

# fr: Si l'autre parent se met à payer une pension, dites-le à la CAF : le montant est recalculé.
asf-explication-3 = If the other parent starts paying child support, tell the CAF: the amount is worked out again.

# fr: Demandez-la sur caf.fr ("allocation de soutien familial"). Si la pension n'est pas payée, la CAF peut la réclamer pour vous : pension-alimentaire.caf.fr. Salarié ou exploitant agricole : c'est la MSA (msa.fr).
asf-demarche = Apply on caf.fr ("allocation de soutien familial"). If child support is not paid, the CAF can claim it for you: pension-alimentaire.caf.fr. Farm worker or farmer: it is the MSA (msa.fr).

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

# fr: L'ASI (allocation supplémentaire d'invalidité) complète votre pension d'invalidité et vos autres ressources ({ressources} € par mois) jusqu'à {arrondi(plafond_mensuel, 2)} € par mois.
asi-explication-1 = The ASI (supplementary disability allowance) tops up your disability pension and other income ({ $v1 } € a month) to { $v2 } € a month.

# fr: Si vos ressources changent, dites-le à votre caisse : le montant est recalculé.
asi-explication-2 = If your income changes, tell your fund: the amount is worked out again.

# fr: Envoyez le formulaire S4151 à votre caisse d'assurance maladie (à la MSA si vous êtes agricole). Un espace France Services peut vous aider à le remplir.
asi-demarche = Send form S4151 to your health insurance fund (to the MSA if you work in farming). A France Services office can help you fill it in.

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

# fr: Le minimum vieillesse complète vos ressources ({arrondi(ressources, 2)} € par mois) jusqu'à {arrondi(plafond_mensuel, 2)} € par mois pour votre foyer.
aspa-explication-1 = The minimum old-age pension tops up your income ({ $v1 } € a month) to { $v2 } € a month for your household.

# fr: Vous êtes propriétaire : après le décès, l'ASPA versée peut être reprise sur la succession (l'héritage), pour la part au-delà de 108 000 € environ.
aspa-explication-2 = You own your home: after death, the ASPA paid can be taken back from the estate (the inheritance), on the part above about 108,000 €.

# fr: Si vos ressources changent, dites-le à votre caisse de retraite : le montant est recalculé.
aspa-explication-3 = If your income changes, tell your pension fund: the amount is worked out again.

# fr: Envoyez le formulaire de demande à votre caisse de retraite (l'Assurance retraite, ou la MSA si vous avez travaillé dans l'agriculture). Un espace France Services ou le CCAS (centre communal d'action sociale) peut vous aider.
aspa-demarche = Send the application form to your pension fund (the Assurance retraite, or the MSA if you worked in farming). A France Services office or the CCAS (town social services) can help you.

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

# fr: L'ASS (allocation de solidarité spécifique) prend le relais quand vos droits au chômage sont finis : {taux_journalier} € par jour, soit {ass_pleine} € pour un mois de {jours_par_mois} jours.
ass-explication-1 = The ASS (specific solidarity allowance) takes over when your unemployment benefit has ended: { $v1 } € a day, so { $v2 } € for a month of { $v3 } days.

# fr: Les ressources du foyer ({ressources} € par mois) doivent rester sous {plafond_mensuel} € par mois : si elles changent, dites-le à France Travail, le montant est recalculé.
ass-explication-2 = The household's income ({ $v1 } € a month) must stay under { $v2 } € a month: if it changes, tell France Travail, the amount is worked out again.

# fr: France Travail envoie le formulaire à la fin de vos droits au chômage ; sinon, demandez-le à votre conseiller (francetravail.fr).
ass-demarche = France Travail sends the form when your unemployment benefit ends; otherwise, ask your adviser for it (francetravail.fr).

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

# fr: Votre revenu fiscal de référence (sur l'avis d'impôt) est estimé à {arrondi(rfr, 0)} € ; avec {enfants_a_charge} enfant(s) à charge, la bourse est donnée jusqu'à {plafond_echelon_1} €.
bourse_college-explication-1 = Your reference tax income (on your tax notice) is estimated at { $v1 } €; with { $v2 } dependent { $v2 ->
        [one] child
       *[other] children
    }, the grant is given up to { $v3 } €.

# fr: Elle est de {montant_par_collegien} € par an et par collégien, versés en trois fois, pour {collegiens} collégien(s).
bourse_college-explication-2 = It is { $v1 } € a year per pupil, paid in three instalments, for { $v2 } { $v2 ->
        [one] pupil
       *[other] pupils
    }.

# fr: Au collège public, acceptez l'étude automatique de vos droits à l'inscription, ou demandez en ligne avec ÉduConnect de septembre à mi-octobre. Dans le privé, demandez le dossier au collège.
bourse_college-demarche = At a state secondary school (collège), accept the automatic check of your rights when you enrol, or apply online with ÉduConnect from September to mid-October. At a private school, ask the school for the form.

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

# fr: Les revenus de vos parents sont estimés à {arrondi(ressources_parents, 0)} € par an (le vrai chiffre est sur leur avis d'impôt).
bourse_criteres_sociaux-explication-1 = Your parents' income is estimated at { $v1 } € a year (the real figure is on their tax notice).

# fr: La bourse est de {mensualite} € par mois pendant 10 mois, pour {etudiants} étudiant(s) ; elle peut être plus forte si le lieu d'études est loin de la maison.
bourse_criteres_sociaux-explication-2 = The grant is { $v1 } € a month for 10 months, for { $v2 } { $v2 ->
        [one] student
       *[other] students
    }; it can be higher if the place of study is far from home.

# fr: L'étudiant remplit le dossier social étudiant sur messervices.etudiant.gouv.fr, de janvier à fin mai pour l'année suivante ; une demande plus tard reste possible.
bourse_criteres_sociaux-demarche = The student fills in the student social file on messervices.etudiant.gouv.fr, from January to the end of May for the next year; applying later is still possible.

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

# fr: Votre revenu fiscal de référence (sur l'avis d'impôt) est estimé à {arrondi(rfr, 0)} € ; avec {enfants_a_charge} enfant(s) à charge, la bourse est donnée jusqu'à {plafond_echelon_1} €.
bourse_lycee-explication-1 = Your reference tax income (on your tax notice) is estimated at { $v1 } €; with { $v2 } dependent { $v2 ->
        [one] child
       *[other] children
    }, the grant is given up to { $v3 } €.

# fr: Elle est de {montant_par_lyceen} € par an et par lycéen, versés en trois fois, pour {lyceens} lycéen(s).
bourse_lycee-explication-2 = It is { $v1 } € a year per pupil, paid in three instalments, for { $v2 } { $v2 ->
        [one] pupil
       *[other] pupils
    }.

# fr: Au lycée public, acceptez l'étude automatique de vos droits à l'inscription, ou demandez en ligne avec ÉduConnect au printemps ou de septembre à mi-octobre. Dans le privé, demandez le dossier au lycée.
bourse_lycee-demarche = At a state high school (lycée), accept the automatic check of your rights when you enrol, or apply online with ÉduConnect in spring or from September to mid-October. At a private school, ask the school for the form.

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

# fr: Il aide à payer l'énergie du logement. Votre revenu fiscal de référence (sur l'avis d'impôt) est estimé à {arrondi(revenu_fiscal_estime, 0)} € par an ; le plafond pour votre foyer est {arrondi(plafond_revenu_par_uc * unites_consommation, 0)} €.
cheque_energie-explication-1 = It helps pay for the energy of your home. Your reference tax income (on your tax notice) is estimated at { $v1 } € a year; the ceiling for your household is { $v2 } €.

# fr: Le chèque est envoyé tout seul une fois par an (à partir de novembre pour la campagne 2025) et se garde jusqu'au 31 mars de l'année suivante.
cheque_energie-explication-2 = The voucher is sent automatically once a year (from November for the 2025 round) and can be used until 31 March of the following year.

# fr: Le chèque arrive en principe tout seul par la poste. S'il ne vient pas, demandez-le sur chequeenergie.gouv.fr ou au numéro vert (gratuit).
cheque_energie-demarche = The voucher normally arrives by post on its own. If it does not come, ask for it on chequeenergie.gouv.fr or on the free phone number.

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

# fr: Le complément familial aide les familles d'au moins 3 enfants de 3 à 20 ans (vous en avez {nombre(enfants, enfant.age >= age_minimum et enfant.age < age_limite)}) aux revenus modestes.
complement_familial-explication-1 = The family supplement helps families on modest incomes with at least 3 children aged 3 to 20 (you have { $v1 }).

# fr: Vos revenus d'il y a deux ans, estimés à {arrondi(allocations_familiales.base_ressources, 0)} €, sont sous le plafond de {arrondi(plafond, 0)} € ; sous {arrondi(plafond_majore, 0)} €, le montant est plus élevé.
complement_familial-explication-2 = Your income from two years ago, estimated at { $v1 } €, is under the ceiling of { $v2 } €; under { $v3 } €, the amount is higher.

# fr: Environ {arrondi(montant_avant_crds * (1 - taux_crds), 2)} € arrivent sur votre compte, après une petite retenue pour la dette sociale (0,5 %).
complement_familial-explication-3 = About { $v1 } € reaches your account, after a small deduction for the social debt (0.5%).

# fr: Si la CAF (caisse d'allocations familiales) connaît vos enfants, rien à faire. Sinon, déclarez-les sur caf.fr (Mon Compte). Salarié ou exploitant agricole : c'est la MSA (msa.fr).
complement_familial-demarche = If the CAF (family benefits office) knows your children, there is nothing to do. Otherwise, declare them on caf.fr (Mon Compte). Farm worker or farmer: it is the MSA (msa.fr).

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

# fr: Un conseiller vous accompagne vers un emploi ou une formation, et vous recevez {forfait} € par mois, moins votre allocation chômage et une part du salaire au-delà de {abattement_revenus_activite} €.
contrat_engagement_jeune-explication-1 = An adviser helps you towards a job or training, and you get { $v1 } € a month, minus your unemployment benefit and part of your pay above { $v2 } €.

# fr: Si votre foyer (ou celui de vos parents) paie l'impôt sur le revenu, l'allocation est plus faible ({forfait_majeur_premiere_tranche} € au plus) ou nulle.
contrat_engagement_jeune-explication-2 = If your household (or your parents') pays income tax, the allowance is lower ({ $v1 } € at most) or nothing.

# fr: Elle ne s'ajoute pas au RSA (revenu de solidarité active) ni à la prime d'activité.
contrat_engagement_jeune-explication-3 = It cannot be added to the RSA (active solidarity income) or the in-work bonus.

# fr: Allez à la Mission locale près de chez vous (unml.info), ou parlez-en à votre conseiller France Travail. C'est le conseiller qui décide de l'entrée dans le contrat.
contrat_engagement_jeune-demarche = Go to the Mission locale near you (unml.info), or talk to your France Travail adviser. The adviser decides whether you start the contract.

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

# fr: Elle est gratuite pour vous.
css-explication-1 = It is free for you.

# fr: Vous paierez {participation_foyer} € par mois pour tout le foyer.
css-explication-2 = You will pay { $v1 } € a month for the whole household.

# fr: Elle paie ce que la Sécurité sociale ne rembourse pas : médecin, dentiste, lunettes, hôpital.
css-explication-3 = It pays what the health insurance does not refund: doctor, dentist, glasses, hospital.

# fr: Vos ressources sur un an sont estimées à {arrondi(ressources, 0)} € ; pour {personnes_du_foyer} personne(s), elle est gratuite sous {plafond_gratuite} €, et coûte un peu jusqu'à {arrondi(plafond_participation, 0)} €.
css-explication-4 = Your income over a year is estimated at { $v1 } €; for { $v2 } { $v2 ->
        [one] person
       *[other] people
    }, it is free under { $v3 } €, and costs a little up to { $v4 } €.

# fr: Sur votre compte ameli, ouvrez "Mes démarches" puis "Complémentaire santé solidaire", ou envoyez le formulaire papier à votre caisse (la MSA si vous êtes agricole).
css-demarche = On your ameli account, open "Mes démarches" and choose the health cover request (CSS), or send the paper form to your fund (the MSA if you work in farming).

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

# fr: Avec cette adresse, vous pourrez recevoir votre courrier et demander vos autres aides (revenu de solidarité active, complémentaire santé solidaire, titre de séjour…).
domiciliation-explication-1 = With this address, you can receive your mail and apply for your other aids (active solidarity income, free health cover, residence permit...).

# fr: Allez au CCAS (centre communal d'action sociale) de votre mairie, ou dans une association agréée, pour demander une adresse. C'est gratuit.
domiciliation-demarche = Go to the CCAS (town social services) at your town hall, or to an approved association, to ask for an address. It is free.

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

# fr: Votre revenu fiscal de référence (sur l'avis d'impôt) est estimé à {arrondi(rfr, 0)} € ; le plafond pour votre foyer ({parts} part(s) d'impôt) est {plafond} €.
lep-explication-1 = Your reference tax income (on your tax notice) is estimated at { $v1 } €; the ceiling for your household ({ $v2 } tax { $v2 ->
        [one] share
       *[other] shares
    }) is { $v3 } €.

# fr: Demandez l'ouverture d'un LEP (livret d'épargne populaire) à votre banque : c'est gratuit. La banque vérifie chaque année vos revenus auprès des impôts.
lep-demarche = Ask your bank to open a LEP (popular savings account): it is free. The bank checks your income with the tax office every year.

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

# fr: Elle s'ajoute à votre AAH (allocation aux adultes handicapés) pour aider à payer votre logement : {montant_mva} € par mois.
majoration_vie_autonome-explication-1 = It is added to your AAH (disabled adult allowance) to help pay for your home: { $v1 } € a month.

# fr: Elle est en principe versée d'office avec l'AAH et l'aide au logement ; sinon, demandez-la sur caf.fr. Salarié ou exploitant agricole : c'est la MSA (msa.fr).
majoration_vie_autonome-demarche = It is normally paid automatically with the AAH and the housing benefit; otherwise, ask for it on caf.fr. Farm worker or farmer: it is the MSA (msa.fr).

# fr: La lettre qui vous accorde l'AAH
majoration_vie_autonome-document-1 = The letter granting you the AAH

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

# fr: L'allocation de base de la PAJE (prestation d'accueil du jeune enfant) aide à élever un enfant de moins de 3 ans.
paje_base-explication-1 = The PAJE basic allowance (young child benefit) helps raise a child under 3.

# fr: Vos revenus d'il y a deux ans, estimés à {arrondi(allocations_familiales.base_ressources, 0)} €, comptent : montant plein jusqu'à {arrondi(plafond_taux_plein, 0)} €, moitié jusqu'à {arrondi(plafond_taux_partiel, 0)} €.
paje_base-explication-2 = Your income from two years ago, estimated at { $v1 } €, counts: full amount up to { $v2 } €, half up to { $v3 } €.

# fr: Environ {arrondi(montant_avant_crds * (1 - taux_crds), 2)} € arrivent sur votre compte, après une petite retenue pour la dette sociale (0,5 %).
paje_base-explication-3 = About { $v1 } € reaches your account, after a small deduction for the social debt (0.5%).

# fr: Déclarez la grossesse puis la naissance sur caf.fr (Mon Compte) : l'allocation suit sans autre démarche. Salarié ou exploitant agricole : c'est la MSA (msa.fr).
paje_base-demarche = Declare the pregnancy then the birth on caf.fr (Mon Compte): the allowance follows with nothing else to do. Farm worker or farmer: it is the MSA (msa.fr).

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

# fr: La prime d'activité complète les revenus du travail : elle compte vos revenus d'activité ({arrondi(revenus_activite, 2)} € par mois) et toutes les ressources du foyer ({arrondi(ressources + forfait_logement, 2)} € par mois).
prime_activite-explication-1 = The in-work bonus tops up earnings from work: it counts your earnings ({ $v1 } € a month) and all the household's income ({ $v2 } € a month).

# fr: Comme vous avez une aide au logement, ou pas de loyer à payer, {arrondi(forfait_logement, 2)} € sont comptés dans ces ressources.
prime_activite-explication-2 = As you have housing benefit, or no rent to pay, { $v1 } € is counted in this income.

# fr: Vous déclarez vos revenus tous les 3 mois : s'ils changent, la prime est recalculée.
prime_activite-explication-3 = You declare your income every 3 months: if it changes, the bonus is worked out again.

# fr: Demandez-la sur caf.fr ("Demander la prime d'activité"). Salarié ou exploitant agricole : c'est la MSA (msa.fr).
prime_activite-demarche = Apply on caf.fr ("Demander la prime d'activité"). Farm worker or farmer: it is the MSA (msa.fr).

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

# fr: {prime_nette} € par bébé attendu, versés au 7e mois de grossesse.
prime_naissance-explication-1 = { $v1 } € per expected baby, paid in the 7th month of pregnancy.

# fr: Vos revenus d'il y a deux ans, estimés à {arrondi(ressources, 0)} €, sont sous le plafond de {plafond} € pour {enfants_a_charge} enfant(s), bébé compris.
prime_naissance-explication-2 = Your income from two years ago, estimated at { $v1 } €, is under the ceiling of { $v2 } € for { $v3 } { $v3 ->
        [one] child
       *[other] children
    }, the baby included.

# fr: Faites déclarer la grossesse avant la fin du 3e mois par votre médecin ou votre sage-femme, puis mettez à jour votre compte sur caf.fr. Salarié ou exploitant agricole : c'est la MSA (msa.fr).
prime_naissance-demarche = Have your doctor or midwife declare the pregnancy before the end of the 3rd month, then update your account on caf.fr. Farm worker or farmer: it is the MSA (msa.fr).

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

# fr: Elle est donnée aux foyers qui touchent le RSA (revenu de solidarité active) ou l'ASS (allocation de solidarité spécifique), et elle est plus forte pour un couple ou avec des enfants.
prime_noel-explication-1 = It is given to households that get the RSA (active solidarity income) or the ASS (specific solidarity allowance), and it is higher for a couple or with children.

# fr: Elle est versée automatiquement à la mi-décembre, sans rien demander.
prime_noel-explication-2 = It is paid automatically in mid-December, without asking.

# fr: Aucune démarche : la prime est versée automatiquement vers la mi-décembre. Si elle n'arrive pas, appelez la CAF au 3230 (RSA) ou France Travail au 3949 (ASS).
prime_noel-demarche = Nothing to do: the bonus is paid automatically around mid-December. If it does not arrive, call the CAF on 3230 (RSA) or France Travail on 3949 (ASS).

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

# fr: Le RSA (revenu de solidarité active) complète vos ressources jusqu'à {arrondi(montant_forfaitaire, 2)} € par mois pour votre foyer ({personnes_du_foyer} personne(s)).
rsa-explication-1 = The RSA (active solidarity income) tops up your income to { $v1 } € a month for your household ({ $v2 } { $v2 ->
        [one] person
       *[other] people
    }).

# fr: Vos ressources comptées : {arrondi(ressources + forfait_logement, 2)} € par mois.
rsa-explication-2 = Your income counted: { $v1 } € a month.

# fr: Comme vous avez une aide au logement, ou pas de loyer à payer, {arrondi(forfait_logement, 2)} € sont comptés dans ces ressources.
rsa-explication-3 = As you have housing benefit, or no rent to pay, { $v1 } € is counted in this income.

# fr: Vous déclarez vos ressources tous les 3 mois : si elles changent, le RSA est recalculé.
rsa-explication-4 = You declare your income every 3 months: if it changes, the RSA is worked out again.

# fr: Demandez le RSA sur caf.fr ("Demander le RSA") ou au CCAS (centre communal d'action sociale) de votre mairie. Salarié ou exploitant agricole : c'est la MSA (msa.fr).
rsa-demarche = Apply for the RSA on caf.fr ("Demander le RSA") or at the CCAS (town social services) of your town hall. Farm worker or farmer: it is the MSA (msa.fr).

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

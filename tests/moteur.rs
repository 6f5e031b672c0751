//! The rule engine on small hand-written rule sets: three-valued evaluation,
//! missing fields, explanations, and load errors with `file:line`.

use guichet::rules::{RuleSet, Source, Statut};
use guichet::situation::{Mois, Situation};

const NOV_2026: Mois = Mois {
    annee: 2026,
    mois: 11,
};

const COMMUN: &str = r#"
[parametres.base]
libelle = "Montant de base"
valeurs = [
  { depuis = 2025-04-01, valeur = 646.52 },
  { depuis = 2026-04-01, valeur = 651.69 },
]

[parametres.bareme_test]
libelle = "Un barème"
valeurs = [{ depuis = 2020-01-01, valeur = [
  { jusqu_a = 100, montant = 30 },
  { jusqu_a = 200, montant = 10 },
  { montant = 0 },
] }]

[variables]
adultes_nb = "si couple alors 2 sinon 1"
revenus = "somme(adultes, personne.salaire_net)"

[hypotheses."foyer.epargne"]
valeur = 0
texte = "Nous supposons que vous n'avez pas d'épargne."
"#;

const AIDE: &str = r#"
id = "aide_test"
libelle = "Aide de test"
institution = "CAF"
description = "Une aide pour tester le moteur."
explications = ["Forfait : {forfait} €", "Revenus : {revenus} €"]

[parametres.majoration]
libelle = "Majoration couple"
valeurs = [{ depuis = 2020-01-01, valeur = 0.5 }]

[variables]
forfait = "base * (1 + majoration * (adultes_nb - 1))"

[[conditions]]
formule = "demandeur.age >= 25 ou nombre(enfants, enfant.age < 20) >= 1"
oui = "Vous avez 25 ans ou plus, ou un enfant."
non = "Il faut avoir 25 ans ou un enfant."

[[conditions]]
formule = "logement.statut != 'sans_domicile' ou vrai"
oui = "Logement connu."
non = "Jamais."

[montant]
formule = "max(0, forfait - revenus - foyer.epargne * 3 % / 12)"
minimum = "6"

[demarche]
url = "https://www.caf.fr"
telephone = "3230"
documents = ["Pièce d'identité"]
"#;

const DEPENDANTE: &str = r#"
id = "dependante"
libelle = "Aide qui lit l'autre"
institution = "CAF"
description = "Compte l'aide de test comme une ressource."

[[conditions]]
formule = "eligible(aide_test) ou demandeur.handicap"
oui = "ok"
non = "non"

[montant]
formule = "max(0, 100 - aide_test / 10 + grille(bareme_test, 150))"
"#;

fn regles() -> RuleSet {
    RuleSet::depuis_sources(&[
        Source {
            nom: "rules/_commun.toml".into(),
            texte: COMMUN.into(),
        },
        Source {
            nom: "rules/aide_test.toml".into(),
            texte: AIDE.into(),
        },
        Source {
            nom: "rules/dependante.toml".into(),
            texte: DEPENDANTE.into(),
        },
    ])
    .unwrap_or_else(|e| panic!("{e:?}"))
}

fn evaluer(json: &str) -> guichet::rules::Evaluation {
    regles().evaluer(&Situation::from_json(json).unwrap(), NOV_2026)
}

#[test]
fn a_complete_situation_is_eligible_with_its_amount() {
    let ev = evaluer(
        r#"{"couple": false, "demandeur": {"age": 30, "salaire_net": 100}, "nombre_enfants": 0}"#,
    );
    let a = ev.aide("aide_test").unwrap();
    assert_eq!(a.statut, Statut::Eligible);
    assert_eq!(a.montant.unwrap().to_string(), "551.69");
    assert!(a.champs_manquants.is_empty());
    assert!(
        a.explication.lignes().any(|l| l == "Forfait : 651,69 €"),
        "{:?}",
        a.explication
    );
    assert_eq!(
        a.hypotheses.iter().collect::<Vec<_>>(),
        vec!["Nous supposons que vous n'avez pas d'épargne."]
    );
}

#[test]
fn an_empty_situation_is_undetermined_and_lists_only_useful_fields() {
    let ev = evaluer("{}");
    let a = ev.aide("aide_test").unwrap();
    assert_eq!(a.statut, Statut::Indetermine);
    assert!(a.champs_manquants.contains("demandeur.age"));
    assert!(a.champs_manquants.contains("couple"));
    // The second condition is true whatever the housing: never ask for it.
    assert!(!a.champs_manquants.contains("logement.statut"));
    assert!(a.montant.is_none());
}

#[test]
fn a_false_condition_settles_the_status_without_asking_more() {
    let ev = evaluer(r#"{"demandeur": {"age": 20}, "nombre_enfants": 0}"#);
    let a = ev.aide("aide_test").unwrap();
    assert_eq!(a.statut, Statut::NonEligible);
    assert!(a.champs_manquants.is_empty());
    assert!(
        a.explication
            .lignes()
            .any(|l| l == "Il faut avoir 25 ans ou un enfant.")
    );
}

#[test]
fn or_is_settled_by_one_true_side() {
    // Age unknown, but a child under 20 already meets the condition.
    let ev =
        evaluer(r#"{"couple": false, "enfants": [{"age": 3}], "demandeur": {"salaire_net": 0}}"#);
    let a = ev.aide("aide_test").unwrap();
    assert_eq!(a.statut, Statut::Eligible, "{a:?}");
}

#[test]
fn an_amount_already_zero_is_not_eligible_even_with_unknown_conditions() {
    let ev = evaluer(r#"{"couple": false, "demandeur": {"salaire_net": 5000}}"#);
    let a = ev.aide("aide_test").unwrap();
    assert_eq!(a.statut, Statut::NonEligible, "{a:?}");
}

#[test]
fn an_amount_below_the_minimum_is_not_paid() {
    let ev = evaluer(r#"{"couple": false, "demandeur": {"age": 40, "salaire_net": 648}}"#);
    let a = ev.aide("aide_test").unwrap();
    assert_eq!(a.statut, Statut::NonEligible);
    assert!(
        a.explication
            .lignes()
            .any(|l| l == "Le montant calculé (3,69 €) est inférieur au minimum versé (6 €)."),
        "{:?}",
        a.explication
    );
}

#[test]
fn an_aid_reads_another_aid() {
    let ev = evaluer(
        r#"{"couple": false, "demandeur": {"age": 30, "salaire_net": 100}, "nombre_enfants": 0}"#,
    );
    let d = ev.aide("dependante").unwrap();
    assert_eq!(d.statut, Statut::Eligible);
    // 100 - 551.69 / 10 + 10
    assert_eq!(d.montant.unwrap().normalize().to_string(), "54.831");
    // While the first aid is undetermined, so is the second, for the same fields.
    let ev = evaluer("{}");
    let d = ev.aide("dependante").unwrap();
    assert_eq!(d.statut, Statut::Indetermine);
    assert!(d.champs_manquants.contains("demandeur.age"));
}

#[test]
fn parameters_follow_the_month() {
    let s = Situation::from_json(r#"{"mois": "2025-06", "couple": false, "demandeur": {"age": 30, "salaire_net": 0}, "nombre_enfants": 0}"#).unwrap();
    let ev = regles().evaluer(&s, NOV_2026);
    assert_eq!(
        ev.aide("aide_test").unwrap().montant.unwrap().to_string(),
        "646.52"
    );
}

#[test]
fn a_couple_counts_both_incomes() {
    let ev = evaluer(
        r#"{"demandeur": {"age": 30, "salaire_net": 100}, "conjoint": {"age": 30, "salaire_net": 50}, "nombre_enfants": 0}"#,
    );
    // 651.69 * 1.5 - 150 = 827.535
    assert_eq!(
        ev.aide("aide_test").unwrap().montant.unwrap().to_string(),
        "827.535"
    );
    // Partner's income unknown: the amount waits for it, and only for it.
    let ev = evaluer(
        r#"{"demandeur": {"age": 30, "salaire_net": 100}, "conjoint": {"age": 30}, "nombre_enfants": 0}"#,
    );
    let a = ev.aide("aide_test").unwrap();
    assert_eq!(
        a.champs_manquants.iter().collect::<Vec<_>>(),
        ["conjoint.salaire_net"]
    );
}

#[test]
fn json_output_has_the_documented_shape() {
    let ev = evaluer(
        r#"{"couple": false, "demandeur": {"age": 30, "salaire_net": 100}, "nombre_enfants": 0}"#,
    );
    let v = serde_json::to_value(&ev).unwrap();
    let a = &v["aides"][0];
    assert_eq!(a["id"], "aide_test");
    assert_eq!(a["statut"], "eligible");
    assert_eq!(a["montant"], 551.69);
    assert_eq!(a["demarche"]["telephone"], "3230");
    assert!(a["champs_manquants"].as_array().unwrap().is_empty());
}

fn erreurs(aide: &str) -> Vec<String> {
    match RuleSet::depuis_sources(&[
        Source {
            nom: "rules/_commun.toml".into(),
            texte: COMMUN.into(),
        },
        Source {
            nom: "rules/aide_test.toml".into(),
            texte: aide.into(),
        },
    ]) {
        Ok(_) => vec![],
        Err(e) => e.iter().map(|e| e.to_string()).collect(),
    }
}

fn ligne_de(texte: &str, motif: &str) -> usize {
    texte.lines().position(|l| l.contains(motif)).unwrap() + 1
}

#[test]
fn a_typo_in_a_name_gives_file_line_and_a_suggestion() {
    let casse = AIDE.replace("demandeur.age >= 25", "demandeur.agee >= 25");
    let e = erreurs(&casse);
    let l = ligne_de(&casse, "demandeur.agee");
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(
        e[0].starts_with(&format!(
            "rules/aide_test.toml:{l}: nom inconnu « demandeur.agee »"
        )),
        "{e:?}"
    );
    assert!(e[0].contains("demandeur.age"), "{e:?}");
}

#[test]
fn a_wrong_text_value_is_caught_at_load() {
    let casse = AIDE.replace("'sans_domicile'", "'sans_domicil'");
    let e = erreurs(&casse);
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].contains("n'est une valeur possible"), "{e:?}");
}

#[test]
fn a_type_error_is_caught_at_load() {
    let casse = AIDE.replace("base * (1 + majoration", "base * (couple + majoration");
    let e = erreurs(&casse);
    assert!(e.iter().any(|x| x.contains("un nombre attendu")), "{e:?}");
}

#[test]
fn a_cycle_between_variables_is_caught() {
    let casse = AIDE.replace(
        "forfait = \"base * (1 + majoration * (adultes_nb - 1))\"",
        "forfait = \"autre + 1\"\nautre = \"forfait * 2\"",
    );
    let e = erreurs(&casse);
    assert!(e.iter().any(|x| x.contains("cycle")), "{e:?}");
    assert!(
        e.iter().all(|x| x.starts_with("rules/aide_test.toml:")),
        "{e:?}"
    );
}

#[test]
fn a_syntax_error_in_a_multiline_formula_points_at_its_line() {
    let casse = AIDE.replace(
        "formule = \"max(0, forfait - revenus - foyer.epargne * 3 % / 12)\"",
        "formule = '''\nmax(0,\n  forfait - * revenus)'''",
    );
    let e = erreurs(&casse);
    let l = ligne_de(&casse, "forfait - * revenus");
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(
        e[0].starts_with(&format!("rules/aide_test.toml:{l}:")),
        "{e:?}"
    );
}

#[test]
fn a_toml_error_gives_its_line() {
    let casse = AIDE.replace("institution = \"CAF\"", "institution = CAF");
    let e = erreurs(&casse);
    let l = ligne_de(&casse, "institution = CAF");
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(
        e[0].starts_with(&format!("rules/aide_test.toml:{l}:")),
        "{e:?}"
    );
}

#[test]
fn an_unknown_key_in_a_rule_file_is_refused() {
    let casse = AIDE.replace(
        "institution = \"CAF\"",
        "institution = \"CAF\"\nperiode = \"mensuelle\"",
    );
    let e = erreurs(&casse);
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].contains("periode"), "{e:?}");
}

#[test]
fn parameter_dates_must_be_in_order() {
    let casse = COMMUN.replace("depuis = 2026-04-01", "depuis = 2024-04-01");
    let r = RuleSet::depuis_sources(&[Source {
        nom: "rules/_commun.toml".into(),
        texte: casse,
    }]);
    let e = r.unwrap_err();
    assert!(e[0].message.contains("rangées"), "{e:?}");
}

const AIDE_ENFANTS: &str = r#"
id = "par_enfant"
libelle = "Aide par enfant"
institution = "CAF"
description = "Un montant par enfant d'âge scolaire."

[variables]
montant_enfant = "si enfant.age >= 6 et enfant.age <= 18 alors 100 sinon 0"
revenu = "ou_a_defaut(foyer.revenu_fiscal_reference, 12 * revenus)"

[[conditions]]
formule = "revenu < 20000"
oui = "Revenus sous le plafond."
non = "Revenus au-dessus du plafond."

[montant]
formule = "somme(enfants, montant_enfant)"
"#;

fn regles_enfants(aide: &str) -> Result<RuleSet, Vec<guichet::rules::ErreurChargement>> {
    RuleSet::depuis_sources(&[
        Source {
            nom: "rules/_commun.toml".into(),
            texte: COMMUN.into(),
        },
        Source {
            nom: "rules/par_enfant.toml".into(),
            texte: aide.into(),
        },
    ])
}

#[test]
fn a_variable_may_read_the_current_child_inside_an_aggregation() {
    let r = regles_enfants(AIDE_ENFANTS).unwrap_or_else(|e| panic!("{e:?}"));
    let s = Situation::from_json(
        r#"{"couple": false, "demandeur": {"salaire_net": 1000}, "enfants": [{"age": 4}, {"age": 7}, {"age": 15}]}"#,
    )
    .unwrap();
    let a = r.evaluer(&s, NOV_2026);
    assert_eq!(
        a.aide("par_enfant").unwrap().montant.unwrap().to_string(),
        "200"
    );
}

#[test]
fn a_child_variable_used_outside_an_aggregation_is_refused() {
    let casse = AIDE_ENFANTS.replace(
        "formule = \"somme(enfants, montant_enfant)\"",
        "formule = \"montant_enfant\"",
    );
    let e = regles_enfants(&casse).unwrap_err();
    assert!(e[0].message.contains("somme(enfants"), "{e:?}");
}

#[test]
fn a_declared_value_wins_over_its_estimate() {
    let r = regles_enfants(AIDE_ENFANTS).unwrap();
    let avec = Situation::from_json(
        r#"{"couple": false, "demandeur": {"salaire_net": 1000}, "foyer": {"revenu_fiscal_reference": 25000}, "enfants": [{"age": 7}]}"#,
    )
    .unwrap();
    assert_eq!(
        r.evaluer(&avec, NOV_2026)
            .aide("par_enfant")
            .unwrap()
            .statut,
        Statut::NonEligible
    );
    // Without the declared income, the estimate from salaries decides, and
    // the declared income is not asked for.
    let sans = Situation::from_json(
        r#"{"couple": false, "demandeur": {"salaire_net": 1000}, "enfants": [{"age": 7}]}"#,
    )
    .unwrap();
    let a = r.evaluer(&sans, NOV_2026);
    assert_eq!(a.aide("par_enfant").unwrap().statut, Statut::Eligible);
}

#[test]
fn hypotheses_about_an_absent_partner_are_not_cited() {
    let commun = format!(
        "{COMMUN}\n[hypotheses.\"conjoint.pension_invalidite\"]\nvaleur = 0\ntexte = \"Pas de pension pour le conjoint.\"\n"
    );
    let aide = AIDE.replace(
        "forfait - revenus",
        "forfait - revenus - conjoint.pension_invalidite",
    );
    let r = RuleSet::depuis_sources(&[
        Source {
            nom: "rules/_commun.toml".into(),
            texte: commun,
        },
        Source {
            nom: "rules/aide_test.toml".into(),
            texte: aide,
        },
    ])
    .unwrap_or_else(|e| panic!("{e:?}"));
    let seul = Situation::from_json(
        r#"{"couple": false, "demandeur": {"age": 30, "salaire_net": 0}, "nombre_enfants": 0}"#,
    )
    .unwrap();
    let h = &r.evaluer(&seul, NOV_2026).aides[0].hypotheses;
    assert!(!h.iter().any(|t| t.contains("conjoint")), "{h:?}");
    let couple = Situation::from_json(r#"{"demandeur": {"age": 30, "salaire_net": 0}, "conjoint": {"age": 30, "salaire_net": 0}, "nombre_enfants": 0}"#).unwrap();
    let h = &r.evaluer(&couple, NOV_2026).aides[0].hypotheses;
    assert!(h.iter().any(|t| t.contains("conjoint")), "{h:?}");
}

#[test]
fn bounds_settle_an_amount_before_every_income_is_known() {
    // The partner's salary is unknown, but incomes are never negative: the
    // demandeur's 5,000 € alone already bring the amount to 0.
    let ev = evaluer(
        r#"{"demandeur": {"age": 30, "salaire_net": 5000}, "conjoint": {"age": 30}, "nombre_enfants": 0}"#,
    );
    let a = ev.aide("aide_test").unwrap();
    assert_eq!(a.statut, Statut::NonEligible, "{a:?}");
    assert!(a.champs_manquants.is_empty());
    // With a small salary the partner's income can still change the answer.
    let ev = evaluer(
        r#"{"demandeur": {"age": 30, "salaire_net": 100}, "conjoint": {"age": 30}, "nombre_enfants": 0}"#,
    );
    let a = ev.aide("aide_test").unwrap();
    assert_eq!(
        a.champs_manquants.iter().collect::<Vec<_>>(),
        ["conjoint.salaire_net"]
    );
}

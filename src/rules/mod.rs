//! The rule engine: which aids a household may get, how much, and what we
//! still need to know.
//!
//! The rule engine: which aids a household may get, how much, and what we
//! still need to know.
//!
//! Rules are data (`rules/*.toml`, one file per aid). Where each part lives:
//!
//! - syntax: the files' format ([`fichier`]) and the formula language ([`expr`]);
//! - loading and checking: names resolved, types checked, errors as
//!   `file:line: what is wrong` ([`load`]), into a [`RuleSet`];
//! - dated parameters: the value in force on a day, and which months share
//!   the same legislation ([`parametres`]);
//! - the household's facts as numbered fields ([`faits`]), three-valued
//!   values ([`valeur`]);
//! - evaluation: one walk of the checked tree per aid ([`eval`]);
//! - intervals: what each operation gives on unknowns ([`intervalles`]);
//! - explanations: the lines shown with their values ([`explication`]),
//!   the sentences the evaluation writes itself ([`phrases`]), and the
//!   fields named in results ([`champs`]).
//!
//! [`RuleSet::evaluer`] runs every aid on a possibly partial [`Situation`]
//! and gives, per aid, a three-valued status (`eligible`, `non_eligible`,
//! `indetermine`), the amount, the fields that could still change the
//! outcome, an explanation and the way to apply. The engine is pure: no
//! I/O, no clock. The caller passes the month to use when the situation
//! does not name one.

pub mod champs;
pub mod eval;
pub mod explication;
pub mod expr;
pub mod faits;
pub mod fichier;
pub mod intervalles;
pub mod load;
pub mod parametres;
pub mod phrases;
pub mod valeur;

use fichier::{Demarche, Reference};
use rust_decimal::Decimal;
use serde::Serialize;
use std::sync::Arc;
use valeur::{Manquants, Valeur};

pub use explication::LigneAide;
pub use parametres::{CaseTable, Parametre, Tranche, ValeurParametre};

pub use champs::{ChampsManquants, Hypotheses};
pub use explication::Explication;
pub use load::{ErreurChargement, Source};

use crate::situation::{Mois, Situation};

/// Index of an aid in [`RuleSet::aides`].
pub type AideId = usize;
/// Index of a variable.
pub type VarId = usize;
/// Index of a parameter.
pub type ParamId = usize;

/// How often an amount is paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Periodicite {
    /// Every month (amounts are € per month).
    Mensuelle,
    /// Once a year (amounts are € per year).
    Annuelle,
    /// Once (a birth grant, a voucher).
    Unique,
}

/// Eligibility status of one aid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Statut {
    /// Every condition holds and the amount is paid.
    Eligible,
    /// A condition fails, or the amount is below what is paid.
    NonEligible,
    /// The situation does not say enough yet.
    Indetermine,
}

/// Rounding strategies a formula may name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrondi {
    /// To the nearest, halves away from zero (`arrondi`).
    PlusProche,
    /// Towards minus infinity (`arrondi_inferieur`).
    Inferieur,
    /// Towards plus infinity (`arrondi_superieur`).
    Superieur,
}

/// Collections a formula may iterate over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Collection {
    /// The dependent children (`enfant.x` inside).
    Enfants,
    /// The adults: the demandeur and, for a couple, the conjoint (`personne.x` inside).
    Adultes,
}

/// Aggregations over a collection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Agregat {
    /// Sum of a number.
    Somme,
    /// Count of items meeting a condition.
    Nombre,
    /// Whether one item meets a condition.
    Existe,
    /// Whether every item meets a condition.
    Tous,
}

/// A compiled formula: names resolved to slots and indexes, types checked.
#[derive(Debug, Clone)]
pub enum Noeud {
    /// A constant.
    Const(Valeur),
    /// A situation field.
    Champ(faits::Champ),
    /// A numeric parameter's value at the situation's month.
    Param(ParamId),
    /// A value of a parameter table, by key.
    ParamIndex(ParamId, Box<Noeud>),
    /// A shared variable, computed once per evaluation.
    Var(VarId),
    /// A variable that depends on the current child or adult, recomputed each time.
    VarContexte(VarId),
    /// The amount of another aid (0 when not eligible).
    MontantAide(AideId),
    /// Whether another aid is granted.
    EligibleAide(AideId),
    /// An extra output of another aid (`css.participation`).
    SortieAide(AideId, usize),
    /// Negation.
    Neg(Box<Noeud>),
    /// Logical not.
    Non(Box<Noeud>),
    /// Binary operation.
    Bin(expr::BinOp, Box<Noeud>, Box<Noeud>),
    /// Conjunction.
    Et(Vec<Noeud>),
    /// Disjunction.
    Ou(Vec<Noeud>),
    /// Conditional.
    Si(Box<Noeud>, Box<Noeud>, Box<Noeud>),
    /// Smallest of numbers.
    Min(Vec<Noeud>),
    /// Largest of numbers.
    Max(Vec<Noeud>),
    /// Rounding to a number of decimals (negative: tens, hundreds…).
    Arrondi(Arrondi, Box<Noeud>, i32),
    /// Marginal-rate scale applied to a base.
    Bareme(ParamId, Box<Noeud>),
    /// Bracket lookup: the amount or rate of the bracket the base falls in.
    Grille(ParamId, Box<Noeud>),
    /// Aggregation over children or adults.
    Agregat(Agregat, Collection, Box<Noeud>),
    /// A numeric parameter's value on 1 January of the situation's year plus
    /// an offset in years (`au_1er_janvier(pss, -2)`: the "N-2" of the law).
    ParamAnnee(ParamId, i32),
    /// The situation's calendar year (`annee`).
    Annee,
    /// `ou_a_defaut(x, y)`: x when known, else y (a declared value when the
    /// person gave it, an estimate otherwise).
    ADefaut(Box<Noeud>, Box<Noeud>),
    /// `au_mois(x, k)`: x with the legislation of the month `k` months
    /// from the situation's (the facts are the same: a stable situation).
    /// The third field is the first days of the months from which a value
    /// x reads changes ([`parametres::mois_de_changement`]), filled in
    /// once the rules are loaded: months between two of them give x the
    /// same value.
    AuMois(Box<Noeud>, i32, Arc<[u32]>),
}

impl Noeud {
    /// The nodes directly below this one.
    pub fn enfants(&self) -> Vec<&Noeud> {
        match self {
            Noeud::ParamIndex(_, x)
            | Noeud::Neg(x)
            | Noeud::Non(x)
            | Noeud::Arrondi(_, x, _)
            | Noeud::Bareme(_, x)
            | Noeud::Grille(_, x)
            | Noeud::Agregat(_, _, x)
            | Noeud::AuMois(x, _, _) => vec![x],
            Noeud::Bin(_, a, b) | Noeud::ADefaut(a, b) => vec![a, b],
            Noeud::Si(a, b, c) => vec![a, b, c],
            Noeud::Et(v) | Noeud::Ou(v) | Noeud::Min(v) | Noeud::Max(v) => v.iter().collect(),
            _ => Vec::new(),
        }
    }

    /// The nodes directly below this one, to change them.
    pub fn enfants_mut(&mut self) -> Vec<&mut Noeud> {
        match self {
            Noeud::ParamIndex(_, x)
            | Noeud::Neg(x)
            | Noeud::Non(x)
            | Noeud::Arrondi(_, x, _)
            | Noeud::Bareme(_, x)
            | Noeud::Grille(_, x)
            | Noeud::Agregat(_, _, x)
            | Noeud::AuMois(x, _, _) => vec![x],
            Noeud::Bin(_, a, b) | Noeud::ADefaut(a, b) => vec![a, b],
            Noeud::Si(a, b, c) => vec![a, b, c],
            Noeud::Et(v) | Noeud::Ou(v) | Noeud::Min(v) | Noeud::Max(v) => v.iter_mut().collect(),
            _ => Vec::new(),
        }
    }

    /// Calls `f` on this node and every node below it, parents first.
    pub fn visiter(&self, f: &mut dyn FnMut(&Noeud)) {
        f(self);
        for x in self.enfants() {
            x.visiter(f);
        }
    }

    /// [`Self::visiter`], to change the nodes (in the same order).
    pub fn visiter_mut(&mut self, f: &mut dyn FnMut(&mut Noeud)) {
        f(self);
        for x in self.enfants_mut() {
            x.visiter_mut(f);
        }
    }
}

/// A compiled variable.
#[derive(Debug, Clone)]
pub struct Variable {
    /// Qualified name.
    pub nom: String,
    /// Its formula.
    pub noeud: Noeud,
}

/// A compiled condition.
#[derive(Debug, Clone)]
pub struct Condition {
    /// Boolean formula.
    pub noeud: Noeud,
    /// Sentence when met.
    pub oui: Arc<str>,
    /// Sentence when failed.
    pub non: Arc<str>,
    /// Sentence while unknown.
    pub inconnu: Arc<str>,
}

/// A line of an aid's explanation, compiled.
#[derive(Debug, Clone)]
pub struct LigneExplication {
    /// Said only when this is true for the household (`None`: always).
    pub si: Option<Noeud>,
    /// Its place in the file and the texts around its values.
    pub ligne: Arc<LigneAide>,
    /// Its values, in order.
    pub valeurs: Vec<Noeud>,
}

/// A compiled aid.
#[derive(Debug, Clone)]
pub struct Aide {
    /// Identifier (`rsa`).
    pub id: String,
    /// Official name.
    pub libelle: String,
    /// Short name for SMS.
    pub libelle_court: String,
    /// Who pays it.
    pub institution: String,
    /// What it is.
    pub description: String,
    /// How often it is paid.
    pub periodicite: Periodicite,
    /// Legal references.
    pub references: Vec<Reference>,
    /// Eligibility conditions.
    pub conditions: Vec<Condition>,
    /// Amount formula.
    pub montant: Option<Noeud>,
    /// Minimum paid.
    pub minimum: Option<Noeud>,
    /// Extra outputs.
    pub sorties: Vec<(String, Noeud)>,
    /// Explanation lines.
    pub explications: Vec<LigneExplication>,
    /// How to apply.
    pub demarche: Arc<Demarche>,
    /// Every field the aid may read, directly or through other aids.
    pub champs_lus: Manquants,
    /// The hypotheses of [`RuleSet::hypotheses`] on fields the aid reads,
    /// in that order, as (slot, sentence): a result names the ones the
    /// situation needed.
    pub hypotheses_possibles: Arc<[(usize, String)]>,
    /// The rule file it comes from.
    pub fichier: String,
    /// Aids paid instead of this one, never with it (`exclusive_de`).
    pub exclusive_de: Vec<String>,
}

/// A hypothesis applied to an unknown field.
#[derive(Debug, Clone)]
pub struct Hypothese {
    /// Field slot.
    pub slot: usize,
    /// Assumed value.
    pub valeur: Valeur,
    /// Sentence disclosing it.
    pub texte: String,
}

/// Every aid, compiled and checked, ready to evaluate situations.
#[derive(Debug, Clone)]
pub struct RuleSet {
    /// Aids in evaluation order (an aid comes after those it reads).
    pub aides: Vec<Aide>,
    /// Variables, shared and per aid.
    pub variables: Vec<Variable>,
    /// For variables that depend on the current child or adult: where their
    /// per-item memo starts and over which collection (None: not memoized).
    pub memo_contexte: Vec<Option<(usize, Collection)>>,
    /// Size of the per-item memo.
    pub taille_memo_contexte: usize,
    /// Parameters.
    pub parametres: Vec<Parametre>,
    /// Hypotheses for unknown fields.
    pub hypotheses: Vec<Hypothese>,
    hypotheses_slots: Vec<(usize, Valeur)>,
    /// The first day of [`RuleSet::premier_mois_couvert`].
    pub premier_jour: u32,
    /// For each variable, the months from which what it reads changes
    /// (see [`Noeud::AuMois`]).
    pub mois_des_variables: Vec<Vec<u32>>,
    /// For each aid, the months from which what it reads changes.
    pub mois_des_aides: Vec<Vec<u32>>,
}

/// The result for one aid, in the JSON shape of `guichet eval` and `/api/v1/evaluate`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ResultatAide {
    /// Aid identifier.
    pub id: String,
    /// Name of the aid.
    pub libelle: String,
    /// Eligibility.
    pub statut: Statut,
    /// Amount in € per period (per month unless `periodicite` says otherwise),
    /// when eligible.
    #[serde(skip_serializing_if = "Option::is_none", with = "decimal_option")]
    pub montant: Option<Decimal>,
    /// Given when the amount is not monthly.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub periodicite: Option<Periodicite>,
    /// Extra outputs (the CSS's monthly `participation`).
    #[serde(flatten, serialize_with = "sorties_json")]
    pub sorties: Vec<(String, Decimal)>,
    /// Fields whose answer could still change the outcome, read as
    /// situation paths (`demandeur.age`).
    pub champs_manquants: ChampsManquants,
    /// Conditions met or failed, then how the amount is computed. Lines
    /// with values keep the values: the text is written when read
    /// ([`Explication::lignes`], or the JSON).
    pub explication: Explication,
    /// Values assumed for fields we did not ask about.
    #[serde(skip_serializing_if = "Hypotheses::is_empty")]
    pub hypotheses: Hypotheses,
    /// How to apply; absent when the aid is not granted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub demarche: Option<Arc<Demarche>>,
    /// A computation error (a rule bug), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub erreur: Option<String>,
}

mod decimal_option {
    use rust_decimal::Decimal;
    use serde::Serializer;

    pub fn serialize<S: Serializer>(v: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(d) => super::serialize_decimal(d, s),
            None => s.serialize_none(),
        }
    }
}

/// Money goes out as a JSON number with at most 2 decimals.
fn serialize_decimal<S: serde::Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    use rust_decimal::prelude::ToPrimitive;
    // Rounded half away from zero to the cent: amounts are shown as CAF shows them.
    let r = d
        .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
        .normalize();
    if r.scale() == 0 {
        if let Some(i) = r.to_i64() {
            return s.serialize_i64(i);
        }
    }
    s.serialize_f64(r.to_f64().unwrap_or(0.0))
}

fn sorties_json<S: serde::Serializer>(v: &[(String, Decimal)], s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    struct D<'a>(&'a Decimal);
    impl Serialize for D<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            serialize_decimal(self.0, s)
        }
    }
    let mut m = s.serialize_map(Some(v.len()))?;
    for (k, d) in v {
        m.serialize_entry(k, &D(d))?;
    }
    m.end()
}

/// The status of one aid without its explanation: what the dialogue needs
/// after each answer, from [`RuleSet::statuts`]. It agrees with the
/// [`ResultatAide`] of [`RuleSet::evaluer`] on every field it has.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct StatutAide {
    /// Aid identifier.
    pub id: String,
    /// Eligibility (`indetermine` when the computation failed).
    pub statut: Statut,
    /// Amount in € per period, when eligible.
    #[serde(skip_serializing_if = "Option::is_none", with = "decimal_option")]
    pub montant: Option<Decimal>,
    /// Fields whose answer could still change the outcome, read as
    /// situation paths (`demandeur.age`).
    pub champs_manquants: ChampsManquants,
    /// Whether the computation failed (a rule bug; [`RuleSet::evaluer`]
    /// gives the message).
    pub erreur: bool,
}

/// The results of every aid for one situation.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Evaluation {
    /// One entry per aid, in catalogue order.
    pub aides: Vec<ResultatAide>,
}

impl Evaluation {
    /// The result of one aid.
    pub fn aide(&self, id: &str) -> Option<&ResultatAide> {
        self.aides.iter().find(|a| a.id == id)
    }
}

impl RuleSet {
    /// Loads and checks rule files. `sources` are (file name, text) pairs; the
    /// shared file is the one named `_commun.toml`.
    pub fn depuis_sources(sources: &[Source]) -> Result<RuleSet, Vec<ErreurChargement>> {
        load::charger(sources)
    }

    /// The rule files built into the binary (the repository's `rules/`).
    pub fn integre() -> Result<RuleSet, Vec<ErreurChargement>> {
        RuleSet::depuis_sources(&sources_integrees())
    }

    /// Evaluates every aid. `mois_par_defaut` applies when the situation names no month.
    pub fn evaluer(&self, situation: &Situation, mois_par_defaut: Mois) -> Evaluation {
        eval::evaluer(self, situation, mois_par_defaut)
    }

    /// Every aid's status, amount and missing fields, without explanations,
    /// hypotheses or how to apply: the same computation as [`Self::evaluer`]
    /// (the values of explanation lines included, since one may fail) without
    /// writing any text.
    pub fn statuts(&self, situation: &Situation, mois_par_defaut: Mois) -> Vec<StatutAide> {
        eval::statuts(self, situation, mois_par_defaut)
    }

    /// The first month for which every parameter has a value: the rules
    /// cannot evaluate an earlier month.
    pub fn premier_mois_couvert(&self) -> Mois {
        let jour = self
            .parametres
            .iter()
            .filter_map(|p| p.valeurs.first().map(|(d, _, _)| *d))
            .max()
            .unwrap_or(0);
        let annee = (jour / 10000) as i32;
        let mois = ((jour / 100) % 100) as u8;
        // A parameter that starts mid-month covers the month after.
        if jour % 100 > 1 {
            if mois == 12 {
                Mois {
                    annee: annee + 1,
                    mois: 1,
                }
            } else {
                Mois {
                    annee,
                    mois: mois + 1,
                }
            }
        } else {
            Mois {
                annee,
                mois: mois.max(1),
            }
        }
    }

    /// Checks that a situation's month can be evaluated, with an error naming `mois`.
    pub fn verifier_mois(
        &self,
        situation: &Situation,
        mois_par_defaut: Mois,
    ) -> Result<(), crate::situation::SituationError> {
        let mois = situation.mois.unwrap_or(mois_par_defaut);
        let premier = self.premier_mois_couvert();
        if mois < premier {
            return Err(crate::situation::SituationError {
                champ: "mois".into(),
                message: format!(
                    "les règles ne couvrent que les mois à partir de {premier} ; {mois} est trop ancien"
                ),
            });
        }
        Ok(())
    }

    /// Calls `f` on the root of every formula: variables, then each aid's
    /// conditions, amount, minimum, outputs and explanation lines.
    pub fn pour_chaque_formule(&self, f: &mut dyn FnMut(&Noeud)) {
        for v in &self.variables {
            f(&v.noeud);
        }
        for a in &self.aides {
            a.conditions.iter().for_each(|c| f(&c.noeud));
            a.montant.iter().chain(&a.minimum).for_each(&mut *f);
            a.sorties.iter().for_each(|(_, n)| f(n));
            for l in &a.explications {
                l.si.iter().chain(&l.valeurs).for_each(&mut *f);
            }
        }
    }

    /// [`Self::pour_chaque_formule`], to change them (in the same order).
    pub fn pour_chaque_formule_mut(&mut self, f: &mut dyn FnMut(&mut Noeud)) {
        for v in &mut self.variables {
            f(&mut v.noeud);
        }
        for a in &mut self.aides {
            a.conditions.iter_mut().for_each(|c| f(&mut c.noeud));
            a.montant.iter_mut().chain(&mut a.minimum).for_each(&mut *f);
            a.sorties.iter_mut().for_each(|(_, n)| f(n));
            for l in &mut a.explications {
                l.si.iter_mut().chain(&mut l.valeurs).for_each(&mut *f);
            }
        }
    }

    /// The index of an aid by identifier.
    pub fn aide(&self, id: &str) -> Option<&Aide> {
        self.aides.iter().find(|a| a.id == id)
    }
}

include!(concat!(env!("OUT_DIR"), "/regles_integrees.rs"));

/// The rule files built into the binary, named `rules/<file>`.
pub fn sources_integrees() -> Vec<Source> {
    REGLES_INTEGREES
        .iter()
        .map(|(nom, texte)| Source {
            nom: format!("rules/{nom}"),
            texte: texte.to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOV_2026: Mois = Mois {
        annee: 2026,
        mois: 11,
    };

    /// What [`RuleSet::statuts`] must give: the same fields of `evaluer`.
    fn attendus(ev: &Evaluation) -> Vec<StatutAide> {
        ev.aides
            .iter()
            .map(|a| StatutAide {
                id: a.id.clone(),
                statut: a.statut,
                montant: a.montant,
                champs_manquants: a.champs_manquants,
                erreur: a.erreur.is_some(),
            })
            .collect()
    }

    fn verifier(rs: &RuleSet, s: &Situation) {
        assert_eq!(
            rs.statuts(s, NOV_2026),
            attendus(&rs.evaluer(s, NOV_2026)),
            "{s:?}"
        );
    }

    #[test]
    fn statuses_agree_with_full_evaluation_on_oracle_households_and_their_parts() {
        let rs = RuleSet::integre().expect("built-in rules load");
        let cas: serde_json::Value =
            serde_json::from_str(include_str!("../../tests/oracle/foyers_2026.json")).unwrap();
        for c in cas["cases"].as_array().unwrap() {
            let complete = &c["situation"];
            verifier(&rs, &Situation::from_value(complete.clone()).unwrap());
            // The same household with each part left out, and the person
            // alone with every field but one: partial situations as the
            // dialogue sees them.
            for cle in complete.as_object().unwrap().keys() {
                let mut partielle = complete.clone();
                partielle.as_object_mut().unwrap().remove(cle);
                verifier(&rs, &Situation::from_value(partielle).unwrap());
            }
            if let Some(demandeur) = complete["demandeur"].as_object() {
                for cle in demandeur.keys() {
                    let mut d = demandeur.clone();
                    d.remove(cle);
                    let s = serde_json::json!({ "demandeur": d, "mois": "2026-11" });
                    verifier(&rs, &Situation::from_value(s).unwrap());
                }
            }
        }
        verifier(&rs, &Situation::default());
    }

    #[test]
    fn statuses_report_a_failure_in_an_explanation_line_as_evaluer_does() {
        let commun = r#"
[variables]
part = "100 / demandeur.age"
"#;
        let aide = r#"
id = "fragile"
libelle = "Aide fragile"
institution = "CAF"
description = "Une ligne d'explication divise par l'âge."
explications = ["Part : {part} €"]

[[conditions]]
formule = "demandeur.age >= 0"
oui = "oui"
non = "non"

[montant]
formule = "10"

[demarche]
url = "https://www.caf.fr"
telephone = "3230"
documents = []
"#;
        let rs = RuleSet::depuis_sources(&[
            Source {
                nom: "rules/_commun.toml".into(),
                texte: commun.into(),
            },
            Source {
                nom: "rules/fragile.toml".into(),
                texte: aide.into(),
            },
        ])
        .unwrap_or_else(|e| panic!("{e:?}"));
        for json in [
            r#"{"demandeur": {"age": 0}}"#,
            r#"{"demandeur": {"age": 4}}"#,
            "{}",
        ] {
            let s = Situation::from_json(json).unwrap();
            verifier(&rs, &s);
        }
        let zero = Situation::from_json(r#"{"demandeur": {"age": 0}}"#).unwrap();
        assert!(rs.statuts(&zero, NOV_2026)[0].erreur);
    }

    /// Rules with one aid whose explanation has a line for homeowners.
    fn regles_avec_une_ligne_conditionnelle(si: &str) -> Result<RuleSet, Vec<ErreurChargement>> {
        let aide = format!(
            r#"
id = "avertie"
libelle = "Aide avertie"
institution = "CAF"
description = "Une ligne n'est dite qu'aux propriétaires."
explications = [
  "Montant : {{10}} €.",
  {{ si = "{si}", texte = "Propriétaire : {{20}} € repris." }},
  "Fin.",
]

[[conditions]]
formule = "demandeur.age >= 0"
oui = "oui"
non = "non"

[montant]
formule = "10"
"#
        );
        RuleSet::depuis_sources(&[
            Source {
                nom: "rules/_commun.toml".into(),
                texte: String::new(),
            },
            Source {
                nom: "rules/avertie.toml".into(),
                texte: aide,
            },
        ])
    }

    #[test]
    fn a_line_under_a_condition_is_said_only_when_the_condition_holds() {
        let rs = regles_avec_une_ligne_conditionnelle("logement.statut = 'proprietaire'")
            .unwrap_or_else(|e| panic!("{e:?}"));
        let lignes = |json: &str| -> Vec<String> {
            let s = Situation::from_json(json).unwrap();
            let ev = rs.evaluer(&s, NOV_2026);
            let a = ev.aide("avertie").unwrap();
            a.explication.lignes().map(|l| l.into_owned()).collect()
        };
        let proprietaire =
            lignes(r#"{"demandeur": {"age": 70}, "logement": {"statut": "proprietaire"}}"#);
        assert_eq!(
            proprietaire,
            [
                "oui",
                "Montant : 10 €.",
                "Propriétaire : 20 € repris.",
                "Fin."
            ]
        );
        let locataire =
            lignes(r#"{"demandeur": {"age": 70}, "logement": {"statut": "locataire"}}"#);
        assert_eq!(locataire, ["oui", "Montant : 10 €.", "Fin."]);
        // Not known yet: not said.
        let inconnu = lignes(r#"{"demandeur": {"age": 70}}"#);
        assert_eq!(inconnu, ["oui", "Montant : 10 €.", "Fin."]);
        for json in [
            r#"{"demandeur": {"age": 70}, "logement": {"statut": "proprietaire"}}"#,
            r#"{"demandeur": {"age": 70}}"#,
        ] {
            verifier(&rs, &Situation::from_json(json).unwrap());
        }
    }

    #[test]
    fn a_condition_of_an_explanation_line_that_is_not_yes_or_no_is_reported_at_its_line() {
        let e = regles_avec_une_ligne_conditionnelle("demandeur.age + 1").unwrap_err();
        assert!(
            e.iter().any(|e| e.fichier == "rules/avertie.toml"
                && e.ligne == 8
                && e.message.contains("condition d'une explication")),
            "{e:?}"
        );
    }
}

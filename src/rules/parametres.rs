//! Dated parameters: legal amounts and rates, each value with the day it
//! took effect, and the calendar arithmetic formulas need to pick one.
//!
//! A formula reads a parameter's value in force on the first day of the
//! month being evaluated; `au_1er_janvier(p, -2)` reads it on 1 January
//! two years before, and `au_mois(x, -3)` evaluates `x` with the values of
//! three months before (the prime d'activité averages three months, each
//! with its own month's parameters). Days are written `YYYYMMDD` as `u32`.

use super::{Noeud, ParamId, RuleSet};
use rust_decimal::Decimal;
use std::collections::BTreeSet;
use std::sync::Arc;

/// One bracket of a scale.
#[derive(Debug, Clone, PartialEq)]
pub struct Tranche {
    /// Upper bound (exclusive); `None` for the last bracket.
    pub jusqu_a: Option<Decimal>,
    /// Marginal rate, for `bareme`.
    pub taux: Option<Decimal>,
    /// Flat amount, for `grille`.
    pub montant: Option<Decimal>,
}

/// A parameter value at one date.
#[derive(Debug, Clone, PartialEq)]
pub enum ValeurParametre {
    /// A number.
    Nombre(Decimal),
    /// Numbers by key (zone, household type…).
    Table(Vec<CaseTable>),
    /// Brackets.
    Bareme(Vec<Tranche>),
}

/// One entry of a parameter table: its key as written, the key read as a
/// number when it is one (so that `plafond[logement.zone]` compares numbers,
/// not text), and the value.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseTable {
    /// Key as written in the rule file.
    pub cle: String,
    /// The key as a number, when it is one.
    pub cle_nombre: Option<Decimal>,
    /// The value.
    pub valeur: Decimal,
}

/// A dated parameter.
#[derive(Debug, Clone)]
pub struct Parametre {
    /// Qualified name (`rsa.montant_de_base`, `bmaf`).
    pub nom: String,
    /// What it is.
    pub libelle: String,
    /// Values by first day (`YYYYMMDD`), sorted by date, with their source.
    pub valeurs: Vec<(u32, ValeurParametre, Option<String>)>,
}

impl Parametre {
    /// The value in force on a day, if the parameter existed then.
    pub fn a_la_date(&self, jour: u32) -> Option<&ValeurParametre> {
        self.valeurs
            .iter()
            .rev()
            .find(|(depuis, _, _)| *depuis <= jour)
            .map(|(_, v, _)| v)
    }
}

/// The first day of the month `decalage` months from the month of `jour`.
pub fn decaler_mois(jour: u32, decalage: i32) -> u32 {
    let mois = (jour / 10000) as i64 * 12 + ((jour / 100) % 100) as i64 - 1 + decalage as i64;
    let mois = mois.max(0);
    ((mois / 12) as u32) * 10000 + ((mois % 12) as u32 + 1) * 100 + 1
}

/// The first day of the year of `jour` plus `decalage` years (`YYYY0101`),
/// for `au_1er_janvier`.
pub fn premier_janvier(jour: u32, decalage: i32) -> u32 {
    let annee = (jour / 10000) as i64 + decalage as i64;
    (annee.max(0) as u32) * 10000 + 101
}

/// The first day of the month from which a value that takes effect on
/// `jour` applies to whole months (a value of 19 June applies from July).
fn premier_mois_effectif(jour: u32) -> u32 {
    if jour % 100 == 1 {
        jour
    } else {
        decaler_mois(jour, 1)
    }
}

/// The months (their first days, sorted) from which one of these
/// parameters changes, and every 1 January when `annee` is read: between
/// two of them, a formula that reads only these gives the same value.
pub fn mois_de_changement(
    parametres: &[Parametre],
    lus: &BTreeSet<ParamId>,
    annee: bool,
) -> Vec<u32> {
    let mut jours: Vec<u32> = lus
        .iter()
        .flat_map(|&p| {
            parametres[p]
                .valeurs
                .iter()
                .map(|(d, _, _)| premier_mois_effectif(*d))
        })
        .collect();
    if annee {
        let (min, max) = (jours.first().copied().unwrap_or(19_000_101), 21_000_101);
        jours.extend((min / 10000..=max / 10000).map(|a| a * 10000 + 101));
    }
    jours.sort_unstable();
    jours.dedup();
    jours
}

/// What a formula reads that depends on the month: the parameters, and
/// whether the year (`annee`, `au_1er_janvier`), through variables and
/// other aids too.
#[derive(Debug, Clone, Default)]
struct Lus {
    parametres: BTreeSet<ParamId>,
    annee: bool,
}

/// What each variable and each aid reads (see [`Lus`]), filled in on first need.
struct Lectures<'r> {
    rs: &'r RuleSet,
    vars: Vec<Option<Lus>>,
    aides: Vec<Option<Lus>>,
}

impl Lectures<'_> {
    /// Adds what `n` reads to `lus`.
    fn lire(&mut self, n: &Noeud, lus: &mut Lus) {
        match n {
            Noeud::Param(p)
            | Noeud::ParamIndex(p, _)
            | Noeud::Bareme(p, _)
            | Noeud::Grille(p, _) => {
                lus.parametres.insert(*p);
            }
            Noeud::ParamAnnee(p, _) => {
                lus.parametres.insert(*p);
                lus.annee = true;
            }
            Noeud::Annee => lus.annee = true,
            Noeud::Var(v) | Noeud::VarContexte(v) => {
                if self.vars[*v].is_none() {
                    // Variables have no cycles (checked at load).
                    let mut l = Lus::default();
                    self.lire(&self.rs.variables[*v].noeud, &mut l);
                    self.vars[*v] = Some(l);
                }
                fusionner(lus, self.vars[*v].as_ref());
            }
            Noeud::MontantAide(a) | Noeud::EligibleAide(a) | Noeud::SortieAide(a, _) => {
                if self.aides[*a].is_none() {
                    // What other formulas read of an aid: its conditions,
                    // amount, minimum and outputs (aids have no cycles).
                    let aide = &self.rs.aides[*a];
                    let mut l = Lus::default();
                    for c in &aide.conditions {
                        self.lire(&c.noeud, &mut l);
                    }
                    for x in aide.montant.iter().chain(&aide.minimum) {
                        self.lire(x, &mut l);
                    }
                    for (_, x) in &aide.sorties {
                        self.lire(x, &mut l);
                    }
                    self.aides[*a] = Some(l);
                }
                fusionner(lus, self.aides[*a].as_ref());
            }
            _ => {}
        }
        for x in n.enfants() {
            self.lire(x, lus);
        }
    }
}

fn fusionner(lus: &mut Lus, autre: Option<&Lus>) {
    if let Some(autre) = autre {
        lus.parametres.extend(autre.parametres.iter().copied());
        lus.annee |= autre.annee;
    }
}

/// Fills the months of change of every `au_mois` of the rules (see
/// [`Noeud::AuMois`]).
pub fn dater_les_au_mois(rs: &mut RuleSet) {
    // Every `au_mois` node, in the order of a walk of every formula, with
    // the months of change of what it reads.
    let mut dates = Vec::new();
    {
        let mut l = Lectures {
            rs,
            vars: vec![None; rs.variables.len()],
            aides: vec![None; rs.aides.len()],
        };
        rs.pour_chaque_formule(&mut |n| {
            n.visiter(&mut |x| {
                if let Noeud::AuMois(dedans, _, _) = x {
                    let mut lus = Lus::default();
                    l.lire(dedans, &mut lus);
                    dates.push(mois_de_changement(
                        &rs.parametres,
                        &lus.parametres,
                        lus.annee,
                    ));
                }
            })
        });
    }
    // And every variable and aid, for the evaluation to know what it can
    // take from the situation's month.
    let mut lectures = Lectures {
        rs,
        vars: vec![None; rs.variables.len()],
        aides: vec![None; rs.aides.len()],
    };
    let dater = |lus: &Lus| mois_de_changement(&rs.parametres, &lus.parametres, lus.annee);
    let mut variables = Vec::new();
    for v in 0..rs.variables.len() {
        let mut lus = Lus::default();
        lectures.lire(&Noeud::Var(v), &mut lus);
        variables.push(dater(&lus));
    }
    let mut aides = Vec::new();
    for a in 0..rs.aides.len() {
        let mut lus = Lus::default();
        lectures.lire(&Noeud::MontantAide(a), &mut lus);
        aides.push(dater(&lus));
    }
    rs.mois_des_variables = variables;
    rs.mois_des_aides = aides;
    let mut dates = dates.into_iter();
    rs.pour_chaque_formule_mut(&mut |n| {
        n.visiter_mut(&mut |x| {
            if let Noeud::AuMois(_, _, d) = x {
                *d = Arc::from(dates.next().unwrap_or_default());
            }
        })
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn a_value_applies_from_its_day_on() {
        let p = Parametre {
            nom: "smic".into(),
            libelle: String::new(),
            valeurs: vec![
                (20260101, ValeurParametre::Nombre(dec!(12.02)), None),
                (20260601, ValeurParametre::Nombre(dec!(12.31)), None),
            ],
        };
        assert_eq!(p.a_la_date(20251201), None);
        assert_eq!(
            p.a_la_date(20260501),
            Some(&ValeurParametre::Nombre(dec!(12.02)))
        );
        assert_eq!(
            p.a_la_date(20260601),
            Some(&ValeurParametre::Nombre(dec!(12.31)))
        );
    }

    #[test]
    fn months_are_shifted_across_years() {
        assert_eq!(decaler_mois(20261101, -3), 20260801);
        assert_eq!(decaler_mois(20260201, -3), 20251101);
        assert_eq!(decaler_mois(20261201, 1), 20270101);
        assert_eq!(premier_janvier(20261101, -2), 20240101);
    }

    #[test]
    fn a_value_of_mid_month_changes_the_next_month() {
        let p = Parametre {
            nom: "x".into(),
            libelle: String::new(),
            valeurs: vec![
                (20250619, ValeurParametre::Nombre(dec!(1)), None),
                (20260101, ValeurParametre::Nombre(dec!(2)), None),
            ],
        };
        let lus = BTreeSet::from([0]);
        assert_eq!(
            mois_de_changement(std::slice::from_ref(&p), &lus, false),
            vec![20250701, 20260101]
        );
        let avec_annee = mois_de_changement(&[p], &lus, true);
        assert!(avec_annee.contains(&20270101) && avec_annee.contains(&20250701));
    }
}

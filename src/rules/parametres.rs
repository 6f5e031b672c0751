//! Dated parameters: legal amounts and rates, each value with the day it
//! took effect, and the calendar arithmetic formulas need to pick one.
//!
//! A formula reads a parameter's value in force on the first day of the
//! month being evaluated; `au_1er_janvier(p, -2)` reads it on 1 January
//! two years before, and `au_mois(x, -3)` evaluates `x` with the values of
//! three months before (the prime d'activité averages three months, each
//! with its own month's parameters). Days are written `YYYYMMDD` as `u32`.

use rust_decimal::Decimal;

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

/// What decides every formula's value besides the facts: the last day a
/// parameter changed before `jour`, and the year (`annee`,
/// `au_1er_janvier`). Two months with the same key evaluate alike.
pub fn legislation(changements: &[u32], jour: u32) -> (u32, u32) {
    let n = changements.partition_point(|&d| d <= jour);
    let dernier = if n == 0 { 0 } else { changements[n - 1] };
    (dernier, jour / 10000)
}

/// Every day on which one of `parametres` takes a new value, sorted.
pub fn changements(parametres: &[Parametre]) -> Vec<u32> {
    let mut jours: Vec<u32> = parametres
        .iter()
        .flat_map(|p| p.valeurs.iter().map(|(d, _, _)| *d))
        .collect();
    jours.sort_unstable();
    jours.dedup();
    jours
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
        assert_eq!(p.a_la_date(20260501), Some(&ValeurParametre::Nombre(dec!(12.02))));
        assert_eq!(p.a_la_date(20260601), Some(&ValeurParametre::Nombre(dec!(12.31))));
        assert_eq!(changements(&[p]), vec![20260101, 20260601]);
    }

    #[test]
    fn months_are_shifted_across_years() {
        assert_eq!(decaler_mois(20261101, -3), 20260801);
        assert_eq!(decaler_mois(20260201, -3), 20251101);
        assert_eq!(decaler_mois(20261201, 1), 20270101);
        assert_eq!(premier_janvier(20261101, -2), 20240101);
    }

    #[test]
    fn months_between_two_changes_share_their_legislation() {
        let c = [20260401, 20261001];
        assert_eq!(legislation(&c, 20260801), legislation(&c, 20260901));
        assert_ne!(legislation(&c, 20260901), legislation(&c, 20261001));
        assert_eq!(legislation(&c, 20261001), legislation(&c, 20261101));
        assert_ne!(legislation(&c, 20261201), legislation(&c, 20270101));
    }
}

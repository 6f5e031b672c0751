//! The meaning of each operation on three-valued values, one rule per
//! function: what `+`, `<`, `min`, `si`, `et`, `arrondi`… give when an
//! operand is unknown.
//!
//! An unknown number may carry an interval ([`Valeur::Borne`]): money, ages
//! and counts are never negative, so an unknown salary is `[0, ∞)`, and
//! `max(0, 651.69 - 1500 - salaire)` is 0 before anyone asks. Each rule
//! below says how the interval of the result follows from the operands'
//! and which fields the result still misses (the union of the operands').
//! The evaluator ([`super::eval`]) walks formulas and calls these; nothing
//! else decides what an unknown gives, so changing the meaning of `min` on
//! unknowns is a change here, with its tests.

use super::expr::BinOp;
use super::valeur::{Manquants, Valeur};
use rust_decimal::{Decimal, RoundingStrategy};
use std::cmp::Ordering;

/// A lower or upper bound: `None` is unbounded.
pub type Borne = Option<Decimal>;

/// What interval arithmetic knows of a value: its missing fields and its
/// bounds. A known number is its own two bounds; a known boolean or word
/// has no bound (it is not a number).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Intervalle {
    /// Fields missing.
    pub m: Manquants,
    /// Lower bound.
    pub bas: Borne,
    /// Upper bound.
    pub haut: Borne,
}

impl Intervalle {
    /// The interval of a value.
    pub fn de(v: &Valeur) -> Intervalle {
        match *v {
            Valeur::Nombre(d) => Intervalle {
                m: Manquants::VIDE,
                bas: Some(d),
                haut: Some(d),
            },
            Valeur::Borne(m, bas, haut) => Intervalle { m, bas, haut },
            Valeur::Inconnu(m) => Intervalle {
                m,
                bas: None,
                haut: None,
            },
            Valeur::Booleen(_) | Valeur::Texte(_) => Intervalle {
                m: Manquants::VIDE,
                bas: None,
                haut: None,
            },
        }
    }
}

/// An unknown number in `[bas, haut]`; the number itself when the
/// interval is a point, and a plain unknown when it has no bound.
pub fn borne(m: Manquants, bas: Borne, haut: Borne) -> Valeur {
    match (bas, haut) {
        (Some(b), Some(h)) if b == h => Valeur::Nombre(b),
        (None, None) => Valeur::Inconnu(m),
        _ => Valeur::Borne(m, bas, haut),
    }
}

/// Whether two known values are equal: numbers as numbers (`1.0 = 1`).
pub fn egales(a: &Valeur, b: &Valeur) -> bool {
    match (a, b) {
        (Valeur::Nombre(x), Valeur::Nombre(y)) => x == y,
        (Valeur::Booleen(x), Valeur::Booleen(y)) => x == y,
        (Valeur::Texte(x), Valeur::Texte(y)) => x == y,
        _ => false,
    }
}

/// `0 * x` is 0 whatever x is: a zero rate settles a product, and the
/// other side is not even evaluated (nor its fields asked for).
pub fn zero_absorbant(op: BinOp, v: &Valeur) -> bool {
    op == BinOp::Mul && matches!(v, Valeur::Nombre(d) if d.is_zero())
}

/// A binary operation. Known operands: exact, checked arithmetic (an
/// overflow, a division by zero or numbers expected are rule bugs, given
/// as `Err`). An unknown operand: [`binaire_inconnue`].
pub fn binaire(op: BinOp, a: Valeur, b: Valeur) -> Result<Valeur, String> {
    if zero_absorbant(op, &a) {
        return Ok(a);
    }
    if zero_absorbant(op, &b) {
        return Ok(b);
    }
    if !a.est_connue() || !b.est_connue() {
        return Ok(binaire_inconnue(op, &a, &b));
    }
    if matches!(op, BinOp::Eq | BinOp::Ne) {
        return Ok(Valeur::Booleen(egales(&a, &b) == (op == BinOp::Eq)));
    }
    let (Valeur::Nombre(x), Valeur::Nombre(y)) = (a, b) else {
        return Err(format!("« {} » entre non-nombres", op.symbole()));
    };
    let r = match op {
        BinOp::Add => x.checked_add(y),
        BinOp::Sub => x.checked_sub(y),
        BinOp::Mul => x.checked_mul(y),
        BinOp::Div if y.is_zero() => return Err("division par zéro".into()),
        BinOp::Div => x.checked_div(y),
        BinOp::Lt => return Ok(Valeur::Booleen(x < y)),
        BinOp::Le => return Ok(Valeur::Booleen(x <= y)),
        BinOp::Gt => return Ok(Valeur::Booleen(x > y)),
        BinOp::Ge => return Ok(Valeur::Booleen(x >= y)),
        BinOp::Eq | BinOp::Ne => unreachable!("handled above"),
    };
    r.map(Valeur::Nombre)
        .ok_or_else(|| format!("dépassement de capacité dans « {} »", op.symbole()))
}

/// A binary operation with an unknown side. It misses the fields of both
/// sides. Each bound of a sum, difference, product or quotient needs a
/// bound of each side, and so does settling a comparison: with a side
/// bounded neither way (or not a number) the result is a plain unknown.
/// Equality of unknowns is never settled.
fn binaire_inconnue(op: BinOp, a: &Valeur, b: &Valeur) -> Valeur {
    let (ia, ib) = (Intervalle::de(a), Intervalle::de(b));
    let m = ia.m.union(ib.m);
    let bornee = |i: &Intervalle| i.bas.is_some() || i.haut.is_some();
    if !bornee(&ia) || !bornee(&ib) {
        return Valeur::Inconnu(m);
    }
    let op2 = |x: Borne, y: Borne, f: fn(Decimal, Decimal) -> Option<Decimal>| match (x, y) {
        (Some(x), Some(y)) => f(x, y),
        _ => None,
    };
    let positif = |b: Borne| b.is_some_and(|b| !b.is_sign_negative() || b.is_zero());
    match op {
        BinOp::Add => borne(
            m,
            op2(ia.bas, ib.bas, Decimal::checked_add),
            op2(ia.haut, ib.haut, Decimal::checked_add),
        ),
        BinOp::Sub => borne(
            m,
            op2(ia.bas, ib.haut, Decimal::checked_sub),
            op2(ia.haut, ib.bas, Decimal::checked_sub),
        ),
        // Only the common case: both sides non-negative.
        BinOp::Mul if positif(ia.bas) && positif(ib.bas) => borne(
            m,
            op2(ia.bas, ib.bas, Decimal::checked_mul),
            op2(ia.haut, ib.haut, Decimal::checked_mul),
        ),
        // Division by a known positive number keeps the order.
        BinOp::Div => match b {
            Valeur::Nombre(y) if *y > Decimal::ZERO => borne(
                m,
                op2(ia.bas, Some(*y), Decimal::checked_div),
                op2(ia.haut, Some(*y), Decimal::checked_div),
            ),
            _ => Valeur::Inconnu(m),
        },
        BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => comparaison(op, ia, ib, m),
        BinOp::Mul | BinOp::Eq | BinOp::Ne => Valeur::Inconnu(m),
    }
}

/// `a < b` is settled true when a's top is below b's bottom, false when
/// a's bottom is at or above b's top; unknown otherwise.
fn comparaison(op: BinOp, a: Intervalle, b: Intervalle, m: Manquants) -> Valeur {
    let (strict, g, d) = match op {
        BinOp::Lt => (true, a, b),
        BinOp::Le => (false, a, b),
        BinOp::Gt => (true, b, a),
        _ => (false, b, a),
    };
    let ordre = |x: Borne, y: Borne| Some(x?.cmp(&y?));
    let vrai = ordre(g.haut, d.bas).is_some_and(|o| if strict { o.is_lt() } else { o.is_le() });
    let faux = ordre(g.bas, d.haut).is_some_and(|o| if strict { o.is_ge() } else { o.is_gt() });
    if vrai {
        Valeur::Booleen(true)
    } else if faux {
        Valeur::Booleen(false)
    } else {
        Valeur::Inconnu(m)
    }
}

/// `-x`: the interval turned around.
pub fn oppose(v: Valeur) -> Result<Valeur, String> {
    match v {
        Valeur::Booleen(_) | Valeur::Texte(_) => Err("nombre attendu après « - »".into()),
        v => {
            let i = Intervalle::de(&v);
            Ok(borne(i.m, i.haut.map(|h| -h), i.bas.map(|b| -b)))
        }
    }
}

/// `non x`: an unknown stays what it is.
pub fn non(v: Valeur) -> Valeur {
    match v {
        Valeur::Booleen(b) => Valeur::Booleen(!b),
        autre => autre,
    }
}

/// The value of `si` whose condition (missing `mc`) is not known, from
/// both branches' values: the value they agree on, else an unknown in the
/// union of their intervals, missing the condition's fields and theirs
/// (never shrunk to a point: that would hide the condition's fields).
pub fn si_inconnu(mc: Manquants, alors: Valeur, sinon: Valeur) -> Valeur {
    if alors.est_connue() && sinon.est_connue() && egales(&alors, &sinon) {
        return alors;
    }
    let (a, b) = (Intervalle::de(&alors), Intervalle::de(&sinon));
    let m = mc.union(a.m).union(b.m);
    let bas = match (a.bas, b.bas) {
        (Some(x), Some(y)) => Some(garder(x, y, true)),
        _ => None,
    };
    let haut = match (a.haut, b.haut) {
        (Some(x), Some(y)) => Some(garder(x, y, false)),
        _ => None,
    };
    if bas.is_none() && haut.is_none() {
        Valeur::Inconnu(m)
    } else {
        Valeur::Borne(m, bas, haut)
    }
}

/// Of two numbers, the smaller (`min`) or the larger; the first when equal.
pub fn garder(a: Decimal, b: Decimal, min: bool) -> Decimal {
    let remplacer = if min { a > b } else { a < b };
    if remplacer { b } else { a }
}

/// `min` (or `max`) of values, folded one item at a time so that the
/// evaluator stops at the first failure.
#[derive(Debug, Clone, Copy)]
pub struct MinMax {
    min: bool,
    acc: Option<Intervalle>,
    /// Whether every item so far was a known number (the common case).
    connus: bool,
}

impl MinMax {
    /// An empty `min` (`min = true`) or `max`.
    pub fn nouveau(min: bool) -> MinMax {
        MinMax {
            min,
            acc: None,
            connus: true,
        }
    }

    /// Adds an item: the bounds kept are the min (or max) of the lower
    /// bounds and of the upper bounds; for `min` an unbounded lower side
    /// stays unbounded, for `max` an unbounded upper side does.
    pub fn ajouter(&mut self, v: &Valeur) -> Result<(), String> {
        if matches!(v, Valeur::Booleen(_) | Valeur::Texte(_)) {
            return Err("nombre attendu dans min/max".into());
        }
        self.connus &= matches!(v, Valeur::Nombre(_));
        let x = Intervalle::de(v);
        let min = self.min;
        let garder_borne = |acc: Borne, x: Borne, absorbe: bool| match (acc, x) {
            (Some(a), Some(b)) => Some(garder(a, b, min)),
            _ if absorbe => None,
            (a, b) => a.or(b),
        };
        self.acc = Some(match self.acc {
            None => x,
            Some(a) => Intervalle {
                m: a.m.union(x.m),
                bas: garder_borne(a.bas, x.bas, min),
                haut: garder_borne(a.haut, x.haut, !min),
            },
        });
        Ok(())
    }

    /// The result: a number when every item was known (0 for none), else
    /// an unknown in the interval (a number when it is a point).
    pub fn valeur(self) -> Valeur {
        match self.acc {
            None => Valeur::Nombre(Decimal::ZERO),
            Some(i) if self.connus || i.m.est_vide() => {
                Valeur::Nombre(i.bas.unwrap_or(Decimal::ZERO))
            }
            Some(i) => borne(i.m, i.bas, i.haut),
        }
    }
}

/// `et` (`ou = false`) or `ou` of items, folded one at a time: the first
/// item equal to `ou` settles it (the evaluator then stops); unknown items
/// leave it unknown, missing their fields; items that cannot settle it
/// drop theirs.
#[derive(Debug, Clone, Copy)]
pub struct EtOu {
    ou: bool,
    m: Manquants,
}

impl EtOu {
    /// An empty `et` (`ou = false`) or `ou`.
    pub fn nouveau(ou: bool) -> EtOu {
        EtOu {
            ou,
            m: Manquants::VIDE,
        }
    }

    /// Adds an item; `Some` when it settles the result.
    pub fn ajouter(&mut self, v: &Valeur) -> Option<Valeur> {
        match v {
            Valeur::Booleen(b) if *b == self.ou => Some(Valeur::Booleen(self.ou)),
            Valeur::Inconnu(m) | Valeur::Borne(m, ..) => {
                self.m = self.m.union(*m);
                None
            }
            _ => None,
        }
    }

    /// The result once every item has been added.
    pub fn valeur(self) -> Valeur {
        if self.m.est_vide() {
            Valeur::Booleen(!self.ou)
        } else {
            Valeur::Inconnu(self.m)
        }
    }
}

/// Rounding strategies, as the rule files name them.
pub fn strategie(mode: super::Arrondi) -> RoundingStrategy {
    match mode {
        super::Arrondi::PlusProche => RoundingStrategy::MidpointAwayFromZero,
        super::Arrondi::Inferieur => RoundingStrategy::ToNegativeInfinity,
        super::Arrondi::Superieur => RoundingStrategy::ToPositiveInfinity,
    }
}

/// Rounds a number to `decimales` places (negative: tens, hundreds…).
pub fn arrondir(d: Decimal, mode: super::Arrondi, decimales: i32) -> Result<Decimal, String> {
    let s = strategie(mode);
    if decimales >= 0 {
        return Ok(d.round_dp_with_strategy(decimales as u32, s));
    }
    let facteur = Decimal::from(10i64.pow(decimales.unsigned_abs()));
    d.checked_div(facteur)
        .and_then(|q| q.round_dp_with_strategy(0, s).checked_mul(facteur))
        .ok_or_else(|| "dépassement dans un arrondi".into())
}

/// Rounding a value: rounding is monotonic, so an unknown's bounds are
/// rounded. Not a number: unknown, with no field to name.
pub fn arrondi(v: Valeur, mode: super::Arrondi, decimales: i32) -> Result<Valeur, String> {
    let r = |b: Borne| b.map(|d| arrondir(d, mode, decimales)).transpose();
    Ok(match v {
        Valeur::Nombre(d) => Valeur::Nombre(arrondir(d, mode, decimales)?),
        Valeur::Borne(m, bas, haut) => borne(m, r(bas)?, r(haut)?),
        Valeur::Inconnu(m) => Valeur::Inconnu(m),
        Valeur::Booleen(_) | Valeur::Texte(_) => Valeur::Inconnu(Manquants::VIDE),
    })
}

/// An aggregation over children or adults (`somme`, `nombre`, `existe`,
/// `tous`), folded one item at a time.
#[derive(Debug, Clone, Copy)]
pub struct Agregation {
    ag: super::Agregat,
    m: Manquants,
    somme: Decimal,
    /// Bounds of the unknown part of a sum, from the items' intervals.
    bas: Borne,
    haut: Borne,
    compte: u32,
}

impl Agregation {
    /// An empty aggregation.
    pub fn nouvelle(ag: super::Agregat) -> Agregation {
        Agregation {
            ag,
            m: Manquants::VIDE,
            somme: Decimal::ZERO,
            bas: Some(Decimal::ZERO),
            haut: Some(Decimal::ZERO),
            compte: 0,
        }
    }

    /// Adds an item; `Ok(Some(_))` when it settles the result (`existe`
    /// meets a true item, `tous` a false one).
    pub fn ajouter(&mut self, v: &Valeur) -> Result<Option<Valeur>, String> {
        use super::Agregat::*;
        let plus = |x: Borne, y: Borne| x?.checked_add(y?);
        match (self.ag, v) {
            (Somme, Valeur::Inconnu(_) | Valeur::Borne(..)) => {
                let i = Intervalle::de(v);
                self.bas = plus(self.bas, i.bas);
                self.haut = plus(self.haut, i.haut);
                self.m = self.m.union(i.m);
            }
            (_, Valeur::Inconnu(m) | Valeur::Borne(m, ..)) => self.m = self.m.union(*m),
            (Somme, Valeur::Nombre(d)) => {
                self.somme = self
                    .somme
                    .checked_add(*d)
                    .ok_or("dépassement dans une somme")?
            }
            (Nombre, Valeur::Booleen(b)) => self.compte += u32::from(*b),
            (Existe, Valeur::Booleen(true)) => return Ok(Some(Valeur::Booleen(true))),
            (Tous, Valeur::Booleen(false)) => return Ok(Some(Valeur::Booleen(false))),
            _ => {}
        }
        Ok(None)
    }

    /// The result once every item has been added.
    pub fn valeur(self) -> Valeur {
        use super::Agregat::*;
        if !self.m.est_vide() {
            if self.ag == Somme {
                let plus = |x: Borne| x.and_then(|x| x.checked_add(self.somme));
                return borne(self.m, plus(self.bas), plus(self.haut));
            }
            return Valeur::Inconnu(self.m);
        }
        match self.ag {
            Somme => Valeur::Nombre(self.somme),
            Nombre => Valeur::Nombre(Decimal::from(self.compte)),
            Existe => Valeur::Booleen(false),
            Tous => Valeur::Booleen(true),
        }
    }
}

/// Orders two decimals (for callers outside this module).
pub fn comparer(x: Decimal, y: Decimal) -> Ordering {
    x.cmp(&y)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{Agregat, Arrondi};
    use rust_decimal_macros::dec;

    fn champ(slot: usize) -> Manquants {
        Manquants::un(slot)
    }

    /// An unknown amount, never negative, missing field `slot`.
    fn montant(slot: usize) -> Valeur {
        Valeur::Borne(champ(slot), Some(dec!(0)), None)
    }

    fn n(d: Decimal) -> Valeur {
        Valeur::Nombre(d)
    }

    #[test]
    fn known_arithmetic_is_exact_and_checked() {
        assert_eq!(
            binaire(BinOp::Add, n(dec!(0.1)), n(dec!(0.2))),
            Ok(n(dec!(0.3)))
        );
        assert_eq!(
            binaire(BinOp::Div, n(dec!(1)), n(dec!(0))),
            Err("division par zéro".into())
        );
        assert!(binaire(BinOp::Mul, n(Decimal::MAX), n(dec!(2))).is_err());
        assert!(binaire(BinOp::Add, Valeur::Booleen(true), n(dec!(1))).is_err());
        assert_eq!(
            binaire(BinOp::Eq, n(dec!(1.0)), n(dec!(1))),
            Ok(Valeur::Booleen(true))
        );
        assert_eq!(
            binaire(BinOp::Ne, Valeur::Texte("a"), Valeur::Texte("b")),
            Ok(Valeur::Booleen(true))
        );
    }

    #[test]
    fn a_zero_factor_settles_a_product_of_an_unknown() {
        assert_eq!(
            binaire(BinOp::Mul, n(dec!(0)), Valeur::Inconnu(champ(1))),
            Ok(n(dec!(0)))
        );
        assert_eq!(
            binaire(BinOp::Mul, Valeur::Inconnu(champ(1)), n(dec!(0))),
            Ok(n(dec!(0)))
        );
    }

    #[test]
    fn sums_and_differences_of_bounded_unknowns_carry_their_bounds() {
        let s = binaire(BinOp::Add, montant(1), n(dec!(10))).unwrap();
        assert_eq!(s, Valeur::Borne(champ(1), Some(dec!(10)), None));
        let d = binaire(BinOp::Sub, n(dec!(651.69)), montant(2)).unwrap();
        assert_eq!(d, Valeur::Borne(champ(2), None, Some(dec!(651.69))));
        let both = binaire(BinOp::Add, montant(1), montant(2)).unwrap();
        assert_eq!(
            both,
            Valeur::Borne(champ(1).union(champ(2)), Some(dec!(0)), None)
        );
    }

    #[test]
    fn an_unbounded_side_or_a_negative_factor_gives_a_plain_unknown() {
        let r = binaire(BinOp::Add, Valeur::Inconnu(champ(1)), n(dec!(1))).unwrap();
        assert_eq!(r, Valeur::Inconnu(champ(1)));
        let r = binaire(BinOp::Mul, montant(1), n(dec!(-2))).unwrap();
        assert_eq!(r, Valeur::Inconnu(champ(1)));
        let r = binaire(BinOp::Div, montant(1), montant(2)).unwrap();
        assert_eq!(r, Valeur::Inconnu(champ(1).union(champ(2))));
        let r = binaire(BinOp::Div, montant(1), n(dec!(2))).unwrap();
        assert_eq!(r, Valeur::Borne(champ(1), Some(dec!(0)), None));
    }

    #[test]
    fn comparisons_are_settled_by_bounds_when_they_can_be() {
        let negatif = binaire(BinOp::Sub, n(dec!(-5)), montant(1)).unwrap();
        assert_eq!(
            binaire(BinOp::Lt, negatif, n(dec!(0))),
            Ok(Valeur::Booleen(true))
        );
        assert_eq!(
            binaire(BinOp::Ge, montant(1), n(dec!(0))),
            Ok(Valeur::Booleen(true))
        );
        assert_eq!(
            binaire(BinOp::Lt, montant(1), n(dec!(0))),
            Ok(Valeur::Booleen(false))
        );
        assert_eq!(
            binaire(BinOp::Gt, montant(1), n(dec!(0))),
            Ok(Valeur::Inconnu(champ(1)))
        );
        // Equality of an unknown is never settled.
        assert_eq!(
            binaire(BinOp::Eq, montant(1), n(dec!(-1))),
            Ok(Valeur::Inconnu(champ(1)))
        );
    }

    #[test]
    fn min_and_max_keep_the_bounds_that_exist() {
        let mut m = MinMax::nouveau(false);
        m.ajouter(&n(dec!(0))).unwrap();
        m.ajouter(&binaire(BinOp::Sub, n(dec!(651.69)), montant(3)).unwrap())
            .unwrap();
        assert_eq!(
            m.valeur(),
            Valeur::Borne(champ(3), Some(dec!(0)), Some(dec!(651.69)))
        );
        let mut m = MinMax::nouveau(false);
        m.ajouter(&n(dec!(0))).unwrap();
        m.ajouter(&binaire(BinOp::Sub, n(dec!(-1)), montant(3)).unwrap())
            .unwrap();
        assert_eq!(m.valeur(), n(dec!(0)), "max(0, x) with x <= -1 is 0");
        let mut m = MinMax::nouveau(true);
        m.ajouter(&n(dec!(3))).unwrap();
        m.ajouter(&n(dec!(2))).unwrap();
        assert_eq!(m.valeur(), n(dec!(2)));
        assert!(
            MinMax::nouveau(true)
                .ajouter(&Valeur::Booleen(true))
                .is_err()
        );
        assert_eq!(MinMax::nouveau(true).valeur(), n(dec!(0)));
    }

    #[test]
    fn et_drops_the_fields_of_items_that_cannot_change_it() {
        let mut e = EtOu::nouveau(false);
        assert_eq!(e.ajouter(&Valeur::Inconnu(champ(1))), None);
        assert_eq!(
            e.ajouter(&Valeur::Booleen(false)),
            Some(Valeur::Booleen(false))
        );
        let mut e = EtOu::nouveau(false);
        e.ajouter(&Valeur::Inconnu(champ(1)));
        e.ajouter(&Valeur::Booleen(true));
        assert_eq!(e.valeur(), Valeur::Inconnu(champ(1)));
        let mut o = EtOu::nouveau(true);
        o.ajouter(&Valeur::Booleen(false));
        assert_eq!(o.valeur(), Valeur::Booleen(false));
    }

    #[test]
    fn si_with_an_unknown_condition_agrees_or_spans_both_branches() {
        let c = champ(9);
        assert_eq!(si_inconnu(c, n(dec!(1.0)), n(dec!(1))), n(dec!(1.0)));
        assert_eq!(
            si_inconnu(c, n(dec!(1)), n(dec!(1))),
            n(dec!(1)),
            "both branches agree: the condition does not matter"
        );
        assert_eq!(
            si_inconnu(c, n(dec!(2)), montant(1)),
            Valeur::Borne(c.union(champ(1)), Some(dec!(0)), None)
        );
        assert_eq!(
            si_inconnu(c, Valeur::Booleen(true), Valeur::Booleen(false)),
            Valeur::Inconnu(c)
        );
    }

    #[test]
    fn rounding_rounds_the_bounds_and_names_its_strategy() {
        assert_eq!(
            arrondir(dec!(2.345), Arrondi::PlusProche, 2),
            Ok(dec!(2.35))
        );
        assert_eq!(
            arrondir(dec!(-2.345), Arrondi::PlusProche, 2),
            Ok(dec!(-2.35))
        );
        assert_eq!(arrondir(dec!(2.349), Arrondi::Inferieur, 2), Ok(dec!(2.34)));
        assert_eq!(arrondir(dec!(1234), Arrondi::Superieur, -2), Ok(dec!(1300)));
        assert_eq!(
            arrondir(dec!(1250), Arrondi::PlusProche, -2),
            Ok(dec!(1300))
        );
        let v = Valeur::Borne(champ(1), Some(dec!(0.004)), Some(dec!(10.006)));
        assert_eq!(
            arrondi(v, Arrondi::PlusProche, 2),
            Ok(Valeur::Borne(champ(1), Some(dec!(0.00)), Some(dec!(10.01))))
        );
    }

    #[test]
    fn negation_turns_the_interval_around() {
        assert_eq!(
            oppose(montant(1)),
            Ok(Valeur::Borne(champ(1), None, Some(dec!(0))))
        );
        assert!(oppose(Valeur::Booleen(true)).is_err());
        assert_eq!(non(Valeur::Inconnu(champ(2))), Valeur::Inconnu(champ(2)));
    }

    #[test]
    fn a_sum_over_unknown_items_adds_their_bounds() {
        let mut s = Agregation::nouvelle(Agregat::Somme);
        s.ajouter(&n(dec!(100))).unwrap();
        s.ajouter(&montant(1)).unwrap();
        assert_eq!(s.valeur(), Valeur::Borne(champ(1), Some(dec!(100)), None));
        let mut e = Agregation::nouvelle(Agregat::Existe);
        assert_eq!(e.ajouter(&Valeur::Inconnu(champ(1))), Ok(None));
        assert_eq!(
            e.ajouter(&Valeur::Booleen(true)),
            Ok(Some(Valeur::Booleen(true)))
        );
        let mut c = Agregation::nouvelle(Agregat::Nombre);
        c.ajouter(&Valeur::Booleen(true)).unwrap();
        c.ajouter(&Valeur::Booleen(false)).unwrap();
        assert_eq!(c.valeur(), n(dec!(1)));
    }
}

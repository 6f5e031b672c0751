//! Three-valued values: known numbers, booleans and words, or *unknown* with
//! the set of situation fields that would make them known.
//!
//! The set ([`Manquants`]) is a fixed-size bitset over field slots, so that
//! evaluating a partial situation allocates nothing. Logic follows Kleene:
//! `faux et inconnu` is `faux`, and the unknown side's fields are dropped,
//! which is how the engine lists only the fields that can still change a result.

use rust_decimal::Decimal;

/// A set of field slots, used for "fields still missing".
///
/// 128 slots hold every field (97 today; `faits` checks the count at compile
/// time). The set is kept as small as that because it is inside every
/// [`Valeur`], and the evaluator's time goes largely into moving values:
/// 16 bytes rather than 32 make a `Valeur` 56 bytes rather than 72.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Manquants([u64; 2]);

impl Manquants {
    /// How many slots the set can hold.
    pub const CAPACITE: usize = 128;
    /// The empty set.
    pub const VIDE: Manquants = Manquants([0; 2]);

    /// The set holding one slot.
    pub const fn un(slot: usize) -> Manquants {
        let mut m = Manquants::VIDE;
        m.ajouter(slot);
        m
    }

    /// Adds a slot.
    pub const fn ajouter(&mut self, slot: usize) {
        self.0[slot / 64] |= 1 << (slot % 64);
    }

    /// Whether the set holds a slot.
    pub fn contient(&self, slot: usize) -> bool {
        self.0[slot / 64] & (1 << (slot % 64)) != 0
    }

    /// Union of two sets.
    pub fn union(self, autre: Manquants) -> Manquants {
        Manquants([self.0[0] | autre.0[0], self.0[1] | autre.0[1]])
    }

    /// Intersection of two sets.
    pub fn inter(self, autre: Manquants) -> Manquants {
        Manquants([self.0[0] & autre.0[0], self.0[1] & autre.0[1]])
    }

    /// How many slots the set holds.
    pub fn nombre(&self) -> usize {
        (self.0[0].count_ones() + self.0[1].count_ones()) as usize
    }

    /// Whether the set is empty.
    pub fn est_vide(&self) -> bool {
        self.0 == [0; 2]
    }

    /// The slots, in increasing order.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        (0..Self::CAPACITE).filter(|&s| self.contient(s))
    }
}

/// A value computed by a formula. Every variant is plain data, so values
/// are copied, never cloned.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Valeur {
    /// A decimal number.
    Nombre(Decimal),
    /// A boolean.
    Booleen(bool),
    /// A word from a fixed list (`'locataire'`).
    Texte(&'static str),
    /// Not known yet; these fields would tell.
    Inconnu(Manquants),
    /// A number not known yet but known to lie in an interval (bounds
    /// included; `None` is unbounded). Money, ages and counts are never
    /// negative, so an unknown salary is `[0, ∞)`: that is what lets
    /// `max(0, 651.69 - 1500 - salaire_du_conjoint)` be 0 before anyone asks.
    Borne(Manquants, Option<Decimal>, Option<Decimal>),
}

impl Valeur {
    /// The unknown value of one field.
    pub fn inconnu(slot: usize) -> Valeur {
        Valeur::Inconnu(Manquants::un(slot))
    }

    /// The missing fields, empty when known.
    pub fn manquants(&self) -> Manquants {
        match self {
            Valeur::Inconnu(m) | Valeur::Borne(m, _, _) => *m,
            _ => Manquants::VIDE,
        }
    }

    /// Whether the value is known.
    pub fn est_connue(&self) -> bool {
        !matches!(self, Valeur::Inconnu(_) | Valeur::Borne(..))
    }

    /// The interval a number lies in: a point when known, `(None, None)` when
    /// nothing is known; `None` for booleans and words.
    pub fn intervalle(&self) -> Option<(Option<Decimal>, Option<Decimal>)> {
        match self {
            Valeur::Nombre(d) => Some((Some(*d), Some(*d))),
            Valeur::Borne(_, bas, haut) => Some((*bas, *haut)),
            Valeur::Inconnu(_) => Some((None, None)),
            _ => None,
        }
    }

    /// An unknown number in an interval; a known number when the interval is a point.
    pub fn borne(m: Manquants, bas: Option<Decimal>, haut: Option<Decimal>) -> Valeur {
        match (bas, haut) {
            (Some(b), Some(h)) if b == h => Valeur::Nombre(b),
            (None, None) => Valeur::Inconnu(m),
            _ => Valeur::Borne(m, bas, haut),
        }
    }

    /// The number, if this is a known number.
    pub fn nombre(&self) -> Option<Decimal> {
        match self {
            Valeur::Nombre(d) => Some(*d),
            _ => None,
        }
    }

    /// The boolean, if this is a known boolean.
    pub fn booleen(&self) -> Option<bool> {
        match self {
            Valeur::Booleen(b) => Some(*b),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bitset_operations() {
        let mut a = Manquants::un(3);
        a.ajouter(127);
        let b = Manquants::un(64);
        let u = a.union(b);
        assert_eq!(u.iter().collect::<Vec<_>>(), vec![3, 64, 127]);
        assert!(a.inter(b).est_vide());
        assert!(!u.est_vide());
        assert!(u.contient(127) && !u.contient(126));
        assert_eq!(std::mem::size_of::<Valeur>(), 56);
    }
}

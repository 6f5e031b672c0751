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
    pub fn iter(&self) -> Slots {
        Slots {
            mots: self.0,
            mot: 0,
        }
    }
}

/// The slots of a [`Manquants`], in increasing order: one step per slot
/// present, not per slot that could be, and an exact length, so that a
/// vector built from it is allocated once at its size (results list
/// missing fields by the hundred for a partial household).
#[derive(Debug, Clone)]
pub struct Slots {
    /// The words not yet gone through, each without the slots given.
    mots: [u64; 2],
    /// The word being gone through.
    mot: usize,
}

impl Iterator for Slots {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        while let Some(m) = self.mots.get_mut(self.mot) {
            if *m != 0 {
                let bit = m.trailing_zeros() as usize;
                *m &= *m - 1;
                return Some(self.mot * 64 + bit);
            }
            self.mot += 1;
        }
        None
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = (self.mots[0].count_ones() + self.mots[1].count_ones()) as usize;
        (n, Some(n))
    }
}

impl ExactSizeIterator for Slots {}

/// A value computed by a formula. Every variant is plain data, so values
/// are copied, never cloned: the facts of a household start as a copy of
/// a table built at compile time ([`super::faits::DEFAUTS`]).
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

    #[test]
    fn slots_come_in_order_with_their_exact_count() {
        // Pseudo-random sets, the empty and the full one: the iterator
        // gives exactly the slots `contient` says, in order, and knows how
        // many remain at every step.
        let mut graine = 0x2545_F491_4F6C_DD1D_u64;
        let mut ensembles = vec![Manquants::VIDE];
        let mut plein = Manquants::VIDE;
        for s in 0..Manquants::CAPACITE {
            plein.ajouter(s);
        }
        ensembles.push(plein);
        for _ in 0..200 {
            let mut m = Manquants::VIDE;
            for s in 0..Manquants::CAPACITE {
                graine ^= graine << 13;
                graine ^= graine >> 7;
                graine ^= graine << 17;
                if graine % 5 == 0 {
                    m.ajouter(s);
                }
            }
            ensembles.push(m);
        }
        for m in ensembles {
            let attendus: Vec<usize> = (0..Manquants::CAPACITE)
                .filter(|&s| m.contient(s))
                .collect();
            let mut it = m.iter();
            let mut vus = Vec::new();
            loop {
                assert_eq!(it.len(), attendus.len() - vus.len());
                match it.next() {
                    Some(s) => vus.push(s),
                    None => break,
                }
            }
            assert_eq!(vus, attendus);
            assert_eq!(m.nombre(), attendus.len());
        }
    }
}

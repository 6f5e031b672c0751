//! The fields a result names: those an aid still needs, and those whose
//! value was assumed.
//!
//! The evaluation knows the missing fields as a set of slots
//! ([`Manquants`], two words); [`ChampsManquants`] keeps the set and names
//! the paths when they are read, in slot order. [`Hypotheses`] does the
//! same for the sentences disclosing an assumed value: the aid's possible
//! ones (shared with the loaded rules) and the set of those the situation
//! needed.

use super::faits;
use super::valeur::Manquants;
use serde::Serialize;
use std::fmt;
use std::sync::Arc;

/// Fields whose answer could still change an aid's outcome, read as
/// situation paths (`demandeur.age`, `enfants.0.age`), in a fixed order
/// (household fields, then the applicant's, the partner's, each child's).
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub struct ChampsManquants(Manquants);

impl ChampsManquants {
    /// The fields of a set of slots.
    pub(super) fn depuis(m: Manquants) -> ChampsManquants {
        ChampsManquants(m)
    }

    /// The paths, in order.
    pub fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        let chemins = faits::chemins_statiques();
        self.0.iter().map(move |slot| chemins[slot])
    }

    /// Whether the field at this path is missing.
    pub fn contains(&self, chemin: &str) -> bool {
        faits::slot_du_chemin(chemin).is_some_and(|slot| self.0.contient(slot))
    }

    /// How many fields are missing.
    pub fn len(&self) -> usize {
        self.0.nombre()
    }

    /// Whether no field is missing.
    pub fn is_empty(&self) -> bool {
        self.0.est_vide()
    }
}

impl fmt::Debug for ChampsManquants {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Serialize for ChampsManquants {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

/// The sentences disclosing the values assumed for fields the situation
/// did not give (`Nous supposons que vous n'avez pas d'épargne.`), in the
/// order the rules declare them.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Hypotheses {
    /// Every hypothesis on a field the aid may read: its slot and sentence.
    possibles: Arc<[(usize, String)]>,
    /// The slots whose value was assumed.
    retenues: Manquants,
}

impl Hypotheses {
    /// Of an aid's possible hypotheses, those on the slots `retenues`.
    pub(super) fn depuis(possibles: &Arc<[(usize, String)]>, retenues: Manquants) -> Hypotheses {
        Hypotheses {
            possibles: Arc::clone(possibles),
            retenues,
        }
    }

    /// The sentences, in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        let retenues = self.retenues;
        self.possibles
            .iter()
            .filter(move |(slot, _)| retenues.contient(*slot))
            .map(|(_, texte)| texte.as_str())
    }

    /// The paths of the fields whose value was assumed, in the same order.
    pub fn chemins(&self) -> impl Iterator<Item = &'static str> + '_ {
        let chemins = faits::chemins_statiques();
        let retenues = self.retenues;
        self.possibles
            .iter()
            .filter(move |(slot, _)| retenues.contient(*slot))
            .map(move |(slot, _)| chemins[*slot])
    }

    /// Whether no value was assumed.
    pub fn is_empty(&self) -> bool {
        self.iter().next().is_none()
    }
}

impl fmt::Debug for Hypotheses {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Serialize for Hypotheses {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn champs(chemins: &[&str]) -> ChampsManquants {
        let mut m = Manquants::VIDE;
        for c in chemins {
            m.ajouter(faits::slot_du_chemin(c).expect("a known path"));
        }
        ChampsManquants::depuis(m)
    }

    #[test]
    fn paths_are_named_in_slot_order_and_found_by_name() {
        let c = champs(&["enfants.1.age", "demandeur.age", "couple"]);
        let ordre: Vec<&str> = c.iter().collect();
        let mut attendu = vec!["couple", "demandeur.age", "enfants.1.age"];
        attendu.sort_by_key(|p| faits::slot_du_chemin(p));
        assert_eq!(ordre, attendu);
        assert_eq!(c.len(), 3);
        assert!(c.contains("demandeur.age"));
        assert!(!c.contains("conjoint.age"));
        assert!(!c.contains("pas.un.champ"));
        assert_eq!(
            serde_json::to_string(&c).unwrap(),
            serde_json::to_string(&ordre).unwrap()
        );
        assert_eq!(format!("{c:?}"), format!("{ordre:?}"));
    }

    #[test]
    fn hypotheses_are_those_retained_in_the_rules_order() {
        let possibles: Arc<[(usize, String)]> = Arc::from([
            (7, "Sept.".into()),
            (2, "Deux.".into()),
            (40, "Quarante.".into()),
        ]);
        let mut retenues = Manquants::un(40);
        retenues.ajouter(7);
        retenues.ajouter(3);
        let h = Hypotheses::depuis(&possibles, retenues);
        assert_eq!(h.iter().collect::<Vec<_>>(), ["Sept.", "Quarante."]);
        assert!(!h.is_empty());
        assert_eq!(
            serde_json::to_string(&h).unwrap(),
            r#"["Sept.","Quarante."]"#
        );
        assert!(Hypotheses::depuis(&possibles, Manquants::un(3)).is_empty());
        assert!(Hypotheses::default().is_empty());
    }

    #[test]
    fn the_empty_set_names_nothing() {
        let c = ChampsManquants::default();
        assert!(c.is_empty());
        assert_eq!(c.iter().count(), 0);
        assert_eq!(serde_json::to_string(&c).unwrap(), "[]");
    }
}

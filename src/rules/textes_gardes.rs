//! The texts of rule files, kept for the life of the process.
//!
//! Every result names its aid and repeats sentences written in the rule
//! files: the conditions met or failed, fixed explanation lines, the
//! hypotheses made, how to apply. Shared through `Arc`, each copy into a
//! result and each drop of that result was an atomic operation on a shared
//! counter, about 300 per evaluation of every aid: 6–7 % of its time
//! (sampled; an atomic operation waits for the processor's pending writes,
//! which an instruction count does not show). A text kept here is a plain
//! `&'static str` that results copy for nothing.
//!
//! The price is that a text, once loaded, is never freed. A service loads
//! its rules once; loading the same rules again (tests, the loading
//! benchmark, a reload after an edit) finds its texts here and keeps
//! nothing new, so memory grows only by the texts that differ from every
//! earlier load: a few kilobytes per edited rule file. Explanation lines
//! whose values are all constants are written once per month compiled
//! (`programme`) and kept here too: one per dated value of the parameters
//! they show, however many months are evaluated. So are the templates of
//! lines with household values (the texts around the values, constants
//! written in), which an [`Explication`](super::explication::Explication)
//! borrows, each explanation line with the values another language needs
//! ([`LigneAide`]), and each aid's list of possible hypotheses, which
//! results' [`Hypotheses`](super::champs::Hypotheses) borrow.

use super::explication::LigneAide;
use super::fichier::Demarche;
use std::collections::HashSet;
use std::hash::Hash;
use std::sync::{LazyLock, Mutex};

/// Every text kept so far.
static TEXTES: LazyLock<Mutex<HashSet<&'static str>>> =
    LazyLock::new(|| Mutex::new(HashSet::new()));

/// Every explanation template kept so far (texts around a line's values).
static GABARITS: LazyLock<Mutex<HashSet<&'static [&'static str]>>> =
    LazyLock::new(|| Mutex::new(HashSet::new()));

/// Every line of an aid's `explications` kept so far, as months compile it.
static LIGNES_AIDES: LazyLock<Mutex<HashSet<&'static LigneAide>>> =
    LazyLock::new(|| Mutex::new(HashSet::new()));

/// An aid's possible hypotheses: each a field slot and its sentence.
type ListeHypotheses = &'static [(usize, &'static str)];

/// Every list of an aid's possible hypotheses kept so far.
static HYPOTHESES: LazyLock<Mutex<HashSet<ListeHypotheses>>> =
    LazyLock::new(|| Mutex::new(HashSet::new()));

/// Every way to apply kept so far (one per aid: a list is enough).
static DEMARCHES: Mutex<Vec<&'static Demarche>> = Mutex::new(Vec::new());

/// The value of `ensemble` equal to `valeur`, or `valeur` leaked for the
/// life of the process and added to it.
fn garder<T: ?Sized + Hash + Eq>(
    ensemble: &Mutex<HashSet<&'static T>>,
    valeur: &T,
    fuir: impl FnOnce(&T) -> &'static T,
) -> &'static T {
    // A panic elsewhere while holding the lock leaves the set as it was
    // (an insertion is complete or not done): it can still be read.
    let mut gardes = ensemble.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(&garde) = gardes.get(valeur) {
        return garde;
    }
    let garde = fuir(valeur);
    gardes.insert(garde);
    garde
}

/// The kept copy of a text: the same one for equal texts.
pub fn texte(s: &str) -> &'static str {
    garder(&TEXTES, s, |s| Box::leak(s.into()))
}

/// The kept copy of an explanation template, its texts kept by [`texte`]:
/// the same one for equal templates.
pub fn gabarit(textes: &[String]) -> &'static [&'static str] {
    let gardes: Vec<&'static str> = textes.iter().map(|t| texte(t)).collect();
    garder(&GABARITS, gardes.as_slice(), |g| Box::leak(g.into()))
}

/// The kept copy of a line of an aid's `explications` (its texts already
/// kept by [`gabarit`]): the same one for equal lines.
pub fn ligne_aide(ligne: &LigneAide) -> &'static LigneAide {
    garder(&LIGNES_AIDES, ligne, |l| Box::leak(Box::new(l.clone())))
}

/// The kept copy of an aid's possible hypotheses (each a field slot and
/// its sentence, already kept by [`texte`]): the same one for equal lists.
pub fn hypotheses(liste: &[(usize, &'static str)]) -> ListeHypotheses {
    garder(&HYPOTHESES, liste, |l| Box::leak(l.into()))
}

/// The kept copy of a way to apply: the same one for equal ones.
pub fn demarche(d: &Demarche) -> &'static Demarche {
    let mut demarches = DEMARCHES.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(&kept) = demarches.iter().find(|&&kept| kept == d) {
        return kept;
    }
    let kept: &'static Demarche = Box::leak(Box::new(d.clone()));
    demarches.push(kept);
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_texts_are_kept_once() {
        let a = texte("Vous avez au moins un enfant.");
        let b = texte(&String::from("Vous avez au moins un enfant."));
        assert_eq!(a, b);
        assert!(std::ptr::eq(a, b), "a second load must reuse the text");
        let c = texte("Vous n'avez pas d'enfant.");
        assert!(!std::ptr::eq(a, c));
    }

    #[test]
    fn equal_templates_are_kept_once() {
        let t = ["Loyer : ".to_string(), " €".to_string()];
        let a = gabarit(&t);
        let b = gabarit(&t.clone());
        assert_eq!(a, ["Loyer : ", " €"]);
        assert!(std::ptr::eq(a, b));
        assert!(!std::ptr::eq(
            a,
            gabarit(&["Loyer : ".into(), " € !".into()])
        ));
    }

    #[test]
    fn equal_explanation_lines_are_kept_once() {
        use super::super::explication::ValeurEcrite;
        let l = LigneAide {
            rang: 1,
            textes: gabarit(&["Loyer : 12 € ; aide : ".into(), " €".into()]),
            valeurs: vec![Some(ValeurEcrite::Booleen(true)), None],
        };
        let a = ligne_aide(&l);
        assert!(std::ptr::eq(a, ligne_aide(&l.clone())));
        let autre = LigneAide { rang: 2, ..l };
        assert!(!std::ptr::eq(a, ligne_aide(&autre)));
    }

    #[test]
    fn equal_lists_of_hypotheses_are_kept_once() {
        let a = hypotheses(&[(3, texte("Trois."))]);
        let b = hypotheses(&[(3, "Trois.")]);
        assert!(std::ptr::eq(a, b));
        assert_eq!(hypotheses(&[]), &[]);
    }

    #[test]
    fn equal_ways_to_apply_are_kept_once() {
        let d = Demarche {
            url: Some("https://www.caf.fr".into()),
            telephone: Some("3230".into()),
            documents: vec!["Avis d'imposition".into()],
            texte: None,
        };
        let a = demarche(&d);
        let b = demarche(&d.clone());
        assert!(std::ptr::eq(a, b));
        let autre = Demarche {
            telephone: Some("3646".into()),
            ..d
        };
        assert!(!std::ptr::eq(a, demarche(&autre)));
        assert_eq!(demarche(&autre).telephone.as_deref(), Some("3646"));
    }
}

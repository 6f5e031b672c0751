//! An aid's explanation as the evaluation leaves it: the rule files' lines
//! with the household's values beside them, written out as text only when
//! someone reads it.
//!
//! The dialogue re-evaluates every aid after each answer and shows the
//! explanation once, at the end; the API writes it once, as JSON. Writing
//! each line during the evaluation cost a string per line with values
//! (about 40 for a complete household), each number formatted the French
//! way, then freed unread: a seventh of the time of evaluating every aid
//! for a complete household (23.9 µs before, 20.4 µs after).
//! Kept as data, a line is a borrowed template plus its values, all in
//! one vector per aid, and the same text comes out of [`Explication::lignes`]
//! or the JSON whenever it is asked for.

use super::eval::ecrire_nombre;
use rust_decimal::Decimal;
use serde::Serialize;
use std::borrow::Cow;
use std::fmt;

/// The lines explaining one aid's outcome: conditions met or failed, then
/// how the amount is computed. [`Explication::lignes`] gives them as text;
/// JSON has them as an array of strings.
#[derive(Clone, Default, PartialEq)]
pub struct Explication {
    /// Lines in order; a template line is followed by its values.
    elements: Vec<Element>,
}

/// One piece of an [`Explication`].
#[derive(Debug, Clone, Copy, PartialEq)]
enum Element {
    /// A whole line.
    Ligne(&'static str),
    /// A line with values: the texts before, between and after them (one
    /// more than the values, which are the next elements).
    Gabarit(&'static [&'static str]),
    /// A number, written the French way (`1 234,56`).
    Nombre(Decimal),
    /// A yes/no value, written `oui` or `non`.
    Booleen(bool),
    /// A word of the rules (`locataire`), its underscores written as spaces.
    Mot(&'static str),
}

/// A value to write into a template line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ValeurEcrite {
    /// A number.
    Nombre(Decimal),
    /// A yes/no value.
    Booleen(bool),
    /// A word of the rules.
    Mot(&'static str),
}

impl Explication {
    /// An empty explanation with room for `n` pieces (lines and values).
    pub fn avec_capacite(n: usize) -> Explication {
        Explication {
            elements: Vec::with_capacity(n),
        }
    }

    /// Whether there is no line.
    pub fn is_empty(&self) -> bool {
        self.elements.is_empty()
    }

    /// The number of lines.
    pub fn len(&self) -> usize {
        self.elements
            .iter()
            .filter(|e| matches!(e, Element::Ligne(_) | Element::Gabarit(_)))
            .count()
    }

    /// Adds a whole line.
    pub fn ligne(&mut self, texte: &'static str) {
        self.elements.push(Element::Ligne(texte));
    }

    /// Starts a line with values: `textes` are the texts around them, one
    /// more than the values [`Self::valeur`] must then add. Gives the mark
    /// [`Self::abandonner`] takes when a value turns out unknown.
    pub fn gabarit(&mut self, textes: &'static [&'static str]) -> Marque {
        let marque = Marque(self.elements.len());
        self.elements.push(Element::Gabarit(textes));
        marque
    }

    /// Adds the next value of the line being written.
    pub fn valeur(&mut self, v: ValeurEcrite) {
        self.elements.push(match v {
            ValeurEcrite::Nombre(d) => Element::Nombre(d),
            ValeurEcrite::Booleen(b) => Element::Booleen(b),
            ValeurEcrite::Mot(m) => Element::Mot(m),
        });
    }

    /// Takes back the line started at `marque` (one of its values is not
    /// known: such a line is not shown).
    pub fn abandonner(&mut self, marque: Marque) {
        self.elements.truncate(marque.0);
    }

    /// The lines as text: whole lines are borrowed, lines with values are
    /// written now.
    pub fn lignes(&self) -> Lignes<'_> {
        Lignes {
            reste: &self.elements,
        }
    }
}

/// Where a line with values started, to take it back.
#[derive(Debug, Clone, Copy)]
pub struct Marque(usize);

/// The lines of an [`Explication`] as text.
pub struct Lignes<'a> {
    reste: &'a [Element],
}

impl Iterator for Lignes<'_> {
    type Item = Cow<'static, str>;

    fn next(&mut self) -> Option<Cow<'static, str>> {
        let (premier, reste) = self.reste.split_first()?;
        match *premier {
            Element::Ligne(t) => {
                self.reste = reste;
                Some(Cow::Borrowed(t))
            }
            Element::Gabarit(textes) => {
                let n = reste
                    .iter()
                    .take(textes.len().saturating_sub(1))
                    .take_while(|e| !matches!(e, Element::Ligne(_) | Element::Gabarit(_)))
                    .count();
                let (valeurs, apres) = reste.split_at(n);
                self.reste = apres;
                Some(Cow::Owned(ecrire_gabarit(textes, valeurs)))
            }
            // A value is always read with its template: a stray one (not
            // built by this module's methods) is skipped.
            _ => {
                self.reste = reste;
                self.next()
            }
        }
    }
}

/// A template line with its values.
fn ecrire_gabarit(textes: &[&str], valeurs: &[Element]) -> String {
    let longueur: usize = textes.iter().map(|t| t.len()).sum();
    let mut ligne = String::with_capacity(longueur + 16 * valeurs.len());
    for (i, texte) in textes.iter().enumerate() {
        ligne.push_str(texte);
        if let Some(v) = valeurs.get(i).and_then(Element::valeur) {
            ecrire(&mut ligne, v);
        }
    }
    ligne
}

impl Element {
    /// The value this piece holds, if it is one.
    fn valeur(&self) -> Option<ValeurEcrite> {
        match *self {
            Element::Nombre(d) => Some(ValeurEcrite::Nombre(d)),
            Element::Booleen(b) => Some(ValeurEcrite::Booleen(b)),
            Element::Mot(m) => Some(ValeurEcrite::Mot(m)),
            Element::Ligne(_) | Element::Gabarit(_) => None,
        }
    }
}

/// Appends a value as explanations write it: a number the French way, a
/// yes/no as `oui` or `non`, a word with its underscores as spaces. The
/// one place these rules live (constants written into templates when a
/// month is compiled go through here too).
pub(super) fn ecrire(s: &mut String, v: ValeurEcrite) {
    match v {
        ValeurEcrite::Nombre(d) => ecrire_nombre(s, d),
        ValeurEcrite::Booleen(b) => s.push_str(if b { "oui" } else { "non" }),
        ValeurEcrite::Mot(m) => s.extend(m.chars().map(|c| if c == '_' { ' ' } else { c })),
    }
}

impl fmt::Debug for Explication {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.lignes()).finish()
    }
}

impl Serialize for Explication {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.lignes())
    }
}

impl From<&'static str> for Explication {
    fn from(ligne: &'static str) -> Explication {
        Explication {
            elements: vec![Element::Ligne(ligne)],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn lines_are_written_with_their_values_in_french() {
        let mut e = Explication::avec_capacite(8);
        e.ligne("Vous avez au moins un enfant.");
        e.gabarit(&["Loyer retenu : ", " € ; statut : ", " ; seul : ", "."]);
        e.valeur(ValeurEcrite::Nombre(dec!(1234.5)));
        e.valeur(ValeurEcrite::Mot("locataire_meuble"));
        e.valeur(ValeurEcrite::Booleen(true));
        e.gabarit(&["", " € par mois"]);
        e.valeur(ValeurEcrite::Nombre(dec!(12)));
        let lignes: Vec<_> = e.lignes().collect();
        assert_eq!(
            lignes,
            [
                "Vous avez au moins un enfant.",
                "Loyer retenu : 1 234,50 € ; statut : locataire meuble ; seul : oui.",
                "12 € par mois",
            ]
        );
        assert_eq!(e.len(), 3);
        assert_eq!(
            serde_json::to_string(&e).unwrap(),
            serde_json::to_string(&lignes).unwrap()
        );
        assert_eq!(format!("{e:?}"), format!("{lignes:?}"));
    }

    #[test]
    fn a_line_taken_back_leaves_no_trace() {
        let mut e = Explication::default();
        e.ligne("Première.");
        let m = e.gabarit(&["A ", " et ", "."]);
        e.valeur(ValeurEcrite::Nombre(dec!(1)));
        e.abandonner(m);
        e.ligne("Dernière.");
        assert_eq!(e.lignes().collect::<Vec<_>>(), ["Première.", "Dernière."]);
        assert_eq!(e, {
            let mut f = Explication::default();
            f.ligne("Première.");
            f.ligne("Dernière.");
            f
        });
    }

    #[test]
    fn a_line_with_fewer_values_than_its_texts_ask_is_written_without_them() {
        let mut e = Explication::default();
        e.gabarit(&["A ", " B ", " C"]);
        e.valeur(ValeurEcrite::Booleen(false));
        e.ligne("Suivante.");
        assert_eq!(e.lignes().collect::<Vec<_>>(), ["A non B  C", "Suivante."]);
    }
}

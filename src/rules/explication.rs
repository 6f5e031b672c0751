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
//!
//! A line of an aid file's `explications` also says which line it is and
//! keeps every value it shows, the month's constants included
//! ([`LigneAide`]): another language writes it from its own template with
//! the same values ([`Explication::detaillees`], read by
//! [`crate::textes::Textes::aide`]).

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
    /// A line of the aid file's `explications`, followed by its values
    /// that depend on the household.
    Aide(&'static LigneAide),
}

/// A line of an aid file's `explications` as a month's program writes it:
/// the French texts, the month's constants written in, and what another
/// language needs to write the same line: which line it is and every
/// value it shows.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LigneAide {
    /// Its place in the file's `explications`, from 0.
    pub rang: usize,
    /// The texts around the values that depend on the household, constants
    /// written in: one more than those values (a single text when none).
    pub textes: &'static [&'static str],
    /// Every value of the line in the file's order: a constant of the
    /// month (already written into `textes`), or `None` for the
    /// household's next value.
    pub valeurs: Vec<Option<ValeurEcrite>>,
}

/// One line of an [`Explication`], with what another language needs to
/// write it.
#[derive(Debug, Clone, PartialEq)]
pub enum LigneDetaillee {
    /// A whole sentence: a condition's, or one the evaluation writes.
    Phrase(&'static str),
    /// A line with values that the evaluation writes itself: its French
    /// texts and its values.
    Gabarit(&'static [&'static str], Vec<ValeurEcrite>),
    /// A line of the aid file's `explications`: its place there (from 0)
    /// and every value it shows, in order.
    Aide(usize, Vec<ValeurEcrite>),
}

/// A value to write into a template line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
            .filter(|e| e.commence_une_ligne())
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

    /// Starts a line of the aid file's `explications`: the values that
    /// depend on the household (one fewer than `ligne.textes`) follow
    /// through [`Self::valeur`]. Gives the mark [`Self::abandonner`] takes
    /// when a value turns out unknown.
    pub fn ligne_aide(&mut self, ligne: &'static LigneAide) -> Marque {
        let marque = Marque(self.elements.len());
        self.elements.push(Element::Aide(ligne));
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

    /// The lines with what another language needs to write them, each
    /// beside its French text.
    pub fn detaillees(&self) -> impl Iterator<Item = (Cow<'static, str>, LigneDetaillee)> + '_ {
        Decoupe {
            reste: &self.elements,
        }
        .map(|(tete, valeurs)| {
            let detail = match tete {
                Tete::Ligne(t) => LigneDetaillee::Phrase(t),
                Tete::Gabarit(textes) => LigneDetaillee::Gabarit(
                    textes,
                    valeurs.iter().filter_map(Element::valeur).collect(),
                ),
                Tete::Aide(l) => {
                    // Constants in the file's order, the household's values
                    // taking the places left.
                    let mut du_foyer = valeurs.iter().filter_map(Element::valeur);
                    LigneDetaillee::Aide(
                        l.rang,
                        l.valeurs
                            .iter()
                            .map_while(|v| v.or_else(|| du_foyer.next()))
                            .collect(),
                    )
                }
            };
            (ecrire_ligne(tete, valeurs), detail)
        })
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
        let mut decoupe = Decoupe { reste: self.reste };
        let (tete, valeurs) = decoupe.next()?;
        self.reste = decoupe.reste;
        Some(ecrire_ligne(tete, valeurs))
    }
}

/// The first piece of a line.
#[derive(Clone, Copy)]
enum Tete {
    Ligne(&'static str),
    Gabarit(&'static [&'static str]),
    Aide(&'static LigneAide),
}

/// The pieces of an [`Explication`] line by line: each line's first piece
/// and the values that follow it.
struct Decoupe<'a> {
    reste: &'a [Element],
}

impl<'a> Iterator for Decoupe<'a> {
    type Item = (Tete, &'a [Element]);

    fn next(&mut self) -> Option<(Tete, &'a [Element])> {
        loop {
            let (premier, reste) = self.reste.split_first()?;
            let Some(tete) = premier.tete() else {
                // A value is always read with its line: a stray one (not
                // built by this module's methods) is skipped.
                self.reste = reste;
                continue;
            };
            let attendues = match tete {
                Tete::Ligne(_) => 0,
                Tete::Gabarit(textes) => textes.len().saturating_sub(1),
                Tete::Aide(l) => l.textes.len().saturating_sub(1),
            };
            let n = reste
                .iter()
                .take(attendues)
                .take_while(|e| !e.commence_une_ligne())
                .count();
            let (valeurs, apres) = reste.split_at(n);
            self.reste = apres;
            return Some((tete, valeurs));
        }
    }
}

/// A line as text, in French, from its first piece and its values.
fn ecrire_ligne(tete: Tete, valeurs: &[Element]) -> Cow<'static, str> {
    match tete {
        Tete::Ligne(t) => Cow::Borrowed(t),
        Tete::Aide(l) if l.textes.len() == 1 => Cow::Borrowed(l.textes[0]),
        Tete::Aide(l) => Cow::Owned(ecrire_gabarit(l.textes, valeurs)),
        Tete::Gabarit(textes) => Cow::Owned(ecrire_gabarit(textes, valeurs)),
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
            Element::Ligne(_) | Element::Gabarit(_) | Element::Aide(_) => None,
        }
    }

    /// The line this piece starts, if it is not a value.
    fn tete(&self) -> Option<Tete> {
        match *self {
            Element::Ligne(t) => Some(Tete::Ligne(t)),
            Element::Gabarit(textes) => Some(Tete::Gabarit(textes)),
            Element::Aide(l) => Some(Tete::Aide(l)),
            Element::Nombre(_) | Element::Booleen(_) | Element::Mot(_) => None,
        }
    }

    /// Whether this piece starts a line (rather than being a value).
    fn commence_une_ligne(&self) -> bool {
        self.tete().is_some()
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
    fn an_aid_line_gives_its_place_and_every_value_in_order() {
        let ligne: &'static LigneAide = Box::leak(Box::new(LigneAide {
            rang: 2,
            textes: &["Enfants : ", " ; 201,78 € par enfant."],
            valeurs: vec![None, Some(ValeurEcrite::Nombre(dec!(201.78)))],
        }));
        let fixe: &'static LigneAide = Box::leak(Box::new(LigneAide {
            rang: 0,
            textes: &["Versée en août."],
            valeurs: Vec::new(),
        }));
        let mut e = Explication::default();
        e.ligne("Vous avez un enfant.");
        e.ligne_aide(fixe);
        e.ligne_aide(ligne);
        e.valeur(ValeurEcrite::Nombre(dec!(2)));
        e.gabarit(&["A ", " B"]);
        e.valeur(ValeurEcrite::Booleen(true));
        let d: Vec<_> = e.detaillees().collect();
        assert_eq!(
            d.iter().map(|(f, _)| f.as_ref()).collect::<Vec<_>>(),
            e.lignes().collect::<Vec<_>>()
        );
        assert_eq!(d[2].0, "Enfants : 2 ; 201,78 € par enfant.");
        assert_eq!(
            d.into_iter().map(|(_, l)| l).collect::<Vec<_>>(),
            [
                LigneDetaillee::Phrase("Vous avez un enfant."),
                LigneDetaillee::Aide(0, vec![]),
                LigneDetaillee::Aide(
                    2,
                    vec![
                        ValeurEcrite::Nombre(dec!(2)),
                        ValeurEcrite::Nombre(dec!(201.78))
                    ]
                ),
                LigneDetaillee::Gabarit(&["A ", " B"], vec![ValeurEcrite::Booleen(true)]),
            ]
        );
        assert_eq!(e.len(), 4);
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

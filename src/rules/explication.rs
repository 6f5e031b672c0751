//! An aid's explanation as the evaluation leaves it: the rule files' lines
//! with the household's values beside them, written out as text only when
//! someone reads it (the dialogue re-evaluates after every answer and shows
//! an explanation once, at the end).
//!
//! A line of an aid file's `explications` also says which line it is and
//! keeps every value it shows ([`LigneAide`]): another language writes it
//! from its own template with the same values ([`Explication::detaillees`],
//! read by [`crate::textes::Textes::aide`]). Sentences of the rule files
//! are shared with the loaded rules (`Arc`), not copied per result.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;
use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

/// The lines explaining one aid's outcome: conditions met or failed, then
/// how the amount is computed. [`Explication::lignes`] gives them as text;
/// JSON has them as an array of strings.
#[derive(Clone, Default, PartialEq)]
pub struct Explication {
    /// Lines in order; a line with values is followed by its values.
    elements: Vec<Element>,
}

/// One piece of an [`Explication`].
#[derive(Debug, Clone, PartialEq)]
enum Element {
    /// A whole sentence of a rule file (a condition's).
    Ligne(Arc<str>),
    /// A whole sentence the evaluation writes itself ([`super::phrases`]).
    Phrase(&'static str),
    /// A line the evaluation writes with values: the texts before, between
    /// and after them (one more than the values, which are the next elements).
    Gabarit(&'static [&'static str]),
    /// A line of the aid file's `explications`, followed by its values.
    Aide(Arc<LigneAide>),
    /// A number, written the French way (`1 234,56`).
    Nombre(Decimal),
    /// A yes/no value, written `oui` or `non`.
    Booleen(bool),
    /// A word of the rules (`locataire`), its underscores written as spaces.
    Mot(&'static str),
}

/// A line of an aid file's `explications`: its place there and the texts
/// around its values (one more than the values).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LigneAide {
    /// Its place in the file's `explications`, from 0.
    pub rang: usize,
    /// The texts around the values.
    pub textes: Vec<String>,
}

/// One line of an [`Explication`], with what another language needs to
/// write it.
#[derive(Debug, Clone, PartialEq)]
pub enum LigneDetaillee<'a> {
    /// A whole sentence: a condition's, or one the evaluation writes.
    Phrase(&'a str),
    /// A line with values that the evaluation writes itself: its French
    /// texts and its values.
    Gabarit(&'static [&'static str], Vec<ValeurEcrite>),
    /// A line of the aid file's `explications`: its place there (from 0)
    /// and every value it shows, in order.
    Aide(usize, Vec<ValeurEcrite>),
}

/// A value to write into a line.
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
    /// Whether there is no line.
    pub fn is_empty(&self) -> bool {
        self.elements.is_empty()
    }

    /// The number of lines.
    pub fn len(&self) -> usize {
        self.elements
            .iter()
            .filter(|e| e.valeur().is_none())
            .count()
    }

    /// Adds a whole sentence of a rule file.
    pub fn ligne(&mut self, texte: &Arc<str>) {
        self.elements.push(Element::Ligne(Arc::clone(texte)));
    }

    /// Adds a whole sentence the evaluation writes.
    pub fn phrase(&mut self, texte: &'static str) {
        self.elements.push(Element::Phrase(texte));
    }

    /// Starts a line with values: `textes` are the texts around them, one
    /// more than the values [`Self::valeur`] must then add.
    pub fn gabarit(&mut self, textes: &'static [&'static str]) {
        self.elements.push(Element::Gabarit(textes));
    }

    /// Adds a line of the aid file's `explications` with its values.
    pub fn ligne_aide(&mut self, ligne: &Arc<LigneAide>, valeurs: &[ValeurEcrite]) {
        self.elements.push(Element::Aide(Arc::clone(ligne)));
        for &v in valeurs {
            self.valeur(v);
        }
    }

    /// Adds the next value of the line being written.
    pub fn valeur(&mut self, v: ValeurEcrite) {
        self.elements.push(match v {
            ValeurEcrite::Nombre(d) => Element::Nombre(d),
            ValeurEcrite::Booleen(b) => Element::Booleen(b),
            ValeurEcrite::Mot(m) => Element::Mot(m),
        });
    }

    /// The lines as text: whole lines are borrowed, lines with values are
    /// written now.
    pub fn lignes(&self) -> impl Iterator<Item = Cow<'_, str>> + '_ {
        self.decoupe()
            .map(|(tete, valeurs)| ecrire_ligne(tete, valeurs))
    }

    /// The lines with what another language needs to write them, each
    /// beside its French text.
    pub fn detaillees(&self) -> impl Iterator<Item = (Cow<'_, str>, LigneDetaillee<'_>)> + '_ {
        self.decoupe().map(|(tete, valeurs)| {
            let v = || valeurs.iter().filter_map(Element::valeur).collect();
            let detail = match tete {
                Element::Ligne(t) => LigneDetaillee::Phrase(t),
                Element::Phrase(t) => LigneDetaillee::Phrase(t),
                Element::Gabarit(textes) => LigneDetaillee::Gabarit(textes, v()),
                Element::Aide(l) => LigneDetaillee::Aide(l.rang, v()),
                _ => unreachable!("a line starts with a sentence or a template"),
            };
            (ecrire_ligne(tete, valeurs), detail)
        })
    }

    /// Each line's first piece and the values that follow it.
    fn decoupe(&self) -> impl Iterator<Item = (&Element, &[Element])> + '_ {
        let mut reste: &[Element] = &self.elements;
        std::iter::from_fn(move || {
            // Values are always pushed after their line: none comes first.
            let debut = reste.iter().position(|e| e.valeur().is_none())?;
            let tete = &reste[debut];
            let n = reste[debut + 1..]
                .iter()
                .take_while(|e| e.valeur().is_some())
                .count();
            let valeurs = &reste[debut + 1..debut + 1 + n];
            reste = &reste[debut + 1 + n..];
            Some((tete, valeurs))
        })
    }
}

/// A line as text, in French, from its first piece and its values.
fn ecrire_ligne<'a>(tete: &'a Element, valeurs: &[Element]) -> Cow<'a, str> {
    let textes: Vec<&str> = match tete {
        Element::Ligne(t) => return Cow::Borrowed(t),
        Element::Phrase(t) => return Cow::Borrowed(t),
        Element::Aide(l) if l.textes.len() == 1 => return Cow::Borrowed(&l.textes[0]),
        Element::Aide(l) => l.textes.iter().map(String::as_str).collect(),
        Element::Gabarit(textes) => textes.to_vec(),
        _ => return Cow::Borrowed(""),
    };
    let mut ligne = String::new();
    for (i, texte) in textes.iter().enumerate() {
        ligne.push_str(texte);
        if let Some(v) = valeurs.get(i).and_then(Element::valeur) {
            ecrire(&mut ligne, v);
        }
    }
    Cow::Owned(ligne)
}

impl Element {
    /// The value this piece holds, if it is one.
    fn valeur(&self) -> Option<ValeurEcrite> {
        match *self {
            Element::Nombre(d) => Some(ValeurEcrite::Nombre(d)),
            Element::Booleen(b) => Some(ValeurEcrite::Booleen(b)),
            Element::Mot(m) => Some(ValeurEcrite::Mot(m)),
            _ => None,
        }
    }
}

/// Appends a value as explanations write it: a number the French way, a
/// yes/no as `oui` or `non`, a word with its underscores as spaces.
pub fn ecrire(s: &mut String, v: ValeurEcrite) {
    match v {
        ValeurEcrite::Nombre(d) => ecrire_nombre(s, d),
        ValeurEcrite::Booleen(b) => s.push_str(if b { "oui" } else { "non" }),
        ValeurEcrite::Mot(m) => s.extend(m.chars().map(|c| if c == '_' { ' ' } else { c })),
    }
}

/// Appends a number the French way: rounded half away from zero to the cent
/// as amounts are shown to claimants, a space between thousands, a comma
/// before the cents, no cents when there are none (`1 173,04`, `12`).
pub fn ecrire_nombre(s: &mut String, d: Decimal) {
    let r = d
        .abs()
        .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    let centimes = r.mantissa().unsigned_abs() * 10u128.pow(2 - r.scale().min(2));
    if d.is_sign_negative() && centimes != 0 {
        s.push('-');
    }
    let chiffres = (centimes / 100).to_string();
    for (i, c) in chiffres.chars().enumerate() {
        if i > 0 && (chiffres.len() - i) % 3 == 0 {
            s.push(' ');
        }
        s.push(c);
    }
    let fraction = centimes % 100;
    if fraction != 0 {
        s.push_str(&format!(",{fraction:02}"));
    }
}

/// Formats a number the French way ([`ecrire_nombre`]).
pub fn format_nombre(d: Decimal) -> String {
    let mut s = String::new();
    ecrire_nombre(&mut s, d);
    s
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
            elements: vec![Element::Phrase(ligne)],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn lines_are_written_with_their_values_in_french() {
        let mut e = Explication::default();
        e.ligne(&Arc::from("Vous avez au moins un enfant."));
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
        let ligne = Arc::new(LigneAide {
            rang: 2,
            textes: vec!["Enfants : ".into(), " ; ".into(), " € par enfant.".into()],
        });
        let fixe = Arc::new(LigneAide {
            rang: 0,
            textes: vec!["Versée en août.".into()],
        });
        let mut e = Explication::default();
        e.ligne(&Arc::from("Vous avez un enfant."));
        e.ligne_aide(&fixe, &[]);
        e.ligne_aide(
            &ligne,
            &[
                ValeurEcrite::Nombre(dec!(2)),
                ValeurEcrite::Nombre(dec!(201.78)),
            ],
        );
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
    fn a_line_with_fewer_values_than_its_texts_ask_is_written_without_them() {
        let mut e = Explication::default();
        e.gabarit(&["A ", " B ", " C"]);
        e.valeur(ValeurEcrite::Booleen(false));
        e.phrase("Suivante.");
        assert_eq!(e.lignes().collect::<Vec<_>>(), ["A non B  C", "Suivante."]);
    }

    #[test]
    fn numbers_are_written_the_french_way() {
        for (d, attendu) in [
            (dec!(0), "0"),
            (dec!(12), "12"),
            (dec!(1234.5), "1 234,50"),
            (dec!(1173.04), "1 173,04"),
            (dec!(1000000), "1 000 000"),
            (dec!(0.005), "0,01"),
            (dec!(-0.004), "0"),
            (dec!(-1234.567), "-1 234,57"),
            (dec!(999.999), "1 000"),
        ] {
            assert_eq!(format_nombre(d), attendu, "{d}");
        }
    }
}

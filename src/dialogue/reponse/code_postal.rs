//! French postal codes: five digits whose first two are a département
//! (01–95, 97, 98), found in an answer such as "je suis au 75011".
//!
//! Separate because a postal code is a string of digits, not a number: its
//! leading zero matters and a house number or a phone number next to it
//! must not be taken for it.

use super::nombre::lire_chiffres;
use super::{Compris, mots, ne_sait_pas, normaliser};

/// Reads a French postal code: "75011", "75 011", "je suis au 75011",
/// "20000" (Corsica), "97400" (Réunion).
///
/// The first two digits must be 01–95, 97 or 98. Shorter numbers (house
/// numbers, "paris 11") are ignored, 4 digits too: "1300" may be 01300 with
/// its leading zero dropped or 13000 with a digit missing, and guessing
/// would record a wrong place silently (`dialogue::lieu` asks which). Two
/// candidates, or a longer run of digits such as a phone number, give
/// `Incompris`.
pub fn code_postal(texte: &str) -> Compris<String> {
    let n = normaliser(texte);
    let mots_ = mots(&n);
    if ne_sait_pas(texte, &mots_) {
        return Compris::NeSaitPas;
    }
    let c: Vec<char> = n.chars().collect();
    let mut suites: Vec<String> = Vec::new();
    let mut i = 0;
    while i < c.len() {
        if c[i].is_ascii_digit() {
            let mut s = lire_chiffres(&c, &mut i);
            // "75 011", "75.011"
            if s.len() == 2
                && i < c.len()
                && matches!(c[i], ' ' | '.' | '-')
                && c[i + 1..].iter().take_while(|d| d.is_ascii_digit()).count() == 3
            {
                i += 1;
                s.push_str(&lire_chiffres(&c, &mut i));
            }
            suites.push(s);
        } else {
            i += 1;
        }
    }
    let mut candidats = Vec::new();
    for s in suites {
        match s.len() {
            0..=4 => {}
            5 => candidats.push(s),
            _ => return Compris::Incompris,
        }
    }
    match candidats.as_slice() {
        [cp] => {
            let dep: u32 = cp[..2].parse().unwrap_or(0);
            if (1..=95).contains(&dep) || dep == 97 || dep == 98 {
                Compris::Valeur(cp.clone())
            } else {
                Compris::Incompris
            }
        }
        _ => Compris::Incompris,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dialogue::reponse::tests::v;

    #[test]
    fn code_postal_table() {
        let cas = [
            ("75011", "75011"),
            ("75 011", "75011"),
            ("je suis au 75011", "75011"),
            ("01000", "01000"),
            ("1000 01000", "01000"),
            ("20000", "20000"),
            ("97400", "97400"),
            ("12 rue de la Paix 75002 Paris", "75002"),
            ("75011 paris 11", "75011"),
            ("75011paris", "75011"),
        ];
        for (t, attendu) in cas {
            assert_eq!(code_postal(t), v(attendu.to_string()), "{t:?}");
        }
        for t in [
            "750",
            "1000",
            "1300",
            "750111",
            "0612345678",
            "00100",
            "99000",
            "96000",
            "0100",
            "75011 ou 75012",
            "paris",
            "",
            "75 01 1",
        ] {
            assert_eq!(code_postal(t), Compris::Incompris, "{t:?}");
        }
        assert_eq!(code_postal("je sais pas"), Compris::NeSaitPas);
    }
}

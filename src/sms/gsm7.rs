//! GSM-7 (3GPP TS 23.038 default alphabet): transliteration of French text
//! into it, and segment counting.
//!
//! One character outside GSM-7 switches a whole SMS to UCS-2, where a segment
//! holds 70 characters instead of 160: a single typographic apostrophe (’)
//! can triple the price of a message. [`translitterer`] maps the characters
//! French text uses that GSM-7 lacks (ç, â, ê, î, ô, û, œ, ’, « », …, non-breaking
//! spaces) to their closest GSM-7 form, and keeps those GSM-7 has (é, è, à, ù,
//! É, Ç, €). [`segments`] then counts the parts a message will be split into.

/// The basic table, in code order (0x1B, the escape, is absent).
const BASIQUE: &str = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

/// The extension table: each costs two septets (escape + code).
const EXTENSION: &str = "\u{000C}^{}\\[~]|€";

/// Whether a character is in the basic table.
pub fn est_basique(c: char) -> bool {
    BASIQUE.contains(c)
}

/// Whether a character is in the extension table (two septets).
pub fn est_extension(c: char) -> bool {
    EXTENSION.contains(c)
}

/// Whether a whole text can be sent as GSM-7.
pub fn est_gsm7(texte: &str) -> bool {
    texte.chars().all(|c| est_basique(c) || est_extension(c))
}

/// The GSM-7 replacement of a character that GSM-7 lacks, if we have one.
fn remplacement(c: char) -> Option<&'static str> {
    Some(match c {
        'ç' => "c",
        'â' | 'á' | 'ã' => "a",
        'ê' | 'ë' => "e",
        'î' | 'ï' | 'í' => "i",
        'ô' | 'ó' | 'õ' => "o",
        'û' | 'ú' => "u",
        'ÿ' => "y",
        'À' | 'Â' | 'Á' | 'Ã' => "A",
        'È' | 'Ê' | 'Ë' => "E",
        'Î' | 'Ï' | 'Í' | 'Ì' => "I",
        'Ô' | 'Ó' | 'Ò' | 'Õ' => "O",
        'Ù' | 'Û' | 'Ú' => "U",
        'Ÿ' => "Y",
        'œ' => "oe",
        'Œ' => "OE",
        '’' | '‘' | '‛' | '´' | '`' | 'ʼ' | '′' => "'",
        '«' | '»' | '“' | '”' | '„' | '″' => "\"",
        '…' => "...",
        '–' | '—' | '‑' | '−' => "-",
        '\u{00A0}' | '\u{202F}' | '\u{2009}' | '\u{2007}' | '\u{2002}' | '\u{2003}' | '\t' => " ",
        '°' => "o",
        '×' => "x",
        '÷' => "/",
        '•' | '·' => "-",
        _ => return None,
    })
}

/// Transliterates a text into GSM-7. Characters with no sensible GSM-7 form
/// (emoji, other scripts) are dropped: an SMS that silently switched to UCS-2
/// would cost up to three times more.
pub fn translitterer(texte: &str) -> String {
    let mut s = String::with_capacity(texte.len());
    for c in texte.chars() {
        if est_basique(c) || est_extension(c) {
            s.push(c);
        } else if let Some(r) = remplacement(c) {
            s.push_str(r);
        } else if c.is_whitespace() {
            s.push(' ');
        }
        // Other characters have no GSM-7 form and are left out.
    }
    s
}

/// The characters of a text that [`translitterer`] would drop because they
/// have no GSM-7 form (checked by the tests of every text we send).
pub fn caracteres_perdus(texte: &str) -> Vec<char> {
    texte
        .chars()
        .filter(|c| {
            !(est_basique(*c)
                || est_extension(*c)
                || remplacement(*c).is_some()
                || c.is_whitespace())
        })
        .collect()
}

/// How a message is encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Encodage {
    /// 7-bit default alphabet: 160 septets, or 153 per part.
    #[serde(rename = "GSM-7")]
    Gsm7,
    /// UTF-16: 70 units, or 67 per part.
    #[serde(rename = "UCS-2")]
    Ucs2,
}

/// The encoding and number of segments of a message.
pub fn segments(texte: &str) -> (Encodage, usize) {
    if texte.is_empty() {
        return (Encodage::Gsm7, 1);
    }
    if est_gsm7(texte) {
        let total: usize = texte
            .chars()
            .map(|c| if est_extension(c) { 2 } else { 1 })
            .sum();
        if total <= 160 {
            return (Encodage::Gsm7, 1);
        }
        // Parts of 153 septets; an escape pair is never split across two parts.
        let mut parts = 1;
        let mut courant = 0;
        for c in texte.chars() {
            let n = if est_extension(c) { 2 } else { 1 };
            if courant + n > 153 {
                parts += 1;
                courant = 0;
            }
            courant += n;
        }
        (Encodage::Gsm7, parts)
    } else {
        let unites: usize = texte.chars().map(|c| c.len_utf16()).sum();
        if unites <= 70 {
            return (Encodage::Ucs2, 1);
        }
        let mut parts = 1;
        let mut courant = 0;
        for c in texte.chars() {
            let n = c.len_utf16();
            if courant + n > 67 {
                parts += 1;
                courant = 0;
            }
            courant += n;
        }
        (Encodage::Ucs2, parts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn research_vectors() {
        assert_eq!(
            segments("Bonjour ! Avez-vous des enfants à charge ? Répondez OUI ou NON."),
            (Encodage::Gsm7, 1)
        );
        assert_eq!(segments("Quel âge avez-vous ?").0, Encodage::Ucs2);
        assert_eq!(
            segments("Montant estimé : 250 € par mois.").0,
            Encodage::Gsm7
        );
        assert_eq!(segments(&"a".repeat(160)), (Encodage::Gsm7, 1));
        assert_eq!(segments(&"a".repeat(161)), (Encodage::Gsm7, 2));
        assert_eq!(segments(&"€".repeat(80)), (Encodage::Gsm7, 1));
        assert_eq!(segments(&"€".repeat(81)), (Encodage::Gsm7, 2));
        assert_eq!(segments(&"ê".repeat(70)), (Encodage::Ucs2, 1));
        assert_eq!(segments(&"ê".repeat(71)), (Encodage::Ucs2, 2));
        assert_eq!(segments(&"ê".repeat(134)), (Encodage::Ucs2, 2));
        assert_eq!(segments(&"ê".repeat(135)), (Encodage::Ucs2, 3));
    }

    #[test]
    fn french_text_becomes_gsm7_keeping_the_accents_gsm7_has() {
        assert_eq!(
            translitterer(
                "Reçu\u{00A0}! Votre sœur, « l’aînée », âgée… — Être à l’hôtel, déjà où ? 10\u{202F}€"
            ),
            "Recu ! Votre soeur, \" l'ainée \", agée... - Etre à l'hotel, déjà où ? 10 €"
        );
        assert_eq!(translitterer("Élodie Ça"), "Élodie Ça");
        assert_eq!(translitterer("n° 3 😀"), "no 3 ");
    }

    proptest! {
        #[test]
        fn transliteration_always_gives_gsm7(s in "\\PC{0,200}") {
            let t = translitterer(&s);
            prop_assert!(est_gsm7(&t), "{:?}", t);
            prop_assert_eq!(segments(&t).0, Encodage::Gsm7);
        }

        #[test]
        fn gsm7_text_is_left_unchanged(s in "[a-zA-Z0-9 éèàùÉÇ€.,;:!?'()-]{0,200}") {
            prop_assert_eq!(translitterer(&s), s);
        }

        #[test]
        fn segments_grow_with_length(n in 0usize..2000) {
            let (_, a) = segments(&"a".repeat(n));
            let (_, b) = segments(&"a".repeat(n + 1));
            prop_assert!(b >= a);
            prop_assert!(a == 1 || a == n.div_ceil(153));
        }
    }
}

//! Phone numbers: normalised to E.164 before they are hashed, masked when
//! they must appear in a log.
//!
//! French providers send numbers in every shape (`0612345678`,
//! `33612345678`, `+33 6 12 34 56 78`, `0033612345678`); the same person
//! must get the same key whatever the shape.

/// The E.164 form of a phone number (`+33612345678`), or `None` when the
/// text is not a plausible number. French national numbers (10 digits
/// starting with 0) get +33; `00` becomes `+`; `+33 (0)6…` drops the `(0)`.
pub fn normaliser(texte: &str) -> Option<String> {
    let t = texte.trim().replace("(0)", "");
    let mut chiffres = String::new();
    let mut plus = false;
    for (i, c) in t.chars().enumerate() {
        match c {
            '0'..='9' => chiffres.push(c),
            '+' if i == 0 => plus = true,
            ' ' | '.' | '-' | '(' | ')' | '\u{a0}' => {}
            _ => return None,
        }
    }
    let international = if plus {
        chiffres
    } else if let Some(reste) = chiffres.strip_prefix("00") {
        reste.to_string()
    } else if chiffres.len() == 10 && chiffres.starts_with('0') {
        format!("33{}", &chiffres[1..])
    } else {
        // Providers often send the international form without '+'.
        chiffres
    };
    let international = match international.strip_prefix("330") {
        Some(reste) if reste.len() == 9 => format!("33{reste}"),
        _ => international,
    };
    if !(8..=15).contains(&international.len()) || international.starts_with('0') {
        return None;
    }
    Some(format!("+{international}"))
}

/// A number as it may appear in logs: country code and the last two digits
/// only (`+33 6 •• •• •• 78`).
pub fn masquer(e164: &str) -> String {
    let chiffres: Vec<char> = e164.chars().filter(|c| c.is_ascii_digit()).collect();
    if let Some(reste) = e164.strip_prefix("+33") {
        if reste.len() == 9 {
            let r: Vec<char> = reste.chars().collect();
            return format!("+33 {} •• •• •• {}{}", r[0], r[7], r[8]);
        }
    }
    let n = chiffres.len();
    if n < 4 {
        return "••".into();
    }
    format!("+{}•••{}{}", chiffres[0], chiffres[n - 2], chiffres[n - 1])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formes_francaises() {
        for t in [
            "0612345678",
            "06 12 34 56 78",
            "+33612345678",
            "0033612345678",
            "33612345678",
            "+33 (0)6 12 34 56 78",
            "06.12.34.56.78",
        ] {
            assert_eq!(normaliser(t).as_deref(), Some("+33612345678"), "{t}");
        }
    }

    #[test]
    fn refus() {
        for t in [
            "",
            "abc",
            "12",
            "+33 6 12 34 56 78 99 99 99 99",
            "06123456xx",
        ] {
            assert_eq!(normaliser(t), None, "{t}");
        }
    }

    #[test]
    fn masque() {
        assert_eq!(masquer("+33612345678"), "+33 6 •• •• •• 78");
        assert!(!masquer("+447700900123").contains("7700900"));
    }
}

//! Mtarget's wire format (a French SMS aggregator): inbound SMS as a form
//! (`Msisdn`, `Content`, `Keyword`, `MsgId`), the aggregator's own opt-out
//! signal `Keyword=Stop`, long messages in parts (`msglong.id`,
//! `msglong.msgcount`, `msglong.msgref`) and delivery receipts.
//! Mtarget signs nothing: its webhook URL must be kept secret (a long
//! random path is advised in the README).

pub use super::champ;

pub use super::Partie;

/// An inbound SMS.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entrant {
    /// `MsgId`, when given.
    pub id: Option<String>,
    /// `Msisdn`.
    pub de: String,
    /// `Content`.
    pub texte: String,
    /// `Keyword=Stop`: the aggregator recognised an opt-out.
    pub arret: bool,
    /// Set when this is one part of a long message.
    pub partie: Option<Partie>,
}

/// Reads an inbound SMS; the error names the missing or wrong field.
pub fn lire_entrant(params: &[(String, String)]) -> Result<Entrant, String> {
    let de = champ(params, "Msisdn")
        .filter(|v| !v.is_empty())
        .ok_or("champ « Msisdn » manquant")?
        .to_string();
    let partie = match champ(params, "msglong.id") {
        Some(reference) if !reference.is_empty() => Some(Partie::lire(
            params,
            reference,
            "msglong.msgref",
            "msglong.msgcount",
        )?),
        _ => None,
    };
    Ok(Entrant {
        id: champ(params, "MsgId")
            .filter(|v| !v.is_empty())
            .map(String::from),
        de,
        texte: champ(params, "Content").unwrap_or("").to_string(),
        arret: champ(params, "Keyword").is_some_and(|k| k.eq_ignore_ascii_case("stop")),
        partie,
    })
}

/// A delivery receipt: (ticket, state).
pub fn lire_recu(params: &[(String, String)]) -> Result<(String, &'static str), String> {
    let id = champ(params, "MsgId")
        .filter(|v| !v.is_empty())
        .ok_or("champ « MsgId » manquant")?;
    let statut = match champ(params, "Status").unwrap_or("") {
        "0" | "1" | "2" => "envoye",
        "3" => "livre",
        "4" | "6" => "echec",
        autre => return Err(format!("statut inconnu « {autre} »")),
    };
    Ok((id.to_string(), statut))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn charges_reelles() {
        let e = lire_entrant(&p(&[
            ("Msisdn", "+923161909799"),
            ("Content", "hello world"),
            ("Keyword", "Default"),
            ("MsgId", "foo"),
        ]))
        .unwrap();
        assert_eq!(e.texte, "hello world");
        assert!(!e.arret);
        let e = lire_entrant(&p(&[
            ("Msisdn", "+923161909799"),
            ("Content", "Stop"),
            ("Keyword", "Stop"),
        ]))
        .unwrap();
        assert!(e.arret);
        let e = lire_entrant(&p(&[
            ("Msisdn", "+33612345678"),
            ("Content", "world"),
            ("msglong.id", "longmsg"),
            ("msglong.msgcount", "2"),
            ("msglong.msgref", "2"),
        ]))
        .unwrap();
        assert_eq!(e.partie.unwrap().numero, 2);
        assert!(
            lire_entrant(&p(&[("Content", "x")]))
                .unwrap_err()
                .contains("Msisdn")
        );
    }
}

//! What every SMS provider shares — the GSM-7 alphabet, our French
//! transliteration into it, segment counting (SMS cost money by segment),
//! phone numbers (E.164, masking in logs) — and each provider's wire
//! format: [`twilio`], [`vonage`], [`mtarget`]. The HTTP routes live in
//! [`routes`].

pub mod envoi;
pub mod gsm7;
pub mod mtarget;
pub mod numero;
pub mod routes;
pub mod twilio;
pub mod vonage;

/// The value of a provider's form or query parameter.
pub fn champ<'a>(params: &'a [(String, String)], nom: &str) -> Option<&'a str> {
    params
        .iter()
        .find(|(k, _)| k == nom)
        .map(|(_, v)| v.as_str())
}

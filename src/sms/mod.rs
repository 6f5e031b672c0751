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

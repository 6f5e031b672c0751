//! What every SMS provider shares: the GSM-7 alphabet, our French
//! transliteration into it, segment counting (SMS cost money by segment),
//! and phone numbers (E.164 normalisation, masking in logs).

pub mod gsm7;
pub mod numero;

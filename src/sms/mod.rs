//! What every SMS shares, whichever provider carries it: the GSM-7
//! alphabet, our French transliteration into it and segment counting (SMS
//! cost money by segment) in [`gsm7`]; phone numbers (E.164, masking in
//! logs) in [`numero`]. The providers themselves are channels
//! ([`crate::channels`]).

pub mod gsm7;
pub mod numero;

//! What every SMS provider shares: the GSM-7 alphabet, our French
//! transliteration into it, and segment counting (SMS cost money by segment).

pub mod gsm7;

//! The dialogue engine: questions described as data, understanding of the
//! free-text answers people type on basic phones, keywords that work at any
//! point (stop, aide, retour…), and the state machine that asks one question
//! per message. So far only the answer parser ([`reponse`]) exists; the rest
//! comes in later issues.

pub mod reponse;

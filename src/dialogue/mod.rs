//! The dialogue engine: questions described as data ([`questions`], from
//! `dialogues/`), understanding of the free-text answers people type on
//! basic phones ([`reponse`]), and the state machine that asks one question
//! per message, handles keywords (STOP, AIDE, RETOUR…) and gives the results
//! ([`moteur`], with its parts: the state kept, keywords, fields by path,
//! which question next, reading an answer, read-back, results, follow-ups). Where the person lives is read apart ([`lieu`]): a postal
//! code or a commune name, checked against the communes table. Everything
//! here is pure: channels and the store do the I/O.

mod champs;
mod conversation;
pub mod extraction;
mod lecture;
pub mod lexique;
pub mod lieu;
pub mod moteur;
mod mots_cles;
mod prochaine;
pub mod questions;
mod relecture;
pub mod reponse;
mod resultats;
mod suivi;

pub use moteur::{
    AttenteSuivi, Conversation, Correction, Demarche, Effet, Entrant, EnvoiSuivi, Etape, Invite,
    Moteur, Refus, Reglages, ReponseDonnee, Suivi, Tour,
};

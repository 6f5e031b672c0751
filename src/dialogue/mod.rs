//! The dialogue engine: questions described as data ([`questions`], from
//! `dialogues/`), understanding of the free-text answers people type on
//! basic phones ([`reponse`]), and the state machine that asks one question
//! per message, handles keywords (STOP, AIDE, RETOUR…) and gives the results
//! ([`moteur`]). Where the person lives is read apart ([`lieu`]): a postal
//! code or a commune name, checked against the communes table. Everything
//! here is pure: channels and the store do the I/O.

pub mod extraction;
pub mod lexique;
pub mod lieu;
pub mod moteur;
pub mod questions;
pub mod reponse;

pub use moteur::{
    Conversation, Correction, Effet, Entrant, Etape, Invite, Moteur, Refus, Reglages,
    ReponseDonnee, Tour,
};

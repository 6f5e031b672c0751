//! Channels: thin adapters between a provider's wire format and the
//! [`crate::service`]. Each reads what its provider sends, checks that it
//! really comes from that provider, hands one [`crate::service::Message`]
//! to the service and turns the typed outcome ([`crate::service::Sortie`])
//! back into the provider's format. None of them touches the store: what a
//! step writes, the service writes in one transaction.
//!
//! One file per provider: [`generic`] (our signed JSON webhook),
//! [`twilio`], [`vonage`], [`mtarget`], [`telegram`], and [`terminal`] (the
//! `chat` command). What SMS providers share lives beside them: the inbound
//! pipeline and the routes ([`sms`]), the outbox of API-mode replies
//! ([`sms_outbox`]) and what may leave, where and how fast ([`sms_guard`]).

pub mod generic;
pub mod mtarget;
pub mod sms;
pub mod sms_guard;
pub mod sms_outbox;
pub mod telegram;
pub mod terminal;
pub mod twilio;
pub mod vonage;

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

/// A refusal with its reason, as every route gives it: `{"erreur": "..."}`.
pub(crate) fn erreur(statut: StatusCode, message: impl Into<String>) -> Response {
    (
        statut,
        Json(serde_json::json!({ "erreur": message.into() })),
    )
        .into_response()
}

/// The value of a provider's form or query parameter.
pub fn champ<'a>(params: &'a [(String, String)], nom: &str) -> Option<&'a str> {
    params
        .iter()
        .find(|(k, _)| k == nom)
        .map(|(_, v)| v.as_str())
}

/// One part of a long inbound SMS, as Vonage (`concat-*`) and Mtarget
/// (`msglong.*`) describe it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Partie {
    /// What the parts of one message share.
    pub reference: String,
    /// This part's number, from 1.
    pub numero: u32,
    /// How many parts the message has.
    pub total: u32,
}

impl Partie {
    /// Reads a part from the provider's parameters `numero` and `total`;
    /// the error names them when missing, not numbers, or inconsistent
    /// (at most 20 parts).
    pub fn lire(
        params: &[(String, String)],
        reference: &str,
        numero: &str,
        total: &str,
    ) -> Result<Partie, String> {
        let nombre = |nom: &str| -> Result<u32, String> {
            champ(params, nom)
                .filter(|v| !v.is_empty())
                .ok_or_else(|| format!("champ « {nom} » manquant"))?
                .parse()
                .map_err(|_| format!("champ « {nom} » : nombre attendu"))
        };
        let p = Partie {
            reference: reference.to_string(),
            numero: nombre(numero)?,
            total: nombre(total)?,
        };
        if p.numero == 0 || p.numero > p.total || p.total > 20 {
            return Err(format!("champs {numero} / {total} incohérents"));
        }
        Ok(p)
    }
}

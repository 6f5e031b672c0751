//! The SMS outbox: replies that go out through a provider's send API
//! (Twilio Messages API, Vonage SMS API, Mtarget) rather than in the webhook
//! response.
//!
//! A reply is written to the `sortants` table (and flushed) before the
//! webhook is acknowledged, so a crash never loses it. A worker sends what
//! is due, one entry at a time: it marks the entry `en_cours`, calls the
//! provider with a timeout, then records the provider's id. A 5xx, a 429 or
//! a timeout is retried with exponential backoff (2 s, 4 s … up to 10
//! tries); any other refusal is final. Before every try the worker checks
//! that the person has not said STOP: a stopped number gets nothing, whatever
//! was queued, across restarts. Delivery receipts update the entries.
//!
//! Entries are written in the transaction of the step that gave the
//! replies ([`DepotSms`]), never after it. The phone number is needed to
//! send, so the entry keeps it, and its text, sealed ([`crate::seal`],
//! random nonces) and drops both as soon as the message is sent or
//! abandoned; EFFACER removes the entries of the person.
//!
//! If the service dies during the provider call itself, the entry is still
//! `en_cours` on restart. For Twilio the worker first looks the message up
//! (Messages API, same recipient and text, created since the try began) and
//! sends again only if Twilio does not have it. Known limit: Vonage and
//! Mtarget offer no such lookup, so their entry is sent again with the same
//! reference (`client-ref`, `msgref`) and may arrive twice; the window is
//! one HTTP request.

use crate::service::{Depot, Service, Sortie};
use crate::store::{Cle, Lot, Store, StoreError};
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use std::time::Duration;

const TABLE: &str = "sortants";
/// Tries before a message is abandoned.
pub const ESSAIS_MAX: u32 = 10;

/// Where a queued message stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EtatSortant {
    /// Waiting for its (next) try.
    AEnvoyer,
    /// A try was under way (after a crash: tried again with the same reference).
    EnCours,
    /// Accepted by the provider.
    Envoye,
    /// Delivered, says the receipt.
    Livre,
    /// Refused for good, or too many tries.
    Echec,
    /// Not sent: the person said STOP.
    Bloque,
}

/// A message in the outbox.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sortant {
    /// Order of arrival, also the reference given to the provider.
    pub id: u64,
    /// `twilio`, `vonage` or `mtarget`.
    pub fournisseur: String,
    /// The conversation's key (to check STOP).
    pub cle: Cle,
    /// The phone number, encrypted (hex); empty once no longer needed.
    pub numero: String,
    /// The text, already GSM-7.
    pub texte: String,
    /// Tries so far.
    pub essais: u32,
    /// When the next try is due (seconds since 1970).
    pub prochain: u64,
    /// Where it stands.
    pub etat: EtatSortant,
    /// The provider's id once accepted.
    pub id_fournisseur: Option<String>,
    /// When the last try began (seconds since 1970), to recognise it at the
    /// provider after a crash.
    #[serde(default)]
    pub essai_depuis: u64,
}

/// A provider's send API.
#[derive(Debug, Clone, Default)]
pub struct Fournisseur {
    /// Base URL (the real endpoint by default; tests point elsewhere).
    pub api_url: String,
    /// Twilio account SID / Vonage API key / Mtarget user name.
    pub identifiant: String,
    /// Twilio auth token / Vonage API secret / Mtarget password.
    pub secret: String,
    /// Sender number or name.
    pub expediteur: String,
    /// Where the provider posts delivery receipts (Twilio's StatusCallback).
    pub url_recus: Option<String>,
}

/// What a try gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Issue {
    /// Accepted, with the provider's id.
    Accepte(String),
    /// Try again later (5xx, 429, timeout, network).
    Reessayer(String),
    /// Refused for good.
    Refuse(String),
    /// The provider says the number opted out (Twilio 21610).
    Arrete,
}

/// The derived-key usage of phone numbers in the outbox.
const USAGE_NUMERO: &str = "sortants/numeros";
/// The derived-key usage of texts in the outbox.
const USAGE_TEXTE: &str = "sortants/textes";

/// A reply waiting in the outbox, as kept by the step that gave it.
pub struct DepotSms<'a> {
    /// The outbox.
    pub boite: &'a Boite,
    /// Which provider sends it.
    pub fournisseur: &'a str,
    /// To whom (E.164).
    pub numero: &'a str,
}

impl Depot for DepotSms<'_> {
    fn deposer(
        &self,
        magasin: &dyn Store,
        cle: &Cle,
        sortie: &Sortie,
        _conversation: Option<&crate::dialogue::Conversation>,
        lot: &mut Lot,
    ) -> Result<(), StoreError> {
        if sortie.doublon {
            return Ok(());
        }
        let textes: Vec<String> = sortie
            .messages
            .iter()
            .map(|m| crate::sms::gsm7::translitterer(m))
            .collect();
        self.boite
            .ajouter(magasin, self.fournisseur, self.numero, cle, &textes, lot)
    }

    fn effacer(&self, magasin: &dyn Store, cle: &Cle, lot: &mut Lot) -> Result<(), StoreError> {
        for (k, v) in magasin.entrees(TABLE)? {
            if serde_json::from_slice::<Sortant>(&v).is_ok_and(|s| s.cle == *cle) {
                lot.supprimer(TABLE, &k);
            }
        }
        Ok(())
    }
}

/// The outbox of one service.
pub struct Boite {
    service: Arc<Service>,
    secret: Vec<u8>,
    client: reqwest::Client,
    /// Providers by name.
    pub fournisseurs: Vec<(String, Fournisseur)>,
    reveil: tokio::sync::Notify,
    /// Backoff unit in seconds: the n-th retry waits unit × 2ⁿ (tests use 0).
    pub attente_base: u64,
    /// Where SMS may go and how many a minute ([`super::garde`]).
    pub garde: super::sms_guard::GardeSortie,
    /// How long this worker holds an entry it is sending, in seconds, when
    /// several instances share the outbox (PostgreSQL): a lookup and a send,
    /// each within the provider timeout, and a margin.
    bail: u64,
}

impl Boite {
    /// An outbox over the service's store (provider calls time out after 10 s).
    pub fn nouvelle(
        service: Arc<Service>,
        secret: Vec<u8>,
        fournisseurs: Vec<(String, Fournisseur)>,
    ) -> Boite {
        Boite::avec_delai(service, secret, fournisseurs, Duration::from_secs(10))
    }

    /// An outbox whose provider calls time out after `delai`.
    pub fn avec_delai(
        service: Arc<Service>,
        secret: Vec<u8>,
        fournisseurs: Vec<(String, Fournisseur)>,
        delai: Duration,
    ) -> Boite {
        let client = reqwest::Client::builder()
            .timeout(delai)
            .connect_timeout(Duration::from_secs(5))
            .build()
            .unwrap_or_default();
        Boite {
            service,
            secret,
            client,
            fournisseurs,
            reveil: tokio::sync::Notify::new(),
            attente_base: 1,
            garde: Default::default(),
            bail: 2 * delai.as_secs() + 5,
        }
    }

    fn maintenant() -> u64 {
        crate::clock::maintenant_secondes()
    }

    /// Queues replies to `numero` (E.164) outside a step (an agent's
    /// message); durable when this returns.
    pub fn deposer(
        &self,
        fournisseur: &str,
        numero: &str,
        cle: &Cle,
        messages: &[String],
    ) -> Result<(), StoreError> {
        let magasin = self.service.magasin();
        let mut lot = Lot::new();
        self.ajouter(magasin, fournisseur, numero, cle, messages, &mut lot)?;
        magasin.appliquer(lot)?;
        self.reveiller();
        Ok(())
    }

    /// Wakes the worker: entries were written.
    pub fn reveiller(&self) {
        self.reveil.notify_one();
    }

    /// Adds the entries of replies to `lot`. Ids come from the store and
    /// are never given twice, even after a crash.
    fn ajouter(
        &self,
        magasin: &dyn Store,
        fournisseur: &str,
        numero: &str,
        cle: &Cle,
        messages: &[String],
        lot: &mut Lot,
    ) -> Result<(), StoreError> {
        for texte in messages {
            let s = Sortant {
                id: magasin.nouvel_id()? + 1,
                fournisseur: fournisseur.to_string(),
                cle: cle.clone(),
                numero: numero.to_string(),
                texte: texte.clone(),
                essais: 0,
                prochain: 0,
                etat: EtatSortant::AEnvoyer,
                id_fournisseur: None,
                essai_depuis: 0,
            };
            lot.ecrire(TABLE, &format!("{:020}", s.id), self.encoder(&s)?);
        }
        Ok(())
    }

    /// An entry at rest: the number and the text sealed (random nonces),
    /// both dropped once the entry is in a final state.
    fn encoder(&self, s: &Sortant) -> Result<Vec<u8>, StoreError> {
        let fini = !matches!(s.etat, EtatSortant::AEnvoyer | EtatSortant::EnCours);
        let sceller = |usage: &str, clair: &str| {
            if fini || clair.is_empty() {
                Ok(String::new())
            } else {
                crate::seal::sceller(&self.secret, usage, clair)
                    .ok_or_else(|| StoreError("pas d'aléa pour sceller".into()))
            }
        };
        let au_repos = Sortant {
            numero: sceller(USAGE_NUMERO, &s.numero)?,
            texte: sceller(USAGE_TEXTE, &s.texte)?,
            ..s.clone()
        };
        Ok(serde_json::to_vec(&au_repos)?)
    }

    /// Reads an entry; the text opened, and the number too when the worker
    /// needs it (empty when dropped or sealed under another secret).
    fn decoder(&self, octets: &[u8], numero: bool) -> Option<Sortant> {
        let s: Sortant = serde_json::from_slice(octets).ok()?;
        let ouvrir = |usage: &str, scelle: &str| {
            crate::seal::ouvrir(&self.secret, usage, scelle).unwrap_or_default()
        };
        Some(Sortant {
            numero: if numero {
                ouvrir(USAGE_NUMERO, &s.numero)
            } else {
                s.numero.clone()
            },
            texte: ouvrir(USAGE_TEXTE, &s.texte),
            ..s
        })
    }

    fn ecrire(&self, s: &Sortant) -> Result<(), StoreError> {
        self.service
            .magasin()
            .ecrire_entree(TABLE, &format!("{:020}", s.id), &self.encoder(s)?)
    }

    /// Every entry, in order, the number still sealed.
    pub fn entrees(&self) -> Result<Vec<Sortant>, StoreError> {
        self.lire_tout(false)
    }

    fn lire_tout(&self, numero: bool) -> Result<Vec<Sortant>, StoreError> {
        Ok(self
            .service
            .magasin()
            .entrees(TABLE)?
            .into_iter()
            .filter_map(|(_, v)| self.decoder(&v, numero))
            .collect())
    }

    /// Applies a delivery receipt (`livre`, `envoye`, `echec`) to the entry
    /// the provider knows as `id_fournisseur`.
    pub fn recu(&self, id_fournisseur: &str, etat: &str) -> Result<bool, StoreError> {
        for mut s in self.lire_tout(true)? {
            if s.id_fournisseur.as_deref() == Some(id_fournisseur) {
                s.etat = match etat {
                    "livre" => EtatSortant::Livre,
                    "echec" => EtatSortant::Echec,
                    _ => s.etat,
                };
                self.ecrire(&s)?;
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Sends what is due, in order; returns how many entries were tried.
    pub async fn tour(&self) -> Result<usize, StoreError> {
        let maintenant = Self::maintenant();
        let mut n = 0;
        for mut s in self.lire_tout(true)? {
            let du = |s: &Sortant| {
                matches!(s.etat, EtatSortant::AEnvoyer | EtatSortant::EnCours)
                    && s.prochain <= maintenant
            };
            if !du(&s) {
                continue;
            }
            // Every instance's worker reads the same outbox (PostgreSQL): an
            // entry is sent by the one that takes it, which reads it again
            // once taken (another may have sent it since the list was read).
            let k = format!("{:020}", s.id);
            let magasin = self.service.magasin();
            if !magasin.reserver(TABLE, &k, self.bail)? {
                continue;
            }
            match magasin
                .lire_entree(TABLE, &k)?
                .and_then(|v| self.decoder(&v, true))
            {
                Some(relue) if du(&relue) => s = relue,
                _ => continue,
            }
            n += 1;
            let service = self.service.clone();
            let cle = s.cle.clone();
            let arrete = tokio::task::spawn_blocking(move || service.est_arrete(&cle))
                .await
                .map_err(|e| StoreError(e.to_string()))??;
            if arrete {
                s.etat = EtatSortant::Bloque;
                s.numero.clear();
                self.ecrire(&s)?;
                continue;
            }
            let numero = s.numero.clone();
            if numero.is_empty() {
                // Sealed under another secret, or damaged: cannot be sent.
                s.etat = EtatSortant::Echec;
                self.ecrire(&s)?;
                continue;
            }
            if !self.garde.indicatifs.autorise(&numero) {
                tracing::warn!(
                    sortant = s.id,
                    "envoi refusé : indicatif hors de [sms] allowed_country_codes"
                );
                s.etat = EtatSortant::Echec;
                s.numero.clear();
                self.ecrire(&s)?;
                continue;
            }
            // The global pace: past it, the rest waits for a later round.
            if !self.garde.debit.prendre(Self::maintenant()) {
                break;
            }
            // Still `en_cours` at the start of a round: the service died during
            // that try. Twilio lets us look the message up before sending again.
            let issue = match (s.etat, self.retrouver(&s, &numero).await) {
                (EtatSortant::EnCours, Some(sid)) => Issue::Accepte(sid),
                _ => {
                    s.etat = EtatSortant::EnCours;
                    s.essais += 1;
                    s.essai_depuis = Self::maintenant();
                    self.ecrire(&s)?;
                    self.envoyer(&s, &numero).await
                }
            };
            match issue {
                Issue::Accepte(id) => {
                    s.etat = EtatSortant::Envoye;
                    s.id_fournisseur = Some(id);
                    s.numero.clear();
                }
                Issue::Reessayer(raison) if s.essais < ESSAIS_MAX => {
                    tracing::warn!(
                        sortant = s.id,
                        essai = s.essais,
                        raison,
                        "envoi à réessayer"
                    );
                    s.etat = EtatSortant::AEnvoyer;
                    s.prochain =
                        Self::maintenant() + self.attente_base * (1u64 << s.essais.min(10));
                }
                Issue::Reessayer(raison) | Issue::Refuse(raison) => {
                    tracing::warn!(sortant = s.id, raison, "envoi abandonné");
                    s.etat = EtatSortant::Echec;
                    s.numero.clear();
                }
                Issue::Arrete => {
                    s.etat = EtatSortant::Bloque;
                    s.numero.clear();
                    let service = self.service.clone();
                    let cle = s.cle.clone();
                    tokio::task::spawn_blocking(move || service.arreter_cle(&cle, "sms"))
                        .await
                        .map_err(|e| StoreError(e.to_string()))??;
                }
            }
            self.ecrire(&s)?;
        }
        Ok(n)
    }

    /// Removes entries in a final state whose last try is older than 48 h:
    /// no receipt comes after that, and the outbox must not grow forever.
    pub fn purger(&self) -> Result<usize, StoreError> {
        let limite = Self::maintenant().saturating_sub(crate::store::RECUS_DUREE);
        let mut n = 0;
        for s in self.entrees()? {
            let fini = !matches!(s.etat, EtatSortant::AEnvoyer | EtatSortant::EnCours);
            if fini && s.essai_depuis < limite {
                self.service
                    .magasin()
                    .supprimer_entree(TABLE, &format!("{:020}", s.id))?;
                n += 1;
            }
        }
        Ok(n)
    }

    /// Runs forever: a round when woken by a new message, else every second;
    /// finished entries are purged every hour.
    pub async fn tourner(self: Arc<Self>) {
        let mut derniere_purge = 0;
        loop {
            if let Err(e) = self.tour().await {
                tracing::error!(erreur = %e, "boîte d'envoi");
            }
            let maintenant = Self::maintenant();
            if maintenant >= derniere_purge + 3600 {
                derniere_purge = maintenant;
                if let Err(e) = self.purger() {
                    tracing::error!(erreur = %e, "purge de la boîte d'envoi");
                }
            }
            let _ = tokio::time::timeout(Duration::from_secs(1), self.reveil.notified()).await;
        }
    }

    /// After a crash during a try: the id of the message if Twilio has it
    /// (same recipient and text, created since the try began).
    async fn retrouver(&self, s: &Sortant, numero: &str) -> Option<String> {
        if s.etat != EtatSortant::EnCours || s.fournisseur != "twilio" {
            return None;
        }
        let (_, f) = self.fournisseurs.iter().find(|(n, _)| n == "twilio")?;
        let r = self
            .client
            .get(format!(
                "{}/2010-04-01/Accounts/{}/Messages.json",
                f.api_url.trim_end_matches('/'),
                f.identifiant
            ))
            .basic_auth(&f.identifiant, Some(&f.secret))
            .query(&[("To", numero), ("PageSize", "50")])
            .send()
            .await
            .ok()?;
        let v: serde_json::Value = r.json().await.ok()?;
        v["messages"].as_array()?.iter().find_map(|m| {
            let cree = m["date_created"].as_str().and_then(date_rfc2822)?;
            (m["body"].as_str() == Some(s.texte.as_str())
                && m["to"].as_str() == Some(numero)
                && cree + 5 >= s.essai_depuis)
                .then(|| m["sid"].as_str().map(String::from))
                .flatten()
        })
    }

    async fn envoyer(&self, s: &Sortant, numero: &str) -> Issue {
        let Some((_, f)) = self.fournisseurs.iter().find(|(n, _)| *n == s.fournisseur) else {
            return Issue::Refuse(format!("fournisseur « {} » non configuré", s.fournisseur));
        };
        let requete = match s.fournisseur.as_str() {
            "twilio" => {
                let mut form = vec![
                    ("To", numero.to_string()),
                    ("From", f.expediteur.clone()),
                    ("Body", s.texte.clone()),
                ];
                if let Some(u) = &f.url_recus {
                    form.push(("StatusCallback", u.clone()));
                }
                self.client
                    .post(format!(
                        "{}/2010-04-01/Accounts/{}/Messages.json",
                        f.api_url.trim_end_matches('/'),
                        f.identifiant
                    ))
                    .basic_auth(&f.identifiant, Some(&f.secret))
                    .form(&form)
            }
            "vonage" => {
                let unicode = !crate::sms::gsm7::est_gsm7(&s.texte);
                self.client
                    .post(format!("{}/sms/json", f.api_url.trim_end_matches('/')))
                    .form(&[
                        ("api_key", f.identifiant.clone()),
                        ("api_secret", f.secret.clone()),
                        ("from", f.expediteur.clone()),
                        ("to", numero.trim_start_matches('+').to_string()),
                        ("text", s.texte.clone()),
                        ("type", if unicode { "unicode" } else { "text" }.to_string()),
                        ("client-ref", format!("guichet-{}", s.id)),
                        ("status-report-req", "1".to_string()),
                    ])
            }
            "mtarget" => self
                .client
                .post(format!("{}/api-sms.json", f.api_url.trim_end_matches('/')))
                .form(&[
                    ("username", f.identifiant.clone()),
                    ("password", f.secret.clone()),
                    ("msisdn", numero.to_string()),
                    ("msg", s.texte.clone()),
                    ("sender", f.expediteur.clone()),
                    ("msgref", format!("guichet-{}", s.id)),
                ]),
            autre => return Issue::Refuse(format!("fournisseur inconnu « {autre} »")),
        };
        let reponse = match requete.send().await {
            Ok(r) => r,
            Err(e) => return Issue::Reessayer(format!("réseau : {e}")),
        };
        let statut = reponse.status();
        let corps: serde_json::Value = reponse.json().await.unwrap_or_default();
        if statut.is_server_error() || statut.as_u16() == 429 {
            return Issue::Reessayer(format!("HTTP {statut}"));
        }
        match s.fournisseur.as_str() {
            "twilio" => {
                if corps["code"].as_u64() == Some(21610) {
                    Issue::Arrete
                } else if statut.is_success() {
                    match corps["sid"].as_str() {
                        Some(sid) => Issue::Accepte(sid.to_string()),
                        None => Issue::Reessayer("réponse sans sid".into()),
                    }
                } else {
                    Issue::Refuse(format!("HTTP {statut} {}", corps["message"]))
                }
            }
            "vonage" => {
                let m = &corps["messages"][0];
                match m["status"].as_str() {
                    Some("0") => Issue::Accepte(m["message-id"].as_str().unwrap_or("").to_string()),
                    // 1: throughput exceeded.
                    Some("1") => Issue::Reessayer("débit dépassé".into()),
                    Some(code) => Issue::Refuse(format!("statut {code} {}", m["error-text"])),
                    None => Issue::Reessayer(format!("HTTP {statut}, réponse illisible")),
                }
            }
            _ => {
                let r = &corps["results"][0];
                match r["code"].as_str() {
                    Some("0") => Issue::Accepte(r["ticket"].as_str().unwrap_or("").to_string()),
                    Some(code) => Issue::Refuse(format!("code {code} {}", r["reason"])),
                    None => Issue::Reessayer(format!("HTTP {statut}, réponse illisible")),
                }
            }
        }
    }
}

/// Seconds since 1970 of an RFC 2822 date as Twilio writes them
/// ("Mon, 23 Nov 2026 22:22:09 +0000").
pub fn date_rfc2822(texte: &str) -> Option<u64> {
    let mots: Vec<&str> = texte.split_whitespace().collect();
    let [_, jour, mois, annee, heure, decalage] = mots.as_slice() else {
        return None;
    };
    let mois = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
    .iter()
    .position(|m| m == mois)? as i64
        + 1;
    let (a, j): (i64, i64) = (annee.parse().ok()?, jour.parse().ok()?);
    let h: Vec<i64> = heure
        .split(':')
        .map(|x| x.parse().ok())
        .collect::<Option<_>>()?;
    let [hh, mm, ss] = h.as_slice() else {
        return None;
    };
    // Days from civil (Howard Hinnant).
    let y = if mois <= 2 { a - 1 } else { a };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (mois + 9) % 12;
    let doy = (153 * mp + 2) / 5 + j - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let jours = era * 146_097 + doe - 719_468;
    let signe = if decalage.starts_with('-') { -1 } else { 1 };
    let d: i64 = decalage.trim_start_matches(['+', '-']).parse().ok()?;
    let decalage_s = signe * ((d / 100) * 3600 + (d % 100) * 60);
    u64::try_from(jours * 86_400 + hh * 3600 + mm * 60 + ss - decalage_s).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_de_twilio() {
        assert_eq!(date_rfc2822("Thu, 01 Jan 1970 00:00:00 +0000"), Some(0));
        assert_eq!(
            date_rfc2822("Mon, 23 Nov 2026 12:00:00 +0000"),
            Some(1_795_435_200)
        );
        assert_eq!(
            date_rfc2822("Mon, 23 Nov 2026 13:00:00 +0100"),
            Some(1_795_435_200)
        );
        assert_eq!(date_rfc2822("hier"), None);
    }
}

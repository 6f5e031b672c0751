//! Sending to Telegram: one ordered queue per chat, Telegram's rate limits,
//! retries, and what a refusal means.
//!
//! Each chat has its own queue and worker task, so a chat's replies leave in
//! the order the engine wrote them and one slow chat never holds up another.
//! Telegram allows about one message per second in a chat and thirty per
//! second in all ([`Limites::telegram`]); a 429 answer names how long to
//! wait, after which the same message is sent again (nothing is dropped). A
//! 403 (the person blocked the bot or deleted their account) stops the
//! conversation as if they had sent STOP, silently, and drops what was
//! queued for them. Chat ids appear in logs only as the short form of their
//! keyed hash.
//!
//! Replies to updates are durable: [`DepotTelegram`] adds them to the
//! store's `sortants_telegram` table in the transaction of the step that
//! gave them, before the update is acknowledged, with the chat id and the
//! message sealed ([`crate::seal`]); EFFACER removes them; an entry is
//! removed once sent or given up, and [`Envoyeur::reprendre`] queues again,
//! at start-up, what a previous run left. A crash between sending and
//! removing sends that message twice: at least once, never lost.

use super::format::{Clavier, Sortant};
use crate::dialogue::Conversation;
use crate::service::{Depot, Service, Sortie};
use crate::store::{Cle, Lot, Store, StoreError};
use crate::textes::Langue;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use teloxide::payloads::SendMessageSetters;
use teloxide::prelude::Requester;
use teloxide::types::{
    ButtonRequest, ChatId, InlineKeyboardButton, InlineKeyboardMarkup, KeyboardButton,
    KeyboardMarkup, KeyboardRemove, LinkPreviewOptions, ParseMode, ReplyMarkup,
};
use teloxide::{ApiError, Bot, RequestError};
use tokio::sync::{Notify, mpsc};
use tokio::time::Instant;

/// The store's table of replies not yet sent.
const TABLE: &str = "sortants_telegram";
/// The derived-key usage of chat ids in that table.
const USAGE: &str = "telegram/sortants";

/// The derived-key usage of the messages in that table.
const USAGE_MESSAGE: &str = "telegram/messages";

/// A reply waiting in the store.
#[derive(Serialize, Deserialize)]
struct Entree {
    /// The chat id, sealed.
    chat: String,
    /// The conversation's key, to erase the entry with the conversation.
    cle: Cle,
    /// The message (JSON of [`Sortant`]), sealed.
    message: String,
}

/// The replies of one step, written in the step's transaction
/// ([`Service::traiter_avec`]); once it is on disk, queue
/// [`DepotTelegram::deposes`] with [`Envoyeur::envoyer_deposes`].
pub struct DepotTelegram<'a> {
    /// The sender.
    pub envoyeur: &'a Envoyeur,
    /// The chat.
    pub chat: i64,
    /// The language Telegram knows the person uses (first contact, erasure).
    pub langue: Option<Langue>,
    /// The entries written by the step.
    pub deposes: RefCell<Vec<EnFile>>,
}

impl Depot for DepotTelegram<'_> {
    fn deposer(
        &self,
        magasin: &dyn Store,
        cle: &Cle,
        sortie: &Sortie,
        conversation: Option<&Conversation>,
        lot: &mut Lot,
    ) -> Result<(), StoreError> {
        if sortie.doublon {
            return Ok(());
        }
        let langue = conversation
            .map(|c| c.langue)
            .or(self.langue)
            .unwrap_or_default();
        let suppose = conversation.is_some_and(|c| !c.supposes.is_empty());
        let service = &self.envoyeur.interne.service;
        let sortants = super::format::composer(&service.moteur, sortie, langue, suppose);
        let mut d = self.deposes.borrow_mut();
        d.extend(
            self.envoyeur
                .ajouter(magasin, self.chat, cle, sortants, lot)?,
        );
        Ok(())
    }

    fn effacer(&self, magasin: &dyn Store, cle: &Cle, lot: &mut Lot) -> Result<(), StoreError> {
        for (k, v) in magasin.entrees(TABLE)? {
            if serde_json::from_slice::<Entree>(&v).is_ok_and(|e| e.cle == *cle) {
                lot.supprimer(TABLE, &k);
            }
        }
        Ok(())
    }
}

/// A message in a chat's queue, with its entry in the store (0: not stored).
pub type EnFile = (u64, Sortant);

/// How fast messages may leave.
#[derive(Debug, Clone)]
pub struct Limites {
    /// Least time between two messages to one chat.
    pub par_chat: Duration,
    /// Least time between two messages in all.
    pub global: Duration,
    /// Attempts on network errors before a message is given up.
    pub essais_reseau: u32,
    /// First wait after a network error (doubled at each attempt).
    pub attente_reseau: Duration,
    /// How long an idle chat keeps its worker task.
    pub inactivite: Duration,
}

impl Limites {
    /// Telegram's published limits: 1 message/s per chat, 30/s overall.
    pub fn telegram() -> Limites {
        Limites {
            par_chat: Duration::from_secs(1),
            global: Duration::from_millis(34),
            essais_reseau: 5,
            attente_reseau: Duration::from_secs(1),
            inactivite: Duration::from_secs(60),
        }
    }
}

/// Sends messages to chats, in order per chat, within the limits.
#[derive(Clone)]
pub struct Envoyeur {
    interne: Arc<Interne>,
}

struct Interne {
    bot: Bot,
    service: Arc<Service>,
    limites: Limites,
    files: Mutex<HashMap<i64, mpsc::UnboundedSender<EnFile>>>,
    /// The next instant a message may leave, for the overall limit.
    prochain: tokio::sync::Mutex<Instant>,
    /// Messages queued or being sent.
    en_cours: AtomicUsize,
    vide: Notify,
}

/// How one send ended.
enum Issue {
    Envoye,
    Abandonne,
    Bloque,
}

impl Envoyeur {
    /// A sender through `bot`; `service` is told when a chat blocks the bot.
    pub fn nouveau(bot: Bot, service: Arc<Service>, limites: Limites) -> Envoyeur {
        Envoyeur {
            interne: Arc::new(Interne {
                bot,
                service,
                limites,
                files: Mutex::new(HashMap::new()),
                prochain: tokio::sync::Mutex::new(Instant::now()),
                en_cours: AtomicUsize::new(0),
                vide: Notify::new(),
            }),
        }
    }

    /// Writes replies for a chat to the store outside a step (the thanks
    /// for a shared number), flushed: durable when this returns. Blocking
    /// (call it off the async runtime); then queue them with
    /// [`Envoyeur::envoyer_deposes`].
    pub fn deposer(&self, chat: i64, messages: Vec<Sortant>) -> Result<Vec<EnFile>, StoreError> {
        let service = &self.interne.service;
        let magasin = service.magasin();
        let cle = service.cle(super::CANAL, &chat.to_string());
        let mut lot = Lot::new();
        let deposes = self.ajouter(magasin, chat, &cle, messages, &mut lot)?;
        magasin.appliquer(lot)?;
        Ok(deposes)
    }

    /// Adds entries for replies to `lot`; ids come from the store, never
    /// given twice, increasing.
    fn ajouter(
        &self,
        magasin: &dyn Store,
        chat: i64,
        cle: &Cle,
        messages: Vec<Sortant>,
        lot: &mut Lot,
    ) -> Result<Vec<EnFile>, StoreError> {
        let service = &self.interne.service;
        let mut deposes = Vec::with_capacity(messages.len());
        for sortant in messages {
            let id = magasin.nouvel_id()? + 1;
            let sceller = |usage: &str, clair: &str| {
                service
                    .sceller(usage, clair)
                    .ok_or_else(|| StoreError("pas d'aléa pour sceller".into()))
            };
            let entree = Entree {
                chat: sceller(USAGE, &chat.to_string())?,
                cle: cle.clone(),
                message: sceller(USAGE_MESSAGE, &serde_json::to_string(&sortant)?)?,
            };
            lot.ecrire(TABLE, &format!("{id:020}"), serde_json::to_vec(&entree)?);
            deposes.push((id, sortant));
        }
        Ok(deposes)
    }

    /// Queues replies written by [`Envoyeur::deposer`].
    pub fn envoyer_deposes(&self, chat: i64, messages: Vec<EnFile>) {
        self.mettre_en_file(chat, messages);
    }

    /// Queues again, in order, the replies a previous run stored and did
    /// not send; returns how many. Blocking (reads the store).
    pub fn reprendre(&self) -> Result<usize, StoreError> {
        let i = &self.interne;
        let mut par_chat: Vec<(i64, Vec<EnFile>)> = Vec::new();
        let mut n = 0;
        for (k, v) in i.service.magasin().entrees(TABLE)? {
            let lue = serde_json::from_slice::<Entree>(&v).ok().and_then(|e| {
                let chat = i.service.ouvrir(USAGE, &e.chat)?.parse::<i64>().ok()?;
                let message = i.service.ouvrir(USAGE_MESSAGE, &e.message)?;
                let sortant = serde_json::from_str(&message).ok()?;
                Some((chat, k.parse::<u64>().ok()?, sortant))
            });
            let Some((chat, id, sortant)) = lue else {
                // Unreadable (another secret, a damaged entry): cannot be sent.
                i.service.magasin().supprimer_entree(TABLE, &k)?;
                continue;
            };
            // Another instance on the same database (PostgreSQL) may be
            // sending it right now: only what this one can take is queued.
            if !i.service.magasin().reserver(TABLE, &k, BAIL)? {
                continue;
            }
            n += 1;
            match par_chat.iter_mut().find(|(c, _)| *c == chat) {
                Some((_, v)) => v.push((id, sortant)),
                None => par_chat.push((chat, vec![(id, sortant)])),
            }
        }
        for (chat, messages) in par_chat {
            self.mettre_en_file(chat, messages);
        }
        Ok(n)
    }

    /// Queues messages for a chat without storing them (a flood warning,
    /// which is not worth keeping across a crash).
    pub fn envoyer(&self, chat: i64, messages: Vec<Sortant>) {
        self.mettre_en_file(chat, messages.into_iter().map(|m| (0, m)).collect());
    }

    /// Queues messages for a chat, after those already queued for it.
    fn mettre_en_file(&self, chat: i64, messages: Vec<EnFile>) {
        if messages.is_empty() {
            return;
        }
        let i = &self.interne;
        let mut files = i.files.lock().unwrap_or_else(|p| p.into_inner());
        let file = files.entry(chat).or_insert_with(|| {
            let (tx, rx) = mpsc::unbounded_channel();
            tokio::spawn(travailler(self.interne.clone(), chat, rx));
            tx
        });
        for m in messages {
            i.en_cours.fetch_add(1, Ordering::SeqCst);
            // The worker removes its queue from the map (under this lock)
            // before it stops, so the receiver is alive here.
            if file.send(m).is_err() {
                i.en_cours.fetch_sub(1, Ordering::SeqCst);
            }
        }
    }

    /// Waits until every queued message has been sent or given up (tests,
    /// and shutdown).
    pub async fn attendre(&self) {
        loop {
            let notifie = self.interne.vide.notified();
            if self.interne.en_cours.load(Ordering::SeqCst) == 0 {
                return;
            }
            notifie.await;
        }
    }
}

impl Interne {
    fn fini(&self, n: usize) {
        if n > 0 && self.en_cours.fetch_sub(n, Ordering::SeqCst) == n {
            self.vide.notify_waiters();
        }
    }

    /// Waits for this message's turn under the overall limit.
    async fn creneau(&self) {
        let depart = {
            let mut prochain = self.prochain.lock().await;
            let depart = (*prochain).max(Instant::now());
            *prochain = depart + self.limites.global;
            depart
        };
        tokio::time::sleep_until(depart).await;
    }
}

/// The worker of one chat: sends its queue in order, and stops after a while
/// without messages.
async fn travailler(i: Arc<Interne>, chat: i64, mut rx: mpsc::UnboundedReceiver<EnFile>) {
    let cle = i.service.cle(super::CANAL, &chat.to_string());
    let mut dernier: Option<Instant> = None;
    loop {
        let message = match tokio::time::timeout(i.limites.inactivite, rx.recv()).await {
            Ok(Some(m)) => m,
            _ => {
                let mut files = i.files.lock().unwrap_or_else(|p| p.into_inner());
                match rx.try_recv() {
                    Ok(m) => m,
                    Err(_) => {
                        files.remove(&chat);
                        return;
                    }
                }
            }
        };
        if let Some(d) = dernier {
            tokio::time::sleep_until(d + i.limites.par_chat).await;
        }
        let (id, message) = message;
        if id != 0 && !reserver(&i.service, id).await {
            // Another instance took it (its start-up `reprendre`): it sends it.
            i.fini(1);
            continue;
        }
        let issue = envoyer_un(&i, chat, cle.court(), message).await;
        dernier = Some(Instant::now());
        match issue {
            Issue::Envoye | Issue::Abandonne => {
                oublier(&i.service, vec![id]).await;
                i.fini(1);
            }
            Issue::Bloque => {
                let mut jetes = vec![id];
                while let Ok((id, _)) = rx.try_recv() {
                    jetes.push(id);
                }
                let n = jetes.len();
                oublier(&i.service, jetes).await;
                arreter(&i.service, chat, cle.court()).await;
                i.fini(n);
            }
        }
    }
}

/// How long an instance holds a stored message it is sending, in seconds
/// (several instances on one PostgreSQL database): Telegram's waits
/// between messages and retries included.
const BAIL: u64 = 120;

/// Takes a stored message before sending it, so that no other instance
/// sends it too. A store that cannot answer does not stop the sending: the
/// message was stored by this instance's own step.
async fn reserver(service: &Arc<Service>, id: u64) -> bool {
    let service = service.clone();
    let r = tokio::task::spawn_blocking(move || {
        service
            .magasin()
            .reserver(TABLE, &format!("{id:020}"), BAIL)
    })
    .await;
    !matches!(r, Ok(Ok(false)))
}

/// Removes sent (or given up) messages from the store.
async fn oublier(service: &Arc<Service>, ids: Vec<u64>) {
    let ids: Vec<u64> = ids.into_iter().filter(|id| *id != 0).collect();
    if ids.is_empty() {
        return;
    }
    let service = service.clone();
    let r = tokio::task::spawn_blocking(move || {
        ids.iter().try_for_each(|id| {
            service
                .magasin()
                .supprimer_entree(TABLE, &format!("{id:020}"))
        })
    })
    .await;
    if !matches!(r, Ok(Ok(()))) {
        // Sent again after a restart: at least once rather than lost.
        tracing::error!("Telegram : message envoyé mais pas retiré de la file");
    }
}

/// Sends one message, waiting and retrying as Telegram asks.
async fn envoyer_un(i: &Interne, chat: i64, cle: &str, mut m: Sortant) -> Issue {
    let mut essais_reseau = 0;
    let mut attente = i.limites.attente_reseau;
    let mut brut = false;
    loop {
        i.creneau().await;
        let mut requete = i.bot.send_message(ChatId(chat), m.texte.clone());
        requete = requete.link_preview_options(LinkPreviewOptions {
            is_disabled: true,
            url: None,
            prefer_small_media: false,
            prefer_large_media: false,
            show_above_text: false,
        });
        if m.html {
            requete = requete.parse_mode(ParseMode::Html);
        }
        if let Some(markup) = balisage(&m.clavier) {
            requete = requete.reply_markup(markup);
        }
        match requete.await {
            Ok(_) => return Issue::Envoye,
            Err(RequestError::RetryAfter(s)) => {
                tracing::warn!(
                    chat = cle,
                    attente_s = s.seconds(),
                    "Telegram : trop de messages (429), nouvel essai"
                );
                tokio::time::sleep(s.duration()).await;
            }
            Err(RequestError::Api(e)) if bloque(&e) => {
                tracing::info!(chat = cle, raison = %e, "Telegram : conversation fermée par la personne, arrêt");
                return Issue::Bloque;
            }
            Err(RequestError::Api(e)) if !brut && (m.html || m.clavier != Clavier::Aucun) => {
                // A formatting or a button Telegram refuses must not cost the
                // person the message: send it plain.
                tracing::warn!(chat = cle, erreur = %e, "Telegram refuse le message mis en forme, envoi en texte brut");
                m = m.brut();
                brut = true;
            }
            Err(RequestError::Network(e)) if essais_reseau + 1 < i.limites.essais_reseau => {
                essais_reseau += 1;
                tracing::warn!(chat = cle, erreur = %e, essai = essais_reseau, "Telegram injoignable, nouvel essai");
                tokio::time::sleep(attente).await;
                attente *= 2;
            }
            Err(e) => {
                tracing::error!(chat = cle, erreur = %e, "message Telegram abandonné");
                return Issue::Abandonne;
            }
        }
    }
}

/// Whether an error means the chat will never accept a message again.
fn bloque(e: &ApiError) -> bool {
    match e {
        ApiError::BotBlocked
        | ApiError::UserDeactivated
        | ApiError::CantInitiateConversation
        | ApiError::BotKicked
        | ApiError::BotKickedFromSupergroup
        | ApiError::BotKickedFromChannel => true,
        ApiError::Unknown(t) => t.starts_with("Forbidden"),
        _ => false,
    }
}

/// A blocked bot stops the conversation like a STOP, without a reply: the
/// engine keeps its rule "no message after STOP" and the person resumes
/// with /start, as after a STOP they typed.
async fn arreter(service: &Arc<Service>, chat: i64, cle: &str) {
    let service = service.clone();
    // Marked stopped without a word: the person blocked the bot.
    let resultat =
        tokio::task::spawn_blocking(move || service.arreter(super::CANAL, &chat.to_string())).await;
    match resultat {
        Ok(Ok(())) => {}
        Ok(Err(e)) => tracing::error!(chat = cle, erreur = %e, "arrêt non enregistré"),
        Err(e) => tracing::error!(chat = cle, erreur = %e, "arrêt interrompu"),
    }
}

/// Telegram's form of a keyboard.
fn balisage(c: &Clavier) -> Option<ReplyMarkup> {
    match c {
        Clavier::Aucun => None,
        Clavier::Retirer => Some(ReplyMarkup::KeyboardRemove(KeyboardRemove::new())),
        Clavier::Reponses(rangees) => Some(ReplyMarkup::Keyboard(
            KeyboardMarkup::new(rangees.iter().map(|r| {
                r.iter()
                    .map(|b| KeyboardButton::new(b.clone()))
                    .collect::<Vec<_>>()
            }))
            .resize_keyboard()
            .one_time_keyboard(),
        )),
        Clavier::Numero { rangees, bouton } => {
            let mut lignes: Vec<Vec<KeyboardButton>> = rangees
                .iter()
                .map(|r| r.iter().map(|b| KeyboardButton::new(b.clone())).collect())
                .collect();
            lignes.push(vec![
                KeyboardButton::new(bouton.clone()).request(ButtonRequest::Contact),
            ]);
            Some(ReplyMarkup::Keyboard(
                KeyboardMarkup::new(lignes)
                    .resize_keyboard()
                    .one_time_keyboard(),
            ))
        }
        Clavier::Liens(liens) => {
            let rangees: Vec<Vec<InlineKeyboardButton>> = liens
                .iter()
                .filter_map(|(texte, url)| {
                    url::Url::parse(url)
                        .ok()
                        .map(|u| vec![InlineKeyboardButton::url(texte.clone(), u)])
                })
                .collect();
            if rangees.is_empty() {
                None
            } else {
                Some(ReplyMarkup::InlineKeyboard(InlineKeyboardMarkup::new(
                    rangees,
                )))
            }
        }
    }
}

//! The store on PostgreSQL, for several `guichet serve` processes (on one
//! machine or several, behind a load balancer) sharing one database.
//!
//! It keeps the contract of the embedded store ([`super::Store`]): one
//! transaction per inbound message, nothing acknowledged before it is
//! durable (a PostgreSQL COMMIT is, with the default `synchronous_commit`),
//! records sealed under a key of their own. What changes with several
//! processes:
//!
//! - Messages from one sender are handled one at a time across processes:
//!   [`Store::transaction`] opens the step's transaction and takes a
//!   transaction-scoped advisory lock on the sender's key before the step
//!   reads anything; the lock goes with the COMMIT (or with the connection,
//!   if the process dies).
//! - Outbox workers of every process take an entry before sending it
//!   ([`Store::reserver`]: `FOR UPDATE SKIP LOCKED`, then a lease of a few
//!   seconds written in the row), so each reply is sent by one process.
//! - The conversation keys live in the table `cles_conversations`, deleted
//!   with the conversation; the service secret they are mixed with is never
//!   in the database, so a backup of it opens nothing.
//! - A database down or restarting makes calls fail within [`DELAI`] (the
//!   webhooks answer 503 and providers retry); broken connections are
//!   dropped from the pool, new ones are made on demand.
//!
//! The trait is synchronous (steps run on blocking threads, see
//! `src/service.rs`); the driver is asynchronous. Every call runs on a small
//! runtime of this store's own, and the calling thread waits for its
//! answer, so it works from any thread, inside another runtime or not.
//!
//! The step's transaction is held by the thread that runs the step (a
//! thread-local), so that the service and the channels' outboxes call the
//! store as usual and everything they read or write between
//! [`Store::transaction`]'s start and end goes through that one transaction.
//!
//! The schema is created and upgraded at start-up by the numbered files of
//! `src/store/migrations/`, each applied once, in order, under a lock (two
//! processes starting together do not both apply one).

use super::{
    Cle, Dossier, Lot, Operation, Store, StoreError, nouvelle_cle, ouvrir_dossier, sceller_dossier,
};
use deadpool_postgres::{Manager, ManagerConfig, Object, Pool, RecyclingMethod, Runtime};
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use std::cell::RefCell;
use std::collections::HashMap;
use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};
use tokio_postgres::NoTls;

/// The migrations, in order: (version, SQL). Never edit one that was
/// released: add the next.
const MIGRATIONS: &[(i32, &str)] = &[(1, include_str!("migrations/0001_tables.sql"))];

/// The longest a call waits for the database (a connection from the pool,
/// a lock, a query): past it the step fails, nothing is written, and the
/// webhook answers 503 so that the provider retries.
pub const DELAI: Duration = Duration::from_secs(10);

/// How long [`PgStore::ouvrir`] waits for a database that is not up yet.
const ATTENTE_DEMARRAGE: Duration = Duration::from_secs(30);

/// The advisory lock that serialises migrations (any constant unlikely to
/// be used by another application on the same database).
const VERROU_MIGRATIONS: i64 = 0x6775_6963_6865_7401;

/// Connection settings, from `[store]` in the configuration.
#[derive(Debug, Clone)]
pub struct Reglages {
    /// `postgres://user:password@host:port/database` (libpq's URL form).
    pub url: String,
    /// Connections per process.
    pub connexions: usize,
}

/// A connection taken from the pool. One that failed, or was left inside a
/// transaction, is closed rather than given back (the next user would find
/// it in an unknown state).
struct Connexion {
    objet: Option<Object>,
    /// Fit to go back to the pool.
    saine: AtomicBool,
    /// A statement of the transaction failed: PostgreSQL has aborted it, and
    /// a COMMIT would quietly roll it back.
    echec: AtomicBool,
}

impl Connexion {
    fn client(&self) -> &Object {
        // Only `drop` takes it out.
        self.objet.as_ref().expect("a connection until dropped")
    }

    fn nouvelle(objet: Object) -> Arc<Connexion> {
        Arc::new(Connexion {
            objet: Some(objet),
            saine: AtomicBool::new(false),
            echec: AtomicBool::new(false),
        })
    }
}

impl Drop for Connexion {
    fn drop(&mut self) {
        if !self.saine.load(Ordering::SeqCst) {
            if let Some(o) = self.objet.take() {
                // Detached from the pool; dropping it closes the connection.
                drop(Object::take(o));
            }
        }
    }
}

/// The transaction a thread holds, for one store.
struct EnCours {
    magasin: u64,
    connexion: Arc<Connexion>,
    /// Conversation keys read or written in this transaction (saves a
    /// round trip when the step writes back the record it read).
    cles: HashMap<String, [u8; 32]>,
}

thread_local! {
    static TRANSACTIONS: RefCell<Vec<EnCours>> = const { RefCell::new(Vec::new()) };
}

/// Numbers the stores of a process (tests open two on one database).
static NUMEROS: AtomicU64 = AtomicU64::new(1);

/// The store on PostgreSQL.
pub struct PgStore {
    runtime: Option<tokio::runtime::Runtime>,
    pool: Pool,
    secret: Arc<Vec<u8>>,
    numero: u64,
    /// This process, for outbox leases.
    moi: String,
}

impl Drop for PgStore {
    fn drop(&mut self) {
        // A runtime may not be dropped inside another one (tests drop the
        // store from async code): let its threads end on their own.
        if let Some(r) = self.runtime.take() {
            r.shutdown_background();
        }
    }
}

fn erreur_pg(e: tokio_postgres::Error) -> StoreError {
    match e.as_db_error() {
        Some(d) => StoreError(format!(
            "PostgreSQL : {} ({})",
            d.message(),
            d.code().code()
        )),
        None => StoreError(format!("PostgreSQL : {e}")),
    }
}

fn erreur_pool(e: deadpool_postgres::PoolError) -> StoreError {
    StoreError(format!("PostgreSQL : {e}"))
}

/// The advisory lock of a sender: the first 64 bits of their key (a keyed
/// hash, so evenly spread; two senders sharing one only wait for each other).
fn verrou_de(cle: &Cle) -> i64 {
    let debut = cle.0.get(..16).unwrap_or(&cle.0);
    u64::from_str_radix(debut, 16).unwrap_or(0) as i64
}

/// A value of a column, without panicking on an unexpected type.
fn colonne<'a, T: tokio_postgres::types::FromSql<'a>>(
    ligne: &'a tokio_postgres::Row,
    i: usize,
) -> Result<T, StoreError> {
    ligne.try_get(i).map_err(erreur_pg)
}

impl PgStore {
    /// Connects, applies the migrations not yet applied, and checks that
    /// the database was set up with the same secret (every process must
    /// derive the same keys). Waits up to 30 s for a database that is
    /// starting.
    pub fn ouvrir(reglages: &Reglages, secret: &[u8]) -> Result<PgStore, StoreError> {
        let mut config: tokio_postgres::Config = reglages
            .url
            .parse()
            .map_err(|e| StoreError(format!("[store] url : {e}")))?;
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(Duration::from_secs(5));
        }
        if config.get_application_name().is_none() {
            config.application_name("guichet");
        }
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("guichet-postgres")
            .enable_all()
            .build()
            .map_err(|e| StoreError(format!("PostgreSQL : {e}")))?;
        let manager = Manager::from_config(
            config,
            NoTls,
            ManagerConfig {
                // A closed connection is replaced; a live one is trusted
                // (a failed query discards it, see `Connexion`).
                recycling_method: RecyclingMethod::Fast,
            },
        );
        let pool = Pool::builder(manager)
            .max_size(reglages.connexions.max(1))
            .runtime(Runtime::Tokio1)
            .wait_timeout(Some(DELAI))
            .create_timeout(Some(Duration::from_secs(5)))
            .recycle_timeout(Some(Duration::from_secs(5)))
            .build()
            .map_err(|e| StoreError(format!("PostgreSQL : {e}")))?;
        let mut octets_moi = [0u8; 8];
        getrandom::fill(&mut octets_moi).map_err(|e| StoreError(format!("aléa : {e}")))?;
        let magasin = PgStore {
            runtime: Some(runtime),
            pool,
            secret: Arc::new(secret.to_vec()),
            numero: NUMEROS.fetch_add(1, Ordering::SeqCst),
            moi: format!("{}-{}", std::process::id(), hex::encode(octets_moi)),
        };
        let debut = Instant::now();
        loop {
            match magasin.preparer() {
                Ok(()) => return Ok(magasin),
                Err(e) if e.0.contains("secret") || debut.elapsed() > ATTENTE_DEMARRAGE => {
                    return Err(e);
                }
                Err(e) => {
                    tracing::warn!(erreur = %e, "PostgreSQL pas encore joignable, nouvel essai");
                    std::thread::sleep(Duration::from_secs(1));
                }
            }
        }
    }

    /// Applies the migrations and checks the secret, in one transaction
    /// under the migrations' lock.
    fn preparer(&self) -> Result<(), StoreError> {
        let verification = {
            let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(&self.secret)
                .expect("HMAC accepts keys of any length");
            mac.update(b"guichet/postgres/verification");
            hex::encode(mac.finalize().into_bytes())
        };
        self.sans_transaction(move |c| async move {
            let client = c.client();
            client
                .batch_execute(&format!(
                    "BEGIN; SELECT pg_advisory_xact_lock({VERROU_MIGRATIONS});
                     CREATE TABLE IF NOT EXISTS versions_schema (
                         version integer PRIMARY KEY,
                         appliquee timestamptz NOT NULL DEFAULT now())"
                ))
                .await
                .map_err(erreur_pg)?;
            let faite: i32 = colonne(
                &client
                    .query_one("SELECT coalesce(max(version), 0) FROM versions_schema", &[])
                    .await
                    .map_err(erreur_pg)?,
                0,
            )?;
            for (version, sql) in MIGRATIONS.iter().filter(|(v, _)| *v > faite) {
                client.batch_execute(sql).await.map_err(erreur_pg)?;
                client
                    .execute(
                        "INSERT INTO versions_schema (version) VALUES ($1)",
                        &[version],
                    )
                    .await
                    .map_err(erreur_pg)?;
                tracing::info!(version, "PostgreSQL : migration appliquée");
            }
            client
                .execute(
                    "INSERT INTO reglages (nom, valeur) VALUES ('verification_secret', $1)
                     ON CONFLICT (nom) DO NOTHING",
                    &[&verification],
                )
                .await
                .map_err(erreur_pg)?;
            let connue: String = colonne(
                &client
                    .query_one(
                        "SELECT valeur FROM reglages WHERE nom = 'verification_secret'",
                        &[],
                    )
                    .await
                    .map_err(erreur_pg)?,
                0,
            )?;
            client.batch_execute("COMMIT").await.map_err(erreur_pg)?;
            if connue != verification {
                return Err(StoreError(
                    "PostgreSQL : cette base a été créée avec un autre secret \
                     ([conversation] secret, GUICHET_SECRET ou secret_file) : \
                     toutes les instances doivent avoir le même"
                        .into(),
                ));
            }
            Ok(())
        })
    }

    /// Runs `f` on this store's runtime and waits for it (at most [`DELAI`]).
    fn bloquer<T: Send + 'static>(
        &self,
        f: impl Future<Output = Result<T, StoreError>> + Send + 'static,
    ) -> Result<T, StoreError> {
        let runtime = self
            .runtime
            .as_ref()
            .ok_or_else(|| StoreError("PostgreSQL : magasin fermé".into()))?;
        let (tx, rx) = std::sync::mpsc::sync_channel(1);
        runtime.spawn(async move {
            let r = tokio::time::timeout(DELAI, f).await.unwrap_or_else(|_| {
                Err(StoreError(format!(
                    "PostgreSQL : pas de réponse en {} s",
                    DELAI.as_secs()
                )))
            });
            let _ = tx.send(r);
        });
        rx.recv()
            .unwrap_or_else(|_| Err(StoreError("PostgreSQL : requête interrompue".into())))
    }

    /// The connection of this thread's transaction on this store, if any.
    fn en_cours(&self) -> Option<Arc<Connexion>> {
        TRANSACTIONS.with(|t| {
            t.borrow()
                .iter()
                .find(|e| e.magasin == self.numero)
                .map(|e| e.connexion.clone())
        })
    }

    /// The key of a conversation already read or written in this thread's
    /// transaction.
    fn cle_connue(&self, cle: &Cle) -> Option<[u8; 32]> {
        TRANSACTIONS.with(|t| {
            t.borrow()
                .iter()
                .find(|e| e.magasin == self.numero)
                .and_then(|e| e.cles.get(&cle.0).copied())
        })
    }

    fn retenir_cle(&self, cle: &Cle, octets: Option<[u8; 32]>) {
        TRANSACTIONS.with(|t| {
            if let Some(e) = t.borrow_mut().iter_mut().find(|e| e.magasin == self.numero) {
                match octets {
                    Some(o) => e.cles.insert(cle.0.clone(), o),
                    None => e.cles.remove(&cle.0),
                };
            }
        })
    }

    /// Runs `f` on a connection of the pool, outside any transaction.
    fn sans_transaction<T, F, Fut>(&self, f: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(Arc<Connexion>) -> Fut + Send + 'static,
        Fut: Future<Output = Result<T, StoreError>> + Send + 'static,
    {
        let pool = self.pool.clone();
        self.bloquer(async move {
            let c = Connexion::nouvelle(pool.get().await.map_err(erreur_pool)?);
            let r = f(c.clone()).await;
            if r.is_ok() {
                c.saine.store(true, Ordering::SeqCst);
            }
            r
        })
    }

    /// Runs `f` in this thread's transaction, or alone (autocommit) when
    /// there is none: for one statement, or reads.
    fn executer<T, F, Fut>(&self, f: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(Arc<Connexion>) -> Fut + Send + 'static,
        Fut: Future<Output = Result<T, StoreError>> + Send + 'static,
    {
        match self.en_cours() {
            Some(c) => {
                let garde = c.clone();
                let r = self.bloquer(f(c));
                if r.is_err() {
                    // The transaction is lost: it will be rolled back.
                    garde.echec.store(true, Ordering::SeqCst);
                }
                r
            }
            None => self.sans_transaction(f),
        }
    }

    /// Runs `f` in this thread's transaction, or in one of its own.
    fn ecrire_dans_transaction<T, F, Fut>(&self, f: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(Arc<Connexion>) -> Fut + Send + 'static,
        Fut: Future<Output = Result<T, StoreError>> + Send + 'static,
    {
        if self.en_cours().is_some() {
            return self.executer(f);
        }
        self.sans_transaction(move |c| async move {
            c.client().batch_execute("BEGIN").await.map_err(erreur_pg)?;
            let r = f(c.clone()).await?;
            c.client()
                .batch_execute("COMMIT")
                .await
                .map_err(erreur_pg)?;
            Ok(r)
        })
    }
}

/// Writes one batch on a connection inside a transaction; returns the key
/// of the conversation written, if any.
async fn ecrire(
    c: Arc<Connexion>,
    secret: Arc<Vec<u8>>,
    lot: Lot,
    connue: Option<[u8; 32]>,
) -> Result<Option<(Cle, [u8; 32])>, StoreError> {
    let client = c.client();
    if let Some(cle) = &lot.effacer {
        let st = client
            .prepare_cached("DELETE FROM conversations WHERE cle = $1")
            .await
            .map_err(erreur_pg)?;
        client.execute(&st, &[&cle.0]).await.map_err(erreur_pg)?;
        let st = client
            .prepare_cached("DELETE FROM cles_conversations WHERE cle = $1")
            .await
            .map_err(erreur_pg)?;
        client.execute(&st, &[&cle.0]).await.map_err(erreur_pg)?;
    }
    let mut ecrite = None;
    if let Some((cle, d)) = &lot.dossier {
        let octets = match connue {
            Some(o) => o,
            None => {
                // The key already kept for this conversation, else a new one.
                let nouvelle = nouvelle_cle()?;
                let st = client
                    .prepare_cached(
                        "WITH nouvelle AS (
                             INSERT INTO cles_conversations (cle, octets) VALUES ($1, $2)
                             ON CONFLICT (cle) DO NOTHING RETURNING octets)
                         SELECT octets FROM nouvelle
                         UNION ALL SELECT octets FROM cles_conversations WHERE cle = $1",
                    )
                    .await
                    .map_err(erreur_pg)?;
                let lignes = client
                    .query(&st, &[&cle.0, &nouvelle.as_slice()])
                    .await
                    .map_err(erreur_pg)?;
                let octets: Vec<u8> = match lignes.first() {
                    Some(l) => colonne(l, 0)?,
                    None => return Err(StoreError("PostgreSQL : clé introuvable".into())),
                };
                <[u8; 32]>::try_from(octets.as_slice())
                    .map_err(|_| StoreError("PostgreSQL : clé de conversation abîmée".into()))?
            }
        };
        let scelle = sceller_dossier(&secret, &octets, cle, d)?;
        let st = client
            .prepare_cached(
                "INSERT INTO conversations (cle, maj, valeur) VALUES ($1, $2, $3)
                 ON CONFLICT (cle) DO UPDATE SET maj = EXCLUDED.maj, valeur = EXCLUDED.valeur",
            )
            .await
            .map_err(erreur_pg)?;
        let maj = i64::try_from(d.maj).unwrap_or(i64::MAX);
        client
            .execute(&st, &[&cle.0, &maj, &scelle])
            .await
            .map_err(erreur_pg)?;
        ecrite = Some((cle.clone(), octets));
    }
    for op in &lot.operations {
        match op {
            Operation::Ecrire { table, cle, valeur } => {
                let st = client
                    .prepare_cached(
                        "INSERT INTO entrees (nom, cle, valeur) VALUES ($1, $2, $3)
                         ON CONFLICT (nom, cle) DO UPDATE SET valeur = EXCLUDED.valeur",
                    )
                    .await
                    .map_err(erreur_pg)?;
                client
                    .execute(&st, &[table, cle, valeur])
                    .await
                    .map_err(erreur_pg)?;
            }
            Operation::Supprimer { table, cle } => {
                let st = client
                    .prepare_cached("DELETE FROM entrees WHERE nom = $1 AND cle = $2")
                    .await
                    .map_err(erreur_pg)?;
                client
                    .execute(&st, &[table, cle])
                    .await
                    .map_err(erreur_pg)?;
            }
            Operation::SupprimerPrefixe { table, prefixe } => {
                let st = client
                    .prepare_cached("DELETE FROM entrees WHERE nom = $1 AND starts_with(cle, $2)")
                    .await
                    .map_err(erreur_pg)?;
                client
                    .execute(&st, &[table, prefixe])
                    .await
                    .map_err(erreur_pg)?;
            }
        }
    }
    Ok(ecrite)
}

impl Store for PgStore {
    fn lire(&self, cle: &Cle) -> Result<Option<Dossier>, StoreError> {
        let k = cle.0.clone();
        let ligne = self.executer(move |c| async move {
            let client = c.client();
            let st = client
                .prepare_cached(
                    "SELECT c.valeur, k.octets FROM conversations c
                     JOIN cles_conversations k ON k.cle = c.cle WHERE c.cle = $1",
                )
                .await
                .map_err(erreur_pg)?;
            match client.query_opt(&st, &[&k]).await.map_err(erreur_pg)? {
                Some(l) => Ok(Some((
                    colonne::<Vec<u8>>(&l, 0)?,
                    colonne::<Vec<u8>>(&l, 1)?,
                ))),
                None => Ok(None),
            }
        })?;
        let Some((valeur, octets)) = ligne else {
            return Ok(None);
        };
        let Ok(octets) = <[u8; 32]>::try_from(octets.as_slice()) else {
            return Ok(None);
        };
        self.retenir_cle(cle, Some(octets));
        Ok(ouvrir_dossier(&self.secret, &octets, cle, &valeur))
    }

    fn ecrire_lot(&self, lot: Lot) -> Result<u64, StoreError> {
        if lot.est_vide() {
            return Ok(0);
        }
        let effacee = lot.effacer.clone();
        let connue = match &lot.dossier {
            Some((cle, _)) if lot.effacer.as_ref() != Some(cle) => self.cle_connue(cle),
            _ => None,
        };
        let secret = self.secret.clone();
        let ecrite =
            self.ecrire_dans_transaction(
                move |c| async move { ecrire(c, secret, lot, connue).await },
            )?;
        if let Some(cle) = effacee {
            self.retenir_cle(&cle, None);
        }
        if let Some((cle, octets)) = ecrite {
            self.retenir_cle(&cle, Some(octets));
        }
        // Committed means durable: there is nothing more to wait for.
        Ok(0)
    }

    fn rendre_durable(&self, _ticket: u64) -> Result<(), StoreError> {
        Ok(())
    }

    fn nouvel_id(&self) -> Result<u64, StoreError> {
        self.executer(|c| async move {
            let client = c.client();
            let st = client
                .prepare_cached("SELECT nextval('ids')")
                .await
                .map_err(erreur_pg)?;
            let id: i64 = colonne(&client.query_one(&st, &[]).await.map_err(erreur_pg)?, 0)?;
            Ok(id as u64)
        })
    }

    fn lire_entree(&self, table: &str, cle: &str) -> Result<Option<Vec<u8>>, StoreError> {
        let (t, k) = (table.to_string(), cle.to_string());
        self.executer(move |c| async move {
            let client = c.client();
            let st = client
                .prepare_cached("SELECT valeur FROM entrees WHERE nom = $1 AND cle = $2")
                .await
                .map_err(erreur_pg)?;
            match client.query_opt(&st, &[&t, &k]).await.map_err(erreur_pg)? {
                Some(l) => Ok(Some(colonne(&l, 0)?)),
                None => Ok(None),
            }
        })
    }

    fn entrees(&self, table: &str) -> Result<Vec<(String, Vec<u8>)>, StoreError> {
        let t = table.to_string();
        self.executer(move |c| async move {
            let client = c.client();
            let st = client
                .prepare_cached("SELECT cle, valeur FROM entrees WHERE nom = $1 ORDER BY cle")
                .await
                .map_err(erreur_pg)?;
            client
                .query(&st, &[&t])
                .await
                .map_err(erreur_pg)?
                .iter()
                .map(|l| Ok((colonne(l, 0)?, colonne(l, 1)?)))
                .collect()
        })
    }

    fn mises_a_jour(&self) -> Result<Vec<(Cle, u64)>, StoreError> {
        self.executer(|c| async move {
            let client = c.client();
            client
                .query("SELECT cle, maj FROM conversations", &[])
                .await
                .map_err(erreur_pg)?
                .iter()
                .map(|l| {
                    let maj: i64 = colonne(l, 1)?;
                    Ok((Cle(colonne(l, 0)?), maj.max(0) as u64))
                })
                .collect()
        })
    }

    fn transaction(
        &self,
        cle: &Cle,
        f: &mut dyn FnMut() -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        if self.en_cours().is_some() {
            // Already inside this thread's transaction.
            return f();
        }
        let verrou = verrou_de(cle);
        let pool = self.pool.clone();
        let connexion = self.bloquer(async move {
            // Not fit for the pool until COMMIT or ROLLBACK succeed.
            let c = Connexion::nouvelle(pool.get().await.map_err(erreur_pool)?);
            c.client()
                .batch_execute(&format!("BEGIN; SELECT pg_advisory_xact_lock({verrou})"))
                .await
                .map_err(erreur_pg)?;
            Ok(c)
        })?;
        TRANSACTIONS.with(|t| {
            t.borrow_mut().push(EnCours {
                magasin: self.numero,
                connexion: connexion.clone(),
                cles: HashMap::new(),
            })
        });
        // Taken off the thread even if `f` panics.
        struct Fin(u64);
        impl Drop for Fin {
            fn drop(&mut self) {
                TRANSACTIONS.with(|t| t.borrow_mut().retain(|e| e.magasin != self.0));
            }
        }
        let fin = Fin(self.numero);
        let mut r = f();
        drop(fin);
        if r.is_ok() && connexion.echec.load(Ordering::SeqCst) {
            r = Err(StoreError(
                "PostgreSQL : une requête de l'étape a échoué, rien n'est écrit".into(),
            ));
        }
        let fin_sql = if r.is_ok() { "COMMIT" } else { "ROLLBACK" };
        let c = connexion.clone();
        let fini = self.bloquer(async move {
            c.client().batch_execute(fin_sql).await.map_err(erreur_pg)?;
            c.saine.store(true, Ordering::SeqCst);
            Ok(())
        });
        drop(connexion);
        r.and(fini)
    }

    fn reserver(&self, table: &str, cle: &str, secondes: u64) -> Result<bool, StoreError> {
        let (t, k, moi) = (table.to_string(), cle.to_string(), self.moi.clone());
        let secondes = i64::try_from(secondes).unwrap_or(i64::MAX / 2);
        self.executer(move |c| async move {
            let client = c.client();
            // SKIP LOCKED: an entry another process is taking right now is
            // skipped, not waited for; the lease then keeps it that
            // process's while it sends.
            let st = client
                .prepare_cached(
                    "UPDATE entrees SET bail_par = $3,
                         bail_jusqu_a = extract(epoch FROM now())::bigint + $4
                     WHERE (nom, cle) IN (
                         SELECT nom, cle FROM entrees
                         WHERE nom = $1 AND cle = $2
                           AND (bail_par = $3 OR bail_jusqu_a < extract(epoch FROM now())::bigint)
                         FOR UPDATE SKIP LOCKED)",
                )
                .await
                .map_err(erreur_pg)?;
            let n = client
                .execute(&st, &[&t, &k, &moi, &secondes])
                .await
                .map_err(erreur_pg)?;
            Ok(n == 1)
        })
    }
}

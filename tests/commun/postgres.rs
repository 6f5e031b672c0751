//! A fresh PostgreSQL database for one test, in the cluster named by
//! `GUICHET_TEST_POSTGRES` (`.ci/run` starts a throwaway one). Without it
//! the PostgreSQL tests are skipped with a message, except in CI (`CI`
//! set), where they must run.

use std::sync::atomic::{AtomicU32, Ordering};

/// The variable holding the test cluster's URL.
pub const VARIABLE: &str = "GUICHET_TEST_POSTGRES";

static NUMERO: AtomicU32 = AtomicU32::new(0);

/// The URL of a new, empty database; `None` (test skipped) when no test
/// cluster is configured outside CI.
pub fn base_neuve() -> Option<String> {
    let Some(url) = std::env::var(VARIABLE).ok().filter(|u| !u.is_empty()) else {
        assert!(
            std::env::var_os("CI").is_none(),
            "{VARIABLE} doit être défini en CI (.ci/run démarre PostgreSQL)"
        );
        eprintln!("{VARIABLE} absent : test PostgreSQL sauté");
        return None;
    };
    let nom = format!(
        "guichet_test_{}_{}_{}",
        std::process::id(),
        NUMERO.fetch_add(1, Ordering::SeqCst),
        guichet::clock::maintenant_secondes() % 100_000
    );
    let admin = url.clone();
    let creer = format!("CREATE DATABASE {nom}");
    // Its own runtime on its own thread: the caller may be inside one.
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async {
            let (client, connexion) = tokio_postgres::connect(&admin, tokio_postgres::NoTls)
                .await
                .expect("the test cluster answers");
            tokio::spawn(connexion);
            client.batch_execute(&creer).await.unwrap();
        })
    })
    .join()
    .unwrap();
    let mut u = url::Url::parse(&url).expect("GUICHET_TEST_POSTGRES is a URL");
    u.set_path(&nom);
    Some(u.to_string())
}

/// Runs SQL on a test database (to look at what is stored).
pub fn requete(url: &str, sql: &str) -> Vec<Vec<Option<String>>> {
    let (url, sql) = (url.to_string(), sql.to_string());
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async {
            let (client, connexion) = tokio_postgres::connect(&url, tokio_postgres::NoTls)
                .await
                .unwrap();
            tokio::spawn(connexion);
            client
                .simple_query(&sql)
                .await
                .unwrap()
                .into_iter()
                .filter_map(|m| match m {
                    tokio_postgres::SimpleQueryMessage::Row(r) => {
                        Some((0..r.len()).map(|i| r.get(i).map(String::from)).collect())
                    }
                    _ => None,
                })
                .collect()
        })
    })
    .join()
    .unwrap()
}

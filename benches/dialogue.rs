//! The engine step alone (`Moteur::pas`, no HTTP, no store): the 600
//! OpenFisca households of `tests/oracle/foyers_2026.json`, each texting
//! "Bonjour" then answering every question until the results, as
//! `tests/conversation_foyers.rs` does. Prints microseconds of CPU per turn
//! on one thread; BENCHMARKS.md records it.
//!
//! `cargo bench --bench dialogue` (GUICHET_BENCH_ROUNDS: how many times the
//! 600 conversations run, default 3; `cargo test --all-targets` runs one
//! round of 20 households as a smoke test).

#[path = "../tests/commun/foyers.rs"]
#[allow(dead_code)]
mod foyers;

use std::time::Instant;

// The allocator the `guichet` binary uses (see src/main.rs).
#[global_allocator]
static ALLOCATEUR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mesure = std::env::args().any(|a| a == "--bench");
    let tours_voulus: usize = if mesure {
        std::env::var("GUICHET_BENCH_ROUNDS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(3)
    } else {
        1
    };
    let moteur = foyers::moteur();
    let mut cas = foyers::cas_2026();
    if !mesure {
        cas.truncate(20);
    }
    let debut = Instant::now();
    let mut tours = 0usize;
    for _ in 0..tours_voulus {
        for c in &cas {
            let d = foyers::converser(&moteur, &c["situation"], None);
            // "Bonjour", every answer.
            tours += 1 + d.invites.len();
        }
    }
    let duree = debut.elapsed();
    println!(
        "dialogue : {tours} tours en {:.2} s, {:.0} µs par tour (un fil), {:.0} tours/s",
        duree.as_secs_f64(),
        duree.as_micros() as f64 / tours as f64,
        tours as f64 / duree.as_secs_f64()
    );
}

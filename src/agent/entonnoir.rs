//! The funnel, for supervisors (`role = "superviseur"`): where people give
//! up, how far they get, what they find, how they answer the follow-ups,
//! and how long callback requests wait, over the last 7 and 30 days.
//!
//! Aggregates only: counts, medians and sums, never a key, a channel
//! address, an answer or a date of one conversation, so that no person can
//! be picked out from the page. Figures are computed from the conversations
//! kept (they expire after `[conversation] expiration_jours`, 30 by
//! default), on each request. Charts are SVG drawn on the server, each
//! followed by the same figures as a table, so the page reads without
//! JavaScript and with a screen reader.

use super::*;
use crate::dialogue::{Demarche, Etape};
use crate::rules::Periodicite;
use crate::store::Dossier;
use crate::textes::format_euros;
use maud::Markup;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// The figures of one period.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Periode {
    /// Days covered.
    pub jours: u64,
    /// Conversations begun in the period (at least one question asked).
    pub commencees: usize,
    /// Of those, how many reached the results.
    pub finies: usize,
    /// By channel: (channel, begun, finished).
    pub par_canal: Vec<(String, usize, usize)>,
    /// By language: (code, begun).
    pub par_langue: Vec<(String, usize)>,
    /// Unfinished conversations by the question left waiting, most first.
    pub abandons: Vec<(String, usize)>,
    /// Median number of answers before the results.
    pub mediane_questions: Option<u32>,
    /// Median minutes from the first message to the last, for finished ones.
    pub mediane_minutes: Option<u64>,
    /// Aids found eligible, over the finished conversations.
    pub aides_trouvees: usize,
    /// Their total monthly amount (aids paid monthly).
    pub montant_mensuel: Decimal,
    /// Consents to follow-ups given.
    pub consentements: usize,
    /// Answers to "Avez-vous fait la demande ?": applied, not yet, help.
    pub demarches: [usize; 3],
}

/// The whole page: two periods and the callback queue as it is now.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Entonnoir {
    /// Last 7 days, then last 30 days.
    pub periodes: Vec<Periode>,
    /// Callback requests waiting.
    pub rappels_en_attente: usize,
    /// Their median age, in hours.
    pub rappels_age_median_heures: Option<u64>,
    /// The oldest one's age, in hours.
    pub rappels_age_max_heures: Option<u64>,
}

fn mediane<T: Copy + Ord>(mut v: Vec<T>) -> Option<T> {
    v.sort_unstable();
    v.get(v.len().checked_sub(1)? / 2).copied()
}

/// The figures of the conversations begun since `maintenant - jours`.
pub fn periode(
    moteur: &crate::dialogue::Moteur,
    dossiers: &[Dossier],
    maintenant: u64,
    jours: u64,
) -> Periode {
    let depuis = maintenant.saturating_sub(jours * 86_400);
    let (_, mois) = crate::service::date_et_mois(maintenant);
    let mut p = Periode {
        jours,
        ..Periode::default()
    };
    let mut canaux: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut langues: BTreeMap<String, usize> = BTreeMap::new();
    let mut abandons: BTreeMap<String, usize> = BTreeMap::new();
    let (mut questions, mut minutes) = (Vec::new(), Vec::new());
    for d in dossiers {
        // Records kept before `debut` existed count from their last update.
        let debut = if d.debut == 0 { d.maj } else { d.debut };
        let c = &d.conversation;
        if debut < depuis || c.etape == Etape::Nouvelle {
            continue;
        }
        p.commencees += 1;
        let canal = canaux.entry(d.canal.clone()).or_default();
        canal.0 += 1;
        *langues.entry(c.langue.code().to_string()).or_default() += 1;
        p.consentements += usize::from(c.suivi.consentement);
        match c.suivi.demarche {
            Some(Demarche::Faite) => p.demarches[0] += 1,
            Some(Demarche::PasEncore) => p.demarches[1] += 1,
            Some(Demarche::Aide) => p.demarches[2] += 1,
            None => {}
        }
        match &c.etape {
            Etape::Question { id } => *abandons.entry(id.clone()).or_default() += 1,
            Etape::Resultats { .. } => {
                p.finies += 1;
                canal.1 += 1;
                questions.push(c.posees);
                if d.debut > 0 {
                    minutes.push(d.maj.saturating_sub(d.debut) / 60);
                }
                for a in moteur.evaluer(c, mois).aides.iter() {
                    if a.statut == crate::rules::Statut::Eligible {
                        p.aides_trouvees += 1;
                        if matches!(a.periodicite, Some(Periodicite::Mensuelle) | None) {
                            p.montant_mensuel += a.montant.unwrap_or_default();
                        }
                    }
                }
            }
            Etape::Nouvelle => {}
        }
    }
    p.par_canal = canaux.into_iter().map(|(k, (a, b))| (k, a, b)).collect();
    p.par_langue = langues.into_iter().collect();
    p.abandons = abandons.into_iter().collect();
    p.abandons.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    p.mediane_questions = mediane(questions);
    p.mediane_minutes = mediane(minutes);
    p
}

/// The figures of the page.
pub fn calculer(service: &Service, maintenant: u64) -> Result<Entonnoir, String> {
    let dossiers = service
        .dossiers_depuis(maintenant.saturating_sub(30 * 86_400))
        .map_err(|e| e.to_string())?;
    let ages: Vec<u64> = service
        .rappels()
        .map_err(|e| e.to_string())?
        .into_iter()
        .filter(|(_, d)| !d.traitee)
        .map(|(_, d)| maintenant.saturating_sub(d.depuis) / 3600)
        .collect();
    Ok(Entonnoir {
        periodes: [7, 30]
            .into_iter()
            .map(|j| periode(&service.moteur, &dossiers, maintenant, j))
            .collect(),
        rappels_en_attente: ages.len(),
        rappels_age_max_heures: ages.iter().max().copied(),
        rappels_age_median_heures: mediane(ages),
    })
}

/// `GET /agent/entonnoir`: supervisors only (403 for other agents).
pub(super) async fn entonnoir(
    State(console): State<Arc<Console>>,
    Extension(s): Extension<Session>,
) -> Response {
    if !s.superviseur {
        return html(
            StatusCode::FORBIDDEN,
            pages::gabarit(
                console.mots(),
                &console.mots().t("entonnoir-interdit"),
                Some(&s),
                maud::html! {
                    h1 { (console.mots().t("entonnoir-interdit")) }
                    p { a href="/agent" { (console.mots().t("retour-accueil")) } }
                },
            ),
        );
    }
    let c = console.clone();
    let maintenant = console.gardien.maintenant();
    match bloquant(&console, move || calculer(&c.service, maintenant)).await {
        Ok(e) => html(StatusCode::OK, page(console.mots(), &s, &e)),
        Err(r) => r,
    }
}

/// A horizontal bar chart: one bar per (label, value), drawn in SVG with
/// its title as accessible name; the same figures follow as a table.
fn barres(titre: &str, lignes: &[(String, usize)]) -> Markup {
    const LIGNE: usize = 28;
    const ETIQUETTE: usize = 260;
    const LARGEUR: usize = 640;
    let max = lignes.iter().map(|l| l.1).max().unwrap_or(0).max(1);
    let hauteur = (lignes.len() * LIGNE).max(LIGNE);
    maud::html! {
        svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label=(titre)
            viewBox=(format!("0 0 {LARGEUR} {hauteur}")) width="100%" {
            @for (i, (nom, n)) in lignes.iter().enumerate() {
                @let y = i * LIGNE;
                @let l = (LARGEUR - ETIQUETTE - 60) * n / max;
                text x="0" y=(y + 19) font-size="14" fill="#161616" { (nom) }
                rect x=(ETIQUETTE) y=(y + 5) width=(l.max(1)) height="18" fill="#000091" {}
                text x=(ETIQUETTE + l + 6) y=(y + 19) font-size="14" fill="#161616" { (n) }
            }
        }
    }
}

fn ou_tiret(v: Option<impl std::fmt::Display>) -> String {
    v.map(|x| x.to_string()).unwrap_or_else(|| "—".into())
}

fn page(m: pages::Mots, s: &Session, e: &Entonnoir) -> Markup {
    let titre = m.t("entonnoir");
    pages::gabarit(
        m,
        &titre,
        Some(s),
        maud::html! {
            h1 { (titre) }
            p { (m.t("entonnoir-intro")) }
            @for p in &e.periodes {
                @let n = |id: &str| m.a(id, &[("jours", Arg::Nombre(p.jours as i64))]);
                section aria-labelledby=(format!("periode-{}", p.jours)) {
                    h2 id=(format!("periode-{}", p.jours)) { (n("entonnoir-periode")) }
                    table {
                        caption { (n("entonnoir-chiffres")) }
                        tbody {
                            tr { th scope="row" { (m.t("entonnoir-commencees")) } td { (p.commencees) } }
                            tr { th scope="row" { (m.t("entonnoir-finies")) } td { (p.finies) } }
                            tr { th scope="row" { (m.t("entonnoir-mediane-questions")) } td { (ou_tiret(p.mediane_questions)) } }
                            tr { th scope="row" { (m.t("entonnoir-mediane-minutes")) } td { (ou_tiret(p.mediane_minutes)) } }
                            tr { th scope="row" { (m.t("entonnoir-aides")) } td { (p.aides_trouvees) } }
                            tr { th scope="row" { (m.t("entonnoir-montant")) } td { (format_euros(p.montant_mensuel, m.langue)) " €" } }
                            tr { th scope="row" { (m.t("entonnoir-consentements")) } td { (p.consentements) } }
                            tr { th scope="row" { (m.t("entonnoir-demarche-faite")) } td { (p.demarches[0]) } }
                            tr { th scope="row" { (m.t("entonnoir-demarche-pas-encore")) } td { (p.demarches[1]) } }
                            tr { th scope="row" { (m.t("entonnoir-demarche-aide")) } td { (p.demarches[2]) } }
                        }
                    }
                    h3 { (m.t("entonnoir-par-canal")) }
                    (barres(&n("entonnoir-par-canal-graphique"), &p.par_canal.iter().map(|(c, a, _)| (pages::canal_lisible(m, c), *a)).collect::<Vec<_>>()))
                    table {
                        caption { (m.t("entonnoir-par-canal")) }
                        thead { tr { th scope="col" { (m.t("entonnoir-canal")) } th scope="col" { (m.t("entonnoir-commencees")) } th scope="col" { (m.t("entonnoir-finies")) } } }
                        tbody {
                            @for (c, a, f) in &p.par_canal {
                                tr { th scope="row" { (pages::canal_lisible(m, c)) } td { (a) } td { (f) } }
                            }
                        }
                    }
                    h3 { (m.t("entonnoir-par-langue")) }
                    table {
                        caption { (m.t("entonnoir-par-langue")) }
                        thead { tr { th scope="col" { (m.t("entonnoir-langue")) } th scope="col" { (m.t("entonnoir-commencees")) } } }
                        tbody {
                            @for (l, a) in &p.par_langue {
                                tr { th scope="row" { (l) } td { (a) } }
                            }
                        }
                    }
                    h3 { (m.t("entonnoir-abandons")) }
                    @if p.abandons.is_empty() {
                        p { (m.t("entonnoir-aucun-abandon")) }
                    } @else {
                        (barres(&n("entonnoir-abandons-graphique"), &p.abandons))
                        table {
                            caption { (m.t("entonnoir-abandons")) }
                            thead { tr { th scope="col" { (m.t("entonnoir-question")) } th scope="col" { (m.t("entonnoir-conversations")) } } }
                            tbody {
                                @for (q, a) in &p.abandons {
                                    tr { th scope="row" { code { (q) } } td { (a) } }
                                }
                            }
                        }
                    }
                }
            }
            section aria-labelledby="rappels" {
                h2 id="rappels" { (m.t("entonnoir-rappels")) }
                table {
                    caption { (m.t("entonnoir-rappels")) }
                    tbody {
                        tr { th scope="row" { (m.t("entonnoir-rappels-attente")) } td { (e.rappels_en_attente) } }
                        tr { th scope="row" { (m.t("entonnoir-rappels-age-median")) } td { (ou_tiret(e.rappels_age_median_heures)) } }
                        tr { th scope="row" { (m.t("entonnoir-rappels-age-max")) } td { (ou_tiret(e.rappels_age_max_heures)) } }
                    }
                }
            }
        },
    )
}

//! The console's HTML, rendered on the server with maud: login, home, the
//! call screen (question to read aloud, answer buttons, free text, back,
//! results), the print view and the callback queue.
//!
//! Accessibility (RGAA / WCAG 2.1 AA) is built in rather than added later:
//! a skip link, `header`/`nav`/`main` landmarks, a label on every field,
//! focus placed on the answer, visible focus rings, and colours taken from
//! the DSFR palette (blue France #000091 on white: contrast above 7:1).
//! Keyboard shortcuts (1–9, O, N) come from a small inline script; every
//! action stays reachable without it.
//!
//! The French wording of the console is still in this file; it belongs in
//! `locales/fr/agent.ftl` (see `AGENT_CONSOLE_STATUS.md`).

use super::session::Session;
use super::{Appel, LigneRappel};
use crate::rules::{Periodicite, ResultatAide, Statut};
use maud::{DOCTYPE, Markup, PreEscaped, html};

use serde_json::Value;

/// Plain CSS in the look of French public services (DSFR colours and spacing).
const CSS: &str = r#"
*{box-sizing:border-box}
body{margin:0;font-family:Marianne,Arial,sans-serif;color:#161616;background:#fff;line-height:1.5;font-size:1.05rem}
a{color:#000091}
.evitement{position:absolute;left:-999px}.evitement:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:9}
header{border-bottom:1px solid #ddd;padding:.75rem 1.5rem;display:flex;gap:1.5rem;align-items:center;flex-wrap:wrap}
header .marque{font-weight:700;font-size:1.25rem;color:#000091;text-decoration:none}
nav ul{display:flex;gap:1rem;list-style:none;margin:0;padding:0}
main{max-width:60rem;margin:0 auto;padding:1.5rem;overflow-wrap:anywhere}
h1{font-size:1.75rem;margin-top:0}
:focus-visible{outline:3px solid #0a76f6;outline-offset:2px}
button,.bouton{font:inherit;cursor:pointer;border:1px solid #000091;background:#000091;color:#fff;padding:.5rem 1rem;border-radius:0;text-decoration:none;display:inline-block}
button.secondaire{background:#fff;color:#000091}
button:hover,.bouton:hover{background:#1212ff;color:#fff}
label{display:block;font-weight:700;margin:.75rem 0 .25rem}
input[type=text],input[type=password]{font:inherit;width:100%;max-width:30rem;padding:.5rem;border:0;border-bottom:2px solid #3a3a3a;background:#eee}
.lire{font-size:1.4rem;border-left:4px solid #000091;padding:.5rem 1rem;background:#f5f5fe}
.choix{display:flex;flex-wrap:wrap;gap:.5rem;margin:.5rem 0}
button kbd{display:inline-block;min-width:1.5em;text-align:center;border:1px solid currentColor;padding:0 .25rem;margin-right:.5rem;font-weight:700;font-family:inherit}
.alerte{border-left:4px solid #ce0500;background:#ffe9e9;padding:.75rem 1rem}
.info{border-left:4px solid #0063cb;background:#e8edff;padding:.75rem 1rem}
.aide{border:1px solid #ddd;padding:1rem;margin:1rem 0}
.aide h3{margin-top:0}
.montant{font-size:1.3rem;font-weight:700;color:#18753c}
table{border-collapse:collapse;width:100%}th,td{text-align:left;border-bottom:1px solid #ddd;padding:.4rem}
.discret{color:#3a3a3a;font-size:.9rem}
@media print{header,nav,form,.evitement,.pas-imprimer{display:none}main{max-width:none;padding:0}}
"#;

/// Keyboard shortcuts: 1–9 press the answer button of that key, O and N the
/// yes/no buttons, R the back button. Ignored while typing in a field, so
/// that "1200" can be typed as an amount.
const SCRIPT: &str = r#"
document.addEventListener('keydown',function(e){
if(e.ctrlKey||e.altKey||e.metaKey)return;
var t=e.target;if(t&&(t.tagName==='INPUT'||t.tagName==='TEXTAREA'||t.tagName==='SELECT'))return;
var k=e.key.toUpperCase();
var b=document.querySelector('button[data-touche="'+k+'"]');
if(b){e.preventDefault();b.click();}
});
var p=document.getElementById('imprimer');if(p)p.addEventListener('click',function(){window.print();});
"#;

/// The `Content-Security-Policy` of every console page: nothing but the
/// page's own inline style and script (allowed by their SHA-256, so an
/// injected script would not run), forms posting to the console only, no
/// framing.
pub fn politique_securite() -> &'static str {
    static POLITIQUE: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
        use base64::Engine;
        use sha2::{Digest, Sha256};
        let h = |t: &str| {
            base64::engine::general_purpose::STANDARD.encode(Sha256::digest(t.as_bytes()))
        };
        format!(
            "default-src 'none'; style-src 'sha256-{}'; script-src 'sha256-{}'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
            h(CSS),
            h(SCRIPT)
        )
    });
    &POLITIQUE
}

fn gabarit(titre: &str, session: Option<&Session>, corps: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="fr" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (titre) " — guichet, console agent" }
                style { (PreEscaped(CSS)) }
            }
            body {
                a.evitement href="#contenu" { "Aller au contenu" }
                header role="banner" {
                    a.marque href="/agent" { "guichet · console agent" }
                    @if let Some(s) = session {
                        nav aria-label="Menu principal" {
                            ul {
                                li { a href="/agent" { "Accueil" } }
                                li { a href="/agent/rappels" { "Demandes de rappel" } }
                            }
                        }
                        form method="post" action="/agent/logout" {
                            input type="hidden" name="csrf" value=(s.csrf);
                            span.discret { (s.login) " " }
                            button.secondaire type="submit" { "Se déconnecter" }
                        }
                    }
                }
                main id="contenu" tabindex="-1" { (corps) }
                script { (PreEscaped(SCRIPT)) }
            }
        }
    }
}

/// The login page.
pub fn connexion(csrf: &str, message: Option<&str>) -> Markup {
    gabarit(
        "Connexion",
        None,
        html! {
            h1 { "Connexion" }
            @if let Some(m) = message {
                p.alerte role="alert" { (m) }
            }
            form method="post" action="/agent/login" {
                input type="hidden" name="csrf" value=(csrf);
                label for="login" { "Identifiant" }
                input type="text" id="login" name="login" autocomplete="username" required autofocus;
                label for="password" { "Mot de passe" }
                input type="password" id="password" name="password" autocomplete="current-password" required;
                p { button type="submit" { "Se connecter" } }
            }
        },
    )
}

/// A page that says only what went wrong.
pub fn erreur(message: &str) -> Markup {
    gabarit(
        "Erreur",
        None,
        html! {
            h1 { "Erreur" }
            p.alerte role="alert" { (message) }
            p { a href="/agent" { "Retour à l'accueil" } }
        },
    )
}

/// Not found (or a call of another agent).
pub fn introuvable(s: &Session) -> Markup {
    gabarit(
        "Page introuvable",
        Some(s),
        html! {
            h1 { "Page introuvable" }
            p { "Cet appel ou cette page n'existe pas (ou plus)." }
            p { a href="/agent" { "Retour à l'accueil" } }
        },
    )
}

/// Home: start a call.
pub fn accueil(s: &Session) -> Markup {
    gabarit(
        "Accueil",
        Some(s),
        html! {
            h1 { "Console agent" }
            form method="post" action="/agent/appels" {
                input type="hidden" name="csrf" value=(s.csrf);
                button type="submit" autofocus { "Commencer un appel" }
            }
            p { a href="/agent/rappels" { "Voir les demandes de rappel" } }
        },
    )
}

fn texte_json<'a>(v: &'a Value, cle: &str) -> &'a str {
    v.get(cle).and_then(Value::as_str).unwrap_or("")
}

/// The call screen: the question to read aloud and the ways to answer, or
/// the results once given.
pub fn appel(s: &Session, id: &str, a: &Appel, situation: &[(String, String)]) -> Markup {
    let invite = &a.derniere.invite;
    let action = format!("/agent/appels/{id}");
    gabarit(
        "Appel en cours",
        Some(s),
        html! {
            h1 { "Appel en cours" }
            @if !a.derniere.messages.is_empty() {
                section aria-labelledby="titre-service" {
                    h2 id="titre-service" { "Message du service (version SMS)" }
                    div.info role="status" {
                        @for m in &a.derniere.messages { p { (m) } }
                    }
                }
            }
            @if invite.is_object() {
                (question(s, &action, invite))
            }
            @if let Some(aides) = &a.derniere.aides {
                (resultats(aides))
                p.pas-imprimer { a.bouton href={(action) "/imprimer"} { "Vue imprimable" } }
            }
            @if !situation.is_empty() {
                section aria-labelledby="titre-situation" {
                    h2 id="titre-situation" { "Situation déclarée" }
                    (tableau_situation(situation))
                }
            }
        },
    )
}

fn question(s: &Session, action: &str, invite: &Value) -> Markup {
    let numero = invite.get("numero").and_then(Value::as_u64).unwrap_or(0);
    let total = invite
        .get("total")
        .and_then(Value::as_u64)
        .unwrap_or(0)
        .max(numero);
    let genre = texte_json(invite, "kind");
    let choix: Vec<(String, String)> = match genre {
        "yes_no" => vec![("O".into(), "Oui".into()), ("N".into(), "Non".into())],
        _ => invite
            .get("choices")
            .and_then(Value::as_array)
            .map(|c| {
                c.iter()
                    .map(|o| {
                        (
                            texte_json(o, "key").to_string(),
                            texte_json(o, "label").to_string(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default(),
    };
    html! {
        section aria-labelledby="titre-question" {
            h2 id="titre-question" { "À lire à l'appelant" }
            p { "Question " (numero) " sur environ " (total) }
            progress max=(total) value=(numero) aria-label="Progression" {}
            p.lire { (texte_json(invite, "agent")) }
            // The question id and kind are exposed for the browser test.
            form method="post" action=(action) data-question=(texte_json(invite, "question")) data-genre=(genre) {
                input type="hidden" name="csrf" value=(s.csrf);
                @if !choix.is_empty() {
                    fieldset {
                        legend { "Réponses (touches du clavier entre crochets)" }
                        div.choix {
                            @for (i, (cle, libelle)) in choix.iter().enumerate() {
                                button type="submit" name="reponse" value=(cle)
                                    data-touche=(cle.to_uppercase()) autofocus[i == 0] {
                                    kbd { (cle) } (libelle)
                                }
                            }
                        }
                    }
                }
                label for="reponse-libre" { "Réponse libre (comprise comme un SMS)" }
                input type="text" id="reponse-libre" name="texte" autocomplete="off"
                    autofocus[choix.is_empty()];
                p {
                    button type="submit" { "Envoyer" }
                    " "
                    button.secondaire type="submit" name="reponse" value="RETOUR" data-touche="R" {
                        kbd { "R" } "Question précédente"
                    }
                }
            }
        }
    }
}

fn periode(p: Option<Periodicite>) -> &'static str {
    match p {
        None | Some(Periodicite::Mensuelle) => " € par mois",
        Some(Periodicite::Annuelle) => " € par an",
        Some(Periodicite::Unique) => " € (une fois)",
    }
}

fn aide(a: &ResultatAide) -> Markup {
    html! {
        article.aide {
            h3 { (a.libelle) }
            @if let Some(m) = a.montant {
                // French decimal comma; the amount is already rounded by its rule.
                p.montant { (m.to_string().replace('.', ",")) (periode(a.periodicite)) }
            }
            @if !a.explication.is_empty() {
                h4 { "Pourquoi" }
                ul { @for e in &a.explication { li { (e) } } }
            }
            @if !a.hypotheses.is_empty() {
                h4 { "Hypothèses" }
                ul { @for h in &a.hypotheses { li { (h) } } }
            }
            @if let Some(d) = &a.demarche {
                h4 { "Comment faire la demande" }
                @if let Some(t) = &d.texte { p { (t) } }
                @if let Some(u) = &d.url { p { "En ligne : " a href=(u) { (u) } } }
                @if let Some(t) = &d.telephone { p { "Téléphone : " (t) } }
                @if !d.documents.is_empty() {
                    h4 { "Documents à préparer" }
                    ul { @for doc in &d.documents { li { (doc) } } }
                }
            }
        }
    }
}

/// The aids found: granted ones in full, then the others by name.
fn resultats(aides: &[ResultatAide]) -> Markup {
    let eligibles: Vec<_> = aides
        .iter()
        .filter(|a| a.statut == Statut::Eligible)
        .collect();
    let indetermines: Vec<_> = aides
        .iter()
        .filter(|a| a.statut == Statut::Indetermine)
        .collect();
    html! {
        section aria-labelledby="titre-resultats" {
            h2 id="titre-resultats" { "Résultats" }
            @if eligibles.is_empty() {
                p { "Aucune aide n'est accordée d'après les réponses données." }
            }
            @for a in &eligibles { (aide(a)) }
            @if !indetermines.is_empty() {
                h3 { "À vérifier (réponses manquantes)" }
                ul { @for a in &indetermines { li { (a.libelle) } } }
            }
        }
    }
}

fn tableau_situation(situation: &[(String, String)]) -> Markup {
    html! {
        table {
            thead { tr { th scope="col" { "Champ" } th scope="col" { "Valeur" } } }
            tbody {
                @for (champ, valeur) in situation {
                    tr { td { code { (champ) } } td { (valeur) } }
                }
            }
        }
    }
}

/// The print view: results and situation, without navigation or forms.
pub fn impression(a: &Appel, situation: &[(String, String)]) -> Markup {
    gabarit(
        "Récapitulatif",
        None,
        html! {
            h1 { "Récapitulatif de vos droits" }
            p.pas-imprimer { button type="button" id="imprimer" { "Imprimer" } }
            @if let Some(aides) = &a.derniere.aides {
                (resultats(aides))
            } @else {
                p { "Les questions ne sont pas terminées : pas encore de résultats." }
            }
            @if !situation.is_empty() {
                h2 { "Votre situation" }
                (tableau_situation(situation))
            }
        },
    )
}

/// The callback queue.
pub fn rappels(s: &Session, lignes: &[LigneRappel]) -> Markup {
    gabarit(
        "Demandes de rappel",
        Some(s),
        html! {
            h1 { "Demandes de rappel" }
            @if lignes.is_empty() {
                p { "Aucune demande de rappel." }
            } @else {
                table {
                    caption { (lignes.len()) " demande(s), les plus anciennes d'abord" }
                    thead { tr {
                        th scope="col" { "Depuis" }
                        th scope="col" { "Canal" }
                        th scope="col" { "État" }
                        th scope="col" { "Situation" }
                    } }
                    tbody {
                        @for l in lignes {
                            tr {
                                td { (date(l.depuis)) }
                                td { (l.canal) }
                                td { @if l.traitee { "traitée" } @else { "en attente" } }
                                td {
                                    @if l.situation.is_empty() { "—" } @else {
                                        ul { @for (c, v) in &l.situation { li { code { (c) } " : " (v) } } }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        },
    )
}

/// A time as `AAAA-MM-JJ hh:mm` UTC.
fn date(secondes: u64) -> String {
    let (a, m, j) = crate::horloge::date_civile((secondes / 86_400) as i64);
    let s = secondes % 86_400;
    format!(
        "{a:04}-{m:02}-{j:02} {:02}:{:02} UTC",
        s / 3600,
        (s % 3600) / 60
    )
}

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
use super::{LigneRappel, VueAppel};
use crate::dialogue::Invite;
use crate::rules::{Periodicite, ResultatAide, Statut};
use maud::{DOCTYPE, Markup, PreEscaped, html};

/// Plain CSS in the look of French public services (DSFR colours and spacing).
const CSS: &str = r#"
*{box-sizing:border-box}
body{margin:0;font-family:Marianne,Arial,sans-serif;color:#161616;background:#fff;line-height:1.5;font-size:1.05rem}
a{color:#000091}
.evitement{position:absolute;left:-999px}a.evitement:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:9}
label.en-ligne{display:inline;font-weight:400}
details{margin:.5rem 0}
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

/// The call screen: the question to read aloud and the ways to answer, or
/// the results once given; the answers so far, each editable; for a call
/// taken from the callback queue, whom to call and "handled".
pub fn appel(s: &Session, v: &VueAppel) -> Markup {
    let action = format!("/agent/appels/{}", v.id);
    gabarit(
        "Appel en cours",
        Some(s),
        html! {
            h1 { "Appel en cours" }
            @if let Some(n) = &v.appel.note {
                p.info role="status" { (n) }
            }
            @if v.appel.rappel {
                (bloc_rappel(s, v, &action))
            }
            @if v.disparue {
                p.alerte role="alert" { "Cette conversation n'existe plus : la personne a effacé ses données, ou elle a expiré." }
            } @else if v.arrete {
                p.alerte role="alert" { "La personne a demandé STOP : rien ne lui est envoyé et sa conversation ne peut plus avancer ici." }
            }
            @if !v.appel.messages.is_empty() {
                section aria-labelledby="titre-service" {
                    h2 id="titre-service" { "Message du service (version SMS)" }
                    div.info {
                        @for m in &v.appel.messages { p { (m) } }
                    }
                }
            }
            @if let (Some(invite), false) = (v.invite(), v.arrete) {
                (question(s, &action, invite))
            }
            @if let Some(aides) = v.aides() {
                (resultats(aides))
                p.pas-imprimer { a.bouton href={(action) "/imprimer"} { "Vue imprimable" } }
                (envoi_sms(s, v, &action))
            }
            @if !v.reponses.is_empty() {
                section aria-labelledby="titre-reponses" {
                    h2 id="titre-reponses" { "Réponses données" }
                    table {
                        caption { "Chaque réponse peut être modifiée : les questions suivantes sont reprises en conséquence." }
                        thead { tr {
                            th scope="col" { "Question" }
                            th scope="col" { "Réponse" }
                            th scope="col" { "Action" }
                        } }
                        tbody {
                            @for r in &v.reponses {
                                tr {
                                    td { (r.libelle) }
                                    td { (r.reponse) }
                                    td {
                                        @if !v.arrete {
                                            a href={(action) "/modifier/" (r.question)} {
                                                "Modifier" span.evitement { " : " (r.libelle) }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            @if !v.situation.is_empty() {
                section aria-labelledby="titre-situation" {
                    h2 id="titre-situation" { "Situation déclarée" }
                    (tableau_situation(&v.situation))
                }
            }
        },
    )
}

/// Whom to call back, and closing the request.
fn bloc_rappel(s: &Session, v: &VueAppel, action: &str) -> Markup {
    html! {
        section aria-labelledby="titre-rappel" {
            h2 id="titre-rappel" { "Demande de rappel" }
            @if let Some(d) = &v.demande {
                p { "Demandée le " (date(d.depuis)) " par " (canal_lisible(&d.canal)) "." }
                @match (&v.contact, d.canal.as_str()) {
                    (Some(numero), "sms") => p.lire { "Numéro à appeler : " strong { (numero_lisible(numero)) } },
                    (Some(_), _) => p { "La personne écrit sur Telegram : elle n'a pas donné de numéro. Elle sera prévenue par Telegram quand la demande sera close." },
                    (None, _) => p { "Aucun moyen de joindre la personne n'est gardé." },
                }
                @if d.traitee {
                    p { "Demande close." }
                } @else {
                    form method="post" action={(action) "/clore"} {
                        input type="hidden" name="csrf" value=(s.csrf);
                        button type="submit" {
                            @if v.prevenir_possible { "Clore la demande et prévenir la personne" } @else { "Clore la demande" }
                        }
                    }
                }
            } @else {
                p { "Cette demande de rappel n'existe plus." }
            }
        }
    }
}

/// The channel's name for agents.
fn canal_lisible(canal: &str) -> &str {
    match canal {
        "sms" => "SMS",
        "telegram" => "Telegram",
        "agent" => "téléphone (console)",
        autre => autre,
    }
}

/// +33612345678 → 06 12 34 56 78, to read aloud or dial.
fn numero_lisible(e164: &str) -> String {
    match e164.strip_prefix("+33") {
        Some(reste) if reste.len() == 9 && reste.bytes().all(|b| b.is_ascii_digit()) => {
            let national = format!("0{reste}");
            national
                .as_bytes()
                .chunks(2)
                .map(|c| String::from_utf8_lossy(c).into_owned())
                .collect::<Vec<_>>()
                .join(" ")
        }
        _ => e164.to_string(),
    }
}

/// "Send this summary by SMS", with the caller's consent.
fn envoi_sms(s: &Session, v: &VueAppel, action: &str) -> Markup {
    let numero_connu = v.appel.rappel && v.appel.canal == "sms" && v.contact.is_some();
    html! {
        section.pas-imprimer id="envoi-sms" aria-labelledby="titre-sms" {
            h2 id="titre-sms" { "Envoyer le récapitulatif par SMS" }
            @if v.recapitulatif.is_empty() {
                p { "Aucune aide accordée : rien à résumer." }
            } @else if !v.sms_possible {
                p { "L'envoi de SMS n'est pas configuré sur ce service (config.toml : [sms.twilio], [sms.vonage] ou [sms.mtarget])." }
            } @else {
                details {
                    summary { "Texte envoyé (" (v.recapitulatif.len()) " SMS)" }
                    @for m in &v.recapitulatif { p.discret { (m) } }
                }
                form method="post" action={(action) "/sms"} {
                    input type="hidden" name="csrf" value=(s.csrf);
                    label for="numero" {
                        "Numéro de portable de l'appelant"
                        @if numero_connu { " (vide : le numéro de la demande de rappel)" }
                    }
                    input type="tel" id="numero" name="numero" autocomplete="off" inputmode="tel"
                        placeholder="06 12 34 56 78" required[!numero_connu];
                    p {
                        input type="checkbox" id="consentement" name="consentement" value="oui" required;
                        " "
                        label.en-ligne for="consentement" { "L'appelant accepte de recevoir ce récapitulatif par SMS (son numéro n'est pas conservé)." }
                    }
                    p { button type="submit" { "Envoyer le SMS" } }
                }
            }
        }
    }
}

/// Answering an earlier question again.
pub fn modifier(
    s: &Session,
    id: &str,
    invite: &Invite,
    actuelle: &str,
    erreurs: &[String],
) -> Markup {
    let action = format!("/agent/appels/{id}/modifier/{}", invite.question);
    gabarit(
        "Modifier une réponse",
        Some(s),
        html! {
            h1 { "Modifier une réponse" }
            @if !erreurs.is_empty() {
                div.alerte role="alert" { @for e in erreurs { p { (e) } } }
            }
            p { "Réponse actuelle : " strong { (actuelle) } }
            (formulaire(s, &action, invite, false))
            p { a href={"/agent/appels/" (id)} { "Annuler et revenir à l'appel" } }
        },
    )
}

fn question(s: &Session, action: &str, invite: &Invite) -> Markup {
    let total = invite.total.max(invite.numero);
    html! {
        section aria-labelledby="titre-question" {
            h2 id="titre-question" { "À lire à l'appelant" }
            p { "Question " (invite.numero) " sur environ " (total) }
            progress max=(total) value=(invite.numero) aria-label="Progression" {}
            (formulaire(s, action, invite, true))
        }
    }
}

/// The question to read aloud and the ways to answer it: buttons with
/// shortcuts, free text read as an SMS, and (in a call) back.
fn formulaire(s: &Session, action: &str, invite: &Invite, retour: bool) -> Markup {
    let choix: Vec<(String, String)> = match invite.kind {
        "yes_no" => vec![("O".into(), "Oui".into()), ("N".into(), "Non".into())],
        _ => invite
            .choices
            .iter()
            .map(|o| (o.key.clone(), o.label.clone()))
            .collect(),
    };
    html! {
        p.lire { (invite.agent) }
        // The question id and kind are exposed for the browser test.
        form method="post" action=(action) data-question=(invite.question) data-genre=(invite.kind) {
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
                @if retour {
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
pub fn impression(v: &VueAppel) -> Markup {
    gabarit(
        "Récapitulatif",
        None,
        html! {
            h1 { "Récapitulatif de vos droits" }
            p.pas-imprimer { button type="button" id="imprimer" { "Imprimer" } }
            @if let Some(aides) = v.aides() {
                (resultats(aides))
            } @else {
                p { "Les questions ne sont pas terminées : pas encore de résultats." }
            }
            @if !v.situation.is_empty() {
                h2 { "Votre situation" }
                (tableau_situation(&v.situation))
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
                        th scope="col" { "Action" }
                    } }
                    tbody {
                        @for l in lignes {
                            tr {
                                td { (date(l.depuis)) }
                                td {
                                    (canal_lisible(&l.canal))
                                    @if let Some(j) = &l.joignable { br; span.discret { (j) } }
                                }
                                td {
                                    @if l.traitee { "traitée" }
                                    @else if let Some(a) = &l.prise_par { "prise par " (a) }
                                    @else { "en attente" }
                                }
                                td {
                                    @if l.situation.is_empty() { "—" } @else {
                                        ul { @for (c, v) in &l.situation { li { code { (c) } " : " (v) } } }
                                    }
                                }
                                td {
                                    @if !l.traitee {
                                        form method="post" action="/agent/rappels/prendre" {
                                            input type="hidden" name="csrf" value=(s.csrf);
                                            input type="hidden" name="cle" value=(l.cle);
                                            button type="submit" {
                                                "Prendre" span.evitement { " la demande du " (date(l.depuis)) }
                                            }
                                        }
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

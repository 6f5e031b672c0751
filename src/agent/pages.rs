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
//! The wording comes from `locales/<langue>/agent.ftl` through [`Mots`].

use super::session::Session;
use super::{LigneRappel, TextesAide, VueAppel};
use crate::dialogue::Invite;
use crate::dialogue::questions::Genre;
use crate::rules::{Periodicite, ResultatAide, Statut};
use crate::textes::{Arg, Langue, Textes, format_euros};
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

/// The console's words in one language, from `locales/<langue>/agent.ftl`
/// (message ids there carry the `agent-` prefix, left out here).
#[derive(Clone, Copy)]
pub struct Mots<'a> {
    /// The texts of `locales/`.
    pub textes: &'a Textes,
    /// The console's language (`[agent] langue`).
    pub langue: Langue,
}

impl Mots<'_> {
    /// A message without arguments.
    pub fn t(&self, id: &str) -> String {
        self.a(id, &[])
    }

    /// A message with arguments.
    pub fn a(&self, id: &str, args: &[(&str, Arg)]) -> String {
        self.textes.msg(self.langue, &format!("agent-{id}"), args)
    }
}

fn gabarit(m: Mots, titre: &str, session: Option<&Session>, corps: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(m.langue.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (titre) " — " (m.t("titre-suffixe")) }
                style { (PreEscaped(CSS)) }
            }
            body {
                a.evitement href="#contenu" { (m.t("evitement")) }
                header role="banner" {
                    a.marque href="/agent" { (m.t("marque")) }
                    @if let Some(s) = session {
                        nav aria-label=(m.t("menu")) {
                            ul {
                                li { a href="/agent" { (m.t("menu-accueil")) } }
                                li { a href="/agent/rappels" { (m.t("menu-rappels")) } }
                            }
                        }
                        form method="post" action="/agent/logout" {
                            input type="hidden" name="csrf" value=(s.csrf);
                            span.discret { (s.login) " " }
                            button.secondaire type="submit" { (m.t("deconnexion")) }
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
pub fn connexion(m: Mots, csrf: &str, message: Option<&str>) -> Markup {
    gabarit(
        m,
        &m.t("connexion"),
        None,
        html! {
            h1 { (m.t("connexion")) }
            @if let Some(m) = message {
                p.alerte role="alert" { (m) }
            }
            form method="post" action="/agent/login" {
                input type="hidden" name="csrf" value=(csrf);
                label for="login" { (m.t("identifiant")) }
                input type="text" id="login" name="login" autocomplete="username" required autofocus;
                label for="password" { (m.t("mot-de-passe")) }
                input type="password" id="password" name="password" autocomplete="current-password" required;
                p { button type="submit" { (m.t("se-connecter")) } }
            }
        },
    )
}

/// A page that says only what went wrong.
pub fn erreur(m: Mots, message: &str) -> Markup {
    gabarit(
        m,
        &m.t("erreur"),
        None,
        html! {
            h1 { (m.t("erreur")) }
            p.alerte role="alert" { (message) }
            p { a href="/agent" { (m.t("retour-accueil")) } }
        },
    )
}

/// Not found (or a call of another agent).
pub fn introuvable(m: Mots, s: &Session) -> Markup {
    gabarit(
        m,
        &m.t("introuvable"),
        Some(s),
        html! {
            h1 { (m.t("introuvable")) }
            p { (m.t("introuvable-texte")) }
            p { a href="/agent" { (m.t("retour-accueil")) } }
        },
    )
}

/// Home: start a call.
pub fn accueil(m: Mots, s: &Session) -> Markup {
    gabarit(
        m,
        &m.t("menu-accueil"),
        Some(s),
        html! {
            h1 { (m.t("accueil")) }
            form method="post" action="/agent/appels" {
                input type="hidden" name="csrf" value=(s.csrf);
                button type="submit" autofocus { (m.t("commencer")) }
            }
            p { a href="/agent/rappels" { (m.t("voir-rappels")) } }
        },
    )
}

/// The call screen: the question to read aloud and the ways to answer, or
/// the results once given; the answers so far, each editable; for a call
/// taken from the callback queue, whom to call and "handled".
pub fn appel(m: Mots, s: &Session, v: &VueAppel) -> Markup {
    let action = format!("/agent/appels/{}", v.id);
    gabarit(
        m,
        &m.t("appel"),
        Some(s),
        html! {
            h1 { (m.t("appel")) }
            @if let Some(n) = &v.appel.note {
                p.info role="status" { (n) }
            }
            @if v.appel.rappel {
                (bloc_rappel(m, s, v, &action))
            }
            @if v.disparue {
                p.alerte role="alert" { (m.t("disparue")) }
            } @else if v.arrete {
                p.alerte role="alert" { (m.t("arretee")) }
            }
            @if !v.appel.messages.is_empty() {
                section aria-labelledby="titre-service" {
                    h2 id="titre-service" { (m.t("message-service")) }
                    div.info {
                        @for m in &v.appel.messages { p { (m) } }
                    }
                }
            }
            @if let (Some(invite), false) = (v.invite(), v.arrete) {
                (question(m, s, &action, invite))
            }
            @if let Some(aides) = v.aides() {
                (resultats(m, v, aides))
                p.pas-imprimer { a.bouton href={(action) "/imprimer"} { (m.t("vue-imprimable")) } }
                (envoi_sms(m, s, v, &action))
            }
            @if !v.reponses.is_empty() {
                section aria-labelledby="titre-reponses" {
                    h2 id="titre-reponses" { (m.t("reponses-donnees")) }
                    table {
                        caption { (m.t("reponses-legende")) }
                        thead { tr {
                            th scope="col" { (m.t("colonne-question")) }
                            th scope="col" { (m.t("colonne-reponse")) }
                            th scope="col" { (m.t("colonne-action")) }
                        } }
                        tbody {
                            @for r in &v.reponses {
                                tr {
                                    td { (r.libelle) }
                                    td { (r.reponse) }
                                    td {
                                        @if !v.arrete {
                                            a href={(action) "/modifier/" (r.question)} {
                                                (m.t("modifier")) span.evitement { " : " (r.libelle) }
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
                    h2 id="titre-situation" { (m.t("situation")) }
                    (tableau_situation(m, &v.situation))
                }
            }
        },
    )
}

/// Whom to call back, and closing the request.
fn bloc_rappel(m: Mots, s: &Session, v: &VueAppel, action: &str) -> Markup {
    html! {
        section aria-labelledby="titre-rappel" {
            h2 id="titre-rappel" { (m.t("rappel")) }
            @if let Some(d) = &v.demande {
                p { (m.a("rappel-demandee", &[("date", Arg::Texte(date(d.depuis))), ("canal", Arg::Texte(canal_lisible(m, &d.canal)))])) }
                @if let Some(numero) = &v.telephone {
                    p.lire { (m.t("rappel-numero")) " " strong { (numero_lisible(numero)) } }
                } @else if d.contact.is_some() {
                    p { (m.t("rappel-telegram")) }
                } @else {
                    p { (m.t("rappel-injoignable")) }
                }
                @if d.traitee {
                    p { (m.t("rappel-close")) }
                } @else {
                    form method="post" action={(action) "/clore"} {
                        input type="hidden" name="csrf" value=(s.csrf);
                        button type="submit" {
                            @if v.prevenir_possible { (m.t("rappel-clore-prevenir")) } @else { (m.t("rappel-clore")) }
                        }
                    }
                }
            } @else {
                p { (m.t("rappel-disparue")) }
            }
        }
    }
}

/// The channel's name for agents (`sms` → SMS).
pub fn canal_lisible(m: Mots, canal: &str) -> String {
    match canal {
        "sms" => m.t("canal-sms"),
        "telegram" => m.t("canal-telegram"),
        "agent" => m.t("canal-agent"),
        autre => autre.to_string(),
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
fn envoi_sms(m: Mots, s: &Session, v: &VueAppel, action: &str) -> Markup {
    let numero_connu = v.telephone.is_some();
    html! {
        section.pas-imprimer id="envoi-sms" aria-labelledby="titre-sms" {
            h2 id="titre-sms" { (m.t("sms-titre")) }
            @if v.recapitulatif.is_empty() {
                p { (m.t("sms-rien")) }
            } @else if !v.sms_possible {
                p { (m.t("sms-non-configure")) }
            } @else {
                details {
                    summary { (m.a("sms-texte", &[("n", Arg::Nombre(v.recapitulatif.len() as i64))])) }
                    @for m in &v.recapitulatif { p.discret { (m) } }
                }
                form method="post" action={(action) "/sms"} {
                    input type="hidden" name="csrf" value=(s.csrf);
                    label for="numero" {
                        (m.t("sms-numero"))
                        @if numero_connu { " " (m.t("sms-numero-rappel")) }
                    }
                    input type="tel" id="numero" name="numero" autocomplete="off" inputmode="tel"
                        placeholder="06 12 34 56 78" required[!numero_connu];
                    p {
                        input type="checkbox" id="consentement" name="consentement" value="oui" required;
                        " "
                        label.en-ligne for="consentement" { (m.t("sms-consentement")) }
                    }
                    p { button type="submit" { (m.t("sms-envoyer")) } }
                }
            }
        }
    }
}

/// Answering an earlier question again.
pub fn modifier(
    m: Mots,
    s: &Session,
    id: &str,
    invite: &Invite,
    actuelle: &str,
    erreurs: &[String],
) -> Markup {
    let action = format!("/agent/appels/{id}/modifier/{}", invite.question);
    gabarit(
        m,
        &m.t("modifier-titre"),
        Some(s),
        html! {
            h1 { (m.t("modifier-titre")) }
            @if !erreurs.is_empty() {
                div.alerte role="alert" { @for e in erreurs { p { (e) } } }
            }
            p { (m.t("reponse-actuelle")) " " strong { (actuelle) } }
            (formulaire(m, s, &action, invite, false))
            p { a href={"/agent/appels/" (id)} { (m.t("annuler")) } }
        },
    )
}

fn question(m: Mots, s: &Session, action: &str, invite: &Invite) -> Markup {
    let total = invite.total.max(invite.numero);
    html! {
        section aria-labelledby="titre-question" {
            h2 id="titre-question" { (m.t("lire")) }
            p { (m.a("progression", &[("n", Arg::Nombre(invite.numero.into())), ("total", Arg::Nombre(total.into()))])) }
            progress max=(total) value=(invite.numero) aria-label=(m.t("progression-libelle")) {}
            (formulaire(m, s, action, invite, true))
        }
    }
}

/// The question to read aloud and the ways to answer it: buttons with
/// shortcuts, free text read as an SMS, and (in a call) back.
fn formulaire(m: Mots, s: &Session, action: &str, invite: &Invite, retour: bool) -> Markup {
    let choix: Vec<(String, String)> = match invite.kind {
        Genre::OuiNon => vec![("O".into(), m.t("oui")), ("N".into(), m.t("non"))],
        _ => invite
            .choices
            .iter()
            .map(|o| (o.key.clone(), o.label.clone()))
            .collect(),
    };
    html! {
        p.lire { (invite.agent) }
        // The question id and kind are exposed for the browser test.
        form method="post" action=(action) data-question=(invite.question) data-genre=(invite.kind.nom()) {
            input type="hidden" name="csrf" value=(s.csrf);
            @if !choix.is_empty() {
                fieldset {
                    legend { (m.t("touches")) }
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
            label for="reponse-libre" { (m.t("reponse-libre")) }
            input type="text" id="reponse-libre" name="texte" autocomplete="off"
                autofocus[choix.is_empty()];
            p {
                button type="submit" { (m.t("envoyer")) }
                @if retour {
                    " "
                    button.secondaire type="submit" name="reponse" value="RETOUR" data-touche="R" {
                        kbd { "R" } (m.t("precedente"))
                    }
                }
            }
        }
    }
}

fn periode(m: Mots, p: Option<Periodicite>) -> String {
    match p {
        None | Some(Periodicite::Mensuelle) => format!(" {}", m.t("par-mois")),
        Some(Periodicite::Annuelle) => format!(" {}", m.t("par-an")),
        Some(Periodicite::Unique) => format!(" {}", m.t("une-fois")),
    }
}

/// One aid granted: the console's words in the agent's language, the
/// aid's sentences `t` in the conversation's (`langue`), marked as such
/// for screen readers.
fn aide(m: Mots, a: &ResultatAide, t: &TextesAide, langue: Langue) -> Markup {
    html! {
        article.aide {
            h3 lang=(langue.code()) { (t.libelle) }
            @if let Some(montant) = a.montant {
                p.montant { (format_euros(montant, m.langue)) (periode(m, a.periodicite)) }
            }
            @if !t.explication.is_empty() {
                h4 { (m.t("pourquoi")) }
                ul lang=(langue.code()) { @for e in &t.explication { li { (e) } } }
            }
            @if !t.hypotheses.is_empty() {
                h4 { (m.t("hypotheses")) }
                ul lang=(langue.code()) { @for h in &t.hypotheses { li { (h) } } }
            }
            @if let Some(d) = &a.demarche {
                h4 { (m.t("comment")) }
                @if let Some(texte) = &t.demarche { p lang=(langue.code()) { (texte) } }
                @if let Some(u) = &d.url { p { (m.t("en-ligne")) " " a href=(u) { (u) } } }
                @if let Some(tel) = &d.telephone { p { (m.t("telephone")) " " (tel) } }
                @if !t.documents.is_empty() {
                    h4 { (m.t("documents")) }
                    ul lang=(langue.code()) { @for doc in &t.documents { li { (doc) } } }
                }
            }
        }
    }
}

/// The aids found: granted ones in full, then the others by name.
fn resultats(m: Mots, v: &VueAppel, aides: &[ResultatAide]) -> Markup {
    let avec_textes: Vec<_> = aides.iter().zip(&v.textes_aides).collect();
    let eligibles: Vec<_> = avec_textes
        .iter()
        .filter(|(a, _)| a.statut == Statut::Eligible)
        .collect();
    let indetermines: Vec<_> = avec_textes
        .iter()
        .filter(|(a, _)| a.statut == Statut::Indetermine)
        .collect();
    let langue = v.langue;
    html! {
        section aria-labelledby="titre-resultats" {
            h2 id="titre-resultats" { (m.t("resultats")) }
            @if eligibles.is_empty() {
                p { (m.t("aucune-aide")) }
            }
            @for (a, t) in &eligibles { (aide(m, a, t, langue)) }
            @if !indetermines.is_empty() {
                h3 { (m.t("a-verifier")) }
                ul lang=(langue.code()) { @for (_, t) in &indetermines { li { (t.libelle) } } }
            }
        }
    }
}

fn tableau_situation(m: Mots, situation: &[(String, String)]) -> Markup {
    html! {
        table {
            thead { tr { th scope="col" { (m.t("colonne-champ")) } th scope="col" { (m.t("colonne-valeur")) } } }
            tbody {
                @for (champ, valeur) in situation {
                    tr { td { code { (champ) } } td { (valeur) } }
                }
            }
        }
    }
}

/// The print view: results and situation, without navigation or forms.
pub fn impression(m: Mots, v: &VueAppel) -> Markup {
    gabarit(
        m,
        &m.t("imprimer-titre"),
        None,
        html! {
            h1 { (m.t("imprimer-h1")) }
            p.pas-imprimer { button type="button" id="imprimer" { (m.t("imprimer")) } }
            @if let Some(aides) = v.aides() {
                (resultats(m, v, aides))
            } @else {
                p { (m.t("imprimer-pas-fini")) }
            }
            @if !v.situation.is_empty() {
                h2 { (m.t("imprimer-situation")) }
                (tableau_situation(m, &v.situation))
            }
        },
    )
}

/// The callback queue.
pub fn rappels(m: Mots, s: &Session, lignes: &[LigneRappel]) -> Markup {
    gabarit(
        m,
        &m.t("menu-rappels"),
        Some(s),
        html! {
            h1 { (m.t("menu-rappels")) }
            @if lignes.is_empty() {
                p { (m.t("rappels-aucune")) }
            } @else {
                table {
                    caption { (m.a("rappels-legende", &[("n", Arg::Nombre(lignes.len() as i64))])) }
                    thead { tr {
                        th scope="col" { (m.t("colonne-depuis")) }
                        th scope="col" { (m.t("colonne-canal")) }
                        th scope="col" { (m.t("colonne-etat")) }
                        th scope="col" { (m.t("situation")) }
                        th scope="col" { (m.t("colonne-action")) }
                    } }
                    tbody {
                        @for l in lignes {
                            tr {
                                td { (date(l.depuis)) }
                                td {
                                    (canal_lisible(m, &l.canal))
                                    @if let Some(j) = &l.joignable { br; span.discret { (j) } }
                                }
                                td {
                                    @if l.traitee { (m.t("rappels-traitee")) }
                                    @else if let Some(a) = &l.prise_par { (m.a("rappels-prise", &[("agent", Arg::Texte(a.clone()))])) }
                                    @else { (m.t("rappels-attente")) }
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
                                                (m.t("prendre")) span.evitement { " " (m.a("prendre-detail", &[("date", Arg::Texte(date(l.depuis)))])) }
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

/// A time as `AAAA-MM-JJ hh:mm`, France's time (the agents' own).
fn date(secondes: u64) -> String {
    crate::clock::date_heure_en_france(secondes)
}

//! What one engine step becomes on Telegram: the replies, the keyboard of the
//! question waiting, and the results as a card with links.
//!
//! Pure (no network): [`composer`] turns a [`Sortie`] into [`Sortant`]s that
//! the sender ([`super::envoi`]) delivers. The SMS texts are kept for every
//! turn but the results, which Telegram can show better: aid names in bold,
//! a "Faire la demande" button per aid with an online procedure, phone
//! numbers as `tel:` links. Every text stays under Telegram's 4,096-character
//! limit.

use crate::dialogue::questions::Genre;
use crate::dialogue::{Effet, Invite, Moteur};
use crate::rules::{Periodicite, ResultatAide, Statut};
use crate::service::Sortie;
use crate::textes::{Arg, Langue, format_euros};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Longest text sent in one message. Telegram counts 4,096 characters after
/// entity parsing; a margin covers characters that count twice (UTF-16).
pub const LONGUEUR_MAX: usize = 4000;

/// The keyboard attached to a message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Clavier {
    /// Nothing attached.
    Aucun,
    /// Remove the reply keyboard of an earlier question (no question waits).
    Retirer,
    /// A one-time reply keyboard, by rows: each button sends its text.
    Reponses(Vec<Vec<String>>),
    /// Buttons opening web pages: (label, URL).
    Liens(Vec<(String, String)>),
    /// A reply keyboard (rows of answers, possibly none) ending with a
    /// button that shares the person's own phone number.
    Numero {
        /// The answers' rows, as in `Reponses`.
        rangees: Vec<Vec<String>>,
        /// The label of the "share my number" button.
        bouton: String,
    },
}

/// One message to send to a chat.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sortant {
    /// The text; HTML when `html` (Telegram's subset: `<b>`, `<a>`).
    pub texte: String,
    /// Whether `texte` is HTML.
    pub html: bool,
    /// What to attach.
    pub clavier: Clavier,
}

impl Sortant {
    /// The same message without formatting nor buttons, sent when Telegram
    /// refuses the formatted one (an entity or a button it does not accept).
    pub fn brut(&self) -> Sortant {
        Sortant {
            texte: if self.html {
                sans_balises(&self.texte)
            } else {
                self.texte.clone()
            },
            html: false,
            clavier: Clavier::Aucun,
        }
    }
}

/// The replies of one step. `langue` is the conversation's language after
/// the step; `suppose` says whether an amount was presumed (the results
/// then say so, as by SMS).
pub fn composer(moteur: &Moteur, sortie: &Sortie, langue: Langue, suppose: bool) -> Vec<Sortant> {
    let mut sortants = composer_sans_rappel(moteur, sortie, langue, suppose);
    if sortie.effets.contains(&Effet::Rappel) && !sortants.is_empty() {
        // After RAPPEL, offer to share a number an agent can call. The
        // question's answer buttons move to this last message, so that
        // the keyboard on screen has both.
        let rangees = match sortants.last_mut().map(|s| &mut s.clavier) {
            Some(c @ Clavier::Reponses(_)) => match std::mem::replace(c, Clavier::Aucun) {
                Clavier::Reponses(r) => r,
                _ => Vec::new(),
            },
            _ => Vec::new(),
        };
        sortants.push(Sortant {
            texte: moteur.textes.msg(langue, "tg-numero-demande", &[]),
            html: false,
            clavier: Clavier::Numero {
                rangees,
                bouton: moteur.textes.msg(langue, "tg-bouton-numero", &[]),
            },
        });
    }
    sortants
}

fn composer_sans_rappel(
    moteur: &Moteur,
    sortie: &Sortie,
    langue: Langue,
    suppose: bool,
) -> Vec<Sortant> {
    if sortie.messages.is_empty() {
        // The person said STOP: silence.
        return Vec::new();
    }
    if sortie.resultats {
        if let Some(aides) = &sortie.aides {
            if aides.iter().any(|a| a.statut == Statut::Eligible) {
                return resultats(moteur, aides, langue, suppose);
            }
        }
    }
    let clavier = clavier_invite(moteur, sortie.invite.as_ref(), langue);
    let mut sortants: Vec<Sortant> = sortie
        .messages
        .iter()
        .flat_map(|m| decouper(m, LONGUEUR_MAX))
        .map(|texte| Sortant {
            texte,
            html: false,
            clavier: Clavier::Aucun,
        })
        .collect();
    if let Some(dernier) = sortants.last_mut() {
        dernier.clavier = clavier;
    }
    sortants
}

/// The keyboard of the question waiting: its options, or yes and no; when
/// no question offers options, the previous keyboard is removed.
fn clavier_invite(moteur: &Moteur, invite: Option<&Invite>, langue: Langue) -> Clavier {
    let Some(invite) = invite else {
        return Clavier::Retirer;
    };
    if invite.kind == Genre::OuiNon {
        return Clavier::Reponses(vec![vec![
            moteur.textes.msg(langue, "tg-oui", &[]),
            moteur.textes.msg(langue, "tg-non", &[]),
        ]]);
    }
    if invite.choices.is_empty() {
        return Clavier::Retirer;
    }
    // "2. Locataire": the engine reads the key first, so the button works
    // whatever the language of the label.
    Clavier::Reponses(
        invite
            .choices
            .iter()
            .map(|o| vec![format!("{}. {}", o.key, o.label)])
            .collect(),
    )
}

/// The eligible aids in the engine's order: the numbers the person types
/// for a detail refer to it.
pub use crate::dialogue::moteur::eligibles;

/// The results card: one block per eligible aid, then what to do next.
fn resultats(moteur: &Moteur, aides: &[ResultatAide], l: Langue, suppose: bool) -> Vec<Sortant> {
    let t = |id: &str, args: &[(&str, Arg)]| moteur.textes.msg(l, id, args);
    let mut blocs: Vec<(String, Option<(String, String)>)> = Vec::new();
    blocs.push((
        format!("<b>{}</b>", echapper(&t("resultats-titre", &[])).trim()),
        None,
    ));
    for (i, a) in eligibles(aides).into_iter().enumerate() {
        // The aid's own sentences in the conversation's language.
        let ecrite = moteur.textes.aide(l, &moteur.regles, a);
        let nom = format!("<b>{}</b>", echapper(&ecrite.libelle()));
        let n = ("n", Arg::Nombre(i as i64 + 1));
        let mut bloc = match a.montant.filter(|m| *m > Decimal::ZERO) {
            Some(m) => {
                let id = match a.periodicite {
                    Some(Periodicite::Annuelle) | Some(Periodicite::Unique) => "resultat-an",
                    _ => "resultat-mois",
                };
                avec_html(
                    moteur,
                    l,
                    id,
                    &[n],
                    &[("aide", nom), ("montant", echapper(&format_euros(m, l)))],
                )
            }
            None => avec_html(moteur, l, "resultat-sans-montant", &[n], &[("aide", nom)]),
        };
        let mut lien = None;
        if let Some(d) = &a.demarche {
            if let Some(tel) = &d.telephone {
                bloc.push('\n');
                bloc.push_str(&avec_html(
                    moteur,
                    l,
                    "detail-telephone",
                    &[],
                    &[("telephone", lien_tel(tel))],
                ));
            }
            if !d.documents.is_empty() {
                bloc.push('\n');
                bloc.push_str(&echapper(&t(
                    "detail-documents",
                    &[("documents", Arg::Texte(ecrite.documents().join(", ")))],
                )));
            }
            match d.url.as_deref().filter(|u| url_web(u)) {
                Some(url) => {
                    let court = ecrite.libelle_court();
                    let libelle = t("tg-faire-la-demande", &[("aide", Arg::Texte(court))]);
                    lien = Some((libelle, url.to_string()));
                }
                None => {
                    if let Some(ou) = d.url.clone().or_else(|| ecrite.demarche_texte()) {
                        bloc.push('\n');
                        bloc.push_str(&echapper(&t("detail-demarche", &[("ou", Arg::Texte(ou))])));
                    }
                }
            }
        }
        blocs.push((bloc, lien));
    }
    // Blocks are grouped into messages under the limit; each message carries
    // the buttons of its own aids.
    let mut sortants = Vec::new();
    let mut texte = String::new();
    let mut liens = Vec::new();
    for (bloc, lien) in blocs {
        if !texte.is_empty() && texte.chars().count() + 2 + bloc.chars().count() > LONGUEUR_MAX {
            sortants.push(carte(
                std::mem::take(&mut texte),
                std::mem::take(&mut liens),
            ));
        }
        if !texte.is_empty() {
            texte.push_str("\n\n");
        }
        // A single block over the limit (never seen: aid texts are short) is cut.
        if bloc.chars().count() > LONGUEUR_MAX {
            texte.push_str(&echapper(
                &sans_balises(&bloc)
                    .chars()
                    .take(LONGUEUR_MAX)
                    .collect::<String>(),
            ));
        } else {
            texte.push_str(&bloc);
        }
        liens.extend(lien);
    }
    if !texte.is_empty() {
        sortants.push(carte(texte, liens));
    }
    let a_verifier = aides
        .iter()
        .filter(|a| a.statut == Statut::Indetermine)
        .count();
    let mut pied = Vec::new();
    if suppose {
        pied.push(t("resultats-suppose", &[]));
    }
    if a_verifier > 0 {
        pied.push(t(
            "resultats-a-verifier",
            &[("n", Arg::Nombre(a_verifier as i64))],
        ));
    }
    pied.push(t("resultats-fin", &[]));
    sortants.push(Sortant {
        texte: pied.join("\n"),
        html: false,
        clavier: Clavier::Retirer,
    });
    sortants
}

fn carte(texte: String, liens: Vec<(String, String)>) -> Sortant {
    let clavier = if liens.is_empty() {
        Clavier::Aucun
    } else {
        Clavier::Liens(liens)
    };
    Sortant {
        texte,
        html: true,
        clavier,
    }
}

/// Formats a Fluent message as HTML: the message's own words are escaped,
/// the `html` arguments are inserted as they are (already safe HTML).
fn avec_html(
    moteur: &Moteur,
    l: Langue,
    id: &str,
    args: &[(&str, Arg)],
    html: &[(&str, String)],
) -> String {
    // Private-use characters stand for the HTML arguments while the text is
    // escaped, then are replaced.
    let mut tous: Vec<(&str, Arg)> = args.to_vec();
    for (i, (nom, _)) in html.iter().enumerate() {
        tous.push((nom, Arg::Texte(marque(i))));
    }
    let mut s = echapper(&moteur.textes.msg(l, id, &tous));
    for (i, (_, valeur)) in html.iter().enumerate() {
        s = s.replace(&marque(i), valeur);
    }
    s
}

fn marque(i: usize) -> String {
    format!("\u{E000}{i}\u{E001}")
}

/// Whether Telegram accepts a URL on a button (http or https only).
fn url_web(url: &str) -> bool {
    (url.starts_with("https://") || url.starts_with("http://")) && url::Url::parse(url).is_ok()
}

/// A phone number as a `tel:` link, shown as written. French numbers of ten
/// digits get the +33 prefix; short numbers (39 39) are dialled as they are.
pub fn lien_tel(affiche: &str) -> String {
    let chiffres: String = affiche
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    let cible = match chiffres.strip_prefix('0') {
        Some(reste) if chiffres.len() == 10 => format!("+33{reste}"),
        _ => chiffres,
    };
    if cible.is_empty() {
        return echapper(affiche);
    }
    format!(
        "<a href=\"tel:{}\">{}</a>",
        echapper(&cible),
        echapper(affiche)
    )
}

/// Escapes text for Telegram's HTML (`<`, `>`, `&`, and `"` for attributes).
pub fn echapper(s: &str) -> String {
    let mut r = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => r.push_str("&lt;"),
            '>' => r.push_str("&gt;"),
            '&' => r.push_str("&amp;"),
            '"' => r.push_str("&quot;"),
            c => r.push(c),
        }
    }
    r
}

/// The visible text of Telegram HTML: tags dropped, entities decoded.
pub fn sans_balises(html: &str) -> String {
    let mut r = String::with_capacity(html.len());
    let mut dans_balise = false;
    for c in html.chars() {
        match c {
            '<' => dans_balise = true,
            '>' if dans_balise => dans_balise = false,
            c if !dans_balise => r.push(c),
            _ => {}
        }
    }
    r.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

/// Cuts a text into pieces of at most `max` characters, at a line break if
/// there is one in the second half of the piece, else at a space, else
/// anywhere.
pub fn decouper(texte: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut pieces = Vec::new();
    let mut reste: &str = texte;
    while reste.chars().count() > max {
        let fin = reste
            .char_indices()
            .nth(max)
            .map(|(i, _)| i)
            .unwrap_or(reste.len());
        let tete = &reste[..fin];
        let moitie = tete
            .char_indices()
            .nth(max / 2)
            .map(|(i, _)| i)
            .unwrap_or(0);
        let coupe = tete
            .rfind('\n')
            .filter(|&i| i >= moitie)
            .or_else(|| tete.rfind(' ').filter(|&i| i >= moitie))
            .unwrap_or(fin);
        let piece = reste[..coupe].trim_end();
        if !piece.is_empty() {
            pieces.push(piece.to_string());
        }
        reste = reste[coupe..].trim_start();
    }
    if !reste.is_empty() || pieces.is_empty() {
        pieces.push(reste.to_string());
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decouper_respecte_la_limite_et_les_lignes() {
        let texte = format!("{}\n{}", "a".repeat(30), "b ".repeat(40));
        let pieces = decouper(&texte, 40);
        assert!(pieces.iter().all(|p| p.chars().count() <= 40), "{pieces:?}");
        assert_eq!(pieces[0], "a".repeat(30));
        assert_eq!(
            pieces.concat().replace([' ', '\n'], ""),
            texte.replace([' ', '\n'], "")
        );
        assert_eq!(decouper("court", 4096), vec!["court"]);
        assert_eq!(decouper(&"é".repeat(10), 4).concat(), "é".repeat(10));
    }

    #[test]
    fn liens_tel() {
        assert_eq!(
            lien_tel("0 805 204 805"),
            "<a href=\"tel:+33805204805\">0 805 204 805</a>"
        );
        assert_eq!(lien_tel("39 39"), "<a href=\"tel:3939\">39 39</a>");
        assert_eq!(lien_tel("aucun"), "aucun");
    }

    #[test]
    fn la_carte_des_resultats_parle_la_langue_de_la_conversation() {
        let regles = crate::rules::RuleSet::integre().unwrap();
        let situation = crate::situation::Situation::from_json(
            r#"{"couple": false, "demandeur": {"age": 31}, "enfants": [{"age": 7}]}"#,
        )
        .unwrap();
        let mois = crate::situation::Mois {
            annee: 2026,
            mois: 11,
        };
        let aides = regles.evaluer(&situation, mois).aides;
        let moteur = Moteur::integre(regles, crate::dialogue::Reglages::default()).unwrap();
        let sortie = Sortie {
            messages: vec!["(the SMS text, replaced by the card)".into()],
            resultats: true,
            langue: Langue::En,
            aides: Some(aides),
            ..Sortie::default()
        };
        let carte = &composer(&moteur, &sortie, Langue::En, false)[0];
        assert!(
            carte
                .texte
                .contains("<b>Family support allowance (ASF)</b>"),
            "{}",
            carte.texte
        );
        assert!(
            carte.texte.contains("Bank details (RIB)"),
            "{}",
            carte.texte
        );
        let Clavier::Liens(liens) = &carte.clavier else {
            panic!("{:?}", carte.clavier)
        };
        assert!(
            liens
                .iter()
                .any(|(l, _)| l.contains("Family support (ASF)")),
            "{liens:?}"
        );
        let carte = &composer(&moteur, &sortie, Langue::Fr, false)[0];
        assert!(
            carte
                .texte
                .contains("<b>Allocation de soutien familial (ASF)</b>"),
            "{}",
            carte.texte
        );
    }

    #[test]
    fn echapper_puis_retirer_les_balises() {
        let h = format!("<b>{}</b>", echapper("A & B <c>"));
        assert_eq!(h, "<b>A &amp; B &lt;c&gt;</b>");
        assert_eq!(sans_balises(&h), "A & B <c>");
    }
}

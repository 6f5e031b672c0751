//! Keywords understood in any state (AIDE, RETOUR, STOP, RAPPEL…, in French
//! and English), recognised before a message is read as an answer.

use super::reponse;
use crate::textes::Langue;

/// A keyword recognised in any state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum MotCle {
    Aide,
    Retour,
    Recommencer,
    Stop,
    Reprendre,
    /// A greeting in a given language: starts the conversation in it.
    Bonjour(Langue),
    Effacer,
    Rappel,
    Langue(Langue),
    Contact,
    Suite,
    /// "merci", "thanks": a kind word back, nothing changes.
    Merci,
    /// "ça va ?", "t'es un robot ?": a short honest answer, nothing changes.
    Bavardage,
}

pub(super) fn mot_cle(texte: &str) -> Option<MotCle> {
    // A lone "?" asks for help with the question, it does not skip it.
    let brut = texte.trim();
    if !brut.is_empty()
        && brut
            .chars()
            .all(|c| matches!(c, '?' | '¿' | '？') || c.is_whitespace())
    {
        return Some(MotCle::Aide);
    }
    let n = reponse::normaliser(texte);
    let n = n.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    Some(match n.as_str() {
        "aide" | "help" | "aider" | "au secours" | "menu" => MotCle::Aide,
        "retour" | "back" | "precedent" | "precedente" | "revenir" | "annuler" | "undo" => {
            MotCle::Retour
        }
        "recommencer"
        | "restart"
        | "reset"
        | "recommence"
        | "nouvelle simulation"
        | "reprendre a zero" => MotCle::Recommencer,
        "stop" | "arret" | "arreter" | "stop sms" | "unsubscribe" | "stopp" | "desabonner" => {
            MotCle::Stop
        }
        "start" | "bonjour" | "bjr" | "salut" | "coucou" | "bonsoir" | "reprendre" => {
            MotCle::Reprendre
        }
        "hello" | "hi" | "good morning" | "hey" => MotCle::Bonjour(Langue::En),
        "effacer" | "erase" | "delete" | "supprimer" | "effacer mes donnees" | "oublier" => {
            MotCle::Effacer
        }
        "rappel" | "call" | "rappelez moi" | "appelez moi" | "callback" | "call me"
        | "call back" => MotCle::Rappel,
        "langue en" | "language en" | "english" | "langue anglais" | "language english"
        | "en anglais" => MotCle::Langue(Langue::En),
        "langue fr" | "language fr" | "language french" | "langue francais" | "en francais"
        | "in french" => MotCle::Langue(Langue::Fr),
        "contact" | "qui etes vous" | "who are you" | "info" | "infos" => MotCle::Contact,
        "suite" | "more" | "plus" | "next" => MotCle::Suite,
        "merci"
        | "mrc"
        | "mci"
        | "merci beaucoup"
        | "merci bcp"
        | "merci a vous"
        | "ok merci"
        | "d accord merci"
        | "super merci"
        | "merci bien"
        | "thanks"
        | "thank you"
        | "thx"
        | "ok thanks"
        | "thank you very much"
        | "cool merci"
        | "top merci" => MotCle::Merci,
        "ca va" | "comment ca va" | "ca va et vous" | "vous allez bien" | "t es un robot"
        | "tu es un robot" | "vous etes un robot" | "c est un robot" | "robot" | "how are you"
        | "are you a robot" | "are you a bot" | "are you human" | "vous etes humain" => {
            MotCle::Bavardage
        }
        _ => return None,
    })
}

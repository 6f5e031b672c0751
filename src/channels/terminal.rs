//! The terminal channel of `guichet chat`: one line typed is one message,
//! the replies are printed as the phone would show them (transliterated to
//! GSM-7, `<` before each reply). It lets a policy expert or a developer
//! walk a conversation without a phone, through the same service as SMS
//! (the channel `chat`, one sender: `terminal`).

use crate::service::{Message, Service};
use crate::sms::gsm7;
use std::io::{BufRead, Write};

/// Converses until the input ends: each line read is handed to the
/// service, its replies written to `sortie`. With `debug`, each reply's
/// encoding and segment count, and the field and kind of the question
/// waiting, are printed too. A storage error is written to `erreurs` and
/// the conversation goes on (the message can be typed again).
pub fn converser(
    service: &Service,
    entree: impl BufRead,
    mut sortie: impl Write,
    mut erreurs: impl Write,
    debug: bool,
) -> std::io::Result<()> {
    for ligne in entree.lines() {
        let ligne = ligne?;
        let texte = ligne.trim_end_matches('\r');
        let reponse = service.traiter(&Message {
            canal: "chat",
            expediteur: "terminal",
            texte,
            id: None,
            langue: None,
        });
        let s = match reponse {
            Ok(s) => s,
            Err(e) => {
                writeln!(erreurs, "{e}")?;
                continue;
            }
        };
        for m in &s.messages {
            let t = gsm7::translitterer(m);
            for (i, l) in t.lines().enumerate() {
                writeln!(sortie, "{} {l}", if i == 0 { "<" } else { " " })?;
            }
            if debug {
                let (encodage, n) = gsm7::segments(&t);
                writeln!(sortie, "  [{encodage:?}, {n} segment(s)]")?;
            }
        }
        if let (true, Some(invite)) = (debug, &s.invite) {
            writeln!(sortie, "  [{} : {}]", invite.field, invite.kind.nom())?;
        }
        sortie.flush()?;
        write!(erreurs, "> ")?;
        erreurs.flush()?;
    }
    Ok(())
}

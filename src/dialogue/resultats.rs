//! The results: the aids granted with their amounts, page by page within the
//! SMS budget, what stays open and what was presumed; the detail of one aid
//! (why, how much, how to apply); the written summary an agent can send.

use super::champs::{champ_sans_personne, champs_concrets, condition_vraie};
use super::conversation::{Conversation, Entrant, Etape, Tour};
use super::moteur::{Moteur, SEPARATION};
use super::questions::Question;
use super::reponse;
use crate::rules::{Evaluation, Periodicite, ResultatAide, Statut};
use crate::situation::Mois;
use crate::textes::{Arg, Langue, format_euros};
use rust_decimal::Decimal;
use serde_json::Value;

/// The eligible aids, largest monthly amount first (a yearly or one-off
/// amount counts as a twelfth). Results are numbered in this order on every
/// channel: the number a person types for a detail refers to it.
pub fn eligibles(aides: &[ResultatAide]) -> Vec<&ResultatAide> {
    let mut v: Vec<&ResultatAide> = aides
        .iter()
        .filter(|a| a.statut == Statut::Eligible)
        .collect();
    let mensuel = |a: &ResultatAide| -> Decimal {
        let m = a.montant.unwrap_or_default();
        match a.periodicite {
            Some(Periodicite::Annuelle) | Some(Periodicite::Unique) => m / Decimal::from(12),
            _ => m,
        }
    };
    v.sort_by_key(|a| std::cmp::Reverse(mensuel(a)));
    v
}

impl Moteur {
    /// A written summary of the results, for the person to keep: every
    /// aid granted with its amount and where to apply, packed into as few
    /// SMS as the segment budget allows. Empty when nothing is granted.
    pub fn recapitulatif(&self, c: &Conversation, mois: Mois) -> Vec<String> {
        let l = c.langue;
        let eval = self.evaluer(c, mois);
        let eligibles = eligibles(&eval.aides);
        if eligibles.is_empty() {
            return Vec::new();
        }
        let mut blocs = vec![self.t(l, "recapitulatif-titre", &[])];
        for (i, a) in eligibles.iter().enumerate() {
            let mut bloc = self.ligne_aide(l, i + 1, a, &eligibles);
            if let Some(d) = &a.demarche {
                let ecrite = self.textes.aide(l, &self.regles, a);
                if let Some(ou) = d.url.clone().or_else(|| ecrite.demarche_texte()) {
                    bloc.push('\n');
                    bloc.push_str(&self.t(l, "detail-demarche", &[("ou", Arg::Texte(ou))]));
                }
                if let Some(t) = &d.telephone {
                    bloc.push(' ');
                    bloc.push_str(&self.t(
                        l,
                        "detail-telephone",
                        &[("telephone", Arg::Texte(t.clone()))],
                    ));
                }
            }
            blocs.push(bloc);
        }
        blocs.push(self.t(
            l,
            "recapitulatif-fin",
            &[("contact", Arg::Texte(self.reglages.contact.clone()))],
        ));
        self.emballer(blocs)
    }

    /// The short name of an aid, for SMS, in the conversation's language.
    pub(super) fn nom_court(&self, langue: Langue, a: &ResultatAide) -> String {
        self.textes.aide(langue, &self.regles, a).libelle_court()
    }

    /// One line of the results; an aid paid instead of one listed above it
    /// reads "ou, à la place : …" (the RSA or the ASS, not both).
    pub(super) fn ligne_aide(
        &self,
        langue: Langue,
        n: usize,
        a: &ResultatAide,
        listees: &[&ResultatAide],
    ) -> String {
        let au_lieu = self
            .regles
            .aides
            .iter()
            .find(|d| d.id == a.id)
            .is_some_and(|d| {
                listees[..n.saturating_sub(1).min(listees.len())]
                    .iter()
                    .any(|b| d.exclusive_de.contains(&b.id))
            });
        let ligne = self.ligne_aide_seule(langue, n, a);
        if au_lieu {
            self.t(langue, "resultat-ou", &[("ligne", Arg::Texte(ligne))])
        } else {
            ligne
        }
    }

    pub(super) fn ligne_aide_seule(&self, langue: Langue, n: usize, a: &ResultatAide) -> String {
        let aide = Arg::Texte(self.nom_court(langue, a));
        match a.montant.filter(|m| *m > Decimal::ZERO) {
            Some(m) => {
                let id = match a.periodicite {
                    Some(Periodicite::Annuelle) | Some(Periodicite::Unique) => "resultat-an",
                    _ => "resultat-mois",
                };
                self.t(
                    langue,
                    id,
                    &[
                        ("n", Arg::Nombre(n as i64)),
                        ("aide", aide),
                        ("montant", Arg::Texte(format_euros(m, langue))),
                    ],
                )
            }
            None => self.t(
                langue,
                "resultat-sans-montant",
                &[("n", Arg::Nombre(n as i64)), ("aide", aide)],
            ),
        }
    }

    /// Gives the results, from aid number `debut` (0 for the first page).
    ///
    /// The first page always says what stays open and what was presumed:
    /// aids that fit come first, and when even one aid leaves no room for
    /// those notes, the notes go in a reply of their own. "No aid found" is
    /// said only when no aid is left undetermined.
    pub(super) fn resultats(
        &self,
        c: &mut Conversation,
        eval: &Evaluation,
        mois: Mois,
        debut: usize,
        blocs: &mut Vec<String>,
        tour: &mut Tour,
    ) {
        let l = c.langue;
        let eligibles = eligibles(&eval.aides);
        let ouvertes: Vec<&ResultatAide> = eval
            .aides
            .iter()
            .filter(|a| a.statut == Statut::Indetermine)
            .collect();
        tour.aides = Some(eval.aides.clone());
        tour.invite = None;
        if eligibles.is_empty() {
            c.etape = Etape::Resultats { suite: 0 };
            if ouvertes.is_empty() {
                blocs.push(self.t(l, "resultats-rien", &[]));
            } else {
                blocs.push(format!(
                    "{} {}",
                    self.t(l, "resultats-pas-encore", &[]),
                    self.a_verifier(c, &ouvertes)
                ));
            }
            return;
        }
        let debut = if debut >= eligibles.len() { 0 } else { debut };
        // Notes of the first page: what stays open, then what was presumed.
        let mut notes = Vec::new();
        if debut == 0 {
            if let Some(p) = self.presomptions(c, &eval.aides, &eligibles, mois) {
                notes.push(p);
            }
            if !ouvertes.is_empty() {
                notes.push(self.a_verifier(c, &ouvertes));
            }
        }
        // The page must fit in one reply with what precedes it in this turn.
        let deja = blocs.join("\n");
        let detail = self.t(l, "resultats-detail", &[]);
        let suite_txt = self.t(l, "resultats-suite", &[]);
        // A page: the list, then the notes given, then how to go on.
        let page = |lignes: &[String], notes: &[String], reste: bool| {
            let mut pied: Vec<String> = notes.to_vec();
            pied.push(detail.clone());
            if reste {
                pied.push(suite_txt.clone());
            }
            format!("{}\n{}", lignes.join("\n"), pied.join(" "))
        };
        let tient_ici = |texte: &str| self.tient(format!("{deja}\n{texte}").trim_start());
        let lignes_de = |jusqua: usize| {
            let mut lignes = vec![self.t(l, "resultats-titre", &[])];
            lignes.extend(
                (debut..jusqua).map(|i| self.ligne_aide(l, i + 1, eligibles[i], &eligibles)),
            );
            lignes
        };
        // As many aids as fit with the notes; at least one.
        let mut fin = debut + 1;
        while fin < eligibles.len()
            && tient_ici(&page(
                &lignes_de(fin + 1),
                &notes,
                fin + 1 < eligibles.len(),
            ))
        {
            fin += 1;
        }
        let reste = fin < eligibles.len();
        let lignes = lignes_de(fin);
        let avec_notes = page(&lignes, &notes, reste);
        if notes.is_empty() || tient_ici(&avec_notes) {
            blocs.push(avec_notes);
        } else {
            // The notes in a reply of their own, after the list.
            blocs.push(page(&lignes, &[], reste));
            blocs.push(SEPARATION.to_string());
            blocs.push(notes.join(" "));
        }
        c.etape = Etape::Resultats { suite: fin };
    }

    /// What the person can do once the results are given: ask for an aid's
    /// detail (only when one was found), start again, or ask for a call.
    pub(super) fn fin_des_resultats(&self, c: &Conversation, mois: Mois) -> String {
        let id = if eligibles(&self.evaluer(c, mois).aides).is_empty() {
            "resultats-fin-sans-aide"
        } else {
            "resultats-fin"
        };
        self.t(c.langue, id, &[])
    }

    /// "Restent à vérifier : RSA, prime d'activité (selon votre salaire).
    /// RAPPEL : un conseiller vous aide." The aids left undetermined, what
    /// would decide them, and the way to an adviser.
    pub(super) fn a_verifier(&self, c: &Conversation, ouvertes: &[&ResultatAide]) -> String {
        let l = c.langue;
        let aides = if ouvertes.len() <= 3 {
            ouvertes
                .iter()
                .map(|a| self.nom_court(l, a))
                .collect::<Vec<_>>()
                .join(", ")
        } else {
            self.t(
                l,
                "resultats-n-aides",
                &[("n", Arg::Nombre(ouvertes.len() as i64))],
            )
        };
        // What decides them: the subject of the questions that ask their
        // missing fields, the person's "je ne sais pas" first.
        let json = serde_json::to_value(&c.situation).unwrap_or(Value::Null);
        let mut sujets: Vec<String> = Vec::new();
        let manquants: Vec<&str> = ouvertes
            .iter()
            .flat_map(|a| a.champs_manquants.iter())
            .collect();
        let mut questions: Vec<&Question> = c
            .repondues
            .iter()
            .chain(c.relancees.iter())
            .filter_map(|id| self.questions.question(id))
            .collect();
        questions.extend(self.questions.liste.iter());
        let mut groupes: Vec<&str> = Vec::new();
        for q in questions {
            let champs = champs_concrets(q, &c.situation, &json);
            if !champs.iter().any(|ch| manquants.contains(&ch.as_str()))
                || groupes.contains(&q.groupe.as_str())
            {
                continue;
            }
            groupes.push(&q.groupe);
            let id = format!("sujet-{}", q.id);
            if !self.textes.existe(&id, None) {
                continue;
            }
            let sujet = self.t(l, &id, &[]);
            if !sujets.contains(&sujet) && sujets.len() < 3 {
                sujets.push(sujet);
            }
        }
        let selon = if sujets.is_empty() {
            String::new()
        } else {
            self.t(
                l,
                "resultats-selon",
                &[("sujets", Arg::Texte(sujets.join(", ")))],
            )
        };
        self.t(
            l,
            "resultats-a-verifier",
            &[
                ("n", Arg::Nombre(ouvertes.len() as i64)),
                ("aides", Arg::Texte(aides)),
                ("selon", Arg::Texte(selon)),
            ],
        )
    }

    /// "Calcul fait sans épargne importante, pension alimentaire ni
    /// grossesse." The values presumed rather than asked that the aids
    /// granted rest on, and those an unasked question could open an aid
    /// with (a pregnancy); `None` when nothing was presumed.
    pub(super) fn presomptions(
        &self,
        c: &Conversation,
        aides: &[ResultatAide],
        eligibles: &[&ResultatAide],
        mois: Mois,
    ) -> Option<String> {
        let l = c.langue;
        // Fields a question could settle are weighed below, not here: the
        // student grant a housing aid reads means nothing to a non-student.
        let par_question = |ch: &str| {
            self.questions
                .liste
                .iter()
                .any(|q| q.contre_valeur.is_some() && q.champs.iter().any(|c| c == ch))
        };
        let mut champs: Vec<String> = eligibles
            .iter()
            .flat_map(|a| a.hypotheses.chemins())
            .filter(|ch| !par_question(ch))
            .map(String::from)
            .collect();
        // A presumption a question could have settled but that was not
        // asked: said when its other value would change any aid (a
        // pregnancy opens the birth grant), not only one granted.
        let json = serde_json::to_value(&c.situation).unwrap_or(Value::Null);
        for q in &self.questions.liste {
            let (Some(autre), [champ]) = (&q.contre_valeur, q.champs.as_slice()) else {
                continue;
            };
            let presume = condition_vraie(q, &c.situation, &json)
                && aides
                    .iter()
                    .any(|a| a.hypotheses.chemins().any(|ch| ch == champ));
            if presume && self.change_une_aide(&json, champ, autre, aides, None, mois) {
                champs.push(champ.clone());
            }
        }
        champs.extend(c.supposes.iter().cloned());
        let mut mots: Vec<String> = Vec::new();
        for ch in &champs {
            let id = format!("sans-{}", champ_sans_personne(ch));
            if !self.textes.existe(&id, None) {
                continue;
            }
            let mot = self.t(l, &id, &[]);
            if !mots.contains(&mot) {
                mots.push(mot);
            }
        }
        let dernier = mots.pop()?;
        let liste = if mots.is_empty() {
            dernier
        } else {
            self.t(
                l,
                "liste-ni",
                &[
                    ("debut", Arg::Texte(mots.join(", "))),
                    ("fin", Arg::Texte(dernier)),
                ],
            )
        };
        Some(self.t(l, "resultats-suppose", &[("liste", Arg::Texte(liste))]))
    }

    /// Detail of one aid, after the results.
    pub(super) fn detail(
        &self,
        c: &mut Conversation,
        e: &Entrant,
        blocs: &mut Vec<String>,
        tour: &mut Tour,
    ) {
        let l = c.langue;
        let eval = self.evaluer(c, e.mois);
        let eligibles = eligibles(&eval.aides);
        let n = reponse::nombre(e.texte).valeur();
        let choisi = n
            .filter(|d| d.fract().is_zero() && *d >= Decimal::ONE)
            .and_then(|d| {
                usize::try_from(d.mantissa())
                    .ok()
                    .map(|m| m / 10usize.pow(d.scale()))
            })
            .and_then(|i| eligibles.get(i - 1));
        let Some(a) = choisi else {
            if eligibles.is_empty() {
                blocs.push(self.t(l, "resultats-fin-sans-aide", &[]));
            } else {
                blocs.push(self.t(
                    l,
                    "resultats-numero",
                    &[("n", Arg::Nombre(eligibles.len() as i64))],
                ));
                blocs.push(self.t(l, "resultats-fin", &[]));
            }
            return;
        };
        tour.aides = Some(eval.aides.clone());
        // The aid's own sentences in the conversation's language.
        let ecrite = self.textes.aide(l, &self.regles, a);
        let aide = Arg::Texte(ecrite.libelle_court());
        let tete = match a.montant.filter(|m| *m > Decimal::ZERO) {
            Some(m) => {
                let id = match a.periodicite {
                    Some(Periodicite::Annuelle) | Some(Periodicite::Unique) => "detail-montant-an",
                    _ => "detail-montant-mois",
                };
                self.t(
                    l,
                    id,
                    &[("aide", aide), ("montant", Arg::Texte(format_euros(m, l)))],
                )
            }
            None => self.t(l, "detail-sans-montant", &[("aide", aide)]),
        };
        let mut fixe = Vec::new();
        if let Some(d) = &a.demarche {
            // The link, then in words where and how to apply (the sentence
            // alone when there is no link).
            let texte = ecrite.demarche_texte();
            let (ou, puis) = match (&d.url, texte) {
                (Some(url), t) => (Some(url.clone()), t),
                (None, t) => (t, None),
            };
            if let Some(ou) = ou {
                fixe.push(self.t(l, "detail-demarche", &[("ou", Arg::Texte(ou))]));
            }
            fixe.extend(puis);
            if let Some(t) = &d.telephone {
                fixe.push(self.t(
                    l,
                    "detail-telephone",
                    &[("telephone", Arg::Texte(t.clone()))],
                ));
            }
            if !d.documents.is_empty() {
                fixe.push(self.t(
                    l,
                    "detail-documents",
                    &[("documents", Arg::Texte(ecrite.documents().join(", ")))],
                ));
            }
        }
        // Two replies: why and how much, then how to apply (a third when
        // the documents do not fit beside where to apply). The person asked
        // for the detail; each reply still fits the budget on its own.
        let mut pourquoi = tete;
        for phrase in ecrite.pourquoi() {
            let essai = format!("{pourquoi} {phrase}");
            if self.tient(&essai) {
                pourquoi = essai;
            }
        }
        blocs.push(pourquoi);
        if !fixe.is_empty() {
            blocs.push(SEPARATION.to_string());
            // One piece each: a long list of documents goes on to another
            // reply rather than being cut.
            blocs.extend(fixe);
        }
    }
}

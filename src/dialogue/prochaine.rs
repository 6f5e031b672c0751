//! Which question to ask next: after each answer every aid is evaluated, and
//! the question asked is the one whose fields the most undetermined aids
//! still miss; a presumed field is asked only when its other value would
//! change an aid granted; a "je ne sais pas" that still decides an aid comes
//! back once at the end. Also the estimate of questions left (progress).

use super::champs::{assigner, champs_concrets, condition_possible, condition_vraie, valeur_champ};
use super::conversation::Conversation;
use super::moteur::Moteur;
use super::questions::Question;
use crate::rules::{Evaluation, ResultatAide, Statut};
use crate::situation::{Mois, Situation};
use serde_json::Value;

/// A question that can be asked now, with the fields it would fill.
pub(super) struct Candidat<'q> {
    pub(super) question: &'q Question,
    pub(super) champs: Vec<String>,
}

impl Moteur {
    /// For each undetermined aid, the fields worth asking: its missing
    /// fields the person did not say they ignore, plus the fields that open
    /// a question about them (the partner's activity opens the question on
    /// the partner's salary, which the aid needs).
    pub(super) fn utiles(
        &self,
        conversation: &Conversation,
        json: &Value,
        eval: &Evaluation,
        mois: Mois,
    ) -> Vec<Vec<String>> {
        let s = &conversation.situation;
        let mut utiles: Vec<Vec<String>> = eval
            .aides
            .iter()
            .filter(|a| a.statut == Statut::Indetermine)
            .map(|a| {
                a.champs_manquants
                    .iter()
                    .filter(|c| !conversation.ignores.iter().any(|i| i == *c))
                    .map(|c| c.to_string())
                    .collect()
            })
            .collect();
        let fermees: Vec<(&Question, Vec<String>)> = self
            .questions
            .liste
            .iter()
            .filter(|q| !conversation.repondues.contains(&q.id))
            .filter(|q| !condition_vraie(q, s, json) && condition_possible(q, s, json))
            .map(|q| (q, champs_concrets(q, s, json)))
            .collect();
        // Two rounds cover a chain of two conditions.
        for _ in 0..2 {
            for manquants in utiles.iter_mut() {
                let mut ajouts = Vec::new();
                for (q, champs) in &fermees {
                    if champs.iter().any(|c| manquants.contains(c)) {
                        for t in q.si.iter().flatten() {
                            if valeur_champ(s, json, &t.champ).is_none()
                                && !conversation.ignores.contains(&t.champ)
                                && !manquants.contains(&t.champ)
                                && !ajouts.contains(&t.champ)
                            {
                                ajouts.push(t.champ.clone());
                            }
                        }
                    }
                }
                manquants.extend(ajouts);
            }
        }
        // A presumed field that would change an aid the person gets counts
        // as one more aid to settle.
        utiles.extend(
            self.presumes_decisifs(conversation, json, eval, mois)
                .into_iter()
                .map(|champ| vec![champ]),
        );
        utiles
    }

    /// The presumed fields (no child support, not pregnant, no student
    /// grant…) whose other value, tried now, would change the status or
    /// the amount of an aid the person gets: those are worth a question.
    pub(super) fn presumes_decisifs(
        &self,
        conversation: &Conversation,
        json: &Value,
        eval: &Evaluation,
        mois: Mois,
    ) -> Vec<String> {
        let s = &conversation.situation;
        let mut decisifs = Vec::new();
        for q in &self.questions.liste {
            let Some(autre) = &q.contre_valeur else {
                continue;
            };
            let champ = &q.champs[0];
            if conversation.repondues.contains(&q.id)
                || conversation.ignores.contains(champ)
                || decisifs.contains(champ)
                || valeur_champ(s, json, champ).is_some()
                || !condition_vraie(q, s, json)
            {
                continue;
            }
            if self.change_une_aide(
                json,
                champ,
                autre,
                &eval.aides,
                Some(Statut::Eligible),
                mois,
            ) {
                decisifs.push(champ.clone());
            }
        }
        decisifs
    }

    /// Whether giving `champ` the value `autre` changes the status or the
    /// amount of one of `aides` (of those with status `seulement`, if given).
    pub(super) fn change_une_aide(
        &self,
        json: &Value,
        champ: &str,
        autre: &Value,
        aides: &[ResultatAide],
        seulement: Option<Statut>,
        mois: Mois,
    ) -> bool {
        let mut essai = json.clone();
        assigner(&mut essai, champ, autre);
        let Ok(situation) = serde_json::from_value::<Situation>(essai) else {
            return false;
        };
        let apres = self.regles.statuts(&situation, mois);
        aides
            .iter()
            .filter(|a| seulement.is_none_or(|s| a.statut == s))
            .any(|a| {
                apres
                    .iter()
                    .find(|b| b.id == a.id)
                    .is_none_or(|b| b.statut != a.statut || b.montant != a.montant)
            })
    }

    /// The question to ask next, if any can still change an outcome, given
    /// the fields worth asking of [`Self::utiles`].
    pub(super) fn prochaine<'q>(
        &'q self,
        conversation: &Conversation,
        json: &Value,
        utiles: &[Vec<String>],
    ) -> Option<Candidat<'q>> {
        let s = &conversation.situation;
        let mut meilleur: Option<((usize, usize, i64, i64), Candidat<'q>)> = None;
        for (i, q) in self.questions.liste.iter().enumerate() {
            if conversation.repondues.contains(&q.id) || !condition_vraie(q, s, json) {
                continue;
            }
            let champs: Vec<String> = champs_concrets(q, s, json)
                .into_iter()
                .filter(|c| !conversation.ignores.contains(c))
                .collect();
            if champs.is_empty() {
                continue;
            }
            let aides = utiles
                .iter()
                .filter(|m| m.iter().any(|c| champs.contains(c)))
                .count();
            if aides == 0 {
                continue;
            }
            let couverts = champs
                .iter()
                .filter(|c| utiles.iter().any(|m| m.contains(c)))
                .count();
            let cle = (aides, couverts, -(champs.len() as i64), -(i as i64));
            if meilleur.as_ref().is_none_or(|(k, _)| cle > *k) {
                meilleur = Some((
                    cle,
                    Candidat {
                        question: q,
                        champs,
                    },
                ));
            }
        }
        meilleur.map(|(_, c)| c)
    }

    /// Fields the person said they do not know that still decide an aid
    /// (one of its missing fields), with the answered question that asks
    /// them and has not been asked again yet: in the order they were asked.
    pub(super) fn a_relancer<'q>(
        &'q self,
        c: &Conversation,
        json: &Value,
        eval: &Evaluation,
    ) -> Vec<&'q Question> {
        let decisifs: Vec<&str> = eval
            .aides
            .iter()
            .filter(|a| a.statut == Statut::Indetermine)
            .flat_map(|a| a.champs_manquants.iter())
            .filter(|champ| c.ignores.iter().any(|i| i == champ))
            .collect();
        c.repondues
            .iter()
            .filter(|id| !c.relancees.contains(id))
            .filter_map(|id| self.questions.question(id))
            .filter(|q| {
                champs_concrets(q, &c.situation, json)
                    .iter()
                    .any(|champ| decisifs.contains(&champ.as_str()))
            })
            .collect()
    }

    /// When no new question can change an outcome: the first "je ne sais
    /// pas" that still decides an aid, reopened to be asked once more.
    pub(super) fn relancer<'q>(
        &'q self,
        c: &mut Conversation,
        json: &Value,
        eval: &Evaluation,
    ) -> Option<Candidat<'q>> {
        let q = *self.a_relancer(c, json, eval).first()?;
        let champs = champs_concrets(q, &c.situation, json);
        if let Some(i) = c.repondues.iter().position(|id| *id == q.id) {
            c.repondues.remove(i);
            if i < c.reponses.len() {
                c.reponses.remove(i);
            }
        }
        c.ignores.retain(|champ| !champs.contains(champ));
        c.relancees.push(q.id.clone());
        Some(Candidat {
            question: q,
            champs,
        })
    }

    /// Estimated questions still to ask: questions that can still change an
    /// outcome, counting once the questions that fill the same fields
    /// (single and couple ages, household and personal disability) or that
    /// are alternatives (the income question depends on the activity).
    pub(super) fn restantes(
        &self,
        conversation: &Conversation,
        json: &Value,
        utiles: &[Vec<String>],
    ) -> u32 {
        let s = &conversation.situation;
        let mut groupes: Vec<&str> = Vec::new();
        let mut champs_comptes: Vec<&str> = Vec::new();
        for q in &self.questions.liste {
            if conversation.repondues.contains(&q.id) || !condition_possible(q, s, json) {
                continue;
            }
            let champs = champs_concrets(q, s, json);
            let utile = champs
                .iter()
                .any(|c| !conversation.ignores.contains(c) && utiles.iter().any(|m| m.contains(c)));
            // A rare question (a residence permit, a commune among several)
            // counts only once it applies.
            if q.rare && !condition_vraie(q, s, json) {
                continue;
            }
            if !utile || groupes.contains(&q.groupe.as_str()) {
                continue;
            }
            if q.champs
                .iter()
                .any(|c| champs_comptes.contains(&c.as_str()))
            {
                continue;
            }
            groupes.push(&q.groupe);
            champs_comptes.extend(q.champs.iter().map(|c| c.as_str()));
        }
        groupes.len().max(1) as u32
    }
}

//! The aids' own sentences in the conversation's language: names,
//! conditions met or failed, explanation lines, hypotheses, how to apply
//! and the documents to prepare.
//!
//! French stays in `rules/*.toml`, where policy experts write it beside the
//! formulas it explains, and is what every public format shows (`guichet
//! eval`, `/api/v1/evaluate`). Another language writes the same sentences
//! in `locales/<langue>/aides.ftl`, one Fluent message per sentence, keyed
//! by the aid and the sentence's place in its file
//! ([`crate::rules::phrases`]). Above each message, a `# fr:` comment
//! quotes the French it translates: `guichet check` compares it with the
//! rules, so a reworded or moved French sentence asks for its translation
//! to be reviewed instead of leaving a wrong one in place.
//!
//! An explanation line's values reach its translation as `$v1`, `$v2`…
//! in the French line's order, the month's constants included. Numbers are
//! Fluent numbers, so that a translation can choose a plural
//! (`{ $v1 -> [one] child *[other] children }`), written as amounts are in
//! that language by [`super::format_euros`]; yes/no values are the words
//! of `valeur-oui` and `valeur-non`; words of the rules come as they are,
//! underscores as spaces.
//!
//! Any sentence without a translation is said in French: the check and
//! the tests make sure none is missing.

use super::{ErreurTexte, Langue, Textes, format_euros, langid, ligne_de, lire_ressource};
use crate::rules::explication::{LigneDetaillee, ValeurEcrite};
use crate::rules::phrases::{self, Cas, Phrase, Quoi};
use crate::rules::{Aide, ResultatAide, RuleSet};
use fluent::concurrent::FluentBundle;
use fluent::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use std::str::FromStr;

/// The name of the files holding the aids' sentences, in
/// `locales/<langue>/`.
pub const NOM_DU_FICHIER: &str = "aides.ftl";

/// What starts the comment quoting the French a message translates.
const MARQUE_FRANCAIS: &str = "fr:";

/// Whether a Fluent file holds the aids' sentences.
pub(super) fn est_un_fichier_d_aides(fichier: &str) -> bool {
    fichier.rsplit(['/', '\\']).next() == Some(NOM_DU_FICHIER)
}

/// A translation as its file writes it, for the check.
#[derive(Debug)]
struct Message {
    id: String,
    fichier: String,
    ligne: usize,
    /// The French quoted by the `# fr:` comment above it.
    francais: Option<String>,
    /// The variables it shows (`v1`…), sorted.
    variables: Vec<String>,
}

/// One language's translations of the aids' sentences.
pub(super) struct Traductions {
    langue: Langue,
    bundle: FluentBundle<FluentResource>,
    messages: Vec<Message>,
}

impl Traductions {
    /// Reads the aid files of `langue`. French has none: its sentences are
    /// the rule files' (a French file is reported, since it would not be
    /// read).
    pub(super) fn lire(
        langue: Langue,
        fichiers: &[(&str, &str)],
        erreurs: &mut Vec<ErreurTexte>,
    ) -> Option<Traductions> {
        if langue == Langue::Fr {
            for (fichier, _) in fichiers {
                erreurs.push(ErreurTexte {
                    fichier: fichier.to_string(),
                    ligne: 0,
                    message: "les phrases des aides en français sont celles de rules/*.toml : ce fichier ne serait pas lu".into(),
                });
            }
            return None;
        }
        let mut bundle = FluentBundle::new_concurrent(vec![langid(langue)]);
        bundle.set_use_isolating(false);
        bundle.set_formatter(Some(formateur(langue)));
        let mut messages = Vec::new();
        for (fichier, texte) in fichiers {
            let ressource = lire_ressource(fichier, texte, erreurs);
            // The bundle's reader skips comments: the check reads the file
            // again, comments included (its errors are the bundle's).
            let complet = match fluent_syntax::parser::parse(*texte) {
                Ok(r) => r,
                Err((r, _)) => r,
            };
            for entree in &complet.body {
                if let ast::Entry::Message(m) = entree {
                    let mut variables = Vec::new();
                    if let Some(p) = &m.value {
                        variables_du_motif(p, &mut variables);
                    }
                    variables.sort();
                    variables.dedup();
                    messages.push(Message {
                        id: m.id.name.to_string(),
                        fichier: fichier.to_string(),
                        ligne: ligne_du_message(texte, m.id.name),
                        francais: m.comment.as_ref().and_then(francais_cite),
                        variables,
                    });
                }
            }
            if let Err(errs) = bundle.add_resource(ressource) {
                for e in errs {
                    erreurs.push(ErreurTexte {
                        fichier: fichier.to_string(),
                        ligne: 0,
                        message: format!("message en double : {e:?}"),
                    });
                }
            }
        }
        Some(Traductions {
            langue,
            bundle,
            messages,
        })
    }

    /// The sentence `cle` with `args`, if translated.
    fn phrase(&self, cle: &str, args: &[(&str, FluentValue<'static>)]) -> Option<String> {
        let motif = self.bundle.get_message(cle)?.value()?;
        let mut fargs = FluentArgs::new();
        for (nom, v) in args {
            fargs.set(*nom, v.clone());
        }
        let mut erreurs = Vec::new();
        Some(
            self.bundle
                .format_pattern(motif, Some(&fargs), &mut erreurs)
                .into_owned(),
        )
    }
}

/// How a bundle writes numbers: as amounts are written in `langue`.
fn formateur<M>(langue: Langue) -> fn(&FluentValue, &M) -> Option<String> {
    match langue {
        Langue::Fr => |v, _| ecrire_nombre(v, Langue::Fr),
        Langue::En => |v, _| ecrire_nombre(v, Langue::En),
    }
}

fn ecrire_nombre(v: &FluentValue, langue: Langue) -> Option<String> {
    let FluentValue::Number(n) = v else {
        return None;
    };
    // A value from a Decimal of at most two decimals: its shortest
    // writing is that Decimal's.
    let d = Decimal::from_str(&n.value.to_string()).ok()?;
    Some(format_euros(d, langue))
}

/// The French quoted by a `# fr: …` comment, its spaces collapsed.
fn francais_cite(c: &ast::Comment<&str>) -> Option<String> {
    let texte = c.content.join(" ");
    let cite = texte.trim().strip_prefix(MARQUE_FRANCAIS)?;
    Some(espaces_simples(cite))
}

fn espaces_simples(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The line of a file where message `id` starts (0 when not found).
fn ligne_du_message(texte: &str, id: &str) -> usize {
    let mut debut = 0;
    for ligne in texte.split_inclusive('\n') {
        if let Some(reste) = ligne.strip_prefix(id) {
            if reste.trim_start().starts_with('=') {
                return ligne_de(texte, debut);
            }
        }
        debut += ligne.len();
    }
    0
}

/// Every variable a pattern shows, in selectors and variants too.
fn variables_du_motif(p: &ast::Pattern<&str>, v: &mut Vec<String>) {
    for e in &p.elements {
        if let ast::PatternElement::Placeable { expression } = e {
            variables_de_l_expression(expression, v);
        }
    }
}

fn variables_de_l_expression(e: &ast::Expression<&str>, v: &mut Vec<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            variables_en_ligne(selector, v);
            for variante in variants {
                variables_du_motif(&variante.value, v);
            }
        }
        ast::Expression::Inline(i) => variables_en_ligne(i, v),
    }
}

fn variables_en_ligne(i: &ast::InlineExpression<&str>, v: &mut Vec<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => v.push(id.name.to_string()),
        ast::InlineExpression::Placeable { expression } => variables_de_l_expression(expression, v),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                variables_en_ligne(a, v);
            }
            for a in &arguments.named {
                variables_en_ligne(&a.value, v);
            }
        }
        _ => {}
    }
}

/// An aid's result as a person reads it in one language: French from the
/// rule files, or the language's translations ([`Textes::aide`]).
pub struct AideEcrite<'a> {
    /// The translations, `None` in French.
    traductions: Option<&'a Traductions>,
    /// The rules the result comes from.
    regles: &'a RuleSet,
    /// The aid in the rules (`None` for a result of other rules).
    aide: Option<&'a Aide>,
    /// The result.
    resultat: &'a ResultatAide,
}

impl Textes {
    /// The aid's result `r`, of the rules `regles`, as a person reads it in
    /// `langue`.
    pub fn aide<'a>(
        &'a self,
        langue: Langue,
        regles: &'a RuleSet,
        r: &'a ResultatAide,
    ) -> AideEcrite<'a> {
        AideEcrite {
            traductions: self.aides.iter().find(|t| t.langue == langue),
            regles,
            aide: regles.aide(&r.id),
            resultat: r,
        }
    }

    /// The aid sentence `cle` ([`phrases::cle`]) in `langue` with `args`
    /// (`v1`… for an explanation line), if that language translates it:
    /// for checks that go through every sentence.
    pub fn phrase_aide(&self, langue: Langue, cle: &str, args: super::Args) -> Option<String> {
        let t = self.aides.iter().find(|t| t.langue == langue)?;
        let args: Vec<(&str, FluentValue<'static>)> = args
            .iter()
            .map(|(nom, v)| {
                let v = match v {
                    super::Arg::Texte(t) => FluentValue::from(t.clone()),
                    super::Arg::Nombre(n) => FluentValue::from(*n),
                };
                (*nom, v)
            })
            .collect();
        t.phrase(cle, &args)
    }

    /// What is wrong with the translations of the aids' sentences
    /// `phrases` ([`phrases::catalogue`]), as `file:line: what`: a sentence
    /// without translation (at its line in the rules), a translation whose
    /// values are not the French sentence's, one made from another French
    /// sentence than the rules' (reworded, or moved), one that translates
    /// nothing.
    pub fn verifier_aides(&self, phrases: &[Phrase]) -> Vec<ErreurTexte> {
        let mut erreurs = Vec::new();
        for langue in Langue::TOUTES {
            if langue == Langue::Fr {
                continue;
            }
            let fichier = format!("locales/{langue}/{NOM_DU_FICHIER}");
            let messages: &[Message] = self
                .aides
                .iter()
                .find(|t| t.langue == langue)
                .map(|t| t.messages.as_slice())
                .unwrap_or_default();
            for p in phrases {
                let Some(m) = messages.iter().find(|m| m.id == p.cle) else {
                    erreurs.push(ErreurTexte {
                        fichier: p.fichier.clone(),
                        ligne: p.ligne,
                        message: format!(
                            "« {} » n'a pas de traduction : ajouter le message {} à {fichier}",
                            p.francais, p.cle
                        ),
                    });
                    continue;
                };
                let a_la_ligne = |message: String| ErreurTexte {
                    fichier: m.fichier.clone(),
                    ligne: m.ligne,
                    message: format!("{} : {message}", m.id),
                };
                for v in &p.variables {
                    if !m.variables.contains(v) {
                        erreurs.push(a_la_ligne(format!(
                            "la traduction ne montre pas {{ ${v} }}, que la phrase française montre ({})",
                            noms(&p.variables)
                        )));
                    }
                }
                for v in &m.variables {
                    if !p.variables.contains(v) {
                        erreurs.push(a_la_ligne(format!(
                            "{{ ${v} }} n'est pas une valeur de la phrase française ({})",
                            noms(&p.variables)
                        )));
                    }
                }
                let francais = espaces_simples(&p.francais);
                if m.francais.as_deref() != Some(francais.as_str()) {
                    let ou = if p.ligne == 0 {
                        p.fichier.clone()
                    } else {
                        format!("{}:{}", p.fichier, p.ligne)
                    };
                    erreurs.push(a_la_ligne(format!(
                        "la phrase française est maintenant « {francais} » ({ou}) : revoir la traduction, puis recopier la phrase dans le commentaire « # {MARQUE_FRANCAIS} » au-dessus"
                    )));
                }
            }
            for m in messages {
                if !phrases.iter().any(|p| p.cle == m.id) {
                    erreurs.push(ErreurTexte {
                        fichier: m.fichier.clone(),
                        ligne: m.ligne,
                        message: format!(
                            "{} ne traduit aucune phrase des règles (aide, place ou clé inconnue)",
                            m.id
                        ),
                    });
                }
            }
        }
        erreurs
    }
}

/// `$v1, $v2` or "aucune valeur".
fn noms(variables: &[String]) -> String {
    if variables.is_empty() {
        return "aucune valeur".into();
    }
    variables
        .iter()
        .map(|v| format!("${v}"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl AideEcrite<'_> {
    /// The sentence `cle` translated, or `None` (French, or no translation).
    fn traduite(&self, cle: &str, args: &[(&str, FluentValue<'static>)]) -> Option<String> {
        self.traductions?.phrase(cle, args)
    }

    /// The sentence `quoi` of this aid translated, or `None`.
    fn de_l_aide(&self, quoi: Quoi, args: &[(&str, FluentValue<'static>)]) -> Option<String> {
        // In French, no key to build.
        let traductions = self.traductions?;
        traductions.phrase(&phrases::cle(&self.resultat.id, quoi), args)
    }

    /// The official name.
    pub fn libelle(&self) -> String {
        self.de_l_aide(Quoi::Libelle, &[])
            .unwrap_or_else(|| self.resultat.libelle.to_string())
    }

    /// The name in SMS (the official name when the file gives no shorter one).
    pub fn libelle_court(&self) -> String {
        if let Some(court) = self.de_l_aide(Quoi::LibelleCourt, &[]) {
            return court;
        }
        match self.aide {
            Some(aide) if aide.libelle_court != aide.libelle => aide.libelle_court.clone(),
            _ => self.libelle(),
        }
    }

    /// What the aid is, in one sentence.
    pub fn description(&self) -> String {
        self.de_l_aide(Quoi::Description, &[])
            .or_else(|| self.aide.map(|a| a.description.clone()))
            .unwrap_or_default()
    }

    /// The explanation: conditions met or failed, then how the amount is
    /// computed.
    pub fn explication(&self) -> Vec<String> {
        let e = &self.resultat.explication;
        if self.traductions.is_none() {
            return e.lignes().map(|l| l.into_owned()).collect();
        }
        e.detaillees()
            .map(|(francais, detail)| self.ligne(&detail).unwrap_or_else(|| francais.into_owned()))
            .collect()
    }

    /// Why this amount, as a detail says it: the aid file's own lines
    /// (what the amount is made of, what to watch), without the sentences
    /// of the conditions met, which the result itself already says. When
    /// the file has no line for this result, the whole explanation.
    pub fn pourquoi(&self) -> Vec<String> {
        let lignes: Vec<String> = self
            .resultat
            .explication
            .detaillees()
            .filter(|(_, detail)| matches!(detail, LigneDetaillee::Aide(..)))
            .map(|(francais, detail)| match self.traductions {
                None => francais.into_owned(),
                Some(_) => self.ligne(&detail).unwrap_or_else(|| francais.into_owned()),
            })
            .collect();
        if lignes.is_empty() {
            return self.explication();
        }
        lignes
    }

    /// One explanation line translated, or `None`.
    fn ligne(&self, detail: &LigneDetaillee) -> Option<String> {
        match detail {
            LigneDetaillee::Phrase(t) => self.phrase(t),
            LigneDetaillee::Gabarit(textes, valeurs) if *textes == phrases::GABARIT_MINIMUM => {
                self.traduite(phrases::CLE_MINIMUM, &self.valeurs(valeurs))
            }
            LigneDetaillee::Gabarit(..) => None,
            LigneDetaillee::Aide(rang, valeurs) => {
                self.de_l_aide(Quoi::Explication(*rang), &self.valeurs(valeurs))
            }
        }
    }

    /// A whole sentence of the explanation translated: a condition's, or
    /// one the evaluation writes.
    fn phrase(&self, t: &str) -> Option<String> {
        if t == phrases::MONTANT_NUL {
            return self.traduite(phrases::CLE_MONTANT_NUL, &[]);
        }
        if t == phrases::ECHEC {
            return self.traduite(phrases::CLE_ECHEC, &[]);
        }
        let aide = self.aide?;
        for (i, c) in aide.conditions.iter().enumerate() {
            if t == &*c.oui {
                return self.de_l_aide(Quoi::Condition(i, Cas::Oui), &[]);
            }
            if t == &*c.non {
                return self.de_l_aide(Quoi::Condition(i, Cas::Non), &[]);
            }
            if t == &*c.inconnu {
                let implicite = c
                    .inconnu
                    .strip_prefix(phrases::A_VERIFIER)
                    .is_some_and(|reste| reste == &*c.oui);
                if !implicite {
                    return self.de_l_aide(Quoi::Condition(i, Cas::Inconnu), &[]);
                }
                let oui = self.de_l_aide(Quoi::Condition(i, Cas::Oui), &[])?;
                return self.traduite(
                    phrases::CLE_A_VERIFIER,
                    &[("phrase", FluentValue::from(oui))],
                );
            }
        }
        None
    }

    /// The values of a line as its translation receives them.
    fn valeurs(&self, valeurs: &[ValeurEcrite]) -> Vec<(&'static str, FluentValue<'static>)> {
        const NOMS: [&str; 9] = ["v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9"];
        valeurs
            .iter()
            .zip(NOMS)
            .map(|(v, nom)| (nom, self.valeur(*v)))
            .collect()
    }

    fn valeur(&self, v: ValeurEcrite) -> FluentValue<'static> {
        match v {
            ValeurEcrite::Nombre(d) => {
                // Rounded to the cent as French lines write it.
                let d = d.round_dp_with_strategy(
                    2,
                    rust_decimal::RoundingStrategy::MidpointAwayFromZero,
                );
                FluentValue::from(d.to_f64().unwrap_or_default())
            }
            ValeurEcrite::Booleen(b) => {
                let (cle, francais) = if b {
                    (phrases::CLE_OUI, "oui")
                } else {
                    (phrases::CLE_NON, "non")
                };
                FluentValue::from(
                    self.traduite(cle, &[])
                        .unwrap_or_else(|| francais.to_string()),
                )
            }
            ValeurEcrite::Mot(m) => FluentValue::from(m.replace('_', " ")),
        }
    }

    /// The values assumed for fields the person was not asked about.
    pub fn hypotheses(&self) -> Vec<String> {
        self.resultat
            .hypotheses
            .iter()
            .map(|t| self.hypothese(t).unwrap_or_else(|| t.to_string()))
            .collect()
    }

    /// A hypothesis' sentence translated, found by its field.
    fn hypothese(&self, francais: &str) -> Option<String> {
        let traductions = self.traductions?;
        let h = self
            .regles
            .hypotheses
            .iter()
            .find(|h| h.texte == francais)?;
        let chemin = crate::rules::faits::chemin(h.slot);
        traductions.phrase(&phrases::cle_hypothese(&chemin), &[])
    }

    /// Where or how to apply, in a sentence, when the aid is not refused
    /// and the rule file says it.
    pub fn demarche_texte(&self) -> Option<String> {
        let t = self.resultat.demarche.as_ref()?.texte.as_ref()?;
        Some(
            self.de_l_aide(Quoi::Demarche, &[])
                .unwrap_or_else(|| t.clone()),
        )
    }

    /// The documents to prepare, when the aid is not refused.
    pub fn documents(&self) -> Vec<String> {
        let Some(d) = &self.resultat.demarche else {
            return Vec::new();
        };
        d.documents
            .iter()
            .enumerate()
            .map(|(i, doc)| {
                self.de_l_aide(Quoi::Document(i), &[])
                    .unwrap_or_else(|| doc.clone())
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::situation::{Mois, Situation};

    const NOV_2026: Mois = Mois {
        annee: 2026,
        mois: 11,
    };

    fn textes(aides_en: &str) -> Textes {
        let mut sources: Vec<(Langue, String, String)> = super::super::FICHIERS_INTEGRES
            .iter()
            .filter(|(_, n, _)| !est_un_fichier_d_aides(n))
            .map(|(l, n, t)| (*l, n.to_string(), t.to_string()))
            .collect();
        sources.push((
            Langue::En,
            "locales/en/aides.ftl".into(),
            aides_en.to_string(),
        ));
        Textes::depuis_sources(&sources).unwrap_or_else(|e| panic!("{e:?}"))
    }

    fn mere_seule() -> Situation {
        Situation::from_json(
            r#"{"couple": false, "demandeur": {"age": 31, "activite": "salarie", "salaire_net": 900},
                "enfants": [{"age": 7}, {"age": 3}],
                "logement": {"statut": "locataire_hlm", "loyer": 380, "code_postal": "59100"}}"#,
        )
        .unwrap()
    }

    #[test]
    fn an_explanation_line_gets_every_value_written_the_english_way() {
        let t = textes(
            "# fr: x\nasf-explication-1 = Children under 20: { $v1 }; { $v2 } € per { $v1 ->\n    [one] child\n   *[other] children\n}.\n",
        );
        let regles = RuleSet::integre().unwrap();
        let ev = regles.evaluer(&mere_seule(), NOV_2026);
        let asf = ev.aide("asf").unwrap();
        let lignes = t.aide(Langue::En, &regles, asf).explication();
        assert!(
            lignes.contains(&"Children under 20: 2; 201.78 € per children.".to_string()),
            "{lignes:?}"
        );
        // Untranslated sentences stay in French.
        assert!(lignes.contains(&"Vous élevez seul(e) vos enfants.".to_string()));
        // French is the rule files'.
        let fr = t.aide(Langue::Fr, &regles, asf).explication();
        assert_eq!(fr, asf.explication.lignes().collect::<Vec<_>>());
    }

    #[test]
    fn numbers_select_plurals_and_are_grouped_the_english_way() {
        let t = textes(
            "asf-explication-1 = { $v1 ->\n    [one] one child\n   *[other] { $v1 } children\n} at { $v2 } €\n",
        );
        let regles = RuleSet::integre().unwrap();
        let un = Situation::from_json(
            r#"{"couple": false, "demandeur": {"age": 31}, "enfants": [{"age": 7}]}"#,
        )
        .unwrap();
        let ev = regles.evaluer(&un, NOV_2026);
        let asf = ev.aide("asf").unwrap();
        let lignes = t.aide(Langue::En, &regles, asf).explication();
        assert!(
            lignes.contains(&"one child at 201.78 €".to_string()),
            "{lignes:?}"
        );
        assert_eq!(
            ecrire_nombre(&FluentValue::from(1234.5), Langue::En).as_deref(),
            Some("1,234.50")
        );
    }

    #[test]
    fn a_missing_translation_is_reported_at_the_rule_line() {
        let t = textes(
            "# fr: Allocation de soutien familial (ASF)\nasf-libelle = Family support allowance (ASF)\n",
        );
        let phrases = phrases::catalogue(&crate::rules::sources_integrees()).unwrap();
        let e = t.verifier_aides(&phrases);
        let ecrites: Vec<String> = e.iter().map(|e| e.to_string()).collect();
        assert!(
            ecrites
                .iter()
                .any(|e| e.starts_with("rules/asf.toml:45: ") && e.contains("asf-condition-1-oui")),
            "{}",
            ecrites.join("\n")
        );
        assert!(!ecrites.iter().any(|e| e.contains("asf-libelle ")));
    }

    #[test]
    fn values_that_do_not_match_the_french_line_are_reported() {
        let phrases = vec![Phrase {
            cle: "asf-explication-1".into(),
            francais: "Enfants : {n} ; {m} €.".into(),
            fichier: "rules/asf.toml".into(),
            ligne: 20,
            variables: phrases::variables(2),
        }];
        let t = textes(
            "# fr: Enfants : {n} ; {m} €.\nasf-explication-1 = Children: { $v1 }; { $v3 } €.\n",
        );
        let e: Vec<String> = t
            .verifier_aides(&phrases)
            .iter()
            .map(|e| e.to_string())
            .collect();
        assert_eq!(e.len(), 2, "{e:?}");
        assert!(
            e[0].starts_with(
                "locales/en/aides.ftl:2: asf-explication-1 : la traduction ne montre pas { $v2 }"
            ),
            "{e:?}"
        );
        assert!(e[1].contains("{ $v3 } n'est pas une valeur"), "{e:?}");
    }

    #[test]
    fn a_translation_of_another_french_sentence_is_reported() {
        let phrases = vec![Phrase {
            cle: "asf-libelle".into(),
            francais: "Allocation de soutien familial (ASF)".into(),
            fichier: "rules/asf.toml".into(),
            ligne: 2,
            variables: Vec::new(),
        }];
        let t = textes(
            "# fr: Allocation de soutien\nasf-libelle = Support\n\nasf-condition-9-oui = Nine\n",
        );
        let e: Vec<String> = t
            .verifier_aides(&phrases)
            .iter()
            .map(|e| e.to_string())
            .collect();
        assert_eq!(e.len(), 2, "{e:?}");
        assert!(
            e[0].contains("maintenant « Allocation de soutien familial (ASF) » (rules/asf.toml:2)"),
            "{e:?}"
        );
        assert!(
            e[1].starts_with("locales/en/aides.ftl:4: asf-condition-9-oui ne traduit aucune"),
            "{e:?}"
        );
    }

    #[test]
    fn a_french_file_of_aid_sentences_is_refused() {
        let sources = vec![(
            Langue::Fr,
            "locales/fr/aides.ftl".to_string(),
            "asf-libelle = ASF\n".to_string(),
        )];
        let e = Textes::depuis_sources(&sources).unwrap_err();
        assert!(e[0].to_string().contains("rules/*.toml"), "{e:?}");
    }
}

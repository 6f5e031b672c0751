//! The lexicon: the words people write and what they mean, read from
//! `dialogues/lexique.toml` (the file's header explains its format).
//!
//! Words are data so that someone who knows the people we serve, not only a
//! programmer, can teach guichet that "chez ma tante" means housed for free:
//! one line in the file, then `guichet check`. This module only loads and
//! checks the file and answers two questions about it: which meanings apply
//! to a field (for the answer to a question), and which meanings a message
//! states clearly whatever was asked ([`Lexique::partout`]). Reading answers
//! is the dialogue's job (`moteur`), not this module's.

use super::questions::champ_valide;
use super::reponse::normaliser;
use rust_decimal::Decimal;
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;
use toml::Spanned;

/// The lexicon built into the binary: (file name, text).
pub const LEXIQUE_INTEGRE: (&str, &str) = (
    "dialogues/lexique.toml",
    include_str!("../../dialogues/lexique.toml"),
);

/// The prefix of a field that belongs to the person a question is about.
pub const PERSONNE: &str = "personne.";

/// One meaning: the fields it states and the words that say it.
#[derive(Debug, Clone)]
pub struct Sens {
    /// Fields it states; `personne.x` is the person the question is about.
    pub remplit: Vec<(String, Value)>,
    /// How people say it, normalised (lowercase, no accents, single spaces).
    pub mots: Vec<String>,
    /// Clear enough to be taken from any message.
    pub partout: bool,
    /// Line in the file, for messages.
    pub ligne: usize,
}

impl Sens {
    /// The fields it states for a person (`demandeur` or `conjoint`).
    pub fn pour(&self, personne: &str) -> Vec<(String, Value)> {
        self.remplit
            .iter()
            .map(|(c, v)| {
                let c = match c.strip_prefix(PERSONNE) {
                    Some(reste) => format!("{personne}.{reste}"),
                    None => c.clone(),
                };
                (c, v.clone())
            })
            .collect()
    }

    /// The field it states first, for a person.
    pub fn premier_champ(&self, personne: &str) -> Option<String> {
        self.pour(personne).into_iter().next().map(|(c, _)| c)
    }
}

/// How people give amounts of money.
#[derive(Debug, Clone)]
pub struct Argent {
    /// Net share of a gross salary.
    pub brut_vers_net: Decimal,
    /// Words that say an amount is gross.
    pub brut: Vec<String>,
    /// Words that name the SMIC.
    pub smic: Vec<String>,
    /// Words that say an amount is weekly.
    pub semaine: Vec<String>,
    /// Words that say a rent includes its charges.
    pub charges_comprises: Vec<String>,
    /// Words that say an amount is per day.
    pub jour: Vec<String>,
}

/// The whole lexicon.
#[derive(Debug, Clone)]
pub struct Lexique {
    /// Every meaning, in file order.
    pub sens: Vec<Sens>,
    /// Extra words for yes.
    pub oui: Vec<String>,
    /// Extra words for no.
    pub non: Vec<String>,
    /// Nouns that count children after a number.
    pub enfants: Vec<String>,
    /// Money words.
    pub argent: Argent,
    /// Words that mark an English message.
    pub anglais: Vec<String>,
    /// Words that mark a French message.
    pub francais: Vec<String>,
}

/// A mistake in the lexicon file: `file:line: what is wrong`, as for the
/// question file.
pub type ErreurLexique = super::questions::ErreurQuestion;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Fichier {
    #[serde(default)]
    sens: Vec<Spanned<DefSens>>,
    enfants: DefMots,
    oui_non: DefOuiNon,
    argent: Spanned<DefArgent>,
    langues: DefLangues,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DefSens {
    remplit: BTreeMap<String, toml::Value>,
    mots: Vec<String>,
    #[serde(default)]
    partout: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DefMots {
    mots: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DefOuiNon {
    oui: Vec<String>,
    non: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DefArgent {
    brut_vers_net: f64,
    brut: Vec<String>,
    smic: Vec<String>,
    semaine: Vec<String>,
    charges_comprises: Vec<String>,
    jour: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DefLangues {
    en: Vec<String>,
    fr: Vec<String>,
}

fn ligne_de(texte: &str, offset: usize) -> usize {
    texte[..offset.min(texte.len())].matches('\n').count() + 1
}

/// Normalised words, empty ones dropped: the form answers are compared in.
fn normaliser_liste(mots: &[String]) -> Vec<String> {
    mots.iter()
        .map(|m| forme(m))
        .filter(|m| !m.is_empty())
        .collect()
}

/// The form a word or an answer is compared in: normalised, apostrophes and
/// hyphens as spaces, single spaces ("J'ai l'AAH" → "j ai l aah").
pub fn forme(texte: &str) -> String {
    normaliser(texte)
        .split(|c: char| !c.is_alphanumeric() && c != '%')
        .filter(|m| !m.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

impl Lexique {
    /// The lexicon built into the binary.
    pub fn integre() -> Result<Lexique, Vec<ErreurLexique>> {
        Lexique::depuis_texte(LEXIQUE_INTEGRE.0, LEXIQUE_INTEGRE.1)
    }

    /// Reads and checks a lexicon file.
    pub fn depuis_texte(fichier: &str, texte: &str) -> Result<Lexique, Vec<ErreurLexique>> {
        let erreur = |ligne: usize, message: String| ErreurLexique {
            fichier: fichier.to_string(),
            ligne,
            message,
        };
        let f: Fichier = toml::from_str(texte).map_err(|e| {
            vec![erreur(
                e.span().map(|s| ligne_de(texte, s.start)).unwrap_or(0),
                e.message().to_string(),
            )]
        })?;
        let mut erreurs = Vec::new();
        let mut sens = Vec::new();
        for s in f.sens {
            let ligne = ligne_de(texte, s.span().start);
            let d = s.into_inner();
            if d.remplit.is_empty() {
                erreurs.push(erreur(ligne, "`remplit` est vide".into()));
            }
            let mut remplit = Vec::new();
            for (champ, v) in &d.remplit {
                let concret = champ.replace(PERSONNE, "demandeur.");
                if !champ_valide(&concret) && concret != "couple" && concret != "nombre_enfants" {
                    erreurs.push(erreur(ligne, format!("champ inconnu « {champ} »")));
                    continue;
                }
                let valeur = match v {
                    toml::Value::Boolean(b) => Value::Bool(*b),
                    toml::Value::Integer(i) => Value::from(*i),
                    toml::Value::String(s) => Value::String(s.clone()),
                    _ => {
                        erreurs.push(erreur(
                            ligne,
                            format!(
                                "valeur de « {champ} » : nombre entier, texte ou booléen attendu"
                            ),
                        ));
                        continue;
                    }
                };
                remplit.push((champ.clone(), valeur));
            }
            // The field the meaning is about comes first: the order of a
            // TOML table is alphabetical, so put the main field (the one a
            // question asks) before its companions.
            remplit.sort_by_key(|(c, _)| {
                (c.ends_with("colocation") || c.ends_with("taux_incapacite")) as u8
            });
            let mots = normaliser_liste(&d.mots);
            if mots.is_empty() {
                erreurs.push(erreur(ligne, "`mots` est vide".into()));
            }
            sens.push(Sens {
                remplit,
                mots,
                partout: d.partout,
                ligne,
            });
        }
        let ligne_argent = ligne_de(texte, f.argent.span().start);
        let a = f.argent.into_inner();
        let brut_vers_net = Decimal::try_from(a.brut_vers_net).unwrap_or_default();
        if !(Decimal::new(5, 1)..=Decimal::ONE).contains(&brut_vers_net) {
            erreurs.push(erreur(
                ligne_argent,
                "`brut_vers_net` doit être entre 0.5 et 1".into(),
            ));
        }
        if !erreurs.is_empty() {
            return Err(erreurs);
        }
        Ok(Lexique {
            sens,
            oui: normaliser_liste(&f.oui_non.oui),
            non: normaliser_liste(&f.oui_non.non),
            enfants: normaliser_liste(&f.enfants.mots),
            argent: Argent {
                brut_vers_net,
                brut: normaliser_liste(&a.brut),
                smic: normaliser_liste(&a.smic),
                semaine: normaliser_liste(&a.semaine),
                charges_comprises: normaliser_liste(&a.charges_comprises),
                jour: normaliser_liste(&a.jour),
            },
            anglais: normaliser_liste(&f.langues.en),
            francais: normaliser_liste(&f.langues.fr),
        })
    }

    /// The meanings whose first field, for `personne`, is `champ`.
    pub fn pour_champ(&self, champ: &str, personne: &str) -> Vec<&Sens> {
        self.sens
            .iter()
            .filter(|s| s.premier_champ(personne).as_deref() == Some(champ))
            .collect()
    }

    /// The meanings clear enough to be taken from any message.
    pub fn partout(&self) -> impl Iterator<Item = &Sens> {
        self.sens.iter().filter(|s| s.partout)
    }
}

/// Whether the words of `texte` (in [`forme`]) contain the words of `mot`
/// (in [`forme`]) as a run.
pub fn contient_mots(texte: &str, mot: &str) -> bool {
    position_mots(texte, mot).is_some()
}

/// Where the words of `mot` start in the words of `texte`, both in [`forme`].
pub fn position_mots(texte: &str, mot: &str) -> Option<usize> {
    let t: Vec<&str> = texte.split(' ').collect();
    let m: Vec<&str> = mot.split(' ').collect();
    if m.is_empty() || m.len() > t.len() || mot.is_empty() {
        return None;
    }
    (0..=t.len() - m.len()).find(|&i| t[i..i + m.len()] == m[..])
}

/// [`position_mots`] on a text already split into words: a message is read
/// against many words of the lexicon, so it is split once.
pub fn position_dans<S: AsRef<str>>(mots: &[S], mot: &str) -> Option<usize> {
    let m: Vec<&str> = mot.split(' ').collect();
    if mot.is_empty() || m.len() > mots.len() {
        return None;
    }
    (0..=mots.len() - m.len()).find(|&i| {
        mots[i..i + m.len()]
            .iter()
            .zip(&m)
            .all(|(a, b)| a.as_ref() == *b)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn le_lexique_integre_se_charge() {
        let l = Lexique::integre().unwrap_or_else(|e| {
            panic!(
                "{}",
                e.iter()
                    .map(|e| e.to_string())
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        });
        assert!(l.sens.len() > 20);
        assert!(l.pour_champ("couple", "demandeur").len() >= 2);
        assert!(l.pour_champ("conjoint.activite", "conjoint").len() >= 6);
        assert!(l.enfants.contains(&"gosses".to_string()));
    }

    #[test]
    fn un_champ_inconnu_donne_la_ligne() {
        let texte = r#"
[[sens]]
remplit = { "personne.metier" = "x" }
mots = ["a"]

[enfants]
mots = ["enfant"]
[oui_non]
oui = []
non = []
[argent]
brut_vers_net = 0.78
brut = []
smic = []
semaine = []
charges_comprises = []
jour = []
[langues]
en = []
fr = []
"#;
        let e = Lexique::depuis_texte("lexique.toml", texte).unwrap_err();
        assert_eq!(
            e[0].to_string(),
            "lexique.toml:2: champ inconnu « personne.metier »"
        );
    }

    #[test]
    fn forme_et_position() {
        assert_eq!(forme("J'ai l'AAH !"), "j ai l aah");
        assert_eq!(forme("Chez ma sœur"), "chez ma soeur");
        assert_eq!(
            position_mots("je dors chez ma soeur", "chez ma soeur"),
            Some(2)
        );
        assert!(!contient_mots("chez mamie", "chez ma"));
    }
}

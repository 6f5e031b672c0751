//! The words guichet says, in French and English, from the Fluent files of
//! `locales/`.
//!
//! Bundles are the concurrent kind (shared by every request thread) and have
//! Unicode isolation marks turned off: the marks (U+2068, U+2069) are not in
//! the GSM-7 alphabet and would turn every SMS into costly UCS-2. Numbers are
//! passed to Fluent only where a plural depends on them; amounts arrive
//! already formatted the French way.
//!
//! The aids' own sentences (names, conditions, explanation lines, how to
//! apply) are written in French in `rules/*.toml` and in other languages
//! in `locales/<langue>/aides.ftl`, loaded apart: see [`aides`].

use fluent::concurrent::FluentBundle;
use fluent::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};
use std::fmt;

pub mod aides;
pub use aides::AideEcrite;

/// A language the conversation can be held in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Langue {
    /// French, the default.
    #[default]
    Fr,
    /// English.
    En,
}

impl Langue {
    /// Every supported language.
    pub const TOUTES: [Langue; 2] = [Langue::Fr, Langue::En];

    /// The directory name under `locales/`.
    pub fn code(self) -> &'static str {
        match self {
            Langue::Fr => "fr",
            Langue::En => "en",
        }
    }

    /// The language of a code such as `fr`, `en-GB` or `FR` (Telegram's
    /// `language_code`), if supported.
    pub fn depuis_code(code: &str) -> Option<Langue> {
        let debut = code.split(['-', '_']).next()?.to_ascii_lowercase();
        match debut.as_str() {
            "fr" => Some(Langue::Fr),
            "en" => Some(Langue::En),
            _ => None,
        }
    }
}

impl fmt::Display for Langue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Fluent files built into the binary: (language, file name, text).
pub const FICHIERS_INTEGRES: &[(Langue, &str, &str)] = &[
    (
        Langue::Fr,
        "locales/fr/conversation.ftl",
        include_str!("../locales/fr/conversation.ftl"),
    ),
    (
        Langue::Fr,
        "locales/fr/questions.ftl",
        include_str!("../locales/fr/questions.ftl"),
    ),
    (
        Langue::Fr,
        "locales/fr/telegram.ftl",
        include_str!("../locales/fr/telegram.ftl"),
    ),
    (
        Langue::Fr,
        "locales/fr/agent.ftl",
        include_str!("../locales/fr/agent.ftl"),
    ),
    (
        Langue::En,
        "locales/en/conversation.ftl",
        include_str!("../locales/en/conversation.ftl"),
    ),
    (
        Langue::En,
        "locales/en/questions.ftl",
        include_str!("../locales/en/questions.ftl"),
    ),
    (
        Langue::En,
        "locales/en/telegram.ftl",
        include_str!("../locales/en/telegram.ftl"),
    ),
    (
        Langue::En,
        "locales/en/agent.ftl",
        include_str!("../locales/en/agent.ftl"),
    ),
    (
        Langue::En,
        "locales/en/aides.ftl",
        include_str!("../locales/en/aides.ftl"),
    ),
];

/// A problem in a Fluent file, located as `file:line`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", crate::situation::lieu(fichier, *ligne, message))]
pub struct ErreurTexte {
    /// File path.
    pub fichier: String,
    /// Line, from 1 (0 for the whole file set).
    pub ligne: usize,
    /// What is wrong.
    pub message: String,
}

/// Arguments of a message: name and value (a number selects plurals).
pub type Args<'a> = &'a [(&'a str, Arg)];

/// The value of a message argument.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// Text inserted as is.
    Texte(String),
    /// A whole number: plural variants are chosen by it.
    Nombre(i64),
}

/// The loaded texts of every language.
pub struct Textes {
    bundles: Vec<(Langue, FluentBundle<FluentResource>)>,
    /// Message ids defined per language, for checks.
    ids: Vec<(Langue, Vec<String>)>,
    /// The aids' sentences of every language but French (whose sentences
    /// are in the rule files).
    aides: Vec<aides::Traductions>,
}

impl fmt::Debug for Textes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Textes").field("ids", &self.ids).finish()
    }
}

/// Reads a Fluent file, reporting its syntax errors with their line (what
/// can be read is kept).
fn lire_ressource(fichier: &str, texte: &str, erreurs: &mut Vec<ErreurTexte>) -> FluentResource {
    match FluentResource::try_new(texte.to_string()) {
        Ok(r) => r,
        Err((r, errs)) => {
            for e in errs {
                erreurs.push(ErreurTexte {
                    fichier: fichier.to_string(),
                    ligne: ligne_de(texte, e.pos.start),
                    message: format!("syntaxe Fluent incorrecte : {:?}", e.kind),
                });
            }
            r
        }
    }
}

/// The bundle language of a [`Langue`].
fn langid(langue: Langue) -> unic_langid::LanguageIdentifier {
    match langue {
        Langue::Fr => unic_langid::langid!("fr-FR"),
        Langue::En => unic_langid::langid!("en-GB"),
    }
}

impl Textes {
    /// The texts built into the binary.
    pub fn integres() -> Result<Textes, Vec<ErreurTexte>> {
        let sources: Vec<(Langue, String, String)> = FICHIERS_INTEGRES
            .iter()
            .map(|(l, n, t)| (*l, n.to_string(), t.to_string()))
            .collect();
        Textes::depuis_sources(&sources)
    }

    /// Loads Fluent files given as (language, file name, text). Every syntax
    /// error, duplicate id, and message present in one language but not the
    /// other is reported. Files named `aides.ftl` hold the aids' sentences
    /// ([`aides`]): they are loaded apart, and checked against the rules by
    /// [`Textes::verifier_aides`].
    pub fn depuis_sources(
        sources: &[(Langue, String, String)],
    ) -> Result<Textes, Vec<ErreurTexte>> {
        let mut erreurs = Vec::new();
        let mut bundles = Vec::new();
        let mut ids = Vec::new();
        let mut traductions = Vec::new();
        for langue in Langue::TOUTES {
            let mut bundle = FluentBundle::new_concurrent(vec![langid(langue)]);
            bundle.set_use_isolating(false);
            let mut noms: Vec<String> = Vec::new();
            let mut fichiers_aides = Vec::new();
            for (_, fichier, texte) in sources.iter().filter(|(l, _, _)| *l == langue) {
                if aides::est_un_fichier_d_aides(fichier) {
                    fichiers_aides.push((fichier.as_str(), texte.as_str()));
                    continue;
                }
                let ressource = lire_ressource(fichier, texte, &mut erreurs);
                for entree in ressource.entries() {
                    if let fluent_syntax::ast::Entry::Message(m) = entree {
                        noms.push(m.id.name.to_string());
                    }
                }
                if let Err(errs) = bundle.add_resource(ressource) {
                    for e in errs {
                        erreurs.push(ErreurTexte {
                            fichier: fichier.clone(),
                            ligne: 0,
                            message: format!("message en double : {e:?}"),
                        });
                    }
                }
            }
            if let Some(t) = aides::Traductions::lire(langue, &fichiers_aides, &mut erreurs) {
                traductions.push(t);
            }
            noms.sort();
            ids.push((langue, noms));
            bundles.push((langue, bundle));
        }
        // Every message must exist in every language.
        for (langue, noms) in &ids {
            for (autre, noms_autre) in &ids {
                if langue == autre {
                    continue;
                }
                for n in noms {
                    if noms_autre.binary_search(n).is_err() {
                        erreurs.push(ErreurTexte {
                            fichier: format!("locales/{autre}"),
                            ligne: 0,
                            message: format!(
                                "le message « {n} » existe en {langue} mais pas en {autre}"
                            ),
                        });
                    }
                }
            }
        }
        if erreurs.is_empty() {
            Ok(Textes {
                bundles,
                ids,
                aides: traductions,
            })
        } else {
            Err(erreurs)
        }
    }

    fn bundle(&self, langue: Langue) -> &FluentBundle<FluentResource> {
        &self
            .bundles
            .iter()
            .find(|(l, _)| *l == langue)
            .expect("a bundle is built for every language")
            .1
    }

    /// Every message id (the same in every language once loaded).
    pub fn ids(&self) -> &[String] {
        &self.ids[0].1
    }

    /// Whether a message exists, with an attribute when `attribut` is given.
    pub fn existe(&self, id: &str, attribut: Option<&str>) -> bool {
        Langue::TOUTES.iter().all(|l| {
            self.bundle(*l)
                .get_message(id)
                .is_some_and(|m| match attribut {
                    None => m.value().is_some(),
                    Some(a) => m.get_attribute(a).is_some(),
                })
        })
    }

    /// The text of message `id` (or of its attribute) with `args`. A missing
    /// message gives its id between brackets rather than a panic: `guichet
    /// check` and the tests make sure it never happens.
    pub fn texte(&self, langue: Langue, id: &str, attribut: Option<&str>, args: Args) -> String {
        let bundle = self.bundle(langue);
        let Some(message) = bundle.get_message(id) else {
            return format!("[{id}]");
        };
        let motif = match attribut {
            None => message.value(),
            Some(a) => message.get_attribute(a).map(|a| a.value()),
        };
        let Some(motif) = motif else {
            return format!("[{id}.{}]", attribut.unwrap_or(""));
        };
        let mut fargs = FluentArgs::new();
        for (nom, valeur) in args {
            match valeur {
                Arg::Texte(t) => fargs.set(*nom, FluentValue::from(t.clone())),
                Arg::Nombre(n) => fargs.set(*nom, FluentValue::from(*n)),
            }
        }
        let mut erreurs = Vec::new();
        bundle
            .format_pattern(motif, Some(&fargs), &mut erreurs)
            .into_owned()
    }

    /// Shorthand for a message without attribute.
    pub fn msg(&self, langue: Langue, id: &str, args: Args) -> String {
        self.texte(langue, id, None, args)
    }
}

fn ligne_de(texte: &str, offset: usize) -> usize {
    texte[..offset.min(texte.len())].matches('\n').count() + 1
}

/// Formats an amount in euros the French way for a message: `1 234`,
/// `651,69`, no decimals when whole. English uses `1,234` and `651.69`.
pub fn format_euros(montant: rust_decimal::Decimal, langue: Langue) -> String {
    use rust_decimal::RoundingStrategy;
    let arrondi = montant
        .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
        .normalize();
    let texte = if arrondi.fract().is_zero() {
        arrondi.trunc().to_string()
    } else {
        format!("{:.2}", arrondi)
    };
    let (entier, decimales) = match texte.split_once('.') {
        Some((e, d)) => (e.to_string(), Some(d.to_string())),
        None => (texte, None),
    };
    let (sep_milliers, sep_decimal) = match langue {
        Langue::Fr => (' ', ','),
        Langue::En => (',', '.'),
    };
    let chiffres: Vec<char> = entier.chars().collect();
    let mut groupe = String::new();
    for (i, c) in chiffres.iter().enumerate() {
        if i > 0 && (chiffres.len() - i) % 3 == 0 && c.is_ascii_digit() {
            groupe.push(sep_milliers);
        }
        groupe.push(*c);
    }
    match decimales {
        Some(d) => format!("{groupe}{sep_decimal}{d}"),
        None => groupe,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn les_textes_integres_se_chargent_sans_erreur() {
        let t = Textes::integres().unwrap_or_else(|e| {
            panic!(
                "{}",
                e.iter()
                    .map(|e| e.to_string())
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        });
        assert_eq!(
            t.msg(
                Langue::Fr,
                "progression",
                &[("n", Arg::Nombre(3)), ("total", Arg::Nombre(9))]
            ),
            "3/9"
        );
    }

    #[test]
    fn pas_de_marque_d_isolation() {
        let t = Textes::integres().unwrap();
        let s = t.msg(Langue::Fr, "resultats-numero", &[("n", Arg::Nombre(4))]);
        assert!(!s.contains('\u{2068}') && !s.contains('\u{2069}'), "{s:?}");
    }

    #[test]
    fn pluriels_francais() {
        let t = Textes::integres().unwrap();
        let un = t.msg(Langue::Fr, "q-ages-enfants", &[("n", Arg::Nombre(1))]);
        let deux = t.msg(Langue::Fr, "q-ages-enfants", &[("n", Arg::Nombre(2))]);
        assert_eq!(un, "Quel âge a votre enfant ?");
        assert!(deux.starts_with("Quel âge ont vos 2 enfants"), "{deux}");
    }

    #[test]
    fn un_message_manquant_dans_une_langue_est_signale() {
        let sources = vec![
            (
                Langue::Fr,
                "fr.ftl".to_string(),
                "a = A\nb = B\n".to_string(),
            ),
            (Langue::En, "en.ftl".to_string(), "a = A\n".to_string()),
        ];
        let e = Textes::depuis_sources(&sources).unwrap_err();
        assert!(e[0].to_string().contains("« b »"), "{}", e[0]);
    }

    #[test]
    fn une_erreur_de_syntaxe_donne_sa_ligne() {
        let sources = vec![
            (
                Langue::Fr,
                "fr.ftl".to_string(),
                "a = A\nb = { $n -> [one] x *[other] y }\n".to_string(),
            ),
            (Langue::En, "en.ftl".to_string(), "a = A\n".to_string()),
        ];
        let e = Textes::depuis_sources(&sources).unwrap_err();
        assert!(
            e.iter().any(|e| e.ligne == 2 && e.fichier == "fr.ftl"),
            "{e:?}"
        );
    }

    #[test]
    fn montants_a_la_francaise() {
        assert_eq!(format_euros(dec!(1234.5), Langue::Fr), "1 234,50");
        assert_eq!(format_euros(dec!(651.69), Langue::Fr), "651,69");
        assert_eq!(format_euros(dec!(320), Langue::Fr), "320");
        assert_eq!(format_euros(dec!(1234567), Langue::En), "1,234,567");
        assert_eq!(format_euros(dec!(0.5), Langue::En), "0.50");
    }
}

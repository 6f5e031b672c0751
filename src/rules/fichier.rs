//! The TOML format of rule files, as a policy expert writes them.
//!
//! One file per aid (`rules/rsa.toml`) plus `rules/_commun.toml` for the
//! parameters, variables and hypotheses several aids share. The structs here
//! mirror the files one to one; [`crate::rules::load`] turns them into a
//! checked, compiled [`crate::rules::RuleSet`]. Spans are kept so that every
//! error can say `file:line`.

use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

/// A legal or official reference.
#[derive(Debug, Clone, Deserialize, serde::Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    /// What the text is: "Code de l'action sociale et des familles, art. L262-2".
    pub titre: String,
    /// Where to read it (Légifrance, service-public.fr…).
    pub url: String,
}

/// A dated value of a parameter.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ValeurDatee {
    /// First day the value applies (TOML date or `"AAAA-MM-JJ"`).
    pub depuis: toml::Value,
    /// A number, a table of numbers by key, or a list of brackets.
    pub valeur: toml::Value,
    /// The text that set this value (décret, arrêté, circulaire).
    #[serde(default)]
    pub source: Option<String>,
    /// Where to read that text.
    #[serde(default)]
    pub url: Option<String>,
}

/// A parameter: a legal amount or rate that changes over time.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DefParametre {
    /// What the parameter is, in plain French.
    pub libelle: String,
    /// Unit, for readers: `€/mois`, `€/an`, `taux`, `SMIC horaire`…
    #[serde(default)]
    pub unite: Option<String>,
    /// Legal references of the parameter as a whole.
    #[serde(default)]
    pub references: Vec<Reference>,
    /// Values by effective date, oldest first.
    pub valeurs: Vec<Spanned<ValeurDatee>>,
    /// Free notes (how the value was checked, known staleness).
    #[serde(default)]
    pub note: Option<String>,
}

/// An eligibility condition with the sentences that explain it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DefCondition {
    /// A boolean formula.
    pub formule: Spanned<String>,
    /// Said when the condition is met.
    pub oui: String,
    /// Said when it is not.
    pub non: String,
    /// Said while it cannot be decided yet; defaults to "À vérifier : " + `oui`.
    #[serde(default)]
    pub inconnu: Option<String>,
}

/// A line of an aid's `explications`: a sentence, or a sentence said only
/// when a formula is true.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum DefExplication {
    /// Said whenever the explanation is.
    Toujours(String),
    /// Said only when `si` is true for the household.
    Si(ExplicationSi),
}

/// A line said only when its formula is true.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExplicationSi {
    /// A boolean formula.
    pub si: String,
    /// The sentence, `{formule}` replaced by its value.
    pub texte: String,
}

impl DefExplication {
    /// The sentence.
    pub fn texte(&self) -> &str {
        match self {
            DefExplication::Toujours(t) => t,
            DefExplication::Si(s) => &s.texte,
        }
    }
}

/// How the amount is computed.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DefMontant {
    /// A numeric formula, in € per period.
    pub formule: Spanned<String>,
    /// Below this amount nothing is paid (formula; optional).
    #[serde(default)]
    pub minimum: Option<Spanned<String>>,
}

/// How to apply, once eligible.
#[derive(Debug, Clone, Deserialize, serde::Serialize, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct Demarche {
    /// Official online procedure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Phone number to call.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub telephone: Option<String>,
    /// Documents to prepare.
    #[serde(default)]
    pub documents: Vec<String>,
    /// A sentence on where or how to apply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub texte: Option<String>,
}

/// A hypothesis: the value assumed for a field the situation does not give.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DefHypothese {
    /// The assumed value.
    pub valeur: Spanned<toml::Value>,
    /// The sentence that discloses it to the person.
    pub texte: String,
}

/// `rules/_commun.toml`.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct FichierCommun {
    /// Shared parameters (BMAF, SMIC…).
    #[serde(default)]
    pub parametres: BTreeMap<String, Spanned<DefParametre>>,
    /// Shared variables (household size, resources…).
    #[serde(default)]
    pub variables: BTreeMap<String, Spanned<String>>,
    /// Assumed values for fields we choose not to ask about.
    #[serde(default)]
    pub hypotheses: BTreeMap<String, Spanned<DefHypothese>>,
}

/// One aid's file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FichierAide {
    /// Identifier used by the API (`rsa`, `aides_logement`); must match the file name.
    pub id: Spanned<String>,
    /// Official name.
    pub libelle: String,
    /// A shorter name for SMS.
    #[serde(default)]
    pub libelle_court: Option<String>,
    /// Who pays it (CAF, MSA, France Travail…).
    pub institution: String,
    /// One plain-French sentence on what the aid is.
    pub description: String,
    /// `mensuelle` (default), `annuelle` or `unique`.
    #[serde(default)]
    pub periodicite: Option<Spanned<String>>,
    /// Legal references.
    #[serde(default)]
    pub references: Vec<Reference>,
    /// Parameters of this aid.
    #[serde(default)]
    pub parametres: BTreeMap<String, Spanned<DefParametre>>,
    /// Named intermediate formulas.
    #[serde(default)]
    pub variables: BTreeMap<String, Spanned<String>>,
    /// Eligibility conditions, all required.
    #[serde(default)]
    pub conditions: Vec<DefCondition>,
    /// The amount (absent for aids that are a right rather than a sum).
    #[serde(default)]
    pub montant: Option<DefMontant>,
    /// Extra numeric outputs (`participation` for the CSS).
    #[serde(default)]
    pub sorties: BTreeMap<String, Spanned<String>>,
    /// Lines explaining the amount; `{formule}` is replaced by its value.
    /// A line written `{ si = "formule", texte = "…" }` is said only when
    /// its formula is true for the household (a warning that concerns
    /// homeowners, say).
    #[serde(default)]
    pub explications: Vec<Spanned<DefExplication>>,
    /// How to apply.
    #[serde(default)]
    pub demarche: Demarche,
    /// Free notes for rule authors (known gaps, simplifications).
    #[serde(default)]
    pub note: Option<String>,
    /// Aids that cannot be paid together with this one (the person
    /// chooses): results show them as alternatives, not as a sum.
    #[serde(default)]
    pub exclusive_de: Vec<Spanned<String>>,
}

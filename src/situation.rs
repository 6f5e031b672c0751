//! The household facts ("situation"), JSON format version 1.
//!
//! A situation is what we know of a household so far: every field is optional,
//! and a missing field means *unknown*, never zero. The format uses French keys
//! (see the README's "Situation format"):
//!
//! ```json
//! {"mois": "2026-11", "couple": false,
//!  "demandeur": {"age": 30, "activite": "salarie", "salaire_net": 554},
//!  "conjoint": null, "enfants": [{"age": 4}],
//!  "logement": {"statut": "locataire", "loyer": 550, "code_postal": "92100"}}
//! ```
//!
//! [`Situation::from_json`] checks types, ranges and unknown keys and names the
//! faulty field in its error. The rule engine does not read these structs
//! directly: [`crate::rules::faits`] flattens them into numbered fields.

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;
use std::str::FromStr;

/// The most children a situation may list. Field numbering reserves room for
/// this many; a larger family is rare enough to be told to call an adviser.
pub const MAX_ENFANTS: usize = 12;

/// A month, `YYYY-MM`, whose legislation applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Mois {
    /// Calendar year, e.g. 2026.
    pub annee: i32,
    /// Month number, 1 to 12.
    pub mois: u8,
}

impl Mois {
    /// The month as a date key `YYYYMMDD` for its first day, used to pick dated parameters.
    pub fn premier_jour(self) -> u32 {
        (self.annee as u32) * 10000 + (self.mois as u32) * 100 + 1
    }
}

impl fmt::Display for Mois {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.annee, self.mois)
    }
}

impl FromStr for Mois {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || format!("« {s} » n'est pas un mois au format AAAA-MM (par exemple 2026-11)");
        let (a, m) = s.trim().split_once('-').ok_or_else(err)?;
        if a.len() != 4 || m.len() != 2 {
            return Err(err());
        }
        let annee: i32 = a.parse().map_err(|_| err())?;
        let mois: u8 = m.parse().map_err(|_| err())?;
        if !(1..=12).contains(&mois) || !(2000..=2100).contains(&annee) {
            return Err(err());
        }
        Ok(Mois { annee, mois })
    }
}

impl Serialize for Mois {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Mois {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

macro_rules! enum_texte {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $text)] $variant),+
        }
        impl $name {
            /// Every value, as written in the JSON format and in rule files.
            pub const VALEURS: &'static [&'static str] = &[$($text),+];
            /// The value as written in the JSON format and in rule files.
            pub fn texte(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }
    };
}

enum_texte!(
    /// What a person mainly does.
    Activite {
        /// Employee (including apprentices and civil servants).
        Salarie = "salarie",
        /// Self-employed, micro-entrepreneur.
        Independant = "independant",
        /// Jobseeker.
        Chomeur = "chomeur",
        /// Student.
        Etudiant = "etudiant",
        /// Retired.
        Retraite = "retraite",
        /// Without activity.
        Inactif = "inactif",
    }
);

enum_texte!(
    /// Nationality, as far as benefit rules care.
    Nationalite {
        /// French.
        Francaise = "fr",
        /// Citizen of the EU, the EEA or Switzerland.
        UnionEuropeenne = "ue",
        /// Any other nationality.
        HorsUnion = "hors_ue",
    }
);

enum_texte!(
    /// How the household is housed.
    StatutLogement {
        /// Tenant of an unfurnished private home.
        Locataire = "locataire",
        /// Tenant of social housing (HLM, conventionné).
        LocataireHlm = "locataire_hlm",
        /// Tenant of a furnished home.
        LocataireMeuble = "locataire_meuble",
        /// Owner-occupier.
        Proprietaire = "proprietaire",
        /// Housed free of charge by someone.
        Heberge = "heberge",
        /// Without a home.
        SansDomicile = "sans_domicile",
    }
);

enum_texte!(
    /// Where a child goes to school.
    Scolarite {
        /// Not at school (too young, or left school).
        Aucune = "aucune",
        /// Nursery or primary school.
        Primaire = "primaire",
        /// Collège.
        College = "college",
        /// Lycée.
        Lycee = "lycee",
        /// Higher education.
        Superieur = "superieur",
    }
);

/// An adult of the household: the person who asks (`demandeur`) or their partner (`conjoint`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Personne {
    /// Age in years.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age: Option<Decimal>,
    /// Main activity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activite: Option<Activite>,
    /// Net monthly salary (or self-employed earnings), €.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub salaire_net: Option<Decimal>,
    /// Net monthly unemployment benefit (ARE), €.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chomage_net: Option<Decimal>,
    /// Net monthly retirement pension, €.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retraite_nette: Option<Decimal>,
    /// Net monthly invalidity pension, €.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pension_invalidite: Option<Decimal>,
    /// Has a recognised disability.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handicap: Option<bool>,
    /// Incapacity rate recognised by the MDPH, percent (0, 50, 80…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub taux_incapacite: Option<Decimal>,
    /// Nationality.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nationalite: Option<Nationalite>,
    /// Holds a residence permit for at least 5 years (matters for non-EU nationals).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub titre_sejour_5_ans: Option<bool>,
    /// Is pregnant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enceinte: Option<bool>,
    /// Receives a higher-education grant (bourse sur critères sociaux).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub boursier: Option<bool>,
    /// Worked at least 5 years in the 10 before the last job ended (the
    /// work history the ASS asks for, Code du travail R5423-1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub travail_5_ans_sur_10: Option<bool>,
    /// For a citizen of the EU, the EEA or Switzerland who does not work:
    /// has kept a right of residence (worked in France before, or lived
    /// there 5 years), which the RSA and the prime d'activité ask for
    /// (CASF L262-6, CSS L842-2). A worker has it by working.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub droit_au_sejour: Option<bool>,
}

/// A child of the household.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Enfant {
    /// Age in years.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age: Option<Decimal>,
    /// Has a recognised disability.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handicap: Option<bool>,
    /// Incapacity rate recognised by the MDPH, percent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub taux_incapacite: Option<Decimal>,
    /// School level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scolarite: Option<Scolarite>,
    /// Lives half of the time with the other parent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub garde_alternee: Option<bool>,
}

/// The home.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Logement {
    /// Tenant, owner, housed free of charge…
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statut: Option<StatutLogement>,
    /// Monthly rent without charges, €.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub loyer: Option<Decimal>,
    /// Postal code, 5 digits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_postal: Option<String>,
    /// INSEE code of the commune.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commune: Option<String>,
    /// Shares the home with other tenants (colocation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub colocation: Option<bool>,
}

/// Resources and facts of the whole household.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Foyer {
    /// Child support received each month, €.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pension_alimentaire_recue: Option<Decimal>,
    /// Savings (livrets, comptes…), €.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub epargne: Option<Decimal>,
    /// Other monthly income not listed elsewhere, €.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub autres_revenus: Option<Decimal>,
    /// Revenu fiscal de référence of the last tax notice, € per year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revenu_fiscal_reference: Option<Decimal>,
}

/// Whether a partner is known: not said yet, said to be nobody, or described.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Conjoint {
    /// The situation does not say.
    #[default]
    Inconnu,
    /// `"conjoint": null`: the person lives without a partner.
    Aucun,
    /// A partner, possibly partly described.
    Present(Personne),
}

impl Conjoint {
    fn est_inconnu(&self) -> bool {
        matches!(self, Conjoint::Inconnu)
    }
}

impl Serialize for Conjoint {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Conjoint::Inconnu | Conjoint::Aucun => s.serialize_none(),
            Conjoint::Present(p) => p.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for Conjoint {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match Option::<Personne>::deserialize(d)? {
            None => Conjoint::Aucun,
            Some(p) => Conjoint::Present(p),
        })
    }
}

/// What we know of a household.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Situation {
    /// The month whose legislation applies; the caller's current month when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mois: Option<Mois>,
    /// Lives as a couple. Derived from `conjoint` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub couple: Option<bool>,
    /// The person who asks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub demandeur: Option<Personne>,
    /// The partner: absent = unknown, `null` = none.
    #[serde(default, skip_serializing_if = "Conjoint::est_inconnu")]
    pub conjoint: Conjoint,
    /// Number of dependent children, when their details are not all known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nombre_enfants: Option<Decimal>,
    /// The dependent children.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enfants: Option<Vec<Enfant>>,
    /// The home.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logement: Option<Logement>,
    /// Household-wide resources.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub foyer: Option<Foyer>,
}

/// A situation that cannot be used, with the path of the faulty field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", lieu(champ, 0, message))]
pub struct SituationError {
    /// Path of the field, e.g. `demandeur.age` or `enfants[1].age`; empty for the whole document.
    pub champ: String,
    /// What is wrong.
    pub message: String,
}

/// `where: what` as every error of a file or a field reads: `file:line:
/// message`, or `where: message` when there is no line (0).
pub(crate) fn lieu(ou: &str, ligne: usize, message: &str) -> String {
    match (ou.is_empty(), ligne) {
        (true, _) => message.to_string(),
        (false, 0) => format!("{ou}: {message}"),
        (false, l) => format!("{ou}:{l}: {message}"),
    }
}

impl Situation {
    /// Reads and checks one situation from a JSON value.
    pub fn from_value(v: serde_json::Value) -> Result<Situation, SituationError> {
        let s: Situation = serde_path_to_error::deserialize(v).map_err(|e| {
            let champ = e.path().to_string();
            SituationError {
                champ: if champ == "." { String::new() } else { champ },
                message: traduire_erreur_serde(&e.into_inner().to_string()),
            }
        })?;
        s.verifier()?;
        Ok(s)
    }

    /// Reads and checks one situation from JSON text.
    pub fn from_json(text: &str) -> Result<Situation, SituationError> {
        let v: serde_json::Value = serde_json::from_str(text).map_err(|e| SituationError {
            champ: String::new(),
            message: format!("JSON illisible : {e}"),
        })?;
        Situation::from_value(v)
    }

    /// Whether the household is a couple, as far as we know.
    pub fn couple(&self) -> Option<bool> {
        self.couple.or(match self.conjoint {
            Conjoint::Inconnu => None,
            Conjoint::Aucun => Some(false),
            Conjoint::Present(_) => Some(true),
        })
    }

    /// The number of children, as far as we know.
    pub fn nombre_enfants(&self) -> Option<usize> {
        match (&self.enfants, self.nombre_enfants) {
            (_, Some(n)) => Some(decimal_to_usize(n)),
            (Some(e), None) => Some(e.len()),
            (None, None) => None,
        }
    }

    /// Checks the ranges and the consistency that types alone cannot express.
    pub fn verifier(&self) -> Result<(), SituationError> {
        let err = |champ: &str, message: &str| {
            Err(SituationError {
                champ: champ.to_string(),
                message: message.to_string(),
            })
        };
        if let Some(p) = &self.demandeur {
            verifier_personne(p, "demandeur")?;
        }
        if let Conjoint::Present(p) = &self.conjoint {
            verifier_personne(p, "conjoint")?;
        }
        match (self.couple, &self.conjoint) {
            (Some(true), Conjoint::Aucun) => {
                return err(
                    "couple",
                    "« couple » vaut true mais « conjoint » vaut null : l'un des deux est faux",
                );
            }
            (Some(false), Conjoint::Present(_)) => {
                return err(
                    "couple",
                    "« couple » vaut false mais un conjoint est décrit : l'un des deux est faux",
                );
            }
            _ => {}
        }
        if let Some(n) = self.nombre_enfants {
            if n.is_sign_negative() || !n.fract().is_zero() {
                return err(
                    "nombre_enfants",
                    "un nombre entier positif ou nul est attendu",
                );
            }
            if n > Decimal::from(MAX_ENFANTS) {
                return err(
                    "nombre_enfants",
                    &format!("au plus {MAX_ENFANTS} enfants pour un calcul automatique"),
                );
            }
            if let Some(e) = &self.enfants {
                if e.len() > decimal_to_usize(n) {
                    return err(
                        "nombre_enfants",
                        "la liste « enfants » compte plus d'enfants que « nombre_enfants »",
                    );
                }
            }
        }
        if let Some(enfants) = &self.enfants {
            if enfants.len() > MAX_ENFANTS {
                return err(
                    "enfants",
                    &format!("au plus {MAX_ENFANTS} enfants pour un calcul automatique"),
                );
            }
            for (i, e) in enfants.iter().enumerate() {
                let chemin = format!("enfants[{i}]");
                verifier_age(e.age, &chemin)?;
                verifier_taux(e.taux_incapacite, &chemin)?;
            }
        }
        if let Some(l) = &self.logement {
            verifier_montant(l.loyer, "logement.loyer")?;
            if let Some(cp) = &l.code_postal {
                if cp.len() != 5 || !cp.bytes().all(|b| b.is_ascii_alphanumeric()) {
                    return err(
                        "logement.code_postal",
                        "un code postal de 5 caractères est attendu, par exemple \"75011\"",
                    );
                }
            }
            if let Some(c) = &l.commune {
                if c.len() != 5 || !c.bytes().all(|b| b.is_ascii_alphanumeric()) {
                    return err(
                        "logement.commune",
                        "un code INSEE de commune de 5 caractères est attendu, par exemple \"92012\"",
                    );
                }
            }
        }
        if let Some(f) = &self.foyer {
            verifier_montant(
                f.pension_alimentaire_recue,
                "foyer.pension_alimentaire_recue",
            )?;
            verifier_montant(f.epargne, "foyer.epargne")?;
            verifier_montant(f.autres_revenus, "foyer.autres_revenus")?;
            verifier_montant(f.revenu_fiscal_reference, "foyer.revenu_fiscal_reference")?;
        }
        Ok(())
    }
}

fn decimal_to_usize(n: Decimal) -> usize {
    use rust_decimal::prelude::ToPrimitive;
    n.trunc().to_usize().unwrap_or(0)
}

fn verifier_personne(p: &Personne, qui: &str) -> Result<(), SituationError> {
    verifier_age(p.age, qui)?;
    verifier_taux(p.taux_incapacite, qui)?;
    verifier_montant(p.salaire_net, &format!("{qui}.salaire_net"))?;
    verifier_montant(p.chomage_net, &format!("{qui}.chomage_net"))?;
    verifier_montant(p.retraite_nette, &format!("{qui}.retraite_nette"))?;
    verifier_montant(p.pension_invalidite, &format!("{qui}.pension_invalidite"))?;
    Ok(())
}

fn verifier_age(age: Option<Decimal>, qui: &str) -> Result<(), SituationError> {
    if let Some(a) = age {
        if a.is_sign_negative() || a > Decimal::from(125) {
            return Err(SituationError {
                champ: format!("{qui}.age"),
                message: "un âge entre 0 et 125 ans est attendu".into(),
            });
        }
    }
    Ok(())
}

fn verifier_taux(taux: Option<Decimal>, qui: &str) -> Result<(), SituationError> {
    if let Some(t) = taux {
        if t.is_sign_negative() || t > Decimal::ONE_HUNDRED {
            return Err(SituationError {
                champ: format!("{qui}.taux_incapacite"),
                message: "un pourcentage entre 0 et 100 est attendu".into(),
            });
        }
    }
    Ok(())
}

fn verifier_montant(m: Option<Decimal>, champ: &str) -> Result<(), SituationError> {
    if let Some(m) = m {
        if m.is_sign_negative() {
            return Err(SituationError {
                champ: champ.to_string(),
                message: "un montant positif ou nul est attendu".into(),
            });
        }
        if m > Decimal::from(100_000_000) {
            return Err(SituationError {
                champ: champ.to_string(),
                message: "montant invraisemblable (plus de 100 millions d'euros)".into(),
            });
        }
    }
    Ok(())
}

/// Turns serde's English messages into French ones the caller can act on.
fn traduire_erreur_serde(message: &str) -> String {
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (champ, attendu) = rest.split_once('`').unwrap_or((rest, ""));
        let attendu = attendu
            .trim_start_matches(", expected one of ")
            .trim_start_matches(", expected ")
            .replace('`', "");
        return format!("champ inconnu « {champ} » ; champs possibles : {attendu}");
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        let (valeur, attendu) = rest.split_once('`').unwrap_or((rest, ""));
        let attendu = attendu
            .trim_start_matches(", expected one of ")
            .trim_start_matches(", expected ")
            .replace('`', "");
        return format!("valeur inconnue « {valeur} » ; valeurs possibles : {attendu}");
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        return format!("type incorrect : {rest}");
    }
    message.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn oracle_format_is_accepted() {
        let s = Situation::from_json(
            r#"{"mois": "2026-11", "enfants": [{"age": 4}], "logement": {"statut": "locataire", "code_postal": "92100", "commune": "92012", "loyer": 550}, "demandeur": {"age": 30, "activite": "salarie", "salaire_net": 554.5, "chomage_net": 0, "retraite_nette": 0, "handicap": false, "taux_incapacite": 0, "nationalite": "fr"}, "conjoint": null}"#,
        )
        .unwrap();
        assert_eq!(s.couple(), Some(false));
        assert_eq!(s.nombre_enfants(), Some(1));
        assert_eq!(
            s.demandeur.unwrap().salaire_net,
            Some(Decimal::from_str("554.5").unwrap())
        );
    }

    #[test]
    fn an_empty_object_is_a_situation_where_everything_is_unknown() {
        let s = Situation::from_json("{}").unwrap();
        assert_eq!(s.couple(), None);
        assert_eq!(s.nombre_enfants(), None);
        assert_eq!(s.conjoint, Conjoint::Inconnu);
    }

    #[test]
    fn wrong_type_names_the_field() {
        let e = Situation::from_json(r#"{"demandeur": {"age": "trente"}}"#).unwrap_err();
        assert_eq!(e.champ, "demandeur.age");
        let e = Situation::from_json(r#"{"enfants": [{"age": 3}, {"age": true}]}"#).unwrap_err();
        assert_eq!(e.champ, "enfants[1].age");
    }

    #[test]
    fn unknown_key_names_the_field_and_lists_the_known_ones() {
        let e = Situation::from_json(r#"{"demandeur": {"agee": 30}}"#).unwrap_err();
        assert_eq!(e.champ, "demandeur.agee");
        assert!(e.message.contains("champ inconnu"), "{}", e.message);
        assert!(e.message.contains("age"), "{}", e.message);
    }

    #[test]
    fn unknown_enum_value_is_refused() {
        let e = Situation::from_json(r#"{"logement": {"statut": "locatair"}}"#).unwrap_err();
        assert_eq!(e.champ, "logement.statut");
        assert!(e.message.contains("locataire_hlm"), "{}", e.message);
    }

    #[test]
    fn inconsistent_couple_is_refused() {
        let e = Situation::from_json(r#"{"couple": true, "conjoint": null}"#).unwrap_err();
        assert_eq!(e.champ, "couple");
        let e = Situation::from_json(r#"{"nombre_enfants": 1, "enfants": [{}, {}]}"#).unwrap_err();
        assert_eq!(e.champ, "nombre_enfants");
    }

    #[test]
    fn ranges_are_checked() {
        assert!(Situation::from_json(r#"{"demandeur": {"age": -1}}"#).is_err());
        assert!(Situation::from_json(r#"{"demandeur": {"salaire_net": -5}}"#).is_err());
        assert!(Situation::from_json(r#"{"logement": {"code_postal": "750"}}"#).is_err());
        assert!(Situation::from_json(r#"{"mois": "2026-13"}"#).is_err());
        assert!(Situation::from_json(r#"[1]"#).is_err());
    }

    #[test]
    fn round_trips_through_json() {
        let text = r#"{"mois":"2026-11","couple":true,"demandeur":{"age":40},"conjoint":{"age":38},"enfants":[{"age":3}]}"#;
        let s = Situation::from_json(text).unwrap();
        let back = serde_json::to_string(&s).unwrap();
        assert_eq!(Situation::from_json(&back).unwrap(), s);
    }
}

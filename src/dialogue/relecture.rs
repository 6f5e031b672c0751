//! Read-back: what was understood, in words ("J'ai compris : 780 € par
//! mois (net, depuis le brut x 0,78). Sinon, RETOUR."), whenever an answer
//! was converted or inferred rather than typed plainly.

use super::lecture::minuscule;
use super::moteur::Moteur;
use super::reponse::{Conversion, MontantLu};
use crate::textes::{Arg, Langue, format_euros};
use rust_decimal::Decimal;
use serde_json::Value;

impl Moteur {
    /// "J'ai compris : …. Sinon, RETOUR." with what was understood.
    pub(super) fn relu(&self, langue: Langue, quoi: &[String]) -> String {
        self.t(langue, "relu", &[("quoi", Arg::Texte(quoi.join(", ")))])
    }

    /// How facts read back: "au chômage", "2 enfants", "seul(e)".
    pub(super) fn afficher_faits(&self, langue: Langue, faits: &[(String, Value)]) -> Vec<String> {
        faits
            .iter()
            .filter_map(|(chemin, v)| self.afficher(langue, chemin, v))
            .collect()
    }

    /// How one field's value reads back, if it says something on its own.
    pub(super) fn afficher(&self, langue: Langue, chemin: &str, v: &Value) -> Option<String> {
        let nombre = |v: &Value| v.as_i64().unwrap_or(0);
        let champ = chemin.rsplit('.').next().unwrap_or(chemin);
        Some(match champ {
            "couple" => self.t(
                langue,
                "relu-couple",
                &[("oui", Arg::Nombre(v.as_bool().unwrap_or(false) as i64))],
            ),
            "nombre_enfants" => self.t(langue, "relu-enfants", &[("n", Arg::Nombre(nombre(v)))]),
            "age" => self.t(langue, "relu-age", &[("n", Arg::Nombre(nombre(v)))]),
            "colocation" if v.as_bool() == Some(true) => self.t(langue, "relu-colocation", &[]),
            "colocation" => return None,
            "handicap" => self.t(
                langue,
                "relu-handicap",
                &[("oui", Arg::Nombre(v.as_bool().unwrap_or(false) as i64))],
            ),
            "taux_incapacite" => return None,
            "salaire_net" | "chomage_net" | "retraite_nette" | "loyer" => {
                let d = v
                    .as_f64()
                    .and_then(|f| Decimal::try_from(f).ok())
                    .unwrap_or_default();
                self.t(
                    langue,
                    "relu-par-mois",
                    &[("montant", Arg::Texte(format_euros(d, langue)))],
                )
            }
            _ => {
                let q = self
                    .questions
                    .liste
                    .iter()
                    .find(|q| q.champs.first().map(String::as_str) == Some(chemin))?;
                let choix = q.choix.iter().find(|c| c.valeur == *v)?;
                minuscule(&self.t(langue, &choix.libelle, &[]))
            }
        })
    }

    /// An amount as it reads back, with how it was reached.
    pub(super) fn afficher_montant(&self, langue: Langue, m: &MontantLu) -> String {
        let montant = self.t(
            langue,
            "relu-par-mois",
            &[("montant", Arg::Texte(format_euros(m.valeur, langue)))],
        );
        let raisons: Vec<String> = m
            .conversions
            .iter()
            .filter_map(|conv| {
                Some(match conv {
                    Conversion::Brut => self.t(
                        langue,
                        "relu-raison-brut",
                        &[(
                            "taux",
                            Arg::Texte(
                                format_euros(self.lexique.argent.brut_vers_net, langue)
                                    .trim_end_matches(" €")
                                    .trim_start_matches('€')
                                    .to_string(),
                            ),
                        )],
                    ),
                    Conversion::Semaine => self.t(langue, "relu-raison-semaine", &[]),
                    Conversion::Annee => self.t(langue, "relu-raison-annee", &[]),
                    Conversion::Fourchette(a, b) => self.t(
                        langue,
                        "relu-raison-fourchette",
                        &[
                            ("de", Arg::Texte(format_euros(*a, langue))),
                            ("a", Arg::Texte(format_euros(*b, langue))),
                        ],
                    ),
                    Conversion::Smic => self.t(langue, "relu-raison-smic", &[]),
                    Conversion::ChargesComprises(avec) => self.t(
                        langue,
                        "relu-raison-charges",
                        &[
                            ("avec", Arg::Texte(format_euros(*avec, langue))),
                            (
                                "charges",
                                Arg::Texte(format_euros(*avec - m.valeur, langue)),
                            ),
                        ],
                    ),
                    Conversion::LettreO => return None,
                    Conversion::Somme(x, y) => format!(
                        "{} € + {} €",
                        format_euros(*x, langue),
                        format_euros(*y, langue)
                    ),
                    Conversion::Jour => self.t(langue, "relu-raison-jour", &[]),
                })
            })
            .collect();
        if raisons.is_empty() {
            montant
        } else {
            format!("{montant} ({})", raisons.join(", "))
        }
    }
}

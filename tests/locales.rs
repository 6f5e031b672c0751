//! Every message of `locales/` exists in French and English, is GSM-7 once
//! transliterated (nothing dropped), and fits the default SMS budget of
//! three segments with the longest values its arguments take in practice.
//! Every question, as sent (progress, wording, options), fits too. The
//! console's words (`agent-*`) need only exist in both languages.

use guichet::dialogue::questions::Questions;
use guichet::rules::RuleSet;
use guichet::sms::gsm7;
use guichet::textes::{Arg, Langue, Textes};

const BUDGET: usize = 3;

fn verifier(texte: &str, quoi: &str, erreurs: &mut Vec<String>) {
    let perdus = gsm7::caracteres_perdus(texte);
    if !perdus.is_empty() {
        erreurs.push(format!(
            "{quoi}: caractères sans équivalent GSM-7 {perdus:?}"
        ));
    }
    let t = gsm7::translitterer(texte);
    let (enc, n) = gsm7::segments(&t);
    if enc != gsm7::Encodage::Gsm7 || n > BUDGET {
        erreurs.push(format!("{quoi}: {enc:?}, {n} segments : {t}"));
    }
}

#[test]
fn chaque_message_tient_dans_le_budget_dans_les_deux_langues() {
    let textes = Textes::integres().expect("the texts load, in both languages");
    let questions = Questions::integrees().unwrap();
    let regles = RuleSet::integre().unwrap();
    // The longest values the arguments take.
    let aide = regles
        .aides
        .iter()
        .map(|a| a.libelle_court.to_string())
        .max_by_key(|l| l.chars().count())
        .unwrap();
    let ou = regles
        .aides
        .iter()
        .filter_map(|a| a.demarche.url.clone())
        .max_by_key(|u| u.len())
        .unwrap();
    let exemple = "34, ou 12/03/1990".to_string();
    let mut erreurs = Vec::new();
    for langue in Langue::TOUTES {
        for id in textes.ids() {
            // Document lists come from the rules and are cut by the engine
            // when too long; check the sentence with a typical list.
            let args: Vec<(&str, Arg)> = vec![
                ("n", Arg::Nombre(12)),
                ("total", Arg::Nombre(14)),
                ("ages", Arg::Texte("17, 15, 12, 9, 7, 5, 3 et 1".into())),
                ("montant", Arg::Texte("1 234,56".into())),
                ("aide", Arg::Texte(aide.clone())),
                ("ou", Arg::Texte(ou.clone())),
                ("telephone", Arg::Texte("0 805 204 805".into())),
                ("documents", Arg::Texte("Une pièce d'identité, Un RIB, Votre avis d'impôt, Vos bulletins de salaire des 3 derniers mois".into())),
                ("operateur", Arg::Texte("la Ville de Roubaix (CCAS)".into())),
                ("contact", Arg::Texte("France Services ou Allô Service Public 39 39".into())),
                ("jours", Arg::Nombre(30)),
                ("exemple", Arg::Texte(exemple.clone())),
            ];
            for n in [1, 12] {
                let mut a = args.clone();
                a[0] = ("n", Arg::Nombre(n));
                let t = textes.msg(langue, id, &a);
                assert!(!t.starts_with('['), "{langue} {id}: message absent");
                // The agent console's words are web pages, never SMS.
                if id.starts_with("agent-") {
                    continue;
                }
                verifier(&t, &format!("{langue} {id} (n={n})"), &mut erreurs);
                for attr in ["aide", "exemple"] {
                    if textes.existe(id, Some(attr)) {
                        let t = textes.texte(langue, id, Some(attr), &a);
                        verifier(&t, &format!("{langue} {id}.{attr}"), &mut erreurs);
                    }
                }
            }
        }
        // Each question as sent: progress, wording, options.
        for q in &questions.liste {
            let mut t = format!(
                "14/14 {}",
                textes.msg(
                    langue,
                    &q.message,
                    &[
                        ("n", Arg::Nombre(12)),
                        ("ages", Arg::Texte("17, 15, 12, 9, 7, 5, 3 et 1".into()))
                    ]
                )
            );
            for c in &q.choix {
                t.push_str(&format!(
                    "\n{} {}",
                    c.cle,
                    textes.msg(langue, &c.libelle, &[])
                ));
            }
            verifier(&t, &format!("{langue} question {}", q.id), &mut erreurs);
            // After a miss, the question comes back with the example and the callback offer.
            let exemple = textes.texte(
                langue,
                &q.message,
                Some("exemple"),
                &[("n", Arg::Nombre(12))],
            );
            let rate = format!(
                "{}\n{}\n{t}",
                textes.msg(langue, "incompris", &[("exemple", Arg::Texte(exemple))]),
                textes.msg(langue, "incompris-rappel", &[])
            );
            verifier(
                &rate,
                &format!("{langue} question {} redemandée", q.id),
                &mut erreurs,
            );
        }
    }
    assert!(erreurs.is_empty(), "{}", erreurs.join("\n"));
}

/// The aids' sentences in every language but French (`locales/<l>/aides.ftl`)
/// reach SMS in results and details: each must be GSM-7 once transliterated
/// and fit the budget alone, with values as long as they come.
#[test]
fn chaque_phrase_des_aides_traduite_est_gsm7_et_tient_dans_le_budget() {
    let textes = Textes::integres().unwrap();
    let phrases = guichet::rules::phrases::catalogue(&guichet::rules::sources_integrees()).unwrap();
    let mut erreurs = Vec::new();
    for langue in Langue::TOUTES.into_iter().filter(|l| *l != Langue::Fr) {
        for p in &phrases {
            let args: Vec<(&str, Arg)> = p
                .variables
                .iter()
                .map(|v| match v.as_str() {
                    "phrase" => (
                        "phrase",
                        Arg::Texte("You have at least one child under 20.".into()),
                    ),
                    v => (v, Arg::Nombre(123_456)),
                })
                .collect();
            let Some(t) = textes.phrase_aide(langue, &p.cle, &args) else {
                erreurs.push(format!("{langue} {}: pas de traduction", p.cle));
                continue;
            };
            assert!(!t.contains('{'), "{langue} {}: {t}", p.cle);
            verifier(&t, &format!("{langue} {}", p.cle), &mut erreurs);
        }
    }
    assert!(erreurs.is_empty(), "{}", erreurs.join("\n"));
}

//! The `guichet` command as a user runs it: `check`, `eval` and `chat`.

use std::io::Write;
use std::process::{Command, Stdio};

fn guichet() -> Command {
    Command::new(env!("CARGO_BIN_EXE_guichet"))
}

fn dossier_temporaire(nom: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("guichet-test-{nom}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn check_accepts_the_repository_rules() {
    let sortie = guichet()
        .args([
            "check",
            "--rules",
            concat!(env!("CARGO_MANIFEST_DIR"), "/rules"),
        ])
        .output()
        .unwrap();
    assert!(
        sortie.status.success(),
        "{}",
        String::from_utf8_lossy(&sortie.stderr)
    );
    assert!(String::from_utf8_lossy(&sortie.stdout).contains("aucune erreur"));
}

#[test]
fn check_reports_file_and_line_of_a_typo_and_exits_1() {
    let d = dossier_temporaire("check");
    std::fs::write(
        d.join("essai.toml"),
        "id = \"essai\"\nlibelle = \"Essai\"\ninstitution = \"CAF\"\ndescription = \"Test.\"\n\n[montant]\nformule = \"demandeur.salaire_nett * 2\"\n",
    )
    .unwrap();
    let sortie = guichet()
        .args(["check", "--rules"])
        .arg(&d)
        .output()
        .unwrap();
    assert_eq!(sortie.status.code(), Some(1));
    let err = String::from_utf8_lossy(&sortie.stderr);
    assert!(
        err.contains("essai.toml:7: nom inconnu « demandeur.salaire_nett »"),
        "{err}"
    );
    assert!(err.contains("demandeur.salaire_net"), "{err}");
}

#[test]
fn check_reports_an_aid_sentence_without_english_at_its_rule_line_and_exits_1() {
    let racine = env!("CARGO_MANIFEST_DIR");
    let d = dossier_temporaire("check-aides");
    for langue in ["fr", "en"] {
        std::fs::create_dir_all(d.join(langue)).unwrap();
        for f in std::fs::read_dir(format!("{racine}/locales/{langue}")).unwrap() {
            let f = f.unwrap().path();
            let mut texte = std::fs::read_to_string(&f).unwrap();
            if langue == "en" && f.ends_with("aides.ftl") {
                // The translation of the ASF's first condition is lost.
                texte = texte
                    .lines()
                    .filter(|l| !l.starts_with("asf-condition-1-oui ="))
                    .collect::<Vec<_>>()
                    .join("\n");
            }
            std::fs::write(d.join(langue).join(f.file_name().unwrap()), texte).unwrap();
        }
    }
    let sortie = guichet()
        .args(["check", "--rules", "rules", "--locales"])
        .arg(&d)
        .current_dir(racine)
        .output()
        .unwrap();
    assert_eq!(sortie.status.code(), Some(1));
    let err = String::from_utf8_lossy(&sortie.stderr);
    assert!(
        err.contains("rules/asf.toml:45: « Vous élevez seul(e) vos enfants. » n'a pas de traduction : ajouter le message asf-condition-1-oui à locales/en/aides.ftl"),
        "{err}"
    );
    assert!(err.contains("1 erreur(s)"), "{err}");
}

#[test]
fn eval_reads_stdin_and_prints_json() {
    let mut enfant = guichet()
        .args(["eval", "-", "--mois", "2026-11"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    enfant
        .stdin
        .take()
        .unwrap()
        .write_all(br#"[{"demandeur": {"age": 30}}, {}]"#)
        .unwrap();
    let sortie = enfant.wait_with_output().unwrap();
    assert!(sortie.status.success());
    let v: serde_json::Value = serde_json::from_slice(&sortie.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 2);
    assert!(v[0]["aides"].as_array().unwrap().len() >= 15);
}

#[test]
fn eval_names_the_faulty_field_and_exits_1() {
    let d = dossier_temporaire("eval");
    let f = d.join("s.json");
    std::fs::write(&f, r#"{"demandeur": {"taux_incapacite": "beaucoup"}}"#).unwrap();
    let sortie = guichet().arg("eval").arg(&f).output().unwrap();
    assert_eq!(sortie.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&sortie.stderr).contains("demandeur.taux_incapacite"));
}

#[test]
fn hash_password_prints_an_argon2id_hash_that_verifies() {
    use argon2::password_hash::PasswordVerifier;
    let out = guichet()
        .args(["hash-password", "mot de passe"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let hash = String::from_utf8(out.stdout).unwrap();
    let hash = hash.trim();
    assert!(hash.starts_with("$argon2id$"), "{hash}");
    let h = argon2::password_hash::phc::PasswordHash::new(hash).unwrap();
    assert!(
        argon2::Argon2::default()
            .verify_password(b"mot de passe", &h)
            .is_ok()
    );
    assert!(
        argon2::Argon2::default()
            .verify_password(b"autre", &h)
            .is_err()
    );
}

#[test]
fn hash_password_refuses_an_empty_password() {
    let out = guichet().args(["hash-password", ""]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn chat_answers_each_typed_line_as_an_sms_would() {
    let mut enfant = guichet()
        .args(["chat", "--debug"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    enfant
        .stdin
        .take()
        .unwrap()
        .write_all("Bonjour\nnon\n".as_bytes())
        .unwrap();
    let sortie = enfant.wait_with_output().unwrap();
    assert!(sortie.status.success());
    let texte = String::from_utf8_lossy(&sortie.stdout);
    // The greeting and the first question, transliterated as a phone shows
    // them, then the next question once "non" is read.
    assert!(texte.starts_with("< Bonjour !"), "{texte}");
    assert!(texte.contains("Vivez-vous en couple"), "{texte}");
    assert!(texte.contains("[couple : yes_no]"), "{texte}");
    assert!(texte.contains("Combien d'enfants avez-vous"), "{texte}");
}

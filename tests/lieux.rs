//! Where people say they live, as they type it at the question "Quel est
//! le code postal de votre commune ?": postal codes, commune names with or
//! without accents, typos, arrondissements, names several communes share,
//! and numbers that are not postal codes. Then two conversations through
//! the engine, in French and in English, where "marseille" is followed by
//! the arrondissement; and a sample of the communes table typed by name.
//!
//! Each line of the table reads: what the person typed, what is understood.
//! "59100 59512" is a postal code and the INSEE code of the commune (a dash
//! when unknown); "communes …" a numbered choice among communes (INSEE
//! codes), "codes …" a choice among the postal codes of one commune,
//! "arrondissement …" the question of the arrondissement of Paris, Lyon or
//! Marseille; "refus …" a refusal and its reason.

use guichet::dialogue::lieu::{self, APreciser, LieuLu, Refus};
use guichet::dialogue::{Conversation, Entrant, Etape, Moteur, Reglages};
use guichet::rules::RuleSet;
use guichet::situation::Mois;
use guichet::sms::gsm7;
use guichet::textes::Langue;

/// What an answer was understood as, in the table's words.
fn resume(l: &LieuLu) -> String {
    match l {
        LieuLu::Trouve(l) => format!(
            "{} {}",
            l.code_postal.as_deref().unwrap_or("-"),
            l.commune.unwrap_or("-")
        ),
        LieuLu::APreciser(APreciser::Arrondissement { insee }) => format!("arrondissement {insee}"),
        LieuLu::APreciser(APreciser::CodesPostaux { insee, codes }) => {
            format!("codes {insee} {}", codes.join(","))
        }
        LieuLu::APreciser(APreciser::Communes { insee, .. }) => {
            format!("communes {}", insee.join(","))
        }
        LieuLu::NeSaitPas => "ne sait pas".into(),
        LieuLu::Refuse(Refus::QuatreChiffres(v)) => format!("refus 4 chiffres {}", v.join(" ")),
        LieuLu::Refuse(Refus::Departement { code, .. }) => format!("refus departement {code}"),
        LieuLu::Refuse(Refus::CodeInconnu(code)) => format!("refus code inconnu {code}"),
        LieuLu::Refuse(Refus::Desaccord { code, nom }) => format!("refus {code} pas a {nom}"),
        LieuLu::Refuse(Refus::PasUnCodePostal) => "refus pas un code postal".into(),
        LieuLu::Refuse(Refus::NomInconnu) => "refus nom inconnu".into(),
        LieuLu::Refuse(Refus::Incompris) => "refus incompris".into(),
        LieuLu::Refuse(Refus::TropDeCommunes { nom, .. }) => format!("refus trop de {nom}"),
        LieuLu::Refuse(Refus::HorsListe(n)) => format!("refus hors liste {n}"),
    }
}

const SAINT_DENIS: &str = "communes 11339,30247,93066,97411";
const SAINT_DENIS_93: &str = "codes 93066 93200,93210,93380";
const SAINT_DENIS_974: &str = "codes 97411 97400,97417,97490";
const AIX: &str = "codes 13001 13080,13090,13100,13290,13540";

/// What people type, and what it must give.
const REPONSES: &[(&str, &str)] = &[
    // Postal codes, as before.
    ("59100", "59100 59512"),
    ("59 100", "59100 59512"),
    ("j'habite au 59100", "59100 59512"),
    ("75018", "75018 75056"),
    ("75 018", "75018 75056"),
    ("97400", "97400 97411"),
    ("20000", "20000 2A004"),
    // A postal code of several communes: the `commune` question follows.
    ("12000", "12000 -"),
    // ... unless the name says which.
    ("12000 rodez", "12000 12202"),
    ("59100 Roubaix", "59100 59512"),
    ("Roubaix, 59100", "59100 59512"),
    ("st-etienne 42100", "42100 42218"),
    ("saint denis 93 93200", "93200 93066"),
    // A name: one commune, one postal code.
    ("roubaix", "59100 59512"),
    ("Roubaix", "59100 59512"),
    ("ROUBAIX", "59100 59512"),
    ("Roubaix 59", "59100 59512"),
    ("roubaix (59)", "59100 59512"),
    ("roubaix nord", "59100 59512"),
    ("roubaix dans le nord", "59100 59512"),
    ("je vis à Roubaix", "59100 59512"),
    ("je vis a roubaix", "59100 59512"),
    ("J'habite à Roubaix", "59100 59512"),
    ("I live in Roubaix", "59100 59512"),
    ("tourcoing", "59200 59599"),
    ("rodez", "12000 12202"),
    ("lens", "62300 62498"),
    ("besancon", "25000 25056"),
    ("Besançon", "25000 25056"),
    ("bourg en bresse", "01000 01053"),
    ("chalons en champagne", "51000 51108"),
    ("L'Haÿ-les-Roses", "94240 94038"),
    ("lhay les roses", "94240 94038"),
    ("pointe a pitre", "97110 97120"),
    ("cayenne", "97300 97302"),
    ("kourou", "97310 97304"),
    ("basse terre", "97100 97105"),
    ("pau", "64000 64445"),
    ("je vis a pau", "64000 64445"),
    ("Rue", "80120 80688"),
    ("y", "80190 80829"),
    ("boulogne billancourt", "92100 92012"),
    // Without the small words, or only the first ones.
    ("Aix en Provence", AIX),
    ("aix-en-provence", AIX),
    ("Aix Provence", AIX),
    ("le havre", "codes 76351 76600,76610,76620"),
    ("havre", "codes 76351 76600,76610,76620"),
    (
        "cherbourg",
        "codes 50129 50100,50110,50120,50130,50460,50470",
    ),
    // One typo, on names of 5 letters or more.
    ("aix en provance", AIX),
    ("marseile", "arrondissement 13055"),
    ("marseile 13eme", "13013 13055"),
    ("lillle", "codes 59350 59000,59160,59260,59777,59800"),
    ("grenobel", "codes 38185 38000,38100"),
    (
        "toulouze",
        "codes 31555 31000,31100,31200,31300,31400,31500",
    ),
    ("saintetienne", "codes 42218 42000,42100,42230"),
    // ... when two names are that close, both are offered.
    ("roubiax", "communes 11324,59512"),
    ("bordeau", "communes 33063,73050"),
    // Names several communes share: which one.
    ("st denis", SAINT_DENIS),
    ("Saint-Denis", SAINT_DENIS),
    ("valence", "communes 16392,26362,82186"),
    ("montreuil", "communes 28267,85148,93048"),
    ("clermont", "communes 09097,40084,60157,74078"),
    ("la rochelle", "communes 17300,70450"),
    ("je suis de la rochelle", "communes 17300,70450"),
    ("boulogne", "communes 31080,59093,60093,62160,85084,92012"),
    // ... unless the département says it, by number or by name.
    ("saint-denis (93)", SAINT_DENIS_93),
    ("Saint-Denis 93", SAINT_DENIS_93),
    ("st denis 974", SAINT_DENIS_974),
    ("saint denis la reunion", SAINT_DENIS_974),
    ("saint-denis de la réunion", SAINT_DENIS_974),
    ("valence 26", "26000 26362"),
    ("valence drome", "26000 26362"),
    ("montreuil 93", "93100 93048"),
    // Cities with several postal codes: which one.
    (
        "toulouse",
        "codes 31555 31000,31100,31200,31300,31400,31500",
    ),
    ("nice", "codes 06088 06000,06100,06200,06300"),
    ("Saint Etienne 42", "codes 42218 42000,42100,42230"),
    ("saint maur des fosses", "codes 94068 94100,94210"),
    // Paris, Lyon, Marseille: the arrondissement.
    ("paris", "arrondissement 75056"),
    ("Paris", "arrondissement 75056"),
    ("paris 18", "75018 75056"),
    ("paris 18e", "75018 75056"),
    ("paris 18eme", "75018 75056"),
    ("Paris 18ème", "75018 75056"),
    ("paris 18 eme", "75018 75056"),
    ("Paris XVIII", "75018 75056"),
    ("in paris 18th", "75018 75056"),
    ("Paris 18th arrondissement", "75018 75056"),
    ("paris 1er", "75001 75056"),
    ("paris premier", "75001 75056"),
    ("Paris 5ème arrondissement", "75005 75056"),
    ("paris 20", "75020 75056"),
    ("paris 16", "codes 75116 75016,75116"),
    ("paris 75018", "75018 75056"),
    ("75018 paris", "75018 75056"),
    ("lyon", "arrondissement 69123"),
    ("lyon 3", "69003 69123"),
    ("Lyon 3e", "69003 69123"),
    ("lyon iii", "69003 69123"),
    ("lyon 1st", "69001 69123"),
    ("Lyon 1er arrondissement", "69001 69123"),
    ("marseille", "arrondissement 13055"),
    ("marseille 13eme", "13013 13055"),
    ("marseille 13 eme", "13013 13055"),
    ("marseille 13e arrondissement", "13013 13055"),
    ("je vis à marseille 13e", "13013 13055"),
    ("Marseille 13013", "13013 13055"),
    // Never a guess: the 13th arrondissement or the Bouches-du-Rhône?
    ("marseille 13", "arrondissement 13055"),
    ("paris 75", "arrondissement 75056"),
    ("lyon 69", "arrondissement 69123"),
    ("paris 21", "arrondissement 75056"),
    // A city's postal code that does not exist.
    ("75000", "arrondissement 75056"),
    ("13000", "arrondissement 13055"),
    ("69000", "arrondissement 69123"),
    // Four digits: a postal code has five.
    ("1300", "refus 4 chiffres 01300 13000"),
    ("6000", "refus 4 chiffres 06000 60000"),
    ("1000", "refus 4 chiffres 01000 10000"),
    ("7501", "refus 4 chiffres 75010"),
    // A département is not a postal code.
    ("59", "refus departement 59"),
    ("93", "refus departement 93"),
    ("13", "refus departement 13"),
    ("974", "refus departement 974"),
    ("2A", "refus departement 2A"),
    ("le nord", "refus departement 59"),
    ("nord", "refus departement 59"),
    ("la manche", "refus departement 50"),
    ("seine saint denis", "refus departement 93"),
    // A rent, a count, typed at the wrong question.
    ("450", "refus pas un code postal"),
    ("450 €", "refus pas un code postal"),
    ("380 euros", "refus pas un code postal"),
    ("1 200 €", "refus pas un code postal"),
    ("1200 €", "refus pas un code postal"),
    ("34 ans", "refus pas un code postal"),
    ("j'ai 34 ans", "refus pas un code postal"),
    ("2 enfants", "refus pas un code postal"),
    ("12/03/1990", "refus pas un code postal"),
    ("roubaix depuis 3 ans", "59100 59512"),
    ("2", "refus pas un code postal"),
    ("0", "refus pas un code postal"),
    // Postal codes that do not exist, or do not go with the name.
    ("00100", "refus code inconnu 00100"),
    ("99000", "refus code inconnu 99000"),
    ("roubaix 59000", "refus 59000 pas a Roubaix"),
    // Anything else.
    ("0612345678", "refus incompris"),
    ("75011 ou 75012", "refus incompris"),
    ("lille ou roubaix", "refus incompris"),
    ("chez ma mère", "refus incompris"),
    ("merci", "refus incompris"),
    ("sdf", "refus incompris"),
    ("je suis à la rue", "refus nom inconnu"),
    ("abc", "refus nom inconnu"),
    ("lile", "refus nom inconnu"),
    ("je sais pas", "ne sait pas"),
    ("jsp", "ne sait pas"),
    ("?", "ne sait pas"),
];

#[test]
fn what_people_type_at_the_postal_code_question() {
    assert!(REPONSES.len() >= 80, "{}", REPONSES.len());
    let ecarts: Vec<String> = REPONSES
        .iter()
        .filter_map(|(texte, attendu)| {
            let obtenu = resume(&lieu::lire(texte));
            (obtenu != *attendu).then(|| format!("{texte:?}: attendu {attendu}, obtenu {obtenu}"))
        })
        .collect();
    assert!(ecarts.is_empty(), "\n{}", ecarts.join("\n"));
}

#[test]
fn a_name_read_back_shows_the_commune_and_its_postal_code() {
    // Only what was guessed from a name is read back: a postal code typed
    // is what the person meant.
    for (texte, affichage, a_relire) in [
        ("roubaix", "Roubaix (59100)", true),
        ("paris 18eme", "Paris 18e (75018)", true),
        ("lyon 1er", "Lyon 1er (69001)", true),
        ("marseile 13eme", "Marseille 13e (13013)", true),
        ("aix en provence 13100", "Aix-en-Provence (13100)", false),
        ("75018", "Paris 18e (75018)", false),
        ("12000", "12000", false),
    ] {
        let LieuLu::Trouve(l) = lieu::lire(texte) else {
            panic!("{texte}")
        };
        assert_eq!(l.affichage, affichage);
        assert_eq!(l.a_relire, a_relire, "{texte}");
    }
}

/// Answers the next choice and summarises it.
fn puis(premier: &str, ensuite: &str) -> String {
    let LieuLu::APreciser(p) = lieu::lire(premier) else {
        panic!("{premier}: rien à préciser")
    };
    resume(&lieu::preciser(ensuite, &p))
}

#[test]
fn the_next_answer_picks_among_the_places_offered() {
    let cas = [
        ("marseille", "13", "13013 13055"),
        ("marseille", "13e", "13013 13055"),
        ("marseille", "XIII", "13013 13055"),
        ("marseille", "le 13eme", "13013 13055"),
        ("marseille", "13013", "13013 13055"),
        ("marseille", "17", "refus hors liste 16"),
        ("marseille", "je sais pas", "- 13055"),
        (
            "marseille",
            "toulouse",
            "codes 31555 31000,31100,31200,31300,31400,31500",
        ),
        ("paris", "16", "codes 75116 75016,75116"),
        ("paris", "1er", "75001 75056"),
        ("lyon", "9", "69009 69123"),
        ("st denis", "3", SAINT_DENIS_93),
        ("st denis", "93", SAINT_DENIS_93),
        ("st denis", "97400", "97400 97411"),
        ("st denis", "5", "refus hors liste 4"),
        ("st denis", "je sais pas", "ne sait pas"),
        ("st denis", "valence 26", "26000 26362"),
        ("valence", "2", "26000 26362"),
        ("valence", "Valence (82)", "82400 82186"),
        ("toulouse", "2", "31100 31555"),
        ("toulouse", "31400", "31400 31555"),
        ("toulouse", "jsp", "- 31555"),
        ("roubiax", "2", "59100 59512"),
    ];
    let ecarts: Vec<String> = cas
        .iter()
        .filter_map(|(premier, ensuite, attendu)| {
            let obtenu = puis(premier, ensuite);
            (obtenu != *attendu).then(|| {
                format!("{premier:?} puis {ensuite:?}: attendu {attendu}, obtenu {obtenu}")
            })
        })
        .collect();
    assert!(ecarts.is_empty(), "\n{}", ecarts.join("\n"));
}

#[test]
fn communes_typed_by_name_are_found() {
    // One current commune in 60 of the table (about 580), typed the way a
    // phone without accents gives it: lowercase, no accent, hyphens kept.
    let table = include_str!("../rules/geographie/communes.tsv");
    let mut essayees = 0;
    let mut ecarts = Vec::new();
    let lignes = table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("insee\t"))
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .filter(|c| c[6].is_empty());
    for c in lignes.step_by(60) {
        let (insee, nom) = (c[0], c[1]);
        let tape: String = nom
            .to_lowercase()
            .chars()
            .map(|c| match c {
                'à' | 'â' | 'ä' => 'a',
                'é' | 'è' | 'ê' | 'ë' => 'e',
                'î' | 'ï' => 'i',
                'ô' | 'ö' => 'o',
                'ù' | 'û' | 'ü' => 'u',
                'ç' => 'c',
                'ÿ' => 'y',
                autre => autre,
            })
            .collect();
        essayees += 1;
        let lu = lieu::lire(&tape);
        let trouvee = match &lu {
            LieuLu::Trouve(l) => l.commune == Some(insee),
            LieuLu::APreciser(APreciser::Communes { insee: liste, .. }) => {
                liste.iter().any(|i| i == insee)
            }
            LieuLu::APreciser(APreciser::CodesPostaux { insee: i, .. })
            | LieuLu::APreciser(APreciser::Arrondissement { insee: i }) => i == insee,
            _ => false,
        };
        if !trouvee {
            ecarts.push(format!("{insee} {tape:?}: {}", resume(&lu)));
        }
    }
    assert!(essayees > 500, "{essayees}");
    assert!(ecarts.is_empty(), "\n{}", ecarts.join("\n"));
}

// ---------------------------------------------------------------------------
// Conversations
// ---------------------------------------------------------------------------

const NOV_2026: Mois = Mois {
    annee: 2026,
    mois: 11,
};

fn entrant(texte: &str) -> Entrant<'_> {
    Entrant {
        texte,
        aujourd_hui: (2026, 11, 23),
        mois: NOV_2026,
        langue: None,
        joignable: false,
    }
}

/// Léa (tests/transcripts/01_etudiante.txt), now in Marseille: answers by
/// question, up to the postal code question.
const LEA: &[(&str, &str)] = &[
    ("couple", "non"),
    ("nombre_enfants", "0"),
    ("age", "20"),
    ("activite", "4"),
    ("handicap", "non"),
    ("logement", "3"),
    ("loyer", "450"),
];

fn jusqu_au_code_postal(m: &Moteur, premier: &str) -> Conversation {
    let (mut c, _) = m.pas(None, &entrant(premier));
    for _ in 0..20 {
        let Etape::Question { id } = c.etape.clone() else {
            panic!("pas de question code_postal");
        };
        if id == "code_postal" {
            return c;
        }
        let reponse = LEA
            .iter()
            .find(|(q, _)| *q == id)
            .unwrap_or_else(|| panic!("question inattendue : {id}"))
            .1;
        c = m.pas(Some(c), &entrant(reponse)).0;
    }
    panic!("trop de questions");
}

fn question(c: &Conversation) -> String {
    match &c.etape {
        Etape::Question { id } => id.clone(),
        autre => format!("{autre:?}"),
    }
}

fn sms_valides(messages: &[String]) {
    for m in messages {
        let (enc, n) = gsm7::segments(&gsm7::translitterer(m));
        assert_eq!(enc, gsm7::Encodage::Gsm7, "{m}");
        assert!(n <= 3, "{n} segments : {m}");
    }
}

#[test]
fn marseille_then_the_arrondissement_reaches_the_next_question() {
    let m = Moteur::integre(RuleSet::integre().unwrap(), Reglages::default()).unwrap();
    let c = jusqu_au_code_postal(&m, "Bonjour");

    let (c, tour) = m.pas(Some(c), &entrant("marseille"));
    sms_valides(&tour.messages);
    assert_eq!(question(&c), "code_postal", "the question stays open");
    let texte = tour.messages.join("\n");
    assert!(
        texte.contains(
            "Marseille : dans quel arrondissement habitez-vous ? Répondez son numéro, de 1 à 16"
        ),
        "{texte}"
    );
    assert!(c.situation.logement.as_ref().unwrap().code_postal.is_none());

    // A number outside the city: said so, and asked again.
    let (c, tour) = m.pas(Some(c), &entrant("17"));
    assert_eq!(question(&c), "code_postal");
    assert!(
        tour.messages[0].starts_with("Répondez un numéro de 1 à 16"),
        "{:?}",
        tour.messages
    );

    let (c, tour) = m.pas(Some(c), &entrant("13"));
    sms_valides(&tour.messages);
    let texte = tour.messages.join("\n");
    assert!(
        texte.starts_with("J'ai compris : Marseille 13e (13013). Sinon, RETOUR."),
        "{texte}"
    );
    let logement = c.situation.logement.as_ref().unwrap();
    assert_eq!(logement.code_postal.as_deref(), Some("13013"));
    assert_eq!(logement.commune.as_deref(), Some("13055"));
    assert_ne!(question(&c), "code_postal");
    assert!(matches!(c.etape, Etape::Question { .. }), "{:?}", c.etape);
    assert!(c.lieu_a_preciser.is_none());
    // The answer kept for a correction is the place, not "13".
    assert_eq!(
        c.reponses.last().map(String::as_str),
        Some("Marseille 13e (13013)")
    );

    // RETOUR comes back to the plain question, nothing pending.
    let (c, tour) = m.pas(Some(c), &entrant("RETOUR"));
    assert_eq!(question(&c), "code_postal");
    assert!(
        tour.messages
            .join("\n")
            .contains("Quel est le code postal de votre commune ?")
    );
    assert!(c.lieu_a_preciser.is_none());
}

#[test]
fn the_same_in_english() {
    let m = Moteur::integre(RuleSet::integre().unwrap(), Reglages::default()).unwrap();
    let c = jusqu_au_code_postal(&m, "Bonjour");
    let (c, _) = m.pas(Some(c), &entrant("LANGUE EN"));
    assert_eq!(c.langue, Langue::En);
    assert_eq!(question(&c), "code_postal");

    let (c, tour) = m.pas(Some(c), &entrant("I live in Marseille"));
    let texte = tour.messages.join("\n");
    assert!(
        texte.contains(
            "Marseille: which arrondissement do you live in? Answer its number, from 1 to 16"
        ),
        "{texte}"
    );
    let (c, tour) = m.pas(Some(c), &entrant("13th"));
    sms_valides(&tour.messages);
    let texte = tour.messages.join("\n");
    assert!(
        texte.starts_with("I understood: Marseille 13e (13013). If not, reply BACK."),
        "{texte}"
    );
    assert_eq!(
        c.situation
            .logement
            .as_ref()
            .unwrap()
            .code_postal
            .as_deref(),
        Some("13013")
    );
    assert!(matches!(c.etape, Etape::Question { ref id } if id != "code_postal"));
}

#[test]
fn homonyms_are_listed_and_picked_by_number() {
    let m = Moteur::integre(RuleSet::integre().unwrap(), Reglages::default()).unwrap();
    let c = jusqu_au_code_postal(&m, "Bonjour");
    let (c, tour) = m.pas(Some(c), &entrant("je vis à St Denis"));
    sms_valides(&tour.messages);
    let texte = tour.messages.join("\n");
    assert!(
        texte.contains(
            "Plusieurs communes s'appellent Saint-Denis. Laquelle est la vôtre ? Répondez son numéro ou son code postal.\n1 Saint-Denis (11)\n2 Saint-Denis (30)\n3 Saint-Denis (93)\n4 Saint-Denis (974)"
        ),
        "{texte}"
    );
    // Channels with buttons get the same options.
    let invite = tour.invite.unwrap();
    assert_eq!(invite.choices.len(), 4);
    assert_eq!(invite.choices[2].value, "93066");
    // AIDE keeps the list.
    let (c, tour) = m.pas(Some(c), &entrant("AIDE"));
    assert!(tour.messages.join("\n").contains("4 Saint-Denis (974)"));
    // The 93 has three postal codes: which one.
    let (c, tour) = m.pas(Some(c), &entrant("3"));
    let texte = tour.messages.join("\n");
    assert!(
        texte.contains("Saint-Denis a plusieurs codes postaux. Lequel est le vôtre ?\n1 93200\n2 93210\n3 93380"),
        "{texte}"
    );
    let (c, tour) = m.pas(Some(c), &entrant("93210"));
    assert!(tour.messages[0].starts_with("J'ai compris : Saint-Denis (93210)."));
    let logement = c.situation.logement.as_ref().unwrap();
    assert_eq!(logement.code_postal.as_deref(), Some("93210"));
    assert_eq!(logement.commune.as_deref(), Some("93066"));
}

#[test]
fn a_four_digit_answer_is_refused_with_the_codes_it_may_mean() {
    let m = Moteur::integre(RuleSet::integre().unwrap(), Reglages::default()).unwrap();
    let c = jusqu_au_code_postal(&m, "Bonjour");
    let (c, tour) = m.pas(Some(c), &entrant("6000"));
    assert_eq!(question(&c), "code_postal");
    assert!(
        tour.messages[0].starts_with(
            "Un code postal a 5 chiffres : 06000 ou 60000 ? Écrivez-le en entier, ou le nom de votre commune."
        ),
        "{:?}",
        tour.messages
    );
    let (c, tour) = m.pas(Some(c), &entrant("59"));
    assert!(
        tour.messages[0].starts_with("Nord (59) est un département. Il me faut le code postal (5 chiffres, par exemple 59000)"),
        "{:?}",
        tour.messages
    );
    assert!(c.situation.logement.as_ref().unwrap().code_postal.is_none());
}

#[test]
fn the_longest_list_of_homonyms_fits_one_sms() {
    // Sainte-Colombe: 12 communes, the most of any name.
    let m = Moteur::integre(RuleSet::integre().unwrap(), Reglages::default()).unwrap();
    for langue in ["LANGUE FR", "LANGUE EN"] {
        let c = jusqu_au_code_postal(&m, "Bonjour");
        let (c, _) = m.pas(Some(c), &entrant(langue));
        let (c, tour) = m.pas(Some(c), &entrant("sainte colombe"));
        sms_valides(&tour.messages);
        assert_eq!(tour.messages.len(), 1, "{:?}", tour.messages);
        assert!(
            tour.messages[0].contains("\n12 Sainte-Colombe ("),
            "{:?}",
            tour.messages
        );
        assert!(matches!(
            c.lieu_a_preciser,
            Some(APreciser::Communes { ref insee, .. }) if insee.len() == 12
        ));
    }
}

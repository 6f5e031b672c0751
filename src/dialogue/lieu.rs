//! Where the person lives, read from their answer to the postal code
//! question: a postal code ("59100", "75 018"), or the name of their commune
//! as people type it ("roubaix", "je vis à Roubaix", "st denis 93", "Aix en
//! Provence", "marseile", "paris 18e", "Lyon III").
//!
//! A guess is never recorded silently. A name read gives a [`Lieu`] with a
//! display string ("Roubaix (59100)") for the reply to read back; a name
//! shared by several communes, a commune with several postal codes, or Paris,
//! Lyon and Marseille without their arrondissement give an [`APreciser`]: the
//! dialogue keeps it and the next answer picks one ([`preciser`]). A number
//! that only looks like a postal code (4 digits, a département, a rent typed
//! at the wrong question) is refused with the reason ([`Refus`]), so that the
//! reply can say what is expected.
//!
//! Pure: the commune data is the table embedded in [`crate::geo`].

use serde::{Deserialize, Serialize};

use super::reponse::{self, Compris};
use crate::geo::{self, Commune, cle_de_nom, departements, noms};

/// A place understood: what to record, and how to show it back.
#[derive(Debug, Clone, PartialEq)]
pub struct Lieu {
    /// The postal code (5 digits); `None` when the person named a commune
    /// with several postal codes and does not know theirs.
    pub code_postal: Option<String>,
    /// INSEE code of the commune: the current commune (Paris, not its 18th
    /// arrondissement, whose postal code says it). `None` when a typed
    /// postal code covers several communes: the `commune` question follows.
    pub commune: Option<&'static str>,
    /// The place as a reply shows it: "Roubaix (59100)", "Paris 18e
    /// (75018)", "Marseille" (no postal code), "01000" (no commune).
    pub affichage: String,
    /// True when the place comes from a name or a choice, not from a postal
    /// code typed alone: a guess the reply should read back.
    pub a_relire: bool,
}

/// An answer that named several places: what the next answer chooses
/// among. The conversation keeps it (hence plain strings) until then.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "par", rename_all = "snake_case")]
pub enum APreciser {
    /// Several communes, by INSEE code, numbered from 1: communes of the same
    /// name (`nom`, "Saint-Denis"), or names close to a misspelt one
    /// (`nom` absent).
    Communes {
        /// The name they share, as the table writes it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        nom: Option<String>,
        /// INSEE codes, in the order shown.
        insee: Vec<String>,
    },
    /// One commune, or one arrondissement (Paris 16e), with several postal codes.
    CodesPostaux {
        /// INSEE code of the commune or arrondissement.
        insee: String,
        /// Its postal codes, in the order shown.
        codes: Vec<String>,
    },
    /// Paris, Lyon or Marseille without the arrondissement: its number is asked
    /// rather than a list of 20 options.
    Arrondissement {
        /// INSEE code of the city (75056, 69123, 13055).
        insee: String,
    },
}

/// Why an answer is not a place, so that the reply says what is expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refus {
    /// Nothing like a postal code or a commune name.
    Incompris,
    /// Four digits: a postal code has five. The existing postal codes the
    /// person may have meant (a leading zero dropped, or a final one).
    QuatreChiffres(Vec<String>),
    /// A number that is neither a postal code nor a département: an amount
    /// (a rent typed at the wrong question), a house number.
    PasUnCodePostal,
    /// A département, by number ("59") or by name ("le Nord").
    Departement {
        /// Its code.
        code: &'static str,
        /// One of its postal codes, for the example.
        exemple: Option<&'static str>,
    },
    /// Five digits that are no postal code.
    CodeInconnu(String),
    /// A postal code and a commune name that do not go together.
    Desaccord {
        /// The postal code typed.
        code: String,
        /// The commune named, as the table writes it.
        nom: &'static str,
    },
    /// Letters that name no commune.
    NomInconnu,
    /// A name shared by more communes than one message can list.
    TropDeCommunes {
        /// The name.
        nom: String,
        /// The name with a département, to show how to tell them apart.
        exemple: String,
    },
    /// While choosing: a number that is not one of the options (1 to `n`).
    HorsListe(usize),
}

/// What an answer to the postal code question says.
#[derive(Debug, Clone, PartialEq)]
pub enum LieuLu {
    /// A place.
    Trouve(Lieu),
    /// Several places: the next answer chooses.
    APreciser(APreciser),
    /// "Je ne sais pas".
    NeSaitPas,
    /// Not a place, and why.
    Refuse(Refus),
}

/// Most communes of one name listed in a question: "Sainte-Colombe" has 12,
/// which still fit one SMS of three segments (the locales tests check it).
pub const MAX_HOMONYMES: usize = 12;
/// Most communes listed after a misspelt or shortened name: a longer list
/// is no help, the person should rather type the postal code.
pub const MAX_PROCHES: usize = 6;

/// Words around a name that are not part of it: how people introduce a
/// place ("je vis à", "I live in"), politeness, units of an amount. Removed
/// at both ends of the answer, and never taken for a commune alone (Vers,
/// Rue and Mer exist, but "vers" in a sentence is not them).
#[rustfmt::skip]
const MOTS_VIDES: &[&str] = &[
    "je", "j", "tu", "il", "elle", "on", "nous", "vis", "vit", "vivons", "habite", "habites",
    "habitons", "suis", "sommes", "reside", "loge", "a", "au", "aux", "en", "dans", "sur", "chez",
    "vers", "pres", "proche", "de", "du", "d", "c", "ca", "est", "ma", "mon", "notre", "ville",
    "commune", "code", "postal", "cp", "i", "live", "lives", "m", "im", "am", "in", "at", "near",
    "my", "our", "town", "city", "is", "it", "s", "its", "of", "the", "merci", "svp", "stp",
    "please", "thanks", "thank", "you", "france", "euros", "euro", "eur", "centre", "quartier",
    "cedex", "oui", "yes", "ok", "non", "no", "bonjour", "hello", "alors", "ben", "bah", "euh",
    "voila", "actuellement", "maintenant", "now", "rue", "mer", "ou", "or", "et", "and", "ai",
    "avons", "vous", "votre", "mes", "have", "ve", "we", "us", "me",
    // Not places: "chez ma mère", "en foyer", "à l'hôtel".
    "mere", "pere", "parents", "famille", "ami", "amis", "amie", "copain", "copine", "foyer",
    "hotel", "logement", "appartement", "maison", "studio", "hlm", "sdf",
];

/// Units after a number that make it something else than a place: "450
/// euros", "34 ans", "2 enfants".
const UNITES: &[&str] = &[
    "euros",
    "euro",
    "eur",
    "ans",
    "an",
    "mois",
    "years",
    "year",
    "old",
    "enfant",
    "enfants",
    "children",
    "kids",
    "personnes",
    "people",
];

/// Words after a number that make it an ordinal ("18e", "18ème", "1er",
/// "3rd"), besides [`ARRONDISSEMENT`].
const ORDINAUX: &[&str] = &[
    "e", "er", "ere", "eme", "em", "ieme", "me", "nd", "st", "rd", "th",
];

/// "Arrondissement" and its abbreviations: the numbers of the answer are
/// arrondissements ("18 arrondissement", "arrondissement 18").
#[rustfmt::skip]
const ARRONDISSEMENT: &[&str] = &[
    "arrondissement", "arrondissements", "arr", "arrt", "arrdt", "ardt",
];

/// Whether a word only qualifies a number (an ordinal ending, "arrondissement").
fn qualifie_un_nombre(mot: &str) -> bool {
    ORDINAUX.contains(&mot) || ARRONDISSEMENT.contains(&mot)
}

/// Words before the number of an option ("le 13", "numéro 13").
const AVANT_NUMERO: &[&str] = &["le", "la", "l", "les", "numero", "num", "n", "nr", "choix"];

/// Roman numerals of arrondissements ("Paris XVIII"), 1 to 20.
const ROMAINS: [&str; 20] = [
    "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv",
    "xvi", "xvii", "xviii", "xix", "xx",
];

/// Postal codes people give for a whole city with arrondissements, which
/// do not exist: the arrondissement is asked.
const CODES_DE_VILLE: [(&str, &str); 3] =
    [("75000", "75056"), ("13000", "13055"), ("69000", "69123")];

/// A word of an answer: a number or a word of letters.
#[derive(Debug, Clone, PartialEq)]
enum Jeton {
    /// Digits, as typed ("018" keeps its zero); `ordinal` when a word such as
    /// "e", "ème", "er" or "arrondissement" follows.
    Nombre { chiffres: String, ordinal: bool },
    /// Letters (and "2a", "2b", kept whole as Corsican département codes).
    Mot(String),
}

/// The words of an answer, folded ([`reponse::normaliser`] then
/// [`cle_de_nom`]); "18e" gives a number marked ordinal, the ordinal word
/// itself is dropped.
fn jetons(texte: &str) -> Vec<Jeton> {
    let cle = cle_de_nom(&reponse::normaliser(texte));
    let mut bruts: Vec<String> = Vec::new();
    for mot in cle.split(' ').filter(|m| !m.is_empty()) {
        if mot == "2a" || mot == "2b" {
            bruts.push(mot.to_string());
            continue;
        }
        // "18eme" → "18", "eme"; "no2" → "no", "2".
        let mut courant = String::new();
        for c in mot.chars() {
            if courant
                .chars()
                .last()
                .is_some_and(|p| p.is_ascii_digit() != c.is_ascii_digit())
            {
                bruts.push(std::mem::take(&mut courant));
            }
            courant.push(c);
        }
        bruts.push(courant);
    }
    let mut sortie: Vec<Jeton> = Vec::new();
    for mot in bruts {
        let est_nombre = mot.bytes().all(|b| b.is_ascii_digit());
        match sortie.last_mut() {
            Some(Jeton::Nombre { ordinal, .. }) if qualifie_un_nombre(&mot) => {
                *ordinal = true;
            }
            _ if est_nombre => sortie.push(Jeton::Nombre {
                chiffres: mot,
                ordinal: false,
            }),
            _ => sortie.push(Jeton::Mot(mot)),
        }
    }
    sortie
}

/// The words of letters, without the ordinal words and "2a"/"2b".
fn mots_de(jetons: &[Jeton]) -> Vec<&str> {
    jetons
        .iter()
        .filter_map(|j| match j {
            Jeton::Mot(m) if m != "2a" && m != "2b" && !qualifie_un_nombre(m) => Some(m.as_str()),
            _ => None,
        })
        .collect()
}

/// The numbers, with "premier"/"first" as an ordinal 1 and "2a"/"2b" as
/// département codes; the word "arrondissement" anywhere makes them all
/// ordinals ("arrondissement 18").
fn nombres_de(jetons: &[Jeton]) -> Vec<(String, bool)> {
    let arrondissement = jetons
        .iter()
        .any(|j| matches!(j, Jeton::Mot(m) if ARRONDISSEMENT.contains(&m.as_str())));
    jetons
        .iter()
        .filter_map(|j| match j {
            Jeton::Nombre { chiffres, ordinal } => {
                Some((chiffres.clone(), *ordinal || arrondissement))
            }
            Jeton::Mot(m) if m == "2a" || m == "2b" => Some((m.clone(), false)),
            Jeton::Mot(m) if m == "premier" || m == "first" => Some(("1".into(), true)),
            _ => None,
        })
        .collect()
}

/// Reads an answer to the postal code question.
///
/// A postal code is taken first ("59100", "75 018", "je suis au 59100"; a
/// commune named with it picks one of the communes it covers, and one it
/// does not cover is a [`Refus::Desaccord`]). Otherwise the commune name:
/// whole, without its small words ("havre"), its first words
/// ("cherbourg"), a part of the answer ("je vis à Roubaix"), then with one
/// typo. A département ("59", "2A", "974") or a number after the name picks
/// among communes of the same name ("Saint-Denis 93") or gives the
/// arrondissement of Paris, Lyon and Marseille ("paris 18", "lyon 3e",
/// "Paris XVIII"); "marseille 13" could be either and the arrondissement is
/// asked.
pub fn lire(texte: &str) -> LieuLu {
    let code = reponse::code_postal(texte);
    if code == Compris::NeSaitPas {
        return LieuLu::NeSaitPas;
    }
    let jetons = jetons(texte);
    if let Compris::Valeur(cp) = code {
        return par_code_postal(&cp, &jetons);
    }
    let nombres = nombres_de(&jetons);
    let longs: Vec<&String> = nombres
        .iter()
        .map(|(n, _)| n)
        .filter(|n| n.len() >= 5)
        .collect();
    match longs.as_slice() {
        [] => {}
        // Five digits that reponse::code_postal refused: no such département.
        [un] if un.len() == 5 => {
            return match ville_du_code(un) {
                Some(ville) => LieuLu::APreciser(ville),
                None => LieuLu::Refuse(Refus::CodeInconnu(un.to_string())),
            };
        }
        // Two postal codes, a phone number.
        _ => return LieuLu::Refuse(Refus::Incompris),
    }
    let mots = mots_de(&jetons);
    // An amount, an age, a number of children typed at the wrong question
    // ("450 €", "34 ans"), with no name besides.
    let sans_unites: Vec<&str> = mots
        .iter()
        .copied()
        .filter(|m| !UNITES.contains(m))
        .collect();
    if !nombres.is_empty()
        && (texte.contains('€') || sans_unites.len() < mots.len())
        && sans_mots_vides(&sans_unites).is_empty()
    {
        return LieuLu::Refuse(Refus::PasUnCodePostal);
    }
    let nom = sans_mots_vides(&mots);
    if mots.is_empty() || (nom.is_empty() && communes_exactes(&mots).is_empty()) {
        return sans_nom(&nombres);
    }
    par_nom(&mots, &nom, &nombres)
}

/// A city given by a postal code that does not exist but names it ("75000").
fn ville_du_code(cp: &str) -> Option<APreciser> {
    CODES_DE_VILLE
        .iter()
        .find(|(c, _)| *c == cp)
        .map(|(_, insee)| APreciser::Arrondissement {
            insee: insee.to_string(),
        })
}

/// An answer with numbers and no name.
fn sans_nom(nombres: &[(String, bool)]) -> LieuLu {
    LieuLu::Refuse(match nombres {
        [] => Refus::Incompris,
        [(n, _)] if n.len() == 4 => {
            let possibles = [format!("0{n}"), format!("{n}0")];
            Refus::QuatreChiffres(
                possibles
                    .into_iter()
                    .filter(|cp| {
                        !geo::communes_du_code_postal(cp).is_empty() || ville_du_code(cp).is_some()
                    })
                    .collect(),
            )
        }
        [(n, false)] => match departements::code_departement(n) {
            Some(code) => Refus::Departement {
                code,
                exemple: departements::exemple_code_postal(code),
            },
            None => Refus::PasUnCodePostal,
        },
        _ => Refus::PasUnCodePostal,
    })
}

/// The words without the empty words at both ends.
fn sans_mots_vides<'a>(mots: &[&'a str]) -> Vec<&'a str> {
    let vide = |m: &&str| MOTS_VIDES.contains(m);
    let debut = mots.iter().position(|m| !vide(m)).unwrap_or(mots.len());
    let fin = mots.iter().rposition(|m| !vide(m)).map_or(debut, |i| i + 1);
    mots[debut..fin].to_vec()
}

/// The communes whose whole name or short name is these words.
fn communes_exactes(mots: &[&str]) -> Vec<&'static Commune> {
    let cle = mots.join(" ");
    let exactes = noms::communes_au_nom(&cle);
    if !exactes.is_empty() {
        return exactes;
    }
    noms::communes_au_nom_abrege(&cle)
}

/// How a name was found among the words of an answer.
struct Trouvaille {
    communes: Vec<&'static Commune>,
    /// The words that are not the name (a département name, a roman numeral…).
    reste: Vec<String>,
    /// Found with a typo or by its first words: a list, not a homonym list.
    approche: bool,
}

/// Finds the commune name among `mots` (the words of letters, with the
/// empty words at both ends already removed in `nom`), from the safest
/// reading to the boldest; see [`lire`].
fn trouver(mots: &[&str], nom: &[&str]) -> Result<Trouvaille, Refus> {
    let reste_hors = |debut: usize, fin: usize, source: &[&str]| -> Vec<String> {
        source[..debut]
            .iter()
            .chain(&source[fin..])
            .map(|m| m.to_string())
            .collect()
    };
    let exacte = |communes: Vec<&'static Commune>, reste: Vec<String>| Trouvaille {
        communes,
        reste,
        approche: false,
    };
    let approchee = |communes: Vec<&'static Commune>, reste: Vec<String>| Trouvaille {
        communes,
        reste,
        approche: true,
    };
    // The whole answer, as is ("Vers", "Rue": names that are also empty words).
    let tout = communes_exactes(mots);
    if !tout.is_empty() {
        return Ok(exacte(tout, Vec::new()));
    }
    if nom.is_empty() {
        return Err(Refus::Incompris);
    }
    let communes = communes_exactes(nom);
    if !communes.is_empty() {
        return Ok(exacte(communes, Vec::new()));
    }
    // A département alone, by name: "le nord", "seine saint denis".
    if let Some(code) = departements::departement_au_nom(&nom.join(" ")) {
        return Err(Refus::Departement {
            code,
            exemple: departements::exemple_code_postal(code),
        });
    }
    // A département after the name: "saint denis la reunion", "roubaix nord".
    for k in 1..nom.len() {
        let (tete, queue) = nom.split_at(nom.len() - k);
        if departements::departement_au_nom(&queue.join(" ")).is_some() {
            let tete = sans_mots_vides(tete);
            let communes = if tete.is_empty() {
                Vec::new()
            } else {
                communes_exactes(&tete)
            };
            if !communes.is_empty() {
                return Ok(exacte(
                    communes,
                    queue.iter().map(|m| m.to_string()).collect(),
                ));
            }
        }
    }
    // The first words of a name ("cherbourg" for Cherbourg-en-Cotentin),
    // with the former communes of that name ("boulogne" is one, in Vendée).
    let cle = nom.join(" ");
    let mut proches = noms::communes_au_nom_commencant_par(&cle, MAX_PROCHES);
    proches.extend(noms::communes_d_ancien_nom(&cle));
    proches.sort_by_key(|c| c.insee);
    proches.dedup_by_key(|c| c.insee);
    if !proches.is_empty() {
        return Ok(approchee(proches, Vec::new()));
    }
    // One typo in the whole name: "marseile", "aix en provance".
    let fautes = noms::communes_a_une_faute(&cle);
    if !fautes.is_empty() {
        return Ok(approchee(fautes, Vec::new()));
    }
    // A part of the answer: "je vis a roubaix depuis 2 ans", "paris xviii".
    // The longest part (in letters) wins; empty words alone are no name.
    // Names have at most 8 words ("Saint-Germain-au-Mont-d'Or" has 6); a
    // long message is cut to its first 16 words to bound the work.
    let nom = &nom[..nom.len().min(16)];
    let mut parties: Vec<(usize, usize)> = Vec::new();
    for debut in 0..nom.len() {
        for fin in debut + 1..=nom.len().min(debut + 8) {
            if fin - debut < nom.len() {
                parties.push((debut, fin));
            }
        }
    }
    let lettres = |(d, f): (usize, usize)| nom[d..f].iter().map(|m| m.len()).sum::<usize>();
    parties.sort_by_key(|&(d, f)| (std::cmp::Reverse(lettres((d, f))), d));
    let parties: Vec<(usize, usize)> = parties
        .into_iter()
        .filter(|&(d, f)| {
            lettres((d, f)) >= 4
                && !MOTS_VIDES.contains(&nom[d])
                && !MOTS_VIDES.contains(&nom[f - 1])
                && !ROMAINS.contains(&nom[d..f].join(" ").as_str())
        })
        .collect();
    for &(d, f) in &parties {
        let communes = noms::communes_au_nom(&nom[d..f].join(" "));
        if !communes.is_empty() {
            return Ok(exacte(communes, reste_hors(d, f, nom)));
        }
    }
    // Each typo lookup reads every key: only short parts, at most 24.
    for &(d, f) in parties.iter().filter(|(d, f)| f - d <= 3).take(24) {
        let fautes = noms::communes_a_une_faute(&nom[d..f].join(" "));
        if !fautes.is_empty() {
            return Ok(approchee(fautes, reste_hors(d, f, nom)));
        }
    }
    Err(Refus::NomInconnu)
}

/// An answer with a commune name, and maybe numbers.
fn par_nom(mots: &[&str], nom: &[&str], nombres: &[(String, bool)]) -> LieuLu {
    let t = match trouver(mots, nom) {
        Ok(t) => t,
        Err(r) => return LieuLu::Refuse(r),
    };
    let reste: Vec<&str> = t.reste.iter().map(String::as_str).collect();
    // "lille ou roubaix": two places, no guess.
    if reste.iter().any(|m| matches!(*m, "ou" | "or")) {
        return LieuLu::Refuse(Refus::Incompris);
    }
    let reste = sans_mots_vides(&reste);
    let romain = reste
        .iter()
        .find_map(|m| ROMAINS.iter().position(|r| r == m))
        .map(|i| i + 1);
    let sans_romains: Vec<&str> = reste
        .iter()
        .copied()
        .filter(|m| !ROMAINS.contains(m))
        .collect();
    // The département given with the name, by name or by number.
    let departement = departements::departement_au_nom(&sans_romains.join(" ")).or_else(|| {
        nombres
            .iter()
            .filter(|(_, ordinal)| !ordinal)
            .find_map(|(n, _)| departements::code_departement(n))
    });
    let mut communes = t.communes;
    if let Some(dep) = departement {
        let du_departement: Vec<&'static Commune> = communes
            .iter()
            .copied()
            .filter(|c| c.departement == dep)
            .collect();
        if !du_departement.is_empty() {
            communes = du_departement;
        }
    }
    match communes.as_slice() {
        [] => LieuLu::Refuse(Refus::NomInconnu),
        [commune] => {
            let arrondissements = noms::arrondissements(commune.insee);
            if arrondissements.is_empty() {
                return lieu_de(commune);
            }
            match arrondissement_dit(commune, arrondissements.len(), nombres, romain) {
                Some(n) => lieu_de(arrondissements[n - 1]),
                None => LieuLu::APreciser(APreciser::Arrondissement {
                    insee: commune.insee.to_string(),
                }),
            }
        }
        plusieurs if t.approche => {
            if plusieurs.len() > MAX_PROCHES {
                LieuLu::Refuse(Refus::NomInconnu)
            } else {
                LieuLu::APreciser(APreciser::Communes {
                    nom: None,
                    insee: plusieurs.iter().map(|c| c.insee.to_string()).collect(),
                })
            }
        }
        plusieurs => {
            let nom = plusieurs[0].nom.to_string();
            let meme_nom = plusieurs.iter().all(|c| c.nom == nom);
            if plusieurs.len() > MAX_HOMONYMES {
                LieuLu::Refuse(Refus::TropDeCommunes {
                    exemple: format!("{nom} {}", plusieurs[0].departement),
                    nom,
                })
            } else {
                LieuLu::APreciser(APreciser::Communes {
                    nom: meme_nom.then_some(nom),
                    insee: plusieurs.iter().map(|c| c.insee.to_string()).collect(),
                })
            }
        }
    }
}

/// The arrondissement number (1 to `nombre`) an answer gives with the city
/// name, when it is sure: an ordinal ("18e"), a roman numeral, or a number
/// that is not the city's département ("lyon 3"). "marseille 13" is the
/// 13th arrondissement or the Bouches-du-Rhône: not sure.
fn arrondissement_dit(
    ville: &Commune,
    nombre: usize,
    nombres: &[(String, bool)],
    romain: Option<usize>,
) -> Option<usize> {
    let dans_la_ville = |n: usize| (1..=nombre).contains(&n).then_some(n);
    let candidats: Vec<(usize, bool)> = nombres
        .iter()
        .filter(|(n, _)| n.len() <= 2)
        .filter_map(|(n, ordinal)| Some((n.parse::<usize>().ok()?, *ordinal)))
        .collect();
    if let Some((n, _)) = candidats.iter().find(|(_, ordinal)| *ordinal) {
        return dans_la_ville(*n);
    }
    if let Some(r) = romain {
        return dans_la_ville(r);
    }
    let departement: Option<usize> = ville.departement.parse().ok();
    match candidats.as_slice() {
        [(n, _)] if Some(*n) != departement => dans_la_ville(*n),
        _ => None,
    }
}

/// The place of an entry (a commune or an arrondissement) read from a name
/// or a choice: its postal code when it has one, else the question of which.
fn lieu_de(entree: &'static Commune) -> LieuLu {
    match entree.codes_postaux.as_slice() {
        [cp] => LieuLu::Trouve(Lieu {
            code_postal: Some(cp.to_string()),
            commune: Some(entree.commune_actuelle().insee),
            affichage: format!("{} ({cp})", entree.nom_court()),
            a_relire: true,
        }),
        [] => LieuLu::Trouve(commune_seule(entree)),
        codes => LieuLu::APreciser(APreciser::CodesPostaux {
            insee: entree.insee.to_string(),
            codes: codes.iter().map(|c| c.to_string()).collect(),
        }),
    }
}

/// The commune of an entry, without postal code.
fn commune_seule(entree: &'static Commune) -> Lieu {
    let commune = entree.commune_actuelle();
    Lieu {
        code_postal: None,
        commune: Some(commune.insee),
        affichage: commune.nom.to_string(),
        a_relire: true,
    }
}

/// An answer with a valid postal code, and maybe a name.
fn par_code_postal(cp: &str, jetons: &[Jeton]) -> LieuLu {
    let entrees = geo::communes_du_code_postal(cp);
    if entrees.is_empty() {
        return match ville_du_code(cp) {
            Some(ville) => LieuLu::APreciser(ville),
            None => LieuLu::Refuse(Refus::CodeInconnu(cp.to_string())),
        };
    }
    let mut actuelles: Vec<&'static Commune> =
        entrees.iter().map(|e| e.commune_actuelle()).collect();
    actuelles.dedup_by_key(|c| c.insee);
    // The entry shown: the arrondissement rather than Paris.
    let affichee = |commune: &'static Commune| -> &'static Commune {
        entrees
            .iter()
            .copied()
            .find(|e| e.commune_parente == Some(commune.insee))
            .unwrap_or(commune)
    };
    let lieu = |commune: &'static Commune| Lieu {
        code_postal: Some(cp.to_string()),
        commune: Some(commune.insee),
        affichage: format!("{} ({cp})", affichee(commune).nom_court()),
        a_relire: false,
    };
    // A name with the code: it must be one of its communes.
    let mots = mots_de(jetons);
    let nom = sans_mots_vides(&mots);
    let nommees = if nom.is_empty() {
        Vec::new()
    } else {
        communes_exactes(&nom)
    };
    if !nommees.is_empty() {
        let communes: Vec<&'static Commune> = actuelles
            .iter()
            .copied()
            .filter(|a| nommees.iter().any(|n| n.insee == a.insee))
            .collect();
        return match communes.as_slice() {
            [une] => LieuLu::Trouve(lieu(une)),
            [] => LieuLu::Refuse(Refus::Desaccord {
                code: cp.to_string(),
                nom: nommees[0].nom,
            }),
            _ => LieuLu::Trouve(Lieu {
                code_postal: Some(cp.to_string()),
                commune: None,
                affichage: cp.to_string(),
                a_relire: false,
            }),
        };
    }
    match actuelles.as_slice() {
        [une] => LieuLu::Trouve(lieu(une)),
        _ => LieuLu::Trouve(Lieu {
            code_postal: Some(cp.to_string()),
            commune: None,
            affichage: cp.to_string(),
            a_relire: false,
        }),
    }
}

/// One option of a choice: what to type, what it records, what to show.
#[derive(Debug, Clone, PartialEq)]
pub struct OptionLieu {
    /// The number to type ("1"…).
    pub cle: String,
    /// An INSEE code (a commune) or a postal code.
    pub valeur: String,
    /// "Saint-Denis (93)", "Paris 16e (75116)", "31100".
    pub libelle: String,
}

impl APreciser {
    /// The options to list, numbered from 1; none for an arrondissement (its
    /// number is asked).
    pub fn options(&self) -> Vec<OptionLieu> {
        match self {
            APreciser::Communes { insee, .. } => {
                let communes: Vec<&'static Commune> =
                    insee.iter().filter_map(|i| geo::commune(i)).collect();
                communes
                    .iter()
                    .enumerate()
                    .map(|(i, c)| {
                        // Two communes of one name in one département are
                        // told apart by their postal code.
                        let meme = communes
                            .iter()
                            .filter(|a| a.departement == c.departement && a.nom == c.nom)
                            .count();
                        let precision = match c.codes_postaux.first() {
                            Some(cp) if meme > 1 => cp,
                            _ => c.departement,
                        };
                        OptionLieu {
                            cle: (i + 1).to_string(),
                            valeur: c.insee.to_string(),
                            libelle: format!("{} ({precision})", c.nom),
                        }
                    })
                    .collect()
            }
            APreciser::CodesPostaux { codes, .. } => codes
                .iter()
                .enumerate()
                .map(|(i, cp)| OptionLieu {
                    cle: (i + 1).to_string(),
                    valeur: cp.clone(),
                    libelle: cp.clone(),
                })
                .collect(),
            APreciser::Arrondissement { .. } => Vec::new(),
        }
    }

    /// The name the question is about: the shared name, the commune whose
    /// postal code is asked, the city whose arrondissement is asked.
    pub fn nom(&self) -> Option<&'static str> {
        match self {
            APreciser::Communes { insee, nom } => {
                nom.as_ref()?;
                geo::commune(insee.first()?).map(|c| c.nom)
            }
            APreciser::CodesPostaux { insee, .. } | APreciser::Arrondissement { insee } => {
                geo::commune(insee).map(Commune::nom_court)
            }
        }
    }

    /// How many arrondissements the city has (0 for the other cases).
    pub fn arrondissements(&self) -> usize {
        match self {
            APreciser::Arrondissement { insee } => noms::arrondissements(insee).len(),
            _ => 0,
        }
    }
}

/// Reads the answer that follows an [`APreciser`]: the number of an option,
/// or for a list of communes its département or one of its postal codes
/// ("93", "93200"), or for an arrondissement its number ("13", "13e",
/// "XIII"). Anything else is read as a new answer ([`lire`]), so that
/// "non, Valence" or a postal code still work; a number beyond the list is
/// [`Refus::HorsListe`]. "Je ne sais pas" to a postal code or an
/// arrondissement keeps the commune, known already.
pub fn preciser(texte: &str, a_preciser: &APreciser) -> LieuLu {
    let code = reponse::code_postal(texte);
    let jetons = jetons(texte);
    let nombres = nombres_de(&jetons);
    let mots = mots_de(&jetons);
    let seul_nombre = match (nombres.as_slice(), sans_mots_vides(&mots).is_empty()) {
        ([(n, _)], true) if n.len() <= 3 => n.parse::<usize>().ok(),
        _ => None,
    };
    match a_preciser {
        _ if code == Compris::NeSaitPas => return ne_sait_pas(a_preciser),
        APreciser::Arrondissement { insee } => {
            let arrondissements = noms::arrondissements(insee);
            // Another commune named ("non, Toulouse"): a new answer.
            let autre_nom: Vec<&str> = sans_mots_vides(&mots)
                .into_iter()
                .filter(|m| !ROMAINS.contains(m) && !AVANT_NUMERO.contains(m))
                .collect();
            if !autre_nom.is_empty()
                && !communes_exactes(&autre_nom)
                    .iter()
                    .any(|c| c.insee == insee.as_str())
            {
                return lire(texte);
            }
            let romain = mots
                .iter()
                .find_map(|m| ROMAINS.iter().position(|r| r == m))
                .map(|i| i + 1);
            let n = nombres
                .iter()
                .filter(|(n, _)| n.len() <= 2)
                .find_map(|(n, _)| n.parse::<usize>().ok())
                .or(romain);
            if code == Compris::Incompris {
                if let Some(n) = n {
                    return match arrondissements.get(n.wrapping_sub(1)) {
                        Some(a) => lieu_de(a),
                        None => LieuLu::Refuse(Refus::HorsListe(arrondissements.len())),
                    };
                }
            }
        }
        APreciser::Communes { .. } | APreciser::CodesPostaux { .. } => {
            let options = a_preciser.options();
            // A postal code of one of the communes listed.
            if let (Compris::Valeur(cp), APreciser::Communes { insee, .. }) = (&code, a_preciser) {
                let listees = geo::communes_du_code_postal(cp)
                    .into_iter()
                    .map(|c| c.commune_actuelle())
                    .find(|c| insee.iter().any(|i| i == c.insee));
                if let Some(c) = listees {
                    return par_code_postal(cp, &[]).or_commune(c);
                }
            }
            let communes = matches!(a_preciser, APreciser::Communes { .. });
            let synonymes: Vec<Vec<String>> = options
                .iter()
                .map(|o| match geo::commune(&o.valeur).filter(|_| communes) {
                    Some(c) => {
                        let mut s = vec![c.departement.to_string()];
                        s.extend(c.codes_postaux.iter().map(|p| p.to_string()));
                        s
                    }
                    None => Vec::new(),
                })
                .collect();
            let refs: Vec<Vec<&str>> = synonymes
                .iter()
                .map(|s| s.iter().map(String::as_str).collect())
                .collect();
            let choix: Vec<(&str, &str, &[&str])> = options
                .iter()
                .zip(&refs)
                .map(|(o, s)| (o.cle.as_str(), o.libelle.as_str(), s.as_slice()))
                .collect();
            if let Compris::Valeur(i) = reponse::choix(texte, &choix) {
                return match a_preciser {
                    APreciser::CodesPostaux { insee, codes } => match geo::commune(insee) {
                        Some(entree) => LieuLu::Trouve(Lieu {
                            code_postal: Some(codes[i].clone()),
                            commune: Some(entree.commune_actuelle().insee),
                            affichage: format!("{} ({})", entree.nom_court(), codes[i]),
                            a_relire: true,
                        }),
                        None => LieuLu::Refuse(Refus::Incompris),
                    },
                    _ => match geo::commune(&options[i].valeur) {
                        Some(c) => lieu_de(c),
                        None => LieuLu::Refuse(Refus::Incompris),
                    },
                };
            }
            if let Some(n) = seul_nombre {
                if n == 0 || n > options.len() {
                    return LieuLu::Refuse(Refus::HorsListe(options.len()));
                }
            }
        }
    }
    lire(texte)
}

/// "Je ne sais pas" after a question about a known commune keeps it.
fn ne_sait_pas(a_preciser: &APreciser) -> LieuLu {
    match a_preciser {
        APreciser::Communes { .. } => LieuLu::NeSaitPas,
        APreciser::CodesPostaux { insee, .. } | APreciser::Arrondissement { insee } => {
            match geo::commune(insee) {
                Some(c) => LieuLu::Trouve(commune_seule(c)),
                None => LieuLu::NeSaitPas,
            }
        }
    }
}

impl LieuLu {
    /// A postal code read while choosing among communes: the commune chosen
    /// is the one listed, and it is read back.
    fn or_commune(self, commune: &'static Commune) -> LieuLu {
        match self {
            LieuLu::Trouve(mut l) => {
                l.commune = Some(commune.insee);
                if let Some(cp) = &l.code_postal {
                    l.affichage = format!("{} ({cp})", commune.nom_court());
                }
                l.a_relire = true;
                LieuLu::Trouve(l)
            }
            autre => autre,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trouve(texte: &str) -> Lieu {
        match lire(texte) {
            LieuLu::Trouve(l) => l,
            autre => panic!("{texte:?}: {autre:?}"),
        }
    }

    #[test]
    fn jetons_d_une_reponse() {
        assert_eq!(
            jetons("Paris 18ème"),
            vec![
                Jeton::Mot("paris".into()),
                Jeton::Nombre {
                    chiffres: "18".into(),
                    ordinal: true
                }
            ]
        );
        assert_eq!(
            mots_de(&jetons("Je vis à St-Denis (93)")),
            ["je", "vis", "a", "saint", "denis"]
        );
        assert_eq!(nombres_de(&jetons("corse 2A")), [("2a".to_string(), false)]);
        assert_eq!(
            sans_mots_vides(&["je", "vis", "a", "la", "rochelle", "merci"]),
            ["la", "rochelle"]
        );
    }

    #[test]
    fn un_nom_un_code() {
        let l = trouve("roubaix");
        assert_eq!(l.code_postal.as_deref(), Some("59100"));
        assert_eq!(l.commune, Some("59512"));
        assert_eq!(l.affichage, "Roubaix (59100)");
        assert!(l.a_relire);
        let l = trouve("paris 18e");
        assert_eq!(l.affichage, "Paris 18e (75018)");
        assert_eq!(l.commune, Some("75056"));
        let l = trouve("75018");
        assert_eq!(l.affichage, "Paris 18e (75018)");
        assert!(!l.a_relire);
    }

    #[test]
    fn a_preciser_puis_choisi() {
        let LieuLu::APreciser(p) = lire("marseille") else {
            panic!()
        };
        assert_eq!(p.arrondissements(), 16);
        assert_eq!(p.nom(), Some("Marseille"));
        let LieuLu::Trouve(l) = preciser("13", &p) else {
            panic!()
        };
        assert_eq!(l.code_postal.as_deref(), Some("13013"));
        assert_eq!(l.commune, Some("13055"));
        assert_eq!(preciser("17", &p), LieuLu::Refuse(Refus::HorsListe(16)));
        let LieuLu::Trouve(l) = preciser("je sais pas", &p) else {
            panic!()
        };
        assert_eq!((l.code_postal, l.commune), (None, Some("13055")));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 128, ..Default::default() })]

        #[test]
        fn aucune_reponse_ne_fait_paniquer(s in "\\PC{0,60}") {
            lire_partout(&s);
        }

        #[test]
        fn aucune_reponse_en_chiffres_et_mots_ne_fait_paniquer(
            s in "[0-9 ()°,.€/\\-]{0,12}(paris|marseille|saint denis|xviii|eme|er|arr|nord|le|a| )*[0-9 ]{0,8}"
        ) {
            lire_partout(&s);
        }
    }

    /// Reads `s` fresh and after each kind of choice.
    fn lire_partout(s: &str) {
        let _ = lire(s);
        for p in [
            APreciser::Arrondissement {
                insee: "75056".into(),
            },
            APreciser::Communes {
                nom: Some("Saint-Denis".into()),
                insee: vec!["93066".into(), "97411".into()],
            },
            APreciser::CodesPostaux {
                insee: "31555".into(),
                codes: vec!["31000".into(), "31100".into()],
            },
            // A state saved by an older table: unknown codes read as nothing.
            APreciser::Communes {
                nom: None,
                insee: vec!["00000".into()],
            },
            APreciser::CodesPostaux {
                insee: "00000".into(),
                codes: vec![],
            },
            APreciser::Arrondissement {
                insee: "00000".into(),
            },
        ] {
            let _ = preciser(s, &p);
            let _ = p.options();
            let _ = p.nom();
        }
    }
}

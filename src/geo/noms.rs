//! Communes by name: from a name as people type it ("roubaix", "st denis",
//! "aix en provence", "marseile") to the current communes that bear it, and
//! the arrondissements municipaux of Paris, Lyon and Marseille.
//!
//! Names are compared through [`cle_de_nom`] (lowercase ASCII words, so
//! accents, capitals, hyphens and "St"/"Ste" do not matter). Four ways to
//! match, from the safest: the whole key; the key without its small words
//! (articles and prepositions: "havre" for Le Havre, "boulogne mer" for
//! Boulogne-sur-Mer); the first words of a key ("cherbourg" for
//! Cherbourg-en-Cotentin); and one typo (an edit of Damerau-Levenshtein
//! distance one) on names of at least 5 letters. The caller tries them in
//! that order and reads a guess back to the person.
//!
//! The index is built once, on the first lookup by name, apart from the
//! postal code index so that evaluating rules never pays for it: two sorted
//! lists of (key, line) over the current communes and the communes déléguées
//! and associées (whose names people still use: "Cuisiat" gives
//! Val-Revermont), and the keys grouped by length for the typo search.
//! Arrondissements are not indexed by name: "Paris 18e" is read as the city
//! and a number, see [`arrondissements`].

use std::sync::OnceLock;

use super::{Commune, cle_de_nom, index};

/// Words left out of the short key: articles, prepositions and "et", which
/// people drop ("Aix Provence", "Le Mans" → "mans").
#[rustfmt::skip]
const PETITS_MOTS: &[&str] = &[
    "le", "la", "les", "l", "de", "du", "des", "d", "en", "sur", "sous", "et", "aux", "au", "a",
    "lez",
];

/// Names shorter than this (in letters) are only matched exactly: one typo
/// in "Pau" or "Dax" gives another commune ("Pat", "Fax"...).
pub const LETTRES_MIN_FAUTE: usize = 5;

struct IndexNoms {
    /// (key, line) for each current commune and commune déléguée or
    /// associée, sorted by key then line. A name with a qualifier in
    /// brackets ("Castillon (Canton de Lembeye)") is also indexed without it.
    exactes: Vec<(Box<str>, u32)>,
    /// The same with the short key ([`cle_abregee`]).
    abregees: Vec<(Box<str>, u32)>,
    /// For each key length in bytes, the positions in `exactes` of the keys
    /// of that length: a typo lookup reads three lengths, not every key.
    par_longueur: Vec<Vec<u32>>,
    /// For each commune with arrondissements municipaux (Paris, Lyon,
    /// Marseille), its INSEE code and the lines of its arrondissements, in
    /// order (1er, 2e...).
    arrondissements: Vec<(&'static str, Vec<u32>)>,
}

/// The short key: the key without its small words; empty when nothing is left.
pub fn cle_abregee(cle: &str) -> String {
    cle.split(' ')
        .filter(|m| !PETITS_MOTS.contains(m))
        .collect::<Vec<_>>()
        .join(" ")
}

impl IndexNoms {
    fn construire() -> IndexNoms {
        let index = index();
        let mut exactes = Vec::with_capacity(38_000);
        let mut abregees = Vec::with_capacity(38_000);
        let mut arrondissements: Vec<(&'static str, Vec<u32>)> = Vec::new();
        for (i, ligne) in index.lignes.iter().enumerate() {
            let i = i as u32;
            let mut champs = ligne.split('\t');
            let nom = champs.nth(1).unwrap_or("");
            let codes = champs.nth(3).unwrap_or("");
            let parente = champs.next().unwrap_or("");
            if !parente.is_empty() && !codes.is_empty() {
                // An arrondissement municipal: lines come in INSEE order,
                // which is the order of the arrondissements.
                match arrondissements.iter_mut().find(|(p, _)| *p == parente) {
                    Some((_, lignes)) => lignes.push(i),
                    None => arrondissements.push((parente, vec![i])),
                }
                continue;
            }
            let mut cles = vec![cle_de_nom(nom)];
            if let Some((avant, _)) = nom.split_once(" (") {
                cles.push(cle_de_nom(avant));
            }
            for cle in cles {
                let abregee = cle_abregee(&cle);
                if !abregee.is_empty() {
                    abregees.push((abregee.into_boxed_str(), i));
                }
                exactes.push((cle.into_boxed_str(), i));
            }
        }
        exactes.sort_unstable();
        abregees.sort_unstable();
        let mut par_longueur: Vec<Vec<u32>> = Vec::new();
        for (position, (cle, _)) in exactes.iter().enumerate() {
            if par_longueur.len() <= cle.len() {
                par_longueur.resize(cle.len() + 1, Vec::new());
            }
            par_longueur[cle.len()].push(position as u32);
        }
        IndexNoms {
            exactes,
            abregees,
            par_longueur,
            arrondissements,
        }
    }
}

fn index_noms() -> &'static IndexNoms {
    static INDEX: OnceLock<IndexNoms> = OnceLock::new();
    INDEX.get_or_init(IndexNoms::construire)
}

/// The lines whose key is `cle` in a sorted (key, line) list.
fn lignes_de(liste: &[(Box<str>, u32)], cle: &str) -> impl Iterator<Item = u32> {
    let debut = liste.partition_point(|(k, _)| &**k < cle);
    liste[debut..]
        .iter()
        .take_while(move |(k, _)| &**k == cle)
        .map(|(_, l)| *l)
}

/// The current communes of these lines, sorted by INSEE code, without
/// duplicates: with `anciennes`, the communes déléguées and associées among
/// them give their current commune; without, they are left out.
fn communes_actuelles(lignes: impl Iterator<Item = u32>, anciennes: bool) -> Vec<&'static Commune> {
    let index = index();
    let mut communes: Vec<&'static Commune> = lignes
        .map(|l| index.entree(l as usize))
        .filter_map(|c| match (c.est_commune_actuelle(), anciennes) {
            (true, _) => Some(c),
            (false, true) => Some(c.commune_actuelle()),
            (false, false) => None,
        })
        .collect();
    communes.sort_by_key(|c| c.insee);
    communes.dedup_by_key(|c| c.insee);
    communes
}

/// The current communes whose name has this key ([`cle_de_nom`]): "roubaix"
/// gives Roubaix, "saint denis" the four Saint-Denis. Empty when none.
pub fn communes_au_nom(cle: &str) -> Vec<&'static Commune> {
    if cle.is_empty() {
        return Vec::new();
    }
    communes_actuelles(lignes_de(&index_noms().exactes, cle), false)
}

/// The current communes of the communes déléguées and associées whose name
/// has this key: "cuisiat" gives Val-Revermont. A weaker hint than a
/// current name: "boulogne" is a commune déléguée of Essarts-en-Bocage, but
/// people who type it mostly live in Boulogne-Billancourt or Boulogne-sur-Mer.
pub fn communes_d_ancien_nom(cle: &str) -> Vec<&'static Commune> {
    if cle.is_empty() {
        return Vec::new();
    }
    let index = index();
    let anciennes = lignes_de(&index_noms().exactes, cle)
        .filter(|&l| !index.entree(l as usize).est_commune_actuelle());
    communes_actuelles(anciennes, true)
}

/// The current communes whose short key ([`cle_abregee`]) equals the short
/// key of `cle`: "havre" gives Le Havre, "aix provence" Aix-en-Provence.
pub fn communes_au_nom_abrege(cle: &str) -> Vec<&'static Commune> {
    let abregee = cle_abregee(cle);
    if abregee.is_empty() {
        return Vec::new();
    }
    communes_actuelles(lignes_de(&index_noms().abregees, &abregee), false)
}

/// The current communes whose key begins with the words of `cle`
/// ("cherbourg" gives Cherbourg-en-Cotentin), when there are at most `max`
/// of them and `cle` has at least [`LETTRES_MIN_FAUTE`] letters; otherwise
/// none, since "saint" or "boulogne" alone say too little.
pub fn communes_au_nom_commencant_par(cle: &str, max: usize) -> Vec<&'static Commune> {
    if cle.bytes().filter(u8::is_ascii_alphabetic).count() < LETTRES_MIN_FAUTE {
        return Vec::new();
    }
    let prefixe = format!("{cle} ");
    let exactes = &index_noms().exactes;
    let debut = exactes.partition_point(|(k, _)| **k < *prefixe);
    let lignes = exactes[debut..]
        .iter()
        .take_while(|(k, _)| k.starts_with(&prefixe))
        .map(|(_, l)| *l);
    // Bounded before the lookup: "saint" would visit thousands of lines.
    let lignes: Vec<u32> = lignes.take(4 * max + 1).collect();
    if lignes.len() > 4 * max {
        return Vec::new();
    }
    let communes = communes_actuelles(lignes.into_iter(), false);
    if communes.len() > max {
        return Vec::new();
    }
    communes
}

/// The current communes whose key is one typo away from `cle` (one letter
/// added, dropped, changed, or two neighbours swapped; spaces count as
/// letters, so "saintetienne" is one typo from "saint etienne"). Only keys
/// and answers of at least [`LETTRES_MIN_FAUTE`] letters are compared.
pub fn communes_a_une_faute(cle: &str) -> Vec<&'static Commune> {
    let lettres = |k: &str| k.bytes().filter(u8::is_ascii_alphabetic).count();
    if lettres(cle) < LETTRES_MIN_FAUTE {
        return Vec::new();
    }
    let index = index_noms();
    let longueurs = cle.len().saturating_sub(1)..=cle.len() + 1;
    let lignes = longueurs
        .filter_map(|n| index.par_longueur.get(n))
        .flatten()
        .map(|&p| &index.exactes[p as usize])
        .filter(|(k, _)| {
            une_faute_au_plus(k.as_bytes(), cle.as_bytes()) && lettres(k) >= LETTRES_MIN_FAUTE
        })
        .map(|(_, l)| *l);
    communes_actuelles(lignes, false)
}

/// Whether `a` and `b` differ by at most one edit of the Damerau-Levenshtein
/// distance (optimal string alignment): a linear walk rather than the full
/// table, since this runs on every key of the index.
pub fn une_faute_au_plus(a: &[u8], b: &[u8]) -> bool {
    let (court, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - court.len() > 1 {
        return false;
    }
    let mut i = 0;
    while i < court.len() && court[i] == long[i] {
        i += 1;
    }
    match long.len() - court.len() {
        0 => {
            i == court.len()
                || court[i + 1..] == long[i + 1..]
                || (i + 1 < court.len()
                    && court[i] == long[i + 1]
                    && court[i + 1] == long[i]
                    && court[i + 2..] == long[i + 2..])
        }
        1 => court[i..] == long[i + 1..],
        _ => false,
    }
}

/// The arrondissements municipaux of a commune, in order (the first is the
/// 1er), or an empty list for a commune without: Paris (75056) has 20,
/// Marseille (13055) 16, Lyon (69123) 9.
pub fn arrondissements(insee: &str) -> Vec<&'static Commune> {
    let index = index();
    index_noms()
        .arrondissements
        .iter()
        .find(|(p, _)| *p == insee)
        .map(|(_, lignes)| lignes.iter().map(|&l| index.entree(l as usize)).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    fn insee(communes: &[&Commune]) -> Vec<&'static str> {
        communes.iter().map(|c| c.insee).collect()
    }

    #[test]
    fn construction_et_chiffres() {
        let debut = Instant::now();
        let construit = IndexNoms::construire();
        eprintln!(
            "geo::noms: index construit en {:?} ({} clés, {} clés courtes)",
            debut.elapsed(),
            construit.exactes.len(),
            construit.abregees.len()
        );
        // How many current communes a person reaches by typing just their
        // name, without accents: one commune, and one postal code.
        let index = index();
        let (mut communes, mut uniques, mut un_seul_code) = (0, 0, 0);
        for i in 0..index.lignes.len() {
            let c = index.entree(i);
            if !c.est_commune_actuelle() {
                continue;
            }
            communes += 1;
            let trouvees = communes_au_nom(&cle_de_nom(c.nom));
            assert!(trouvees.iter().any(|t| t.insee == c.insee), "{c:?}");
            if trouvees.len() == 1 {
                uniques += 1;
                if c.codes_postaux.len() == 1 {
                    un_seul_code += 1;
                }
            }
        }
        eprintln!(
            "geo::noms: {communes} communes, {uniques} à nom unique, dont {un_seul_code} avec un seul code postal"
        );
        assert!(uniques > 30_000, "{uniques}");
    }

    #[test]
    fn noms_exacts_homonymes_et_anciennes_communes() {
        assert_eq!(insee(&communes_au_nom("roubaix")), ["59512"]);
        assert_eq!(
            insee(&communes_au_nom("saint denis")),
            ["11339", "30247", "93066", "97411"]
        );
        assert_eq!(
            insee(&communes_au_nom("valence")),
            ["16392", "26362", "82186"]
        );
        assert_eq!(
            insee(&communes_au_nom(&cle_de_nom("Aix-en-Provence"))),
            ["13001"]
        );
        assert_eq!(
            insee(&communes_au_nom(&cle_de_nom("St-Étienne"))),
            ["42218"]
        );
        // A commune déléguée gives its current commune.
        assert_eq!(insee(&communes_d_ancien_nom("cuisiat")), ["01426"]);
        assert!(communes_au_nom("cuisiat").is_empty());
        assert!(communes_d_ancien_nom("roubaix").is_empty());
        // A qualifier in brackets is optional.
        assert!(communes_au_nom("castillon").len() >= 2);
        assert!(communes_au_nom("").is_empty());
        assert!(communes_au_nom("nulle part").is_empty());
    }

    #[test]
    fn noms_courts_et_fautes() {
        assert_eq!(insee(&communes_au_nom_abrege("havre")), ["76351"]);
        assert_eq!(insee(&communes_au_nom_abrege("aix provence")), ["13001"]);
        assert_eq!(
            insee(&communes_au_nom_commencant_par("cherbourg", 6)),
            ["50129"]
        );
        assert!(communes_au_nom_commencant_par("boulogne", 3).is_empty());
        assert!(communes_au_nom_commencant_par("saint", 6).is_empty());
        assert_eq!(insee(&communes_a_une_faute("marseile")), ["13055"]);
        // Roubia (Aude) is one typo away too.
        assert_eq!(insee(&communes_a_une_faute("roubiax")), ["11324", "59512"]);
        assert_eq!(insee(&communes_a_une_faute("saintetienne")), ["42218"]);
        // Too short to guess.
        assert!(communes_a_une_faute("pa").is_empty());
        assert!(communes_a_une_faute("pai").is_empty());
        assert!(une_faute_au_plus(b"abc", b"abc"));
        assert!(une_faute_au_plus(b"abc", b"acb"));
        assert!(une_faute_au_plus(b"abc", b"abxc"));
        assert!(une_faute_au_plus(b"abc", b"ab"));
        assert!(une_faute_au_plus(b"abc", b"xbc"));
        assert!(!une_faute_au_plus(b"abc", b"bca"));
        assert!(!une_faute_au_plus(b"abc", b"a"));
        assert!(!une_faute_au_plus(b"abcd", b"badc"));
    }

    #[test]
    fn arrondissements_de_paris_lyon_marseille() {
        let paris = arrondissements("75056");
        assert_eq!(paris.len(), 20);
        assert_eq!(paris[0].nom, "Paris 1er Arrondissement");
        assert_eq!(paris[17].codes_postaux, ["75018"]);
        assert_eq!(paris[15].codes_postaux, ["75016", "75116"]);
        assert_eq!(arrondissements("13055").len(), 16);
        assert_eq!(arrondissements("69123").len(), 9);
        assert!(arrondissements("59512").is_empty());
    }
}

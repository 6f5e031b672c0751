//! The départements by code and by name, so that an answer naming one ("59",
//! "le Nord", "Seine-Saint-Denis") can be told apart from a postal code or a
//! commune, and so that a reply can name it and give one of its postal codes
//! as an example.
//!
//! The names are the official ones (code officiel géographique), with the
//! overseas collectivities that have their own code in the communes table.
//! They are written here rather than in `communes.tsv` because the table has
//! one line per commune and 110 names do not justify a second generated file.

use std::sync::OnceLock;

use super::{cle_de_nom, communes_du_code_postal, index};

/// Code and official name of every département and overseas collectivity
/// of the communes table.
const DEPARTEMENTS: [(&str, &str); 109] = [
    ("01", "Ain"),
    ("02", "Aisne"),
    ("03", "Allier"),
    ("04", "Alpes-de-Haute-Provence"),
    ("05", "Hautes-Alpes"),
    ("06", "Alpes-Maritimes"),
    ("07", "Ardèche"),
    ("08", "Ardennes"),
    ("09", "Ariège"),
    ("10", "Aube"),
    ("11", "Aude"),
    ("12", "Aveyron"),
    ("13", "Bouches-du-Rhône"),
    ("14", "Calvados"),
    ("15", "Cantal"),
    ("16", "Charente"),
    ("17", "Charente-Maritime"),
    ("18", "Cher"),
    ("19", "Corrèze"),
    ("2A", "Corse-du-Sud"),
    ("2B", "Haute-Corse"),
    ("21", "Côte-d'Or"),
    ("22", "Côtes-d'Armor"),
    ("23", "Creuse"),
    ("24", "Dordogne"),
    ("25", "Doubs"),
    ("26", "Drôme"),
    ("27", "Eure"),
    ("28", "Eure-et-Loir"),
    ("29", "Finistère"),
    ("30", "Gard"),
    ("31", "Haute-Garonne"),
    ("32", "Gers"),
    ("33", "Gironde"),
    ("34", "Hérault"),
    ("35", "Ille-et-Vilaine"),
    ("36", "Indre"),
    ("37", "Indre-et-Loire"),
    ("38", "Isère"),
    ("39", "Jura"),
    ("40", "Landes"),
    ("41", "Loir-et-Cher"),
    ("42", "Loire"),
    ("43", "Haute-Loire"),
    ("44", "Loire-Atlantique"),
    ("45", "Loiret"),
    ("46", "Lot"),
    ("47", "Lot-et-Garonne"),
    ("48", "Lozère"),
    ("49", "Maine-et-Loire"),
    ("50", "Manche"),
    ("51", "Marne"),
    ("52", "Haute-Marne"),
    ("53", "Mayenne"),
    ("54", "Meurthe-et-Moselle"),
    ("55", "Meuse"),
    ("56", "Morbihan"),
    ("57", "Moselle"),
    ("58", "Nièvre"),
    ("59", "Nord"),
    ("60", "Oise"),
    ("61", "Orne"),
    ("62", "Pas-de-Calais"),
    ("63", "Puy-de-Dôme"),
    ("64", "Pyrénées-Atlantiques"),
    ("65", "Hautes-Pyrénées"),
    ("66", "Pyrénées-Orientales"),
    ("67", "Bas-Rhin"),
    ("68", "Haut-Rhin"),
    ("69", "Rhône"),
    ("70", "Haute-Saône"),
    ("71", "Saône-et-Loire"),
    ("72", "Sarthe"),
    ("73", "Savoie"),
    ("74", "Haute-Savoie"),
    ("75", "Paris"),
    ("76", "Seine-Maritime"),
    ("77", "Seine-et-Marne"),
    ("78", "Yvelines"),
    ("79", "Deux-Sèvres"),
    ("80", "Somme"),
    ("81", "Tarn"),
    ("82", "Tarn-et-Garonne"),
    ("83", "Var"),
    ("84", "Vaucluse"),
    ("85", "Vendée"),
    ("86", "Vienne"),
    ("87", "Haute-Vienne"),
    ("88", "Vosges"),
    ("89", "Yonne"),
    ("90", "Territoire de Belfort"),
    ("91", "Essonne"),
    ("92", "Hauts-de-Seine"),
    ("93", "Seine-Saint-Denis"),
    ("94", "Val-de-Marne"),
    ("95", "Val-d'Oise"),
    ("971", "Guadeloupe"),
    ("972", "Martinique"),
    ("973", "Guyane"),
    ("974", "La Réunion"),
    ("975", "Saint-Pierre-et-Miquelon"),
    ("976", "Mayotte"),
    ("977", "Saint-Barthélemy"),
    ("978", "Saint-Martin"),
    ("984", "Terres australes et antarctiques françaises"),
    ("986", "Wallis-et-Futuna"),
    ("987", "Polynésie française"),
    ("988", "Nouvelle-Calédonie"),
    ("989", "Île de Clipperton"),
];

/// The official name of a département code ("59" → "Nord"); Corsican codes
/// may be typed in lower case.
pub fn nom_departement(code: &str) -> Option<&'static str> {
    let code = code.trim();
    DEPARTEMENTS
        .iter()
        .find(|(c, _)| c.eq_ignore_ascii_case(code))
        .map(|(_, n)| *n)
}

/// The canonical code when `texte` is a département code as people type it:
/// two digits from "01" to "95" (not "20"), "2A" or "2B" in either case, or
/// an overseas code ("971" to "989"). "1" and "5" are not département codes:
/// the code of the Ain is "01".
pub fn code_departement(texte: &str) -> Option<&'static str> {
    let texte = texte.trim();
    DEPARTEMENTS
        .iter()
        .find(|(c, _)| c.eq_ignore_ascii_case(texte))
        .map(|(c, _)| *c)
}

/// The département named by `cle` (a text folded by [`cle_de_nom`]), with or
/// without its article: "nord", "le nord", "la reunion", "reunion",
/// "seine saint denis". `None` for anything else.
pub fn departement_au_nom(cle: &str) -> Option<&'static str> {
    // The folded names, with and without their own article ("la reunion",
    // "reunion"), computed once.
    static CLES: OnceLock<Vec<(String, String, &'static str)>> = OnceLock::new();
    let cles = CLES.get_or_init(|| {
        DEPARTEMENTS
            .iter()
            .map(|(code, nom)| {
                let n = cle_de_nom(nom);
                let sans = ["la ", "ile de "]
                    .iter()
                    .find_map(|a| n.strip_prefix(a))
                    .unwrap_or(&n)
                    .to_string();
                (n, sans, *code)
            })
            .collect()
    });
    let sans_article = ["le ", "la ", "les ", "l "]
        .iter()
        .find_map(|a| cle.strip_prefix(a))
        .unwrap_or(cle);
    cles.iter()
        .find(|(n, sans, _)| n == cle || n == sans_article || sans == sans_article)
        .map(|(_, _, code)| *code)
}

/// A postal code of this département, to give as an example: the smallest
/// one whose commune belongs to it ("59" → "59000", "2A" → "20000",
/// "974" → "97400"). `None` for an unknown code.
pub fn exemple_code_postal(departement: &str) -> Option<&'static str> {
    let code = code_departement(departement)?;
    // Postal codes start with the département number, except in Corsica
    // (20) and in a few overseas collectivities (Saint-Barthélemy and
    // Saint-Martin use 971xx): scan from the expected prefix.
    let prefixe: u64 = match code {
        "2A" | "2B" => 20,
        c => c.parse().ok()?,
    };
    let (debut, fin) = if prefixe >= 100 {
        (prefixe * 100, prefixe * 100 + 100)
    } else {
        (prefixe * 1000, prefixe * 1000 + 1000)
    };
    let (debut, fin) = if code == "977" || code == "978" {
        (97100, 97200)
    } else {
        (debut, fin)
    };
    let paires = &index().par_code_postal;
    let premier = paires.partition_point(|&p| p >> 32 < debut);
    paires[premier..]
        .iter()
        .take_while(|&&p| p >> 32 < fin)
        .map(|&p| format!("{:05}", p >> 32))
        .find_map(|cp| {
            communes_du_code_postal(&cp)
                .into_iter()
                .find(|c| c.departement == code)
                .and_then(|c| c.codes_postaux.iter().copied().find(|p| *p == cp))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chaque_departement_du_tableau_a_un_nom_et_un_exemple() {
        let index = index();
        let mut codes: Vec<&str> = (0..index.lignes.len())
            .map(|i| index.entree(i).departement)
            .collect();
        codes.sort_unstable();
        codes.dedup();
        for code in codes {
            assert!(nom_departement(code).is_some(), "{code}");
            // 984 (TAAF) and 989 (Clipperton) have no postal code of their own.
            if code != "984" && code != "989" {
                let exemple = exemple_code_postal(code).unwrap_or_else(|| panic!("{code}"));
                assert!(
                    communes_du_code_postal(exemple)
                        .iter()
                        .any(|c| c.departement == code),
                    "{code} {exemple}"
                );
            }
        }
        assert_eq!(DEPARTEMENTS.len(), 109);
    }

    #[test]
    fn codes_et_noms() {
        assert_eq!(code_departement("59"), Some("59"));
        assert_eq!(code_departement("2a"), Some("2A"));
        assert_eq!(code_departement("974"), Some("974"));
        for pas_un in ["1", "5", "20", "96", "99", "970", "", "590"] {
            assert_eq!(code_departement(pas_un), None, "{pas_un}");
        }
        assert_eq!(nom_departement("59"), Some("Nord"));
        assert_eq!(departement_au_nom("le nord"), Some("59"));
        assert_eq!(departement_au_nom("nord"), Some("59"));
        assert_eq!(departement_au_nom("la reunion"), Some("974"));
        assert_eq!(departement_au_nom("reunion"), Some("974"));
        assert_eq!(departement_au_nom("seine saint denis"), Some("93"));
        assert_eq!(departement_au_nom("cote d or"), Some("21"));
        assert_eq!(departement_au_nom("roubaix"), None);
        assert_eq!(exemple_code_postal("59"), Some("59000"));
        assert_eq!(exemple_code_postal("2A"), Some("20000"));
        assert_eq!(exemple_code_postal("974"), Some("97400"));
        assert_eq!(exemple_code_postal("75"), Some("75001"));
    }
}

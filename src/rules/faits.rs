//! Situation fields as the rule engine sees them: numbered slots holding
//! three-valued [`Valeur`]s.
//!
//! Rule files name fields with paths (`demandeur.age`, `logement.zone`,
//! `enfant.age` inside a `somme(enfants, …)`). At load time each path becomes a
//! [`Champ`]; at evaluation time [`Faits::depuis`] flattens a
//! [`Situation`] into one slot per field, so that reading a field is an index,
//! not a lookup. A few fields are *derived*: `couple` from `conjoint`,
//! `nombre_enfants` from `enfants`, and the housing zone, département and
//! overseas flag from the commune or the postal code.

use super::valeur::{Manquants, Valeur};
use crate::geo;
use crate::situation::{Activite, Conjoint, Nationalite, Scolarite, Situation, StatutLogement};
use crate::situation::{MAX_ENFANTS, Personne};
use rust_decimal::Decimal;

/// The type of a field, checked when rule files are loaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Genre {
    /// A decimal number (money, age, count, rate).
    Nombre,
    /// Yes or no.
    Booleen,
    /// One of a fixed list of words.
    Texte(&'static [&'static str]),
    /// A code (postal code, INSEE code) that formulas cannot read: rules use
    /// the fields derived from it (`logement.zone`, `logement.outre_mer`).
    Code,
}

/// A field that a rule may read.
#[derive(Debug, Clone, Copy)]
pub struct DefChamp {
    /// Its name in the JSON format, relative to its owner (`age`, `logement.loyer`).
    pub nom: &'static str,
    /// Its type.
    pub genre: Genre,
}

const fn def(nom: &'static str, genre: Genre) -> DefChamp {
    DefChamp { nom, genre }
}

/// Household-wide fields (the first slots).
pub const CHAMPS_FOYER: &[DefChamp] = &[
    def("couple", Genre::Booleen),
    def("nombre_enfants", Genre::Nombre),
    def("logement.statut", Genre::Texte(StatutLogement::VALEURS)),
    def("logement.loyer", Genre::Nombre),
    def("logement.code_postal", Genre::Code),
    def("logement.commune", Genre::Code),
    def("logement.colocation", Genre::Booleen),
    def("logement.zone", Genre::Nombre),
    def("logement.outre_mer", Genre::Booleen),
    def("foyer.pension_alimentaire_recue", Genre::Nombre),
    def("foyer.epargne", Genre::Nombre),
    def("foyer.autres_revenus", Genre::Nombre),
    def("foyer.revenu_fiscal_reference", Genre::Nombre),
];

/// Fields of each adult (`demandeur.…`, `conjoint.…`).
pub const CHAMPS_PERSONNE: &[DefChamp] = &[
    def("age", Genre::Nombre),
    def("activite", Genre::Texte(Activite::VALEURS)),
    def("salaire_net", Genre::Nombre),
    def("chomage_net", Genre::Nombre),
    def("retraite_nette", Genre::Nombre),
    def("pension_invalidite", Genre::Nombre),
    def("handicap", Genre::Booleen),
    def("taux_incapacite", Genre::Nombre),
    def("nationalite", Genre::Texte(Nationalite::VALEURS)),
    def("titre_sejour_5_ans", Genre::Booleen),
    def("enceinte", Genre::Booleen),
    def("boursier", Genre::Booleen),
    def("travail_5_ans_sur_10", Genre::Booleen),
    def("droit_au_sejour", Genre::Booleen),
];

/// Fields of each child (`enfants.0.age`, or `enfant.age` inside a collection).
pub const CHAMPS_ENFANT: &[DefChamp] = &[
    def("age", Genre::Nombre),
    def("handicap", Genre::Booleen),
    def("taux_incapacite", Genre::Nombre),
    def("scolarite", Genre::Texte(Scolarite::VALEURS)),
    def("garde_alternee", Genre::Booleen),
];

const NF: usize = CHAMPS_FOYER.len();
const NP: usize = CHAMPS_PERSONNE.len();
const NE: usize = CHAMPS_ENFANT.len();

/// Total number of slots.
pub const NOMBRE_CHAMPS: usize = NF + 2 * NP + MAX_ENFANTS * NE;

const _: () = assert!(NOMBRE_CHAMPS <= Manquants::CAPACITE);

/// Slot of a household field.
pub const fn slot_foyer(i: usize) -> usize {
    i
}

/// Slot of an adult's field: `personne` 0 is the demandeur, 1 the conjoint.
pub const fn slot_personne(personne: usize, i: usize) -> usize {
    NF + personne * NP + i
}

/// Slot of a child's field.
pub const fn slot_enfant(enfant: usize, i: usize) -> usize {
    NF + 2 * NP + enfant * NE + i
}

/// The situation path of a slot, as the dialogue and the API name it
/// (`demandeur.age`, `enfants.0.age`, `logement.commune`).
pub fn chemin(slot: usize) -> String {
    if slot < NF {
        CHAMPS_FOYER[slot].nom.to_string()
    } else if slot < NF + 2 * NP {
        let p = (slot - NF) / NP;
        let i = (slot - NF) % NP;
        let qui = if p == 0 { "demandeur" } else { "conjoint" };
        format!("{qui}.{}", CHAMPS_PERSONNE[i].nom)
    } else {
        let e = (slot - NF - 2 * NP) / NE;
        let i = (slot - NF - 2 * NP) % NE;
        format!("enfants.{e}.{}", CHAMPS_ENFANT[i].nom)
    }
}

/// The path of every slot ([`chemin`]), built once for the process (97
/// short strings held by a static).
pub fn chemins_statiques() -> &'static [&'static str] {
    static CHEMINS: std::sync::LazyLock<Vec<String>> =
        std::sync::LazyLock::new(|| (0..NOMBRE_CHAMPS).map(chemin).collect());
    static REFS: std::sync::LazyLock<Vec<&'static str>> =
        std::sync::LazyLock::new(|| CHEMINS.iter().map(String::as_str).collect());
    &REFS
}

/// The slot of a situation path, the inverse of [`chemin`].
pub fn slot_du_chemin(chemin: &str) -> Option<usize> {
    if let Some(i) = CHAMPS_FOYER.iter().position(|d| d.nom == chemin) {
        return Some(slot_foyer(i));
    }
    for (p, prefixe) in ["demandeur.", "conjoint."].iter().enumerate() {
        if let Some(rest) = chemin.strip_prefix(prefixe) {
            let i = CHAMPS_PERSONNE.iter().position(|d| d.nom == rest)?;
            return Some(slot_personne(p, i));
        }
    }
    let rest = chemin.strip_prefix("enfants.")?;
    let (n, champ) = rest.split_once('.')?;
    let n: usize = n.parse().ok()?;
    if n >= MAX_ENFANTS {
        return None;
    }
    let i = CHAMPS_ENFANT.iter().position(|d| d.nom == champ)?;
    Some(slot_enfant(n, i))
}

/// The type of the field in a slot.
pub const fn genre_du_slot(slot: usize) -> Genre {
    if slot < NF {
        CHAMPS_FOYER[slot].genre
    } else if slot < NF + 2 * NP {
        CHAMPS_PERSONNE[(slot - NF) % NP].genre
    } else {
        CHAMPS_ENFANT[(slot - NF - 2 * NP) % NE].genre
    }
}

/// Where a field path in a formula points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Champ {
    /// A household field or a field of a named adult: a fixed slot.
    Fixe(usize),
    /// `conjoint.x`: only meaningful for couples.
    Conjoint(usize),
    /// `enfant.x` inside a collection over children: field index within the child.
    EnfantCourant(usize),
    /// `personne.x` inside a collection over adults: field index within the adult.
    PersonneCourante(usize),
}

/// Resolves a dotted field name from a formula, with its type.
pub fn resoudre(nom: &str) -> Option<(Champ, Genre)> {
    if let Some(i) = CHAMPS_FOYER.iter().position(|d| d.nom == nom) {
        return Some((Champ::Fixe(slot_foyer(i)), CHAMPS_FOYER[i].genre));
    }
    let (qui, rest) = nom.split_once('.')?;
    let champ_personne = || CHAMPS_PERSONNE.iter().position(|d| d.nom == rest);
    match qui {
        "demandeur" => {
            let i = champ_personne()?;
            Some((Champ::Fixe(slot_personne(0, i)), CHAMPS_PERSONNE[i].genre))
        }
        "conjoint" => {
            let i = champ_personne()?;
            Some((Champ::Conjoint(i), CHAMPS_PERSONNE[i].genre))
        }
        "personne" => {
            let i = champ_personne()?;
            Some((Champ::PersonneCourante(i), CHAMPS_PERSONNE[i].genre))
        }
        "enfant" => {
            let i = CHAMPS_ENFANT.iter().position(|d| d.nom == rest)?;
            Some((Champ::EnfantCourant(i), CHAMPS_ENFANT[i].genre))
        }
        _ => None,
    }
}

/// Every field name a formula may use, for "did you mean" suggestions.
pub fn noms_possibles() -> Vec<String> {
    let mut v: Vec<String> = CHAMPS_FOYER.iter().map(|d| d.nom.to_string()).collect();
    for qui in ["demandeur", "conjoint", "personne"] {
        v.extend(CHAMPS_PERSONNE.iter().map(|d| format!("{qui}.{}", d.nom)));
    }
    v.extend(CHAMPS_ENFANT.iter().map(|d| format!("enfant.{}", d.nom)));
    v
}

/// A situation flattened into slots, ready for evaluation.
#[derive(Debug, Clone)]
pub struct Faits {
    /// One value per slot; unknown fields hold `Inconnu` naming themselves
    /// (or, for derived fields, the fields they come from).
    pub valeurs: [Valeur; NOMBRE_CHAMPS],
    /// Whether the household is a couple.
    pub couple: Valeur,
    /// Number of children, when known.
    pub nombre_enfants: Result<usize, Manquants>,
    /// Fields that were unknown and took the value of a declared hypothesis.
    pub hypotheses: Manquants,
}

/// The value of a slot the situation does not give: unknown, naming the
/// slot; a number is moreover at least 0 (money, ages, rates and counts
/// are never negative).
pub const fn defaut(slot: usize) -> Valeur {
    match genre_du_slot(slot) {
        Genre::Nombre => Valeur::Borne(Manquants::un(slot), Some(Decimal::ZERO), None),
        _ => Valeur::Inconnu(Manquants::un(slot)),
    }
}

/// Writes what a situation says into the facts' slots (a field it
/// leaves out keeps its default).
struct Remplissage<'a>(&'a mut Faits);

impl Remplissage<'_> {
    fn poser(&mut self, slot: usize, v: Option<Valeur>) {
        if let Some(v) = v {
            self.0.valeurs[slot] = v;
        }
    }

    fn nombre(&mut self, slot: usize, v: Option<Decimal>) {
        self.poser(slot, v.map(Valeur::Nombre));
    }

    fn booleen(&mut self, slot: usize, v: Option<bool>) {
        self.poser(slot, v.map(Valeur::Booleen));
    }

    fn texte(&mut self, slot: usize, v: Option<&'static str>) {
        self.poser(slot, v.map(Valeur::Texte));
    }

    fn personne(&mut self, p: &Personne, qui: usize) {
        let s = |i| slot_personne(qui, i);
        self.nombre(s(0), p.age);
        self.texte(s(1), p.activite.map(|a| a.texte()));
        self.nombre(s(2), p.salaire_net);
        self.nombre(s(3), p.chomage_net);
        self.nombre(s(4), p.retraite_nette);
        self.nombre(s(5), p.pension_invalidite);
        self.booleen(s(6), p.handicap);
        self.nombre(s(7), p.taux_incapacite);
        self.texte(s(8), p.nationalite.map(|n| n.texte()));
        self.booleen(s(9), p.titre_sejour_5_ans);
        self.booleen(s(10), p.enceinte);
        self.booleen(s(11), p.boursier);
        self.booleen(s(12), p.travail_5_ans_sur_10);
        self.booleen(s(13), p.droit_au_sejour);
    }
}

/// Index of a household field by name; the names are constants of this
/// module, and callers evaluate it at compile time (`const { foyer(…) }`):
/// a name missing from [`CHAMPS_FOYER`] does not compile.
const fn foyer(nom: &str) -> usize {
    let mut i = 0;
    while i < CHAMPS_FOYER.len() {
        let (a, b) = (CHAMPS_FOYER[i].nom.as_bytes(), nom.as_bytes());
        if a.len() == b.len() {
            let mut j = 0;
            while j < a.len() && a[j] == b[j] {
                j += 1;
            }
            if j == a.len() {
                return i;
            }
        }
        i += 1;
    }
    panic!("champ du foyer déclaré dans CHAMPS_FOYER")
}

/// Slot of `couple`, which says whether `conjoint.x` and the second adult
/// exist.
pub const SLOT_COUPLE: usize = foyer("couple");

/// Slot of `nombre_enfants`, which says how many children a collection
/// goes through.
pub const SLOT_NOMBRE_ENFANTS: usize = foyer("nombre_enfants");

impl Faits {
    /// Flattens a situation. `hypotheses` gives, for some slots, the value to
    /// assume when the situation does not say (declared in `rules/_commun.toml`).
    pub fn depuis(s: &Situation, hypotheses: &[(usize, Valeur)]) -> Faits {
        let couple = match s.couple() {
            Some(b) => Valeur::Booleen(b),
            None => Valeur::inconnu(const { foyer("couple") }),
        };
        let nombre_enfants = match s.nombre_enfants() {
            Some(n) => Ok(n.min(MAX_ENFANTS)),
            None => Err(Manquants::un(const { foyer("nombre_enfants") })),
        };
        let mut faits = Faits {
            valeurs: std::array::from_fn(defaut),
            couple,
            nombre_enfants,
            hypotheses: Manquants::VIDE,
        };
        let mut r = Remplissage(&mut faits);
        r.booleen(const { foyer("couple") }, s.couple());
        if let Ok(n) = nombre_enfants {
            r.nombre(const { foyer("nombre_enfants") }, Some(Decimal::from(n)));
        }
        if let Some(l) = &s.logement {
            r.texte(
                const { foyer("logement.statut") },
                l.statut.map(|x| x.texte()),
            );
            r.nombre(const { foyer("logement.loyer") }, l.loyer);
            r.booleen(const { foyer("logement.colocation") }, l.colocation);
        }
        let l = s.logement.as_ref();
        let (zone, outre_mer) = zone_et_outre_mer(
            l.and_then(|l| l.commune.as_deref()),
            l.and_then(|l| l.code_postal.as_deref()),
        );
        r.poser(const { foyer("logement.zone") }, Some(zone));
        r.poser(const { foyer("logement.outre_mer") }, Some(outre_mer));
        if let Some(f) = &s.foyer {
            r.nombre(
                const { foyer("foyer.pension_alimentaire_recue") },
                f.pension_alimentaire_recue,
            );
            r.nombre(const { foyer("foyer.epargne") }, f.epargne);
            r.nombre(const { foyer("foyer.autres_revenus") }, f.autres_revenus);
            r.nombre(
                const { foyer("foyer.revenu_fiscal_reference") },
                f.revenu_fiscal_reference,
            );
        }
        if let Some(p) = &s.demandeur {
            r.personne(p, 0);
        }
        if let Conjoint::Present(p) = &s.conjoint {
            r.personne(p, 1);
        }
        if let Some(enfants) = &s.enfants {
            for (e, enfant) in enfants.iter().enumerate().take(MAX_ENFANTS) {
                let sl = |i| slot_enfant(e, i);
                r.nombre(sl(0), enfant.age);
                r.booleen(sl(1), enfant.handicap);
                r.nombre(sl(2), enfant.taux_incapacite);
                r.texte(sl(3), enfant.scolarite.map(|x| x.texte()));
                r.booleen(sl(4), enfant.garde_alternee);
            }
        }
        let mut utilisees = Manquants::VIDE;
        let conjoint_present = couple == Valeur::Booleen(true);
        let enfants_connus = *nombre_enfants.as_ref().unwrap_or(&0);
        for &(slot, hyp) in hypotheses {
            // A hypothesis about a partner or a child only makes sense when
            // that person exists; otherwise it would be cited for nothing.
            let personne = (NF..NF + 2 * NP).contains(&slot).then(|| (slot - NF) / NP);
            if personne == Some(1) && !conjoint_present {
                continue;
            }
            if slot >= NF + 2 * NP && (slot - NF - 2 * NP) / NE >= enfants_connus {
                continue;
            }
            let v = r.0.valeurs[slot];
            // Only a field unknown for itself takes the hypothesis; a derived
            // field unknown because of another field stays unknown.
            if !v.est_connue() && v.manquants().contient(slot) {
                r.poser(slot, Some(hyp));
                utilisees.ajouter(slot);
            }
        }
        faits.hypotheses = utilisees;
        faits
    }
}

/// The housing-aid zone and the overseas flag, from the commune if known,
/// else from the postal code when all its communes agree.
fn zone_et_outre_mer(commune: Option<&str>, code_postal: Option<&str>) -> (Valeur, Valeur) {
    let slot_commune = const { foyer("logement.commune") };
    let slot_cp = const { foyer("logement.code_postal") };
    if let Some(c) = commune.and_then(geo::commune) {
        return (
            Valeur::Nombre(Decimal::from(c.zone.numero())),
            Valeur::Booleen(geo::est_outre_mer(c.departement)),
        );
    }
    let Some(cp) = code_postal else {
        // An unknown commune code is treated as unknown: asking for the postal
        // code is how the dialogue finds it.
        return (Valeur::inconnu(slot_cp), Valeur::inconnu(slot_cp));
    };
    let communes = geo::communes_du_code_postal(cp);
    if communes.is_empty() {
        return (Valeur::inconnu(slot_cp), Valeur::inconnu(slot_cp));
    }
    let zone = communes[0].zone.numero();
    let om = geo::est_outre_mer(communes[0].departement);
    let zone = if communes.iter().all(|c| c.zone.numero() == zone) {
        Valeur::Nombre(Decimal::from(zone))
    } else {
        Valeur::inconnu(slot_commune)
    };
    let om = if communes
        .iter()
        .all(|c| geo::est_outre_mer(c.departement) == om)
    {
        Valeur::Booleen(om)
    } else {
        Valeur::inconnu(slot_commune)
    };
    (zone, om)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_slot_has_a_path_that_maps_back_to_it() {
        for slot in 0..NOMBRE_CHAMPS {
            assert_eq!(
                slot_du_chemin(&chemin(slot)),
                Some(slot),
                "{}",
                chemin(slot)
            );
        }
    }

    #[test]
    fn unknown_fields_name_themselves() {
        let f = Faits::depuis(&Situation::default(), &[]);
        let age = slot_du_chemin("demandeur.age").unwrap();
        // An unknown number is known to be at least 0.
        assert_eq!(
            f.valeurs[age],
            Valeur::Borne(Manquants::un(age), Some(Decimal::ZERO), None)
        );
        let statut = slot_du_chemin("logement.statut").unwrap();
        assert_eq!(f.valeurs[statut], Valeur::inconnu(statut));
        assert!(f.nombre_enfants.is_err());
    }

    #[test]
    fn hypotheses_fill_only_unknown_fields() {
        let epargne = slot_du_chemin("foyer.epargne").unwrap();
        let s = Situation::from_json(r#"{"foyer": {"epargne": 5000}}"#).unwrap();
        let f = Faits::depuis(&s, &[(epargne, Valeur::Nombre(Decimal::ZERO))]);
        assert_eq!(f.valeurs[epargne], Valeur::Nombre(Decimal::from(5000)));
        assert!(!f.hypotheses.contient(epargne));
        let f = Faits::depuis(
            &Situation::default(),
            &[(epargne, Valeur::Nombre(Decimal::ZERO))],
        );
        assert_eq!(f.valeurs[epargne], Valeur::Nombre(Decimal::ZERO));
        assert!(f.hypotheses.contient(epargne));
    }
}

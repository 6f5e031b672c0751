//! Loading rule files: TOML → checked, compiled [`RuleSet`].
//!
//! Everything that can be wrong in a rule file is caught here, with
//! `file:line`: TOML syntax, unknown keys, formula syntax, unknown names (with
//! a "did you mean"), type errors (`age + couple`), text values that no field
//! can take (`'locatiare'`), parameters without a value for a date, cycles
//! between variables or between aids. `guichet check` prints these errors.
//!
//! Name resolution inside an aid's file, first match wins: the aid's own
//! variables, its parameters, the shared variables and parameters of
//! `_commun.toml`, then other aids (`rsa` is the RSA amount, `rsa.x` the RSA
//! file's variable `x`), then situation fields (`demandeur.age`).

use super::expr::{self, BinOp, Expr};
use super::faits::{self, Champ, Genre};
use super::fichier::{DefExplication, DefParametre, FichierAide, FichierCommun};
use super::valeur::{Manquants, Valeur};
use super::*;
use rust_decimal::Decimal;
use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::str::FromStr;
use toml::Spanned;

/// A rule file's name and text.
#[derive(Debug, Clone)]
pub struct Source {
    /// Path shown in errors (`rules/rsa.toml`).
    pub nom: String,
    /// Contents.
    pub texte: String,
}

/// A problem in a rule file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErreurChargement {
    /// File path.
    pub fichier: String,
    /// Line, from 1 (0 when the whole file is concerned).
    pub ligne: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ErreurChargement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ligne == 0 {
            write!(f, "{}: {}", self.fichier, self.message)
        } else {
            write!(f, "{}:{}: {}", self.fichier, self.ligne, self.message)
        }
    }
}

/// The static type of a formula.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Type {
    Nombre,
    Booleen,
    /// A word; the list of possible words when known.
    Texte(Option<&'static [&'static str]>),
}

impl Type {
    fn nom(self) -> &'static str {
        match self {
            Type::Nombre => "un nombre",
            Type::Booleen => "un booléen (vrai/faux)",
            Type::Texte(_) => "un texte",
        }
    }
}

/// Where a formula sits in a file, to turn an offset into a line.
#[derive(Debug, Clone, Copy)]
struct Lieu {
    fichier: usize,
    /// Byte offset of the formula's first character in the file.
    debut: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Portee {
    Commun,
    Aide(AideId),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Etat {
    AFaire,
    EnCours,
    Fait(Type),
}

struct DefVar {
    nom: String,
    portee: Portee,
    formule: String,
    lieu: Lieu,
}

/// What a formula reads, gathered while compiling it.
#[derive(Default, Clone)]
struct Dependances {
    aides: BTreeSet<AideId>,
    champs: Manquants,
    contextuelle: bool,
    /// Reads `enfant.x`: only meaningful inside an aggregation over children.
    enfant: bool,
    /// Reads `personne.x`: only meaningful inside an aggregation over adults.
    personne: bool,
}

impl Dependances {
    fn fusionner(&mut self, autre: &Dependances) {
        self.aides.extend(autre.aides.iter().copied());
        self.champs = self.champs.union(autre.champs);
        self.contextuelle |= autre.contextuelle;
        self.enfant |= autre.enfant;
        self.personne |= autre.personne;
    }
}

struct Compilateur<'a> {
    sources: &'a [Source],
    aides_ids: HashMap<String, AideId>,
    defs: Vec<DefVar>,
    vars_index: HashMap<(Portee, String), VarId>,
    etats: Vec<Etat>,
    noeuds: Vec<Option<Noeud>>,
    deps_vars: Vec<Dependances>,
    params: Vec<Parametre>,
    params_index: HashMap<(Portee, String), ParamId>,
    sorties_index: HashMap<(AideId, String), usize>,
    erreurs: Vec<ErreurChargement>,
    /// How deep we are in variable definitions: a variable may read `enfant.x`
    /// or `personne.x`, as long as it is used inside the matching aggregation.
    dans_variable: usize,
}

fn ligne_de(texte: &str, offset: usize) -> usize {
    texte[..offset.min(texte.len())]
        .bytes()
        .filter(|b| *b == b'\n')
        .count()
        + 1
}

/// Offset of a TOML string's content, past its opening quotes (and the
/// newline that directly follows triple quotes, which TOML drops).
/// Where the value of key `cle` starts in the inline table at `span`
/// (`{ si = "…", texte = "…" }`), past its opening quote; the table's
/// start when the key is not found.
fn debut_valeur_de_cle(texte: &str, span: std::ops::Range<usize>, cle: &str) -> usize {
    let fin = span.end.min(texte.len());
    let debut = span.start.min(fin);
    let table = &texte[debut..fin];
    let mut depuis = 0;
    while let Some(i) = table[depuis..].find(cle) {
        let i = depuis + i;
        let avant = table[..i].chars().next_back();
        let apres = table[i + cle.len()..].trim_start();
        if !avant.is_some_and(|c| c.is_alphanumeric() || c == '_') && apres.starts_with('=') {
            let valeur = apres[1..].trim_start();
            return debut_contenu(texte, fin - valeur.len());
        }
        depuis = i + cle.len();
    }
    debut
}

fn debut_contenu(texte: &str, span_debut: usize) -> usize {
    let rest = &texte[span_debut.min(texte.len())..];
    let mut n = if rest.starts_with("'''") || rest.starts_with("\"\"\"") {
        3
    } else if rest.starts_with('\'') || rest.starts_with('"') {
        1
    } else {
        0
    };
    if n == 3 {
        if rest[n..].starts_with("\r\n") {
            n += 2;
        } else if rest[n..].starts_with('\n') {
            n += 1;
        }
    }
    span_debut + n
}

fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cout = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cout);
        }
        prev = cur;
    }
    prev[b.len()]
}

fn suggestion<'b>(nom: &str, candidats: impl Iterator<Item = &'b str>) -> String {
    let mut meilleur: Option<(usize, &str)> = None;
    for c in candidats {
        let d = distance(nom, c);
        if d <= 2.max(nom.len() / 4) && meilleur.is_none_or(|(m, _)| d < m) {
            meilleur = Some((d, c));
        }
    }
    match meilleur {
        Some((_, c)) => format!(" (vouliez-vous dire « {c} » ?)"),
        None => String::new(),
    }
}

/// Reads a decimal from a TOML value.
fn decimal_toml(v: &toml::Value) -> Option<Decimal> {
    match v {
        toml::Value::Integer(i) => Some(Decimal::from(*i)),
        toml::Value::Float(f) => {
            let s = f.to_string();
            Decimal::from_str(&s)
                .ok()
                .or_else(|| Decimal::from_scientific(&s).ok())
        }
        toml::Value::String(s) => Decimal::from_str(s.trim()).ok(),
        _ => None,
    }
}

/// Reads a date (TOML date or text `AAAA-MM-JJ`) as `YYYYMMDD`.
fn date_toml(v: &toml::Value) -> Option<u32> {
    let texte = match v {
        toml::Value::Datetime(d) => d.to_string(),
        toml::Value::String(s) => s.clone(),
        _ => return None,
    };
    let parts: Vec<&str> = texte.trim().split('-').collect();
    if parts.len() != 3 || parts[0].len() != 4 || parts[1].len() != 2 || parts[2].len() != 2 {
        return None;
    }
    let a: u32 = parts[0].parse().ok()?;
    let m: u32 = parts[1].parse().ok()?;
    let j: u32 = parts[2].parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&j) {
        return None;
    }
    Some(a * 10000 + m * 100 + j)
}

fn valeur_parametre(v: &toml::Value) -> Result<ValeurParametre, String> {
    if let Some(d) = decimal_toml(v) {
        return Ok(ValeurParametre::Nombre(d));
    }
    match v {
        toml::Value::Table(t) => {
            let mut table = Vec::new();
            for (k, x) in t {
                let d = decimal_toml(x)
                    .ok_or_else(|| format!("la valeur de « {k} » doit être un nombre"))?;
                table.push(CaseTable {
                    cle: k.clone(),
                    cle_nombre: Decimal::from_str(k.trim()).ok(),
                    valeur: d,
                });
            }
            Ok(ValeurParametre::Table(table))
        }
        toml::Value::Array(a) => {
            let mut tranches = Vec::new();
            for (i, x) in a.iter().enumerate() {
                let toml::Value::Table(t) = x else {
                    return Err(format!(
                        "la tranche {} doit être une table {{ jusqu_a, taux ou montant }}",
                        i + 1
                    ));
                };
                for k in t.keys() {
                    if !["jusqu_a", "taux", "montant"].contains(&k.as_str()) {
                        return Err(format!(
                            "tranche {} : clé « {k} » inconnue (jusqu_a, taux, montant)",
                            i + 1
                        ));
                    }
                }
                let lire = |k: &str| -> Result<Option<Decimal>, String> {
                    match t.get(k) {
                        None => Ok(None),
                        Some(x) => decimal_toml(x).map(Some).ok_or_else(|| {
                            format!("tranche {} : « {k} » doit être un nombre", i + 1)
                        }),
                    }
                };
                let tranche = Tranche {
                    jusqu_a: lire("jusqu_a")?,
                    taux: lire("taux")?,
                    montant: lire("montant")?,
                };
                if tranche.taux.is_none() && tranche.montant.is_none() {
                    return Err(format!(
                        "tranche {} : « taux » ou « montant » attendu",
                        i + 1
                    ));
                }
                if tranche.jusqu_a.is_none() && i + 1 != a.len() {
                    return Err(format!(
                        "tranche {} : seule la dernière tranche peut omettre « jusqu_a »",
                        i + 1
                    ));
                }
                if let (Some(prev), Some(cur)) = (
                    tranches.last().and_then(|t: &Tranche| t.jusqu_a),
                    tranche.jusqu_a,
                ) {
                    if cur <= prev {
                        return Err(format!("tranche {} : les bornes doivent croître", i + 1));
                    }
                }
                tranches.push(tranche);
            }
            if tranches.is_empty() {
                return Err("barème sans tranche".into());
            }
            Ok(ValeurParametre::Bareme(tranches))
        }
        _ => {
            Err("valeur attendue : un nombre, une table de nombres ou une liste de tranches".into())
        }
    }
}

fn type_de_genre(g: Genre) -> Type {
    match g {
        Genre::Nombre => Type::Nombre,
        Genre::Booleen => Type::Booleen,
        Genre::Texte(l) => Type::Texte(Some(l)),
        Genre::Code => Type::Texte(None),
    }
}

/// Every word a field can take, to give text literals a `'static` home.
fn mot_statique(mot: &str) -> Option<&'static str> {
    let listes: [&'static [&'static str]; 4] = [
        crate::situation::Activite::VALEURS,
        crate::situation::Nationalite::VALEURS,
        crate::situation::StatutLogement::VALEURS,
        crate::situation::Scolarite::VALEURS,
    ];
    listes
        .iter()
        .flat_map(|l| l.iter())
        .find(|m| **m == mot)
        .copied()
}

const FONCTIONS: &[&str] = &[
    "min",
    "max",
    "arrondi",
    "arrondi_inferieur",
    "arrondi_superieur",
    "bareme",
    "grille",
    "somme",
    "nombre",
    "existe",
    "tous",
    "eligible",
    "au_1er_janvier",
    "au_mois",
    "ou_a_defaut",
];

impl<'a> Compilateur<'a> {
    fn erreur(&mut self, fichier: usize, offset: usize, message: impl Into<String>) {
        let src = &self.sources[fichier];
        self.erreurs.push(ErreurChargement {
            fichier: src.nom.clone(),
            ligne: ligne_de(&src.texte, offset),
            message: message.into(),
        });
    }

    fn lieu<T>(&self, fichier: usize, s: &Spanned<T>) -> Lieu {
        Lieu {
            fichier,
            debut: debut_contenu(&self.sources[fichier].texte, s.span().start),
        }
    }

    fn declarer_parametres(
        &mut self,
        fichier: usize,
        portee: Portee,
        prefixe: &str,
        defs: &std::collections::BTreeMap<String, Spanned<DefParametre>>,
    ) {
        for (nom, def) in defs {
            let debut = def.span().start;
            let mut valeurs: Vec<(u32, ValeurParametre, Option<String>)> = Vec::new();
            let d: &DefParametre = def.get_ref();
            if d.valeurs.is_empty() {
                self.erreur(
                    fichier,
                    debut,
                    format!("paramètre « {nom} » sans aucune valeur"),
                );
            }
            for v in &d.valeurs {
                let off = v.span().start;
                let vd = v.get_ref();
                let Some(date) = date_toml(&vd.depuis) else {
                    self.erreur(
                        fichier,
                        off,
                        format!("paramètre « {nom} » : « depuis » doit être une date AAAA-MM-JJ"),
                    );
                    continue;
                };
                match valeur_parametre(&vd.valeur) {
                    Ok(val) => {
                        if let Some((prec, _, _)) = valeurs.last() {
                            if *prec >= date {
                                self.erreur(
                                    fichier,
                                    off,
                                    format!(
                                        "paramètre « {nom} » : les valeurs doivent être rangées de la plus ancienne à la plus récente"
                                    ),
                                );
                            }
                        }
                        let source = vd.source.clone();
                        valeurs.push((date, val, source));
                    }
                    Err(m) => self.erreur(fichier, off, format!("paramètre « {nom} » : {m}")),
                }
            }
            let genres: BTreeSet<u8> = valeurs
                .iter()
                .map(|(_, v, _)| match v {
                    ValeurParametre::Nombre(_) => 0,
                    ValeurParametre::Table(_) => 1,
                    ValeurParametre::Bareme(_) => 2,
                })
                .collect();
            if genres.len() > 1 {
                self.erreur(
                    fichier,
                    debut,
                    format!("paramètre « {nom} » : toutes ses valeurs doivent être de même forme"),
                );
            }
            let id = self.params.len();
            self.params.push(Parametre {
                nom: format!("{prefixe}{nom}"),
                libelle: d.libelle.clone(),
                valeurs,
            });
            self.params_index.insert((portee, nom.clone()), id);
        }
    }

    fn declarer_variables(
        &mut self,
        fichier: usize,
        portee: Portee,
        prefixe: &str,
        defs: &std::collections::BTreeMap<String, Spanned<String>>,
    ) {
        for (nom, formule) in defs {
            let lieu = self.lieu(fichier, formule);
            if self.params_index.contains_key(&(portee, nom.clone())) {
                self.erreur(
                    fichier,
                    lieu.debut,
                    format!("« {nom} » est à la fois un paramètre et une variable"),
                );
            }
            if FONCTIONS.contains(&nom.as_str()) || nom == "enfants" || nom == "adultes" {
                self.erreur(fichier, lieu.debut, format!("« {nom} » est un mot réservé"));
            }
            let id = self.defs.len();
            self.defs.push(DefVar {
                nom: format!("{prefixe}{nom}"),
                portee,
                formule: formule.get_ref().clone(),
                lieu,
            });
            self.vars_index.insert((portee, nom.clone()), id);
        }
    }

    /// Compiles a variable on first use; detects cycles.
    fn variable(&mut self, id: VarId, lieu_appel: Lieu, offset: usize) -> Option<Type> {
        match self.etats[id] {
            Etat::Fait(t) => return Some(t),
            Etat::EnCours => {
                let nom = self.defs[id].nom.clone();
                self.erreur(
                    lieu_appel.fichier,
                    lieu_appel.debut + offset,
                    format!("cycle : la variable « {nom} » dépend d'elle-même"),
                );
                return None;
            }
            Etat::AFaire => {}
        }
        self.etats[id] = Etat::EnCours;
        let (formule, lieu, portee) = {
            let d = &self.defs[id];
            (d.formule.clone(), d.lieu, d.portee)
        };
        let mut deps = Dependances::default();
        self.dans_variable += 1;
        let r = self.formule(&formule, lieu, portee, None, &mut deps);
        self.dans_variable -= 1;
        match r {
            Some((noeud, t)) => {
                self.noeuds[id] = Some(noeud);
                self.deps_vars[id] = deps;
                self.etats[id] = Etat::Fait(t);
                Some(t)
            }
            None => {
                // Mark as done with a dummy type so one error is reported once.
                self.noeuds[id] = Some(Noeud::Const(Valeur::Nombre(Decimal::ZERO)));
                self.etats[id] = Etat::Fait(Type::Nombre);
                None
            }
        }
    }

    fn formule(
        &mut self,
        texte: &str,
        lieu: Lieu,
        portee: Portee,
        collection: Option<Collection>,
        deps: &mut Dependances,
    ) -> Option<(Noeud, Type)> {
        match expr::parse(texte) {
            Ok(e) => self.expr(&e, lieu, portee, collection, deps),
            Err(err) => {
                self.erreur(lieu.fichier, lieu.debut + err.offset, err.message);
                None
            }
        }
    }

    fn attendre(
        &mut self,
        t: Type,
        attendu: Type,
        lieu: Lieu,
        offset: usize,
        quoi: &str,
    ) -> Option<()> {
        let ok = match (t, attendu) {
            (Type::Texte(_), Type::Texte(_)) => true,
            (a, b) => a == b,
        };
        if ok {
            Some(())
        } else {
            self.erreur(
                lieu.fichier,
                lieu.debut + offset,
                format!("{quoi} : {} attendu, mais c'est {}", attendu.nom(), t.nom()),
            );
            None
        }
    }

    fn nombre(
        &mut self,
        e: &Expr,
        lieu: Lieu,
        portee: Portee,
        coll: Option<Collection>,
        deps: &mut Dependances,
        quoi: &str,
    ) -> Option<Noeud> {
        let (n, t) = self.expr(e, lieu, portee, coll, deps)?;
        self.attendre(t, Type::Nombre, lieu, offset_de(e), quoi)?;
        Some(n)
    }

    fn booleen(
        &mut self,
        e: &Expr,
        lieu: Lieu,
        portee: Portee,
        coll: Option<Collection>,
        deps: &mut Dependances,
        quoi: &str,
    ) -> Option<Noeud> {
        let (n, t) = self.expr(e, lieu, portee, coll, deps)?;
        self.attendre(t, Type::Booleen, lieu, offset_de(e), quoi)?;
        Some(n)
    }

    fn parametre(&self, portee: Portee, nom: &str) -> Option<ParamId> {
        self.params_index
            .get(&(portee, nom.to_string()))
            .or_else(|| self.params_index.get(&(Portee::Commun, nom.to_string())))
            .copied()
    }

    fn expr(
        &mut self,
        e: &Expr,
        lieu: Lieu,
        portee: Portee,
        coll: Option<Collection>,
        deps: &mut Dependances,
    ) -> Option<(Noeud, Type)> {
        match e {
            Expr::Nombre(d) => Some((Noeud::Const(Valeur::Nombre(*d)), Type::Nombre)),
            Expr::Booleen(b) => Some((Noeud::Const(Valeur::Booleen(*b)), Type::Booleen)),
            Expr::Texte(s, off) => match mot_statique(s) {
                Some(m) => Some((Noeud::Const(Valeur::Texte(m)), Type::Texte(None))),
                None => {
                    self.erreur(
                        lieu.fichier,
                        lieu.debut + off,
                        format!("« '{s}' » n'est une valeur possible d'aucun champ"),
                    );
                    None
                }
            },
            Expr::Nom(nom, off) => self.nom(nom, *off, lieu, portee, coll, deps),
            Expr::Index(nom, cle, off) => {
                let p = self.parametre_de_forme(
                    nom,
                    *off,
                    lieu,
                    portee,
                    |v| matches!(v, ValeurParametre::Table(_)),
                    "une table (lue avec « nom[clé] »)",
                )?;
                let (k, _) = self.expr(cle, lieu, portee, coll, deps)?;
                Some((Noeud::ParamIndex(p, Box::new(k)), Type::Nombre))
            }
            Expr::Appel(nom, args, off) => self.appel(nom, args, *off, lieu, portee, coll, deps),
            Expr::Neg(x) => {
                let n = self.nombre(x, lieu, portee, coll, deps, "« - »")?;
                Some((Noeud::Neg(Box::new(n)), Type::Nombre))
            }
            Expr::Non(x) => {
                let n = self.booleen(x, lieu, portee, coll, deps, "« non »")?;
                Some((Noeud::Non(Box::new(n)), Type::Booleen))
            }
            Expr::Bin(op, a, b) => {
                let (na, ta) = self.expr(a, lieu, portee, coll, deps)?;
                let (nb, tb) = self.expr(b, lieu, portee, coll, deps)?;
                let quoi = format!("« {} »", op.symbole());
                match op {
                    BinOp::Eq | BinOp::Ne => {
                        if let (Type::Texte(_), Type::Texte(_)) = (ta, tb) {
                            self.verifier_mot(&na, tb, lieu, offset_de(a))?;
                            self.verifier_mot(&nb, ta, lieu, offset_de(b))?;
                        } else if ta != tb {
                            self.erreur(
                                lieu.fichier,
                                lieu.debut + offset_de(b),
                                format!("{quoi} compare {} et {}", ta.nom(), tb.nom()),
                            );
                            return None;
                        }
                    }
                    _ => {
                        self.attendre(ta, Type::Nombre, lieu, offset_de(a), &quoi)?;
                        self.attendre(tb, Type::Nombre, lieu, offset_de(b), &quoi)?;
                    }
                }
                let t = if op.est_comparaison() {
                    Type::Booleen
                } else {
                    Type::Nombre
                };
                Some((Noeud::Bin(*op, Box::new(na), Box::new(nb)), t))
            }
            Expr::Et(items) | Expr::Ou(items) => {
                let mut noeuds = Vec::new();
                let quoi = if matches!(e, Expr::Et(_)) {
                    "« et »"
                } else {
                    "« ou »"
                };
                for x in items {
                    noeuds.push(self.booleen(x, lieu, portee, coll, deps, quoi)?);
                }
                Some((
                    if matches!(e, Expr::Et(_)) {
                        Noeud::Et(noeuds)
                    } else {
                        Noeud::Ou(noeuds)
                    },
                    Type::Booleen,
                ))
            }
            Expr::Si(c, a, b) => {
                let nc = self.booleen(c, lieu, portee, coll, deps, "« si »")?;
                let (na, ta) = self.expr(a, lieu, portee, coll, deps)?;
                let (nb, tb) = self.expr(b, lieu, portee, coll, deps)?;
                let meme = matches!((ta, tb), (Type::Texte(_), Type::Texte(_))) || ta == tb;
                if !meme {
                    self.erreur(
                        lieu.fichier,
                        lieu.debut + offset_de(b),
                        format!(
                            "« alors » donne {} mais « sinon » donne {}",
                            ta.nom(),
                            tb.nom()
                        ),
                    );
                    return None;
                }
                Some((Noeud::Si(Box::new(nc), Box::new(na), Box::new(nb)), ta))
            }
        }
    }

    /// A variable that reads `enfant.x` (or `personne.x`) must be used inside
    /// an aggregation over children (or adults), or inside another variable.
    fn verifier_contexte(
        &mut self,
        d: &Dependances,
        coll: Option<Collection>,
        nom: &str,
        lieu: Lieu,
        off: usize,
    ) -> Option<()> {
        if self.dans_variable > 0 {
            return Some(());
        }
        let (manque, collection) = if d.enfant && coll != Some(Collection::Enfants) {
            (true, "enfants")
        } else if d.personne && coll != Some(Collection::Adultes) {
            (true, "adultes")
        } else {
            (false, "")
        };
        if manque {
            self.erreur(
                lieu.fichier,
                lieu.debut + off,
                format!("la variable « {nom} » lit un élément de « {collection} » : utilisez-la dans somme({collection}, …), nombre({collection}, …)…"),
            );
            return None;
        }
        Some(())
    }

    /// A function argument that must name a parameter of a given form.
    fn argument_parametre(
        &mut self,
        fonction: &str,
        arg: &Expr,
        lieu: Lieu,
        portee: Portee,
        forme: impl Fn(&ValeurParametre) -> bool,
        forme_attendue: &str,
    ) -> Option<ParamId> {
        let Expr::Nom(pnom, poff) = arg else {
            self.erreur(
                lieu.fichier,
                lieu.debut + offset_de(arg),
                format!("« {fonction} » : le premier argument est le nom d'un paramètre"),
            );
            return None;
        };
        self.parametre_de_forme(pnom, *poff, lieu, portee, forme, forme_attendue)
    }

    /// A parameter named in a formula, which must have a given form (number,
    /// table or scale).
    fn parametre_de_forme(
        &mut self,
        pnom: &str,
        poff: usize,
        lieu: Lieu,
        portee: Portee,
        forme: impl Fn(&ValeurParametre) -> bool,
        forme_attendue: &str,
    ) -> Option<ParamId> {
        let Some(p) = self.parametre(portee, pnom) else {
            self.erreur(
                lieu.fichier,
                lieu.debut + poff,
                format!("« {pnom} » n'est pas un paramètre"),
            );
            return None;
        };
        if !self.params[p]
            .valeurs
            .first()
            .is_some_and(|(_, v, _)| forme(v))
        {
            self.erreur(
                lieu.fichier,
                lieu.debut + poff,
                format!("« {pnom} » n'est pas {forme_attendue}"),
            );
            return None;
        }
        Some(p)
    }

    /// Checks a text literal against the words the other side can take.
    fn verifier_mot(&mut self, n: &Noeud, autre: Type, lieu: Lieu, offset: usize) -> Option<()> {
        if let (Noeud::Const(Valeur::Texte(m)), Type::Texte(Some(liste))) = (n, autre) {
            if !liste.contains(m) {
                self.erreur(
                    lieu.fichier,
                    lieu.debut + offset,
                    format!(
                        "« '{m}' » n'est pas une valeur possible ici ; valeurs possibles : {}",
                        liste.join(", ")
                    ),
                );
                return None;
            }
        }
        Some(())
    }

    #[allow(clippy::too_many_arguments)]
    fn nom(
        &mut self,
        nom: &str,
        off: usize,
        lieu: Lieu,
        portee: Portee,
        coll: Option<Collection>,
        deps: &mut Dependances,
    ) -> Option<(Noeud, Type)> {
        // 1. Variables and parameters, local then shared.
        for p in [portee, Portee::Commun] {
            if let Some(&v) = self.vars_index.get(&(p, nom.to_string())) {
                let t = self.variable(v, lieu, off)?;
                let d = self.deps_vars[v].clone();
                deps.fusionner(&d);
                self.verifier_contexte(&d, coll, nom, lieu, off)?;
                let noeud = if d.contextuelle {
                    Noeud::VarContexte(v)
                } else {
                    Noeud::Var(v)
                };
                return Some((noeud, t));
            }
            if let Some(&id) = self.params_index.get(&(p, nom.to_string())) {
                if !matches!(
                    self.params[id].valeurs.first(),
                    Some((_, ValeurParametre::Nombre(_), _))
                ) {
                    self.erreur(
                        lieu.fichier,
                        lieu.debut + off,
                        format!(
                            "« {nom} » est une table ou un barème : utilisez « {nom}[clé] », « bareme({nom}, x) » ou « grille({nom}, x) »"
                        ),
                    );
                    return None;
                }
                return Some((Noeud::Param(id), Type::Nombre));
            }
        }
        // 2. Other aids: `rsa` (its amount) or `rsa.variable`.
        let (tete, queue) = match nom.split_once('.') {
            Some((t, q)) => (t, Some(q)),
            None => (nom, None),
        };
        if let Some(&aide) = self.aides_ids.get(tete) {
            if Portee::Aide(aide) == portee {
                self.erreur(
                    lieu.fichier,
                    lieu.debut + off,
                    format!("une aide ne peut pas lire son propre montant « {tete} »"),
                );
                return None;
            }
            return match queue {
                None => {
                    deps.aides.insert(aide);
                    Some((Noeud::MontantAide(aide), Type::Nombre))
                }
                Some(q) => {
                    if let Some(&s) = self.sorties_index.get(&(aide, q.to_string())) {
                        deps.aides.insert(aide);
                        return Some((Noeud::SortieAide(aide, s), Type::Nombre));
                    }
                    if let Some(&v) = self.vars_index.get(&(Portee::Aide(aide), q.to_string())) {
                        let t = self.variable(v, lieu, off)?;
                        let d = self.deps_vars[v].clone();
                        // Reading another aid's variable does not require that aid
                        // to be evaluated first, only what the variable reads.
                        deps.fusionner(&d);
                        self.verifier_contexte(&d, coll, nom, lieu, off)?;
                        let noeud = if d.contextuelle {
                            Noeud::VarContexte(v)
                        } else {
                            Noeud::Var(v)
                        };
                        return Some((noeud, t));
                    }
                    if let Some(&id) = self.params_index.get(&(Portee::Aide(aide), q.to_string())) {
                        return Some((Noeud::Param(id), Type::Nombre));
                    }
                    self.erreur(
                        lieu.fichier,
                        lieu.debut + off,
                        format!(
                            "l'aide « {tete} » n'a ni variable, ni paramètre, ni sortie « {q} »"
                        ),
                    );
                    None
                }
            };
        }
        if nom == "annee" {
            return Some((Noeud::Annee, Type::Nombre));
        }
        // 3. Situation fields.
        if let Some((champ, genre)) = faits::resoudre(nom) {
            if genre == Genre::Code {
                self.erreur(
                    lieu.fichier,
                    lieu.debut + off,
                    format!("« {nom} » ne se lit pas dans une formule : utilisez logement.zone ou logement.outre_mer"),
                );
                return None;
            }
            match champ {
                Champ::EnfantCourant(i) => {
                    if coll != Some(Collection::Enfants) && self.dans_variable == 0 {
                        self.erreur(
                            lieu.fichier,
                            lieu.debut + off,
                            format!("« {nom} » ne se lit qu'à l'intérieur de somme(enfants, …), nombre(enfants, …)…"),
                        );
                        return None;
                    }
                    deps.contextuelle = true;
                    deps.enfant = true;
                    for e in 0..crate::situation::MAX_ENFANTS {
                        deps.champs.ajouter(faits::slot_enfant(e, i));
                    }
                }
                Champ::PersonneCourante(i) => {
                    if coll != Some(Collection::Adultes) && self.dans_variable == 0 {
                        self.erreur(
                            lieu.fichier,
                            lieu.debut + off,
                            format!("« {nom} » ne se lit qu'à l'intérieur de somme(adultes, …), nombre(adultes, …)…"),
                        );
                        return None;
                    }
                    deps.contextuelle = true;
                    deps.personne = true;
                    deps.champs.ajouter(faits::slot_personne(0, i));
                    deps.champs.ajouter(faits::slot_personne(1, i));
                }
                Champ::Conjoint(i) => deps.champs.ajouter(faits::slot_personne(1, i)),
                Champ::Fixe(s) => deps.champs.ajouter(s),
            }
            return Some((Noeud::Champ(champ), type_de_genre(genre)));
        }
        let mut candidats: Vec<String> = faits::noms_possibles();
        candidats.extend(
            self.vars_index
                .keys()
                .chain(self.params_index.keys())
                .filter(|(p, _)| *p == portee || *p == Portee::Commun)
                .map(|(_, n)| n.clone()),
        );
        candidats.extend(self.aides_ids.keys().cloned());
        let aide = suggestion(nom, candidats.iter().map(|s| s.as_str()));
        self.erreur(
            lieu.fichier,
            lieu.debut + off,
            format!("nom inconnu « {nom} »{aide}"),
        );
        None
    }

    #[allow(clippy::too_many_arguments)]
    fn appel(
        &mut self,
        nom: &str,
        args: &[Expr],
        off: usize,
        lieu: Lieu,
        portee: Portee,
        coll: Option<Collection>,
        deps: &mut Dependances,
    ) -> Option<(Noeud, Type)> {
        let arite = |c: &mut Self, n: usize| -> Option<()> {
            if args.len() == n {
                Some(())
            } else {
                c.erreur(
                    lieu.fichier,
                    lieu.debut + off,
                    format!("« {nom} » prend {n} argument(s), {} donné(s)", args.len()),
                );
                None
            }
        };
        match nom {
            "min" | "max" => {
                if args.len() < 2 {
                    self.erreur(
                        lieu.fichier,
                        lieu.debut + off,
                        format!("« {nom} » prend au moins 2 arguments"),
                    );
                    return None;
                }
                let mut v = Vec::new();
                for a in args {
                    v.push(self.nombre(a, lieu, portee, coll, deps, nom)?);
                }
                Some((
                    if nom == "min" {
                        Noeud::Min(v)
                    } else {
                        Noeud::Max(v)
                    },
                    Type::Nombre,
                ))
            }
            "arrondi" | "arrondi_inferieur" | "arrondi_superieur" => {
                arite(self, 2)?;
                let x = self.nombre(&args[0], lieu, portee, coll, deps, nom)?;
                let Some(decimales) = entier_litteral(&args[1]) else {
                    self.erreur(
                        lieu.fichier,
                        lieu.debut + offset_de(&args[1]),
                        format!("« {nom} » : le nombre de décimales doit être un entier écrit en chiffres (0, 2, -2…)"),
                    );
                    return None;
                };
                if !(-6..=10).contains(&decimales) {
                    self.erreur(
                        lieu.fichier,
                        lieu.debut + offset_de(&args[1]),
                        "nombre de décimales hors de -6..10",
                    );
                    return None;
                }
                let mode = match nom {
                    "arrondi" => Arrondi::PlusProche,
                    "arrondi_inferieur" => Arrondi::Inferieur,
                    _ => Arrondi::Superieur,
                };
                Some((Noeud::Arrondi(mode, Box::new(x), decimales), Type::Nombre))
            }
            "bareme" | "grille" => {
                arite(self, 2)?;
                let p = self.argument_parametre(
                    nom,
                    &args[0],
                    lieu,
                    portee,
                    |v| matches!(v, ValeurParametre::Bareme(_)),
                    "un barème (liste de tranches)",
                )?;
                let x = self.nombre(&args[1], lieu, portee, coll, deps, nom)?;
                Some((
                    if nom == "bareme" {
                        Noeud::Bareme(p, Box::new(x))
                    } else {
                        Noeud::Grille(p, Box::new(x))
                    },
                    Type::Nombre,
                ))
            }
            "somme" | "nombre" | "existe" | "tous" => {
                arite(self, 2)?;
                let c = match &args[0] {
                    Expr::Nom(n, _) if n == "enfants" => Collection::Enfants,
                    Expr::Nom(n, _) if n == "adultes" => Collection::Adultes,
                    other => {
                        self.erreur(
                            lieu.fichier,
                            lieu.debut + offset_de(other),
                            format!(
                                "« {nom} » : le premier argument est « enfants » ou « adultes »"
                            ),
                        );
                        return None;
                    }
                };
                if coll.is_some() {
                    self.erreur(
                        lieu.fichier,
                        lieu.debut + off,
                        "une agrégation ne peut pas en contenir une autre",
                    );
                    return None;
                }
                let mut d = Dependances::default();
                let (x, t) = self.expr(&args[1], lieu, portee, Some(c), &mut d)?;
                let attendu = if nom == "somme" {
                    Type::Nombre
                } else {
                    Type::Booleen
                };
                self.attendre(t, attendu, lieu, offset_de(&args[1]), nom)?;
                d.contextuelle = false;
                match c {
                    Collection::Enfants => d.enfant = false,
                    Collection::Adultes => d.personne = false,
                }
                match c {
                    Collection::Enfants => d.champs.ajouter(faits::slot_foyer(1)),
                    Collection::Adultes => d.champs.ajouter(faits::slot_foyer(0)),
                }
                deps.fusionner(&d);
                let ag = match nom {
                    "somme" => Agregat::Somme,
                    "nombre" => Agregat::Nombre,
                    "existe" => Agregat::Existe,
                    _ => Agregat::Tous,
                };
                let t = if ag == Agregat::Somme || ag == Agregat::Nombre {
                    Type::Nombre
                } else {
                    Type::Booleen
                };
                Some((Noeud::Agregat(ag, c, Box::new(x)), t))
            }
            "ou_a_defaut" => {
                arite(self, 2)?;
                let (a, ta) = self.expr(&args[0], lieu, portee, coll, deps)?;
                let (b, tb) = self.expr(&args[1], lieu, portee, coll, deps)?;
                if ta != tb && !matches!((ta, tb), (Type::Texte(_), Type::Texte(_))) {
                    self.erreur(
                        lieu.fichier,
                        lieu.debut + offset_de(&args[1]),
                        format!("« ou_a_defaut » : {} puis {}", ta.nom(), tb.nom()),
                    );
                    return None;
                }
                Some((Noeud::ADefaut(Box::new(a), Box::new(b)), ta))
            }
            "au_mois" => {
                arite(self, 2)?;
                let (x, t) = self.expr(&args[0], lieu, portee, coll, deps)?;
                let Some(decalage) = entier_litteral(&args[1]) else {
                    self.erreur(
                        lieu.fichier,
                        lieu.debut + offset_de(&args[1]),
                        "« au_mois » : le décalage en mois est un entier écrit en chiffres (-1, -2, -3…)",
                    );
                    return None;
                };
                Some((Noeud::AuMois(Box::new(x), decalage, Arc::from([])), t))
            }
            "au_1er_janvier" => {
                arite(self, 2)?;
                let p = self.argument_parametre(
                    nom,
                    &args[0],
                    lieu,
                    portee,
                    |v| matches!(v, ValeurParametre::Nombre(_)),
                    "un paramètre numérique",
                )?;
                let Some(decalage) = entier_litteral(&args[1]) else {
                    self.erreur(
                        lieu.fichier,
                        lieu.debut + offset_de(&args[1]),
                        "« au_1er_janvier » : le décalage en années est un entier écrit en chiffres (0, -1, -2…)",
                    );
                    return None;
                };
                Some((Noeud::ParamAnnee(p, decalage), Type::Nombre))
            }
            "eligible" => {
                arite(self, 1)?;
                let Expr::Nom(n, o) = &args[0] else {
                    self.erreur(
                        lieu.fichier,
                        lieu.debut + off,
                        "« eligible » prend l'identifiant d'une aide",
                    );
                    return None;
                };
                let Some(&aide) = self.aides_ids.get(n.as_str()) else {
                    let s = suggestion(n, self.aides_ids.keys().map(|k| k.as_str()));
                    self.erreur(
                        lieu.fichier,
                        lieu.debut + o,
                        format!("aide inconnue « {n} »{s}"),
                    );
                    return None;
                };
                if Portee::Aide(aide) == portee {
                    self.erreur(
                        lieu.fichier,
                        lieu.debut + o,
                        "une aide ne peut pas dépendre de sa propre éligibilité",
                    );
                    return None;
                }
                deps.aides.insert(aide);
                Some((Noeud::EligibleAide(aide), Type::Booleen))
            }
            _ => {
                let s = suggestion(nom, FONCTIONS.iter().copied());
                self.erreur(
                    lieu.fichier,
                    lieu.debut + off,
                    format!(
                        "fonction inconnue « {nom} »{s} ; fonctions : {}",
                        FONCTIONS.join(", ")
                    ),
                );
                None
            }
        }
    }
}

/// An integer written as a literal (`2`, `-2`), for roundings and year offsets.
fn entier_litteral(e: &Expr) -> Option<i32> {
    match e {
        Expr::Nombre(d) if d.fract().is_zero() => i32::try_from(d.trunc().mantissa()).ok(),
        Expr::Neg(b) => entier_litteral(b).map(|n| -n),
        _ => None,
    }
}

fn offset_de(e: &Expr) -> usize {
    match e {
        Expr::Texte(_, o) | Expr::Nom(_, o) | Expr::Index(_, _, o) | Expr::Appel(_, _, o) => *o,
        Expr::Neg(x) | Expr::Non(x) => offset_de(x).saturating_sub(1),
        Expr::Bin(_, a, _) => offset_de(a),
        Expr::Et(v) | Expr::Ou(v) => v.first().map(offset_de).unwrap_or(0),
        Expr::Si(c, _, _) => offset_de(c).saturating_sub(3),
        Expr::Nombre(_) | Expr::Booleen(_) => 0,
    }
}

fn periodicite(s: &str) -> Option<Periodicite> {
    match s {
        "mensuelle" => Some(Periodicite::Mensuelle),
        "annuelle" => Some(Periodicite::Annuelle),
        "unique" => Some(Periodicite::Unique),
        _ => None,
    }
}

fn lire_toml<T: serde::de::DeserializeOwned>(src: &Source) -> Result<T, ErreurChargement> {
    toml::from_str::<T>(&src.texte).map_err(|e| {
        let ligne = e.span().map(|s| ligne_de(&src.texte, s.start)).unwrap_or(0);
        let message = traduire_erreur_toml(e.message().trim());
        ErreurChargement {
            fichier: src.nom.clone(),
            ligne,
            message,
        }
    })
}

/// Rephrases the TOML reader's messages for rule authors, in French.
fn traduire_erreur_toml(message: &str) -> String {
    let message = message.replace('\n', " ");
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (cle, attendu) = rest.split_once('`').unwrap_or((rest, ""));
        let attendu = attendu
            .trim_start_matches(", expected one of ")
            .trim_start_matches(", expected ")
            .replace('`', "");
        return format!(
            "clé inconnue « {cle} » (clés possibles ici : {attendu}) ; rappel : une clé écrite après un [tableau] appartient à ce tableau"
        );
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let cle = rest.split('`').next().unwrap_or(rest);
        return format!("clé obligatoire absente : « {cle} »");
    }
    message
}

/// Parses, checks and compiles a set of rule files.
pub fn charger(sources: &[Source]) -> Result<RuleSet, Vec<ErreurChargement>> {
    let mut erreurs = Vec::new();
    let mut commun: Option<(usize, FichierCommun)> = None;
    let mut fichiers: Vec<(usize, FichierAide)> = Vec::new();
    for (i, src) in sources.iter().enumerate() {
        let base = src.nom.rsplit(['/', '\\']).next().unwrap_or(&src.nom);
        if base == "_commun.toml" {
            match lire_toml::<FichierCommun>(src) {
                Ok(c) => commun = Some((i, c)),
                Err(e) => erreurs.push(e),
            }
        } else if base.starts_with('_') {
            erreurs.push(ErreurChargement {
                fichier: src.nom.clone(),
                ligne: 0,
                message: "seul « _commun.toml » peut commencer par « _ »".into(),
            });
        } else {
            match lire_toml::<FichierAide>(src) {
                Ok(f) => {
                    let attendu = base.trim_end_matches(".toml");
                    if f.id.get_ref() != attendu {
                        erreurs.push(ErreurChargement {
                            fichier: src.nom.clone(),
                            ligne: ligne_de(&src.texte, f.id.span().start),
                            message: format!(
                                "l'identifiant « {} » doit être le nom du fichier « {attendu} »",
                                f.id.get_ref()
                            ),
                        });
                    }
                    fichiers.push((i, f));
                }
                Err(e) => erreurs.push(e),
            }
        }
    }
    if !erreurs.is_empty() {
        return Err(erreurs);
    }
    let mut c = Compilateur {
        sources,
        aides_ids: HashMap::new(),
        defs: Vec::new(),
        vars_index: HashMap::new(),
        etats: Vec::new(),
        noeuds: Vec::new(),
        deps_vars: Vec::new(),
        params: Vec::new(),
        params_index: HashMap::new(),
        sorties_index: HashMap::new(),
        erreurs: Vec::new(),
        dans_variable: 0,
    };
    for (a, (fi, f)) in fichiers.iter().enumerate() {
        let id = f.id.get_ref().clone();
        if c.aides_ids.insert(id.clone(), a).is_some() {
            c.erreur(
                *fi,
                f.id.span().start,
                format!("aide « {id} » définie deux fois"),
            );
        }
        for (k, nom) in f.sorties.keys().enumerate() {
            c.sorties_index.insert((a, nom.clone()), k);
        }
    }
    if let Some((fi, com)) = &commun {
        c.declarer_parametres(*fi, Portee::Commun, "", &com.parametres);
        c.declarer_variables(*fi, Portee::Commun, "", &com.variables);
    }
    for (a, (fi, f)) in fichiers.iter().enumerate() {
        let prefixe = format!("{}.", f.id.get_ref());
        c.declarer_parametres(*fi, Portee::Aide(a), &prefixe, &f.parametres);
        c.declarer_variables(*fi, Portee::Aide(a), &prefixe, &f.variables);
    }
    c.etats = vec![Etat::AFaire; c.defs.len()];
    c.noeuds = vec![None; c.defs.len()];
    c.deps_vars = vec![Dependances::default(); c.defs.len()];
    // Compile every variable, even unused ones: a typo must not wait for a use.
    for v in 0..c.defs.len() {
        let lieu = c.defs[v].lieu;
        c.variable(v, lieu, 0);
    }
    let mut hypotheses = Vec::new();
    if let Some((fi, com)) = &commun {
        for (motif, h) in &com.hypotheses {
            let off = h.span().start;
            // `enfants.*.x` stands for the field x of every child.
            let chemins: Vec<String> = if motif.starts_with("enfants.*.") {
                (0..crate::situation::MAX_ENFANTS)
                    .map(|i| motif.replacen('*', &i.to_string(), 1))
                    .collect()
            } else {
                vec![motif.clone()]
            };
            for chemin in &chemins {
                let Some(slot) = faits::slot_du_chemin(chemin) else {
                    c.erreur(
                        *fi,
                        off,
                        format!("hypothèse sur un champ inconnu « {motif} »"),
                    );
                    break;
                };
                let hv = h.get_ref();
                let genre = faits::genre_du_slot(slot);
                let valeur = match (genre, hv.valeur.get_ref()) {
                    (Genre::Booleen, toml::Value::Boolean(b)) => Some(Valeur::Booleen(*b)),
                    (Genre::Nombre, v) => decimal_toml(v).map(Valeur::Nombre),
                    (Genre::Texte(l), toml::Value::String(s)) => {
                        l.iter().find(|m| **m == s).map(|m| Valeur::Texte(m))
                    }
                    _ => None,
                };
                match valeur {
                    Some(v) => hypotheses.push(Hypothese {
                        slot,
                        valeur: v,
                        texte: hv.texte.clone(),
                    }),
                    None => {
                        c.erreur(
                            *fi,
                            hv.valeur.span().start,
                            format!("hypothèse « {motif} » : valeur du mauvais type"),
                        );
                        break;
                    }
                }
            }
        }
    }
    let mut aides = Vec::new();
    let mut deps_aides: Vec<BTreeSet<AideId>> = Vec::new();
    for (a, (fi, f)) in fichiers.iter().enumerate() {
        let portee = Portee::Aide(a);
        let mut deps = Dependances::default();
        let mut conditions = Vec::new();
        for cond in &f.conditions {
            let lieu = c.lieu(*fi, &cond.formule);
            if let Some((n, t)) = c.formule(cond.formule.get_ref(), lieu, portee, None, &mut deps) {
                if c.attendre(t, Type::Booleen, lieu, 0, "condition").is_some() {
                    conditions.push(Condition {
                        noeud: n,
                        oui: Arc::from(cond.oui.as_str()),
                        non: Arc::from(cond.non.as_str()),
                        inconnu: match &cond.inconnu {
                            Some(t) => Arc::from(t.as_str()),
                            None => {
                                Arc::from(format!("{}{}", super::phrases::A_VERIFIER, cond.oui))
                            }
                        },
                    });
                }
            }
        }
        let num = |c: &mut Compilateur, s: &Spanned<String>, deps: &mut Dependances, quoi: &str| {
            let lieu = c.lieu(*fi, s);
            let (n, t) = c.formule(s.get_ref(), lieu, portee, None, deps)?;
            c.attendre(t, Type::Nombre, lieu, 0, quoi)?;
            Some(n)
        };
        let mut montant = None;
        let mut minimum = None;
        if let Some(m) = &f.montant {
            montant = num(&mut c, &m.formule, &mut deps, "montant");
            if let Some(mini) = &m.minimum {
                minimum = num(&mut c, mini, &mut deps, "minimum");
            }
        }
        let mut sorties = Vec::new();
        for (nom, s) in &f.sorties {
            if let Some(n) = num(&mut c, s, &mut deps, "sortie") {
                sorties.push((nom.clone(), n));
            }
        }
        let mut explications = Vec::new();
        for (rang, ligne) in f.explications.iter().enumerate() {
            let texte = &sources[*fi].texte;
            match ligne.get_ref() {
                DefExplication::Toujours(t) => {
                    let lieu = c.lieu(*fi, ligne);
                    if let Some((textes, valeurs)) = c.gabarit(t, lieu, portee, &mut deps) {
                        explications.push(LigneExplication {
                            si: None,
                            ligne: Arc::new(LigneAide { rang, textes }),
                            valeurs,
                        });
                    }
                }
                DefExplication::Si(s) => {
                    let lieu_si = Lieu {
                        fichier: *fi,
                        debut: debut_valeur_de_cle(texte, ligne.span(), "si"),
                    };
                    let lieu_texte = Lieu {
                        fichier: *fi,
                        debut: debut_valeur_de_cle(texte, ligne.span(), "texte"),
                    };
                    let si =
                        c.formule(&s.si, lieu_si, portee, None, &mut deps)
                            .and_then(|(n, t)| {
                                c.attendre(
                                    t,
                                    Type::Booleen,
                                    lieu_si,
                                    0,
                                    "condition d'une explication",
                                )
                                .map(|_| n)
                            });
                    let gabarit = c.gabarit(&s.texte, lieu_texte, portee, &mut deps);
                    if let (Some(si), Some((textes, valeurs))) = (si, gabarit) {
                        explications.push(LigneExplication {
                            si: Some(si),
                            ligne: Arc::new(LigneAide { rang, textes }),
                            valeurs,
                        });
                    }
                }
            }
        }
        let periodicite = match &f.periodicite {
            None => Periodicite::Mensuelle,
            Some(p) => match periodicite(p.get_ref()) {
                Some(x) => x,
                None => {
                    c.erreur(
                        *fi,
                        p.span().start,
                        "périodicité attendue : mensuelle, annuelle ou unique",
                    );
                    Periodicite::Mensuelle
                }
            },
        };
        if f.conditions.is_empty() && f.montant.is_none() {
            c.erreur(
                *fi,
                f.id.span().start,
                "une aide a besoin de conditions ou d'un montant",
            );
        }
        deps_aides.push(deps.aides.clone());
        aides.push(Aide {
            id: f.id.get_ref().clone(),
            libelle: f.libelle.clone(),
            libelle_court: f.libelle_court.clone().unwrap_or_else(|| f.libelle.clone()),
            institution: f.institution.clone(),
            description: f.description.clone(),
            periodicite,
            references: f.references.clone(),
            conditions,
            montant,
            minimum,
            sorties,
            explications,
            demarche: Arc::new(f.demarche.clone()),
            champs_lus: deps.champs,
            hypotheses_possibles: Arc::from([]),
            fichier: sources[*fi].nom.clone(),
            exclusive_de: f.exclusive_de.iter().map(|a| a.get_ref().clone()).collect(),
        });
    }
    // An aid paid instead of another must name an aid that exists.
    for (fi, f) in fichiers.iter() {
        for autre in &f.exclusive_de {
            if !aides.iter().any(|a| a.id == autre.get_ref().as_str()) {
                c.erreur(
                    *fi,
                    autre.span().start,
                    format!("`exclusive_de` : aucune aide « {} »", autre.get_ref()),
                );
            }
        }
    }
    // Order aids so that each comes after those it reads; report cycles.
    let n = aides.len();
    let mut ordre = Vec::with_capacity(n);
    let mut marque = vec![0u8; n];
    fn visiter(
        a: usize,
        deps: &[BTreeSet<AideId>],
        marque: &mut [u8],
        ordre: &mut Vec<usize>,
        pile: &mut Vec<usize>,
    ) -> Result<(), Vec<usize>> {
        match marque[a] {
            2 => return Ok(()),
            1 => {
                let debut = pile.iter().position(|x| *x == a).unwrap_or(0);
                let mut cycle = pile[debut..].to_vec();
                cycle.push(a);
                return Err(cycle);
            }
            _ => {}
        }
        marque[a] = 1;
        pile.push(a);
        for &d in &deps[a] {
            visiter(d, deps, marque, ordre, pile)?;
        }
        pile.pop();
        marque[a] = 2;
        ordre.push(a);
        Ok(())
    }
    for a in 0..n {
        let mut pile = Vec::new();
        if let Err(cycle) = visiter(a, &deps_aides, &mut marque, &mut ordre, &mut pile) {
            let noms: Vec<&str> = cycle.iter().map(|x| &*aides[*x].id).collect();
            let (fi, f) = &fichiers[cycle[0]];
            c.erreur(
                *fi,
                f.id.span().start,
                format!("cycle entre aides : {}", noms.join(" → ")),
            );
            break;
        }
    }
    // Fields read through other aids count for hypotheses and reports.
    for &a in &ordre {
        let mut champs = aides[a].champs_lus;
        for &d in &deps_aides[a] {
            champs = champs.union(aides[d].champs_lus);
        }
        aides[a].champs_lus = champs;
    }
    if !c.erreurs.is_empty() {
        let mut e = c.erreurs;
        e.sort_by(|a, b| (&a.fichier, a.ligne).cmp(&(&b.fichier, b.ligne)));
        e.dedup();
        return Err(e);
    }
    // Renumber aids in evaluation order.
    let mut nouvel_index = vec![0; n];
    for (nouveau, &ancien) in ordre.iter().enumerate() {
        nouvel_index[ancien] = nouveau;
    }
    let mut variables: Vec<Variable> = c
        .defs
        .iter()
        .zip(c.noeuds)
        .map(|(d, n)| Variable {
            nom: d.nom.clone(),
            noeud: n.unwrap_or(Noeud::Const(Valeur::Nombre(Decimal::ZERO))),
        })
        .collect();
    // Variables that read the current child (or adult) get one memo slot per
    // child (or adult): a pension converted from net to gross is computed once
    // per person, however many formulas read it.
    let mut taille_memo_contexte = 0;
    let memo_contexte: Vec<Option<(usize, Collection)>> = c
        .deps_vars
        .iter()
        .map(|d| {
            let (coll, n) = match (d.contextuelle, d.enfant, d.personne) {
                (true, true, false) => (Collection::Enfants, crate::situation::MAX_ENFANTS),
                (true, false, true) => (Collection::Adultes, 2),
                _ => return None,
            };
            let debut = taille_memo_contexte;
            taille_memo_contexte += n;
            Some((debut, coll))
        })
        .collect();
    for v in &mut variables {
        renumeroter(&mut v.noeud, &nouvel_index);
    }
    let mut aides_ordonnees: Vec<Option<Aide>> = aides.into_iter().map(Some).collect();
    let mut resultat = Vec::with_capacity(n);
    for &ancien in &ordre {
        let mut a = aides_ordonnees[ancien]
            .take()
            .expect("each aid is placed once");
        for cond in &mut a.conditions {
            renumeroter(&mut cond.noeud, &nouvel_index);
        }
        for x in a.montant.iter_mut().chain(a.minimum.iter_mut()) {
            renumeroter(x, &nouvel_index);
        }
        for (_, x) in &mut a.sorties {
            renumeroter(x, &nouvel_index);
        }
        for ligne in &mut a.explications {
            if let Some(si) = &mut ligne.si {
                renumeroter(si, &nouvel_index);
            }
            for x in &mut ligne.valeurs {
                renumeroter(x, &nouvel_index);
            }
        }
        resultat.push(a);
    }
    for a in &mut resultat {
        a.hypotheses_possibles = hypotheses
            .iter()
            .filter(|h| a.champs_lus.contient(h.slot))
            .map(|h| (h.slot, h.texte.clone()))
            .collect();
    }
    let hypotheses_slots = hypotheses.iter().map(|h| (h.slot, h.valeur)).collect();
    let mut rs = RuleSet {
        premier_jour: 0,
        mois_des_variables: Vec::new(),
        mois_des_aides: Vec::new(),
        parametres: c.params,
        aides: resultat,
        variables,
        memo_contexte,
        taille_memo_contexte,
        hypotheses,
        hypotheses_slots,
    };
    rs.premier_jour = rs.premier_mois_couvert().premier_jour();
    parametres::dater_les_au_mois(&mut rs);
    Ok(rs)
}

fn renumeroter(n: &mut Noeud, idx: &[usize]) {
    n.visiter_mut(&mut |x| {
        if let Noeud::MontantAide(a) | Noeud::EligibleAide(a) | Noeud::SortieAide(a, _) = x {
            *a = idx[*a];
        }
    });
}

impl Compilateur<'_> {
    /// Compiles an explanation line: text with `{formule}` holes, as the
    /// texts around the values (one more than the values) and the values.
    fn gabarit(
        &mut self,
        texte: &str,
        lieu: Lieu,
        portee: Portee,
        deps: &mut Dependances,
    ) -> Option<(Vec<String>, Vec<Noeud>)> {
        let mut textes = Vec::new();
        let mut valeurs = Vec::new();
        let mut reste = texte;
        let mut base = 0;
        while let Some(ouv) = reste.find('{') {
            textes.push(reste[..ouv].to_string());
            let Some(ferm) = reste[ouv..].find('}') else {
                self.erreur(lieu.fichier, lieu.debut + base + ouv, "« { » sans « } »");
                return None;
            };
            let f = &reste[ouv + 1..ouv + ferm];
            let sous_lieu = Lieu {
                fichier: lieu.fichier,
                debut: lieu.debut + base + ouv + 1,
            };
            let (n, _) = self.formule(f, sous_lieu, portee, None, deps)?;
            valeurs.push(n);
            base += ouv + ferm + 1;
            reste = &reste[ouv + ferm + 1..];
        }
        textes.push(reste.to_string());
        Some((textes, valeurs))
    }
}

impl RuleSet {
    /// The (slot, value) pairs of the hypotheses, for [`faits::Faits::depuis`].
    pub fn hypotheses_slots(&self) -> &[(usize, Valeur)] {
        &self.hypotheses_slots
    }
}

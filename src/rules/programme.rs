//! The rules compiled for one month: a flat program with parameters folded.
//!
//! Parameters depend only on the month, and every household of a batch (or
//! every turn of a dialogue) is evaluated for the same month. So, once per
//! month, [`Programme::compiler`] turns the checked [`Noeud`] trees of a
//! [`RuleSet`] into one array of small nodes ([`Op`], children before their
//! parent, linked by `u32` indexes rather than boxes) where:
//!
//! - a numeric parameter, `annee` and `au_1er_janvier(…)` are constants;
//! - an operation whose operands are all constants is computed once, by the
//!   evaluator itself (so folding cannot change a result), unless it fails:
//!   a failing operation stays in the program and fails when reached, as it
//!   did before;
//! - a variable that folds to a constant is replaced by that constant, `si`
//!   with a constant condition by the branch taken, `0 * x` by 0, and `et`/`ou`
//!   lose the constant items that cannot change them;
//! - an explanation line whose values are all constants becomes a sentence,
//!   written once.
//!
//! Only steps that the evaluation would take identically are removed: an
//! operand that may fail (and so make the aid report an error) is kept.
//! [`RuleSet::evaluer`] keeps the programs of the last months it saw.

use super::code::Code;
use super::eval;
use super::explication::{self, LigneAide, ValeurEcrite};
use super::expr::BinOp;
use super::faits::Champ;
use super::valeur::Valeur;
use super::*;
use std::sync::Mutex;

/// The next [`Programme::id`].
static PROCHAIN_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// Index of a node in [`Programme::noeuds`].
pub type Id = u32;

/// A node of a month's program. Constants live in [`Programme::constantes`]
/// and lists in [`Programme::listes`], so that a node is a few words.
#[derive(Debug, Clone, Copy)]
pub enum Op {
    /// A constant, by index.
    Const(u32),
    /// A situation field.
    Champ(Champ),
    /// A numeric parameter with no number this month: evaluating it gives
    /// the error it always gave.
    Param(ParamId),
    /// A value of a parameter table, by key.
    ParamIndex(ParamId, Id),
    /// A shared variable (memoized per evaluation).
    Var(VarId),
    /// A variable that depends on the current child or adult.
    VarContexte(VarId),
    /// The amount of another aid.
    MontantAide(AideId),
    /// Whether another aid is granted.
    EligibleAide(AideId),
    /// An extra output of another aid.
    SortieAide(AideId, u32),
    /// Negation.
    Neg(Id),
    /// Logical not.
    Non(Id),
    /// Binary operation.
    Bin(BinOp, Id, Id),
    /// Conjunction of a list.
    Et(Liste),
    /// Disjunction of a list.
    Ou(Liste),
    /// Conditional.
    Si(Id, Id, Id),
    /// Smallest of a list.
    Min(Liste),
    /// Largest of a list.
    Max(Liste),
    /// Rounding.
    Arrondi(Arrondi, Id, i32),
    /// Marginal-rate scale.
    Bareme(ParamId, Id),
    /// Bracket lookup.
    Grille(ParamId, Id),
    /// Aggregation over children or adults.
    Agregat(Agregat, Collection, Id),
    /// A parameter on 1 January of a year that has no number: fails when reached.
    ParamAnnee(ParamId, i32),
    /// `ou_a_defaut(x, y)`.
    ADefaut(Id, Id),
}

/// A list of nodes: `Programme::listes[debut..fin]`.
#[derive(Debug, Clone, Copy)]
pub struct Liste {
    debut: u32,
    fin: u32,
}

/// An explanation line.
#[derive(Debug, Clone)]
pub enum Ligne {
    /// The whole sentence, known for the month (a single text).
    Fixe(&'static LigneAide),
    /// A sentence with values that depend on the household: the texts
    /// around them (constants already written in), one more than the
    /// values.
    Gabarit {
        /// Texts before, between and after the values.
        ligne: &'static LigneAide,
        /// The values' nodes.
        valeurs: Vec<Id>,
    },
}

/// The formulas of one aid.
#[derive(Debug, Clone)]
pub struct AideP {
    /// Eligibility conditions, in the aid's order.
    pub conditions: Vec<Id>,
    /// Amount.
    pub montant: Option<Id>,
    /// Minimum paid.
    pub minimum: Option<Id>,
    /// Extra outputs.
    pub sorties: Vec<Id>,
    /// Explanation lines (lines that can never be complete are left out),
    /// each with the condition it is said under, if any.
    pub explications: Vec<(Option<Id>, Ligne)>,
    /// The most pieces its explanation can hold: conditions, lines, their
    /// values, and the line on a minimum not reached (a template and two
    /// values).
    pub taille_explication: usize,
}

/// The rules for one month (see the module documentation).
#[derive(Debug, Clone)]
pub struct Programme {
    /// The first day of the month (`YYYYMMDD`).
    pub jour: u32,
    /// Every node, children before parents.
    pub noeuds: Vec<Op>,
    /// Constants.
    pub constantes: Vec<Valeur>,
    /// The same constants as evaluation values, `None` for an unknown one:
    /// reading a constant is then a copy.
    pub(super) constantes_connues: Vec<Option<eval::Val>>,
    /// Items of `et`, `ou`, `min` and `max`.
    pub listes: Vec<Id>,
    /// The root of each variable's formula.
    pub variables: Vec<Id>,
    /// Each aid's formulas, in [`RuleSet::aides`] order.
    pub aides: Vec<AideP>,
    /// The same formulas as register instructions ([`code`](super::code)).
    pub code: Code,
    /// Distinguishes programs, for the evaluator's per-thread registers
    /// (which hold the constants of the last program they served).
    pub id: u64,
    /// For each variable, the fact slots its value may depend on, through
    /// the variables and aids it reads too ([`lectures`]).
    pub(super) lectures: Vec<Manquants>,
    /// For each aid, the fact slots its outcome may depend on, likewise.
    pub(super) lectures_aides: Vec<Manquants>,
    /// What evaluating a household that says nothing but its shape gives
    /// for the month, one per shape, each made the first time it serves
    /// ([`eval::Base`]).
    pub(super) bases: eval::Bases,
}

impl Programme {
    /// The node.
    #[inline]
    pub fn op(&self, id: Id) -> Op {
        self.noeuds[id as usize]
    }

    /// The items of a list.
    #[inline]
    pub fn liste(&self, l: Liste) -> &[Id] {
        &self.listes[l.debut as usize..l.fin as usize]
    }

    /// The constant a node is, if it is one.
    pub fn constante(&self, id: Id) -> Option<&Valeur> {
        match self.op(id) {
            Op::Const(c) => Some(&self.constantes[c as usize]),
            _ => None,
        }
    }

    /// Compiles and folds a rule set for the month starting on `jour`.
    pub fn compiler(rs: &RuleSet, jour: u32) -> Programme {
        let mut c = Compilation {
            rs,
            p: Programme {
                jour,
                noeuds: Vec::new(),
                constantes: Vec::new(),
                constantes_connues: Vec::new(),
                listes: Vec::new(),
                variables: vec![Id::MAX; rs.variables.len()],
                aides: Vec::with_capacity(rs.aides.len()),
                code: Code::default(),
                id: PROCHAIN_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
                lectures: Vec::new(),
                lectures_aides: Vec::new(),
                bases: eval::Bases::default(),
            },
            etat_vars: vec![EtatVar::AFaire; rs.variables.len()],
        };
        (c.p.lectures, c.p.lectures_aides) = lectures(rs);
        for v in 0..rs.variables.len() {
            c.variable(v);
        }
        for aide in &rs.aides {
            let a = AideP {
                conditions: aide.conditions.iter().map(|x| c.noeud(&x.noeud)).collect(),
                montant: aide.montant.as_ref().map(|x| c.noeud(x)),
                minimum: aide.minimum.as_ref().map(|x| c.noeud(x)),
                sorties: aide.sorties.iter().map(|(_, x)| c.noeud(x)).collect(),
                explications: aide
                    .explications
                    .iter()
                    .enumerate()
                    .filter_map(|(rang, l)| {
                        let ligne = c.ligne(rang, &l.morceaux)?;
                        Some((l.si.as_ref().map(|si| c.noeud(si)), ligne))
                    })
                    .collect(),
                taille_explication: 0,
            };
            let a = AideP {
                taille_explication: a.conditions.len()
                    + 3
                    + a.explications
                        .iter()
                        .map(|(_, l)| match l {
                            Ligne::Fixe(_) => 1,
                            Ligne::Gabarit { valeurs, .. } => 1 + valeurs.len(),
                        })
                        .sum::<usize>(),
                ..a
            };
            c.p.aides.push(a);
        }
        c.p.code = Code::compiler(&c.p);
        c.p
    }
}

/// For each variable, then for each aid, every fact slot its value may
/// depend on: the fields it reads, those of the variables and aids it
/// reads, and the household's shape where it goes through a collection
/// (`couple` for adults, `nombre_enfants` for children) or reads
/// `conjoint.x` (which is "nothing" for a single person). A field of the
/// current child or adult stands for that field of every child or adult.
/// A variable whose slots all hold what they hold in another household has
/// the same value there: this is what lets an evaluation take it from
/// [`eval::Base`].
///
/// [`Aide::champs_lus`], gathered while loading for the hypotheses, is not
/// this: loading keeps no such set per variable, a variable's set there
/// leaves out the aids it reads, and `conjoint.x` does not count `couple`.
/// This walk, over the checked trees, is short and errs on the safe side.
pub(super) fn lectures(rs: &RuleSet) -> (Vec<Manquants>, Vec<Manquants>) {
    struct Parcours<'a> {
        rs: &'a RuleSet,
        vars: Vec<Option<Manquants>>,
        aides: Vec<Option<Manquants>>,
    }
    impl Parcours<'_> {
        fn var(&mut self, v: VarId) -> Manquants {
            if let Some(m) = self.vars[v] {
                return m;
            }
            let rs = self.rs;
            let m = self.noeud(&rs.variables[v].noeud);
            self.vars[v] = Some(m);
            m
        }

        fn aide(&mut self, a: AideId) -> Manquants {
            if let Some(m) = self.aides[a] {
                return m;
            }
            let aide = &self.rs.aides[a];
            let mut m = Manquants::VIDE;
            for c in &aide.conditions {
                m = m.union(self.noeud(&c.noeud));
            }
            for n in aide.montant.iter().chain(&aide.minimum) {
                m = m.union(self.noeud(n));
            }
            for (_, n) in &aide.sorties {
                m = m.union(self.noeud(n));
            }
            for ligne in &aide.explications {
                if let Some(si) = &ligne.si {
                    m = m.union(self.noeud(si));
                }
                for morceau in &ligne.morceaux {
                    if let Morceau::Valeur(n) = morceau {
                        m = m.union(self.noeud(n));
                    }
                }
            }
            self.aides[a] = Some(m);
            m
        }

        fn noeuds(&mut self, ns: &[Noeud]) -> Manquants {
            ns.iter()
                .fold(Manquants::VIDE, |m, n| m.union(self.noeud(n)))
        }

        fn noeud(&mut self, n: &Noeud) -> Manquants {
            use crate::situation::MAX_ENFANTS;
            use faits::{SLOT_COUPLE as COUPLE, SLOT_NOMBRE_ENFANTS as NOMBRE_ENFANTS};
            use faits::{slot_enfant, slot_personne};
            match n {
                Noeud::Const(_) | Noeud::Param(_) | Noeud::ParamAnnee(..) | Noeud::Annee => {
                    Manquants::VIDE
                }
                Noeud::Champ(c) => {
                    let mut m = Manquants::VIDE;
                    match *c {
                        Champ::Fixe(s) => m.ajouter(s),
                        Champ::Conjoint(i) => {
                            m.ajouter(COUPLE);
                            m.ajouter(slot_personne(1, i));
                        }
                        Champ::PersonneCourante(i) => {
                            m.ajouter(slot_personne(0, i));
                            m.ajouter(slot_personne(1, i));
                        }
                        Champ::EnfantCourant(i) => {
                            for e in 0..MAX_ENFANTS {
                                m.ajouter(slot_enfant(e, i));
                            }
                        }
                    }
                    m
                }
                Noeud::Var(v) | Noeud::VarContexte(v) => self.var(*v),
                Noeud::MontantAide(a) | Noeud::EligibleAide(a) | Noeud::SortieAide(a, _) => {
                    self.aide(*a)
                }
                Noeud::ParamIndex(_, x)
                | Noeud::Neg(x)
                | Noeud::Non(x)
                | Noeud::Arrondi(_, x, _)
                | Noeud::Bareme(_, x)
                | Noeud::Grille(_, x) => self.noeud(x),
                Noeud::Bin(_, a, b) | Noeud::ADefaut(a, b) => self.noeud(a).union(self.noeud(b)),
                Noeud::Si(c, a, b) => self.noeud(c).union(self.noeud(a)).union(self.noeud(b)),
                Noeud::Et(ns) | Noeud::Ou(ns) | Noeud::Min(ns) | Noeud::Max(ns) => self.noeuds(ns),
                Noeud::Agregat(_, coll, x) => {
                    let forme = match coll {
                        Collection::Enfants => NOMBRE_ENFANTS,
                        Collection::Adultes => COUPLE,
                    };
                    Manquants::un(forme).union(self.noeud(x))
                }
            }
        }
    }
    let mut p = Parcours {
        rs,
        vars: vec![None; rs.variables.len()],
        aides: vec![None; rs.aides.len()],
    };
    let vars = (0..rs.variables.len()).map(|v| p.var(v)).collect();
    let aides = (0..rs.aides.len()).map(|a| p.aide(a)).collect();
    (vars, aides)
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum EtatVar {
    AFaire,
    EnCours,
    Fait,
}

struct Compilation<'a> {
    rs: &'a RuleSet,
    p: Programme,
    etat_vars: Vec<EtatVar>,
}

/// The variables a formula reads directly.
fn variables_lues(n: &Noeud, sortie: &mut Vec<VarId>) {
    match n {
        Noeud::Var(v) | Noeud::VarContexte(v) => sortie.push(*v),
        Noeud::ParamIndex(_, x)
        | Noeud::Neg(x)
        | Noeud::Non(x)
        | Noeud::Arrondi(_, x, _)
        | Noeud::Bareme(_, x)
        | Noeud::Grille(_, x)
        | Noeud::Agregat(_, _, x) => variables_lues(x, sortie),
        Noeud::Bin(_, a, b) | Noeud::ADefaut(a, b) => {
            variables_lues(a, sortie);
            variables_lues(b, sortie);
        }
        Noeud::Si(a, b, c) => {
            variables_lues(a, sortie);
            variables_lues(b, sortie);
            variables_lues(c, sortie);
        }
        Noeud::Et(v) | Noeud::Ou(v) | Noeud::Min(v) | Noeud::Max(v) => {
            v.iter().for_each(|x| variables_lues(x, sortie))
        }
        Noeud::MontantAide(_)
        | Noeud::EligibleAide(_)
        | Noeud::SortieAide(..)
        | Noeud::ParamAnnee(..)
        | Noeud::Annee
        | Noeud::Const(_)
        | Noeud::Champ(_)
        | Noeud::Param(_) => {}
    }
}

impl Compilation<'_> {
    /// Compiles a variable after the variables it reads, so that compiling
    /// its formula never appends another formula's nodes in the middle (which
    /// lets a folded subtree be cut off the end of the array).
    fn variable(&mut self, v: VarId) {
        match self.etat_vars[v] {
            EtatVar::Fait => return,
            // Loading rejects cycles; should one slip through, the variable
            // is compiled as read (its `Var` nodes are evaluated lazily).
            EtatVar::EnCours => return,
            EtatVar::AFaire => {}
        }
        self.etat_vars[v] = EtatVar::EnCours;
        let rs = self.rs;
        let mut lues = Vec::new();
        variables_lues(&rs.variables[v].noeud, &mut lues);
        for w in lues {
            self.variable(w);
        }
        let racine = self.noeud(&rs.variables[v].noeud);
        self.p.variables[v] = racine;
        self.etat_vars[v] = EtatVar::Fait;
    }

    fn pousser(&mut self, op: Op) -> Id {
        self.p.noeuds.push(op);
        (self.p.noeuds.len() - 1) as Id
    }

    fn constante(&mut self, v: Valeur) -> Id {
        self.p.constantes_connues.push(eval::Val::connue(&v));
        self.p.constantes.push(v);
        let c = (self.p.constantes.len() - 1) as u32;
        self.pousser(Op::Const(c))
    }

    fn liste(&mut self, items: &[Id]) -> Liste {
        let debut = self.p.listes.len() as u32;
        self.p.listes.extend_from_slice(items);
        Liste {
            debut,
            fin: self.p.listes.len() as u32,
        }
    }

    /// Whether a node is a constant.
    fn est_const(&self, id: Id) -> bool {
        matches!(self.p.op(id), Op::Const(_))
    }

    /// Drops the nodes and constants compiled since `debut`.
    fn tronquer(&mut self, debut: (usize, usize)) {
        self.p.noeuds.truncate(debut.0);
        self.p.constantes.truncate(debut.1);
        self.p.constantes_connues.truncate(debut.1);
    }

    /// Drops the nodes and constants compiled since `debut` (one subtree,
    /// the last thing compiled) and puts a constant in their place.
    fn remplacer_par_constante(&mut self, debut: (usize, usize), v: Valeur) -> Id {
        self.tronquer(debut);
        self.constante(v)
    }

    /// Evaluates a node whose operands are all constants; its value when it
    /// does not fail.
    fn plier(&self, id: Id) -> Option<Valeur> {
        eval::evaluer_constante(self.rs, &self.p, id)
    }

    fn noeud(&mut self, n: &Noeud) -> Id {
        let debut = (self.p.noeuds.len(), self.p.constantes.len());
        let id = self.noeud_sans_plier(n);
        // Folding: an operation over constants is computed now.
        let a_plier = match self.p.op(id) {
            Op::Neg(x)
            | Op::Non(x)
            | Op::Arrondi(_, x, _)
            | Op::Bareme(_, x)
            | Op::Grille(_, x) => self.est_const(x),
            Op::ParamIndex(_, x) => self.est_const(x),
            Op::Bin(_, a, b) | Op::ADefaut(a, b) => self.est_const(a) && self.est_const(b),
            Op::Si(a, b, c) => self.est_const(a) && self.est_const(b) && self.est_const(c),
            Op::Et(l) | Op::Ou(l) | Op::Min(l) | Op::Max(l) => {
                self.p.liste(l).iter().all(|x| self.est_const(*x))
            }
            _ => false,
        };
        if a_plier {
            if let Some(v) = self.plier(id) {
                return self.remplacer_par_constante(debut, v);
            }
        }
        id
    }

    fn noeud_sans_plier(&mut self, n: &Noeud) -> Id {
        let rs = self.rs;
        let jour = self.p.jour;
        match n {
            Noeud::Const(v) => self.constante(*v),
            Noeud::Champ(c) => self.pousser(Op::Champ(*c)),
            Noeud::Param(p) => match rs.parametres[*p].a_la_date(jour) {
                Some(ValeurParametre::Nombre(d)) => self.constante(Valeur::Nombre(*d)),
                _ => self.pousser(Op::Param(*p)),
            },
            Noeud::ParamIndex(p, k) => {
                let k = self.noeud(k);
                self.pousser(Op::ParamIndex(*p, k))
            }
            Noeud::Var(v) | Noeud::VarContexte(v) => {
                let racine = self.p.variables[*v];
                if racine != Id::MAX {
                    // A variable that is a constant this month needs no memo.
                    if let Some(c) = self.p.constante(racine).cloned() {
                        return self.constante(c);
                    }
                }
                match n {
                    Noeud::Var(_) => self.pousser(Op::Var(*v)),
                    _ => self.pousser(Op::VarContexte(*v)),
                }
            }
            Noeud::MontantAide(a) => self.pousser(Op::MontantAide(*a)),
            Noeud::EligibleAide(a) => self.pousser(Op::EligibleAide(*a)),
            Noeud::SortieAide(a, s) => self.pousser(Op::SortieAide(*a, *s as u32)),
            Noeud::Neg(x) => {
                let x = self.noeud(x);
                self.pousser(Op::Neg(x))
            }
            Noeud::Non(x) => {
                let x = self.noeud(x);
                self.pousser(Op::Non(x))
            }
            Noeud::Bin(op, a, b) => {
                let debut = (self.p.noeuds.len(), self.p.constantes.len());
                let a = self.noeud(a);
                // `0 * x` is 0 without evaluating x.
                if *op == BinOp::Mul {
                    if let Some(v @ Valeur::Nombre(d)) = self.p.constante(a) {
                        if d.is_zero() {
                            let v = *v;
                            return self.remplacer_par_constante(debut, v);
                        }
                    }
                }
                let b = self.noeud(b);
                self.pousser(Op::Bin(*op, a, b))
            }
            Noeud::Et(items) | Noeud::Ou(items) => {
                let et = matches!(n, Noeud::Et(_));
                let mut ids = Vec::with_capacity(items.len());
                for x in items {
                    let id = self.noeud(x);
                    match self.p.constante(id) {
                        // `vrai` in `et` (`faux` in `ou`) changes nothing.
                        Some(Valeur::Booleen(b)) if *b == et => {}
                        // `faux` in `et` (`vrai` in `ou`) settles it: the
                        // items after it are never evaluated.
                        Some(Valeur::Booleen(_)) => {
                            ids.push(id);
                            break;
                        }
                        _ => ids.push(id),
                    }
                }
                let l = self.liste(&ids);
                self.pousser(if et { Op::Et(l) } else { Op::Ou(l) })
            }
            Noeud::Min(items) | Noeud::Max(items) => {
                let ids: Vec<Id> = items.iter().map(|x| self.noeud(x)).collect();
                let l = self.liste(&ids);
                self.pousser(if matches!(n, Noeud::Min(_)) {
                    Op::Min(l)
                } else {
                    Op::Max(l)
                })
            }
            Noeud::Si(c, a, b) => {
                let debut = (self.p.noeuds.len(), self.p.constantes.len());
                let c = self.noeud(c);
                match self.p.constante(c) {
                    // A settled condition: only the branch taken remains.
                    Some(Valeur::Booleen(vrai)) => {
                        let branche = if *vrai { a } else { b };
                        self.tronquer(debut);
                        self.noeud(branche)
                    }
                    _ => {
                        let a = self.noeud(a);
                        let b = self.noeud(b);
                        self.pousser(Op::Si(c, a, b))
                    }
                }
            }
            Noeud::Arrondi(mode, x, decimales) => {
                let x = self.noeud(x);
                self.pousser(Op::Arrondi(*mode, x, *decimales))
            }
            Noeud::Bareme(p, x) => {
                let x = self.noeud(x);
                self.pousser(Op::Bareme(*p, x))
            }
            Noeud::Grille(p, x) => {
                let x = self.noeud(x);
                self.pousser(Op::Grille(*p, x))
            }
            Noeud::Agregat(ag, coll, x) => {
                let x = self.noeud(x);
                self.pousser(Op::Agregat(*ag, *coll, x))
            }
            Noeud::ParamAnnee(p, decalage) => {
                match rs.parametres[*p].a_la_date(eval::premier_janvier(jour, *decalage)) {
                    Some(ValeurParametre::Nombre(d)) => self.constante(Valeur::Nombre(*d)),
                    _ => self.pousser(Op::ParamAnnee(*p, *decalage)),
                }
            }
            Noeud::Annee => self.constante(Valeur::Nombre(Decimal::from(jour / 10000))),
            Noeud::ADefaut(a, b) => {
                let debut = (self.p.noeuds.len(), self.p.constantes.len());
                let a = self.noeud(a);
                match self.p.constante(a) {
                    // A known value is its own default.
                    Some(v) if v.est_connue() => {
                        let v = *v;
                        self.remplacer_par_constante(debut, v)
                    }
                    _ => {
                        let b = self.noeud(b);
                        self.pousser(Op::ADefaut(a, b))
                    }
                }
            }
        }
    }

    /// Compiles the explanation line `rang` of an aid; `None` when it can
    /// never be complete. The values known for the month are written into
    /// the text and kept beside it for another language.
    fn ligne(&mut self, rang: usize, morceaux: &[Morceau]) -> Option<Ligne> {
        let mut textes: Vec<String> = Vec::new();
        let mut valeurs: Vec<Id> = Vec::new();
        let mut toutes: Vec<Option<ValeurEcrite>> = Vec::new();
        let mut texte = String::new();
        for m in morceaux {
            match m {
                Morceau::Texte(t) => texte.push_str(t),
                Morceau::Valeur(n) => {
                    let id = self.noeud(n);
                    match self.p.constante(id) {
                        Some(v) => match eval::valeur_ecrite(v) {
                            Some(e) => {
                                explication::ecrire(&mut texte, e);
                                toutes.push(Some(e));
                            }
                            // Incomplete whatever the household: the line is
                            // never shown (a constant cannot fail).
                            None if valeurs.is_empty() => return None,
                            // After a value that may fail, the line must still
                            // evaluate that value; this one is never known,
                            // so the line is never shown.
                            None => {
                                textes.push(std::mem::take(&mut texte));
                                valeurs.push(id);
                                toutes.push(None);
                                break;
                            }
                        },
                        None => {
                            textes.push(std::mem::take(&mut texte));
                            valeurs.push(id);
                            toutes.push(None);
                        }
                    }
                }
            }
        }
        textes.push(texte);
        let ligne = super::textes_gardes::ligne_aide(&LigneAide {
            rang,
            textes: super::textes_gardes::gabarit(&textes),
            valeurs: toutes,
        });
        if valeurs.is_empty() {
            return Some(Ligne::Fixe(ligne));
        }
        Some(Ligne::Gabarit { ligne, valeurs })
    }
}

/// How many months' programs a rule set keeps: a batch or a dialogue uses
/// one or two; a client asking for many months must not grow memory.
const MOIS_GARDES: usize = 8;

/// The programs of the last months evaluated. Cloning a rule set starts an
/// empty cache.
#[derive(Default)]
pub struct Cache(Mutex<Vec<Arc<Programme>>>);

impl Cache {
    /// The program for the month starting on `jour`, compiled on first use.
    pub fn programme(&self, rs: &RuleSet, jour: u32) -> Arc<Programme> {
        // A poisoned lock only means another thread panicked while compiling:
        // the list itself is always consistent.
        let mut progs = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(p) = progs.iter().find(|p| p.jour == jour) {
            return p.clone();
        }
        let p = Arc::new(Programme::compiler(rs, jour));
        if progs.len() >= MOIS_GARDES {
            progs.remove(0);
        }
        progs.push(p.clone());
        p
    }
}

impl Clone for Cache {
    fn clone(&self) -> Cache {
        Cache::default()
    }
}

impl std::fmt::Debug for Cache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let n = self.0.lock().map(|p| p.len()).unwrap_or(0);
        write!(f, "Cache({n} mois)")
    }
}

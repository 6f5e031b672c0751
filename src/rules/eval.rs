//! Evaluating compiled rules on a situation, with three-valued logic.
//!
//! Each aid is evaluated once, in dependency order; shared variables are
//! computed at most once per situation (a memo indexed by variable). A value
//! that depends on an unknown field is [`Valeur::Inconnu`] and carries the
//! fields that would settle it; `et`, `ou`, `si` and aggregations drop the
//! fields of operands that cannot change the result, so `champs_manquants`
//! lists only questions worth asking.
//!
//! Arithmetic is checked: an overflow or a division by zero is a rule bug,
//! reported on the aid as `erreur` rather than a panic.

use super::expr::BinOp;
use super::faits::{self, Champ, Faits};
use super::programme::{AideP, Id, Ligne, Liste, MorceauP, Op, Programme};
use super::valeur::{Manquants, Valeur};
use super::*;
use rust_decimal::{Decimal, RoundingStrategy};

#[derive(Debug, Clone)]
struct ErreurCalcul(String);

type R = Result<Valeur, ErreurCalcul>;

/// What is known of an aid once evaluated, for the aids that read it.
#[derive(Debug, Clone)]
struct Etat {
    montant: Valeur,
    eligible: Valeur,
    sorties: Vec<Valeur>,
}

struct Contexte<'a> {
    rs: &'a RuleSet,
    /// The rules compiled for the month.
    p: &'a Programme,
    faits: &'a Faits,
    jour: u32,
    memo: Vec<Option<Valeur>>,
    memo_contexte: Vec<Option<Valeur>>,
    aides: Vec<Option<Etat>>,
    enfant: usize,
    personne: usize,
}

fn inconnu_de(a: &Valeur, b: &Valeur) -> Valeur {
    Valeur::Inconnu(a.manquants().union(b.manquants()))
}

/// Interval arithmetic for an operation with an unknown side: the bounds of
/// the result, and comparisons that the bounds already settle.
fn binaire_intervalles(op: BinOp, va: &Valeur, vb: &Valeur) -> Valeur {
    let m = va.manquants().union(vb.manquants());
    let (Some((ab, ah)), Some((bb, bh))) = (va.intervalle(), vb.intervalle()) else {
        return inconnu_de(va, vb);
    };
    let add = |x: Option<Decimal>, y: Option<Decimal>| x.zip(y).and_then(|(x, y)| x.checked_add(y));
    let sub = |x: Option<Decimal>, y: Option<Decimal>| x.zip(y).and_then(|(x, y)| x.checked_sub(y));
    match op {
        BinOp::Add => Valeur::borne(m, add(ab, bb), add(ah, bh)),
        BinOp::Sub => Valeur::borne(m, sub(ab, bh), sub(ah, bb)),
        BinOp::Mul => {
            // Only the common case: both sides non-negative.
            let positif = |b: Option<Decimal>| b.is_some_and(|b| b >= Decimal::ZERO);
            if positif(ab) && positif(bb) {
                let mul = |x: Option<Decimal>, y: Option<Decimal>| {
                    x.zip(y).and_then(|(x, y)| x.checked_mul(y))
                };
                Valeur::borne(m, mul(ab, bb), mul(ah, bh))
            } else {
                Valeur::Inconnu(m)
            }
        }
        BinOp::Div => match vb {
            // Division by a known positive number keeps the order.
            Valeur::Nombre(y) if *y > Decimal::ZERO => {
                let div = |x: Option<Decimal>| x.and_then(|x| x.checked_div(*y));
                Valeur::borne(m, div(ab), div(ah))
            }
            _ => Valeur::Inconnu(m),
        },
        BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => {
            // a < b is settled true when a's top is below b's bottom, false
            // when a's bottom is at or above b's top.
            let (strict, gauche_bas, gauche_haut, droite_bas, droite_haut) = match op {
                BinOp::Lt => (true, ab, ah, bb, bh),
                BinOp::Le => (false, ab, ah, bb, bh),
                BinOp::Gt => (true, bb, bh, ab, ah),
                _ => (false, bb, bh, ab, ah),
            };
            let vrai = match (gauche_haut, droite_bas) {
                (Some(h), Some(b)) => {
                    if strict {
                        h < b
                    } else {
                        h <= b
                    }
                }
                _ => false,
            };
            let faux = match (gauche_bas, droite_haut) {
                (Some(b), Some(h)) => {
                    if strict {
                        b >= h
                    } else {
                        b > h
                    }
                }
                _ => false,
            };
            if vrai {
                Valeur::Booleen(true)
            } else if faux {
                Valeur::Booleen(false)
            } else {
                Valeur::Inconnu(m)
            }
        }
        BinOp::Eq | BinOp::Ne => Valeur::Inconnu(m),
    }
}

impl Contexte<'_> {
    fn param(&self, p: ParamId) -> Result<&ValeurParametre, ErreurCalcul> {
        let par = &self.rs.parametres[p];
        par.a_la_date(self.jour).ok_or_else(|| {
            ErreurCalcul(format!(
                "le paramètre « {} » n'a pas de valeur à la date {}",
                par.nom, self.jour
            ))
        })
    }

    #[inline]
    fn champ(&self, c: Champ) -> Valeur {
        match c {
            Champ::Fixe(s) => self.faits.valeurs[s].clone(),
            Champ::EnfantCourant(i) => {
                self.faits.valeurs[faits::slot_enfant(self.enfant, i)].clone()
            }
            Champ::PersonneCourante(i) => {
                self.faits.valeurs[faits::slot_personne(self.personne, i)].clone()
            }
            Champ::Conjoint(i) => self.champ_conjoint(i),
        }
    }

    fn champ_conjoint(&self, i: usize) -> Valeur {
        match &self.faits.couple {
            Valeur::Booleen(true) => self.faits.valeurs[faits::slot_personne(1, i)].clone(),
            // Without a partner, the partner's amounts are nothing and their
            // yes/no facts are "no": formulas need no special case for singles.
            Valeur::Booleen(false) => match faits::CHAMPS_PERSONNE[i].genre {
                faits::Genre::Booleen => Valeur::Booleen(false),
                faits::Genre::Nombre => Valeur::Nombre(Decimal::ZERO),
                _ => Valeur::Texte("aucun"),
            },
            autre => match faits::CHAMPS_PERSONNE[i].genre {
                faits::Genre::Nombre => Valeur::Borne(autre.manquants(), Some(Decimal::ZERO), None),
                _ => Valeur::Inconnu(autre.manquants()),
            },
        }
    }

    #[inline]
    fn var(&mut self, v: VarId) -> R {
        if let Some(x) = &self.memo[v] {
            return Ok(x.clone());
        }
        self.var_a_calculer(v)
    }

    fn var_a_calculer(&mut self, v: VarId) -> R {
        let x = self.eval(self.p.variables[v])?;
        self.memo[v] = Some(x.clone());
        Ok(x)
    }

    fn var_contexte(&mut self, v: VarId) -> R {
        let rs = self.rs;
        match rs.memo_contexte[v] {
            Some((debut, coll)) => {
                let i = debut
                    + match coll {
                        Collection::Enfants => self.enfant,
                        Collection::Adultes => self.personne,
                    };
                if let Some(x) = &self.memo_contexte[i] {
                    return Ok(x.clone());
                }
                let x = self.eval(self.p.variables[v])?;
                self.memo_contexte[i] = Some(x.clone());
                Ok(x)
            }
            None => self.eval(self.p.variables[v]),
        }
    }

    fn nombre(&mut self, n: Id) -> Result<Result<Decimal, Manquants>, ErreurCalcul> {
        Ok(match self.eval(n)? {
            Valeur::Nombre(d) => Ok(d),
            Valeur::Inconnu(m) | Valeur::Borne(m, _, _) => Err(m),
            autre => {
                return Err(ErreurCalcul(format!("nombre attendu, trouvé {autre:?}")));
            }
        })
    }

    /// Evaluates a node. The common nodes are handled here; the others are
    /// out of line, which keeps this (recursive) function's frame small.
    fn eval(&mut self, n: Id) -> R {
        Ok(match self.p.op(n) {
            Op::Const(c) => self.p.constantes[c as usize].clone(),
            Op::Champ(c) => self.champ(c),
            Op::Var(v) => self.var(v)?,
            Op::VarContexte(v) => self.var_contexte(v)?,
            Op::Bin(op, a, b) => self.binaire(op, a, b)?,
            Op::Et(items) => self.et_ou(items, false)?,
            Op::Ou(items) => self.et_ou(items, true)?,
            Op::Si(c, a, b) => match self.eval(c)? {
                Valeur::Booleen(true) => self.eval(a)?,
                Valeur::Booleen(false) => self.eval(b)?,
                cond => self.si_inconnu(cond, a, b),
            },
            Op::MontantAide(a) => self.etat(a)?.montant.clone(),
            Op::EligibleAide(a) => self.etat(a)?.eligible.clone(),
            Op::SortieAide(a, s) => self.etat(a)?.sorties[s as usize].clone(),
            Op::Non(x) => match self.eval(x)? {
                Valeur::Booleen(b) => Valeur::Booleen(!b),
                autre => autre,
            },
            Op::ADefaut(a, b) => match self.eval(a)? {
                v if !v.est_connue() => self.eval(b)?,
                connue => connue,
            },
            Op::Min(items) => self.min_max(items, true)?,
            Op::Max(items) => self.min_max(items, false)?,
            Op::Agregat(ag, coll, x) => self.agregat(ag, coll, x)?,
            autre => self.eval_rare(autre)?,
        })
    }

    #[inline(never)]
    fn eval_rare(&mut self, op: Op) -> R {
        Ok(match op {
            Op::Param(p) => match self.param(p)? {
                ValeurParametre::Nombre(d) => Valeur::Nombre(*d),
                _ => return Err(ErreurCalcul("paramètre non numérique".into())),
            },
            Op::ParamIndex(p, cle) => {
                let k = self.eval(cle)?;
                if !k.est_connue() {
                    // The key's bounds say nothing about the table's values.
                    return Ok(Valeur::Inconnu(k.manquants()));
                }
                let ValeurParametre::Table(t) = self.param(p)? else {
                    return Err(ErreurCalcul("paramètre non tabulé".into()));
                };
                let trouve = t.iter().find(|c| match &k {
                    Valeur::Nombre(d) => c.cle_nombre == Some(*d),
                    Valeur::Texte(x) => c.cle == *x,
                    Valeur::Booleen(b) => c.cle == if *b { "vrai" } else { "faux" },
                    Valeur::Inconnu(_) | Valeur::Borne(..) => false,
                });
                match trouve {
                    Some(c) => Valeur::Nombre(c.valeur),
                    None => {
                        return Err(ErreurCalcul(format!(
                            "la table « {} » n'a pas de valeur pour « {k:?} »",
                            self.rs.parametres[p].nom
                        )));
                    }
                }
            }
            Op::Neg(x) => {
                let v = self.eval(x)?;
                match v.intervalle() {
                    Some((bas, haut)) => {
                        Valeur::borne(v.manquants(), haut.map(|h| -h), bas.map(|b| -b))
                    }
                    None => return Err(ErreurCalcul("nombre attendu après « - »".into())),
                }
            }
            Op::Arrondi(mode, x, decimales) => {
                let v = self.eval(x)?;
                match v {
                    Valeur::Nombre(d) => Valeur::Nombre(arrondir(d, mode, decimales)?),
                    // Rounding is monotonic: round the bounds.
                    Valeur::Borne(m, bas, haut) => Valeur::borne(
                        m,
                        bas.map(|b| arrondir(b, mode, decimales)).transpose()?,
                        haut.map(|h| arrondir(h, mode, decimales)).transpose()?,
                    ),
                    autre => Valeur::Inconnu(autre.manquants()),
                }
            }
            Op::Bareme(p, x) => match self.nombre(x)? {
                Err(m) => Valeur::Inconnu(m),
                Ok(base) => {
                    let ValeurParametre::Bareme(tranches) = self.param(p)? else {
                        return Err(ErreurCalcul("barème attendu".into()));
                    };
                    Valeur::Nombre(bareme(tranches, base)?)
                }
            },
            Op::Grille(p, x) => match self.nombre(x)? {
                Err(m) => Valeur::Inconnu(m),
                Ok(base) => {
                    let ValeurParametre::Bareme(tranches) = self.param(p)? else {
                        return Err(ErreurCalcul("barème attendu".into()));
                    };
                    let t = tranches
                        .iter()
                        .find(|t| t.jusqu_a.is_none_or(|j| base < j))
                        .unwrap_or_else(|| tranches.last().expect("a scale has a bracket"));
                    Valeur::Nombre(t.montant.or(t.taux).unwrap_or(Decimal::ZERO))
                }
            },
            Op::ParamAnnee(p, decalage) => {
                let jour = premier_janvier(self.jour, decalage);
                let par = &self.rs.parametres[p];
                match par.a_la_date(jour) {
                    Some(ValeurParametre::Nombre(d)) => Valeur::Nombre(*d),
                    _ => {
                        let annee = (self.jour / 10000) as i64 + decalage as i64;
                        return Err(ErreurCalcul(format!(
                            "le paramètre « {} » n'a pas de valeur au 1er janvier {annee}",
                            par.nom
                        )));
                    }
                }
            }
            autre => unreachable!("`eval` handles {autre:?}"),
        })
    }

    fn et_ou(&mut self, items: Liste, ou: bool) -> R {
        let mut m = Manquants::VIDE;
        let p = self.p;
        for &x in p.liste(items) {
            match self.eval(x)? {
                Valeur::Booleen(b) if b == ou => return Ok(Valeur::Booleen(ou)),
                Valeur::Inconnu(mm) => m = m.union(mm),
                _ => {}
            }
        }
        Ok(if m.est_vide() {
            Valeur::Booleen(!ou)
        } else {
            Valeur::Inconnu(m)
        })
    }

    /// `si` whose condition is not known.
    #[inline(never)]
    fn si_inconnu(&mut self, cond: Valeur, a: Id, b: Id) -> Valeur {
        // Both branches may agree: then the condition does not matter.
        // A branch that would fail (say, a division guarded by the
        // condition) only means the branch cannot be known yet.
        let va = self.eval(a).unwrap_or(Valeur::Inconnu(cond.manquants()));
        let vb = self.eval(b).unwrap_or(Valeur::Inconnu(cond.manquants()));
        let m = cond.manquants().union(va.manquants()).union(vb.manquants());
        if va.est_connue() && va == vb {
            va
        } else if let (Some((ab, ah)), Some((bb, bh))) = (va.intervalle(), vb.intervalle()) {
            // Either branch may be taken: the union of their intervals
            // (never a point: that would hide the condition's fields).
            let bas = ab.zip(bb).map(|(x, y)| x.min(y));
            let haut = ah.zip(bh).map(|(x, y)| x.max(y));
            if bas.is_none() && haut.is_none() {
                Valeur::Inconnu(m)
            } else {
                Valeur::Borne(m, bas, haut)
            }
        } else {
            Valeur::Inconnu(m)
        }
    }

    #[inline(never)]
    fn min_max(&mut self, items: Liste, est_min: bool) -> R {
        // Interval of the result: min/max of the lower bounds and of the
        // upper bounds; settled when it shrinks to a point.
        let mut m = Manquants::VIDE;
        let mut bas: Option<Option<Decimal>> = None;
        let mut haut: Option<Option<Decimal>> = None;
        let p = self.p;
        for &x in p.liste(items) {
            let v = self.eval(x)?;
            let Some((b, h)) = v.intervalle() else {
                return Err(ErreurCalcul("nombre attendu dans min/max".into()));
            };
            m = m.union(v.manquants());
            let choisir = |acc: Option<Option<Decimal>>, x: Option<Decimal>, cote_bas: bool| {
                let Some(acc) = acc else { return Some(x) };
                // For min, an unbounded lower side stays unbounded; for max,
                // an unbounded upper side does.
                Some(match (acc, x) {
                    (Some(a), Some(b)) => Some(if est_min { a.min(b) } else { a.max(b) }),
                    (None, other) | (other, None) => {
                        if est_min == cote_bas {
                            None
                        } else {
                            other
                        }
                    }
                })
            };
            bas = choisir(bas, b, true);
            haut = choisir(haut, h, false);
        }
        let (bas, haut) = (bas.flatten(), haut.flatten());
        Ok(if m.est_vide() {
            Valeur::Nombre(bas.unwrap_or(Decimal::ZERO))
        } else {
            Valeur::borne(m, bas, haut)
        })
    }

    fn etat(&self, a: AideId) -> Result<&Etat, ErreurCalcul> {
        self.aides[a].as_ref().ok_or_else(|| {
            ErreurCalcul(format!(
                "l'aide « {} » n'a pas pu être calculée",
                self.rs.aides[a].id
            ))
        })
    }

    fn binaire(&mut self, op: BinOp, a: Id, b: Id) -> R {
        let va = self.eval(a)?;
        // `0 * x` is 0 whatever x is: a zero rate settles the product.
        let est_zero = |v: &Valeur| matches!(v, Valeur::Nombre(d) if d.is_zero());
        if op == BinOp::Mul && est_zero(&va) {
            return Ok(va);
        }
        let vb = self.eval(b)?;
        if op == BinOp::Mul && est_zero(&vb) {
            return Ok(vb);
        }
        if !va.est_connue() || !vb.est_connue() {
            return Ok(binaire_intervalles(op, &va, &vb));
        }
        if matches!(op, BinOp::Eq | BinOp::Ne) {
            let egal = match (&va, &vb) {
                (Valeur::Texte(x), Valeur::Texte(y)) => x == y,
                (x, y) => x == y,
            };
            return Ok(Valeur::Booleen(if op == BinOp::Eq { egal } else { !egal }));
        }
        let (Valeur::Nombre(x), Valeur::Nombre(y)) = (va, vb) else {
            return Err(ErreurCalcul(format!(
                "« {} » entre non-nombres",
                op.symbole()
            )));
        };
        let debordement =
            || ErreurCalcul(format!("dépassement de capacité dans « {} »", op.symbole()));
        Ok(match op {
            BinOp::Add => Valeur::Nombre(x.checked_add(y).ok_or_else(debordement)?),
            BinOp::Sub => Valeur::Nombre(x.checked_sub(y).ok_or_else(debordement)?),
            BinOp::Mul => Valeur::Nombre(x.checked_mul(y).ok_or_else(debordement)?),
            BinOp::Div => {
                if y.is_zero() {
                    return Err(ErreurCalcul("division par zéro".into()));
                }
                Valeur::Nombre(x.checked_div(y).ok_or_else(debordement)?)
            }
            BinOp::Lt => Valeur::Booleen(x < y),
            BinOp::Le => Valeur::Booleen(x <= y),
            BinOp::Gt => Valeur::Booleen(x > y),
            BinOp::Ge => Valeur::Booleen(x >= y),
            BinOp::Eq | BinOp::Ne => unreachable!("handled above"),
        })
    }

    fn agregat(&mut self, ag: Agregat, coll: Collection, x: Id) -> R {
        // Indices without allocating: children are at most MAX_ENFANTS.
        const TOUS: [usize; crate::situation::MAX_ENFANTS] = {
            let mut t = [0; crate::situation::MAX_ENFANTS];
            let mut i = 0;
            while i < t.len() {
                t[i] = i;
                i += 1;
            }
            t
        };
        let indices: &[usize] = match coll {
            Collection::Enfants => match self.faits.nombre_enfants {
                Ok(n) => &TOUS[..n.min(TOUS.len())],
                Err(m) => return Ok(Valeur::Inconnu(m)),
            },
            Collection::Adultes => match &self.faits.couple {
                Valeur::Booleen(true) => &TOUS[..2],
                Valeur::Booleen(false) => &TOUS[..1],
                autre => {
                    // The demandeur alone may already settle `existe`.
                    let seul = self.agregat_sur(ag, coll, x, &[0])?;
                    if ag == Agregat::Existe && seul == Valeur::Booleen(true)
                        || ag == Agregat::Tous && seul == Valeur::Booleen(false)
                    {
                        return Ok(seul);
                    }
                    return Ok(Valeur::Inconnu(autre.manquants().union(seul.manquants())));
                }
            },
        };
        self.agregat_sur(ag, coll, x, indices)
    }

    fn agregat_sur(&mut self, ag: Agregat, coll: Collection, x: Id, indices: &[usize]) -> R {
        let (ancien_e, ancien_p) = (self.enfant, self.personne);
        let mut m = Manquants::VIDE;
        let mut somme = Decimal::ZERO;
        // Bounds of the unknown part of a sum: from the items' intervals.
        let mut somme_bas: Option<Decimal> = Some(Decimal::ZERO);
        let mut somme_haut: Option<Decimal> = Some(Decimal::ZERO);
        let mut compte = 0u32;
        let mut decide: Option<bool> = None;
        for &i in indices {
            match coll {
                Collection::Enfants => self.enfant = i,
                Collection::Adultes => self.personne = i,
            }
            let v = self.eval(x);
            let v = match v {
                Ok(v) => v,
                Err(e) => {
                    self.enfant = ancien_e;
                    self.personne = ancien_p;
                    return Err(e);
                }
            };
            match (ag, v) {
                (Agregat::Somme, v) if !v.est_connue() => {
                    let (b, h) = v.intervalle().unwrap_or((None, None));
                    somme_bas = somme_bas.zip(b).and_then(|(x, y)| x.checked_add(y));
                    somme_haut = somme_haut.zip(h).and_then(|(x, y)| x.checked_add(y));
                    m = m.union(v.manquants())
                }
                (_, v) if !v.est_connue() => m = m.union(v.manquants()),
                (Agregat::Somme, Valeur::Nombre(d)) => {
                    somme = somme
                        .checked_add(d)
                        .ok_or_else(|| ErreurCalcul("dépassement dans une somme".into()))?
                }
                (Agregat::Nombre, Valeur::Booleen(b)) => compte += u32::from(b),
                (Agregat::Existe, Valeur::Booleen(true)) => decide = Some(true),
                (Agregat::Tous, Valeur::Booleen(false)) => decide = Some(false),
                _ => {}
            }
            if decide.is_some() {
                break;
            }
        }
        self.enfant = ancien_e;
        self.personne = ancien_p;
        if let Some(b) = decide {
            return Ok(Valeur::Booleen(b));
        }
        if !m.est_vide() {
            if ag == Agregat::Somme {
                let plus = |x: Option<Decimal>| x.and_then(|x| x.checked_add(somme));
                return Ok(Valeur::borne(m, plus(somme_bas), plus(somme_haut)));
            }
            return Ok(Valeur::Inconnu(m));
        }
        Ok(match ag {
            Agregat::Somme => Valeur::Nombre(somme),
            Agregat::Nombre => Valeur::Nombre(Decimal::from(compte)),
            Agregat::Existe => Valeur::Booleen(false),
            Agregat::Tous => Valeur::Booleen(true),
        })
    }
}

fn arrondir(d: Decimal, mode: Arrondi, decimales: i32) -> Result<Decimal, ErreurCalcul> {
    let strategie = match mode {
        Arrondi::PlusProche => RoundingStrategy::MidpointAwayFromZero,
        Arrondi::Inferieur => RoundingStrategy::ToNegativeInfinity,
        Arrondi::Superieur => RoundingStrategy::ToPositiveInfinity,
    };
    if decimales >= 0 {
        return Ok(d.round_dp_with_strategy(decimales as u32, strategie));
    }
    let facteur = Decimal::from(10i64.pow((-decimales) as u32));
    let q = d
        .checked_div(facteur)
        .ok_or_else(|| ErreurCalcul("dépassement dans un arrondi".into()))?;
    q.round_dp_with_strategy(0, strategie)
        .checked_mul(facteur)
        .ok_or_else(|| ErreurCalcul("dépassement dans un arrondi".into()))
}

fn bareme(tranches: &[Tranche], base: Decimal) -> Result<Decimal, ErreurCalcul> {
    let mut total = Decimal::ZERO;
    let mut bas = Decimal::ZERO;
    for t in tranches {
        if base <= bas {
            break;
        }
        let haut = t.jusqu_a.map_or(base, |j| j.min(base));
        let taux = t.taux.unwrap_or(Decimal::ZERO);
        total += (haut - bas) * taux + t.montant.unwrap_or(Decimal::ZERO);
        if let Some(j) = t.jusqu_a {
            bas = j;
        } else {
            break;
        }
    }
    Ok(total)
}

/// Formats a number the French way for explanations: `1 173,04`, `12`.
pub fn format_nombre(d: Decimal) -> String {
    let mut s = String::new();
    ecrire_nombre(&mut s, d);
    s
}

/// Appends a number formatted the French way ([`format_nombre`]) to a line.
fn ecrire_nombre(s: &mut String, d: Decimal) {
    // Cents rounded half away from zero, as amounts are shown to claimants.
    let d = d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    // After rounding the scale is at most 2: the mantissa scaled to two
    // decimals is the number of cents (at most 2^96 · 100: fits a u128).
    let cents = d.mantissa().unsigned_abs() * 10u128.pow(2 - d.scale().min(2));
    if d.is_sign_negative() && cents != 0 {
        s.push('-');
    }
    // Digits of the integer part, then groups of three separated by spaces.
    let mut chiffres = [0u8; 40];
    let mut n = 0;
    let mut entier = cents / 100;
    loop {
        chiffres[n] = b'0' + (entier % 10) as u8;
        n += 1;
        entier /= 10;
        if entier == 0 {
            break;
        }
    }
    for i in (0..n).rev() {
        s.push(chiffres[i] as char);
        if i > 0 && i % 3 == 0 {
            s.push(' ');
        }
    }
    let frac = (cents % 100) as u8;
    if frac != 0 {
        s.push(',');
        s.push((b'0' + frac / 10) as char);
        s.push((b'0' + frac % 10) as char);
    }
}

/// Appends a value to an explanation line; false when it is not known (the
/// line is then left out).
fn ecrire_valeur(s: &mut String, v: &Valeur) -> bool {
    match v {
        Valeur::Nombre(d) => ecrire_nombre(s, *d),
        Valeur::Booleen(b) => s.push_str(if *b { "oui" } else { "non" }),
        Valeur::Texte(t) => s.extend(t.chars().map(|c| if c == '_' { ' ' } else { c })),
        Valeur::Inconnu(_) | Valeur::Borne(..) => return false,
    }
    true
}

/// A value as written in explanations; `None` when it is not known.
pub(super) fn formater(v: &Valeur) -> Option<String> {
    let mut s = String::new();
    ecrire_valeur(&mut s, v).then_some(s)
}

/// The first day of the year of `jour` plus `decalage` years (`YYYY0101`),
/// for `au_1er_janvier`.
pub(super) fn premier_janvier(jour: u32, decalage: i32) -> u32 {
    let annee = (jour / 10000) as i64 + decalage as i64;
    (annee.max(0) as u32) * 10000 + 101
}

/// The value of a node of a program being compiled whose operands are all
/// constants, when computing it does not fail: how the compiler folds
/// constants with exactly the evaluator's arithmetic.
pub(super) fn evaluer_constante(rs: &RuleSet, p: &Programme, n: Id) -> Option<Valeur> {
    // Nothing of the household is read: operands are constants.
    let faits = Faits {
        valeurs: Vec::new(),
        couple: Valeur::Inconnu(Manquants::VIDE),
        nombre_enfants: Err(Manquants::VIDE),
        hypotheses: Manquants::VIDE,
    };
    let mut ctx = Contexte {
        rs,
        p,
        faits: &faits,
        jour: p.jour,
        memo: Vec::new(),
        memo_contexte: Vec::new(),
        aides: Vec::new(),
        enfant: 0,
        personne: 0,
    };
    ctx.eval(n).ok()
}

/// Evaluates every aid of a rule set on a situation.
pub fn evaluer(rs: &RuleSet, situation: &Situation, mois_par_defaut: Mois) -> Evaluation {
    let faits = Faits::depuis(situation, rs.hypotheses_slots());
    evaluer_faits(rs, &faits, situation.mois.unwrap_or(mois_par_defaut))
}

/// Evaluates every aid on already flattened facts.
pub fn evaluer_faits(rs: &RuleSet, faits: &Faits, mois: Mois) -> Evaluation {
    let jour = mois.premier_jour();
    let p = rs.programme(jour);
    let mut ctx = Contexte {
        rs,
        p: &p,
        faits,
        jour,
        memo: vec![None; rs.variables.len()],
        memo_contexte: vec![None; rs.taille_memo_contexte],
        aides: vec![None; rs.aides.len()],
        enfant: 0,
        personne: 0,
    };
    let mut resultats = Vec::with_capacity(rs.aides.len());
    for (i, (aide, ap)) in rs.aides.iter().zip(&p.aides).enumerate() {
        let (resultat, etat) = match evaluer_aide(&mut ctx, aide, ap) {
            Ok(x) => x,
            Err(ErreurCalcul(message)) => {
                let r = ResultatAide {
                    id: aide.id.clone(),
                    libelle: aide.libelle.clone(),
                    statut: Statut::Indetermine,
                    montant: None,
                    periodicite: None,
                    sorties: Vec::new(),
                    champs_manquants: Vec::new(),
                    explication: vec![
                        "Le calcul de cette aide a échoué ; un conseiller peut vous aider.".into(),
                    ],
                    hypotheses: Vec::new(),
                    demarche: Some(aide.demarche.clone()),
                    erreur: Some(format!("{}: {message}", aide.fichier)),
                };
                (r, None)
            }
        };
        ctx.aides[i] = etat;
        resultats.push(resultat);
    }
    Evaluation { aides: resultats }
}

fn evaluer_aide(
    ctx: &mut Contexte<'_>,
    aide: &Aide,
    ap: &AideP,
) -> Result<(ResultatAide, Option<Etat>), ErreurCalcul> {
    // Conditions, perhaps a line on the amount, then the explanation lines.
    let mut explication = Vec::with_capacity(aide.conditions.len() + ap.explications.len() + 1);
    let mut manquants_conditions = Manquants::VIDE;
    let mut une_fausse = false;
    for (c, &n) in aide.conditions.iter().zip(&ap.conditions) {
        match ctx.eval(n)? {
            Valeur::Booleen(true) => explication.push(c.oui.clone()),
            Valeur::Booleen(false) => {
                une_fausse = true;
                explication.push(c.non.clone());
            }
            v => {
                manquants_conditions = manquants_conditions.union(v.manquants());
                explication.push(c.inconnu.clone());
            }
        }
    }
    let mut montant = Valeur::Nombre(Decimal::ZERO);
    let mut sorties = Vec::new();
    let mut minimum = None;
    if !une_fausse {
        if let Some(m) = ap.montant {
            montant = ctx.eval(m)?;
        }
        if let Some(m) = ap.minimum {
            minimum = ctx.eval(m)?.nombre();
        }
        for &s in &ap.sorties {
            sorties.push(ctx.eval(s)?);
        }
    }
    // The amount can settle the status on its own: a differential aid whose
    // amount is already 0 is not due, whatever the unknown conditions say.
    let montant_nul = match (&montant, aide.montant.is_some()) {
        (Valeur::Nombre(d), true) => *d <= Decimal::ZERO || minimum.is_some_and(|mini| *d < mini),
        _ => false,
    };
    let statut = if une_fausse || montant_nul {
        Statut::NonEligible
    } else if !manquants_conditions.est_vide() || !montant.est_connue() {
        Statut::Indetermine
    } else {
        Statut::Eligible
    };
    if montant_nul && !une_fausse {
        let d = montant.nombre().unwrap_or(Decimal::ZERO);
        if d > Decimal::ZERO {
            explication.push(
                format!(
                    "Le montant calculé ({} €) est inférieur au minimum versé ({} €).",
                    format_nombre(d),
                    format_nombre(minimum.unwrap_or(Decimal::ZERO))
                )
                .into(),
            );
        } else {
            explication.push(
                "Vos ressources dépassent le montant de cette aide : le calcul donne 0 €.".into(),
            );
        }
    }
    let champs_manquants = match statut {
        Statut::Indetermine => {
            let m = manquants_conditions.union(montant.manquants());
            m.iter().map(faits::chemin).collect()
        }
        _ => Vec::new(),
    };
    if statut != Statut::NonEligible {
        for ligne in &ap.explications {
            match ligne {
                Ligne::Fixe(texte) => explication.push(texte.clone()),
                Ligne::Gabarit(morceaux) => {
                    let mut s = String::with_capacity(128);
                    let mut complete = true;
                    for morceau in morceaux {
                        match morceau {
                            MorceauP::Texte(t) => s.push_str(t),
                            MorceauP::Valeur(n) => {
                                if !ecrire_valeur(&mut s, &ctx.eval(*n)?) {
                                    complete = false;
                                    break;
                                }
                            }
                        }
                    }
                    if complete {
                        explication.push(s.into());
                    }
                }
            }
        }
    }
    let hypotheses = ctx
        .rs
        .hypotheses
        .iter()
        .filter(|h| ctx.faits.hypotheses.contient(h.slot) && aide.champs_lus.contient(h.slot))
        .map(|h| h.texte.clone())
        .collect();
    let eligible = match statut {
        Statut::Eligible => Valeur::Booleen(true),
        Statut::NonEligible => Valeur::Booleen(false),
        Statut::Indetermine => Valeur::Inconnu(manquants_conditions.union(montant.manquants())),
    };
    let montant_visible = match statut {
        Statut::Eligible => montant.nombre(),
        _ => None,
    };
    let montant_pour_les_autres = match statut {
        Statut::Eligible => montant.clone(),
        Statut::NonEligible => Valeur::Nombre(Decimal::ZERO),
        Statut::Indetermine => eligible.clone(),
    };
    let sorties_visibles: Vec<(String, Decimal)> = if statut == Statut::Eligible {
        aide.sorties
            .iter()
            .zip(&sorties)
            .filter_map(|((nom, _), v)| v.nombre().map(|d| (nom.clone(), d)))
            .collect()
    } else {
        Vec::new()
    };
    let sorties_etat = aide
        .sorties
        .iter()
        .enumerate()
        .map(|(i, _)| match statut {
            Statut::Eligible => sorties
                .get(i)
                .cloned()
                .unwrap_or(Valeur::Nombre(Decimal::ZERO)),
            Statut::NonEligible => Valeur::Nombre(Decimal::ZERO),
            Statut::Indetermine => eligible.clone(),
        })
        .collect();
    let resultat = ResultatAide {
        id: aide.id.clone(),
        libelle: aide.libelle.clone(),
        statut,
        montant: if aide.montant.is_some() {
            montant_visible
        } else {
            None
        },
        periodicite: match aide.periodicite {
            Periodicite::Mensuelle => None,
            p => Some(p),
        },
        sorties: sorties_visibles,
        champs_manquants,
        explication,
        hypotheses,
        demarche: (statut != Statut::NonEligible).then(|| aide.demarche.clone()),
        erreur: None,
    };
    let etat = Etat {
        montant: montant_pour_les_autres,
        eligible,
        sorties: sorties_etat,
    };
    Ok((resultat, Some(etat)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn numbers_are_formatted_the_french_way() {
        assert_eq!(format_nombre(dec!(1173.04)), "1 173,04");
        assert_eq!(format_nombre(dec!(12)), "12");
        assert_eq!(format_nombre(dec!(651.695)), "651,70");
        assert_eq!(format_nombre(dec!(1234567.5)), "1 234 567,50");
        assert_eq!(format_nombre(dec!(-3.2)), "-3,20");
    }

    #[test]
    fn rounding_to_hundreds_goes_the_named_way() {
        assert_eq!(
            arrondir(dec!(9001), Arrondi::Superieur, -2).unwrap(),
            dec!(9100)
        );
        assert_eq!(
            arrondir(dec!(9050), Arrondi::PlusProche, -2).unwrap(),
            dec!(9100)
        );
        assert_eq!(
            arrondir(dec!(9099), Arrondi::Inferieur, -2).unwrap(),
            dec!(9000)
        );
        assert_eq!(
            arrondir(dec!(2.345), Arrondi::PlusProche, 2).unwrap(),
            dec!(2.35)
        );
    }

    #[test]
    fn marginal_scale() {
        let t = vec![
            Tranche {
                jusqu_a: Some(dec!(1000)),
                taux: Some(dec!(0)),
                montant: None,
            },
            Tranche {
                jusqu_a: Some(dec!(2000)),
                taux: Some(dec!(0.1)),
                montant: None,
            },
            Tranche {
                jusqu_a: None,
                taux: Some(dec!(0.2)),
                montant: None,
            },
        ];
        assert_eq!(bareme(&t, dec!(2500)).unwrap(), dec!(200));
        assert_eq!(bareme(&t, dec!(500)).unwrap(), dec!(0));
    }
}

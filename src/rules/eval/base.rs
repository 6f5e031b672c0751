//! Values shared by every household of one shape in one month.
//!
//! A variable is a function of the facts it reads and of the month. So the
//! first household of each shape (`couple` unknown, false or true, times
//! `nombre_enfants` unknown or 0 to 12) leads to evaluating that shape with
//! nothing else known, once per month ([`Base`]); a later household of the
//! same shape compares its facts with that one's slot by slot, and takes
//! from there every variable and aid that reads none of the slots that
//! differ ([`Programme::lectures`]). In a dialogue's first turns, when
//! most facts are still unknown, that is most of the work.

use super::*;

/// A variable's value in [`Base`], independent of any evaluation's
/// unknowns (an unknown carries its own fields and bounds).
#[derive(Debug, Clone, Copy)]
enum Acquis {
    /// Not computed (the household that says nothing never read it, or it
    /// failed).
    Absent,
    /// A known value.
    Connu(Val),
    /// An unknown value.
    Inconnu(Inconnue),
}

/// What evaluating a household that says nothing but its shape gives, for
/// one month: every variable's value and every aid's outcome, kept apart
/// from that evaluation's table of unknowns.
#[derive(Debug, Clone)]
pub(in crate::rules) struct Base {
    /// The facts of that household (some hypotheses may apply to it).
    faits: Faits,
    /// Each variable's value.
    memo: Vec<Acquis>,
    /// Each per-child or per-adult variable's value, as
    /// [`Contexte::memo_contexte`] lays them out.
    memo_contexte: Vec<Acquis>,
    /// Each aid's outcome.
    aides: Vec<AideAcquise>,
}

/// An aid's outcome in [`Base`]: its [`Calcul`] (explanation included)
/// and its [`Etat`] (`None` when it failed).
#[derive(Debug, Clone)]
struct AideAcquise {
    statut: Statut,
    montant: Acquis,
    manquants: Manquants,
    sorties: Vec<Acquis>,
    explication: Explication,
    erreur: Option<String>,
    etat: Option<(Acquis, Acquis, Vec<Acquis>)>,
}

/// The [`Base`]s of a month's program, one per shape: `couple` unknown,
/// false or true, times `nombre_enfants` unknown or 0 to
/// [`MAX_ENFANTS`](crate::situation::MAX_ENFANTS).
#[derive(Debug, Clone)]
pub(in crate::rules) struct Bases(Box<[std::sync::OnceLock<Base>]>);

const FORMES_ENFANTS: usize = crate::situation::MAX_ENFANTS + 2;

impl Default for Bases {
    fn default() -> Bases {
        Bases(
            (0..3 * FORMES_ENFANTS)
                .map(|_| std::sync::OnceLock::new())
                .collect(),
        )
    }
}

impl Bases {
    /// The base of the household's shape, evaluated now if it is the first
    /// household of that shape this month.
    pub(in crate::rules) fn pour(&self, rs: &RuleSet, p: &Programme, faits: &Faits) -> &Base {
        let couple = match faits.couple {
            Valeur::Booleen(b) => Some(b),
            _ => None,
        };
        let enfants = faits.nombre_enfants.ok();
        let i = match couple {
            None => 0,
            Some(false) => 1,
            Some(true) => 2,
        } * FORMES_ENFANTS
            + enfants.map_or(0, |n| n + 1);
        self.0[i].get_or_init(|| Base::calculer(rs, p, couple, enfants))
    }
}

impl Base {
    /// The slots whose facts differ between a household and this one.
    pub(super) fn differents(&self, faits: &Faits) -> Manquants {
        faits.differences(&self.faits)
    }

    /// Evaluates every aid for a household that says nothing but its shape
    /// and keeps the variables' values and the aids' outcomes.
    fn calculer(rs: &RuleSet, p: &Programme, couple: Option<bool>, enfants: Option<usize>) -> Base {
        let forme = Situation {
            couple,
            nombre_enfants: enfants.map(Decimal::from),
            ..Situation::default()
        };
        let faits = Faits::depuis(&forme, rs.hypotheses_slots());
        let mut ctx = Contexte::nouveau(rs, p, &faits, Memoire::default(), None);
        let mut aides = Vec::with_capacity(rs.aides.len());
        for (i, (aide, ap)) in rs.aides.iter().zip(&p.aides).enumerate() {
            let (calcul, etat) = evaluer_une_aide(&mut ctx, i, aide, ap, true);
            let acquis = |x: Val| ctx.acquis_de(x);
            aides.push(AideAcquise {
                statut: calcul.statut,
                montant: acquis(calcul.montant),
                manquants: calcul.manquants,
                sorties: calcul.sorties.iter().map(|&x| acquis(x)).collect(),
                explication: calcul.explication,
                erreur: calcul.erreur,
                etat: etat.as_ref().map(|e| {
                    let sorties = e.sorties.iter().map(|&x| acquis(x)).collect();
                    (acquis(e.montant), acquis(e.eligible), sorties)
                }),
            });
            ctx.aides[i] = etat;
        }
        let memo = ctx.memo.iter().map(|&x| ctx.acquis_de(x)).collect();
        let memo_contexte = ctx
            .memo_contexte
            .iter()
            .map(|&x| ctx.acquis_de(x))
            .collect();
        Base {
            faits,
            memo,
            memo_contexte,
            aides,
        }
    }
}

impl<'a> Contexte<'a> {
    /// A variable's value from [`Base`], when none of the facts it may
    /// read differs from there and it was computed there.
    #[inline]
    pub(super) fn de_la_base(&mut self, v: VarId) -> Option<Val> {
        let base = self.base?;
        if !self.memes_faits(self.p.lectures[v]) {
            return None;
        }
        #[cfg(test)]
        tests::VARIABLES_DE_LA_BASE.set(tests::VARIABLES_DE_LA_BASE.get() + 1);
        self.acquis(base.memo[v])
    }

    /// Whether the household's facts in these slots are the base's.
    #[inline]
    fn memes_faits(&self, slots: Manquants) -> bool {
        slots.inter(self.differents).est_vide()
    }

    /// A value of this evaluation as [`Base`] keeps it.
    fn acquis_de(&self, x: Val) -> Acquis {
        if x.est_absente() {
            Acquis::Absent
        } else if x.est_connue() {
            Acquis::Connu(x)
        } else {
            Acquis::Inconnu(self.inconnues[x.b as usize])
        }
    }

    /// A value of [`Base`] that is there (an aid's) as a value of this
    /// evaluation.
    fn present(&mut self, a: Acquis) -> Val {
        self.acquis(a).unwrap_or(Val::ABSENTE)
    }

    /// A value of [`Base`] as a value of this evaluation.
    #[inline]
    fn acquis(&mut self, a: Acquis) -> Option<Val> {
        match a {
            Acquis::Absent => None,
            Acquis::Connu(x) => Some(x),
            Acquis::Inconnu(u) => {
                let i = self.inconnues.len() as u32;
                self.inconnues.push(u);
                Some(Vue::Inconnu(i).val())
            }
        }
    }

    /// A per-child or per-adult variable's value from [`Base`] (at its
    /// place `i` in the per-item memo), on the same terms as
    /// [`Self::de_la_base`].
    pub(super) fn de_la_base_contexte(&mut self, v: VarId, i: usize) -> Option<Val> {
        let base = self.base?;
        if !self.memes_faits(self.p.lectures[v]) {
            return None;
        }
        self.acquis(base.memo_contexte[i])
    }

    /// The outcome of the aid `i` from [`Base`], when none of the facts it
    /// may read differs from there: its [`Calcul`] (the explanation only
    /// when `complet`) and its [`Etat`].
    pub(super) fn aide_de_la_base(
        &mut self,
        i: usize,
        complet: bool,
    ) -> Option<(Calcul, Option<Etat>)> {
        let base = self.base?;
        if !self.memes_faits(self.p.lectures_aides[i]) {
            return None;
        }
        #[cfg(test)]
        tests::AIDES_DE_LA_BASE.set(tests::AIDES_DE_LA_BASE.get() + 1);
        let a = &base.aides[i];
        let calcul = Calcul {
            statut: a.statut,
            montant: self.present(a.montant),
            manquants: a.manquants,
            sorties: a.sorties.iter().map(|&x| self.present(x)).collect(),
            explication: if complet {
                a.explication.clone()
            } else {
                Explication::default()
            },
            erreur: a.erreur.clone(),
        };
        let etat = a.etat.as_ref().map(|(montant, eligible, sorties)| Etat {
            montant: self.present(*montant),
            eligible: self.present(*eligible),
            sorties: sorties.iter().map(|&x| self.present(x)).collect(),
        });
        Some((calcul, etat))
    }
}

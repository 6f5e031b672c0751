//! Evaluating the checked rules on a situation, with three-valued logic.
//!
//! Each aid is evaluated once, in dependency order, by walking the trees
//! [`super::load`] checked. Shared variables are computed at most once per
//! situation and month (a memo indexed by variable); variables that read
//! the current child or adult once per child or adult. A value that depends
//! on an unknown field is unknown and carries the fields that would settle
//! it (and, for a number, the interval it lies in): what each operation
//! gives then is decided in [`super::intervalles`], nowhere else.
//!
//! Arithmetic is checked: an overflow or a division by zero is a rule bug,
//! reported on the aid as `erreur` rather than a panic.
//!
//! `au_mois(x, k)` evaluates `x` with the legislation of another month,
//! with a memo of its own for that month; a variable or an aid whose
//! parameters have the same values there as in the situation's month is
//! taken from the situation's month rather than computed again.

use super::explication::{Explication, ValeurEcrite};
use super::faits::{self, Champ, Faits};
use super::intervalles::{self as iv, Agregation, EtOu, MinMax};
use super::parametres::{self, ValeurParametre};
use super::valeur::{Manquants, Valeur};
use super::*;

/// A failed computation (a rule bug) and why.
#[derive(Debug, Clone)]
struct Echec(String);

type R = Result<Valeur, Echec>;

impl From<String> for Echec {
    fn from(message: String) -> Echec {
        Echec(message)
    }
}

/// What other formulas read of an aid: its amount and whether it is
/// granted (unknown while the aid is undetermined), and its extra outputs.
#[derive(Debug, Clone)]
struct Etat {
    montant: Valeur,
    eligible: Valeur,
    sorties: Vec<Valeur>,
}

/// One evaluation: the facts, and what has been computed so far in each
/// month whose legislation a formula needs (`au_mois`).
struct Contexte<'a> {
    rs: &'a RuleSet,
    faits: &'a Faits,
    /// The situation's month first, then those `au_mois` needed.
    mois: Vec<Mois_<'a>>,
    /// The month being evaluated, in `mois`.
    courant: usize,
    /// The child and the adult that `enfant.x` and `personne.x` read.
    enfant: usize,
    personne: usize,
}

/// What has been computed with one month's legislation.
struct Mois_<'a> {
    /// First day of the month whose legislation applies.
    jour: u32,
    /// Each variable's value, once computed.
    memo: Vec<Option<Valeur>>,
    /// Values of variables computed per child or adult ([`RuleSet::memo_contexte`]).
    memo_contexte: Vec<Option<Valeur>>,
    /// Each aid's state once evaluated (`Some(None)`: it failed).
    aides: Vec<Option<Option<Etat>>>,
    _regles: std::marker::PhantomData<&'a ()>,
}

impl Mois_<'_> {
    fn nouveau(rs: &RuleSet, jour: u32) -> Self {
        Mois_ {
            jour,
            memo: vec![None; rs.variables.len()],
            memo_contexte: vec![None; rs.taille_memo_contexte],
            aides: vec![None; rs.aides.len()],
            _regles: std::marker::PhantomData,
        }
    }
}

/// The first day of the month since which nothing a formula reads has
/// changed on `jour`, from the months it changes ([`Noeud::AuMois`]).
fn debut_legislation(changements: &[u32], jour: u32) -> u32 {
    let n = changements.partition_point(|&d| d <= jour);
    if n == 0 { 0 } else { changements[n - 1] }
}

/// What evaluating one aid gave, before it is shaped into a result.
struct Calcul {
    statut: Statut,
    montant: Valeur,
    /// The fields missing from the conditions and the amount.
    manquants: Manquants,
    /// The values of the aid's extra outputs (empty when a condition fails).
    sorties: Vec<Valeur>,
    explication: Explication,
}

impl<'a> Contexte<'a> {
    fn nouveau(rs: &'a RuleSet, faits: &'a Faits, jour: u32) -> Contexte<'a> {
        Contexte {
            rs,
            faits,
            mois: vec![Mois_::nouveau(rs, jour)],
            courant: 0,
            enfant: 0,
            personne: 0,
        }
    }

    /// The first day of the month being evaluated.
    fn jour(&self) -> u32 {
        self.mois[self.courant].jour
    }

    /// Whether what `changements` dates reads has the same values in the
    /// month being evaluated as in the situation's month: then a value is
    /// taken from there rather than computed again.
    fn comme_le_mois_de_la_situation(&self, changements: &[u32]) -> bool {
        self.courant != 0
            && debut_legislation(changements, self.jour())
                == debut_legislation(changements, self.mois[0].jour)
    }

    /// `f` evaluated in month `m` of [`Self::mois`].
    fn dans_le_mois<T>(&mut self, m: usize, f: impl FnOnce(&mut Self) -> T) -> T {
        let avant = std::mem::replace(&mut self.courant, m);
        let r = f(self);
        self.courant = avant;
        r
    }

    /// Evaluates a node. The common nodes are here; the others are in
    /// [`Self::eval_autre`], out of line: this function calls itself for
    /// every node, and a small frame is what keeps that cheap.
    fn eval(&mut self, n: &Noeud) -> R {
        Ok(match n {
            Noeud::Const(v) => *v,
            Noeud::Champ(c) => self.champ(*c),
            Noeud::Var(v) => self.var(*v)?,
            Noeud::Bin(op, a, b) => {
                let va = self.eval(a)?;
                // `0 * x`: x is not needed, nor asked for.
                if iv::zero_absorbant(*op, &va) {
                    return Ok(va);
                }
                let vb = self.eval(b)?;
                iv::binaire(*op, va, vb)?
            }
            Noeud::Si(c, a, b) => match self.eval(c)? {
                Valeur::Booleen(true) => self.eval(a)?,
                Valeur::Booleen(false) => self.eval(b)?,
                cond => self.si_inconnu(cond, a, b),
            },
            autre => self.eval_autre(autre)?,
        })
    }

    /// `si` whose condition is not known. Both branches may agree: then the
    /// condition does not matter. A branch that would fail (a division
    /// guarded by the condition) only cannot be known yet.
    #[inline(never)]
    fn si_inconnu(&mut self, cond: Valeur, a: &Noeud, b: &Noeud) -> Valeur {
        let mc = cond.manquants();
        let va = self.eval(a).unwrap_or(Valeur::Inconnu(mc));
        let vb = self.eval(b).unwrap_or(Valeur::Inconnu(mc));
        iv::si_inconnu(mc, va, vb)
    }

    #[inline(never)]
    fn eval_autre(&mut self, n: &Noeud) -> R {
        Ok(match n {
            Noeud::Const(_) | Noeud::Champ(_) | Noeud::Var(_) | Noeud::Bin(..) | Noeud::Si(..) => {
                self.eval(n)?
            }
            Noeud::VarContexte(v) => self.var_contexte(*v)?,
            Noeud::Param(p) => match self.param(*p, self.jour())? {
                ValeurParametre::Nombre(d) => Valeur::Nombre(*d),
                _ => return Err(Echec("paramètre non numérique".into())),
            },
            Noeud::ParamIndex(p, cle) => self.param_index(*p, cle)?,
            Noeud::ParamAnnee(p, decalage) => {
                let jour = parametres::premier_janvier(self.jour(), *decalage);
                match self.rs.parametres[*p].a_la_date(jour) {
                    Some(ValeurParametre::Nombre(d)) => Valeur::Nombre(*d),
                    _ => {
                        return Err(Echec(format!(
                            "le paramètre « {} » n'a pas de valeur au 1er janvier {}",
                            self.rs.parametres[*p].nom,
                            jour / 10000
                        )));
                    }
                }
            }
            Noeud::Annee => Valeur::Nombre(Decimal::from(self.jour() / 10000)),
            Noeud::MontantAide(a) => self.etat(*a)?.montant,
            Noeud::EligibleAide(a) => self.etat(*a)?.eligible,
            Noeud::SortieAide(a, s) => self.etat(*a)?.sorties[*s],
            Noeud::Neg(x) => {
                let v = self.eval(x)?;
                iv::oppose(v)?
            }
            Noeud::Non(x) => iv::non(self.eval(x)?),
            Noeud::Et(items) | Noeud::Ou(items) => {
                let mut acc = EtOu::nouveau(matches!(n, Noeud::Ou(_)));
                for x in items {
                    if let Some(v) = acc.ajouter(&self.eval(x)?) {
                        return Ok(v);
                    }
                }
                acc.valeur()
            }
            Noeud::Min(items) | Noeud::Max(items) => {
                let mut acc = MinMax::nouveau(matches!(n, Noeud::Min(_)));
                for x in items {
                    let v = self.eval(x)?;
                    acc.ajouter(&v)?;
                }
                acc.valeur()
            }
            Noeud::Arrondi(mode, x, decimales) => {
                let v = self.eval(x)?;
                iv::arrondi(v, *mode, *decimales)?
            }
            Noeud::Bareme(p, x) | Noeud::Grille(p, x) => match self.eval(x)? {
                Valeur::Nombre(base) => {
                    let ValeurParametre::Bareme(tranches) = self.param(*p, self.jour())? else {
                        return Err(Echec("barème attendu".into()));
                    };
                    if matches!(n, Noeud::Bareme(..)) {
                        Valeur::Nombre(bareme(tranches, base))
                    } else {
                        Valeur::Nombre(grille(tranches, base))
                    }
                }
                Valeur::Inconnu(m) | Valeur::Borne(m, ..) => Valeur::Inconnu(m),
                autre => return Err(Echec(format!("nombre attendu, trouvé {autre:?}"))),
            },
            Noeud::Agregat(ag, coll, x) => self.agregat(*ag, *coll, x)?,
            Noeud::ADefaut(a, b) => match self.eval(a)? {
                v if !v.est_connue() => self.eval(b)?,
                connue => connue,
            },
            Noeud::AuMois(x, decalage, mois) => self.au_mois(x, *decalage, mois)?,
        })
    }

    fn param(&self, p: ParamId, jour: u32) -> Result<&'a ValeurParametre, Echec> {
        let par = &self.rs.parametres[p];
        par.a_la_date(jour).ok_or_else(|| {
            Echec(format!(
                "le paramètre « {} » n'a pas de valeur à la date {jour}",
                par.nom
            ))
        })
    }

    /// A value of a parameter table, by key. An unknown key gives a plain
    /// unknown: its bounds say nothing about the table's values.
    fn param_index(&mut self, p: ParamId, cle: &Noeud) -> R {
        let k = self.eval(cle)?;
        if !k.est_connue() {
            return Ok(Valeur::Inconnu(k.manquants()));
        }
        let ValeurParametre::Table(t) = self.param(p, self.jour())? else {
            return Err(Echec("paramètre non tabulé".into()));
        };
        let trouve = t.iter().find(|c| match k {
            Valeur::Nombre(d) => c.cle_nombre == Some(d),
            Valeur::Texte(x) => c.cle == x,
            Valeur::Booleen(b) => c.cle == if b { "vrai" } else { "faux" },
            Valeur::Inconnu(_) | Valeur::Borne(..) => false,
        });
        match trouve {
            Some(c) => Ok(Valeur::Nombre(c.valeur)),
            None => Err(Echec(format!(
                "la table « {} » n'a pas de valeur pour « {k:?} »",
                self.rs.parametres[p].nom
            ))),
        }
    }

    fn champ(&self, c: Champ) -> Valeur {
        let v = &self.faits.valeurs;
        match c {
            Champ::Fixe(s) => v[s],
            Champ::EnfantCourant(i) => v[faits::slot_enfant(self.enfant, i)],
            Champ::PersonneCourante(i) => v[faits::slot_personne(self.personne, i)],
            Champ::Conjoint(i) => match self.faits.couple {
                Valeur::Booleen(true) => v[faits::slot_personne(1, i)],
                // Without a partner, the partner's amounts are nothing and
                // their yes/no facts are "no": formulas need no special
                // case for singles.
                Valeur::Booleen(false) => match faits::CHAMPS_PERSONNE[i].genre {
                    faits::Genre::Booleen => Valeur::Booleen(false),
                    faits::Genre::Nombre => Valeur::Nombre(Decimal::ZERO),
                    _ => Valeur::Texte("aucun"),
                },
                // Whether there is a partner is not known yet.
                autre => match faits::CHAMPS_PERSONNE[i].genre {
                    faits::Genre::Nombre => {
                        Valeur::Borne(autre.manquants(), Some(Decimal::ZERO), None)
                    }
                    _ => Valeur::Inconnu(autre.manquants()),
                },
            },
        }
    }

    #[inline(never)]
    fn var(&mut self, v: VarId) -> R {
        let rs = self.rs;
        if self.comme_le_mois_de_la_situation(&rs.mois_des_variables[v]) {
            return self.dans_le_mois(0, |ctx| ctx.var(v));
        }
        let m = self.courant;
        if let Some(x) = self.mois[m].memo[v] {
            return Ok(x);
        }
        let x = self.eval(&rs.variables[v].noeud)?;
        self.mois[m].memo[v] = Some(x);
        Ok(x)
    }

    /// A variable that reads the current child or adult: memoized per
    /// child or adult when it reads only one of them.
    fn var_contexte(&mut self, v: VarId) -> R {
        let rs = self.rs;
        if self.comme_le_mois_de_la_situation(&rs.mois_des_variables[v]) {
            return self.dans_le_mois(0, |ctx| ctx.var_contexte(v));
        }
        let Some((debut, coll)) = rs.memo_contexte[v] else {
            return self.eval(&rs.variables[v].noeud);
        };
        let i = debut
            + match coll {
                Collection::Enfants => self.enfant,
                Collection::Adultes => self.personne,
            };
        let m = self.courant;
        if let Some(x) = self.mois[m].memo_contexte[i] {
            return Ok(x);
        }
        let x = self.eval(&rs.variables[v].noeud)?;
        self.mois[m].memo_contexte[i] = Some(x);
        Ok(x)
    }

    /// An aid's state as other formulas read it, evaluated now if this
    /// context has not yet (a context of another month evaluates the aids
    /// its formulas read on demand).
    fn etat(&mut self, a: AideId) -> Result<&Etat, Echec> {
        let rs = self.rs;
        let m = if self.comme_le_mois_de_la_situation(&rs.mois_des_aides[a]) {
            0
        } else {
            self.courant
        };
        if self.mois[m].aides[a].is_none() {
            let etat = self
                .dans_le_mois(m, |ctx| evaluer_aide(ctx, &rs.aides[a], false))
                .ok()
                .map(|(_, etat)| etat);
            self.mois[m].aides[a] = Some(etat);
        }
        match &self.mois[m].aides[a] {
            Some(Some(e)) => Ok(e),
            _ => Err(Echec(format!(
                "l'aide « {} » n'a pas pu être calculée",
                self.rs.aides[a].id
            ))),
        }
    }

    fn agregat(&mut self, ag: Agregat, coll: Collection, x: &Noeud) -> R {
        let n = match coll {
            Collection::Enfants => match self.faits.nombre_enfants {
                Ok(n) => n.min(crate::situation::MAX_ENFANTS),
                Err(m) => return Ok(Valeur::Inconnu(m)),
            },
            Collection::Adultes => match self.faits.couple {
                Valeur::Booleen(true) => 2,
                Valeur::Booleen(false) => 1,
                autre => {
                    // Whether there is a partner is unknown: the demandeur
                    // alone may already settle `existe` or `tous`.
                    let seul = self.agregat_sur(ag, coll, x, 1)?;
                    let decide = match ag {
                        Agregat::Existe => seul == Valeur::Booleen(true),
                        Agregat::Tous => seul == Valeur::Booleen(false),
                        _ => false,
                    };
                    if decide {
                        return Ok(seul);
                    }
                    return Ok(Valeur::Inconnu(autre.manquants().union(seul.manquants())));
                }
            },
        };
        self.agregat_sur(ag, coll, x, n)
    }

    /// An aggregation over the first `n` children or adults.
    fn agregat_sur(&mut self, ag: Agregat, coll: Collection, x: &Noeud, n: usize) -> R {
        let avant = (self.enfant, self.personne);
        let mut acc = Agregation::nouvelle(ag);
        let mut resultat = None;
        for i in 0..n {
            match coll {
                Collection::Enfants => self.enfant = i,
                Collection::Adultes => self.personne = i,
            }
            let v = match self.eval(x) {
                Ok(v) => v,
                Err(e) => {
                    (self.enfant, self.personne) = avant;
                    return Err(e);
                }
            };
            match acc.ajouter(&v) {
                Ok(None) => {}
                Ok(Some(decide)) => {
                    resultat = Some(decide);
                    break;
                }
                Err(e) => return Err(Echec(e)),
            }
        }
        (self.enfant, self.personne) = avant;
        Ok(resultat.unwrap_or_else(|| acc.valeur()))
    }

    /// `au_mois(x, k)`: `x` in the month `k` months away. When nothing `x`
    /// reads changes between that month and this one, that is `x` here;
    /// otherwise `x` is evaluated in a context of that month's legislation,
    /// kept for every later `au_mois` that needs it. A month before the
    /// rules' first takes the first month's legislation.
    fn au_mois(&mut self, x: &Noeud, decalage: i32, changements: &[u32]) -> R {
        let jour = parametres::decaler_mois(self.jour(), decalage).max(self.rs.premier_jour);
        let debut = debut_legislation(changements, jour);
        if debut == debut_legislation(changements, self.jour()) {
            return self.eval(x);
        }
        // Months sharing what `x` reads share one evaluation: that of the
        // month this legislation started.
        let jour = debut.max(self.rs.premier_jour);
        let m = match self.mois.iter().position(|m| m.jour == jour) {
            Some(m) => m,
            None => {
                self.mois.push(Mois_::nouveau(self.rs, jour));
                self.mois.len() - 1
            }
        };
        self.dans_le_mois(m, |ctx| ctx.eval(x))
    }
}

/// A marginal-rate scale applied to a base.
fn bareme(tranches: &[Tranche], base: Decimal) -> Decimal {
    let mut total = Decimal::ZERO;
    let mut bas = Decimal::ZERO;
    for t in tranches {
        if base <= bas {
            break;
        }
        let haut = t.jusqu_a.map_or(base, |j| iv::garder(j, base, true));
        total +=
            (haut - bas) * t.taux.unwrap_or(Decimal::ZERO) + t.montant.unwrap_or(Decimal::ZERO);
        match t.jusqu_a {
            Some(j) => bas = j,
            None => break,
        }
    }
    total
}

/// The amount (or rate) of the bracket a base falls in.
fn grille(tranches: &[Tranche], base: Decimal) -> Decimal {
    let t = tranches
        .iter()
        .find(|t| t.jusqu_a.is_none_or(|j| base < j))
        .or(tranches.last());
    t.and_then(|t| t.montant.or(t.taux))
        .unwrap_or(Decimal::ZERO)
}

/// A value as explanations show it; `None` when it is not known (the line
/// is then left out).
fn valeur_ecrite(v: &Valeur) -> Option<ValeurEcrite> {
    match *v {
        Valeur::Nombre(d) => Some(ValeurEcrite::Nombre(d)),
        Valeur::Booleen(b) => Some(ValeurEcrite::Booleen(b)),
        Valeur::Texte(t) => Some(ValeurEcrite::Mot(t)),
        Valeur::Inconnu(_) | Valeur::Borne(..) => None,
    }
}

/// Evaluates one aid: its conditions, its amount, its explanation lines
/// (written only when `complet`; their values are computed all the same,
/// since one may fail, and a failure is part of the status).
fn evaluer_aide(
    ctx: &mut Contexte<'_>,
    aide: &Aide,
    complet: bool,
) -> Result<(Calcul, Etat), Echec> {
    let mut explication = Explication::default();
    let mut manquants_conditions = Manquants::VIDE;
    let mut une_fausse = false;
    for c in &aide.conditions {
        let phrase = match ctx.eval(&c.noeud)? {
            Valeur::Booleen(true) => &c.oui,
            Valeur::Booleen(false) => {
                une_fausse = true;
                &c.non
            }
            v => {
                manquants_conditions = manquants_conditions.union(v.manquants());
                &c.inconnu
            }
        };
        if complet {
            explication.ligne(phrase);
        }
    }
    let mut montant = Valeur::Nombre(Decimal::ZERO);
    let mut sorties = Vec::new();
    let mut minimum = None;
    if !une_fausse {
        if let Some(m) = &aide.montant {
            montant = ctx.eval(m)?;
        }
        if let Some(m) = &aide.minimum {
            minimum = ctx.eval(m)?.nombre();
        }
        for (_, s) in &aide.sorties {
            sorties.push(ctx.eval(s)?);
        }
    }
    // The amount can settle the status on its own: a differential aid whose
    // amount is already 0 is not due, whatever the unknown conditions say.
    let montant_nul = match (montant, &aide.montant) {
        (Valeur::Nombre(d), Some(_)) => d <= Decimal::ZERO || minimum.is_some_and(|mini| d < mini),
        _ => false,
    };
    let statut = if une_fausse || montant_nul {
        Statut::NonEligible
    } else if !manquants_conditions.est_vide() || !montant.est_connue() {
        Statut::Indetermine
    } else {
        Statut::Eligible
    };
    if complet && montant_nul && !une_fausse {
        let d = montant.nombre().unwrap_or(Decimal::ZERO);
        if d > Decimal::ZERO {
            explication.gabarit(phrases::GABARIT_MINIMUM);
            explication.valeur(ValeurEcrite::Nombre(d));
            explication.valeur(ValeurEcrite::Nombre(minimum.unwrap_or(Decimal::ZERO)));
        } else {
            explication.phrase(phrases::MONTANT_NUL);
        }
    }
    let manquants = manquants_conditions.union(montant.manquants());
    if statut != Statut::NonEligible {
        let mut valeurs = Vec::new();
        'lignes: for l in &aide.explications {
            // A line under a condition is said only when it is known to hold.
            if let Some(si) = &l.si {
                if ctx.eval(si)? != Valeur::Booleen(true) {
                    continue;
                }
            }
            valeurs.clear();
            for n in &l.valeurs {
                match valeur_ecrite(&ctx.eval(n)?) {
                    Some(v) => valeurs.push(v),
                    // A line with an unknown value is not shown (nor are
                    // its next values computed).
                    None => continue 'lignes,
                }
            }
            if complet {
                explication.ligne_aide(&l.ligne, &valeurs);
            }
        }
    }
    let eligible = match statut {
        Statut::Eligible => Valeur::Booleen(true),
        Statut::NonEligible => Valeur::Booleen(false),
        Statut::Indetermine => Valeur::Inconnu(manquants),
    };
    // What other aids read: nothing when not granted, unknown while undetermined.
    let pour_les_autres = |v: Valeur| match statut {
        Statut::Eligible => v,
        Statut::NonEligible => Valeur::Nombre(Decimal::ZERO),
        Statut::Indetermine => eligible,
    };
    let etat = Etat {
        montant: pour_les_autres(montant),
        eligible,
        sorties: (0..aide.sorties.len())
            .map(|i| {
                pour_les_autres(
                    sorties
                        .get(i)
                        .copied()
                        .unwrap_or(Valeur::Nombre(Decimal::ZERO)),
                )
            })
            .collect(),
    };
    let calcul = Calcul {
        statut,
        montant,
        manquants,
        sorties,
        explication,
    };
    Ok((calcul, etat))
}

/// Evaluates every aid in order, handing each one's outcome to `rendre`
/// (`Err`: the computation failed, with its message); `complet` asks for
/// the explanation lines.
fn parcourir(
    rs: &RuleSet,
    faits: &Faits,
    mois: Mois,
    complet: bool,
    mut rendre: impl FnMut(&Aide, Result<Calcul, String>),
) {
    let mut ctx = Contexte::nouveau(rs, faits, mois.premier_jour());
    for (i, aide) in rs.aides.iter().enumerate() {
        match evaluer_aide(&mut ctx, aide, complet) {
            Ok((calcul, etat)) => {
                ctx.mois[0].aides[i] = Some(Some(etat));
                rendre(aide, Ok(calcul));
            }
            Err(Echec(message)) => {
                ctx.mois[0].aides[i] = Some(None);
                rendre(aide, Err(format!("{}: {message}", aide.fichier)));
            }
        }
    }
}

/// Evaluates every aid of a rule set on a situation.
pub fn evaluer(rs: &RuleSet, situation: &Situation, mois_par_defaut: Mois) -> Evaluation {
    let faits = Faits::depuis(situation, rs.hypotheses_slots());
    evaluer_faits(rs, &faits, situation.mois.unwrap_or(mois_par_defaut))
}

/// Evaluates every aid on already flattened facts.
pub fn evaluer_faits(rs: &RuleSet, faits: &Faits, mois: Mois) -> Evaluation {
    let mut aides = Vec::with_capacity(rs.aides.len());
    parcourir(rs, faits, mois, true, |aide, calcul| {
        aides.push(resultat(faits, aide, calcul))
    });
    Evaluation { aides }
}

/// Evaluates every aid for its status only (see [`RuleSet::statuts`]).
pub fn statuts(rs: &RuleSet, situation: &Situation, mois_par_defaut: Mois) -> Vec<StatutAide> {
    let faits = Faits::depuis(situation, rs.hypotheses_slots());
    let mois = situation.mois.unwrap_or(mois_par_defaut);
    let mut sortie = Vec::with_capacity(rs.aides.len());
    parcourir(rs, &faits, mois, false, |aide, calcul| {
        sortie.push(match calcul {
            Ok(c) => StatutAide {
                id: aide.id.clone(),
                statut: c.statut,
                montant: montant_visible(aide, &c),
                champs_manquants: champs_manquants(&c),
                erreur: false,
            },
            Err(_) => StatutAide {
                id: aide.id.clone(),
                statut: Statut::Indetermine,
                montant: None,
                champs_manquants: ChampsManquants::default(),
                erreur: true,
            },
        })
    });
    sortie
}

/// The amount shown: when granted, for an aid that has one.
fn montant_visible(aide: &Aide, c: &Calcul) -> Option<Decimal> {
    match c.statut {
        Statut::Eligible if aide.montant.is_some() => c.montant.nombre(),
        _ => None,
    }
}

/// The fields named as missing: those of an undetermined aid.
fn champs_manquants(c: &Calcul) -> ChampsManquants {
    match c.statut {
        Statut::Indetermine => ChampsManquants::depuis(c.manquants),
        _ => ChampsManquants::default(),
    }
}

/// The full result of an aid, explanation included.
fn resultat(faits: &Faits, aide: &Aide, calcul: Result<Calcul, String>) -> ResultatAide {
    let c = match calcul {
        Ok(c) => c,
        Err(erreur) => {
            return ResultatAide {
                id: aide.id.clone(),
                libelle: aide.libelle.clone(),
                statut: Statut::Indetermine,
                montant: None,
                periodicite: None,
                sorties: Vec::new(),
                champs_manquants: ChampsManquants::default(),
                explication: phrases::ECHEC.into(),
                hypotheses: Hypotheses::default(),
                demarche: Some(Arc::clone(&aide.demarche)),
                erreur: Some(erreur),
            };
        }
    };
    let sorties = if c.statut == Statut::Eligible {
        aide.sorties
            .iter()
            .zip(&c.sorties)
            .filter_map(|((nom, _), v)| v.nombre().map(|d| (nom.clone(), d)))
            .collect()
    } else {
        Vec::new()
    };
    ResultatAide {
        id: aide.id.clone(),
        libelle: aide.libelle.clone(),
        statut: c.statut,
        montant: montant_visible(aide, &c),
        periodicite: match aide.periodicite {
            Periodicite::Mensuelle => None,
            p => Some(p),
        },
        sorties,
        champs_manquants: champs_manquants(&c),
        hypotheses: Hypotheses::depuis(
            &aide.hypotheses_possibles,
            faits.hypotheses.inter(aide.champs_lus),
        ),
        demarche: (c.statut != Statut::NonEligible).then(|| Arc::clone(&aide.demarche)),
        explication: c.explication,
        erreur: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn tranches() -> Vec<Tranche> {
        vec![
            Tranche {
                jusqu_a: Some(dec!(1000)),
                taux: Some(dec!(0)),
                montant: Some(dec!(50)),
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
        ]
    }

    #[test]
    fn a_marginal_scale_adds_each_bracket_s_share() {
        assert_eq!(bareme(&tranches(), dec!(0)), dec!(0));
        assert_eq!(bareme(&tranches(), dec!(500)), dec!(50));
        assert_eq!(bareme(&tranches(), dec!(1500)), dec!(100));
        assert_eq!(bareme(&tranches(), dec!(2500)), dec!(250));
    }

    #[test]
    fn a_grid_gives_the_bracket_the_base_falls_in() {
        assert_eq!(grille(&tranches(), dec!(999.99)), dec!(50));
        assert_eq!(grille(&tranches(), dec!(1000)), dec!(0.1));
        assert_eq!(grille(&tranches(), dec!(10000)), dec!(0.2));
    }
}

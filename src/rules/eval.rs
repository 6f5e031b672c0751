//! Evaluating compiled rules on a situation, with three-valued logic.
//!
//! Each aid is evaluated once, in dependency order; shared variables are
//! computed at most once per situation (a memo indexed by variable). A value
//! that depends on an unknown field is unknown and carries the fields that
//! would settle it; `et`, `ou`, `si` and aggregations drop the fields of
//! operands that cannot change the result, so `champs_manquants` lists only
//! questions worth asking.
//!
//! Formulas run as the register instructions of `rules::code`:
//! each variable's formula, each aid's condition, amount and explanation
//! value, each aggregation's item is a block. The tree of `Op`s is still
//! walked here (`Contexte::eval`) for the rare nodes the instructions
//! leave to it and for the three-valued cases both share (an unknown
//! operand goes to the same function either way), so the two cannot
//! disagree.
//!
//! What a household shares with others is not computed again: the first
//! household of each shape (couple or not, number of children) in a month
//! leads to evaluating that shape with nothing else known ([`Base`]), and
//! every later household of that shape takes from there the variables and
//! aids that read none of the facts in which it differs. In a dialogue's
//! first turns that is most of them.
//!
//! Inside one evaluation values are `Val`s, two words and `Copy`: a
//! number (its decimal's 128 bits), a boolean, a word, or the index of an
//! unknown in a table kept for the evaluation (its missing fields and
//! bounds are written once and then passed around as a `u32`). [`Valeur`]
//! remains the type of constants, facts and the public API.
//!
//! Arithmetic is checked: an overflow or a division by zero is a rule bug,
//! reported on the aid as `erreur` rather than a panic. A failure travels up
//! as the empty [`Echec`], its message kept on the side in the context, so
//! that a result is no bigger than a value.

use super::code::{Instr, Reg};
use super::explication::{Explication, ValeurEcrite};
use super::expr::BinOp;
use super::faits::{self, Champ, Faits};
use super::programme::{AideP, Id, Ligne, Liste, Op, Programme};
use super::valeur::{Manquants, Valeur};
use super::*;
use rust_decimal::{Decimal, RoundingStrategy};
use std::cell::Cell;

/// An error with its message, from helpers that have no context at hand.
#[derive(Debug, Clone)]
struct ErreurCalcul(String);

/// A failed computation; the message is in [`Contexte::message`].
#[derive(Debug, Clone, Copy)]
struct Echec;

type R = Result<Val, Echec>;

/// A value during one evaluation, as [`Vue`] shows it, in two words (see
/// the module documentation): a number is its decimal's 128 bits, whose
/// flags leave bits 0–15 unused (zero); another value sets a tag there
/// ([`Val::BOOLEEN`], [`Val::TEXTE`], [`Val::INCONNU`]) and keeps its payload
/// in the second word. Whole words are written and read, which the
/// processor forwards from a store to the next load; a Rust enum writes its
/// tag byte and its payload apart, and reading the value back right after
/// (as the next instruction usually does) stalled on every operation.
///
/// Equality is that of [`Vue`]: numbers compare as numbers (`1.0 == 1`); it
/// is only ever asked of known values.
#[derive(Clone, Copy)]
pub(super) struct Val {
    a: u64,
    b: u64,
}

/// What a [`Val`] is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Vue {
    /// A decimal number.
    Nombre(Decimal),
    /// A boolean.
    Booleen(bool),
    /// A word from a fixed list.
    Texte(&'static str),
    /// Not known yet: index in [`Contexte::inconnues`].
    Inconnu(u32),
}

impl Vue {
    /// The value in two words.
    #[inline(always)]
    pub(super) fn val(self) -> Val {
        match self {
            Vue::Nombre(d) => Val::nombre(d),
            Vue::Booleen(b) => Val {
                a: Val::BOOLEEN,
                b: b as u64,
            },
            Vue::Texte(t) => Val {
                a: Val::TEXTE,
                b: mot(t) as u64,
            },
            Vue::Inconnu(i) => Val {
                a: Val::INCONNU,
                b: i as u64,
            },
        }
    }
}

impl std::fmt::Debug for Val {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.vue().fmt(f)
    }
}

impl PartialEq for Val {
    fn eq(&self, autre: &Val) -> bool {
        match (self.a & Val::MASQUE, autre.a & Val::MASQUE) {
            (0, 0) => comparer(self.decimal(), autre.decimal()).is_eq(),
            // The same kind and payload: a word is the same index (`mot`
            // gives one index per word), a boolean the same 0 or 1.
            (x, y) => x == y && self.b == autre.b,
        }
    }
}

/// Every word a value may be: those of the situation's lists, then
/// `aucun` (the activity of a partner who does not exist). A word is kept
/// in a [`Val`] as its index here.
static MOTS: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
    use crate::situation::{Activite, Nationalite, Scolarite, StatutLogement};
    let mut mots: Vec<&'static str> = Vec::new();
    for liste in [
        Activite::VALEURS,
        Nationalite::VALEURS,
        StatutLogement::VALEURS,
        Scolarite::VALEURS,
        &["aucun"],
    ] {
        mots.extend(liste);
    }
    mots
});

/// Words that are in no list (none today: rule files may only name
/// listed words); kept so that any word is a value.
static AUTRES_MOTS: std::sync::Mutex<Vec<&'static str>> = std::sync::Mutex::new(Vec::new());

/// The index of a word (see [`MOTS`]).
fn mot(t: &'static str) -> u32 {
    if let Some(i) = MOTS.iter().position(|m| *m == t) {
        return i as u32;
    }
    let mut autres = AUTRES_MOTS.lock().unwrap_or_else(|e| e.into_inner());
    let i = match autres.iter().position(|m| *m == t) {
        Some(i) => i,
        None => {
            autres.push(t);
            autres.len() - 1
        }
    };
    (MOTS.len() + i) as u32
}

/// The word of an index from [`mot`].
fn mot_de(i: u32) -> &'static str {
    let i = i as usize;
    match MOTS.get(i) {
        Some(m) => m,
        None => {
            let autres = AUTRES_MOTS.lock().unwrap_or_else(|e| e.into_inner());
            autres.get(i - MOTS.len()).copied().unwrap_or("")
        }
    }
}

impl Val {
    const BOOLEEN: u64 = 1;
    const TEXTE: u64 = 2;
    const INCONNU: u64 = 3;
    /// Not computed yet, in the memo of variables (never a value).
    const ABSENTE: Val = Val { a: 4, b: 0 };
    /// A missing bound of an [`Inconnue`] (never a value either).
    const SANS_BORNE: Val = Val::ABSENTE;
    /// Bits 0–15: unused by a decimal's flags.
    const MASQUE: u64 = 0xFFFF;

    /// A number.
    #[inline(always)]
    pub(super) fn nombre(d: Decimal) -> Val {
        // SAFETY: with the `c-repr` feature `Decimal` is `#[repr(C)]`, four
        // `u32`s (flags, hi, lo, mid) with no padding: the same size and
        // alignment as `[u32; 4]`, and every bit pattern is a valid `[u32; 4]`.
        let [flags, hi, lo, mid] = unsafe { std::mem::transmute::<Decimal, [u32; 4]>(d) };
        // The words in the order of the decimal's memory (on a little-endian
        // machine these shifts are no instruction: the value is copied as it
        // lies), and `b` is the mantissa's low 64 bits.
        Val {
            a: flags as u64 | (hi as u64) << 32,
            b: lo as u64 | (mid as u64) << 32,
        }
    }

    /// A boolean.
    #[inline(always)]
    fn booleen(b: bool) -> Val {
        Val {
            a: Val::BOOLEEN,
            b: b as u64,
        }
    }

    /// The decimal of a number (its two words as they are).
    #[inline(always)]
    fn decimal(self) -> Decimal {
        let parts = [
            self.a as u32,
            (self.a >> 32) as u32,
            self.b as u32,
            (self.b >> 32) as u32,
        ];
        // SAFETY: the layout is as in `nombre`, and these are the bits
        // `nombre` took from a `Decimal` (a number's tag is 0, which only
        // `nombre` writes), so they make a valid one.
        unsafe { std::mem::transmute::<[u32; 4], Decimal>(parts) }
    }

    /// What the value is.
    #[inline(always)]
    pub(super) fn vue(self) -> Vue {
        match self.a & Val::MASQUE {
            0 => Vue::Nombre(self.decimal()),
            Val::BOOLEEN => Vue::Booleen(self.b != 0),
            Val::TEXTE => Vue::Texte(mot_de(self.b as u32)),
            _ => Vue::Inconnu(self.b as u32),
        }
    }

    /// The value of a known constant; `None` for an unknown one.
    pub(super) fn connue(v: &Valeur) -> Option<Val> {
        match v {
            Valeur::Nombre(d) => Some(Val::nombre(*d)),
            Valeur::Booleen(b) => Some(Val::booleen(*b)),
            Valeur::Texte(t) => Some(Vue::Texte(t).val()),
            Valeur::Inconnu(_) | Valeur::Borne(..) => None,
        }
    }

    /// Whether this is [`Val::ABSENTE`] (a number's first word has its
    /// low 16 bits zero, the other kinds 1 to 3).
    #[inline(always)]
    fn est_absente(self) -> bool {
        self.a == Val::ABSENTE.a
    }

    #[inline(always)]
    fn est_connue(self) -> bool {
        self.a & Val::MASQUE != Val::INCONNU
    }

    /// Whether this is a number.
    #[inline(always)]
    fn est_nombre(self) -> bool {
        self.a & Val::MASQUE == 0
    }

    #[inline(always)]
    fn nombre_connu(self) -> Option<Decimal> {
        self.est_nombre().then(|| self.decimal())
    }
}

/// What is known of an unknown value: the fields that would settle it and,
/// for a number, the interval it lies in (bounds included, `None`
/// unbounded). Money, ages and counts are never negative, so an unknown
/// salary is `[0, ∞)`: that is what lets `max(0, 651.69 - 1500 -
/// salaire_du_conjoint)` be 0 before anyone asks.
///
/// A bound is kept as a [`Val`]: a number, or [`Val::SANS_BORNE`] when
/// unbounded. Interval arithmetic reads the bounds of every unknown operand,
/// and in two words each they are read and tested as a known number's own
/// two words are (an `Option<Decimal>` is five 32-bit words, copied apart).
#[derive(Debug, Clone, Copy)]
struct Inconnue {
    m: Manquants,
    bas: Val,
    haut: Val,
}

impl Inconnue {
    /// An unknown from its fields and bounds.
    #[inline(always)]
    fn nouvelle(m: Manquants, bas: Option<Decimal>, haut: Option<Decimal>) -> Inconnue {
        let borne = |b: Option<Decimal>| b.map_or(Val::SANS_BORNE, Val::nombre);
        Inconnue {
            m,
            bas: borne(bas),
            haut: borne(haut),
        }
    }

    /// The lower bound, `None` when unbounded.
    #[inline(always)]
    fn bas(&self) -> Option<Decimal> {
        self.bas.nombre_connu()
    }

    /// The upper bound, `None` when unbounded.
    #[inline(always)]
    fn haut(&self) -> Option<Decimal> {
        self.haut.nombre_connu()
    }

    /// Whether nothing bounds it either way.
    #[inline(always)]
    fn sans_bornes(&self) -> bool {
        !self.bas.est_nombre() && !self.haut.est_nombre()
    }
}

/// What is known of an aid once evaluated, for the aids that read it.
#[derive(Debug, Clone)]
struct Etat {
    montant: Val,
    eligible: Val,
    sorties: Vec<Val>,
}

mod base;
use base::Base;
pub(super) use base::Bases;
use registres::Registres;

mod registres {
    //! The registers of an evaluation, read and written without bounds
    //! checks when named by an instruction.
    //!
    //! Measured: the bounds check on each register access was 4.5 % of a
    //! complete household's instructions (9k of 201k) and 4 % of a partial
    //! one's. Soundness rests on two facts checked at run time, not
    //! assumed: [`Code::compiler`](super::super::code::Code::compiler) keeps
    //! only instructions whose registers all lie below `Code::taille`
    //! (`Code::registres_dans_la_taille`), and a `Registres` always has
    //! exactly `taille` cells for the program whose instructions it runs
    //! ([`Registres::pour`] asserts it; the vector is private so nothing
    //! else resizes it).

    use super::super::code::{Code, Reg};
    use super::Val;

    /// One value per register of a month's [`Code`].
    pub(in crate::rules) struct Registres(Vec<Val>);

    impl Registres {
        /// The registers for `code`, in a reused buffer that already has
        /// `code.taille` cells (the constants and facts laid out by the caller).
        pub fn pour(cases: Vec<Val>, code: &Code) -> Registres {
            assert_eq!(
                cases.len(),
                code.taille,
                "one cell per register of the code"
            );
            Registres(cases)
        }

        /// Gives the buffer back.
        pub fn rendre(self) -> Vec<Val> {
            self.0
        }

        /// The value of a register named by an instruction.
        #[inline(always)]
        pub fn lire(&self, r: Reg) -> Val {
            *self.case(r)
        }

        /// A reference to a register named by an instruction.
        #[inline(always)]
        pub fn case(&self, r: Reg) -> &Val {
            debug_assert!((r as usize) < self.0.len());
            // SAFETY: `r` comes from an instruction of the code these
            // registers were made `pour`; every such register is below
            // `code.taille` (checked by `Code::compiler`), which is the
            // length of the vector (asserted by `pour`, never changed after).
            unsafe { self.0.get_unchecked(r as usize) }
        }

        /// Writes a register named by an instruction.
        #[inline(always)]
        pub fn ecrire(&mut self, r: Reg, v: Val) {
            debug_assert!((r as usize) < self.0.len());
            // SAFETY: as in `case`.
            unsafe { *self.0.get_unchecked_mut(r as usize) = v }
        }
    }

    /// Registers at a computed index (a fact of the current child, say):
    /// bounds-checked like any slice.
    impl std::ops::Index<usize> for Registres {
        type Output = Val;
        fn index(&self, i: usize) -> &Val {
            &self.0[i]
        }
    }

    impl std::ops::IndexMut<usize> for Registres {
        fn index_mut(&mut self, i: usize) -> &mut Val {
            &mut self.0[i]
        }
    }

    impl Registres {
        /// A range of registers, bounds-checked.
        pub fn tranche_mut(&mut self, debut: usize, fin: usize) -> &mut [Val] {
            &mut self.0[debut..fin]
        }
    }
}

/// The buffers of an evaluation, kept per thread between evaluations so that
/// evaluating a household allocates them only the first time.
#[derive(Default)]
struct Memoire {
    memo: Vec<Val>,
    memo_contexte: Vec<Val>,
    aides: Vec<Option<Etat>>,
    inconnues: Vec<Inconnue>,
    regs: Vec<Val>,
    /// The [`Programme::id`] whose constants `regs` holds.
    programme: u64,
}

thread_local! {
    static MEMOIRE: Cell<Memoire> = Cell::new(Memoire::default());
}

struct Contexte<'a> {
    rs: &'a RuleSet,
    /// The rules compiled for the month.
    p: &'a Programme,
    faits: &'a Faits,
    jour: u32,
    /// Shared variables computed so far.
    memo: Vec<Val>,
    /// Per-child or per-adult variables computed so far.
    memo_contexte: Vec<Val>,
    /// Aids evaluated so far (`None`: failed, or not yet).
    aides: Vec<Option<Etat>>,
    /// The unknowns that [`Val::Inconnu`] points to.
    inconnues: Vec<Inconnue>,
    /// The registers of [`code`](super::code): the program's constants,
    /// then the facts as values (one per slot), then temporaries.
    regs: Registres,
    /// The first register of the facts.
    base_champs: usize,
    /// Whether the household is a couple.
    couple: Val,
    /// The message of the last failure.
    message: String,
    enfant: usize,
    personne: usize,
    /// The base of the household's shape for the month, to take variables
    /// and aids from (`None` while a base is itself being evaluated).
    base: Option<&'a Base>,
    /// The slots whose facts differ from the base's household.
    differents: Manquants,
}

impl<'a> Contexte<'a> {
    /// A context for a situation, reusing `memoire`'s buffers.
    fn nouveau(
        rs: &'a RuleSet,
        p: &'a Programme,
        faits: &'a Faits,
        m: Memoire,
        base: Option<&'a Base>,
    ) -> Contexte<'a> {
        let Memoire {
            mut memo,
            mut memo_contexte,
            mut aides,
            mut inconnues,
            mut regs,
            programme,
        } = m;
        memo.clear();
        memo.resize(rs.variables.len(), Val::ABSENTE);
        memo_contexte.clear();
        memo_contexte.resize(rs.taille_memo_contexte, Val::ABSENTE);
        aides.clear();
        aides.resize(rs.aides.len(), None);
        // The unknowns of the facts nobody gave come first, one per slot in
        // slot order ([`Contexte::inconnue_par_defaut`]), and stay from one
        // evaluation to the next: no operation changes an unknown it did not
        // make. Buffers that hold more than these hold these.
        if inconnues.len() < faits::NOMBRE_CHAMPS {
            inconnues.clear();
            inconnues.extend(faits::DEFAUTS.iter().map(|v| match *v {
                Valeur::Borne(m, bas, haut) => Inconnue::nouvelle(m, bas, haut),
                v => Inconnue::nouvelle(v.manquants(), None, None),
            }));
        } else {
            inconnues.truncate(faits::NOMBRE_CHAMPS);
        }
        let code = &p.code;
        if programme != p.id || regs.len() != code.taille {
            // Constants first: they stay while the program does. Unknown
            // constants are never read from here (`code` leaves them to the
            // tree evaluator).
            regs.clear();
            regs.extend(
                p.constantes_connues
                    .iter()
                    .map(|c| c.unwrap_or(Vue::Booleen(false).val())),
            );
            regs.resize(code.taille, Vue::Booleen(false).val());
        }
        let mut ctx = Contexte {
            rs,
            p,
            faits,
            jour: p.jour,
            memo,
            memo_contexte,
            aides,
            inconnues,
            regs: Registres::pour(regs, code),
            base_champs: code.base_champs as usize,
            couple: Vue::Booleen(false).val(),
            message: String::new(),
            enfant: 0,
            personne: 0,
            base,
            differents: base.map_or(Manquants::VIDE, |b| b.differents(faits)),
        };
        // Every fact as its default unknown, then the facts the situation
        // gives: a household that names no child costs nothing per child.
        let base = code.base_champs as usize;
        for (slot, r) in ctx
            .regs
            .tranche_mut(base, base + faits::NOMBRE_CHAMPS)
            .iter_mut()
            .enumerate()
        {
            *r = Contexte::inconnue_par_defaut(slot);
        }
        for slot in faits.renseignes.iter() {
            let x = ctx.depuis_valeur(&faits.valeurs[slot]);
            ctx.regs[base + slot] = x;
        }
        ctx.couple = ctx.depuis_valeur(&faits.couple);
        // `conjoint.x` as formulas see it, once per household.
        for i in 0..faits::CHAMPS_PERSONNE.len() {
            let x = ctx.champ_conjoint(i);
            ctx.regs[code.base_conjoint as usize + i] = x;
        }
        ctx
    }

    /// The value of a fact the situation does not give: the unknown kept
    /// for its slot at the start of [`Contexte::inconnues`].
    #[inline]
    fn inconnue_par_defaut(slot: usize) -> Val {
        Vue::Inconnu(slot as u32).val()
    }

    /// Gives the buffers back for the next evaluation.
    fn memoire(self) -> Memoire {
        Memoire {
            memo: self.memo,
            memo_contexte: self.memo_contexte,
            aides: self.aides,
            inconnues: self.inconnues,
            regs: self.regs.rendre(),
            programme: self.p.id,
        }
    }

    /// A [`Valeur`] as a value of this evaluation.
    fn depuis_valeur(&mut self, v: &Valeur) -> Val {
        match v {
            Valeur::Inconnu(m) => self.borne_brute(*m, None, None),
            Valeur::Borne(m, bas, haut) => self.borne_brute(*m, *bas, *haut),
            connue => Val::connue(connue).expect("a known value"),
        }
    }

    /// A value of this evaluation as a [`Valeur`].
    fn en_valeur(&self, v: Val) -> Valeur {
        match v.vue() {
            Vue::Nombre(d) => Valeur::Nombre(d),
            Vue::Booleen(b) => Valeur::Booleen(b),
            Vue::Texte(t) => Valeur::Texte(t),
            Vue::Inconnu(i) => {
                let x = self.inconnues[i as usize];
                match (x.bas(), x.haut()) {
                    (None, None) => Valeur::Inconnu(x.m),
                    (bas, haut) => Valeur::Borne(x.m, bas, haut),
                }
            }
        }
    }

    /// Records a failure's message.
    #[cold]
    fn echec(&mut self, message: String) -> Echec {
        self.message = message;
        Echec
    }

    /// An unknown value (of any type) missing these fields.
    #[inline]
    fn inconnu(&mut self, m: Manquants) -> Val {
        self.borne_brute(m, None, None)
    }

    /// An unknown number in an interval, even a point (see `si_inconnu`).
    #[inline]
    fn borne_brute(&mut self, m: Manquants, bas: Option<Decimal>, haut: Option<Decimal>) -> Val {
        let i = self.inconnues.len() as u32;
        self.inconnues.push(Inconnue::nouvelle(m, bas, haut));
        Vue::Inconnu(i).val()
    }

    /// An unknown number in an interval; a known number when the interval
    /// is a point.
    #[inline]
    fn borne(&mut self, m: Manquants, bas: Option<Decimal>, haut: Option<Decimal>) -> Val {
        let borne = |b: Option<Decimal>| b.map_or(Val::SANS_BORNE, Val::nombre);
        self.borne_vals(m, borne(bas), borne(haut))
    }

    /// [`Self::borne`] with bounds as an [`Inconnue`] keeps them.
    #[inline]
    fn borne_vals(&mut self, m: Manquants, bas: Val, haut: Val) -> Val {
        if bas.est_nombre() && haut.est_nombre() && comparer(bas.decimal(), haut.decimal()).is_eq()
        {
            return bas;
        }
        let i = self.inconnues.len() as u32;
        self.inconnues.push(Inconnue { m, bas, haut });
        Vue::Inconnu(i).val()
    }

    /// The missing fields, empty when known.
    #[inline]
    fn manquants(&self, v: Val) -> Manquants {
        match v.vue() {
            Vue::Inconnu(i) => self.inconnues[i as usize].m,
            _ => Manquants::VIDE,
        }
    }

    /// The interval a number lies in: a point when known, `(None, None)`
    /// when nothing is known; `None` for booleans and words.
    #[inline]
    fn intervalle(&self, v: Val) -> Option<(Option<Decimal>, Option<Decimal>)> {
        match v.vue() {
            Vue::Nombre(d) => Some((Some(d), Some(d))),
            Vue::Inconnu(i) => {
                let x = &self.inconnues[i as usize];
                Some((x.bas(), x.haut()))
            }
            _ => None,
        }
    }

    /// What interval arithmetic knows of a value: its missing fields and
    /// bounds. A known value is its own two bounds, missing nothing: a
    /// point for a number, and no bound at all for a boolean or a word
    /// (they are not numbers), which is what every caller wants of them.
    #[inline(always)]
    fn bornes(&self, v: Val) -> Inconnue {
        if v.est_connue() {
            Inconnue {
                m: Manquants::VIDE,
                bas: v,
                haut: v,
            }
        } else {
            self.inconnues[v.b as usize]
        }
    }

    /// The two bounds of [`Self::bornes`] alone: interval arithmetic reads
    /// no more (the fields are known already), and four words are read where
    /// a whole `Inconnue` would be copied.
    #[inline(always)]
    fn bornes_de(&self, v: Val) -> (Val, Val) {
        if v.est_connue() {
            (v, v)
        } else {
            let x = &self.inconnues[v.b as usize];
            (x.bas, x.haut)
        }
    }

    /// An operation with an unknown side ([`Self::binaire_valeurs`]).
    /// Each bound of a sum, difference, product or quotient needs a bound of
    /// each side, and so does settling a comparison: a side bounded neither
    /// way (or not a number) leaves the result unknown and unbounded. That
    /// is half of the operations of a partial household, so it is decided
    /// here from the operands' tags and fields alone, and the unknown is an
    /// operand's when it already is exactly that one (nothing changes an
    /// unknown once made, but for the one an `et` accumulates into, which
    /// no operand is): nothing is written.
    #[inline(always)]
    fn binaire_inconnues(&mut self, op: BinOp, va: Val, vb: Val) -> Val {
        let (ma, bornee_a) = self.forme(va);
        let (mb, bornee_b) = self.forme(vb);
        let m = ma.union(mb);
        if bornee_a && bornee_b {
            // Apart, so that each keeps a frame of its own size.
            return match op {
                BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => {
                    self.comparaison_intervalles(op, va, vb, m)
                }
                BinOp::Eq | BinOp::Ne => self.inconnu(m),
                _ => self.binaire_intervalles(op, va, vb, m),
            };
        }
        if !bornee_a && !va.est_connue() && ma == m {
            return va;
        }
        if !bornee_b && !vb.est_connue() && mb == m {
            return vb;
        }
        self.inconnu(m)
    }

    /// The missing fields of an operand, and whether it is a number with
    /// a bound (a known number is its own two bounds).
    #[inline(always)]
    fn forme(&self, v: Val) -> (Manquants, bool) {
        if v.est_nombre() {
            (Manquants::VIDE, true)
        } else if !v.est_connue() {
            let x = &self.inconnues[v.b as usize];
            (x.m, !x.sans_bornes())
        } else {
            (Manquants::VIDE, false)
        }
    }

    /// Interval arithmetic for an operation (`+ - * /`) on two numbers that
    /// each have a bound, one of them unknown (missing `m` together): the
    /// bounds of the result.
    #[inline(never)]
    fn binaire_intervalles(&mut self, op: BinOp, va: Val, vb: Val, m: Manquants) -> Val {
        let ((a_bas, a_haut), (b_bas, b_haut)) = (self.bornes_de(va), self.bornes_de(vb));
        match op {
            BinOp::Add => {
                let bas = borne_de(a_bas, b_bas, Decimal::checked_add);
                let haut = borne_de(a_haut, b_haut, Decimal::checked_add);
                self.borne_vals(m, bas, haut)
            }
            BinOp::Sub => {
                let bas = borne_de(a_bas, b_haut, Decimal::checked_sub);
                let haut = borne_de(a_haut, b_bas, Decimal::checked_sub);
                self.borne_vals(m, bas, haut)
            }
            BinOp::Mul => {
                // Only the common case: both sides non-negative.
                if positif(a_bas) && positif(b_bas) {
                    let bas = borne_de(a_bas, b_bas, Decimal::checked_mul);
                    let haut = borne_de(a_haut, b_haut, Decimal::checked_mul);
                    self.borne_vals(m, bas, haut)
                } else {
                    self.inconnu(m)
                }
            }
            BinOp::Div => {
                // Division by a known positive number keeps the order.
                if vb.est_nombre() && comparer(vb.decimal(), Decimal::ZERO).is_gt() {
                    let bas = borne_de(a_bas, vb, Decimal::checked_div);
                    let haut = borne_de(a_haut, vb, Decimal::checked_div);
                    self.borne_vals(m, bas, haut)
                } else {
                    self.inconnu(m)
                }
            }
            // Not sent here (see `binaire_inconnues`), but as there.
            BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => {
                self.comparaison_intervalles(op, va, vb, m)
            }
            BinOp::Eq | BinOp::Ne => self.inconnu(m),
        }
    }

    /// A comparison (`< <= > >=`) of two numbers that each have a bound, one
    /// of them unknown (missing `m` together): settled when the bounds
    /// already settle it, unknown otherwise.
    #[inline(never)]
    fn comparaison_intervalles(&mut self, op: BinOp, va: Val, vb: Val, m: Manquants) -> Val {
        // a < b is settled true when a's top is below b's bottom, false
        // when a's bottom is at or above b's top.
        let (strict, gauche, droite) = match op {
            BinOp::Lt => (true, va, vb),
            BinOp::Le => (false, va, vb),
            BinOp::Gt => (true, vb, va),
            _ => (false, vb, va),
        };
        let ((g_bas, g_haut), (d_bas, d_haut)) = (self.bornes_de(gauche), self.bornes_de(droite));
        let vrai = g_haut.est_nombre() && d_bas.est_nombre() && {
            let o = comparer(g_haut.decimal(), d_bas.decimal());
            if strict { o.is_lt() } else { o.is_le() }
        };
        let faux = g_bas.est_nombre() && d_haut.est_nombre() && {
            let o = comparer(g_bas.decimal(), d_haut.decimal());
            if strict { o.is_ge() } else { o.is_gt() }
        };
        if vrai {
            Vue::Booleen(true).val()
        } else if faux {
            Vue::Booleen(false).val()
        } else {
            self.inconnu(m)
        }
    }

    fn param(&mut self, p: ParamId) -> Result<&'a ValeurParametre, Echec> {
        let rs = self.rs;
        let par = &rs.parametres[p];
        match par.a_la_date(self.jour) {
            Some(v) => Ok(v),
            None => {
                let message = format!(
                    "le paramètre « {} » n'a pas de valeur à la date {}",
                    par.nom, self.jour
                );
                Err(self.echec(message))
            }
        }
    }

    #[inline]
    fn champ(&mut self, c: Champ) -> Val {
        match c {
            Champ::Fixe(s) => self.regs[self.base_champs + s],
            Champ::EnfantCourant(i) => {
                self.regs[self.base_champs + faits::slot_enfant(self.enfant, i)]
            }
            Champ::PersonneCourante(i) => {
                self.regs[self.base_champs + faits::slot_personne(self.personne, i)]
            }
            Champ::Conjoint(i) => self.champ_conjoint(i),
        }
    }

    fn champ_conjoint(&mut self, i: usize) -> Val {
        match self.couple.vue() {
            Vue::Booleen(true) => self.regs[self.base_champs + faits::slot_personne(1, i)],
            // Without a partner, the partner's amounts are nothing and their
            // yes/no facts are "no": formulas need no special case for singles.
            Vue::Booleen(false) => match faits::CHAMPS_PERSONNE[i].genre {
                faits::Genre::Booleen => Vue::Booleen(false).val(),
                faits::Genre::Nombre => Vue::Nombre(Decimal::ZERO).val(),
                _ => Vue::Texte("aucun").val(),
            },
            autre => {
                let m = self.manquants(autre.val());
                match faits::CHAMPS_PERSONNE[i].genre {
                    faits::Genre::Nombre => self.borne_brute(m, Some(Decimal::ZERO), None),
                    _ => self.inconnu(m),
                }
            }
        }
    }

    /// A constant of the program.
    #[inline]
    fn constante(&mut self, c: u32) -> Val {
        match self.p.constantes_connues[c as usize] {
            Some(v) => v,
            None => {
                let p = self.p;
                self.depuis_valeur(&p.constantes[c as usize])
            }
        }
    }

    #[inline]
    fn var(&mut self, v: VarId) -> R {
        match self.memo[v] {
            x if x.est_absente() => self.var_a_calculer(v),
            x => Ok(x),
        }
    }

    #[inline(never)]
    fn var_a_calculer(&mut self, v: VarId) -> R {
        let x = match self.de_la_base(v) {
            Some(x) => x,
            None => self.formule(v)?,
        };
        self.memo[v] = x;
        Ok(x)
    }

    /// The value of a formula's root: its block of instructions, or the
    /// node itself when it is a leaf (or while a month is being compiled).
    #[inline]
    fn racine(&mut self, n: Id) -> R {
        match self.p.code.bloc(n) {
            Some(&b) => {
                self.executer(b.debut, b.fin)?;
                Ok(self.regs.lire(b.resultat))
            }
            None => self.operande(n),
        }
    }

    /// Runs the instructions `debut..fin` (see [`code`](super::code)).
    fn executer(&mut self, debut: u32, fin: u32) -> Result<(), Echec> {
        let p = self.p;
        let code = &p.code.instrs[..fin as usize];
        let mut pc = debut as usize;
        while pc < code.len() {
            match code[pc] {
                Instr::Copier { dst, src } => self.regs.ecrire(dst, self.regs.lire(src)),
                Instr::Var { dst, v } => {
                    let mut x = self.memo[v as usize];
                    if x.est_absente() {
                        // A variable's block is run from here rather than
                        // through `var_a_calculer`: one call frame less for
                        // each of the hundred or so variables a household needs.
                        x = match p.code.blocs_des_vars.get(v as usize) {
                            _ if let Some(x) = self.de_la_base(v as usize) => {
                                self.memo[v as usize] = x;
                                x
                            }
                            Some(&Some(b)) => {
                                self.executer(b.debut, b.fin)?;
                                let x = self.regs.lire(b.resultat);
                                self.memo[v as usize] = x;
                                x
                            }
                            _ => self.var_a_calculer(v as usize)?,
                        };
                    }
                    self.regs.ecrire(dst, x);
                }
                Instr::Add { dst, a, b } => self.arithmetique_regs(BinOp::Add, dst, a, b)?,
                Instr::Sub { dst, a, b } => self.arithmetique_regs(BinOp::Sub, dst, a, b)?,
                Instr::Mul { dst, a, b } => self.arithmetique_regs(BinOp::Mul, dst, a, b)?,
                Instr::Bin { op, dst, a, b } => {
                    let v = self.binaire_regs(op, a, b)?;
                    self.regs.ecrire(dst, v);
                }
                Instr::SiCmp {
                    op,
                    a,
                    b,
                    dst,
                    sinon,
                    fin,
                } => {
                    let c = self.binaire_regs(op, a, b)?;
                    if let Some(suite) = self.si_code(c, dst, pc, sinon, fin) {
                        pc = suite;
                        continue;
                    }
                }
                Instr::EtOuCmp {
                    op,
                    a,
                    b,
                    dst,
                    ou,
                    premier,
                    fin,
                } => {
                    let v = self.binaire_regs(op, a, b)?;
                    if premier {
                        self.regs.ecrire(dst, Val::booleen(!ou));
                    }
                    if self.et_ou_item(v, dst, ou) {
                        pc = fin as usize;
                        continue;
                    }
                }
                Instr::ZeroFois { a, dst, fin } => {
                    let va = self.regs.lire(a);
                    if matches!(va.vue(), Vue::Nombre(d) if d.is_zero()) {
                        self.regs.ecrire(dst, va);
                        pc = fin as usize;
                        continue;
                    }
                }
                Instr::Si {
                    cond,
                    dst,
                    sinon,
                    fin,
                } => {
                    let c = self.regs.lire(cond);
                    if let Some(suite) = self.si_code(c, dst, pc, sinon, fin) {
                        pc = suite;
                        continue;
                    }
                }
                Instr::Saut { cible } => {
                    pc = cible as usize;
                    continue;
                }
                Instr::EtOuItem {
                    src,
                    dst,
                    ou,
                    premier,
                    fin,
                } => {
                    let v = self.regs.lire(src);
                    if premier {
                        self.regs.ecrire(dst, Val::booleen(!ou));
                    }
                    if self.et_ou_item(v, dst, ou) {
                        pc = fin as usize;
                        continue;
                    }
                }
                Instr::MinMax {
                    dst,
                    debut,
                    fin,
                    min,
                } => {
                    let items = &p.code.listes[debut as usize..fin as usize];
                    // Known numbers (the common case) as `min_max_de` does.
                    let mut connu: Option<Decimal> = None;
                    let mut tous_connus = true;
                    for &r in items {
                        let Vue::Nombre(d) = self.regs.lire(r).vue() else {
                            tous_connus = false;
                            break;
                        };
                        connu = Some(match connu {
                            None => d,
                            Some(a) => garder_min_max(a, d, min),
                        });
                    }
                    let v = if tous_connus {
                        Vue::Nombre(connu.unwrap_or(Decimal::ZERO)).val()
                    } else {
                        self.min_max_de(items, true, min)?
                    };
                    self.regs.ecrire(dst, v);
                }
                Instr::Non { dst, src } => {
                    let v = match self.regs.lire(src).vue() {
                        Vue::Booleen(b) => Vue::Booleen(!b).val(),
                        autre => autre.val(),
                    };
                    self.regs.ecrire(dst, v);
                }
                Instr::ADefaut { src, dst, fin } => {
                    let v = self.regs.lire(src);
                    if v.est_connue() {
                        self.regs.ecrire(dst, v);
                        pc = fin as usize;
                        continue;
                    }
                }
                Instr::Arrondi {
                    dst,
                    src,
                    mode,
                    decimales,
                } => {
                    let v = self.regs.lire(src);
                    let r = match v.nombre_connu() {
                        // As `arrondi` does for a number, without the closure.
                        Some(d) => match arrondir(d, mode, decimales) {
                            Ok(r) => Val::nombre(r),
                            Err(ErreurCalcul(e)) => return Err(self.echec(e)),
                        },
                        // An unknown with no bound stays what it is (as
                        // `arrondi` would make it again, bounds rounded).
                        None if !v.est_connue() && self.inconnues[v.b as usize].sans_bornes() => v,
                        None => self.arrondi(mode, decimales, v)?,
                    };
                    self.regs.ecrire(dst, r);
                }
                Instr::ChampEnfant { dst, i } => {
                    let s = self.base_champs + faits::slot_enfant(self.enfant, i as usize);
                    self.regs.ecrire(dst, self.regs[s]);
                }
                Instr::ChampPersonne { dst, i } => {
                    let s = self.base_champs + faits::slot_personne(self.personne, i as usize);
                    self.regs.ecrire(dst, self.regs[s]);
                }
                Instr::VarContexte { dst, v } => {
                    let x = self.var_contexte(v as usize)?;
                    self.regs.ecrire(dst, x);
                }
                Instr::Aide {
                    dst,
                    aide,
                    eligible,
                } => {
                    let e = self.etat(aide as usize)?;
                    let v = if eligible { e.eligible } else { e.montant };
                    self.regs.ecrire(dst, v);
                }
                Instr::Agregat { dst, ag, coll, x } => {
                    let v = self.agregat(ag, coll, x)?;
                    self.regs.ecrire(dst, v);
                }
                Instr::Arbre { dst, noeud } => {
                    let v = self.eval(noeud)?;
                    self.regs.ecrire(dst, v);
                }
            }
            pc += 1;
        }
        Ok(())
    }

    /// `dst = a op b` for `+`, `-` and `*`, each with an instruction of its
    /// own: inlined with `op` a constant, the operation is known without a
    /// dispatch. The failures and unknowns go to [`Self::binaire_valeurs`].
    #[inline(always)]
    fn arithmetique_regs(&mut self, op: BinOp, dst: Reg, a: Reg, b: Reg) -> Result<(), Echec> {
        let (va, vb) = (self.regs.lire(a), self.regs.lire(b));
        let v = match nombres(va, vb).and_then(|(x, y)| arithmetique(op, x, y)) {
            Some(d) => Val::nombre(d),
            None => match self.inconnue_telle_quelle(op, va, vb) {
                Some(v) => v,
                None => self.binaire_valeurs(op, va, vb)?,
            },
        };
        self.regs.ecrire(dst, v);
        Ok(())
    }

    /// An operand itself, when [`Self::binaire_valeurs`] would give it: an
    /// unknown with no bound whose fields hold the other operand's (a
    /// known value has none). No bound can be computed then, and the
    /// fields are that operand's. That is more than half of the operations
    /// on unknowns of a partial household (about 200 of 320 for the
    /// benchmark's), decided here without the call, whose frame was a
    /// third of each one's cost. The order of the checks is that of
    /// [`Self::binaire_inconnues`]; a known zero on the right of `*` is
    /// that zero (the `0 * x` rule), as there.
    #[inline(always)]
    fn inconnue_telle_quelle(&self, op: BinOp, va: Val, vb: Val) -> Option<Val> {
        let inconnue = |v: Val| (!v.est_connue()).then(|| &self.inconnues[v.b as usize]);
        match (inconnue(va), inconnue(vb)) {
            (Some(a), None) => {
                let zero_a_droite = op == BinOp::Mul && vb.est_nombre() && vb.decimal().is_zero();
                (a.sans_bornes() && !zero_a_droite).then_some(va)
            }
            (None, Some(b)) => b.sans_bornes().then_some(vb),
            (Some(a), Some(b)) => {
                let m = a.m.union(b.m);
                if a.sans_bornes() && a.m == m {
                    Some(va)
                } else if b.sans_bornes() && b.m == m {
                    Some(vb)
                } else {
                    None
                }
            }
            (None, None) => None,
        }
    }

    /// A binary operation on two registers: the common known cases here,
    /// the others (and failures) by [`Self::binaire_valeurs`].
    #[inline(always)]
    fn binaire_regs(&mut self, op: BinOp, a: Reg, b: Reg) -> R {
        let (va, vb) = (self.regs.case(a), self.regs.case(b));
        match binaire_rapide(op, va, vb) {
            Some(v) => Ok(v),
            None => {
                let (va, vb) = (*va, *vb);
                match self.inconnue_telle_quelle(op, va, vb) {
                    Some(v) => Ok(v),
                    None => self.binaire_valeurs(op, va, vb),
                }
            }
        }
    }

    /// One item of `et` (`ou`) accumulating in `dst`; true when the item
    /// settles it (`dst` is then the result).
    #[inline(always)]
    fn et_ou_item(&mut self, v: Val, dst: Reg, ou: bool) -> bool {
        match v.vue() {
            Vue::Booleen(b) if b == ou => {
                self.regs.ecrire(dst, Vue::Booleen(ou).val());
                true
            }
            Vue::Inconnu(i) => {
                let m = self.inconnues[i as usize].m;
                if !m.est_vide() {
                    match self.regs.lire(dst).vue() {
                        // The unknown this `et` made: only `dst` points to it.
                        Vue::Inconnu(j) => {
                            let u = &mut self.inconnues[j as usize];
                            u.m = u.m.union(m);
                        }
                        _ => {
                            let x = self.inconnu(m);
                            self.regs.ecrire(dst, x);
                        }
                    }
                }
                false
            }
            _ => false,
        }
    }

    /// A `si` instruction at `pc` on the condition `c` ([`Instr::Si`] and
    /// [`Instr::SiCmp`]): `None` goes on into the `alors` branch; otherwise
    /// the instruction to jump to (`sinon` when false; `fin` once both
    /// branches have been run and merged when `c` is not known).
    #[inline(always)]
    fn si_code(&mut self, c: Val, dst: Reg, pc: usize, sinon: u32, fin: u32) -> Option<usize> {
        match c.vue() {
            Vue::Booleen(true) => None,
            Vue::Booleen(false) => Some(sinon as usize),
            _ => {
                let v = self.si_inconnu_code(c, dst, pc as u32 + 1, sinon, fin);
                self.regs.ecrire(dst, v);
                Some(fin as usize)
            }
        }
    }

    /// `si` whose condition is not known, in instructions: the branches
    /// `[alors, sinon - 1)` (before the jump over the other branch) and
    /// `[sinon, fin)` each end by writing `dst`. As [`Self::si_inconnu`].
    #[inline(never)]
    fn si_inconnu_code(&mut self, cond: Val, dst: Reg, alors: u32, sinon: u32, fin: u32) -> Val {
        let mc = self.manquants(cond);
        let va = match self.executer(alors, sinon - 1) {
            Ok(()) => self.regs.lire(dst),
            Err(Echec) => self.inconnu(mc),
        };
        let vb = match self.executer(sinon, fin) {
            Ok(()) => self.regs.lire(dst),
            Err(Echec) => self.inconnu(mc),
        };
        self.fusion_si(mc, va, vb)
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
                let x = self.memo_contexte[i];
                if !x.est_absente() {
                    return Ok(x);
                }
                let x = match self.de_la_base_contexte(v, i) {
                    Some(x) => x,
                    None => self.formule(v)?,
                };
                self.memo_contexte[i] = x;
                Ok(x)
            }
            None => self.formule(v),
        }
    }

    /// A variable's formula evaluated now (no memo).
    #[inline]
    fn formule(&mut self, v: VarId) -> R {
        match self.p.code.blocs_des_vars.get(v) {
            Some(&Some(b)) => {
                self.executer(b.debut, b.fin)?;
                Ok(self.regs.lire(b.resultat))
            }
            _ => self.racine(self.p.variables[v]),
        }
    }

    /// Evaluates an operand: constants, fields, variables already computed
    /// and other aids' results are read here without a call, the rest by
    /// [`Self::eval`]. Most operands are such leaves, and a call costs about
    /// fifty instructions (saving registers, dispatching, copying the result).
    #[inline(always)]
    fn operande(&mut self, n: Id) -> R {
        match self.p.op(n) {
            Op::Const(c) => {
                if let Some(v) = self.p.constantes_connues[c as usize] {
                    return Ok(v);
                }
            }
            Op::Champ(c) => return Ok(self.champ(c)),
            Op::Var(v) => {
                return match self.memo[v] {
                    // Straight to the formula, one call fewer.
                    x if x.est_absente() => self.var_a_calculer(v),
                    x => Ok(x),
                };
            }
            Op::MontantAide(a) => {
                if let Some(e) = &self.aides[a] {
                    return Ok(e.montant);
                }
            }
            Op::EligibleAide(a) => {
                if let Some(e) = &self.aides[a] {
                    return Ok(e.eligible);
                }
            }
            _ => {}
        }
        self.eval(n)
    }

    fn nombre(&mut self, n: Id) -> Result<Result<Decimal, Manquants>, Echec> {
        Ok(match self.operande(n)?.vue() {
            Vue::Nombre(d) => Ok(d),
            Vue::Inconnu(i) => Err(self.inconnues[i as usize].m),
            autre => {
                return Err(self.echec(format!("nombre attendu, trouvé {autre:?}")));
            }
        })
    }

    /// Evaluates a node. The common nodes are handled here; the others are
    /// out of line, which keeps this (recursive) function's frame small.
    fn eval(&mut self, n: Id) -> R {
        Ok(match self.p.op(n) {
            Op::Const(c) => self.constante(c),
            Op::Champ(c) => self.champ(c),
            Op::Var(v) => self.var(v)?,
            Op::VarContexte(v) => self.var_contexte(v)?,
            Op::Bin(op, a, b) => self.binaire(op, a, b)?,
            Op::Et(items) => self.et_ou(items, false)?,
            Op::Ou(items) => self.et_ou(items, true)?,
            Op::Si(c, a, b) => match self.operande(c)?.vue() {
                Vue::Booleen(true) => self.operande(a)?,
                Vue::Booleen(false) => self.operande(b)?,
                cond => self.si_inconnu(cond.val(), a, b),
            },
            Op::MontantAide(a) => self.etat(a)?.montant,
            Op::EligibleAide(a) => self.etat(a)?.eligible,
            Op::SortieAide(a, s) => self.etat(a)?.sorties[s as usize],
            Op::Non(x) => match self.operande(x)?.vue() {
                Vue::Booleen(b) => Vue::Booleen(!b).val(),
                autre => autre.val(),
            },
            Op::ADefaut(a, b) => match self.operande(a)? {
                v if !v.est_connue() => self.operande(b)?,
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
                ValeurParametre::Nombre(d) => Vue::Nombre(*d).val(),
                _ => return Err(self.echec("paramètre non numérique".into())),
            },
            Op::ParamIndex(p, cle) => {
                let k = self.operande(cle)?;
                if !k.est_connue() {
                    // The key's bounds say nothing about the table's values.
                    let m = self.manquants(k);
                    return Ok(self.inconnu(m));
                }
                let ValeurParametre::Table(t) = self.param(p)? else {
                    return Err(self.echec("paramètre non tabulé".into()));
                };
                let trouve = t.iter().find(|c| match k.vue() {
                    Vue::Nombre(d) => c.cle_nombre == Some(d),
                    Vue::Texte(x) => c.cle == x,
                    Vue::Booleen(b) => c.cle == if b { "vrai" } else { "faux" },
                    Vue::Inconnu(_) => false,
                });
                match trouve {
                    Some(c) => Vue::Nombre(c.valeur).val(),
                    None => {
                        let message = format!(
                            "la table « {} » n'a pas de valeur pour « {k:?} »",
                            self.rs.parametres[p].nom
                        );
                        return Err(self.echec(message));
                    }
                }
            }
            Op::Neg(x) => {
                let v = self.operande(x)?;
                match self.intervalle(v) {
                    Some((bas, haut)) => {
                        let m = self.manquants(v);
                        self.borne(m, haut.map(|h| -h), bas.map(|b| -b))
                    }
                    None => return Err(self.echec("nombre attendu après « - »".into())),
                }
            }
            Op::Arrondi(mode, x, decimales) => {
                let v = self.operande(x)?;
                self.arrondi(mode, decimales, v)?
            }
            Op::Bareme(p, x) => match self.nombre(x)? {
                Err(m) => self.inconnu(m),
                Ok(base) => {
                    let ValeurParametre::Bareme(tranches) = self.param(p)? else {
                        return Err(self.echec("barème attendu".into()));
                    };
                    match bareme(tranches, base) {
                        Ok(d) => Vue::Nombre(d).val(),
                        Err(ErreurCalcul(e)) => return Err(self.echec(e)),
                    }
                }
            },
            Op::Grille(p, x) => match self.nombre(x)? {
                Err(m) => self.inconnu(m),
                Ok(base) => {
                    let ValeurParametre::Bareme(tranches) = self.param(p)? else {
                        return Err(self.echec("barème attendu".into()));
                    };
                    let t = tranches
                        .iter()
                        .find(|t| t.jusqu_a.is_none_or(|j| comparer(base, j).is_lt()))
                        .unwrap_or_else(|| tranches.last().expect("a scale has a bracket"));
                    Vue::Nombre(t.montant.or(t.taux).unwrap_or(Decimal::ZERO)).val()
                }
            },
            Op::ParamAnnee(p, decalage) => {
                let jour = premier_janvier(self.jour, decalage);
                let par = &self.rs.parametres[p];
                match par.a_la_date(jour) {
                    Some(ValeurParametre::Nombre(d)) => Vue::Nombre(*d).val(),
                    _ => {
                        let annee = (self.jour / 10000) as i64 + decalage as i64;
                        let message = format!(
                            "le paramètre « {} » n'a pas de valeur au 1er janvier {annee}",
                            par.nom
                        );
                        return Err(self.echec(message));
                    }
                }
            }
            autre => unreachable!("`eval` handles {autre:?}"),
        })
    }

    /// Rounds a value (see [`arrondir`]).
    fn arrondi(&mut self, mode: Arrondi, decimales: i32, v: Val) -> R {
        let arrondi = |ctx: &mut Self, d: Option<Decimal>| match d {
            None => Ok(None),
            Some(d) => match arrondir(d, mode, decimales) {
                Ok(r) => Ok(Some(r)),
                Err(ErreurCalcul(e)) => Err(ctx.echec(e)),
            },
        };
        Ok(match v.vue() {
            Vue::Nombre(d) => Vue::Nombre(arrondi(self, Some(d))?.expect("a number")).val(),
            // Rounding is monotonic: round the bounds.
            Vue::Inconnu(i) => {
                let x = self.inconnues[i as usize];
                let bas = arrondi(self, x.bas())?;
                let haut = arrondi(self, x.haut())?;
                self.borne(x.m, bas, haut)
            }
            // Not a number: unknown, with no field to name.
            _ => self.inconnu(Manquants::VIDE),
        })
    }

    fn et_ou(&mut self, items: Liste, ou: bool) -> R {
        let mut m = Manquants::VIDE;
        let p = self.p;
        for &x in p.liste(items) {
            match self.operande(x)?.vue() {
                Vue::Booleen(b) if b == ou => return Ok(Vue::Booleen(ou).val()),
                Vue::Inconnu(i) => m = m.union(self.inconnues[i as usize].m),
                _ => {}
            }
        }
        Ok(if m.est_vide() {
            Vue::Booleen(!ou).val()
        } else {
            self.inconnu(m)
        })
    }

    /// `si` whose condition is not known.
    #[inline(never)]
    fn si_inconnu(&mut self, cond: Val, a: Id, b: Id) -> Val {
        // Both branches may agree: then the condition does not matter.
        // A branch that would fail (say, a division guarded by the
        // condition) only means the branch cannot be known yet.
        let mc = self.manquants(cond);
        let va = match self.operande(a) {
            Ok(v) => v,
            Err(Echec) => self.inconnu(mc),
        };
        let vb = match self.operande(b) {
            Ok(v) => v,
            Err(Echec) => self.inconnu(mc),
        };
        self.fusion_si(mc, va, vb)
    }

    /// The value of a `si` whose condition (missing `mc`) is not known,
    /// from its branches' values.
    fn fusion_si(&mut self, mc: Manquants, va: Val, vb: Val) -> Val {
        if va.est_connue() && va == vb {
            return va;
        }
        let (a, b) = (self.bornes(va), self.bornes(vb));
        let m = mc.union(a.m).union(b.m);
        // Either branch may be taken: the union of their intervals
        // (never a point: that would hide the condition's fields).
        let bas = if a.bas.est_nombre() && b.bas.est_nombre() {
            garder_min_max_val(a.bas, b.bas, true)
        } else {
            Val::SANS_BORNE
        };
        let haut = if a.haut.est_nombre() && b.haut.est_nombre() {
            garder_min_max_val(a.haut, b.haut, false)
        } else {
            Val::SANS_BORNE
        };
        if !bas.est_nombre() && !haut.est_nombre() {
            // As in `binaire_inconnues`: a branch may already be that unknown.
            for v in [va, vb] {
                if !v.est_connue() {
                    let x = &self.inconnues[v.b as usize];
                    if x.m == m && x.sans_bornes() {
                        return v;
                    }
                }
            }
        }
        let i = self.inconnues.len() as u32;
        self.inconnues.push(Inconnue { m, bas, haut });
        Vue::Inconnu(i).val()
    }

    #[inline(never)]
    fn min_max(&mut self, items: Liste, est_min: bool) -> R {
        let p = self.p;
        self.min_max_de(p.liste(items), false, est_min)
    }

    /// An item of `min`/`max`: a register already computed (`regs`), or a
    /// node to evaluate.
    #[inline(always)]
    fn item(&mut self, x: u32, regs: bool) -> R {
        if regs {
            Ok(self.regs[x as usize])
        } else {
            self.operande(x)
        }
    }

    /// `min`/`max` of nodes, or of registers when `regs`.
    fn min_max_de<T: Copy + Into<u32>>(&mut self, liste: &[T], regs: bool, est_min: bool) -> R {
        // Interval of the result: min/max of the lower bounds and of the
        // upper bounds; settled when it shrinks to a point.
        // Known numbers only (the common case): no interval to carry.
        let mut connu: Option<Decimal> = None;
        let mut i = 0;
        while i < liste.len() {
            match self.item(liste[i].into(), regs)?.vue() {
                Vue::Nombre(d) => {
                    connu = Some(match connu {
                        None => d,
                        Some(a) => garder_min_max(a, d, est_min),
                    });
                    i += 1;
                }
                autre => {
                    // From the first unknown on, with intervals.
                    return self.min_max_intervalles(liste, regs, i, autre.val(), connu, est_min);
                }
            }
        }
        Ok(Vue::Nombre(connu.unwrap_or(Decimal::ZERO)).val())
    }

    /// The rest of `min_max` from item `i` (already evaluated to `v`), the
    /// items before it being the known numbers whose min or max is `connu`.
    #[inline(never)]
    fn min_max_intervalles<T: Copy + Into<u32>>(
        &mut self,
        liste: &[T],
        regs: bool,
        i: usize,
        v: Val,
        connu: Option<Decimal>,
        est_min: bool,
    ) -> R {
        // For min, an unbounded lower side stays unbounded, and for max an
        // unbounded upper side does (`absorbe`); otherwise the bound kept
        // is the min or max of those that exist.
        let garder = |acc: Val, x: Val, absorbe: bool| {
            if acc.est_nombre() && x.est_nombre() {
                garder_min_max_val(acc, x, est_min)
            } else if absorbe {
                Val::SANS_BORNE
            } else if acc.est_nombre() {
                acc
            } else {
                x
            }
        };
        let mut v = v;
        let mut j = i;
        // The known items before `i` (if any) as a point.
        let mut acc: Option<Inconnue> = connu.map(|d| Inconnue {
            m: Manquants::VIDE,
            bas: Val::nombre(d),
            haut: Val::nombre(d),
        });
        loop {
            if v.est_connue() && !v.est_nombre() {
                return Err(self.echec("nombre attendu dans min/max".into()));
            }
            let x = self.bornes(v);
            acc = Some(match acc {
                None => x,
                Some(a) => Inconnue {
                    m: a.m.union(x.m),
                    bas: garder(a.bas, x.bas, est_min),
                    haut: garder(a.haut, x.haut, !est_min),
                },
            });
            j += 1;
            if j >= liste.len() {
                break;
            }
            v = self.item(liste[j].into(), regs)?;
        }
        let Inconnue { m, bas, haut } = acc.expect("at least item `i`");
        Ok(if m.est_vide() {
            Vue::Nombre(bas.nombre_connu().unwrap_or(Decimal::ZERO)).val()
        } else {
            self.borne_vals(m, bas, haut)
        })
    }

    fn etat(&mut self, a: AideId) -> Result<&Etat, Echec> {
        if self.aides[a].is_none() {
            let message = format!(
                "l'aide « {} » n'a pas pu être calculée",
                self.rs.aides[a].id
            );
            return Err(self.echec(message));
        }
        Ok(self.aides[a].as_ref().expect("checked above"))
    }

    fn binaire(&mut self, op: BinOp, a: Id, b: Id) -> R {
        let va = self.operande(a)?;
        // `0 * x` is 0 whatever x is: a zero rate settles the product.
        let est_zero = |v: Val| matches!(v.vue(), Vue::Nombre(d) if d.is_zero());
        if op == BinOp::Mul && est_zero(va) {
            return Ok(va);
        }
        let vb = self.operande(b)?;
        self.binaire_valeurs(op, va, vb)
    }

    /// A binary operation once both operands are known to be needed (a
    /// zero left operand of `*` has been dealt with).
    #[inline(never)]
    fn binaire_valeurs(&mut self, op: BinOp, va: Val, vb: Val) -> R {
        if op == BinOp::Mul && vb.nombre_connu().is_some_and(|d| d.is_zero()) {
            return Ok(vb);
        }
        if !va.est_connue() || !vb.est_connue() {
            return Ok(self.binaire_inconnues(op, va, vb));
        }
        self.binaire_connues(op, va, vb)
    }

    /// [`Self::binaire_valeurs`] on known values, apart so that the unknown
    /// case (each operation of a partial household that reaches here) does
    /// not pay for this frame: its failures' messages are built here.
    #[inline(never)]
    fn binaire_connues(&mut self, op: BinOp, va: Val, vb: Val) -> R {
        if matches!(op, BinOp::Eq | BinOp::Ne) {
            let egal = va == vb;
            return Ok(Vue::Booleen(if op == BinOp::Eq { egal } else { !egal }).val());
        }
        let (Vue::Nombre(x), Vue::Nombre(y)) = (va.vue(), vb.vue()) else {
            return Err(self.echec(format!("« {} » entre non-nombres", op.symbole())));
        };
        let r = match op {
            BinOp::Add => x.checked_add(y),
            BinOp::Sub => x.checked_sub(y),
            BinOp::Mul => x.checked_mul(y),
            BinOp::Div => {
                if y.is_zero() {
                    return Err(self.echec("division par zéro".into()));
                }
                x.checked_div(y)
            }
            BinOp::Lt => return Ok(Vue::Booleen(comparer(x, y).is_lt()).val()),
            BinOp::Le => return Ok(Vue::Booleen(comparer(x, y).is_le()).val()),
            BinOp::Gt => return Ok(Vue::Booleen(comparer(x, y).is_gt()).val()),
            BinOp::Ge => return Ok(Vue::Booleen(comparer(x, y).is_ge()).val()),
            BinOp::Eq | BinOp::Ne => unreachable!("handled above"),
        };
        match r {
            Some(d) => Ok(Vue::Nombre(d).val()),
            None => Err(self.echec(format!("dépassement de capacité dans « {} »", op.symbole()))),
        }
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
                Err(m) => return Ok(self.inconnu(m)),
            },
            Collection::Adultes => match self.couple.vue() {
                Vue::Booleen(true) => &TOUS[..2],
                Vue::Booleen(false) => &TOUS[..1],
                autre => {
                    // The demandeur alone may already settle `existe`.
                    let seul = self.agregat_sur(ag, coll, x, &[0])?;
                    if ag == Agregat::Existe && seul == Vue::Booleen(true).val()
                        || ag == Agregat::Tous && seul == Vue::Booleen(false).val()
                    {
                        return Ok(seul);
                    }
                    let m = self.manquants(autre.val()).union(self.manquants(seul));
                    return Ok(self.inconnu(m));
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
        // The item's block, found once (as `racine` would for each item).
        let bloc = self.p.code.bloc(x).copied();
        for &i in indices {
            match coll {
                Collection::Enfants => self.enfant = i,
                Collection::Adultes => self.personne = i,
            }
            let v = match bloc {
                Some(b) => self
                    .executer(b.debut, b.fin)
                    .map(|()| self.regs.lire(b.resultat)),
                None => self.operande(x),
            };
            let v = match v {
                Ok(v) => v,
                Err(e) => {
                    self.enfant = ancien_e;
                    self.personne = ancien_p;
                    return Err(e);
                }
            };
            match (ag, v.vue()) {
                (Agregat::Somme, Vue::Inconnu(j)) => {
                    let u = self.inconnues[j as usize];
                    somme_bas = plus(somme_bas, u.bas());
                    somme_haut = plus(somme_haut, u.haut());
                    m = m.union(u.m)
                }
                (_, Vue::Inconnu(j)) => m = m.union(self.inconnues[j as usize].m),
                (Agregat::Somme, Vue::Nombre(d)) => match somme.checked_add(d) {
                    Some(s) => somme = s,
                    // As before this rewrite, the context is left as the
                    // failing item set it: the aid fails anyway.
                    None => return Err(self.echec("dépassement dans une somme".into())),
                },
                (Agregat::Nombre, Vue::Booleen(b)) => compte += u32::from(b),
                (Agregat::Existe, Vue::Booleen(true)) => decide = Some(true),
                (Agregat::Tous, Vue::Booleen(false)) => decide = Some(false),
                _ => {}
            }
            if decide.is_some() {
                break;
            }
        }
        self.enfant = ancien_e;
        self.personne = ancien_p;
        if let Some(b) = decide {
            return Ok(Vue::Booleen(b).val());
        }
        if !m.est_vide() {
            if ag == Agregat::Somme {
                let plus = |x: Option<Decimal>| x.and_then(|x| x.checked_add(somme));
                return Ok(self.borne(m, plus(somme_bas), plus(somme_haut)));
            }
            return Ok(self.inconnu(m));
        }
        Ok(match ag {
            Agregat::Somme => Vue::Nombre(somme).val(),
            Agregat::Nombre => Vue::Nombre(Decimal::from(compte)).val(),
            Agregat::Existe => Vue::Booleen(false).val(),
            Agregat::Tous => Vue::Booleen(true).val(),
        })
    }
}

/// A binary operation on known values in the common cases (numbers;
/// equality of known values), when it does not fail: what
/// [`Contexte::binaire_valeurs`] gives for them. `None` for the others.
#[inline(always)]
fn binaire_rapide(op: BinOp, va: &Val, vb: &Val) -> Option<Val> {
    if va.est_nombre() && vb.est_nombre() {
        let (x, y) = (va.decimal(), vb.decimal());
        // A comparison is true for some of the three orderings: one
        // comparison and a bit test, without a branch per operator.
        // (`Decimal`'s `==` is its `cmp` being `Equal`, as here.)
        let vraie_si: u8 = match op {
            BinOp::Lt => 0b001,
            BinOp::Le => 0b011,
            BinOp::Eq => 0b010,
            BinOp::Ne => 0b101,
            BinOp::Ge => 0b110,
            BinOp::Gt => 0b100,
            _ => return Some(Val::nombre(arithmetique(op, x, y)?)),
        };
        let ordre = (comparer(x, y) as i8 + 1) as u8;
        return Some(Val::booleen(vraie_si & (1 << ordre) != 0));
    }
    if !va.est_connue() || !vb.est_connue() {
        return None;
    }
    match op {
        BinOp::Eq => Some(Val::booleen(va == vb)),
        BinOp::Ne => Some(Val::booleen(va != vb)),
        _ => None,
    }
}

/// Both values as decimals, when both are known numbers.
#[inline(always)]
fn nombres(va: Val, vb: Val) -> Option<(Decimal, Decimal)> {
    (va.est_nombre() && vb.est_nombre()).then(|| (va.decimal(), vb.decimal()))
}

/// `+ - * /` on known numbers, `None` on failure. A zero right operand of
/// `*` is the result as it is (the tree evaluator's `0 * x` rule, from the
/// right).
#[inline(always)]
fn arithmetique(op: BinOp, x: Decimal, y: Decimal) -> Option<Decimal> {
    match op {
        BinOp::Add => x.checked_add(y),
        BinOp::Sub => x.checked_sub(y),
        BinOp::Mul if y.is_zero() => Some(y),
        BinOp::Mul => x.checked_mul(y),
        BinOp::Div if y.is_zero() => None,
        BinOp::Div => x.checked_div(y),
        _ => None,
    }
}

/// Of `a` (kept so far) and `d`, the one `min` or `max` keeps, as
/// `Decimal::min` and `Decimal::max` choose: `a` on a tie.
#[inline(always)]
fn garder_min_max(a: Decimal, d: Decimal, min: bool) -> Decimal {
    let remplacer = if min {
        comparer(a, d).is_gt()
    } else {
        comparer(a, d).is_lt()
    };
    if remplacer { d } else { a }
}

/// [`garder_min_max`] on two numbers as values: the one kept, as it is.
#[inline(always)]
fn garder_min_max_val(a: Val, d: Val, min: bool) -> Val {
    let ordre = comparer(a.decimal(), d.decimal());
    let remplacer = if min { ordre.is_gt() } else { ordre.is_lt() };
    if remplacer { d } else { a }
}

/// A bound of a sum: `None` (unbounded) when either side is, or on overflow.
#[inline(always)]
fn plus(x: Option<Decimal>, y: Option<Decimal>) -> Option<Decimal> {
    match (x, y) {
        (Some(x), Some(y)) => x.checked_add(y),
        _ => None,
    }
}

/// A bound of an operation on two bounds of [`Inconnue`]s: unbounded when
/// either is, or when the operation fails (overflow).
#[inline(always)]
fn borne_de(x: Val, y: Val, operation: fn(Decimal, Decimal) -> Option<Decimal>) -> Val {
    if x.est_nombre() && y.est_nombre() {
        operation(x.decimal(), y.decimal()).map_or(Val::SANS_BORNE, Val::nombre)
    } else {
        Val::SANS_BORNE
    }
}

/// Whether a lower bound is `>= 0` (-0 is), without `Decimal`'s comparison call.
#[inline(always)]
fn positif(b: Val) -> bool {
    b.est_nombre() && {
        let b = b.decimal();
        !b.is_sign_negative() || b.is_zero()
    }
}

/// `x.cmp(&y)`, without a call when both have the same scale (most
/// comparisons: amounts against ceilings in cents, ages against ages), where
/// the order is that of the signed mantissas (and -0 equals 0, as for `Decimal`).
#[inline(always)]
fn comparer(x: Decimal, y: Decimal) -> std::cmp::Ordering {
    if x.scale() == y.scale() {
        x.mantissa().cmp(&y.mantissa())
    } else {
        comparer_echelles(x, y)
    }
}

/// [`comparer`] for numbers of different scales, out of line so that the
/// common case stays small where it is inlined.
#[inline(never)]
fn comparer_echelles(x: Decimal, y: Decimal) -> std::cmp::Ordering {
    let (sx, sy) = (x.scale(), y.scale());
    let (mx, my) = (x.mantissa(), y.mantissa());
    // Zero (of any sign and scale) against a number is ordered by that
    // number's sign: the lower bound of most unknown amounts is 0.
    if mx == 0 || my == 0 {
        return mx.cmp(&my);
    }
    // The mantissa of fewer decimals brought to the other's scale, exactly
    // in 128 bits when the product does not overflow: always when both fit
    // in 64 bits and the gap is at most 18 digits (|m| < 2^63 times 10^18 <
    // 2^123), the common case (an amount in cents against a whole ceiling);
    // for larger mantissas (a quotient's 28 decimals), when it happens not to.
    let (a, b, ecart) = if sx < sy {
        (mx, my, sy - sx)
    } else {
        (my, mx, sx - sy)
    };
    let p = PUISSANCES_DE_DIX[ecart as usize];
    let petits = i64::try_from(a).is_ok() && ecart <= 18;
    let ordre = if petits {
        (a * p).cmp(&b)
    } else {
        match a.checked_mul(p) {
            Some(a) => a.cmp(&b),
            None => return x.cmp(&y),
        }
    };
    if sx < sy { ordre } else { ordre.reverse() }
}

/// 10^0 to 10^28: bringing a mantissa to a larger scale (scales are at most 28).
const PUISSANCES_DE_DIX: [i128; 29] = {
    let mut t = [1i128; 29];
    let mut i = 1;
    while i < t.len() {
        t[i] = t[i - 1] * 10;
        i += 1;
    }
    t
};

/// `d.round_dp_with_strategy(dp, strategie)` without the call when `d`
/// has at most `dp` decimals (then it is `d` itself, as that function
/// returns first thing): most amounts already are in cents.
#[inline(always)]
fn arrondir_dp(d: Decimal, dp: u32, strategie: RoundingStrategy) -> Decimal {
    let scale = d.scale();
    if scale <= dp {
        return d;
    }
    // A non-zero mantissa of 64 bits and at most 19 digits to drop (the
    // common case): that function's integer steps in 64 bits. It divides
    // the magnitude by 10^(scale - dp), adds one by the strategy from the
    // remainder (against half of 10^(scale - dp) for the midpoint), and
    // builds the result with `from_parts` (a zero result is positive).
    // Larger mantissas (up to 96 bits, a quotient's) and up to 28 digits
    // to drop: the same in 128 bits.
    let m = d.mantissa();
    let diff = scale - dp;
    if m == 0 {
        return d.round_dp_with_strategy(dp, strategie);
    }
    let negatif = m < 0;
    let plus_un = |r_nul: bool, au_milieu: bool| match strategie {
        RoundingStrategy::MidpointAwayFromZero => Some(au_milieu),
        RoundingStrategy::ToNegativeInfinity => Some(negatif && !r_nul),
        RoundingStrategy::ToPositiveInfinity => Some(!negatif && !r_nul),
        _ => None,
    };
    let u = m.unsigned_abs();
    if diff <= 19 {
        if let Ok(u) = u64::try_from(u) {
            let p = 10u64.pow(diff);
            let (q, r) = (u / p, u % p);
            if let Some(plus) = plus_un(r == 0, r >= p / 2) {
                let q = q + u64::from(plus);
                return Decimal::from_parts(q as u32, (q >> 32) as u32, 0, negatif, dp);
            }
        }
    }
    let p = 10u128.pow(diff);
    let (q, r) = (u / p, u % p);
    match plus_un(r == 0, r >= p / 2) {
        Some(plus) => {
            // q < 2^96 / 10, so q + 1 fits the 96 bits.
            let q = q + u128::from(plus);
            Decimal::from_parts(q as u32, (q >> 32) as u32, (q >> 64) as u32, negatif, dp)
        }
        None => d.round_dp_with_strategy(dp, strategie),
    }
}

fn arrondir(d: Decimal, mode: Arrondi, decimales: i32) -> Result<Decimal, ErreurCalcul> {
    let strategie = match mode {
        Arrondi::PlusProche => RoundingStrategy::MidpointAwayFromZero,
        Arrondi::Inferieur => RoundingStrategy::ToNegativeInfinity,
        Arrondi::Superieur => RoundingStrategy::ToPositiveInfinity,
    };
    if decimales >= 0 {
        return Ok(arrondir_dp(d, decimales as u32, strategie));
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
        if comparer(base, bas).is_le() {
            break;
        }
        let haut = t.jusqu_a.map_or(base, |j| garder_min_max(j, base, true));
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
pub(super) fn ecrire_nombre(s: &mut String, d: Decimal) {
    let cents = centimes(d);
    // In 64 bits when the number fits (always, for amounts): 128-bit
    // division is a library call.
    let (entier, fraction) = match u64::try_from(cents) {
        Ok(c) => (u128::from(c / 100), (c % 100) as u8),
        Err(_) => (cents / 100, (cents % 100) as u8),
    };
    // Written from the right into a buffer, then appended at once: one
    // capacity check rather than one per character. 64 bytes hold a sign,
    // 29 digits with their spaces and the decimals.
    let mut tampon = [0u8; 64];
    let mut debut = tampon.len();
    let mut pousser = |octet: u8| {
        debut -= 1;
        tampon[debut] = octet;
    };
    if fraction != 0 {
        pousser(b'0' + fraction % 10);
        pousser(b'0' + fraction / 10);
        pousser(b',');
    }
    // The integer part by groups of three digits from the units up, a space
    // between groups: one division by 1000 per group rather than one by 10
    // per digit (numbers are written for every explanation line).
    let mut groupe = |g: u16, complet: bool| {
        let (c, d, u) = (g / 100, (g / 10) % 10, g % 10);
        pousser(b'0' + u as u8);
        if complet || g >= 10 {
            pousser(b'0' + d as u8);
        }
        if complet || g >= 100 {
            pousser(b'0' + c as u8);
        }
        if complet {
            // More digits come to the left.
            pousser(b' ');
        }
    };
    let mut grand = entier;
    while grand > u128::from(u64::MAX) {
        groupe((grand % 1000) as u16, true);
        grand /= 1000;
    }
    let mut petit = grand as u64;
    while petit >= 1000 {
        groupe((petit % 1000) as u16, true);
        petit /= 1000;
    }
    groupe(petit as u16, false);
    if d.is_sign_negative() && cents != 0 {
        pousser(b'-');
    }
    // SAFETY: only ASCII bytes were written, so the string stays UTF-8
    // (checking it again cost as much as writing the digits).
    unsafe { s.as_mut_vec() }.extend_from_slice(&tampon[debut..]);
}

/// The absolute value of a number in cents, rounded half away from zero as
/// amounts are shown to claimants: the same as rounding the decimal to 2
/// places (`MidpointAwayFromZero`), by integer arithmetic on its mantissa,
/// since every value an explanation writes goes through here.
fn centimes(d: Decimal) -> u128 {
    // The mantissa is below 2^96: times 100 it still fits a u128.
    let mantisse = d.mantissa().unsigned_abs();
    let echelle = d.scale();
    if echelle <= 2 {
        return mantisse * 10u128.pow(2 - echelle);
    }
    let diviseur = 10u128.pow(echelle - 2);
    // Half away from zero: up when the remainder is at least half the divisor.
    // In 64 bits when both fit (amounts always do): 128-bit division is a
    // library call.
    if let (Ok(m), Ok(p)) = (u64::try_from(mantisse), u64::try_from(diviseur)) {
        let (q, r) = (m / p, m % p);
        return u128::from(q + u64::from(r >= p - r));
    }
    let (q, r) = (mantisse / diviseur, mantisse % diviseur);
    q + u128::from(r >= diviseur - r)
}

/// A value as explanations show it; `None` when it is not known (the line
/// is then left out).
pub(super) fn valeur_ecrite(v: &Valeur) -> Option<ValeurEcrite> {
    match *v {
        Valeur::Nombre(d) => Some(ValeurEcrite::Nombre(d)),
        Valeur::Booleen(b) => Some(ValeurEcrite::Booleen(b)),
        Valeur::Texte(t) => Some(ValeurEcrite::Mot(t)),
        Valeur::Inconnu(_) | Valeur::Borne(..) => None,
    }
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
        valeurs: faits::DEFAUTS,
        renseignes: Manquants::VIDE,
        couple: Valeur::Inconnu(Manquants::VIDE),
        nombre_enfants: Err(Manquants::VIDE),
        hypotheses: Manquants::VIDE,
    };
    // Fresh, empty buffers: this runs while a month is being compiled, and
    // an operation over constants reads no variable, aid or field.
    let mut ctx = Contexte {
        rs,
        p,
        faits: &faits,
        jour: p.jour,
        memo: Vec::new(),
        memo_contexte: Vec::new(),
        aides: Vec::new(),
        inconnues: Vec::new(),
        regs: Registres::pour(vec![Vue::Booleen(false).val(); p.code.taille], &p.code),
        base_champs: 0,
        couple: Vue::Booleen(false).val(),
        message: String::new(),
        enfant: 0,
        personne: 0,
        base: None,
        differents: Manquants::VIDE,
    };
    ctx.couple = ctx.depuis_valeur(&faits.couple);
    let v = ctx.eval(n).ok()?;
    Some(ctx.en_valeur(v))
}

/// Evaluates every aid of a rule set on a situation.
pub fn evaluer(rs: &RuleSet, situation: &Situation, mois_par_defaut: Mois) -> Evaluation {
    let faits = Faits::depuis(situation, rs.hypotheses_slots());
    evaluer_faits(rs, &faits, situation.mois.unwrap_or(mois_par_defaut))
}

/// Evaluates every aid on already flattened facts.
pub fn evaluer_faits(rs: &RuleSet, faits: &Faits, mois: Mois) -> Evaluation {
    let mut aides = Vec::with_capacity(rs.aides.len());
    parcourir(rs, faits, mois, true, |ctx, aide, calcul| {
        aides.push(resultat(ctx, aide, calcul))
    });
    Evaluation { aides }
}

/// Evaluates every aid for its status only (see [`RuleSet::statuts`]).
pub fn statuts(rs: &RuleSet, situation: &Situation, mois_par_defaut: Mois) -> Vec<StatutAide> {
    let faits = Faits::depuis(situation, rs.hypotheses_slots());
    let mois = situation.mois.unwrap_or(mois_par_defaut);
    let mut sortie = Vec::with_capacity(rs.aides.len());
    parcourir(rs, &faits, mois, false, |_, aide, calcul| {
        sortie.push(statut(aide, &calcul))
    });
    sortie
}

/// The status of an aid (see [`RuleSet::statuts`]).
fn statut(aide: &Aide, calcul: &Calcul) -> StatutAide {
    StatutAide {
        id: aide.id,
        statut: calcul.statut,
        montant: calcul.montant_visible(aide),
        champs_manquants: calcul.champs_manquants(),
        erreur: calcul.erreur.is_some(),
    }
}

/// What evaluating one aid gave, before it is shaped into a result.
struct Calcul {
    statut: Statut,
    montant: Val,
    /// The fields missing from the conditions and the amount.
    manquants: Manquants,
    /// The values of the aid's extra outputs (empty when a condition fails).
    sorties: Vec<Val>,
    /// The explanation lines, when asked for.
    explication: Explication,
    /// The failure's message, when the computation failed.
    erreur: Option<String>,
}

impl Calcul {
    fn montant_visible(&self, aide: &Aide) -> Option<Decimal> {
        match self.statut {
            Statut::Eligible if aide.montant.is_some() => self.montant.nombre_connu(),
            _ => None,
        }
    }

    fn champs_manquants(&self) -> ChampsManquants {
        match (self.statut, &self.erreur) {
            (Statut::Indetermine, None) => ChampsManquants::depuis(self.manquants),
            _ => ChampsManquants::default(),
        }
    }
}

/// Evaluates every aid in order, handing each one's [`Calcul`] to `rendre`;
/// `complet` asks for the explanation lines.
fn parcourir(
    rs: &RuleSet,
    faits: &Faits,
    mois: Mois,
    complet: bool,
    rendre: impl FnMut(&Contexte<'_>, &Aide, Calcul),
) {
    parcourir_avec(rs, faits, mois, complet, true, rendre)
}

/// [`parcourir`], taking what it can from [`Base`] or not (to check that
/// this changes nothing).
fn parcourir_avec(
    rs: &RuleSet,
    faits: &Faits,
    mois: Mois,
    complet: bool,
    avec_base: bool,
    mut rendre: impl FnMut(&Contexte<'_>, &Aide, Calcul),
) {
    let jour = mois.premier_jour();
    let p = rs.programme(jour);
    let base = avec_base.then(|| p.bases.pour(rs, &p, faits));
    let mut ctx = Contexte::nouveau(rs, &p, faits, MEMOIRE.take(), base);
    for (i, (aide, ap)) in rs.aides.iter().zip(&p.aides).enumerate() {
        let (calcul, etat) = evaluer_une_aide(&mut ctx, i, aide, ap, complet);
        ctx.aides[i] = etat;
        rendre(&ctx, aide, calcul);
    }
    MEMOIRE.set(ctx.memoire());
}

/// Evaluates the aid `i`, or takes its outcome from [`Base`] when none of
/// the facts it may read differs from there.
fn evaluer_une_aide(
    ctx: &mut Contexte<'_>,
    i: usize,
    aide: &Aide,
    ap: &AideP,
    complet: bool,
) -> (Calcul, Option<Etat>) {
    if let Some(pris) = ctx.aide_de_la_base(i, complet) {
        return pris;
    }
    match evaluer_aide(ctx, aide, ap, complet) {
        Ok((calcul, etat)) => (calcul, Some(etat)),
        Err(Echec) => {
            let message = std::mem::take(&mut ctx.message);
            let calcul = Calcul {
                statut: Statut::Indetermine,
                montant: Vue::Nombre(Decimal::ZERO).val(),
                manquants: Manquants::VIDE,
                sorties: Vec::new(),
                explication: Explication::default(),
                erreur: Some(format!("{}: {message}", aide.fichier)),
            };
            (calcul, None)
        }
    }
}

/// The full result of an aid, explanation included.
fn resultat(ctx: &Contexte<'_>, aide: &Aide, calcul: Calcul) -> ResultatAide {
    let champs_manquants = calcul.champs_manquants();
    let montant = calcul.montant_visible(aide);
    let Calcul {
        statut,
        sorties,
        explication,
        erreur,
        ..
    } = calcul;
    if let Some(erreur) = erreur {
        return ResultatAide {
            id: aide.id,
            libelle: aide.libelle,
            statut: Statut::Indetermine,
            montant: None,
            periodicite: None,
            sorties: Vec::new(),
            champs_manquants: ChampsManquants::default(),
            explication: super::phrases::ECHEC.into(),
            hypotheses: Hypotheses::default(),
            demarche: Some(aide.demarche),
            erreur: Some(erreur),
        };
    }
    let hypotheses = Hypotheses::depuis(
        aide.hypotheses_possibles,
        ctx.faits.hypotheses.inter(aide.champs_lus),
    );
    let sorties_visibles: Vec<(String, Decimal)> = if statut == Statut::Eligible {
        aide.sorties
            .iter()
            .zip(&sorties)
            .filter_map(|((nom, _), v)| v.nombre_connu().map(|d| (nom.clone(), d)))
            .collect()
    } else {
        Vec::new()
    };
    ResultatAide {
        id: aide.id,
        libelle: aide.libelle,
        statut,
        montant,
        periodicite: match aide.periodicite {
            Periodicite::Mensuelle => None,
            p => Some(p),
        },
        sorties: sorties_visibles,
        champs_manquants,
        explication,
        hypotheses,
        demarche: (statut != Statut::NonEligible).then_some(aide.demarche),
        erreur: None,
    }
}

fn evaluer_aide(
    ctx: &mut Contexte<'_>,
    aide: &Aide,
    ap: &AideP,
    complet: bool,
) -> Result<(Calcul, Etat), Echec> {
    // Conditions, perhaps a line on the amount, then the explanation lines.
    let mut explication = if complet {
        Explication::avec_capacite(ap.taille_explication)
    } else {
        Explication::default()
    };
    let mut manquants_conditions = Manquants::VIDE;
    let mut une_fausse = false;
    for (c, &n) in aide.conditions.iter().zip(&ap.conditions) {
        let phrase = match ctx.racine(n)?.vue() {
            Vue::Booleen(true) => &c.oui,
            Vue::Booleen(false) => {
                une_fausse = true;
                &c.non
            }
            v => {
                manquants_conditions = manquants_conditions.union(ctx.manquants(v.val()));
                &c.inconnu
            }
        };
        if complet {
            explication.ligne(phrase);
        }
    }
    let mut montant = Val::nombre(Decimal::ZERO);
    let mut sorties = Vec::new();
    let mut minimum = None;
    if !une_fausse {
        if let Some(m) = ap.montant {
            montant = ctx.racine(m)?;
        }
        if let Some(m) = ap.minimum {
            minimum = ctx.racine(m)?.nombre_connu();
        }
        for &s in &ap.sorties {
            sorties.push(ctx.racine(s)?);
        }
    }
    // The amount can settle the status on its own: a differential aid whose
    // amount is already 0 is not due, whatever the unknown conditions say.
    let montant_nul = match (montant.vue(), aide.montant.is_some()) {
        (Vue::Nombre(d), true) => {
            comparer(d, Decimal::ZERO).is_le()
                || minimum.is_some_and(|mini| comparer(d, mini).is_lt())
        }
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
        let d = montant.nombre_connu().unwrap_or(Decimal::ZERO);
        if d > Decimal::ZERO {
            explication.gabarit(super::phrases::GABARIT_MINIMUM);
            explication.valeur(ValeurEcrite::Nombre(d));
            explication.valeur(ValeurEcrite::Nombre(minimum.unwrap_or(Decimal::ZERO)));
        } else {
            explication.ligne(super::phrases::MONTANT_NUL);
        }
    }
    let manquants = manquants_conditions.union(ctx.manquants(montant));
    if statut != Statut::NonEligible {
        // Without the text, the values are still computed up to the first
        // unknown one of each line: one may fail, and a failure is part of
        // the status.
        for (si, l) in &ap.explications {
            if let Some(si) = si {
                // A line under a condition is said only when the condition
                // is known to hold.
                if !matches!(ctx.racine(*si)?.vue(), Vue::Booleen(true)) {
                    continue;
                }
            }
            match l {
                Ligne::Fixe(ligne) => {
                    if complet {
                        explication.ligne_aide(ligne);
                    }
                }
                Ligne::Gabarit { ligne, valeurs } => {
                    // The values are kept; the line is written when read.
                    let marque = complet.then(|| explication.ligne_aide(ligne));
                    for &n in valeurs {
                        let v = ctx.racine(n)?;
                        let ecrite = match v.vue() {
                            Vue::Nombre(d) => ValeurEcrite::Nombre(d),
                            Vue::Booleen(b) => ValeurEcrite::Booleen(b),
                            Vue::Texte(t) => ValeurEcrite::Mot(t),
                            Vue::Inconnu(_) => {
                                // A line with an unknown value is not shown.
                                if let Some(m) = marque {
                                    explication.abandonner(m);
                                }
                                break;
                            }
                        };
                        if complet {
                            explication.valeur(ecrite);
                        }
                    }
                }
            }
        }
    }
    let eligible = match statut {
        Statut::Eligible => Vue::Booleen(true).val(),
        Statut::NonEligible => Vue::Booleen(false).val(),
        Statut::Indetermine => ctx.inconnu(manquants),
    };
    let montant_pour_les_autres = match statut {
        Statut::Eligible => montant,
        Statut::NonEligible => Val::nombre(Decimal::ZERO),
        Statut::Indetermine => eligible,
    };
    let sorties_etat = aide
        .sorties
        .iter()
        .enumerate()
        .map(|(i, _)| match statut {
            Statut::Eligible => sorties
                .get(i)
                .copied()
                .unwrap_or(Vue::Nombre(Decimal::ZERO).val()),
            Statut::NonEligible => Vue::Nombre(Decimal::ZERO).val(),
            Statut::Indetermine => eligible,
        })
        .collect();
    let etat = Etat {
        montant: montant_pour_les_autres,
        eligible,
        sorties: sorties_etat,
    };
    let calcul = Calcul {
        statut,
        montant,
        manquants,
        sorties,
        explication,
        erreur: None,
    };
    Ok((calcul, etat))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    thread_local! {
        /// Aids and variables an evaluation took from [`Base`].
        pub(super) static AIDES_DE_LA_BASE: Cell<usize> = const { Cell::new(0) };
        pub(super) static VARIABLES_DE_LA_BASE: Cell<usize> = const { Cell::new(0) };
    }

    /// Every result of a household, statuses alone too, with or without
    /// what [`Base`] gives.
    fn evaluer_les_deux(
        rs: &RuleSet,
        s: &Situation,
        avec_base: bool,
    ) -> (Vec<ResultatAide>, Vec<StatutAide>) {
        let faits = Faits::depuis(s, rs.hypotheses_slots());
        let mois = s.mois.unwrap_or(Mois {
            annee: 2026,
            mois: 11,
        });
        let mut resultats = Vec::new();
        parcourir_avec(rs, &faits, mois, true, avec_base, |ctx, aide, calcul| {
            resultats.push(resultat(ctx, aide, calcul))
        });
        let mut statuts = Vec::new();
        parcourir_avec(rs, &faits, mois, false, avec_base, |_, aide, calcul| {
            statuts.push(statut(aide, &calcul))
        });
        (resultats, statuts)
    }

    #[test]
    fn taking_values_from_the_base_changes_no_result() {
        // The oracle's households, each with a pseudo-random part of its
        // facts forgotten (as a dialogue goes), in several months and
        // shapes: every result must be the same, to the explanation line,
        // whether the evaluation takes values from the base or not.
        let rs = RuleSet::integre().expect("built-in rules load");
        let cas: serde_json::Value =
            serde_json::from_str(include_str!("../../tests/oracle/cases.json")).unwrap();
        let mut graine = 0x9E37_79B9_7F4A_7C15_u64;
        let mut hasard = move || {
            graine ^= graine << 13;
            graine ^= graine >> 7;
            graine ^= graine << 17;
            graine
        };
        let (mut comparees, mut aides_prises, mut variables_prises) = (0, 0, 0);
        for c in cas["cases"].as_array().unwrap() {
            for tour in 0..6 {
                let mut v = c["situation"].clone();
                // From everything forgotten (tour 0) to nothing forgotten.
                let seuil = [64, 56, 40, 24, 8, 0][tour];
                fn oublier(
                    v: &mut serde_json::Value,
                    hasard: &mut impl FnMut() -> u64,
                    seuil: u64,
                ) {
                    if let serde_json::Value::Object(o) = v {
                        o.retain(|_, _| hasard() % 64 >= seuil);
                        for x in o.values_mut() {
                            oublier(x, hasard, seuil);
                        }
                    } else if let serde_json::Value::Array(a) = v {
                        for x in a {
                            oublier(x, hasard, seuil);
                        }
                    }
                }
                oublier(&mut v, &mut hasard, seuil);
                if hasard() % 4 == 0 {
                    let mois = ["2026-01", "2026-04", "2026-10", "2026-12"];
                    v["mois"] = mois[(hasard() % 4) as usize].into();
                }
                if hasard() % 3 == 0
                    && let Some(n) = v.get("enfants").and_then(|e| e.as_array()).map(|e| e.len())
                {
                    v.as_object_mut().unwrap().remove("enfants");
                    v["nombre_enfants"] = n.into();
                }
                let Ok(s) = Situation::from_value(v.clone()) else {
                    continue;
                };
                AIDES_DE_LA_BASE.set(0);
                VARIABLES_DE_LA_BASE.set(0);
                let avec = evaluer_les_deux(&rs, &s, true);
                aides_prises += AIDES_DE_LA_BASE.get();
                variables_prises += VARIABLES_DE_LA_BASE.get();
                let sans = evaluer_les_deux(&rs, &s, false);
                assert_eq!(avec, sans, "situation {v}");
                comparees += 1;
            }
        }
        assert!(comparees > 800, "{comparees} situations compared");
        // The comparison means something only if the base served.
        assert!(
            aides_prises > 1000,
            "{aides_prises} aids taken from the base"
        );
        assert!(
            variables_prises > 10_000,
            "{variables_prises} variables taken"
        );
    }

    #[test]
    fn values_in_two_words_keep_every_bit_of_a_number_and_their_kind() {
        let nombres = [
            dec!(0),
            -dec!(0),
            dec!(0.00),
            dec!(-651.695),
            dec!(1173.04),
            Decimal::MAX,
            Decimal::MIN,
            Decimal::new(1, 28),
        ];
        for d in nombres {
            let v = Val::nombre(d);
            assert_eq!(v.vue(), Vue::Nombre(d));
            // The same bits, sign of zero and scale included.
            assert_eq!(v.decimal().serialize(), d.serialize());
            assert!(v.est_connue() && v.est_nombre());
        }
        for b in [true, false] {
            assert_eq!(Vue::Booleen(b).val().vue(), Vue::Booleen(b));
        }
        for t in ["locataire", "aucun", "aucune"] {
            assert_eq!(Vue::Texte(t).val().vue(), Vue::Texte(t));
        }
        let inconnu = Vue::Inconnu(7).val();
        assert_eq!(inconnu.vue(), Vue::Inconnu(7));
        assert!(!inconnu.est_connue() && !inconnu.est_nombre());
        // Numbers compare as numbers.
        assert!(Val::nombre(dec!(1.0)) == Val::nombre(dec!(1)));
        assert_eq!(std::mem::size_of::<Val>(), 16);
        // Equality of two values is that of what they are, for every kind.
        let valeurs = [
            Val::nombre(dec!(0)),
            Val::nombre(-dec!(0)),
            Val::nombre(dec!(0.00)),
            Val::nombre(dec!(12.50)),
            Val::nombre(dec!(12.5)),
            Val::nombre(dec!(-12.5)),
            Val::booleen(true),
            Val::booleen(false),
            Vue::Texte("locataire").val(),
            Vue::Texte("proprietaire").val(),
            Vue::Texte("aucun").val(),
            Vue::Inconnu(7).val(),
            Vue::Inconnu(8).val(),
        ];
        for a in valeurs {
            for b in valeurs {
                assert_eq!(a == b, a.vue() == b.vue(), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn numbers_are_formatted_the_french_way() {
        assert_eq!(format_nombre(dec!(1173.04)), "1 173,04");
        assert_eq!(format_nombre(dec!(12)), "12");
        assert_eq!(format_nombre(dec!(651.695)), "651,70");
        assert_eq!(format_nombre(dec!(1234567.5)), "1 234 567,50");
        assert_eq!(format_nombre(dec!(-3.2)), "-3,20");
        assert_eq!(format_nombre(dec!(-0.001)), "0");
        assert_eq!(format_nombre(dec!(999.999)), "1 000");
        assert_eq!(format_nombre(dec!(100000)), "100 000");
        assert_eq!(
            format_nombre(Decimal::MAX),
            "79 228 162 514 264 337 593 543 950 335"
        );
        assert_eq!(
            format_nombre(Decimal::MIN),
            "-79 228 162 514 264 337 593 543 950 335"
        );
    }

    #[test]
    fn cents_are_what_rounding_the_decimal_gives() {
        // The definition: round to 2 places, then scale the mantissa.
        let attendu = |d: Decimal| {
            let r = arrondir_dp(d, 2, RoundingStrategy::MidpointAwayFromZero);
            r.mantissa().unsigned_abs() * 10u128.pow(2 - r.scale().min(2))
        };
        let mut valeurs = vec![
            dec!(0),
            dec!(0.004999),
            dec!(0.005),
            dec!(-0.005),
            dec!(651.695),
            dec!(651.694999999999999999),
            dec!(1.125),
            dec!(-2.675),
            dec!(12),
            dec!(0.1),
            Decimal::MAX,
            Decimal::MIN,
            Decimal::new(5, 28),
            Decimal::new(-49, 3),
            Decimal::from_i128_with_scale(10i128.pow(20) + 5, 21),
            Decimal::from_i128_with_scale(79_228_162_514_264_337_593_543_950_335, 27),
        ];
        // Every scale, around the halves.
        for echelle in 0..=28 {
            for m in [1i64, 4, 5, 6, 49, 50, 51, 995, 1005, 123_456_789, i64::MAX] {
                valeurs.push(Decimal::new(m, echelle));
                valeurs.push(Decimal::new(-m, echelle));
            }
        }
        for d in valeurs {
            assert_eq!(centimes(d), attendu(d), "{d}");
        }
    }

    #[test]
    fn fast_comparison_orders_as_decimal_does() {
        let valeurs = [
            dec!(0),
            -dec!(0),
            dec!(0.00),
            dec!(1),
            dec!(1.0),
            dec!(-1.5),
            dec!(651.69),
            dec!(651.7),
            dec!(-651.69),
            Decimal::MAX,
            Decimal::MIN,
        ];
        for x in valeurs {
            for y in valeurs {
                assert_eq!(comparer(x, y), x.cmp(&y), "{x} {y}");
            }
        }
        assert_eq!(
            format_nombre(Decimal::MAX),
            "79 228 162 514 264 337 593 543 950 335"
        );
    }

    /// Each comparison operator on known numbers gives what `Decimal`'s own
    /// operators give, including zeros of both signs and different scales.
    #[test]
    fn comparison_operators_on_numbers_agree_with_decimal() {
        let valeurs: Vec<Decimal> = decimaux_au_hasard().into_iter().take(300).collect();
        type Attendu = fn(&Decimal, &Decimal) -> bool;
        let ops: [(BinOp, Attendu); 6] = [
            (BinOp::Lt, |x, y| x < y),
            (BinOp::Le, |x, y| x <= y),
            (BinOp::Eq, |x, y| x == y),
            (BinOp::Ne, |x, y| x != y),
            (BinOp::Ge, |x, y| x >= y),
            (BinOp::Gt, |x, y| x > y),
        ];
        for x in &valeurs {
            for y in &valeurs {
                for (op, attendu) in ops {
                    let v = binaire_rapide(op, &Val::nombre(*x), &Val::nombre(*y));
                    assert_eq!(v, Some(Val::booleen(attendu(x, y))), "{x} {op:?} {y}");
                }
            }
        }
    }

    /// The French formatting of numbers against a plain reference written
    /// from rust_decimal's rounding and its `Display`.
    #[test]
    fn number_formatting_agrees_with_a_plain_reference() {
        fn reference(d: Decimal) -> String {
            let r = d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
            let texte = format!("{:.2}", r.abs());
            let (entier, fraction) = texte.split_once('.').expect("two decimals");
            let mut groupes: Vec<&str> = Vec::new();
            let mut fin = entier.len();
            while fin > 3 {
                groupes.push(&entier[fin - 3..fin]);
                fin -= 3;
            }
            groupes.push(&entier[..fin]);
            groupes.reverse();
            let mut s = String::new();
            if r.is_sign_negative() && !r.is_zero() {
                s.push('-');
            }
            s.push_str(&groupes.join(" "));
            if fraction != "00" {
                s.push(',');
                s.push_str(fraction);
            }
            s
        }
        for d in decimaux_au_hasard() {
            assert_eq!(format_nombre(d), reference(d), "{d:?}");
        }
    }

    /// Pseudo-random decimals of every scale, small and large mantissas,
    /// both signs, zeros of both signs.
    fn decimaux_au_hasard() -> Vec<Decimal> {
        let mut graine: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut suivant = move || {
            graine = graine
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            graine
        };
        let mut v = Vec::new();
        for i in 0..20_000u32 {
            let brut = suivant();
            let m: u128 = match i % 5 {
                0 => (brut % 1000) as u128,
                1 => (brut % 10_000_000) as u128,
                2 => brut as u128,
                3 => (brut as u128) << (suivant() % 33),
                _ => (10u64.pow((brut % 19) as u32) / 2 * (1 + suivant() % 3)) as u128,
            };
            let m = m & ((1u128 << 96) - 1);
            let scale = (suivant() % 29) as u32;
            let negatif = suivant() % 2 == 0;
            v.push(Decimal::from_parts(
                m as u32,
                (m >> 32) as u32,
                (m >> 64) as u32,
                negatif,
                scale,
            ));
        }
        v.push(-Decimal::ZERO);
        v.push(Decimal::new(0, 5));
        v
    }

    #[test]
    fn fast_comparison_and_rounding_agree_with_rust_decimal_bit_for_bit() {
        let v = decimaux_au_hasard();
        for (i, &x) in v.iter().enumerate() {
            for &y in &v[i..(i + 40).min(v.len())] {
                assert_eq!(comparer(x, y), x.cmp(&y), "{x:?} {y:?}");
                assert_eq!(comparer(y, x), y.cmp(&x), "{y:?} {x:?}");
            }
            // Same value, other scale.
            if x.scale() < 28 {
                let mut z = x;
                z.rescale(x.scale() + 1);
                assert_eq!(comparer(x, z), x.cmp(&z), "{x:?} {z:?}");
            }
            for dp in 0..=28 {
                for strategie in [
                    RoundingStrategy::MidpointAwayFromZero,
                    RoundingStrategy::ToNegativeInfinity,
                    RoundingStrategy::ToPositiveInfinity,
                ] {
                    let attendu = x.round_dp_with_strategy(dp, strategie);
                    let obtenu = arrondir_dp(x, dp, strategie);
                    assert_eq!(
                        obtenu.serialize(),
                        attendu.serialize(),
                        "{x:?} {dp} {strategie:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn an_unknown_operand_taken_as_it_is_is_what_the_full_path_gives() {
        // `inconnue_telle_quelle` answers before `binaire_valeurs` is
        // called: wherever it answers, the full path must give the same
        // value (the same unknown, not an equal copy), for every operator
        // and every kind of operand on either side.
        let rs = RuleSet::integre().expect("built-in rules load");
        let p = rs.programme(20261101);
        let faits = Faits::depuis(&Situation::default(), rs.hypotheses_slots());
        let mut ctx = Contexte::nouveau(&rs, &p, &faits, Memoire::default(), None);
        let (un, deux) = (Manquants::un(1), Manquants::un(2));
        let operandes = [
            Val::nombre(dec!(0)),
            Val::nombre(-dec!(0.00)),
            Val::nombre(dec!(12.5)),
            Val::nombre(dec!(-3)),
            Vue::Booleen(true).val(),
            Vue::Texte("locataire").val(),
            ctx.inconnu(un),
            ctx.inconnu(un.union(deux)),
            ctx.inconnu(deux),
            ctx.inconnu(Manquants::VIDE),
            ctx.borne(un, Some(dec!(0)), Some(dec!(100))),
            ctx.borne(un.union(deux), Some(dec!(0)), None),
            ctx.borne(deux, None, Some(dec!(-1))),
        ];
        let ops = [
            BinOp::Add,
            BinOp::Sub,
            BinOp::Mul,
            BinOp::Div,
            BinOp::Lt,
            BinOp::Le,
            BinOp::Gt,
            BinOp::Ge,
            BinOp::Eq,
            BinOp::Ne,
        ];
        let (mut pris, mut laisses) = (0, 0);
        for op in ops {
            for &a in &operandes {
                for &b in &operandes {
                    let Some(v) = ctx.inconnue_telle_quelle(op, a, b) else {
                        laisses += 1;
                        continue;
                    };
                    let attendu = ctx.binaire_valeurs(op, a, b);
                    let attendu = attendu.unwrap_or_else(|_| panic!("{op:?} {a:?} {b:?} fails"));
                    assert_eq!(
                        (v.a, v.b),
                        (attendu.a, attendu.b),
                        "{op:?} {a:?} {b:?}: {v:?} against {attendu:?}"
                    );
                    pris += 1;
                }
            }
        }
        // Both ways are exercised: answered early, and left to the full path.
        assert!(pris > 200 && laisses > 600, "{pris} taken, {laisses} left");
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

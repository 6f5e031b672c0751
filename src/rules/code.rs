//! A month's formulas as straight sequences of register instructions.
//!
//! Walking the [`Op`] tree costs a recursive call per operation (saving
//! registers, dispatching, copying a 24-byte result back): for a complete
//! household that overhead was most of the time. So, once per month, each
//! variable's formula and each aid's condition, amount and explanation value
//! becomes a [`Bloc`]: a run of [`Instr`]s over one array of values, the
//! *registers*, in which constants and the household's fields have fixed
//! places (so most operands are read where they lie, without an
//! instruction) and each block has its own temporaries.
//!
//! The instructions do what the tree evaluator does, in the same order, and
//! share its code for everything but the common known-number case: a value
//! that is unknown takes the same three-valued path as before. Rare shapes
//! (tables, scales, brackets, negation, a parameter missing for the month)
//! are left to the tree evaluator by an [`Instr::Arbre`] instruction, so
//! the two always agree; the formula inside an aggregation is a block of
//! its own, run once per child or adult.
//!
//! Common shapes are fused: a comparison that decides a `si` or an item of
//! `et`/`ou` is part of that instruction, a branch writes its value
//! straight into the `si`'s register, and a register is 16 bits so that an
//! instruction is 16 bytes.

use super::expr::BinOp;
use super::faits::{self, Champ};
use super::programme::{Id, Op, Programme};
use super::{Agregat, Arrondi, Collection};

/// Index of a register. Sixteen bits keep an instruction in 16 bytes
/// (the catalogue needs under 2,000 registers; a program that would need
/// more than 65,536 is left to the tree evaluator, see [`Code::compiler`]).
pub type Reg = u16;

/// One instruction. Registers are absolute indexes; jumps are indexes in
/// [`Code::instrs`].
#[derive(Debug, Clone, Copy)]
pub enum Instr {
    /// `dst = src`.
    Copier { dst: Reg, src: Reg },
    /// A shared variable: its memo, or its block run now.
    Var { dst: Reg, v: u32 },
    /// A binary operation on two registers (comparisons, division).
    Bin { op: BinOp, dst: Reg, a: Reg, b: Reg },
    /// `a + b`: the commonest operations have their own instruction, so
    /// that the operation is known without a second dispatch on `op`.
    Add { dst: Reg, a: Reg, b: Reg },
    /// `a - b`.
    Sub { dst: Reg, a: Reg, b: Reg },
    /// `a * b` (the `0 * x` rule is [`Instr::ZeroFois`] before it).
    Mul { dst: Reg, a: Reg, b: Reg },
    /// `0 * x`: when `a` is zero, `dst = a` and x is not evaluated.
    ZeroFois { a: Reg, dst: Reg, fin: u32 },
    /// `si`: true goes on (the `alors` branch), false jumps to `sinon`; an
    /// unknown condition runs both branches (`[ici + 1, sinon - 1)` and
    /// `[sinon, fin)`, each ending by writing `dst`) and merges them.
    Si {
        cond: Reg,
        dst: Reg,
        sinon: u32,
        fin: u32,
    },
    /// `si` on a comparison: as [`Instr::Si`] with the condition `a op b`.
    SiCmp {
        op: BinOp,
        a: Reg,
        b: Reg,
        dst: Reg,
        sinon: u32,
        fin: u32,
    },
    /// An item of `et`/`ou` that is a comparison `a op b`: as [`Instr::EtOuItem`].
    EtOuCmp {
        op: BinOp,
        a: Reg,
        b: Reg,
        dst: Reg,
        ou: bool,
        premier: bool,
        fin: u32,
    },
    /// Unconditional jump.
    Saut { cible: u32 },
    /// One item of an `et`/`ou`: a deciding item ends it (jump to `fin`);
    /// an unknown one adds its fields to `dst`. The first item starts `dst`
    /// as `vrai` for `et` (`faux` for `ou`), what it stays if no item says
    /// otherwise.
    EtOuItem {
        src: Reg,
        dst: Reg,
        ou: bool,
        premier: bool,
        fin: u32,
    },
    /// `min`/`max` of the registers `Code::listes[debut..fin]`.
    MinMax {
        dst: Reg,
        debut: u32,
        fin: u32,
        min: bool,
    },
    /// Logical not.
    Non { dst: Reg, src: Reg },
    /// `ou_a_defaut`: a known `src` is the result (jump to `fin`); otherwise
    /// the default's code follows.
    ADefaut { src: Reg, dst: Reg, fin: u32 },
    /// Rounding.
    Arrondi {
        dst: Reg,
        src: Reg,
        mode: Arrondi,
        decimales: i32,
    },
    /// A field of the current child (`enfant.x`), by index within the child.
    ChampEnfant { dst: Reg, i: u32 },
    /// A field of the current adult (`personne.x`).
    ChampPersonne { dst: Reg, i: u32 },
    /// A variable that depends on the current child or adult.
    VarContexte { dst: Reg, v: u32 },
    /// The amount (or, `eligible`, whether it is granted) of another aid.
    Aide { dst: Reg, aide: u32, eligible: bool },
    /// An aggregation; its formula `x` is a block run per child or adult.
    Agregat {
        dst: Reg,
        ag: Agregat,
        coll: Collection,
        x: Id,
    },
    /// A node left to the tree evaluator.
    Arbre { dst: Reg, noeud: Id },
}

// Sixteen bytes: four instructions per cache line.
const _: () = assert!(std::mem::size_of::<Instr>() == 16);

/// A compiled formula: `Code::instrs[debut..fin]`, its value in `resultat`.
#[derive(Debug, Clone, Copy)]
pub struct Bloc {
    /// First instruction.
    pub debut: u32,
    /// One past the last instruction.
    pub fin: u32,
    /// The register holding the value at the end.
    pub resultat: Reg,
}

/// Every block of a month's program, and where the registers lie.
#[derive(Debug, Clone, Default)]
pub struct Code {
    /// Instructions of every block.
    pub instrs: Vec<Instr>,
    /// Registers read by `min`/`max`.
    pub listes: Vec<Reg>,
    /// Blocks.
    pub blocs: Vec<Bloc>,
    /// The block of a node that is the root of a formula, `u32::MAX` for others.
    pub bloc_du_noeud: Vec<u32>,
    /// The block of each variable's formula (`None` for a leaf): one
    /// lookup rather than three when a variable is first read.
    pub blocs_des_vars: Vec<Option<Bloc>>,
    /// First register of the household's fields (constants come first).
    pub base_champs: u32,
    /// First register of the partner's fields as formulas see them
    /// (`conjoint.x`: nothing, or no, for a single person).
    pub base_conjoint: u32,
    /// How many registers an evaluation needs.
    pub taille: usize,
}

impl Code {
    /// Whether every register named by an instruction, a `min`/`max` list
    /// or a block's result is below [`Code::taille`], and every fact's
    /// register too: what makes unchecked register reads sound.
    pub fn registres_dans_la_taille(&self) -> bool {
        let t = self.taille;
        let ok = |r: Reg| (r as usize) < t;
        let faits_ok = (self.base_conjoint as usize) + faits::CHAMPS_PERSONNE.len() <= t
            && (self.base_champs as usize) + faits::NOMBRE_CHAMPS <= t;
        faits_ok
            && self.listes.iter().all(|&r| ok(r))
            && self.blocs.iter().all(|b| ok(b.resultat))
            && self.instrs.iter().all(|i| match *i {
                Instr::Copier { dst, src } => ok(dst) && ok(src),
                Instr::Var { dst, .. } => ok(dst),
                Instr::Bin { dst, a, b, .. }
                | Instr::Add { dst, a, b }
                | Instr::Sub { dst, a, b }
                | Instr::Mul { dst, a, b } => ok(dst) && ok(a) && ok(b),
                Instr::ZeroFois { a, dst, .. } => ok(a) && ok(dst),
                Instr::Si { cond, dst, .. } => ok(cond) && ok(dst),
                Instr::SiCmp { a, b, dst, .. } => ok(a) && ok(b) && ok(dst),
                Instr::EtOuCmp { a, b, dst, .. } => ok(a) && ok(b) && ok(dst),
                Instr::Saut { .. } => true,
                Instr::EtOuItem { src, dst, .. } => ok(src) && ok(dst),
                Instr::MinMax { dst, .. } => ok(dst),
                Instr::Non { dst, src } => ok(dst) && ok(src),
                Instr::ADefaut { src, dst, .. } => ok(src) && ok(dst),
                Instr::Arrondi { dst, src, .. } => ok(dst) && ok(src),
                Instr::ChampEnfant { dst, .. } => ok(dst),
                Instr::ChampPersonne { dst, .. } => ok(dst),
                Instr::VarContexte { dst, .. } => ok(dst),
                Instr::Aide { dst, .. } => ok(dst),
                Instr::Agregat { dst, .. } => ok(dst),
                Instr::Arbre { dst, .. } => ok(dst),
            })
    }

    /// The block compiled for a node, if it is the root of one.
    #[inline]
    pub fn bloc(&self, n: Id) -> Option<&Bloc> {
        match self.bloc_du_noeud.get(n as usize) {
            Some(&b) if b != u32::MAX => Some(&self.blocs[b as usize]),
            _ => None,
        }
    }

    /// Compiles the roots of a folded program: every variable, every aid's
    /// conditions, amount, minimum, extra outputs and explanation values.
    pub fn compiler(p: &Programme) -> Code {
        let nc = p.constantes.len() as u32;
        let base_champs = nc;
        let base_conjoint = base_champs + faits::NOMBRE_CHAMPS as u32;
        let mut c = Compilateur {
            p,
            code: Code {
                bloc_du_noeud: vec![u32::MAX; p.noeuds.len()],
                base_champs,
                base_conjoint,
                ..Code::default()
            },
            libre: base_conjoint + faits::CHAMPS_PERSONNE.len() as u32,
            haut: 0,
            trop_grand: false,
            cible: None,
        };
        c.haut = c.libre;
        let mut racines: Vec<Id> = Vec::new();
        for a in &p.aides {
            racines.extend(&a.conditions);
            racines.extend(a.montant);
            racines.extend(a.minimum);
            racines.extend(&a.sorties);
            for (si, l) in &a.explications {
                racines.extend(si);
                if let super::programme::Ligne::Gabarit { valeurs, .. } = l {
                    racines.extend(valeurs);
                }
            }
        }
        let racines = dans_l_ordre_d_execution(p, &racines);
        for r in racines {
            c.racine(r);
        }
        c.code.blocs_des_vars = p
            .variables
            .iter()
            .map(|&n| c.code.bloc(n).copied())
            .collect();
        c.code.taille = c.haut as usize;
        // The evaluator reads registers without a bounds check (see
        // `eval::Registres`): that is sound only if every register an
        // instruction names lies below `taille`, so it is checked here, once
        // per month, rather than trusted.
        if c.trop_grand || !c.code.registres_dans_la_taille() {
            // Registers beyond 16 bits: no block, every formula goes
            // through the tree evaluator (slower, same results).
            c.code.instrs.clear();
            c.code.blocs.clear();
            c.code.bloc_du_noeud.iter_mut().for_each(|b| *b = u32::MAX);
            c.code.blocs_des_vars.iter_mut().for_each(|b| *b = None);
        }
        c.code
    }
}

struct Compilateur<'a> {
    p: &'a Programme,
    code: Code,
    /// The next free register of the block being compiled.
    libre: u32,
    /// One past the highest register used so far.
    haut: u32,
    /// Whether a register did not fit in a [`Reg`].
    trop_grand: bool,
    /// Where [`Self::valeur`] should put the node it compiles (see [`Self::branche`]).
    cible: Option<Reg>,
}

impl Compilateur<'_> {
    /// A block for a root, unless it is a leaf (read without a block) or
    /// compiled already.
    fn racine(&mut self, n: Id) {
        if n == Id::MAX || self.code.bloc_du_noeud[n as usize] != u32::MAX {
            return;
        }
        if matches!(
            self.p.op(n),
            Op::Const(_) | Op::Champ(_) | Op::Var(_) | Op::MontantAide(_) | Op::EligibleAide(_)
        ) {
            return;
        }
        // Each block has its own temporaries: a block may run while
        // another is half done (a variable read for the first time).
        self.libre = self.haut;
        let debut = self.code.instrs.len() as u32;
        let resultat = self.valeur(n);
        let fin = self.code.instrs.len() as u32;
        self.code.blocs.push(Bloc {
            debut,
            fin,
            resultat,
        });
        self.code.bloc_du_noeud[n as usize] = (self.code.blocs.len() - 1) as u32;
    }

    /// The register for a node's value: the one asked for, or a new one.
    fn dst(&mut self, cible: Option<Reg>) -> Reg {
        match cible {
            Some(r) => r,
            None => self.temp(),
        }
    }

    fn temp(&mut self) -> Reg {
        let r = self.libre;
        self.libre += 1;
        self.haut = self.haut.max(self.libre);
        self.reg(r)
    }

    /// A register index as an instruction holds it.
    fn reg(&mut self, r: u32) -> Reg {
        Reg::try_from(r).unwrap_or_else(|_| {
            self.trop_grand = true;
            0
        })
    }

    fn emettre(&mut self, i: Instr) -> u32 {
        self.code.instrs.push(i);
        (self.code.instrs.len() - 1) as u32
    }

    fn ici(&self) -> u32 {
        self.code.instrs.len() as u32
    }

    /// The register a leaf lies in, if it is one that has a fixed place.
    fn feuille(&mut self, n: Id) -> Option<Reg> {
        let r = match self.p.op(n) {
            Op::Const(c) if self.p.constantes_connues[c as usize].is_some() => c,
            Op::Champ(Champ::Fixe(s)) => self.code.base_champs + s as u32,
            Op::Champ(Champ::Conjoint(i)) => self.code.base_conjoint + i as u32,
            _ => return None,
        };
        Some(self.reg(r))
    }

    /// Code computing a node; the register holding its value. Temporaries
    /// above the result are free again afterwards.
    fn valeur(&mut self, n: Id) -> Reg {
        // A branch's or default's register, for the node itself only.
        let cible = self.cible.take();
        if let Some(r) = self.feuille(n) {
            return r;
        }
        let marque = self.libre;
        match self.p.op(n) {
            Op::Var(v) => {
                let dst = self.dst(cible);
                self.emettre(Instr::Var { dst, v: v as u32 });
                dst
            }
            Op::VarContexte(v) => {
                let dst = self.dst(cible);
                self.emettre(Instr::VarContexte { dst, v: v as u32 });
                dst
            }
            Op::Champ(Champ::EnfantCourant(i)) => {
                let dst = self.dst(cible);
                self.emettre(Instr::ChampEnfant { dst, i: i as u32 });
                dst
            }
            Op::Champ(Champ::PersonneCourante(i)) => {
                let dst = self.dst(cible);
                self.emettre(Instr::ChampPersonne { dst, i: i as u32 });
                dst
            }
            Op::Bin(op, a, b) => {
                let ra = self.valeur(a);
                // The tree evaluator checks every left operand of `*` for
                // zero; only a constant's value is known here (a zero
                // constant was folded away).
                let saut = (op == BinOp::Mul && !matches!(self.p.op(a), Op::Const(_))).then(|| {
                    self.emettre(Instr::ZeroFois {
                        a: ra,
                        dst: 0,
                        fin: 0,
                    })
                });
                let rb = self.valeur(b);
                self.libre = marque;
                let dst = self.dst(cible);
                let (a, b) = (ra, rb);
                self.emettre(match op {
                    BinOp::Add => Instr::Add { dst, a, b },
                    BinOp::Sub => Instr::Sub { dst, a, b },
                    BinOp::Mul => Instr::Mul { dst, a, b },
                    op => Instr::Bin { op, dst, a, b },
                });
                if let Some(s) = saut {
                    let fin = self.ici();
                    self.code.instrs[s as usize] = Instr::ZeroFois { a: ra, dst, fin };
                }
                dst
            }
            Op::Si(c, a, b) => {
                let cmp = self.comparaison(c);
                let rc = match cmp {
                    Some(_) => 0,
                    None => self.valeur(c),
                };
                self.libre = marque;
                let dst = self.dst(cible);
                let si = self.emettre(Instr::Saut { cible: 0 });
                self.branche(a, dst);
                let saut = self.emettre(Instr::Saut { cible: 0 });
                let sinon = self.ici();
                self.branche(b, dst);
                let fin = self.ici();
                self.code.instrs[si as usize] = match cmp {
                    Some((op, a, b)) => Instr::SiCmp {
                        op,
                        a,
                        b,
                        dst,
                        sinon,
                        fin,
                    },
                    None => Instr::Si {
                        cond: rc,
                        dst,
                        sinon,
                        fin,
                    },
                };
                self.code.instrs[saut as usize] = Instr::Saut { cible: fin };
                dst
            }
            // An empty `et`/`ou` (folded away when compiling the month, so
            // never seen in practice) has no first item to start its value.
            Op::Et(l) | Op::Ou(l) if self.p.liste(l).is_empty() => {
                let dst = self.dst(cible);
                self.emettre(Instr::Arbre { dst, noeud: n });
                dst
            }
            Op::Et(l) | Op::Ou(l) => {
                let ou = matches!(self.p.op(n), Op::Ou(_));
                let dst = self.dst(cible);
                let apres = self.libre;
                let mut items = Vec::new();
                for (k, &x) in self.p.liste(l).iter().enumerate() {
                    let premier = k == 0;
                    let i = match self.comparaison(x) {
                        Some((op, a, b)) => self.emettre(Instr::EtOuCmp {
                            op,
                            a,
                            b,
                            dst,
                            ou,
                            premier,
                            fin: 0,
                        }),
                        None => {
                            let r = self.valeur(x);
                            self.emettre(Instr::EtOuItem {
                                src: r,
                                dst,
                                ou,
                                premier,
                                fin: 0,
                            })
                        }
                    };
                    items.push(i);
                    self.libre = apres;
                }
                let fin = self.ici();
                for i in items {
                    match &mut self.code.instrs[i as usize] {
                        Instr::EtOuItem { fin: f, .. } | Instr::EtOuCmp { fin: f, .. } => *f = fin,
                        _ => {}
                    }
                }
                dst
            }
            Op::Min(l) | Op::Max(l) => {
                let min = matches!(self.p.op(n), Op::Min(_));
                let regs: Vec<Reg> = self.p.liste(l).iter().map(|&x| self.valeur(x)).collect();
                let debut = self.code.listes.len() as u32;
                self.code.listes.extend(regs);
                let fin = self.code.listes.len() as u32;
                self.libre = marque;
                let dst = self.dst(cible);
                self.emettre(Instr::MinMax {
                    dst,
                    debut,
                    fin,
                    min,
                });
                dst
            }
            Op::Non(x) => {
                let src = self.valeur(x);
                self.libre = marque;
                let dst = self.dst(cible);
                self.emettre(Instr::Non { dst, src });
                dst
            }
            Op::ADefaut(a, b) => {
                let src = self.valeur(a);
                self.libre = marque;
                let dst = self.dst(cible);
                let i = self.emettre(Instr::ADefaut { src, dst, fin: 0 });
                self.branche(b, dst);
                let fin = self.ici();
                self.code.instrs[i as usize] = Instr::ADefaut { src, dst, fin };
                dst
            }
            Op::Arrondi(mode, x, decimales) => {
                let src = self.valeur(x);
                self.libre = marque;
                let dst = self.dst(cible);
                self.emettre(Instr::Arrondi {
                    dst,
                    src,
                    mode,
                    decimales,
                });
                dst
            }
            Op::MontantAide(a) | Op::EligibleAide(a) => {
                let eligible = matches!(self.p.op(n), Op::EligibleAide(_));
                let dst = self.dst(cible);
                self.emettre(Instr::Aide {
                    dst,
                    aide: a as u32,
                    eligible,
                });
                dst
            }
            Op::Agregat(ag, coll, x) => {
                let dst = self.dst(cible);
                self.emettre(Instr::Agregat { dst, ag, coll, x });
                dst
            }
            _ => {
                let dst = self.dst(cible);
                self.emettre(Instr::Arbre { dst, noeud: n });
                dst
            }
        }
    }

    /// For a comparison `a op b`, the code of its operands and their
    /// registers (the comparison itself is left to the instruction that
    /// uses it). Temporaries stay taken until the caller frees them.
    fn comparaison(&mut self, n: Id) -> Option<(BinOp, Reg, Reg)> {
        match self.p.op(n) {
            Op::Bin(
                op @ (BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge | BinOp::Eq | BinOp::Ne),
                a,
                b,
            ) => {
                let ra = self.valeur(a);
                let rb = self.valeur(b);
                Some((op, ra, rb))
            }
            _ => None,
        }
    }

    /// Code computing a node into `dst` (a branch of `si` or a default).
    fn branche(&mut self, n: Id, dst: Reg) {
        let marque = self.libre;
        self.cible = Some(dst);
        let r = self.valeur(n);
        if r != dst {
            self.emettre(Instr::Copier { dst, src: r });
        }
        self.libre = marque;
    }
}

/// Every root to compile, in the order a household's evaluation first runs
/// them: each aid's formulas in turn, each followed, depth first, by the
/// formulas it reads (variables, aggregations' formulas) not placed yet;
/// then every other variable and aggregation formula. Blocks then lie in
/// the instructions about in the order they run, a run of lines the
/// processor fetches ahead, rather than scattered over 40 kB.
fn dans_l_ordre_d_execution(p: &Programme, racines_des_aides: &[Id]) -> Vec<Id> {
    struct Parcours<'a> {
        p: &'a Programme,
        /// Roots placed.
        place: Vec<bool>,
        /// Nodes whose tree has been gone through.
        vu: Vec<bool>,
        ordre: Vec<Id>,
    }
    impl Parcours<'_> {
        fn racine(&mut self, n: Id) {
            if std::mem::replace(&mut self.place[n as usize], true) {
                return;
            }
            self.ordre.push(n);
            self.arbre(n);
        }
        fn arbre(&mut self, n: Id) {
            if std::mem::replace(&mut self.vu[n as usize], true) {
                return;
            }
            let p = self.p;
            match p.op(n) {
                Op::Var(v) | Op::VarContexte(v) => self.racine(p.variables[v]),
                // The formula inside an aggregation is run once per child
                // or adult: a block too.
                Op::Agregat(_, _, x) => self.racine(x),
                Op::ParamIndex(_, x)
                | Op::Neg(x)
                | Op::Non(x)
                | Op::Arrondi(_, x, _)
                | Op::Bareme(_, x)
                | Op::Grille(_, x) => self.arbre(x),
                Op::Bin(_, a, b) | Op::ADefaut(a, b) => {
                    self.arbre(a);
                    self.arbre(b);
                }
                Op::Si(c, a, b) => {
                    self.arbre(c);
                    self.arbre(a);
                    self.arbre(b);
                }
                Op::Et(l) | Op::Ou(l) | Op::Min(l) | Op::Max(l) => {
                    for &x in p.liste(l) {
                        self.arbre(x);
                    }
                }
                Op::Const(_)
                | Op::Champ(_)
                | Op::Param(_)
                | Op::MontantAide(_)
                | Op::EligibleAide(_)
                | Op::SortieAide(..)
                | Op::ParamAnnee(..) => {}
            }
        }
    }
    let mut parcours = Parcours {
        p,
        place: vec![false; p.noeuds.len()],
        vu: vec![false; p.noeuds.len()],
        ordre: Vec::new(),
    };
    for &n in racines_des_aides.iter().chain(&p.variables) {
        if n != Id::MAX {
            parcours.racine(n);
        }
    }
    for op in &p.noeuds {
        if let Op::Agregat(_, _, x) = op {
            parcours.racine(*x);
        }
    }
    parcours.ordre
}

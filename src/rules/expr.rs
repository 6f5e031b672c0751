//! The expression language of rule files: lexer, parser and syntax tree.
//!
//! Rule authors write formulas such as
//! `si couple alors montant_de_base * 1.5 sinon montant_de_base` or
//! `nombre(enfants, enfant.age < 20) >= 2 et ressources <= plafond`.
//! The language is deliberately small and safe: decimal arithmetic, comparisons,
//! `et` / `ou` / `non`, `si … alors … sinon …`, a fixed set of functions
//! (`min`, `max`, `arrondi`, `bareme`, `somme`, `nombre`, …) and references to
//! situation fields, parameters, variables and other aids. There are no loops
//! and no user-defined functions, so every formula terminates.
//!
//! This module only parses; names are resolved by [`crate::rules::load`], which
//! knows the rule files, and values are computed by [`crate::rules::eval`].

use rust_decimal::Decimal;
use std::fmt;
use std::str::FromStr;

/// A syntax error, with its byte offset inside the formula text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// Byte offset in the formula where the problem was found.
    pub offset: usize,
    /// What is wrong, in French, for the rule author.
    pub message: String,
}

/// Binary operators, from arithmetic to comparisons.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
    Ne,
}

impl BinOp {
    /// The symbol as written in rule files.
    pub fn symbole(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::Lt => "<",
            BinOp::Le => "<=",
            BinOp::Gt => ">",
            BinOp::Ge => ">=",
            BinOp::Eq => "=",
            BinOp::Ne => "!=",
        }
    }

    /// True for the operators that compare two values and give a boolean.
    pub fn est_comparaison(self) -> bool {
        !matches!(self, BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div)
    }
}

/// A parsed expression whose names are not yet resolved.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// A decimal literal such as `0.5985` or `646.52`.
    Nombre(Decimal),
    /// A boolean literal: `vrai` or `faux`.
    Booleen(bool),
    /// A text literal in single quotes: `'locataire'`.
    Texte(String, usize),
    /// A name, possibly dotted: `couple`, `demandeur.age`, `enfant.age`.
    Nom(String, usize),
    /// `nom[cle]`: a value of a parameter table chosen by a key.
    Index(String, Box<Expr>, usize),
    /// A function call: `min(a, b)`.
    Appel(String, Vec<Expr>, usize),
    /// Arithmetic negation.
    Neg(Box<Expr>),
    /// Logical negation (`non`).
    Non(Box<Expr>),
    /// Binary operation.
    Bin(BinOp, Box<Expr>, Box<Expr>),
    /// Conjunction (`et`), several operands.
    Et(Vec<Expr>),
    /// Disjunction (`ou`), several operands.
    Ou(Vec<Expr>),
    /// `si c alors a sinon b`.
    Si(Box<Expr>, Box<Expr>, Box<Expr>),
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Num(Decimal),
    Ident(String),
    Text(String),
    LParen,
    RParen,
    LBracket,
    RBracket,
    Comma,
    Op(&'static str),
}

impl fmt::Display for Tok {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Tok::Num(n) => write!(f, "{n}"),
            Tok::Ident(s) => write!(f, "{s}"),
            Tok::Text(s) => write!(f, "'{s}'"),
            Tok::LParen => write!(f, "("),
            Tok::RParen => write!(f, ")"),
            Tok::LBracket => write!(f, "["),
            Tok::RBracket => write!(f, "]"),
            Tok::Comma => write!(f, ","),
            Tok::Op(o) => write!(f, "{o}"),
        }
    }
}

fn lex(src: &str) -> Result<Vec<(Tok, usize)>, SyntaxError> {
    let bytes = src.as_bytes();
    let mut toks = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let start = i;
        match c {
            b' ' | b'\t' | b'\n' | b'\r' => i += 1,
            b'#' => {
                // A comment runs to the end of the line: long formulas deserve notes.
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'0'..=b'9' => {
                while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'_') {
                    i += 1;
                }
                if i + 1 < bytes.len() && bytes[i] == b'.' && bytes[i + 1].is_ascii_digit() {
                    i += 1;
                    while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'_') {
                        i += 1;
                    }
                }
                let text: String = src[start..i].chars().filter(|c| *c != '_').collect();
                let n = Decimal::from_str(&text).map_err(|_| SyntaxError {
                    offset: start,
                    message: format!("nombre illisible « {text} »"),
                })?;
                // `12 %` reads as 0.12: rates are written the way the law writes them.
                let mut j = i;
                while j < bytes.len() && bytes[j] == b' ' {
                    j += 1;
                }
                if j < bytes.len() && bytes[j] == b'%' {
                    toks.push((Tok::Num(n / Decimal::ONE_HUNDRED), start));
                    i = j + 1;
                } else {
                    toks.push((Tok::Num(n), start));
                }
            }
            b'\'' => {
                i += 1;
                let s = i;
                while i < bytes.len() && bytes[i] != b'\'' {
                    i += 1;
                }
                if i >= bytes.len() {
                    return Err(SyntaxError {
                        offset: start,
                        message: "texte entre apostrophes jamais refermé".into(),
                    });
                }
                toks.push((Tok::Text(src[s..i].to_string()), start));
                i += 1;
            }
            b'(' => {
                toks.push((Tok::LParen, start));
                i += 1
            }
            b')' => {
                toks.push((Tok::RParen, start));
                i += 1
            }
            b'[' => {
                toks.push((Tok::LBracket, start));
                i += 1
            }
            b']' => {
                toks.push((Tok::RBracket, start));
                i += 1
            }
            b',' => {
                toks.push((Tok::Comma, start));
                i += 1
            }
            b'+' | b'-' | b'*' | b'/' => {
                let op = match c {
                    b'+' => "+",
                    b'-' => "-",
                    b'*' => "*",
                    _ => "/",
                };
                toks.push((Tok::Op(op), start));
                i += 1;
            }
            b'<' | b'>' | b'=' | b'!' => {
                let two = i + 1 < bytes.len() && bytes[i + 1] == b'=';
                let op = match (c, two) {
                    (b'<', true) => "<=",
                    (b'<', false) => "<",
                    (b'>', true) => ">=",
                    (b'>', false) => ">",
                    (b'=', true) => "=",
                    (b'=', false) => "=",
                    (b'!', true) => "!=",
                    _ => {
                        return Err(SyntaxError {
                            offset: start,
                            message: "« ! » seul n'existe pas : écrivez « non » ou « != »".into(),
                        });
                    }
                };
                toks.push((Tok::Op(op), start));
                i += if two { 2 } else { 1 };
            }
            c if c.is_ascii_alphabetic() || c == b'_' => {
                while i < bytes.len()
                    && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_' || bytes[i] == b'.')
                {
                    i += 1;
                }
                let word = &src[start..i];
                if word.ends_with('.') || word.contains("..") {
                    return Err(SyntaxError {
                        offset: start,
                        message: format!("nom mal formé « {word} »"),
                    });
                }
                toks.push((Tok::Ident(word.to_string()), start));
            }
            _ => {
                let ch = src[i..].chars().next().unwrap_or('?');
                let hint = if ch.is_alphabetic() {
                    " (les noms s'écrivent sans accent : « age », « enfant »)"
                } else {
                    ""
                };
                return Err(SyntaxError {
                    offset: start,
                    message: format!("caractère inattendu « {ch} »{hint}"),
                });
            }
        }
    }
    Ok(toks)
}

const MOTS_RESERVES: &[&str] = &["et", "ou", "non", "si", "alors", "sinon", "vrai", "faux"];

struct Parser<'a> {
    toks: Vec<(Tok, usize)>,
    pos: usize,
    len: usize,
    _src: &'a str,
}

/// Parses one formula.
pub fn parse(src: &str) -> Result<Expr, SyntaxError> {
    let toks = lex(src)?;
    let mut p = Parser {
        toks,
        pos: 0,
        len: src.len(),
        _src: src,
    };
    if p.toks.is_empty() {
        return Err(SyntaxError {
            offset: 0,
            message: "formule vide".into(),
        });
    }
    let e = p.expr()?;
    if let Some((t, off)) = p.toks.get(p.pos) {
        return Err(SyntaxError {
            offset: *off,
            message: format!(
                "« {t} » inattendu après une expression complète (opérateur manquant ?)"
            ),
        });
    }
    Ok(e)
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos).map(|(t, _)| t)
    }

    fn offset(&self) -> usize {
        self.toks.get(self.pos).map(|(_, o)| *o).unwrap_or(self.len)
    }

    fn is_word(&self, w: &str) -> bool {
        matches!(self.peek(), Some(Tok::Ident(s)) if s == w)
    }

    fn is_op(&self, op: &str) -> bool {
        matches!(self.peek(), Some(Tok::Op(o)) if *o == op)
    }

    fn expect(&mut self, tok: Tok, what: &str) -> Result<(), SyntaxError> {
        if self.peek() == Some(&tok) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.error(format!("{what} attendu")))
        }
    }

    fn expect_word(&mut self, w: &str) -> Result<(), SyntaxError> {
        if self.is_word(w) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.error(format!("« {w} » attendu")))
        }
    }

    fn error(&self, message: String) -> SyntaxError {
        let message = match self.peek() {
            Some(t) => format!("{message}, trouvé « {t} »"),
            None => format!("{message}, mais la formule s'arrête là"),
        };
        SyntaxError {
            offset: self.offset(),
            message,
        }
    }

    fn expr(&mut self) -> Result<Expr, SyntaxError> {
        if self.is_word("si") {
            self.pos += 1;
            let c = self.expr()?;
            self.expect_word("alors")?;
            let a = self.expr()?;
            self.expect_word("sinon")?;
            let b = self.expr()?;
            return Ok(Expr::Si(Box::new(c), Box::new(a), Box::new(b)));
        }
        self.or()
    }

    fn or(&mut self) -> Result<Expr, SyntaxError> {
        let first = self.and()?;
        if !self.is_word("ou") {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.is_word("ou") {
            self.pos += 1;
            items.push(self.and()?);
        }
        Ok(Expr::Ou(items))
    }

    fn and(&mut self) -> Result<Expr, SyntaxError> {
        let first = self.not()?;
        if !self.is_word("et") {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.is_word("et") {
            self.pos += 1;
            items.push(self.not()?);
        }
        Ok(Expr::Et(items))
    }

    fn not(&mut self) -> Result<Expr, SyntaxError> {
        if self.is_word("non") {
            self.pos += 1;
            return Ok(Expr::Non(Box::new(self.not()?)));
        }
        self.cmp()
    }

    fn cmp(&mut self) -> Result<Expr, SyntaxError> {
        let left = self.add()?;
        let op = match self.peek() {
            Some(Tok::Op("<")) => BinOp::Lt,
            Some(Tok::Op("<=")) => BinOp::Le,
            Some(Tok::Op(">")) => BinOp::Gt,
            Some(Tok::Op(">=")) => BinOp::Ge,
            Some(Tok::Op("=")) => BinOp::Eq,
            Some(Tok::Op("!=")) => BinOp::Ne,
            _ => return Ok(left),
        };
        self.pos += 1;
        let right = self.add()?;
        if matches!(
            self.peek(),
            Some(Tok::Op("<" | "<=" | ">" | ">=" | "=" | "!="))
        ) {
            return Err(self
                .error("deux comparaisons à la suite : écrivez « a <= x et x < b »".to_string()));
        }
        Ok(Expr::Bin(op, Box::new(left), Box::new(right)))
    }

    fn add(&mut self) -> Result<Expr, SyntaxError> {
        let mut left = self.mul()?;
        loop {
            let op = if self.is_op("+") {
                BinOp::Add
            } else if self.is_op("-") {
                BinOp::Sub
            } else {
                return Ok(left);
            };
            self.pos += 1;
            let right = self.mul()?;
            left = Expr::Bin(op, Box::new(left), Box::new(right));
        }
    }

    fn mul(&mut self) -> Result<Expr, SyntaxError> {
        let mut left = self.unary()?;
        loop {
            let op = if self.is_op("*") {
                BinOp::Mul
            } else if self.is_op("/") {
                BinOp::Div
            } else {
                return Ok(left);
            };
            self.pos += 1;
            let right = self.unary()?;
            left = Expr::Bin(op, Box::new(left), Box::new(right));
        }
    }

    fn unary(&mut self) -> Result<Expr, SyntaxError> {
        if self.is_op("-") {
            self.pos += 1;
            return Ok(Expr::Neg(Box::new(self.unary()?)));
        }
        self.primary()
    }

    fn primary(&mut self) -> Result<Expr, SyntaxError> {
        let off = self.offset();
        match self.peek().cloned() {
            Some(Tok::Num(n)) => {
                self.pos += 1;
                Ok(Expr::Nombre(n))
            }
            Some(Tok::Text(s)) => {
                self.pos += 1;
                Ok(Expr::Texte(s, off))
            }
            Some(Tok::LParen) => {
                self.pos += 1;
                let e = self.expr()?;
                self.expect(Tok::RParen, "« ) »")?;
                Ok(e)
            }
            Some(Tok::Ident(name)) => {
                match name.as_str() {
                    "vrai" => {
                        self.pos += 1;
                        return Ok(Expr::Booleen(true));
                    }
                    "faux" => {
                        self.pos += 1;
                        return Ok(Expr::Booleen(false));
                    }
                    "si" => return self.expr(),
                    w if MOTS_RESERVES.contains(&w) => {
                        return Err(self.error("une valeur était".to_string()));
                    }
                    _ => {}
                }
                self.pos += 1;
                if self.peek() == Some(&Tok::LParen) {
                    self.pos += 1;
                    let mut args = Vec::new();
                    if self.peek() != Some(&Tok::RParen) {
                        loop {
                            args.push(self.expr()?);
                            if self.peek() == Some(&Tok::Comma) {
                                self.pos += 1;
                            } else {
                                break;
                            }
                        }
                    }
                    self.expect(Tok::RParen, "« , » ou « ) »")?;
                    return Ok(Expr::Appel(name, args, off));
                }
                if self.peek() == Some(&Tok::LBracket) {
                    self.pos += 1;
                    let key = self.expr()?;
                    self.expect(Tok::RBracket, "« ] »")?;
                    return Ok(Expr::Index(name, Box::new(key), off));
                }
                Ok(Expr::Nom(name, off))
            }
            _ => Err(self.error("une valeur (nombre, nom, « ( »…) était attendue".to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn precedence_puts_multiplication_before_addition_and_comparison_before_et() {
        let e = parse("1 + 2 * 3 > 6 et vrai").unwrap();
        let Expr::Et(items) = e else {
            panic!("et attendu")
        };
        assert_eq!(items.len(), 2);
        let Expr::Bin(BinOp::Gt, left, _) = &items[0] else {
            panic!("comparaison attendue")
        };
        assert!(matches!(**left, Expr::Bin(BinOp::Add, _, _)));
    }

    #[test]
    fn percent_reads_as_a_rate() {
        assert_eq!(parse("12 %").unwrap(), Expr::Nombre(dec!(0.12)));
        assert_eq!(parse("59.85%").unwrap(), Expr::Nombre(dec!(0.5985)));
    }

    #[test]
    fn si_alors_sinon_nests() {
        let e = parse("si a alors 1 sinon si b alors 2 sinon 3").unwrap();
        assert!(matches!(e, Expr::Si(_, _, ref b) if matches!(**b, Expr::Si(..))));
    }

    #[test]
    fn calls_indexes_and_dotted_names() {
        let e = parse("somme(enfants, si enfant.age < 20 alors plafond[logement.zone] sinon 0)")
            .unwrap();
        assert!(matches!(e, Expr::Appel(ref n, ref a, _) if n == "somme" && a.len() == 2));
    }

    #[test]
    fn errors_point_at_the_offending_token() {
        let err = parse("1 + * 2").unwrap_err();
        assert_eq!(err.offset, 4);
        let err = parse("(1 + 2").unwrap_err();
        assert!(err.message.contains(")"), "{}", err.message);
        let err = parse("âge > 3").unwrap_err();
        assert!(err.message.contains("sans accent"), "{}", err.message);
        let err = parse("1 < x < 3").unwrap_err();
        assert!(err.message.contains("deux comparaisons"));
        assert!(parse("a b").is_err());
        assert!(parse("").is_err());
        assert!(parse("'ouvert").is_err());
    }

    #[test]
    fn comments_are_ignored() {
        assert_eq!(
            parse("1 # le minimum\n+ 2").unwrap(),
            Expr::Bin(
                BinOp::Add,
                Box::new(Expr::Nombre(dec!(1))),
                Box::new(Expr::Nombre(dec!(2)))
            )
        );
    }
}

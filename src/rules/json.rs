//! Compact JSON, byte for byte as `serde_json::to_writer` writes it, but
//! faster for results: `guichet eval` writes about 16 kB per household, almost
//! all sentences, and `serde_json` examines them one byte at a time.
//!
//! [`ecrire`] serializes any `Serialize` value. A string without a byte that
//! JSON escapes (`"`, `\`, control characters) is copied as it is after one
//! vectorizable pass over its bytes; every other string, and every number, is
//! written by `serde_json` itself, so the output cannot differ. Shapes this
//! writer does not handle (byte arrays, non-text map keys) make it start over
//! with `serde_json` for the whole value.

use serde::Serialize;
use serde::ser::{self, Impossible};
use std::fmt;
use std::io::Write;

/// Appends the compact JSON of a value to `sortie`, as `serde_json::to_writer`
/// would.
pub fn ecrire<T: Serialize + ?Sized>(sortie: &mut Vec<u8>, v: &T) -> serde_json::Result<()> {
    let debut = sortie.len();
    match v.serialize(Ecrivain(sortie)) {
        Ok(()) => Ok(()),
        Err(Repli) => {
            sortie.truncate(debut);
            serde_json::to_writer(sortie, v)
        }
    }
}

/// Writes a JSON string.
fn chaine(sortie: &mut Vec<u8>, s: &str) {
    // No early exit: the compiler turns this into a vector loop.
    let a_echapper = s.bytes().fold(false, |acc, b| {
        acc | (b < 0x20) | (b == b'"') | (b == b'\\')
    });
    if a_echapper {
        // Writing to a Vec cannot fail.
        let _ = serde_json::to_writer(sortie, s);
    } else {
        sortie.reserve(s.len() + 2);
        sortie.push(b'"');
        sortie.extend_from_slice(s.as_bytes());
        sortie.push(b'"');
    }
}

/// "Let serde_json do it": the value is written again by `serde_json`.
#[derive(Debug)]
struct Repli;

impl fmt::Display for Repli {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("forme laissée à serde_json")
    }
}

impl std::error::Error for Repli {}

impl ser::Error for Repli {
    fn custom<T: fmt::Display>(_: T) -> Repli {
        Repli
    }
}

struct Ecrivain<'a>(&'a mut Vec<u8>);

/// A sequence, map or struct being written: whether an item was written (for
/// commas) and what closes it.
struct Compose<'a> {
    sortie: &'a mut Vec<u8>,
    premier: bool,
    fin: &'static [u8],
}

impl Compose<'_> {
    fn virgule(&mut self) {
        if !self.premier {
            self.sortie.push(b',');
        }
        self.premier = false;
    }

    fn fin(self) -> Result<(), Repli> {
        self.sortie.extend_from_slice(self.fin);
        Ok(())
    }
}

impl<'a> Ecrivain<'a> {
    fn entier(self, v: impl fmt::Display) -> Result<(), Repli> {
        // An integer's Display is the digits serde_json writes.
        write!(self.0, "{v}").map_err(|_| Repli)
    }

    fn compose(self, ouverture: &[u8], fin: &'static [u8]) -> Compose<'a> {
        self.0.extend_from_slice(ouverture);
        Compose {
            sortie: self.0,
            premier: true,
            fin,
        }
    }

    /// `{"variant":` for enum variants with data, as serde_json writes them.
    fn variante(self, variante: &str, fin: &'static [u8], ouverture: &[u8]) -> Compose<'a> {
        self.0.push(b'{');
        chaine(self.0, variante);
        self.0.push(b':');
        self.compose(ouverture, fin)
    }
}

impl<'a> ser::Serializer for Ecrivain<'a> {
    type Ok = ();
    type Error = Repli;
    type SerializeSeq = Compose<'a>;
    type SerializeTuple = Compose<'a>;
    type SerializeTupleStruct = Compose<'a>;
    type SerializeTupleVariant = Compose<'a>;
    type SerializeMap = Compose<'a>;
    type SerializeStruct = Compose<'a>;
    type SerializeStructVariant = Compose<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Repli> {
        self.0
            .extend_from_slice(if v { b"true" as &[u8] } else { b"false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Repli> {
        self.entier(v)
    }
    fn serialize_i16(self, v: i16) -> Result<(), Repli> {
        self.entier(v)
    }
    fn serialize_i32(self, v: i32) -> Result<(), Repli> {
        self.entier(v)
    }
    fn serialize_i64(self, v: i64) -> Result<(), Repli> {
        self.entier(v)
    }
    fn serialize_i128(self, v: i128) -> Result<(), Repli> {
        self.entier(v)
    }
    fn serialize_u8(self, v: u8) -> Result<(), Repli> {
        self.entier(v)
    }
    fn serialize_u16(self, v: u16) -> Result<(), Repli> {
        self.entier(v)
    }
    fn serialize_u32(self, v: u32) -> Result<(), Repli> {
        self.entier(v)
    }
    fn serialize_u64(self, v: u64) -> Result<(), Repli> {
        self.entier(v)
    }
    fn serialize_u128(self, v: u128) -> Result<(), Repli> {
        self.entier(v)
    }
    fn serialize_f32(self, v: f32) -> Result<(), Repli> {
        serde_json::to_writer(self.0, &v).map_err(|_| Repli)
    }
    fn serialize_f64(self, v: f64) -> Result<(), Repli> {
        serde_json::to_writer(self.0, &v).map_err(|_| Repli)
    }
    fn serialize_char(self, v: char) -> Result<(), Repli> {
        chaine(self.0, v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Repli> {
        chaine(self.0, v);
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Repli> {
        Err(Repli)
    }
    fn serialize_none(self) -> Result<(), Repli> {
        self.0.extend_from_slice(b"null");
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<(), Repli> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Repli> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Repli> {
        self.serialize_none()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variante: &'static str,
    ) -> Result<(), Repli> {
        self.serialize_str(variante)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<(), Repli> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variante: &'static str,
        v: &T,
    ) -> Result<(), Repli> {
        self.0.push(b'{');
        chaine(self.0, variante);
        self.0.push(b':');
        v.serialize(Ecrivain(&mut *self.0))?;
        self.0.push(b'}');
        Ok(())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compose<'a>, Repli> {
        Ok(self.compose(b"[", b"]"))
    }
    fn serialize_tuple(self, _: usize) -> Result<Compose<'a>, Repli> {
        Ok(self.compose(b"[", b"]"))
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Compose<'a>, Repli> {
        Ok(self.compose(b"[", b"]"))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variante: &'static str,
        _: usize,
    ) -> Result<Compose<'a>, Repli> {
        Ok(self.variante(variante, b"]}", b"["))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compose<'a>, Repli> {
        Ok(self.compose(b"{", b"}"))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compose<'a>, Repli> {
        Ok(self.compose(b"{", b"}"))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variante: &'static str,
        _: usize,
    ) -> Result<Compose<'a>, Repli> {
        Ok(self.variante(variante, b"}}", b"{"))
    }
}

impl Compose<'_> {
    fn element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Repli> {
        self.virgule();
        v.serialize(Ecrivain(&mut *self.sortie))
    }

    fn champ<T: Serialize + ?Sized>(&mut self, cle: &str, v: &T) -> Result<(), Repli> {
        self.virgule();
        chaine(self.sortie, cle);
        self.sortie.push(b':');
        v.serialize(Ecrivain(&mut *self.sortie))
    }
}

impl ser::SerializeSeq for Compose<'_> {
    type Ok = ();
    type Error = Repli;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Repli> {
        self.element(v)
    }
    fn end(self) -> Result<(), Repli> {
        self.fin()
    }
}

impl ser::SerializeTuple for Compose<'_> {
    type Ok = ();
    type Error = Repli;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Repli> {
        self.element(v)
    }
    fn end(self) -> Result<(), Repli> {
        self.fin()
    }
}

impl ser::SerializeTupleStruct for Compose<'_> {
    type Ok = ();
    type Error = Repli;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Repli> {
        self.element(v)
    }
    fn end(self) -> Result<(), Repli> {
        self.fin()
    }
}

impl ser::SerializeTupleVariant for Compose<'_> {
    type Ok = ();
    type Error = Repli;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Repli> {
        self.element(v)
    }
    fn end(self) -> Result<(), Repli> {
        self.fin()
    }
}

impl ser::SerializeMap for Compose<'_> {
    type Ok = ();
    type Error = Repli;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, cle: &T) -> Result<(), Repli> {
        self.virgule();
        cle.serialize(Cle(&mut *self.sortie))
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Repli> {
        self.sortie.push(b':');
        v.serialize(Ecrivain(&mut *self.sortie))
    }
    fn end(self) -> Result<(), Repli> {
        self.fin()
    }
}

impl ser::SerializeStruct for Compose<'_> {
    type Ok = ();
    type Error = Repli;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        cle: &'static str,
        v: &T,
    ) -> Result<(), Repli> {
        self.champ(cle, v)
    }
    fn end(self) -> Result<(), Repli> {
        self.fin()
    }
}

impl ser::SerializeStructVariant for Compose<'_> {
    type Ok = ();
    type Error = Repli;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        cle: &'static str,
        v: &T,
    ) -> Result<(), Repli> {
        self.champ(cle, v)
    }
    fn end(self) -> Result<(), Repli> {
        self.fin()
    }
}

/// A map key: text only (serde_json also quotes numbers and booleans; those
/// keys are left to it).
struct Cle<'a>(&'a mut Vec<u8>);

macro_rules! repli {
    ($($nom:ident: $t:ty),*) => {
        $(fn $nom(self, _: $t) -> Result<(), Repli> { Err(Repli) })*
    };
}

impl ser::Serializer for Cle<'_> {
    type Ok = ();
    type Error = Repli;
    type SerializeSeq = Impossible<(), Repli>;
    type SerializeTuple = Impossible<(), Repli>;
    type SerializeTupleStruct = Impossible<(), Repli>;
    type SerializeTupleVariant = Impossible<(), Repli>;
    type SerializeMap = Impossible<(), Repli>;
    type SerializeStruct = Impossible<(), Repli>;
    type SerializeStructVariant = Impossible<(), Repli>;

    fn serialize_str(self, v: &str) -> Result<(), Repli> {
        chaine(self.0, v);
        Ok(())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variante: &'static str,
    ) -> Result<(), Repli> {
        self.serialize_str(variante)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<(), Repli> {
        v.serialize(self)
    }
    repli!(serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32,
        serialize_i64: i64, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32,
        serialize_u64: u64, serialize_f32: f32, serialize_f64: f64, serialize_char: char,
        serialize_bytes: &[u8], serialize_unit_struct: &'static str);
    fn serialize_none(self) -> Result<(), Repli> {
        Err(Repli)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<(), Repli> {
        Err(Repli)
    }
    fn serialize_unit(self) -> Result<(), Repli> {
        Err(Repli)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Repli> {
        Err(Repli)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Repli> {
        Err(Repli)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Repli> {
        Err(Repli)
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Repli> {
        Err(Repli)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Repli> {
        Err(Repli)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Repli> {
        Err(Repli)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, Repli> {
        Err(Repli)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Repli> {
        Err(Repli)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn pareil<T: Serialize>(v: &T) {
        let mut nous = Vec::new();
        ecrire(&mut nous, v).unwrap();
        assert_eq!(
            String::from_utf8(nous).unwrap(),
            serde_json::to_string(v).unwrap()
        );
    }

    #[derive(Serialize)]
    enum E {
        Unite,
        Nouveau(i32),
        Tuple(i32, String),
        Champs { a: bool },
    }

    #[derive(Serialize)]
    struct S {
        texte: String,
        nombres: Vec<f64>,
        entiers: (i64, u8, i128),
        rien: Option<u32>,
        quelque: Option<&'static str>,
        carte: BTreeMap<String, Vec<E>>,
        cles_nombres: BTreeMap<u32, bool>,
        octets: Vec<u8>,
        #[serde(flatten)]
        aplati: BTreeMap<String, f64>,
    }

    #[test]
    fn writes_what_serde_json_writes() {
        pareil(&"sans échappement, avec accents é € ");
        pareil(&"guillemets \" et \\ et \n et \u{1} et \u{7f}");
        pareil(&'"');
        pareil(&vec![0.1f64, 1.0, -2.5, 1e21, f64::NAN, 123.45]);
        let s = S {
            texte: "L'AAH « demande » un taux".into(),
            nombres: vec![],
            entiers: (-5, 255, 1 << 100),
            rien: None,
            quelque: Some("x"),
            carte: [(
                "k\"1".to_string(),
                vec![
                    E::Unite,
                    E::Nouveau(3),
                    E::Tuple(1, "a".into()),
                    E::Champs { a: true },
                ],
            )]
            .into_iter()
            .collect(),
            cles_nombres: [(1, true), (2, false)].into_iter().collect(),
            octets: vec![1, 2],
            aplati: [("participation".to_string(), 12.5)].into_iter().collect(),
        };
        pareil(&s);
        pareil(&[(); 2]);
        pareil(&BTreeMap::<String, i32>::new());
    }

    #[test]
    fn evaluations_are_written_as_serde_json_writes_them() {
        let rs = crate::rules::RuleSet::integre().unwrap();
        let mois = crate::situation::Mois {
            annee: 2026,
            mois: 11,
        };
        for texte in [
            r#"{"demandeur": {"age": 34}, "nombre_enfants": 2, "logement": {"statut": "locataire"}}"#,
            r#"{"enfants": [{"age": 4}, {"age": 12}], "logement": {"statut": "locataire",
              "code_postal": "92100", "commune": "92012", "loyer": 550}, "demandeur": {"age": 34,
              "activite": "salarie", "salaire_net": 1100, "chomage_net": 0, "retraite_nette": 0,
              "handicap": false, "taux_incapacite": 0, "nationalite": "fr"}, "conjoint": null}"#,
        ] {
            let s = crate::situation::Situation::from_json(texte).unwrap();
            pareil(&rs.evaluer(&s, mois));
        }
    }
}

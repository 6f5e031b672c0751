//! Small secrets sealed at rest: the phone number or chat id a person gave
//! when asking for a callback. Records are keyed by a keyed hash and never
//! hold a number in clear; when an agent must reach someone, the number is
//! kept sealed with ChaCha20-Poly1305 under a key derived from the service
//! secret, and erased once the request is handled.
//!
//! Each use has its own derived key (`usage`), and each sealed value its own
//! random nonce, stored in front of the ciphertext.

use chacha20poly1305::aead::{Aead, KeyInit};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};
use hmac::Mac;

fn chiffreur(secret: &[u8], usage: &str) -> ChaCha20Poly1305 {
    let mut mac = <hmac::Hmac<sha2::Sha256> as hmac::KeyInit>::new_from_slice(secret)
        .expect("HMAC accepts any key length");
    // The module's old name stays in the derivation label: changing it would
    // change every derived key and leave sealed values unreadable.
    mac.update(b"guichet/coffre/");
    mac.update(usage.as_bytes());
    ChaCha20Poly1305::new(Key::from_slice(&mac.finalize().into_bytes()))
}

/// Seals `clair` for `usage`: hex of a random nonce and the ciphertext.
/// `None` only when the system has no randomness to give.
pub fn sceller(secret: &[u8], usage: &str, clair: &str) -> Option<String> {
    let mut nonce = [0u8; 12];
    getrandom::fill(&mut nonce).ok()?;
    let chiffre = chiffreur(secret, usage)
        .encrypt(Nonce::from_slice(&nonce), clair.as_bytes())
        .ok()?;
    let mut tout = nonce.to_vec();
    tout.extend(chiffre);
    Some(hex::encode(&tout))
}

/// Opens what [`sceller`] sealed with the same secret and usage; `None` if
/// it was altered, sealed under another key, or is not hex.
pub fn ouvrir(secret: &[u8], usage: &str, scelle: &str) -> Option<String> {
    let octets = hex::decode(scelle).ok()?;
    if octets.len() < 12 {
        return None;
    }
    let (nonce, chiffre) = octets.split_at(12);
    let clair = chiffreur(secret, usage)
        .decrypt(Nonce::from_slice(nonce), chiffre)
        .ok()?;
    String::from_utf8(clair).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scelle_puis_ouvre() {
        let s = sceller(b"secret", "rappels", "+33612345678").unwrap();
        assert!(!s.contains("33612345678"));
        assert_eq!(
            ouvrir(b"secret", "rappels", &s).as_deref(),
            Some("+33612345678")
        );
        // Two seals of the same number differ (random nonce).
        assert_ne!(s, sceller(b"secret", "rappels", "+33612345678").unwrap());
    }

    #[test]
    fn refuse_une_autre_cle_ou_une_alteration() {
        let s = sceller(b"secret", "rappels", "42").unwrap();
        assert_eq!(ouvrir(b"autre", "rappels", &s), None);
        assert_eq!(ouvrir(b"secret", "autre-usage", &s), None);
        let mut altere = s.clone().into_bytes();
        let dernier = altere.len() - 1;
        altere[dernier] = if altere[dernier] == b'0' { b'1' } else { b'0' };
        assert_eq!(
            ouvrir(b"secret", "rappels", &String::from_utf8(altere).unwrap()),
            None
        );
        assert_eq!(ouvrir(b"secret", "rappels", "zz"), None);
        assert_eq!(ouvrir(b"secret", "rappels", "é"), None);
        assert_eq!(ouvrir(b"secret", "rappels", ""), None);
    }
}

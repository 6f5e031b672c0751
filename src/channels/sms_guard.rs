//! What the service lets out by SMS: which numbers may be written to, and
//! how fast the outbox may send.
//!
//! Every SMS is billed to the operator, and some destinations cost far more
//! than others. A forged webhook or a bug must not be able to make the
//! service text any number in the world, nor send thousands of messages in
//! a minute: numbers outside `[sms] allowed_country_codes` are neither
//! answered nor written to, and the outbox sends at most
//! `[sms] outbound_per_minute` messages a minute, every number together
//! (the rest waits in the outbox, nothing is dropped).

use std::sync::{Arc, Mutex};

/// The country calling codes SMS may come from and go to.
#[derive(Debug, Clone)]
pub struct Indicatifs(Arc<Vec<String>>);

impl Default for Indicatifs {
    /// France and its overseas departments and territories.
    fn default() -> Self {
        Indicatifs::nouveaux(
            crate::config::INDICATIFS_FRANCE
                .iter()
                .map(|s| s.to_string()),
        )
    }
}

impl Indicatifs {
    /// From the configured codes (`"33"`, `"+262"`: the `+` is optional).
    pub fn nouveaux(codes: impl IntoIterator<Item = String>) -> Indicatifs {
        Indicatifs(Arc::new(
            codes
                .into_iter()
                .map(|c| c.trim().trim_start_matches('+').to_string())
                .filter(|c| !c.is_empty())
                .collect(),
        ))
    }

    /// Whether an E.164 number (`+33612345678`) is in one of the countries.
    /// Country codes are prefix-free (no code begins another), so a prefix
    /// match is exact.
    pub fn autorise(&self, e164: &str) -> bool {
        let Some(chiffres) = e164.strip_prefix('+') else {
            return false;
        };
        self.0.iter().any(|c| chiffres.starts_with(c.as_str()))
    }

    /// The codes, for the start-up log (`+33 +262 …`).
    pub fn liste(&self) -> String {
        self.0
            .iter()
            .map(|c| format!("+{c}"))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// A global pace: at most `par_minute` messages in each minute of the clock.
#[derive(Debug)]
pub struct Debit {
    par_minute: u32,
    /// (minute since 1970, messages let out in it).
    compte: Mutex<(u64, u32)>,
}

impl Debit {
    /// At most `par_minute` a minute; 0: no limit.
    pub fn nouveau(par_minute: u32) -> Debit {
        Debit {
            par_minute,
            compte: Mutex::new((0, 0)),
        }
    }

    /// Takes one message's place in the minute of `maintenant` (seconds
    /// since 1970); `false` when the minute is full.
    pub fn prendre(&self, maintenant: u64) -> bool {
        if self.par_minute == 0 {
            return true;
        }
        let minute = maintenant / 60;
        let mut c = self.compte.lock().unwrap_or_else(|p| p.into_inner());
        if c.0 != minute {
            *c = (minute, 0);
        }
        if c.1 >= self.par_minute {
            return false;
        }
        c.1 += 1;
        true
    }

    /// The limit, for the start-up log.
    pub fn par_minute(&self) -> u32 {
        self.par_minute
    }
}

impl Default for Debit {
    /// The default of `[sms] outbound_per_minute`.
    fn default() -> Self {
        Debit::nouveau(crate::config::Sms::default().outbound_per_minute)
    }
}

/// The outbox's guard: destinations and pace.
#[derive(Debug, Default)]
pub struct GardeSortie {
    /// Where SMS may go.
    pub indicatifs: Indicatifs,
    /// How fast.
    pub debit: Debit,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn france_and_overseas_are_allowed_by_default_and_nothing_else() {
        let i = Indicatifs::default();
        assert!(i.autorise("+33612345678"));
        assert!(i.autorise("+262692123456"));
        assert!(i.autorise("+590690123456"));
        assert!(!i.autorise("+447700900123"));
        assert!(!i.autorise("+2250700000000"));
        assert!(!i.autorise("33612345678"), "only E.164 with its +");
    }

    #[test]
    fn configured_codes_may_carry_a_plus() {
        let i = Indicatifs::nouveaux(["+32".to_string(), " 33 ".to_string()]);
        assert!(i.autorise("+32470123456"));
        assert!(i.autorise("+33612345678"));
        assert_eq!(i.liste(), "+32 +33");
    }

    #[test]
    fn the_pace_lets_out_so_many_a_minute_then_waits_for_the_next() {
        let d = Debit::nouveau(2);
        assert!(d.prendre(60));
        assert!(d.prendre(61));
        assert!(!d.prendre(119));
        assert!(d.prendre(120));
        assert!(Debit::nouveau(0).prendre(0), "0: no limit");
    }
}

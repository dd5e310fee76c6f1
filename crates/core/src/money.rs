//! Money as integer nano-dollars: sums are exact, never accumulated floats.
//!
//! Prices are quoted per million tokens with up to six decimals (`$0.075`), i.e. in
//! whole micro-dollars per million tokens, which is whole nano-dollars per thousand
//! tokens: a token's cost is exact in nano-dollars for every quoted price with up to
//! three decimals, and rounded half-up below that.

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Sub};
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An amount of US dollars in nano-dollars (10⁻⁹ $).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(i64);

/// Nano-dollars in a dollar.
const NANOS: i64 = 1_000_000_000;

impl Money {
    /// Zero dollars.
    pub const ZERO: Money = Money(0);

    /// From nano-dollars.
    pub const fn from_nanos(n: i64) -> Self {
        Money(n)
    }

    /// From micro-dollars.
    pub const fn from_micros(m: i64) -> Self {
        Money(m.saturating_mul(1000))
    }

    /// The amount in nano-dollars.
    pub const fn nanos(self) -> i64 {
        self.0
    }

    /// The amount in dollars, for display and JSON only (never for sums).
    pub fn dollars(self) -> f64 {
        self.0 as f64 / NANOS as f64
    }

    /// What `tokens` cost at `micros_per_million` micro-dollars per million tokens.
    pub fn for_tokens(tokens: u64, micros_per_million: i64) -> Self {
        // tokens × µ$/M ÷ 10⁶ µ$ = tokens × µ$/M ÷ 10³ n$; i128 so nothing overflows.
        let scaled = i128::from(tokens) * i128::from(micros_per_million);
        let nanos = (scaled + 500).div_euclid(1000);
        Money(i64::try_from(nanos).unwrap_or(i64::MAX))
    }

    /// `self` × `num` ÷ `den`, rounded half-up (forecasts, shares); zero when `den` is 0.
    pub fn scale(self, num: i64, den: i64) -> Self {
        if den == 0 {
            return Money::ZERO;
        }
        let v = (i128::from(self.0) * i128::from(num) * 2 + i128::from(den))
            .div_euclid(2 * i128::from(den));
        Money(i64::try_from(v).unwrap_or(i64::MAX))
    }

    /// Percent of `limit` this is (0 when the limit is 0).
    pub fn percent_of(self, limit: Money) -> f64 {
        if limit.0 == 0 {
            return 0.0;
        }
        self.0 as f64 * 100.0 / limit.0 as f64
    }
}

impl Add for Money {
    type Output = Money;
    fn add(self, o: Money) -> Money {
        Money(self.0.saturating_add(o.0))
    }
}

impl AddAssign for Money {
    fn add_assign(&mut self, o: Money) {
        self.0 = self.0.saturating_add(o.0);
    }
}

impl Sub for Money {
    type Output = Money;
    fn sub(self, o: Money) -> Money {
        Money(self.0.saturating_sub(o.0))
    }
}

impl Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, Add::add)
    }
}

/// `$1.234567` with six decimals (a micro-dollar), more when smaller amounts matter
/// is not useful to people; the exact value is in [`Money::nanos`].
impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = i128::from(self.0).abs();
        let micros = (abs + 500) / 1000;
        write!(f, "{sign}${}.{:06}", micros / 1_000_000, micros % 1_000_000)
    }
}

impl Money {
    /// For people: cents from a dollar up (`$12.35`), else up to 4 decimals with at
    /// least 2 (`$0.085`, `$0.0012`, `$0.00`).
    pub fn short(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = i128::from(self.0).abs();
        if abs >= i128::from(NANOS) {
            let cents = (abs + 5_000_000) / 10_000_000;
            return format!("{sign}${}.{:02}", cents / 100, cents % 100);
        }
        let tenths_of_mills = (abs + 50_000) / 100_000;
        let mut s = format!("{:04}", tenths_of_mills);
        while s.len() > 2 && s.ends_with('0') {
            s.pop();
        }
        format!("{sign}$0.{s}")
    }
}

/// Why a dollar amount could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ParseMoneyError(String);

/// Reads `10`, `10.5`, `$0.075`, `0.000001` exactly (no float on the way); at most
/// nine decimals, not negative, not NaN, at most $1,000,000,000.
impl FromStr for Money {
    type Err = ParseMoneyError;

    fn from_str(raw: &str) -> Result<Self, Self::Err> {
        let s = raw.trim();
        let s = s.strip_prefix('$').unwrap_or(s).trim();
        let bad = || ParseMoneyError(format!("{raw:?} is not a dollar amount such as 10 or 2.50"));
        if s.starts_with('-') {
            return Err(ParseMoneyError(format!("{raw:?} is negative")));
        }
        let (whole, frac) = s.split_once('.').unwrap_or((s, ""));
        if whole.is_empty() && frac.is_empty()
            || !whole.chars().all(|c| c.is_ascii_digit())
            || !frac.chars().all(|c| c.is_ascii_digit())
        {
            return Err(bad());
        }
        if frac.len() > 9 {
            return Err(ParseMoneyError(format!("{raw:?} has more than 9 decimals")));
        }
        let whole: i64 = if whole.is_empty() {
            0
        } else {
            whole.parse().map_err(|_| bad())?
        };
        if whole > 1_000_000_000 {
            return Err(ParseMoneyError(format!(
                "{raw:?} is more than $1,000,000,000"
            )));
        }
        let frac_nanos: i64 = format!("{frac:0<9}").parse().map_err(|_| bad())?;
        Ok(Money(whole * NANOS + frac_nanos))
    }
}

/// JSON: dollars as a number (`0.0025`), for people and charts; sums are made on
/// the integer value before it is written.
impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(self.dollars())
    }
}

/// JSON: a number or a string of dollars, read exactly through its decimal text.
impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = serde_json::Value::deserialize(d)?;
        let text = match &v {
            // JSON writers (serde_json, JavaScript) put amounts under $0.00001 in
            // exponent form (`1e-9`): such a number is read exactly, digits moved.
            serde_json::Value::Number(n) => {
                let t = n.to_string();
                plain_decimal(&t).unwrap_or(t)
            }
            serde_json::Value::String(s) => s.clone(),
            _ => return Err(serde::de::Error::custom("a dollar amount must be a number")),
        };
        // Typed exponent forms ("1e-7") are refused rather than guessed.
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// A JSON number in exponent form as plain decimal text (`1.5e-7` → `0.00000015`),
/// exactly; `None` when it has no exponent, or one no amount has.
fn plain_decimal(text: &str) -> Option<String> {
    let (mantissa, exp) = text.split_once(['e', 'E'])?;
    let exp: i32 = exp.parse().ok().filter(|e: &i32| e.abs() <= 40)?;
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(m) => ("-", m),
        None => ("", mantissa),
    };
    let (whole, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = format!("{whole}{frac}");
    let point = i32::try_from(whole.len()).ok()? + exp;
    let plain = match usize::try_from(point) {
        Err(_) | Ok(0) => format!("0.{}{digits}", "0".repeat(point.unsigned_abs() as usize)),
        Ok(p) if p >= digits.len() => format!("{digits}{}", "0".repeat(p - digits.len())),
        Ok(p) => format!("{}.{}", &digits[..p], &digits[p..]),
    };
    Some(format!("{sign}{plain}"))
}

/// TypeScript: `number`, the dollars [`Money`]'s `Serialize` writes. Described as
/// `serde_json::Number` (a finite JSON number) rather than `f64`, which specta writes as
/// `number | null` because NaN and infinities serialize as `null`; dollars never do.
#[cfg(feature = "specta")]
impl specta::Type for Money {
    fn definition(types: &mut specta::Types) -> specta::datatype::DataType {
        <serde_json::Number as specta::Type>::definition(types)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_amounts_read_well() {
        let m = |s: &str| s.parse::<Money>().unwrap().short();
        assert_eq!(m("12.345"), "$12.35");
        assert_eq!(m("1"), "$1.00");
        assert_eq!(m("0.085"), "$0.085");
        assert_eq!(m("0.00123"), "$0.0012");
        assert_eq!(m("0"), "$0.00");
        assert_eq!(m("0.5"), "$0.50");
    }

    #[test]
    fn token_costs_are_exact() {
        // gpt-4o-mini input: $0.15 per 1M tokens → 150 n$ per token.
        assert_eq!(Money::for_tokens(1, 150_000).nanos(), 150);
        assert_eq!(Money::for_tokens(1_000, 150_000), Money::from_micros(150));
        // gpt-4o-mini cached: $0.075 → 75 n$ per token.
        assert_eq!(Money::for_tokens(3, 75_000).nanos(), 225);
        // A price with more decimals rounds half-up per call: $0.0000005 per 1M.
        assert_eq!(Money::for_tokens(1, 1).nanos(), 0);
        assert_eq!(Money::for_tokens(500, 1).nanos(), 1);
        assert_eq!(
            Money::for_tokens(u64::MAX, i64::MAX),
            Money::from_nanos(i64::MAX)
        );
    }

    #[test]
    fn amounts_parse_exactly_and_refuse_nonsense() {
        assert_eq!(
            "10".parse::<Money>().unwrap(),
            Money::from_micros(10_000_000)
        );
        assert_eq!(
            "$2.50".parse::<Money>().unwrap(),
            Money::from_micros(2_500_000)
        );
        assert_eq!(
            ".075".parse::<Money>().unwrap(),
            Money::from_nanos(75_000_000)
        );
        assert_eq!(
            "0.000000001".parse::<Money>().unwrap(),
            Money::from_nanos(1)
        );
        for bad in [
            "",
            "-1",
            "NaN",
            "inf",
            "1e3",
            "1.2.3",
            "$",
            "1,5",
            "0.0000000001",
            "2000000000",
        ] {
            assert!(bad.parse::<Money>().is_err(), "{bad:?} must be refused");
        }
    }

    #[test]
    fn display_and_json() {
        assert_eq!(Money::from_nanos(2_500_000).to_string(), "$0.002500");
        assert_eq!(Money::from_micros(12_345_678).to_string(), "$12.345678");
        assert_eq!(
            serde_json::to_string(&Money::from_micros(2_500)).unwrap(),
            "0.0025"
        );
        let m: Money = serde_json::from_str("10.25").unwrap();
        assert_eq!(m, Money::from_micros(10_250_000));
        // What serde_json writes for small amounts (exponent form) reads back exactly.
        for nanos in [1, 15, 999, 9_999, 123_456, 1_000_000_000_000_000] {
            let m = Money::from_nanos(nanos);
            let json = serde_json::to_string(&m).unwrap();
            assert_eq!(serde_json::from_str::<Money>(&json).unwrap(), m, "{json}");
        }
        assert_eq!(
            serde_json::from_str::<Money>("2.5E3").unwrap(),
            Money::from_micros(2_500_000_000)
        );
        assert_eq!(
            plain_decimal("1.5e16").as_deref(),
            Some("15000000000000000")
        );
        assert_eq!(plain_decimal("2.5e-3").as_deref(), Some("0.0025"));
        assert_eq!(plain_decimal("-1e-1").as_deref(), Some("-0.1"));
        assert_eq!(plain_decimal("12.5"), None);
        assert!(serde_json::from_str::<Money>("1e300").is_err());
        assert!(serde_json::from_str::<Money>("-1e-9").is_err());
        assert!(serde_json::from_str::<Money>("\"1e-9\"").is_err());
        assert!(serde_json::from_str::<Money>("-1").is_err());
        assert!(serde_json::from_str::<Money>("true").is_err());
    }

    #[test]
    fn sums_and_scaling() {
        let tenth = "0.1".parse::<Money>().unwrap();
        let total: Money = std::iter::repeat_n(tenth, 10).sum();
        assert_eq!(
            total,
            "1".parse().unwrap(),
            "ten dimes are a dollar, exactly"
        );
        assert_eq!(Money::from_micros(10).scale(1, 3), Money::from_nanos(3_333));
        assert_eq!(Money::from_micros(1).scale(3, 0), Money::ZERO);
        assert!((Money::from_micros(900).percent_of(Money::from_micros(1000)) - 90.0).abs() < 1e-9);
    }
}

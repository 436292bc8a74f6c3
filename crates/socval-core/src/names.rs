//! Reading the enums that files write as a name alone (`"high"`,
//! `"present_value"`).
//!
//! serde's derived reader for such an enum is a small machine of its own
//! (a visitor for the choice, another for the name, and a copy of the
//! reader's enum code for each), about a kilobyte of wasm per enum in the
//! widget's first module. Here every one of them reads a string through the
//! same code and looks it up in its table. The names are those the derived
//! `Serialize` writes (`rename_all = "snake_case"`); a test checks that
//! every value reads back from what it writes.

use serde::de::{Deserialize, Deserializer, Error};

/// An enum written as one of a fixed set of names.
pub(crate) trait Named: Sized + Copy + 'static {
    /// Every name, as files spell it.
    const NAMES: &'static [&'static str];
    /// The value of each name, in the same order.
    const VALUES: &'static [Self];
}

/// Reads a name into its value; an unknown name gets serde's own message
/// ("unknown variant `x`, expected `a` or `b`").
pub(crate) fn by_name<'de, D: Deserializer<'de>, T: Named>(d: D) -> Result<T, D::Error> {
    let name = String::deserialize(d)?;
    T::NAMES
        .iter()
        .position(|n| *n == name)
        .and_then(|i| T::VALUES.get(i).copied())
        .ok_or_else(|| D::Error::unknown_variant(&name, T::NAMES))
}

/// Implements [`Named`] and `Deserialize` for an enum from its names.
macro_rules! named {
    ($ty:ty { $($name:literal => $value:ident),+ $(,)? }) => {
        impl $crate::names::Named for $ty {
            const NAMES: &'static [&'static str] = &[$($name),+];
            const VALUES: &'static [Self] = &[$(<$ty>::$value),+];
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                $crate::names::by_name(d)
            }
        }
    };
}
pub(crate) use named;

#[cfg(test)]
#[allow(clippy::unwrap_used)] // Tests may panic: that is how they fail.
mod tests {
    use super::Named;

    /// Every value writes its name, and reads back from it.
    fn round_trips<
        T: Named + serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
    >() {
        assert_eq!(T::NAMES.len(), T::VALUES.len());
        for (name, value) in T::NAMES.iter().zip(T::VALUES) {
            let written = serde_json::to_string(value).unwrap();
            assert_eq!(written, format!("\"{name}\""));
            assert_eq!(serde_json::from_str::<T>(&written).unwrap(), *value);
        }
        let wrong = serde_json::from_str::<T>("\"no_such_name\"")
            .unwrap_err()
            .to_string();
        assert!(
            wrong.starts_with("unknown variant `no_such_name`, expected "),
            "{wrong}"
        );
        assert!(serde_json::from_str::<T>("3").is_err());
    }

    #[test]
    fn every_name_reads_as_the_derived_writer_writes_it() {
        use crate::{config, discounting, double_counting, framework, growth};
        round_trips::<config::Priority>();
        round_trips::<config::ValueBasis>();
        round_trips::<framework::Kind>();
        round_trips::<framework::Unit>();
        round_trips::<growth::Growth>();
        round_trips::<discounting::Schedule>();
        round_trips::<discounting::Convention>();
        round_trips::<discounting::Base>();
        round_trips::<discounting::Rate>();
        round_trips::<double_counting::Policy>();
    }
}

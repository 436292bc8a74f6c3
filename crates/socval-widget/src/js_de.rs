//! Reads a JavaScript value (as `JSON.parse` made it) into a serde type.
//!
//! serde-wasm-bindgen does this too, but its type errors name the offending
//! value, and naming a number means formatting a float: that pulled the
//! float-to-text code of `core` (about 16 kB of wasm) into the first module
//! for an error message a council sees once. This reader names the kind of
//! value instead ("a number with a fraction"), and is otherwise the same
//! walk: objects as maps, arrays as sequences, integers as integers.

use std::fmt;

use serde::de::{self, DeserializeSeed, IntoDeserializer, Visitor};
use wasm_bindgen::{JsCast, JsValue};

/// Why a value could not be read, in serde's words.
#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }

    fn invalid_type(unexp: de::Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        Error(format!("invalid type: {}, expected {exp}", Kind(unexp)))
    }

    fn invalid_value(unexp: de::Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        Error(format!("invalid value: {}, expected {exp}", Kind(unexp)))
    }
}

/// What was found, without a float's digits.
struct Kind<'a>(de::Unexpected<'a>);

impl fmt::Display for Kind<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            de::Unexpected::Float(_) => f.write_str("a number with a fraction, or too large"),
            de::Unexpected::Unsigned(n) => write!(f, "the number {n}"),
            de::Unexpected::Signed(n) => write!(f, "the number {n}"),
            de::Unexpected::Str(s) => write!(f, "the text \"{s}\""),
            de::Unexpected::Bool(b) => write!(f, "{b}"),
            de::Unexpected::Unit => f.write_str("null"),
            de::Unexpected::Seq => f.write_str("a list"),
            de::Unexpected::Map => f.write_str("an object"),
            _ => f.write_str("another kind of value"),
        }
    }
}

/// Reads `value` into `T`.
pub fn from_value<T: de::DeserializeOwned>(value: JsValue) -> Result<T, Error> {
    T::deserialize(De(value))
}

/// One JavaScript value to read.
struct De(JsValue);

/// What a JavaScript value is, as serde sees it.
enum Js {
    Unit,
    Bool(bool),
    Unsigned(u64),
    Signed(i64),
    Float(f64),
    Text(String),
    List(js_sys::Array),
    /// An object's `[key, value]` pairs.
    Object(js_sys::Array),
    Other,
}

#[inline(never)]
fn not_json() -> Error {
    Error("a value that JSON cannot hold".into())
}

/// Sorts a value into a [`Js`]: whole numbers as integers, so that integer
/// fields take them.
#[inline(never)]
fn kind(v: JsValue) -> Js {
    if v.is_null() || v.is_undefined() {
        return Js::Unit;
    }
    if let Some(b) = v.as_bool() {
        return Js::Bool(b);
    }
    if let Some(n) = v.as_f64() {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        return match n {
            n if n.fract() == 0.0 && (0.0..=SAFE).contains(&n) => Js::Unsigned(n as u64),
            n if n.fract() == 0.0 && (-SAFE..0.0).contains(&n) => Js::Signed(n as i64),
            n => Js::Float(n),
        };
    }
    if let Some(s) = v.as_string() {
        return Js::Text(s);
    }
    if js_sys::Array::is_array(&v) {
        return Js::List(v.unchecked_into());
    }
    if v.is_object() {
        return Js::Object(js_sys::Object::entries(v.unchecked_ref()));
    }
    Js::Other
}

/// What a value is, for a message saying it is not what was expected.
fn unexpected(v: &Js) -> de::Unexpected<'_> {
    match v {
        Js::Unit => de::Unexpected::Unit,
        Js::Bool(b) => de::Unexpected::Bool(*b),
        Js::Unsigned(n) => de::Unexpected::Unsigned(*n),
        Js::Signed(n) => de::Unexpected::Signed(*n),
        Js::Float(n) => de::Unexpected::Float(*n),
        Js::Text(s) => de::Unexpected::Str(s),
        Js::List(_) => de::Unexpected::Seq,
        Js::Object(_) | Js::Other => de::Unexpected::Map,
    }
}

/// The largest integer a double holds exactly.
const SAFE: f64 = 9_007_199_254_740_991.0;

impl<'de> de::Deserializer<'de> for De {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        // One copy of this function is made for every type read: what kind
        // of value it is, which takes most of the code, is worked out once,
        // outside them (`kind`).
        match kind(self.0) {
            Js::Unit => visitor.visit_unit(),
            Js::Bool(b) => visitor.visit_bool(b),
            Js::Unsigned(n) => visitor.visit_u64(n),
            Js::Signed(n) => visitor.visit_i64(n),
            Js::Float(n) => visitor.visit_f64(n),
            Js::Text(s) => visitor.visit_string(s),
            Js::List(items) => visitor.visit_seq(Seq(items, 0)),
            Js::Object(entries) => visitor.visit_map(Map {
                entries,
                next: 0,
                value: None,
            }),
            // Not JSON (a function, a symbol): said once, not per type.
            Js::Other => Err(not_json()),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.0.is_null() || self.0.is_undefined() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        // "name" for a unit variant; { "name": content } otherwise.
        if let Some(s) = self.0.as_string() {
            return visitor.visit_enum(s.into_deserializer());
        }
        let entries = self
            .0
            .is_object()
            .then(|| js_sys::Object::entries(self.0.unchecked_ref()))
            .filter(|e| e.length() == 1)
            .ok_or_else(|| {
                de::Error::custom("expected a name, or an object with one key naming the choice")
            })?;
        let pair: js_sys::Array = entries.get(0).unchecked_into();
        visitor.visit_enum(Enum {
            name: pair.get(0).as_string().unwrap_or_default(),
            content: pair.get(1),
        })
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        // Only an object is read as a struct. serde's derived readers also
        // take a list of the fields in order, which no configuration uses
        // (the schema says object): offering it made a second reader of
        // every struct in the first module.
        match kind(self.0) {
            Js::Object(entries) => visitor.visit_map(Map {
                entries,
                next: 0,
                value: None,
            }),
            Js::Other => Err(not_json()),
            other => Err(de::Error::invalid_type(unexpected(&other), &visitor)),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    // Each reader below calls only the visitor methods its type can take,
    // and leaves a mismatch to one function that is not generic
    // (`mismatch`): through `deserialize_any`, every type read had a copy
    // of all eight visits, most of them building an error it never meets.

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match kind(self.0) {
            Js::Bool(b) => visitor.visit_bool(b),
            other => Err(mismatch(&other, &visitor)),
        }
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        number(self.0, visitor)
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        number(self.0, visitor)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        number(self.0, visitor)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match kind(self.0) {
            Js::Text(s) => visitor.visit_string(s),
            other => Err(mismatch(&other, &visitor)),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_string(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_string(visitor)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match kind(self.0) {
            Js::List(items) => visitor.visit_seq(Seq(items, 0)),
            other => Err(mismatch(&other, &visitor)),
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match kind(self.0) {
            Js::Object(entries) => visitor.visit_map(Map {
                entries,
                next: 0,
                value: None,
            }),
            other => Err(mismatch(&other, &visitor)),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match kind(self.0) {
            Js::Unit => visitor.visit_unit(),
            other => Err(mismatch(&other, &visitor)),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        // Whatever it holds is skipped.
        visitor.visit_unit()
    }

    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        number(self.0, visitor)
    }

    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        number(self.0, visitor)
    }

    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        number(self.0, visitor)
    }

    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        number(self.0, visitor)
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    serde::forward_to_deserialize_any! {
        i8 i16 i128 u128 f32 char bytes byte_buf unit_struct tuple_struct
    }
}

/// A number for a numeric type: whole ones as integers.
fn number<'de, V: Visitor<'de>>(v: JsValue, visitor: V) -> Result<V::Value, Error> {
    match kind(v) {
        Js::Unsigned(n) => visitor.visit_u64(n),
        Js::Signed(n) => visitor.visit_i64(n),
        Js::Float(n) => visitor.visit_f64(n),
        other => Err(mismatch(&other, &visitor)),
    }
}

/// A value of another kind than the type reads, in serde's words (as the
/// visitor's own refusal says it), or one JSON cannot hold.
#[inline(never)]
fn mismatch(found: &Js, expected: &dyn de::Expected) -> Error {
    match found {
        Js::Other => not_json(),
        other => de::Error::invalid_type(unexpected(other), expected),
    }
}

/// An array's items, and the index of the next.
struct Seq(js_sys::Array, u32);

impl<'de> de::SeqAccess<'de> for Seq {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        if self.1 >= self.0.length() {
            return Ok(None);
        }
        self.1 += 1;
        seed.deserialize(De(self.0.get(self.1 - 1))).map(Some)
    }
}

/// An object's entries, as `Object.entries` lists them.
struct Map {
    entries: js_sys::Array,
    next: u32,
    value: Option<JsValue>,
}

impl<'de> de::MapAccess<'de> for Map {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        if self.next >= self.entries.length() {
            return Ok(None);
        }
        let pair: js_sys::Array = self.entries.get(self.next).unchecked_into();
        self.next += 1;
        self.value = Some(pair.get(1));
        let key = pair.get(0).as_string().unwrap_or_default();
        seed.deserialize(key.into_deserializer()).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        seed.deserialize(De(self.value.take().unwrap_or(JsValue::UNDEFINED)))
    }
}

/// `{ "name": content }`, a choice with its content.
struct Enum {
    name: String,
    content: JsValue,
}

impl<'de> de::EnumAccess<'de> for Enum {
    type Error = Error;
    type Variant = De;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, De), Error> {
        let name = seed.deserialize(self.name.into_deserializer())?;
        Ok((name, De(self.content)))
    }
}

impl<'de> de::VariantAccess<'de> for De {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        seed.deserialize(self)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_any(self, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_any(self, visitor)
    }
}

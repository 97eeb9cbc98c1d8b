//! XML-RPC (xmlrpc.com/spec): values, method calls and responses, over reqwest. Only the wire
//! format; the MetaWeblog methods are in `metaweblog`.

use std::collections::BTreeMap;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use quick_xml::Reader;
use quick_xml::escape::{escape, resolve_predefined_entity};
use quick_xml::events::Event;

/// An XML-RPC value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Int(i64),
    Bool(bool),
    String(String),
    Double(f64),
    /// `dateTime.iso8601`, verbatim (servers disagree on its exact form).
    DateTime(String),
    Base64(Vec<u8>),
    Struct(BTreeMap<String, Value>),
    Array(Vec<Value>),
    Nil,
}

/// A method's answer: a value, or the server's fault.
#[derive(Debug, Clone, PartialEq)]
pub enum Response {
    Value(Value),
    Fault { code: i64, message: String },
}

impl Value {
    /// A struct from `(name, value)` pairs.
    pub fn structure<const N: usize>(members: [(&str, Value); N]) -> Value {
        Value::Struct(
            members
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v))
                .collect(),
        )
    }

    /// The member `name` of a struct.
    pub fn get(&self, name: &str) -> Option<&Value> {
        match self {
            Value::Struct(m) => m.get(name),
            _ => None,
        }
    }

    /// The text of a string (or of a number, which some servers send for ids).
    pub fn text(&self) -> Option<String> {
        match self {
            Value::String(s) | Value::DateTime(s) => Some(s.clone()),
            Value::Int(i) => Some(i.to_string()),
            _ => None,
        }
    }

    /// The member `name` as text, or "" when missing.
    pub fn text_of(&self, name: &str) -> String {
        self.get(name).and_then(Value::text).unwrap_or_default()
    }

    fn write(&self, out: &mut String) {
        out.push_str("<value>");
        match self {
            Value::Int(i) => out.push_str(&format!("<int>{i}</int>")),
            Value::Bool(b) => out.push_str(&format!("<boolean>{}</boolean>", u8::from(*b))),
            Value::String(s) => out.push_str(&format!("<string>{}</string>", escape(s))),
            Value::Double(d) => out.push_str(&format!("<double>{d}</double>")),
            Value::DateTime(s) => out.push_str(&format!(
                "<dateTime.iso8601>{}</dateTime.iso8601>",
                escape(s)
            )),
            Value::Base64(b) => out.push_str(&format!("<base64>{}</base64>", BASE64.encode(b))),
            Value::Struct(members) => {
                out.push_str("<struct>");
                for (name, value) in members {
                    out.push_str(&format!("<member><name>{}</name>", escape(name)));
                    value.write(out);
                    out.push_str("</member>");
                }
                out.push_str("</struct>");
            }
            Value::Array(items) => {
                out.push_str("<array><data>");
                for item in items {
                    item.write(out);
                }
                out.push_str("</data></array>");
            }
            Value::Nil => out.push_str("<nil/>"),
        }
        out.push_str("</value>");
    }
}

/// The body of a `methodCall`.
pub fn method_call(method: &str, params: &[Value]) -> String {
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<methodCall><methodName>{}</methodName><params>",
        escape(method)
    );
    for p in params {
        out.push_str("<param>");
        p.write(&mut out);
        out.push_str("</param>");
    }
    out.push_str("</params></methodCall>");
    out
}

/// How deep values may nest (arrays and structs within each other): far beyond any real
/// answer, far below what would exhaust the stack.
pub const MAX_DEPTH: usize = 64;

/// Parses a `methodResponse`: its one value, or its fault.
pub fn parse_response(xml: &str) -> Result<Response, String> {
    let mut reader = Reader::from_str(xml);
    let mut in_fault = false;
    loop {
        match reader.read_event().map_err(|e| e.to_string())? {
            Event::Start(e) if e.name().as_ref() == b"fault" => in_fault = true,
            Event::Start(e) if e.name().as_ref() == b"value" => {
                let value = parse_value(&mut reader, 0)?;
                return Ok(if in_fault {
                    fault(&value)
                } else {
                    Response::Value(value)
                });
            }
            Event::Eof => return Err("no value in the answer".into()),
            _ => {}
        }
    }
}

/// A fault's struct: `faultCode` and `faultString`.
fn fault(value: &Value) -> Response {
    Response::Fault {
        code: match value.get("faultCode") {
            Some(Value::Int(i)) => *i,
            Some(other) => other
                .text()
                .and_then(|t| t.trim().parse().ok())
                .unwrap_or(0),
            None => 0,
        },
        message: value.text_of("faultString"),
    }
}

/// Parses the inside of a `<value>` (just read) up to its `</value>`.
fn parse_value(reader: &mut Reader<&[u8]>, depth: usize) -> Result<Value, String> {
    if depth > MAX_DEPTH {
        return Err(format!("values nested deeper than {MAX_DEPTH}"));
    }
    let mut text = String::new();
    let mut value = None;
    loop {
        match reader.read_event().map_err(|e| e.to_string())? {
            Event::Start(e) => {
                let name = e.name().as_ref().to_vec();
                value = Some(match name.as_slice() {
                    b"struct" => parse_struct(reader, depth)?,
                    b"array" => parse_array(reader, depth)?,
                    b"nil" => {
                        end(reader, b"nil")?;
                        Value::Nil
                    }
                    scalar => {
                        let s = read_text(reader, scalar)?;
                        scalar_value(scalar, s)?
                    }
                });
            }
            Event::Empty(e) => {
                value = Some(match e.name().as_ref() {
                    b"nil" => Value::Nil,
                    b"string" => Value::String(String::new()),
                    other => scalar_value(other, String::new())?,
                })
            }
            Event::End(e) if e.name().as_ref() == b"value" => {
                // A value without a type element is a string.
                return Ok(value.unwrap_or(Value::String(text)));
            }
            Event::Eof => return Err("unexpected end inside a value".into()),
            other => push_text(&mut text, &other)?,
        }
    }
}

fn scalar_value(kind: &[u8], s: String) -> Result<Value, String> {
    let bad = |what: &str| format!("{what} {s:?} is not valid");
    Ok(match kind {
        b"i4" | b"int" | b"i8" => Value::Int(s.trim().parse().map_err(|_| bad("integer"))?),
        b"boolean" => Value::Bool(matches!(s.trim(), "1" | "true")),
        b"string" => Value::String(s),
        b"double" => Value::Double(s.trim().parse().map_err(|_| bad("double"))?),
        b"dateTime.iso8601" => Value::DateTime(s.trim().to_owned()),
        b"base64" => Value::Base64(
            BASE64
                .decode(s.split_whitespace().collect::<String>())
                .map_err(|_| bad("base64"))?,
        ),
        other => {
            return Err(format!(
                "unknown value type <{}>",
                String::from_utf8_lossy(other)
            ));
        }
    })
}

fn parse_struct(reader: &mut Reader<&[u8]>, depth: usize) -> Result<Value, String> {
    let mut members = BTreeMap::new();
    let mut name = String::new();
    loop {
        match reader.read_event().map_err(|e| e.to_string())? {
            Event::Start(e) if e.name().as_ref() == b"name" => name = read_text(reader, b"name")?,
            Event::Start(e) if e.name().as_ref() == b"value" => {
                members.insert(std::mem::take(&mut name), parse_value(reader, depth + 1)?);
            }
            Event::End(e) if e.name().as_ref() == b"struct" => return Ok(Value::Struct(members)),
            Event::Eof => return Err("unexpected end inside a struct".into()),
            _ => {}
        }
    }
}

fn parse_array(reader: &mut Reader<&[u8]>, depth: usize) -> Result<Value, String> {
    let mut items = Vec::new();
    loop {
        match reader.read_event().map_err(|e| e.to_string())? {
            Event::Start(e) if e.name().as_ref() == b"value" => {
                items.push(parse_value(reader, depth + 1)?)
            }
            Event::End(e) if e.name().as_ref() == b"array" => return Ok(Value::Array(items)),
            Event::Eof => return Err("unexpected end inside an array".into()),
            _ => {}
        }
    }
}

/// The text up to the end tag `name`.
fn read_text(reader: &mut Reader<&[u8]>, name: &[u8]) -> Result<String, String> {
    let mut text = String::new();
    loop {
        match reader.read_event().map_err(|e| e.to_string())? {
            Event::End(e) if e.name().as_ref() == name => return Ok(text),
            Event::Eof => return Err("unexpected end of the answer".into()),
            other => push_text(&mut text, &other)?,
        }
    }
}

/// Appends character data: text, CDATA, and entity or character references (`&amp;`, `&#25991;`).
fn push_text(text: &mut String, event: &Event<'_>) -> Result<(), String> {
    match event {
        Event::Text(t) => text.push_str(&t.decode().map_err(|e| e.to_string())?),
        Event::CData(t) => text.push_str(&String::from_utf8_lossy(t)),
        Event::GeneralRef(r) => {
            if let Some(c) = r.resolve_char_ref().map_err(|e| e.to_string())? {
                text.push(c);
            } else {
                let name = r.decode().map_err(|e| e.to_string())?;
                let resolved = resolve_predefined_entity(&name)
                    .ok_or_else(|| format!("unknown entity &{name};"))?;
                text.push_str(resolved);
            }
        }
        _ => {}
    }
    Ok(())
}

fn end(reader: &mut Reader<&[u8]>, name: &[u8]) -> Result<(), String> {
    read_text(reader, name).map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_call_round_trips_through_the_parser() {
        let value = Value::structure([
            ("title", Value::String("『三体』<&>".into())),
            ("n", Value::Int(-3)),
            ("ok", Value::Bool(true)),
            ("bits", Value::Base64(vec![0, 1, 2, 255])),
            ("when", Value::DateTime("20261201T09:00:00".into())),
            (
                "tags",
                Value::Array(vec![Value::String("SF".into()), Value::Nil]),
            ),
        ]);
        let call = method_call("x.y", std::slice::from_ref(&value));
        let answer = call
            .replace(
                "<methodCall><methodName>x.y</methodName><params>",
                "<methodResponse><params>",
            )
            .replace("</methodCall>", "</methodResponse>");
        assert_eq!(parse_response(&answer), Ok(Response::Value(value)));
    }

    #[test]
    fn a_deep_answer_is_refused_not_a_stack_overflow() {
        let deep = |n: usize| {
            format!(
                "<methodResponse><params><param><value>{}1{}</value></param></params></methodResponse>",
                "<array><data><value>".repeat(n),
                "</value></data></array>".repeat(n)
            )
        };
        assert!(parse_response(&deep(MAX_DEPTH)).is_ok());
        let e = parse_response(&deep(10_000)).unwrap_err();
        assert!(e.contains("deeper"), "{e}");
    }

    #[test]
    fn untyped_values_are_strings_and_faults_are_faults() {
        assert_eq!(
            parse_response(
                "<methodResponse><params><param><value>文</value></param></params></methodResponse>"
            ),
            Ok(Response::Value(Value::String("文".into())))
        );
        let fault = "<methodResponse><fault><value><struct><member><name>faultCode</name><value><int>403</int></value></member><member><name>faultString</name><value><string>Incorrect username or password.</string></value></member></struct></value></fault></methodResponse>";
        assert_eq!(
            parse_response(fault),
            Ok(Response::Fault {
                code: 403,
                message: "Incorrect username or password.".into()
            })
        );
        assert!(parse_response("<html>").is_err());
    }
}

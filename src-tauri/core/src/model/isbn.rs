//! ISBNs as authors type them (ISBN-10 or ISBN-13, with or without hyphens or spaces), checked
//! and kept as ISBN-13.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::Error;

/// A valid ISBN-13, digits only.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Isbn(String);

impl Isbn {
    /// The 13 digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The ISBN-10 of a 978 ISBN (979 ISBNs have none).
    pub fn isbn10(&self) -> Option<String> {
        let core = self.0.strip_prefix("978")?.get(..9)?;
        let sum: u32 = core
            .bytes()
            .zip((2..=10).rev())
            .map(|(d, w)| u32::from(d - b'0') * w)
            .sum();
        let check = (11 - sum % 11) % 11;
        let check = if check == 10 {
            'X'
        } else {
            char::from(b'0' + check as u8)
        };
        Some(format!("{core}{check}"))
    }
}

impl FromStr for Isbn {
    type Err = Error;

    fn from_str(typed: &str) -> Result<Isbn, Error> {
        let bad = || Error::BadIsbn {
            typed: typed.trim().to_owned(),
        };
        // Hyphens, spaces and a leading "ISBN" are how ISBNs are printed, not part of them;
        // full-width digits come from Japanese input methods.
        let trimmed = typed.trim();
        let trimmed = trimmed
            .strip_prefix("ISBN")
            .or_else(|| trimmed.strip_prefix("isbn"))
            .unwrap_or(trimmed)
            .trim_start_matches([':', '：', ' ']);
        let mut chars = String::new();
        for c in trimmed.chars() {
            match c {
                '-' | ' ' | '‐' | '－' | '−' | '\u{3000}' => {}
                '0'..='9' | 'X' | 'x' => chars.push(c.to_ascii_uppercase()),
                '０'..='９' => chars.push(char::from(b'0' + (c as u32 - '０' as u32) as u8)),
                'Ｘ' | 'ｘ' => chars.push('X'),
                _ => return Err(bad()),
            }
        }
        match chars.len() {
            13 if chars.bytes().all(|b| b.is_ascii_digit())
                && (chars.starts_with("978") || chars.starts_with("979"))
                && check13(&chars[..12]) == chars.as_bytes()[12] =>
            {
                Ok(Isbn(chars))
            }
            10 if chars[..9].bytes().all(|b| b.is_ascii_digit()) && check10(&chars) => {
                let core = format!("978{}", &chars[..9]);
                let check = char::from(check13(&core));
                Ok(Isbn(format!("{core}{check}")))
            }
            _ => Err(bad()),
        }
    }
}

/// The ISBN-13 check digit of 12 digits.
fn check13(digits: &str) -> u8 {
    let sum: u32 = digits
        .bytes()
        .enumerate()
        .map(|(i, d)| u32::from(d - b'0') * if i % 2 == 0 { 1 } else { 3 })
        .sum();
    b'0' + ((10 - sum % 10) % 10) as u8
}

/// Whether ten characters (nine digits and a digit or X) make a valid ISBN-10.
fn check10(chars: &str) -> bool {
    let sum: u32 = chars
        .bytes()
        .zip((1..=10).rev())
        .map(|(c, w)| match c {
            b'X' if w == 1 => 10,
            b'0'..=b'9' => u32::from(c - b'0'),
            _ => 1000,
        } * w)
        .sum();
    sum.is_multiple_of(11) && sum < 1000
}

impl TryFrom<String> for Isbn {
    type Error = Error;
    fn try_from(s: String) -> Result<Isbn, Error> {
        s.parse()
    }
}

impl From<Isbn> for String {
    fn from(isbn: Isbn) -> String {
        isbn.0
    }
}

impl fmt::Display for Isbn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_every_way_an_isbn_is_written_and_keeps_isbn_13() {
        let three_body = "9784152098702";
        for typed in [
            "9784152098702",
            "978-4-15-209870-2",
            "ISBN978-4-15-209870-2",
            "ISBN: 978 4 15 209870 2",
            "isbn 9784152098702",
            "４１５２０９８７０８",
            "4152098708",
            "4-15-209870-8",
            " 4-15-209870-8 ",
        ] {
            let isbn: Isbn = typed.parse().unwrap_or_else(|e| panic!("{typed}: {e}"));
            assert_eq!(isbn.as_str(), three_body, "{typed}");
        }
    }

    #[test]
    fn an_isbn_10_ending_in_x_and_a_979_isbn() {
        let isbn: Isbn = "0-8044-2957-X".parse().expect("X check digit");
        assert_eq!(isbn.as_str(), "9780804429573");
        assert_eq!(isbn.isbn10().as_deref(), Some("080442957X"));
        let isbn: Isbn = "979-10-90636-07-1".parse().expect("979");
        assert_eq!(isbn.isbn10(), None);
    }

    #[test]
    fn refuses_wrong_check_digits_lengths_and_letters() {
        for typed in [
            "",
            "9784152098703",  // wrong check digit
            "4152098707",     // wrong ISBN-10 check digit
            "978415209870",   // twelve digits
            "97841520987022", // fourteen
            "9774152098702",  // neither 978 nor 979
            "X152098708",     // X only as the last character
            "978415209870X",
            "三体",
            "978-4-15-209870-2a",
        ] {
            let e = typed.parse::<Isbn>().expect_err(typed);
            assert_eq!(e.code(), "bad_isbn", "{typed}");
        }
    }

    #[test]
    fn isbn_10_and_13_convert_both_ways() {
        for (ten, thirteen) in [
            ("4152098708", "9784152098702"),
            ("0306406152", "9780306406157"),
            ("4101010013", "9784101010014"),
        ] {
            let isbn: Isbn = ten.parse().expect(ten);
            assert_eq!(isbn.as_str(), thirteen);
            assert_eq!(isbn.isbn10().as_deref(), Some(ten));
        }
    }
}

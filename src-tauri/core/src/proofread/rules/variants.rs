//! 表記ゆれ: one word written two ways in one post (出来る and できる, 子供 and 子ども, ２ and 2).
//! Each place a word is written is recorded per block; across the post, the way used less
//! (the later one, on a tie) is flagged with the other as its fix.

use std::ops::Range;

use super::Found;
use crate::model::proofread::Rule;

/// Ways of writing one word, each a stem and what may follow it (empty: anything).
struct Word {
    ways: [&'static str; 2],
    /// The stem is a word only before one of these (出来る, not 出来事).
    before: &'static [&'static str],
}

const VERB: &[&str] = &[
    "る", "ない", "ます", "ませ", "た", "て", "れ", "ず", "なく", "よう",
];

const WORDS: [Word; 19] = [
    Word {
        ways: ["出来", "でき"],
        before: VERB,
    },
    Word {
        ways: ["子供", "子ども"],
        before: &[],
    },
    Word {
        ways: ["下さい", "ください"],
        before: &[],
    },
    Word {
        ways: ["頂", "いただ"],
        before: &["く", "き", "け", "い"],
    },
    Word {
        ways: ["沢山", "たくさん"],
        before: &[],
    },
    Word {
        ways: ["殆ど", "ほとんど"],
        before: &[],
    },
    Word {
        ways: ["全て", "すべて"],
        before: &[],
    },
    Word {
        ways: ["既に", "すでに"],
        before: &[],
    },
    Word {
        ways: ["又は", "または"],
        before: &[],
    },
    Word {
        ways: ["及び", "および"],
        before: &[],
    },
    Word {
        ways: ["様々", "さまざま"],
        before: &[],
    },
    Word {
        ways: ["色々", "いろいろ"],
        before: &[],
    },
    Word {
        ways: ["一緒", "いっしょ"],
        before: &[],
    },
    Word {
        ways: ["面白", "おもしろ"],
        before: &["い", "く", "か", "さ", "み"],
    },
    Word {
        ways: ["綺麗", "きれい"],
        before: &[],
    },
    Word {
        ways: ["素晴らし", "すばらし"],
        before: &[],
    },
    Word {
        ways: ["分か", "わか"],
        before: &["る", "ら", "り", "っ"],
    },
    Word {
        ways: ["易し", "やさし"],
        before: &[],
    },
    Word {
        ways: ["是非", "ぜひ"],
        before: &[],
    },
];

/// A place a word is written: which word, which way, where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(in crate::proofread) struct Spelling {
    pub word: Spelled,
    pub way: usize,
    pub range: Range<usize>,
}

/// Which word a spelling is of: one of [`WORDS`], or digits or Latin letters by width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::proofread) enum Spelled {
    Word(usize),
    Digits,
    Latin,
}

/// Where a paragraph writes one of the words (quotations left out).
pub(in crate::proofread) fn spellings(text: &str, own: impl Fn(usize) -> bool) -> Vec<Spelling> {
    let mut out = Vec::new();
    for (w, word) in WORDS.iter().enumerate() {
        for (way, stem) in word.ways.iter().enumerate() {
            for (at, _) in text.match_indices(stem) {
                let rest = &text[at + stem.len()..];
                if own(at)
                    && (word.before.is_empty() || word.before.iter().any(|b| rest.starts_with(b)))
                {
                    out.push(Spelling {
                        word: Spelled::Word(w),
                        way,
                        range: at..at + stem.len(),
                    });
                }
            }
        }
    }
    // Digits and Latin letters: a run of full-width ones (２０２６, ＳＦ) against half-width.
    let mut run: Option<(Spelled, usize, usize)> = None;
    for (at, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let kind = width_kind(c);
        if let Some((spelled, way, start)) = run
            && kind != Some((spelled, way))
        {
            if own(start) {
                out.push(Spelling {
                    word: spelled,
                    way,
                    range: start..at,
                });
            }
            run = None;
        }
        if let (None, Some((spelled, way))) = (run, kind) {
            run = Some((spelled, way, at));
        }
    }
    out
}

/// Digits and Latin letters by width: way 0 half-width, way 1 full-width.
fn width_kind(c: char) -> Option<(Spelled, usize)> {
    match c {
        '0'..='9' => Some((Spelled::Digits, 0)),
        '０'..='９' => Some((Spelled::Digits, 1)),
        'A'..='Z' | 'a'..='z' => Some((Spelled::Latin, 0)),
        'Ａ'..='Ｚ' | 'ａ'..='ｚ' => Some((Spelled::Latin, 1)),
        _ => None,
    }
}

/// The spellings of the post written the way it uses less, each with the other way as its fix.
/// `text_of` reads a range of the post (to turn ２０ into 20).
pub(in crate::proofread) fn mixed(
    spellings: &[Spelling],
    text_of: impl Fn(Range<usize>) -> String,
) -> Vec<Found> {
    let mut out = Vec::new();
    let mut done: Vec<Spelled> = Vec::new();
    for word in spellings.iter().map(|s| s.word) {
        if done.contains(&word) {
            continue;
        }
        done.push(word);
        let mut of_word: Vec<&Spelling> = spellings.iter().filter(|s| s.word == word).collect();
        of_word.sort_by_key(|s| s.range.start);
        let count = |way| of_word.iter().filter(|s| s.way == way).count();
        let (first, second) = (count(0), count(1));
        if first == 0 || second == 0 {
            continue;
        }
        let used_first = of_word.first().map_or(0, |s| s.way);
        let minority = match first.cmp(&second) {
            std::cmp::Ordering::Less => 0,
            std::cmp::Ordering::Greater => 1,
            std::cmp::Ordering::Equal => 1 - used_first,
        };
        for s in of_word.iter().filter(|s| s.way == minority) {
            let written = text_of(s.range.clone());
            let fix = match word {
                Spelled::Word(w) => WORDS[w].ways[1 - minority].to_owned(),
                Spelled::Digits | Spelled::Latin => match to_width(&written, minority == 0) {
                    Some(fix) => fix,
                    None => continue,
                },
            };
            out.push(
                Found::new(Rule::Variants, s.range.clone())
                    .with("why", "other")
                    .with("text", &written)
                    .with("fix", &fix)
                    .fix(fix),
            );
        }
    }
    out
}

/// Digits and Latin letters in the other width: to full-width when `wide`, else half-width;
/// `None` when `text` holds anything else.
fn to_width(text: &str, wide: bool) -> Option<String> {
    const OFFSET: u32 = 0xFF21 - 0x41; // Ａ - A, the same for digits and a-z
    let from = usize::from(!wide);
    text.chars()
        .map(|c| match width_kind(c) {
            Some((_, way)) if way == from => char::from_u32(if wide {
                u32::from(c) + OFFSET
            } else {
                u32::from(c) - OFFSET
            }),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::tests::{fixed, not_flagged};
    use crate::model::proofread::Rule;

    #[test]
    fn the_less_used_way_is_flagged_with_the_other_as_its_fix() {
        fixed(Rule::Variants, "出来る。できる。できない。", "出来", "でき");
        fixed(Rule::Variants, "子ども向け。子供の本。", "子供", "子ども");
        fixed(Rule::Variants, "2026年の１２月、3日。", "１２", "12");
        fixed(Rule::Variants, "ＳＦとSF", "SF", "ＳＦ");
    }

    #[test]
    fn one_way_throughout_or_another_word_is_not_flagged() {
        not_flagged(
            Rule::Variants,
            "出来事があった。できる。できない。子どもと子どもの本。",
        );
        not_flagged(Rule::Variants, "2026年12月3日、SFを読む。");
    }

    #[test]
    fn a_letter_written_as_an_entity_or_behind_escapes_is_not_counted() {
        // The preview reads `&#x41;` as A, but the author did not write an A there: a fix
        // would have replaced the whole line.
        not_flagged(Rule::Variants, "ＡＢＣ。ＤＥ。&#x41;と&#x42;。");
        not_flagged(Rule::Variants, "１２。３４。&#x31;。");
        not_flagged(Rule::Variants, "子どもと子ども。&#x5b50;供の本。");
        // Found by the fuzz smoke: half-width text behind escaped backslashes.
        crate::proofread::check(
            "# 『プログラミングRust 第2版』を読んだ\n\nRustの所有権を体系的に学ぶな~ら、仗ログラミングRust\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\u{1}\0\0\0\0\0\u{1}\"\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\2\\\\\\\\\\X\\\\\\\\\\\\\\\\oX\\\\\\\\\\\\\\\\\\\\\\\\ 第3版は私は今日は休みます。子供䁨子ども\u{2002}見子供䁨子ども。見れる㺂ないことはない。ですです。ｶﾅ。コＯ今日は休みます뀂子",
            &crate::model::proofread::ProofreadSettings::default(),
        );
    }
}

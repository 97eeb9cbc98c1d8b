//! Wording a careful editor would mark: ら抜き言葉, 二重否定, a particle twice in a clause, a
//! word typed twice. None needs a dictionary: each is a list of forms or the shape of the text
//! around a particle. Quotations (「…」) are someone else's words and are left alone.

use std::ops::Range;

use super::Found;
use crate::model::proofread::Rule;
use crate::proofread::sentences::is_quoted;

/// Stems of 一段 verbs (and 来る) whose potential takes られる: 見(られる), 食べ(られる).
const RA_NUKI_STEMS: [&str; 48] = [
    "見",
    "来",
    "着",
    "寝",
    "出",
    "居",
    "似",
    "煮",
    "食べ",
    "起き",
    "生き",
    "借り",
    "降り",
    "落ち",
    "信じ",
    "感じ",
    "考え",
    "教え",
    "覚え",
    "答え",
    "変え",
    "決め",
    "止め",
    "辞め",
    "始め",
    "調べ",
    "並べ",
    "比べ",
    "投げ",
    "逃げ",
    "受け",
    "続け",
    "見つけ",
    "助け",
    "避け",
    "捨て",
    "建て",
    "育て",
    "浴び",
    "閉じ",
    "任せ",
    "見せ",
    "乗せ",
    "着替え",
    "数え",
    "伝え",
    "耐え",
    "たべ",
];
/// What follows れ in a potential: 見れる, 見れない, 見れます, 見れた (見れば is right).
const RA_NUKI_ENDINGS: [&str; 7] = ["る", "ない", "なかった", "ます", "ません", "た", "て"];

/// Two negatives that say a hedged positive.
const DOUBLE_NEGATIVES: [&str; 10] = [
    "ないことはない",
    "ないこともない",
    "ないわけではない",
    "ないわけでもない",
    "なくはない",
    "なくもない",
    "ないではない",
    "ないとは限らない",
    "ないとも限らない",
    "ないとはいえない",
];

/// Particles a clause rarely needs twice (の, も, や, か, と are often repeated on purpose).
const PARTICLES: [char; 3] = ['が', 'を', 'は'];
/// Particles that are never right twice in a row.
const REPEATED: [&str; 4] = ["をを", "がが", "にに", "のの"];

/// Endings a slip of the keyboard or the input method types twice.
const DOUBLED_ENDINGS: [&str; 9] = [
    "です",
    "ました",
    "でした",
    "ません",
    "ので",
    "という",
    "である",
    "だった",
    "けれど",
];

/// Runs every wording rule over a paragraph.
pub(in crate::proofread) fn check(text: &str, quoted: &[Range<usize>], found: &mut Vec<Found>) {
    let own = |at: usize| !is_quoted(quoted, at);
    ra_nuki(text, &own, found);
    for pattern in DOUBLE_NEGATIVES {
        for (at, m) in text.match_indices(pattern).filter(|&(at, _)| own(at)) {
            found.push(Found::new(Rule::DoubleNegative, at..at + m.len()).with("text", m));
        }
    }
    doubled_particles(text, &own, found);
    doubled_words(text, &own, found);
}

fn ra_nuki(text: &str, own: &impl Fn(usize) -> bool, found: &mut Vec<Found>) {
    for stem in RA_NUKI_STEMS {
        for (at, _) in text.match_indices(stem).filter(|&(at, _)| own(at)) {
            let after = &text[at + stem.len()..];
            let Some(rest) = after.strip_prefix('れ') else {
                continue;
            };
            // 出来れ… is 出来る's own (出来れば); 入れる, 切れる are other verbs.
            if stem == "来" && text[..at].ends_with('出') {
                continue;
            }
            let Some(ending) = RA_NUKI_ENDINGS
                .iter()
                .filter(|e| rest.starts_with(*e))
                .max_by_key(|e| e.len())
            else {
                continue;
            };
            let end = at + stem.len() + 'れ'.len_utf8() + ending.len();
            let word = &text[at..end];
            let fix = format!("{stem}られ{ending}");
            found.push(
                Found::new(Rule::RaNuki, at..end)
                    .with("text", word)
                    .with("fix", &fix)
                    .fix(fix),
            );
        }
    }
}

fn is_hiragana(c: char) -> bool {
    ('\u{3041}'..='\u{309F}').contains(&c)
}

fn doubled_particles(text: &str, own: &impl Fn(usize) -> bool, found: &mut Vec<Found>) {
    for pair in REPEATED {
        for (at, m) in text.match_indices(pair).filter(|&(at, _)| own(at)) {
            if pair == "のの"
                && (text[at + m.len()..].starts_with('し') || text[..at].ends_with('も'))
            {
                continue; // ののしる, ものの
            }
            let one = &pair[..pair.len() / 2];
            found.push(
                Found::new(Rule::DoubledParticle, at..at + m.len())
                    .with("particle", one)
                    .fix(one.to_owned()),
            );
        }
    }
    // A particle stands between two words: not hiragana on either side (私は今日は). Any other
    // hiragana between two of them is a predicate's ending (手紙を書いた理由を), a clause of its
    // own, so the count starts again; so does punctuation.
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut seen: Vec<(char, usize)> = Vec::new();
    for (k, &(at, c)) in chars.iter().enumerate() {
        if matches!(
            c,
            '、' | '。' | '，' | '！' | '？' | '\n' | '「' | '」' | '（' | '）'
        ) {
            seen.clear();
            continue;
        }
        let before = k.checked_sub(1).map(|i| chars[i].1);
        let after = chars.get(k + 1).map(|&(_, c)| c);
        let between_words = before.is_some_and(|b| !is_hiragana(b) && !b.is_whitespace())
            && after.is_some_and(|a| {
                !is_hiragana(a) && !a.is_whitespace() && !a.is_ascii_punctuation()
            });
        if !(PARTICLES.contains(&c) && between_words) {
            if is_hiragana(c) {
                seen.clear();
            }
            continue;
        }
        if !own(at) {
            continue;
        }
        if let Some(&(_, first)) = seen.iter().find(|(p, _)| *p == c) {
            found.push(
                Found::new(Rule::DoubledParticle, at..at + c.len_utf8())
                    .with("particle", c)
                    .with("first", &text[first..at + c.len_utf8()]),
            );
        } else {
            seen.push((c, at));
        }
    }
}

fn doubled_words(text: &str, own: &impl Fn(usize) -> bool, found: &mut Vec<Found>) {
    for ending in DOUBLED_ENDINGS {
        let twice = ending.repeat(2);
        for (at, _) in text.match_indices(&twice).filter(|&(at, _)| own(at)) {
            found.push(
                Found::new(Rule::DoubledWord, at..at + twice.len())
                    .with("word", ending)
                    .fix((*ending).to_owned()),
            );
        }
    }
    // English: a word, spaces, the same word (the the).
    let words: Vec<(usize, &str)> = words(text);
    for pair in words.windows(2) {
        let ((a_at, a), (b_at, b)) = (pair[0], pair[1]);
        let between = &text[a_at + a.len()..b_at];
        if a.eq_ignore_ascii_case(b)
            && !between.is_empty()
            && between.chars().all(|c| c == ' ')
            && own(a_at)
        {
            found.push(
                Found::new(Rule::DoubledWord, a_at..b_at + b.len())
                    .with("word", a)
                    .fix(a.to_owned()),
            );
        }
    }
    // A run of two or more kanji typed twice in a row (本書本書); 人々, 何度も何度も are not.
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let run = chars[i..].iter().take_while(|(_, c)| is_kanji(*c)).count();
        let mut flagged = false;
        for len in (2..=run / 2).rev() {
            if (0..len).all(|k| chars[i + k].1 == chars[i + len + k].1) && own(chars[i].0) {
                let end = chars.get(i + 2 * len).map_or(text.len(), |&(at, _)| at);
                let half = chars[i + len].0;
                found.push(
                    Found::new(Rule::DoubledWord, chars[i].0..end)
                        .with("word", &text[chars[i].0..half])
                        .fix(text[chars[i].0..half].to_owned()),
                );
                flagged = true;
                break;
            }
        }
        i += if flagged || run == 0 { 1.max(run) } else { 1 };
    }
}

fn is_kanji(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c)
}

/// ASCII words and where they start.
fn words(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (c.is_ascii_alphabetic(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tests::{fixed, flagged, not_flagged};
    use crate::model::proofread::Rule;

    #[test]
    fn ra_nuki_is_flagged_with_its_fix_and_right_forms_are_not() {
        fixed(
            Rule::RaNuki,
            "朝早く起きれない。",
            "起きれない",
            "起きられない",
        );
        fixed(Rule::RaNuki, "映画を見れる日", "見れる", "見られる");
        fixed(Rule::RaNuki, "明日も来れますか", "来れます", "来られます");
        not_flagged(
            Rule::RaNuki,
            "時間があれば見れば分かる。出来れば来てほしい。手に入れる。",
        );
        not_flagged(
            Rule::RaNuki,
            "見られる。食べられない。彼は「見れる」と言った。",
        );
    }

    #[test]
    fn double_negatives_are_flagged() {
        flagged(
            Rule::DoubleNegative,
            "面白くないことはない。",
            "ないことはない",
        );
        flagged(Rule::DoubleNegative, "分からなくもない", "なくもない");
        not_flagged(Rule::DoubleNegative, "面白くない。読む必要はない。");
    }

    #[test]
    fn a_particle_twice_in_a_clause_or_in_a_row_is_flagged() {
        flagged(Rule::DoubledParticle, "私は今日は休む。", "は");
        flagged(Rule::DoubledParticle, "彼が本が好きだ。", "が");
        fixed(Rule::DoubledParticle, "本のの表紙", "のの", "の");
        not_flagged(
            Rule::DoubledParticle,
            "私は、今日は休む。本を読むのを止めた。彼をののしる。短いものの、濃い。",
        );
        not_flagged(Rule::DoubledParticle, "はははと笑った。これはいい。");
        not_flagged(
            Rule::DoubledParticle,
            "手紙を書いた理由を考えた。自分が好きな本が並ぶ。",
        );
    }

    #[test]
    fn a_word_typed_twice_is_flagged() {
        fixed(Rule::DoubledWord, "良い本ですです。", "ですです", "です");
        fixed(Rule::DoubledWord, "I read the the book.", "the the", "the");
        fixed(Rule::DoubledWord, "本書本書は名作。", "本書本書", "本書");
        not_flagged(
            Rule::DoubledWord,
            "何度も何度も読んだ。人々は時々ドキドキした。ますます面白い。that is that.",
        );
    }
}

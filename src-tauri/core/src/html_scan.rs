//! HTML read as a stream of tags and text with html5ever's tokenizer (no tree is built): an
//! embedded page's metadata, a blog page's stylesheets, the blocks of a blog's own HTML.

use html5ever::tendril::{SliceExt, StrTendril};
use html5ever::tokenizer::{BufferQueue, Tag, Token, TokenSink, TokenSinkResult, Tokenizer};

/// What a scan does with each tag and each run of text, in document order.
pub(crate) trait TagsAndText {
    /// A start or end tag; the answer may switch the tokenizer to raw text (a `<style>`).
    fn tag(&self, tag: &Tag) -> TokenSinkResult<()>;
    /// Text between tags.
    fn text(&self, text: &StrTendril);
}

/// Feeds `html` through `reader` and gives it back.
pub(crate) fn scan<R: TagsAndText>(html: &str, reader: R) -> R {
    let input = BufferQueue::default();
    input.push_back(html.to_tendril());
    let tokenizer = Tokenizer::new(Sink(reader), Default::default());
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.0
}

struct Sink<R>(R);

impl<R: TagsAndText> TokenSink for Sink<R> {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        match token {
            Token::TagToken(tag) => self.0.tag(&tag),
            Token::CharacterTokens(text) => {
                self.0.text(&text);
                TokenSinkResult::Continue
            }
            _ => TokenSinkResult::Continue,
        }
    }
}

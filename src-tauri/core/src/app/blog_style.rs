//! The blog's own look for the preview (see `crate::blog_style`).

use crate::blog_style;
use crate::error::{Error, Result};
use crate::model::blog::{BlogId, BlogStyle, BlogStyleFrame};
use crate::store::now_ms;
use crate::{accounts, publish};

use super::App;

impl App {
    /// The preview's frame in the blog's look as last read (no network); `None` if never read.
    pub fn blog_style_frame(&self, blog: BlogId) -> Result<Option<BlogStyleFrame>> {
        let store = self.reader()?;
        let kind = store
            .blog(blog)?
            .ok_or_else(|| Error::BlogNotFound(blog.to_string()))?
            .kind;
        Ok(store.blog_style(blog)?.map(|style| frame(kind, style)))
    }

    /// Reads the blog's look from a public page of it, keeps it, and answers the frame.
    pub async fn read_blog_style(&self, blog: BlogId) -> Result<BlogStyleFrame> {
        let (blog, secret) = accounts::blog_with_secret(&mut self.connection()?, blog)?;
        let page = publish::public_page(&blog, &secret).await?;
        let style = BlogStyle {
            css: blog_style::read(&page).await?,
            page,
            read_at: now_ms(),
        };
        self.writer().keep_blog_style(blog.id, &style)?;
        Ok(frame(blog.kind, style))
    }
}

fn frame(kind: crate::model::blog::BlogKind, style: BlogStyle) -> BlogStyleFrame {
    BlogStyleFrame {
        document: blog_style::frame_document(kind, &style.css),
        blocks_id: blog_style::BLOCKS_ID.to_owned(),
        page: style.page,
        read_at: style.read_at,
    }
}

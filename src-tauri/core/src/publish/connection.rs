//! A connection to a blog of any kind: the one place that matches on [`BlogKind`].

use super::hatena::Hatena;
use super::metaweblog::MetaWeblog;
use super::wordpress::WordPress;
use super::{OutgoingPost, Publisher, RemoteMedia, RemotePost, RemoteStatus};
use crate::error::Result;
use crate::image::Image;
use crate::model::blog::{Blog, BlogAuth, BlogKind};

/// Opens a checked connection to a blog account: [`Network`] for the blogs themselves; the
/// workflow and queue tests hand in a blog held in memory, which can also be down.
pub trait Connector: Sync {
    /// The connection it opens.
    type Connection: Publisher + Sync;

    /// Connects to `blog` with its secret and checks the credentials.
    fn connect(
        &self,
        blog: &Blog,
        secret: &str,
    ) -> impl Future<Output = Result<Self::Connection>> + Send;
}

/// The blogs themselves, over the network, each with its kind's protocol.
pub struct Network;

impl Connector for Network {
    type Connection = Connection;

    async fn connect(&self, blog: &Blog, secret: &str) -> Result<Connection> {
        Connection::resume(blog, secret).await
    }
}

/// A checked connection to one blog.
pub enum Connection {
    WordPress(WordPress),
    MetaWeblog(MetaWeblog),
    Hatena(Hatena),
}

impl Connection {
    /// Connects with the blog kind's protocol and checks the credentials.
    pub async fn open(
        kind: BlogKind,
        auth: BlogAuth,
        site_url: &str,
        user: &str,
        secret: &str,
    ) -> Result<Connection> {
        Ok(match kind {
            BlogKind::WordPress => {
                Connection::WordPress(WordPress::connect(site_url, user, secret).await?)
            }
            BlogKind::MetaWeblog => {
                Connection::MetaWeblog(MetaWeblog::connect(site_url, user, secret).await?)
            }
            BlogKind::Hatena => {
                Connection::Hatena(Hatena::connect(site_url, user, secret, auth).await?)
            }
        })
    }

    /// Connects to a blog added before (its credentials checked then). A WordPress makes no
    /// request of its own: its REST root is remembered and its first call checks the
    /// password, a round trip less for each publish. The others connect as [`Connection::open`].
    pub async fn resume(blog: &Blog, secret: &str) -> Result<Connection> {
        match blog.kind {
            BlogKind::WordPress => Ok(Connection::WordPress(
                WordPress::open(&blog.site_url, &blog.user, secret).await?,
            )),
            _ => Connection::open(blog.kind, blog.auth, &blog.site_url, &blog.user, secret).await,
        }
    }
}

/// Calls the same method on whichever kind this is.
macro_rules! each {
    ($self:ident, $c:ident => $call:expr) => {
        match $self {
            Connection::WordPress($c) => $call.await,
            Connection::MetaWeblog($c) => $call.await,
            Connection::Hatena($c) => $call.await,
        }
    };
}

impl Publisher for Connection {
    async fn create_post(&self, post: &OutgoingPost, since: jiff::Timestamp) -> Result<RemotePost> {
        each!(self, c => c.create_post(post, since))
    }

    async fn update_post(&self, id: &str, post: &OutgoingPost) -> Result<RemotePost> {
        each!(self, c => c.update_post(id, post))
    }

    async fn fetch_post(&self, id: &str) -> Result<RemotePost> {
        each!(self, c => c.fetch_post(id))
    }

    async fn set_status(&self, id: &str, status: RemoteStatus) -> Result<RemotePost> {
        each!(self, c => c.set_status(id, status))
    }

    async fn delete_post(&self, id: &str) -> Result<()> {
        each!(self, c => c.delete_post(id))
    }

    async fn upload_media(&self, image: &Image) -> Result<RemoteMedia> {
        each!(self, c => c.upload_media(image))
    }

    async fn find_created(
        &self,
        post: &OutgoingPost,
        since: jiff::Timestamp,
    ) -> Result<Option<RemotePost>> {
        each!(self, c => c.find_created(post, since))
    }

    async fn categories(&self) -> Result<Vec<String>> {
        each!(self, c => c.categories())
    }

    async fn list_posts(&self) -> Result<Vec<RemotePost>> {
        each!(self, c => c.list_posts())
    }

    async fn public_page(&self) -> Result<Option<String>> {
        each!(self, c => c.public_page())
    }
}

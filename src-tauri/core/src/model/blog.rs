//! Blogs the author publishes to, and the record of what each draft became there.

use serde::Serialize;

use crate::model::draft::{DraftId, Millis};

/// A blog's database id.
pub type BlogId = i64;

/// The protocols Fumi publishes with.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
pub enum BlogKind {
    /// WordPress through its REST API and an application password.
    #[serde(rename = "wordpress")]
    WordPress,
    /// MetaWeblog over XML-RPC (WordPress's `/xmlrpc.php`, Movable Type, older hosts).
    #[serde(rename = "metaweblog")]
    MetaWeblog,
    /// Hatena Blog through AtomPub (WSSE), images through Hatena Fotolife.
    #[serde(rename = "hatena")]
    Hatena,
}

impl BlogKind {
    /// The value stored in the database and typed on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            BlogKind::WordPress => "wordpress",
            BlogKind::MetaWeblog => "metaweblog",
            BlogKind::Hatena => "hatena",
        }
    }

    /// Parses a stored or typed kind.
    pub fn parse(s: &str) -> Option<BlogKind> {
        match s {
            "wordpress" => Some(BlogKind::WordPress),
            "metaweblog" => Some(BlogKind::MetaWeblog),
            "hatena" => Some(BlogKind::Hatena),
            _ => None,
        }
    }
}

/// How Fumi authenticates, where a blog's protocol offers a choice.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlogAuth {
    /// The protocol's usual scheme (Hatena: WSSE).
    #[default]
    Default,
    /// HTTP Basic (Hatena accepts the Hatena ID and API key; https, or loopback, only).
    Basic,
}

impl BlogAuth {
    /// The value stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            BlogAuth::Default => "default",
            BlogAuth::Basic => "basic",
        }
    }

    /// Parses a stored value; unknown values fall back to the default scheme.
    pub fn parse(s: &str) -> BlogAuth {
        match s {
            "basic" => BlogAuth::Basic,
            _ => BlogAuth::Default,
        }
    }
}

/// A blog account (its secret is in the OS keychain, not here).
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Blog {
    pub id: BlogId,
    /// The author's short name for it, unique.
    pub name: String,
    pub kind: BlogKind,
    pub site_url: String,
    pub user: String,
    pub auth: BlogAuth,
    pub created_at: Millis,
    /// The name of its keychain entry, random per blog and data folder; `None` for a blog added
    /// before such names, whose entry is renamed on first use.
    #[serde(skip)]
    pub secret_key: Option<String>,
}

/// What a draft became on a blog.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Publication {
    pub draft_id: DraftId,
    pub blog_id: BlogId,
    /// The blog's id for the post; `None` until a publish succeeded.
    pub remote_id: Option<String>,
    pub remote_url: Option<String>,
    /// Hash of the title, HTML and status last sent successfully.
    pub content_hash: Option<String>,
    /// The blog's modification time right after that send.
    // jiff serializes a timestamp as an RFC 3339 string.
    #[cfg_attr(feature = "bindings", specta(type = Option<String>))]
    pub remote_modified: Option<jiff::Timestamp>,
    /// Hash of the title and body the blog stored then: an edit on the web changes it even
    /// within the same second (modification times have one-second resolution).
    pub remote_hash: Option<String>,
    pub published_at: Option<Millis>,
    /// Why the last attempt failed; `None` after a success.
    pub last_error: Option<crate::message::Said>,
    /// When a create was sent whose answer has not arrived (cleared by the answer).
    pub create_started_at: Option<Millis>,
    /// Where the post stood on the blog after the last publish.
    pub remote_status: Option<crate::model::post::PostState>,
    /// Fingerprints (space-separated) of an update sent whose answer never came.
    pub update_sent: Option<String>,
}

/// A blog's category names, offered while the author types the post's categories.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BlogCategories {
    /// As the blog last listed them (empty if never read).
    pub names: Vec<String>,
    /// Never read, or read more than an hour ago: worth reading again.
    pub stale: bool,
}

/// A blog's look as last read: its stylesheets, and the page they came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlogStyle {
    pub page: String,
    pub css: String,
    pub read_at: crate::model::draft::Millis,
}

/// The preview's frame in a blog's look, for the window.
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BlogStyleFrame {
    /// The frame's whole document: the blog's CSS, its theme's markup, no script.
    pub document: String,
    /// The id of the element the preview's blocks go in.
    pub blocks_id: String,
    /// The page the look was read from.
    pub page: String,
    pub read_at: crate::model::draft::Millis,
}

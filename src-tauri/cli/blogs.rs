//! `fumi blogs …`: accounts (secrets read from standard input or typed, never arguments).

use std::fmt;

use clap::Subcommand;
use fumi_core::{App, Blog, BlogAuth, BlogKind, Error, args};

use super::{block_on, input, print, say};

#[derive(Subcommand)]
pub enum BlogsCommand {
    /// Add a blog after checking its address and password. The application password is read
    /// from standard input (or asked for at a terminal), never from the command line.
    Add {
        /// A short name for the blog, used by `fumi publish --blog`.
        name: String,
        /// The blog's home page, e.g. https://example.com/ (Hatena: the AtomPub root,
        /// https://blog.hatena.ne.jp/ID/BLOG/atom).
        #[arg(long)]
        url: String,
        #[arg(long)]
        user: String,
        #[arg(long, value_enum, default_value = "wordpress")]
        kind: KindArg,
        /// Hatena only: sign in with HTTP Basic instead of WSSE (https addresses only).
        #[arg(long)]
        basic_auth: bool,
    },
    /// List blogs: name, kind, user, address.
    List,
    /// Check that a blog answers and accepts its password.
    Test { name: String },
    /// List the blog's categories, one per line (new names may be used in `categories:` too).
    Categories { name: String },
    /// Remove a blog and its password (its posts stay on the blog).
    Remove { name: String },
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum KindArg {
    /// WordPress's REST API (application password).
    Wordpress,
    /// MetaWeblog over XML-RPC (`/xmlrpc.php`; WordPress, Movable Type, older hosts).
    Metaweblog,
    /// Hatena Blog: --url is the AtomPub root (https://blog.hatena.ne.jp/ID/BLOG/atom), --user
    /// the Hatena ID, the secret the API key (blog settings › 詳細設定 › AtomPub).
    Hatena,
}

pub(super) fn run(app: &App, command: BlogsCommand) -> Result<(), Error> {
    match command {
        BlogsCommand::Add {
            name,
            url,
            user,
            kind,
            basic_auth,
        } => {
            let auth = if basic_auth {
                BlogAuth::Basic
            } else {
                BlogAuth::Default
            };
            let kind = match kind {
                KindArg::Wordpress => BlogKind::WordPress,
                KindArg::Metaweblog => BlogKind::MetaWeblog,
                KindArg::Hatena => BlogKind::Hatena,
            };
            // The name is checked before the author types a password for nothing.
            fumi_core::accounts::check_name_free(&*app.reader()?, &name)?;
            let secret = input::secret()?;
            let blog = block_on(app.add_blog(&name, kind, auth, &url, &user, &secret))?;
            print(&format!(
                "{}\n",
                say(
                    "cli-added",
                    &args! { "name" => blog.name, "url" => blog.site_url, "user" => blog.user }
                )
            ))
        }
        BlogsCommand::List => print(&Blogs(app.blogs()?)),
        BlogsCommand::Test { name } => {
            let blog = app.blog_named(&name)?;
            block_on(app.test_blog(blog.id))?;
            print(&format!(
                "{}\n",
                say("cli-answers", &args! { "name" => blog.name })
            ))
        }
        BlogsCommand::Categories { name } => {
            let blog = app.blog_named(&name)?;
            let names = block_on(app.read_blog_categories(blog.id))?;
            print(&names.iter().map(|n| format!("{n}\n")).collect::<String>())
        }
        BlogsCommand::Remove { name } => app.remove_blog(app.blog_named(&name)?.id),
    }
}

/// Blogs, one per line: name, kind, user, address.
struct Blogs(Vec<Blog>);

impl fmt::Display for Blogs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for b in &self.0 {
            writeln!(
                f,
                "{}\t{}\t{}\t{}",
                b.name,
                b.kind.as_str(),
                b.user,
                b.site_url
            )?;
        }
        Ok(())
    }
}

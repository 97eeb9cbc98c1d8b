//! Blog accounts: the row in the database and the secret in the OS keychain, kept in step.

use crate::blog::{Blog, BlogKind};
use crate::error::{Error, Result};
use crate::keychain;
use crate::store::Store;

/// Stores a blog account whose connection was tested: the row, then its secret in the keychain.
/// Without its secret there is no account: a keychain failure removes the row again.
pub fn save_blog(
    store: &mut Store,
    name: &str,
    kind: BlogKind,
    site_url: &str,
    user: &str,
    secret: &str,
) -> Result<Blog> {
    let blog = store.add_blog(name, kind, site_url, user)?;
    if let Err(e) = keychain::save_secret(blog.id, secret) {
        let _ = store.remove_blog(blog.id);
        return Err(e);
    }
    Ok(blog)
}

/// Refuses a name already in use, before the author waits for a connection test.
pub fn check_name_free(store: &Store, name: &str) -> Result<()> {
    if name.trim().is_empty() {
        return Err(Error::BlogNameEmpty);
    }
    match store.blog_by_name(name)? {
        Some(_) => Err(Error::BlogNameTaken(name.to_owned())),
        None => Ok(()),
    }
}

/// Removes a blog account and its secret (its posts stay on the blog).
pub fn remove_blog(store: &mut Store, blog: &Blog) -> Result<()> {
    keychain::delete_secret(blog.id)?;
    store.remove_blog(blog.id)
}

/// A blog and its secret, ready to publish with.
pub fn blog_with_secret(store: &Store, blog_id: i64) -> Result<(Blog, String)> {
    let blog = store
        .blog(blog_id)?
        .ok_or_else(|| Error::BlogNotFound(blog_id.to_string()))?;
    let secret = keychain::load_secret(blog.id)?;
    Ok((blog, secret))
}

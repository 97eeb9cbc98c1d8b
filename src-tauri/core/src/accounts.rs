//! Blog accounts: the row in the database and the secret in the OS keychain, kept in step.

use crate::error::{Error, Result};
use crate::keychain;
use crate::model::blog::{Blog, BlogAuth, BlogKind};
use crate::paths;
use crate::publish::origin::BlogOrigin;
use crate::store::Store;

/// Stores a blog account whose connection was tested: the row, then its secret in the keychain
/// under a new random key, bound to the site's origin. Without its secret there is no account:
/// a keychain failure removes the row again.
pub fn save_blog(
    store: &mut Store,
    name: &str,
    kind: BlogKind,
    auth: BlogAuth,
    site_url: &str,
    user: &str,
    secret: &str,
) -> Result<Blog> {
    let origin = BlogOrigin::of(site_url)?.to_string();
    let key = keychain::new_key()?;
    let blog = store.add_blog_signing_in(name, kind, auth, site_url, user, &key)?;
    if let Err(e) = keychain::save_secret(&key, &origin, secret) {
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
    match &blog.secret_key {
        Some(key) => keychain::delete_secret(key)?,
        None if is_default_data_folder(store) => keychain::delete_legacy_secret(blog.id)?,
        None => {}
    }
    store.remove_blog(blog.id)
}

/// A blog and its secret, ready to publish with.
pub fn blog_with_secret(store: &mut Store, blog_id: i64) -> Result<(Blog, String)> {
    let blog = store
        .blog(blog_id)?
        .ok_or_else(|| Error::BlogNotFound(blog_id.to_string()))?;
    let secret = secret(store, &blog)?;
    Ok((blog, secret))
}

/// A blog's secret from the keychain, refused unless it was stored for the blog's own origin.
///
/// A blog added before entries had random keys has its secret under its id, a name every data
/// folder shares: it is moved to a key of its own on first use, but only in the platform's
/// default data folder, where such entries were made. Any other folder (a test profile, a folder
/// someone handed over) asks for the password again rather than read another folder's.
pub fn secret(store: &mut Store, blog: &Blog) -> Result<String> {
    let origin = BlogOrigin::of(&blog.site_url)?.to_string();
    if let Some(key) = &blog.secret_key {
        return keychain::load_secret(blog.id, key, &origin);
    }
    if !is_default_data_folder(store) {
        return Err(Error::SecretMissing(blog.id));
    }
    let secret = keychain::load_legacy_secret(blog.id)?.ok_or(Error::SecretMissing(blog.id))?;
    let key = keychain::new_key()?;
    keychain::save_secret(&key, &origin, &secret)?;
    store.set_blog_secret_key(blog.id, &key)?;
    // The old entry goes last: a failure before leaves it for the next try.
    keychain::delete_legacy_secret(blog.id)?;
    tracing::info!(blog = blog.id, "keychain entry moved to a key of its own");
    Ok(secret)
}

/// Whether the store is the one in the platform's app-data folder.
fn is_default_data_folder(store: &Store) -> bool {
    let (Some(folder), Ok(default)) = (store.path().parent(), paths::default_data_dir()) else {
        return false;
    };
    match (folder.canonicalize(), default.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

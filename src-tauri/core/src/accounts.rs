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

/// Accounts against keyring-core's in-memory store (the fast tier's keychain): no D-Bus, no
/// Secret Service. The real keychain is tested in `tests/security.rs`.
#[cfg(test)]
mod tests {
    use super::*;

    fn store() -> (tempfile::TempDir, Store) {
        keychain::use_memory_store();
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(dir.path()).expect("store");
        (dir, store)
    }

    fn add(store: &mut Store, name: &str, site: &str, secret: &str) -> Blog {
        save_blog(
            store,
            name,
            BlogKind::WordPress,
            BlogAuth::Default,
            site,
            "author",
            secret,
        )
        .expect("blog saved")
    }

    #[test]
    fn a_blogs_secret_is_kept_apart_from_its_row_and_goes_with_it() {
        let (_dir, mut store) = store();
        let blog = add(&mut store, "main", "https://blog.example/", "pass one");
        let other = add(&mut store, "other", "https://other.example/", "pass two");
        assert!(blog.secret_key.is_some(), "the row names its entry");
        let (found, kept) = blog_with_secret(&mut store, blog.id).expect("secret read");
        assert_eq!((found.id, kept.as_str()), (blog.id, "pass one"));
        assert_eq!(secret_of(&mut store, &other), "pass two");

        remove_blog(&mut store, &blog).expect("removed");
        assert!(store.blog(blog.id).expect("read").is_none());
        let e = secret(&mut store, &blog).expect_err("the secret went with the blog");
        assert_eq!(e.code(), "secret_missing");
        assert_eq!(
            secret_of(&mut store, &other),
            "pass two",
            "the other blog kept its own"
        );
    }

    #[test]
    fn a_secret_stored_for_another_origin_is_never_handed_out() {
        let (_dir, mut store) = store();
        let blog = add(&mut store, "main", "https://blog.example/", "pass");
        let key = blog.secret_key.clone().expect("key");
        // The entry now says it belongs to another site (a row edited to point elsewhere reads
        // the same way from the other side).
        keychain::save_secret(&key, "https://attacker.example", "pass").expect("entry replaced");
        let e = secret(&mut store, &blog).expect_err("refused");
        assert_eq!(e.code(), "secret_for_another_site");
    }

    #[test]
    fn a_name_is_checked_before_any_connection_test() {
        let (_dir, mut store) = store();
        add(&mut store, "main", "https://blog.example/", "pass");
        assert_eq!(
            check_name_free(&store, "main").expect_err("taken").code(),
            "blog_name_taken"
        );
        assert_eq!(
            check_name_free(&store, "  ").expect_err("empty").code(),
            "blog_name_empty"
        );
        check_name_free(&store, "second").expect("free");
    }

    fn secret_of(store: &mut Store, blog: &Blog) -> String {
        secret(store, blog).expect("secret read")
    }
}

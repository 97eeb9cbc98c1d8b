//! The sync folder as a git working copy, through libgit2 (`git2`): commit what Fumi wrote,
//! fetch and merge what the remote holds, push without ever forcing. Every network step is
//! bounded (libgit2's connect and read time-outs), and a token is given only to the remote's
//! own origin.

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::sync::Once;

use git2::build::CheckoutBuilder;
use git2::{
    CertificateCheckStatus, Commit, Cred, CredentialType, ErrorCode, FetchOptions, Oid,
    PushOptions, RemoteCallbacks, RemoteRedirect, Repository, RepositoryInitOptions, Signature,
};

use crate::error::{Error, Result};

/// The one branch Fumi syncs.
pub(crate) const BRANCH: &str = "refs/heads/main";
/// Where the remote's branch is kept after a fetch.
const REMOTE_BRANCH: &str = "refs/remotes/origin/main";
const REMOTE: &str = "origin";

/// How to reach the remote: its address and, for HTTPS, the token.
pub struct Access {
    pub url: String,
    pub token: Option<String>,
}

impl Access {
    /// The remote's address as the author may see it (never with a password in it).
    pub fn shown(&self) -> String {
        match url::Url::parse(&self.url) {
            Ok(mut u) if u.password().is_some() => {
                let _ = u.set_password(None);
                u.to_string()
            }
            _ => self.url.clone(),
        }
    }
}

/// A path's change between two commits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Added or changed: its new content.
    Written(PathBuf),
    Deleted(PathBuf),
}

impl Change {
    /// The path, and whether it was written (rather than deleted).
    pub fn path_and_written(&self) -> (&Path, bool) {
        match self {
            Change::Written(path) => (path, true),
            Change::Deleted(path) => (path, false),
        }
    }
}

/// A file both sides changed, kept as this computer's: the other side's content for the author.
#[derive(Debug, Clone)]
pub struct Clash {
    pub path: PathBuf,
    pub theirs: Vec<u8>,
}

/// What integrating the remote's branch did.
#[derive(Debug, Default)]
pub struct Merged {
    /// The commit the sync folder now holds.
    pub head: Option<Oid>,
    /// Files changed on both sides in the same lines (this computer's version kept).
    pub clashes: Vec<Clash>,
    /// Files deleted on one side and changed on the other (the changed one kept).
    pub kept: Vec<PathBuf>,
}

/// The sync folder.
pub struct Folder {
    repo: Repository,
    dir: PathBuf,
    /// Held while the folder is open: one Fumi process (window or command) at a time.
    _lock: std::fs::File,
}

impl Folder {
    /// Opens the working copy in `dir` (creating it), its remote set to `url`.
    pub fn open(dir: &Path, url: &str) -> Result<Folder> {
        bound_network_waits();
        let lock = take_lock(dir)?;
        // A folder that is a repository but does not open is an error, never replaced.
        let repo = match Repository::open(dir) {
            Ok(repo) => repo,
            Err(e) if dir.join(".git").exists() => return Err(local(e)),
            Err(_) => {
                std::fs::create_dir_all(dir)
                    .map_err(|e| failed(&format!("{}: {e}", dir.display())))?;
                Repository::init_opts(dir, RepositoryInitOptions::new().initial_head("main"))
                    .map_err(local)?
            }
        };
        // The files are the drafts byte for byte, on every system.
        let mut config = repo.config().map_err(local)?;
        config.set_bool("core.autocrlf", false).map_err(local)?;
        match repo.find_remote(REMOTE) {
            Ok(remote) if remote.url().ok() == Some(url) => {}
            Ok(_) => repo.remote_set_url(REMOTE, url).map_err(local)?,
            Err(_) => {
                repo.remote(REMOTE, url).map_err(local)?;
            }
        }
        Ok(Folder {
            repo,
            dir: dir.to_path_buf(),
            _lock: lock,
        })
    }

    /// The working copy's folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The commit the branch points at (none before the first).
    pub fn head(&self) -> Option<Oid> {
        self.repo.refname_to_id(BRANCH).ok()
    }

    /// Commits the working copy with `paths` (relative: files Fumi wrote, checked or removed)
    /// staged as they now are; none when it then matches `parent`. The index holds the rest as
    /// the last commit or checkout left it, so a sync's cost follows its changes, not the
    /// library. The branch is not moved: see [`Folder::advance`].
    pub fn commit(
        &self,
        parent: Option<Oid>,
        message: &str,
        paths: &[PathBuf],
    ) -> Result<Option<Oid>> {
        let mut index = self.repo.index().map_err(local)?;
        for path in paths {
            if self.dir.join(path).is_file() {
                index.add_path(path).map_err(local)?;
            } else if index.get_path(path, 0).is_some() {
                index.remove_path(path).map_err(local)?;
            }
        }
        index.write().map_err(local)?;
        let tree_id = index.write_tree().map_err(local)?;
        let parent = parent
            .map(|p| self.repo.find_commit(p))
            .transpose()
            .map_err(local)?;
        if parent.as_ref().is_some_and(|p| p.tree_id() == tree_id)
            || (parent.is_none() && index.is_empty())
        {
            return Ok(None);
        }
        let tree = self.repo.find_tree(tree_id).map_err(local)?;
        let signature = signature()?;
        let parents: Vec<&Commit<'_>> = parent.iter().collect();
        let oid = self
            .repo
            .commit(None, &signature, &signature, message, &tree, &parents)
            .map_err(local)?;
        Ok(Some(oid))
    }

    /// Fetches the remote's branch; answers where it points (none: the remote is empty).
    pub fn fetch(&self, access: &Access) -> Result<Option<Oid>> {
        let mut remote = self.repo.find_remote(REMOTE).map_err(local)?;
        let (refused, rejected) = (RefCell::new(false), RefCell::new(None));
        let mut options = FetchOptions::new();
        options.remote_callbacks(callbacks(access, &refused, &rejected));
        options.follow_redirects(RemoteRedirect::None);
        remote
            .fetch(
                &[format!("+{BRANCH}:{REMOTE_BRANCH}")],
                Some(&mut options),
                Some("fumi sync"),
            )
            .map_err(|e| network(access, &refused, e))?;
        // An empty remote has no branch: nothing was fetched and the old copy is stale.
        let advertised = remote
            .list()
            .map_err(local)?
            .iter()
            .any(|h| h.name() == BRANCH);
        if !advertised {
            if let Ok(mut stale) = self.repo.find_reference(REMOTE_BRANCH) {
                let _ = stale.delete();
            }
            return Ok(None);
        }
        Ok(self.repo.refname_to_id(REMOTE_BRANCH).ok())
    }

    /// The top-level names in `commit` that are not among `allowed`.
    pub fn strangers(&self, commit: Oid, allowed: &dyn Fn(&str) -> bool) -> Result<Vec<String>> {
        let tree = self
            .repo
            .find_commit(commit)
            .and_then(|c| c.tree())
            .map_err(local)?;
        Ok(tree
            .iter()
            .filter_map(|entry| entry.name().ok().map(str::to_owned))
            .filter(|name| !allowed(name))
            .collect())
    }

    /// Whether any file of `commit` is one `wanted` picks.
    pub fn holds(&self, commit: Oid, wanted: &dyn Fn(&Path) -> bool) -> Result<bool> {
        let tree = self
            .repo
            .find_commit(commit)
            .and_then(|c| c.tree())
            .map_err(local)?;
        let mut found = false;
        tree.walk(git2::TreeWalkMode::PreOrder, |folder, entry| {
            if entry.kind() == Some(git2::ObjectType::Blob)
                && let Ok(name) = entry.name()
                && wanted(&Path::new(folder).join(name))
            {
                found = true;
                return git2::TreeWalkResult::Abort;
            }
            git2::TreeWalkResult::Ok
        })
        .or_else(|e| if found { Ok(()) } else { Err(e) })
        .map_err(local)?;
        Ok(found)
    }

    /// Merges `theirs` into `ours` (line by line, as git merges a file). Where both changed the
    /// same lines this computer's file is kept and the other side's content is returned; where
    /// one side deleted a file the other changed, the changed file is kept. Answers the
    /// resulting commit (neither branch nor working copy moved yet).
    pub fn merge(&self, ours: Option<Oid>, theirs: Oid) -> Result<Merged> {
        let Some(ours) = ours else {
            return Ok(Merged {
                head: Some(theirs),
                ..Merged::default()
            });
        };
        if ours == theirs || self.repo.merge_base(ours, theirs).ok() == Some(theirs) {
            return Ok(Merged {
                head: Some(ours),
                ..Merged::default()
            });
        }
        if self.repo.merge_base(ours, theirs).ok() == Some(ours) {
            return Ok(Merged {
                head: Some(theirs),
                ..Merged::default()
            });
        }
        let our_commit = self.repo.find_commit(ours).map_err(local)?;
        let their_commit = self.repo.find_commit(theirs).map_err(local)?;
        // No rename detection: two reviews from one template look alike, and one draft's edits
        // must never land in another's file.
        let mut options = git2::MergeOptions::new();
        options.find_renames(false);
        let mut index = self
            .repo
            .merge_commits(&our_commit, &their_commit, Some(&options))
            .map_err(local)?;
        let mut merged = Merged::default();
        let conflicts: Vec<git2::IndexConflict> = index
            .conflicts()
            .map_err(local)?
            .collect::<std::result::Result<_, _>>()
            .map_err(local)?;
        for conflict in conflicts {
            let (keep, clash) = match (conflict.our, conflict.their) {
                (Some(our), Some(their)) => (our, Some(their)),
                (Some(our), None) => (our, None),
                (None, Some(their)) => (their, None),
                (None, None) => continue,
            };
            let path = PathBuf::from(String::from_utf8_lossy(&keep.path).into_owned());
            match clash {
                Some(their) => {
                    let theirs = self.repo.find_blob(their.id).map_err(local)?;
                    merged.clashes.push(Clash {
                        path: path.clone(),
                        theirs: theirs.content().to_vec(),
                    });
                }
                None => merged.kept.push(path.clone()),
            }
            index.conflict_remove(&path).map_err(local)?;
            let mut entry = keep;
            // A resolved entry is an ordinary one (stage 0).
            entry.flags &= !0x3000;
            index.add(&entry).map_err(local)?;
        }
        let tree_id = index.write_tree_to(&self.repo).map_err(local)?;
        let tree = self.repo.find_tree(tree_id).map_err(local)?;
        let signature = signature()?;
        let head = self
            .repo
            .commit(
                None,
                &signature,
                &signature,
                "Fumi: merge the drafts of another computer",
                &tree,
                &[&our_commit, &their_commit],
            )
            .map_err(local)?;
        merged.head = Some(head);
        Ok(merged)
    }

    /// The paths that differ between `from` (none: an empty folder) and `to`.
    pub fn changes(&self, from: Option<Oid>, to: Oid) -> Result<Vec<Change>> {
        let tree_of = |oid: Oid| self.repo.find_commit(oid).and_then(|c| c.tree());
        let old = from.map(tree_of).transpose().map_err(local)?;
        let new = tree_of(to).map_err(local)?;
        let diff = self
            .repo
            .diff_tree_to_tree(old.as_ref(), Some(&new), None)
            .map_err(local)?;
        Ok(diff
            .deltas()
            .filter_map(|delta| match delta.status() {
                git2::Delta::Deleted => delta.old_file().path().map(|p| Change::Deleted(p.into())),
                _ => delta.new_file().path().map(|p| Change::Written(p.into())),
            })
            .collect())
    }

    /// A file's content in `commit`.
    pub fn read(&self, commit: Oid, path: &Path) -> Result<Vec<u8>> {
        let tree = self
            .repo
            .find_commit(commit)
            .and_then(|c| c.tree())
            .map_err(local)?;
        let entry = tree.get_path(path).map_err(local)?;
        let blob = self.repo.find_blob(entry.id()).map_err(local)?;
        Ok(blob.content().to_vec())
    }

    /// Makes `commit` what the working copy holds (`checkout`: unless it was just committed
    /// from it), then moves the branch to it — in that order: a crash between the two leaves
    /// files that the next commit records, never a branch whose files are missing.
    pub fn advance(&self, commit: Oid, checkout: bool) -> Result<()> {
        if checkout {
            let tree = self
                .repo
                .find_commit(commit)
                .and_then(|c| c.tree())
                .map_err(local)?;
            self.repo
                .checkout_tree(tree.as_object(), Some(CheckoutBuilder::new().force()))
                .map_err(local)?;
        }
        self.repo
            .reference(BRANCH, commit, true, "fumi sync")
            .map_err(local)?;
        if self.repo.head().is_err() {
            self.repo.set_head(BRANCH).map_err(local)?;
        }
        Ok(())
    }

    /// Pushes the branch (never forced). A push the remote does not take is an error that says
    /// so; the caller fetches and merges again.
    pub fn push(&self, access: &Access) -> Result<()> {
        let mut remote = self.repo.find_remote(REMOTE).map_err(local)?;
        let refused = RefCell::new(false);
        let rejected = RefCell::new(None);
        let mut options = PushOptions::new();
        options.remote_callbacks(callbacks(access, &refused, &rejected));
        options.follow_redirects(RemoteRedirect::None);
        remote
            .push(&[format!("{BRANCH}:{BRANCH}")], Some(&mut options))
            .map_err(|e| {
                if e.code() == ErrorCode::NotFastForward {
                    Error::SyncRefused {
                        remote: access.shown(),
                        detail: "the remote has changes this computer has not merged yet".into(),
                    }
                } else {
                    network(access, &refused, e)
                }
            })?;
        drop(options);
        if let Some(status) = rejected.take() {
            return Err(Error::SyncRefused {
                remote: access.shown(),
                detail: status,
            });
        }
        if let Some(head) = self.head() {
            let _ = self.repo.reference(REMOTE_BRANCH, head, true, "fumi sync");
        }
        Ok(())
    }
}

/// How long a sync waits for the folder's lock before saying another Fumi holds it.
const LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(3);

/// Takes the folder's lock (`<dir>.lock`, beside it), then clears what a sync cut off (a crash,
/// `kill -9`) left: git's lock files, which no other process can be holding now.
fn take_lock(dir: &Path) -> Result<std::fs::File> {
    let path = dir.with_extension("lock");
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| failed(&format!("{}: {e}", parent.display())))?;
    }
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| failed(&format!("{}: {e}", path.display())))?;
    // A short wait, not one try: a process started elsewhere in this program (a browser, a git
    // helper) holds a copy of the descriptor between its fork and its exec, and with it the lock.
    let started = std::time::Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => break,
            Err(std::fs::TryLockError::WouldBlock) if started.elapsed() < LOCK_WAIT => {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Err(_) => {
                return Err(failed(
                    "another Fumi (a window or a command) is syncing this data folder; try again when it is done",
                ));
            }
        }
    }
    clear_stale_locks(&dir.join(".git"));
    Ok(file)
}

/// Removes git's `*.lock` files under `dir` (the index, HEAD, config, refs; not the objects).
fn clear_stale_locks(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            if path.file_name().is_some_and(|n| n != "objects") {
                clear_stale_locks(&path);
            }
        } else if path.extension().is_some_and(|e| e == "lock") {
            tracing::info!(path = %path.display(), "removing a lock left by a cut-off sync");
            let _ = std::fs::remove_file(&path);
        }
    }
}

/// The remote's callbacks: the sign-in (a token only for the remote's own origin; SSH through
/// the agent, then the usual key files), and the push's per-branch answer.
fn callbacks<'a>(
    access: &'a Access,
    refused: &'a RefCell<bool>,
    rejected: &'a RefCell<Option<String>>,
) -> RemoteCallbacks<'a> {
    let mut callbacks = RemoteCallbacks::new();
    let mut tries = 0;
    callbacks.credentials(move |url, username, allowed| {
        tries += 1;
        // libgit2 asks again after a refused sign-in: a third ask means every way was refused.
        if tries > 3 {
            *refused.borrow_mut() = true;
            return Err(git2::Error::from_str("the sign-in was refused"));
        }
        if allowed.contains(CredentialType::USER_PASS_PLAINTEXT) {
            let token = access
                .token
                .as_deref()
                .filter(|_| same_origin(url, &access.url));
            return match token {
                // Hosts that sign in by token take any user name; the address's own comes first.
                Some(token) => Cred::userpass_plaintext(
                    username.filter(|u| !u.is_empty()).unwrap_or("fumi"),
                    token,
                ),
                None => {
                    *refused.borrow_mut() = true;
                    Err(git2::Error::from_str(
                        "the remote asks for a sign-in and no token is set",
                    ))
                }
            };
        }
        let user = username.unwrap_or("git");
        if allowed.contains(CredentialType::USERNAME) {
            return Cred::username(user);
        }
        if allowed.contains(CredentialType::SSH_KEY) {
            if tries == 1
                && let Ok(cred) = Cred::ssh_key_from_agent(user)
            {
                return Ok(cred);
            }
            let home = std::env::var_os("HOME")
                .map(PathBuf::from)
                .unwrap_or_default();
            for name in ["id_ed25519", "id_ecdsa", "id_rsa"] {
                let key = home.join(".ssh").join(name);
                if key.is_file() {
                    return Cred::ssh_key(user, None, &key, None);
                }
            }
        }
        *refused.borrow_mut() = true;
        Err(git2::Error::from_str(
            "no way to sign in that the remote accepts",
        ))
    });
    // libgit2 checks certificates and SSH host keys itself; Fumi adds nothing to trust.
    callbacks.certificate_check(|_, _| Ok(CertificateCheckStatus::CertificatePassthrough));
    callbacks.push_update_reference(move |_, status| {
        if let Some(status) = status {
            *rejected.borrow_mut() = Some(status.to_owned());
        }
        Ok(())
    });
    callbacks
}

/// Whether `url` (where libgit2 is about to sign in) has the remote's own origin.
fn same_origin(url: &str, remote: &str) -> bool {
    match (url::Url::parse(url), url::Url::parse(remote)) {
        (Ok(a), Ok(b)) => a.origin() == b.origin(),
        _ => false,
    }
}

/// Fumi's commits: the computer's user name, the product as the author.
fn signature() -> Result<Signature<'static>> {
    Signature::now("Fumi", "fumi@localhost").map_err(local)
}

/// Connects and reads give up instead of waiting forever on a silent network.
fn bound_network_waits() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // SAFETY: called once, before any network operation of this process's libgit2.
        unsafe {
            let _ = git2::opts::set_server_connect_timeout_in_milliseconds(10_000);
            let _ = git2::opts::set_server_timeout_in_milliseconds(30_000);
        }
    });
}

/// A failure of the working copy itself.
fn local(e: git2::Error) -> Error {
    failed(e.message())
}

fn failed(detail: &str) -> Error {
    Error::SyncFailed {
        detail: detail.to_owned(),
    }
}

/// A failure on the way to the remote.
fn network(access: &Access, refused: &RefCell<bool>, e: git2::Error) -> Error {
    let remote = access.shown();
    if *refused.borrow() || e.code() == ErrorCode::Auth {
        return Error::SyncSignInRefused { remote };
    }
    Error::SyncUnreachable {
        remote,
        detail: e.message().to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lock_held_for_a_moment_is_waited_for_not_reported() {
        let root = tempfile::tempdir().expect("temp dir");
        let dir = root.path().join("sync");
        let held = take_lock(&dir).expect("first lock");
        // A second descriptor of the same file, as a forked child holds it until its exec.
        let release = std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(150));
            drop(held);
        });
        let started = std::time::Instant::now();
        take_lock(&dir).expect("the lock once it is let go");
        assert!(started.elapsed() >= std::time::Duration::from_millis(100));
        release.join().expect("thread");
    }
}

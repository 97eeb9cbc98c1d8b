//! Images a draft refers to on this computer: files, or assets kept in Fumi's database.
//! Publishing uploads them and points the post at the blog's copies.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::error::{Error, Result};

/// How a draft refers to an image stored in the database: `![](fumi-asset:<sha256>)`.
pub const ASSET_SCHEME: &str = "fumi-asset:";

/// The largest image Fumi stores or uploads; blogs commonly refuse more.
pub const MAX_IMAGE_BYTES: usize = 20 * 1024 * 1024;

/// An image reference that points at this computer rather than the web.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum LocalImage {
    /// An image in Fumi's database, by the SHA-256 of its bytes.
    Asset(String),
    /// A file: an absolute path, `~/…`, or a `file://` URL.
    File(PathBuf),
}

impl LocalImage {
    /// Classifies an image URL from the Markdown; `None` for web images (left as they are).
    pub fn from_url(url: &str) -> Option<LocalImage> {
        if let Some(hash) = url.strip_prefix(ASSET_SCHEME) {
            return Some(LocalImage::Asset(hash.to_ascii_lowercase()));
        }
        if url.starts_with("file:") {
            let parsed = url::Url::parse(url).ok()?;
            // `file://host/share/…` names another computer (a UNC path on Windows).
            if parsed.host_str().is_some_and(|h| h != "localhost") {
                return None;
            }
            return parsed
                .to_file_path()
                .ok()
                .filter(|p| is_plain_local_path(p))
                .map(LocalImage::File);
        }
        if let Some(rest) = url.strip_prefix("~/") {
            return dirs::home_dir()
                .map(|h| h.join(rest))
                .filter(|p| is_plain_local_path(p))
                .map(LocalImage::File);
        }
        let path = Path::new(url);
        // `/images/a.png` is a site-relative URL on the web too; only an existing file is local.
        (is_plain_local_path(path) && path.is_absolute() && path.is_file())
            .then(|| LocalImage::File(path.to_path_buf()))
    }
}

/// The images of the database a text shows (`fumi-asset:<sha256>`), each once, in order.
pub fn asset_references(text: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for (at, _) in text.match_indices(ASSET_SCHEME) {
        let hash: String = text[at + ASSET_SCHEME.len()..]
            .chars()
            .take_while(char::is_ascii_hexdigit)
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if hash.len() == 64 && !found.contains(&hash) {
            found.push(hash);
        }
    }
    found
}

/// An image's bytes, ready to store or upload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    /// Hex SHA-256 of the bytes: the identity used for de-duplication.
    pub sha256: String,
    pub mime: String,
    /// A file name for the blog's media library.
    pub file_name: String,
    pub bytes: Vec<u8>,
}

impl Image {
    /// Checks that the bytes are an image blogs accept and not too large.
    pub fn from_bytes(bytes: Vec<u8>, name: &str) -> Result<Image> {
        if bytes.len() > MAX_IMAGE_BYTES {
            return Err(Error::ImageTooLarge {
                name: name.to_owned(),
                bytes: bytes.len(),
                limit: MAX_IMAGE_BYTES,
            });
        }
        let kind = infer::get(&bytes)
            .filter(|k| k.matcher_type() == infer::MatcherType::Image)
            .ok_or_else(|| Error::NotAnImage {
                name: name.to_owned(),
            })?;
        let sha256 = hex(&Sha256::digest(&bytes));
        let stem = Path::new(name)
            .file_stem()
            .and_then(|s| s.to_str())
            .filter(|s| !s.is_empty())
            .unwrap_or(&sha256[..12]);
        Ok(Image {
            file_name: format!("{stem}.{}", kind.extension()),
            mime: kind.mime_type().to_owned(),
            sha256,
            bytes,
        })
    }

    /// Reads an image file: only a regular file on this computer (never a device, a FIFO or a
    /// share on another computer), checked on the open handle, and read through a hard limit.
    pub fn read_file(path: &Path) -> Result<Image> {
        use std::io::Read;
        let name = path.display().to_string();
        let not_a_file = || Error::NotAFile {
            path: path.to_path_buf(),
        };
        if !is_plain_local_path(path) {
            return Err(not_a_file());
        }
        let unreadable = |source| Error::ReadFile {
            path: path.to_path_buf(),
            source,
        };
        let file = open_without_blocking(path).map_err(unreadable)?;
        // The handle's own type: the path may have been swapped for something else since.
        let meta = file.metadata().map_err(unreadable)?;
        if !meta.is_file() {
            return Err(not_a_file());
        }
        if meta.len() > MAX_IMAGE_BYTES as u64 {
            return Err(Error::ImageTooLarge {
                name,
                bytes: usize::try_from(meta.len()).unwrap_or(usize::MAX),
                limit: MAX_IMAGE_BYTES,
            });
        }
        let mut bytes = Vec::new();
        file.take(MAX_IMAGE_BYTES as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(unreadable)?;
        Image::from_bytes(bytes, &name)
    }
}

/// Whether a path names a file on this computer in the plain way: not a share on another
/// computer (`//host/share`, `\\host\share`, which Windows would sign in to) and not a
/// verbatim or device path (`\\?\…`, `\\.\…`).
pub fn is_plain_local_path(path: &Path) -> bool {
    let text = path.to_string_lossy();
    let mut chars = text.chars();
    let two_separators = matches!(
        (chars.next(), chars.next()),
        (Some('/' | '\\'), Some('/' | '\\'))
    );
    if two_separators {
        return false;
    }
    #[cfg(windows)]
    {
        use std::path::{Component, Prefix};
        if let Some(Component::Prefix(p)) = path.components().next() {
            return matches!(p.kind(), Prefix::Disk(_));
        }
    }
    true
}

/// Opens a file for reading without waiting for a writer: a FIFO opened plainly blocks until
/// one comes (and would hold whatever lock the caller has).
fn open_without_blocking(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// Lower-case hex of a digest.
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {

    #[test]
    fn asset_references_are_found_once_each() {
        let a = "a".repeat(64);
        let b = "B".repeat(64);
        let text = format!(
            "![](fumi-asset:{a}) ![](fumi-asset:{b}.png) ![](fumi-asset:{a}) fumi-asset:abc"
        );
        assert_eq!(asset_references(&text), [a, b.to_lowercase()]);
    }

    use super::*;

    /// The smallest valid PNG: one transparent pixel.
    pub const PIXEL_PNG: &[u8] = &[
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0,
        0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89, 0, 0, 0, 0x0a, 0x49, 0x44,
        0x41, 0x54, 0x78, 0x9c, 0x63, 0, 1, 0, 0, 5, 0, 1, 0x0d, 0x0a, 0x2d, 0xb4, 0, 0, 0, 0,
        0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
    ];

    #[test]
    fn classifies_references() {
        assert_eq!(
            LocalImage::from_url("fumi-asset:ABC"),
            Some(LocalImage::Asset("abc".into()))
        );
        assert_eq!(
            LocalImage::from_url("file:///tmp/a%20b.png"),
            Some(LocalImage::File("/tmp/a b.png".into()))
        );
        assert_eq!(LocalImage::from_url("https://example.com/a.png"), None);
        assert_eq!(LocalImage::from_url("/no/such/file.png"), None);
        assert_eq!(LocalImage::from_url("images/a.png"), None);
    }

    #[test]
    fn only_plain_files_on_this_computer_are_local_images() {
        assert_eq!(LocalImage::from_url("file://server/share/a.png"), None);
        assert_eq!(LocalImage::from_url("//server/share/a.png"), None);
        assert_eq!(LocalImage::from_url("\\\\server\\share\\a.png"), None);
        assert!(!is_plain_local_path(Path::new("//server/share/a.png")));
        assert!(!is_plain_local_path(Path::new("\\\\?\\C:\\a.png")));
        assert!(is_plain_local_path(Path::new("/home/me/a.png")));
    }

    #[cfg(unix)]
    #[test]
    fn devices_fifos_and_links_to_devices_are_refused_without_reading_them() {
        let dir = tempfile::tempdir().unwrap();
        // /dev/zero would fill memory; a FIFO would wait forever for a writer.
        let fifo = dir.path().join("wait.png");
        let status = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(status.success());
        let link = dir.path().join("zero.png");
        std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
        for path in [Path::new("/dev/zero"), &fifo, &link] {
            let e = Image::read_file(path).unwrap_err();
            assert_eq!(e.code(), "not_a_file", "{}", path.display());
        }
        // And a large regular file is refused by size, not read whole.
        let big = dir.path().join("big.png");
        std::fs::File::create(&big)
            .unwrap()
            .set_len(MAX_IMAGE_BYTES as u64 + 1)
            .unwrap();
        assert_eq!(
            Image::read_file(&big).unwrap_err().code(),
            "image_too_large"
        );
        let ok = dir.path().join("ok.png");
        std::fs::write(&ok, PIXEL_PNG).unwrap();
        assert_eq!(Image::read_file(&ok).unwrap().mime, "image/png");
    }

    #[test]
    fn knows_an_image_from_other_bytes() {
        let img = Image::from_bytes(PIXEL_PNG.to_vec(), "/tmp/表紙.PNG").unwrap();
        assert_eq!(img.mime, "image/png");
        assert_eq!(img.file_name, "表紙.png");
        assert_eq!(img.sha256.len(), 64);
        let e = Image::from_bytes(b"%PDF-1.4".to_vec(), "x.pdf").unwrap_err();
        assert_eq!(e.code(), "not_an_image");
        let e = Image::from_bytes(vec![0; MAX_IMAGE_BYTES + 1], "big.png").unwrap_err();
        assert_eq!(e.code(), "image_too_large");
    }
}

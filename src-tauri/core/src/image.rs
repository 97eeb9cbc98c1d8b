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
            return url::Url::parse(url)
                .ok()?
                .to_file_path()
                .ok()
                .map(LocalImage::File);
        }
        if let Some(rest) = url.strip_prefix("~/") {
            return dirs::home_dir().map(|h| LocalImage::File(h.join(rest)));
        }
        let path = Path::new(url);
        // `/images/a.png` is a site-relative URL on the web too; only an existing file is local.
        (path.is_absolute() && path.is_file()).then(|| LocalImage::File(path.to_path_buf()))
    }
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

    /// Reads an image file (its size is checked before its bytes are read).
    pub fn read_file(path: &Path) -> Result<Image> {
        let unreadable = |source| Error::ReadFile {
            path: path.to_path_buf(),
            source,
        };
        let name = path.display().to_string();
        let size = std::fs::metadata(path).map_err(unreadable)?.len();
        if size > MAX_IMAGE_BYTES as u64 {
            return Err(Error::ImageTooLarge {
                name,
                bytes: usize::try_from(size).unwrap_or(usize::MAX),
                limit: MAX_IMAGE_BYTES,
            });
        }
        let bytes = std::fs::read(path).map_err(unreadable)?;
        Image::from_bytes(bytes, &name)
    }
}

/// Lower-case hex of a digest.
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
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

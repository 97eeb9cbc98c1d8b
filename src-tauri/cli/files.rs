//! Files in and out: export-all and import-all counts, images, rendering Markdown.

use std::fmt;
use std::path::Path;

use fumi_core::image::Image;
use fumi_core::render::{Flavor, Output};
use fumi_core::{App, Error, Renderer, args};

use super::{input, print, say};

/// What an export or an import moved, as one line.
pub(super) struct Moved(pub fumi_core::export::Moved);

impl fmt::Display for Moved {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let line = say(
            "cli-moved",
            &args! { "drafts" => self.0.drafts, "images" => self.0.assets },
        );
        writeln!(f, "{line}")
    }
}

/// Keeps an image in the database and prints the Markdown that shows it.
pub(super) fn add_image(app: &App, file: &Path) -> Result<(), Error> {
    let reference = app.add_image(&Image::read_file(file)?)?;
    print(&format!("![]({reference})\n"))
}

/// Prints Markdown rendered as the preview's sanitized HTML for `flavor`'s blog, or the
/// highlighting stylesheet.
pub(super) fn render(file: Option<&Path>, flavor: Flavor, theme_css: bool) -> Result<(), Error> {
    if theme_css {
        return print(&fumi_core::render::theme_css());
    }
    let markdown = input::text(file)?;
    // Without a data folder there are no cards read: embeds show their address.
    let rendered = Renderer::new().render_for(
        &markdown,
        flavor,
        Output::Preview,
        &|_| None,
        None,
        &Default::default(),
    );
    print(&rendered.html)
}

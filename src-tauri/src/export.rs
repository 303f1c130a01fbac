//! Saving an image the map drew (PNG or SVG) to a file the user picks: the webview
//! hands over the bytes, Rust checks they are what they claim to be, names the file
//! and writes it atomically. The webview never names a path.

use std::io::Write;
use std::path::{Path, PathBuf};

use base64::Engine;
use serde::{Deserialize, Serialize};

use crate::dialog_text::DialogText;
use crate::error::{AppError, ErrorKind};

/// Largest image accepted (decoded bytes, or SVG text).
pub const MAX_EXPORT_BYTES: usize = 256 * 1024 * 1024;

/// What a name may hold at most (bytes, before the extension): well under the 255
/// bytes most file systems allow.
const MAX_NAME_BYTES: usize = 200;

/// The eight bytes every PNG file starts with.
const PNG_SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', b'\r', b'\n', 0x1a, b'\n'];

/// The image formats the map exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    Png,
    Svg,
}

impl ExportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Png => "png",
            ExportFormat::Svg => "svg",
        }
    }

    /// The save dialog's filter name.
    pub fn filter_name(self) -> DialogText {
        match self {
            ExportFormat::Png => DialogText::PngFilter,
            ExportFormat::Svg => DialogText::SvgFilter,
        }
    }
}

fn refused(message: impl Into<String>) -> AppError {
    AppError::new(ErrorKind::Validation, message)
}

/// The file's bytes: `data` is base64 (standard alphabet, no `data:` prefix) of a PNG
/// file, or the UTF-8 text of an SVG document whose root element is `svg`.
pub fn image_bytes(format: ExportFormat, data: String) -> Result<Vec<u8>, AppError> {
    match format {
        ExportFormat::Png => {
            // Four base64 characters carry three bytes.
            if data.len() / 4 * 3 > MAX_EXPORT_BYTES {
                return Err(too_large());
            }
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(data.trim())
                .map_err(|e| refused(format!("the PNG data is not base64: {e}")))?;
            if bytes.len() > MAX_EXPORT_BYTES {
                return Err(too_large());
            }
            if !bytes.starts_with(&PNG_SIGNATURE) {
                return Err(refused("the data is not a PNG image"));
            }
            Ok(bytes)
        }
        ExportFormat::Svg => {
            if data.len() > MAX_EXPORT_BYTES {
                return Err(too_large());
            }
            check_svg(&data)?;
            Ok(data.into_bytes())
        }
    }
}

fn too_large() -> AppError {
    refused(format!(
        "the image is larger than {} MiB",
        MAX_EXPORT_BYTES / (1024 * 1024)
    ))
}

/// Well-formed XML (no DTD, so no entity tricks) whose root element is `svg`.
fn check_svg(text: &str) -> Result<(), AppError> {
    let document = roxmltree::Document::parse(text.trim_start())
        .map_err(|e| refused(format!("the data is not an SVG document: {e}")))?;
    let root = document.root_element().tag_name().name();
    if root == "svg" {
        Ok(())
    } else {
        Err(refused(format!(
            "the data is not an SVG document (its root element is <{root}>)"
        )))
    }
}

/// The name the save dialog suggests: the UI's suggestion without anything that could
/// leave the chosen folder or trouble a file system (path separators, `:*?"<>|`,
/// control characters, leading dots, trailing dots and spaces), Unicode kept, at most
/// 200 bytes, ending in the format's extension.
pub fn file_name(suggested: &str, format: ExportFormat) -> String {
    let cleaned: String = suggested
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                '_'
            } else {
                c
            }
        })
        .collect();
    let mut stem = cleaned.trim().trim_start_matches('.').trim();
    for extension in [".png", ".svg"] {
        let cut = stem.len().saturating_sub(extension.len());
        let is_extension = stem
            .get(cut..)
            .is_some_and(|tail| tail.eq_ignore_ascii_case(extension));
        if cut > 0 && is_extension {
            stem = &stem[..cut];
        }
    }
    let mut end = stem.len().min(MAX_NAME_BYTES);
    while !stem.is_char_boundary(end) {
        end -= 1;
    }
    let stem = stem[..end].trim_end_matches(['.', ' ']);
    let stem = if stem.is_empty() { "map" } else { stem };
    format!("{stem}.{}", format.extension())
}

/// Gives a path the dialog returned without an extension the format's one. Refuses to
/// change it into a file that already exists: the dialog asked about overwriting the
/// name the user typed, not this one.
pub fn with_extension(mut path: PathBuf, format: ExportFormat) -> Result<PathBuf, AppError> {
    if path.extension().is_none() {
        path.set_extension(format.extension());
        if path.exists() {
            return Err(AppError::new(
                ErrorKind::AlreadyExists,
                format!("{} already exists; choose another name", path.display()),
            ));
        }
    }
    Ok(path)
}

/// Writes `bytes` to `path` atomically: a temporary file in the same folder, flushed
/// to disk, then renamed over `path`. A failure leaves `path` as it was and removes the
/// temporary file.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = (0u32..)
        .map(|i| dir.join(format!(".{name}.{}-{i}.partial", std::process::id())))
        .find(|p| !p.exists())
        .unwrap_or_else(|| dir.join(format!(".{name}.partial")));
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temp)
        .and_then(|mut file| {
            file.write_all(bytes)?;
            file.sync_all()
        })
        .and_then(|()| std::fs::rename(&temp, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png() -> Vec<u8> {
        let mut bytes = PNG_SIGNATURE.to_vec();
        bytes.extend_from_slice(b"\0\0\0\rIHDR rest of the image");
        bytes
    }

    fn b64(bytes: &[u8]) -> String {
        base64::engine::general_purpose::STANDARD.encode(bytes)
    }

    #[test]
    fn png_data_must_be_base64_of_a_png() {
        assert_eq!(
            image_bytes(ExportFormat::Png, b64(&png())).ok(),
            Some(png())
        );
        for bad in [
            "not base64!".to_string(),
            format!("data:image/png;base64,{}", b64(&png())),
            b64(b"GIF89a not a png"),
            String::new(),
            b64(&PNG_SIGNATURE[..7]),
        ] {
            let err = image_bytes(ExportFormat::Png, bad.clone()).expect_err(&bad);
            assert_eq!(err.kind, ErrorKind::Validation, "{bad}");
        }
    }

    #[test]
    fn svg_data_must_be_xml_with_an_svg_root() {
        for good in [
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>李伟 &amp; Ada</text></svg>"#,
            "\n  <?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg><g/></svg>\n",
            r#"<s:svg xmlns:s="http://www.w3.org/2000/svg"/>"#,
        ] {
            assert_eq!(
                image_bytes(ExportFormat::Svg, good.into()).ok(),
                Some(good.as_bytes().to_vec()),
                "{good}"
            );
        }
        for bad in [
            "",
            "<svg>",
            "<html><svg/></html>",
            "<svg></svg><svg></svg>",
            "not xml",
            r#"<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg>&a;</svg>"#,
        ] {
            let err = image_bytes(ExportFormat::Svg, bad.into()).expect_err(bad);
            assert_eq!(err.kind, ErrorKind::Validation, "{bad}");
        }
    }

    #[test]
    fn oversized_data_is_refused_before_decoding() {
        let huge = "A".repeat(MAX_EXPORT_BYTES / 3 * 4 + 8);
        let err = image_bytes(ExportFormat::Png, huge).expect_err("too large");
        assert!(err.message.contains("256 MiB"), "{}", err.message);
        let huge = format!("<svg>{}</svg>", " ".repeat(MAX_EXPORT_BYTES));
        assert!(image_bytes(ExportFormat::Svg, huge).is_err());
    }

    #[test]
    fn suggested_names_are_cleaned_and_get_the_right_extension() {
        use ExportFormat::{Png, Svg};
        let long = "长".repeat(100);
        let cases = [
            ("Northwind map", Png, "Northwind map.png"),
            ("Northwind map.PNG", Png, "Northwind map.png"),
            ("Northwind map.svg", Png, "Northwind map.png"),
            ("北风电信 – 组织图", Svg, "北风电信 – 组织图.svg"),
            ("../../etc/passwd", Png, "_.._etc_passwd.png"),
            ("C:\\Users\\x\\map", Svg, "C__Users_x_map.svg"),
            (
                "a/b\\c:d*e?f\"g<h>i|j\u{0}k\nl",
                Png,
                "a_b_c_d_e_f_g_h_i_j_k_l.png",
            ),
            ("  .hidden  ", Png, "hidden.png"),
            ("trailing dots...", Svg, "trailing dots.svg"),
            ("", Png, "map.png"),
            ("...", Svg, "map.svg"),
            (".png", Png, "png.png"),
        ];
        for (suggested, format, expected) in cases {
            assert_eq!(file_name(suggested, format), expected, "{suggested:?}");
        }
        // 200 bytes at most before the extension, cut on a character boundary.
        let name = file_name(&long, Png);
        assert_eq!(name, format!("{}.png", "长".repeat(66)));
    }

    #[test]
    fn a_missing_extension_is_added_unless_that_names_another_existing_file() {
        let dir = tempfile::tempdir().expect("dir");
        let typed = dir.path().join("map");
        assert_eq!(
            with_extension(typed.clone(), ExportFormat::Svg).expect("free"),
            dir.path().join("map.svg")
        );
        std::fs::write(dir.path().join("map.svg"), "old").expect("write");
        let err = with_extension(typed, ExportFormat::Svg).expect_err("exists");
        assert_eq!(err.kind, ErrorKind::AlreadyExists);
        // A name the user typed with an extension is theirs (the dialog confirmed it).
        let chosen = dir.path().join("map.svg");
        assert_eq!(
            with_extension(chosen.clone(), ExportFormat::Svg).ok(),
            Some(chosen)
        );
    }

    #[test]
    fn writing_replaces_the_file_whole_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("map.png");
        std::fs::write(&path, "old").expect("old");
        write_atomically(&path, &png()).expect("write");
        assert_eq!(std::fs::read(&path).expect("read"), png());
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, vec!["map.png".to_string()]);
        // Into a folder that does not exist: an error, nothing left behind.
        let missing = dir.path().join("missing").join("map.png");
        assert!(write_atomically(&missing, b"x").is_err());
        assert!(!dir.path().join("missing").exists());
    }
}

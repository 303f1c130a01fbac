//! GraphML import and export of one account's buying centre, so that maps drawn in
//! Gephi, yEd, NetworkX or Cytoscape can come in, and Rapport's maps can go out to them.
//!
//! **Import mapping.** Node data keys: `name` (else `label`, else yEd's visible node
//! label, else the node id), `title`, `roles` (comma-separated buying roles), `attitude`,
//! `power` and `interest` (1–5, default 3), `team` (true: one of our team members, not a
//! stakeholder). Edge data keys: `strength` (1–5, default 3) and `kind` (default
//! `informal`). A team–stakeholder edge is a coverage tie; a stakeholder–stakeholder
//! edge is an influence tie from source to target, or two ties (one each way) when the
//! edge is undirected. Keys are matched by their `attr.name`, else by their id, ignoring
//! ASCII case; `<default>` values of keys apply; blank values count as absent; unknown
//! keys are ignored. Repeated edges that give the same tie (influence: same two people,
//! direction and kind; coverage: same team member and stakeholder) merge into one with
//! the highest strength; ties of different kinds between two people stay side by side.
//!
//! The whole file is read and checked in memory first (`parse.rs`); only a file with
//! no fault is written, in one transaction that is one undo step (`import.rs`).
//! `export.rs` writes the other way.

mod export;
mod import;
mod parse;
mod values;

use std::io::Write;
use std::path::Path;

use rapport_core::{AccountFields, ClvInputs, Id, Tier, Validate};
use serde::Serialize;

use crate::error::{Result, StoreError};
use crate::history::{ActionLabel, EntityKind, Verb};
use crate::workspace::Workspace;

pub use export::GraphmlExport;

/// What an import wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ImportSummary {
    /// The account the people were added to.
    pub account_id: Id,
    /// Its name as stored.
    pub account_name: String,
    /// Whether the import created the account.
    pub account_created: bool,
    /// Stakeholders added.
    pub stakeholders: u32,
    /// Distinct team members the file names (reused or created).
    pub team_members: u32,
    /// Of those, how many were new to the workspace.
    pub team_members_created: u32,
    /// Influence ties added.
    pub influences: u32,
    /// Coverage ties added.
    pub coverage: u32,
    /// Edges merged into another edge giving the same tie (influence: same two people,
    /// direction and kind; coverage: same team member and stakeholder), keeping the
    /// highest strength.
    pub merged_ties: u32,
}

impl Workspace {
    /// Imports a GraphML document into the account named `account_name` (created, tier
    /// standard, when no account has that name), appending to what it holds. One
    /// transaction and one undo step ("import account …"); a document with any invalid
    /// value is refused with [`StoreError::GraphMl`] and nothing is written.
    pub fn import_graphml(&mut self, xml: &str, account_name: &str) -> Result<ImportSummary> {
        self.refuse_if_read_only()?;
        let graph = parse::read(xml)?;
        let target = match self.find_account(account_name)? {
            Some((id, name)) => import::Target::Existing { id, name },
            None => {
                let fields = new_account(account_name);
                fields.validate()?;
                import::Target::New(fields)
            }
        };
        let label = ActionLabel::new(Verb::Import, EntityKind::Account, target.name());
        self.act(label, |tx| import::write(tx, &graph, &target))
    }

    /// The account's stakeholders, the team members covering them and all their ties
    /// as a directed GraphML document (see [`Workspace::export_graphml_document`]).
    pub fn export_graphml(&self, account_id: Id) -> Result<String> {
        Ok(self.export_graphml_document(account_id)?.xml)
    }

    /// Like [`Workspace::export_graphml`], with counts of what the document holds.
    /// Nodes are stakeholders (`team=false`, with name, title, roles, attitude, power,
    /// interest) and the team members covering them (`team=true`); edges are influence
    /// ties (with strength and kind) and coverage ties (team member → stakeholder, with
    /// strength). Every key is declared with its `attr.type`.
    pub fn export_graphml_document(&self, account_id: Id) -> Result<GraphmlExport> {
        let detail = self.account_detail(account_id)?;
        let team = self.list_team_members()?;
        Ok(export::document(&detail, &team))
    }
}

/// A new account as an import creates it: the given name, tier standard, nothing else.
fn new_account(name: &str) -> AccountFields {
    AccountFields {
        name: name.trim().to_string(),
        industry: String::new(),
        region: String::new(),
        tier: Tier::Standard,
        annual_revenue: 0.0,
        annual_margin: 0.0,
        factor_scores: Vec::new(),
        clv: ClvInputs::default(),
        notes: String::new(),
    }
}

/// Turns a GraphML file's bytes into text: UTF-8 (with or without a byte-order mark)
/// or UTF-16 with a byte-order mark. Anything else is refused with a message saying so.
pub fn decode(bytes: &[u8]) -> Result<String> {
    let utf16 = |bytes: &[u8], unit: fn([u8; 2]) -> u16| -> Result<String> {
        let units = bytes.chunks(2).map(|c| match c {
            [a, b] => unit([*a, *b]),
            _ => 0xFFFF,
        });
        char::decode_utf16(units)
            .map(|c| c.map_err(|_| file_fault("is not valid UTF-16 text; save it as UTF-8")))
            .collect()
    };
    match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => utf8(rest),
        [0xFF, 0xFE, rest @ ..] if rest.len() % 2 == 0 => utf16(rest, u16::from_le_bytes),
        [0xFE, 0xFF, rest @ ..] if rest.len() % 2 == 0 => utf16(rest, u16::from_be_bytes),
        _ => utf8(bytes),
    }
}

fn utf8(bytes: &[u8]) -> Result<String> {
    String::from_utf8(bytes.to_vec()).map_err(|e| {
        file_fault(format!(
            "is not UTF-8 text (invalid byte at offset {}); save it as UTF-8",
            e.utf8_error().valid_up_to()
        ))
    })
}

/// A fault of the file as a whole (no element, key or value to name).
pub(crate) fn file_fault(message: impl Into<String>) -> StoreError {
    StoreError::GraphMl {
        element: String::new(),
        key: None,
        value: None,
        message: message.into(),
    }
}

/// Writes `contents` to `dest` so that `dest` is either the old file or the complete
/// new one, never half of one: a temporary file beside it, flushed to disk, then
/// renamed into place.
pub fn write_atomically(dest: &Path, contents: &[u8]) -> std::io::Result<()> {
    let dir = dest
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    let file_name = dest
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "export.graphml".into());
    let temp = dir.join(format!(".{file_name}.partial-{}", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(contents)?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&temp, dest)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

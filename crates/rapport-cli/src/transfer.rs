//! `import graphml` and `export graphml`: move one account's buying centre between a
//! workspace and a GraphML file that Gephi, yEd, NetworkX or Cytoscape can read.

use std::io::Write;
use std::path::Path;

use rapport_store::{graphml, ImportSummary, Workspace};

use crate::cli::{ExportGraphmlArgs, ImportGraphmlArgs};
use crate::error::CliError;

/// Reads the file, imports it as one undoable step, says what was added.
pub fn import_graphml(
    workspace: &Path,
    args: &ImportGraphmlArgs,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let bytes = std::fs::read(&args.path).map_err(|source| CliError::ReadInput {
        path: args.path.clone(),
        source,
    })?;
    let xml = graphml::decode(&bytes)?;
    let mut ws = Workspace::open(workspace)?;
    let summary = ws.import_graphml(&xml, &args.account)?;
    writeln!(out, "{}", imported(&summary))?;
    if summary.merged_ties > 0 {
        writeln!(
            out,
            "Merged {} that repeated a tie (same people, direction and kind), keeping the highest strength.",
            count(summary.merged_ties, "edge", "edges")
        )?;
    }
    Ok(())
}

/// Writes the account to the file atomically, says what it holds.
pub fn export_graphml(
    workspace: &Path,
    args: &ExportGraphmlArgs,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let ws = Workspace::open(workspace)?;
    let Some(account) = ws.account_named(&args.account)? else {
        return Err(CliError::UnknownAccount {
            name: args.account.clone(),
            known: ws.list_accounts()?.into_iter().map(|a| a.name).collect(),
        });
    };
    if same_file(workspace, &args.path) {
        return Err(CliError::WouldOverwriteWorkspace(args.path.clone()));
    }
    let export = ws.export_graphml_document(account)?;
    graphml::write_atomically(&args.path, export.xml.as_bytes()).map_err(|source| {
        CliError::WriteFile {
            path: args.path.clone(),
            source,
        }
    })?;
    writeln!(
        out,
        "Exported {}, {}, {} and {} of {} to {}.",
        count(export.stakeholders, "person", "people"),
        count(export.team_members, "team member", "team members"),
        count(export.influences, "influence tie", "influence ties"),
        count(export.coverage, "coverage tie", "coverage ties"),
        export.account_name,
        args.path.display()
    )?;
    Ok(())
}

/// "Imported 26 people, 4 team members (1 new), 57 influence ties and 12 coverage
/// ties into Northwind Telecom."
fn imported(s: &ImportSummary) -> String {
    let mut team = count(s.team_members, "team member", "team members");
    if s.team_members_created > 0 {
        team.push_str(&format!(" ({} new)", s.team_members_created));
    }
    let account = if s.account_created {
        format!("the new account {} (tier standard)", s.account_name)
    } else {
        s.account_name.clone()
    };
    format!(
        "Imported {}, {}, {} and {} into {}.",
        count(s.stakeholders, "person", "people"),
        team,
        count(s.influences, "influence tie", "influence ties"),
        count(s.coverage, "coverage tie", "coverage ties"),
        account
    )
}

/// "1 person", "3 people".
fn count(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Do both paths name the same existing file?
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary() -> ImportSummary {
        ImportSummary {
            account_id: 1,
            account_name: "Northwind Telecom".into(),
            account_created: false,
            stakeholders: 26,
            team_members: 4,
            team_members_created: 0,
            influences: 57,
            coverage: 12,
            merged_ties: 0,
        }
    }

    #[test]
    fn the_import_message_counts_in_words() {
        assert_eq!(
            imported(&summary()),
            "Imported 26 people, 4 team members, 57 influence ties and 12 coverage ties into Northwind Telecom."
        );
        let one = ImportSummary {
            account_created: true,
            account_name: "Solo".into(),
            stakeholders: 1,
            team_members: 1,
            team_members_created: 1,
            influences: 1,
            coverage: 1,
            ..summary()
        };
        assert_eq!(
            imported(&one),
            "Imported 1 person, 1 team member (1 new), 1 influence tie and 1 coverage tie into the new account Solo (tier standard)."
        );
    }
}

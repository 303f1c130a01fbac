//! Finding an account by the name a person types (on the command line, for an import),
//! forgiving a difference in letter case when that leaves no doubt.

use rapport_core::Id;

use crate::error::Result;
use crate::workspace::Workspace;

impl Workspace {
    /// The account a person means by `name`: the one with exactly this name (trimmed;
    /// the oldest when several share it), else the only one whose name differs just in
    /// letter case. `None` when there is no such account or the case-insensitive match
    /// is ambiguous.
    pub fn account_named(&self, name: &str) -> Result<Option<Id>> {
        Ok(self.find_account(name)?.map(|(id, _)| id))
    }

    /// [`Workspace::account_named`] with the name as stored.
    pub(crate) fn find_account(&self, name: &str) -> Result<Option<(Id, String)>> {
        let wanted = name.trim();
        let accounts: Vec<(Id, String)> = self.with_read(|tx| {
            let mut stmt = tx.prepare("SELECT id, name FROM accounts ORDER BY id")?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })?;
        if let Some(exact) = accounts.iter().find(|(_, n)| n == wanted) {
            return Ok(Some(exact.clone()));
        }
        let folded = wanted.to_lowercase();
        let mut matches = accounts
            .into_iter()
            .filter(|(_, n)| n.to_lowercase() == folded);
        Ok(match (matches.next(), matches.next()) {
            (Some(only), None) => Some(only),
            _ => None,
        })
    }
}

//! Writes one account as a directed GraphML document that Gephi, yEd, NetworkX and
//! Cytoscape read, and that Rapport's own import reads back unchanged: every key is
//! declared with its `attr.type`, and every text is escaped.

use std::collections::HashSet;
use std::fmt::Write;

use rapport_core::{AccountDetail, Id, TeamMember};
use serde::Serialize;

/// A GraphML document and what it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct GraphmlExport {
    /// The document, UTF-8.
    pub xml: String,
    /// The exported account's name.
    pub account_name: String,
    pub stakeholders: u32,
    /// Team members covering the account's stakeholders.
    pub team_members: u32,
    pub influences: u32,
    pub coverage: u32,
}

/// Keys: (id = attr.name, for, attr.type). The id equals the name, so tools that look
/// data up by key id (as Gephi's `label` does) find it too.
const KEYS: &[(&str, &str, &str)] = &[
    ("name", "node", "string"),
    ("label", "node", "string"),
    ("title", "node", "string"),
    ("roles", "node", "string"),
    ("attitude", "node", "string"),
    ("power", "node", "int"),
    ("interest", "node", "int"),
    ("team", "node", "boolean"),
    ("strength", "edge", "int"),
    ("kind", "edge", "string"),
    ("account", "graph", "string"),
];

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The account's stakeholders, the team members covering them, and all their ties.
pub(super) fn document(detail: &AccountDetail, team: &[TeamMember]) -> GraphmlExport {
    let covering: HashSet<Id> = detail
        .coverage
        .iter()
        .map(|c| c.fields.team_member_id)
        .collect();
    let team: Vec<&TeamMember> = team.iter().filter(|m| covering.contains(&m.id)).collect();

    let mut xml = String::with_capacity(
        1024 + 400 * detail.stakeholders.len()
            + 120 * (detail.influences.len() + detail.coverage.len()),
    );
    xml.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.push_str(concat!(
        "<!-- Written by Rapport ",
        env!("CARGO_PKG_VERSION"),
        ". Nodes: stakeholders (team=false) and our team members (team=true).\n",
        "     Edges: influence ties (stakeholder to stakeholder: strength, kind) and\n",
        "     coverage ties (team member to stakeholder: strength). -->\n"
    ));
    xml.push_str(
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns \
         http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    );
    for (id, domain, kind) in KEYS {
        let _ = writeln!(
            xml,
            "  <key id=\"{id}\" for=\"{domain}\" attr.name=\"{id}\" attr.type=\"{kind}\"/>"
        );
    }
    let _ = writeln!(
        xml,
        "  <graph id=\"account-{}\" edgedefault=\"directed\">",
        detail.account.id
    );
    data(&mut xml, "    ", "account", &detail.account.fields.name);

    for s in &detail.stakeholders {
        let f = &s.fields;
        let _ = writeln!(xml, "    <node id=\"s{}\">", s.id);
        data(&mut xml, "      ", "name", &f.name);
        data(&mut xml, "      ", "label", &f.name);
        data(&mut xml, "      ", "title", &f.title);
        let roles: Vec<&str> = f.roles.iter().map(|r| r.code()).collect();
        data(&mut xml, "      ", "roles", &roles.join(","));
        data(&mut xml, "      ", "attitude", f.attitude.code());
        data(&mut xml, "      ", "power", &f.power.to_string());
        data(&mut xml, "      ", "interest", &f.interest.to_string());
        data(&mut xml, "      ", "team", "false");
        xml.push_str("    </node>\n");
    }
    for m in &team {
        let _ = writeln!(xml, "    <node id=\"t{}\">", m.id);
        data(&mut xml, "      ", "name", &m.fields.name);
        data(&mut xml, "      ", "label", &m.fields.name);
        data(&mut xml, "      ", "team", "true");
        xml.push_str("    </node>\n");
    }
    for tie in &detail.influences {
        let f = &tie.fields;
        let _ = writeln!(
            xml,
            "    <edge id=\"i{}\" source=\"s{}\" target=\"s{}\">",
            tie.id, f.from_id, f.to_id
        );
        data(&mut xml, "      ", "strength", &f.strength.to_string());
        data(&mut xml, "      ", "kind", f.kind.code());
        xml.push_str("    </edge>\n");
    }
    for tie in &detail.coverage {
        let f = &tie.fields;
        let _ = writeln!(
            xml,
            "    <edge id=\"c{}\" source=\"t{}\" target=\"s{}\">",
            tie.id, f.team_member_id, f.stakeholder_id
        );
        data(&mut xml, "      ", "strength", &f.strength.to_string());
        xml.push_str("    </edge>\n");
    }
    xml.push_str("  </graph>\n</graphml>\n");

    GraphmlExport {
        xml,
        account_name: detail.account.fields.name.clone(),
        stakeholders: count(detail.stakeholders.len()),
        team_members: count(team.len()),
        influences: count(detail.influences.len()),
        coverage: count(detail.coverage.len()),
    }
}

/// `<data key="…">value</data>` on its own line.
fn data(xml: &mut String, indent: &str, key: &str, value: &str) {
    xml.push_str(indent);
    xml.push_str("<data key=\"");
    xml.push_str(key);
    xml.push_str("\">");
    escape_into(xml, value);
    xml.push_str("</data>\n");
}

/// Appends `text` escaped for XML text or attribute values. Line breaks and tabs
/// become character references so that no parser normalises them away; characters
/// XML 1.0 cannot carry at all (most control characters) become U+FFFD.
fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_covers_markup_quotes_and_characters_xml_cannot_hold() {
        let cases = [
            ("A & B \"quoted\"", "A &amp; B &quot;quoted&quot;"),
            (
                "<img src=x onerror=alert(1)>",
                "&lt;img src=x onerror=alert(1)&gt;",
            ),
            ("it's", "it&apos;s"),
            ("中文", "中文"),
            ("a\tb\nc\r", "a&#9;b&#10;c&#13;"),
            ("bell\u{7}", "bell\u{FFFD}"),
        ];
        for (text, want) in cases {
            let mut out = String::new();
            escape_into(&mut out, text);
            assert_eq!(out, want, "{text:?}");
        }
    }
}

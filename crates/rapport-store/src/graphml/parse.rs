//! Reads a GraphML document into a checked, in-memory buying-centre graph before
//! anything touches the workspace, so a bad value anywhere refuses the whole file and
//! the write that follows needs no further checks.

use std::borrow::Cow;
use std::collections::hash_map::Entry;
use std::collections::HashMap;

use rapport_core::validate::MAX_NAME;
use rapport_core::{Attitude, BuyingRole, InfluenceKind};
use roxmltree::{Document, Node};

use super::{file_fault, values};
use crate::error::{Result, StoreError};

/// A stakeholder as the file describes them.
#[derive(Debug)]
pub(super) struct Person {
    pub name: String,
    pub title: String,
    pub roles: Vec<BuyingRole>,
    pub attitude: Attitude,
    pub power: u8,
    pub interest: u8,
}

/// An influence tie between two of the file's stakeholders (indices into
/// [`Graph::stakeholders`]).
#[derive(Debug)]
pub(super) struct InfluenceTie {
    pub from: usize,
    pub to: usize,
    pub strength: u8,
    pub kind: InfluenceKind,
}

/// A coverage tie from one of the file's team members (index into [`Graph::team`]) to
/// one of its stakeholders.
#[derive(Debug)]
pub(super) struct CoverageTie {
    pub team: usize,
    pub stakeholder: usize,
    pub strength: u8,
}

/// Everything a GraphML document says, checked and ready to write.
#[derive(Debug, Default)]
pub(super) struct Graph {
    pub stakeholders: Vec<Person>,
    /// Distinct team member names (trimmed), in the order the file first names them.
    pub team: Vec<String>,
    /// At most one tie per ordered pair of people and kind.
    pub influences: Vec<InfluenceTie>,
    /// At most one tie per (team member, stakeholder).
    pub coverage: Vec<CoverageTie>,
    /// Edges dropped because another edge already gave the same tie (influence: same
    /// two people, direction and kind; coverage: same team member and stakeholder).
    pub merged_ties: u32,
}

/// The data keys Rapport reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Name,
    Label,
    Title,
    Roles,
    Attitude,
    Power,
    Interest,
    Team,
    Strength,
    Kind,
}

const FIELD_COUNT: usize = 10;

impl Field {
    fn name(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Label => "label",
            Field::Title => "title",
            Field::Roles => "roles",
            Field::Attitude => "attitude",
            Field::Power => "power",
            Field::Interest => "interest",
            Field::Team => "team",
            Field::Strength => "strength",
            Field::Kind => "kind",
        }
    }
}

/// Whether a key's values belong to nodes or to edges.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Domain {
    Node,
    Edge,
}

impl Domain {
    fn fields(self) -> &'static [Field] {
        match self {
            Domain::Node => &[
                Field::Name,
                Field::Label,
                Field::Title,
                Field::Roles,
                Field::Attitude,
                Field::Power,
                Field::Interest,
                Field::Team,
            ],
            Domain::Edge => &[Field::Strength, Field::Kind],
        }
    }

    /// Does a `<key for="…">` apply to this domain?
    fn accepts(self, key_for: &str) -> bool {
        match self {
            Domain::Node => matches!(key_for, "node" | "all"),
            Domain::Edge => matches!(key_for, "edge" | "all"),
        }
    }
}

/// How a key came to name a field; lower wins when two keys name the same field:
/// 0 `attr.name` exactly, 1 `attr.name` ignoring case, 2 key id exactly, 3 key id
/// ignoring case.
type Rank = u8;

/// A value and the rank of the key that gave it.
type Slot<'a> = Option<(Cow<'a, str>, Rank)>;

fn match_field(domain: Domain, name: &str, exact_rank: Rank) -> Option<(Field, Rank)> {
    let name = name.trim();
    let fields = domain.fields();
    if let Some(f) = fields.iter().find(|f| f.name() == name) {
        return Some((*f, exact_rank));
    }
    fields
        .iter()
        .find(|f| f.name().eq_ignore_ascii_case(name))
        .map(|f| (*f, exact_rank + 1))
}

/// A declared `<key>`: the field it gives for nodes and for edges, if any.
#[derive(Debug, Clone, Copy)]
struct Key {
    node: Option<(Field, Rank)>,
    edge: Option<(Field, Rank)>,
}

/// The document's `<key>` declarations and their `<default>` values.
struct Keys<'a> {
    by_id: HashMap<&'a str, Key>,
    node_defaults: [Slot<'a>; FIELD_COUNT],
    edge_defaults: [Slot<'a>; FIELD_COUNT],
}

impl<'a> Keys<'a> {
    fn read(root: Node<'a, '_>) -> Self {
        let mut keys = Keys {
            by_id: HashMap::new(),
            node_defaults: Default::default(),
            edge_defaults: Default::default(),
        };
        for key in root.children().filter(|c| c.has_tag_name("key")) {
            let Some(id) = key.attribute("id") else {
                continue;
            };
            let key_for = key.attribute("for").unwrap_or("all").trim();
            let attr_name = key.attribute("attr.name");
            let field_in = |domain: Domain| {
                if !domain.accepts(key_for) {
                    return None;
                }
                attr_name
                    .and_then(|n| match_field(domain, n, 0))
                    .or_else(|| match_field(domain, id, 2))
            };
            let found = Key {
                node: field_in(Domain::Node),
                edge: field_in(Domain::Edge),
            };
            if let Some(default) = key.children().find(|c| c.has_tag_name("default")) {
                let text = text_of(default);
                for (defaults, field) in [
                    (&mut keys.node_defaults, found.node),
                    (&mut keys.edge_defaults, found.edge),
                ] {
                    if let Some((field, rank)) = field {
                        let slot = &mut defaults[field as usize];
                        if slot.as_ref().is_none_or(|(_, r)| rank < *r) {
                            *slot = Some((text.clone(), rank));
                        }
                    }
                }
            }
            keys.by_id.insert(id, found);
        }
        keys
    }

    fn field(&self, domain: Domain, key_id: &str) -> Option<(Field, Rank)> {
        match self.by_id.get(key_id) {
            Some(key) => match domain {
                Domain::Node => key.node,
                Domain::Edge => key.edge,
            },
            // Undeclared keys are matched by their id, as some tools write them.
            None => match_field(domain, key_id, 2),
        }
    }

    fn defaults(&self, domain: Domain) -> &[Slot<'a>; FIELD_COUNT] {
        match domain {
            Domain::Node => &self.node_defaults,
            Domain::Edge => &self.edge_defaults,
        }
    }
}

/// The text of an element: its text children joined (usually just one).
fn text_of<'a>(element: Node<'a, '_>) -> Cow<'a, str> {
    let mut texts = element
        .children()
        .filter_map(|c| c.is_text().then(|| c.text()).flatten());
    match (texts.next(), texts.next()) {
        (None, _) => Cow::Borrowed(""),
        (Some(one), None) => Cow::Borrowed(one),
        (Some(first), Some(second)) => {
            let mut all = String::from(first);
            all.push_str(second);
            texts.for_each(|t| all.push_str(t));
            Cow::Owned(all)
        }
    }
}

/// Where in the file a fault is, for messages.
#[derive(Debug, Clone, Copy)]
enum Site<'a> {
    Node {
        id: Option<&'a str>,
        position: usize,
    },
    Edge {
        id: Option<&'a str>,
        source: Option<&'a str>,
        target: Option<&'a str>,
        position: usize,
    },
}

impl Site<'_> {
    fn describe(&self) -> String {
        match *self {
            Site::Node { id: Some(id), .. } => format!("node {id:?}"),
            Site::Node { id: None, position } => format!("node #{position}"),
            Site::Edge {
                id,
                source,
                target,
                position,
            } => {
                let mut text = match id {
                    Some(id) => format!("edge {id:?}"),
                    None => format!("edge #{position}"),
                };
                if let (Some(s), Some(t)) = (source, target) {
                    text.push_str(&format!(" ({s} → {t})"));
                }
                text
            }
        }
    }

    fn fault(
        &self,
        key: Option<&str>,
        value: Option<&str>,
        message: impl Into<String>,
    ) -> StoreError {
        StoreError::GraphMl {
            element: self.describe(),
            key: key.map(str::to_string),
            value: value.map(str::to_string),
            message: message.into(),
        }
    }
}

/// One node's or edge's data values, by field, with the keys' defaults behind them.
struct Values<'a, 'k> {
    slots: [Slot<'a>; FIELD_COUNT],
    defaults: &'k [Slot<'a>; FIELD_COUNT],
}

impl<'a, 'k> Values<'a, 'k> {
    fn collect(
        element: Node<'a, '_>,
        domain: Domain,
        keys: &'k Keys<'a>,
        site: &Site<'_>,
    ) -> Result<Self> {
        let mut slots: [Slot<'a>; FIELD_COUNT] = Default::default();
        for data in element.children().filter(|c| c.has_tag_name("data")) {
            let Some((field, rank)) = data.attribute("key").and_then(|k| keys.field(domain, k))
            else {
                continue;
            };
            let slot = &mut slots[field as usize];
            match slot {
                Some((_, held)) if *held < rank => {}
                Some((_, held)) if *held == rank => {
                    return Err(site.fault(Some(field.name()), None, "is given twice"));
                }
                _ => *slot = Some((text_of(data), rank)),
            }
        }
        Ok(Values {
            slots,
            defaults: keys.defaults(domain),
        })
    }

    /// The value of a field as written; blank values count as absent, and then the
    /// key's `<default>` applies.
    fn get(&self, field: Field) -> Option<&str> {
        present(&self.slots[field as usize]).or_else(|| present(&self.defaults[field as usize]))
    }

    /// A 1–5 value, 3 when absent.
    fn scale(&self, field: Field, site: &Site<'_>) -> Result<u8> {
        match self.get(field) {
            None => Ok(3),
            Some(text) => values::scale(text).ok_or_else(|| {
                site.fault(
                    Some(field.name()),
                    Some(text),
                    "is not a whole number from 1 to 5",
                )
            }),
        }
    }
}

/// A slot's text unless it is blank.
fn present<'s>(slot: &'s Slot<'_>) -> Option<&'s str> {
    slot.as_ref()
        .map(|(text, _)| text.as_ref())
        .filter(|t| !t.trim().is_empty())
}

/// yEd keeps a node's visible label in its graphics data (`<y:NodeLabel>`).
fn yed_label<'a>(node: Node<'a, '_>) -> Option<&'a str> {
    node.children()
        .filter(|c| c.has_tag_name("data"))
        .flat_map(|d| d.descendants())
        .filter(|d| d.has_tag_name("NodeLabel"))
        .find_map(|l| l.text().map(str::trim).filter(|t| !t.is_empty()))
}

fn check_length(site: &Site<'_>, key: &str, text: &str) -> Result<()> {
    let len = text.chars().count();
    if len > MAX_NAME {
        return Err(site.fault(
            Some(key),
            Some(text),
            format!("is {len} characters long; the limit is {MAX_NAME}"),
        ));
    }
    Ok(())
}

/// The nodes and edges of the main graph and of graphs nested in its nodes.
#[derive(Default)]
struct Elements<'a, 'i> {
    /// In document order; `true` for group nodes (nodes holding a nested graph).
    nodes: Vec<(Node<'a, 'i>, bool)>,
    /// With the direction their graph gives edges by default.
    edges: Vec<(Node<'a, 'i>, bool)>,
}

/// Reads and checks a whole GraphML document.
pub(super) fn read(xml: &str) -> Result<Graph> {
    let doc = Document::parse(xml).map_err(|e| match e {
        // Entity definitions can expand a small file enormously; GraphML needs none.
        roxmltree::Error::DtdDetected => file_fault(
            "the file has a DTD (<!DOCTYPE …>), which Rapport does not read; remove it and try again",
        ),
        e => file_fault(format!("not well-formed XML: {e}")),
    })?;
    let root = doc.root_element();
    if !root.has_tag_name("graphml") {
        return Err(file_fault(format!(
            "the root element is <{}>, not <graphml>",
            root.tag_name().name()
        )));
    }
    let keys = Keys::read(root);
    let graphs: Vec<Node<'_, '_>> = root
        .children()
        .filter(|c| c.has_tag_name("graph"))
        .collect();
    let graph = match graphs.as_slice() {
        [one] => *one,
        [] => return Err(file_fault("the file has no <graph> element")),
        many => {
            return Err(file_fault(format!(
                "the file holds {} graphs; import one graph per account",
                many.len()
            )))
        }
    };
    let elements = gather(graph)?;
    Builder::default().build(&keys, &elements)
}

/// Collects the nodes and edges of `main` and of the graphs nested in its nodes (yEd
/// groups), in document order. Walks only graph → node → graph, never into data, and
/// keeps its own stack, so a deeply nested file cannot exhaust the thread's stack.
fn gather<'a, 'i>(main: Node<'a, 'i>) -> Result<Elements<'a, 'i>> {
    let mut elements = Elements::default();
    let mut stack = vec![(main.children(), edge_default(main, true)?)];
    while let Some((children, directed)) = stack.last_mut() {
        let directed = *directed;
        let Some(child) = children.next() else {
            stack.pop();
            continue;
        };
        if !child.is_element() {
            continue;
        }
        match child.tag_name().name() {
            "node" => {
                let nested = child.children().find(|c| c.has_tag_name("graph"));
                elements.nodes.push((child, nested.is_some()));
                if let Some(nested) = nested {
                    stack.push((nested.children(), edge_default(nested, directed)?));
                }
            }
            "edge" => elements.edges.push((child, directed)),
            "hyperedge" => {
                return Err(file_fault(
                    "the file has hyperedges, which Rapport cannot import (a tie joins two people)",
                ))
            }
            _ => {}
        }
    }
    Ok(elements)
}

/// A graph's `edgedefault`: `directed` (the default) or `undirected`.
fn edge_default(graph: Node<'_, '_>, inherited: bool) -> Result<bool> {
    match graph.attribute("edgedefault").map(str::trim) {
        None => Ok(inherited),
        Some("directed") => Ok(true),
        Some("undirected") => Ok(false),
        Some(other) => Err(StoreError::GraphMl {
            element: match graph.attribute("id") {
                Some(id) => format!("graph {id:?}"),
                None => "graph".into(),
            },
            key: Some("edgedefault".into()),
            value: Some(other.into()),
            message: "is neither directed nor undirected".into(),
        }),
    }
}

/// The node an edge's `source` or `target` names.
fn endpoint<'e>(
    site: &Site<'_>,
    ids: &HashMap<&str, Ref>,
    key: &str,
    end: Option<&'e str>,
) -> Result<(Ref, &'e str)> {
    let end = end.ok_or_else(|| site.fault(Some(key), None, "is missing"))?;
    match ids.get(end) {
        None => Err(site.fault(Some(key), Some(end), "is not the id of a node in the graph")),
        Some(Ref::Group) => Err(site.fault(
            Some(key),
            Some(end),
            "is a group node (a nested graph), not a person",
        )),
        Some(meaning) => Ok((*meaning, end)),
    }
}

/// What a node id stands for.
#[derive(Debug, Clone, Copy)]
enum Ref {
    Stakeholder(usize),
    Team(usize),
    Group,
}

/// Builds the [`Graph`], merging repeated ties as it goes.
#[derive(Default)]
struct Builder {
    graph: Graph,
    team_index: HashMap<String, usize>,
    /// Keyed by (from, to, kind): ties of different kinds between the same two people
    /// (reports to and advises) are distinct, as Rapport stores them.
    influence_index: HashMap<(usize, usize, InfluenceKind), usize>,
    coverage_index: HashMap<(usize, usize), usize>,
}

impl Builder {
    fn build<'a>(mut self, keys: &Keys<'a>, elements: &Elements<'a, '_>) -> Result<Graph> {
        let mut ids: HashMap<&'a str, Ref> = HashMap::with_capacity(elements.nodes.len());
        for (i, (node, group)) in elements.nodes.iter().enumerate() {
            let id = node.attribute("id");
            let site = Site::Node {
                id,
                position: i + 1,
            };
            let Some(id) = id else {
                return Err(site.fault(None, None, "has no id"));
            };
            let meaning = if *group {
                Ref::Group
            } else {
                self.node(*node, id, keys, &site)?
            };
            if ids.insert(id, meaning).is_some() {
                return Err(site.fault(Some("id"), Some(id), "is the id of another node too"));
            }
        }
        for (i, (edge, directed_default)) in elements.edges.iter().enumerate() {
            self.edge(*edge, *directed_default, i + 1, &ids, keys)?;
        }
        Ok(self.graph)
    }

    fn node<'a>(
        &mut self,
        node: Node<'a, '_>,
        id: &'a str,
        keys: &Keys<'a>,
        site: &Site<'_>,
    ) -> Result<Ref> {
        let values = Values::collect(node, Domain::Node, keys, site)?;
        let team = match values.get(Field::Team) {
            None => false,
            Some(text) => values::boolean(text).ok_or_else(|| {
                site.fault(
                    Some("team"),
                    Some(text),
                    "is not a boolean; use true, false, 1 or 0",
                )
            })?,
        };
        let (name, key) = values
            .get(Field::Name)
            .map(|n| (n, "name"))
            .or_else(|| values.get(Field::Label).map(|l| (l, "label")))
            .or_else(|| yed_label(node).map(|l| (l, "label")))
            .unwrap_or((id, "id"));
        let name = name.trim();
        if name.is_empty() {
            return Err(site.fault(
                Some("name"),
                None,
                "is missing, and so are the label and the id",
            ));
        }
        check_length(site, key, name)?;
        let title = values.get(Field::Title).map(str::trim).unwrap_or("");
        check_length(site, "title", title)?;
        let roles = match values.get(Field::Roles) {
            None => Vec::new(),
            Some(text) => values::roles(text).map_err(|bad| {
                site.fault(
                    Some("roles"),
                    Some(text),
                    format!(
                        "names an unknown role {bad:?}; the roles are {}",
                        BuyingRole::codes()
                    ),
                )
            })?,
        };
        let attitude = match values.get(Field::Attitude) {
            None => Attitude::Unknown,
            Some(text) => values::attitude(text).ok_or_else(|| {
                site.fault(
                    Some("attitude"),
                    Some(text),
                    format!("is not an attitude; use one of {}", Attitude::codes()),
                )
            })?,
        };
        let power = values.scale(Field::Power, site)?;
        let interest = values.scale(Field::Interest, site)?;
        if team {
            let next = self.graph.team.len();
            let index = *self.team_index.entry(name.to_string()).or_insert(next);
            if index == next {
                self.graph.team.push(name.to_string());
            }
            return Ok(Ref::Team(index));
        }
        self.graph.stakeholders.push(Person {
            name: name.to_string(),
            title: title.to_string(),
            roles,
            attitude,
            power,
            interest,
        });
        Ok(Ref::Stakeholder(self.graph.stakeholders.len() - 1))
    }

    fn edge<'a>(
        &mut self,
        edge: Node<'a, '_>,
        directed_default: bool,
        position: usize,
        ids: &HashMap<&'a str, Ref>,
        keys: &Keys<'a>,
    ) -> Result<()> {
        let (source, target) = (edge.attribute("source"), edge.attribute("target"));
        let site = Site::Edge {
            id: edge.attribute("id"),
            source,
            target,
            position,
        };
        let (from, source) = endpoint(&site, ids, "source", source)?;
        let (to, target) = endpoint(&site, ids, "target", target)?;
        let directed = match edge.attribute("directed") {
            None => directed_default,
            Some(text) => values::boolean(text).ok_or_else(|| {
                site.fault(
                    Some("directed"),
                    Some(text),
                    "is not a boolean; use true or false",
                )
            })?,
        };
        let values = Values::collect(edge, Domain::Edge, keys, &site)?;
        let strength = values.scale(Field::Strength, &site)?;
        let kind = match values.get(Field::Kind) {
            None => InfluenceKind::Informal,
            Some(text) => values::influence_kind(text).ok_or_else(|| {
                site.fault(
                    Some("kind"),
                    Some(text),
                    format!(
                        "is not a kind of tie; use one of {}",
                        InfluenceKind::codes()
                    ),
                )
            })?,
        };
        if source == target {
            return Err(site.fault(
                None,
                None,
                "joins a node to itself; self-loops are not allowed",
            ));
        }
        match (from, to) {
            (Ref::Team(_), Ref::Team(_)) => Err(site.fault(
                None,
                None,
                "joins two team members; an edge needs at least one stakeholder",
            )),
            (Ref::Team(member), Ref::Stakeholder(person))
            | (Ref::Stakeholder(person), Ref::Team(member)) => {
                self.coverage(member, person, strength);
                Ok(())
            }
            (Ref::Stakeholder(a), Ref::Stakeholder(b)) => {
                self.influence(a, b, strength, kind);
                if !directed {
                    self.influence(b, a, strength, kind);
                }
                Ok(())
            }
            // Groups were refused above.
            (Ref::Group, _) | (_, Ref::Group) => Ok(()),
        }
    }

    fn influence(&mut self, from: usize, to: usize, strength: u8, kind: InfluenceKind) {
        match self.influence_index.entry((from, to, kind)) {
            Entry::Occupied(held) => {
                self.graph.merged_ties += 1;
                let tie = &mut self.graph.influences[*held.get()];
                tie.strength = tie.strength.max(strength);
            }
            Entry::Vacant(slot) => {
                slot.insert(self.graph.influences.len());
                self.graph.influences.push(InfluenceTie {
                    from,
                    to,
                    strength,
                    kind,
                });
            }
        }
    }

    fn coverage(&mut self, team: usize, stakeholder: usize, strength: u8) {
        match self.coverage_index.entry((team, stakeholder)) {
            Entry::Occupied(held) => {
                self.graph.merged_ties += 1;
                let tie = &mut self.graph.coverage[*held.get()];
                tie.strength = tie.strength.max(strength);
            }
            Entry::Vacant(slot) => {
                slot.insert(self.graph.coverage.len());
                self.graph.coverage.push(CoverageTie {
                    team,
                    stakeholder,
                    strength,
                });
            }
        }
    }
}

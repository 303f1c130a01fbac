//! The buying-centre map's own data: where the user dragged each node in a layout, and
//! a multi-selection of people and ties to delete as one action. Only their shape and
//! field checks live here; the store checks that the ids exist and belong together.

use serde::{Deserialize, Serialize};

use crate::model::Id;
use crate::validate::{Checker, FieldError, FieldErrorCode, Validate, ValidationError};

/// Largest saved coordinate (absolute value), far outside any useful canvas.
pub const MAX_MAP_COORDINATE: f64 = 1e7;
/// Most positions saved, or ids deleted, in one call.
pub const MAX_MAP_ITEMS: usize = 20_000;

/// A way of drawing an account; each keeps its own saved positions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum MapLayout {
    /// Reporting lines as a tree.
    OrgChart,
    /// The influence network.
    Network,
}

impl MapLayout {
    pub fn code(self) -> &'static str {
        match self {
            MapLayout::OrgChart => "org_chart",
            MapLayout::Network => "network",
        }
    }
}

/// A node of the map: one of the account's people or one of our team members.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum MapNode {
    Stakeholder(Id),
    TeamMember(Id),
}

impl std::fmt::Display for MapNode {
    /// `stakeholder 4`, `team member 7` (for messages).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MapNode::Stakeholder(id) => write!(f, "stakeholder {id}"),
            MapNode::TeamMember(id) => write!(f, "team member {id}"),
        }
    }
}

/// Where the user placed a node (model coordinates of the canvas).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MapPosition {
    pub node: MapNode,
    pub x: f64,
    pub y: f64,
}

/// What the user selected on the map to delete together.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MapSelection {
    pub stakeholders: Vec<Id>,
    pub influences: Vec<Id>,
    pub coverage: Vec<Id>,
}

impl MapSelection {
    pub fn len(&self) -> usize {
        self.stakeholders.len() + self.influences.len() + self.coverage.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Refuses a list longer than [`MAX_MAP_ITEMS`].
fn at_most_max_items(c: &mut Checker, field: &str, len: usize) {
    if len > MAX_MAP_ITEMS {
        let mut error = FieldError::new(
            field,
            FieldErrorCode::OutOfRange,
            format!("holds {len} items; the limit is {MAX_MAP_ITEMS}"),
        );
        error.min = Some(0.0);
        error.max = Some(MAX_MAP_ITEMS as f64);
        c.push(error);
    }
}

/// A coordinate's field name and how to read it.
type Axis = (&'static str, fn(&MapPosition) -> f64);

/// A batch of positions to save: finite coordinates within ±[`MAX_MAP_COORDINATE`],
/// each node once. Only the first bad coordinate of each axis is reported (a batch can
/// hold 20,000).
impl Validate for [MapPosition] {
    fn validate(&self) -> Result<(), ValidationError> {
        let mut c = Checker::new();
        at_most_max_items(&mut c, "positions", self.len());
        let axes: [Axis; 2] = [("positions.x", |p| p.x), ("positions.y", |p| p.y)];
        for (field, coordinate) in axes {
            let in_range = |v: f64| v.is_finite() && v.abs() <= MAX_MAP_COORDINATE;
            let Some(bad) = self.iter().find(|p| !in_range(coordinate(p))) else {
                continue;
            };
            let mut probe = Checker::new();
            probe.between(
                field,
                coordinate(bad),
                -MAX_MAP_COORDINATE,
                MAX_MAP_COORDINATE,
            );
            for mut error in probe.finish().err().map(|e| e.errors).unwrap_or_default() {
                error.message = format!("{}: {}", bad.node, error.message);
                c.push(error);
            }
        }
        let nodes: Vec<MapNode> = self.iter().map(|p| p.node).collect();
        c.unique("positions", &nodes);
        c.finish()
    }
}

/// A selection to delete: not empty, at most [`MAX_MAP_ITEMS`] ids, none twice.
impl Validate for MapSelection {
    fn validate(&self) -> Result<(), ValidationError> {
        let mut c = Checker::new();
        if self.is_empty() {
            c.push(FieldError::new(
                "selection",
                FieldErrorCode::Required,
                "select at least one person or tie",
            ));
        }
        at_most_max_items(&mut c, "selection", self.len());
        c.unique("stakeholders", &self.stakeholders);
        c.unique("influences", &self.influences);
        c.unique("coverage", &self.coverage);
        c.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(node: MapNode, x: f64, y: f64) -> MapPosition {
        MapPosition { node, x, y }
    }

    /// The (field, code) pairs of a validation result; empty when it passed.
    fn codes(r: Result<(), ValidationError>) -> Vec<(String, FieldErrorCode)> {
        r.err()
            .map(|e| e.errors.into_iter().map(|e| (e.field, e.code)).collect())
            .unwrap_or_default()
    }

    fn owned(expected: Vec<(&str, FieldErrorCode)>) -> Vec<(String, FieldErrorCode)> {
        expected
            .into_iter()
            .map(|(f, c)| (f.to_string(), c))
            .collect()
    }

    #[test]
    fn nodes_cross_the_boundary_as_kind_and_id() {
        let json = serde_json::to_string(&MapNode::TeamMember(7)).expect("json");
        assert_eq!(json, r#"{"kind":"team_member","id":7}"#);
        let back: MapNode =
            serde_json::from_str(r#"{"kind":"stakeholder","id":3}"#).expect("parse");
        assert_eq!(back, MapNode::Stakeholder(3));
        assert_eq!(
            serde_json::to_string(&MapLayout::OrgChart).expect("json"),
            r#""org_chart""#
        );
    }

    #[test]
    fn position_cases() {
        use FieldErrorCode::*;
        let s = MapNode::Stakeholder;
        type Case = (Vec<MapPosition>, Vec<(&'static str, FieldErrorCode)>);
        let cases: Vec<Case> = vec![
            (vec![], vec![]),
            (vec![at(s(1), 0.0, -0.0)], vec![]),
            (
                vec![at(s(1), 1e7, -1e7), at(MapNode::TeamMember(1), 2.5, 3.5)],
                vec![],
            ),
            (
                vec![at(s(1), 1e7 + 1.0, 0.0)],
                vec![("positions.x", OutOfRange)],
            ),
            (
                vec![at(s(1), f64::NAN, f64::INFINITY)],
                vec![("positions.x", NotANumber), ("positions.y", NotANumber)],
            ),
            (
                // Only the first bad coordinate of an axis is reported.
                vec![at(s(1), 0.0, -2e7), at(s(2), 0.0, f64::NAN)],
                vec![("positions.y", OutOfRange)],
            ),
            (
                vec![at(s(1), 0.0, 0.0), at(s(1), 1.0, 1.0)],
                vec![("positions", Duplicate)],
            ),
        ];
        for (positions, expected) in cases {
            assert_eq!(
                codes(positions.validate()),
                owned(expected),
                "{positions:?}"
            );
        }
        let many: Vec<MapPosition> = (0..=MAX_MAP_ITEMS as Id)
            .map(|i| at(s(i), 0.0, 0.0))
            .collect();
        assert_eq!(
            codes(many.validate()),
            vec![("positions".to_string(), OutOfRange)]
        );
        assert!(many[..MAX_MAP_ITEMS].validate().is_ok());
    }

    #[test]
    fn a_bad_coordinate_names_its_node() {
        let err = [at(MapNode::TeamMember(4), 0.0, 3e7)]
            .validate()
            .expect_err("out of range");
        assert!(
            err.errors[0].message.starts_with("team member 4: "),
            "{}",
            err.errors[0].message
        );
        assert_eq!(err.errors[0].max, Some(MAX_MAP_COORDINATE));
    }

    #[test]
    fn selection_cases() {
        use FieldErrorCode::*;
        let sel = |s: Vec<Id>, i: Vec<Id>, c: Vec<Id>| MapSelection {
            stakeholders: s,
            influences: i,
            coverage: c,
        };
        let cases = vec![
            (sel(vec![], vec![], vec![]), vec![("selection", Required)]),
            (sel(vec![1], vec![], vec![]), vec![]),
            (sel(vec![], vec![2], vec![3]), vec![]),
            (
                sel(vec![1, 1], vec![], vec![]),
                vec![("stakeholders", Duplicate)],
            ),
            (
                sel(vec![], vec![5, 5], vec![5]),
                vec![("influences", Duplicate)],
            ),
            (
                sel(vec![], vec![], vec![9, 9]),
                vec![("coverage", Duplicate)],
            ),
            (
                sel((0..15_000).collect(), (0..5_001).collect(), vec![]),
                vec![("selection", OutOfRange)],
            ),
        ];
        for (selection, expected) in cases {
            assert_eq!(codes(selection.validate()), owned(expected));
        }
    }
}

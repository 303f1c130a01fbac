//! Field-level validation of every entity, before anything is written. Errors carry a
//! code and parameters so the UI can show a translated message beside the field.

use std::collections::{BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use crate::model::{
    AccountFields, CoverageFields, FactorFields, Id, InfluenceFields, InteractionFields,
    OrgUnitFields, StageChangeFields, StakeholderFields, TeamMemberFields,
};

/// Longest name, title or short text (characters).
pub const MAX_NAME: usize = 200;
/// Longest free text: notes, needs, evidence, summaries (characters).
pub const MAX_TEXT: usize = 20_000;
/// Largest amount of money accepted (absolute value).
pub const MAX_AMOUNT: f64 = 1e15;

/// Why a field was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum FieldErrorCode {
    /// Empty or only whitespace.
    Required,
    /// Longer than `max` characters.
    TooLong,
    /// Outside `min`..=`max`.
    OutOfRange,
    /// Not a valid `YYYY-MM-DD` calendar date.
    InvalidDate,
    /// Not a finite number.
    NotANumber,
    /// A value listed twice.
    Duplicate,
    /// Points at itself (a tie from a person to the same person, a unit its own parent).
    SelfReference,
    /// Would make a loop (reporting lines, unit nesting).
    Cycle,
    /// Refers to a row that does not exist or belongs to another account.
    UnknownReference,
    /// Conflicts with another saved row (e.g. a second economic buyer).
    Conflict,
}

/// One refused field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FieldError {
    /// The field's name as in the `…Fields` type (e.g. `power`).
    pub field: String,
    pub code: FieldErrorCode,
    /// Lower bound for `out_of_range`.
    pub min: Option<f64>,
    /// Upper bound for `out_of_range` / `too_long`.
    pub max: Option<f64>,
    /// English message, for logs and the command line.
    pub message: String,
}

impl FieldError {
    pub fn new(field: &str, code: FieldErrorCode, message: impl Into<String>) -> Self {
        FieldError {
            field: field.to_string(),
            code,
            min: None,
            max: None,
            message: message.into(),
        }
    }

    fn with_bounds(mut self, min: Option<f64>, max: Option<f64>) -> Self {
        self.min = min;
        self.max = max;
        self
    }
}

/// All refused fields of one input; never empty.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, thiserror::Error)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[error("{}", summary(.errors))]
pub struct ValidationError {
    pub errors: Vec<FieldError>,
}

fn summary(errors: &[FieldError]) -> String {
    errors
        .iter()
        .map(|e| format!("{}: {}", e.field, e.message))
        .collect::<Vec<_>>()
        .join("; ")
}

impl ValidationError {
    pub fn single(error: FieldError) -> Self {
        ValidationError {
            errors: vec![error],
        }
    }
}

/// Collects field errors while checking one input.
#[derive(Debug, Default)]
pub struct Checker {
    errors: Vec<FieldError>,
}

impl Checker {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, error: FieldError) {
        self.errors.push(error);
    }

    /// A required short text: not blank, at most [`MAX_NAME`] characters.
    pub fn name(&mut self, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.push(FieldError::new(
                field,
                FieldErrorCode::Required,
                "is required",
            ));
        } else {
            self.max_len(field, value, MAX_NAME);
        }
    }

    /// An optional short text of at most [`MAX_NAME`] characters.
    pub fn short_text(&mut self, field: &str, value: &str) {
        self.max_len(field, value, MAX_NAME);
    }

    /// Free text of at most [`MAX_TEXT`] characters.
    pub fn text(&mut self, field: &str, value: &str) {
        self.max_len(field, value, MAX_TEXT);
    }

    fn max_len(&mut self, field: &str, value: &str, max: usize) {
        let len = value.chars().count();
        if len > max {
            self.push(
                FieldError::new(
                    field,
                    FieldErrorCode::TooLong,
                    format!("is {len} characters long; the limit is {max}"),
                )
                .with_bounds(None, Some(max as f64)),
            );
        }
    }

    /// A 1–5 scale value (strength, power, interest, factor score).
    pub fn scale(&mut self, field: &str, value: u8) {
        if !(1..=5).contains(&value) {
            self.push(
                FieldError::new(
                    field,
                    FieldErrorCode::OutOfRange,
                    format!("must be between 1 and 5, not {value}"),
                )
                .with_bounds(Some(1.0), Some(5.0)),
            );
        }
    }

    /// A finite number within `min..=max`.
    pub fn between(&mut self, field: &str, value: f64, min: f64, max: f64) {
        if !value.is_finite() {
            self.push(FieldError::new(
                field,
                FieldErrorCode::NotANumber,
                "must be a number",
            ));
        } else if !(min..=max).contains(&value) {
            self.push(
                FieldError::new(
                    field,
                    FieldErrorCode::OutOfRange,
                    format!("must be between {min} and {max}, not {value}"),
                )
                .with_bounds(Some(min), Some(max)),
            );
        }
    }

    /// An amount of money: finite, |x| ≤ [`MAX_AMOUNT`].
    pub fn amount(&mut self, field: &str, value: f64) {
        if !value.is_finite() {
            self.push(FieldError::new(
                field,
                FieldErrorCode::NotANumber,
                "must be a number",
            ));
        } else if value.abs() > MAX_AMOUNT {
            self.push(
                FieldError::new(
                    field,
                    FieldErrorCode::OutOfRange,
                    format!("must be between -{MAX_AMOUNT:e} and {MAX_AMOUNT:e}"),
                )
                .with_bounds(Some(-MAX_AMOUNT), Some(MAX_AMOUNT)),
            );
        }
    }

    /// A required `YYYY-MM-DD` date.
    pub fn date(&mut self, field: &str, value: &str) {
        if parse_date(value).is_none() {
            self.push(FieldError::new(
                field,
                FieldErrorCode::InvalidDate,
                format!("\"{}\" is not a date of the form YYYY-MM-DD", clip(value)),
            ));
        }
    }

    /// An optional `YYYY-MM-DD` date.
    pub fn optional_date(&mut self, field: &str, value: &Option<String>) {
        if let Some(v) = value {
            self.date(field, v);
        }
    }

    /// No value listed twice.
    pub fn unique<T: Ord + std::fmt::Debug>(&mut self, field: &str, values: &[T]) {
        let mut seen = BTreeSet::new();
        for v in values {
            if !seen.insert(v) {
                self.push(FieldError::new(
                    field,
                    FieldErrorCode::Duplicate,
                    format!("lists {v:?} twice"),
                ));
                return;
            }
        }
    }

    pub fn finish(self) -> Result<(), ValidationError> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(ValidationError {
                errors: self.errors,
            })
        }
    }
}

/// Shortens a user value quoted in a message.
fn clip(value: &str) -> String {
    const LIMIT: usize = 40;
    if value.chars().count() > LIMIT {
        let mut s: String = value.chars().take(LIMIT).collect();
        s.push('…');
        s
    } else {
        value.to_string()
    }
}

/// Parses a strict `YYYY-MM-DD` calendar date.
pub fn parse_date(value: &str) -> Option<chrono::NaiveDate> {
    let bytes = value.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d").ok()
}

/// Validates an entity's own fields (references to other rows are checked by the store,
/// which can see them).
pub trait Validate {
    fn validate(&self) -> Result<(), ValidationError>;
}

impl Validate for FactorFields {
    fn validate(&self) -> Result<(), ValidationError> {
        let mut c = Checker::new();
        c.name("name", &self.name);
        if !self.weight.is_finite() || self.weight <= 0.0 || self.weight > 100.0 {
            c.push(
                FieldError::new(
                    "weight",
                    FieldErrorCode::OutOfRange,
                    "must be greater than 0 and at most 100",
                )
                .with_bounds(Some(0.0), Some(100.0)),
            );
        }
        c.finish()
    }
}

impl Validate for AccountFields {
    fn validate(&self) -> Result<(), ValidationError> {
        let mut c = Checker::new();
        c.name("name", &self.name);
        c.short_text("industry", &self.industry);
        c.short_text("region", &self.region);
        c.amount("annual_revenue", self.annual_revenue);
        c.amount("annual_margin", self.annual_margin);
        let ids: Vec<Id> = self.factor_scores.iter().map(|s| s.factor_id).collect();
        c.unique("factor_scores", &ids);
        for s in &self.factor_scores {
            c.scale("factor_scores", s.score);
        }
        c.between("clv.retention", self.clv.retention, 0.0, 1.0);
        c.between("clv.discount_rate", self.clv.discount_rate, 0.0, 1.0);
        c.between(
            "clv.horizon_years",
            f64::from(self.clv.horizon_years),
            1.0,
            50.0,
        );
        c.amount("clv.acquisition_cost", self.clv.acquisition_cost);
        if self.clv.acquisition_cost < 0.0 {
            c.push(
                FieldError::new(
                    "clv.acquisition_cost",
                    FieldErrorCode::OutOfRange,
                    "must not be negative",
                )
                .with_bounds(Some(0.0), Some(MAX_AMOUNT)),
            );
        }
        c.text("notes", &self.notes);
        c.finish()
    }
}

impl Validate for OrgUnitFields {
    fn validate(&self) -> Result<(), ValidationError> {
        let mut c = Checker::new();
        c.name("name", &self.name);
        c.finish()
    }
}

impl Validate for StakeholderFields {
    fn validate(&self) -> Result<(), ValidationError> {
        let mut c = Checker::new();
        c.name("name", &self.name);
        c.short_text("title", &self.title);
        c.unique("roles", &self.roles);
        c.scale("power", self.power);
        c.scale("interest", self.interest);
        c.text("org_needs", &self.org_needs);
        c.text("personal_wins", &self.personal_wins);
        c.optional_date("last_contact", &self.last_contact);
        c.text("notes", &self.notes);
        if self.dotted_to.is_some() && self.dotted_to == self.reports_to {
            c.push(FieldError::new(
                "dotted_to",
                FieldErrorCode::Duplicate,
                "is the same person as the solid reporting line",
            ));
        }
        c.finish()
    }
}

impl Validate for InfluenceFields {
    fn validate(&self) -> Result<(), ValidationError> {
        let mut c = Checker::new();
        c.scale("strength", self.strength);
        c.text("note", &self.note);
        if self.from_id == self.to_id {
            c.push(FieldError::new(
                "to_id",
                FieldErrorCode::SelfReference,
                "a person cannot influence themselves",
            ));
        }
        c.finish()
    }
}

impl Validate for TeamMemberFields {
    fn validate(&self) -> Result<(), ValidationError> {
        let mut c = Checker::new();
        c.name("name", &self.name);
        c.finish()
    }
}

impl Validate for CoverageFields {
    fn validate(&self) -> Result<(), ValidationError> {
        let mut c = Checker::new();
        c.scale("strength", self.strength);
        c.optional_date("last_contact", &self.last_contact);
        c.text("note", &self.note);
        c.finish()
    }
}

impl Validate for InteractionFields {
    fn validate(&self) -> Result<(), ValidationError> {
        let mut c = Checker::new();
        c.date("date", &self.date);
        c.unique("stakeholder_ids", &self.stakeholder_ids);
        c.unique("team_member_ids", &self.team_member_ids);
        c.text("summary", &self.summary);
        c.finish()
    }
}

impl Validate for StageChangeFields {
    fn validate(&self) -> Result<(), ValidationError> {
        let mut c = Checker::new();
        c.date("date", &self.date);
        c.text("evidence", &self.evidence);
        c.finish()
    }
}

/// Would pointing `child` at `new_parent` close a loop in a parent map (reporting lines,
/// unit nesting)? `parents` maps each row to its current parent.
pub fn creates_cycle(parents: &HashMap<Id, Id>, child: Id, new_parent: Id) -> bool {
    let mut current = Some(new_parent);
    let mut steps = 0usize;
    while let Some(node) = current {
        if node == child {
            return true;
        }
        steps += 1;
        if steps > parents.len() + 1 {
            // An existing loop not involving `child`: refuse rather than spin.
            return true;
        }
        current = parents.get(&node).copied();
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::{Attitude, BuyingRole, InfluenceKind, Tier};

    fn stakeholder() -> StakeholderFields {
        StakeholderFields {
            account_id: 1,
            name: "Li Wei".into(),
            title: "CTO".into(),
            org_unit_id: None,
            reports_to: None,
            dotted_to: None,
            roles: vec![BuyingRole::Decider],
            economic_buyer: false,
            coach: false,
            attitude: Attitude::Unknown,
            power: 5,
            interest: 3,
            org_needs: String::new(),
            personal_wins: String::new(),
            last_contact: None,
            notes: String::new(),
            placeholder: false,
        }
    }

    fn codes(r: Result<(), ValidationError>) -> Vec<(String, FieldErrorCode)> {
        match r {
            Ok(()) => vec![],
            Err(e) => e.errors.into_iter().map(|e| (e.field, e.code)).collect(),
        }
    }

    #[test]
    fn stakeholder_cases() {
        type Edit = fn(&mut StakeholderFields);
        type Expected = Vec<(&'static str, FieldErrorCode)>;
        let cases: Vec<(&str, Edit, Expected)> = vec![
            ("valid", |_| {}, vec![]),
            (
                "blank name",
                |s| s.name = "  ".into(),
                vec![("name", FieldErrorCode::Required)],
            ),
            (
                "long name",
                |s| s.name = "x".repeat(201),
                vec![("name", FieldErrorCode::TooLong)],
            ),
            ("name at limit", |s| s.name = "名".repeat(200), vec![]),
            (
                "power 0",
                |s| s.power = 0,
                vec![("power", FieldErrorCode::OutOfRange)],
            ),
            (
                "power 6",
                |s| s.power = 6,
                vec![("power", FieldErrorCode::OutOfRange)],
            ),
            (
                "interest 9",
                |s| s.interest = 9,
                vec![("interest", FieldErrorCode::OutOfRange)],
            ),
            (
                "duplicate role",
                |s| s.roles = vec![BuyingRole::User, BuyingRole::User],
                vec![("roles", FieldErrorCode::Duplicate)],
            ),
            (
                "bad date",
                |s| s.last_contact = Some("2024-02-30".into()),
                vec![("last_contact", FieldErrorCode::InvalidDate)],
            ),
            (
                "loose date",
                |s| s.last_contact = Some("2024-2-3".into()),
                vec![("last_contact", FieldErrorCode::InvalidDate)],
            ),
            (
                "dotted equals solid",
                |s| {
                    s.reports_to = Some(4);
                    s.dotted_to = Some(4);
                },
                vec![("dotted_to", FieldErrorCode::Duplicate)],
            ),
            (
                "two errors",
                |s| {
                    s.name = String::new();
                    s.power = 7;
                },
                vec![
                    ("name", FieldErrorCode::Required),
                    ("power", FieldErrorCode::OutOfRange),
                ],
            ),
        ];
        for (label, edit, want) in cases {
            let mut s = stakeholder();
            edit(&mut s);
            let got = codes(s.validate());
            let want: Vec<(String, FieldErrorCode)> =
                want.into_iter().map(|(f, c)| (f.to_string(), c)).collect();
            assert_eq!(got, want, "{label}");
        }
    }

    #[test]
    fn influence_cannot_point_at_itself_and_needs_a_scale_strength() {
        let tie = InfluenceFields {
            account_id: 1,
            from_id: 3,
            to_id: 3,
            strength: 0,
            kind: InfluenceKind::Ally,
            note: String::new(),
        };
        assert_eq!(
            codes(tie.validate()),
            vec![
                ("strength".to_string(), FieldErrorCode::OutOfRange),
                ("to_id".to_string(), FieldErrorCode::SelfReference)
            ]
        );
    }

    #[test]
    fn account_amounts_must_be_finite() {
        let mut a = AccountFields {
            name: "Northwind".into(),
            industry: String::new(),
            region: String::new(),
            tier: Tier::Key,
            annual_revenue: f64::NAN,
            annual_margin: 2e15,
            factor_scores: vec![],
            clv: crate::model::ClvInputs::default(),
            notes: String::new(),
        };
        assert_eq!(
            codes(a.validate()),
            vec![
                ("annual_revenue".to_string(), FieldErrorCode::NotANumber),
                ("annual_margin".to_string(), FieldErrorCode::OutOfRange)
            ]
        );
        a.annual_revenue = 1.0;
        a.annual_margin = -5.0;
        assert!(a.validate().is_ok());
    }

    #[test]
    fn cycles_are_detected() {
        // 2 reports to 1, 3 reports to 2.
        let parents: HashMap<Id, Id> = [(2, 1), (3, 2)].into_iter().collect();
        assert!(creates_cycle(&parents, 1, 3));
        assert!(creates_cycle(&parents, 1, 1));
        assert!(!creates_cycle(&parents, 4, 3));
        assert!(!creates_cycle(&parents, 3, 1));
    }

    #[test]
    fn dates_are_strict() {
        assert!(parse_date("2024-02-29").is_some());
        assert!(parse_date("2023-02-29").is_none());
        assert!(parse_date("20240101").is_none());
        assert!(parse_date("2024-01-01T00:00").is_none());
    }
}

//! Property tests of validation: arbitrary input never panics, and whatever passes
//! validation respects the ranges the schema's CHECK constraints also enforce.

use proptest::prelude::*;
use rapport_core::validate::{parse_date, MAX_NAME, MAX_TEXT};
use rapport_core::*;

fn attitude() -> impl Strategy<Value = Attitude> {
    prop::sample::select(Attitude::ALL.to_vec())
}

fn role() -> impl Strategy<Value = BuyingRole> {
    prop::sample::select(BuyingRole::ALL.to_vec())
}

prop_compose! {
    fn stakeholder()(
        name in ".{0,210}",
        title in ".{0,30}",
        roles in prop::collection::vec(role(), 0..9),
        attitude in attitude(),
        power in any::<u8>(),
        interest in any::<u8>(),
        date in prop::option::of("[0-9]{4}-[0-9]{2}-[0-9]{2}|.{0,12}"),
        reports_to in prop::option::of(1i64..5),
        dotted_to in prop::option::of(1i64..5),
    ) -> StakeholderFields {
        StakeholderFields {
            account_id: 1,
            name,
            title,
            org_unit_id: None,
            reports_to,
            dotted_to,
            roles,
            economic_buyer: false,
            coach: false,
            attitude,
            power,
            interest,
            org_needs: String::new(),
            personal_wins: String::new(),
            last_contact: date,
            notes: String::new(),
            placeholder: false,
        }
    }
}

proptest! {
    #[test]
    fn valid_stakeholders_respect_every_range(s in stakeholder()) {
        match s.validate() {
            Ok(()) => {
                prop_assert!(!s.name.trim().is_empty());
                prop_assert!(s.name.chars().count() <= MAX_NAME);
                prop_assert!((1..=5).contains(&s.power));
                prop_assert!((1..=5).contains(&s.interest));
                let mut roles = s.roles.clone();
                roles.sort();
                roles.dedup();
                prop_assert_eq!(roles.len(), s.roles.len());
                if let Some(d) = &s.last_contact {
                    prop_assert!(parse_date(d).is_some());
                }
                prop_assert!(s.dotted_to.is_none() || s.dotted_to != s.reports_to);
            }
            Err(e) => {
                prop_assert!(!e.errors.is_empty());
                for f in &e.errors {
                    prop_assert!(!f.message.is_empty());
                }
            }
        }
    }

    #[test]
    fn amounts_and_texts_never_panic(revenue in any::<f64>(), margin in any::<f64>(), notes_len in 0usize..(MAX_TEXT + 10)) {
        let a = AccountFields {
            name: "A".into(),
            industry: String::new(),
            region: String::new(),
            tier: Tier::Key,
            annual_revenue: revenue,
            annual_margin: margin,
            factor_scores: vec![],
            clv: rapport_core::ClvInputs::default(),
            notes: "x".repeat(notes_len),
        };
        let ok = a.validate().is_ok();
        prop_assert_eq!(
            ok,
            revenue.is_finite() && margin.is_finite() && revenue.abs() <= 1e15 && margin.abs() <= 1e15 && notes_len <= MAX_TEXT
        );
    }
}

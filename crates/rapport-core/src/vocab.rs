//! The closed vocabularies of the domain (roles, attitudes, stages, kinds), each with a
//! stable snake_case code used in SQLite, JSON, GraphML and the UI's message keys.

use serde::{Deserialize, Serialize};

/// Declares a closed vocabulary: a `Copy` enum with a stable text code per variant,
/// `ALL` in display order, and `code()` / `from_code()` for storage and parsing.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "specta", derive(specta::Type))]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable text code (SQLite, JSON, GraphML, message keys).
            pub fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code),+
                }
            }

            /// Parses a stable text code; `None` for anything else.
            pub fn from_code(code: &str) -> Option<Self> {
                match code {
                    $($code => Some($name::$variant),)+
                    _ => None,
                }
            }

            /// All codes joined for error messages ("a, b, c").
            pub fn codes() -> String {
                let codes: &[&str] = &[$($code),+];
                codes.join(", ")
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}

vocabulary! {
    /// A role a stakeholder plays in buying; a stakeholder may hold several.
    BuyingRole {
        Initiator = "initiator",
        User = "user",
        Influencer = "influencer",
        Decider = "decider",
        Approver = "approver",
        /// Procurement.
        Buyer = "buyer",
        Gatekeeper = "gatekeeper",
    }
}

vocabulary! {
    /// How a stakeholder stands toward us.
    Attitude {
        Champion = "champion",
        Supporter = "supporter",
        Neutral = "neutral",
        Sceptic = "sceptic",
        Opponent = "opponent",
        /// Not known yet: scored as neutral and reported as a knowledge gap.
        Unknown = "unknown",
    }
}

impl Attitude {
    /// The score used by support balance: champion +2 … opponent −2, unknown 0.
    pub fn score(self) -> i8 {
        match self {
            Attitude::Champion => 2,
            Attitude::Supporter => 1,
            Attitude::Neutral | Attitude::Unknown => 0,
            Attitude::Sceptic => -1,
            Attitude::Opponent => -2,
        }
    }
}

vocabulary! {
    /// Partnership stage, after Millman & Wilson's key-account relationship model.
    Stage {
        Exploratory = "exploratory",
        Basic = "basic",
        Cooperative = "cooperative",
        Interdependent = "interdependent",
        Integrated = "integrated",
        Disintegrating = "disintegrating",
    }
}

impl Stage {
    /// Stage number 1–6 as in the domain primer.
    pub fn number(self) -> u8 {
        match self {
            Stage::Exploratory => 1,
            Stage::Basic => 2,
            Stage::Cooperative => 3,
            Stage::Interdependent => 4,
            Stage::Integrated => 5,
            Stage::Disintegrating => 6,
        }
    }

    /// A move from `self` to `next` is a regression when it goes to a lower stage
    /// number or into disintegration.
    pub fn is_regression_to(self, next: Stage) -> bool {
        if next == Stage::Disintegrating {
            return self != Stage::Disintegrating;
        }
        if self == Stage::Disintegrating {
            return false;
        }
        next.number() < self.number()
    }
}

vocabulary! {
    /// The nature of an influence tie.
    InfluenceKind {
        ReportsTo = "reports_to",
        Advisor = "advisor",
        Ally = "ally",
        Rival = "rival",
        Informal = "informal",
    }
}

vocabulary! {
    /// Our team member's role on the account.
    TeamRole {
        AccountLead = "account_lead",
        SolutionEngineer = "solution_engineer",
        ExecutiveSponsor = "executive_sponsor",
        Service = "service",
        Specialist = "specialist",
        Other = "other",
    }
}

vocabulary! {
    /// The kind of a dated touchpoint.
    InteractionKind {
        Meeting = "meeting",
        Call = "call",
        Workshop = "workshop",
        Visit = "visit",
        Email = "email",
    }
}

vocabulary! {
    /// How a touchpoint went.
    Sentiment {
        Positive = "positive",
        Neutral = "neutral",
        Negative = "negative",
    }
}

vocabulary! {
    /// How an account is managed in the portfolio.
    Tier {
        Strategic = "strategic",
        Key = "key",
        Development = "development",
        Standard = "standard",
    }
}

vocabulary! {
    /// Which portfolio axis a factor scores.
    FactorAxis {
        Attractiveness = "attractiveness",
        Relationship = "relationship",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_for_every_vocabulary() {
        for r in BuyingRole::ALL {
            assert_eq!(BuyingRole::from_code(r.code()), Some(*r));
        }
        for a in Attitude::ALL {
            assert_eq!(Attitude::from_code(a.code()), Some(*a));
        }
        for s in Stage::ALL {
            assert_eq!(Stage::from_code(s.code()), Some(*s));
        }
        for k in InfluenceKind::ALL {
            assert_eq!(InfluenceKind::from_code(k.code()), Some(*k));
        }
        assert_eq!(BuyingRole::ALL.len(), 7);
        assert_eq!(Attitude::from_code("Champion"), None);
    }

    #[test]
    fn serde_uses_the_codes() {
        let json = serde_json::to_string(&InfluenceKind::ReportsTo).unwrap_or_default();
        assert_eq!(json, "\"reports_to\"");
    }

    #[test]
    fn attitude_scores_follow_the_primer() {
        let table = [
            (Attitude::Champion, 2),
            (Attitude::Supporter, 1),
            (Attitude::Neutral, 0),
            (Attitude::Sceptic, -1),
            (Attitude::Opponent, -2),
            (Attitude::Unknown, 0),
        ];
        for (a, s) in table {
            assert_eq!(a.score(), s, "{a}");
        }
    }

    #[test]
    fn regressions_follow_the_primer() {
        use Stage::*;
        let table = [
            (Basic, Cooperative, false),
            (Cooperative, Basic, true),
            (Integrated, Disintegrating, true),
            (Exploratory, Disintegrating, true),
            (Disintegrating, Basic, false),
            (Basic, Basic, false),
        ];
        for (from, to, want) in table {
            assert_eq!(from.is_regression_to(to), want, "{from} -> {to}");
        }
    }
}

-- Rapport workspace schema, version 1: one table per entity of the domain primer.
-- Forward-only: never edit this file once released; add a new numbered migration.

CREATE TABLE workspace_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE factors (
    id       INTEGER PRIMARY KEY,
    axis     TEXT NOT NULL CHECK (axis IN ('attractiveness', 'relationship')),
    name     TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
    weight   REAL NOT NULL CHECK (weight > 0 AND weight <= 100),
    position INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE accounts (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
    industry       TEXT NOT NULL DEFAULT '' CHECK (length(industry) <= 200),
    region         TEXT NOT NULL DEFAULT '' CHECK (length(region) <= 200),
    tier           TEXT NOT NULL CHECK (tier IN ('strategic', 'key', 'development', 'standard')),
    annual_revenue REAL NOT NULL DEFAULT 0 CHECK (abs(annual_revenue) <= 1e15),
    annual_margin  REAL NOT NULL DEFAULT 0 CHECK (abs(annual_margin) <= 1e15),
    notes          TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 20000)
) STRICT;

CREATE TABLE account_factor_scores (
    id         INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    factor_id  INTEGER NOT NULL REFERENCES factors (id) ON DELETE CASCADE,
    score      INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    UNIQUE (account_id, factor_id)
) STRICT;

CREATE TABLE org_units (
    id         INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name       TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
    parent_id  INTEGER REFERENCES org_units (id) ON DELETE SET NULL,
    CHECK (parent_id IS NULL OR parent_id <> id)
) STRICT;
CREATE INDEX org_units_account ON org_units (account_id);

CREATE TABLE stakeholders (
    id             INTEGER PRIMARY KEY,
    account_id     INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name           TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
    title          TEXT NOT NULL DEFAULT '' CHECK (length(title) <= 200),
    org_unit_id    INTEGER REFERENCES org_units (id) ON DELETE SET NULL,
    reports_to     INTEGER REFERENCES stakeholders (id) ON DELETE SET NULL,
    dotted_to      INTEGER REFERENCES stakeholders (id) ON DELETE SET NULL,
    economic_buyer INTEGER NOT NULL DEFAULT 0 CHECK (economic_buyer IN (0, 1)),
    coach          INTEGER NOT NULL DEFAULT 0 CHECK (coach IN (0, 1)),
    attitude       TEXT NOT NULL DEFAULT 'unknown'
                   CHECK (attitude IN ('champion', 'supporter', 'neutral', 'sceptic', 'opponent', 'unknown')),
    power          INTEGER NOT NULL DEFAULT 3 CHECK (power BETWEEN 1 AND 5),
    interest       INTEGER NOT NULL DEFAULT 3 CHECK (interest BETWEEN 1 AND 5),
    org_needs      TEXT NOT NULL DEFAULT '' CHECK (length(org_needs) <= 20000),
    personal_wins  TEXT NOT NULL DEFAULT '' CHECK (length(personal_wins) <= 20000),
    last_contact   TEXT CHECK (last_contact IS NULL OR date(last_contact) IS last_contact),
    notes          TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 20000),
    placeholder    INTEGER NOT NULL DEFAULT 0 CHECK (placeholder IN (0, 1)),
    CHECK (reports_to IS NULL OR reports_to <> id),
    CHECK (dotted_to IS NULL OR dotted_to <> id)
) STRICT;
CREATE INDEX stakeholders_account ON stakeholders (account_id);
CREATE UNIQUE INDEX stakeholders_one_economic_buyer ON stakeholders (account_id) WHERE economic_buyer = 1;

CREATE TABLE stakeholder_roles (
    id             INTEGER PRIMARY KEY,
    stakeholder_id INTEGER NOT NULL REFERENCES stakeholders (id) ON DELETE CASCADE,
    role           TEXT NOT NULL
                   CHECK (role IN ('initiator', 'user', 'influencer', 'decider', 'approver', 'buyer', 'gatekeeper')),
    UNIQUE (stakeholder_id, role)
) STRICT;

CREATE TABLE influences (
    id         INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    from_id    INTEGER NOT NULL REFERENCES stakeholders (id) ON DELETE CASCADE,
    to_id      INTEGER NOT NULL REFERENCES stakeholders (id) ON DELETE CASCADE,
    strength   INTEGER NOT NULL CHECK (strength BETWEEN 1 AND 5),
    kind       TEXT NOT NULL CHECK (kind IN ('reports_to', 'advisor', 'ally', 'rival', 'informal')),
    note       TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 20000),
    CHECK (from_id <> to_id)
) STRICT;
CREATE INDEX influences_account ON influences (account_id);

CREATE TABLE team_members (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
    role TEXT NOT NULL
         CHECK (role IN ('account_lead', 'solution_engineer', 'executive_sponsor', 'service', 'specialist', 'other'))
) STRICT;

CREATE TABLE coverage (
    id             INTEGER PRIMARY KEY,
    team_member_id INTEGER NOT NULL REFERENCES team_members (id) ON DELETE CASCADE,
    stakeholder_id INTEGER NOT NULL REFERENCES stakeholders (id) ON DELETE CASCADE,
    strength       INTEGER NOT NULL CHECK (strength BETWEEN 1 AND 5),
    last_contact   TEXT CHECK (last_contact IS NULL OR date(last_contact) IS last_contact),
    note           TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 20000),
    UNIQUE (team_member_id, stakeholder_id)
) STRICT;
CREATE INDEX coverage_stakeholder ON coverage (stakeholder_id);

CREATE TABLE interactions (
    id         INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    date       TEXT NOT NULL CHECK (date(date) IS date),
    kind       TEXT NOT NULL CHECK (kind IN ('meeting', 'call', 'workshop', 'visit', 'email')),
    summary    TEXT NOT NULL DEFAULT '' CHECK (length(summary) <= 20000),
    sentiment  TEXT NOT NULL CHECK (sentiment IN ('positive', 'neutral', 'negative'))
) STRICT;
CREATE INDEX interactions_account ON interactions (account_id, date);

CREATE TABLE interaction_stakeholders (
    id             INTEGER PRIMARY KEY,
    interaction_id INTEGER NOT NULL REFERENCES interactions (id) ON DELETE CASCADE,
    stakeholder_id INTEGER NOT NULL REFERENCES stakeholders (id) ON DELETE CASCADE,
    UNIQUE (interaction_id, stakeholder_id)
) STRICT;

CREATE TABLE interaction_team_members (
    id             INTEGER PRIMARY KEY,
    interaction_id INTEGER NOT NULL REFERENCES interactions (id) ON DELETE CASCADE,
    team_member_id INTEGER NOT NULL REFERENCES team_members (id) ON DELETE CASCADE,
    UNIQUE (interaction_id, team_member_id)
) STRICT;

CREATE TABLE stage_changes (
    id         INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    date       TEXT NOT NULL CHECK (date(date) IS date),
    stage      TEXT NOT NULL
               CHECK (stage IN ('exploratory', 'basic', 'cooperative', 'interdependent', 'integrated', 'disintegrating')),
    evidence   TEXT NOT NULL DEFAULT '' CHECK (length(evidence) <= 20000)
) STRICT;
CREATE INDEX stage_changes_account ON stage_changes (account_id, date);

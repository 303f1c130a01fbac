-- Undo/redo history, version 2. Every user action is one row of history_actions; the
-- triggers below record the before/after image of each row it touched (including rows
-- changed by foreign-key cascades) while history_recorder.action_id is set. Undo and
-- redo replay those images with the recorder cleared. Forward-only: never edit.

CREATE TABLE history_actions (
    id     INTEGER PRIMARY KEY,
    verb   TEXT NOT NULL CHECK (verb IN ('create', 'update', 'delete', 'import')),
    entity TEXT NOT NULL,
    name   TEXT NOT NULL DEFAULT '',
    at     TEXT NOT NULL,
    undone INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))
) STRICT;

CREATE TABLE history_changes (
    seq       INTEGER PRIMARY KEY,
    action_id INTEGER NOT NULL REFERENCES history_actions (id) ON DELETE CASCADE,
    tbl       TEXT NOT NULL,
    row_id    INTEGER NOT NULL,
    old       TEXT,
    new       TEXT
) STRICT;
CREATE INDEX history_changes_action ON history_changes (action_id, seq);

CREATE TABLE history_recorder (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    action_id INTEGER
) STRICT;
INSERT INTO history_recorder (id, action_id) VALUES (1, NULL);


CREATE TRIGGER factors_history_insert AFTER INSERT ON factors WHEN (SELECT action_id FROM history_recorder WHERE id = 1) IS NOT NULL
BEGIN
    INSERT INTO history_changes (action_id, tbl, row_id, old, new)
    VALUES ((SELECT action_id FROM history_recorder WHERE id = 1), 'factors', NEW.id, NULL, json_object('id', NEW.id, 'axis', NEW.axis, 'name', NEW.name, 'weight', NEW.weight, 'position', NEW.position));
END;
CREATE TRIGGER factors_history_update AFTER UPDATE ON factors WHEN (SELECT action_id FROM history_recorder WHERE id = 1) IS NOT NULL
BEGIN
    INSERT INTO history_changes (action_id, tbl, row_id, old, new)
    VALUES ((SELECT action_id FROM history_recorder WHERE id = 1), 'factors', NEW.id, json_object('id', OLD.id, 'axis', OLD.axis, 'name', OLD.name, 'weight', OLD.weight, 'position', OLD.position), json_object('id', NEW.id, 'axis', NEW.axis, 'name', NEW.name, 'weight', NEW.weight, 'position', NEW.position));
END;
CREATE TRIGGER factors_history_delete AFTER DELETE ON factors WHEN (SELECT action_id FROM history_recorder WHERE id = 1) IS NOT NULL
BEGIN
    INSERT INTO history_changes (action_id, tbl, row_id, old, new)
    VALUES ((SELECT action_id FROM history_recorder WHERE id = 1), 'factors', OLD.id, json_object('id', OLD.id, 'axis', OLD.axis, 'name', OLD.name, 'weight', OLD.weight, 'position', OLD.position), NULL);
END;

CREATE TRIGGER accounts_history_insert AFTER INSERT ON accounts WHEN (SELECT action_id FROM history_recorder WHERE id = 1) IS NOT NULL
BEGIN
    INSERT INTO history_changes (action_id, tbl, row_id, old, new)
    VALUES ((SELECT action_id FROM history_recorder WHERE id = 1), 'accounts', NEW.id, NULL, json_object('id', NEW.id, 'name', NEW.name, 'industry', NEW.industry, 'region', NEW.region, 'tier', NEW.tier, 'annual_revenue', NEW.annual_revenue, 'annual_margin', NEW.annual_margin, 'notes', NEW.notes));
END;
CREATE TRIGGER accounts_history_update AFTER UPDATE ON accounts WHEN (SELECT action_id FROM history_recorder WHERE id = 1) IS NOT NULL
BEGIN
    INSERT INTO history_changes (action_id, tbl, row_id, old, new)
    VALUES ((SELECT action_id FROM history_recorder WHERE id = 1), 'accounts', NEW.id, json_object('id', OLD.id, 'name', OLD.name, 'industry', OLD.industry, 'region', OLD.region, 'tier', OLD.tier, 'annual_revenue', OLD.annual_revenue, 'annual_margin', OLD.annual_margin, 'notes', OLD.notes), json_object('id', NEW.id, 'name', NEW.name, 'industry', NEW.industry, 'region', NEW.region, 'tier', NEW.tier, 'annual_revenue', NEW.annual_revenue, 'annual_margin', NEW.annual_margin, 'notes', NEW.notes));
END;
CREATE TRIGGER accounts_history_delete AFTER DELETE ON accounts WHEN (SELECT action_id FROM history_recorder WHERE id = 1) IS NOT NULL
BEGIN
    INSERT INTO history_changes (action_id, tbl, row_id, old, new)
    VALUES ((SELECT action_id FROM history_recorder WHERE id = 1), 'accounts', OLD.id, json_object('id', OLD.id, 'name', OLD.name, 'industry', OLD.industry, 'region', OLD.region, 'tier', OLD.tier, 'annual_revenue', OLD.annual_revenue, 'annual_margin', OLD.annual_margin, 'notes', OLD.notes), NULL);
END;

CREATE TRIGGER account_factor_scores_history_insert AFTER INSERT ON account_factor_scores WHEN (SELECT action_id FROM history_recorder WHERE id = 1) IS NOT NULL
BEGIN
    INSERT INTO history_changes (action_id, tbl, row_id, old, new)
    VALUES ((SELECT action_id FROM history_recorder WHERE id = 1), 'account_factor_scores', NEW.id, NULL, json_object('id', NEW.id, 'account_id', NEW.account_id, 'factor_id', NEW.factor_id, 'score', NEW.score));
END;
CREATE TRIGGER account_factor_scores_history_update AFTER UPDATE ON account_factor_scores WHEN (SELECT action_id FROM history_recorder WHERE id = 1) IS NOT NULL
BEGIN
    INSERT INTO history_changes (action_id, tbl, row_id, old, new)
    VALUES ((SELECT action_id FROM history_recorder WHERE id = 1), 'account_factor_scores', NEW.id, json_object('id', OLD.id, 'account_id', OLD.account_id, 'factor_id', OLD.factor_id, 'score', OLD.score), json_object('id', NEW.id, 'account_id', NEW.account_id, 'factor_id', NEW.factor_id, 'score', NEW.score));
END;
CREATE TRIGGER account_factor_scores_history_delete AFTER DELETE ON account_factor_scores WHEN (SELECT action_id FROM history_recorder WHERE id = 1) IS NOT NULL
BEGIN
    INSERT INTO history_changes (action_id, tbl, row_id, old, new)
    VALUES ((SELECT action_id FROM history_recorder WHERE id = 1), 'account_factor_scores', OLD.id, json_object('id', OLD.id, 'account_id', OLD.account_id, 'factor_id', OLD.factor_id, 'score', OLD.score), NULL);
END;

CREATE TRIGGER org_units_history_insert AFTER INSERT ON org_units WHEN (SELECT action_id FROM history_recorder WHERE id = 1) IS NOT NULL
BEGIN
    INSERT INTO history_changes (action_id, tbl, row_id, old, new)
    VALUES ((SELECT action_id FROM history_recorder WHERE id = 1), 'org_units', NEW.id, NULL, json_object('id', NEW.id, 'account_id', NEW.account_id, 'name', NEW.name, 'parent_id', NEW.parent_id));
END;
CREATE TRIGGER org_units_history_update AFTER UPDATE ON org_units WHEN (SELECT action_id FROM history_recorder WHERE id = 1) IS NOT NULL
BEGIN
    INSERT INTO history_changes (action_id, tbl, row_id, old, new)
    VALUES ((SELECT action_id FROM history_recorder WHERE id = 1), 'org_units', NEW.id, json_object('id', OLD.id, 'account_id', OLD.account_id, 'name', OLD.name, 'parent_id', OLD.parent_id), json_object('id', NEW.id, 'account_id', NEW.account_id, 'name', NEW.name, 'parent_id', NEW.parent_id));
END;
CREATE TRIGGER org_units_history_delete AFTER DELETE ON org_units WHEN (SELECT action_id FROM history_recorder WHERE id = 1) IS NOT NULL
BEGIN
    INSERT INTO history_changes (action_id, tbl, row_id, old, new)
    VALUES ((SELECT action_id FROM history_recorder WHERE id = 1), 'org_units', OLD.id, json_object('id', OLD.id, 'account_id', OLD.account_id, 'name', OLD.name, 'parent_id', OLD.parent_id), NULL);
END;

CREATE TRIGGER stakeholders_history_insert AFTER INSERT ON stakeholders WHEN (SELECT action_id FROM history_recorder WHERE id = 1) IS NOT NULL
BEGIN
    INSERT INTO history_changes (action_id, tbl, row_id, old, new)
    VALUES ((SELECT action_id FROM history_recorder WHERE id = 1), 'stakeholders', NEW.id, NULL, json_object('id', NEW.id, 'account_id', NEW.account_id, 'name', NEW.name, 'title', NEW.title, 'org_unit_id', NEW.org_unit_id, 'reports_to', NEW.reports_to, 'dotted_to', NEW.dotted_to, 'economic_buyer', NEW.economic_buyer, 'coach', NEW.coach, 'attitude', NEW.attitude, 'power', NEW.power, 'interest', NEW.interest, 'org_needs', NEW.org_needs, 'personal_wins', NEW.personal_wins, 'last_contact', NEW.last_contact, 'notes', NEW.notes, 'placeholder', NEW.placeholder));
END;
CREATE TRIGGER stakeholders_history_update AFTER UPDATE ON stakeholders WHEN (SELECT action_id FROM history_recorder WHERE id = 1) IS NOT NULL
BEGIN
    INSERT INTO history_changes (action_id, tbl, row_id, old, new)
    VALUES ((SELECT action_id FROM history_recorder WHERE id = 1), 'stakeholders', NEW.id, json_object('id', OLD.id, 'account_id', OLD.account_id, 'name', OLD.name, 'title', OLD.title, 'org_unit_id', OLD.org_unit_id, 'reports_to', OLD.reports_to, 'dotted_to', OLD.dotted_to, 'economic_buyer', OLD.economic_buyer, 'coach', OLD.coach, 'attitude', OLD.attitude, 'power', OLD.power, 'interest', OLD.interest, 'org_needs', OLD.org_needs, 'personal_wins', OLD.personal_wins, 'last_contact', OLD.last_contact, 'notes', OLD.notes, 'placeholder', OLD.placeholder), json_object('id', NEW.id, 'account_id', NEW.account_id, 'name', NEW.name, 'title', NEW.title, 'org_unit_id', NEW.org_unit_id, 'reports_to', NEW.reports_to, 'dotted_to', NEW.dotted_to, 'economic_buyer', NEW.economic_buyer, 'coach', NEW.coach, 'attitude', NEW.attitude, 'power', NEW.power, 'interest', NEW.interest, 'org_needs', NEW.org_needs, 'personal_wins', NEW.personal_wins, 'last_contact', NEW.last_contact, 'notes', NEW.notes, 'placeholder', NEW.placeholder));
END;
CREATE TRIGGER stakeholders_history_delete AFTER DELETE ON stakeholders WHEN (SELECT action_id FROM history_recorder WHERE id = 1) IS NOT NULL
BEGIN
    INSERT INTO history_changes (action_id, tbl, row_id, old, new)
    VALUES ((SELECT action_id FROM history_recorder WHERE id = 1), 'stakeholders', OLD.id, json_object('id', OLD.id, 'account_id', OLD.account_id, 'name', OLD.name, 'title', OLD.title, 'org_unit_id', OLD.org_unit_id, 'reports_to', OLD.reports_to, 'dotted_to', OLD.dotted_to, 'economic_buyer', OLD.economic_buyer, 'coach', OLD.coach, 'attitude', OLD.attitude, 'power', OLD.power, 'interest', OLD.interest, 'org_needs', OLD.org_needs, 'personal_wins', OLD.personal_wins, 'last_contact', OLD.last_contact, 'notes', OLD.notes, 'placeholder', OLD.placeholder), NULL);
END;

CREATE TRIGGER stakeholder_roles_history_insert AFTER INSERT ON stakeholder_roles WHEN (SELECT action_id FROM history_recorder WHERE id = 1) IS NOT NULL
BEGIN
    INSERT INTO history_changes (action_id, tbl, row_id, old, new)
    VALUES ((SELECT action_id FROM history_recorder WHERE id = 1), 'stakeholder_roles', NEW.id, NULL, json_object('id', NEW.id, 'stakeholder_id', NEW.stakeholder_id, 'role', NEW.role));
END;
CREATE TRIGGER stakeholder_roles_history_update AFTER UPDATE ON stakeholder_roles WHEN (SELECT action_id FROM history_recorder WHERE id = 1) IS NOT NULL
BEGIN
    INSERT INTO history_changes (action_id, tbl, row_id, old, new)
    VALUES ((SELECT action_id FROM history_recorder WHERE id = 1), 'stakeholder_roles', NEW.id, json_object('id', OLD.id, 'stakeholder_id', OLD.stakeholder_id, 'role', OLD.role), json_object('id', NEW.id, 'stakeholder_id', NEW.stakeholder_id, 'role', NEW.role));
END;
CREATE TRIGGER stakeholder_roles_history_delete AFTER DELETE ON stakeholder_roles WHEN (SELECT action_id FROM history_recorder WHERE id = 1) IS NOT NULL
BEGIN
    INSERT INTO history_changes (action_id, tbl, row_id, old, new)
    VALUES ((SELECT action_id FROM history_recorder WHERE id = 1), 'stakeholder_roles', OLD.id, json_object('id', OLD.id, 'stakeholder_id', OLD.stakeholder_id, 'role', OLD.role), NULL);
END;

CREATE TRIGGER influences_history_insert AFTER INSERT ON influences WHEN (SELECT action_id FROM history_recorder WHERE id = 1) IS NOT NULL
BEGIN
    INSERT INTO history_changes (action_id, tbl, row_id, old, new)
    VALUES ((SELECT action_id FROM history_recorder WHERE id = 1), 'influences', NEW.id, NULL, json_object('id', NEW.id, 'account_id', NEW.account_id, 'from_id', NEW.from_id, 'to_id', NEW.to_id, 'strength', NEW.strength, 'kind', NEW.kind, 'note', NEW.note));
END;
CREATE TRIGGER influences_history_update AFTER UPDATE ON influences WHEN (SELECT action_id FROM history_recorder WHERE id = 1) IS NOT NULL
BEGIN
    INSERT INTO history_changes (action_id, tbl, row_id, old, new)
    VALUES ((SELECT action_id FROM history_recorder WHERE id = 1), 'influences', NEW.id, json_object('id', OLD.id, 'account_id', OLD.account_id, 'from_id', OLD.from_id, 'to_id', OLD.to_id, 'strength', OLD.strength, 'kind', OLD.kind, 'note', OLD.note), json_object('id', NEW.id, 'account_id', NEW.account_id, 'from_id', NEW.from_id, 'to_id', NEW.to_id, 'strength', NEW.strength, 'kind', NEW.kind, 'note', NEW.note));
END;
CREATE TRIGGER influences_history_delete AFTER DELETE ON influences WHEN (SELECT action_id FROM history_recorder WHERE id = 1) IS NOT NULL
BEGIN
    INSERT INTO history_changes (action_id, tbl, row_id, old, new)
    VALUES ((SELECT action_id FROM history_recorder WHERE id = 1), 'influences', OLD.id, json_object('id', OLD.id, 'account_id', OLD.account_id, 'from_id', OLD.from_id, 'to_id', OLD.to_id, 'strength', OLD.strength, 'kind', OLD.kind, 'note', OLD.note), NULL);
END;

CREATE TRIGGER team_members_history_insert AFTER INSERT ON team_members WHEN (SELECT action_id FROM history_recorder WHERE id = 1) IS NOT NULL
BEGIN
    INSERT INTO history_changes (action_id, tbl, row_id, old, new)
    VALUES ((SELECT action_id FROM history_recorder WHERE id = 1), 'team_members', NEW.id, NULL, json_object('id', NEW.id, 'name', NEW.name, 'role', NEW.role));
END;
CREATE TRIGGER team_members_history_update AFTER UPDATE ON team_members WHEN (SELECT action_id FROM history_recorder WHERE id = 1) IS NOT NULL
BEGIN
    INSERT INTO history_changes (action_id, tbl, row_id, old, new)
    VALUES ((SELECT action_id FROM history_recorder WHERE id = 1), 'team_members', NEW.id, json_object('id', OLD.id, 'name', OLD.name, 'role', OLD.role), json_object('id', NEW.id, 'name', NEW.name, 'role', NEW.role));
END;
CREATE TRIGGER team_members_history_delete AFTER DELETE ON team_members WHEN (SELECT action_id FROM history_recorder WHERE id = 1) IS NOT NULL
BEGIN
    INSERT INTO history_changes (action_id, tbl, row_id, old, new)
    VALUES ((SELECT action_id FROM history_recorder WHERE id = 1), 'team_members', OLD.id, json_object('id', OLD.id, 'name', OLD.name, 'role', OLD.role), NULL);
END;

CREATE TRIGGER coverage_history_insert AFTER INSERT ON coverage WHEN (SELECT action_id FROM history_recorder WHERE id = 1) IS NOT NULL
BEGIN
    INSERT INTO history_changes (action_id, tbl, row_id, old, new)
    VALUES ((SELECT action_id FROM history_recorder WHERE id = 1), 'coverage', NEW.id, NULL, json_object('id', NEW.id, 'team_member_id', NEW.team_member_id, 'stakeholder_id', NEW.stakeholder_id, 'strength', NEW.strength, 'last_contact', NEW.last_contact, 'note', NEW.note));
END;
CREATE TRIGGER coverage_history_update AFTER UPDATE ON coverage WHEN (SELECT action_id FROM history_recorder WHERE id = 1) IS NOT NULL
BEGIN
    INSERT INTO history_changes (action_id, tbl, row_id, old, new)
    VALUES ((SELECT action_id FROM history_recorder WHERE id = 1), 'coverage', NEW.id, json_object('id', OLD.id, 'team_member_id', OLD.team_member_id, 'stakeholder_id', OLD.stakeholder_id, 'strength', OLD.strength, 'last_contact', OLD.last_contact, 'note', OLD.note), json_object('id', NEW.id, 'team_member_id', NEW.team_member_id, 'stakeholder_id', NEW.stakeholder_id, 'strength', NEW.strength, 'last_contact', NEW.last_contact, 'note', NEW.note));
END;
CREATE TRIGGER coverage_history_delete AFTER DELETE ON coverage WHEN (SELECT action_id FROM history_recorder WHERE id = 1) IS NOT NULL
BEGIN
    INSERT INTO history_changes (action_id, tbl, row_id, old, new)
    VALUES ((SELECT action_id FROM history_recorder WHERE id = 1), 'coverage', OLD.id, json_object('id', OLD.id, 'team_member_id', OLD.team_member_id, 'stakeholder_id', OLD.stakeholder_id, 'strength', OLD.strength, 'last_contact', OLD.last_contact, 'note', OLD.note), NULL);
END;

CREATE TRIGGER interactions_history_insert AFTER INSERT ON interactions WHEN (SELECT action_id FROM history_recorder WHERE id = 1) IS NOT NULL
BEGIN
    INSERT INTO history_changes (action_id, tbl, row_id, old, new)
    VALUES ((SELECT action_id FROM history_recorder WHERE id = 1), 'interactions', NEW.id, NULL, json_object('id', NEW.id, 'account_id', NEW.account_id, 'date', NEW.date, 'kind', NEW.kind, 'summary', NEW.summary, 'sentiment', NEW.sentiment));
END;
CREATE TRIGGER interactions_history_update AFTER UPDATE ON interactions WHEN (SELECT action_id FROM history_recorder WHERE id = 1) IS NOT NULL
BEGIN
    INSERT INTO history_changes (action_id, tbl, row_id, old, new)
    VALUES ((SELECT action_id FROM history_recorder WHERE id = 1), 'interactions', NEW.id, json_object('id', OLD.id, 'account_id', OLD.account_id, 'date', OLD.date, 'kind', OLD.kind, 'summary', OLD.summary, 'sentiment', OLD.sentiment), json_object('id', NEW.id, 'account_id', NEW.account_id, 'date', NEW.date, 'kind', NEW.kind, 'summary', NEW.summary, 'sentiment', NEW.sentiment));
END;
CREATE TRIGGER interactions_history_delete AFTER DELETE ON interactions WHEN (SELECT action_id FROM history_recorder WHERE id = 1) IS NOT NULL
BEGIN
    INSERT INTO history_changes (action_id, tbl, row_id, old, new)
    VALUES ((SELECT action_id FROM history_recorder WHERE id = 1), 'interactions', OLD.id, json_object('id', OLD.id, 'account_id', OLD.account_id, 'date', OLD.date, 'kind', OLD.kind, 'summary', OLD.summary, 'sentiment', OLD.sentiment), NULL);
END;

CREATE TRIGGER interaction_stakeholders_history_insert AFTER INSERT ON interaction_stakeholders WHEN (SELECT action_id FROM history_recorder WHERE id = 1) IS NOT NULL
BEGIN
    INSERT INTO history_changes (action_id, tbl, row_id, old, new)
    VALUES ((SELECT action_id FROM history_recorder WHERE id = 1), 'interaction_stakeholders', NEW.id, NULL, json_object('id', NEW.id, 'interaction_id', NEW.interaction_id, 'stakeholder_id', NEW.stakeholder_id));
END;
CREATE TRIGGER interaction_stakeholders_history_update AFTER UPDATE ON interaction_stakeholders WHEN (SELECT action_id FROM history_recorder WHERE id = 1) IS NOT NULL
BEGIN
    INSERT INTO history_changes (action_id, tbl, row_id, old, new)
    VALUES ((SELECT action_id FROM history_recorder WHERE id = 1), 'interaction_stakeholders', NEW.id, json_object('id', OLD.id, 'interaction_id', OLD.interaction_id, 'stakeholder_id', OLD.stakeholder_id), json_object('id', NEW.id, 'interaction_id', NEW.interaction_id, 'stakeholder_id', NEW.stakeholder_id));
END;
CREATE TRIGGER interaction_stakeholders_history_delete AFTER DELETE ON interaction_stakeholders WHEN (SELECT action_id FROM history_recorder WHERE id = 1) IS NOT NULL
BEGIN
    INSERT INTO history_changes (action_id, tbl, row_id, old, new)
    VALUES ((SELECT action_id FROM history_recorder WHERE id = 1), 'interaction_stakeholders', OLD.id, json_object('id', OLD.id, 'interaction_id', OLD.interaction_id, 'stakeholder_id', OLD.stakeholder_id), NULL);
END;

CREATE TRIGGER interaction_team_members_history_insert AFTER INSERT ON interaction_team_members WHEN (SELECT action_id FROM history_recorder WHERE id = 1) IS NOT NULL
BEGIN
    INSERT INTO history_changes (action_id, tbl, row_id, old, new)
    VALUES ((SELECT action_id FROM history_recorder WHERE id = 1), 'interaction_team_members', NEW.id, NULL, json_object('id', NEW.id, 'interaction_id', NEW.interaction_id, 'team_member_id', NEW.team_member_id));
END;
CREATE TRIGGER interaction_team_members_history_update AFTER UPDATE ON interaction_team_members WHEN (SELECT action_id FROM history_recorder WHERE id = 1) IS NOT NULL
BEGIN
    INSERT INTO history_changes (action_id, tbl, row_id, old, new)
    VALUES ((SELECT action_id FROM history_recorder WHERE id = 1), 'interaction_team_members', NEW.id, json_object('id', OLD.id, 'interaction_id', OLD.interaction_id, 'team_member_id', OLD.team_member_id), json_object('id', NEW.id, 'interaction_id', NEW.interaction_id, 'team_member_id', NEW.team_member_id));
END;
CREATE TRIGGER interaction_team_members_history_delete AFTER DELETE ON interaction_team_members WHEN (SELECT action_id FROM history_recorder WHERE id = 1) IS NOT NULL
BEGIN
    INSERT INTO history_changes (action_id, tbl, row_id, old, new)
    VALUES ((SELECT action_id FROM history_recorder WHERE id = 1), 'interaction_team_members', OLD.id, json_object('id', OLD.id, 'interaction_id', OLD.interaction_id, 'team_member_id', OLD.team_member_id), NULL);
END;

CREATE TRIGGER stage_changes_history_insert AFTER INSERT ON stage_changes WHEN (SELECT action_id FROM history_recorder WHERE id = 1) IS NOT NULL
BEGIN
    INSERT INTO history_changes (action_id, tbl, row_id, old, new)
    VALUES ((SELECT action_id FROM history_recorder WHERE id = 1), 'stage_changes', NEW.id, NULL, json_object('id', NEW.id, 'account_id', NEW.account_id, 'date', NEW.date, 'stage', NEW.stage, 'evidence', NEW.evidence));
END;
CREATE TRIGGER stage_changes_history_update AFTER UPDATE ON stage_changes WHEN (SELECT action_id FROM history_recorder WHERE id = 1) IS NOT NULL
BEGIN
    INSERT INTO history_changes (action_id, tbl, row_id, old, new)
    VALUES ((SELECT action_id FROM history_recorder WHERE id = 1), 'stage_changes', NEW.id, json_object('id', OLD.id, 'account_id', OLD.account_id, 'date', OLD.date, 'stage', OLD.stage, 'evidence', OLD.evidence), json_object('id', NEW.id, 'account_id', NEW.account_id, 'date', NEW.date, 'stage', NEW.stage, 'evidence', NEW.evidence));
END;
CREATE TRIGGER stage_changes_history_delete AFTER DELETE ON stage_changes WHEN (SELECT action_id FROM history_recorder WHERE id = 1) IS NOT NULL
BEGIN
    INSERT INTO history_changes (action_id, tbl, row_id, old, new)
    VALUES ((SELECT action_id FROM history_recorder WHERE id = 1), 'stage_changes', OLD.id, json_object('id', OLD.id, 'account_id', OLD.account_id, 'date', OLD.date, 'stage', OLD.stage, 'evidence', OLD.evidence), NULL);
END;

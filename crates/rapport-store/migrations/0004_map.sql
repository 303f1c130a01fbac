-- Saved map positions, version 4: where the user dragged a node of an account's map,
-- per layout (org chart, network). A node without a row is placed by the automatic
-- layout; "Re-layout" deletes the layout's rows. Each row is one stakeholder of the
-- account or one team member (exactly one of the two ids is set); deleting the person
-- deletes their positions, and the history triggers record that, so undo brings them
-- back. The store checks that a stakeholder belongs to the row's account.
-- Forward-only: never edit.

CREATE TABLE map_positions (
    id             INTEGER PRIMARY KEY,
    account_id     INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    layout         TEXT NOT NULL CHECK (layout IN ('org_chart', 'network')),
    stakeholder_id INTEGER REFERENCES stakeholders (id) ON DELETE CASCADE,
    team_member_id INTEGER REFERENCES team_members (id) ON DELETE CASCADE,
    x              REAL NOT NULL CHECK (abs(x) <= 1e7),
    y              REAL NOT NULL CHECK (abs(y) <= 1e7),
    CHECK ((stakeholder_id IS NULL) <> (team_member_id IS NULL))
) STRICT;
-- One position per node and layout. Two partial indexes, because a single UNIQUE over
-- both id columns would never fire: one of them is always NULL, and NULLs are distinct.
CREATE UNIQUE INDEX map_positions_one_per_stakeholder
    ON map_positions (account_id, layout, stakeholder_id) WHERE stakeholder_id IS NOT NULL;
CREATE UNIQUE INDEX map_positions_one_per_team_member
    ON map_positions (account_id, layout, team_member_id) WHERE team_member_id IS NOT NULL;
-- Reads by account and layout, and the cascades from accounts, people and team members.
CREATE INDEX map_positions_account ON map_positions (account_id, layout);
CREATE INDEX map_positions_stakeholder ON map_positions (stakeholder_id);
CREATE INDEX map_positions_team_member ON map_positions (team_member_id);

CREATE TRIGGER map_positions_history_insert AFTER INSERT ON map_positions WHEN (SELECT action_id FROM history_recorder WHERE id = 1) IS NOT NULL
BEGIN
    INSERT INTO history_changes (action_id, tbl, row_id, old, new)
    VALUES ((SELECT action_id FROM history_recorder WHERE id = 1), 'map_positions', NEW.id, NULL, json_object('id', NEW.id, 'account_id', NEW.account_id, 'layout', NEW.layout, 'stakeholder_id', NEW.stakeholder_id, 'team_member_id', NEW.team_member_id, 'x', NEW.x, 'y', NEW.y));
END;
CREATE TRIGGER map_positions_history_update AFTER UPDATE ON map_positions WHEN (SELECT action_id FROM history_recorder WHERE id = 1) IS NOT NULL
BEGIN
    INSERT INTO history_changes (action_id, tbl, row_id, old, new)
    VALUES ((SELECT action_id FROM history_recorder WHERE id = 1), 'map_positions', NEW.id, json_object('id', OLD.id, 'account_id', OLD.account_id, 'layout', OLD.layout, 'stakeholder_id', OLD.stakeholder_id, 'team_member_id', OLD.team_member_id, 'x', OLD.x, 'y', OLD.y), json_object('id', NEW.id, 'account_id', NEW.account_id, 'layout', NEW.layout, 'stakeholder_id', NEW.stakeholder_id, 'team_member_id', NEW.team_member_id, 'x', NEW.x, 'y', NEW.y));
END;
CREATE TRIGGER map_positions_history_delete AFTER DELETE ON map_positions WHEN (SELECT action_id FROM history_recorder WHERE id = 1) IS NOT NULL
BEGIN
    INSERT INTO history_changes (action_id, tbl, row_id, old, new)
    VALUES ((SELECT action_id FROM history_recorder WHERE id = 1), 'map_positions', OLD.id, json_object('id', OLD.id, 'account_id', OLD.account_id, 'layout', OLD.layout, 'stakeholder_id', OLD.stakeholder_id, 'team_member_id', OLD.team_member_id, 'x', OLD.x, 'y', OLD.y), NULL);
END;

-- Deleting a person makes SQLite find the rows that point at them; without an index
-- on each such column that is a scan per person, which made deleting a selection of
-- thousands take seconds.
CREATE INDEX influences_from ON influences (from_id);
CREATE INDEX influences_to ON influences (to_id);
CREATE INDEX stakeholders_reports_to ON stakeholders (reports_to);
CREATE INDEX stakeholders_dotted_to ON stakeholders (dotted_to);
CREATE INDEX stakeholders_org_unit ON stakeholders (org_unit_id);
CREATE INDEX interaction_stakeholders_stakeholder ON interaction_stakeholders (stakeholder_id);
CREATE INDEX interaction_team_members_team_member ON interaction_team_members (team_member_id);

-- History "as of", version 5. Every time an action takes effect (done, undone, redone)
-- is one row of history_events, so the state at any past moment is the current state
-- with the events after it reverted, newest first. The row images stay in
-- history_changes (migration 0002); nothing is written per row. Actions that can no
-- longer be undone or redone are marked closed instead of deleted, so that what they
-- did while they were in effect stays in the past. Forward-only: never edit.

ALTER TABLE history_actions ADD COLUMN closed INTEGER NOT NULL DEFAULT 0 CHECK (closed IN (0, 1));

CREATE TABLE history_events (
    id        INTEGER PRIMARY KEY,
    action_id INTEGER NOT NULL REFERENCES history_actions (id) ON DELETE CASCADE,
    kind      TEXT NOT NULL CHECK (kind IN ('do', 'undo', 'redo')),
    at        TEXT NOT NULL
) STRICT;
CREATE INDEX history_events_at ON history_events (at);
CREATE INDEX history_events_action ON history_events (action_id);

-- Actions recorded before this migration: the ones in effect took effect when they
-- were done. Undone ones (the redo stack) carry no event: when they were undone was
-- never recorded, so they count as never done, which is what the file shows today.
INSERT INTO history_events (action_id, kind, at)
SELECT id, 'do', at FROM history_actions WHERE undone = 0 ORDER BY id;

-- Customer-lifetime-value inputs per account, version 3. An account without a row
-- uses the defaults (retention 0.8, discount rate 0.1, 10 years, no acquisition
-- cost); a row exists only when the user changed one of them. Forward-only.

CREATE TABLE account_clv (
    id               INTEGER PRIMARY KEY,
    account_id       INTEGER NOT NULL UNIQUE REFERENCES accounts (id) ON DELETE CASCADE,
    retention        REAL NOT NULL CHECK (retention BETWEEN 0 AND 1),
    discount_rate    REAL NOT NULL CHECK (discount_rate BETWEEN 0 AND 1),
    horizon_years    INTEGER NOT NULL CHECK (horizon_years BETWEEN 1 AND 50),
    acquisition_cost REAL NOT NULL CHECK (acquisition_cost BETWEEN 0 AND 1e15)
) STRICT;

CREATE TRIGGER account_clv_history_insert AFTER INSERT ON account_clv WHEN (SELECT action_id FROM history_recorder WHERE id = 1) IS NOT NULL
BEGIN
    INSERT INTO history_changes (action_id, tbl, row_id, old, new)
    VALUES ((SELECT action_id FROM history_recorder WHERE id = 1), 'account_clv', NEW.id, NULL, json_object('id', NEW.id, 'account_id', NEW.account_id, 'retention', NEW.retention, 'discount_rate', NEW.discount_rate, 'horizon_years', NEW.horizon_years, 'acquisition_cost', NEW.acquisition_cost));
END;
CREATE TRIGGER account_clv_history_update AFTER UPDATE ON account_clv WHEN (SELECT action_id FROM history_recorder WHERE id = 1) IS NOT NULL
BEGIN
    INSERT INTO history_changes (action_id, tbl, row_id, old, new)
    VALUES ((SELECT action_id FROM history_recorder WHERE id = 1), 'account_clv', NEW.id, json_object('id', OLD.id, 'account_id', OLD.account_id, 'retention', OLD.retention, 'discount_rate', OLD.discount_rate, 'horizon_years', OLD.horizon_years, 'acquisition_cost', OLD.acquisition_cost), json_object('id', NEW.id, 'account_id', NEW.account_id, 'retention', NEW.retention, 'discount_rate', NEW.discount_rate, 'horizon_years', NEW.horizon_years, 'acquisition_cost', NEW.acquisition_cost));
END;
CREATE TRIGGER account_clv_history_delete AFTER DELETE ON account_clv WHEN (SELECT action_id FROM history_recorder WHERE id = 1) IS NOT NULL
BEGIN
    INSERT INTO history_changes (action_id, tbl, row_id, old, new)
    VALUES ((SELECT action_id FROM history_recorder WHERE id = 1), 'account_clv', OLD.id, json_object('id', OLD.id, 'account_id', OLD.account_id, 'retention', OLD.retention, 'discount_rate', OLD.discount_rate, 'horizon_years', OLD.horizon_years, 'acquisition_cost', OLD.acquisition_cost), NULL);
END;

-- The exchange kill switch marks the connections it took down as 'killed' until a release brings them back.
ALTER TABLE exchange_connection
    DROP CONSTRAINT exchange_connection_status_check,
    ADD CONSTRAINT exchange_connection_status_check
        CHECK (status IN ('planned', 'active', 'killed', 'disconnected'));

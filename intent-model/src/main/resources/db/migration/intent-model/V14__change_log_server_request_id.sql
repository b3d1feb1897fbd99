-- The client chooses X-Request-Id, so two clients can send the same one; the server's own id for the request
-- tells their changes apart. Rows written before this migration have none.
ALTER TABLE change_log ADD COLUMN server_request_id text;

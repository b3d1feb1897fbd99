-- When a user's password last changed: the change log records a password change by this time, never by its hash.
ALTER TABLE app_user ADD COLUMN password_changed_at timestamptz;

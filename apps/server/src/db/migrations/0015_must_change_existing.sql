-- Existing users: a password nobody has changed since an admin set it (created or reset, so
-- password_changed_at is null) must be changed at the next sign-in; the others keep theirs.
-- The demo seed stamps password_changed_at, so demo accounts stay exempt.
UPDATE "users" SET "must_change_password" = ("password_changed_at" IS NULL);

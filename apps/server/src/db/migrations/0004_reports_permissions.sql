-- Builtin roles created before the reports module get the permissions it introduced (new
-- installations receive them from the seed). Roles an administrator edited keep what they had,
-- plus these; an administrator may remove them again.
INSERT INTO "role_permissions" ("role_id", "permission")
SELECT r."id", p."permission"
FROM "roles" r
JOIN (VALUES
  ('intake', 'reports.read'), ('intake', 'reports.contact_reveal'),
  ('analyst', 'reports.read'), ('handler', 'reports.read'),
  ('leader', 'reports.read'), ('leader', 'reports.configure'),
  ('admin', 'reports.configure'), ('volunteer', 'reports.submit')
) AS p("role_code", "permission") ON p."role_code" = r."code"
WHERE r."builtin"
ON CONFLICT DO NOTHING;

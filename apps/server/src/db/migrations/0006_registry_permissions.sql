-- Builtin roles created before the registry module get the permissions it introduced (new
-- installations receive them from the seed). Roles an administrator edited keep what they had,
-- plus these; an administrator may remove them again.
INSERT INTO "role_permissions" ("role_id", "permission")
SELECT r."id", p."permission"
FROM "roles" r
JOIN (VALUES
  ('intake', 'registry.read'),
  ('analyst', 'registry.read'), ('analyst', 'registry.grade'), ('analyst', 'registry.contact_reveal'),
  ('handler', 'registry.read'), ('handler', 'registry.grade'), ('handler', 'registry.contact_reveal'),
  ('enforcement', 'registry.read'), ('enforcement', 'registry.grade'), ('enforcement', 'registry.contact_reveal'),
  ('leader', 'registry.read'), ('leader', 'registry.grade')
) AS p("role_code", "permission") ON p."role_code" = r."code"
WHERE r."builtin"
ON CONFLICT DO NOTHING;

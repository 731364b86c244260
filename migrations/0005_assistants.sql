-- Assistants defined by administrators (built-in assistants are files under worker/assistants/).
-- `assistants` holds the current revision of each live assistant; `assistant_versions` keeps every revision ever
-- saved (create and each PUT), so an administrator can see what an assistant said at any time. Deleting an assistant
-- removes it from `assistants` only: its history stays, and a later assistant with the same id continues the count.
CREATE TABLE assistants (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  spec TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
);

CREATE TABLE assistant_versions (
  id TEXT NOT NULL,
  version INTEGER NOT NULL,
  spec TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  PRIMARY KEY (id, version)
);

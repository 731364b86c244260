-- Every tool call an assistant made: who asked, through which assistant, which tool with which arguments, who
-- approved it (for tools that write) and how it ended. The row of a call that needs approval is written when the
-- server asks for the approval, and is the server's own record of it: a follow-up request may only answer an
-- approval found here, for the same person and conversation, once, with the arguments stored here.
CREATE TABLE tool_calls (
  id TEXT PRIMARY KEY,
  -- The approval the server issued (NULL for calls that ran without one).
  approval_id TEXT UNIQUE,
  conversation_id TEXT NOT NULL,
  subject TEXT NOT NULL,
  assistant_id TEXT NOT NULL,
  -- The tool as an assistant lists it (`search_knowledge`, `mcp:crm/update_stage`) and as the model called it.
  tool_id TEXT NOT NULL,
  tool_name TEXT NOT NULL,
  tool_call_id TEXT NOT NULL,
  -- JSON of the input the model gave (validated against the tool's schema before the call).
  arguments TEXT NOT NULL,
  read_only INTEGER NOT NULL,
  -- awaiting_approval → approved | denied; approved or no approval needed → ok | error.
  status TEXT NOT NULL,
  approved_by TEXT,
  error TEXT,
  created_at TEXT NOT NULL,
  decided_at TEXT,
  finished_at TEXT
);
CREATE INDEX tool_calls_by_subject ON tool_calls (subject, created_at);
CREATE INDEX tool_calls_by_call ON tool_calls (conversation_id, tool_call_id);

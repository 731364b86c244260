-- Hand-off notes ("Handed to Support Investigator: no policy covers …") are part of an answer: stored with it so a
-- reopened conversation shows them where the live answer did. JSON HandoffEvent[] (shared/handoff.ts), in order.
ALTER TABLE messages ADD COLUMN handoffs TEXT NOT NULL DEFAULT '[]';

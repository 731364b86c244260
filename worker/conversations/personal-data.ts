import type { PersonalDataStore } from '../personal-data/types';
import { eraseConversations, expireConversations, exportConversations } from './store';

/** Conversations and their messages, as one person's data. */
export const conversationData: PersonalDataStore = {
  name: 'conversations',
  export: ({ env, subject }) => exportConversations(env.DB, subject),
  erase: ({ env, subject }) => eraseConversations(env.DB, subject),
  expire: ({ env, cutoff }) => expireConversations(env.DB, cutoff.toISOString()),
};

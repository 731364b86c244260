import { storage } from 'wxt/utils/storage';

/** The assistant the person picked, for the browser session: a reopened panel keeps answering with it. */
export const chosenAssistantItem = storage.defineItem<string | null>('session:assistants.chosen', { fallback: null });

import { storage } from 'wxt/utils/storage';
import type { PendingAction } from './pending';

/** Session storage: gone when the browser closes, readable by the panel without any page access. */
export const pendingActionItem = storage.defineItem<PendingAction | null>('session:pendingAction', { fallback: null });

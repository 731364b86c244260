import { conversationData } from '../conversations/personal-data';
import { oversightData } from '../oversight/personal-data';
import type { PersonalDataStore } from './types';

/**
 * Every store of personal data, in the order the export lists them. Add a store here and it is exported,
 * erased with the person's data and kept only for the retention period.
 */
export const personalDataStores: readonly PersonalDataStore[] = [conversationData, oversightData];

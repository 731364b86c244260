import type { ServerConfig } from '../../shared/config';
import { t } from '../lib/i18n';

export type Features = ServerConfig['features'];

/** Everything on: a server too old to say, or one that cannot be reached and was never seen, turns nothing off. */
export const ALL_FEATURES: Features = { actions: true, pageCapture: true, insertDrafts: true };

/**
 * The switches IT turned off with DISABLED_FEATURES, from the server's `/v1/config`. The server refuses what it can
 * enforce (actions); the extension hides the rest (page reading, inserting drafts into pages).
 */
export function featuresOf(config: ServerConfig | undefined): Features {
  return config ? { ...ALL_FEATURES, ...config.features } : ALL_FEATURES;
}

/** What the panel says instead of reading the page when page reading is off for everyone. */
export const pageCaptureOffMessage = (): string => t('capture.pageReadingOff');

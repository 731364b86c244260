import type { ConfigProblem } from '../../shared/health';
import { type PayloadLogging, payloadLoggingModes } from '../../shared/oversight';
import type { Env } from '../env';

export interface OversightSettings {
  /** `metadata` (default) stores no prompt, page or answer text; `full` stores them (redacted under REDACT=pii). */
  payloadLogging: PayloadLogging;
  /** Key of the keyed hash that turns a subject into the pseudonym stored with usage and feedback. */
  pseudonymKey: string;
  /** True when no USAGE_PSEUDONYM_KEY was set and a development default stands in (never in production). */
  pseudonymKeyIsDefault: boolean;
  /** Tokens (in + out) a person may use per UTC day on chat and actions; undefined = no quota. */
  dailyTokenQuota: number | undefined;
}

/**
 * Stands in for USAGE_PSEUDONYM_KEY outside production so `npm run dev` and the tests record usage without a
 * secret. It is public (it is in this file), so its pseudonyms are reversible by hashing known subjects: that is
 * why production refuses to run on it.
 */
const DEVELOPMENT_PSEUDONYM_KEY = 'beside-development-pseudonym-key-not-secret';

export const DEFAULT_PSEUDONYM_KEY_WARNING = JSON.stringify({
  event: 'config_warning',
  setting: 'USAGE_PSEUDONYM_KEY',
  message: 'Not set: usage pseudonyms use a public development key. Set a random secret before real use.',
});

/** PAYLOAD_LOGGING, USAGE_PSEUDONYM_KEY and DAILY_TOKEN_QUOTA, checked once when the configuration is read. */
export function readOversightSettings(
  env: Pick<Env, 'PAYLOAD_LOGGING' | 'USAGE_PSEUDONYM_KEY' | 'DAILY_TOKEN_QUOTA'>,
  environment: string,
): { oversight: OversightSettings; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];

  const logging = (env.PAYLOAD_LOGGING ?? '').trim().toLowerCase() || 'metadata';
  const payloadLogging = (payloadLoggingModes as readonly string[]).includes(logging)
    ? (logging as PayloadLogging)
    : 'metadata';
  if (payloadLogging !== logging)
    problems.push({ setting: 'PAYLOAD_LOGGING', message: 'PAYLOAD_LOGGING must be "metadata" or "full".' });

  const key = env.USAGE_PSEUDONYM_KEY?.trim() ?? '';
  if (key && key.length < 16)
    problems.push({ setting: 'USAGE_PSEUDONYM_KEY', message: 'USAGE_PSEUDONYM_KEY must be at least 16 characters.' });
  if (!key && environment === 'production')
    problems.push({
      setting: 'USAGE_PSEUDONYM_KEY',
      message:
        'USAGE_PSEUDONYM_KEY is required in production (a random secret: `wrangler secret put USAGE_PSEUDONYM_KEY`).',
    });

  const quotaText = env.DAILY_TOKEN_QUOTA?.trim() ?? '';
  let dailyTokenQuota: number | undefined;
  if (quotaText) {
    dailyTokenQuota = /^\d{1,12}$/.test(quotaText) ? Number(quotaText) : Number.NaN;
    if (!(dailyTokenQuota > 0)) {
      problems.push({
        setting: 'DAILY_TOKEN_QUOTA',
        message: 'DAILY_TOKEN_QUOTA must be a positive whole number of tokens.',
      });
      dailyTokenQuota = undefined;
    }
  }

  return {
    oversight: {
      payloadLogging,
      pseudonymKey: key || DEVELOPMENT_PSEUDONYM_KEY,
      pseudonymKeyIsDefault: !key,
      dailyTokenQuota,
    },
    problems,
  };
}

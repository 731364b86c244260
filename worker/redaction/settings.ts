import type { Env } from '../env';
import { customDetectors, InvalidPatternError } from './patterns';
import { builtInDetectors } from './redact';
import type { Detector } from './types';

export interface RedactionConfig {
  mode: 'off' | 'pii';
  detectors: readonly Detector[];
  /** What is wrong with REDACT or REDACT_PATTERNS; the worker answers 503 server_misconfigured until it is fixed. */
  problem?: { setting: 'REDACT' | 'REDACT_PATTERNS'; message: string };
}

/** REDACT=off|pii (default off) and REDACT_PATTERNS, checked once when the configuration is read. */
export function readRedactionConfig(env: Pick<Env, 'REDACT' | 'REDACT_PATTERNS'>): RedactionConfig {
  const mode = (env.REDACT ?? '').trim().toLowerCase() || 'off';
  if (mode !== 'off' && mode !== 'pii')
    return {
      mode: 'pii',
      detectors: builtInDetectors,
      problem: { setting: 'REDACT', message: 'REDACT must be "off" or "pii".' },
    };
  if (mode === 'off') return { mode, detectors: [] };
  try {
    return { mode, detectors: [...builtInDetectors, ...customDetectors(env.REDACT_PATTERNS)] };
  } catch (error) {
    if (error instanceof InvalidPatternError)
      return { mode, detectors: builtInDetectors, problem: { setting: 'REDACT_PATTERNS', message: error.message } };
    throw error;
  }
}

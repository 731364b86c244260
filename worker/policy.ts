import { CapturePattern, type FeatureName, featureNames } from '../shared/config';
import type { ConfigProblem } from '../shared/health';
import type { Env } from './env';

/** What IT decided the extension may do: pages never captured, features turned off. Served in /v1/config. */
export interface PolicySettings {
  captureBlocked: string[];
  disabledFeatures: ReadonlySet<FeatureName>;
}

const MAX_CAPTURE_PATTERNS = 500;

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

export function readPolicySettings(env: Env): { policy: PolicySettings; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const patterns = list(env.CAPTURE_BLOCKLIST).map((pattern) => pattern.toLowerCase());
  const invalid = patterns.filter((pattern) => !CapturePattern.safeParse(pattern).success);
  if (invalid.length > 0 || patterns.length > MAX_CAPTURE_PATTERNS) {
    // A blocklist that half works would let pages through that IT meant to protect: refuse to run until it is fixed.
    problems.push({
      setting: 'CAPTURE_BLOCKLIST',
      message:
        patterns.length > MAX_CAPTURE_PATTERNS
          ? `CAPTURE_BLOCKLIST has more than ${MAX_CAPTURE_PATTERNS} patterns.`
          : `CAPTURE_BLOCKLIST has ${invalid.length} invalid pattern(s); use "host", "*.host" or "host/path".`,
    });
  }
  const disabled = new Set<FeatureName>();
  for (const name of list(env.DISABLED_FEATURES)) {
    const feature = featureNames.find((candidate) => candidate === name.toLowerCase());
    if (feature) disabled.add(feature);
    else {
      problems.push({
        setting: 'DISABLED_FEATURES',
        message: `DISABLED_FEATURES names an unknown feature; known: ${featureNames.join(', ')}.`,
      });
    }
  }
  return { policy: { captureBlocked: [...new Set(patterns)], disabledFeatures: disabled }, problems };
}

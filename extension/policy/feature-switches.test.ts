import { describe, expect, it } from 'vitest';
import type { ServerConfig } from '../../shared/config';
import { ALL_FEATURES, featuresOf } from './feature-switches';

const config = (features: ServerConfig['features']): ServerConfig => ({
  product: { name: 'Beside', version: '1' },
  auth: { mode: 'none' },
  capture: { blocked: [] },
  features,
});

describe('feature switches from /v1/config', () => {
  it('turn off exactly what the server says', () => {
    expect(featuresOf(config({ actions: false, pageCapture: true, insertDrafts: false }))).toEqual({
      actions: false,
      pageCapture: true,
      insertDrafts: false,
    });
  });

  it('leave everything on when the server cannot say', () => {
    expect(featuresOf(undefined)).toEqual(ALL_FEATURES);
    expect(Object.values(ALL_FEATURES).every(Boolean)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { formatStreamError, parseStreamError } from './errors';

describe('stream error text', () => {
  it('round-trips a code and message', () => {
    expect(parseStreamError(formatStreamError('upstream_timeout', 'Took too long.'))).toEqual({
      code: 'upstream_timeout',
      message: 'Took too long.',
    });
  });

  it('leaves unknown codes and plain text alone', () => {
    expect(parseStreamError('[made_up] hi')).toEqual({ code: undefined, message: '[made_up] hi' });
    expect(parseStreamError('plain failure')).toEqual({ code: undefined, message: 'plain failure' });
  });
});

import { describe, expect, it } from 'vitest';
import { parsePage } from '../testing/pages';
import { DeclaredStyles } from './css-rules';

describe('declared styles', () => {
  it('applies the rules of every style element, later ones winning', () => {
    const document = parsePage(
      '<html><head><style>.x{color:red}</style><style>.x{color:blue}</style></head><body><p class="x">a</p></body></html>',
      'https://example.com/',
    );
    expect(new DeclaredStyles(document).of(document.querySelector('p') as Element).get('color')).toBe('blue');
  });

  it('reads a style sheet of 150,000 rules', () => {
    const rules = '.unused{color:red}'.repeat(150_000);
    const document = parsePage(
      `<html><head><style>${rules}.x{display:none}</style></head><body><p class="x">a</p></body></html>`,
      'https://example.com/',
    );
    expect(new DeclaredStyles(document).of(document.querySelector('p') as Element).get('display')).toBe('none');
  });
});

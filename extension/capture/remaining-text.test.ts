import { afterEach, describe, expect, it } from 'vitest';
import { DeclaredVisibility } from './dom/declared-visibility';
import { judgeWithoutLayout } from './dom/visibility';
import { remainingVisibleText } from './remaining-text';
import { parsePage } from './testing/pages';

const remaining = (body: string, typed: string) =>
  remainingVisibleText(parsePage(`<html><body>${body}</body></html>`, 'https://example.com/').body, typed);

describe('remainingVisibleText', () => {
  it('leaves out what the typed part already says, and text repeated on the page', () => {
    const rest = remaining(
      '<p>Stage</p><p>Negotiation</p><p>Renewal risk is high</p><p>Renewal risk is high</p>',
      '- Stage: Negotiation',
    );
    expect(rest).toBe('Renewal risk is high');
  });

  it('keeps a new label’s value beside it, even when the value is said elsewhere', () => {
    const sidebar =
      '<h3>Reviewers</h3><p>carol</p><h3>Assignees</h3><p>alice</p><div>Organization</div><div>BrightPath Logistics</div>';
    const rest = remaining(`<header>BrightPath Logistics</header><aside>${sidebar}</aside>`, '- Author: alice');
    expect(rest).toContain('Assignees\nalice');
    expect(rest).toContain('Organization\nBrightPath Logistics');
  });

  it('keeps a value under a label that is itself said elsewhere, once, without a chain of repeats', () => {
    const panel = '<p>Head of Finance</p><p>Email</p><p>hannah@example.de</p><p>Email</p><p>Email</p><p>Email</p>';
    const rest = remaining(`<p>via Email</p><p>Email</p>${panel}`, 'To: hannah@example.de');
    expect(rest).toBe('via Email\nEmail\nHead of Finance\nEmail\nhannah@example.de');
  });

  it('does not repeat a long passage after a label, nor a value after a label the typed part says', () => {
    const passage =
      'A paragraph the typed part already carries, long enough to be a passage and not a value of a field.';
    const rest = remaining(
      `<p>Summary</p><p>${passage}</p><p>Stage</p><p>Negotiation</p>`,
      `${passage}\n- Stage: Negotiation`,
    );
    expect(rest).toBe('Summary');
  });
});

describe('remainingVisibleText on long parts of a page', () => {
  afterEach(() => judgeWithoutLayout((document) => new DeclaredVisibility(document)));

  /** Counts the texts judged from now on. */
  function countTexts(): { texts: number } {
    const counted = { texts: 0 };
    judgeWithoutLayout(
      (document) =>
        new (class extends DeclaredVisibility {
          override visibleTextOf(node: Text): string {
            counted.texts++;
            return super.visibleTextOf(node);
          }
        })(document),
    );
    return counted;
  }

  it.each([
    ['a code block', (lines: string[]) => `<pre>${lines.map((line) => `<span>${line}</span>`).join('\n')}</pre>`],
    [
      'a run of text with no break',
      (lines: string[]) => `<p>${lines.map((line) => `<span>${line}.</span>`).join(' ')}</p>`,
    ],
    [
      'a run of text broken by <br>',
      (lines: string[]) => `<div>${lines.map((line) => `<span>${line}</span>`).join('<br>')}</div>`,
    ],
  ])('stops inside %s once it has enough, so the lines past the budget are never judged', (_, markup) => {
    const counted = countTexts();
    const lines = Array.from({ length: 5_000 }, (_, index) => `build step ${index} passed`);
    const page = parsePage(`<html><body><h2>Log</h2>${markup(lines)}</body></html>`, 'https://example.com/');
    const rest = remainingVisibleText(page.body, '- Status: Passed', { maxChars: 500 });
    expect(rest).toContain('build step 1 passed');
    expect(rest.length).toBeGreaterThan(500);
    expect(rest.length).toBeLessThan(600);
    expect(counted.texts).toBeLessThan(100);
  });

  it('stops inside the table once it has enough, so the rows past the budget are never judged', () => {
    const counted = countTexts();
    const rows = Array.from(
      { length: 5_000 },
      (_, index) => `<tr><td>Widget ${index}</td><td>${index} units</td></tr>`,
    );
    const page = parsePage(
      `<html><body><h2>Products</h2><table>${rows.join('')}</table></body></html>`,
      'https://example.com/',
    );
    const rest = remainingVisibleText(page.body, '- Widget 0: 0 units', { maxChars: 500 });
    expect(rest).toContain('| Widget 1 | 1 units |');
    expect(rest.length).toBeGreaterThan(500);
    expect(rest.length).toBeLessThan(600);
    expect(counted.texts).toBeLessThan(100);
  });
});

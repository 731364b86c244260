import { expect } from 'vitest';
import { PageContext } from '../../../shared/page-context';
import { describeCapture } from '../describe';
import { capturePage } from '../registry';
import type { CaptureOptions } from '../types';
import { loadExpected, loadFixture } from './pages';

/**
 * Captures test/fixtures/pages/<name>.html and checks it against <name>.expected.json: typed fields, related
 * counts, messages, the chip line, text that must be there and text (hidden, stale, chrome) that must not.
 */
export function expectFixtureCapture(name: string, options: CaptureOptions = { tokenBudget: 6_000 }): PageContext {
  const expected = loadExpected(name);
  const page = PageContext.parse(capturePage(loadFixture(name), options));
  expect(page.site).toBe(expected.site);
  expect(page.kind).toBe(expected.kind);
  if (expected.describe) expect(describeCapture(page)).toBe(expected.describe);
  const fields = new Map(
    [...(page.record?.fields ?? []), ...(page.conversation?.fields ?? [])].map((f) => [f.label, f.value]),
  );
  for (const [label, value] of Object.entries(expected.fields ?? {})) expect(fields.get(label), label).toBe(value);
  if (expected.objectType) expect(page.record?.objectType).toBe(expected.objectType);
  if (expected.name) expect(page.record?.name).toBe(expected.name);
  if (expected.id) expect(page.record?.id ?? page.conversation?.id).toBe(expected.id);
  if (expected.subject) expect(page.conversation?.subject).toBe(expected.subject);
  if (expected.related) {
    const related = Object.fromEntries((page.record?.related ?? []).map((list) => [list.name, list.count]));
    expect(related).toEqual(expected.related);
  }
  if (expected.activity !== undefined) expect(page.record?.activity ?? []).toHaveLength(expected.activity);
  const messages = page.conversation?.messages ?? [];
  if (expected.messages !== undefined)
    expect(messages.length + (page.conversation?.omittedMessages ?? 0)).toBe(expected.messages);
  if (expected.internal !== undefined) {
    expect(messages.filter((message) => message.visibility === 'internal')).toHaveLength(expected.internal);
  }
  if (expected.authors) expect(messages.map((message) => message.author)).toEqual(expected.authors);
  for (const text of expected.mustContain ?? []) expect(page.markdown).toContain(text);
  const everything = JSON.stringify(page);
  for (const text of expected.mustNotContain ?? []) expect(everything).not.toContain(text);
  return page;
}

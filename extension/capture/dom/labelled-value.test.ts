import { describe, expect, it } from 'vitest';
import { parsePage } from '../testing/pages';
import { labelledValue } from './labelled-value';
import { resetVisibility } from './visibility';

function field(html: string): string {
  resetVisibility();
  const document = parsePage(`<html><body><div id="row">${html}</div></body></html>`, 'https://acme.zendesk.com/');
  const row = document.getElementById('row') as Element;
  return labelledValue(row, row.querySelector('label'));
}

describe('labelledValue', () => {
  it('reads a control’s value first, then a dropdown button that shows one', () => {
    expect(field('<label>Priority</label><input value="High">')).toBe('High');
    expect(field('<label>Type</label><button>Incident ▾</button>')).toBe('Incident');
    expect(field('<input type="checkbox" checked><label>Escalated to Finance</label>')).toBe('Yes');
    expect(field('<input type="checkbox"><label>Escalated to Finance</label>')).toBe('No');
  });

  it('reads the pills of a multi-value field, not their remove buttons', () => {
    const tags =
      '<label>Tags</label><div><div class="tag">billing<button aria-label="Remove billing">×</button></div>' +
      '<div class="tag">vip<button aria-label="Remove vip">×</button></div></div><input value="">';
    expect(field(tags)).toBe('billing, vip');
    const followers = '<label>Followers</label><div><span>Priya Natarajan</span><button>✕</button></div>';
    expect(field(followers)).toBe('Priya Natarajan');
  });

  it('leaves out a help icon drawn as a glyph after the label, not a question the value asks', () => {
    expect(field('<label>Source</label><span class="help-icon">?</span><div>Email</div>')).toBe('Email');
    expect(field('<label>Plan</label><span>ⓘ</span> Enterprise')).toBe('Enterprise');
    expect(field('<label>Question</label><div>Refund?</div>')).toBe('Refund?');
  });

  it('keeps the row’s text when its only button is a glyph that opens it', () => {
    expect(field('<label>Group</label><span>Tier 2 / Billing</span><button>▾</button>')).toBe('Tier 2 / Billing');
  });
});

import { describe, expect, it } from 'vitest';
import { expectFixtureCapture } from '../testing/expect-capture';
import { loadFixture, parsePage } from '../testing/pages';
import { salesforceLightning } from './salesforce-lightning';

describe('salesforce-lightning', () => {
  it('captures an opportunity: highlights, detail fields, related lists, timeline; nothing hidden or stale', () => {
    const page = expectFixtureCapture('salesforce-lightning--opportunity');
    const contactRoles = page.record?.related.find((list) => list.name === 'Contact Roles');
    expect(contactRoles?.rows[0]).toEqual([
      { label: 'Name', value: 'Priya Natarajan' },
      { label: 'Role', value: 'Economic Buyer' },
      { label: 'Title', value: 'CFO' },
      { label: 'Email', value: 'priya.natarajan@acme.example' },
    ]);
    // Highlights come first and are not repeated by the details section.
    expect(page.record?.fields.filter((field) => field.label === 'Amount')).toHaveLength(1);
    expect(page.record?.activity[1]).toMatch(/^Nov 2 · Call · Pricing review with CFO — CFO accepts/);
  });

  it('reads a record rendered entirely inside nested shadow roots: path stage, item-list roles, table products', () => {
    const page = expectFixtureCapture('salesforce-lightning--unseen-opportunity');
    const fields = Object.fromEntries((page.record?.fields ?? []).map((field) => [field.label, field.value]));
    expect(fields).toMatchObject({ Stage: 'Proposal/Price Quote', 'Probability (%)': '60%', Amount: '$84,500.00' });
    expect(fields.Role).toBeUndefined(); // a related row's dt/dd is not a field of the record
    const related = Object.fromEntries((page.record?.related ?? []).map((list) => [list.name, list.rows]));
    expect(related['Contact Roles']?.[0]).toEqual([
      { label: 'Name', value: 'Kenji Watanabe' },
      { label: 'Role', value: 'Decision Maker' },
      { label: 'Title', value: 'VP Fleet Operations' },
    ]);
    expect(related['Products (Telematics 2027)']).toHaveLength(2);
    expect(page.record?.activity).toEqual([
      'Yesterday 17:20 · Call · Pricing walkthrough with Kenji',
      '09:12 · Email · Sent revised SOW v3',
    ]);
  });

  it('takes the stage from the path’s current step and a checkbox value from its title (SLDS blueprints)', () => {
    const page = expectFixtureCapture('slds--record-home');
    const fields = Object.fromEntries((page.record?.fields ?? []).map((field) => [field.label, field.value]));
    expect(fields).toMatchObject({ Stage: 'Nurturing', 'Security Assessment Required?': 'False' });
    expect(page.record?.activity.map((line) => line.split(' · ')[1])).toEqual(['Task', 'Call', 'Email', 'Event']);
  });

  it('never takes the inline edit button’s title for an empty field’s value', () => {
    const page = expectFixtureCapture('slds--record-home');
    const values = (page.record?.fields ?? []).map((field) => field.value);
    expect(values.filter((value) => /^Edit /.test(value))).toEqual([]);
    const document = parsePage(
      `<html><body><records-highlights2><h1>Maya Okafor</h1></records-highlights2>
        <records-record-layout-item field-label="Home Phone"><div class="slds-form-element__control"><span class="test-id__field-value"></span><button title="Edit Home Phone"><span class="slds-assistive-text" style="position:absolute;clip:rect(0 0 0 0);width:1px;height:1px;overflow:hidden">Edit Home Phone</span></button></div></records-record-layout-item>
        <records-record-layout-item field-label="Do Not Call"><div class="slds-form-element__control"><span class="test-id__field-value"><img title="False" alt=""></span><button title="Edit Do Not Call"></button></div></records-record-layout-item>
      </body></html>`,
      'https://acme.lightning.force.com/lightning/r/Contact/0035g00000QxYzAAAB/view',
    );
    const fields = salesforceLightning.extract(document, new URL(document.location.href), { tokenBudget: 2_000 })
      ?.record?.fields;
    expect(fields?.find((field) => field.label === 'Home Phone')?.value ?? '').toBe('');
    expect(fields?.find((field) => field.label === 'Do Not Call')?.value).toBe('False');
  });

  it('captures a case from the active Details tab only', () => {
    expectFixtureCapture('salesforce-lightning--case');
  });

  it('matches record URLs only, and says "not on this page" without a highlights panel', () => {
    const document = loadFixture('salesforce-lightning--opportunity');
    const record = new URL('https://acme-corp.lightning.force.com/lightning/r/Opportunity/0065g00000XyZabAAF/view');
    expect(salesforceLightning.matches(record, document)).toBe(true);
    expect(
      salesforceLightning.matches(
        new URL('https://acme-corp.lightning.force.com/lightning/o/Opportunity/list'),
        document,
      ),
    ).toBe(false);
    expect(
      salesforceLightning.matches(
        new URL('https://example.com/lightning/r/Opportunity/0065g00000XyZabAAF/view'),
        document,
      ),
    ).toBe(false);
    for (const panel of Array.from(document.querySelectorAll('records-highlights2, records-lwc-highlights-panel')))
      panel.remove();
    expect(salesforceLightning.extract(document, record, { tokenBudget: 6000 })).toBeUndefined();
  });
});

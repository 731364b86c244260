import { describe, expect, it } from 'vitest';
import { parsePage } from '../testing/pages';
import { textDeep, toMarkdown } from './markdown';
import { resetVisibility, visibilityOf } from './visibility';
import { closestDeep, composedChildren, queryAllDeep, queryFirstDeep, resetWalk, visibleAllDeep } from './walk';

/** Lightning-style markup: values inside (nested) open shadow roots, one part slotted from the light DOM. */
const page = `<html><body>
<div class="record">
  <p class="value">light 1</p>
  <records-record-layout-item id="stage">
    <template shadowrootmode="open">
      <span class="label">Stage</span>
      <lightning-formatted-text>
        <template shadowrootmode="open"><p class="value">shadow 2 Negotiation/Review</p></template>
      </lightning-formatted-text>
      <slot></slot>
    </template>
    <p class="value">slotted 3</p>
  </records-record-layout-item>
  <p class="value">light 4</p>
  <records-record-layout-item id="hidden" style="display:none">
    <template shadowrootmode="open"><p class="value">hidden 5</p></template>
  </records-record-layout-item>
  <secret-box><template shadowrootmode="closed"><p class="value">closed 6</p></template></secret-box>
</div>
</body></html>`;

function load() {
  resetVisibility();
  resetWalk();
  return parsePage(page, 'https://acme.lightning.force.com/lightning/r/Opportunity/006000000000001AAA/view');
}

describe('the shadow-aware walker', () => {
  it('finds matches inside nested open shadow roots, in the order the page renders them', () => {
    const document = load();
    expect(Array.from(document.querySelectorAll('.value')).map((element) => element.textContent)).toEqual([
      'light 1',
      'slotted 3',
      'light 4',
    ]);
    const texts = queryAllDeep(document, '.value').map((element) => element.textContent);
    expect(texts.slice(0, 4)).toEqual(['light 1', 'shadow 2 Negotiation/Review', 'slotted 3', 'light 4']);
    expect(texts).toContain('hidden 5');
  });

  it('never enters a closed shadow root, as the page itself cannot', () => {
    const texts = queryAllDeep(load(), '.value').map((element) => element.textContent);
    expect(texts).not.toContain('closed 6');
  });

  it('leaves out what the visibility module says is hidden, also across shadow boundaries', () => {
    const texts = visibleAllDeep(load(), '.value').map((element) => element.textContent);
    expect(texts).toEqual(['light 1', 'shadow 2 Negotiation/Review', 'slotted 3', 'light 4']);
  });

  it('judges matches only until it has as many visible ones as asked for', () => {
    const document = parsePage(
      `<html><body><table><tbody>${'<tr><td>row</td></tr>'.repeat(5_000)}</tbody></table></body></html>`,
      'https://example.com/',
    );
    resetVisibility();
    resetWalk();
    const visibility = visibilityOf(document);
    let judged = 0;
    const isHidden = visibility.isHidden.bind(visibility);
    visibility.isHidden = (element) => {
      judged++;
      return isHidden(element);
    };
    expect(visibleAllDeep(document, 'tbody tr', 5)).toHaveLength(5);
    expect(judged).toBeLessThan(20);
    expect(visibleAllDeep(document, 'tbody tr')).toHaveLength(5_000);
  });

  it('reads an element’s visible text through its shadow tree and slots', () => {
    const document = load();
    const stage = queryFirstDeep(document, '#stage');
    expect(textDeep(stage)).toBe('Stage shadow 2 Negotiation/Review slotted 3');
    expect(toMarkdown(document.body)).not.toContain('hidden 5');
  });

  it('climbs out of shadow roots to find an ancestor', () => {
    const document = load();
    const inner = queryAllDeep(document, '.value')[1] as Element;
    expect(inner.closest('.record')).toBeNull();
    expect(closestDeep(inner, '.record')?.className).toBe('record');
    expect(closestDeep(inner, 'records-record-layout-item')?.id).toBe('stage');
  });

  it('is as fast as querySelectorAll when the page has no shadow roots', () => {
    const document = parsePage(
      '<html><body><p class="x">a</p><div><p class="x">b</p></div></body></html>',
      'https://x/',
    );
    expect(queryAllDeep(document, '.x')).toEqual(Array.from(document.querySelectorAll('.x')));
  });
});

describe('pages larger than a call can take arguments', () => {
  it('lists a slot that 150,000 nodes are assigned to', () => {
    const document = parsePage('<html><body><div id="host"><slot></slot></div></body></html>', 'https://example.com/');
    const slot = document.querySelector('slot') as HTMLSlotElement;
    const assigned = Array.from({ length: 150_000 }, (_, index) => document.createTextNode(`row ${index}`));
    // linkedom has no slot assignment; a browser answers with what the host's light DOM slots in.
    slot.assignedNodes = () => assigned;
    const children = composedChildren(document.querySelector('#host') as Element);
    expect(children).toHaveLength(150_000);
    expect(children.at(-1)?.textContent).toBe('row 149999');
  });

  it('finds 150,000 matches inside a shadow root', () => {
    resetWalk();
    const rows = '<p class="row">x</p>'.repeat(150_000);
    const document = parsePage(
      `<html><body><p class="row">light</p><x-list><template shadowrootmode="open">${rows}</template></x-list></body></html>`,
      'https://example.com/',
    );
    const found = queryAllDeep(document, '.row');
    expect(found).toHaveLength(150_001);
    expect(found[0]?.textContent).toBe('light');
  });
});

/**
 * A tiny reader of the page's own `<style>` rules, used only where there is no layout engine (linkedom in unit
 * tests, or any DOM without `getComputedStyle`). It keeps the declarations that can hide text, so the same
 * visibility rules run with and without a browser. Media queries, pseudo-classes and pseudo-elements are skipped:
 * they describe states the person is not looking at.
 */

export type Declarations = Map<string, string>;

interface StyleRule {
  selector: string;
  declarations: Declarations;
  /** Declarations marked `!important`: they win over the others and the inline style (`.slds-hide`). */
  important: Declarations;
  specificity: number;
  order: number;
}

/** The properties that decide whether text is visible; everything else is ignored to keep matching cheap. */
export const visibilityProperties = new Set([
  'display',
  'visibility',
  'opacity',
  'position',
  'left',
  'top',
  'right',
  'width',
  'height',
  'overflow',
  'overflow-x',
  'overflow-y',
  'clip',
  'clip-path',
  'font-size',
  'color',
  'background',
  'background-color',
  'text-indent',
  'transform',
  'filter',
  'max-height',
  'max-width',
  'content-visibility',
  '-webkit-text-fill-color',
  'mix-blend-mode',
  'mask-image',
  '-webkit-mask-image',
  'mask-size',
  '-webkit-mask-size',
]);

/** Custom properties are kept too: `color: var(--ink)` is resolved against them. */
const isCustomProperty = (property: string) => property.startsWith('--');

/** The declarations of a block; those marked `!important` go to `important` when it is given. */
export function parseDeclarations(text: string, important?: Declarations): Declarations {
  const declarations: Declarations = new Map();
  for (const part of text.split(';')) {
    const colon = part.indexOf(':');
    if (colon < 0) continue;
    // Values are lowercased below, `var(--Ink)` included, so custom property names are lowercased alike.
    const property = part.slice(0, colon).trim().toLowerCase();
    if (!visibilityProperties.has(property) && !isCustomProperty(property)) continue;
    const raw = part.slice(colon + 1);
    const value = raw
      .replace(/!\s*important/i, '')
      .trim()
      .toLowerCase();
    (important && /!\s*important/i.test(raw) ? important : declarations).set(property, value);
  }
  return declarations;
}

/** Rough CSS specificity (ids, classes/attributes, tags) folded into one number; enough to order our few rules. */
function specificityOf(selector: string): number {
  const ids = selector.match(/#[\w-]+/g)?.length ?? 0;
  // `[^\][]`, not `[^\]]`: an attribute selector ends at the next bracket, so "[[[[…" stays linear.
  const classes = selector.match(/\.[\w-]+|\[[^\][]+\]/g)?.length ?? 0;
  const tags = selector.replace(/[#.][\w-]+|\[[^\][]+\]/g, ' ').match(/(^|[\s>+~])[a-z][\w-]*/gi)?.length ?? 0;
  return ids * 10_000 + classes * 100 + tags;
}

/** Removes `@media {…}`, `@supports {…}`, `@font-face {…}` blocks, keeping only top-level rules. */
function topLevelRules(css: string): string {
  let output = '';
  let index = 0;
  while (index < css.length) {
    const at = css.indexOf('@', index);
    if (at < 0) {
      output += css.slice(index);
      break;
    }
    output += css.slice(index, at);
    const open = css.indexOf('{', at);
    const semicolon = css.indexOf(';', at);
    if (open < 0 || (semicolon >= 0 && semicolon < open)) {
      index = semicolon < 0 ? css.length : semicolon + 1; // @import …; / @charset …;
      continue;
    }
    let depth = 1;
    let cursor = open + 1;
    while (cursor < css.length && depth > 0) {
      const char = css[cursor];
      if (char === '{') depth++;
      else if (char === '}') depth--;
      cursor++;
    }
    index = cursor;
  }
  return output;
}

const interactiveState =
  /:(hover|focus|focus-within|focus-visible|active|visited|target|checked)|::?(before|after|placeholder|selection|marker|first-line|first-letter)/i;

/** Page CSS without comments. Only text before the last `*\/` can hold one, so no `/*` is scanned twice. */
function withoutComments(css: string): string {
  const last = css.lastIndexOf('*/');
  if (last < 0) return css;
  return css.slice(0, last + 2).replace(/\/\*[\s\S]*?\*\//g, '') + css.slice(last + 2);
}

export function parseStyleRules(css: string, startOrder = 0): StyleRule[] {
  const rules: StyleRule[] = [];
  const source = topLevelRules(withoutComments(css));
  // The lookbehind starts a rule only after a brace (or at the start), so a long run without one is read once.
  const rulePattern = /(?<![^{}])([^{}]+)\{([^{}]*)\}/g;
  let order = startOrder;
  for (const match of source.matchAll(rulePattern)) {
    const important: Declarations = new Map();
    const declarations = parseDeclarations(match[2] ?? '', important);
    if (declarations.size === 0 && important.size === 0) continue;
    for (const raw of (match[1] ?? '').split(',')) {
      const selector = raw.trim();
      if (!selector || interactiveState.test(selector)) continue;
      rules.push({ selector, declarations, important, specificity: specificityOf(selector), order: order++ });
    }
  }
  return rules;
}

/**
 * Declared (not computed) style of elements: matching `<style>` rules in cascade order, then the inline style. A
 * shadow root's own `<style>` rules apply inside it only, as its scoped styles do in a browser.
 */
export class DeclaredStyles {
  private readonly rulesByRoot = new WeakMap<Node, StyleRule[]>();

  constructor(private readonly document: Document) {}

  private rulesOf(root: Node): StyleRule[] {
    let rules = this.rulesByRoot.get(root);
    if (!rules) {
      const parsed: StyleRule[] = [];
      const scope = (root.nodeType === 11 ? root : this.document) as ParentNode;
      for (const style of Array.from(scope.querySelectorAll('style'))) {
        // One push per rule: a sheet of more than about 120,000 rules spread into one call would throw.
        for (const rule of parseStyleRules(style.textContent ?? '', parsed.length)) parsed.push(rule);
      }
      rules = parsed.sort((a, b) => a.specificity - b.specificity || a.order - b.order);
      this.rulesByRoot.set(root, rules);
    }
    return rules;
  }

  of(element: Element): Declarations {
    const declared: Declarations = new Map();
    const important: Declarations[] = [];
    for (const rule of this.rulesOf(element.getRootNode())) {
      let matches = false;
      try {
        matches = element.matches(rule.selector);
      } catch {
        // A selector this DOM cannot evaluate says nothing we can rely on.
      }
      if (!matches) continue;
      for (const [property, value] of rule.declarations) declared.set(property, value);
      if (rule.important.size > 0) important.push(rule.important);
    }
    const inline = element.getAttribute('style');
    if (inline) for (const [property, value] of parseDeclarations(inline)) declared.set(property, value);
    for (const declarations of important) for (const [property, value] of declarations) declared.set(property, value);
    return declared;
  }
}

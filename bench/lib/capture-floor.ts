/**
 * The browser's share of a capture: every question one capture asks the layout engine (computed styles property by
 * property, text and box rectangles, visibility checks, hit tests), recorded once and replayed with nothing else
 * around them. Injected afresh like the capture script, the replay is the least a capture that judges visibility
 * from the real layout can cost on this page and machine; "capture over floor" is what our code adds to it.
 */
import type { Page } from 'playwright-core';
import { computedStyleProperties } from '../../extension/capture/dom/computed-style';

/** Every property capture reads (computed-style.ts), each replayed as a plain property read like capture's own. */
const properties: readonly string[] = computedStyleProperties;

/** Operation codes of the recording: [code, node index, argument] per question asked. */
const op = { style: 0, property: 1, textRects: 2, boxRect: 3, checkVisibility: 4, hitTest: 5 } as const;

interface Recorded {
  questions: number;
  styles: number;
  propertyReads: number;
  rectangles: number;
}

/**
 * Runs `capture` once with the page's layout APIs wrapped to write down every call, leaving the ops and the nodes
 * they were asked about in the page for the replay. Restores the APIs before returning.
 */
export async function recordLayoutQuestions(page: Page, capture: string): Promise<Recorded> {
  // tsx (esbuild keepNames) wraps the named functions below in __name(), which the page must know too.
  await page.evaluate('globalThis.__name ??= (fn) => fn');
  return page.evaluate(
    ({ capture, properties, op }) => {
      const ops: number[] = [];
      const nodes: Node[] = [];
      const indexOf = new Map<Node, number>();
      const node = (value: Node) => {
        let index = indexOf.get(value);
        if (index === undefined) {
          index = nodes.push(value) - 1;
          indexOf.set(value, index);
        }
        return index;
      };
      const codes = new Map(properties.map((name, code) => [name, code]));
      const original = {
        getComputedStyle: window.getComputedStyle,
        rangeRects: Range.prototype.getClientRects,
        boxRect: Element.prototype.getBoundingClientRect,
        checkVisibility: Element.prototype.checkVisibility,
        elementsFromPoint: Document.prototype.elementsFromPoint,
      };
      const options: unknown[] = [];
      window.getComputedStyle = (element: Element, pseudo?: string | null) => {
        const declaration = original.getComputedStyle.call(window, element, pseudo);
        const index = node(element);
        ops.push(op.style, index, 0);
        return new Proxy(declaration, {
          get(target, name) {
            const value = Reflect.get(target, name, target);
            if (typeof value === 'function') return value.bind(target);
            const code = codes.get(name as never);
            if (code !== undefined) ops.push(op.property, index, code);
            return value;
          },
        });
      };
      Range.prototype.getClientRects = function (this: Range) {
        ops.push(op.textRects, node(this.startContainer), 0);
        return original.rangeRects.call(this);
      };
      Element.prototype.getBoundingClientRect = function (this: Element) {
        ops.push(op.boxRect, node(this), 0);
        return original.boxRect.call(this);
      };
      Element.prototype.checkVisibility = function (this: Element, value?: CheckVisibilityOptions) {
        ops.push(op.checkVisibility, node(this), options.push(value) - 1);
        return original.checkVisibility.call(this, value);
      };
      Document.prototype.elementsFromPoint = function (this: Document, x: number, y: number) {
        ops.push(op.hitTest, node(this), options.push([x, y]) - 1);
        return original.elementsFromPoint.call(this, x, y);
      };
      try {
        (globalThis as unknown as Record<string, (document: Document, options: unknown) => unknown>)[capture]?.(
          document,
          { tokenBudget: 6_000 },
        );
      } finally {
        window.getComputedStyle = original.getComputedStyle;
        Range.prototype.getClientRects = original.rangeRects;
        Element.prototype.getBoundingClientRect = original.boxRect;
        Element.prototype.checkVisibility = original.checkVisibility;
        Document.prototype.elementsFromPoint = original.elementsFromPoint;
      }
      Object.assign(globalThis, { __floorOps: Int32Array.from(ops), __floorNodes: nodes, __floorOptions: options });
      const count = (code: number) => ops.filter((value, at) => at % 3 === 0 && value === code).length;
      return {
        questions: ops.length / 3,
        styles: count(op.style),
        propertyReads: count(op.property),
        rectangles: count(op.textRects) + count(op.boxRect),
      };
    },
    { capture, properties, op },
  );
}

/**
 * The replay as a script to inject: each injection defines `__floorReplay` afresh, so, like the capture script,
 * it runs as new, unoptimised code. Properties are read by name (`style.display`), as capture reads them: a
 * computed key would take the engine's slower generic path and overstate the floor.
 */
export function replayScript(): string {
  const reads = properties.map((name, code) => `case ${code}: sink += style.${name}.length; break;`).join('\n');
  return `globalThis.__floorReplay = function () {
  const ops = globalThis.__floorOps, nodes = globalThis.__floorNodes, options = globalThis.__floorOptions;
  const styles = new Array(nodes.length);
  const range = document.createRange();
  let sink = 0;
  for (let at = 0; at < ops.length; at += 3) {
    const node = nodes[ops[at + 1]];
    const argument = ops[at + 2];
    switch (ops[at]) {
      case ${op.style}: styles[ops[at + 1]] = getComputedStyle(node); break;
      case ${op.property}: {
        const style = styles[ops[at + 1]];
        switch (argument) {
${reads}
        }
        break;
      }
      case ${op.textRects}: range.selectNodeContents(node); sink += range.getClientRects().length; break;
      case ${op.boxRect}: sink += node.getBoundingClientRect().width; break;
      case ${op.checkVisibility}: sink += node.checkVisibility(options[argument]) ? 1 : 0; break;
      case ${op.hitTest}: sink += node.elementsFromPoint(options[argument][0], options[argument][1]).length; break;
    }
  }
  return sink;
};`;
}

/** Injects the replay afresh and times one run of it, in the page. */
export async function timeFreshFloor(page: Page, script: string): Promise<number> {
  await page.addScriptTag({ content: script });
  return page.evaluate(() => {
    const replay = (globalThis as unknown as { __floorReplay: () => number }).__floorReplay;
    const start = performance.now();
    replay();
    return performance.now() - start;
  });
}

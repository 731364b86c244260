import type { Selection as CapturedSelection } from '../../shared/page-context';
import { textOf } from './dom/markdown';
import { visibilityOf } from './dom/visibility';
import { textOwner } from './dom/visibility-rules';

/**
 * The person's selection, read through the same visibility rules as the rest of capture (a selection dragged
 * across a hidden prompt-injection line must not carry it along), with the nearest heading as context.
 */

interface RangeLike {
  commonAncestorContainer: Node;
  startContainer: Node;
  startOffset: number;
  endContainer: Node;
  endOffset: number;
}

/** Nodes in document order; linkedom's compareDocumentPosition is unreliable for text nodes, so we walk. */
function nodesInOrder(root: Node, into: Node[] = []): Node[] {
  into.push(root);
  for (const child of Array.from(root.childNodes)) nodesInOrder(child, into);
  return into;
}

function lastDescendant(node: Node): Node {
  let current = node;
  while (current.lastChild) current = current.lastChild;
  return current;
}

function boundary(container: Node, offset: number, end: boolean): Node | undefined {
  if (container.nodeType === 3) return container;
  if (!end) return container.childNodes[offset] ?? container;
  const before = container.childNodes[offset - 1];
  return before ? lastDescendant(before) : container;
}

function closestBlockOrSelf(node: Node): Element | null {
  const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
  if (!element) return null;
  const visibility = visibilityOf(element.ownerDocument);
  for (let current: Element | null = element; current; current = current.parentElement) {
    if (visibility.isBlock(current)) return current;
  }
  return element;
}

export function visibleRangeText(range: RangeLike): string {
  const nodes = nodesInOrder(range.commonAncestorContainer);
  const start = boundary(range.startContainer, range.startOffset, false);
  const end = boundary(range.endContainer, range.endOffset, true);
  const from = start ? nodes.indexOf(start) : 0;
  const to = end ? nodes.indexOf(end) : nodes.length - 1;
  let text = '';
  let block: Element | null = null;
  for (const node of nodes.slice(Math.max(0, from), to + 1)) {
    if (node.nodeType !== 3) continue;
    const parent = textOwner(node as Text);
    if (!parent) continue;
    const visibility = visibilityOf(parent.ownerDocument);
    if (visibility.isHidden(parent)) continue;
    const readable = visibility.visibleTextOf(node as Text);
    if (!readable) continue;
    let value = node.nodeValue ?? '';
    // A node a box clips in part gives only the lines that show, whatever the selection's ends inside it.
    if (readable !== value) value = readable;
    else {
      if (node === range.endContainer) value = value.slice(0, range.endOffset);
      if (node === range.startContainer) value = value.slice(range.startOffset);
    }
    const nodeBlock = closestBlockOrSelf(node);
    if (block && nodeBlock !== block) text += '\n';
    block = nodeBlock;
    text += value;
  }
  return text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

const headingSelector = 'h1, h2, h3, h4, h5, h6, [role="heading"]';

/** The heading the selection sits under: the closest one before it, looking outwards through its ancestors. */
export function nearestHeading(node: Node): string | undefined {
  let current: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
  const visibility = current ? visibilityOf(current.ownerDocument) : undefined;
  while (current && visibility) {
    if (current.matches(headingSelector) && !visibility.isHidden(current)) return textOf(current) || undefined;
    for (let sibling = current.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
      const headings = sibling.matches(headingSelector)
        ? [sibling]
        : Array.from(sibling.querySelectorAll(headingSelector));
      for (const heading of headings.reverse()) {
        const text = visibility.isHidden(heading) ? '' : textOf(heading);
        if (text) return text;
      }
    }
    current = current.parentElement;
  }
  return undefined;
}

/** The selection of this document (or of one of its same-origin frames), or undefined when nothing is selected. */
export function captureSelection(documents: readonly Document[]): CapturedSelection | undefined {
  for (const document of documents) {
    const selection = document.getSelection?.();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) continue;
    const range = selection.getRangeAt(0);
    const text = visibleRangeText(range);
    if (!text) continue;
    const context = nearestHeading(range.startContainer);
    return { text: text.slice(0, 50_000), ...(context ? { context: context.slice(0, 500) } : {}) };
  }
  return undefined;
}

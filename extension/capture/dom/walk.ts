import { frameDocument, isFrame } from './frame-document';
import { visibilityOf } from './visibility';

export { frameDocument } from './frame-document';

/**
 * The one way capture looks into a page. Lightning renders field values, the stage path and related lists inside
 * open shadow roots, and some apps render the record inside a same-origin iframe: `querySelector` on the light DOM
 * sees neither. Every extractor and the generic capture query through these functions, so none can forget
 * (registry.test.ts fails on a direct `querySelector` in an extractor). Closed shadow roots and cross-origin frames
 * stay out of reach, as they are for the page's own scripts.
 */

type Tree = Document | ShadowRoot;

/** The open shadow root or same-origin frame document an element leads into, if any. */
export function innerTreeOf(element: Element): Tree | null {
  const shadow = (element as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot;
  if (shadow) return shadow;
  return isFrame(element) ? frameDocument(element) : null;
}

/** A slot that can say what is assigned to it (DOMs without a browser may have no `assignedNodes`). */
function asSlot(node: Node): HTMLSlotElement | undefined {
  if (node.nodeType !== 1 || (node as Element).localName !== 'slot') return undefined;
  return typeof (node as HTMLSlotElement).assignedNodes === 'function' ? (node as HTMLSlotElement) : undefined;
}

/** The children as they render: a host's shadow tree (slots replaced by what is assigned to them). */
export function composedChildren(node: Node): Node[] {
  const own = asSlot(node);
  if (own) {
    const assigned = own.assignedNodes({ flatten: true });
    if (assigned.length > 0) return assigned;
  }
  const source: Node = (node as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot ?? node;
  const children: Node[] = [];
  // Sibling pointers rather than a copy of `childNodes`: this runs for every node capture renders.
  for (let child = source.firstChild; child; child = child.nextSibling) {
    const slot = asSlot(child);
    if (!slot) {
      children.push(child);
      continue;
    }
    const assigned = slot.assignedNodes({ flatten: true });
    // One push per node: spreading a page-sized list into one call throws past about 120,000 arguments.
    if (assigned.length > 0) for (const assignedNode of assigned) children.push(assignedNode);
    else for (let fallback = slot.firstChild; fallback; fallback = fallback.nextSibling) children.push(fallback);
  }
  return children;
}

/**
 * Elements of one tree that lead into another tree (shadow hosts, same-origin frames), in document order.
 * Found once per tree per capture: a scan of the whole tree is the one cost a deep query cannot avoid. In a
 * browser the page's one rendered walk (rendered-tree.ts) knows them, leaving out subtrees that render nothing.
 */
let gateways = new WeakMap<Tree, Element[]>();

/** Forgets what the last capture learnt of the page's trees: the live page may have changed since. */
export function resetWalk(): void {
  gateways = new WeakMap();
}

/** `NodeFilter.SHOW_ELEMENT`, spelt out: not every DOM without a browser defines `NodeFilter`. */
const showElements = 1;

/** Every gateway of a tree, hidden subtrees included, for DOMs without layout and trees the walk did not reach. */
function scanForGateways(tree: Tree): Element[] {
  const found: Element[] = [];
  const document = (tree as Node).ownerDocument ?? (tree as Document);
  // A tree walker, not `querySelectorAll('*')`, which builds (and leaves to collect) a list of every element.
  const walker = document.createTreeWalker(tree, showElements);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node as Element;
    if ((element as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot) found.push(element);
    else if (isFrame(element) && frameDocument(element)) found.push(element);
  }
  return found;
}

function gatewaysOf(tree: Tree): Element[] {
  let known = gateways.get(tree);
  if (!known) {
    const document = (tree as Node).ownerDocument ?? (tree as Document);
    known = visibilityOf(document).gatewaysOf?.(tree) ?? scanForGateways(tree);
    gateways.set(tree, known);
  }
  return known;
}

function treeOf(node: Node): Tree {
  const root = node.getRootNode?.() ?? node.ownerDocument ?? node;
  return root as Tree;
}

/** Gateways inside `root` (itself included when it is one): every gateway of its tree for a whole tree. */
function gatewaysWithin(root: ParentNode): Element[] {
  const node = root as unknown as Node;
  const tree = treeOf(node);
  const all = gatewaysOf(tree);
  if ((node as Tree) === tree || all.length === 0) return all;
  return all.filter((gateway) => gateway === node || node.contains(gateway));
}

function ancestry(node: Node): Node[] {
  const chain: Node[] = [];
  for (let current: Node | null = node; current; current = current.parentNode) chain.unshift(current);
  return chain;
}

/**
 * true when `a` comes before `b` in the same tree. Worked out from the ancestor chains rather than with
 * `compareDocumentPosition`, which DOM implementations without a browser (linkedom) get wrong between cousins.
 */
function precedes(a: Node, b: Node): boolean {
  if (a === b) return false;
  const chainA = ancestry(a);
  const chainB = ancestry(b);
  let depth = 0;
  while (depth < chainA.length && depth < chainB.length && chainA[depth] === chainB[depth]) depth++;
  if (depth === chainA.length) return true; // b inside a
  if (depth === chainB.length) return false; // a inside b
  const siblings = Array.from((chainA[depth - 1] as Node).childNodes);
  return siblings.indexOf(chainA[depth] as ChildNode) < siblings.indexOf(chainB[depth] as ChildNode);
}

/**
 * Every element under `root` matching `selector`, through open shadow roots and same-origin frames, in the order
 * the page renders them (a host's shadow content right after the host). A frame the person cannot see is not
 * entered.
 */
export function queryAllDeep(root: ParentNode, selector: string): Element[] {
  const matches = Array.from(root.querySelectorAll(selector));
  const hosts = gatewaysWithin(root);
  if (hosts.length === 0) return matches;
  const result: Element[] = [];
  let next = 0;
  for (const host of hosts) {
    while (next < matches.length && !precedes(host, matches[next] as Element) && matches[next] !== host)
      result.push(matches[next++] as Element);
    if (matches[next] === host) result.push(matches[next++] as Element);
    if (isFrame(host) && visibilityOf(host.ownerDocument).isHidden(host)) continue;
    const inner = innerTreeOf(host);
    if (inner) for (const match of queryAllDeep(inner, selector)) result.push(match);
  }
  while (next < matches.length) result.push(matches[next++] as Element);
  return result;
}

/** The first element under `root` matching `selector`, in rendering order, through shadow roots and frames. */
export function queryFirstDeep(root: ParentNode | null | undefined, selector: string): Element | undefined {
  if (!root) return undefined;
  const light = root.querySelector(selector);
  const hosts = gatewaysWithin(root);
  if (hosts.length === 0) return light ?? undefined;
  return queryAllDeep(root, selector)[0];
}

/** Like `closest`, but climbs out of shadow roots to their hosts (and out of frames to the frame element). */
export function closestDeep(element: Element, selector: string): Element | undefined {
  let current: Element | null = element;
  while (current) {
    const found: Element | null = current.closest(selector);
    if (found) return found;
    const root = current.getRootNode() as Node & { host?: Element };
    if (root.host) current = root.host;
    else current = (root as Document).defaultView?.frameElement ?? null;
  }
  return undefined;
}

/**
 * Elements matching `selector` that the person can see (duplicated mobile markup, inactive tabs are left out), the
 * first `limit` of them: an extractor that keeps five rows of a related list of thousands has only those judged.
 */
export function visibleAllDeep(root: ParentNode, selector: string, limit = Number.POSITIVE_INFINITY): Element[] {
  const visible: Element[] = [];
  for (const element of queryAllDeep(root, selector)) {
    if (visible.length >= limit) break;
    if (!visibilityOf(element.ownerDocument).isHidden(element)) visible.push(element);
  }
  return visible;
}

export function visibleFirstDeep(root: ParentNode | null | undefined, selector: string): Element | undefined {
  if (!root) return undefined;
  if (gatewaysWithin(root).length === 0) return firstVisibleInTree(root, selector);
  for (const element of queryAllDeep(root, selector)) {
    if (!visibilityOf(element.ownerDocument).isHidden(element)) return element;
  }
  return undefined;
}

/**
 * The first visible match under `root` when no other tree is in the way: a hidden match's whole hidden subtree
 * is passed over (everything in it is hidden too) and the search goes on after it, so the earlier records
 * Lightning keeps hidden are each looked into only as far as their first match.
 */
function firstVisibleInTree(root: ParentNode, selector: string): Element | undefined {
  let found = root.querySelector(selector);
  while (found) {
    const visibility = visibilityOf(found.ownerDocument);
    if (!visibility.isHidden(found)) return found;
    let hidden: Element = found;
    for (let parent = hidden.parentElement; parent && parent !== root && visibility.isHidden(parent); ) {
      hidden = parent;
      parent = parent.parentElement;
    }
    found = firstMatchAfter(hidden, root, selector);
  }
  return undefined;
}

/** The first match under `root` after `node` and its subtree, in document order. */
function firstMatchAfter(node: Element, root: ParentNode, selector: string): Element | null {
  for (let current: Element | null = node; current && current !== root; current = current.parentElement) {
    for (let sibling = current.nextElementSibling; sibling; sibling = sibling.nextElementSibling) {
      if (sibling.matches(selector)) return sibling;
      const inside = sibling.querySelector(selector);
      if (inside) return inside;
    }
  }
  return null;
}

/**
 * Same-origin frames of a tree and of the open shadow roots in it, in document order: the gateways already
 * name them all, so no selector has to run over the whole page again.
 */
function framesDeep(tree: Tree): Element[] {
  const frames: Element[] = [];
  for (const gateway of gatewaysOf(tree)) {
    const shadow = (gateway as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot;
    if (shadow) for (const frame of framesDeep(shadow)) frames.push(frame);
    else if (isFrame(gateway)) frames.push(gateway);
  }
  return frames;
}

/** Same-origin documents inside `document` (frames, also those inside shadow roots), the top one first. */
export function documentsDeep(document: Document, depth = 2): Document[] {
  const documents = [document];
  if (depth === 0) return documents;
  for (const frame of framesDeep(document)) {
    if (visibilityOf(document).isHidden(frame)) continue;
    const inner = frameDocument(frame);
    if (inner?.body) for (const innerDocument of documentsDeep(inner, depth - 1)) documents.push(innerDocument);
  }
  return documents;
}

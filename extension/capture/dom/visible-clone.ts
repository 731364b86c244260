import { visibilityOf } from './visibility';

/**
 * A copy of the document without what the person cannot see, for libraries that read a whole document
 * (Readability) and know nothing of our visibility rules. The live page is never touched: the copy is made
 * first, and hidden elements are removed from the copy by position in document order.
 */
export function visibleClone(document: Document): Document {
  const clone = document.cloneNode(true) as Document;
  const originals = Array.from(document.body?.querySelectorAll('*') ?? []);
  const copies = Array.from(clone.body?.querySelectorAll('*') ?? []);
  if (originals.length !== copies.length) throw new Error('clone does not mirror the document');
  const visibility = visibilityOf(document);
  const hidden: Element[] = [];
  originals.forEach((original, index) => {
    const copy = copies[index] as Element;
    const parent = original.parentElement;
    if (visibility.isHidden(original)) {
      if (!parent || !visibility.isHidden(parent)) hidden.push(copy); // remove the top of each hidden subtree once
    } else if (visibility.hidesText(original)) {
      for (const child of Array.from(copy.childNodes)) if (child.nodeType === 3) child.remove();
    }
  });
  for (const element of hidden) element.remove();
  return clone;
}

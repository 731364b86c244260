import type { Visibility } from './visibility-rules';

/**
 * A copy of the document without what the person cannot see, for libraries that read a whole document
 * (Readability) and know nothing of our visibility rules. The live page is never touched: the copy is made
 * first, and hidden elements are removed from the copy by position in document order. It travels in the article
 * reader's file (article-reader.ts), with the capture's judge of the page passed in.
 */
export function visibleClone(document: Document, visibility: Pick<Visibility, 'isHidden' | 'visibleTextOf'>): Document {
  const clone = document.cloneNode(true) as Document;
  const originals = Array.from(document.body?.querySelectorAll('*') ?? []);
  const copies = Array.from(clone.body?.querySelectorAll('*') ?? []);
  if (originals.length !== copies.length) throw new Error('clone does not mirror the document');
  const hidden: Element[] = [];
  originals.forEach((original, index) => {
    const copy = copies[index] as Element;
    const parent = original.parentElement;
    if (visibility.isHidden(original)) {
      if (!parent || !visibility.isHidden(parent)) hidden.push(copy); // remove the top of each hidden subtree once
    } else {
      // Own text keeps only what can be read of it (none when the element hides its text, the lines that show).
      const texts = Array.from(original.childNodes).filter((child) => child.nodeType === 3) as Text[];
      const copied = Array.from(copy.childNodes).filter((child) => child.nodeType === 3);
      texts.forEach((text, at) => {
        const readable = visibility.visibleTextOf(text);
        const target = copied[at];
        if (!target || readable === text.nodeValue) return;
        if (readable) target.nodeValue = readable;
        else target.remove();
      });
    }
  });
  for (const element of hidden) element.remove();
  return clone;
}

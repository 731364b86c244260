/** A frame's document when it is same-origin (null or a thrown error when it is not). */
export function frameDocument(element: Element): Document | null {
  try {
    const inner = (element as HTMLIFrameElement).contentDocument ?? null;
    return inner?.documentElement ? inner : null;
  } catch {
    return null;
  }
}

export const isFrame = (element: Element) => element.localName === 'iframe' || element.localName === 'frame';

import { type RefObject, useEffect } from 'react';

/** How close to the end counts as "reading the end" (a line of text, give or take). */
const NEAR_END_PX = 48;

/**
 * Keeps a scrolling area at its end while what is at its end grows — a streaming answer, then who answered and the
 * feedback buttons, a stopped note, an error notice with "Try again" — unless the person scrolled up to read. Whatever
 * grows, and whenever: watching the area itself rather than the messages catches what appears after the last word.
 */
export function useStickToBottom(area: RefObject<HTMLElement | null>, enabled: boolean): void {
  useEffect(() => {
    const scroller = area.current;
    if (!scroller || !enabled) return;
    let atEnd = true;
    const follow = () => {
      if (atEnd) scroller.scrollTop = scroller.scrollHeight;
    };
    const onScroll = () => {
      atEnd = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < NEAR_END_PX;
    };
    const resized = new ResizeObserver(follow);
    const observeChildren = () => {
      for (const child of scroller.children) resized.observe(child);
    };
    const changed = new MutationObserver(() => {
      observeChildren();
      follow();
    });
    resized.observe(scroller);
    observeChildren();
    changed.observe(scroller, { childList: true, subtree: true, characterData: true });
    scroller.addEventListener('scroll', onScroll, { passive: true });
    follow();
    return () => {
      resized.disconnect();
      changed.disconnect();
      scroller.removeEventListener('scroll', onScroll);
    };
  }, [area, enabled]);
}

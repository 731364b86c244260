import { textOf } from './markdown';
import { queryFirstDeep } from './walk';

/** A message's time twice: as the page states it for machines, and as the person reads it on screen. */
export interface MessageTimes {
  /** The page's machine-readable instant (`<time datetime>`, GitHub's `relative-time`), or its full wording. */
  time?: string;
  /** What the person sees ("09:12", "Yesterday 17:20"), when it says something `time` does not. */
  shownTime?: string;
}

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const oneLine = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim().slice(0, 100);

/**
 * Reads both times of a message header. An instant keeps the offset the page wrote (a page stamped in +02:00 is
 * not shifted to UTC: the person's "09:12" must still match it); one stated in UTC is normalised. Human dates
 * without a zone are never converted: guessing the zone would put a wrong instant in front of the model.
 */
export function timesOf(root: Element | undefined): MessageTimes {
  if (!root) return {};
  const stamped = root.matches('[datetime]') ? root : queryFirstDeep(root, '[datetime]');
  const datetime = stamped?.getAttribute('datetime')?.trim();
  const titled = root.matches('[title]') ? root : queryFirstDeep(root, '[title]');
  const shown = oneLine(textOf(root));
  let time: string | undefined;
  if (datetime && isoInstant.test(datetime) && !Number.isNaN(Date.parse(datetime))) {
    time = /(Z|[+-]00:?00)$/i.test(datetime) ? new Date(datetime).toISOString() : datetime.slice(0, 100);
  } else time = oneLine(titled?.getAttribute('title')) || shown || undefined;
  return {
    ...(time ? { time } : {}),
    ...(shown && shown !== time ? { shownTime: shown } : {}),
  };
}

/**
 * What the panel does with the conversation on screen when the page beside it turns out to be a record (the first
 * capture after opening) or changes to another record. Pure, so the races it settles are tested without a browser.
 */
export type RecordArrival = 'reopen' | 'fresh' | 'keep';

export interface RecordArrivalFacts {
  /** The panel had shown no record before: this is the first page it read since it opened. */
  first: boolean;
  /** The person asked something in this panel before the record was known (the page was still being read). */
  askedHere: boolean;
  /** The worker has a conversation about this record. */
  hasStored: boolean;
  /** The panel already continues a stored conversation (reopened from the history, or stored by an answer). */
  continuing: boolean;
}

/**
 * A question asked before the page was read belongs to that page: neither an older conversation about the record
 * nor an empty one may replace the exchange the person already started. Known before asking the worker anything.
 */
export function keepsExchange(facts: Pick<RecordArrivalFacts, 'first' | 'askedHere'>): boolean {
  return facts.first && facts.askedHere;
}

export function onRecordArrival(facts: RecordArrivalFacts): RecordArrival {
  if (keepsExchange(facts)) return 'keep';
  if (facts.hasStored) return 'reopen';
  // Another record, never discussed: a fresh conversation (the earlier one reopens on return). So is the first
  // record when the panel still continues a conversation about some other page.
  if (!facts.first || facts.continuing) return 'fresh';
  return 'keep';
}

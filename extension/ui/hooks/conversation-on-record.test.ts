import { describe, expect, it } from 'vitest';
import { onRecordArrival } from './conversation-on-record';

describe('the conversation shown when a record is read', () => {
  it('reopens the newest conversation about the record when the person has not asked anything yet', () => {
    expect(onRecordArrival({ first: true, askedHere: false, hasStored: true, continuing: false })).toBe('reopen');
  });

  it('keeps a question asked before the page was read, even when an older conversation about the record exists', () => {
    expect(onRecordArrival({ first: true, askedHere: true, hasStored: true, continuing: true })).toBe('keep');
    expect(onRecordArrival({ first: true, askedHere: true, hasStored: false, continuing: true })).toBe('keep');
  });

  it('starts afresh on another record never discussed, and reopens one that was', () => {
    expect(onRecordArrival({ first: false, askedHere: true, hasStored: false, continuing: true })).toBe('fresh');
    expect(onRecordArrival({ first: false, askedHere: true, hasStored: true, continuing: true })).toBe('reopen');
  });

  it('leaves an empty panel empty on a first record nobody discussed', () => {
    expect(onRecordArrival({ first: true, askedHere: false, hasStored: false, continuing: false })).toBe('keep');
  });
});

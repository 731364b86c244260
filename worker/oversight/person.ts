import type { Config } from '../config';
import type { Identity } from '../context';
import { pseudonymOf } from './pseudonym';

const pseudonyms = new WeakMap<Identity, Promise<string>>();

/** The stored pseudonym of the caller, computed once per request's identity. */
export function personOf(identity: Identity, config: Config): Promise<string> {
  let person = pseudonyms.get(identity);
  if (!person) {
    person = pseudonymOf(identity.subject, config.oversight.pseudonymKey);
    pseudonyms.set(identity, person);
  }
  return person;
}

/** Groups as stored: the identity's, bounded (a token may carry hundreds). */
export function groupsOf(identity: Identity): string[] {
  return [...new Set(identity.groups)].filter((group) => group.length <= 200).slice(0, 50);
}

/**
 * The demo people of the local identity provider. Their groups match the sample spaces of knowledge-samples/
 * (SPACES in .dev.vars.example: sales-team, support-team, hr-team) and ADMIN_GROUPS (kb-admins), so signing in
 * as each of them shows a different set of readable spaces.
 */
export interface DemoPerson {
  /** The subject (`sub`) of their tokens, also accepted as a login name. */
  id: string;
  name: string;
  email: string;
  role: string;
  groups: string[];
}

/** One password for every demo person: this provider exists for tests and local development only. */
export const DEMO_PASSWORD = 'beside-demo';

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { id: 'sam', name: 'Sam Rivera', email: 'sam@northwind.example', role: 'Sales rep', groups: ['sales-team'] },
  { id: 'alex', name: 'Alex Chen', email: 'alex@northwind.example', role: 'Support agent', groups: ['support-team'] },
  { id: 'priya', name: 'Priya Shah', email: 'priya@northwind.example', role: 'HR partner', groups: ['hr-team'] },
  { id: 'morgan', name: 'Morgan Lee', email: 'morgan@northwind.example', role: 'Administrator', groups: ['kb-admins'] },
];

/** Finds a person by login name or email (case-insensitive). */
export function findPerson(login: string): DemoPerson | undefined {
  const wanted = login.trim().toLowerCase();
  return DEMO_PEOPLE.find((person) => person.id === wanted || person.email === wanted);
}

import type { Prng } from './prng.js';

const FIRST = ['Maria', 'James', 'Aisha', 'Daniel', 'Sofia', 'Michael', 'Priya', 'David', 'Elena', 'Chris', 'Grace', 'Luis', 'Hannah', 'Omar', 'Julia', 'Kevin', 'Nina', 'Marcus', 'Olivia', 'Sam', 'Chloe', 'Andre', 'Zoe', 'Tom', 'Leah', 'Ravi', 'Emma', 'Jorge', 'Mia', 'Ben'];
const LAST = ['Rossi', 'Smith', 'Khan', 'Lee', 'Garcia', 'Brown', 'Patel', 'Cohen', 'Novak', 'Walker', 'Kim', 'Lopez', 'Murphy', 'Ali', 'Nguyen', 'Baker', 'Silva', 'Young', 'Adams', 'Chen'];

export interface DemoPerson {
  name: string;
  phone: string;
}

/** A fixed pool of fictional customers (555-01xx-style numbers), so repeat callers recur. */
export function demoPeople(rng: Prng, count: number, phonePrefix: string): DemoPerson[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `${rng.pick(FIRST)} ${rng.pick(LAST)}`,
    phone: `${phonePrefix}${String(i).padStart(4, '0')}`,
  }));
}

/** Picks a customer with a long tail: a few regulars call often. */
export function pickCustomer(rng: Prng, people: readonly DemoPerson[]): DemoPerson {
  const r = rng.next();
  const index = Math.floor(r * r * people.length);
  return people[Math.min(index, people.length - 1)]!;
}

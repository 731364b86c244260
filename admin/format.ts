const integer = new Intl.NumberFormat('en');
const money = new Intl.NumberFormat('en', { style: 'currency', currency: 'USD', maximumFractionDigits: 2 });

/** How every number is written, in the cards, the tables and the tests that compare them with the API. */
export const formatCount = (value: number) => integer.format(value);
export const formatShare = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)} %`);
export const formatMs = (value: number | null) => (value === null ? '—' : `${integer.format(value)} ms`);
export const formatUsd = (value: number | null) => (value === null ? 'no price' : money.format(value));

/**
 * `npm run bench -- redaction`: PII redaction on a generated, labelled corpus (@faker-js/faker, several locales).
 * - recall per type: share of generated values that no longer appear after redaction; goal ≥ 0.99
 * - false positives on a PII-free corpus (order numbers, dates, amounts, SKUs, ticket ids, tracking numbers…):
 *   share of snippets changed by redaction; goal ≤ 0.5 %
 * - time to redact 1 MB (p50/p95); goal < 50 ms
 */
import { allFakers, type Faker } from '@faker-js/faker';
import { nirKey } from '../worker/redaction/detectors/nir';
import { Redactor } from '../worker/redaction/redact';
import { percentile, printTable } from './table';

const locales = ['en_US', 'en_GB', 'fr', 'de', 'es', 'nl', 'en_AU'] as const;
const perType = 2_000;

function nir(faker: Faker): string {
  const body = `${faker.helpers.arrayElement(['1', '2'])}${faker.string.numeric(2)}${String(faker.number.int({ min: 1, max: 12 })).padStart(2, '0')}${faker.helpers.arrayElement([String(faker.number.int({ min: 1, max: 95 })).padStart(2, '0'), '2A', '2B'])}${faker.string.numeric(3)}${faker.string.numeric(3)}`;
  const key = String(nirKey(body)).padStart(2, '0');
  return faker.datatype.boolean()
    ? `${body[0]} ${body.slice(1, 3)} ${body.slice(3, 5)} ${body.slice(5, 7)} ${body.slice(7, 10)} ${body.slice(10, 13)} ${key}`
    : `${body}${key}`;
}

const generators: Record<string, (faker: Faker) => string> = {
  EMAIL: (faker) => faker.internet.email(),
  PHONE: (faker) =>
    faker.phone.number({ style: faker.helpers.arrayElement(['human', 'national', 'international'] as const) }),
  CARD: (faker) => faker.finance.creditCardNumber(),
  IBAN: (faker) => faker.finance.iban({ formatted: faker.datatype.boolean() }),
  NIR: nir,
};

function sentence(faker: Faker, value: string): string {
  return faker.helpers.arrayElement([
    `Please contact ${value} before Friday.`,
    `${faker.person.fullName()} (${value}) asked about invoice ${faker.string.numeric(6)}.`,
    `Details: ${value}. Thanks, ${faker.person.firstName()}`,
    `${faker.lorem.sentence()} ${value} ${faker.lorem.sentence()}`,
  ]);
}

/** Text that looks numeric but is not personal: what support and sales pages are full of. */
function clean(faker: Faker): string {
  return faker.helpers.arrayElement([
    () => `Order #${faker.string.numeric(9)} shipped on ${faker.date.recent().toISOString().slice(0, 10)}.`,
    () =>
      `Order ${faker.string.alphanumeric({ length: 3, casing: 'upper' })}-${faker.string.numeric(4)}-${faker.string.numeric(6)} total ${faker.finance.amount({ min: 100, max: 99_999, symbol: '$' })}`,
    () =>
      `Invoice ${faker.string.numeric(10)} due ${faker.date.soon().toLocaleDateString('en-GB')}: €${faker.number.int({ min: 1000, max: 999_999 }).toLocaleString('fr-FR')},${faker.string.numeric(2)}`,
    () =>
      `SKU ${faker.string.alphanumeric({ length: 8, casing: 'upper' })}-${faker.string.numeric(3)} qty ${faker.number.int(500)}`,
    () => `Ticket INC${faker.string.numeric(7)} updated ${faker.date.recent().toISOString()}`,
    () => `Tracking 1Z${faker.string.alphanumeric({ length: 16, casing: 'upper' })} via UPS`,
    () => `FedEx tracking number: ${faker.string.numeric(12)}`,
    () => `USPS ${faker.string.numeric(22)}`,
    () =>
      `Amount: ${faker.number.int({ min: 1_000_000, max: 999_999_999 }).toLocaleString('en-US')}.${faker.string.numeric(2)} USD`,
    () =>
      `Revenue grew ${faker.number.float({ min: 1, max: 99, fractionDigits: 1 })}% to ${faker.number.int({ min: 100, max: 999 })} ${faker.number.int({ min: 100, max: 999 })} ${faker.number.int({ min: 100, max: 999 })} €`,
    () =>
      `Meeting on ${faker.date.soon().toLocaleDateString('de-DE')} at ${faker.number.int(23)}:${faker.string.numeric(2)}`,
    () => `Version ${faker.system.semver()} build ${faker.string.numeric(8)}`,
    () => `Server ${faker.internet.ipv4()} port ${faker.internet.port()}`,
    () => `ISBN ${faker.commerce.isbn(13)}`,
    () => `Case ${faker.string.numeric(8)} opened ${faker.date.recent().toLocaleString('en-US')}`,
    () => `PO-${faker.string.numeric(10)} approved`,
    () => `Timestamp ${faker.date.recent().getTime()}`,
  ])();
}

export default async function redactionBench(): Promise<void> {
  const rows: (string | number)[][] = [];
  for (const [type, generate] of Object.entries(generators)) {
    let found = 0;
    let total = 0;
    const misses: string[] = [];
    for (const locale of locales) {
      const faker = allFakers[locale];
      faker.seed(7);
      for (let index = 0; index < perType / locales.length; index++) {
        const value = generate(faker);
        const redacted = new Redactor().redact(sentence(faker, value));
        total++;
        if (!redacted.includes(value) && redacted.includes(`[${type}_`)) found++;
        else if (misses.length < 3) misses.push(value);
      }
    }
    rows.push([type, total, found, (found / total).toFixed(4), '≥ 0.99', misses.join(' | ')]);
  }
  printTable(
    'Recall per type (generated values, 7 locales)',
    ['type', 'values', 'redacted', 'recall', 'goal', 'examples missed'],
    rows,
  );

  const faker = allFakers.en_US;
  faker.seed(11);
  let changed = 0;
  const snippets = 10_000;
  const wrongly: string[] = [];
  for (let index = 0; index < snippets; index++) {
    const text = clean(faker);
    const redacted = new Redactor().redact(text);
    if (redacted !== text) {
      changed++;
      if (wrongly.length < 4) wrongly.push(redacted);
    }
  }
  printTable(
    'False positives on PII-free text (order numbers, dates, amounts, SKUs, ticket ids, tracking numbers, ISBNs, IPs)',
    ['snippets', 'changed', 'rate', 'goal', 'examples'],
    [[snippets, changed, `${((100 * changed) / snippets).toFixed(2)} %`, '≤ 0.5 %', wrongly.join(' | ')]],
  );

  // 1 MB of mixed text: mostly prose and identifiers, some PII, plus adversarial runs.
  faker.seed(3);
  let corpus = '';
  while (corpus.length < 1_000_000)
    corpus += `${faker.helpers.maybe(() => sentence(faker, generators.EMAIL!(faker)), { probability: 0.2 }) ?? clean(faker)} ${faker.lorem.paragraph()}\n`;
  corpus = corpus.slice(0, 1_000_000);
  const adversarial = [
    'a'.repeat(1_000_000),
    '@'.repeat(1_000_000),
    'a@'.repeat(500_000),
    '1'.repeat(1_000_000),
    '1 '.repeat(500_000),
    '+('.repeat(500_000),
    'FR76'.repeat(250_000),
  ];
  const timingRows: (string | number)[][] = [];
  for (const [name, text] of [
    ['mixed prose', corpus],
    ...adversarial.map((text) => [`adversarial ${JSON.stringify(text.slice(0, 4))}…`, text]),
  ] as [string, string][]) {
    const times: number[] = [];
    for (let run = 0; run < 7; run++) {
      const start = performance.now();
      new Redactor().redact(text);
      times.push(performance.now() - start);
    }
    timingRows.push([
      name,
      `${(text.length / 1_000_000).toFixed(1)} MB`,
      percentile(times, 50),
      percentile(times, 95),
      '< 50 ms',
    ]);
  }
  printTable('Time to redact 1 MB (ms)', ['input', 'size', 'p50', 'p95', 'goal'], timingRows);
}

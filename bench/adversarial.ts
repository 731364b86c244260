/**
 * `npm run bench -- adversarial`: every function that reads untrusted text through regexes, on 1 MB of each
 * input that makes a backtracking pattern quadratic (test/security/support/adversarial-inputs.ts). Goal: each
 * under 50 ms at 1 MB. The baseline is one JavaScript pass over the same input (`charCodeAt` for each code
 * unit, the least any reader of the whole text does), measured in the same run; "×2 size" is the median at
 * 2 MB over the median at 1 MB (≈ 2 for a linear function, ≈ 4 for a quadratic one).
 */
import { ADVERSARIAL_CASES } from '../test/security/support/adversarial-inputs';
import { median, percentile, printTable, sample } from './table';

const SIZE = 1_000_000;
const RUNS = 9;
const BUDGET_MS = 50;

/** The linear baseline: touches every code unit once. */
function scan(text: string): number {
  let angles = 0;
  for (let index = 0; index < text.length; index++) if (text.charCodeAt(index) === 0x3c) angles++;
  return angles;
}

export default async function adversarial(): Promise<void> {
  const rows: (string | number)[][] = [];
  let over = 0;
  for (const c of ADVERSARIAL_CASES) {
    const input = c.make(SIZE);
    const double = c.make(2 * SIZE);
    const samples = await sample(RUNS, () => c.run(input), 2);
    const doubled = await sample(3, () => c.run(double), 1);
    const baseline = await sample(RUNS, () => scan(input), 2);
    const p95 = percentile(samples, 95);
    if (p95 >= BUDGET_MS) over++;
    rows.push([
      c.fn,
      c.input,
      median(samples),
      p95,
      median(baseline),
      median(samples) / Math.max(median(baseline), 0.001),
      median(doubled) / median(samples),
      p95 < BUDGET_MS ? 'ok' : 'OVER',
    ]);
  }
  printTable(
    `Adversarial inputs, 1 MB each (${RUNS} runs; budget < ${BUDGET_MS} ms p95)`,
    ['function', 'input', 'median ms', 'p95 ms', 'scan ms', 'ratio', '×2 size', 'budget'],
    rows,
  );
  console.log(over === 0 ? '\nAll within budget.' : `\n${over} case(s) over budget.`);
}

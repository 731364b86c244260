import type { TestProject } from 'vitest/node';
import '../../worker/testing/provided-context';
import { rollupBackfillStatements } from '../../scripts/seed-usage/backfill';

/** The console migrations' backfill, read in Node: what worker/admin/rollups.test.ts rebuilds from raw rows. */
export default function setup(project: TestProject) {
  project.provide('rollupBackfill', rollupBackfillStatements());
}

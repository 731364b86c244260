import type { TestProject } from 'vitest/node';
import '../../worker/testing/provided-context';
import { startUpstream } from '../upstream/server';

/** One OpenAI-compatible test upstream for the whole worker test run. */
export default async function setup(project: TestProject) {
  const upstream = await startUpstream();
  project.provide('upstreamUrl', upstream.url);
  return async () => {
    await upstream.close();
  };
}

import type { TestProject } from 'vitest/node';
import '../../worker/testing/provided-context';
import { startIdpControl } from '../idp/control';

/**
 * A real OpenID provider (oidc-provider) for the worker tests, with its control server: tests in workerd reach
 * it through `inject('idpControlUrl')` and `inject('idp')` (worker/testing/idp.ts).
 */
export default async function setup(project: TestProject) {
  const control = await startIdpControl();
  project.provide('idpControlUrl', control.url);
  project.provide('idp', control.defaultIdp);
  return () => control.stop();
}

import { serverConfig } from '../lib/server-config';
import { currentWorkerUrl } from '../lib/settings';
import { type Features, featuresOf } from './feature-switches';

export { ALL_FEATURES, type Features, featuresOf, pageCaptureOffMessage } from './feature-switches';

/** The feature switches of the server the extension is set up for. */
export async function currentFeatures(): Promise<Features> {
  return featuresOf(await serverConfig(await currentWorkerUrl()));
}

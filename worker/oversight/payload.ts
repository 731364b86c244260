import type { Config } from '../config';
import { Redactor } from '../redaction/redact';

/**
 * Text a person typed or a model wrote, as the payload logging policy allows it to be stored: nothing under
 * `metadata`, and under `full` the text with personal data replaced when REDACT=pii (the same detectors that
 * protect the model call). One Redactor per call: placeholders are numbered within the stored text only.
 */
export function storablePayload(config: Config, text: string | undefined, maxChars: number): string | null {
  if (config.oversight.payloadLogging !== 'full' || !text) return null;
  const kept = text.slice(0, maxChars);
  return config.redaction.mode === 'pii' ? new Redactor(config.redaction.detectors).redact(kept) : kept;
}

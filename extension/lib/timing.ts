/**
 * User Timing marks on the way from opening the panel to showing what it read (`beside:<step>`). They cost a few
 * microseconds, show in the browser's performance panel, and let `npm run bench -- capture` say which step of
 * open → chip the wait is spent in.
 */
export type OpenStep =
  | 'panel-script'
  | 'capture-start'
  | 'tab-found'
  | 'policy-checked'
  | 'page-read'
  | 'context-checked'
  | 'interface-start'
  | 'app-loaded'
  | 'chip-shown';

export function markStep(step: OpenStep): void {
  try {
    performance.mark(`beside:${step}`);
  } catch {
    // A browser without User Timing still works; only the breakdown is lost.
  }
}

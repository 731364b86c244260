/**
 * A message's time: ISO 8601 when the page states a machine-readable instant (`<time datetime>`, GitHub's
 * `relative-time`), the page's own wording otherwise. Human dates without a zone are not converted: guessing
 * the zone would put a wrong instant in front of the model.
 */
export function timeOf(root: Element | undefined): string | undefined {
  if (!root) return undefined;
  const stamped = root.matches('[datetime]') ? root : root.querySelector('[datetime]');
  const datetime = stamped?.getAttribute('datetime');
  if (datetime && /^\d{4}-\d{2}-\d{2}T/.test(datetime) && !Number.isNaN(Date.parse(datetime))) {
    return new Date(datetime).toISOString();
  }
  const titled = root.matches('[title]') ? root : root.querySelector('[title]');
  const wording = titled?.getAttribute('title') || root.textContent;
  const text = wording?.replace(/\s+/g, ' ').trim();
  return text ? text.slice(0, 100) : undefined;
}

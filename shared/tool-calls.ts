/**
 * How a tool call reads to a person (the approval card): which tool, on which connected system, and its arguments
 * as label / value lines. The tool name and arguments come from the model, so they are shown as plain text only
 * (React escapes them); nothing here is a link or markup.
 */

export interface ToolCallDescription {
  /** "Update stage" for `mcp__crm__update_stage`. */
  title: string;
  /** The connected system for an MCP tool ("crm"); undefined for built-in tools. */
  server?: string;
  fields: { label: string; value: string }[];
}

const MAX_VALUE = 300;
const MAX_FIELDS = 20;

/** `update_stage` → "Update stage"; `lookupAccount` → "Lookup account". */
export function humanize(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_.-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : name;
}

function valueText(value: unknown): string {
  const text =
    typeof value === 'string'
      ? value
      : typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : value === null || value === undefined
          ? '—'
          : Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number')
            ? value.join(', ')
            : JSON.stringify(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

/** The model-facing tool name (`mcp__crm__update_stage`, `read_page`) and its input, in plain words. */
export function describeToolCall(toolName: string, input: unknown): ToolCallDescription {
  const mcp = /^mcp__([a-z0-9_-]+?)__(.+)$/.exec(toolName);
  const entries =
    input && typeof input === 'object' && !Array.isArray(input)
      ? Object.entries(input as Record<string, unknown>)
      : input === undefined
        ? []
        : [['input', input] as const];
  const fields = entries
    .slice(0, MAX_FIELDS)
    .map(([key, value]) => ({ label: humanize(key), value: valueText(value) }));
  return mcp ? { title: humanize(mcp[2]!), server: mcp[1]!, fields } : { title: humanize(toolName), fields };
}

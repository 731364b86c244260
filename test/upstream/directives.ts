/**
 * Scripted behaviour for the test upstream. A test writes directives such as `[[reply: hi]]` or
 * `[[status: 503]]` into the last user message; the server reads them from there (not from system
 * text, so page content captured by the extension can never steer the fake model by accident).
 */

export const DIRECTIVE_NAMES = [
  'reply',
  'echo-system',
  'status',
  'delay',
  'chunk-delay',
  'hang',
  'disconnect-after',
  'garbage',
  'tool',
  'markdown',
  /** Behave as a model that obeys every instruction in any text it receives (see obey.ts). */
  'obey',
] as const;

export type DirectiveName = (typeof DIRECTIVE_NAMES)[number];

export interface Directive {
  name: DirectiveName;
  /** `[[status@model-a: 503]]` applies only to requests for model `model-a` (to script one model of a chain). */
  model?: string;
  /** Trimmed text after the colon; '' for the bare `[[name]]` form. */
  value: string;
}

export interface ToolDirective {
  name: string;
  /** Raw JSON text of the arguments, passed through untouched so tests can also send invalid JSON. */
  arguments: string;
}

/** Everything a message's directives ask for, with defaults filled in. */
export interface Script {
  reply?: string;
  echoSystem: boolean;
  markdown: boolean;
  obey: boolean;
  status?: number;
  delayMs: number;
  chunkDelayMs: number;
  hang: boolean;
  disconnectAfter?: number;
  garbage: boolean;
  tools: ToolDirective[];
}

// `[[name]]`, `[[name: value]]` or `[[name@model: value]]`; the value ends at the first `]]`, so JSON values must
// not contain `]]`. Trailing spaces go with the directive so "a [[hang]] b" becomes "a b", not "a  b".
const DIRECTIVE_PATTERN = /\[\[\s*([a-z][a-z-]*)(?:@([A-Za-z0-9._-]+))?\s*(?::([\s\S]*?))?\]\][ \t]*/gi;
const KNOWN = new Set<string>(DIRECTIVE_NAMES);

function isDirectiveName(name: string): name is DirectiveName {
  return KNOWN.has(name);
}

/**
 * Finds the known directives in `text` and returns the text without them (unknown `[[…]]`, e.g. wiki
 * links, stay as text). The text is not trimmed: callers decide, since echoed system text must stay intact.
 */
export function parseDirectives(text: string): { directives: Directive[]; text: string } {
  const directives: Directive[] = [];
  const stripped = text.replace(
    DIRECTIVE_PATTERN,
    (match, rawName: string, model: string | undefined, rawValue: string | undefined) => {
      const name = rawName.toLowerCase();
      if (!isDirectiveName(name)) return match;
      directives.push({ name, value: (rawValue ?? '').trim(), ...(model ? { model } : {}) });
      return '';
    },
  );
  return { directives, text: stripped };
}

export function stripDirectives(text: string): string {
  return parseDirectives(text).text;
}

function nonNegativeInt(value: string): number | undefined {
  if (!/^\d+$/.test(value)) return undefined;
  return Number(value);
}

function parseTool(value: string): ToolDirective | undefined {
  const match = /^([A-Za-z0-9_.-]+)\s*([\s\S]*)$/.exec(value);
  if (!match) return undefined;
  return { name: match[1]!, arguments: match[2]!.trim() || '{}' };
}

/**
 * Turns directives into a Script for a request to `model` (directives scoped to another model are skipped).
 * For single-valued directives the last one wins; `tool` accumulates
 * (several give parallel tool calls). Malformed numbers are ignored; `status` only accepts 400–599
 * because a 2xx/3xx "error" would not be an error at all.
 */
export function toScript(directives: Directive[], model?: string): Script {
  const script: Script = {
    echoSystem: false,
    markdown: false,
    obey: false,
    delayMs: 0,
    chunkDelayMs: 0,
    hang: false,
    garbage: false,
    tools: [],
  };
  for (const { name, value, model: only } of directives) {
    if (only !== undefined && only !== model) continue;
    switch (name) {
      case 'reply':
        script.reply = value;
        break;
      case 'echo-system':
        script.echoSystem = true;
        break;
      case 'markdown':
        script.markdown = true;
        break;
      case 'obey':
        script.obey = true;
        break;
      case 'status': {
        const status = nonNegativeInt(value);
        if (status !== undefined && status >= 400 && status <= 599) script.status = status;
        break;
      }
      case 'delay':
        script.delayMs = nonNegativeInt(value) ?? script.delayMs;
        break;
      case 'chunk-delay':
        script.chunkDelayMs = nonNegativeInt(value) ?? script.chunkDelayMs;
        break;
      case 'hang':
        script.hang = true;
        break;
      case 'disconnect-after':
        script.disconnectAfter = nonNegativeInt(value) ?? script.disconnectAfter;
        break;
      case 'garbage':
        script.garbage = true;
        break;
      case 'tool': {
        const tool = parseTool(value);
        if (tool) script.tools.push(tool);
        break;
      }
    }
  }
  return script;
}

// ---- Reading OpenAI chat messages -------------------------------------------------------------

export interface ChatMessage {
  role?: unknown;
  content?: unknown;
}

/** Text of an OpenAI message `content`: a string, or an array of parts of which only text parts count. */
export function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  const texts: string[] = [];
  for (const part of content) {
    if (part && typeof part === 'object' && 'text' in part && typeof part.text === 'string') texts.push(part.text);
  }
  return texts.join('\n');
}

function asMessages(messages: unknown): ChatMessage[] {
  return Array.isArray(messages) ? messages.filter((m): m is ChatMessage => !!m && typeof m === 'object') : [];
}

export function lastMessageText(messages: unknown, role: string): string | undefined {
  const list = asMessages(messages);
  for (let i = list.length - 1; i >= 0; i--) {
    const message = list[i]!;
    if (message.role === role) return contentText(message.content);
  }
  return undefined;
}

/** Texts of the system and developer messages (OpenAI's two names for instructions), in order. */
export function systemTexts(messages: unknown): string[] {
  return asMessages(messages)
    .filter((m) => m.role === 'system' || m.role === 'developer')
    .map((m) => contentText(m.content));
}

export function hasToolResults(messages: unknown): boolean {
  return asMessages(messages).some((m) => m.role === 'tool');
}

/** Names of the functions the request offers, unless `tool_choice: "none"` forbids calling any. */
export function offeredToolNames(request: Record<string, unknown>): Set<string> {
  const names = new Set<string>();
  if (request.tool_choice === 'none' || !Array.isArray(request.tools)) return names;
  for (const tool of request.tools) {
    const name = tool?.function?.name;
    if (typeof name === 'string') names.add(name);
  }
  return names;
}

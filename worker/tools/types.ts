import type { FlexibleSchema } from 'ai';
import type { PageContext } from '../../shared/page-context';
import type { Config } from '../config';
import type { Identity } from '../context';
import type { Env } from '../env';
import type { RetrievalCoverage } from '../knowledge/coverage';
import type { CitationCounter } from './citation-counter';
import type { HandoffInput, HandoffOutput } from './handoff';

/** Everything a tool may use while it runs: who asked, on behalf of which assistant, about which page. */
export interface ToolContext {
  env: Env;
  config: Config;
  identity: Identity;
  /** Numbers passages across one answer, so a search tool continues the up-front passages' numbering. */
  counter: CitationCounter;
  /** The answering assistant's knowledge spaces: a search never finds more than the prompt could hold. */
  within?: readonly string[] | undefined;
  /** The page the person is looking at, as the panel captured it for this request (untrusted page data). */
  page?: PageContext | undefined;
  /** The assistant that is answering (for the tool-call log). */
  assistantId: string;
  /** The conversation (the panel's chat id): approvals are bound to it. */
  conversationId: string;
  /** The best retrieval coverage of this answer so far: every search notes into it (one input of a hand-off). */
  coverage?: RetrievalCoverage | undefined;
  /** Decides a hand-off the `handoff` tool asks for (set by the pipeline for assistants that may hand off). */
  handoff?: (request: HandoffInput) => Promise<HandoffOutput>;
}

/**
 * The one shape of a tool, built in (one file each in this folder) or from an MCP server: what the model is told
 * (description, input schema), whether it only reads (`readOnly`: tools that write wait for the person's Approve),
 * and how it runs. Input is validated against the schema by the AI SDK before `execute` sees it.
 */
export interface BesideTool<INPUT = never, OUTPUT = unknown> {
  /** `search_knowledge`, or `mcp:<server>/<tool>` for a tool of a connected MCP server. */
  id: string;
  description: string;
  inputSchema: FlexibleSchema<INPUT>;
  readOnly: boolean;
  execute(input: INPUT, context: ToolContext): Promise<OUTPUT>;
  /**
   * What the model reads of the output (default: the output as JSON, inside an escaped `<tool>` block). Output
   * is data the tool fetched, often written by someone else, so it never reaches the prompt unescaped.
   */
  toModelText?(output: OUTPUT): string;
}

/** Declares a built-in tool with its input type inferred from the schema. */
export function defineTool<INPUT, OUTPUT>(tool: BesideTool<INPUT, OUTPUT>): BesideTool<INPUT, OUTPUT> {
  return tool;
}

/** A tool of any input and output, as lists hold them (each tool's own types are checked where it is defined). */
// biome-ignore lint/suspicious/noExplicitAny: a heterogeneous list of tools; inputs are validated by their schemas.
export type AnyBesideTool = BesideTool<any, any>;

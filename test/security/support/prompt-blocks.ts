/**
 * Reads a prompt back into the blocks the worker delimited, the way a careful reviewer (or a model) would: a
 * block tag of ours is a whole line (`<page>`, `</page>`, `<passage n="2">`), and any other `<` or `>` is a
 * sign that untrusted text escaped its escaping.
 */

export const BLOCK_NAMES = ['page', 'selection', 'knowledge', 'passage'] as const;
const TAG_LINE = /^<(\/?)(page|selection|knowledge|passage)(?: n="\d+")?>$/;

export interface ParsedBlock {
  name: string;
  children: ParsedBlock[];
  lines: string[];
}

export interface ParsedPrompt {
  blocks: ParsedBlock[];
  /** Lines outside every block (the instructions around them). */
  outside: string[];
}

/** Throws when tags do not nest, or when a block line holds `<` or `>` that is not a tag of ours. */
export function parseBlocks(text: string): ParsedPrompt {
  const root: ParsedBlock = { name: '', children: [], lines: [] };
  const stack: ParsedBlock[] = [root];
  for (const line of text.split('\n')) {
    const tag = TAG_LINE.exec(line);
    const current = stack.at(-1) as ParsedBlock;
    if (!tag) {
      if (stack.length > 1 && /[<>]/.test(line)) throw new Error(`Stray angle bracket inside a block: ${line}`);
      current.lines.push(line);
      continue;
    }
    const [, closing, name] = tag;
    if (closing) {
      if (current.name !== name) throw new Error(`</${name}> closes <${current.name || 'nothing'}>`);
      stack.pop();
    } else {
      const child: ParsedBlock = { name: name as string, children: [], lines: [] };
      current.children.push(child);
      stack.push(child);
    }
  }
  if (stack.length !== 1) throw new Error(`<${stack.at(-1)?.name}> is never closed`);
  return { blocks: root.children, outside: root.lines };
}

/** How many lines are exactly this tag (`<page>`, `</page>`, `<passage`-prefixed with `prefix`). */
export function tagLines(text: string, tag: string, prefix = false): number {
  return text.split('\n').filter((line) => (prefix ? line.startsWith(tag) && line.endsWith('>') : line === tag)).length;
}

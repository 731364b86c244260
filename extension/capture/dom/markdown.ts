import { controlValue } from './query';
import { formControls, type Visibility, visibilityOf } from './visibility';
import { composedChildren, frameDocument } from './walk';

/**
 * Visible DOM → Markdown (or plain lines), in one read-only walk: hidden subtrees are skipped as they are met,
 * so nothing the person cannot see is ever read. Keeps what the model needs to understand a page (headings,
 * lists, tables, code, quotes, line breaks) and drops what costs tokens without meaning (links' targets, images,
 * form controls).
 */
export interface MarkdownOptions {
  /** No Markdown syntax: headings, lists and tables become plain lines. */
  plain?: boolean;
  /** Subtrees to leave out (a CSS selector), e.g. quoted history in an email. */
  skip?: string;
  /** Leave out navigation landmarks and buttons: a generic page's menus and actions are noise to the model. */
  dropNavigation?: boolean;
  /** How to judge visibility; by default the document's own (layout engine, or declared styles). */
  visibility?: Visibility;
  /**
   * Receives each top-level block as soon as it is rendered; returning false stops the walk there. A reader that
   * needs only some of a large page (the budget would cut the rest) then never pays for the rest's layout reads.
   */
  onBlock?: (block: string) => boolean;
}

/** Inputs whose value is not text the person reads: a tick, a caption of a button, a secret, a file, a colour. */
const unreadValue = /^(hidden|password|checkbox|radio|submit|reset|button|image|file|range|color)$/i;
const neverListItems = new Set(['script', 'style', 'template']);
const navigation = 'nav, [role="navigation"], [role="menubar"], [role="toolbar"]';

/**
 * A field whose value the page shows: a list's chosen option, a value the person cannot edit, a box the page labels.
 * A text box with no label (a reply composer with only a placeholder) is where the person writes: their draft is
 * not the page's content.
 */
function isField(control: Element): boolean {
  if (control.localName === 'select' || control.hasAttribute('readonly') || control.hasAttribute('disabled'))
    return true;
  if (control.hasAttribute('aria-labelledby') || control.closest('label')) return true;
  const { labels } = control as HTMLInputElement;
  if (labels) return labels.length > 0;
  // Without a layout engine's `labels` (unit tests): the label that names it by id.
  const { id } = control;
  return (
    !!id && [...control.ownerDocument.querySelectorAll('label[for]')].some((label) => label.getAttribute('for') === id)
  );
}

/** 1–6 for h1–h6, else 0: asked of every element rendered, so no regular expression. */
function headingLevel(tag: string): number {
  if (tag.length !== 2 || tag.charCodeAt(0) !== 104 /* h */) return 0;
  const level = tag.charCodeAt(1) - 48;
  return level >= 1 && level <= 6 ? level : 0;
}

/**
 * An avatar's initials just before the name they stand for ("PR Priya Raman", "PRPriya Raman" when nothing spaces
 * them, or "PR" as a block of its own before "Priya Raman"): the initials go, so a label reads with its value
 * ("Assignee Priya Raman"). Not after a number: "10 AM Alpha Meeting" is a time.
 */
const avatarInitials = /(?<!\p{L}|\d ?)(\p{Lu}{2,3}) ?(?=\p{Lu}\p{Ll})/gu;
const initialsOnly = /^\p{Lu}{2,3}$/u;

/** Whether `text` starts with a name of as many capitalised words as `initials` has letters, one for each. */
function standsFor(initials: string, text: string): boolean {
  const words = text.split(' ', initials.length);
  return (
    words.length === initials.length &&
    words.every((word, index) => word[0] === initials[index] && /^\p{Lu}\p{Ll}/u.test(word))
  );
}

const withoutInitials = (text: string) =>
  text.replace(avatarInitials, (whole: string, initials: string, at: number) =>
    standsFor(initials, text.slice(at + whole.length)) ? '' : whole,
  );

const escapeCell = (text: string) => (text.includes('|') ? text.replace(/\|/g, '\\|') : text);

class Writer {
  readonly blocks: string[] = [];
  private inline = '';
  /** Set once the block sink has had enough: the walk stops at the next node. */
  stopped = false;

  constructor(private readonly sink?: (block: string) => boolean) {}

  /** A block of initials only, kept back until the next block says whether they are an avatar's (see standsFor). */
  private initials: string | undefined;

  private push(block: string): void {
    const held = this.initials;
    this.initials = undefined;
    if (held && !standsFor(held, block)) this.emit(held);
    if (initialsOnly.test(block)) this.initials = block;
    else this.emit(block);
  }

  private emit(block: string): void {
    this.blocks.push(block);
    if (this.sink && !this.sink(block)) this.stopped = true;
  }

  text(value: string): void {
    const collapsed = value.replace(/\s+/g, ' ');
    if (collapsed === ' ' || collapsed === '') {
      if (this.inline && !/[\s]$/.test(this.inline)) this.inline += ' ';
      return;
    }
    const needsTrim = this.inline === '' || /[\s]$/.test(this.inline);
    this.inline += needsTrim ? collapsed.trimStart() : collapsed;
  }

  raw(value: string): void {
    this.inline += this.inline === '' || /\s$/.test(this.inline) ? value.trimStart() : value;
  }

  lineBreak(): void {
    this.inline = `${this.inline.trimEnd()}\n`;
  }

  flush(): void {
    // Most runs are one line (a cell, a label, a value): only a run with line breaks needs them tidied.
    const text = !this.inline.includes('\n')
      ? this.inline.trim()
      : this.inline
          .split('\n')
          .map((line) => line.trim())
          .join('\n')
          .replace(/\n{3,}/g, '\n\n')
          .trim();
    this.inline = '';
    if (text) this.push(withoutInitials(text));
  }

  block(value: string): void {
    this.flush();
    if (value.trim()) this.push(value);
  }

  result(): string {
    this.flush();
    if (this.initials) this.emit(this.initials);
    this.initials = undefined;
    return this.blocks.join('\n\n');
  }
}

class MarkdownWalker {
  /** Subtrees left out, as one selector: one `matches` per element rendered. */
  private readonly leftOut: string | undefined;
  /** Rendering a heading's text (headings do not nest). */
  private inHeading = false;

  constructor(
    private readonly visibility: Visibility,
    private readonly options: MarkdownOptions,
  ) {
    const leftOut = [options.skip, options.dropNavigation ? navigation : undefined].filter(Boolean).join(', ');
    this.leftOut = leftOut || undefined;
  }

  render(root: Node, sink?: (block: string) => boolean): string {
    const writer = new Writer(sink);
    this.children(root, writer);
    return writer.result();
  }

  /** One line of inline text (headings, table cells, list labels). */
  inline(root: Node): string {
    const text = this.render(root);
    if (!text.includes('\n')) return text.trim();
    return text.replace(/(?<!\s)\s*\n\s*/g, ' ').trim(); // starts only at a run's first blank: linear
  }

  private children(node: Node, writer: Writer): void {
    for (const child of composedChildren(node)) {
      if (writer.stopped) return;
      this.node(child, writer);
    }
  }

  private node(node: Node, writer: Writer): void {
    if (node.nodeType === 3) {
      const text = this.visibility.visibleTextOf(node as Text);
      if (text) writer.text(text);
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    if (this.visibility.isHidden(element)) return;
    if (this.leftOut && element.matches(this.leftOut)) return;
    this.element(element, writer);
  }

  private element(element: Element, writer: Writer): void {
    const tag = element.localName;
    const plain = this.options.plain === true;
    if (tag === 'img') return;
    // A field's value is text the page shows (a form read only, a list's chosen option): kept where it stands, after
    // its label, when the control draws it where it can be read (its colour, size and place, as for any text).
    if (formControls.has(tag)) {
      const value =
        unreadValue.test(element.getAttribute('type') ?? '') || !isField(element) ? '' : controlValue(element);
      if (value && !this.visibility.hidesText(element)) writer.text(` ${value} `);
      return;
    }
    // Buttons are actions, left out with the navigation; one that opens a list of options shows the option chosen
    // ("Call outcome [Connected ▾]"), a field's value.
    // A heading's button is the heading itself (a collapsible section's title: "Upcoming & Overdue"): kept.
    if (
      tag === 'button' &&
      this.options.dropNavigation &&
      !this.inHeading &&
      element.getAttribute('aria-haspopup') !== 'listbox'
    )
      return;
    if (tag === 'br') {
      writer.lineBreak();
      return;
    }
    if (tag === 'hr') {
      writer.block(plain ? '' : '---');
      return;
    }
    if (tag === 'iframe') {
      const document = frameDocument(element);
      if (document?.body) {
        const options = { ...this.options, visibility: visibilityOf(document) };
        writer.block(new MarkdownWalker(options.visibility, options).render(document.body));
      }
      return;
    }
    const level = headingLevel(tag);
    if (level > 0) {
      this.inHeading = true;
      const text = this.inline(element);
      this.inHeading = false;
      writer.block(plain || !text ? text : `${'#'.repeat(level)} ${text}`);
      return;
    }
    if (tag === 'ul' || tag === 'ol') {
      writer.block(this.list(element, tag === 'ol'));
      return;
    }
    if (tag === 'table') {
      this.table(element, writer);
      return;
    }
    if (tag === 'pre') {
      writer.block(this.code(element));
      return;
    }
    if (tag === 'blockquote') {
      const quoted = this.render(element);
      writer.block(plain ? quoted : quoted.replace(/^/gm, '> '));
      return;
    }
    if (!plain && (tag === 'code' || tag === 'kbd')) {
      const text = this.inline(element);
      if (text) writer.raw(` \`${text}\` `);
      return;
    }
    if (!plain && (tag === 'strong' || tag === 'b')) {
      const text = this.inline(element);
      if (text) writer.raw(` **${text}** `);
      return;
    }
    if (this.visibility.isBlock(element)) {
      writer.flush();
      this.children(element, writer);
      writer.flush();
    } else this.children(element, writer);
  }

  private list(list: Element, ordered: boolean): string {
    const items: string[] = [];
    // Components stand in for <li> in app lists (a Lightning highlights row is a <ul> of custom elements).
    for (const item of Array.from(list.children)) {
      if (this.visibility.isHidden(item) || neverListItems.has(item.localName)) continue;
      const text = this.render(item);
      if (!text) continue;
      const marker = this.options.plain ? '' : ordered ? `${items.length + 1}. ` : '- ';
      const indent = ' '.repeat(marker.length);
      items.push(marker + text.replace(/\n(?=[^\n])/g, `\n${indent}`));
    }
    return items.join('\n');
  }

  private code(pre: Element): string {
    const text = this.preformatted(pre).replace(/(?<!\n)\n+$/, '');
    if (this.options.plain || !text.trim()) return text;
    const language = `${pre.className} ${pre.querySelector('code')?.className ?? ''}`.match(/language-([\w+-]+)/)?.[1];
    return `\`\`\`${language ?? ''}\n${text}\n\`\`\``;
  }

  /** Code keeps its whitespace, but hidden spans and unreadable text inside it are still dropped. */
  private preformatted(node: Node): string {
    let text = '';
    for (const child of composedChildren(node)) {
      if (child.nodeType === 3) {
        text += this.visibility.visibleTextOf(child as Text);
      } else if (child.nodeType === 1 && !this.visibility.isHidden(child as Element)) {
        text += (child as Element).localName === 'br' ? '\n' : this.preformatted(child);
      }
    }
    return text;
  }

  private table(table: Element, writer: Writer): void {
    const rows = Array.from(table.querySelectorAll('tr')).filter(
      (row) => row.closest('table') === table && !this.visibility.isHidden(row),
    );
    const cells = rows.map((row) =>
      Array.from(row.children)
        .filter((cell) => (cell.localName === 'td' || cell.localName === 'th') && !this.visibility.isHidden(cell))
        .map((cell) => escapeCell(this.inline(cell))),
    );
    // A loop, not a spread: a page's table may have more rows than a call can take arguments.
    const columns = cells.reduce((widest, row) => Math.max(widest, row.length), 0);
    // Layout tables (one column, or tables of tables, as on Hacker News) are read as ordinary blocks.
    if (columns < 2 || table.querySelector('table')) {
      writer.flush();
      this.children(table, writer);
      writer.flush();
      return;
    }
    const filled = cells.filter((row) => row.some(Boolean));
    if (this.options.plain) {
      writer.block(filled.map((row) => row.join(' | ')).join('\n'));
      return;
    }
    const line = (row: string[]) =>
      `| ${Array.from({ length: columns }, (_, index) => row[index] ?? '').join(' | ')} |`;
    const [header = [], ...body] = filled;
    writer.block([line(header), `|${' --- |'.repeat(columns)}`, ...body.map(line)].join('\n'));
  }
}

/** The visible content of `root` as Markdown. */
export function toMarkdown(root: Node | null | undefined, options: MarkdownOptions = {}): string {
  if (!root) return '';
  const document = root.ownerDocument ?? (root as Document);
  const visibility = options.visibility ?? visibilityOf(document);
  if (root.nodeType === 1 && visibility.isHidden(root as Element)) return '';
  return new MarkdownWalker(visibility, options).render(root, options.onBlock);
}

/**
 * The visible text of `root` on one line: for labels, names and field values. Reads through open shadow roots
 * (slots as assigned) and same-origin frames, skipping what the visibility module says is hidden.
 */
export function textOf(root: Node | null | undefined, options: MarkdownOptions = {}): string {
  if (!root) return '';
  const document = root.ownerDocument ?? (root as Document);
  const visibility = options.visibility ?? visibilityOf(document);
  if (root.nodeType === 1 && visibility.isHidden(root as Element)) return '';
  return new MarkdownWalker(visibility, { ...options, plain: true }).inline(root);
}

/** textOf under the name the walker's API uses: the deep, visible text of one element. */
export const textDeep = textOf;

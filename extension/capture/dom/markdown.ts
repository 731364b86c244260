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
   * Receives each top-level block as soon as it is rendered, and a table's rows or a list's items one by one as
   * they are read, and so the lines of a code block or of a run of text broken by `<br>` (each line once, in order;
   * a row with its own cells); returning false stops the walk there. A
   * reader that needs only some of a large page (the budget would cut the rest) then never pays for the rest's
   * layout reads, even inside a related list of thousands of rows.
   */
  onBlock?: (block: string) => boolean;
  /**
   * Stop once the Markdown is longer than this, also inside a long table, list or run of text: the budget would cut
   * the rest, and each element read costs style and layout queries. Stops only past the limit, so what is returned
   * is either the whole page or longer than the limit, and the budget says it cut.
   */
  maxChars?: number;
  /**
   * Stop inside a line of text longer than this (a run of thousands of spans with no break): the reader gets what
   * was read of it as it ends. For a reader that keeps new text up to a limit below this, such a line is new text
   * that fills it, and the budget cuts it and says so.
   */
  maxLineChars?: number;
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

/** Whether a piece of gathered text ends in spacing: asked of its last character only. */
const endsInSpace = (piece: string) => /\s/.test(piece.charAt(piece.length - 1));

class Writer {
  readonly blocks: string[] = [];
  /**
   * The text being gathered into the next block, in the pieces it was given in, joined once as the block ends. A
   * run can be tens of thousands of pieces (a highlighted log in one element): asking the whole text whether it ends
   * in a space, or trimming it, at each piece took time growing with the square of its length.
   */
  #pieces: string[] = [];
  #gathered = 0;
  /** Where in `pieces` the line being gathered starts (after the last `<br>`), and how much was gathered before it. */
  #lineStart = 0;
  #beforeLine = 0;
  /** Set once the block sink has had enough: the walk stops at the next node. */
  stopped = false;

  readonly #sink: ((block: string) => boolean) | undefined;

  constructor(sink?: (block: string) => boolean) {
    this.#sink = sink;
  }

  /** A block of initials only, kept back until the next block says whether they are an avatar's (see standsFor). */
  #initials: string | undefined;

  /** Characters of the blocks given out so far, as `result` joins them. */
  written = 0;
  /**
   * Raw length of the gathered text at which its settled length is next worth measuring (see `settledPending`): it
   * grows no faster than the raw one, so not before the raw one has grown by what the last measure fell short.
   */
  settleAgainAt = 0;

  /** Characters of the text being gathered into the next block, before it is tidied: never fewer than it will have. */
  get pending(): number {
    return this.#gathered;
  }

  /** Characters of the line being gathered, before it is tidied. */
  get lineLength(): number {
    return this.#gathered - this.#beforeLine;
  }

  /** Characters the gathered text will have as a block: trimmed, avatar initials left out. */
  settledPending(): number {
    return withoutInitials(this.#tidied()).length;
  }

  /** Whether the sink has had the lines of the block being built (see `stream`): it is not given it again. */
  #streamed = false;
  /** Whether the sink has had some lines of the text being gathered: it gets the rest as the block ends. */
  #gatheredStreamed = false;

  #push(block: string): void {
    this.#releaseInitials(block);
    if (initialsOnly.test(block)) this.#initials = block;
    else this.#emit(block);
  }

  /** Gives out held initials unless `next` is the name they stand for. */
  #releaseInitials(next: string): void {
    const held = this.#initials;
    this.#initials = undefined;
    if (held && !standsFor(held, next)) this.#emit(held);
  }

  #emit(block: string): void {
    this.written += (this.blocks.length > 0 ? 2 : 0) + block.length;
    this.blocks.push(block);
    if (this.#streamed) this.#streamed = false;
    else if (this.#sink && !this.#sink(block)) this.stopped = true;
  }

  /**
   * Gives the sink one line of the block being built (a table's row, a list's item), ahead of the block itself;
   * false once it has had enough. Only the top-level writer has a sink; others always go on.
   */
  stream(line: string): boolean {
    if (!this.#sink || this.stopped) return !this.stopped;
    // Text gathered before a streamed table or list is a block of its own, given out first.
    if (!this.#streamed || this.#gatheredStreamed) this.flush();
    this.#toSink(line);
    return !this.stopped;
  }

  #toSink(line: string): void {
    if (!this.#streamed) {
      this.#releaseInitials(line);
      this.#streamed = true;
    }
    if (this.#sink && !this.#sink(line)) this.stopped = true;
  }

  /**
   * Gives the sink a finished line of the text being gathered, tidied as the block will be. A run of text broken by
   * `<br>` (a log, a chat transcript in one element) can be long: its lines are read as it is, like a table's rows,
   * so a reader with enough stops inside it.
   */
  #streamLine(line: string): void {
    const tidy = withoutInitials(line.trim());
    if (!tidy || this.stopped) return;
    this.#gatheredStreamed = true;
    this.#toSink(tidy);
  }

  #append(piece: string): void {
    if (!piece) return;
    this.#pieces.push(piece);
    this.#gathered += piece.length;
  }

  #endsInSpace(): boolean {
    const last = this.#pieces[this.#pieces.length - 1];
    return last !== undefined && endsInSpace(last);
  }

  text(value: string): void {
    const collapsed = value.replace(/\s+/g, ' ');
    if (collapsed === ' ' || collapsed === '') {
      if (this.#gathered > 0 && !this.#endsInSpace()) this.#append(' ');
      return;
    }
    this.#append(this.#gathered === 0 || this.#endsInSpace() ? collapsed.trimStart() : collapsed);
  }

  raw(value: string): void {
    this.#append(this.#gathered === 0 || this.#endsInSpace() ? value.trimStart() : value);
  }

  lineBreak(): void {
    // Spacing at the end is dropped, earlier line breaks with it: breaks in a row make one.
    while (this.#pieces.length > 0) {
      const last = this.#pieces[this.#pieces.length - 1] as string;
      const trimmed = last.trimEnd();
      if (trimmed === last) break;
      this.#gathered -= last.length - trimmed.length;
      if (trimmed) {
        this.#pieces[this.#pieces.length - 1] = trimmed;
        break;
      }
      this.#pieces.pop();
    }
    this.#lineStart = Math.min(this.#lineStart, this.#pieces.length);
    const line = this.#sink && !this.stopped ? this.#pieces.slice(this.#lineStart).join('') : '';
    this.#append('\n');
    this.#lineStart = this.#pieces.length;
    this.#beforeLine = this.#gathered;
    if (line) this.#streamLine(line);
  }

  #tidied(): string {
    const inline = this.#pieces.join('');
    // Most runs are one line (a cell, a label, a value): only a run with line breaks needs them tidied.
    return !inline.includes('\n')
      ? inline.trim()
      : inline
          .split('\n')
          .map((line) => line.trim())
          .join('\n')
          .replace(/\n{3,}/g, '\n\n')
          .trim();
  }

  flush(): void {
    const gathered = this.#gatheredStreamed;
    // The sink has had the first lines of this text: it gets the rest, and not the whole block again.
    if (gathered && !this.stopped) this.#streamLine(this.#pieces.slice(this.#lineStart).join(''));
    const text = this.#tidied();
    this.#pieces = [];
    this.#gathered = 0;
    this.#lineStart = 0;
    this.#beforeLine = 0;
    this.settleAgainAt = 0;
    this.#gatheredStreamed = false;
    if (!text) return;
    if (gathered) this.#emit(withoutInitials(text));
    else this.#push(withoutInitials(text));
  }

  block(value: string): void {
    this.flush();
    if (value.trim()) this.#push(value);
    this.#streamed = false;
  }

  result(): string {
    this.flush();
    if (this.#initials) this.#emit(this.#initials);
    this.#initials = undefined;
    return this.blocks.join('\n\n');
  }
}

class MarkdownWalker {
  /** Subtrees left out, as one selector: one `matches` per element rendered. */
  readonly #leftOut: string | undefined;
  /** Rendering a heading's text (headings do not nest). */
  #inHeading = false;
  /** The top-level render's writer: what it has given out counts against `maxChars`. */
  #root: Writer | undefined;
  /** Set once the Markdown is longer than `maxChars`: every loop of the walk stops at its next step. */
  #full = false;
  readonly #maxChars: number;
  readonly #maxLineChars: number;
  /** Set once a line is longer than `maxLineChars`: every loop stops, and the blocks around it still reach the sink. */
  #lineCut = false;

  readonly #visibility: Visibility;
  readonly #options: MarkdownOptions;

  constructor(visibility: Visibility, options: MarkdownOptions) {
    this.#visibility = visibility;
    this.#options = options;
    const leftOut = [options.skip, options.dropNavigation ? navigation : undefined].filter(Boolean).join(', ');
    this.#leftOut = leftOut || undefined;
    this.#maxChars = options.maxChars ?? Number.POSITIVE_INFINITY;
    this.#maxLineChars = options.maxLineChars ?? Number.POSITIVE_INFINITY;
  }

  /** The top-level render: the blocks it gives out are counted against `maxChars`, then passed to the sink. */
  renderRoot(root: Node, sink?: (block: string) => boolean): string {
    const writer = new Writer((block) => {
      if (writer.written > this.#maxChars) this.#full = true;
      return !this.#full && (sink ? sink(block) : true);
    });
    this.#root = writer;
    this.#children(root, writer);
    return writer.result();
  }

  /** A part of the page rendered on its own (a list item, a cell, a quote), to be placed inside a block. */
  render(root: Node): string {
    const writer = new Writer();
    this.#children(root, writer);
    return writer.result();
  }

  /**
   * Whether `more` characters, about to be placed in `writer`'s next block, take the Markdown past `maxChars`. Counted
   * with what is sure to be around them: the top-level blocks given out and the writer's own blocks. The blocks
   * being built around them are not counted, so the walk stops only once the Markdown is surely past the limit.
   */
  #overflows(writer: Writer, more: number): boolean {
    if (!this.#full && more > this.#room(writer)) this.#full = true;
    return this.#full || this.#lineCut;
  }

  /** What the limit leaves for `writer`'s next block. */
  #room(writer: Writer): number {
    return this.#maxChars - (this.#root?.written ?? 0) - (writer === this.#root ? 0 : writer.written);
  }

  /**
   * Whether the text `writer` is gathering takes the Markdown past `maxChars`, as it will read once tidied. Its raw
   * length is an upper bound of that, so the tidied text is measured only when the raw one is past the room left.
   */
  #gatheredOverflows(writer: Writer): boolean {
    if (this.#full || this.#lineCut) return true;
    if (writer.lineLength > this.#maxLineChars) {
      this.#lineCut = true;
      return true;
    }
    const room = this.#room(writer);
    if (writer.pending <= room || writer.pending < writer.settleAgainAt) return false;
    const settled = writer.settledPending();
    if (settled > room) {
      this.#full = true;
      return true;
    }
    writer.settleAgainAt = writer.pending + (room - settled);
    return false;
  }

  /** One line of inline text (headings, table cells, list labels). */
  inline(root: Node): string {
    const text = this.render(root);
    if (!text.includes('\n')) return text.trim();
    return text.replace(/(?<!\s)\s*\n\s*/g, ' ').trim(); // starts only at a run's first blank: linear
  }

  #children(node: Node, writer: Writer): void {
    for (const child of composedChildren(node)) {
      if (writer.stopped || this.#gatheredOverflows(writer)) return;
      this.#node(child, writer);
    }
  }

  #node(node: Node, writer: Writer): void {
    if (node.nodeType === 3) {
      const text = this.#visibility.visibleTextOf(node as Text);
      if (text) writer.text(text);
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    if (this.#visibility.isHidden(element)) return;
    if (this.#leftOut && element.matches(this.#leftOut)) return;
    this.#element(element, writer);
  }

  #element(element: Element, writer: Writer): void {
    const tag = element.localName;
    const plain = this.#options.plain === true;
    if (tag === 'img') return;
    // A field's value is text the page shows (a form read only, a list's chosen option): kept where it stands, after
    // its label, when the control draws it where it can be read (its colour, size and place, as for any text).
    if (formControls.has(tag)) {
      const value =
        unreadValue.test(element.getAttribute('type') ?? '') || !isField(element) ? '' : controlValue(element);
      if (value && !this.#visibility.hidesText(element)) writer.text(` ${value} `);
      return;
    }
    // Buttons are actions, left out with the navigation; one that opens a list of options shows the option chosen
    // ("Call outcome [Connected ▾]"), a field's value.
    // A heading's button is the heading itself (a collapsible section's title: "Upcoming & Overdue"): kept.
    if (
      tag === 'button' &&
      this.#options.dropNavigation &&
      !this.#inHeading &&
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
        const options = { ...this.#options, visibility: visibilityOf(document) };
        writer.block(new MarkdownWalker(options.visibility, options).render(document.body));
      }
      return;
    }
    const level = headingLevel(tag);
    if (level > 0) {
      this.#inHeading = true;
      const text = this.inline(element);
      this.#inHeading = false;
      writer.block(plain || !text ? text : `${'#'.repeat(level)} ${text}`);
      return;
    }
    if (tag === 'ul' || tag === 'ol') {
      writer.block(this.#list(element, tag === 'ol', writer));
      return;
    }
    if (tag === 'table') {
      this.#table(element, writer);
      return;
    }
    if (tag === 'pre') {
      writer.block(this.#code(element, writer));
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
    if (this.#visibility.isBlock(element)) {
      writer.flush();
      this.#children(element, writer);
      writer.flush();
    } else this.#children(element, writer);
  }

  #list(list: Element, ordered: boolean, writer: Writer): string {
    const items: string[] = [];
    let length = 0;
    // Components stand in for <li> in app lists (a Lightning highlights row is a <ul> of custom elements).
    for (const item of Array.from(list.children)) {
      if (this.#visibility.isHidden(item) || neverListItems.has(item.localName)) continue;
      const text = this.render(item);
      if (!text) continue;
      const marker = this.#options.plain ? '' : ordered ? `${items.length + 1}. ` : '- ';
      const indent = ' '.repeat(marker.length);
      const line = marker + text.replace(/\n(?=[^\n])/g, `\n${indent}`);
      items.push(line);
      length += (items.length > 1 ? 1 : 0) + line.length;
      if (!writer.stream(line) || this.#overflows(writer, length)) break;
    }
    return items.join('\n');
  }

  /**
   * A code block keeps its whitespace; hidden spans and unreadable text inside it are still dropped. It is read line
   * by line: each line goes to the block reader as it is read, and reading stops once the reader has enough or the
   * Markdown is past `maxChars` (a build log or a highlighted file is thousands of lines of small spans).
   */
  #code(pre: Element, writer: Writer): string {
    const plain = this.#options.plain === true;
    const language = `${pre.className} ${pre.querySelector('code')?.className ?? ''}`.match(/language-([\w+-]+)/)?.[1];
    const fences = plain ? 0 : `\`\`\`${language ?? ''}\n\n\`\`\``.length;
    const lines: string[] = [];
    let line = '';
    /** Characters of the finished lines joined, and of those up to the last that is not empty. */
    let length = 0;
    let lengthToInk = 0;
    /** Whether it has anything but spacing: a blank block is left out, so until then it counts for nothing. */
    let inked = false;
    /** Set once the reader has enough or a limit is passed: nothing more is read. */
    let done = false;
    // What the block will have, as far as read: trailing blank lines are dropped.
    const sure = () =>
      inked ? Math.max(lengthToInk, line ? length + (lines.length > 0 ? 1 : 0) + line.length : 0) + fences : 0;
    const add = (value: string) => {
      if (!inked && /\S/.test(value)) inked = true;
      let start = 0;
      for (let end = value.indexOf('\n'); end !== -1 && !done; end = value.indexOf('\n', start)) {
        const finished = line + value.slice(start, end);
        line = '';
        start = end + 1;
        length += (lines.length > 0 ? 1 : 0) + finished.length;
        lines.push(finished);
        if (finished) lengthToInk = length;
        done = (/\S/.test(finished) && !writer.stream(finished)) || this.#overflows(writer, sure());
      }
      if (done) return;
      line += value.slice(start);
      // A line with no end (minified code) is bounded by the limits too; the reader gets what was read of it.
      if (line.length > this.#maxLineChars) {
        this.#lineCut = done = true;
        if (/\S/.test(line)) writer.stream(line);
      } else done = !!line && this.#overflows(writer, sure());
    };
    const read = (node: Node) => {
      for (const child of composedChildren(node)) {
        if (done) return;
        if (child.nodeType === 3) add(this.#visibility.visibleTextOf(child as Text));
        else if (child.nodeType === 1 && !this.#visibility.isHidden(child as Element))
          (child as Element).localName === 'br' ? add('\n') : read(child);
      }
    };
    read(pre);
    const text = [...lines, line].join('\n').replace(/(?<!\n)\n+$/, '');
    if (plain || !text.trim()) return text;
    return `\`\`\`${language ?? ''}\n${text}\n\`\`\``;
  }

  /** A layout table (one column, or tables of tables, as on Hacker News): read as ordinary blocks. */
  #layoutTable(table: Element, writer: Writer): void {
    writer.flush();
    this.#children(table, writer);
    writer.flush();
  }

  #table(table: Element, writer: Writer): void {
    // Whether it is a layout table is decided before any cell is read, so that its text is read once: read as cells
    // first, then again as blocks, a table of tables took twice as long at each level it nests.
    if (table.querySelector('table')) {
      this.#layoutTable(table, writer);
      return;
    }
    const rows = Array.from(table.querySelectorAll('tr')).filter((row) => row.closest('table') === table);
    // Rows and cells are judged as they are read: a long table is read only as far as the limit (maxChars).
    const cellsOf = (row: Element) =>
      this.#visibility.isHidden(row)
        ? []
        : Array.from(row.children).filter(
            (cell) => (cell.localName === 'td' || cell.localName === 'th') && !this.#visibility.isHidden(cell),
          );
    const rowCells: Element[][] = [];
    for (const row of rows) {
      rowCells.push(cellsOf(row));
      if ((rowCells.at(-1) as Element[]).length >= 2) break;
    }
    if ((rowCells.at(-1)?.length ?? 0) < 2) {
      this.#layoutTable(table, writer);
      return;
    }
    const plain = this.#options.plain === true;
    const cells: string[][] = [];
    let columns = 0;
    let length = 0;
    for (let index = 0; index < rows.length; index++) {
      const row = rowCells[index] ?? cellsOf(rows[index] as Element);
      const texts = row.map((cell) => escapeCell(this.inline(cell)));
      cells.push(texts);
      columns = Math.max(columns, texts.length);
      // Rows that say something are lines of their cells and separators (below), under a rule in Markdown. Counted
      // with the columns so far: the table may grow wider, never narrower.
      if (!texts.some(Boolean)) continue;
      const said = texts.reduce((sum, text) => sum + text.length, 0);
      if (plain) length += (length > 0 ? 1 : 0) + said + 3 * (texts.length - 1);
      else length += (length > 0 ? 1 : 2 + 6 * columns) + 4 + said + 3 * (columns - 1);
      if (!writer.stream(plain ? texts.join(' | ') : `| ${texts.join(' | ')} |`) || this.#overflows(writer, length))
        break;
    }
    const filled = cells.filter((row) => row.some(Boolean));
    if (plain) {
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
  return new MarkdownWalker(visibility, options).renderRoot(root, options.onBlock);
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

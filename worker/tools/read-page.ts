import { z } from 'zod';
import type { PageContext, RecordField } from '../../shared/page-context';
import { block, promptText } from '../prompt/untrusted';
import { defineTool } from './types';

export interface ReadPageOutput {
  /** False when the request carried no captured record or ticket (nothing to read). */
  found: boolean;
  kind?: string;
  objectType?: string;
  name?: string;
  id?: string;
  subject?: string;
  fields: RecordField[];
  /** Labels asked for that the page does not show. */
  missing: string[];
}

const MAX_FIELDS = 200;

const normalise = (label: string) => label.trim().toLowerCase();

function pick(fields: readonly RecordField[], wanted: readonly string[] | undefined) {
  if (!wanted?.length) return { fields: fields.slice(0, MAX_FIELDS), missing: [] };
  const byLabel = new Map(fields.map((field) => [normalise(field.label), field]));
  const picked: RecordField[] = [];
  const missing: string[] = [];
  for (const label of wanted) {
    const field = byLabel.get(normalise(label));
    if (field) picked.push(field);
    else missing.push(label);
  }
  return { fields: picked, missing };
}

/** The record's (or ticket's) fields from the page the panel captured for this request; the page is untrusted data. */
export function readPageFields(page: PageContext | undefined, wanted?: readonly string[]): ReadPageOutput {
  if (page?.record) {
    const { record } = page;
    return {
      found: true,
      kind: page.kind,
      objectType: record.objectType,
      name: record.name,
      ...(record.id ? { id: record.id } : {}),
      ...pick(record.fields, wanted),
    };
  }
  if (page?.conversation) {
    const { conversation } = page;
    return {
      found: true,
      kind: page.kind,
      ...(conversation.id ? { id: conversation.id } : {}),
      ...(conversation.subject ? { subject: conversation.subject } : {}),
      ...pick(conversation.fields, wanted),
    };
  }
  return { found: false, fields: [], missing: [...(wanted ?? [])] };
}

function renderReadPage(output: ReadPageOutput): string {
  if (!output.found) return 'The page beside the conversation shows no record or ticket fields.';
  const lines = output.fields.map((field) => `${field.label}: ${field.value}`);
  const rendered = block('page', {
    fields: [
      { label: 'kind', value: output.kind ?? '' },
      { label: 'object type', value: output.objectType ?? '' },
      { label: 'name', value: output.name ?? output.subject ?? '', maxLength: 300 },
      { label: 'id', value: output.id ?? '', maxLength: 200 },
    ],
    body: lines.join('\n'),
    ...(output.missing.length ? { notes: [`Not on the page: ${output.missing.join(', ')}`] } : {}),
  });
  return promptText(rendered);
}

/**
 * `read_page`: the fields of the record or ticket the person is looking at (Stage, Amount, Priority…), exactly as
 * captured for this request — for an assistant that needs a precise value rather than the page summary.
 */
export const readPage = defineTool({
  id: 'read_page',
  description:
    'Read fields of the record or ticket shown on the page beside the conversation (e.g. Stage, Amount, Close Date, ' +
    'Priority). Pass the field labels you need, or none for all fields.',
  inputSchema: z.object({
    fields: z.array(z.string().min(1).max(200)).max(50).optional().describe('Field labels to read; omit for all'),
  }),
  readOnly: true,
  execute: async ({ fields }, context) => readPageFields(context.page, fields),
  toModelText: renderReadPage,
});

import type { PageKind } from '../../shared/page-context';

export const everyKind: PageKind[] = ['record', 'ticket', 'thread', 'article', 'document', 'generic'];

import { DeclaredVisibility } from '../dom/declared-visibility';
import { judgeWithoutLayout } from '../dom/visibility';

/** Unit tests run capture on linkedom documents, which have no layout: judge them by their declared styles. */
judgeWithoutLayout((document) => new DeclaredVisibility(document));

import { createI18n } from '@wxt-dev/i18n';
import type { GeneratedI18nStructure } from '../../.wxt/i18n/structure';

/**
 * The extension's words, in the browser's language (English and French; English when the browser speaks
 * another). Keys are typed from `extension/locales/en.yml` by `wxt prepare`, so a misspelt key fails typecheck.
 * Call `t` when rendering, never at module load: the language comes from the browser at run time.
 */
export const i18n = createI18n<GeneratedI18nStructure>();
export const t: typeof i18n.t = i18n.t;

import { Readability } from '@mozilla/readability';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { installArticleReader } from '../capture/article-reader';
import { visibleClone } from '../capture/dom/visible-clone';

/** Injected by the panel before capture, only into a page that reads as an article (see capture/article-reader.ts). */
export default defineUnlistedScript(() => {
  installArticleReader({ Readability, visibleClone });
});

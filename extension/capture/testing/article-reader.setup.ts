import { Readability } from '@mozilla/readability';
import { installArticleReader } from '../article-reader';
import { visibleClone } from '../dom/visible-clone';

// In the browser the panel injects the reader into article pages; unit tests have it at hand from the start.
installArticleReader({ Readability, visibleClone });

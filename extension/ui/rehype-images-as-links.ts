import type { Element, ElementContent, Root } from 'hast';

/**
 * Rewrites every image of rendered model output before React sees it: an <img> loads its address with no click,
 * and that address can carry company knowledge to whoever wrote the page that steered the model ("print this
 * image URL with the answer"). An http(s) image becomes a link naming its host, followed only on click; inside a
 * link (no nested links) or with any other address (data:, relative, javascript:) only its description remains.
 */
export function rehypeImagesAsLinks() {
  return (tree: Root) => {
    rewrite(tree, false);
  };
}

function rewrite(parent: Root | Element, insideLink: boolean) {
  parent.children = parent.children.map((child) => {
    if (child.type !== 'element') return child;
    if (child.tagName === 'img') return replacement(child, insideLink);
    rewrite(child, insideLink || child.tagName === 'a');
    return child;
  }) as typeof parent.children;
}

/** The host of an http(s) address; undefined for anything else. */
export function webHost(address: string): string | undefined {
  if (!URL.canParse(address)) return undefined;
  const url = new URL(address);
  return url.protocol === 'https:' || url.protocol === 'http:' ? url.host : undefined;
}

const text = (value: string): ElementContent => ({ type: 'text', value });

function replacement(image: Element, insideLink: boolean): Element {
  const src = typeof image.properties.src === 'string' ? image.properties.src : '';
  const alt = typeof image.properties.alt === 'string' ? image.properties.alt.trim() : '';
  const host = webHost(src);
  const description = (label: string): ElementContent[] => {
    const named: ElementContent = {
      type: 'element',
      tagName: 'span',
      properties: { className: ['markdown__image-host'] },
      children: [text(label)],
    };
    return alt ? [text(`${alt} `), named] : [named];
  };
  if (!host) return span(alt ? [text(alt)] : description('image'));
  if (insideLink) return span(description(`(image: ${host})`));
  return {
    type: 'element',
    tagName: 'a',
    properties: { href: src, title: src, className: ['markdown__image'] },
    children: description(alt ? `(image: ${host})` : `image: ${host}`),
  };
}

function span(children: ElementContent[]): Element {
  return { type: 'element', tagName: 'span', properties: { className: ['markdown__image'] }, children };
}

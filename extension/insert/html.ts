/**
 * The draft as HTML for rich editors: paragraphs stay paragraphs and "-" lines become a list, so the email
 * looks written, not pasted. Everything is escaped: the draft is model output and must not become markup.
 */

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const BULLET = /^\s*[-*•]\s+/;

function paragraphHtml(paragraph: string): string {
  const lines = paragraph.split('\n');
  if (lines.every((line) => BULLET.test(line))) {
    return `<ul>${lines.map((line) => `<li>${escapeHtml(line.replace(BULLET, ''))}</li>`).join('')}</ul>`;
  }
  return `<p>${lines.map(escapeHtml).join('<br>')}</p>`;
}

export function textToHtml(text: string): string {
  return text
    .replace(/\r\n/g, '\n')
    .trim()
    .split(/\n\s*\n/)
    .filter((paragraph) => paragraph.trim())
    .map(paragraphHtml)
    .join('');
}

/**
 * Page text and knowledge passages go into prompts between our own delimiters. Untrusted text must not be
 * able to close or open any of them (a page forging a `<passage>` or closing `</page>`), so every delimiter
 * tag we use is neutralised wherever untrusted text is embedded.
 */
const DELIMITER_TAG = /<\/?\s*(page|selection|knowledge|passage|untrusted)[^>]*>/gi;

export function neutralizeDelimiters(text: string): string {
  return text.replace(DELIMITER_TAG, (tag) => tag.replace(/</g, '‹').replace(/>/g, '›'));
}

/** A value safe inside a double-quoted delimiter attribute. */
export function attributeValue(value: string, maxLength: number): string {
  return value.replace(/["<>\n]/g, ' ').slice(0, maxLength);
}

import { describe, expect, it } from 'vitest';
import { escapeHtml, textToHtml } from './html';

describe('textToHtml', () => {
  it('turns paragraphs into <p> and single line breaks into <br>', () => {
    expect(textToHtml('Hi Dana,\n\nThanks for the call.\nTalk soon.\n\nBest,\nSam')).toBe(
      '<p>Hi Dana,</p><p>Thanks for the call.<br>Talk soon.</p><p>Best,<br>Sam</p>',
    );
  });

  it('turns a block of "-" lines into a list', () => {
    expect(textToHtml('Next steps:\n\n- Send the quote\n- Book the demo')).toBe(
      '<p>Next steps:</p><ul><li>Send the quote</li><li>Book the demo</li></ul>',
    );
  });

  it('escapes markup: model output never becomes HTML', () => {
    expect(textToHtml('<img src=x onerror=alert(1)> & "quotes"')).toBe(
      '<p>&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;</p>',
    );
    expect(escapeHtml('a<b')).toBe('a&lt;b');
  });

  it('normalises Windows line endings and ignores blank paragraphs', () => {
    expect(textToHtml('\r\nA\r\n\r\n\r\n\r\nB\r\n')).toBe('<p>A</p><p>B</p>');
  });
});

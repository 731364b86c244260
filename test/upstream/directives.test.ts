import { describe, expect, it } from 'vitest';
import { MARKDOWN_SAMPLE, planChat } from './chat-plan';
import { splitIntoPieces } from './chat-wire';
import { contentText, parseDirectives, toScript } from './directives';

describe('parseDirectives', () => {
  it('extracts bare and valued directives and strips them from the text', () => {
    const { directives, text } = parseDirectives('Hello [[delay: 300]] world [[hang]]');
    expect(directives).toEqual([
      { name: 'delay', value: '300' },
      { name: 'hang', value: '' },
    ]);
    expect(text.trim()).toBe('Hello world');
  });

  it('leaves unknown [[…]] text (e.g. wiki links) alone', () => {
    const { directives, text } = parseDirectives('See [[Main Page]] and [[unknown-thing: 1]]');
    expect(directives).toEqual([]);
    expect(text).toBe('See [[Main Page]] and [[unknown-thing: 1]]');
  });

  it('keeps JSON tool arguments intact', () => {
    const script = toScript(parseDirectives('[[tool: search_knowledge {"query":"pricing"}]]').directives);
    expect(script.tools).toEqual([{ name: 'search_knowledge', arguments: '{"query":"pricing"}' }]);
  });

  it('defaults tool arguments to {} and accumulates several tools', () => {
    const script = toScript(parseDirectives('[[tool: a]] [[tool: b {"x":1}]]').directives);
    expect(script.tools).toEqual([
      { name: 'a', arguments: '{}' },
      { name: 'b', arguments: '{"x":1}' },
    ]);
  });

  it('ignores malformed numbers and non-error statuses', () => {
    const script = toScript(parseDirectives('[[delay: soon]] [[status: 200]] [[chunk-delay: 20]]').directives);
    expect(script.delayMs).toBe(0);
    expect(script.status).toBeUndefined();
    expect(script.chunkDelayMs).toBe(20);
  });

  it('applies a directive scoped with @model only to requests for that model', () => {
    const { directives, text } = parseDirectives('[[status@model-a: 503]] [[hang@model-b]] hi');
    expect(directives).toEqual([
      { name: 'status', value: '503', model: 'model-a' },
      { name: 'hang', value: '', model: 'model-b' },
    ]);
    expect(text).toBe('hi');
    expect(toScript(directives, 'model-a')).toMatchObject({ status: 503, hang: false });
    expect(toScript(directives, 'model-b').status).toBeUndefined();
    expect(toScript(directives, 'model-b').hang).toBe(true);
    expect(toScript(directives, 'model-c').status).toBeUndefined();
    expect(toScript(directives, 'model-c').hang).toBe(false);
  });

  it('reads a multi-line reply value', () => {
    const script = toScript(parseDirectives('[[reply: line one\nline two]]').directives);
    expect(script.reply).toBe('line one\nline two');
  });
});

describe('contentText', () => {
  it('joins the text parts of an array content and ignores other parts', () => {
    const content = [
      { type: 'text', text: 'first' },
      { type: 'image_url', image_url: { url: 'data:,' } },
      { type: 'text', text: 'second' },
    ];
    expect(contentText(content)).toBe('first\nsecond');
    expect(contentText('plain')).toBe('plain');
    expect(contentText(null)).toBe('');
  });
});

describe('planChat', () => {
  const user = (content: unknown) => ({ role: 'user', content });

  it('reads directives only from the last user message', () => {
    const plan = planChat(
      {
        messages: [
          { role: 'system', content: '[[reply: from system]]' },
          user('[[reply: old]]'),
          { role: 'assistant', content: 'ok' },
          user('new question'),
        ],
      },
      1,
    );
    expect(plan.answer).toEqual({ kind: 'text', text: 'You asked: "new question" (context: 22 chars)' });
  });

  it('counts system and developer characters for the default reply', () => {
    const plan = planChat(
      {
        messages: [
          { role: 'system', content: '12345' },
          { role: 'developer', content: [{ type: 'text', text: 'abc' }] },
          user([{ type: 'text', text: 'Hi [[chunk-delay: 5]]' }]),
        ],
      },
      1,
    );
    expect(plan.answer).toEqual({ kind: 'text', text: 'You asked: "Hi" (context: 8 chars)' });
    expect(plan.script.chunkDelayMs).toBe(5);
  });

  it('echoes system text, markdown, or an exact reply', () => {
    const messages = (text: string) => [{ role: 'system', content: 'Page: refund policy' }, user(text)];
    expect(planChat({ messages: messages('[[echo-system]]') }, 1).answer).toEqual({
      kind: 'text',
      text: 'Page: refund policy',
    });
    expect(planChat({ messages: messages('[[markdown]]') }, 1).answer).toEqual({ kind: 'text', text: MARKDOWN_SAMPLE });
    expect(planChat({ messages: messages('[[reply: exactly this]]') }, 1).answer).toEqual({
      kind: 'text',
      text: 'exactly this',
    });
  });

  it('calls an offered tool, but not one that is missing or forbidden by tool_choice', () => {
    const tools = [{ type: 'function', function: { name: 'search_knowledge', parameters: {} } }];
    const messages = [user('[[tool: search_knowledge {"query":"pricing"}]] go')];
    expect(planChat({ messages, tools }, 7).answer).toEqual({
      kind: 'tool-calls',
      calls: [{ id: 'call_7_0', name: 'search_knowledge', arguments: '{"query":"pricing"}' }],
    });
    expect(planChat({ messages }, 7).answer.kind).toBe('text');
    expect(planChat({ messages, tools, tool_choice: 'none' }, 7).answer.kind).toBe('text');
  });

  it('answers with the (truncated) last tool result once tool results are present', () => {
    const long = 'x'.repeat(600);
    const plan = planChat(
      {
        messages: [
          user('[[tool: search_knowledge {}]]'),
          { role: 'assistant', content: null, tool_calls: [] },
          { role: 'tool', tool_call_id: 'a', content: 'first result' },
          { role: 'tool', tool_call_id: 'b', content: long },
        ],
        tools: [{ type: 'function', function: { name: 'search_knowledge' } }],
      },
      1,
    );
    expect(plan.answer).toEqual({ kind: 'text', text: `Tool said: ${'x'.repeat(500)}` });
  });
});

describe('splitIntoPieces', () => {
  it('splits into word-ish pieces that join back to the original text', () => {
    const text = '  Hello,  world!\nNext line  ';
    const pieces = splitIntoPieces(text);
    expect(pieces.length).toBe(4);
    expect(pieces.join('')).toBe(text);
    expect(splitIntoPieces('')).toEqual([]);
  });
});

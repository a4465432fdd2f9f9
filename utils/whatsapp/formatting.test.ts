import { parseFormatting, safeHref, type FormattedNode } from './formatting';

const text = (value: string): FormattedNode => ({ type: 'text', text: value });

describe('parseFormatting', () => {
  it('leaves plain text as one text node', () => {
    expect(parseFormatting('Hello there')).toEqual([text('Hello there')]);
  });

  it('reads bold, italic and strikethrough markers', () => {
    expect(parseFormatting('a *b* _c_ ~d~')).toEqual([
      text('a '),
      { type: 'bold', children: [text('b')] },
      text(' '),
      { type: 'italic', children: [text('c')] },
      text(' '),
      { type: 'strike', children: [text('d')] },
    ]);
  });

  it('nests styles', () => {
    expect(parseFormatting('*_both_*')).toEqual([{ type: 'bold', children: [{ type: 'italic', children: [text('both')] }] }]);
  });

  it('keeps monospace blocks literal, markers included', () => {
    expect(parseFormatting('run ```npm *i*``` now')).toEqual([text('run '), { type: 'mono', text: 'npm *i*' }, text(' now')]);
  });

  it('ignores markers inside words, around spaces and across lines', () => {
    expect(parseFormatting('snake_case_name')).toEqual([text('snake_case_name')]);
    expect(parseFormatting('2*3*4')).toEqual([text('2*3*4')]);
    expect(parseFormatting('a * b * c')).toEqual([text('a * b * c')]);
    expect(parseFormatting('*not\nbold*')).toEqual([text('*not\nbold*')]);
    expect(parseFormatting('**')).toEqual([text('**')]);
  });

  it('allows punctuation right outside a marker', () => {
    expect(parseFormatting('(*yes*).')).toEqual([text('('), { type: 'bold', children: [text('yes')] }, text(').')]);
  });

  it('links http(s) addresses and leaves trailing punctuation outside', () => {
    expect(parseFormatting('See https://example.com/a_b_c, then reply.')).toEqual([
      text('See '),
      { type: 'link', href: 'https://example.com/a_b_c', text: 'https://example.com/a_b_c' },
      text(', then reply.'),
    ]);
  });

  it('keeps a closing parenthesis the address opened', () => {
    const [, link] = parseFormatting('(https://en.wikipedia.org/wiki/Foo_(bar))');
    expect(link).toEqual({ type: 'link', href: 'https://en.wikipedia.org/wiki/Foo_(bar)', text: 'https://en.wikipedia.org/wiki/Foo_(bar)' });
  });

  it('links inside styles', () => {
    expect(parseFormatting('*https://example.com*')).toEqual([
      { type: 'bold', children: [{ type: 'link', href: 'https://example.com/', text: 'https://example.com' }] },
    ]);
  });

  it('never links other schemes', () => {
    for (const body of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'www.example.com', 'ftp://x.org']) {
      expect(parseFormatting(body).every((node) => node.type === 'text'), body).toBe(true);
    }
  });

  it('ends links at bidi controls so the link text cannot be reordered', () => {
    const nodes = parseFormatting('https://good.example\u202Eevil.example');
    expect(nodes[0]).toEqual({ type: 'link', href: 'https://good.example/', text: 'https://good.example' });
    expect(nodes[1]).toEqual(text('\u202Eevil.example'));
  });

  it('keeps markup as text', () => {
    expect(parseFormatting('<img src=x onerror=alert(1)>')).toEqual([text('<img src=x onerror=alert(1)>')]);
  });
});

describe('safeHref', () => {
  it('accepts http and https only', () => {
    expect(safeHref('https://example.com/x?y=1')).toBe('https://example.com/x?y=1');
    expect(safeHref('http://example.com')).toBe('http://example.com/');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('JaVaScRiPt:alert(1)')).toBeNull();
    expect(safeHref('not a url')).toBeNull();
  });
});

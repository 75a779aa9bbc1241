import { markdownToText, parseInline, parseMarkdown, renderMarkdown, safeHref } from './markdown';

describe('safe Markdown', () => {
  it('renders headings, lists, emphasis, code and links', () => {
    const html = renderMarkdown('# 如何预约\n\n1. 选择**服务**\n2. 选择*医院*\n\n- 支持 `微信支付`\n\n详见[帮助中心](/help)');
    expect(html).toBe(
      '<h1>如何预约</h1>\n<ol><li>选择<strong>服务</strong></li><li>选择<em>医院</em></li></ol>\n<ul><li>支持 <code>微信支付</code></li></ul>\n<p>详见<a href="/help" rel="noopener noreferrer nofollow">帮助中心</a></p>'
    );
  });

  it('turns any HTML in the source into inert text', () => {
    const html = renderMarkdown('<img src=x onerror=alert(1)>\n\n<script>alert(1)</script> **<b>x</b>**');
    expect(html).not.toMatch(/<img|<script|<b>/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('drops links whose target is not http(s), mailto or site-relative', () => {
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('JaVaScRiPt:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,<b>')).toBeNull();
    expect(safeHref('//evil.example')).toBeNull();
    expect(safeHref('https://example.com/a?b=1')).toBe('https://example.com/a?b=1');
    expect(renderMarkdown('[点我](javascript:alert(1))')).toBe('<p>点我)</p>');
    expect(parseInline('[x](https://a.example/"onmouseover=1)')).toEqual([{ type: 'link', href: 'https://a.example/"onmouseover=1', children: [{ type: 'text', text: 'x' }] }]);
    expect(renderMarkdown('[x](https://a.example/"onmouseover=1)')).toContain('href="https://a.example/&quot;onmouseover=1"');
  });

  it('keeps quotes and rules, and line breaks inside a paragraph', () => {
    expect(parseMarkdown('> 注意\n> 带证件\n\n---\n第一行\n第二行')).toEqual([
      { type: 'quote', children: [{ type: 'text', text: '注意' }, { type: 'br' }, { type: 'text', text: '带证件' }] },
      { type: 'rule' },
      { type: 'paragraph', children: [{ type: 'text', text: '第一行' }, { type: 'br' }, { type: 'text', text: '第二行' }] },
    ]);
  });

  it('reads the plain words for search', () => {
    expect(markdownToText('## 如何在线**挂号**\n\n- 打开[小程序](/x)')).toBe('如何在线挂号\n打开小程序');
  });
});

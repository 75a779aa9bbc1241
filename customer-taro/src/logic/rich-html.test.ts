import { decodeEntities, htmlToNodes, nodesText, safeHref, type RichNode, type RichTextElement } from './rich-html'

/** Every element of a node tree, depth first. */
function elements(nodes: readonly RichNode[]): RichTextElement[] {
  return nodes.flatMap((n) => ('type' in n ? [] : [n, ...elements(n.children)]))
}

describe('a help article’s HTML as rich-text nodes', () => {
  it('keeps the tags the backend’s Markdown renderer emits, each with its class', () => {
    const html =
      '<h2>预约步骤</h2>\n<ol><li>选择服务</li><li>在 <strong>15 分钟内</strong> 支付</li></ol>\n<blockquote>可预约 3 天内</blockquote>\n<p>见 <a href="/m/#/packages/account/pages/legal/index" rel="noopener noreferrer nofollow">协议</a><br/>第二行 <em>注意</em> <code>x</code></p>\n<hr/>'
    const nodes = htmlToNodes(html)
    expect(elements(nodes).map((e) => e.name)).toEqual(['h2', 'ol', 'li', 'li', 'strong', 'blockquote', 'p', 'a', 'br', 'em', 'code', 'hr'])
    expect(nodes[0]).toEqual({ name: 'h2', attrs: { class: 'rt-h2' }, children: [{ type: 'text', text: '预约步骤' }] })
    const link = elements(nodes).find((e) => e.name === 'a')
    expect(link?.attrs).toEqual({ class: 'rt-a', href: '/m/#/packages/account/pages/legal/index' })
    expect(nodesText(nodes)).toContain('在 15 分钟内 支付')
  })

  it('shows the escaped payload of an article as the words it is, with no element that could run it', () => {
    // What the backend sends for an article whose Markdown holds HTML.
    const html = '<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;</p>'
    const nodes = htmlToNodes(html)
    expect(elements(nodes).map((e) => e.name)).toEqual(['p'])
    expect(nodesText(nodes)).toBe('<script>alert(1)</script> <img src=x onerror=alert(1)>')
  })

  it('drops script, handlers, styles and unknown tags even if raw HTML ever arrived', () => {
    const html =
      '<p onclick="alert(1)" style="position:fixed">看<script>alert("x")</script>这里</p><img src=x onerror=alert(1)><iframe src="javascript:alert(1)"><p>inside</p></iframe><svg onload=alert(1)><circle/></svg><div><span>保留文字</span></div><style>*{display:none}</style>'
    const nodes = htmlToNodes(html)
    const all = elements(nodes)
    expect(all.map((e) => e.name)).toEqual(['p'])
    expect(all.every((e) => Object.keys(e.attrs).every((k) => k === 'class' || k === 'href'))).toBe(true)
    expect(nodesText(nodes)).toBe('看这里保留文字')
    expect(JSON.stringify(nodes)).not.toMatch(/alert|onerror|onclick|onload|javascript|display:none/)
  })

  it('keeps link targets only when they are http(s), mailto or site-relative', () => {
    const hrefs = (html: string) => elements(htmlToNodes(html)).filter((e) => e.name === 'a').map((e) => e.attrs.href)
    expect(hrefs('<a href="javascript:alert(1)">x</a>')).toEqual([undefined])
    expect(hrefs('<a href=" JaVaScRiPt:alert(1)">x</a>')).toEqual([undefined])
    expect(hrefs('<a href="&#106;avascript:alert(1)">x</a>')).toEqual([undefined])
    expect(hrefs('<a href="//evil.example/x">x</a>')).toEqual([undefined])
    expect(hrefs('<a href="data:text/html,<script>">x</a>')).toEqual([undefined])
    expect(hrefs("<a href='https://example.com/a?b=1&amp;c=2'>x</a>")).toEqual(['https://example.com/a?b=1&c=2'])
    expect(hrefs('<a href="mailto:help@example.com">x</a>')).toEqual(['mailto:help@example.com'])
    expect(safeHref('/help')).toBe('/help')
  })

  it('survives broken markup: unclosed tags, stray closers, a lone <', () => {
    const nodes = htmlToNodes('<p>a <strong>b</p><p>c</em> 1 < 2 <img src=x onerror=alert(1)')
    expect(elements(nodes).map((e) => e.name)).toEqual(['p', 'strong', 'p'])
    expect(nodesText(nodes)).toBe('a bc 1 < 2 <img src=x onerror=alert(1)')
  })

  it('escapes the text again for the mini-program, whose rich-text decodes entities', () => {
    const nodes = htmlToNodes('<p>&lt;b&gt; &amp;lt;</p>', { escapeText: true })
    expect(nodesText(nodes)).toBe('&lt;b&gt; &amp;lt;')
  })

  it('decodes named and numeric entities', () => {
    expect(decodeEntities('&amp;&lt;&gt;&quot;&#39;&#x4e2d;&#25991;&nbsp;&unknown;')).toBe('&<>"\'中文\u00a0&unknown;')
  })
})

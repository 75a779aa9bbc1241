/**
 * A help article's bodyHtml as `rich-text` nodes. The backend already renders its Markdown subset
 * with every text escaped (backend/src/modules/knowledge/markdown.ts); this is the second lock on
 * the app's side: only the tags that renderer emits become elements, with no attribute but a
 * safe link target, so even an HTML string with `<script>` or `onerror` that reached the app
 * could only ever show as text. Nodes (not an HTML string) also keep Taro's H5 build from setting
 * innerHTML. Tested without Taro.
 */

export interface RichTextElement {
  name: string
  attrs: Record<string, string>
  children: RichNode[]
}

export interface RichTextText {
  type: 'text'
  text: string
}

export type RichNode = RichTextElement | RichTextText

/** The tags backend/src/modules/knowledge/markdown.ts emits. */
const ALLOWED = new Set(['h1', 'h2', 'h3', 'p', 'ul', 'ol', 'li', 'blockquote', 'hr', 'br', 'strong', 'em', 'code', 'a'])
const VOID = new Set(['hr', 'br', 'img', 'input', 'meta', 'link', 'area', 'base', 'col', 'embed', 'source', 'track', 'wbr'])
/** Tags whose content is code or markup, not words: dropped with everything inside. */
const DROP_WITH_CONTENT = new Set(['script', 'style', 'iframe', 'object', 'template', 'noscript', 'textarea', 'title', 'svg', 'math'])

const SAFE_HREF = /^(https?:\/\/[^\s]+|mailto:[^\s]+|\/(?!\/)[^\s]*)$/i

export function safeHref(href: string): string | null {
  const h = href.trim()
  return SAFE_HREF.test(h) ? h : null
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', '#39': "'" }

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, name: string) => {
    const lower = name.toLowerCase()
    if (lower in NAMED) return NAMED[lower]
    const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : lower.startsWith('#') ? parseInt(lower.slice(1), 10) : NaN
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
  })
}

function encodeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function attrValue(attrs: string, name: string): string | null {
  const m = attrs.match(new RegExp(`(?:^|\\s)${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i'))
  if (!m) return null
  return decodeEntities(m[2] ?? m[3] ?? m[4] ?? '')
}

export interface RichOptions {
  /**
   * WeChat's rich-text decodes entities in text nodes, Taro's H5 one does not: for weapp the text
   * goes back escaped so `&lt;` shows as `<` there too.
   */
  escapeText?: boolean
  /** Class prefix for styling: `<h2>` gets `${prefix}h2`. */
  classPrefix?: string
}

/** Parses the backend's HTML into nodes, keeping only what is allowed. */
export function htmlToNodes(html: string, options: RichOptions = {}): RichNode[] {
  const prefix = options.classPrefix ?? 'rt-'
  const root: RichTextElement = { name: 'root', attrs: {}, children: [] }
  const stack: RichTextElement[] = [root]
  // Depth inside a dropped element (script…): its content is skipped, whatever it holds.
  let dropping: { tag: string; depth: number } | null = null
  const text = (s: string) => {
    if (dropping || !s) return
    const decoded = decodeEntities(s)
    const value = options.escapeText ? encodeText(decoded) : decoded
    const top = stack[stack.length - 1]
    const last = top.children[top.children.length - 1]
    if (last && 'type' in last) last.text += value
    else top.children.push({ type: 'text', text: value })
  }
  const token = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<!?[^>]*>|[^<]+|</g
  let m: RegExpExecArray | null
  while ((m = token.exec(html))) {
    const [whole, closing, rawName, attrs] = m
    if (!rawName) {
      // Text, a comment or a declaration (dropped), or a lone '<' (text).
      if (!whole.startsWith('<')) text(whole)
      else if (whole === '<') text('&lt;')
      continue
    }
    const name = rawName.toLowerCase()
    if (dropping) {
      if (name === dropping.tag) dropping.depth += closing ? -1 : 1
      if (dropping.depth === 0) dropping = null
      continue
    }
    if (DROP_WITH_CONTENT.has(name)) {
      if (!closing && !/\/\s*$/.test(attrs)) dropping = { tag: name, depth: 1 }
      continue
    }
    if (!ALLOWED.has(name)) continue // The tag goes, its words stay.
    if (closing) {
      const at = stack.map((e) => e.name).lastIndexOf(name)
      if (at > 0) stack.length = at
      continue
    }
    const el: RichTextElement = { name, attrs: { class: `${prefix}${name}` }, children: [] }
    if (name === 'a') {
      const href = safeHref(attrValue(attrs, 'href') ?? '')
      if (href) el.attrs.href = href
    }
    stack[stack.length - 1].children.push(el)
    if (!VOID.has(name) && !/\/\s*$/.test(attrs)) stack.push(el)
  }
  return root.children
}

/** The words of the nodes, for tests and for an empty-body check. */
export function nodesText(nodes: readonly RichNode[]): string {
  return nodes.map((n) => ('type' in n ? n.text : nodesText(n.children))).join('')
}

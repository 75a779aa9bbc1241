/**
 * A small Markdown subset, parsed into a tree and rendered by escaping every piece of text, so no
 * HTML in an article (or in a ticket turned into one) can ever reach a page as markup: `<script>`
 * comes out as the text `&lt;script&gt;`. Supported: headings (#, ##, ###), paragraphs, line
 * breaks, - / * / 1. lists, > quotes, --- rules, **bold**, *italic*, `code`, [links](url) with
 * http(s), mailto or site-relative targets only (anything else renders as plain text).
 * The console keeps a copy of the parser (console/src/utils/markdown.ts) that renders to React.
 */

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'em'; children: Inline[] }
  | { type: 'code'; text: string }
  | { type: 'link'; href: string; children: Inline[] }
  | { type: 'br' };

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; children: Inline[] }
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'list'; ordered: boolean; items: Inline[][] }
  | { type: 'quote'; children: Inline[] }
  | { type: 'rule' };

const SAFE_HREF = /^(https?:\/\/[^\s]+|mailto:[^\s]+|\/[^\s]*)$/i;

export function safeHref(href: string): string | null {
  const h = href.trim();
  return SAFE_HREF.test(h) && !/^\/\//.test(h) ? h : null;
}

export function parseInline(src: string): Inline[] {
  const out: Inline[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push({ type: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < src.length) {
    const rest = src.slice(i);
    let m: RegExpMatchArray | null;
    if ((m = rest.match(/^`([^`]+)`/))) {
      flush();
      out.push({ type: 'code', text: m[1] });
    } else if ((m = rest.match(/^\*\*([^*]+?)\*\*/))) {
      flush();
      out.push({ type: 'strong', children: parseInline(m[1]) });
    } else if ((m = rest.match(/^\*([^*\s][^*]*?)\*/))) {
      flush();
      out.push({ type: 'em', children: parseInline(m[1]) });
    } else if ((m = rest.match(/^\[([^\]]+)\]\(([^)\s]*)\)/))) {
      flush();
      const href = safeHref(m[2]);
      if (href) out.push({ type: 'link', href, children: parseInline(m[1]) });
      else out.push({ type: 'text', text: m[1] });
    } else if (rest[0] === '\n') {
      flush();
      out.push({ type: 'br' });
      m = ['\n'] as unknown as RegExpMatchArray;
    } else {
      text += rest[0];
      i += 1;
      continue;
    }
    i += m[0].length;
  }
  flush();
  return out;
}

export function parseMarkdown(src: string): Block[] {
  const lines = src.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let para: string[] = [];
  const flushPara = () => {
    if (para.length) blocks.push({ type: 'paragraph', children: parseInline(para.join('\n')) });
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    let m: RegExpMatchArray | null;
    if (!line.trim()) {
      flushPara();
    } else if ((m = line.match(/^(#{1,3})\s+(.*)$/))) {
      flushPara();
      blocks.push({ type: 'heading', level: m[1].length as 1 | 2 | 3, children: parseInline(m[2].trim()) });
    } else if (/^\s*(-{3,}|\*{3,})\s*$/.test(line)) {
      flushPara();
      blocks.push({ type: 'rule' });
    } else if (/^\s*([-*+]|\d+[.)])\s+/.test(line)) {
      flushPara();
      const ordered = /^\s*\d+[.)]\s+/.test(line);
      const items: Inline[][] = [];
      while (i < lines.length && (ordered ? /^\s*\d+[.)]\s+/ : /^\s*[-*+]\s+/).test(lines[i])) {
        items.push(parseInline(lines[i].replace(/^\s*([-*+]|\d+[.)])\s+/, '')));
        i++;
      }
      i--;
      blocks.push({ type: 'list', ordered, items });
    } else if (/^\s*>\s?/.test(line)) {
      flushPara();
      const quoted: string[] = [];
      while (i < lines.length && /^\s*>\s?/.test(lines[i])) {
        quoted.push(lines[i].replace(/^\s*>\s?/, ''));
        i++;
      }
      i--;
      blocks.push({ type: 'quote', children: parseInline(quoted.join('\n')) });
    } else {
      para.push(line);
    }
  }
  flushPara();
  return blocks;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, c => ESCAPES[c]);
}

function inlineHtml(nodes: Inline[]): string {
  return nodes
    .map(n => {
      switch (n.type) {
        case 'text':
          return escapeHtml(n.text);
        case 'code':
          return `<code>${escapeHtml(n.text)}</code>`;
        case 'strong':
          return `<strong>${inlineHtml(n.children)}</strong>`;
        case 'em':
          return `<em>${inlineHtml(n.children)}</em>`;
        case 'link':
          return `<a href="${escapeHtml(n.href)}" rel="noopener noreferrer nofollow">${inlineHtml(n.children)}</a>`;
        case 'br':
          return '<br/>';
      }
    })
    .join('');
}

/** Safe HTML for the mini-program's rich-text component: only the tags above, every text escaped. */
export function renderMarkdown(src: string): string {
  return parseMarkdown(src)
    .map(b => {
      switch (b.type) {
        case 'heading':
          return `<h${b.level}>${inlineHtml(b.children)}</h${b.level}>`;
        case 'paragraph':
          return `<p>${inlineHtml(b.children)}</p>`;
        case 'list': {
          const tag = b.ordered ? 'ol' : 'ul';
          return `<${tag}>${b.items.map(it => `<li>${inlineHtml(it)}</li>`).join('')}</${tag}>`;
        }
        case 'quote':
          return `<blockquote>${inlineHtml(b.children)}</blockquote>`;
        case 'rule':
          return '<hr/>';
      }
    })
    .join('\n');
}

function inlineText(nodes: Inline[]): string {
  return nodes.map(n => (n.type === 'text' || n.type === 'code' ? n.text : n.type === 'br' ? ' ' : 'children' in n ? inlineText(n.children) : '')).join('');
}

/** The words of an article without markup: what the search index and summaries read. */
export function markdownToText(src: string): string {
  return parseMarkdown(src)
    .map(b => (b.type === 'list' ? b.items.map(inlineText).join(' ') : b.type === 'rule' ? '' : inlineText(b.children)))
    .filter(Boolean)
    .join('\n');
}

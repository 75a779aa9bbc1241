/**
 * The backend's safe Markdown subset (backend/src/modules/knowledge/markdown.ts), parsed the same
 * way and rendered to React elements: every piece of text is a React text node, so HTML in an
 * article (`<script>`, `<img onerror>`) shows as text and never runs. No dangerouslySetInnerHTML.
 */
import type { ReactNode } from 'react';

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
    let used = 0;
    if ((m = rest.match(/^`([^`]+)`/))) {
      flush();
      out.push({ type: 'code', text: m[1] });
      used = m[0].length;
    } else if ((m = rest.match(/^\*\*([^*]+?)\*\*/))) {
      flush();
      out.push({ type: 'strong', children: parseInline(m[1]) });
      used = m[0].length;
    } else if ((m = rest.match(/^\*([^*\s][^*]*?)\*/))) {
      flush();
      out.push({ type: 'em', children: parseInline(m[1]) });
      used = m[0].length;
    } else if ((m = rest.match(/^\[([^\]]+)\]\(([^)\s]*)\)/))) {
      flush();
      const href = safeHref(m[2]);
      out.push(href ? { type: 'link', href, children: parseInline(m[1]) } : { type: 'text', text: m[1] });
      used = m[0].length;
    } else if (rest[0] === '\n') {
      flush();
      out.push({ type: 'br' });
      used = 1;
    } else {
      text += rest[0];
      used = 1;
    }
    i += used;
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
    const heading = line.match(/^(#{1,3})\s+(.*)$/);
    if (!line.trim()) {
      flushPara();
    } else if (heading) {
      flushPara();
      blocks.push({ type: 'heading', level: heading[1].length as 1 | 2 | 3, children: parseInline(heading[2].trim()) });
    } else if (/^\s*(-{3,}|\*{3,})\s*$/.test(line)) {
      flushPara();
      blocks.push({ type: 'rule' });
    } else if (/^\s*([-*+]|\d+[.)])\s+/.test(line)) {
      flushPara();
      const ordered = /^\s*\d+[.)]\s+/.test(line);
      const pattern = ordered ? /^\s*\d+[.)]\s+/ : /^\s*[-*+]\s+/;
      const items: Inline[][] = [];
      while (i < lines.length && pattern.test(lines[i])) {
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

function renderInline(nodes: Inline[]): ReactNode[] {
  return nodes.map((n, i) => {
    switch (n.type) {
      case 'text':
        return n.text;
      case 'code':
        return <code key={i}>{n.text}</code>;
      case 'strong':
        return <strong key={i}>{renderInline(n.children)}</strong>;
      case 'em':
        return <em key={i}>{renderInline(n.children)}</em>;
      case 'link':
        return (
          <a key={i} href={n.href} target="_blank" rel="noopener noreferrer nofollow">
            {renderInline(n.children)}
          </a>
        );
      case 'br':
        return <br key={i} />;
    }
  });
}

/** Article preview and reading view. */
export function Markdown({ source }: { source: string }) {
  return (
    <div className="kb-markdown">
      {parseMarkdown(source).map((b, i) => {
        switch (b.type) {
          case 'heading': {
            const Tag = `h${b.level + 2}` as 'h3' | 'h4' | 'h5';
            return <Tag key={i}>{renderInline(b.children)}</Tag>;
          }
          case 'paragraph':
            return <p key={i}>{renderInline(b.children)}</p>;
          case 'list': {
            const items = b.items.map((it, j) => <li key={j}>{renderInline(it)}</li>);
            return b.ordered ? <ol key={i}>{items}</ol> : <ul key={i}>{items}</ul>;
          }
          case 'quote':
            return <blockquote key={i}>{renderInline(b.children)}</blockquote>;
          case 'rule':
            return <hr key={i} />;
        }
      })}
    </div>
  );
}

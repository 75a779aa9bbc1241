import { render } from '@testing-library/react';
import { Markdown, parseMarkdown, safeHref } from './markdown';

describe('safe Markdown in the console', () => {
  it('renders headings, lists, emphasis and safe links as elements', () => {
    const { container } = render(<Markdown source={'# 如何预约\n\n1. 选择**服务**\n- 支持 `微信支付`\n\n详见[帮助](/help)'} />);
    expect(container.querySelector('h3')).toHaveTextContent('如何预约');
    expect(container.querySelector('ol strong')).toHaveTextContent('服务');
    expect(container.querySelector('ul code')).toHaveTextContent('微信支付');
    expect(container.querySelector('a')).toHaveAttribute('href', '/help');
  });

  it('shows HTML in the source as text: no img, no script element is created', () => {
    const { container } = render(<Markdown source={'<img src=x onerror=alert(1)>\n\n<script>alert(1)</script>'} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(container).toHaveTextContent('<img src=x onerror=alert(1)>');
    expect(container).toHaveTextContent('<script>alert(1)</script>');
  });

  it('drops script and data links', () => {
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,x')).toBeNull();
    const { container } = render(<Markdown source="[点我](javascript:void(0))" />);
    expect(container.querySelector('a')).toBeNull();
    expect(parseMarkdown('---')).toEqual([{ type: 'rule' }]);
  });
});

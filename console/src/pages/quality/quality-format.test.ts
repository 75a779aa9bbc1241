import { articleSnippet, average, canCompensate, creditButtons, percent, reviewButtons, slaText, stars, ticketButtons } from './quality-format';

describe('quality formatting', () => {
  it('says how long is left until the first answer is due, or how late it is', () => {
    expect(slaText(125)).toBe('还剩 2 小时 5 分');
    expect(slaText(60)).toBe('还剩 1 小时');
    expect(slaText(-40)).toBe('超时 40 分');
    expect(slaText(null)).toBe('已响应');
  });

  it('draws stars and shows averages and rates, with a dash when there is nothing yet', () => {
    expect(stars(4)).toBe('★★★★☆');
    expect(stars(null)).toBe('—');
    expect(average(4.5)).toBe('4.50');
    expect(percent(66.7)).toBe('66.7%');
    expect(percent(null)).toBe('—');
  });

  it('shows ticket actions the backend allows, only to those who may write', () => {
    expect(ticketButtons(['start', 'resolve'], true)).toEqual(['start', 'resolve']);
    expect(ticketButtons(['close', 'reopen'], false)).toEqual([]);
  });

  it('offers compensation for complaints and billing tickets with an order only', () => {
    expect(canCompensate({ type: 'service_complaint', orderId: 3 })).toBe(true);
    expect(canCompensate({ type: 'billing', orderId: null })).toBe(false);
    expect(canCompensate({ type: 'suggestion', orderId: 3 })).toBe(false);
  });

  it('inserts an article as a short quotation', () => {
    expect(articleSnippet({ id: 7, title: '如何支付订单', summary: '使用微信支付' })).toBe('【如何支付订单】使用微信支付（帮助中心文章 #7）');
  });

  it('offers hide or restore by a review’s status, and credit actions by standing', () => {
    expect(reviewButtons('visible', true)).toEqual(['hide', 'reply']);
    expect(reviewButtons('hidden', true)).toEqual(['restore', 'reply']);
    expect(reviewButtons('visible', false)).toEqual([]);
    expect(creditButtons('normal', true)).toEqual(['adjust', 'behaviour', 'warn', 'suspend']);
    expect(creditButtons('suspended', true)).toEqual(['adjust', 'behaviour', 'restore']);
    expect(creditButtons('normal', false)).toEqual([]);
  });
});

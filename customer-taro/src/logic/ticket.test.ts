import {
  initialTicketType,
  threadItems,
  ticketBody,
  ticketOffer,
  ticketStatus,
  ticketTitle,
  ticketTypeLabel,
  TICKET_TYPES,
  validateTicket,
} from './ticket'

describe('a new ticket', () => {
  it('offers the four types under their Chinese names, mapped to the backend enum', () => {
    expect(TICKET_TYPES.map((t) => [t.label, t.value])).toEqual([
      ['服务投诉', 'service_complaint'],
      ['使用问题', 'app_problem'],
      ['建议', 'suggestion'],
      ['费用问题', 'billing'],
    ])
    expect(ticketTypeLabel('billing')).toBe('费用问题')
    expect(ticketTypeLabel('other')).toBe('反馈')
  })

  it('starts as a complaint when opened from an order, as the ?type= asked, else unchosen', () => {
    expect(initialTicketType(undefined, true)).toBe('service_complaint')
    expect(initialTicketType('billing', true)).toBe('billing')
    expect(initialTicketType('app_problem', false)).toBe('app_problem')
    expect(initialTicketType('hack', false)).toBe('')
    expect(initialTicketType(undefined, false)).toBe('')
  })

  it('asks for a type and a few words, within the backend limit', () => {
    expect(validateTicket({ type: '', content: '陪诊师迟到了半小时', orderId: null })).toBe('请选择反馈类型')
    expect(validateTicket({ type: 'service_complaint', content: '  ', orderId: null })).toBe('请描述遇到的问题')
    expect(validateTicket({ type: 'service_complaint', content: '迟到', orderId: null })).toBe('请再多写几个字，方便客服了解情况')
    expect(validateTicket({ type: 'suggestion', content: '好'.repeat(2001), orderId: null })).toBe('内容最多 2000 个字')
    expect(validateTicket({ type: 'service_complaint', content: '陪诊师迟到了半小时', orderId: 3 })).toBeNull()
  })

  it('titles the ticket with the first line of the text, cut for the inbox', () => {
    expect(ticketTitle('  陪诊师迟到了\n到医院时已经九点半')).toBe('陪诊师迟到了')
    const long = '挂'.repeat(40)
    expect(ticketTitle(long)).toBe(`${'挂'.repeat(29)}…`)
    expect(Array.from(ticketTitle(long))).toHaveLength(30)
  })

  it('sends the order only when there is one', () => {
    expect(ticketBody({ type: 'billing', content: ' 多收了 20 元 \n请核对 ', orderId: 7 })).toEqual({ type: 'billing', title: '多收了 20 元', content: '多收了 20 元 \n请核对', orderId: 7 })
    expect(ticketBody({ type: 'suggestion', content: '希望有夜间陪护', orderId: null })).not.toHaveProperty('orderId')
  })
})

describe('a ticket’s thread and actions', () => {
  const at = '2025-03-01T02:00:00.000Z'

  it('puts the customer on the right, support (as 客服) on the left, events in between, and never a note', () => {
    const items = threadItems([
      { id: 1, kind: 'event', authorType: 'customer', authorName: '系统', content: '创建工单（服务投诉）', createdAt: at },
      { id: 2, kind: 'reply', authorType: 'staff', authorName: '客服', content: '您好，正在核实', createdAt: at },
      { id: 3, kind: 'note', authorType: 'staff', authorName: '王主管', content: '内部：上月也被投诉', createdAt: at },
      { id: 4, kind: 'reply', authorType: 'customer', authorName: '客户', content: '<b>谢谢</b>', photos: ['/u/a.jpg'], createdAt: at },
    ])
    expect(items).toEqual([
      { id: 1, side: 'event', content: '创建工单（服务投诉）', at },
      { id: 2, side: 'staff', name: '客服', content: '您好，正在核实', photos: [], at },
      { id: 4, side: 'mine', name: '我', content: '<b>谢谢</b>', photos: ['/u/a.jpg'], at },
    ])
  })

  it('lets the customer reply while it is handled, confirm once resolved, and reopen only while the backend allows', () => {
    expect(ticketOffer({ status: 'open', resolvedAt: null, availableActions: [] })).toMatchObject({ canReply: true, canClose: false, canReopen: false, reopenBlocked: null })
    const resolved = ticketOffer({ status: 'resolved', resolvedAt: at, availableActions: ['close', 'reopen'] })
    expect(resolved).toMatchObject({ canReply: false, canClose: true, canReopen: true, reopenBlocked: null })
    expect(resolved.reopenUntil?.toISOString()).toBe('2025-03-08T02:00:00.000Z')
    const closedLate = ticketOffer({ status: 'closed', resolvedAt: at, availableActions: [] })
    expect(closedLate).toMatchObject({ canClose: false, canReopen: false, reopenUntil: null })
    expect(closedLate.reopenBlocked).toBe('已解决超过 7 天，不能重新打开；如仍有问题，请提交新的反馈')
    expect(ticketOffer({ status: 'in_progress', resolvedAt: null, availableActions: [] }).reopenBlocked).toBeNull()
  })

  it('labels statuses, and shows an unknown one as it came', () => {
    expect(ticketStatus('open')).toEqual({ label: '待处理', tone: 'warning' })
    expect(ticketStatus('resolved').label).toBe('已解决')
    expect(ticketStatus('later')).toEqual({ label: 'later', tone: 'muted' })
  })
})

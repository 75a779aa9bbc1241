import { http } from './request'
import type { Page } from './order-api'
import { noReviewYet, type NewReviewBody } from '../logic/review-form'
import type { NewTicketBody, TicketStatus, TicketType } from '../logic/ticket'

/** Reviews, tickets and the help center (docs/quality.md). Every text here is shown as text. */

export interface ReviewAppendView {
  id: number
  content: string
  photos: string[]
  createdAt: string
}

export interface MyReview {
  id: number
  orderId: number
  orderNo: string
  serviceName: string
  overall: number
  attitude: number
  professionalism: number
  communication: number
  punctuality: number
  hospital: { cleanliness: number; staffAttitude: number; signage: number } | null
  tags: string[]
  content: string
  photos: string[]
  anonymous: boolean
  /** The platform's reply. */
  staffReply: string | null
  staffReplyAt: string | null
  escortReply: string | null
  escortReplyAt: string | null
  status: 'visible' | 'hidden'
  appends: ReviewAppendView[]
  canAppend: boolean
  createdAt: string
}

export interface TicketView {
  id: number
  ticketNo: string
  type: TicketType
  typeLabel: string
  status: TicketStatus
  statusLabel: string
  title: string
  content: string
  photos: string[]
  orderId: number | null
  orderNo: string
  resolvedAt: string | null
  closedAt: string | null
  resolution: string | null
  reopenCount: number
  compensationFen: number
  createdAt: string
  updatedAt: string
}

export interface TicketMessageView {
  id: number
  kind: 'reply' | 'event' | string
  authorType: string
  authorName: string
  content: string
  photos: string[]
  articleId: number | null
  createdAt: string
}

export interface TicketDetail extends TicketView {
  messages: TicketMessageView[]
  availableActions: string[]
}

export interface HelpCategory {
  id: number
  name: string
}

export interface HelpArticleSummary {
  id: number
  categoryId: number | null
  categoryName: string
  title: string
  summary: string
  tags: string[]
  isFaq: boolean
  viewCount: number
  helpfulCount: number
  notHelpfulCount: number
  publishedAt: string | null
  updatedAt: string
}

export interface HelpArticle extends HelpArticleSummary {
  /** Safe HTML rendered by the backend from its Markdown subset. */
  bodyHtml: string
}

export interface VoteResult {
  helpfulCount: number
  notHelpfulCount: number
  myVote: boolean
}

export const reviewApi = {
  /** null when the order has no review yet. */
  forOrder: (orderId: number) =>
    http.get<MyReview | null>(`/api/app/orders/${orderId}/review`).then(
      (r) => r ?? null,
      (err) => {
        if (noReviewYet(err)) return null
        throw err
      },
    ),
  create: (orderId: number, body: NewReviewBody) => http.post<MyReview>(`/api/app/orders/${orderId}/review`, body),
  append: (reviewId: number, content: string) => http.post<MyReview>(`/api/app/reviews/${reviewId}/appends`, { content }),
  mine: (page = 1) => http.get<Page<MyReview>>('/api/app/reviews', { page, pageSize: 20 }),
}

export const ticketApi = {
  list: (page = 1, status?: TicketStatus) => http.get<Page<TicketView>>('/api/app/tickets', { page, pageSize: 20, status }),
  detail: (id: number) => http.get<TicketDetail>(`/api/app/tickets/${id}`),
  create: (body: NewTicketBody) => http.post<TicketDetail>('/api/app/tickets', body),
  reply: (id: number, content: string) => http.post<TicketMessageView>(`/api/app/tickets/${id}/messages`, { content }),
  close: (id: number) => http.post<TicketDetail>(`/api/app/tickets/${id}/close`, {}),
  reopen: (id: number, reason: string) => http.post<TicketDetail>(`/api/app/tickets/${id}/reopen`, { reason }),
}

export const helpApi = {
  home: () => http.get<{ categories: HelpCategory[]; faq: HelpArticleSummary[] }>('/api/app/help', undefined, { auth: false }),
  articles: (query: { keyword?: string; categoryId?: number; page?: number }) =>
    http.get<Page<HelpArticleSummary>>('/api/app/help/articles', { pageSize: 20, ...query }, { auth: false }),
  article: (id: number) => http.get<HelpArticle>(`/api/app/help/articles/${id}`, undefined, { auth: false }),
  vote: (id: number, helpful: boolean) => http.post<VoteResult>(`/api/app/help/articles/${id}/vote`, { helpful }),
}

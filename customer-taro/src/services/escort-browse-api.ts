import { http } from './request'
import type { Page } from './order-api'
import type { AgeBand, EscortFilters } from '../logic/escort-filters'
import { escortQuery, ESCORT_PAGE_SIZE } from '../logic/escort-filters'
import type { EscortRatingSummary } from '../logic/escort-profile'

/** An escort as customers see them (GET /api/app/escorts): no phone, ID number or birth date. */
export interface PublicEscort {
  id: number
  name: string
  gender: string
  ageBand: AgeBand | null
  ageBandLabel: string
  level: string
  levelLabel: string
  photoUrl: string | null
  educationLabel: string
  experienceYears: number
  serviceDistricts: string[]
  skills: string[]
  skillLabels: string[]
  bio: string
  ordersServed: number
  rating: number | null
  ratingCount: number
}

export interface PublicEscortDetail extends PublicEscort {
  cityId: number
  servedHospitals: { hospitalId: number; name: string; orders: number }[]
}

export interface PublicReview {
  id: number
  serviceName: string
  overall: number
  attitude: number
  professionalism: number
  communication: number
  punctuality: number
  tags: string[]
  content: string
  photos: string[]
  reviewerName: string
  escortReply: string | null
  staffReply: string | null
  appends: { id: number; content: string; createdAt: string }[]
  createdAt: string
}

export type ReviewPage = Page<PublicReview> & { summary: EscortRatingSummary }

const PUBLIC = { auth: false } as const

/** The public escort endpoints customers browse before and while booking (no login needed). */
export const escortBrowseApi = {
  list: (cityId: number, filters: EscortFilters, page: number, pageSize = ESCORT_PAGE_SIZE) =>
    http.get<Page<PublicEscort>>('/api/app/escorts', escortQuery(cityId, filters, page, pageSize), PUBLIC),
  detail: (id: number) => http.get<PublicEscortDetail>(`/api/app/escorts/${id}`, undefined, PUBLIC),
  reviews: (id: number, page: number, pageSize = 10) => http.get<ReviewPage>(`/api/app/escorts/${id}/reviews`, { page, pageSize }, PUBLIC),
}

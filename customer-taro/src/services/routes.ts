/** Page paths in one place, so a renamed page breaks the build here and not a navigation at run time. */
export const ROUTES = {
  home: '/pages/index/index',
  orders: '/pages/orders/index',
  mine: '/pages/mine/index',
  login: '/pages/login/index',
  escortLogin: '/packages/escort/pages/login/index',
  escortWorkbench: '/packages/escort/pages/workbench/index',
  escortTask: '/packages/escort/pages/task/index',
  escortLeaves: '/packages/escort/pages/leaves/index',
  escortSchedule: '/packages/escort/pages/schedule/index',
  escortIncome: '/packages/escort/pages/income/index',
  escortSettlements: '/packages/escort/pages/settlements/index',
  escortSettlement: '/packages/escort/pages/settlement/index',
  escortIncomeDetail: '/packages/escort/pages/income-detail/index',
  booking: '/packages/booking/pages/create/index',
  orderDetail: '/packages/booking/pages/order/index',
  serviceDetail: '/packages/booking/pages/service/index',
  escortProfile: '/packages/booking/pages/escort/index',
  patients: '/packages/account/pages/patients/index',
  patientEdit: '/packages/account/pages/patient-edit/index',
  messages: '/packages/account/pages/messages/index',
  legal: '/packages/account/pages/legal/index',
  review: '/packages/feedback/pages/review/index',
  myReviews: '/packages/feedback/pages/reviews/index',
  tickets: '/packages/feedback/pages/tickets/index',
  ticketNew: '/packages/feedback/pages/ticket-new/index',
  ticket: '/packages/feedback/pages/ticket/index',
  help: '/packages/help/pages/index/index',
  helpArticle: '/packages/help/pages/article/index',
} as const

export const TAB_ROUTES: readonly string[] = [ROUTES.home, ROUTES.orders, ROUTES.mine]

export const LOGIN_ROUTE_BY_AUDIENCE = {
  customer: ROUTES.login,
  escort: ROUTES.escortLogin,
} as const

/** '/pages/login/index' and 'pages/login/index' name the same page. */
export function sameRoute(a: string | undefined, b: string | undefined): boolean {
  const norm = (s?: string) => (s ?? '').split('?')[0].replace(/^\/+/, '')
  return norm(a) === norm(b)
}

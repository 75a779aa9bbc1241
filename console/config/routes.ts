/**
 * Route tree. `access` names a function in src/access.ts: a route whose check fails is hidden from
 * the menu and renders the 403 page when visited directly.
 */
export default [
  { path: '/login', component: './login', layout: false },
  { path: '/403', component: './exception/403', layout: false },
  {
    path: '/',
    name: '首页',
    icon: 'DashboardOutlined',
    access: 'canReadDashboard',
    component: './home',
  },
  {
    path: '/orders',
    name: '订单',
    icon: 'ProfileOutlined',
    access: 'canReadOrders',
    routes: [
      { path: '/orders', redirect: '/orders/list' },
      {
        path: '/orders/list',
        name: '订单列表',
        access: 'canReadOrders',
        component: './orders/list',
      },
      {
        path: '/orders/board',
        name: '今日看板',
        access: 'canReadOrders',
        component: './orders/board',
      },
    ],
  },
  {
    path: '/finance',
    name: '财务',
    icon: 'AccountBookOutlined',
    access: 'canReadPayments',
    routes: [
      { path: '/finance', redirect: '/finance/payments' },
      {
        path: '/finance/payments',
        name: '支付记录',
        access: 'canReadPayments',
        component: './finance/payments',
      },
      {
        // Listing refunds reads payment data (payment:read); approving and requesting are buttons.
        path: '/finance/refunds',
        name: '退款管理',
        access: 'canReadPayments',
        component: './finance/refunds',
      },
      {
        // Reports read payment data (payment:read); fetching, importing and explaining need reconciliation:write.
        path: '/finance/reconciliation',
        name: '对账',
        access: 'canReadPayments',
        component: './finance/reconciliation',
      },
      {
        path: '/finance/settlements',
        name: '结算单',
        access: 'canReadSettlements',
        component: './finance/settlements',
      },
      {
        path: '/finance/settlements/:id',
        name: '结算单详情',
        hideInMenu: true,
        access: 'canReadSettlements',
        component: './finance/settlements/detail',
      },
      {
        path: '/finance/commission-rules',
        name: '分成规则',
        access: 'canReadSettlements',
        component: './finance/commission-rules',
      },
      {
        path: '/finance/daily',
        name: '财务日报',
        access: 'canReadSettlements',
        component: './finance/daily',
      },
    ],
  },
  {
    path: '/basic',
    name: '基础数据',
    icon: 'DatabaseOutlined',
    access: 'canSeeBasicData',
    routes: [
      { path: '/basic', redirect: '/basic/hospitals' },
      {
        path: '/basic/hospitals',
        name: '医院',
        access: 'canReadHospitals',
        component: './basic/hospitals',
      },
      {
        path: '/basic/hospital-notices',
        name: '公告栏',
        access: 'canReadHospitals',
        component: './basic/hospital-notices',
      },
    ],
  },
  {
    path: '/workforce',
    name: '陪诊师管理',
    icon: 'TeamOutlined',
    access: 'canSeeWorkforce',
    routes: [
      { path: '/workforce', redirect: '/workforce/escorts' },
      {
        path: '/workforce/escorts',
        name: '陪诊师档案',
        access: 'canReadEscorts',
        component: './basic/escorts',
      },
      {
        path: '/workforce/escorts/:id',
        name: '陪诊师详情',
        hideInMenu: true,
        access: 'canReadEscorts',
        component: './basic/escorts/detail',
      },
      {
        path: '/workforce/reviews',
        name: '资质审核',
        access: 'canReviewEscorts',
        component: './workforce/reviews',
      },
      {
        path: '/workforce/reviews/:id',
        name: '入驻申请审核',
        hideInMenu: true,
        access: 'canReviewEscorts',
        component: './workforce/reviews/detail',
      },
      {
        path: '/workforce/schedules',
        name: '排班',
        access: 'canReadEscorts',
        component: './workforce/schedules',
      },
      {
        path: '/workforce/leaves',
        name: '请假审批',
        access: 'canReadEscorts',
        component: './workforce/leaves',
      },
    ],
  },
  {
    path: '/dispatch',
    name: '派单调度',
    icon: 'ScheduleOutlined',
    access: 'canDispatchOrders',
    routes: [
      { path: '/dispatch', redirect: '/dispatch/pool' },
      {
        path: '/dispatch/pool',
        name: '派单池',
        access: 'canDispatchOrders',
        component: './dispatch/pool',
      },
      {
        path: '/dispatch/board',
        name: '派单日视图',
        access: 'canDispatchOrders',
        component: './dispatch/board',
      },
    ],
  },
  // Escort profiles moved from 基础数据 to 陪诊师管理.
  { path: '/basic/escorts', redirect: '/workforce/escorts' },
  {
    path: '/catalog',
    name: '服务与价格',
    icon: 'ShoppingOutlined',
    access: 'canReadCatalog',
    routes: [
      { path: '/catalog', redirect: '/catalog/service-items' },
      {
        path: '/catalog/service-items',
        name: '服务项目',
        access: 'canReadCatalog',
        component: './catalog/service-items',
      },
      {
        path: '/catalog/price-rules',
        name: '价格规则',
        access: 'canReadCatalog',
        component: './catalog/price-rules',
      },
      {
        path: '/catalog/pricing-preview',
        name: '报价预览',
        access: 'canReadCatalog',
        component: './catalog/pricing-preview',
      },
    ],
  },
  {
    path: '/quality',
    name: '服务质量',
    icon: 'CustomerServiceOutlined',
    access: 'canSeeQuality',
    routes: [
      { path: '/quality', redirect: '/quality/tickets' },
      { path: '/quality/tickets', name: '工单', access: 'canReadTickets', component: './quality/tickets' },
      { path: '/quality/reviews', name: '评价管理', access: 'canReadReviews', component: './quality/reviews' },
      { path: '/quality/performance', name: '陪诊师绩效', access: 'canReadReviews', component: './quality/performance' },
      { path: '/quality/knowledge', name: '知识库', access: 'canReadKnowledge', component: './quality/knowledge' },
      { path: '/quality/credit', name: '客户信用', access: 'canReadCredit', component: './quality/credit' },
    ],
  },
  {
    path: '/analytics',
    name: '数据分析',
    icon: 'LineChartOutlined',
    access: 'canReadAnalytics',
    routes: [
      { path: '/analytics', redirect: '/analytics/operations' },
      { path: '/analytics/operations', name: '运营看板', access: 'canReadAnalytics', component: './analytics/operations' },
      { path: '/analytics/customers', name: '客户看板', access: 'canReadAnalytics', component: './analytics/customers' },
      { path: '/analytics/finance', name: '财务看板', access: 'canReadAnalytics', component: './analytics/finance' },
      { path: '/analytics/quality', name: '服务质量', access: 'canReadAnalytics', component: './analytics/quality' },
    ],
  },
  // The catalog used to live under 基础数据; old bookmarks land on its new home.
  { path: '/basic/service-items', redirect: '/catalog/service-items' },
  {
    path: '/system',
    name: '系统管理',
    icon: 'SettingOutlined',
    access: 'canSeeSystem',
    routes: [
      { path: '/system', redirect: '/system/staff' },
      {
        path: '/system/staff',
        name: '员工账号',
        access: 'canReadStaff',
        component: './system/staff',
      },
      {
        path: '/system/audit',
        name: '审计日志',
        access: 'canReadAudit',
        component: './system/audit',
      },
      {
        path: '/system/settings',
        name: '业务设置',
        access: 'canReadSettings',
        component: './system/settings',
      },
    ],
  },
  { path: '*', component: './exception/404', layout: false },
];

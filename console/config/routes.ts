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
      {
        path: '/basic/escorts',
        name: '陪诊师',
        access: 'canReadEscorts',
        component: './basic/escorts',
      },
    ],
  },
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

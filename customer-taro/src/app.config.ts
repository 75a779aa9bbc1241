export default defineAppConfig({
  // The main package holds only the tab pages and login; everything else goes into sub-packages.
  pages: ['pages/index/index', 'pages/orders/index', 'pages/mine/index', 'pages/login/index'],
  subPackages: [
    {
      root: 'packages/escort',
      pages: [
        'pages/login/index',
        'pages/workbench/index',
        'pages/task/index',
        'pages/leaves/index',
        'pages/schedule/index',
        'pages/income/index',
        'pages/settlements/index',
        'pages/settlement/index',
        'pages/income-detail/index',
      ],
    },
    {
      root: 'packages/booking',
      pages: ['pages/create/index', 'pages/order/index', 'pages/service/index', 'pages/escort/index'],
    },
    {
      root: 'packages/account',
      pages: ['pages/patients/index', 'pages/patient-edit/index', 'pages/messages/index', 'pages/legal/index'],
    },
    {
      // 评价与反馈: the review of an order, 我的评价, 我的反馈 (tickets).
      root: 'packages/feedback',
      pages: ['pages/review/index', 'pages/reviews/index', 'pages/tickets/index', 'pages/ticket-new/index', 'pages/ticket/index'],
    },
    {
      // 帮助中心: categories, FAQ, search, articles.
      root: 'packages/help',
      pages: ['pages/index/index', 'pages/article/index'],
    },
  ],
  // Inject only the components a page uses, at start-up (WeChat's code-quality check asks for it).
  lazyCodeLoading: 'requiredComponents',
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#f5f6f7',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '陪诊服务',
    navigationBarTextStyle: 'black',
  },
  tabBar: {
    color: '#8a8f99',
    selectedColor: '#12a182',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tab-bar/home.png',
        selectedIconPath: 'assets/tab-bar/home-active.png',
      },
      {
        pagePath: 'pages/orders/index',
        text: '订单',
        iconPath: 'assets/tab-bar/orders.png',
        selectedIconPath: 'assets/tab-bar/orders-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tab-bar/mine.png',
        selectedIconPath: 'assets/tab-bar/mine-active.png',
      },
    ],
  },
})

export default definePageConfig({
  navigationBarTitleText: '陪诊师登录',
})

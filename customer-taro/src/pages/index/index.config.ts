export default definePageConfig({
  navigationBarTitleText: '陪诊服务',
})

export default definePageConfig({
  navigationBarTitleText: '陪诊师工作台',
})

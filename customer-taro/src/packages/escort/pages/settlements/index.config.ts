export default definePageConfig({ navigationBarTitleText: '我的结算单' })

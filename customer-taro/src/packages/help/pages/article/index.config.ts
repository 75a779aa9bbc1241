export default definePageConfig({ navigationBarTitleText: '帮助文章' })

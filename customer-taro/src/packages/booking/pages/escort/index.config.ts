export default definePageConfig({ navigationBarTitleText: '陪诊师主页' })

import { Button, RichText, Text, View } from '@tarojs/components'
import Taro, { useLoad, useRouter } from '@tarojs/taro'
import { useMemo, useState } from 'react'
import EmptyState from '../../../../components/empty-state'
import { useSingleFlight } from '../../../../hooks/use-single-flight'
import { formatShanghaiTime } from '../../../../logic/booking-time'
import { htmlToNodes } from '../../../../logic/rich-html'
import { messageOf } from '../../../../services/api-error'
import { customerSession } from '../../../../services/app-api'
import { helpApi, type HelpArticle } from '../../../../services/care-api'
import { showError } from '../../../../services/feedback'
import { ROUTES, sameRoute } from '../../../../services/routes'
import '../../help.scss'

/**
 * A help article. bodyHtml is the backend's safe rendering of its Markdown; it still goes through
 * htmlToNodes (only the expected tags, no attributes but safe links), and rich-text gets nodes, not
 * an HTML string, so nothing in an article can run as script in H5 or the mini-program.
 */
export default function HelpArticlePage() {
  const router = useRouter()
  const id = Number(router.params.id)
  const [article, setArticle] = useState<HelpArticle | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [myVote, setMyVote] = useState<boolean | null>(null)

  async function load() {
    setError(null)
    try {
      setArticle(await helpApi.article(id))
    } catch (err) {
      setError(messageOf(err))
    }
  }

  useLoad(() => {
    if (Number.isInteger(id) && id > 0) load()
    else setError('文章不存在')
  })

  const nodes = useMemo(
    () => (article ? htmlToNodes(article.bodyHtml, { escapeText: process.env.TARO_ENV === 'weapp' }) : []),
    [article],
  )

  const [vote, voting] = useSingleFlight(async (helpful: boolean) => {
    if (!customerSession.isLoggedIn()) {
      const { confirm } = await Taro.showModal({ title: '请先登录', content: '登录后可以告诉我们这篇文章是否有帮助', confirmText: '去登录' })
      if (confirm) Taro.navigateTo({ url: ROUTES.login })
      return
    }
    try {
      const res = await helpApi.vote(id, helpful)
      setMyVote(res.myVote)
      setArticle((a) => (a ? { ...a, helpfulCount: res.helpfulCount, notHelpfulCount: res.notHelpfulCount } : a))
    } catch (err) {
      showError(err)
    }
  })

  function backToHelp() {
    const pages = Taro.getCurrentPages()
    if (pages.length > 1 && sameRoute(pages[pages.length - 2].route, ROUTES.help)) Taro.navigateBack()
    else Taro.navigateTo({ url: ROUTES.help })
  }

  function contactSupport() {
    if (!customerSession.isLoggedIn()) Taro.navigateTo({ url: ROUTES.login })
    else Taro.navigateTo({ url: `${ROUTES.ticketNew}?type=app_problem` })
  }

  if (error) return <EmptyState title='文章加载失败' description={error} actionText='重新加载' onAction={load} />
  if (!article) {
    return (
      <View className='booking'>
        <Text className='booking__hint'>加载中…</Text>
      </View>
    )
  }

  return (
    <View className='booking help'>
      <View className='booking__card help-article'>
        <Text className='booking__title help-article-title'>{article.title}</Text>
        <Text className='booking__item-sub'>
          {`${article.categoryName ? `${article.categoryName} · ` : ''}更新于 ${formatShanghaiTime(article.updatedAt)}`}
        </Text>
        <View className='help__body help-article-body'>
          <RichText nodes={nodes} userSelect />
        </View>
      </View>

      <View className='booking__card'>
        <Text className='booking__title'>这篇文章对您有帮助吗？</Text>
        <View className='help__votes'>
          <Button className={`booking__ghost help__vote ${myVote === true ? 'help__vote--on' : ''}`} disabled={voting || undefined} onClick={() => vote(true)}>
            <Text>{article.helpfulCount ? `有帮助 (${article.helpfulCount})` : '有帮助'}</Text>
          </Button>
          <Button className={`booking__ghost help__vote ${myVote === false ? 'help__vote--on' : ''}`} disabled={voting || undefined} onClick={() => vote(false)}>
            <Text>{article.notHelpfulCount ? `没帮助 (${article.notHelpfulCount})` : '没帮助'}</Text>
          </Button>
        </View>
        {myVote !== null && <Text className='booking__hint help-vote-thanks'>{myVote ? '感谢您的反馈！' : '抱歉没能帮到您，可以联系客服获得帮助'}</Text>}
      </View>

      <View className='booking__card'>
        <View className='help__links'>
          {myVote === false && (
            <View className='help__link' onClick={contactSupport}>
              <Text>联系客服（提交反馈）</Text>
              <Text className='booking__value'>›</Text>
            </View>
          )}
          <View className='help__link' onClick={() => Taro.navigateTo({ url: ROUTES.legal })}>
            <Text>用户协议与隐私政策</Text>
            <Text className='booking__value'>›</Text>
          </View>
          <View className='help__link' onClick={backToHelp}>
            <Text>返回帮助中心</Text>
            <Text className='booking__value'>›</Text>
          </View>
        </View>
      </View>
    </View>
  )
}

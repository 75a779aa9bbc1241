import { Input, Text, View } from '@tarojs/components'
import Taro, { useLoad, useUnload } from '@tarojs/taro'
import { useRef, useState } from 'react'
import EmptyState from '../../../../components/empty-state'
import { debounce, highlight, latestGate, normalizeKeyword, SEARCH_DEBOUNCE_MS, searchView } from '../../../../logic/help-search'
import { messageOf } from '../../../../services/api-error'
import { customerSession } from '../../../../services/app-api'
import { helpApi, type HelpArticleSummary, type HelpCategory } from '../../../../services/care-api'
import { ROUTES } from '../../../../services/routes'
import '../../help.scss'

function ArticleRow(props: { article: HelpArticleSummary; keyword?: string }) {
  const { article, keyword = '' } = props
  return (
    <View className='help__article help-article-row' onClick={() => Taro.navigateTo({ url: `${ROUTES.helpArticle}?id=${article.id}` })}>
      <Text className='help__article-title'>
        {highlight(article.title, keyword).map((part, i) => (
          <Text key={i} className={part.hit ? 'help__hit' : ''}>
            {part.text}
          </Text>
        ))}
      </Text>
      {article.summary && <Text className='help__article-summary'>{article.summary}</Text>}
    </View>
  )
}

/**
 * 帮助中心: search (debounced; an older answer never replaces a newer one), 常见问题, the
 * categories and their articles, and the ways on: 联系客服 (a ticket), 我的反馈, 协议与隐私.
 */
export default function HelpCenterPage() {
  const [categories, setCategories] = useState<HelpCategory[]>([])
  const [faq, setFaq] = useState<HelpArticleSummary[] | null>(null)
  const [homeError, setHomeError] = useState<string | null>(null)
  const [category, setCategory] = useState<HelpCategory | null>(null)
  const [categoryArticles, setCategoryArticles] = useState<HelpArticleSummary[] | null>(null)
  const [input, setInput] = useState('')
  const [search, setSearch] = useState<{ keyword: string; loading: boolean; error: string | null; results: HelpArticleSummary[] | null }>({
    keyword: '',
    loading: false,
    error: null,
    results: null,
  })
  const gate = useRef(latestGate())

  async function runSearch(raw: string) {
    const keyword = normalizeKeyword(raw)
    if (!keyword) return
    const ticket = gate.current.next()
    setSearch((s) => ({ ...s, keyword, loading: true, error: null }))
    try {
      const page = await helpApi.articles({ keyword })
      if (gate.current.isLatest(ticket)) setSearch({ keyword, loading: false, error: null, results: page.list })
    } catch (err) {
      if (gate.current.isLatest(ticket)) setSearch({ keyword, loading: false, error: messageOf(err), results: null })
    }
  }

  const debounced = useRef(debounce<string>((v) => runSearch(v), SEARCH_DEBOUNCE_MS))

  async function loadHome() {
    setHomeError(null)
    try {
      const home = await helpApi.home()
      setCategories(home.categories)
      setFaq(home.faq)
    } catch (err) {
      setHomeError(messageOf(err))
    }
  }

  useLoad(() => {
    loadHome()
  })

  useUnload(() => {
    debounced.current.cancel()
  })

  function onInput(value: string) {
    setInput(value)
    if (normalizeKeyword(value)) {
      setSearch((s) => ({ ...s, loading: true, error: null }))
      debounced.current.call(value)
    } else {
      debounced.current.cancel()
      gate.current.invalidate()
      setSearch({ keyword: '', loading: false, error: null, results: null })
    }
  }

  function clear() {
    onInput('')
  }

  async function openCategory(c: HelpCategory) {
    if (category?.id === c.id) {
      setCategory(null)
      return
    }
    setCategory(c)
    setCategoryArticles(null)
    try {
      setCategoryArticles((await helpApi.articles({ categoryId: c.id })).list)
    } catch {
      setCategoryArticles([])
    }
  }

  function contactSupport() {
    if (!customerSession.isLoggedIn()) Taro.navigateTo({ url: ROUTES.login })
    else Taro.navigateTo({ url: `${ROUTES.ticketNew}?type=app_problem` })
  }

  const view = searchView(input, search)

  return (
    <View className='booking help'>
      <View className='help__search'>
        <View className='help__search-icon' />
        <Input
          className='help__search-input help-search-input'
          value={input}
          maxlength={32}
          confirmType='search'
          placeholder='搜索问题，如：挂号、退款、发票'
          onInput={(e) => onInput(e.detail.value)}
          onConfirm={() => debounced.current.flush()}
        />
        {input && (
          <Text className='help__clear' onClick={clear}>
            清除
          </Text>
        )}
      </View>

      {view === 'loading' && <Text className='booking__hint'>正在搜索…</Text>}
      {view === 'error' && <EmptyState title='搜索失败' description={search.error ?? ''} actionText='重试' onAction={() => runSearch(input)} />}
      {view === 'empty' && (
        <View className='help-no-results'>
          <EmptyState title='无结果' description={`没有找到与「${search.keyword}」相关的内容，换个词试试，或直接联系客服`} actionText='联系客服' onAction={contactSupport} />
        </View>
      )}
      {view === 'results' && (
        <View className='booking__card help-results'>
          <Text className='booking__title'>{`找到 ${search.results?.length ?? 0} 篇相关文章`}</Text>
          {(search.results ?? []).map((a) => (
            <ArticleRow key={a.id} article={a} keyword={search.keyword} />
          ))}
        </View>
      )}

      {view === 'browse' && (
        <View>
          {homeError && <EmptyState title='加载失败' description={homeError} actionText='重新加载' onAction={loadHome} />}
          {faq && faq.length > 0 && (
            <View className='booking__card help-faq'>
              <Text className='booking__title'>常见问题</Text>
              {faq.map((a) => (
                <ArticleRow key={a.id} article={a} />
              ))}
            </View>
          )}
          {categories.length > 0 && (
            <View className='booking__card'>
              <Text className='booking__title'>问题分类</Text>
              <View className='booking__tabs'>
                {categories.map((c) => (
                  <Text key={c.id} className={`booking__tab help-category ${category?.id === c.id ? 'booking__tab--active' : ''}`} onClick={() => openCategory(c)}>
                    {c.name}
                  </Text>
                ))}
              </View>
              {category && categoryArticles === null && <Text className='booking__hint'>加载中…</Text>}
              {category && categoryArticles?.length === 0 && <Text className='booking__hint'>该分类暂无文章</Text>}
              {category && (categoryArticles ?? []).map((a) => <ArticleRow key={a.id} article={a} />)}
            </View>
          )}
        </View>
      )}

      <View className='booking__card'>
        <Text className='booking__title'>没找到答案？</Text>
        <View className='help__links'>
          <View className='help__link' onClick={contactSupport}>
            <Text>联系客服（提交反馈）</Text>
            <Text className='booking__value'>›</Text>
          </View>
          <View className='help__link' onClick={() => Taro.navigateTo({ url: customerSession.isLoggedIn() ? ROUTES.tickets : ROUTES.login })}>
            <Text>我的反馈</Text>
            <Text className='booking__value'>›</Text>
          </View>
          <View className='help__link' onClick={() => Taro.navigateTo({ url: ROUTES.legal })}>
            <Text>用户协议与隐私政策</Text>
            <Text className='booking__value'>›</Text>
          </View>
        </View>
      </View>
    </View>
  )
}

import Taro from '@tarojs/taro'
import { messageOf } from './api-error'

/** Shows what went wrong as a toast: the backend's errorMessage, or a readable fallback. */
export function showError(err: unknown) {
  Taro.showToast({ title: messageOf(err), icon: 'none', duration: 2500 })
}

export function showSuccess(title: string) {
  Taro.showToast({ title, icon: 'success', duration: 1500 })
}

/** A plain hint such as a validation message. */
export function showMessage(title: string) {
  Taro.showToast({ title, icon: 'none', duration: 2000 })
}

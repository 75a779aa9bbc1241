import { App } from 'antd';
import { useState } from 'react';
import { postAdminSettingsByKey } from '@/services/generated';
import type { SettingsGroups, SettingsKey } from '@/services/models';
import { ApiError } from '@/utils/api-error';

/**
 * Saves one settings group whole. The backend validates the group against its schema and answers
 * 400 with every problem in one readable message; that message stays on the card until the next
 * save, rather than only flashing as a toast.
 */
export function useSaveSettings<K extends SettingsKey>(key: K, onSaved: (value: SettingsGroups[K]) => void) {
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const save = async (body: SettingsGroups[K]): Promise<boolean> => {
    try {
      const saved = await postAdminSettingsByKey<SettingsGroups[K]>({ key }, body as unknown as Record<string, unknown>, {
        skipErrorHandler: true,
      });
      setError(null);
      message.success('设置已保存');
      onSaved(saved);
      return true;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError(e.errorMessage);
      message.error(e.errorMessage);
      return false;
    }
  };
  return { save, error };
}

import { useEffect, useState } from 'react';
import { getAdminSettings } from '@/services/generated';
import type { WorkforceRules } from '@/services/workforce-models';

export const DEFAULT_WORKFORCE_RULES: WorkforceRules = { acceptTimeoutMinutes: 30, travelBufferMinutes: 30, expiryWarningDays: 30, lateDepartMinutes: 30 };

/** The workforce settings (expiry warning days …); staff without settings:read see the defaults. */
export function useWorkforceRules(canRead: boolean): WorkforceRules {
  const [rules, setRules] = useState(DEFAULT_WORKFORCE_RULES);
  useEffect(() => {
    if (!canRead) return;
    getAdminSettings<{ workforce?: WorkforceRules }>({ skipErrorHandler: true })
      .then((s) => s.workforce && setRules(s.workforce))
      .catch(() => undefined);
  }, [canRead]);
  return rules;
}

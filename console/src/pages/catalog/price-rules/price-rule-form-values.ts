import type { PriceRuleTypeCode } from '@/constants/enums';
import type { PriceRule, PriceRuleParams } from '@/services/models';
import { fenToYuanText, yuanTextToFen } from '@/utils/money';
import { bpToPercentText, percentTextToBp } from '../catalog-format';

/** The rule form: the amount typed as percent or yuan text, the city as 0 for all cities. */
export interface PriceRuleFormValues {
  code: string;
  name: string;
  type: PriceRuleTypeCode;
  /** 0: every city. */
  cityId: number;
  kind: 'surcharge' | 'discount';
  amountType: 'bp' | 'fen';
  /** Percent ('10', '12.5') when amountType is bp; yuan ('20', '19.90') when fen. */
  amountText: string;
  grades?: string[];
  startTime?: string;
  endTime?: string;
  withinHours?: number;
  sameCalendarDay?: boolean;
  categoryCodes?: string[];
  sortOrder?: number;
}

export const EMPTY_RULE_VALUES: Partial<PriceRuleFormValues> = {
  type: 'hospital_grade',
  cityId: 0,
  kind: 'surcharge',
  amountType: 'bp',
  grades: ['三甲'],
  startTime: '20:00',
  endTime: '07:00',
  sameCalendarDay: true,
  categoryCodes: [],
  sortOrder: 0,
};

export function ruleToFormValues(rule: PriceRule): PriceRuleFormValues {
  return {
    code: rule.code,
    name: rule.name,
    type: rule.type,
    cityId: rule.cityId ?? 0,
    kind: rule.kind,
    amountType: rule.amountType,
    amountText: rule.amountType === 'bp' ? bpToPercentText(rule.amount) : fenToYuanText(rule.amount),
    grades: rule.params.grades,
    startTime: rule.params.startTime,
    endTime: rule.params.endTime,
    withinHours: rule.params.withinHours,
    sameCalendarDay: rule.params.sameCalendarDay,
    categoryCodes: rule.categoryCodes,
    sortOrder: rule.sortOrder,
  };
}

/** Only the parameters the rule's type reads are sent; the backend refuses any other. */
export function paramsFor(type: PriceRuleTypeCode, values: Partial<PriceRuleFormValues>): PriceRuleParams {
  switch (type) {
    case 'hospital_grade':
      return { grades: values.grades ?? [] };
    case 'night':
      return { startTime: values.startTime || '20:00', endTime: values.endTime || '07:00' };
    case 'same_day': {
      const params: PriceRuleParams = { sameCalendarDay: Boolean(values.sameCalendarDay) };
      if (values.withinHours) params.withinHours = values.withinHours;
      return params;
    }
    default:
      return {};
  }
}

/** The editable part of a rule as the API takes it (PUT), from the form. */
export function formValuesToRuleFields(type: PriceRuleTypeCode, values: PriceRuleFormValues) {
  const text = values.amountText.trim();
  return {
    name: values.name.trim(),
    kind: values.kind,
    amountType: values.amountType,
    amount: values.amountType === 'bp' ? percentTextToBp(text) : yuanTextToFen(text),
    params: paramsFor(type, values),
    categoryCodes: (values.categoryCodes ?? []) as API.UpdatePriceRuleDTO['categoryCodes'],
    sortOrder: values.sortOrder ?? 0,
  };
}

/** The whole create body: the fields plus the code, type and city that identify the rule. */
export function formValuesToNewRule(values: PriceRuleFormValues) {
  return {
    ...formValuesToRuleFields(values.type, values),
    code: values.code.trim(),
    type: values.type,
    cityId: values.cityId ? values.cityId : null,
  };
}

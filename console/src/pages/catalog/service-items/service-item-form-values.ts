import type { ServiceItem } from '@/services/models';
import { fenToYuanText, yuanTextToFen } from '@/utils/money';

/** What the item form holds: the API body with the price as yuan text instead of fen. */
export interface ServiceItemFormValues {
  code: string;
  categoryCode: string;
  name: string;
  description?: string;
  includes?: string[];
  requiredQualifications?: string[];
  preparation?: string[];
  minDurationMinutes: number;
  maxDurationMinutes: number;
  defaultDurationMinutes: number;
  pricingUnit: string;
  basePriceYuan: string;
  sortOrder?: number;
}

export const EMPTY_ITEM_VALUES: Partial<ServiceItemFormValues> = {
  includes: [],
  requiredQualifications: ['basic_escort'],
  preparation: [],
  minDurationMinutes: 60,
  maxDurationMinutes: 480,
  defaultDurationMinutes: 240,
  pricingUnit: 'visit',
  sortOrder: 0,
};

export function itemToFormValues(item: ServiceItem): ServiceItemFormValues {
  return {
    code: item.code,
    categoryCode: item.categoryCode,
    name: item.name,
    description: item.description,
    includes: item.includes,
    requiredQualifications: item.requiredQualifications,
    preparation: item.preparation,
    minDurationMinutes: item.minDurationMinutes,
    maxDurationMinutes: item.maxDurationMinutes,
    defaultDurationMinutes: item.defaultDurationMinutes,
    pricingUnit: item.pricingUnit,
    basePriceYuan: fenToYuanText(item.basePriceFen),
    sortOrder: item.sortOrder,
  };
}

/** Tags are trimmed and de-duplicated; the price becomes integer fen; the code is left to the caller. */
export function formValuesToItemFields(values: ServiceItemFormValues) {
  const list = (items?: string[]) => [...new Set((items ?? []).map((s) => s.trim()).filter(Boolean))];
  return {
    categoryCode: values.categoryCode as API.UpdateServiceItemDTO['categoryCode'],
    name: values.name.trim(),
    description: (values.description ?? '').trim(),
    includes: list(values.includes),
    requiredQualifications: list(values.requiredQualifications) as API.UpdateServiceItemDTO['requiredQualifications'],
    preparation: list(values.preparation),
    minDurationMinutes: values.minDurationMinutes,
    maxDurationMinutes: values.maxDurationMinutes,
    defaultDurationMinutes: values.defaultDurationMinutes,
    pricingUnit: values.pricingUnit as API.UpdateServiceItemDTO['pricingUnit'],
    basePriceFen: yuanTextToFen(values.basePriceYuan),
    sortOrder: values.sortOrder ?? 0,
  };
}

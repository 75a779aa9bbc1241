import { DatePicker, Select, Space } from 'antd';
import dayjs from 'dayjs';
import type { AnalyticsOptions, AnalyticsQuery } from '../types';

/** City, date range, service category and hospital; hospitals follow the chosen city. */
export default function FilterBar({ options, value, onChange }: { options: AnalyticsOptions | null; value: AnalyticsQuery; onChange: (q: AnalyticsQuery) => void }) {
  const hospitals = (options?.hospitals ?? []).filter(h => !value.cityId || h.cityId === value.cityId);
  return (
    <Space wrap data-testid="analytics-filters">
      <DatePicker.RangePicker
        allowClear={false}
        value={[dayjs(value.from), dayjs(value.to)]}
        onChange={range => range?.[0] && range[1] && onChange({ ...value, from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') })}
      />
      <Select
        allowClear
        placeholder="全部城市"
        style={{ width: 140 }}
        value={value.cityId}
        onChange={cityId => onChange({ ...value, cityId, hospitalId: undefined })}
        options={(options?.cities ?? []).map(c => ({ value: c.id, label: c.name }))}
      />
      <Select
        allowClear
        placeholder="全部服务"
        style={{ width: 140 }}
        value={value.categoryCode}
        onChange={categoryCode => onChange({ ...value, categoryCode })}
        options={(options?.categories ?? []).map(c => ({ value: c.code, label: c.label }))}
      />
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        placeholder="全部医院"
        style={{ width: 220 }}
        value={value.hospitalId}
        onChange={hospitalId => onChange({ ...value, hospitalId })}
        options={hospitals.map(h => ({ value: h.id, label: h.name }))}
      />
    </Space>
  );
}

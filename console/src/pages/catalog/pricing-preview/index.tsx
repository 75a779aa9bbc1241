import {
  PageContainer,
  ProForm,
  ProFormDateTimePicker,
  ProFormDependency,
  ProFormSelect,
  ProFormSwitch,
} from '@ant-design/pro-components';
import { useAccess } from '@umijs/max';
import { Card, Col, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { cityOptions, useCities } from '@/hooks/use-reference-data';
import { getAdminServiceItems, postAdminPricingPreview } from '@/services/generated';
import type { Page, PricingPreview, ServiceItem } from '@/services/models';
import { ApiError } from '@/utils/api-error';
import { shanghaiWallClockToIso } from '@/utils/time';
import { durationOptions, HOSPITAL_GRADE_OPTIONS } from '../catalog-format';
import QuoteResult from './components/quote-result';

interface PreviewFormValues {
  serviceItemId: number;
  cityId: number;
  hospitalGrade?: string;
  /** Shanghai wall clock as the picker shows it. */
  startAt: Dayjs | string;
  durationMinutes: number;
  firstOrder?: boolean;
  member?: boolean;
}

/** The wall-clock text of the picker's value, read as Shanghai time whatever the browser's zone. */
function wallClockOf(value: Dayjs | string): string {
  return typeof value === 'string' ? value.slice(0, 16) : value.format('YYYY-MM-DD HH:mm');
}

/** Try a booking against the current prices and rules: the lines and total a customer would get now. */
export default function PricingPreviewPage() {
  const access = useAccess();
  const { data: cities } = useCities(access.canReadCities);
  const [items, setItems] = useState<ServiceItem[]>([]);
  const [preview, setPreview] = useState<PricingPreview | null>(null);
  const [form] = ProForm.useForm<PreviewFormValues>();

  useEffect(() => {
    getAdminServiceItems<Page<ServiceItem>>({ enabled: true, pageSize: 100 })
      .then((page) => setItems(page.list))
      .catch(() => setItems([]));
  }, []);

  const onFinish = async (values: PreviewFormValues) => {
    try {
      setPreview(
        await postAdminPricingPreview<PricingPreview>({
          serviceItemId: values.serviceItemId,
          cityId: values.cityId,
          hospitalGrade: values.hospitalGrade || null,
          startAt: shanghaiWallClockToIso(wallClockOf(values.startAt)),
          durationMinutes: values.durationMinutes,
          firstOrder: Boolean(values.firstOrder),
          member: Boolean(values.member),
        }),
      );
    } catch (e) {
      // SERVICE_NOT_OFFERED, DURATION_OUT_OF_RANGE … were shown by the request layer.
      if (!(e instanceof ApiError)) throw e;
      setPreview(null);
    }
    return true;
  };

  return (
    <PageContainer>
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Card title="预订条件">
            <ProForm<PreviewFormValues>
              form={form}
              name="pricingPreview"
              onFinish={onFinish}
              submitter={{ searchConfig: { submitText: '计算报价', resetText: '重置' } }}
              onValuesChange={(changed: Partial<PreviewFormValues>) => {
                if (changed.serviceItemId === undefined) return;
                const item = items.find((i) => i.id === changed.serviceItemId);
                if (item) form.setFieldsValue({ durationMinutes: item.defaultDurationMinutes });
              }}
            >
              <ProFormSelect
                name="serviceItemId"
                label="服务项目"
                showSearch
                options={items.map((i) => ({ label: `${i.name}（${i.code}）`, value: i.id }))}
                rules={[{ required: true, message: '请选择服务项目' }]}
              />
              <ProFormSelect name="cityId" label="城市" options={cityOptions(cities)} rules={[{ required: true, message: '请选择城市' }]} />
              <ProFormSelect name="hospitalGrade" label="医院等级" options={HOSPITAL_GRADE_OPTIONS} placeholder="不选表示不去医院（代办、上门）" allowClear />
              <ProFormDateTimePicker
                name="startAt"
                label="开始时间（北京时间）"
                fieldProps={{ format: 'YYYY-MM-DD HH:mm', showSecond: false, minuteStep: 30 }}
                rules={[{ required: true, message: '请选择开始时间' }]}
              />
              <ProFormDependency name={['serviceItemId']}>
                {({ serviceItemId }) => {
                  const item = items.find((i) => i.id === serviceItemId);
                  return (
                    <ProFormSelect
                      name="durationMinutes"
                      label="服务时长"
                      showSearch
                      options={item ? durationOptions(item.minDurationMinutes, item.maxDurationMinutes) : durationOptions()}
                      rules={[{ required: true, message: '请选择服务时长' }]}
                    />
                  );
                }}
              </ProFormDependency>
              <ProFormSwitch name="firstOrder" label="首单" />
              <ProFormSwitch name="member" label="会员" />
            </ProForm>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <QuoteResult preview={preview} />
        </Col>
      </Row>
    </PageContainer>
  );
}

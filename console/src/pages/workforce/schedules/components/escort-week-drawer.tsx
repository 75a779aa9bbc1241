import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { App, Alert, Button, Card, Col, DatePicker, Drawer, Form, Input, Popconfirm, Radio, Row, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { SHIFT_EXCEPTION_KIND } from '@/constants/workforce';
import {
  deleteAdminEscortsByIdShiftExceptionsByExceptionId,
  getAdminEscortsByIdSchedule,
  postAdminEscortsByIdShiftExceptions,
  putAdminEscortsByIdWeeklyShifts,
} from '@/services/generated';
import type { EscortCalendar, OrderBrief } from '@/services/workforce-models';
import { errorMessageOf } from '@/utils/api-error';
import { formatDateTime, shanghaiToday } from '@/utils/time';
import { timeOfDayOptions } from '@/pages/system/settings/settings-form';
import { addDays, linesToWeekly, mondayOf, rangesText, weeklyToLines } from '../../schedule-format';
import WeeklyLinesForm from './weekly-lines-form';

interface Props {
  escort: { id: number; name: string } | null;
  canWrite: boolean;
  onClose(): void;
  onChanged?(): void;
}

const CLOCKS = [...timeOfDayOptions(30), { label: '24:00', value: '24:00' }];

/** One escort's week: the days as worked (template + exceptions), the weekly template, and dated exceptions. */
export default function EscortWeekDrawer({ escort, canWrite, onClose, onChanged }: Props) {
  const { message } = App.useApp();
  const [monday, setMonday] = useState(() => mondayOf(shanghaiToday()));
  const [calendar, setCalendar] = useState<EscortCalendar | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [outside, setOutside] = useState<OrderBrief[]>([]);
  const [weekForm] = Form.useForm();
  const [exceptionForm] = Form.useForm();
  const kind = Form.useWatch('kind', exceptionForm);

  const load = useCallback(async () => {
    if (!escort) return;
    try {
      const c = await getAdminEscortsByIdSchedule<EscortCalendar>({ id: String(escort.id), from: monday, to: addDays(monday, 6) }, { skipErrorHandler: true });
      setCalendar(c);
      weekForm.setFieldsValue({ lines: weeklyToLines(c.weekly) });
      setError(null);
    } catch (e) {
      setError(errorMessageOf(e));
    }
  }, [escort, monday, weekForm]);

  useEffect(() => {
    setOutside([]);
    load();
  }, [load]);

  const saveWeek = async () => {
    if (!escort) return;
    const parsed = linesToWeekly(weekForm.getFieldValue('lines') ?? {});
    if (!parsed.ok) {
      message.error(parsed.problem);
      return;
    }
    try {
      const res = await putAdminEscortsByIdWeeklyShifts<{ ordersOutsideShift: OrderBrief[] }>(
        { id: String(escort.id) },
        { ranges: parsed.ranges.map(({ weekday, start, end }) => ({ weekday, start, end })) },
        { skipErrorHandler: true },
      );
      setOutside(res.ordersOutsideShift ?? []);
      message.success('每周排班已保存');
      load();
      onChanged?.();
    } catch (e) {
      message.error(errorMessageOf(e));
    }
  };

  const addException = async (v: { date: dayjs.Dayjs; kind: 'extra' | 'off'; start?: string; end?: string; note?: string }) => {
    if (!escort) return;
    try {
      await postAdminEscortsByIdShiftExceptions(
        { id: String(escort.id) },
        // The generator types these nullable clock strings as objects; the API takes 'HH:mm' or null.
        { date: v.date.format('YYYY-MM-DD'), kind: v.kind, start: (v.start ?? null) as never, end: (v.end ?? null) as never, note: v.note ?? '' },
        { skipErrorHandler: true },
      );
      message.success('排班调整已添加');
      exceptionForm.resetFields();
      load();
      onChanged?.();
    } catch (e) {
      message.error(errorMessageOf(e));
    }
  };

  const removeException = async (exceptionId: number) => {
    if (!escort) return;
    try {
      await deleteAdminEscortsByIdShiftExceptionsByExceptionId({ id: String(escort.id), exceptionId: String(exceptionId) }, { skipErrorHandler: true });
      message.success('已删除');
      load();
      onChanged?.();
    } catch (e) {
      message.error(errorMessageOf(e));
    }
  };

  const today = shanghaiToday();
  return (
    <Drawer title={escort ? `${escort.name} 的排班` : '排班'} width={980} open={escort !== null} onClose={onClose} destroyOnHidden>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Space style={{ marginBottom: 12 }}>
        <Button icon={<LeftOutlined />} onClick={() => setMonday(addDays(monday, -7))} aria-label="上一周" />
        <Typography.Text strong>
          {monday} 至 {addDays(monday, 6)}
        </Typography.Text>
        <Button icon={<RightOutlined />} onClick={() => setMonday(addDays(monday, 7))} aria-label="下一周" />
        <Button onClick={() => setMonday(mondayOf(today))}>本周</Button>
      </Space>
      <Row gutter={8} data-testid="week-calendar">
        {(calendar?.days ?? []).map((d) => (
          <Col key={d.date} flex="1 1 0" style={{ minWidth: 120 }}>
            <Card
              size="small"
              title={`${d.weekdayLabel} ${d.date.slice(5)}`}
              styles={{ header: { background: d.date === today ? '#e6f4ff' : undefined } }}
            >
              <div style={{ minHeight: 48, color: d.ranges.length ? '#389e0d' : '#8c8c8c' }}>{rangesText(d.ranges)}</div>
              <Space direction="vertical" size={2}>
                {d.exceptions.map((x) => (
                  <Space key={x.id} size={2}>
                    <Tag color={SHIFT_EXCEPTION_KIND[x.kind].color}>
                      {x.kindLabel} {x.wholeDay ? '全天' : `${x.start}–${x.end}`}
                    </Tag>
                    {canWrite && (
                      <Popconfirm title="删除这条排班调整？" onConfirm={() => removeException(x.id)}>
                        <a>删除</a>
                      </Popconfirm>
                    )}
                  </Space>
                ))}
              </Space>
            </Card>
          </Col>
        ))}
      </Row>
      {outside.length > 0 && (
        <Alert
          style={{ marginTop: 12 }}
          type="warning"
          showIcon
          message={`新排班外有 ${outside.length} 个已派订单，请核对是否需要改派`}
          description={outside.map((o) => `${o.orderNo}（${formatDateTime(o.startAt, 'MM-DD HH:mm')}）`).join('、')}
        />
      )}
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col xs={24} md={12}>
          <Card size="small" title="每周排班（整周替换）">
            <Form form={weekForm} labelCol={{ flex: '48px' }} disabled={!canWrite}>
              <WeeklyLinesForm disabled={!canWrite} />
              {canWrite && (
                <Button type="primary" onClick={saveWeek}>
                  保存每周排班
                </Button>
              )}
            </Form>
          </Card>
        </Col>
        {canWrite && (
          <Col xs={24} md={12}>
            <Card size="small" title="添加排班调整（加班 / 休息）">
              <Form form={exceptionForm} layout="vertical" onFinish={addException} initialValues={{ kind: 'off' }}>
                <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
                  <DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') < today} />
                </Form.Item>
                <Form.Item name="kind" label="类型">
                  <Radio.Group options={[{ label: '休息', value: 'off' }, { label: '加班', value: 'extra' }]} optionType="button" />
                </Form.Item>
                <Space>
                  <Form.Item name="start" label="开始" rules={kind === 'extra' ? [{ required: true, message: '加班需填时间' }] : []}>
                    <Select style={{ width: 110 }} options={CLOCKS} allowClear placeholder={kind === 'off' ? '全天' : '开始'} />
                  </Form.Item>
                  <Form.Item name="end" label="结束" rules={kind === 'extra' ? [{ required: true, message: '加班需填时间' }] : []}>
                    <Select style={{ width: 110 }} options={CLOCKS} allowClear placeholder={kind === 'off' ? '全天' : '结束'} />
                  </Form.Item>
                </Space>
                <Form.Item name="note" label="备注">
                  <Input maxLength={255} />
                </Form.Item>
                <Typography.Paragraph type="secondary">休息时段内若已有订单会被拒绝，请先改派或走请假审批。</Typography.Paragraph>
                <Button htmlType="submit">添加</Button>
              </Form>
            </Card>
          </Col>
        )}
      </Row>
    </Drawer>
  );
}

/**
 * The read-only parts of an order's detail: basic facts, status timeline, price lines, patient
 * (masked), errand, reschedules, extra charges and staff notes.
 */
import { Alert, Descriptions, Empty, List, Space, Table, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { ACTOR_TYPE, GENDER, enumLabel } from '@/constants/enums';
import { EXTRA_CHARGE_STATUS, ORDER_LOG_ACTION_LABEL, PATIENT_RELATION, RESCHEDULE_STATUS } from '@/constants/orders';
import type { EnumEntry } from '@/constants/enums';
import type { ErrandDetails, OrderDetail, OrderPatientMasked, OrderTimelineEntry, PriceLine } from '@/services/models';
import { formatFen } from '@/utils/money';
import { formatDateTime } from '@/utils/time';
import { priceBreakdown } from '../price-lines';
import OrderStatusTag from './order-status-tag';

const { Title, Text } = Typography;

function EnumTag({ map, code }: { map: Record<string, EnumEntry>; code: string }) {
  return <Tag color={map[code]?.color}>{enumLabel(map, code)}</Tag>;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section style={{ marginTop: 24 }}>
      <Title level={5}>{title}</Title>
      {children}
    </section>
  );
}

/** `2026-11-24 09:00–11:00`, or both dates when the service runs past midnight. */
export function serviceTimeRange(startAt: string, endAt: string): string {
  const start = formatDateTime(startAt, 'YYYY-MM-DD HH:mm');
  const sameDay = formatDateTime(startAt, 'YYYY-MM-DD') === formatDateTime(endAt, 'YYYY-MM-DD');
  return `${start}–${formatDateTime(endAt, sameDay ? 'HH:mm' : 'YYYY-MM-DD HH:mm')}`;
}

/** 医院 / 科室, or the service address for home care, or where an errand picks up and delivers. */
export function placeOf(order: Pick<OrderDetail, 'hospitalName' | 'departmentName' | 'serviceAddress' | 'errand'>): string {
  if (order.hospitalName) return [order.hospitalName, order.departmentName].filter(Boolean).join(' / ');
  if (order.serviceAddress) return order.serviceAddress;
  const errandPlaces = [order.errand?.pickupAddress, order.errand?.deliveryAddress].filter(Boolean);
  return errandPlaces.length ? errandPlaces.join(' → ') : '-';
}

/** Orders that still wait for an escort; a cancelled order without one is not "未派单". */
const AWAITING_ESCORT: readonly string[] = ['pending_payment', 'pending_dispatch'];

/** The escort's name, 未派单 while one is still to be found, else a dash. */
export function EscortName({ order }: { order: Pick<OrderDetail, 'escortId' | 'escortName' | 'status'> }) {
  if (order.escortId) return <>{order.escortName || `#${order.escortId}`}</>;
  return AWAITING_ESCORT.includes(order.status) ? <Tag color="orange">未派单</Tag> : <>-</>;
}

export function OrderBasics({ order }: { order: OrderDetail }) {
  return (
    <Descriptions size="small" bordered column={2}>
      <Descriptions.Item label="服务">{order.serviceName}</Descriptions.Item>
      <Descriptions.Item label="金额">{formatFen(order.totalFen)}</Descriptions.Item>
      <Descriptions.Item label="服务时间" span={2}>
        {serviceTimeRange(order.startAt, order.endAt)}（{order.durationMinutes} 分钟）
      </Descriptions.Item>
      <Descriptions.Item label="医院/科室" span={2}>
        {order.hospitalName ? placeOf(order) : '-'}
      </Descriptions.Item>
      {Boolean(order.serviceAddress) && (
        <Descriptions.Item label="服务地址" span={2}>
          {order.serviceAddress}
        </Descriptions.Item>
      )}
      <Descriptions.Item label="陪诊师">
        <EscortName order={order} />
      </Descriptions.Item>
      <Descriptions.Item label="客户手机">{order.customerPhoneMasked || '-'}</Descriptions.Item>
      <Descriptions.Item label="下单时间">{formatDateTime(order.createdAt, 'YYYY-MM-DD HH:mm')}</Descriptions.Item>
      {order.status === 'pending_payment' ? (
        <Descriptions.Item label="支付截止">{formatDateTime(order.paymentDeadlineAt, 'YYYY-MM-DD HH:mm')}</Descriptions.Item>
      ) : (
        <Descriptions.Item label="已支付">{formatFen(order.paidFen)}</Descriptions.Item>
      )}
      {Boolean(order.customerNote) && (
        <Descriptions.Item label="客户备注" span={2}>
          {order.customerNote}
        </Descriptions.Item>
      )}
      {Boolean(order.cancelReason) && (
        <Descriptions.Item label="取消原因" span={2}>
          {order.cancelReason}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

export function OrderTimeline({ entries }: { entries: OrderTimelineEntry[] }) {
  if (entries.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无记录" />;
  return (
    <Timeline
      items={entries.map((entry, index) => ({
        key: `${entry.at}-${index}`,
        color: index === entries.length - 1 ? 'blue' : 'gray',
        children: (
          <div>
            <Space size={8} wrap>
              <Text strong>{ORDER_LOG_ACTION_LABEL[entry.action] ?? entry.toStatusLabel ?? entry.action}</Text>
              <OrderStatusTag status={entry.toStatus} />
            </Space>
            <div>
              <Text type="secondary">
                {enumLabel(ACTOR_TYPE, entry.actorType)} {entry.actorName} · {formatDateTime(entry.at)}
              </Text>
            </div>
            {Boolean(entry.reason) && <div>{entry.reason}</div>}
          </div>
        ),
      }))}
    />
  );
}

const PRICE_KIND: Record<PriceLine['kind'], string> = { base: '基础', surcharge: '加价', discount: '优惠' };

export function PriceLines({ order }: { order: Pick<OrderDetail, 'priceLines' | 'totalFen' | 'paidFen' | 'penaltyFen' | 'refundDueFen'> }) {
  const breakdown = priceBreakdown(order.priceLines, order.totalFen);
  return (
    <>
      <Table<PriceLine>
        size="small"
        rowKey={(line) => `${line.kind}-${line.code}`}
        pagination={false}
        dataSource={order.priceLines}
        columns={[
          {
            title: '项目',
            dataIndex: 'label',
            render: (_, line) => (
              <Space size={4}>
                {line.label}
                {line.kind !== 'base' && <Tag color={line.kind === 'discount' ? 'green' : 'orange'}>{PRICE_KIND[line.kind]}</Tag>}
              </Space>
            ),
          },
          { title: '说明', dataIndex: 'detail' },
          {
            title: '金额',
            dataIndex: 'amountFen',
            align: 'right',
            render: (_, line) => <Text type={line.amountFen < 0 ? 'success' : undefined}>{formatFen(line.amountFen)}</Text>,
          },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={2}>
              <Text strong>合计</Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <Text strong data-testid="price-total">
                {formatFen(breakdown.totalFen)}
              </Text>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      {!breakdown.consistent && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          message={`明细合计 ${formatFen(breakdown.sumFen)} 与订单金额 ${formatFen(breakdown.totalFen)} 不一致`}
        />
      )}
      {(order.penaltyFen > 0 || order.refundDueFen > 0) && (
        <Descriptions size="small" column={3} style={{ marginTop: 8 }}>
          <Descriptions.Item label="已支付">{formatFen(order.paidFen)}</Descriptions.Item>
          <Descriptions.Item label="违约金">{formatFen(order.penaltyFen)}</Descriptions.Item>
          <Descriptions.Item label="应退">{formatFen(order.refundDueFen)}</Descriptions.Item>
        </Descriptions>
      )}
    </>
  );
}

export function PatientCard({ patient }: { patient: OrderPatientMasked | null }) {
  if (!patient) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无就诊人（代办类订单）" />;
  return (
    <Descriptions size="small" bordered column={2}>
      <Descriptions.Item label="姓名">{patient.name}</Descriptions.Item>
      <Descriptions.Item label="关系">
        <EnumTag map={PATIENT_RELATION} code={patient.relation} />
      </Descriptions.Item>
      <Descriptions.Item label="性别">{enumLabel(GENDER, patient.gender)}</Descriptions.Item>
      <Descriptions.Item label="年龄">{patient.age === null ? '-' : `${patient.age} 岁`}</Descriptions.Item>
      <Descriptions.Item label="手机">{patient.phoneMasked || '-'}</Descriptions.Item>
      <Descriptions.Item label="身份证">{patient.idCardMasked || '-'}</Descriptions.Item>
      <Descriptions.Item label="健康备注" span={2}>
        {patient.hasHealthNotes ? '有（仅派单的陪诊师在服务期间可见）' : '无'}
      </Descriptions.Item>
    </Descriptions>
  );
}

export function ErrandCard({ errand }: { errand: ErrandDetails }) {
  return (
    <Descriptions size="small" bordered column={1}>
      <Descriptions.Item label="代办事项">
        <ol style={{ margin: 0, paddingInlineStart: 20 }}>
          {errand.tasks.map((task, i) => (
            <li key={i}>{task}</li>
          ))}
        </ol>
      </Descriptions.Item>
      {Boolean(errand.requirements) && <Descriptions.Item label="要求">{errand.requirements}</Descriptions.Item>}
      {errand.materials.length > 0 && <Descriptions.Item label="材料">{errand.materials.join('、')}</Descriptions.Item>}
      {Boolean(errand.pickupAddress) && <Descriptions.Item label="取件地址">{errand.pickupAddress}</Descriptions.Item>}
      {Boolean(errand.deliveryAddress) && <Descriptions.Item label="送达地址">{errand.deliveryAddress}</Descriptions.Item>}
    </Descriptions>
  );
}

/** Everything below the header and the action buttons. */
export default function OrderDetailSections({ order }: { order: OrderDetail }) {
  return (
    <>
      <OrderBasics order={order} />
      <Section title="状态时间线">
        <OrderTimeline entries={order.timeline} />
      </Section>
      <Section title="价格明细">
        <PriceLines order={order} />
      </Section>
      <Section title="就诊人">
        <PatientCard patient={order.patient} />
      </Section>
      {order.errand && (
        <Section title="代办详情">
          <ErrandCard errand={order.errand} />
        </Section>
      )}
      {order.reschedules.length > 0 && (
        <Section title="改约记录">
          <List
            size="small"
            dataSource={order.reschedules}
            renderItem={(r) => (
              <List.Item key={r.id}>
                <Space direction="vertical" size={0}>
                  <Space wrap>
                    <span>
                      {formatDateTime(r.fromStartAt, 'MM-DD HH:mm')} → {formatDateTime(r.toStartAt, 'MM-DD HH:mm')}
                    </span>
                    <EnumTag map={RESCHEDULE_STATUS} code={r.status} />
                  </Space>
                  <Text type="secondary">
                    {enumLabel(ACTOR_TYPE, r.requestedByType)}发起 · {formatDateTime(r.createdAt, 'YYYY-MM-DD HH:mm')}
                    {r.reason ? ` · ${r.reason}` : ''}
                  </Text>
                </Space>
              </List.Item>
            )}
          />
        </Section>
      )}
      {order.extraCharges.length > 0 && (
        <Section title="代垫费用">
          <List
            size="small"
            dataSource={order.extraCharges}
            renderItem={(c) => (
              <List.Item
                key={c.id}
                extra={c.receiptUrl ? <a href={c.receiptUrl} target="_blank" rel="noreferrer">票据</a> : undefined}
              >
                <Space wrap>
                  <span>{c.description}</span>
                  <Text strong>{formatFen(c.amountFen)}</Text>
                  <EnumTag map={EXTRA_CHARGE_STATUS} code={c.status} />
                  <Text type="secondary">{formatDateTime(c.createdAt, 'MM-DD HH:mm')}</Text>
                </Space>
              </List.Item>
            )}
          />
        </Section>
      )}
      <Section title="员工备注">
        {order.notes.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无备注" />
        ) : (
          <List
            size="small"
            dataSource={order.notes}
            renderItem={(n) => (
              <List.Item key={n.id}>
                <List.Item.Meta
                  title={
                    <Space>
                      {n.authorName}
                      <Text type="secondary">{formatDateTime(n.createdAt, 'YYYY-MM-DD HH:mm')}</Text>
                    </Space>
                  }
                  description={<span style={{ whiteSpace: 'pre-wrap' }}>{n.content}</span>}
                />
              </List.Item>
            )}
          />
        )}
      </Section>
    </>
  );
}

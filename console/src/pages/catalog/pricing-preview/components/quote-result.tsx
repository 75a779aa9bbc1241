import { Card, Descriptions, Empty, Table, Tag, Typography } from 'antd';
import { PRICE_RULE_KIND, PRICING_UNIT, enumLabel } from '@/constants/enums';
import type { PriceLine, PricingPreview } from '@/services/models';
import { formatFen } from '@/utils/money';
import { formatDateTime } from '@/utils/time';

const LINE_KIND: Record<PriceLine['kind'], { label: string; color: string }> = {
  base: { label: '服务费', color: 'blue' },
  surcharge: { label: PRICE_RULE_KIND.surcharge.label, color: PRICE_RULE_KIND.surcharge.color },
  discount: { label: PRICE_RULE_KIND.discount.label, color: PRICE_RULE_KIND.discount.color },
};

/** The quote as the customer would be charged: one row per line, then the total. */
export default function QuoteResult({ preview }: { preview: PricingPreview | null }) {
  if (!preview) {
    return (
      <Card title="报价结果">
        <Empty description="选择服务、城市和时间后点击“计算报价”" />
      </Card>
    );
  }
  const { item, quote } = preview;
  return (
    <Card title="报价结果">
      <Descriptions size="small" column={1} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="服务">{item.name}</Descriptions.Item>
        <Descriptions.Item label="城市单价">
          {formatFen(item.unitPriceFen)} / {enumLabel(PRICING_UNIT, item.pricingUnit)}
        </Descriptions.Item>
        <Descriptions.Item label="服务时间">
          {formatDateTime(preview.startAt, 'YYYY-MM-DD HH:mm')} – {formatDateTime(preview.endAt, 'MM-DD HH:mm')}（北京时间）
        </Descriptions.Item>
        <Descriptions.Item label="计费数量">
          {quote.units} {enumLabel(PRICING_UNIT, item.pricingUnit)}
        </Descriptions.Item>
      </Descriptions>
      <Table<PriceLine>
        rowKey={(l) => `${l.kind}:${l.code}`}
        dataSource={quote.lines}
        pagination={false}
        size="small"
        columns={[
          { title: '类型', width: 80, render: (_, l) => <Tag color={LINE_KIND[l.kind].color}>{LINE_KIND[l.kind].label}</Tag> },
          { title: '项目', dataIndex: 'label' },
          { title: '计算方式', dataIndex: 'detail', render: (d: string) => <Typography.Text type="secondary">{d}</Typography.Text> },
          {
            title: '金额',
            align: 'right',
            width: 120,
            render: (_, l) => (
              <Typography.Text type={l.amountFen < 0 ? 'success' : undefined}>{formatFen(l.amountFen)}</Typography.Text>
            ),
          },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={3}>
              <Typography.Text strong>合计</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <Typography.Text strong data-testid="quote-total">
                {formatFen(quote.totalFen)}
              </Typography.Text>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </Card>
  );
}

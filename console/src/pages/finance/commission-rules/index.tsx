import { ModalForm, PageContainer, ProFormDateTimePicker, ProFormText } from '@ant-design/pro-components';
import { useAccess } from '@umijs/max';
import { Alert, App, Button, Card, InputNumber, Popconfirm, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { ESCORT_LEVEL, SERVICE_CATEGORY } from '@/constants/enums';
import { COMMISSION_STATE } from '@/constants/settlement';
import { getAdminCommissionRules, postAdminCommissionRules, postAdminCommissionRulesByIdWithdraw } from '@/services/generated';
import { formatDateTime, shanghaiWallClockToUtc } from '@/utils/time';
import EnumTag from '../components/enum-tag';
import { cellsToGrid, gridProblems, gridToCells, type CommissionGrid } from '../settlement-logic';
import { useLoad } from '../use-load';

const LEVELS = Object.keys(ESCORT_LEVEL);
const LEVEL_LABELS = Object.fromEntries(Object.entries(ESCORT_LEVEL).map(([k, v]) => [k, v.label]));
const COLUMNS = [{ code: '*', label: '默认（其他类别）' }, ...Object.entries(SERVICE_CATEGORY).map(([code, e]) => ({ code, label: e.label }))];

const pct = (bp?: number) => (bp === undefined || bp === null ? '' : `${bp / 100}%`);

/** The grid as a read-only table: levels down, categories across; empty = the level's default. */
function GridTable({ grid, onChange }: { grid: CommissionGrid; onChange?: (grid: CommissionGrid) => void }) {
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="level"
      scroll={{ x: 1000 }}
      dataSource={LEVELS.map((level) => ({ level }))}
      columns={[
        { title: '等级 \\ 类别', dataIndex: 'level', width: 100, fixed: 'left', render: (level: string) => LEVEL_LABELS[level] },
        ...COLUMNS.map((c) => ({
          title: c.label,
          key: c.code,
          width: 120,
          render: (_: unknown, row: { level: string }) => {
            const bp = grid[row.level]?.[c.code];
            if (!onChange) return bp === undefined ? <Typography.Text type="secondary">同默认</Typography.Text> : pct(bp);
            return (
              <InputNumber
                aria-label={`${LEVEL_LABELS[row.level]} ${c.label}`}
                min={0}
                max={100}
                precision={2}
                addonAfter="%"
                value={bp === undefined ? null : bp / 100}
                placeholder={c.code === '*' ? '必填' : '同默认'}
                onChange={(v) => onChange({ ...grid, [row.level]: { ...grid[row.level], [c.code]: v === null ? undefined : Math.round(Number(v) * 100) } })}
              />
            );
          },
        })),
      ]}
    />
  );
}

/**
 * 分成规则: the escort's share by level × service category in dated versions. A new version starts
 * now or later and applies to orders completed from then on; completed orders keep their split.
 */
export default function CommissionRulesPage() {
  const access = useAccess();
  const { message } = App.useApp();
  const { data: versions, refresh } = useLoad(() => getAdminCommissionRules(), []);
  const current = versions?.find((v) => v.state === 'in_force');
  const [grid, setGrid] = useState<CommissionGrid>({});
  const problems = gridProblems(grid, LEVEL_LABELS);

  return (
    <PageContainer
      extra={
        access.canWriteCommission && (
          <ModalForm<{ effectiveFrom?: string; note?: string }>
            title="新增分成规则版本"
            width={1100}
            trigger={<Button type="primary">新增版本</Button>}
            modalProps={{ destroyOnClose: true }}
            onOpenChange={(open) => open && setGrid(cellsToGrid((current?.cells ?? []) as never, LEVELS))}
            onFinish={async (values) => {
              if (problems.length) {
                message.error(problems[0]);
                return false;
              }
              await postAdminCommissionRules({
                effectiveFrom: values.effectiveFrom ? shanghaiWallClockToUtc(values.effectiveFrom) : new Date().toISOString(),
                note: values.note ?? '',
                cells: gridToCells(grid),
              } as API.CreateCommissionVersionDTO);
              message.success('已保存；生效后完成的订单按新规则分成');
              refresh();
              return true;
            }}
          >
            <Alert type="info" showIcon style={{ marginBottom: 16 }} message="陪诊师分成按订单完成时生效的版本计算，平台得其余部分；已完成订单不受影响。类别留空则按该等级的默认分成。" />
            <Space size="large">
              <ProFormDateTimePicker name="effectiveFrom" label="生效时间（北京时间，留空为立即）" />
              <ProFormText name="note" label="说明" width="lg" />
            </Space>
            <GridTable grid={grid} onChange={setGrid} />
          </ModalForm>
        )
      }
    >
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        {(versions ?? []).map((v) => (
          <Card
            key={v.id}
            size="small"
            title={
              <Space>
                <EnumTag map={COMMISSION_STATE} code={v.state ?? ''} />
                <span>{v.id === 0 ? '系统默认' : `自 ${formatDateTime(v.effectiveFrom)} 起`}</span>
                <Typography.Text type="secondary">{v.note}</Typography.Text>
              </Space>
            }
            extra={
              v.state === 'scheduled' &&
              access.canWriteCommission && (
                <Popconfirm title="撤回这个尚未生效的版本？" onConfirm={async () => { await postAdminCommissionRulesByIdWithdraw({ id: String(v.id) }); refresh(); }}>
                  <Button size="small" danger>
                    撤回
                  </Button>
                </Popconfirm>
              )
            }
          >
            <GridTable grid={cellsToGrid((v.cells ?? []) as never, LEVELS)} />
          </Card>
        ))}
      </Space>
    </PageContainer>
  );
}

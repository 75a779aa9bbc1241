import type { ProColumns } from '@ant-design/pro-components';
import { PageContainer, ProTable } from '@ant-design/pro-components';
import { Card, Segmented, Table } from 'antd';
import { useEffect, useState } from 'react';
import { getAdminQualityEscortPerformance, getAdminQualityHospitalRatings } from '@/services/generated';
import { average, percent } from '../quality-format';

type Row = API.EscortPerformanceRow;

/** Escort performance ranking: the basis for rewards and retraining, each part of the score shown. */
export default function PerformancePage() {
  const [days, setDays] = useState<number>(90);
  const [hospitals, setHospitals] = useState<API.HospitalRatingRow[]>([]);

  useEffect(() => {
    getAdminQualityHospitalRatings().then((rows) => setHospitals((rows as API.HospitalRatingRow[]) ?? []), () => undefined);
  }, []);

  const columns: ProColumns<Row>[] = [
    { title: '排名', dataIndex: 'rank', width: 60 },
    { title: '陪诊师', dataIndex: 'escortName', width: 100 },
    { title: '综合分', dataIndex: 'score', width: 80, sorter: (a, b) => (a.score ?? 0) - (b.score ?? 0) },
    { title: '累计服务', dataIndex: 'ordersServed', width: 90, sorter: (a, b) => (a.ordersServed ?? 0) - (b.ordersServed ?? 0) },
    { title: '期内完成', dataIndex: 'completedInPeriod', width: 90 },
    { title: '评价数', dataIndex: 'reviewCount', width: 80 },
    { title: '总体', dataIndex: 'overall', width: 70, render: (_, r) => average(r.overall) },
    { title: '态度', dataIndex: 'attitude', width: 70, render: (_, r) => average(r.attitude) },
    { title: '专业', dataIndex: 'professionalism', width: 70, render: (_, r) => average(r.professionalism) },
    { title: '沟通', dataIndex: 'communication', width: 70, render: (_, r) => average(r.communication) },
    { title: '守时', dataIndex: 'punctuality', width: 70, render: (_, r) => average(r.punctuality) },
    { title: '好评率', dataIndex: 'goodRate', width: 80, render: (_, r) => percent(r.goodRate) },
    { title: '差评率', dataIndex: 'badRate', width: 80, render: (_, r) => percent(r.badRate) },
    { title: '投诉', dataIndex: 'complaints', width: 70, sorter: (a, b) => (a.complaints ?? 0) - (b.complaints ?? 0) },
    { title: '迟到', dataIndex: 'late', width: 70 },
    { title: '拒单', dataIndex: 'declined', width: 70 },
  ];

  return (
    <PageContainer>
      <ProTable<Row>
        headerTitle="陪诊师绩效排行"
        rowKey="escortId"
        search={false}
        columns={columns}
        params={{ days }}
        scroll={{ x: 1300 }}
        pagination={{ defaultPageSize: 20 }}
        toolBarRender={() => [
          <Segmented
            key="days"
            value={days}
            onChange={(v) => setDays(Number(v))}
            options={[
              { label: '近 30 天', value: 30 },
              { label: '近 90 天', value: 90 },
              { label: '近一年', value: 365 },
            ]}
          />,
        ]}
        request={async (params) => {
          const rows = ((await getAdminQualityEscortPerformance({ days: params.days })) as Row[]) ?? [];
          return { data: rows, total: rows.length, success: true };
        }}
      />
      <Card title="医院评价" style={{ marginTop: 16 }}>
        <Table<API.HospitalRatingRow>
          rowKey="hospitalId"
          size="small"
          pagination={false}
          dataSource={hospitals}
          columns={[
            { title: '医院', dataIndex: 'hospitalName' },
            { title: '评价数', dataIndex: 'reviewCount', width: 90 },
            { title: '整洁', dataIndex: 'cleanliness', width: 90, render: (v) => average(v) },
            { title: '医护态度', dataIndex: 'staffAttitude', width: 90, render: (v) => average(v) },
            { title: '指引', dataIndex: 'signage', width: 90, render: (v) => average(v) },
            { title: '好评率', dataIndex: 'goodRate', width: 90, render: (v) => percent(v) },
          ]}
        />
      </Card>
    </PageContainer>
  );
}

import { Button, Input, Modal, Space, Switch, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import {
  getAdminServiceItemsById,
  postAdminServiceItemsByIdCityPricesByCityIdDisable,
  postAdminServiceItemsByIdCityPricesByCityIdEnable,
  putAdminServiceItemsByIdCityPricesByCityId,
} from '@/services/generated';
import type { City, CityPrice, ServiceItem } from '@/services/models';
import { ApiError } from '@/utils/api-error';
import { fenToYuanText, formatFen, YUAN_INPUT_PATTERN, yuanTextToFen } from '@/utils/money';

interface Props {
  item: ServiceItem | null;
  /** The cities the staff member may price (their scope). */
  cities: City[];
  canWrite: boolean;
  onClose(): void;
  /** Called after any change so the list behind can refresh. */
  onChanged(): void;
}

interface Row {
  city: City;
  price: CityPrice | undefined;
}

/** One row per city: the price there, a field to change it, and whether it is sold there. */
export default function CityPricesModal({ item, cities, canWrite, onClose, onChanged }: Props) {
  const [current, setCurrent] = useState<ServiceItem | null>(item);
  const [drafts, setDrafts] = useState<Record<number, string>>({});
  const [busy, setBusy] = useState<number | null>(null);

  useEffect(() => {
    setCurrent(item);
    setDrafts({});
  }, [item]);

  if (!item || !current) return null;

  const rows: Row[] = cities.map((city) => ({ city, price: current.cityPrices.find((p) => p.cityId === city.id) }));
  const draftOf = (row: Row) => drafts[row.city.id] ?? fenToYuanText(row.price?.unitPriceFen ?? current.basePriceFen);
  const draftValid = (row: Row) => YUAN_INPUT_PATTERN.test(draftOf(row).trim());

  const run = async (cityId: number, action: () => Promise<unknown>) => {
    setBusy(cityId);
    try {
      await action();
      setCurrent(await getAdminServiceItemsById<ServiceItem>({ id: String(item.id) }));
      setDrafts((d) => {
        const { [cityId]: _done, ...rest } = d;
        return rest;
      });
      onChanged();
    } catch (e) {
      // The request layer already showed the backend's message.
      if (!(e instanceof ApiError)) throw e;
    } finally {
      setBusy(null);
    }
  };

  const save = (row: Row) =>
    run(row.city.id, () =>
      putAdminServiceItemsByIdCityPricesByCityId(
        { id: String(item.id), cityId: String(row.city.id) },
        { unitPriceFen: yuanTextToFen(draftOf(row)) },
      ),
    );

  const toggle = (row: Row, enabled: boolean) =>
    run(row.city.id, () => {
      const params = { id: String(item.id), cityId: String(row.city.id) };
      return enabled
        ? postAdminServiceItemsByIdCityPricesByCityIdEnable(params)
        : postAdminServiceItemsByIdCityPricesByCityIdDisable(params);
    });

  return (
    <Modal open title={`城市价格：${current.name}`} onCancel={onClose} footer={null} width={640} destroyOnHidden>
      <Typography.Paragraph type="secondary">
        只有设置了价格且在售的城市，客户才能预订此项目。默认单价 {formatFen(current.basePriceFen)} / {current.unitLabel}。
      </Typography.Paragraph>
      <Table<Row>
        rowKey={(r) => r.city.id}
        dataSource={rows}
        pagination={false}
        size="small"
        columns={[
          { title: '城市', render: (_, r) => r.city.name, width: 90 },
          {
            title: '当前售价',
            width: 130,
            render: (_, r) => (r.price ? `${formatFen(r.price.unitPriceFen)} / ${current.unitLabel}` : <Typography.Text type="secondary">未开通</Typography.Text>),
          },
          {
            title: '新单价（元）',
            render: (_, r) =>
              canWrite ? (
                <Space>
                  <Input
                    aria-label={`${r.city.name}单价`}
                    style={{ width: 120 }}
                    value={draftOf(r)}
                    status={draftValid(r) ? undefined : 'error'}
                    onChange={(e) => setDrafts((d) => ({ ...d, [r.city.id]: e.target.value }))}
                  />
                  <Button size="small" type="primary" disabled={!draftValid(r)} loading={busy === r.city.id} onClick={() => save(r)}>
                    {r.price ? '保存' : '开通'}
                  </Button>
                </Space>
              ) : (
                '-'
              ),
          },
          {
            title: '在售',
            width: 80,
            render: (_, r) =>
              r.price ? (
                <Switch
                  aria-label={`${r.city.name}在售`}
                  checked={r.price.enabled}
                  disabled={!canWrite || busy === r.city.id}
                  onChange={(checked) => toggle(r, checked)}
                />
              ) : (
                '-'
              ),
          },
        ]}
      />
    </Modal>
  );
}

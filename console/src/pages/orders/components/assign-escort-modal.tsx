import { ModalForm, ProFormDigit, ProFormSelect } from '@ant-design/pro-components';
import { Alert } from 'antd';
import { ESCORT_LEVEL, ESCORT_STATUS, enumLabel } from '@/constants/enums';
import { getAdminEscorts, postAdminOrdersByIdAssign } from '@/services/generated';
import type { Escort, OrderDetail, Page } from '@/services/models';
import { ApiError } from '@/utils/api-error';

interface Props {
  order: OrderDetail;
  open: boolean;
  /** Without escort:read the escort list cannot be loaded: the dispatcher types the ID instead. */
  canListEscorts: boolean;
  onOpenChange(open: boolean): void;
  onDone(message: string): void;
}

/** Escorts of the order's city as select options; inactive ones and the current escort cannot be picked. */
export function escortOptions(escorts: Escort[], currentEscortId: number | null) {
  return escorts.map((e) => {
    const notes = [enumLabel(ESCORT_LEVEL, e.level), e.phoneMasked];
    if (e.status !== 'active') notes.push(enumLabel(ESCORT_STATUS, e.status));
    if (e.id === currentEscortId) notes.push('当前陪诊师');
    return {
      label: `${e.name}（${notes.filter(Boolean).join('，')}）`,
      value: e.id,
      disabled: e.status !== 'active' || e.id === currentEscortId,
    };
  });
}

export default function AssignEscortModal({ order, open, canListEscorts, onOpenChange, onDone }: Props) {
  const reassign = order.escortId !== null && order.status !== 'pending_dispatch';
  return (
    <ModalForm<{ escortId: number }>
      name="assignEscortForm"
      title={`${reassign ? '改派' : '派单'} ${order.orderNo}`}
      submitter={{ searchConfig: { submitText: reassign ? '确认改派' : '确认派单', resetText: '返回' } }}
      open={open}
      onOpenChange={onOpenChange}
      width={520}
      modalProps={{ destroyOnHidden: true, maskClosable: false }}
      onFinish={async (values) => {
        try {
          await postAdminOrdersByIdAssign({ id: String(order.id) }, { escortId: Number(values.escortId) });
        } catch (e) {
          if (e instanceof ApiError) return false;
          throw e;
        }
        onDone(reassign ? '已改派' : '已派单');
        return true;
      }}
    >
      {reassign && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={`当前陪诊师：${order.escortName || `#${order.escortId}`}，改派后其时间将被释放`}
        />
      )}
      {canListEscorts ? (
        <ProFormSelect
          name="escortId"
          label="陪诊师"
          placeholder="输入姓名搜索本城市的陪诊师"
          showSearch
          debounceTime={300}
          fieldProps={{ filterOption: false }}
          params={{ cityId: order.cityId }}
          request={async ({ keyWords }: { keyWords?: string }) => {
            const page = await getAdminEscorts<Page<Escort>>({
              cityId: order.cityId,
              keyword: keyWords?.trim() || undefined,
              page: 1,
              pageSize: 100,
            });
            return escortOptions(page.list, order.escortId);
          }}
          rules={[{ required: true, message: '请选择陪诊师' }]}
        />
      ) : (
        <ProFormDigit
          name="escortId"
          label="陪诊师 ID"
          min={1}
          fieldProps={{ precision: 0 }}
          rules={[{ required: true, message: '请输入陪诊师 ID' }]}
        />
      )}
    </ModalForm>
  );
}

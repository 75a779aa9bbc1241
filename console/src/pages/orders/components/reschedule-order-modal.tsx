import { ModalForm, ProFormCheckbox, ProFormDateTimePicker, ProFormTextArea } from '@ant-design/pro-components';
import { Alert } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { postAdminOrdersByIdReschedule } from '@/services/generated';
import type { OrderDetail, RescheduleResult } from '@/services/models';
import { ApiError } from '@/utils/api-error';
import { formatDateTime, shanghaiWallClockToIso } from '@/utils/time';

interface Props {
  order: OrderDetail;
  open: boolean;
  /** Whether "退回派单池" may be offered (redispatch transition and order:dispatch). */
  allowRedispatch: boolean;
  onOpenChange(open: boolean): void;
  onDone(message: string): void;
}

interface RescheduleValues {
  startAt: string | Dayjs;
  reason?: string;
  redispatch?: boolean;
}

const WALL_CLOCK = 'YYYY-MM-DD HH:mm';

/** The picker shows Shanghai digits; whatever form its value takes, those digits are the time. */
function pickedWallClock(value: string | Dayjs): string {
  return (typeof value === 'string' ? dayjs(value) : value).format(WALL_CLOCK);
}

export default function RescheduleOrderModal({ order, open, allowRedispatch, onOpenChange, onDone }: Props) {
  return (
    <ModalForm<RescheduleValues>
      name="rescheduleOrderForm"
      title={`改约 ${order.orderNo}`}
      submitter={{ searchConfig: { submitText: '确认改约', resetText: '返回' } }}
      open={open}
      onOpenChange={onOpenChange}
      width={520}
      modalProps={{ destroyOnHidden: true, maskClosable: false }}
      initialValues={{ startAt: dayjs(formatDateTime(order.startAt, WALL_CLOCK)), redispatch: false }}
      onFinish={async (values) => {
        let result: RescheduleResult;
        try {
          result = await postAdminOrdersByIdReschedule<RescheduleResult>(
            { id: String(order.id) },
            {
              startAt: shanghaiWallClockToIso(pickedWallClock(values.startAt)),
              reason: (values.reason ?? '').trim(),
              redispatch: Boolean(values.redispatch),
            },
          );
        } catch (e) {
          if (e instanceof ApiError) return false;
          throw e;
        }
        onDone(result.pendingEscort ? '改约申请已发送，待陪诊师确认' : '已改约');
        return true;
      }}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={`原时间：${formatDateTime(order.startAt, WALL_CLOCK)}（北京时间），时长 ${order.durationMinutes} 分钟不变`}
        description={order.escortId ? '已派单的订单改约后需陪诊师确认；陪诊师无法服务时可勾选「退回派单池」。' : undefined}
      />
      <ProFormDateTimePicker
        name="startAt"
        label="新的开始时间（北京时间）"
        fieldProps={{ format: WALL_CLOCK, showTime: { format: 'HH:mm', minuteStep: 15 }, style: { width: '100%' } }}
        rules={[{ required: true, message: '请选择新的开始时间' }]}
      />
      <ProFormTextArea name="reason" label="改约原因" fieldProps={{ maxLength: 255, showCount: true }} />
      {allowRedispatch && (
        <ProFormCheckbox name="redispatch" extra="原陪诊师的时间释放，订单按新时间回到派单池重新派单">
          退回派单池
        </ProFormCheckbox>
      )}
    </ModalForm>
  );
}

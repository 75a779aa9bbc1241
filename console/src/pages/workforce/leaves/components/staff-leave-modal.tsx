import { ModalForm, ProFormDateTimeRangePicker, ProFormSelect, ProFormTextArea } from '@ant-design/pro-components';
import type dayjs from 'dayjs';
import { LEAVE_TYPE } from '@/constants/workforce';
import { getAdminEscorts, postAdminLeaves } from '@/services/generated';
import type { Page } from '@/services/models';
import type { EscortProfile } from '@/services/workforce-models';
import { ApiError } from '@/utils/api-error';
import { shanghaiWallClockToUtc } from '@/utils/time';

interface Values {
  escortId: number;
  type: keyof typeof LEAVE_TYPE;
  range: [dayjs.Dayjs, dayjs.Dayjs];
  reason: string;
}

/** 代录请假: ops enter leave for an escort who called in (it still waits for approval). */
export default function StaffLeaveModal({ open, onOpenChange, onDone }: { open: boolean; onOpenChange(open: boolean): void; onDone(): void }) {
  return (
    <ModalForm<Values>
      name="staffLeaveForm"
      title="代陪诊师录入请假"
      open={open}
      onOpenChange={onOpenChange}
      width={520}
      modalProps={{ destroyOnHidden: true, maskClosable: false }}
      submitter={{ searchConfig: { submitText: '提交（待审批）', resetText: '返回' } }}
      onFinish={async (v) => {
        try {
          await postAdminLeaves({
            escortId: Number(v.escortId),
            type: v.type,
            startAt: shanghaiWallClockToUtc(v.range[0]) as never,
            endAt: shanghaiWallClockToUtc(v.range[1]) as never,
            reason: v.reason.trim(),
          });
        } catch (e) {
          if (e instanceof ApiError) return false;
          throw e;
        }
        onDone();
        return true;
      }}
    >
      <ProFormSelect
        name="escortId"
        label="陪诊师"
        showSearch
        debounceTime={300}
        fieldProps={{ filterOption: false }}
        request={async ({ keyWords }: { keyWords?: string }) => {
          const page = await getAdminEscorts<Page<EscortProfile>>({ keyword: keyWords?.trim() || undefined, status: 'active', page: 1, pageSize: 50 });
          return page.list.map((e) => ({ label: `${e.name}（${e.cityName}，${e.phoneMasked}）`, value: e.id }));
        }}
        rules={[{ required: true, message: '请选择陪诊师' }]}
      />
      <ProFormSelect
        name="type"
        label="类型"
        initialValue="personal"
        options={Object.entries(LEAVE_TYPE).map(([value, e]) => ({ value, label: e.label }))}
        rules={[{ required: true }]}
      />
      <ProFormDateTimeRangePicker
        name="range"
        label="时间（北京时间，结束不含）"
        fieldProps={{ format: 'YYYY-MM-DD HH:mm', showTime: { format: 'HH:mm', minuteStep: 30 } }}
        rules={[{ required: true, message: '请选择请假时间' }]}
      />
      <ProFormTextArea name="reason" label="原因" rules={[{ required: true, message: '请填写原因' }, { min: 2, message: '至少 2 个字' }]} fieldProps={{ maxLength: 255 }} />
    </ModalForm>
  );
}

import { ModalForm, ProFormDigit, ProFormSelect, ProFormText, ProFormTextArea } from '@ant-design/pro-components';
import { ESCORT_LEVEL, GENDER } from '@/constants/enums';
import { EDUCATION } from '@/constants/workforce';
import { cityOptions, useCities } from '@/hooks/use-reference-data';
import { postAdminEscorts, putAdminEscortsById } from '@/services/generated';
import type { EscortProfile } from '@/services/workforce-models';
import { ApiError } from '@/utils/api-error';
import { changedFields, formValuesOf, profileBody, type EscortFormValues } from '../escort-form';

const options = (map: Record<string, { label: string }>) => Object.entries(map).map(([value, e]) => ({ value, label: e.label }));

interface Props {
  /** The escort to edit, `'new'` to register one, null closed. */
  escort: EscortProfile | 'new' | null;
  onClose(): void;
  onSaved(message: string): void;
}

/** 登记 / 编辑陪诊师. A new escort is an applicant until their application is approved. */
export default function EscortFormModal({ escort, onClose, onSaved }: Props) {
  const creating = escort === 'new';
  const { data: cities } = useCities(creating);
  return (
    <ModalForm<EscortFormValues>
      name="escortForm"
      title={creating ? '登记陪诊师' : `编辑 ${escort?.name ?? ''}`}
      open={escort !== null}
      onOpenChange={(open) => !open && onClose()}
      initialValues={escort && escort !== 'new' ? formValuesOf(escort) : { gender: 'female', level: 'junior', experienceYears: 0 }}
      width={640}
      grid
      rowProps={{ gutter: 12 }}
      modalProps={{ destroyOnHidden: true, maskClosable: false }}
      onFinish={async (v) => {
        try {
          if (creating) {
            await postAdminEscorts({ ...profileBody(v), cityId: Number(v.cityId), phone: String(v.phone).trim() } as never);
          } else if (escort) {
            const changes = changedFields(escort, v);
            if (Object.keys(changes).length) await putAdminEscortsById({ id: String(escort.id) }, changes as never);
          }
        } catch (e) {
          if (e instanceof ApiError) return false;
          throw e;
        }
        onSaved(creating ? '已登记，陪诊师可用手机号登录工作台提交入驻申请' : '档案已保存');
        return true;
      }}
    >
      {creating && (
        <>
          <ProFormSelect name="cityId" label="城市" colProps={{ span: 12 }} options={cityOptions(cities)} rules={[{ required: true, message: '请选择城市' }]} />
          <ProFormText
            name="phone"
            label="手机号"
            colProps={{ span: 12 }}
            rules={[
              { required: true, message: '请填写手机号' },
              { pattern: /^1[3-9]\d{9}$/, message: '请输入正确的 11 位手机号' },
            ]}
          />
        </>
      )}
      <ProFormText name="name" label="姓名" colProps={{ span: 8 }} rules={[{ required: true, message: '请填写姓名' }]} fieldProps={{ maxLength: 32 }} />
      <ProFormSelect name="gender" label="性别" colProps={{ span: 8 }} options={options(GENDER)} rules={[{ required: true }]} />
      <ProFormSelect name="level" label="等级（决定分成）" colProps={{ span: 8 }} options={options(ESCORT_LEVEL)} rules={[{ required: true }]} />
      <ProFormSelect name="education" label="学历" colProps={{ span: 12 }} options={options(EDUCATION)} allowClear />
      <ProFormDigit name="experienceYears" label="从业年限" colProps={{ span: 12 }} min={0} max={50} fieldProps={{ precision: 0, suffix: '年' }} />
      <ProFormSelect name="serviceDistricts" label="服务区域" colProps={{ span: 12 }} mode="tags" placeholder="输入区名后回车，如 徐汇区" />
      <ProFormSelect name="skills" label="技能标签" colProps={{ span: 12 }} mode="tags" placeholder="如 outpatient、老年、沪语" />
      <ProFormText name="baseAddress" label="出发地址" colProps={{ span: 24 }} fieldProps={{ maxLength: 255 }} />
      <ProFormText name="baseLatitude" label="纬度" colProps={{ span: 12 }} placeholder="31.197845（用于派单距离）" />
      <ProFormText name="baseLongitude" label="经度" colProps={{ span: 12 }} placeholder="121.454800" />
      <ProFormTextArea name="bio" label="简介" colProps={{ span: 24 }} fieldProps={{ maxLength: 500, showCount: true }} />
    </ModalForm>
  );
}

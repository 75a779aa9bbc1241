import { ModalForm, ProFormGroup, ProFormSelect, ProFormText, ProFormTextArea } from '@ant-design/pro-components';
import { App } from 'antd';
import { HOSPITAL_GRADES } from '@/constants/enums';
import { cityOptions } from '@/hooks/use-reference-data';
import { postAdminHospitals, putAdminHospitalsById } from '@/services/generated';
import type { City, Hospital } from '@/services/models';
import { ApiError } from '@/utils/api-error';
import { COORDINATE_PATTERN, coordinatesProblem, type HospitalFormValues, toHospitalBody, toHospitalFormValues } from '../hospital-form';

interface Props {
  /** The hospital being edited, or null to create one. */
  hospital: Hospital | null;
  open: boolean;
  cities: City[];
  onOpenChange(open: boolean): void;
  onSaved(hospital: Hospital): void;
}

const gradeOptions = HOSPITAL_GRADES.map((g) => ({ label: g, value: g }));

export default function HospitalFormModal({ hospital, open, cities, onOpenChange, onSaved }: Props) {
  const { message } = App.useApp();
  const creating = hospital === null;

  const onFinish = async (values: HospitalFormValues) => {
    try {
      const saved = creating
        ? await postAdminHospitals<Hospital>(toHospitalBody(values))
        : await putAdminHospitalsById<Hospital>({ id: String(hospital.id) }, toHospitalBody(values));
      message.success(creating ? '医院已创建' : '医院资料已更新');
      onSaved(saved);
      return true;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      return false;
    }
  };

  return (
    <ModalForm<HospitalFormValues>
      name="hospitalForm"
      title={creating ? '新建医院' : `编辑医院：${hospital.name}`}
      open={open}
      onOpenChange={onOpenChange}
      width={720}
      modalProps={{ destroyOnHidden: true, maskClosable: false }}
      initialValues={creating ? { grade: '三甲' } : toHospitalFormValues(hospital)}
      onFinish={onFinish}
    >
      <ProFormGroup>
        <ProFormSelect name="cityId" label="城市" width="sm" options={cityOptions(cities)} rules={[{ required: true, message: '请选择城市' }]} />
        <ProFormSelect name="grade" label="等级" width="sm" options={gradeOptions} rules={[{ required: true, message: '请选择等级' }]} />
      </ProFormGroup>
      <ProFormText
        name="name"
        label="医院名称"
        rules={[
          { required: true, whitespace: true, message: '请填写医院名称' },
          { max: 64, message: '医院名称最多 64 个字' },
        ]}
      />
      <ProFormText name="alias" label="别名" placeholder="如：中山医院 中山（多个用空格分隔，用于搜索）" rules={[{ max: 128, message: '别名最多 128 个字' }]} />
      <ProFormText
        name="address"
        label="地址"
        rules={[
          { required: true, whitespace: true, message: '请填写地址' },
          { max: 255, message: '地址最多 255 个字' },
        ]}
      />
      <ProFormGroup>
        <ProFormText
          name="latitude"
          label="纬度"
          width="sm"
          placeholder="31.196300"
          rules={[{ pattern: COORDINATE_PATTERN, message: '十进制度数，最多 6 位小数' }]}
        />
        <ProFormText
          name="longitude"
          label="经度"
          width="sm"
          placeholder="121.453900"
          dependencies={['latitude']}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_, value) => {
                const problem = coordinatesProblem(getFieldValue('latitude'), value);
                if (problem) throw new Error(problem);
              },
            }),
          ]}
        />
        <ProFormText
          name="phone"
          label="电话"
          width="sm"
          rules={[
            { required: true, whitespace: true, message: '请填写电话' },
            { pattern: /^[0-9+\-() ]{3,32}$/, message: '电话只能包含数字、空格和 + - ( )' },
          ]}
        />
      </ProFormGroup>
      <ProFormTextArea name="outpatientHours" label="门诊时间" fieldProps={{ rows: 2, maxLength: 500 }} />
      <ProFormTextArea name="visitingHours" label="住院探视时间" fieldProps={{ rows: 2, maxLength: 500 }} />
      <ProFormTextArea name="intro" label="简介" fieldProps={{ rows: 3, maxLength: 5000, showCount: true }} />
    </ModalForm>
  );
}

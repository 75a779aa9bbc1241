import {
  ModalForm,
  ProFormDateTimeRangePicker,
  ProFormRadio,
  ProFormSelect,
  ProFormText,
  ProFormTextArea,
} from '@ant-design/pro-components';
import { App } from 'antd';
import { NOTICE_LEVEL } from '@/constants/enums';
import {
  getAdminHospitals,
  getAdminHospitalsById,
  postAdminHospitalsByIdNotices,
  putAdminHospitalNoticesById,
} from '@/services/generated';
import type { Hospital, HospitalDetail, HospitalNotice, Page } from '@/services/models';
import { ApiError } from '@/utils/api-error';
import { type NoticeFormValues, rangeProblem, toNoticeBody, toNoticeFormValues } from '../notice-form';

interface Props {
  /** The notice being edited, or null to publish one. */
  notice: HospitalNotice | null;
  /** Publishing from a hospital's own page: the hospital is fixed. */
  hospital?: { id: number; name: string };
  open: boolean;
  onOpenChange(open: boolean): void;
  onSaved(): void;
}

const levelOptions = Object.entries(NOTICE_LEVEL).map(([value, e]) => ({ label: e.label, value }));

async function searchHospitals(keyword?: string) {
  const page = await getAdminHospitals<Page<Hospital>>({ keyword: keyword?.trim() || undefined, pageSize: 50 });
  return page.list.map((h) => ({ label: `${h.name}（${h.cityName}）`, value: h.id }));
}

async function departmentsOf(hospitalId?: number) {
  if (!hospitalId) return [];
  const detail = await getAdminHospitalsById<HospitalDetail>({ id: String(hospitalId) });
  return detail.departments.map((d) => ({ label: d.name, value: d.id }));
}

/** Publish or edit a time-limited hospital notice ("CT 机维修"), times in Shanghai wall-clock. */
export default function NoticeFormModal({ notice, hospital, open, onOpenChange, onSaved }: Props) {
  const { message } = App.useApp();
  const creating = notice === null;
  const fixedHospital = hospital ?? (notice ? { id: notice.hospitalId, name: notice.hospitalName } : undefined);

  const onFinish = async (values: NoticeFormValues) => {
    const hospitalId = fixedHospital?.id ?? values.hospitalId;
    try {
      if (creating) {
        await postAdminHospitalsByIdNotices({ id: String(hospitalId) }, toNoticeBody(values));
        message.success('公告已发布');
      } else {
        await putAdminHospitalNoticesById({ id: String(notice.id) }, toNoticeBody(values));
        message.success('公告已更新');
      }
      onSaved();
      return true;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      return false;
    }
  };

  return (
    <ModalForm<NoticeFormValues>
      name="noticeForm"
      title={creating ? '发布公告' : `编辑公告：${notice.title}`}
      open={open}
      onOpenChange={onOpenChange}
      width={600}
      modalProps={{ destroyOnHidden: true, maskClosable: false }}
      initialValues={
        creating ? { level: 'info', hospitalId: fixedHospital?.id, departmentId: null } : toNoticeFormValues(notice)
      }
      onFinish={onFinish}
    >
      {fixedHospital ? (
        <ProFormText name="hospitalName" label="医院" readonly initialValue={fixedHospital.name} />
      ) : (
        <ProFormSelect
          name="hospitalId"
          label="医院"
          showSearch
          debounceTime={300}
          request={async ({ keyWords }) => searchHospitals(keyWords)}
          placeholder="输入医院名称搜索"
          rules={[{ required: true, message: '请选择医院' }]}
        />
      )}
      <ProFormSelect
        name="departmentId"
        label="科室"
        dependencies={['hospitalId']}
        request={async ({ hospitalId }) => departmentsOf(fixedHospital?.id ?? hospitalId)}
        placeholder="不选则为全院公告"
        allowClear
      />
      <ProFormText
        name="title"
        label="标题"
        placeholder="例如：CT 机维修"
        rules={[
          { required: true, whitespace: true, message: '请填写标题' },
          { max: 64, message: '标题最多 64 个字' },
        ]}
      />
      <ProFormTextArea
        name="content"
        label="内容"
        fieldProps={{ rows: 4, showCount: true, maxLength: 1000 }}
        rules={[{ required: true, whitespace: true, message: '请填写内容' }]}
      />
      <ProFormRadio.Group name="level" label="级别" options={levelOptions} radioType="button" />
      <ProFormDateTimeRangePicker
        name="range"
        label="生效时间（北京时间）"
        fieldProps={{ format: 'YYYY-MM-DD HH:mm', showTime: { format: 'HH:mm' } }}
        extra="到结束时间即自动下线"
        rules={[
          {
            validator: async (_, value) => {
              const problem = rangeProblem(value);
              if (problem) throw new Error(problem);
            },
          },
        ]}
      />
    </ModalForm>
  );
}

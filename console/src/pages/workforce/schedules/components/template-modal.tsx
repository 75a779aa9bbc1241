import { App, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { postAdminShiftTemplates, putAdminShiftTemplatesById } from '@/services/generated';
import type { ShiftTemplate } from '@/services/workforce-models';
import { errorMessageOf } from '@/utils/api-error';
import { linesToWeekly, weeklyToLines } from '../../schedule-format';
import WeeklyLinesForm from './weekly-lines-form';

interface Props {
  /** The template to edit, `'new'` for a new one, null closed. */
  template: ShiftTemplate | 'new' | null;
  onClose(): void;
  onSaved(): void;
}

export default function TemplateModal({ template, onClose, onSaved }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  useEffect(() => {
    if (template === null) return;
    form.setFieldsValue(template === 'new' ? { name: '', lines: weeklyToLines([]) } : { name: template.name, lines: weeklyToLines(template.ranges) });
  }, [template, form]);

  const save = async () => {
    const { name } = await form.validateFields();
    const parsed = linesToWeekly(form.getFieldValue('lines') ?? {});
    if (!parsed.ok) {
      message.error(parsed.problem);
      return;
    }
    const body = { name: String(name).trim(), ranges: parsed.ranges.map(({ weekday, start, end }) => ({ weekday, start, end })) };
    try {
      if (template === 'new') await postAdminShiftTemplates(body, { skipErrorHandler: true });
      else if (template) await putAdminShiftTemplatesById({ id: String(template.id) }, body, { skipErrorHandler: true });
      message.success('模板已保存');
      onSaved();
    } catch (e) {
      message.error(errorMessageOf(e));
    }
  };

  return (
    <Modal open={template !== null} title={template === 'new' ? '新建排班模板' : '编辑排班模板'} onCancel={onClose} onOk={save} okText="保存" destroyOnHidden width={560}>
      <Form form={form} labelCol={{ flex: '64px' }}>
        <Form.Item name="name" label="名称" rules={[{ required: true, message: '请填写名称' }]}>
          <Input placeholder="如：工作日白班" maxLength={32} />
        </Form.Item>
        <WeeklyLinesForm />
      </Form>
    </Modal>
  );
}

import { Button, Form, Input, Space, Typography } from 'antd';
import { WEEKDAYS, WEEKDAY_LABEL } from '@/constants/workforce';

/** One line per weekday (`08:00-12:00, 13:00-17:00`; empty = 休), with a shortcut to copy Monday to the working days. */
export default function WeeklyLinesForm({ disabled }: { disabled?: boolean }) {
  const form = Form.useFormInstance();
  return (
    <>
      {WEEKDAYS.map((day) => (
        <Form.Item key={day} name={['lines', day]} label={WEEKDAY_LABEL[day]} style={{ marginBottom: 8 }}>
          <Input placeholder="休（例：08:00-12:00, 13:00-17:00）" disabled={disabled} aria-label={`${WEEKDAY_LABEL[day]}排班`} />
        </Form.Item>
      ))}
      {!disabled && (
        <Space style={{ marginBottom: 12 }}>
          <Button
            size="small"
            onClick={() => {
              const monday = form.getFieldValue(['lines', 1]) ?? '';
              for (const day of [2, 3, 4, 5]) form.setFieldValue(['lines', day], monday);
            }}
          >
            周一复制到周二至周五
          </Button>
          <Typography.Text type="secondary">北京时间；24:00 表示当天结束</Typography.Text>
        </Space>
      )}
    </>
  );
}

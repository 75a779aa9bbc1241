import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Space, Typography } from 'antd';
import { insertStep, MAX_STEP_LENGTH, MAX_STEPS, moveStep, removeStep, updateStep } from './step-list';

interface Props {
  value: string[];
  onChange(steps: string[]): void;
  disabled?: boolean;
}

/** An ordered list of short texts: edit in place, move up or down, insert after, remove. */
export default function StepListEditor({ value, onChange, disabled }: Props) {
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {value.map((step, index) => (
        // Steps have no identity but their position; the index is the key on purpose.
        // eslint-disable-next-line react/no-array-index-key
        <Space.Compact key={index} style={{ width: '100%' }}>
          <Button tabIndex={-1} style={{ pointerEvents: 'none' }}>
            {index + 1}
          </Button>
          <Input
            aria-label={`第 ${index + 1} 步`}
            value={step}
            maxLength={MAX_STEP_LENGTH}
            placeholder="例如：在门诊楼 2 号门集合"
            disabled={disabled}
            onChange={(e) => onChange(updateStep(value, index, e.target.value))}
          />
          <Button
            aria-label="上移"
            title="上移"
            icon={<ArrowUpOutlined />}
            disabled={disabled || index === 0}
            onClick={() => onChange(moveStep(value, index, -1))}
          />
          <Button
            aria-label="下移"
            title="下移"
            icon={<ArrowDownOutlined />}
            disabled={disabled || index === value.length - 1}
            onClick={() => onChange(moveStep(value, index, 1))}
          />
          <Button
            aria-label="插入"
            title="在下方插入"
            icon={<PlusOutlined />}
            disabled={disabled || value.length >= MAX_STEPS}
            onClick={() => onChange(insertStep(value, index))}
          />
          <Button
            aria-label="删除步骤"
            title="删除"
            danger
            icon={<DeleteOutlined />}
            disabled={disabled}
            onClick={() => onChange(removeStep(value, index))}
          />
        </Space.Compact>
      ))}
      {value.length === 0 && <Typography.Text type="secondary">尚未设置步骤</Typography.Text>}
      <Button type="dashed" icon={<PlusOutlined />} disabled={disabled || value.length >= MAX_STEPS} onClick={() => onChange(insertStep(value))} block>
        添加步骤
      </Button>
    </Space>
  );
}

import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { getAdminScheduleTeam, getAdminShiftTemplates, postAdminShiftTemplatesByIdApply } from '@/services/generated';
import { team, templates } from '../test-fixtures';
import SchedulesPage from './index';

jest.mock('@umijs/max', () => ({
  useAccess: () => ({ canReadEscorts: true, canWriteSchedules: true }),
}));

jest.mock('@/services/generated', () => ({
  getAdminScheduleTeam: jest.fn(),
  getAdminShiftTemplates: jest.fn(),
  postAdminShiftTemplatesByIdApply: jest.fn(),
  getAdminScheduleRequests: jest.fn(),
  getAdminEscortsByIdSchedule: jest.fn(),
}));

describe('排班 team view', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    jest.mocked(getAdminScheduleTeam).mockResolvedValue(team as never);
    jest.mocked(getAdminShiftTemplates).mockResolvedValue(templates as never);
    jest.mocked(postAdminShiftTemplatesByIdApply).mockResolvedValue({ applied: 1 } as never);
  });

  it('shows each escort’s week with the day off, and applies a template to the selected escorts', async () => {
    render(
      <App>
        <SchedulesPage />
      </App>,
    );
    await screen.findByText('李静');
    expect(getAdminScheduleTeam).toHaveBeenCalledWith(
      { from: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), to: expect.any(String), keyword: undefined, page: 1, pageSize: 20 },
      { skipErrorHandler: true },
    );
    expect(screen.getAllByText('08:00–17:00')).toHaveLength(6);
    expect(screen.getByText('休')).toBeInTheDocument();
    expect(screen.getByText('休息')).toBeInTheDocument();
    expect(screen.getByText('中级 · 本周 54 小时')).toBeInTheDocument();

    fireEvent.click(document.querySelector('.ant-table-tbody .ant-checkbox-input') as HTMLInputElement);
    fireEvent.click(screen.getByText('批量套用模板（1）').closest('button') as HTMLButtonElement);
    fireEvent.mouseDown(await screen.findByText('选择模板'));
    fireEvent.click(await screen.findByText('工作日白班（45 小时/周）'));
    fireEvent.click(screen.getByText('套用（替换其每周排班）').closest('button') as HTMLButtonElement);
    await waitFor(() => expect(postAdminShiftTemplatesByIdApply).toHaveBeenCalledWith({ id: '2' }, { escortIds: [1] }, { skipErrorHandler: true }));
  });
});

import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { DEFAULT_SETTINGS } from '../../../../../backend/src/modules/settings/settings-defaults';
import { getAdminSettings, postAdminSettingsByKey } from '@/services/generated';
import { ApiError } from '@/utils/api-error';
import SettingsPage from './index';

let mockAccess: Record<string, boolean> = {};

jest.mock('@umijs/max', () => ({
  useAccess: () => mockAccess,
}));

jest.mock('@/services/generated', () => ({
  getAdminSettings: jest.fn(),
  postAdminSettingsByKey: jest.fn(),
}));

const save = jest.mocked(postAdminSettingsByKey);

async function renderPage(access: Record<string, boolean>) {
  mockAccess = access;
  render(
    <App>
      <SettingsPage />
    </App>,
  );
  await screen.findByText('预约规则');
}

function cardOf(title: string): HTMLElement {
  return screen.getByText(title).closest('.ant-pro-card') as HTMLElement;
}

function clickButton(container: HTMLElement, text: string) {
  fireEvent.click(within(container).getByText(text).closest('button') as HTMLButtonElement);
}

describe('business settings', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    jest.mocked(getAdminSettings).mockResolvedValue(JSON.parse(JSON.stringify(DEFAULT_SETTINGS)));
  });

  it('shows booking rules, cancellation tiers as percent and every notification template', async () => {
    await renderPage({ canReadSettings: true, canWriteSettings: true });
    expect(document.getElementById('bookingRulesForm_minLeadMinutes')).toHaveValue('60');
    const tiers = within(cardOf('取消规则'));
    expect(tiers.getByDisplayValue('50')).toBeInTheDocument();
    expect(tiers.getByText('开始前 2–24 小时取消：违约金 20%')).toBeInTheDocument();
    const templates = within(cardOf('通知模板'));
    expect(templates.getByDisplayValue('预约成功')).toBeInTheDocument();
    expect(templates.getByText('order_reminder')).toBeInTheDocument();
  });

  it('saves the workforce rules: accept timeout, travel buffer, expiry warning and late departure', async () => {
    save.mockImplementation((async (_p: unknown, body: unknown) => body) as never);
    await renderPage({ canReadSettings: true, canWriteSettings: true });
    const card = cardOf('陪诊师与派单');
    expect(document.getElementById('workforceRulesForm_acceptTimeoutMinutes')).toHaveValue('30');
    fireEvent.change(document.getElementById('workforceRulesForm_acceptTimeoutMinutes') as HTMLElement, { target: { value: '45' } });
    clickButton(card, '保存派单设置');
    await waitFor(() =>
      expect(save).toHaveBeenCalledWith(
        { key: 'workforce' },
        { acceptTimeoutMinutes: 45, travelBufferMinutes: 30, expiryWarningDays: 30, lateDepartMinutes: 30 },
        { skipErrorHandler: true },
      ),
    );
  });

  it('saves the cancellation tiers as basis points', async () => {
    save.mockImplementation((async (_p: unknown, body: unknown) => body) as never);
    await renderPage({ canReadSettings: true, canWriteSettings: true });
    const card = cardOf('取消规则');
    fireEvent.change(within(card).getByDisplayValue('20'), { target: { value: '30' } });
    clickButton(card, '保存取消规则');
    await waitFor(() =>
      expect(save).toHaveBeenCalledWith(
        { key: 'cancellation' },
        {
          tiers: [
            { hoursBefore: 24, penaltyBp: 0 },
            { hoursBefore: 2, penaltyBp: 3000 },
            { hoursBefore: 0, penaltyBp: 5000 },
          ],
        },
        { skipErrorHandler: true },
      ),
    );
  });

  it('posts the whole notifications group, every template included', async () => {
    save.mockImplementation((async (_p: unknown, body: unknown) => body) as never);
    await renderPage({ canReadSettings: true, canWriteSettings: true });
    const card = cardOf('通知模板');
    fireEvent.change(within(card).getByDisplayValue('预约成功'), { target: { value: '预约成功啦' } });
    clickButton(card, '保存通知模板');
    await waitFor(() => expect(save).toHaveBeenCalled());
    const [params, body] = save.mock.calls[0] as unknown as [unknown, { reminderHoursBefore: number; templates: Record<string, { title: string }> }];
    expect(params).toEqual({ key: 'notifications' });
    expect(body.reminderHoursBefore).toBe(2);
    expect(Object.keys(body.templates).sort()).toEqual(Object.keys(DEFAULT_SETTINGS.notifications.templates).sort());
    expect(body.templates.order_paid.title).toBe('预约成功啦');
  });

  it("keeps the backend's validation message on the card", async () => {
    save.mockRejectedValue(new ApiError({ status: 400, errorCode: 'VALIDATION_FAILED', errorMessage: '设置不正确：最早开始时间不能晚于最晚开始时间' }));
    await renderPage({ canReadSettings: true, canWriteSettings: true });
    const card = cardOf('预约规则');
    clickButton(card, '保存预约规则');
    await waitFor(() => expect(save).toHaveBeenCalledWith({ key: 'booking' }, DEFAULT_SETTINGS.booking, { skipErrorHandler: true }));
    expect(await within(card).findByText('设置不正确：最早开始时间不能晚于最晚开始时间')).toBeInTheDocument();
  });

  it('is read-only without settings:write', async () => {
    await renderPage({ canReadSettings: true, canWriteSettings: false });
    expect(screen.getByText(/只读/)).toBeInTheDocument();
    expect(screen.queryByText('保存预约规则')).toBeNull();
    expect(screen.queryByText('保存取消规则')).toBeNull();
    expect(screen.queryByText('保存通知模板')).toBeNull();
    expect(document.getElementById('bookingRulesForm_minLeadMinutes')).toBeDisabled();
  });
});

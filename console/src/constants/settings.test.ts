import { DEFAULT_SETTINGS } from '../../../backend/src/modules/settings/settings-defaults';
import { NOTIFICATION_CHANNEL, NOTIFICATION_EVENT } from './settings';

describe('notification labels', () => {
  it('name every event the backend has a template for, and nothing else', () => {
    expect(Object.keys(NOTIFICATION_EVENT).sort()).toEqual(Object.keys(DEFAULT_SETTINGS.notifications.templates).sort());
  });

  it('name every channel a template can use', () => {
    const used = new Set(Object.values(DEFAULT_SETTINGS.notifications.templates).flatMap((t) => t.channels));
    for (const channel of used) expect(NOTIFICATION_CHANNEL).toHaveProperty(channel);
    expect(Object.keys(NOTIFICATION_CHANNEL).sort()).toEqual(['in_app', 'sms', 'wechat']);
  });
});

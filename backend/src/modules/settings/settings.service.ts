import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { RuleType } from '@midwayjs/validate';
import { EntityManager, Repository } from 'typeorm';
import { Setting } from './setting.entity';
import { DEFAULT_SETTINGS, SettingsGroups, SettingsKey } from './settings-defaults';
import { AuditContext, AuditService } from '../audit/audit.service';
import { TransactionService } from '../../common/db/transaction.service';
import { Errors } from '../../common/errors';

const timeOfDay = RuleType.string().pattern(/^([01]\d|2[0-3]):[0-5]\d$/);
const template = RuleType.object({
  title: RuleType.string().min(1).max(64).required(),
  body: RuleType.string().min(1).max(500).required(),
  channels: RuleType.array().items(RuleType.string().valid('in_app', 'wechat', 'sms')).min(1).unique().required(),
});

/** The events every stored notifications group has had since the first release. */
const LEGACY_EVENTS = new Set([
  'order_created', 'order_paid', 'escort_assigned', 'escort_accepted', 'escort_declined', 'escort_departed', 'service_started',
  'order_completed', 'order_cancelled', 'order_closed', 'reschedule_requested', 'reschedule_accepted', 'reschedule_declined',
  'order_reminder', 'new_assignment',
]);

/** What each group must look like; a change that does not fit is refused whole. */
const SCHEMAS: Record<SettingsKey, any> = {
  finance: RuleType.object({
    refundApprovalThresholdFen: RuleType.number().integer().min(0).max(100_000_000).required(),
    settlementCadence: RuleType.string().valid('weekly', 'monthly').required(),
    // Moved to dated commission rules (/api/admin/commission-rules); a client that still sends it is not refused, it is dropped.
    escortShareBp: RuleType.any().strip(),
  }),
  booking: RuleType.object({
    maxDaysAhead: RuleType.number().integer().min(0).max(90).required(),
    minLeadMinutes: RuleType.number().integer().min(0).max(7 * 24 * 60).required(),
    serviceStartFrom: timeOfDay.required(),
    serviceStartUntil: timeOfDay.required(),
    slotMinutes: RuleType.number().integer().valid(15, 30, 60).required(),
    paymentWindowMinutes: RuleType.number().integer().min(5).max(24 * 60).required(),
  }),
  cancellation: RuleType.object({
    tiers: RuleType.array()
      .items(
        RuleType.object({
          hoursBefore: RuleType.number().min(0).max(24 * 30).required(),
          penaltyBp: RuleType.number().integer().min(0).max(10_000).required(),
        })
      )
      .min(1)
      .unique('hoursBefore')
      .required(),
  }),
  notifications: RuleType.object({
    reminderHoursBefore: RuleType.number().integer().min(1).max(72).required(),
    // Events added later are optional here: a client that saved the older set keeps working and
    // the new events read their defaults (see withDefaults).
    templates: RuleType.object(
      Object.fromEntries(Object.keys(DEFAULT_SETTINGS.notifications.templates).map(k => [k, LEGACY_EVENTS.has(k) ? template.required() : template]))
    ).required(),
  }),
  workforce: RuleType.object({
    acceptTimeoutMinutes: RuleType.number().integer().min(5).max(24 * 60).required(),
    travelBufferMinutes: RuleType.number().integer().min(0).max(240).required(),
    expiryWarningDays: RuleType.number().integer().min(1).max(180).required(),
    lateDepartMinutes: RuleType.number().integer().min(0).max(240).required(),
  }),
  quality: RuleType.object({
    firstResponseHours: RuleType.object(
      Object.fromEntries(['urgent', 'high', 'normal', 'low'].map(p => [p, RuleType.number().integer().min(1).max(24 * 14).required()]))
    ).required(),
    reopenDays: RuleType.number().integer().min(0).max(90).required(),
    lowScoreThreshold: RuleType.number().integer().min(1).max(4).required(),
    creditInitialScore: RuleType.number().integer().min(1).max(1000).required(),
    creditDeltas: RuleType.object(
      Object.fromEntries(['completed', 'late_cancel', 'no_show', 'abusive_report', 'false_info'].map(k => [k, RuleType.number().integer().min(-1000).max(1000).required()]))
    ).required(),
    creditTiers: RuleType.array()
      .items(
        RuleType.object({
          below: RuleType.number().integer().min(1).max(1000).required(),
          // null: this tier limits nothing but may ask for a deposit.
          maxOpenOrders: RuleType.number().integer().min(0).max(100).allow(null).required(),
          depositFen: RuleType.number().integer().min(0).max(1_000_000),
        })
      )
      .max(10)
      .unique('below')
      .required(),
  }),
};


/**
 * A stored group with defaults for whatever it lacks: a group saved before a field or an event
 * existed reads the default for it instead of undefined.
 */
function withDefaults<K extends SettingsKey>(key: K, stored: SettingsGroups[K]): SettingsGroups[K] {
  const merged: any = { ...DEFAULT_SETTINGS[key], ...stored };
  if (key === 'notifications') merged.templates = { ...DEFAULT_SETTINGS.notifications.templates, ...(stored as any).templates };
  return merged;
}

const CACHE_MS = 5_000;

/**
 * Operator settings: typed groups with defaults, stored as JSON once changed. Reads are cached for
 * a few seconds (other processes pick up a change within that time); writes are validated, audited
 * and clear this process's cache at once.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class SettingsService {
  @InjectEntityModel(Setting)
  rows: Repository<Setting>;

  @Inject()
  tx: TransactionService;

  @Inject()
  audit: AuditService;

  private cache = new Map<SettingsKey, { value: any; at: number }>();

  /**
   * Inside a transaction pass its manager: on MySQL a second pooled connection taken while the
   * transaction holds locks can deadlock the pool under load.
   */
  async get<K extends SettingsKey>(key: K, manager?: EntityManager): Promise<SettingsGroups[K]> {
    const hit = this.cache.get(key);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.value;
    const row = await (manager ? manager.getRepository(Setting) : this.rows).findOne({ where: { key } });
    const value = row ? withDefaults(key, JSON.parse(row.value) as SettingsGroups[K]) : DEFAULT_SETTINGS[key];
    this.cache.set(key, { value, at: Date.now() });
    return value;
  }

  async all(): Promise<SettingsGroups> {
    return {
      finance: await this.get('finance'),
      booking: await this.get('booking'),
      cancellation: await this.get('cancellation'),
      notifications: await this.get('notifications'),
      workforce: await this.get('workforce'),
      quality: await this.get('quality'),
    };
  }

  async put<K extends SettingsKey>(ctx: AuditContext, key: K, input: unknown): Promise<SettingsGroups[K]> {
    const schema = SCHEMAS[key];
    if (!schema) throw Errors.notFound('设置项');
    const { error, value } = schema.validate(input, { abortEarly: false, allowUnknown: false });
    if (error) throw Errors.validation(`设置不正确：${error.details.map((d: any) => d.message).join('；')}`);
    if (key === 'booking' && (value as any).serviceStartFrom > (value as any).serviceStartUntil) {
      throw Errors.validation('最早开始时间不能晚于最晚开始时间');
    }
    const before = await this.get(key);
    await this.tx.run(async manager => {
      const repo = manager.getRepository(Setting);
      const by = ctx.principal?.displayName ?? 'system';
      const existing = await repo.findOne({ where: { key } });
      if (existing) await repo.update({ key }, { value: JSON.stringify(value), updatedBy: by });
      else await repo.insert({ key, value: JSON.stringify(value), updatedBy: by });
      await this.audit.record(ctx, { action: 'settings.update', targetType: 'settings', targetId: key, before, after: value }, manager);
    });
    this.cache.delete(key);
    return value;
  }

  /** Tests and the console's "恢复默认" use this to forget cached values. */
  clearCache(): void {
    this.cache.clear();
  }
}

import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { In, MoreThanOrEqual, Repository } from 'typeorm';
import { Customer } from './customer.entity';
import { CipherService } from '../../common/crypto/cipher.service';
import { isUniqueViolation } from '../../common/db-errors';
import { maskPhone } from '../../common/mask';
import { Errors } from '../../common/errors';

export interface CustomerProfile {
  id: number;
  phoneMasked: string;
  nickname: string;
  avatarUrl: string | null;
  wechatLinked: boolean;
}

/** Customers of the mini-program. The phone is stored encrypted and found through its blind index. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class CustomerService {
  @InjectEntityModel(Customer)
  customers: Repository<Customer>;

  @Inject()
  cipherService: CipherService;

  findByPhone(phone: string): Promise<Customer | null> {
    return this.customers.findOne({ where: { phoneHash: this.cipherService.phoneIndex(phone) } });
  }

  findByOpenid(openid: string): Promise<Customer | null> {
    return this.customers.findOne({ where: { wechatOpenid: openid } });
  }

  /** First login creates the account; a concurrent first login for the same phone finds the winner's row. */
  async findOrCreateByPhone(phone: string): Promise<Customer> {
    const existing = await this.findByPhone(phone);
    if (existing) return existing;
    try {
      await this.customers.insert({
        phoneEnc: this.cipherService.encrypt(phone),
        phoneHash: this.cipherService.phoneIndex(phone),
        nickname: `用户${phone.slice(-4)}`,
        avatarUrl: null,
        wechatOpenid: null,
        status: 'active',
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
    const created = await this.findByPhone(phone);
    if (!created) throw new Error('customer vanished after insert');
    return created;
  }

  async linkOpenid(customer: Customer, openid: string): Promise<Customer> {
    if (customer.wechatOpenid === openid) return customer;
    if (customer.wechatOpenid) throw Errors.conflict('WECHAT_ALREADY_LINKED', '该手机号已绑定其他微信账号');
    try {
      await this.customers.update({ id: customer.id }, { wechatOpenid: openid });
    } catch (err) {
      if (isUniqueViolation(err)) throw Errors.conflict('WECHAT_ALREADY_LINKED', '该微信已绑定其他手机号');
      throw err;
    }
    return { ...customer, wechatOpenid: openid };
  }

  findActive(id: number): Promise<Customer | null> {
    return this.customers.findOne({ where: { id, status: 'active' } });
  }

  profileOf(c: Customer): CustomerProfile {
    return {
      id: c.id,
      phoneMasked: maskPhone(this.cipherService.decrypt(c.phoneEnc)) as string,
      nickname: c.nickname,
      avatarUrl: c.avatarUrl,
      wechatLinked: Boolean(c.wechatOpenid),
    };
  }

  /** Masked phones by customer id, for staff lists. */
  async maskedPhones(ids: number[]): Promise<Map<number, string>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const rows = await this.customers.find({ where: { id: In(unique) } });
    return new Map(rows.map(c => [c.id, maskPhone(this.cipherService.decrypt(c.phoneEnc)) as string]));
  }

  async counts(since: Date): Promise<{ total: number; newSince: number }> {
    const [total, newSince] = await Promise.all([
      this.customers.count(),
      this.customers.count({ where: { createdAt: MoreThanOrEqual(since) } }),
    ]);
    return { total, newSince };
  }
}

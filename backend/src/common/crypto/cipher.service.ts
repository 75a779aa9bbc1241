import { Config, Init, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { FieldCipher, parseKeyring } from './field-cipher';
import type { AppSettings } from '../../config/settings';

/** The application's one FieldCipher, keyed from settings (DATA_KEYS, BLIND_INDEX_KEY). */
@Provide()
@Scope(ScopeEnum.Singleton)
export class CipherService {
  @Config('app')
  settings: AppSettings;

  cipher: FieldCipher;

  @Init()
  init() {
    this.cipher = new FieldCipher({
      keys: parseKeyring(this.settings.dataKeys),
      currentKeyId: this.settings.dataKeyCurrent,
      blindIndexKey: Buffer.from(this.settings.blindIndexKey, 'base64'),
    });
  }

  encrypt(plain: string): string {
    return this.cipher.encrypt(plain);
  }

  decrypt(value: string): string {
    return this.cipher.decrypt(value);
  }

  /** Exact-match lookup key for a phone number (digits only, so formatting never splits a person in two). */
  phoneIndex(phone: string): string {
    return this.cipher.blindIndex(phone, s => s.replace(/\D/g, ''));
  }

  /** Keyed hash for secrets we only ever compare (SMS codes). */
  keyedHash(value: string): string {
    return this.cipher.blindIndex(value);
  }
}

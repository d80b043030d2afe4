import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config';

/**
 * Keys derived from the one SECRET_KEY: contact encryption (AES-256-GCM) and HMAC keys per purpose,
 * so a leaked proof-of-work key says nothing about the contact key.
 */
export interface Secrets {
  seal(plain: string): string;
  open(sealed: string): string;
  /** keyed hash for a purpose, hex */
  mac(purpose: string, data: string): string;
}

/**
 * The keyed hash that stands for a client address wherever one is kept (public allowances, reports'
 * sender, sign-in throttles): one purpose, so the same address is the same key everywhere.
 */
export const addressKey = (secrets: Secrets, ip: string) => secrets.mac('source', ip);

const derive = (master: Buffer, purpose: string): Buffer => Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `tianlang:${purpose}`, 32));

export function createSecrets(masterBase64: string): Secrets {
  const master = Buffer.from(masterBase64, 'base64');
  if (master.length !== 32) throw new Error('SECRET_KEY must be 32 bytes');
  const encKey = derive(master, 'contact-encryption');
  const macKeys = new Map<string, Buffer>();
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    open(sealed) {
      if (!sealed.startsWith('v1.')) throw new Error('unknown sealed format');
      const raw = Buffer.from(sealed.slice(3), 'base64');
      const decipher = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    mac(purpose, data) {
      let key = macKeys.get(purpose);
      if (!key) macKeys.set(purpose, (key = derive(master, `mac:${purpose}`)));
      return createHmac('sha256', key).update(data).digest('hex');
    },
  };
}

/**
 * SECRET_KEY from the config, or for the embedded database a key kept in DATA_DIR (created once,
 * mode 600). A PostgreSQL deployment must configure it: losing it makes stored contacts unreadable.
 */
export function resolveSecretKey(config: Config): string {
  if (config.SECRET_KEY) return config.SECRET_KEY;
  if (config.DATABASE_URL) throw new Error('SECRET_KEY is required with DATABASE_URL (32 random bytes, base64: `openssl rand -base64 32`)');
  const file = path.join(config.DATA_DIR, 'secret.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(config.DATA_DIR, { recursive: true });
  const key = randomBytes(32).toString('base64');
  writeFileSync(file, key, { mode: 0o600 });
  return key;
}

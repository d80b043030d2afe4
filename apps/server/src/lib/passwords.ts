import { hash, verify } from '@node-rs/argon2';
import { AppError } from './errors';

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash of a random string, verified against when the username does not exist, so timing reveals nothing. */
let dummyHash: Promise<string> | undefined;
export const dummyPasswordHash = (): Promise<string> => (dummyHash ??= hashPassword('tianlang-no-such-user'));

/** At least 10 characters from at least three of: lower, upper, digits, symbols. */
export function assertStrongPassword(password: string, username?: string): void {
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  const weak = password.length < 10 || classes < 3 || (username && password.toLowerCase().includes(username.toLowerCase()));
  if (weak) {
    throw new AppError('auth.password_weak', 'password must have 10+ characters of 3 kinds and not contain the username');
  }
}

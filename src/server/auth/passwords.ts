import argon2 from 'argon2';
import type { AppConfig } from '../config.ts';
import { fieldProblem } from '../http/problem.ts';

export async function hashPassword(password: string, cost: AppConfig['argon2']): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id, memoryCost: cost.memoryCost, timeCost: cost.timeCost });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** 8–64 characters with at least a letter and a digit; the message names the field. */
export function assertPasswordPolicy(password: string, field = 'newPassword'): void {
  if (password.length < 8) throw fieldProblem(field, '新密码：至少 8 位');
  if (password.length > 64) throw fieldProblem(field, '新密码：不能超过 64 位');
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) throw fieldProblem(field, '新密码：须同时包含字母和数字');
}

import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy } from './password-policy.js';

describe('password policy', () => {
  it('refuses the passwords the review got through, and their obvious variants', () => {
    for (const password of [
      'Password123',
      'P@ssw0rd!!',
      'Qwerty12345',
      'PASSWORD123!',
      'Pa$$w0rd2024',
      'p@$$W0RD!!!!',
      '!!Password1',
      'Qwerty!2345',
      'QWERTY123456',
      '1Qaz2wsx!!',
      '1q2w3e4R5t',
      'Qazwsx123!',
      'Iloveyou123',
      'Woaini1314!',
      'Welcome@2024',
      'Admin@12345',
      'Abc123456!',
      'Zxcvbnm123',
      'Asdfghjkl1',
      'Letmein!!2026',
      'Monkey1234!',
      'Dragon12345',
    ]) {
      expect(checkPasswordPolicy(password), password).toBe('too_common');
    }
  });

  it('accepts strong passwords, including ones that merely contain a common word', () => {
    for (const password of [
      'Pass-word-3x',
      'Brand-new-pass-1',
      'Admin-Pass-2026',
      'Abc-9472-8163-2205',
      'Correct-Horse-Battery-9',
      'Tq7#mZ2!pL9w',
      'MyPassword-is-long-7',
    ]) {
      expect(checkPasswordPolicy(password), password).toBeNull();
    }
  });

  it('refuses a password that contains the username, however it is written', () => {
    expect(checkPasswordPolicy('Gaoyuanfeng-2026!', { username: 'gaoyuanfeng' })).toBe('contains_username');
    expect(checkPasswordPolicy('x-GAOYUANFENG-x-9', { username: 'GaoYuanFeng' })).toBe('contains_username');
    expect(checkPasswordPolicy('G@oyu4nfeng-2026!', { username: 'gaoyuanfeng' })).toBe('contains_username');
    expect(checkPasswordPolicy('Gaoyuanfeng-2026!', { username: 'liming' })).toBeNull();
    // A very short username would forbid too much by accident.
    expect(checkPasswordPolicy('Tq7#mZ2!pL9w', { username: 'tq' })).toBeNull();
  });

  it('still reports length and character classes first', () => {
    expect(checkPasswordPolicy('Pass1!')).toBe('too_short');
    expect(checkPasswordPolicy(`Aa1!${'x'.repeat(300)}`)).toBe('too_long');
    expect(checkPasswordPolicy('alllowercaseletters')).toBe('too_few_classes');
  });
});

import { randomInt } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { checkPasswordPolicy } from '../shared/password-policy.js';

export const CREDENTIALS_FILE = 'initial-credentials.txt';

/** Appends `username<TAB>password` lines to data/initial-credentials.txt, readable by the owner only. */
export function appendInitialCredentials(
  dataDir: string,
  entries: { username: string; password: string }[],
): string {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, CREDENTIALS_FILE);
  const lines = entries.map((e) => `${e.username}\t${e.password}\n`).join('');
  fs.appendFileSync(file, lines, { mode: 0o600 });
  // appendFile's mode applies only when it creates the file; make sure an older file is private too.
  fs.chmodSync(file, 0o600);
  return file;
}

const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const SYMBOLS = '-_.!@#%';

/** A random 16-character password that satisfies the policy; no look-alike characters. */
export function generatePassword(): string {
  for (;;) {
    let password = '';
    for (let i = 0; i < 14; i++) password += ALPHABET[randomInt(ALPHABET.length)];
    password += SYMBOLS[randomInt(SYMBOLS.length)];
    password += String(randomInt(2, 10));
    if (checkPasswordPolicy(password) === null) return password;
  }
}

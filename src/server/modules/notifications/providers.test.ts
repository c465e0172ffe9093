import { describe, expect, it } from 'vitest';
import { ConsoleProvider } from './providers.js';

describe('ConsoleProvider', () => {
  const write = async (template: string, text: string) => {
    const lines: string[] = [];
    await new ConsoleProvider((line) => lines.push(line)).send({
      id: '1',
      phone: '13700001111',
      text,
      template,
    });
    return lines.join('');
  };

  it('frames a sign-in code so that it stands out among log lines', async () => {
    const out = await write('otp', '【连心】您的登录验证码为 482913，5 分钟内有效。如非本人操作请忽略。');
    const lines = out.split('\n');
    const codeLine = lines.find((l) => l.includes('sign-in code'));
    expect(codeLine).toMatch(/登录验证码 sign-in code\s+482913/);
    expect(codeLine).toContain('137****1111');
    expect(out).not.toContain('13700001111');
    // A rule above and below, so the line is found at a glance.
    expect(lines.filter((l) => /^=+$/.test(l))).toHaveLength(2);
  });

  it('writes any other message as one plain line', async () => {
    const out = await write('workorder_closed', '【连心】您的工单 123456 已办结。');
    expect(out).toBe('[sms] 137****1111 【连心】您的工单 123456 已办结。\n');
  });
});

/** Chinese UI strings of the forced password change at first sign-in (spread into zh.ts). */
export const zhPassword = {
  'password.requiredTitle': '请先修改密码',
  'password.requiredReason':
    '您的密码由管理员设置。为保护账户安全，请设置一个只有您自己知道的新密码，修改后即可继续使用。',
  'password.requiredSubmit': '修改密码并继续',
  'password.requiredSignedInAs': '当前账户：{name}（{username}）',
} as const;

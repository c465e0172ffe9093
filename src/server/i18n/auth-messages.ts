/** Messages about signing in and one's own password (merged into `messages`). */
export const authMessages = {
  'auth.password_change_required': {
    zh: '您的密码由他人设置，请先修改密码再继续使用',
    en: 'Your password was set by someone else; change it before you go on',
  },
} as const;

/** Messages of the portal module (merged into `messages`). */
export const portalMessages = {
  'portal.phone': { zh: '请输入正确的 11 位手机号', en: 'must be an 11-digit mainland mobile number' },
  'portal.code_format': { zh: '验证码为 6 位数字', en: 'the code is 6 digits' },
  'portal.elder_mode_required': {
    zh: '请说明开启还是关闭长辈模式',
    en: 'say whether elder mode is on or off',
  },
  'portal.code_too_soon': {
    zh: '验证码已发送，请 {seconds} 秒后再重新获取',
    en: 'A code was just sent; you can ask again in {seconds} seconds',
  },
  'portal.code_hourly_limit': {
    zh: '获取验证码过于频繁，请 {minutes} 分钟后再试',
    en: 'Too many codes requested; try again in {minutes} minutes',
  },
  'portal.code_wrong': {
    zh: '验证码不正确，还可以再试 {left} 次',
    en: 'Wrong code; {left} tries left',
  },
  'portal.code_exhausted': {
    zh: '验证码输错次数过多，已失效，请重新获取',
    en: 'Too many wrong tries; this code no longer works, ask for a new one',
  },
  'portal.code_expired': {
    zh: '验证码已过期，请重新获取',
    en: 'The code has expired; ask for a new one',
  },
  'portal.code_invalid': {
    zh: '验证码无效，请重新获取',
    en: 'This code is not valid; ask for a new one',
  },
  'portal.place_too_coarse': {
    zh: '请至少选择到社区（村）',
    en: 'Choose at least a community or village',
  },
  'portal.request_not_found': { zh: '没有找到这条诉求', en: 'No such request' },
  'portal.photo_missing': { zh: '请选择要上传的照片', en: 'Choose a photo to upload' },
  'portal.photo_type': {
    zh: '只能上传 JPEG、PNG 或 WebP 格式的照片',
    en: 'Only JPEG, PNG or WebP photos can be uploaded',
  },
  'portal.photo_too_large': {
    zh: '每张照片不能超过 {megabytes} MB',
    en: 'Each photo may be at most {megabytes} MB',
  },
  'portal.too_many_photos': {
    zh: '每条诉求最多 {maximum} 张照片',
    en: 'At most {maximum} photos per request',
  },
  'portal.photo_closed': {
    zh: '诉求已办结，不能再添加照片',
    en: 'The request is finished; photos can no longer be added',
  },
  'portal.cannot_rate': {
    zh: '诉求办结后才能评价，且只能评价一次',
    en: 'A request can be rated once it is closed, and only once',
  },
  'portal.comment_required': {
    zh: '请说明不满意的原因，以便重新办理',
    en: 'Please say what is wrong so it can be handled again',
  },
} as const;

/** Messages of the open311 module (merged into `messages`). */
export const open311Messages = {
  'open311.api_key_missing': {
    zh: '缺少 api_key，无法提交诉求',
    en: 'No api_key received -- cannot create a service request',
  },
  'open311.api_key_invalid': {
    zh: 'api_key 无效或已吊销，无法提交诉求',
    en: 'Invalid or revoked api_key received -- cannot create a service request',
  },
  'open311.not_found': { zh: '没有找到请求的资源', en: 'The requested resource was not found' },
  'open311.bad_request': { zh: '请求有误', en: 'The request is invalid' },
  'open311.unknown_jurisdiction': {
    zh: '本接口不服务这个辖区',
    en: 'This endpoint does not serve that jurisdiction',
  },
  'open311.jurisdiction_required': {
    zh: '本接口服务多个辖区，请提供 jurisdiction_id（区县代码）',
    en: 'This endpoint serves several jurisdictions; give jurisdiction_id (the district code)',
  },
  'open311.unknown_service': { zh: '没有这个服务类型', en: 'No such service type' },
  'open311.unknown_request': { zh: '没有这个诉求', en: 'No such service request' },
  'open311.unknown_format': {
    zh: '不支持的格式，请使用 .json 或 .xml',
    en: 'Unsupported format; use .json or .xml',
  },
  'open311.location_required': {
    zh: '请提供位置：lat 与 long，或 address_string，或 address_id',
    en: 'A location is required: lat and long, or address_string, or address_id',
  },
  'open311.lat_long_pair': {
    zh: 'lat 与 long 须同时提供',
    en: 'lat and long must be given together',
  },
  'open311.unknown_address_id': {
    zh: '没有这个区域代码，或它不在本密钥的区域内',
    en: 'No such region code, or it lies outside the region of this api_key',
  },
  'open311.datetime_format': {
    zh: '应为 W3C 日期时间，如 2026-11-26T09:30:00+08:00',
    en: 'must be a W3C datetime, e.g. 2026-11-26T09:30:00+08:00',
  },
  'open311.end_before_start': {
    zh: '不能早于 start_date',
    en: 'must not be before start_date',
  },
  'open311.range_too_long': {
    zh: '查询时段不能超过 {days} 天',
    en: 'The date range may span at most {days} days',
  },
  'open311.unknown_status': { zh: '状态应为 open 或 closed', en: 'must be open or closed' },
  'open311.too_many_ids': {
    zh: '一次最多查询 {maximum} 个诉求',
    en: 'At most {maximum} service requests per query',
  },
  'open311.service_notice': {
    zh: '已受理，工单编号 {number}，将于北京时间 {due} 前办结',
    en: 'Received as work order {number}; it is due by {due} (Beijing time)',
  },
  'open311.contact': {
    zh: '连心平台由区委组织部运营，接口问题请联系区级管理员',
    en: 'Lianxin is run by the district organization department; ask the district administrator about this API',
  },
  'open311.key_service': {
    zh: 'API 密钥由区级管理员在“Open311 密钥”页面或用 lianxin open311 keys create 创建',
    en: 'API keys are issued by a district administrator on the “Open311 keys” page or with lianxin open311 keys create',
  },
  'open311.datatype.string': { zh: '单行文字，最多 200 字', en: 'One line of text, at most 200 characters' },
  'open311.datatype.text': {
    zh: '多行文字，最多 2000 字',
    en: 'Text with line breaks, at most 2,000 characters',
  },
  'open311.datatype.number': { zh: '数字', en: 'A number' },
  'open311.datatype.datetime': {
    zh: 'W3C 日期时间，如 2026-11-26T09:30:00+08:00',
    en: 'A W3C datetime, e.g. 2026-11-26T09:30:00+08:00',
  },
  'open311.datatype.singlevaluelist': { zh: '从列表中选一项（填 key）', en: 'One key from the list' },
  'open311.datatype.multivaluelist': {
    zh: '从列表中选一项或多项（attribute[code][]=key）',
    en: 'One or more keys from the list (attribute[code][]=key)',
  },
  'open311.key_not_found': { zh: '没有这个 Open311 密钥', en: 'No such Open311 key' },
  'open311.key_revoked': { zh: '该密钥已吊销', en: 'This key has been revoked already' },
  'open311.unknown_region': { zh: '区域不存在或不在您的管辖范围内', en: 'No such region within your scope' },
  'open311.public_text_personal_data': {
    zh: '公开说明中含有身份证号、电话、邮箱、门牌号或姓名等个人信息，请删去后再公开',
    en: 'The public text contains personal data (an ID number, phone, email, house number or name); remove it before publishing',
  },
} as const;

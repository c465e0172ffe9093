/** Chinese UI strings of the operator console's keyboard use (spread into zh.ts). */
export const zhConsoleKeys = {
  'wo.keys.title': '键盘操作（不用鼠标接完一通电话）',
  'wo.keys.caller': '来电号码或姓名',
  'wo.keys.category': '诉求类别（可输入拼音首字母，如 djlr）',
  'wo.keys.place': '地点',
  'wo.keys.description': '诉求内容',
  'wo.keys.contact': '联系人',
  'wo.keys.enter': '查找来电人；选中列表项；到下一项',
  'wo.keys.arrows': '在居民列表和下拉列表中移动',
  'wo.keys.accept': '受理',
  'wo.keys.escape': '在来电框中：清空来电人',
  'wo.keys.nextCall': '接下一个来电（清空本页）',
  'wo.console.searchPlaceholder': '手机号、固话或姓名（可用拼音首字母），回车查找',
  'wo.console.callerSearch': '来电号码或姓名',
  'wo.console.nameResults': '姓名匹配的居民（{count}）',
  'wo.console.noNameMatch': '居民登记中没有这个姓名',
};

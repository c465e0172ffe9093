/** The words the demo's organizations are written with: units, teams, commitments, deeds, conditions. */

/** The units of a district government whose in-service members register where they live (双报到). */
export const DISTRICT_UNITS = [
  '区委办公室',
  '区政府办公室',
  '区委组织部',
  '区教育局',
  '区卫生健康局',
  '区民政局',
  '区人力资源和社会保障局',
  '区城市管理局',
  '区住房和城乡建设局',
  '区财政局',
  '区市场监督管理局',
  '区司法局',
  '区应急管理局',
  '区农业农村局',
  '区人民医院',
  '区第一中学',
];
export const TEAM_NAMES = [
  '党员义工服务队',
  '志愿服务队',
  '巾帼志愿服务队',
  '青年志愿服务队',
  '夕阳红志愿服务队',
  '邻里守望服务队',
];
export const COMMITMENTS = [
  '每月参加一次社区志愿服务',
  '结对帮扶一户困难家庭',
  '每周看望楼内独居老人',
  '参与楼道环境整治',
  '协助网格员走访入户',
  '为居民提供法律咨询',
  '辅导社区青少年课业',
];
export const DEEDS = [
  '帮助独居老人买菜送餐',
  '清理楼道堆放杂物',
  '陪同老人就医',
  '为困难家庭代缴水电费',
  '维修楼道照明',
  '入户讲解医保政策',
  '冬季为老人家中检查暖气',
  '帮助残疾居民办理证件',
  '组织邻里调解矛盾',
  '为留守儿童辅导功课',
  '清扫小区积雪',
  '协助居民申请低保',
  '为失业居民推荐工作岗位',
  '慰问困难党员',
  '帮助居民疏通下水管道',
];
export const CONDITIONS = [
  '高血压',
  '糖尿病',
  '冠心病',
  '慢性支气管炎',
  '关节炎',
  '脑梗后遗症',
  '骨质疏松',
  '白内障',
];

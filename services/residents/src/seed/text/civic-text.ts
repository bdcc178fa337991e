/** What residents and volunteers write: volunteer skills and points reasons. */

/** Skills volunteers offer (志愿者技能). */
export const VOLUNTEER_SKILLS = [
  '维修', '家电维修', '水电维修', '理发', '陪护', '助老服务', '法律咨询', '心理疏导', '书法', '绘画',
  '摄影', '电脑维修', '医疗保健', '中医推拿', '政策宣讲', '文艺演出', '垃圾分类指导', '儿童托管',
  '手工编织', '安全巡逻', '调解纠纷', '烹饪', '外语翻译', '急救培训',
];

/** Reasons written on points awards (微星光) other than activities. */
export const WISH_REASONS = ['认领微心愿：为独居老人更换灯泡', '认领微心愿：帮助残疾居民代购药品', '认领微心愿：为困难家庭孩子辅导功课', '认领微心愿：修理楼道扶手', '认领微心愿：陪老人去医院复查'];
export const AWARD_REASONS = ['评为月度服务之星', '防汛值守表现突出', '年度优秀志愿者', '协助调解邻里纠纷'];
export const EXCHANGE_REASONS = ['兑换便民理发服务', '兑换社区停车位优先使用', '兑换文体活动场地预约', '兑换生活用品'];

import type { ActivityCategory } from '../../domain/activity-rules.ts';
import type { PostKind } from '../../domain/post-rules.ts';

/** What community workers and volunteers write: activities, posts, partnership commitments. */

export interface ActivityTemplate {
  title: string;
  description: string;
  hours: readonly [number, number];
  capacity: readonly [number, number];
}

/** Activities (微行动) by category: what volunteers sign up for. */
export const ACTIVITY_TEMPLATES: Readonly<Record<ActivityCategory, readonly ActivityTemplate[]>> = {
  POLICY_OUTREACH: [
    { title: '政策宣讲进小区', description: '社区党员志愿者走进小区，面对面解读医保、养老和住房新政策，现场答疑。', hours: [2, 3], capacity: [20, 40] },
    { title: '反诈骗知识宣传', description: '联合派出所民警讲解常见电信诈骗手法，帮助居民安装国家反诈中心APP。', hours: [2, 2], capacity: [15, 30] },
    { title: '民法典宣传进万家', description: '法律志愿者以案说法，讲解婚姻家庭、继承和邻里相关条款。', hours: [2, 3], capacity: [20, 50] },
    { title: '垃圾分类知识宣讲', description: '在小区投放点开展垃圾分类指导，发放宣传册和分类垃圾袋。', hours: [2, 4], capacity: [10, 20] },
  ],
  HEALTH: [
    { title: '义诊进社区', description: '社区卫生服务中心医生免费测血压、血糖，提供健康咨询。', hours: [3, 4], capacity: [10, 20] },
    { title: '中医养生讲座', description: '中医师讲解秋冬养生和常见慢性病调理，志愿者协助签到引导。', hours: [2, 2], capacity: [30, 60] },
    { title: '急救知识培训', description: '红十字会讲师教授心肺复苏和AED使用，现场实操练习。', hours: [3, 3], capacity: [20, 30] },
  ],
  HOUSEWORK: [
    { title: '家电义务维修', description: '维修志愿者在小区广场为居民免费维修小家电，只收材料费。', hours: [3, 4], capacity: [8, 15] },
    { title: '便民理发服务', description: '理发志愿者为老人和行动不便的居民义务理发，可预约上门。', hours: [3, 3], capacity: [6, 12] },
    { title: '磨刀配钥匙便民服务', description: '便民服务摊位进小区，磨刀、配钥匙、修伞、缝补衣物。', hours: [3, 4], capacity: [6, 10] },
  ],
  ELDERLY_CARE: [
    { title: '重阳节敬老活动', description: '为社区高龄老人送上慰问品，志愿者陪老人聊天、表演节目。', hours: [3, 4], capacity: [20, 40] },
    { title: '走访慰问独居老人', description: '党员志愿者分组走访独居和空巢老人，了解生活困难并登记需求。', hours: [2, 3], capacity: [10, 20] },
    { title: '老年人智能手机教学', description: '青年志愿者一对一教老人使用健康码、视频通话和网上缴费。', hours: [2, 2], capacity: [10, 20] },
  ],
  CHILD_CARE: [
    { title: '四点半课堂', description: '放学后为双职工家庭的孩子提供作业辅导和课外阅读。', hours: [2, 2], capacity: [10, 20] },
    { title: '暑期少儿托管班', description: '大学生志愿者带领孩子们开展手工、科普和体育活动。', hours: [4, 6], capacity: [10, 20] },
    { title: '亲子阅读会', description: '在社区书屋开展亲子共读，分享绘本故事。', hours: [2, 2], capacity: [15, 30] },
  ],
  HARDSHIP_RELIEF: [
    { title: '困难家庭走访慰问', description: '社区党委联合共建单位走访低保和因病致贫家庭，送去米油和慰问金。', hours: [3, 4], capacity: [8, 15] },
    { title: '爱心义卖', description: '居民捐出闲置物品义卖，所得款项全部用于帮扶困难家庭。', hours: [4, 5], capacity: [15, 30] },
    { title: '助农蔬菜认购', description: '帮助失地农民家庭销售自种蔬菜，志愿者协助分拣配送。', hours: [3, 4], capacity: [10, 20] },
  ],
  CULTURE_SPORT: [
    { title: '书法进社区写春联', description: '书法志愿者现场为居民书写春联和福字，免费赠送。', hours: [3, 4], capacity: [10, 20] },
    { title: '邻里节文艺汇演', description: '居民自编自演歌舞、戏曲和小品，志愿者负责场地布置和秩序维护。', hours: [3, 4], capacity: [30, 60] },
    { title: '社区乒乓球友谊赛', description: '各小区居民组队参赛，以球会友，促进邻里交流。', hours: [4, 5], capacity: [20, 40] },
    { title: '广场舞展演', description: '各舞蹈队集中展演，评选最佳人气队伍。', hours: [2, 3], capacity: [40, 80] },
  ],
  MEDIATION: [
    { title: '法律咨询进社区', description: '律师和法院干警现场提供法律咨询，解答物业、婚姻、劳动纠纷问题。', hours: [2, 3], capacity: [10, 20] },
    { title: '邻里纠纷调解会', description: '调解志愿者与网格员一起，就楼道堆物和噪音问题组织当事人协商。', hours: [2, 2], capacity: [8, 12] },
  ],
  SECURITY_PATROL: [
    { title: '夜间平安巡逻', description: '平安巡防队在小区和沿江步道巡逻，检查楼道消防通道。', hours: [2, 3], capacity: [8, 15] },
    { title: '消防安全检查', description: '联合物业检查电动车充电、楼道堆物和消防设施，劝导整改。', hours: [2, 3], capacity: [8, 12] },
    { title: '防汛巡查', description: '汛期沿江堤岸和地下车库巡查，发现隐患及时上报。', hours: [3, 4], capacity: [10, 20] },
  ],
};

/** Where community activities take place: rooms of the community (新城社区书屋), places in a compound (滨江花园中心广场). */
export const COMMUNITY_VENUES = ['党群服务中心二楼多功能厅', '党群服务中心一楼会议室', '社区书屋', '居民议事厅', '日间照料中心'];
export const COMPOUND_VENUES = ['中心广场', '南门广场', '架空层活动室', '3栋前空地'];

export interface PostTemplate {
  title: (context: { place: string; compound: string; year: number; month: number }) => string;
  body: string;
}

/** Posts on the micro-platform (微平台) by kind. */
export const POST_TEMPLATES: Readonly<Record<PostKind, readonly PostTemplate[]>> = {
  NEWS: [
    { title: ({ place }) => `${place}召开党建引领基层治理推进会`, body: '会议总结了上半年网格化治理工作，部署下一阶段微网格建设和1310结对联户任务。' },
    { title: ({ place }) => `${place}“红色管家”服务队为居民义务维修家电`, body: '本周末服务队在小区广场摆摊维修，共修好电饭煲、电风扇等小家电三十余件。' },
    { title: ({ place }) => `${place}开展重阳节敬老活动`, body: '志愿者为高龄老人送上慰问品，并为独居老人打扫卫生、检查用电安全。' },
    { title: ({ compound }) => `${compound}加装电梯项目顺利完工`, body: '在社区、业委会和物业三方协调下，加装电梯项目历时四个月完工并通过验收。' },
    { title: ({ place }) => `${place}共建单位走访慰问困难家庭`, body: '共建单位党员干部与社区党委一起走访困难家庭，送去慰问金和生活物资。' },
  ],
  POLICY: [
    { title: ({ year }) => `关于开展${year + 1}年度城乡居民医疗保险参保缴费的通知`, body: '参保缴费期为即日起至12月31日，可通过“我的南京”APP或社区服务窗口办理。' },
    { title: () => '高龄老人尊老金申领政策解读', body: '年满80周岁的本市户籍老人可申领尊老金，请携带身份证和户口簿到社区服务窗口办理。' },
    { title: () => '电动自行车安全管理新规解读', body: '禁止在楼道、安全出口停放电动车或充电，请到小区集中充电点充电。' },
    { title: () => '困难群众临时救助政策问答', body: '因病、因灾等导致基本生活暂时困难的家庭可申请临时救助，社区网格员可代为受理。' },
  ],
  VOLUNTEER_CALL: [
    { title: () => '招募：周末敬老院陪伴志愿者10名', body: '每周六上午陪伴老人聊天、读报，需要耐心细致，有陪护经验者优先。' },
    { title: () => '招募：四点半课堂辅导志愿者', body: '工作日下午4点半至6点辅导小学生作业，欢迎退休教师和大学生报名。' },
    { title: () => '招募：防汛巡查志愿者', body: '汛期需要志愿者协助巡查沿江堤岸和地下车库，请身体健康的居民踊跃报名。' },
    { title: () => '招募：垃圾分类督导志愿者', body: '早晚投放时段在投放点值守督导，每次1小时，可计入志愿服务时长和积分。' },
  ],
  NOTICE: [
    { title: ({ compound, month }) => `${compound}${month}月停水通知`, body: '因供水管道检修，届时将暂停供水，请居民提前储水，给您带来不便敬请谅解。' },
    { title: ({ compound }) => `${compound}电梯年检通知`, body: '物业将对各栋电梯进行年度检验，检验期间电梯暂停使用约两小时。' },
    { title: ({ place }) => `${place}党群服务中心开放时间调整`, body: '自下周一起，党群服务中心工作日开放时间调整为8:30至20:00，周末照常开放。' },
    { title: ({ compound }) => `${compound}消防通道清理通知`, body: '请各位业主本周内将楼道和消防通道内的杂物清理完毕，逾期将由物业统一清理。' },
  ],
};

/** What a community and a co-building unit promise each other (结对共建). */
export const PARTNERSHIP_COMMITMENTS = [
  '每季度开展一次进社区志愿服务',
  '结对帮扶社区困难家庭',
  '周末向居民开放单位停车位',
  '开放单位食堂为社区老人提供助餐',
  '每月派驻专业人员提供咨询服务',
  '选派在职党员参加社区网格服务',
  '资助社区微实事项目',
  '共同举办社区文化体育活动',
  '为社区青少年提供暑期实践岗位',
];

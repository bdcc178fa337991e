/** Names of places and bodies as people in Nanjing's Jianye district write them. */

export const DISTRICT = { name: '中共南京市建邺区委员会', place: '建邺区', phone: '025-87770000', address: '南京市建邺区江东中路269号' };

/** Street (街道) place names; the first is Jiangxinzhou, the street the `street` scale seeds. */
export const STREET_PLACES = ['江心洲', '沙洲', '兴隆', '南苑', '双闸', '莫愁湖', '奥体', '河西', '滨湖', '鱼嘴', '新河', '江东'];

/** The communities of Jiangxinzhou, then stems from which further community names are made. */
export const JIANGXINZHOU_COMMUNITIES = ['新城', '洲岛家园', '贤坤', '清荷园', '江岛', '滨江'];
export const COMMUNITY_NAME_FIRST = [...'新滨清贤洲天怡白双恒丽文万嘉锦枫金绿桃宏乐吉平和康福荷月泰雨奥莲南北茶兴庐华'];
export const COMMUNITY_NAME_SECOND = [...'城江园坤岛心康鹭和山景苑林沙湖阳安泰河馨'];

/** Residential compounds (小区) are named after a stem and one of these. */
export const COMPOUND_SUFFIXES = ['花园', '家园', '雅苑', '新村', '嘉园', '名府', '佳园', '公寓', '雅居', '华庭'];
export const COMPOUND_STEMS = [
  '融侨', '万科', '仁恒', '保利', '金地', '朗诗', '华润', '招商', '中海', '绿地', '银城', '苏宁',
  '江岸', '滨江', '洲岛', '清荷', '锦绣', '翠竹', '碧水', '阳光', '幸福', '和睦', '芳草', '紫荆',
  '龙湾', '云锦', '梧桐', '青奥', '月光', '江畔',
];

/** Property-management firms (物业); the community's serves one of its compounds. */
export const PROPERTY_BRANDS = ['万科物业', '保利物业', '招商积余', '金陵物业', '朗诗物业', '苏宁银河物业', '东方物业', '建邺城建物业', '仁恒物业', '华润万象生活'];

/** Government functional departments at a street, from its place name. */
export const DEPARTMENT_TEMPLATES: readonly ((place: string) => string)[] = [
  (place) => `南京市公安局建邺分局${place}派出所`,
  (place) => `建邺区市场监督管理局${place}分局`,
  (place) => `${place}街道综合行政执法大队`,
  (place) => `${place}街道社会事业办公室`,
  (place) => `${place}街道城市管理办公室`,
  (place) => `${place}司法所`,
];

/**
 * Co-building units (共建单位) that pair with communities: district bodies (each pairs with one
 * community of the district), and schools, banks and utilities named after the street.
 */
export const DISTRICT_UNITS = [
  '南京市建邺区人民法院', '南京市建邺区人民检察院', '国家税务总局南京市建邺区税务局', '南京市建邺区卫生健康委员会',
  '南京市建邺区教育局', '南京市建邺区城市管理局', '南京市建邺区民政局', '南京市建邺区人力资源和社会保障局',
  '南京市建邺区退役军人事务局', '南京市建邺区文化和旅游局', '南京市建邺区应急管理局', '南京市建邺区住房保障和房产局',
  '南京市建邺区司法局', '南京市建邺区科学技术局', '南京市建邺区统计局', '建邺区消防救援大队',
];
export const STREET_UNIT_TEMPLATES: readonly ((place: string) => string)[] = [
  (place) => `${place}小学`,
  (place) => `${place}中学`,
  (place) => `${place}幼儿园`,
  (place) => `中国银行${place}支行`,
  (place) => `中国工商银行${place}支行`,
  (place) => `中国建设银行${place}支行`,
  (place) => `中国农业银行${place}支行`,
  (place) => `交通银行${place}支行`,
  (place) => `南京银行${place}支行`,
  (place) => `${place}社区卫生服务中心`,
  (place) => `中国移动${place}营业厅`,
  (place) => `国网南京供电公司${place}供电所`,
  (place) => `南京水务集团${place}营业所`,
  (place) => `中国邮政${place}邮政支局`,
  (place) => `江苏省人民医院${place}分院`,
  (place) => `南京地铁${place}站`,
  (place) => `${place}实验幼儿园`,
  (place) => `苏宁易购${place}店`,
  (place) => `中石化${place}加油站`,
  (place) => `南京银城物业${place}分公司`,
  (place) => `江苏电信${place}营业厅`,
  (place) => `${place}老年大学`,
  (place) => `${place}文化站`,
  (place) => `${place}菜市场`,
  (place) => `建邺高新区${place}园区`,
  (place) => `中建八局${place}项目部`,
];

export const VOLUNTEER_TEAM_TEMPLATES = ['红色管家志愿服务队', '银发先锋志愿服务队', '青年志愿服务队', '巾帼志愿服务队', '邻里守望志愿服务队', '平安巡防志愿服务队'];

/** Where Jiangxinzhou lies; other streets are placed around the district. */
export const JIANGXINZHOU_CENTRE = { longitude: 118.705, latitude: 32.01 };
export const DISTRICT_CENTRE = { longitude: 118.73, latitude: 32.0 };

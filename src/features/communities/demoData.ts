/**
 * The demo community's content: the seed's own example, a 2019 PKU Guanghua MBA
 * exam-preparation group, its charter as an operator would write it, the staff,
 * and the word lists member names are drawn from. Data, not UI text: it stays
 * Chinese whatever the interface language.
 */
import type { CharterInput } from './service.js';

export const DEMO_SLUG = 'pku-mba-2019';
export const DEMO_OWNER_EMAIL = 'demo@shequn.local';
export const DEMO_EMAIL_DOMAIN = 'demo.shequn.local';

export const DEMO_CHARTER: CharterInput = {
  slug: DEMO_SLUG,
  name: '北大MBA 2019 备考群',
  type: 'action',
  sharedNeed:
    '考上北京大学光华管理学院 2019 级 MBA：拿到提前面试（提面）的优秀或条件资格，并在 12 月的全国管理类联考中过线。' +
    '群里都是在职备考的同学，时间紧、信息乱，需要一个靠谱的地方一起把这件事做成。',
  valuePromise: [
    '在这里你能得到公开渠道拿不到的东西：',
    '1. 光华招生办老师每两周一次群内答疑，招生政策的变化第一时间同步；',
    '2. 往届学长学姐整理的提面申请材料修改要点、真实面试题回忆和个人经验，只在群内分享；',
    '3. 内部整理的联考资料（逻辑、写作、数学）和每日打卡督学，有人盯着你学；',
    '4. 模拟面试：往届校友担任面试官，一对一反馈。',
  ].join('\n'),
  norms: [
    '1. 入群请把群名片改为：姓名-行业-城市；',
    '2. 入群 24 小时内发一段自我介绍（背景、工作年限、报考项目）；',
    '3. 只聊光华 MBA 申请和联考相关的话题；禁止广告、拉人、卖课，违者直接移出；',
    '4. 转发公开链接请注明来源，原创经验优先；',
    '5. 尊重每一位同学，不评价他人的背景和选择；',
    '6. 内部资料仅限群内使用，请勿外传。',
  ].join('\n'),
  entryCriteria:
    '本科毕业满 3 年（或硕士毕业满 2 年），有明确的 2019 年报考计划。由现有成员推荐，或填写报名问卷后经群主审核入群。',
  capacity: 300,
  publicTeaser: true,
  teaser:
    '近 200 位 2019 届光华 MBA 备考同学在这里一起准备提面和联考。每两周有招生老师答疑，每周有往届学长学姐的经验分享和模拟面试。公开页只展示简介，入群后可查看全部资料。',
};

export interface StaffSeed {
  key: string;
  displayName: string;
  role: 'owner' | 'admin' | 'core';
  /** Share of the core posts this person writes. */
  postWeight: number;
}

/** The operator, the assistant and the core members (骨干) who supply the group's exclusive value. */
export const STAFF: StaffSeed[] = [
  { key: 'owner', displayName: '陈思远-群主', role: 'owner', postWeight: 0.12 },
  { key: 'admin', displayName: '孙悦-助教', role: 'admin', postWeight: 0.08 },
  { key: 'admissions', displayName: '刘婧-光华招生办', role: 'core', postWeight: 0.18 },
  { key: 'senior2017', displayName: '周凯-光华MBA2017级', role: 'core', postWeight: 0.26 },
  { key: 'senior2018', displayName: '李蕾-光华MBA2018级', role: 'core', postWeight: 0.24 },
  { key: 'alumnus2016', displayName: '何川-光华MBA2016级校友', role: 'core', postWeight: 0.12 },
];

export const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔汤'];
export const GIVEN_CHARS = [...'伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚婷雪慧琳晨宇浩欣怡佳思子梓涵博文雨婉嘉一天昊然瑞宁颖凯鑫俊峰楠琪航帆远舟哲鹏飞阳诚毅璐蓉莉晓亮斌倩薇冰玥彤辰逸轩'];
export const INDUSTRIES = ['互联网', '金融', '咨询', '快消', '医药', '制造', '地产', '教育', '能源', '国企', '汽车', '通信', '律所', '审计', '银行', '券商', '政府'];
export const CITIES = ['北京', '北京', '北京', '上海', '深圳', '杭州', '广州', '成都', '武汉', '南京', '天津', '西安'];
/** Names of people who never changed their group card (群名片) to the norm. */
export const NICKNAMES = ['考研小白', 'Amy', '阿杰', 'Leo', '奔跑的蜗牛', '上岸上岸', 'Kevin', '小鱼', '木子', '一只小考拉', 'Grace', '向日葵', '老K', '安静的胖子', '晴天'];

/** Core posts by phase of the 8 weeks: the rhythm of a real prep season. */
export const CORE_TOPICS: string[][] = [
  ['提面申请系统开放时间和材料清单', '个人陈述怎么写出差异化：三个真实案例', '推荐信找谁写？往届经验', '光华 MBA 各项目（全日制/在职/金融）的区别'],
  ['提面材料第一轮修改要点汇总', '面试真题回忆（2017 批次）', '工作年限不足 5 年怎么突出领导力', '简历一页纸的写法'],
  ['招生老师答疑会预告与问题收集', '答疑会纪要：今年政策的三处变化', '逻辑真题分类练习表（内部整理）', '数学基础薄弱的复习路线'],
  ['面试小组讨论环节怎么准备', '提面结果公布时间与后续安排', '写作论证有效性分析的模板', '往届学长的时间管理表'],
  ['全国联考网上报名流程（研招网）', '报名信息填错了怎么办', '报考点选择：北京还是户籍地', '报名缴费和照片审核注意事项'],
  ['提面经验分享会回放和 PPT', '条件资格和优秀资格的差别', '联考倒计时 60 天复习计划', '逻辑形式化方法速成'],
  ['模拟面试安排与分组', '模拟面试反馈共性问题', '写作论说文素材库（内部）', '数学真题易错点'],
  ['冲刺阶段的作息和心态', '考前一个月资料清单', '往届学长上岸经验：在职怎么兼顾', '确认信息和打印准考证提醒'],
];

export const CHECK_IN_PROGRAM = '每日打卡：逻辑 30 题 + 单词';
export const DEMO_EVENTS = [
  { day: 17, title: '光华招生老师线上答疑会', attendees: 62 },
  { day: 31, title: '往届学长学姐提面经验分享会', attendees: 48 },
  { day: 46, title: '模拟面试（第一场）', attendees: 22 },
];
export const REMOVAL_REASON = '发布培训机构广告，违反群规第 3 条';
export const LEAVE_REASONS = ['决定明年再考', '工作太忙，先退了', '已经报了别的项目', null];
export const REJECT_REASON = '工作年限不符合报考要求';
export const PUBLIC_SOURCES = [
  { from: '研招网', link: 'https://yz.chsi.com.cn/' },
  { from: '光华管理学院官网', link: 'https://www.gsm.pku.edu.cn/' },
  { from: '北京教育考试院', link: 'https://www.bjeea.cn/' },
];

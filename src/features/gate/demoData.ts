/**
 * The demo community's gate: its application questionnaire (报名问卷), screening
 * rules, campaign links and the phrases self-introductions are drawn from.
 * Data, not UI text: it stays Chinese whatever the interface language.
 */
import type { ApplicationForm, GateSettings, ScreeningRule } from './rules.js';
import { DEFAULT_SETTINGS } from './settings.js';

export const DEMO_FORM: ApplicationForm = {
  questions: [
    { id: 'years', kind: 'single_choice', label: '本科毕业几年了？', required: true, options: [{ id: 'lt3', label: '不满 3 年' }, { id: '3to5', label: '3–5 年' }, { id: '5to8', label: '5–8 年' }, { id: 'gt8', label: '8 年以上' }] },
    { id: 'work', kind: 'short_text', label: '目前的行业和职位', required: true, maxLength: 60 },
    { id: 'plan', kind: 'single_choice', label: '2019 年的报考计划', required: true, options: [{ id: 'both', label: '提面 + 联考' }, { id: 'exam', label: '只考联考' }, { id: 'undecided', label: '还在考虑' }] },
    { id: 'topics', kind: 'multi_choice', label: '最需要哪方面的帮助？', required: false, options: [{ id: 'essay', label: '提面材料' }, { id: 'interview', label: '面试' }, { id: 'logic', label: '逻辑' }, { id: 'math', label: '数学' }, { id: 'writing', label: '写作' }], maxChoices: 3 },
    { id: 'why', kind: 'long_text', label: '为什么想加入这个群？', required: true, minLength: 10, maxLength: 500 },
  ],
};

export const DEMO_RULES: ScreeningRule[] = [
  { id: 'ads', name: '广告和拉人', enabled: true, conditions: [{ on: 'answer', questionId: 'why', op: 'any_of', value: ['加微信', '代报名', '课程优惠', '保过'] }], outcome: 'reject', reason: '本群禁止广告和拉人（群规第 3 条）。' },
  { id: 'too-early', name: '工作年限不足', enabled: true, conditions: [{ on: 'answer', questionId: 'years', op: 'equals', value: 'lt3' }], outcome: 'reject', reason: '工作年限不符合报考要求：本科毕业需满 3 年。' },
  { id: 'vouched', name: '成员担保', enabled: true, conditions: [{ on: 'referral', op: 'vouched' }], outcome: 'approve' },
  { id: 'salon', name: '线下沙龙来的明确报考者', enabled: true, conditions: [{ on: 'channel', op: 'is', value: ['salon-2019-03'] }, { on: 'answer', questionId: 'plan', op: 'equals', value: 'both' }], outcome: 'approve' },
];

export const DEMO_SETTINGS: GateSettings = { ...DEFAULT_SETTINGS, referralMode: 'vouch', cooldownDays: 30, introDueDays: 1, quota: { owner: null, admin: null, core: 10, member: 3 } };

export const DEMO_CAMPAIGNS = [
  { channel: 'wechat-article', name: '公众号文章：光华提面经验', share: 0.3 },
  { channel: 'salon-2019-03', name: '线下沙龙 2019-03', share: 0.2 },
  { channel: 'zhihu', name: '知乎回答：在职怎么备考 MBA', share: 0.15 },
] as const;

export const WHY = [
  '在职备考时间太紧，想找一群同路人互相督促。',
  '想了解提面材料怎么准备，听听往届学长学姐的经验。',
  '数学基础比较弱，希望有人一起打卡刷题。',
  '朋友推荐，说这里的信息比公开渠道靠谱。',
  '准备冲今年的提面，想参加模拟面试。',
  '想第一时间知道招生政策的变化。',
];
export const OFFER = ['互联网产品经验，可以帮大家看简历', '整理过逻辑错题本，愿意分享', '在咨询公司做过面试官', '数学还不错，可以答疑', '熟悉金融行业，可以聊行业问题', '北京本地，可以组织线下自习'];
export const SEEKING = ['一起打卡的学习搭子', '提面材料修改建议', '模拟面试的伙伴', '写作批改', '了解光华在职项目的学长学姐', '同城一起备考的同学'];
export const PENDING_NAMES = ['邹宁-医药-上海', '沈一舟-能源-北京', 'Cathy', '孔令涵-教育-成都', '钱浩然-券商-深圳', '白璐-快消-广州'];

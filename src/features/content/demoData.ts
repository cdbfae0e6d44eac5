/**
 * What the demo community's members wrote inside: core members' exclusive
 * notes (真题解析, 面试经验), questions to the core and their answers, 精华,
 * a pinned index, and some forwarded public links — written the way a
 * 北大MBA备考 group talks. Authors are named by the demo's display names
 * ('member:N' is the N-th ordinary member by join date).
 */
export interface DemoReply {
  by: string;
  body: string;
  /** Index of the top-level reply this one answers. */
  under?: number;
  hoursAfter: number;
}

export interface DemoPost {
  by: string;
  daysAgo: number;
  kind?: 'post' | 'question';
  askedTo?: string; // a display name, or 'core'
  title?: string;
  body: string;
  tags?: string[];
  visibility?: 'members' | 'core';
  teaser?: string;
  essence?: boolean;
  pinned?: boolean;
  replies?: DemoReply[];
  /** Questions: the asker accepts this reply (index into replies). */
  accept?: number;
}

const ZHOU = '周凯-光华MBA2017级';
const LI = '李蕾-光华MBA2018级';
const LIU = '刘婧-光华招生办';
const HE = '何川-光华MBA2016级校友';
/** The core member with an answer duty, whose question to answer is overdue: the one fallen behind. */
export const DEMO_ANSWERER = HE;

export const DEMO_POSTS: DemoPost[] = [
  {
    by: 'owner',
    daysAgo: 40,
    title: '新人必读：本群资料索引和提问方式',
    body: '欢迎加入！先看这三样：\n\n1. **精华帖**：骨干整理的真题解析和面试复盘，点「精华」就能看到\n2. **提问**：点「向骨干提问」，可以指定问某位骨干，48 小时内会有人回答\n3. **标签**：#真题 #面试 #英语二 #提前面试\n\n转发公开链接请尽量附上一句你自己的看法，纯转发会被标成「转发链接」。',
    tags: ['新人'],
    pinned: true,
  },
  {
    by: ZHOU,
    daysAgo: 35,
    title: '【真题解析】2018 管综数学 条件充分性判断 第 16–25 题',
    body: '这十道题是大家错得最多的一组，我按**出题套路**而不是按题号来讲。\n\n## 套路一：特值反例\n第 17 题给的是 a、b 的范围，先别急着推，代 a=0、b=1 试一下，条件（1）直接被推翻。\n\n## 套路二：联合也不充分\n第 21 题很多人选 C，其实两个条件联合后仍然缺一个正负号的信息，答案是 E。\n\n## 练习建议\n- 每天 10 道条件充分性，限时 15 分钟\n- 错题只记「为什么没想到反例」，不抄解析\n\n完整逐题解析和我当年的错题本在下面回复里陆续补。',
    tags: ['真题', '数学'],
    teaser: '条件充分性判断是管综数学失分最多的一块。我按出题套路（特值反例、联合仍不充分……）重新讲了 2018 年第 16–25 题。',
    essence: true,
    replies: [
      { by: 'member:1', body: '第 21 题我也选了 C，看完才明白是缺符号信息，感谢！', hoursAfter: 3 },
      { by: ZHOU, body: '对，联合之后先检查「有没有丢掉的信息」，这是最常见的坑。', under: 0, hoursAfter: 5 },
      { by: 'member:4', body: '求问限时 15 分钟是包括检查吗？', hoursAfter: 20 },
      { by: ZHOU, body: '包括。考场上条件充分性平均 1.5 分钟一道。', under: 2, hoursAfter: 22 },
    ],
  },
  {
    by: LI,
    daysAgo: 30,
    title: '【面试经验】光华 MBA 提前面试复盘（2018 年秋季批次，拿到优秀）',
    body: '说几个网上经验帖里没有的点：\n\n**1. 个人陈述要能被追问三层。** 面试官拿着你的材料问「为什么」，再问「那时候你怎么想」，再问「现在回头看」。\n\n**2. 小组讨论不要抢第一个发言。** 我们组第一个发言的同学方向跑偏，后面的人反而有机会拉回来。\n\n**3. 英语环节问的是工作。** 准备 2 分钟讲清楚你现在的团队和一件难事。\n\n我面试时被问到的原题和我的回答整理在下面，仅限群内，请不要外传。',
    tags: ['面试', '提前面试'],
    teaser: '网上经验帖里没有的三点：个人陈述要经得起三层追问、小组讨论别抢第一个发言、英语环节问的是工作。',
    essence: true,
    replies: [
      { by: 'member:2', body: '请问小组讨论大概几个人一组？', hoursAfter: 2 },
      { by: LI, body: '我们那组 7 个人，题目是一家连锁咖啡店要不要进三线城市。', under: 0, hoursAfter: 4 },
      { by: 'member:6', body: '收藏了，个人陈述那条太真实了。', hoursAfter: 30 },
    ],
  },
  {
    by: HE,
    daysAgo: 26,
    title: '考研资料分享：历年管综真题整理说明',
    body: '整理了 2009–2018 年管综真题，按科目和题型分好了类，配了我当年的批注。\n\n- 数学：按「应用题 / 几何 / 数列 / 条件充分性」分\n- 逻辑：按「削弱 / 加强 / 假设 / 推理」分\n- 写作：论证有效性分析的常见谬误清单\n\n文件在群公告的网盘里，密码找助理要。',
    tags: ['真题', '资料'],
  },
  {
    by: LIU,
    daysAgo: 22,
    title: '转发：北大光华 2019 年 MBA 招生简章',
    body: 'https://www.gsm.pku.edu.cn/admission/mba2019.html',
    tags: ['招生'],
  },
  {
    by: 'member:3',
    daysAgo: 18,
    body: '教育部 2019 年硕士研究生招生考试公告 https://yz.chsi.com.cn/kyzx/kydt/2019gonggao.html',
    tags: ['招生'],
  },
  {
    by: ZHOU,
    daysAgo: 12,
    title: '骨干内部：下周答疑排班',
    body: '周一周三我来，周二周四 @李蕾-光华MBA2018级，周五 @何川-光华MBA2016级校友。超过 48 小时没人回答的问题，周末统一补。',
    visibility: 'core',
  },
  {
    by: 'member:1',
    daysAgo: 9,
    kind: 'question',
    askedTo: ZHOU,
    title: '条件充分性判断题总是错，怎么练？',
    body: '做了两周，正确率还是 60% 左右，主要是联合的时候判断不准。',
    replies: [
      { by: ZHOU, body: '先别刷新题。把错题按「没想到反例 / 联合时丢信息 / 计算错」三类分一下，一周后你会发现 80% 是第一类。然后专练特值。', hoursAfter: 6 },
      { by: 'member:5', body: '我也是这样，分类之后提升很明显。', hoursAfter: 10 },
    ],
    accept: 0,
  },
  {
    by: 'member:2',
    daysAgo: 6,
    kind: 'question',
    askedTo: 'core',
    title: '提前面试材料里的「管理经历」怎么写才不空？',
    body: '我带过一个 3 人的小组，但感觉写出来很单薄。',
    replies: [{ by: LI, body: '写一件具体的事：目标是什么、你做了哪个决定、结果用数字说。3 个人也可以写出深度。', hoursAfter: 9 }],
  },
  {
    by: 'member:4',
    daysAgo: 3,
    kind: 'question',
    askedTo: HE,
    title: '英语二作文模板要背几篇？',
    body: '大作文和小作文各背几篇比较合适？',
  },
];

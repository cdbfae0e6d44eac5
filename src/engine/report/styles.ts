/**
 * The report's stylesheet, inlined so the file works offline. CJK fonts come
 * first for the report language (a Traditional report prefers TC faces, whose
 * glyph shapes differ), then the system UI faces.
 */
import type { Lang } from '../../kernel/i18n.js';

const CJK: Record<Lang, string> = {
  'zh-Hans': '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei"',
  'zh-Hant': '"PingFang TC", "Microsoft JhengHei", "Noto Sans CJK TC", "Source Han Sans TC", "PingFang SC", "Noto Sans CJK SC"',
  en: '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC"',
};

export function fontStack(lang: Lang): string {
  return `system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, ${CJK[lang]}, sans-serif`;
}

export function styles(lang: Lang): string {
  return `
:root { --ink:#1f2933; --muted:#616e7c; --line:#e4e7eb; --bg:#f5f7fa; --card:#fff; --accent:#2f6fed;
  --community:#1f9d55; --broadcast:#d9480f; --chatter:#7048e8; --declining:#e67700; --silent:#6c757d;
  --met:#1f9d55; --weak:#e67700; --unmet:#d6336c; --na:#868e96; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin:0; background:var(--bg); color:var(--ink); font-family:${fontStack(lang)}; font-size:15px; line-height:1.6; }
main { max-width:1120px; margin:0 auto; padding:24px 16px 48px; }
h1,h2,h3 { line-height:1.25; margin:0 0 .5em; }
h2 { font-size:1.3rem; margin-top:1.6em; }
h3 { font-size:1.05rem; }
p { margin:.3em 0 .6em; }
.muted { color:var(--muted); font-size:.92em; }
.doc-head { display:flex; justify-content:space-between; align-items:baseline; gap:12px; flex-wrap:wrap; margin-bottom:12px; }
.doc-head .chat { font-size:1.1rem; font-weight:600; }
.verdict { display:grid; grid-template-columns:auto 1fr; grid-template-areas:"score text" "actions actions"; gap:20px 28px;
  background:var(--card); border-radius:16px; padding:24px; box-shadow:0 1px 3px rgba(0,0,0,.08); border-top:6px solid var(--kind); }
.kind-community{--kind:var(--community)} .kind-broadcast{--kind:var(--broadcast)} .kind-chatter{--kind:var(--chatter)}
.kind-declining{--kind:var(--declining)} .kind-silent{--kind:var(--silent)} .kind-not_group{--kind:var(--muted)}
.kind-not_group { grid-template-columns:1fr; grid-template-areas:"text"; }
.score { grid-area:score; width:168px; height:168px; border-radius:50%; align-self:center;
  background:conic-gradient(var(--kind) calc(var(--score) * 1%), var(--line) 0); display:grid; place-items:center; }
.score-inner { width:132px; height:132px; border-radius:50%; background:var(--card); display:flex; flex-direction:column; align-items:center; justify-content:center; }
.score-value { font-size:3.2rem; font-weight:700; line-height:1; color:var(--kind); }
.score-label { font-size:.85rem; color:var(--muted); margin-top:4px; }
.verdict-text { grid-area:text; }
.eyebrow { text-transform:uppercase; letter-spacing:.06em; font-size:.8rem; color:var(--muted); margin:0; }
.kind { font-size:2.4rem; color:var(--kind); margin:.1em 0 .1em; }
.kind-hint { font-weight:600; }
.summary { font-size:1.08rem; }
.confidence { color:var(--muted); font-size:.9em; }
.actions { grid-area:actions; background:var(--bg); border-radius:12px; padding:14px 18px; }
.actions h2 { margin:0 0 .4em; font-size:1.1rem; }
.actions ol { margin:0; padding-left:1.4em; }
.actions li { margin:.25em 0; font-weight:500; }
.source { display:grid; grid-template-columns:repeat(auto-fit, minmax(150px, 1fr)); gap:8px; margin:16px 0 0; }
.source div { background:var(--card); border-radius:10px; padding:8px 12px; box-shadow:0 1px 2px rgba(0,0,0,.05); }
.source dt { font-size:.8rem; color:var(--muted); }
.source dd { margin:0; font-weight:600; word-break:break-word; }
.cards { display:grid; grid-template-columns:repeat(auto-fill, minmax(320px, 1fr)); gap:12px; }
.card { background:var(--card); border-radius:12px; padding:14px 16px; box-shadow:0 1px 2px rgba(0,0,0,.06); border-left:5px solid var(--st); }
.card header { display:flex; justify-content:space-between; align-items:baseline; gap:8px; }
.card h3 { margin:0; }
.cond-score { font-weight:700; color:var(--st); font-size:1.2rem; }
.card .status { font-weight:600; color:var(--st); margin:.2em 0; font-size:.92em; }
.status-met{--st:var(--met)} .status-weak{--st:var(--weak)} .status-unmet{--st:var(--unmet)} .status-not_measurable{--st:var(--na)}
.status-not_measurable { background:repeating-linear-gradient(135deg, #fff, #fff 10px, #f8f9fa 10px, #f8f9fa 20px); }
table { border-collapse:collapse; width:100%; }
.measured { font-size:.88em; margin-top:6px; }
.measured th { text-align:left; font-weight:normal; color:var(--muted); padding:3px 8px 3px 0; }
.measured td { text-align:right; white-space:nowrap; font-weight:600; padding:3px 0; }
.measured td.ok { color:var(--met); } .measured td.bad { color:var(--unmet); }
.threshold { display:block; font-weight:normal; color:var(--muted); font-size:.85em; }
.interactions { background:var(--card); border-radius:12px; padding:12px 16px; margin-top:12px; }
.chart-block { background:var(--card); border-radius:12px; padding:14px 16px 8px; margin-top:16px; box-shadow:0 1px 2px rgba(0,0,0,.06); break-inside:avoid; }
.chart-block h2 { margin-top:0; }
.chart { width:100%; height:340px; }
.chart-network { height:560px; }
.chart .no-data { display:grid; place-items:center; height:100%; color:var(--muted); border:1px dashed var(--line); border-radius:8px; }
.table-wrap { overflow-x:auto; background:var(--card); border-radius:12px; box-shadow:0 1px 2px rgba(0,0,0,.06); }
.table-wrap table { font-size:.92em; }
.table-wrap th, .table-wrap td { padding:7px 10px; border-bottom:1px solid var(--line); text-align:left; white-space:nowrap; }
.table-wrap th { background:#f8f9fa; font-weight:600; }
.table-wrap .num { text-align:right; font-variant-numeric:tabular-nums; }
.tag { display:inline-block; background:#fff0f6; color:#a61e4d; border-radius:999px; padding:0 8px; font-size:.85em; margin:1px 2px; }
footer { margin-top:32px; color:var(--muted); font-size:.85em; }
@media (max-width:640px) {
  main { padding:12px 10px 32px; }
  .verdict { grid-template-columns:1fr; grid-template-areas:"score" "text" "actions"; padding:18px; }
  .score { justify-self:center; }
  .kind { font-size:2rem; }
  .cards { grid-template-columns:1fr; }
  .chart { height:300px; } .chart-network { height:420px; }
}
@media print {
  body { background:#fff; font-size:12px; }
  main { max-width:none; padding:0; }
  .chart-block, .table-wrap, .source div, .interactions { box-shadow:none; border:1px solid var(--line); }
  .verdict { box-shadow:none; border:1px solid var(--line); border-top:6px solid var(--kind); }
  .card { box-shadow:none; border:1px solid var(--line); border-left:5px solid var(--st); }
  * { -webkit-print-color-adjust:exact; print-color-adjust:exact; }
  .verdict, .card, .chart-block, tr { break-inside:avoid; }
  .table-wrap { overflow:visible; }
  .table-wrap th, .table-wrap td { white-space:normal; }
}
`;
}

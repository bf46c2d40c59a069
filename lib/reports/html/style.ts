// The HTML report's stylesheet: embedded in the document (it must open from a file years later,
// so it fetches nothing: system fonts, no @import, no url()). It is a constant of ours, never
// user data, which is why the document may insert it as raw text (see components.tsx).
import { RATINGS, RATING_COLORS } from '../verdict-scale';

// The verdict colours are the app's (verdict-scale.ts): each rating's class sets --verdict.
const RATING_CLASSES = RATINGS.map(
  (rating) => `.r-${rating} { --verdict: ${RATING_COLORS[rating]}; }`,
).join('\n');

export const CSS = `
@page { size: A4; margin: 18mm 16mm 20mm; }
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { font-family: Georgia, Cambria, "Times New Roman", Times, serif; font-size: 12pt; line-height: 1.55; color: #1c1917; background: #fff; }
body { max-width: 46rem; margin: 2rem auto; padding: 0 1.25rem; }
h1, h2, h3, h4 { line-height: 1.25; break-after: avoid; page-break-after: avoid; }
h1 { font-size: 1.9rem; margin: 0.25rem 0 1rem; }
h2 { font-size: 1.35rem; margin: 2.25rem 0 0.75rem; padding-bottom: 0.25rem; border-bottom: 1px solid #d6d3d1; }
h3 { font-size: 1.1rem; margin: 0; }
h4 { font-size: 1rem; margin: 1rem 0 0.25rem; }
p { margin: 0.5rem 0; orphans: 3; widows: 3; }
a { color: #1d4ed8; overflow-wrap: anywhere; }
.kicker, .verdict-badge, .recheck, dl.meta dt, th { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
.kicker { margin: 0; text-transform: uppercase; letter-spacing: 0.08em; font-size: 0.8rem; color: #57534e; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 1rem 0; }
dl.meta dt { font-size: 0.85rem; font-weight: 600; color: #44403c; padding-top: 0.15rem; }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
.notice { border-left: 4px solid #d97706; background: #fffbeb; padding: 0.5rem 0.75rem; }
.scale { margin: 0.5rem 0; padding: 0; list-style: none; }
.scale li { margin: 0.3rem 0; break-inside: avoid; }
.swatch { display: inline-block; width: 0.8em; height: 0.8em; margin-right: 0.4em; border-radius: 2px; background: var(--verdict); vertical-align: baseline; }
.chart { display: block; max-width: 100%; height: auto; margin: 0.75rem 0; }
.claim { margin-top: 1.75rem; padding-top: 1rem; border-top: 1px solid #e7e5e4; break-inside: avoid; page-break-inside: avoid; }
.claim-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.5rem 1rem; }
.claim blockquote { margin: 0.75rem 0; padding: 0.5rem 1rem; border-left: 4px solid var(--verdict, #a8a29e); background: #fafaf9; font-style: italic; }
.verdict-badge { display: inline-block; padding: 0.05rem 0.6rem; border: 2px solid var(--verdict); border-radius: 999px; font-size: 0.85rem; font-weight: 600; }
.recheck { display: inline-block; margin: 0; padding: 0.05rem 0.6rem; border: 1px dashed #b45309; border-radius: 4px; background: #fffbeb; color: #7c2d12; font-size: 0.85rem; }
.sources { margin: 0.25rem 0; padding-left: 1.5rem; }
.sources li { margin: 0.35rem 0; }
.excerpt { margin: 0.15rem 0 0; color: #44403c; }
.signature { font-style: italic; color: #57534e; }
.inert-url { overflow-wrap: anywhere; }
table.revisions { width: 100%; border-collapse: collapse; font-size: 0.95rem; }
table.revisions th, table.revisions td { padding: 0.3rem 0.5rem; border-bottom: 1px solid #e7e5e4; text-align: left; vertical-align: top; }
table.revisions tr { break-inside: avoid; }
footer { margin-top: 3rem; padding-top: 0.5rem; border-top: 1px solid #e7e5e4; font-size: 0.85rem; color: #57534e; }
.swatch, .chart, .verdict-badge, .claim blockquote, .notice, .recheck { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
@media print {
  html { font-size: 11pt; }
  body { max-width: none; margin: 0; padding: 0; }
  a { color: inherit; }
  a.source-link::after { content: " <" attr(href) ">"; font-size: 0.8em; overflow-wrap: anywhere; }
}
${RATING_CLASSES}
`.trim();

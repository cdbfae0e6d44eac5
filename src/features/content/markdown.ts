/**
 * Markdown to safe HTML, on the server, once per read. markdown-it with raw
 * HTML disabled turns the Markdown into HTML, then sanitize-html keeps only an
 * allow-list of elements and attributes (no scripts, styles, event handlers,
 * iframes or javascript: links), so no raw HTML from a member reaches a page
 * even if the parser let something through. Links open in a new tab without
 * handing the page to the site they lead to.
 */
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

const md = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });

const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'em', 's', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
  allowedAttributes: { a: ['href', 'title'], ol: ['start'], th: ['align'], td: ['align'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow noopener noreferrer ugc', target: '_blank' }) },
  // Let the transform's attributes through on links only.
  allowedSchemesAppliedToAttributes: ['href'],
};
ALLOWED.allowedAttributes = { ...ALLOWED.allowedAttributes, a: ['href', 'title', 'rel', 'target'] };

export function renderMarkdown(body: string): string {
  return sanitizeHtml(md.render(body), ALLOWED);
}

/** Plain text of the first lines, for feed cards and search snippets. */
export function excerpt(body: string, max = 140): string {
  const text = body
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#>*_`~|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

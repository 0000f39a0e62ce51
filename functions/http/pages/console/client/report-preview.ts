import { h } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/**
 * The wall page of a report (GET /v1/reports/{date}?format=html), shown inside the console and
 * printed from there. It cannot be opened at its URL: the API wants the bearer token, which a
 * link cannot carry. Its document is built in an empty frame of this page, so the console's CSP
 * governs it, and that CSP forbids the page's inline <style>: the style is taken out of the text
 * before it is parsed (a parsed <style> is already a violation) and given to the frame as a
 * constructed stylesheet, which is script, not inline style. The wall's own script (its pager,
 * for lobby screens) is not wanted here and is dropped.
 */
export function splitStyle(html: string): { css: string; markup: string } {
  let css = '';
  const markup = html
    .replace(/<style[^>]*>([\s\S]*?)<\/style>/gi, (_, text: string) => {
      css += `${text}\n`;
      return '';
    })
    .replace(/<script[\s\S]*?<\/script>/gi, '')
    .replace(/<noscript>[\s\S]*?<\/noscript>/gi, '');
  return { css, markup };
}

function fill(frame: HTMLIFrameElement, html: string): void {
  const doc = frame.contentDocument;
  const win = frame.contentWindow as (Window & typeof globalThis) | null;
  if (!doc || !win) return;
  const { css, markup } = splitStyle(html);
  const parsed = new DOMParser().parseFromString(markup, 'text/html');
  doc.replaceChild(doc.importNode(parsed.documentElement, true), doc.documentElement);
  const sheet = new win.CSSStyleSheet();
  sheet.replaceSync(css);
  doc.adoptedStyleSheets = [sheet];
}

export function ReportPreview(p: {
  html: string;
  title: string;
  frameRef: { current: HTMLIFrameElement | null };
}) {
  const own = useRef<HTMLIFrameElement>(null);
  useEffect(() => {
    const frame = own.current;
    if (!frame) return;
    p.frameRef.current = frame;
    fill(frame, p.html);
    // Tall enough to read without a scroll bar inside a scroll bar.
    const height = frame.contentDocument?.documentElement.scrollHeight ?? 0;
    frame.height = String(Math.min(Math.max(height + 16, 240), 1400));
    return () => {
      if (p.frameRef.current === frame) p.frameRef.current = null;
    };
  }, [p.html]);
  return h('iframe', { ref: own, class: 'report-frame', title: p.title });
}

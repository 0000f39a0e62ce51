import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { Lang } from '../env';
import { type AssetName, assetPath } from './assets';

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/**
 * The document every page shares: mobile viewport, one stylesheet, at most one module script,
 * nothing inline (the Content-Security-Policy forbids inline script and style).
 */
export function pageDocument(o: {
  readonly lang: Lang;
  readonly title: string;
  readonly body: Html;
  readonly script?: 'checkin.js' | 'console.js' | 'kiosk.js';
  /** The page's own stylesheet; the check-in page's by default. */
  readonly style?: AssetName;
}): Html {
  return html`<!doctype html>
<html lang="${o.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<meta name="theme-color" content="#0b5a34">
<title>${o.title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${assetPath(o.style ?? 'style.css')}">
${o.script ? html`<script type="module" src="${assetPath(o.script)}"></script>` : ''}
</head>
<body>
${o.body}
</body>
</html>
`;
}

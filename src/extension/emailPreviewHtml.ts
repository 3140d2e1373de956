// The preview webview's page: the email as the list will show it, under its headers, with a strict
// CSP. Nothing of the document's runs (the export escapes it all); only our nonce'd script does,
// and nothing loads from anywhere.
import { escapeAttribute, escapeHtml, type FrontMatter } from '../core';

export interface PreviewContent {
  /** The exported email body (already escaped by the exporter). */
  html: string;
  frontMatter: FrontMatter;
  /** Where the email was written, shown in the toolbar. */
  savedAs?: string;
  nonce: string;
  /** The webview's URI of media/preview.css, and the CSP source it is served from. */
  styleUri: string;
  cspSource: string;
}

export function previewHtml({ html, frontMatter, savedAs, nonce, styleUri, cspSource }: PreviewContent): string {
  const header = (name: string, value: unknown) => {
    if (value === undefined || value === null || value === '') return '';
    const text = Array.isArray(value) ? value.map(String).join(', ') : String(value);
    return `<tr><th>${escapeHtml(name)}</th><td>${escapeHtml(text)}</td></tr>`;
  };
  const csp = [
    "default-src 'none'",
    `style-src-elem ${cspSource}`,
    // the export's own style attributes (quotes, tables); the writer's text never carries any
    "style-src-attr 'unsafe-inline'",
    `script-src 'nonce-${nonce}'`,
    'img-src data:',
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Email preview</title>
<link rel="stylesheet" href="${escapeAttribute(styleUri)}">
</head>
<body>
<div class="toolbar">
  <button id="copy" title="Copy the email's HTML to the clipboard">Copy HTML</button>
  ${savedAs ? `<span class="saved">Saved as ${escapeHtml(savedAs)}</span>` : ''}
</div>
<table class="headers">${header('Subject', frontMatter.subject)}${header('To', frontMatter.to)}${header('Cc', frontMatter.cc)}</table>
<div class="mail">${html}</div>
<script nonce="${escapeAttribute(nonce)}">
  const vscode = acquireVsCodeApi();
  document.getElementById('copy').addEventListener('click', () => vscode.postMessage({ type: 'copy' }));
</script>
</body>
</html>`;
}

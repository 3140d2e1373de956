// The preview webview's page: the email as the list will show it, under its headers, with a strict
// CSP. Nothing of the document's runs (the export escapes it all); only our nonce'd script
// (media/preview.js) does, and nothing loads from anywhere but the extension's media folder.
import * as l10n from '@vscode/l10n';
import { escapeAttribute, escapeHtml, type FrontMatter } from '../core';

export interface PreviewContent {
  /** The exported email body (already escaped by the exporter). */
  html: string;
  frontMatter: FrontMatter;
  /** Where the email was written, shown in the toolbar. */
  savedAs?: string;
  nonce: string;
  /** The webview's URIs of media/preview.css and media/preview.js, and the CSP source they come from. */
  styleUri: string;
  scriptUri: string;
  cspSource: string;
}

/** The parts of the page an email fills, as HTML: what a live update of the shown email replaces (by id). */
export function previewParts({ html, frontMatter, savedAs }: Pick<PreviewContent, 'html' | 'frontMatter' | 'savedAs'>): {
  headers: string;
  mail: string;
  saved: string;
} {
  const header = (name: string, value: unknown) => {
    if (value === undefined || value === null || value === '') return '';
    const text = Array.isArray(value) ? value.map(String).join(', ') : String(value);
    return `<tr><th>${escapeHtml(name)}</th><td>${escapeHtml(text)}</td></tr>`;
  };
  return {
    headers: `${header(l10n.t('Subject'), frontMatter.subject || frontMatter.title)}${header(l10n.t('To'), frontMatter.to)}${header(l10n.t('Cc'), frontMatter.cc)}`,
    mail: html,
    saved: savedAs ? escapeHtml(l10n.t('Saved as {0}', savedAs)) : '',
  };
}

export function previewHtml({ html, frontMatter, savedAs, nonce, styleUri, scriptUri, cspSource }: PreviewContent): string {
  const parts = previewParts({ html, frontMatter, savedAs });
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
  // the page's own words escaped as any text put into it: a translation may hold `<` or `"`
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(l10n.t('Email preview'))}</title>
<link rel="stylesheet" href="${escapeAttribute(styleUri)}">
</head>
<body>
<div class="toolbar">
  <button id="copy-rich" title="${escapeAttribute(l10n.t("Copy the email as rich text, to paste into Gmail's or another mail composer"))}">${escapeHtml(l10n.t('Copy for Pasting'))}</button>
  <button id="copy-html" class="secondary" title="${escapeAttribute(l10n.t("Copy the email's HTML source"))}">${escapeHtml(l10n.t('Copy HTML'))}</button>
  <span class="saved" id="saved">${parts.saved}</span>
</div>
<table class="headers" id="headers">${parts.headers}</table>
<div class="mail" id="mail">${parts.mail}</div>
<script nonce="${escapeAttribute(nonce)}" src="${escapeAttribute(scriptUri)}"></script>
</body>
</html>`;
}

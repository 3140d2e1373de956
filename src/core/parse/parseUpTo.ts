// A draft larger than the limit (the `midcycle.maxFileSize` setting) is read only up to it, at a line
// break, and says so on the last line read (`file-too-large`): never a frozen editor.
import { parseReport, type ReportOptions } from './parseReport';
import type { Report } from '../model/model';
import { diagnosticOf } from '../rules/ruleSeverity';

/** The report of `text`, or of as much of it as fits in `limit` characters with a `file-too-large` diagnostic. */
export function parseReportUpTo(text: string, limit: number, options: ReportOptions = {}): Report {
  if (text.length <= limit) return parseReport(text, options);
  const cut = text.lastIndexOf('\n', limit);
  const end = cut > 0 ? cut : limit;
  const report = parseReport(text.slice(0, end), options);
  // the line the cut is on, as the editor shows it (its whole text, its line end aside)
  const start = text.lastIndexOf('\n', end - 1) + 1;
  const next = text.indexOf('\n', end);
  const lineText = text.slice(start, next === -1 ? text.length : next).replace(/\r$/, '');
  let line = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < start; i = text.indexOf('\n', i + 1)) line++;
  const d = diagnosticOf(
    {
      code: 'file-too-large',
      range: { start: { line, character: 0 }, end: { line, character: lineText.length } },
      message: `This draft is ${Math.round(text.length / 1024)} KB: Midcycle reads its topics and links only up to here (${Math.round(limit / 1024)} KB, the "midcycle.maxFileSize" setting).`,
    },
    options.severities,
  );
  if (d) report.diagnostics.push(d);
  return report;
}

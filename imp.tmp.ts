import * as fs from 'fs';
import { importEmailHtml } from './src/core/importEmail';
import { exportEmail, parseReport } from './src/core';
import { emailShape, shapeText } from './test/unit/helpers/emailShape';
const ref = fs.readFileSync('test/fixtures/reference/neutron-mitaka-midcycle-report.html', 'utf8');
const md = importEmailHtml(ref, { subject: 'Neutron Mitaka mid-cycle report' });
fs.writeFileSync('/tmp/imported.md', md);
const html = exportEmail(parseReport(md));
const a = shapeText(emailShape(ref)), b = shapeText(emailShape(html));
let diffs = 0; for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) { if (diffs++ < 5) console.log(i, '\n  exp:', a[i], '\n  got:', b[i]); }
console.log('lines', a.length, b.length, 'diffs', diffs, 'links equal', JSON.stringify(emailShape(ref).links) === JSON.stringify(emailShape(html).links));
console.log(parseReport(md).diagnostics.length, 'diagnostics');

// The name an untitled draft's export is offered (src/mail/exportTarget.ts): from its subject, else
// its first heading or line, as a file name a writer would type.
import * as assert from 'node:assert/strict';
import { exportFileName } from '../../../src/mail/exportTarget';

describe("an untitled draft's export name", () => {
  it("is its subject's words, without the list's tags", () => {
    assert.equal(exportFileName({ subject: '[openstack-dev] [neutron] Neutron Mid-cycle Report' }, '', '.html'), 'neutron-mid-cycle-report.html');
    assert.equal(exportFileName({ title: 'Nova PTG — Zed summary' }, '', '.eml'), 'nova-ptg-zed-summary.eml');
    assert.equal(exportFileName({ subject: 'Résumé: Cinder café' }, '', '.html'), 'resume-cinder-cafe.html');
  });

  it('else its first heading or line, after the front matter', () => {
    assert.equal(exportFileName({}, '# Neutron mid-cycle report\n\n- Topic\n', '.html'), 'neutron-mid-cycle-report.html');
    assert.equal(exportFileName({ to: 'x@example.org' }, '---\nto: x@example.org\n---\n\nHi all,\n', '.html'), 'hi-all.html');
    assert.equal(exportFileName({}, '\n\n- **Routed networks**: status\n', '.html'), 'routed-networks-status.html');
  });

  it('is cut at a word when long, and "report" when there are no words', () => {
    const long = exportFileName({ subject: 'word '.repeat(30) }, '', '.html');
    assert.ok(long.length <= 65 && /^(word-)+word\.html$/.test(long), long);
    assert.equal(exportFileName({}, '\n~~~\n', '.html'), 'report.html');
  });
});

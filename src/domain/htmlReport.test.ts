import { describe, expect, it } from 'vitest'
import { compiledReport, distinctReport, expectRecognised } from '@/testing/documents'
import { sampleReport } from '@/testing/fixtures'
import { inventedEdition, inventedReport } from '@/testing/inventedEdition'
import { reportHtmlFragment, reportHtmlPage } from './htmlReport'
import { recogniseHtml } from './textImport'

describe('the web page', () => {
  it('reads back through our own text import: the sample, a distinct-number report, a compiled report', () => {
    for (const report of [sampleReport(), distinctReport(), compiledReport()]) {
      expectRecognised(recogniseHtml(reportHtmlFragment(report)), report)
      expectRecognised(recogniseHtml(reportHtmlPage(report)), report)
    }
  })

  it('holds no script, no class, no <style>, no URL: only inline styles a CMS keeps', () => {
    for (const html of [reportHtmlFragment(sampleReport()), reportHtmlPage(sampleReport())]) {
      expect(html).not.toMatch(/<script/i)
      expect(html).not.toMatch(/\sclass=/i)
      expect(html).not.toMatch(/<style/i)
      expect(html).not.toMatch(/https?:|url\(|\ssrc=|\shref=|\/\//i)
      expect(html).not.toMatch(/\son\w+=/i)
    }
  })

  it('uses semantic tables: <thead> with <th scope>, rowspan and colspan as printed', () => {
    const html = reportHtmlFragment(sampleReport())
    expect(html.match(/<table/g)).toHaveLength(3)
    expect(html.match(/<thead>/g)).toHaveLength(2)
    expect(html).toContain('<th scope="col" rowspan="3" colspan="3"')
    expect(html).toContain('<th scope="colgroup" colspan="7"')
    expect(html).toMatch(/<th scope="rowgroup" rowspan="20"[^>]*>三、本年度办理结果<\/th>/)
    expect(html).toContain('<th scope="row" colspan="3"')
    // Tables scroll sideways on a phone instead of shrinking.
    expect(html).toContain('overflow-x:auto')
    expect(html).toMatch(/min-width:\d+em/)
  })

  it('escapes what a report says: text stays text', () => {
    const report = { ...sampleReport(), agency: '<b>某局</b>' }
    report.texts = { ...report.texts, other: '<img src=x onerror=alert(1)> & "引号"' }
    const html = reportHtmlFragment(report)
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;引号&quot;')
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;b&gt;某局&lt;/b&gt;')
  })

  it('lays out an edition it has never seen', () => {
    const html = reportHtmlFragment(inventedReport(), inventedEdition)
    expect(html.match(/<thead>/g)).toHaveLength(1)
    expect(html.match(/<tr>/g)!.length).toBe(6 + 7 + 3 + 2 + 3)
    expect(html).toContain('<th scope="rowgroup" rowspan="5"')
    expect(html).toContain('>最深组</th>')
    expect(html).toContain('>5.5万元</td>')
  })
})

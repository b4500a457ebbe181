// @vitest-environment happy-dom
// The history panel on its own (the editor wires it in): it lists the versions with time and
// changes, tells the grids which cells differ, and restores a version, saving the current state.
import 'fake-indexeddb/auto'
import { createPinia, setActivePinia } from 'pinia'
import { createApp, nextTick } from 'vue'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import HistoryPanel from './HistoryPanel.vue'
import { db } from '@/db/database'
import { historyOf } from '@/db/history'
import { patchReport, putReport } from '@/db/reports'
import { createReport } from '@/domain/report'

const NATURAL = 'requests.new.natural'

async function until(check: () => boolean, ms = 3000) {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 10))
    await nextTick()
  }
}

let host: HTMLElement
let unmount: () => void
beforeEach(async () => {
  await db.delete()
  await db.open()
  host = document.createElement('div')
  document.body.append(host)
})
afterEach(() => {
  unmount?.()
  host.remove()
})

function mount(reportId: string) {
  const emitted: { cells: ReadonlySet<string>[]; restored: string[] } = { cells: [], restored: [] }
  const pinia = createPinia()
  setActivePinia(pinia)
  const app = createApp(HistoryPanel, {
    reportId,
    'onChanged-cells': (c: ReadonlySet<string>) => emitted.cells.push(c),
    onRestored: (id: string) => emitted.restored.push(id),
  })
  app.use(pinia).mount(host)
  unmount = () => app.unmount()
  return emitted
}

const click = async (el: Element | null | undefined) => {
  ;(el as HTMLElement).click()
  await nextTick()
}

describe('the history panel', () => {
  it('lists versions, marks the cells that differ from now, and restores one', async () => {
    const r = { ...createReport('某局', 2024), values: { [NATURAL]: 1, 'requests.new.legal': 2 } }
    await putReport(r)
    await patchReport(r.id, {
      values: { [NATURAL]: 9, 'requests.new.legal': null },
      texts: { overview: '<b>改过</b>' },
    })
    const emitted = mount(r.id)
    await until(() => host.querySelectorAll('li').length === 1)
    const item = host.querySelector('li')!
    expect(item.textContent).toContain('编辑时自动保存')
    expect(item.querySelector('[data-testid=changed-from-previous]')!.textContent).toContain('改动 2 处')
    expect(item.querySelector('[data-testid=differs-from-current]')!.textContent).toContain('与当前相差 3 处')

    await click(item.querySelector('button.entry'))
    await until(() => Boolean(host.querySelector('[data-testid=version-detail]')))
    expect(emitted.cells.at(-1)).toEqual(new Set([NATURAL, 'requests.new.legal']))
    const rows = [...host.querySelectorAll('.diff tr')].map((tr) => tr.textContent)
    expect(rows.some((t) => t?.includes('自然人') && t.includes('1') && t.includes('9'))).toBe(true)
    // Markup in a text is shown as text.
    expect(host.querySelector('.diff b')).toBeNull()
    expect(host.textContent).toContain('<b>改过</b>')

    await click(host.querySelector('[data-testid=restore-version]'))
    await click(host.querySelector('[data-testid=confirm-restore-version]'))
    await until(() => emitted.restored.length === 1)
    expect((await db.reports.get(r.id))!.values).toEqual({ [NATURAL]: 1, 'requests.new.legal': 2 })
    const versions = await historyOf(r.id)
    expect(versions.map((v) => v.reason)).toEqual(['auto', 'restore'])
    expect(versions[1]!.values[NATURAL]).toBe(9)
    await until(() => host.querySelectorAll('li').length === 2)
    expect(host.querySelector('li')!.textContent).toContain('恢复旧版本前')
    expect(emitted.cells.at(-1)!.size).toBe(0)
  })

  it('says so when there is no version yet', async () => {
    const r = createReport('某局', 2024)
    await putReport(r)
    mount(r.id)
    await until(() => host.textContent!.includes('还没有历史版本'))
  })
})

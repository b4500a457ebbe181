import 'fake-indexeddb/auto'
// The editor store over the real database and its real live query (Dexie on fake-indexeddb): the
// keyboard test's edits and undos, with every spacing of the keys between "at once" and "after
// the write".
import fc from 'fast-check'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@/db/database'
import { createReport } from '@/domain/report'
import { useEditorStore } from './editor'

const natural = 'requests.new.natural'
const commercial = 'requests.new.commercial'
const carriedNatural = 'requests.carried_in.natural'
const carriedCommercial = 'requests.carried_in.commercial'

type Gap = 'none' | 'microtask' | 'task' | 'ms'
const wait = (gap: Gap) =>
  gap === 'none'
    ? undefined
    : gap === 'microtask'
      ? Promise.resolve()
      : new Promise((resolve) => setTimeout(resolve, gap === 'task' ? 0 : 3))

beforeEach(async () => {
  await db.delete()
  await db.open()
})

describe('editor store over the live database', () => {
  it('undoes and redoes to the right cells however the keys and the writes interleave', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom<Gap>('none', 'microtask', 'task', 'ms'), { minLength: 10, maxLength: 10 }),
        async (gaps) => {
          setActivePinia(createPinia())
          await db.reports.clear()
          const report = { ...createReport('某局', 2020, '2019'), values: { [natural]: 5, [commercial]: 2 } }
          await db.reports.put(report)
          const editor = useEditorStore()
          editor.open(report.id)
          await expect.poll(() => editor.report?.id).toBe(report.id)
          const steps: (() => void)[] = [
            () => editor.enterTexts({ [natural]: '7' }),
            () => editor.enterTexts({ [carriedNatural]: '4' }),
            () => editor.enterTexts({ [carriedCommercial]: '5' }),
            () => editor.enterTexts({ [natural]: '' }),
            () => editor.enterTexts({ [commercial]: '12' }),
            () => editor.undo(),
            () => editor.undo(),
            () => editor.redo(),
            () => editor.redo(),
            () => editor.undo(),
          ]
          const expected = [
            { [natural]: 7 },
            { [carriedNatural]: 4 },
            { [carriedCommercial]: 5 },
            { [natural]: undefined },
            { [commercial]: 12 },
            { [commercial]: 2 },
            { [natural]: 7 },
            { [natural]: undefined },
            { [commercial]: 12 },
            { [commercial]: 2 },
          ]
          const shown: Record<string, number | undefined> = { ...report.values }
          for (const [i, step] of steps.entries()) {
            step()
            Object.assign(shown, expected[i])
            for (const [key, value] of Object.entries(shown))
              expect(editor.report?.values[key], `${i} ${key}`).toBe(value)
            await wait(gaps[i]!)
            // Whatever the database answered meanwhile, the screen still shows every step so far.
            for (const [key, value] of Object.entries(shown))
              expect(editor.report?.values[key], `${i} ${key}`).toBe(value)
          }
          await expect.poll(() => editor.saveState).toBe('saved')
          await new Promise((resolve) => setTimeout(resolve, 20))
          const want = { [natural]: undefined, [commercial]: 2, [carriedNatural]: 4, [carriedCommercial]: 5 }
          for (const [key, value] of Object.entries(want)) {
            expect(editor.report?.values[key], key).toBe(value)
            expect((await db.reports.get(report.id))?.values[key], key).toBe(value)
          }
          editor.close()
        },
      ),
      { numRuns: 25 },
    )
  }, 120_000)
})

// A chart's figures (src/domain/charts.ts) as a Chart.js configuration: horizontal bars, the
// numbers on the bars, the year-on-year change under each label, colours from the palette.
// No Chart.js code is imported here (types only): the library loads with the first chart.
import type { ChartConfiguration, ChartType, TooltipItem } from 'chart.js'
import type { ChartSpec } from '@/domain/charts'
import { INK, seriesColours, textOn } from './palette'

/** What the value-label plugin (./chartjs.ts) draws. */
export interface ValueLabelOptions {
  /** Per dataset, per bar: the text drawn (empty: nothing). */
  texts: string[][]
  /** Inside the bar (stacked shares) or after its end. */
  inside: boolean
  /** Per dataset: the text colour inside its bars. */
  colours: string[]
  /** Type size in CSS pixels. */
  font: number
}

declare module 'chart.js' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the parameter of Chart.js's own declaration
  interface PluginOptionsByType<TType extends ChartType> {
    valueLabels?: ValueLabelOptions
  }
}

export type BarConfig = ChartConfiguration<'bar', (number | null)[], string[]>

export interface LayoutOptions {
  /** Characters of a category label per line before it wraps. */
  labelWidth?: number
  /** Thinner bars, smaller type and no value axis, for a sheet that must fit on one page. */
  compact?: boolean
  /** Each chart's own legend (false where the page shows one for all). */
  legend?: boolean
}

/** Type size, label line height, bar thickness: regular and compact. */
const SIZES = { regular: { font: 12, line: 15, bar: 16 }, compact: { font: 11, line: 12, bar: 10 } }
const sizes = (layout: LayoutOptions) => (layout.compact ? SIZES.compact : SIZES.regular)
const showLegend = (spec: ChartSpec, layout: LayoutOptions) => spec.series.length > 1 && layout.legend !== false

/**
 * Cuts a label into lines of at most `width` characters: at its spaces (行政处罚 上一年项目数量)
 * where they fit, anywhere otherwise (Chinese has no spaces between words).
 */
export function wrapLabel(label: string, width: number): string[] {
  const lines: string[] = []
  for (const word of label.split(' ')) {
    const last = lines.at(-1)
    if (last !== undefined && [...last].length + 1 + [...word].length <= width) {
      lines[lines.length - 1] = `${last} ${word}`
      continue
    }
    const chars = [...word]
    for (let i = 0; i < chars.length; i += width) lines.push(chars.slice(i, i + width).join(''))
  }
  return lines.length ? lines : ['']
}

const formatValue = (v: number | null, unit: string) => (v === null ? '' : unit === '%' ? `${v}%` : String(v))

/** A bar's value in the tooltip and the table: 10%（4件） for shares, 12件 otherwise, — when blank. */
export function describeValue(spec: ChartSpec, series: number, index: number): string {
  const s = spec.series[series]!
  const v = s.values[index] ?? null
  if (v === null) return '—'
  if (spec.unit !== '%') return `${v}${spec.unit}`
  const count = s.counts?.[index]
  return count === undefined || count === null ? `${v}%` : `${v}%（${count}件）`
}

/** Each category's label lines, and the change under it when there is one. */
function labelLines(spec: ChartSpec, width: number): string[][] {
  return spec.categories.map((c, i) => {
    const lines = wrapLabel(c, width)
    const change = spec.changes?.[i]
    return change ? [...lines, change.text] : lines
  })
}

/** The height the chart needs: every category's bars and label lines, plus the legend and axis. */
export function chartHeight(spec: ChartSpec, layout: LayoutOptions = {}): number {
  const { line, bar } = sizes(layout)
  const lines = labelLines(spec, layout.labelWidth ?? 10)
  const bars = spec.stacked ? 1 : spec.series.length
  const rows = lines.reduce((h, l) => h + Math.max(l.length * line + 6, bars * bar + 10), 0)
  const legend = showLegend(spec, layout) ? Math.ceil(spec.series.length / 3) * 20 + 8 : 0
  return layout.compact ? Math.max(40, rows + legend + 8) : Math.max(80, rows + legend + 36)
}

export function barConfig(spec: ChartSpec, layout: LayoutOptions = {}): BarConfig {
  const kind = spec.stacked ? 'mix' : spec.yearOnYear ? 'years' : 'pair'
  const colours = seriesColours(kind, spec.series.length)
  const percent = spec.unit === '%'
  const { font } = sizes(layout)
  const texts = spec.series.map((s) =>
    s.values.map((v) => (spec.stacked ? (v !== null && v >= 8 ? `${v}%` : '') : formatValue(v, spec.unit))),
  )
  return {
    type: 'bar',
    data: {
      labels: labelLines(spec, layout.labelWidth ?? 10),
      datasets: spec.series.map((s, i) => ({
        label: s.name,
        data: s.values,
        backgroundColor: colours[i],
        borderColor: INK,
        borderWidth: 0.5,
        maxBarThickness: layout.compact ? 14 : 22,
        categoryPercentage: 0.8,
        barPercentage: 0.9,
      })),
    },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      // Drawn at once: a chart never animates while someone types, and prints as it shows.
      animation: false,
      layout: { padding: { right: spec.stacked ? 4 : 8 } },
      scales: {
        x: {
          // Compact: the numbers are on the bars, the axis would only repeat them.
          display: !layout.compact,
          beginAtZero: true,
          stacked: spec.stacked,
          max: spec.stacked ? 100 : undefined,
          // Room after the longest bar for its number.
          grace: spec.stacked ? 0 : '18%',
          ticks: { precision: 0, color: INK, font: { size: 11 }, callback: (v) => (percent ? `${v}%` : v) },
          grid: { color: '#e3e6ea' },
        },
        y: {
          stacked: spec.stacked,
          ticks: { autoSkip: false, color: INK, font: { size: font } },
          grid: { display: false },
        },
      },
      plugins: {
        legend: {
          display: showLegend(spec, layout),
          position: 'top',
          labels: { boxWidth: 14, color: INK, font: { size: font } },
        },
        tooltip: {
          callbacks: {
            title: (items: TooltipItem<'bar'>[]) => spec.categories[items[0]?.dataIndex ?? 0] ?? '',
            label: (item: TooltipItem<'bar'>) =>
              `${spec.series[item.datasetIndex]!.name}：${describeValue(spec, item.datasetIndex, item.dataIndex)}`,
          },
        },
        valueLabels: { texts, inside: Boolean(spec.stacked), colours: colours.map(textOn), font },
      },
    },
  }
}

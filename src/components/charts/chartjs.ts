// Chart.js with only what the charts use (horizontal bars, their scales, legend and tooltip) and
// the plugin that writes each bar's number on it. Imported dynamically by BarChart.vue, so the
// library is its own chunk, loaded only where a chart is shown.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, type Plugin, Tooltip } from 'chart.js'
import type { ValueLabelOptions } from './chartConfig'
import { INK } from './palette'

const valueLabels: Plugin<'bar', ValueLabelOptions> = {
  id: 'valueLabels',
  afterDatasetsDraw(chart, _args, options) {
    const { ctx } = chart
    ctx.save()
    ctx.font = `${options.font ?? 12}px ${Chart.defaults.font.family}`
    ctx.textBaseline = 'middle'
    chart.data.datasets.forEach((_, d) => {
      const meta = chart.getDatasetMeta(d)
      if (meta.hidden) return
      meta.data.forEach((bar, i) => {
        const text = options.texts?.[d]?.[i]
        if (!text) return
        const { x, y, base } = bar.getProps(['x', 'y', 'base'], true) as { x: number; y: number; base: number }
        if (options.inside) {
          if (ctx.measureText(text).width > Math.abs(x - base) - 4) return
          ctx.textAlign = 'center'
          ctx.fillStyle = options.colours?.[d] ?? INK
          ctx.fillText(text, (x + base) / 2, y)
        } else {
          ctx.textAlign = 'left'
          ctx.fillStyle = INK
          ctx.fillText(text, Math.max(x, base) + 4, y)
        }
      })
    })
    ctx.restore()
  },
}

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip, valueLabels)
Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily

export { Chart }

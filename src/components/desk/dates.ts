// Dates on the desk, one format everywhere: 2024-01-05 14:03.
const pad = (n: number) => String(n).padStart(2, '0')

export function shortDate(t: number): string {
  const d = new Date(t)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}
